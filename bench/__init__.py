"""Benchmarks of storytrace on the public corpora in ../shared/data (run by hand, results in BENCHMARKS.md)."""

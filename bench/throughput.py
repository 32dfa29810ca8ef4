"""Throughput of the per-article pipeline against raw spaCy on the same texts (run by hand).

    python bench/throughput.py ../shared/data/ecbplus-dev [--limit N] [--processes 1 2]

For each process count it times, on the same documents:
  - raw:      ``nlp.pipe`` of the same spaCy model over the texts (the practical limit);
  - pipeline: storytrace's ingest (files on disk) + cleaning + metadata + NLP layer
              (sentences, entities, quantities), attribution and temporal off;
  - full:     the same plus attribution, source typing and temporal tagging.
It prints articles/s, words/s, the ratio to raw, and peak memory (RSS of this process and its children).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def load_texts(data_dir: Path, limit: int | None) -> list[str]:
    with (data_dir / "docs.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return [d["text"] for d in docs[:limit]]


def time_raw(texts: list[str], processes: int) -> float:
    from storytrace.nlp import load_pipeline

    nlp = load_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - started


def time_pipeline(folder: Path, processes: int, full: bool) -> tuple[float, int]:
    from storytrace.ingest import read_inputs
    from storytrace.pipeline import analyse_articles, clean_article
    from storytrace.settings import Settings

    settings = Settings(processes=processes, attribution=full, temporal=full)
    started = time.perf_counter()
    articles, _ = read_inputs([folder])
    cleaned = [clean_article(a) for a in articles]
    done, failed = analyse_articles(cleaned, settings)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"  ({len(failed)} article(s) failed)", file=sys.stderr)
    return elapsed, len(done)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    texts = load_texts(args.data_dir, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words} words from {args.data_dir}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(texts):
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        from storytrace.nlp import load_pipeline

        load_pipeline()  # model load time is not throughput
        for processes in args.processes:
            raw = time_raw(texts, processes)
            rows.append((processes, "raw nlp.pipe", raw, len(texts), raw))
            for label, full in (("pipeline (ingest+clean+NLP)", False), ("full per-article", True)):
                elapsed, n = time_pipeline(folder, processes, full)
                rows.append((processes, label, elapsed, n, raw))
    print(f"{'proc':>4}  {'what':30} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'vs raw':>7}")
    for processes, label, elapsed, n, raw in rows:
        print(f"{processes:>4}  {label:30} {elapsed:8.1f} {n / elapsed:10.1f} {words / elapsed:9.0f} {raw / elapsed:7.2f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

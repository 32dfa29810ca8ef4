"""Throughput of the per-article pipeline against raw spaCy on the same texts (run by hand).

    python bench/throughput.py ../shared/data/ecbplus-dev [--limit N] [--processes 1 2]

For each process count it times, on the same documents:
  - raw:      ``nlp.pipe`` of the same spaCy model over the texts (the practical limit);
  - pipeline: storytrace's ingest (files on disk) + cleaning + metadata + NLP layer
              (sentences, entities, quantities), attribution and temporal off;
  - attribution: the pipeline plus attribution and source typing (the issue 3 budget);
  - full:     the same plus temporal tagging.
It prints articles/s, words/s, the ratio to raw, and peak memory (RSS of this process and its children).
The whole-pipeline rows move by several percent from run to run on this machine, more than
attribution costs, so it also times ``find_attributions`` alone against the parse of the same
texts, in one process (median of REPEATS runs).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 3
STEPS = (("pipeline (ingest+clean+NLP)", False, False),  # (label, attribution, temporal)
         ("+ attribution", True, False),
         ("full per-article", True, True))


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


def time_attribution(texts: list[str]) -> tuple[float, float]:
    """Median seconds of parsing ``texts`` and of ``find_attributions`` over the parsed Docs."""
    from storytrace.attribution import find_attributions
    from storytrace.nlp import load_pipeline

    nlp = load_pipeline()
    parse, attribution = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        parsed = time.perf_counter()
        for doc in docs:
            find_attributions(doc)
        parse.append(parsed - started)
        attribution.append(time.perf_counter() - parsed)
    return statistics.median(parse), statistics.median(attribution)


def time_pipeline(folder: Path, processes: int, attribution: bool,
                  temporal: bool) -> tuple[float, int]:
    from storytrace.ingest import read_inputs
    from storytrace.pipeline import analyse_articles, clean_article
    from storytrace.settings import Settings

    settings = Settings(processes=processes, attribution=attribution, temporal=temporal)
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
            for label, attribution, temporal in STEPS:
                elapsed, n = time_pipeline(folder, processes, attribution, temporal)
                rows.append((processes, label, elapsed, n, raw))
    print(f"{'proc':>4}  {'what':30} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'vs raw':>7}")
    for processes, label, elapsed, n, raw in rows:
        print(f"{processes:>4}  {label:30} {elapsed:8.1f} {n / elapsed:10.1f} {words / elapsed:9.0f} {raw / elapsed:7.2f}")
    parse, attribution = time_attribution(texts)
    print(f"attribution alone on the parsed Docs: {attribution:.2f} s against {parse:.1f} s of "
          f"parsing (+{100 * attribution / parse:.1f} %)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

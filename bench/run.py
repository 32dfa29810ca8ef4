"""One entry point for every benchmark: ``python bench/run.py TASK DATA_DIR --predictions OUT.jsonl``.

TASK is one of clustering, attribution, timex, events. Reads DATA_DIR/docs.jsonl, writes one
prediction object per document to OUT.jsonl (formats in DESIGN.md), and when DATA_DIR/gold.jsonl
exists scores them and prints a table. Each task lives in ``bench/<task>.py`` and provides
``predict(docs) -> list[dict]``, ``score(predictions, gold) -> dict`` and ``format_scores(scores) -> str``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

TASKS = ("clustering", "attribution", "timex", "events")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=TASKS)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--predictions", type=Path, required=True, help="where to write predictions (JSONL)")
    args = parser.parse_args(argv)

    docs_path = args.data_dir / "docs.jsonl"
    if not docs_path.exists():
        print(f"error: {docs_path} not found", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    task = importlib.import_module(f"bench.{args.task}")

    docs = read_jsonl(docs_path)
    started = time.perf_counter()
    predictions = task.predict(docs)
    elapsed = time.perf_counter() - started
    write_jsonl(args.predictions, predictions)
    print(f"{args.task}: {len(docs)} documents predicted in {elapsed:.1f} s -> {args.predictions}")

    gold_path = args.data_dir / "gold.jsonl"
    if gold_path.exists():
        scores = task.score(predictions, read_jsonl(gold_path))
        print(task.format_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

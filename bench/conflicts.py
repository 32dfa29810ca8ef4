"""Conflicts flagged on a corpus, for review by hand: ``python bench/conflicts.py DATA_DIR [--show N]``.

Runs the product (``storytrace.pipeline.analyze``, as ``storytrace analyze`` does) on
DATA_DIR/docs.jsonl and prints how many conflicts of each kind its stories get, then the first N
conflicts with the sentence behind each value, so a reader can judge them. There is no gold for
conflicts: ECB+ (news about one event per subtopic, mostly wire copies) holds few real
disagreements, so on it the count is mostly false alarms and a lower count with the real ones kept
is better. The review of a run is written in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storytrace.pipeline import analyze
from storytrace.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print this many conflicts with their sentences")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    dossier = analyze([args.data_dir / "docs.jsonl"], Settings())
    kinds = Counter(c.kind for s in dossier.stories for c in s.conflicts)
    print(f"{len(dossier.articles)} articles, {len(dossier.stories)} stories, "
          f"{sum(kinds.values())} conflicts {dict(sorted(kinds.items()))} "
          f"({time.perf_counter() - started:.0f} s)")
    shown = 0
    for story in dossier.stories:
        claims = {c.id: c for c in story.claims}
        for conflict in story.conflicts:
            if shown >= args.show:
                return 0
            shown += 1
            print(f"\n{story.id} {conflict.kind}: {conflict.about}")
            for value in conflict.values:
                first = claims.get(value.claim_ids[0])
                print(f"  {value.value}: {first.text[:200] if first else value.claim_ids[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The brief's naive attribution baseline, rebuilt, to check what the benchmark's metrics mean.

The issue gives a rule baseline's polnear-dev scores (a speech verb as cue, its subject as
source, its clause as content) but not its code or its scorer. This script is such a system,
written from that one-line description, scored by ``bench/attribution.py``:

    python bench/attribution_baseline.py ../shared/data/polnear-dev

Its exact scores land near the brief's (0.52 / 0.48 / 0.20); which definition of "partial"
lands near the brief's partial scores (0.56 / 0.55 / 0.52) tells which one the brief used.
It is a measuring stick only: nothing in storytrace uses it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.attribution import format_scores, parse_cached, score  # noqa: E402

SPEECH_VERBS = frozenset({
    "say", "tell", "report", "claim", "state", "announce", "add", "explain", "note", "argue",
    "write", "ask", "insist", "warn", "suggest", "deny", "confirm", "acknowledge", "admit",
    "accuse"})


def _extent(token) -> list[int]:
    return [token.left_edge.idx, token.right_edge.idx + len(token.right_edge)]


def baseline_attributions(doc) -> list[dict]:
    """Every speech verb with a clausal complement: the verb is the cue, its subject the source,
    the complement clause the content."""
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_ not in SPEECH_VERBS:
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
        if not clauses:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        found.append({"source": _extent(subjects[0]) if subjects else None,
                      "cue": [token.idx, token.idx + len(token)],
                      "content": _extent(clauses[0])})
    return found


def main(data_dir: str) -> None:
    folder = Path(data_dir)
    docs = [json.loads(line) for line in (folder / "docs.jsonl").open(encoding="utf-8")]
    gold = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    parsed, _ = parse_cached([d["text"] for d in docs])
    predictions = [{"id": d["id"], "attributions": baseline_attributions(doc)}
                   for d, doc in zip(docs, parsed)]
    print(format_scores(score(predictions, gold, {d["id"]: d["text"] for d in docs})))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/attribution_baseline.py DATA_DIR")
    main(sys.argv[1])

"""Learns the attribution cue lexicons from PolNeAR train: which verb (in which frame) and noun lemmas head a cue.

Reproducible: ``python bench/train_attribution.py /work/shared/data/polnear-train`` parses the
split with spaCy (cached, see ``bench/attribution.parse_cached``). For every verb token the frame
is how ``storytrace.attribution.speech.verb_attribution`` would attach its content (ccomp,
interrupted, xcomp, prep, dobj, passive, quote, colon; verbs with no content are skipped); it then
counts how often a (lemma, frame) heads a gold cue span (``hits``) against how often it occurs
(``total``), and keeps pairs with ``hits >= MIN_HITS`` and ``hits / total >= MIN_RATE`` (rare frames
follow their lemma). Nouns are counted the same way without frames. Only lemmas and counts are
written (no corpus text). ``--holdout N`` leaves the first N documents out, to choose the
thresholds on them (done with N=150: rates 0.2-0.4 and hits 2-4 gave exact F1 within 0.01).
Output: ``src/storytrace/data/attribution_cue_verbs.txt`` and ``attribution_cue_nouns.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution import parse_cached  # noqa: E402

MIN_HITS = {"VERB": 2, "NOUN": 4}
MIN_RATE = {"VERB": 0.35, "NOUN": 0.30}
HEADERS = {
    "VERB": "Verbs that introduce an attribution (speech, writing, thought, stance), as lemmas.",
    "NOUN": "Nouns that introduce an attribution (statement, report, claim ...), as lemmas.",
}


def _cue_heads(doc, cue_spans) -> set[int]:
    tokens = []
    for start, end in cue_spans or []:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    ids = {t.i for t in tokens}
    return {t.i for t in tokens if t.head.i not in ids or t.head.i == t.i}


def count_cue_lemmas(data_dir: Path, skip: int = 0) -> tuple[Counter, Counter]:
    """(hits, totals) keyed by (pos, lemma, frame) over the split's documents (first ``skip`` left
    out). For verbs the frame is how ``speech.verb_attribution`` would find the content; verbs for
    which it finds none are not counted. Nouns have the frame "*"."""
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup
    from storytrace.attribution.speech import verb_attribution

    docs = [json.loads(line) for line in (data_dir / "docs.jsonl").open(encoding="utf-8")][skip:]
    gold = {g["id"]: g for g in map(json.loads, (data_dir / "gold.jsonl").open(encoding="utf-8"))}
    parsed, _ = parse_cached([d["text"] for d in docs])
    hits, totals = Counter(), Counter()
    for row, doc in zip(docs, parsed):
        heads = set()
        for attribution in gold[row["id"]]["attributions"]:
            heads |= _cue_heads(doc, attribution["cue"])
        text = doc.text
        quotes = QuoteLookup(find_quotations(text), text)
        for token in doc:
            if token.pos_ == "VERB":
                candidate = verb_attribution(doc, token, quotes)
                if candidate is None:
                    continue
                key = ("VERB", token.lemma_.lower(), candidate.frame)
            elif token.pos_ == "NOUN":
                key = ("NOUN", token.lemma_.lower(), "*")
            else:
                continue
            totals[key] += 1
            if token.i in heads:
                hits[key] += 1
    return hits, totals


def select(pos: str, hits: Counter, totals: Counter) -> list[tuple[str, str, int, int]]:
    """(lemma, frame, hits, total) entries kept for ``pos``: a frame is kept when it reaches
    MIN_HITS and MIN_RATE on its own, or, when it is rare (fewer than MIN_HITS occurrences), when
    the lemma over all its frames does."""
    by_lemma_hits, by_lemma_totals = Counter(), Counter()
    for (p, lemma, _), n in totals.items():
        if p == pos:
            by_lemma_totals[lemma] += n
            by_lemma_hits[lemma] += hits[(p, lemma, _)]
    kept = []
    for (p, lemma, frame), total in totals.items():
        h = hits[(p, lemma, frame)]
        if p != pos or not h or not lemma.isalpha():
            continue
        own = h >= MIN_HITS[pos] and h / total >= MIN_RATE[pos]
        lemma_ok = (by_lemma_hits[lemma] >= MIN_HITS[pos]
                    and by_lemma_hits[lemma] / by_lemma_totals[lemma] >= MIN_RATE[pos])
        if own or (total < MIN_HITS[pos] and lemma_ok):
            kept.append((lemma, frame, h, total))
    return sorted(kept)


def write_lexicon(path: Path, pos: str, hits: Counter, totals: Counter, source: str) -> int:
    rows = select(pos, hits, totals)
    lines = [f"# {HEADERS[pos]}",
             f"# Learned by bench/train_attribution.py from {source} (PolNeAR train split):",
             f"# a ({pos.lower()} lemma, frame) pair is listed when its tokens head a gold cue at"
             if pos == "VERB" else f"# a {pos.lower()} lemma is listed when its tokens head a gold cue at",
             f"# least {MIN_HITS[pos]} times and in at least {MIN_RATE[pos]:.0%} of their occurrences"
             + (" (rare frames follow their lemma)." if pos == "VERB" else "."),
             "# Frames: how the content attaches, see storytrace.attribution.speech.verb_attribution."
             if pos == "VERB" else "# Used with a that-clause only (storytrace.attribution.nouns).",
             "# Trailing comment: hits/total.",
             "# Only lemmas are stored; no corpus text. Edit by hand only with a note here."]
    lines += [f"{lemma} {frame}  # {h}/{t}" if pos == "VERB" else f"{lemma}  # {h}/{t}"
              for lemma, frame, h, t in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--holdout", type=int, default=0,
                        help="leave the first N documents out (to tune thresholds on them)")
    parser.add_argument("--min-rate", type=float, default=None, help="override MIN_RATE (verbs)")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "storytrace" / "data")
    args = parser.parse_args()
    if args.min_rate is not None:
        MIN_RATE["VERB"] = args.min_rate
    hits, totals = count_cue_lemmas(args.data_dir, args.holdout)
    data = args.out
    data.mkdir(parents=True, exist_ok=True)
    for pos, name in (("VERB", "attribution_cue_verbs.txt"), ("NOUN", "attribution_cue_nouns.txt")):
        n = write_lexicon(data / name, pos, hits, totals, args.data_dir.name)
        print(f"{name}: {n} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

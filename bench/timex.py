"""Time-expression benchmark (TIMEX3 extent, type and value) with TempEval-3 scoring.

``predict`` runs ``storytrace.temporal.find_time_expressions`` on each document with its
``published`` date (the DCT) as reference. ``score`` follows TempEval-3 (UzZaman et al., 2013):
strict extent match = identical offsets; relaxed extent match = any overlap, one gold to one
prediction; the attribute scores (type, value) are relaxed F1 x the accuracy of the attribute over
the relaxed-matched pairs.
"""

from __future__ import annotations

import time

from storytrace.temporal import find_time_expressions

BASELINE = {"strict_f1": 0.22, "relaxed_f1": 0.56, "value_f1": 0.14}
HEIDELTIME = {"strict_f1": 0.85, "relaxed_f1": 0.92, "value_f1": 0.79}

_last_timing: dict[str, float] = {}


def predict(docs: list[dict]) -> list[dict]:
    """One ``{"id", "timexes": [{"start", "end", "type", "value"}]}`` per document."""
    rows = []
    words = 0
    started = time.process_time()
    for doc in docs:
        words += len(doc["text"].split())
        found = find_time_expressions(doc["text"], doc.get("published"))
        rows.append(
            {
                "id": doc["id"],
                "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in found],
            }
        )
    elapsed = time.process_time() - started
    _last_timing.update(words=words, seconds=elapsed)
    return rows


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _relaxed_pairs(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one overlap matching: exact matches first, then the largest overlaps."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                options.append((not exact, -overlap, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in sorted(options):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def score(predictions: list[dict], gold: list[dict]) -> dict:
    """TempEval-3 extent (strict, relaxed) P/R/F1 and type/value attribute F1."""
    by_id = {p["id"]: p.get("timexes", []) for p in predictions}
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for doc in gold:
        gold_t = doc["timexes"]
        pred_t = by_id.get(doc["id"], [])
        n_gold += len(gold_t)
        n_pred += len(pred_t)
        gold_spans = {(g["start"], g["end"]) for g in gold_t}
        strict += sum(1 for p in pred_t if (p["start"], p["end"]) in gold_spans)
        pairs = _relaxed_pairs(pred_t, gold_t)
        relaxed += len(pairs)
        type_ok += sum(1 for g, p in pairs if g["type"] == p["type"])
        value_ok += sum(1 for g, p in pairs if p.get("value") is not None and g["value"] == p["value"])
    scores: dict[str, float] = {"gold": n_gold, "predicted": n_pred}
    for name, hits in (("strict", strict), ("relaxed", relaxed)):
        precision = hits / n_pred if n_pred else 0.0
        recall = hits / n_gold if n_gold else 0.0
        scores[f"{name}_p"], scores[f"{name}_r"], scores[f"{name}_f1"] = precision, recall, _f1(precision, recall)
    scores["type_accuracy"] = type_ok / relaxed if relaxed else 0.0
    scores["value_accuracy"] = value_ok / relaxed if relaxed else 0.0
    scores["type_f1"] = scores["relaxed_f1"] * scores["type_accuracy"]
    scores["value_f1"] = scores["relaxed_f1"] * scores["value_accuracy"]
    if _last_timing.get("words"):
        scores["ms_per_1000_words"] = 1000 * _last_timing["seconds"] / _last_timing["words"] * 1000
    return scores


def format_scores(scores: dict) -> str:
    """A table: our P/R/F1 per measure next to the baseline and the HeidelTime anchor."""
    lines = [
        f"TIMEX3 (TempEval-3 scoring): {scores['gold']} gold, {scores['predicted']} predicted",
        f"{'measure':<10} {'P':>6} {'R':>6} {'F1':>6}   {'baseline':>8} {'HeidelTime':>10}",
    ]
    for name in ("strict", "relaxed"):
        lines.append(
            f"{name:<10} {scores[name + '_p']:>6.3f} {scores[name + '_r']:>6.3f} {scores[name + '_f1']:>6.3f}"
            f"   {BASELINE[name + '_f1']:>8.2f} {HEIDELTIME[name + '_f1']:>10.2f}"
        )
    lines.append(
        f"{'value':<10} {'':>6} {'':>6} {scores['value_f1']:>6.3f}   {BASELINE['value_f1']:>8.2f} {HEIDELTIME['value_f1']:>10.2f}"
        f"   (accuracy on relaxed matches {scores['value_accuracy']:.3f})"
    )
    lines.append(
        f"{'type':<10} {'':>6} {'':>6} {scores['type_f1']:>6.3f}   {'':>8} {'':>10}   (accuracy {scores['type_accuracy']:.3f})"
    )
    if "ms_per_1000_words" in scores:
        lines.append(f"speed: {scores['ms_per_1000_words']:.1f} ms CPU per 1000 words")
    return "\n".join(lines)

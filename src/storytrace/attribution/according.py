"""Prepositional attributions: "according to X, ...", "..., according to X", "According to X:".

The cue is "according to"; the source is the object of "to"; the content is the rest of the
sentence around the phrase (edge punctuation dropped), or, when the sentence ends with a colon
right after the phrase, whatever follows (resolved by the caller, see ``Candidate.open_colon``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.attribution.speaker import source_span
from storytrace.attribution.speech import Candidate
from storytrace.attribution.spans import (
    QuoteLookup,
    snap_to_quotations,
    token_range_span,
    within_line,
)


def _object_of_to(token: Token) -> tuple[Token, Token] | None:
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    return child, grandchild
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for grandchild in nxt.children:
            if grandchild.dep_ in ("pobj", "pcomp"):
                return nxt, grandchild
    return None


def according_attribution(doc: Doc, token: Token, quotes: QuoteLookup) -> Candidate | None:
    """The attribution introduced by ``token`` ("according"), or None when it has no object."""
    found = _object_of_to(token)
    if found is None:
        return None
    to, obj = found
    cue = (token.idx, to.idx + len(to.text))
    phrase_start, phrase_end = token.i, max(obj.right_edge.i, to.i) + 1
    src = source_span(doc, obj, {token.i, to.i})
    sent = token.sent
    line_start, line_end = within_line(doc, sent.start, sent.end, token.i)
    before = token_range_span(doc, line_start, phrase_start)
    after = token_range_span(doc, phrase_end, line_end)
    if before is not None and not any(t.is_alpha and t.pos_ not in ("CCONJ", "ADV", "INTJ")
                                      for t in doc[line_start:phrase_start]):
        before = None
    rest = doc[phrase_end:line_end].text.strip()
    if rest == ":" and before is None:
        return Candidate([], cue, src, "according_to", token, obj, open_colon=True)
    parts = [s for s in (before, after) if s is not None]
    if not parts:
        return None
    content: list[tuple[int, int]] = []
    for part in parts:
        content.extend(snap_to_quotations(part, quotes, token.idx))
    return Candidate(sorted(set(content)), cue, src, "according_to", token, obj)

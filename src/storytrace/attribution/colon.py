"""Colon attributions of headline style: "Name: what they said" at the start of a line.

A line (paragraph) opening with a short name phrase and a colon attributes the rest of the line
to that name: the colon is the cue. The name must be short (at most MAX_NAME_TOKENS tokens), hold
no verb, and be a person or organisation (by NER) or a capitalised noun phrase in the document's
first line (the headline). The content runs to the end of the line, without a final period
outside quotation marks, and must hold a word: "Clinton: 1,769" is a tally, not speech.
"""

from __future__ import annotations

from spacy.tokens import Doc

from storytrace.attribution.quotes import paragraph_spans
from storytrace.attribution.speech import Candidate
from storytrace.attribution.spans import QuoteLookup, snap_to_quotations, token_range_span

MAX_NAME_TOKENS = 5
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def colon_attributions(doc: Doc, quotes: QuoteLookup) -> list[Candidate]:
    """Candidates for every line of ``doc`` that opens with "Name:" (see module docstring)."""
    found = []
    text = quotes.text
    for k, (start, end) in enumerate(paragraph_spans(text)):
        colon = text.find(":", start, min(end, start + 80))
        if colon < 0:
            continue
        name = doc.char_span(start, colon, alignment_mode="contract")
        colon_span = doc.char_span(colon, colon + 1)
        if name is None or colon_span is None or not 0 < len(name) <= MAX_NAME_TOKENS:
            continue
        if any(t.pos_ in ("VERB", "AUX") or t.is_digit or t.like_num for t in name):
            continue
        named = any(t.ent_type_ in NAME_LABELS for t in name) and not any(
            t.ent_type_ in ("DATE", "TIME") for t in name)
        headline = k == 0 and all(t.is_title or t.is_upper or not t.is_alpha for t in name)
        if not (named or headline):
            continue
        line_end = doc.char_span(start, end, alignment_mode="expand")
        if line_end is None:
            continue
        content = token_range_span(doc, colon_span.end, line_end.end)
        if content is None or not any(t.is_alpha for t in doc[colon_span.end:line_end.end]):
            continue
        found.append(Candidate(snap_to_quotations(content, quotes), (colon, colon + 1),
                               (name.start_char, name.end_char), "indirect",
                               colon_span[0], name.root))
    return found

"""Token-to-character span helpers shared by the attribution extractors.

Conventions (learned from PolNeAR train annotations): a content span keeps its quotation marks
and the punctuation inside them, keeps a leading "that", and drops punctuation at its edges that
lies outside quotation marks (commas, the sentence's final period, dashes, colons).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from storytrace.attribution.quotes import DOUBLED_APOSTROPHE, Quotation, mark_length

EDGE_PUNCT = set(",.;:—–-")


def char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """(start, end) covering ``tokens``, or None when there are none."""
    tokens = list(tokens)
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def span_within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """True when the character span ``inner`` lies inside ``outer`` (or equals it)."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def trimmed_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) without spaces and non-quote punctuation at either edge, nor a
    coordinating conjunction at its start unless it opens the sentence ("But the plan failed,
    she said": PolNeAR keeps "But"; "..., and the plan failed" drops "and")."""

    def droppable(token: Token) -> bool:
        return token.is_space or token.text in EDGE_PUNCT

    while start + 1 < end and doc[start].pos_ == "CCONJ" and not (
            doc[start].is_sent_start and doc[start].is_title):
        start += 1

    while True:
        before = (start, end)
        while start < end and droppable(doc[start]):
            start += 1
        while end > start and droppable(doc[end - 1]):
            end -= 1
        if start < end and (doc[end - 1].text in ")]" or doc[start].text in "(["):
            inner = doc[start:end].text  # only when a bracket is at an edge: costly on long spans
            opened = inner.count("(") + inner.count("[")
            closed = inner.count(")") + inner.count("]")
            if doc[end - 1].text in ")]" and opened < closed:
                end -= 1
            elif doc[start].text in "([" and opened > closed:
                start += 1
        if (start, end) == before:
            return start, end


def token_range_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of the trimmed token range [start, end), or None when it trims to nothing."""
    start, end = trimmed_tokens(doc, start, end)
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def subtree_range(token: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """Contiguous token range [start, end) of ``token``'s subtree, cut at excluded tokens.

    Excluded tokens (e.g. the cue's own subtree) cut the range so it keeps the side holding
    ``token``.
    """
    start, end = token.left_edge.i, token.right_edge.i + 1
    if exclude:
        before = [i for i in exclude if start <= i < token.i]
        after = [i for i in exclude if token.i < i < end]
        if before:
            start = max(before) + 1
        if after:
            end = min(after)
    return start, end


def breaks_line(token: Token) -> bool:
    """True when a line (paragraph) ends inside or right after ``token``."""
    return "\n" in token.text or "\n" in token.whitespace_


def within_line(doc: Doc, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Token range [start, end) cut to the line (paragraph) holding token ``anchor``; empty (at
    the range's edge) when the range lies wholly on another line."""
    for i in range(anchor - 1, start - 1, -1):
        if breaks_line(doc[i]):
            start = i + 1
            break
    for i in range(min(anchor, end), end):
        if "\n" in doc[i].text or ("\n" in doc[i].whitespace_ and i + 1 < end):
            end = i + (0 if "\n" in doc[i].text else 1)
            break
    return start, max(start, end)


class QuoteLookup:
    """Finds the quotation (if any) that a character offset falls in; carries the text."""

    def __init__(self, quotations: list[Quotation], text: str):
        self.text = text  # the document text (Doc.text rebuilds it on every access)
        self.parts = sorted((a, b, q) for q in quotations for a, b in q.parts)
        self.starts = [p[0] for p in self.parts]

    def at(self, offset: int) -> tuple[int, int, Quotation] | None:
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.parts[k][0] <= offset < self.parts[k][1]:
            return self.parts[k]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Quotation]]:
        k = max(bisect_right(self.starts, start) - 1, 0)
        found = []
        while k < len(self.parts) and self.parts[k][0] < end:
            if self.parts[k][1] > start:
                found.append(self.parts[k])
            k += 1
        return found

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, Quotation]]:
        k = bisect_right(self.starts, start - 1)
        found = []
        while k < len(self.parts) and self.parts[k][0] < end:
            found.append(self.parts[k])
            k += 1
        return found


def snap_to_quotations(span: tuple[int, int], quotes: QuoteLookup,
                       cue_offset: int | None = None) -> list[tuple[int, int]]:
    """Content span(s) grown to whole quotations that the span begins or ends at.

    A span that touches a quotation's opening or closing mark (or starts or ends inside it and
    reaches past it) takes the whole quotation; a span lying strictly inside a quotation, or any
    quotation holding the cue itself (speech reported inside a quotation), is left alone. A
    quotation over several paragraphs contributes every paragraph part, so the result can be
    discontinuous.
    """
    start, end = span
    extra: list[tuple[int, int]] = []
    for a, b, quotation in quotes.overlapping(start, end):
        if cue_offset is not None and any(x <= cue_offset < y for x, y in quotation.parts):
            continue
        touches_open = start <= a + max(mark_length(quotes.text, a), 1)
        closing = 2 if quotes.text.startswith(DOUBLED_APOSTROPHE, b - 2) else 1
        touches_close = end >= b - 1 - closing
        if not (touches_open or touches_close):
            continue
        start, end = min(start, a), max(end, b)
        for part in quotation.parts:
            if part != (a, b):
                extra.append(part)
    spans = {(start, end)}
    for a, b in extra:
        if b <= start or a >= end:
            spans.add((a, b))
    return sorted(spans)

"""Quotation structure of a text: where each quotation starts and ends, across paragraphs.

A quotation is found from its marks alone: curly double quotes open (“) and close (”); a
straight double quote (") opens when it is not preceded by a word character and closes otherwise.
Inside one paragraph marks pair up in order. A quotation left open at the end of a paragraph
continues when the next paragraph opens with a quote mark (the newspaper convention for
multi-paragraph quotes); otherwise it is dropped as unbalanced. Two apostrophes in a row ('') are
a straight double quote (the convention of some wire and archive texts). Single quotes are not
used: they are apostrophes far more often than quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
DOUBLED_APOSTROPHE = "''"
QUOTE_MARKS = OPENING + CLOSING + STRAIGHT
MARK = re.compile("''|[" + QUOTE_MARKS + "]")


@dataclass
class Quotation:
    """One quotation: ``parts`` are (start, end) spans including the marks, one per paragraph."""

    parts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text``, whitespace trimmed."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def mark_length(text: str, i: int) -> int:
    """Length of the quote mark starting at ``i`` (1, 2 for a doubled apostrophe), 0 for none."""
    if text[i] in QUOTE_MARKS:
        return 1
    if text.startswith(DOUBLED_APOSTROPHE, i) and not text.startswith("'", i + 2) \
            and not (i > 0 and text[i - 1] == "'"):
        return 2
    return 0


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(offset, length, straight) of each quote mark in text[start:end]."""
    marks = []
    for match in MARK.finditer(text, start, end):
        i = match.start()
        length = mark_length(text, i)
        if length:
            marks.append((i, length, length == 2 or text[i] == STRAIGHT))
    return marks


def _is_opening(text: str, i: int, para_start: int) -> bool:
    char = text[i]
    if char == OPENING:
        return True
    if char == CLOSING:
        return False
    before = text[i - 1] if i > para_start else " "
    return not (before.isalnum() or before in ".,!?;:)’'…-—")


def find_quotations(text: str) -> list[Quotation]:
    """All balanced quotations of ``text`` in order (see module docstring for the rules)."""
    quotations: list[Quotation] = []
    pending: Quotation | None = None  # a quotation left open by the previous paragraph
    for para_start, para_end in paragraph_spans(text):
        open_at: int | None = None
        open_straight = False
        if pending is not None and not mark_length(text, para_start):
            pending = None
        marks = _marks(text, para_start, para_end)
        for i, length, straight in marks:
            opening = _is_opening(text, i, para_start)
            if open_at is None:
                if opening or straight:
                    open_at, open_straight = i, straight
                continue
            if opening and not straight and not open_straight:
                open_at = i  # a second opening mark: the first was unbalanced
                continue
            if opening and straight and i == open_at + 1:
                continue
            if pending is not None and open_at == para_start:
                quotation, pending = pending, None
            else:
                quotation = Quotation()
            quotation.parts.append((open_at, i + length))
            quotations.append(quotation)
            open_at = None
        if open_at is not None:
            carried = pending if pending is not None and open_at == para_start else Quotation()
            carried.parts.append((open_at, para_end))
            pending = carried
        else:
            pending = None
    return quotations


def quotation_index(quotations: list[Quotation]) -> list[tuple[int, int, Quotation]]:
    """Flat (start, end, quotation) list of every part, in text order, for lookups."""
    return sorted((a, b, q) for q in quotations for a, b in q.parts)

"""Time expressions (TIMEX3): find them in text and normalise them to TimeML values.

A rule engine in the HeidelTime manner: regex rules (``rules_calendar``, ``rules_relative``,
``rules_spans``) propose extents; overlaps are resolved longest-first; then each chosen match is
normalised left to right, so narrative expressions ("two days later") can anchor on the last date
the text established. Calendar arithmetic uses python-dateutil.

Public functions: ``find_time_expressions``, ``infer_reference_date``, ``event_date_for_span``.
"""

from __future__ import annotations

from storytrace.model import TimeExpression
from storytrace.temporal import rules_calendar, rules_relative, rules_spans  # noqa: F401  (register rules)
from storytrace.temporal.calendar import parse_reference
from storytrace.temporal.context import NormContext
from storytrace.temporal.registry import RULES

__all__ = ["find_time_expressions", "infer_reference_date", "event_date_for_span"]

_DATE_TYPES = ("DATE", "TIME")


def _candidate_matches(text: str) -> list[tuple[int, int, int, object]]:
    """Every rule match as (start, end, rule index, match), extents per the rule's ``x`` group."""
    found = []
    for index, rule in enumerate(RULES):
        if not rule.applies_to(text):
            continue
        for match in rule.pattern.finditer(text):
            start, end = rule.extent(match)
            if end > start:
                found.append((start, end, index, match))
    return found


def _select_longest(
    candidates: list[tuple[int, int, int, object]], scratch: NormContext
) -> list[tuple[int, int, int, object]]:
    """Non-overlapping matches, preferring longer extents, then earlier rules, then earlier starts.

    A candidate whose handler rejects it (returns None, checked on a scratch context) is skipped,
    so a shorter overlapping match can take its place.
    """
    chosen: list[tuple[int, int, int, object]] = []
    occupied = bytearray(len(scratch.text) + 1)
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        start, end, index, match = candidate
        if any(occupied[start:end]):
            continue
        scratch.position = start
        if RULES[index].handler(match, scratch) is None:
            continue
        chosen.append(candidate)
        occupied[start:end] = b"\x01" * (end - start)
    return sorted(chosen, key=lambda c: c[0])


def find_time_expressions(
    text: str, reference_date: str | None, *, reference_inferred: bool = False
) -> list[TimeExpression]:
    """All time expressions in ``text``, sorted by start, normalised against ``reference_date``.

    Requires: the cleaned text and its reference (publication) date as ISO date or datetime, or
    None. Gives: TimeExpression with character offsets, TIMEX3 type and TimeML value, precision,
    anchor (publication | narrative | absolute | None) and ``inferred`` (the value depended on a
    reference date that was itself inferred). With no reference date, relative expressions get
    value None or an underspecified value (``XXXX-10-14``), never a guess.
    """
    reference = parse_reference(reference_date)
    context = NormContext(text=text, reference=reference)
    scratch = NormContext(text=text, reference=reference)
    expressions: list[TimeExpression] = []
    for start, end, index, match in _select_longest(_candidate_matches(text), scratch):
        context.position = start
        reading = RULES[index].handler(match, context)
        if reading is None:
            continue
        inferred = bool(reference_inferred and reading.anchor in ("publication", "narrative") and reading.value)
        expressions.append(
            TimeExpression(
                start=start,
                end=end,
                text=text[start:end],
                type=reading.type,
                value=reading.value,
                precision=reading.precision,
                anchor=reading.anchor,
                inferred=inferred,
            )
        )
    return expressions


def infer_reference_date(text: str) -> str | None:
    """The latest fully specified calendar day written in ``text`` (year present), or None.

    For articles without a publication date: a date the article states with its year is a lower
    bound on when it was written. Only absolute day-precision dates (and clock times on such a
    day) count; the result is a plain ``YYYY-MM-DD``.
    """
    days = [
        e.value[:10]
        for e in find_time_expressions(text, None)
        if e.anchor == "absolute" and e.precision == "day" and e.value and e.value[:1].isdigit()
    ]
    return max(days) if days else None


def event_date_for_span(expressions: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The DATE/TIME expression governing the event stated in ``text[start:end]``, or None.

    Rule (kept simple on purpose): among expressions lying inside the span whose type is DATE or
    TIME and whose value is a resolved calendar value (starts with a digit: not PAST_REF, not
    XXXX-...), take the one with the finest precision (day over week over month over year), the
    earliest in the span on ties. Durations and sets never govern an event date.
    """
    rank = {"day": 0, "week": 1, "month": 2, "year": 3, "approximate": 4}
    inside = [
        e
        for e in expressions
        if e.type in _DATE_TYPES and start <= e.start and e.end <= end and e.value and e.value[:1].isdigit()
    ]
    if not inside:
        return None
    return min(inside, key=lambda e: (rank.get(e.precision or "approximate", 5), e.start))

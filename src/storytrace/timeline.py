"""The story timeline: dated claims on a calendar, by event date (not report date), each with when first reported."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicons import shorten
from .model import Article, Claim, TimelineEntry

_PRECISION_BY_SHAPE = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)
_CALENDAR_VALUE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?(-\d{2})?")


def precision_of(value: str, given: str | None = None) -> str:
    """day | week | month | year | approximate, from a TimeML value (or the precision the tagger gave)."""
    if given in ("day", "week", "month", "year", "approximate"):
        return given
    for pattern, precision in _PRECISION_BY_SHAPE:
        if pattern.match(value):
            return precision
    return "approximate"


def is_calendar_date(value: str | None) -> bool:
    """True for values that sit on a calendar (2024-10-16, 2024-10, 2024-W42, 2024-SU), not PAST_REF or P3D."""
    return bool(value) and bool(_CALENDAR_VALUE.match(value))


def build_timeline(claims: Iterable[Claim], articles: dict[str, Article]) -> list[TimelineEntry]:
    """Dated claims ordered by event date; claims of one fact on one date are one entry.

    Until facts are aligned (``fact_id`` None) a claim is its own entry. ``reported_at`` is the
    earliest publication date among the entry's articles (None when none is dated).
    """
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.event_date is None or not is_calendar_date(claim.event_date.value):
            continue
        key = (claim.event_date.value, claim.fact_id or claim.id)
        groups.setdefault(key, []).append(claim)
    entries = []
    for (value, _), members in groups.items():
        first = members[0]
        published = sorted(p for p in (articles[c.article_id].published for c in members) if p)
        entries.append(
            TimelineEntry(
                date=value,
                precision=precision_of(value, first.event_date.precision),
                summary=shorten(first.text),
                claim_ids=[c.id for c in members],
                reported_at=published[0] if published else None,
            )
        )
    entries.sort(key=lambda e: (e.date, e.reported_at or "9999"))
    return entries

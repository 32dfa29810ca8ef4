"""Normalising date strings that inputs give (metadata fields, feeds) to ISO 8601, never guessing."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

from dateutil import parser as date_parser

_SENTINEL = datetime(1, 1, 1)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_iso(value: object) -> str | None:
    """ISO 8601 text for a date given as text, datetime, date or ``time.struct_time``; None if unknown.

    A date with no time stays a date (``2024-10-21``); a datetime keeps its time and offset.
    Strings without a year are not dated (a year is never filled in from today).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return datetime(*value[:6]).isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = date_parser.parse(text, default=_SENTINEL, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1:
        return None
    has_time = parsed.hour or parsed.minute or parsed.second or re.search(r"\d:\d\d", text)
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def date_part(iso: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime."""
    return iso[:10] if iso else None

"""Calendar arithmetic and TimeML value formatting (days, ISO weeks, months, quarters, seasons).

Pure functions over ``datetime.date`` built on python-dateutil's ``relativedelta``. A *direction*
is ``"past"``, ``"future"`` or ``None`` (unknown: take the nearest candidate).
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

Direction = str | None


def parse_reference(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string.

    None when absent, and also when it is not a full ISO day (e.g. "2024" or "2024-10"): relative
    expressions then get no value rather than one computed from a guessed day.
    """
    if not value:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


# --------------------------------------------------------------------------- formatting


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def value_at(day: date, granularity: str) -> str:
    """``day`` written at ``granularity`` (day, week, month, quarter, year, decade, century)."""
    if granularity == "day":
        return day_value(day)
    if granularity == "week":
        return week_value(day)
    if granularity == "month":
        return month_value(day.year, day.month)
    if granularity == "quarter":
        return quarter_value(day.year, quarter_of(day))
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


# --------------------------------------------------------------------------- arithmetic

_DELTA_ARGS = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "fortnight": lambda n: relativedelta(weeks=2 * n),
    "month": lambda n: relativedelta(months=n),
    "quarter": lambda n: relativedelta(months=3 * n),
    "half": lambda n: relativedelta(months=6 * n),
    "year": lambda n: relativedelta(years=n),
    "decade": lambda n: relativedelta(years=10 * n),
    "century": lambda n: relativedelta(years=100 * n),
}


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` ``unit``s (negative = back in time)."""
    return day + _DELTA_ARGS[unit](amount)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[date], reference: date, direction: Direction, reach_days: int) -> date | None:
    """The candidate in ``direction`` if one lies within ``reach_days``, else the nearest one.

    Tense cues are noisy: a date a few weeks ahead stays ahead even in a past-tense clause
    ("declared a dividend, payable Dec. 15"), while "in March" said in past tense in October
    means the March before.
    """
    if direction == "past":
        before = [c for c in candidates if c <= reference and (reference - c).days <= reach_days]
        if before:
            return max(before)
    if direction == "future":
        after = [c for c in candidates if c >= reference and (c - reference).days <= reach_days]
        if after:
            return min(after)
    if not candidates:
        return None
    # Nearest; on a tie prefer the past (news mostly reports what happened).
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference))


def month_day_near(reference: date, month: int, day: int, direction: Direction) -> date | None:
    """The date with this month and day nearest ``reference`` in ``direction``."""
    candidates = [d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := safe_date(y, month, day))]
    return _pick(candidates, reference, direction, reach_days=300)


def month_near(reference: date, month: int, direction: Direction) -> tuple[int, int]:
    """(year, month) of the month named ``month`` nearest ``reference`` in ``direction``."""
    candidates = [date(y, month, 1) for y in (reference.year - 1, reference.year, reference.year + 1)]
    anchor = date(reference.year, reference.month, 1)
    chosen = _pick(candidates, anchor, direction, reach_days=335) or anchor
    return chosen.year, chosen.month


def weekday_near(reference: date, weekday: int, direction: Direction) -> date:
    """The date of ISO ``weekday`` nearest ``reference`` in ``direction`` (the reference day counts)."""
    back = (reference.isoweekday() - weekday) % 7
    forward = (weekday - reference.isoweekday()) % 7
    if direction == "future":
        return reference + relativedelta(days=forward)
    if direction == "past" or back <= forward:
        return reference - relativedelta(days=back)
    return reference + relativedelta(days=forward)

"""Rules for expressions relative to the publication date or to the narrative.

Publication-relative ("yesterday", "last week", "on Thursday", "three years ago", "this autumn")
resolve against the reference date. Narrative-relative ("two days later", "the next day",
"the following month", "a year earlier") resolve against the last date the text itself
established (``NormContext.last_day`` and friends), never against the publication date, except
"a year earlier" style year shifts with no narrative year, which fall back to the reference.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storytrace.temporal.calendar import month_day_near, shift, weekday_near
from storytrace.temporal.context import NormContext, Reading, tense_direction
from storytrace.temporal.registry import dated, precision_of, rule
from storytrace.temporal.vocabulary import (
    MONTH_RE,
    NUMBER_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    UNIT_RE,
    WEEKDAY_RE,
    month_number,
    parse_number,
    unit_name,
    weekday_number,
)

_QUALIFIER_RE = r"(?:about|almost|nearly|more than|less than|just|only|some|roughly|around|over|approximately|at least|barely|little more than)"
_MOD_RE = r"(?:early|late|earlier|later|mid|sometime|some time|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|the balance of)"


def _part_code(part: str) -> str:
    return PARTS_OF_DAY[" ".join(part.lower().replace("-", " ").split())]


# --------------------------------------------------------------------------- today, yesterday, tonight


@rule(
    rf"(?:(?P<mod>early|late|earlier|later) )?(?P<word>today|yesterday|tomorrow|tonight)"
    rf"(?: (?P<part>{PART_OF_DAY_RE}))?(?!'s? (?:morning|afternoon|evening|night))"
    rf"|(?P<part2>{PART_OF_DAY_RE}) (?P<word2>yesterday|today|tomorrow)"
)
def day_word(match: re.Match, ctx: NormContext) -> Reading:
    """'today', 'late yesterday', 'tomorrow morning', 'tonight', 'mid-afternoon yesterday'."""
    word = (match["word"] or match["word2"]).lower()
    part = match["part"] or match["part2"]
    if word == "tonight":
        part = "night"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if ctx.reference is None:
        return Reading("TIME" if part else "DATE", None, "day", "publication")
    day = ctx.reference + timedelta(days=offset)
    if part:
        ctx.last_day = day
        return Reading("TIME", f"{day.isoformat()}T{_part_code(part)}", "day", "publication")
    return dated(ctx, day, "day", "publication")


@rule(rf"(?:(?:early|late|later|earlier) )?(?P<rel>last|this) (?P<part>{PART_OF_DAY_RE})", requires=r"morning|afternoon|evening|night")
def this_part_of_day(match: re.Match, ctx: NormContext) -> Reading | None:
    """'last night', 'this morning', 'later this afternoon'."""
    rel = match["rel"].lower()
    if rel == "last" and match["part"].lower() != "night":
        return None
    if ctx.reference is None:
        return Reading("TIME", None, "day", "publication")
    day = ctx.reference - timedelta(days=1 if rel == "last" else 0)
    return Reading("TIME", f"{day.isoformat()}T{_part_code(match['part'])}", "day", "publication")


# --------------------------------------------------------------------------- weekdays


@rule(
    rf"(?:(?P<mod>early|late|earlier|later) )?(?:(?P<rel>last|this|next|this past|this coming|the previous|the following|that|the same) )?"
    rf"(?P<wd>{WEEKDAY_RE})(?P<plural>s)?(?: (?P<part>{PART_OF_DAY_RE})(?P<plural2>s)?)?"
)
def weekday(match: re.Match, ctx: NormContext) -> Reading | None:
    """'Friday', 'on Thursday', 'last Monday', 'Friday night', 'the previous Friday'; 'Tuesdays' -> SET.

    A bare weekday takes the nearest such day in the tense direction (the reference day counts).
    """
    number = weekday_number(match["wd"])
    part = match["part"]
    suffix = f"T{_part_code(part)}" if part else ""
    if match["plural"] or match["plural2"]:
        return Reading("SET", f"XXXX-WXX-{number}{suffix}", None, None)
    kind = "TIME" if part else "DATE"
    rel = (match["rel"] or "").lower()
    anchor = "publication"
    base = ctx.reference
    if rel in ("the previous", "the following", "that", "the same"):
        anchor, base = "narrative", ctx.last_day
    if base is None:
        return Reading(kind, None, "day", anchor)
    if rel in ("last", "this past", "the previous"):
        day = base - timedelta(days=(base.isoweekday() - number - 1) % 7 + 1)
    elif rel in ("next", "this coming", "the following"):
        day = base + timedelta(days=(number - base.isoweekday() - 1) % 7 + 1)
    else:
        # News reports mostly what happened: with no tense cue a bare weekday is the past one.
        day = weekday_near(base, number, tense_direction(ctx.text, match.start(), match.end()) or "past")
    if part:
        ctx.last_day = day
        return Reading("TIME", f"{day.isoformat()}{suffix}", "day", anchor)
    return dated(ctx, day, "day", anchor)


# --------------------------------------------------------------------------- this/last/next + unit

_OFFSETS = {
    "this": 0, "the current": 0, "the same": 0, "that": 0, "current": 0,
    "last": -1, "the past": -1, "the previous": -1, "the prior": -1, "this past": -1, "the last": -1,
    "the latest": -1, "the most recent": -1, "previous": -1, "prior": -1,
    "next": 1, "the following": 1, "the coming": 1, "this coming": 1, "the next": 1, "the upcoming": 1,
}  # fmt: skip
_NARRATIVE_RELS = {"the following", "the previous", "the prior", "that", "the same"}
_REL_RE = "|".join(sorted((re.escape(k) for k in _OFFSETS), key=len, reverse=True))


@rule(
    rf"(?:(?P<mod>{_MOD_RE})[- ])?(?P<rel>{_REL_RE}) (?P<fiscal>fiscal )?(?P<unit>week|weekend|month|year|quarter|decade|century)"
    r"(?!-| (?:ago|earlier|later)\b)"
)
def relative_unit(match: re.Match, ctx: NormContext) -> Reading | None:
    """'last week' -> 2024-W42, 'earlier this year', 'early next month', 'the following month'."""
    unit = match["unit"].lower()
    rel = match["rel"].lower()
    offset = _OFFSETS[rel]
    if rel in _NARRATIVE_RELS:
        base = _narrative_base(ctx, unit)
        anchor = "narrative"
        if base is None and rel in ("the previous", "the prior"):
            base, anchor = ctx.reference, "publication"  # "the previous year" with no story date = last year
    else:
        base, anchor = ctx.reference, "publication"
    if unit in ("quarter", "weekend") and rel == "the latest":
        offset = -1 if unit == "quarter" else offset
    if base is None:
        return Reading("DATE", None, precision_of(unit), anchor)
    if unit == "weekend":
        day = base + timedelta(weeks=offset)
        if rel in ("this", "the") and offset == 0:
            day = weekday_near(base, 6, tense_direction(ctx.text, match.start(), match.end()))
        return Reading("DATE", f"{day.isocalendar()[0]:04d}-W{day.isocalendar()[1]:02d}-WE", "week", anchor)
    day = shift(base, offset, unit)
    return dated(ctx, day, unit, anchor)


def _narrative_base(ctx: NormContext, unit: str) -> date | None:
    """The date a narrative shift of ``unit`` counts from, or None when the narrative has none.

    When the latest date the text gave is coarser than the shift ("earlier this year ... the
    following month"), the anchor is unknown and nothing is guessed.
    """
    if ctx.last_granularity in ("year", "decade", "century") and unit in ("day", "week", "weekend", "month"):
        return None
    if unit in ("day", "week", "weekend"):
        return ctx.last_day
    if unit == "month":
        return ctx.last_month or ctx.last_day
    if unit == "quarter" and ctx.last_quarter:
        return date(ctx.last_quarter[0], 3 * ctx.last_quarter[1] - 2, 1)
    if ctx.last_year is not None:
        return date(ctx.last_year, 1, 1)
    return None


@rule(
    rf"(?P<x>(?:(?P<mod>{_MOD_RE})[- ])?the (?:(?P<kind>fiscal|full|calendar|entire|whole|latest) )?(?P<unit>year|week|month|quarter|weekend|period)(?!-)"
    r"(?P<ago> a year (?:ago|earlier))?)"
    r"(?! (?:ago|earlier|later|before|after|of|to|in|that|when|which|through)\b)"
    rf"(?P<ended> (?:ended|ending|that ended|which ended) (?:(?P<month>{MONTH_RE}) (?P<day>\d{{1,2}})\b)?)?"
)
def the_unit(match: re.Match, ctx: NormContext) -> Reading | None:
    """'the year', 'the quarter', 'the weekend', 'the end of the month' as the current period.

    'the year ended June 30' is a DURATION (P1Y, a fiscal year); 'the quarter ended Sept. 30' is
    the quarter holding that day; otherwise 'the quarter' is the quarter the text last named, else
    the last completed one (newswire reports on it); 'the latest period' counts only in such a text.
    """
    unit = match["unit"].lower()
    kind = (match["kind"] or "").lower()
    if unit == "period":
        if kind != "latest" or not ctx.last_quarter:
            return None
        unit = "quarter"
    if unit == "year" and match["ended"] and not match["mod"]:
        return Reading("DURATION", "P1Y", None, None)
    if ctx.reference is None:
        return Reading("DATE", None, "approximate", "publication")
    if unit == "quarter":
        if match["ago"]:
            return _year_before_context(ctx)
        if match["month"]:
            end = month_day_near(ctx.reference, month_number(match["month"]), int(match["day"]), "past")
            if end is not None:
                return dated(ctx, end, "quarter", "absolute")
        if ctx.last_quarter:
            year_value, number = ctx.last_quarter
            ctx.remember(Reading("DATE", None), quarter=ctx.last_quarter)
            return Reading("DATE", f"{year_value:04d}-Q{number}", "approximate", "narrative")
        day = shift(ctx.reference, -1, "quarter")
        return dated(ctx, day, "quarter", "publication")
    if unit == "weekend":
        day = weekday_near(ctx.reference, 6, tense_direction(ctx.text, match.start(), match.end()))
        return Reading("DATE", f"{day.isocalendar()[0]:04d}-W{day.isocalendar()[1]:02d}-WE", "week", "publication")
    return dated(ctx, ctx.reference, unit, "publication")


@rule(r"(?:around |about )?(?:year[- ]end|year's end)", requires=r"end")
def year_end(match: re.Match, ctx: NormContext) -> Reading:
    """'year-end', 'year end' -> the reference year."""
    if ctx.reference is None:
        return Reading("DATE", None, "year", "publication")
    return Reading("DATE", f"{ctx.reference.year:04d}", "year", "publication")


# --------------------------------------------------------------------------- year-ago comparisons

_YEAR_AGO_RE = r"year-ago|year-earlier|year ago|year earlier|prior-year|previous-year|comparable|corresponding|same"


@rule(
    rf"(?:the |a )?(?:(?:comparable|same|corresponding) )?(?P<kind>{_YEAR_AGO_RE})(?: (?:fiscal )?(?P<unit>quarter|period))"
    r"(?P<tail> (?:a year (?:ago|earlier)|last year|of last year|in \d{4}))?"
    r"|(?P<bare>year-ago|year-earlier)(?!\w| (?:quarter|period))",
    requires=r"ago|earlier|prior|previous|comparable|corresponding|same",
)
def year_ago_period(match: re.Match, ctx: NormContext) -> Reading | None:
    """'the year-ago quarter', 'the year-earlier period', 'year-earlier' -> same period a year before."""
    kind = (match["kind"] or match["bare"] or "").lower()
    if kind in ("comparable", "corresponding", "same") and not match["tail"]:
        return None
    return _year_before_context(ctx)


def _year_before_context(ctx: NormContext) -> Reading:
    """The quarter the text is about, a year earlier; else the year before the reference."""
    if ctx.last_quarter:
        year_value, number = ctx.last_quarter
        return Reading("DATE", f"{year_value - 1:04d}-Q{number}", "approximate", "narrative")
    if ctx.reference is None:
        return Reading("DATE", None, "year", "publication")
    return Reading("DATE", f"{ctx.reference.year - 1:04d}", "year", "publication")


# --------------------------------------------------------------------------- N units ago / later

_GRANULARITY_OF_UNIT = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "week": "week", "fortnight": "week",
    "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
}  # fmt: skip


@rule(rf"(?:{_QUALIFIER_RE} )?(?P<num>{NUMBER_RE}) (?P<unit>{UNIT_RE})(?: or so)? ago", requires=r"\bago\b")
def units_ago(match: re.Match, ctx: NormContext) -> Reading | None:
    """'three years ago' -> year, 'two weeks ago' -> week, 'a year ago' in an earnings report -> that quarter."""
    amount = parse_number(match["num"])
    unit = unit_name(match["unit"])
    if amount is None:
        return Reading("DATE", "PAST_REF", "approximate", None)
    if unit == "year" and amount == 1 and _quarter_in_focus(ctx, match.start()):
        return _year_before_context(ctx)
    if ctx.reference is None:
        return Reading("DATE", None, _precision(unit), "publication")
    if unit in ("second", "minute", "hour"):
        return Reading("DATE", ctx.reference.isoformat(), "day", "publication")
    day = shift(ctx.reference, -round(amount), unit)
    return dated(ctx, day, _GRANULARITY_OF_UNIT[unit], "publication")


@rule(
    rf"(?:{_QUALIFIER_RE} )?(?P<num>{NUMBER_RE}) (?P<unit>{UNIT_RE}) (?P<dir>later|earlier|afterwards?|previously|before that|after that)"
    r"|(?P<rel>the next|the following|the previous|the prior|that|the same) (?P<unit2>day|morning|evening|night|afternoon)"
    r"|the (?P<unit3>day|week|month|year) (?P<dir3>before|after)(?! \w+ing\b)(?= *[,.;]|\s+(?:that|this)\b)",
    requires=r"later|earlier|afterward|previously|before|after|next|following|previous|prior|that|same",
)
def narrative_shift(match: re.Match, ctx: NormContext) -> Reading | None:
    """'two days later' -> last narrative day + 2, 'the next day', 'a year earlier', 'the day before'.

    Day and week shifts need a day the text itself gave (else value None); a backward shift of a
    month or more with no story date counts from the publication date.
    """
    if match["unit2"]:
        unit, amount = "day", {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1}.get(match["rel"].lower(), 0)
        part = match["unit2"].lower()
    elif match["unit3"]:
        unit, amount, part = match["unit3"].lower(), (1 if match["dir3"].lower() == "after" else -1), "day"
    else:
        unit = unit_name(match["unit"])
        number = parse_number(match["num"])
        if number is None:
            return Reading("DATE", None, "approximate", "narrative")  # "a few days later": no exact date
        backwards = match["dir"].lower().startswith(("earlier", "prev", "before"))
        amount, part = (-round(number) if backwards else round(number)), "day"
        if unit == "year" and amount == -1 and _quarter_in_focus(ctx, match.start()):
            return _year_before_context(ctx)
    granularity = _GRANULARITY_OF_UNIT[unit]
    base = _narrative_base(ctx, unit)
    anchor = "narrative"
    if base is None and amount < 0 and granularity in ("month", "quarter", "year", "decade") and ctx.reference is not None:
        # "profit was $5 million a year earlier": with no story date, earlier than publication.
        base, anchor = ctx.reference, "publication"
    kind = "TIME" if part in ("morning", "evening", "night", "afternoon") else "DATE"
    if base is None:
        return Reading(kind, None, _precision(unit), "narrative")
    if unit in ("second", "minute", "hour"):
        return Reading("DATE", base.isoformat(), "day", anchor)
    day = shift(base, amount, unit)
    if kind == "TIME":
        ctx.last_day = day
        return Reading("TIME", f"{day.isoformat()}T{_part_code(part)}", "day", anchor)
    return dated(ctx, day, granularity, anchor)


def _quarter_in_focus(ctx: NormContext, position: int) -> bool:
    """True when a quarter was named shortly before (earnings reports compare quarters)."""
    return ctx.last_quarter is not None and ctx.last_quarter_at is not None and position - ctx.last_quarter_at < 600


def _precision(unit: str) -> str:
    granularity = _GRANULARITY_OF_UNIT[unit]
    return granularity if granularity in ("day", "week", "month", "year") else "approximate"

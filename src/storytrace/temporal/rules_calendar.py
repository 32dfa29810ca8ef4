"""Rules for calendar names: dates, months, years, quarters, halves, seasons, decades, clock times.

A date written without its year ("Oct. 21", "in June") takes the year that puts it nearest the
reference date in the direction the verb tense points ("will" -> future, past tense -> past),
see ``context.tense_direction``. With no reference date the year stays unknown (``XXXX-10-21``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storytrace.temporal.calendar import (
    month_day_near,
    month_near,
    quarter_of,
    safe_date,
    weekday_near,
)
from storytrace.temporal.context import NormContext, Reading, tense_direction
from storytrace.temporal.registry import dated, rule
from storytrace.temporal.vocabulary import (
    MONTH_RE,
    ORDINAL_DAY_RE,
    ORDINALS,
    PARTS_OF_DAY,
    QUARTER_ORDINAL_RE,
    SEASON_RE,
    SEASONS,
    SPOKEN_YEAR_RE,
    WEEKDAY_RE,
    month_number,
    parse_spoken_year,
    weekday_number,
)

# A year is a 4-digit number not followed by a unit or a count noun ("2000 troops", "1600 GMT").
YEAR_RE = (
    r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s*(?:%|percent|GMT|UTC|hours?\b|hrs\b|h\b|km|kilomet|miles?\b|met(?:er|re)s?\b|feet\b"
    r"|people|troops|soldiers|workers|employees|jobs|members|residents|civilians|refugees|families|children|cases|deaths"
    r"|shares|tons|tonnes|barrels|units|cars|vehicles|homes|houses|pages|words|votes|points|dollars|euros|pounds|yen|rubles))"
)
APPROX_RE = r"(?:(?:early|late|mid|the end of|the beginning of|the start of|the middle of|the turn of)[- ]?)"
_ZONE_RE = r"(?:EST|EDT|CST|CDT|PST|PDT|MST|MDT|GMT|UTC|BST|CET|CEST|EET|EEST|ET|PT|local time)"
_DAY_WORD_RE = r"(?:today|yesterday|tomorrow|tonight)"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.strip().lstrip("'")
    if text.isdigit():
        return int(text)
    return parse_spoken_year(text)


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _direction(match: re.Match, ctx: NormContext) -> str | None:
    """Tense direction around the expression's extent (context words like "until" count as cues)."""
    start, end = match.span("x") if "x" in match.re.groupindex and match["x"] is not None else match.span()
    return tense_direction(ctx.text, start, end)


def resolve_month_day(match: re.Match, ctx: NormContext, month: int, day: int, year: int | None) -> Reading | None:
    """A calendar day; year from the text, else nearest the reference in the tense direction."""
    if year is not None:
        resolved = safe_date(year, month, day)
        return dated(ctx, resolved, "day", "absolute") if resolved else None
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", "day", None)
    resolved = month_day_near(ctx.reference, month, day, _direction(match, ctx))
    return dated(ctx, resolved, "day", "publication") if resolved else None


def resolve_month(match: re.Match, ctx: NormContext, month: int, year: int | None) -> Reading:
    """A month; year from the text, else the nearest such month in the tense direction."""
    if year is not None:
        return dated(ctx, date(year, month, 1), "month", "absolute")
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-{month:02d}", "month", None)
    y, m = month_near(ctx.reference, month, _direction(match, ctx))
    return dated(ctx, date(y, m, 1), "month", "publication")


# --------------------------------------------------------------------------- full and partial dates


@rule(
    rf"(?:(?:around|about|approximately|on or about|as early as|as late as) )?"
    rf"(?:(?P<wd>{WEEKDAY_RE}),? )?(?P<month>{MONTH_RE}) (?P<day>{ORDINAL_DAY_RE})(?!:\d)"
    rf"(?:(?:,|,? of)? (?P<year>{YEAR_RE}|{SPOKEN_YEAR_RE}))?"
)
def month_day(match: re.Match, ctx: NormContext) -> Reading | None:
    """'Oct. 21', 'October 15, 2024', 'Friday, Oct. 13', 'March 26, 1996'."""
    return resolve_month_day(match, ctx, month_number(match["month"]), _day_number(match["day"]), _year(match["year"]))


@rule(
    rf"(?:(?P<wd>{WEEKDAY_RE}),? )?(?:the )?(?P<day>{ORDINAL_DAY_RE})(?: of)? (?P<month>{MONTH_RE})"
    rf"(?:,? (?P<year>{YEAR_RE}))?"
)
def day_month(match: re.Match, ctx: NormContext) -> Reading | None:
    """'21 October', 'the 21st of October 2024'."""
    return resolve_month_day(match, ctx, month_number(match["month"]), _day_number(match["day"]), _year(match["year"]))


@rule(r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", requires=r"\d{4}-\d\d-\d\d")
def iso_date(match: re.Match, ctx: NormContext) -> Reading | None:
    """'2024-10-21' (ISO 8601)."""
    day = safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return dated(ctx, day, "day", "absolute") if day else None


@rule(r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)", requires=r"\d/\d")
def slash_date(match: re.Match, ctx: NormContext) -> Reading | None:
    """'10/21/2024' (US month/day/year, the newswire convention)."""
    day = safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return dated(ctx, day, "day", "absolute") if day else None


@rule(rf"(?:{APPROX_RE})?(?P<month>{MONTH_RE}),? (?:of )?(?P<year>{YEAR_RE}|{SPOKEN_YEAR_RE})")
def month_year(match: re.Match, ctx: NormContext) -> Reading:
    """'Sept 2023', 'August 1988', 'early March 1996', 'January nineteen ninety-seven'."""
    return resolve_month(match, ctx, month_number(match["month"]), _year(match["year"]))


@rule(rf"(?:{APPROX_RE})?(?P<month>{MONTH_RE})(?: (?:of )?(?P<rel>last|this|next) year)", requires=r"year")
def month_relative_year(match: re.Match, ctx: NormContext) -> Reading:
    """'June last year', 'January this year'."""
    month = month_number(match["month"])
    if ctx.reference is None:
        return Reading("DATE", None, "month", "publication")
    year = ctx.reference.year + {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    return dated(ctx, date(year, month, 1), "month", "publication")


# A month standing alone must be written in full or with a dot ("Jan" alone is a first name).
_FULL_OR_DOTTED_MONTH_RE = MONTH_RE.replace(r"\.?)(?![A-Za-z])", r"\.)(?![A-Za-z])")
_BARE_MONTH_CONTEXT = r"(?:in|since|until|till|by|from|during|through|to|before|after|of|and|or|between)"


@rule(
    rf"(?:(?P<ctx>{_BARE_MONTH_CONTEXT}) )?(?P<x>(?:(?P<rel>last|this|next|this past|this coming) |{APPROX_RE})?"
    rf"(?P<month>{_FULL_OR_DOTTED_MONTH_RE}))(?! \d)"
)
def bare_month(match: re.Match, ctx: NormContext) -> Reading | None:
    """'in June', 'last April', 'mid-November': the nearest such month in the tense direction.

    'May' and 'March' count only after a preposition or modifier (else they are verbs or names).
    """
    name = match["month"].rstrip(".").lower()
    if name in ("may", "march", "mar") and not (match["ctx"] or match["rel"] or match["x"] != match["month"]):
        return None
    month = month_number(match["month"])
    rel = (match["rel"] or "").lower()
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-{month:02d}", "month", None)
    if rel in ("last", "this past"):
        year = ctx.reference.year if month < ctx.reference.month else ctx.reference.year - 1
        return dated(ctx, date(year, month, 1), "month", "publication")
    if rel in ("next", "this coming"):
        year = ctx.reference.year if month > ctx.reference.month else ctx.reference.year + 1
        return dated(ctx, date(year, month, 1), "month", "publication")
    if rel == "this":
        return dated(ctx, date(ctx.reference.year, month, 1), "month", "publication")
    return resolve_month(match, ctx, month, None)


# --------------------------------------------------------------------------- years, decades, centuries


@rule(
    rf"(?:(?:fiscal year|fiscal|calendar year|calendar|the year|model year) |FY ?|{APPROX_RE})?"
    rf"(?P<year>{YEAR_RE})(?: (?:or later|and beyond|or earlier))?"
)
def year(match: re.Match, ctx: NormContext) -> Reading:
    """'1988', 'fiscal 1989', 'fiscal year 2024', 'FY2024', 'mid-1996', 'the end of 1994'."""
    return dated(ctx, date(int(match["year"]), 1, 1), "year", "absolute")


@rule(rf"(?:the )?(?:year )?(?P<year>{SPOKEN_YEAR_RE})", requires=r"nineteen|eighteen|twenty|thousand")
def spoken_year(match: re.Match, ctx: NormContext) -> Reading | None:
    """'nineteen ninety-six', 'the year two thousand' (broadcast transcripts)."""
    value = _year(match["year"])
    if value is None or not 1600 <= value <= 2099:
        return None
    return dated(ctx, date(value, 1, 1), "year", "absolute")


@rule(
    r"(?:the )?(?:(?:early|late|mid)[- ]?)?(?:(?P<century>1[6-9]|20)(?P<decade>\d)0|'(?P<short>\d)0)'?s"
    r"|(?:the )?(?:(?:early|late|mid)[- ]?)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    requires=r"0'?s\b|ties\b",
)
def decade(match: re.Match, ctx: NormContext) -> Reading | None:
    """'the 1990s', "the '80s", 'the early 1980s', 'the nineties' -> 199 (TimeML decade value)."""
    if match["century"]:
        return Reading("DATE", f"{match['century']}{match['decade']}", "approximate", "absolute")
    digit = match["short"] or str(
        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(
            match["word"].lower()
        )
        + 2
    )
    if ctx.reference is None:
        return Reading("DATE", None, "approximate", "publication")  # "the '20s": which century is unknown
    if ctx.reference.year >= 2000 and int(digit) <= (ctx.reference.year % 100) // 10:
        century = "20"
    else:
        century = "19"
    return Reading("DATE", f"{century}{digit}", "approximate", "absolute" if match["century"] else "publication")


@rule(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century", requires=r"century")
def century(match: re.Match, ctx: NormContext) -> Reading:
    """'the 20th century' -> 19."""
    return Reading("DATE", f"{int(match['n']) - 1:02d}", "approximate", "absolute")


# --------------------------------------------------------------------------- quarters and halves


@rule(rf"the (?P<year>{YEAR_RE}) (?:fiscal |calendar )?(?P<unit>period|quarter)", requires=r"period|quarter")
def year_period(match: re.Match, ctx: NormContext) -> Reading:
    """'the 1988 period', 'the 1988 quarter': the quarter in focus, in that year (else the year).

    It is a comparison period, so it does not become the quarter in focus itself.
    """
    year_value = int(match["year"])
    if ctx.last_quarter is not None:
        return Reading("DATE", f"{year_value:04d}-Q{ctx.last_quarter[1]}", "approximate", "absolute")
    if match["unit"].lower() == "quarter":
        return Reading("DATE", f"{year_value:04d}-QX", "approximate", "absolute")
    return dated(ctx, date(year_value, 1, 1), "year", "absolute")


_QUARTER_YEAR_RE = rf"(?P<yr>{YEAR_RE}|this year's|last year's|next year's|the year-ago|the year-earlier|year-ago|year-earlier)"


@rule(
    rf"(?:(?:the|this|last|next) (?=\S+ quarter|\S+ \S+ quarter))?(?:{_QUARTER_YEAR_RE} )?(?:(?:comparable|same|corresponding|flat|latest|current) )?"
    rf"(?:(?:fiscal|calendar)[- ])?(?P<ord>{QUARTER_ORDINAL_RE})[- ](?:fiscal[- ])?quarter"
    rf"(?: of (?:fiscal |calendar )?(?P<yr2>{YEAR_RE}|this year|last year|next year))?",
    requires=r"quarter",
)
def quarter(match: re.Match, ctx: NormContext) -> Reading | None:
    """'the third quarter', 'third-quarter', 'the 1988 second quarter', 'this year's third quarter'."""
    number = ORDINALS[match["ord"].lower()]
    number = 4 if number == -1 else number
    if number > 4:
        return None
    marker = (match["yr"] or match["yr2"] or "").lower()
    year_value = _year(marker) if marker[:1].isdigit() else None
    if year_value is None:
        if ctx.reference is None:
            return Reading("DATE", f"XXXX-Q{number}", "approximate", None)
        year_value = ctx.reference.year
        if "ago" in marker or "earlier" in marker or "last" in marker:
            year_value -= 1
        elif "next" in marker:
            year_value += 1
        else:
            current = quarter_of(ctx.reference)
            direction = _direction(match, ctx)
            if number > current and direction == "past":
                year_value -= 1
    anchor = "absolute" if marker[:1].isdigit() else "publication"
    return dated(ctx, date(year_value, 3 * number - 2, 1), "quarter", anchor)


@rule(rf"(?P<kind>Q[1-4]|H[12])(?:[ -]?(?P<year>{YEAR_RE}))?", case_sensitive=True, requires=r"\b[QH][1-4]")
def quarter_code(match: re.Match, ctx: NormContext) -> Reading | None:
    """'Q3 2024' -> 2024-Q3, 'H1' -> the first half of the reference year (business shorthand)."""
    code = match["kind"]
    if match["year"]:
        return Reading("DATE", f"{match['year']}-{code}", "approximate", "absolute")
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-{code}", "approximate", None)
    return Reading("DATE", f"{ctx.reference.year:04d}-{code}", "approximate", "publication")


@rule(
    rf"(?:the )?(?P<ord>first|second|last|latter|1st|2nd) half(?: of (?:the )?(?P<yr>{YEAR_RE}|this year|last year|next year|the year)|(?! of))"
    rf"|(?:the )?first two quarters of (?P<yr2>{YEAR_RE})",
    requires=r"half|quarters",
)
def half_year(match: re.Match, ctx: NormContext) -> Reading | None:
    """'the first half', 'the second half of 1989' -> 1989-H2."""
    half = 1 if (match["ord"] or "first").lower() in ("first", "1st") else 2
    marker = (match["yr"] or match["yr2"] or "").lower()
    if marker[:1].isdigit():
        return Reading("DATE", f"{marker}-H{half}", "approximate", "absolute")
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-H{half}", "approximate", None)
    year_value = ctx.reference.year + (-1 if "last" in marker else 1 if "next" in marker else 0)
    return Reading("DATE", f"{year_value:04d}-H{half}", "approximate", "publication")


# --------------------------------------------------------------------------- seasons


@rule(
    rf"(?:(?P<rel>this|last|next|this past|this coming|the past|the coming|the|early|late|mid|the early|the late)[- ])?"
    rf"(?P<season>{SEASON_RE})(?: of (?P<year>{YEAR_RE}|{SPOKEN_YEAR_RE}|this year|last year|next year))?",
    requires=r"spring|summer|autumn|fall|winter",
)
def season(match: re.Match, ctx: NormContext) -> Reading | None:
    """'this autumn' -> 2024-FA, 'last spring', 'the winter of 1994'.

    Bare 'fall' and 'spring' are skipped (verb, water); 'the fall' only after a preposition.
    """
    code = SEASONS[match["season"].lower()]
    rel = (match["rel"] or "").lower()
    year_text = (match["year"] or "").lower()
    if not rel and not year_text and code in ("FA", "SP"):
        return None
    if rel == "the" and not year_text and code in ("FA", "SP"):
        preceding = ctx.text[max(0, match.start() - 7) : match.start()].lower()
        if not re.search(r"\b(in|during|by|until|this|since)\s+$", preceding):
            return None
    explicit = _year(year_text) if year_text and not year_text.endswith(" year") else None
    if explicit:
        return Reading("DATE", f"{explicit:04d}-{code}", "approximate", "absolute")
    if ctx.reference is None:
        return Reading("DATE", f"XXXX-{code}", "approximate", None)
    year_value = ctx.reference.year
    order = ["WI", "SP", "SU", "FA"]
    current = order[(ctx.reference.month % 12) // 3]
    if "last" in year_text:
        year_value -= 1
    elif "next" in year_text:
        year_value += 1
    elif rel in ("last", "this past", "the past"):
        if order.index(code) >= order.index(current):
            year_value -= 1
    elif rel in ("next", "this coming", "the coming"):
        if order.index(code) <= order.index(current):
            year_value += 1
    elif rel not in ("this",):
        direction = _direction(match, ctx)
        if direction == "past" and order.index(code) > order.index(current):
            year_value -= 1
        elif direction == "future" and order.index(code) < order.index(current):
            year_value += 1
    return Reading("DATE", f"{year_value:04d}-{code}", "approximate", "publication")


# --------------------------------------------------------------------------- clock times


def _clock(hour: int, minute: int | None, ampm: str | None) -> str | None:
    if ampm:
        pm = ampm.lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    elif hour > 24:
        return None
    if minute is not None and minute > 59:
        return None
    return f"{hour:02d}:{minute or 0:02d}"


_CLOCK_RE = (
    r"(?:(?P<hour>[01]?\d|2[0-4])(?:[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?)? ?(?P<ampm>[ap]\.m\.|[ap]m\b)"
    rf"|(?P<hour24>[01]?\d|2[0-3]):?(?P<minute24>[0-5]\d)(?= ?(?:GMT|UTC|{_ZONE_RE})| ?h\b)"
    r"|(?P<milh>[01]\d|2[0-3])(?P<milm>[0-5]\d) hours|(?P<named>noon|midnight|midday))"
)
def _day_re(tag: str) -> str:
    return (
        rf"(?P<wd{tag}>{WEEKDAY_RE})(?:,? (?P<wmonth{tag}>{MONTH_RE}) (?P<wday{tag}>{ORDINAL_DAY_RE}))?"
        rf"|(?P<dayword{tag}>{_DAY_WORD_RE})|(?P<month{tag}>{MONTH_RE}) (?P<day{tag}>{ORDINAL_DAY_RE})(?:,? (?P<year{tag}>{YEAR_RE}))?"
    )


@rule(
    rf"(?:(?:about|around|approximately|at about|shortly after|shortly before|just after|just before) )?"
    rf"(?:(?:{_day_re('1')}),? (?:at )?)?{_CLOCK_RE}(?: ?{_ZONE_RE})?(?:(?: on|,)? (?:{_day_re('2')}))?",
    requires=r"\d ?[ap]\.?m\b|noon|midnight|midday|\d ?(?:GMT|UTC|h\b)|\d:\d\d|[A-Z]T\b|\d\d hours",
)
def clock_time(match: re.Match, ctx: NormContext) -> Reading | None:
    """'10:30 a.m.', '10 p.m. Wednesday', 'noon Thursday', '5 p.m. EST Nov. 9' -> ...T17:00."""
    if match["named"]:
        clock = PARTS_OF_DAY[match["named"].lower()]
    elif match["hour24"]:
        clock = _clock(int(match["hour24"]), int(match["minute24"]), None)
    elif match["milh"]:
        clock = _clock(int(match["milh"]), int(match["milm"]), None)  # "1230 hours" (military time)
    else:
        clock = _clock(int(match["hour"]), int(match["minute"]) if match["minute"] else None, match["ampm"])
    if clock is None:
        return None
    has_day = any(match[f"{name}{tag}"] for name in ("wd", "dayword", "month") for tag in "12")
    if match["named"] and not has_day:
        return None  # "noon" alone is rarely a time expression worth a value
    explicit = _explicit_day(match)
    if explicit is not None:
        return Reading("TIME", f"{explicit.isoformat()}T{clock}", "day", "absolute")
    if ctx.reference is None:
        return Reading("TIME", None, "day", "publication")
    day = _day_of(match, ctx)
    return Reading("TIME", f"{day.isoformat()}T{clock}", "day", "publication")


def _explicit_day(match: re.Match) -> date | None:
    """The day named with its year next to a clock time ("2 a.m. Feb. 4, 2009"), if any."""
    for tag in "12":
        if match[f"month{tag}"] and match[f"year{tag}"]:
            return safe_date(int(match[f"year{tag}"]), month_number(match[f"month{tag}"]), _day_number(match[f"day{tag}"]))
    return None


def _day_of(match: re.Match, ctx: NormContext) -> date:
    """The day a clock time falls on: the day named next to it, else the reference date."""
    direction = _direction(match, ctx)
    for tag in "12":
        if match[f"wmonth{tag}"]:
            found = month_day_near(ctx.reference, month_number(match[f"wmonth{tag}"]), _day_number(match[f"wday{tag}"]), direction)
            if found:
                return found
        if match[f"wd{tag}"]:
            return weekday_near(ctx.reference, weekday_number(match[f"wd{tag}"]), direction)
        if match[f"dayword{tag}"]:
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match[f"dayword{tag}"].lower()]
            return ctx.reference + timedelta(days=offset)
        if match[f"month{tag}"]:
            found = month_day_near(ctx.reference, month_number(match[f"month{tag}"]), _day_number(match[f"day{tag}"]), direction)
            if found:
                return found
    return ctx.reference

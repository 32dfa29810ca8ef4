"""Rules for durations ("for several days" -> PXD), sets ("every week" -> P1W) and vague words.

Durations keep the determiner and qualifiers TimeBank keeps inside the extent ("the past three
months", "nearly two years", "at least 30 days") and leave the preposition out ("for", "in").
Vague expressions ("recently", "now", "the future") come from ``data/timex_vague.txt`` and are
never turned into a calendar date.
"""

from __future__ import annotations

import re

from storytrace.temporal.context import NormContext, Reading
from storytrace.temporal.registry import rule
from storytrace.temporal.vocabulary import (
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    WEEKDAY_RE,
    duration_value,
    month_number,
    parse_number,
    unit_name,
    vague_expressions,
    vague_re,
    weekday_number,
)

_QUALIFIER_RE = (
    r"(?:at least|at most|more than|less than|fewer than|no more than|no less than|nearly|almost|about|around"
    r"|approximately|roughly|some|up to|close to|well over|little more than|upwards of)"
)
# "the past three months" keeps its determiner; so does "the nine months" (a bare "the" only before
# a plural unit, see the lookahead in ``duration``); "a five year low", "the two day rally"
# (adjectival, singular unit) leave it out, as TimeBank does.
_PLURAL_UNIT_RE = r"(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"
_DETERMINER_RE = (
    r"(?:the|these|those|each of the) (?:first|last|past|next|previous|following|coming|latest"
    r"|final|remaining|preceding|additional|entire|whole|full|same|initial|most recent|year-earlier|year-ago|ensuing|intervening)"
    r"|(?:first|last|past|next|another|an additional|additional)"
)

_RATE_BEFORE = re.compile(r"(?i)(?:\d[\d,.]*%?|percent|million|billion|trillion|times|twice|once)(?:\s+[a-z]+)?\s+$")

# --------------------------------------------------------------------------- sets


@rule(
    rf"(?:every|each|per)(?P<other> other| single)?(?: (?P<num>\d+|{NUMBER_WORD_RE}))? (?:(?P<unit>{UNIT_RE})|(?P<wd>{WEEKDAY_RE})|(?P<month>{MONTH_RE})|(?P<season>{SEASON_RE}))",
    requires=r"every|each|per",
)
def every_unit(match: re.Match, ctx: NormContext) -> Reading | None:
    """'every week' -> P1W, 'every other week' -> P2W, 'every three years' -> P3Y, 'each Thursday' -> XXXX-WXX-4."""
    if match["unit"]:
        unit = unit_name(match["unit"])
        plural = match["unit"].lower().endswith("s")
        if plural != bool(match["num"]) and unit != "century":
            return None  # "every days" / "every three day" are not expressions
        amount = parse_number(match["num"]) if match["num"] else 2 if (match["other"] or "").strip() == "other" else 1
        return Reading("SET", duration_value(amount, unit), None, None)
    if match["wd"]:
        return Reading("SET", f"XXXX-WXX-{weekday_number(match['wd'])}", None, None)
    if match["month"]:
        return Reading("SET", f"XXXX-{month_number(match['month']):02d}", None, None)
    return Reading("SET", f"XXXX-{SEASONS[match['season'].lower()]}", None, None)


_ADVERB_SETS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "twice a year": "P6M",
}  # fmt: skip


@rule(r"hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly")
def frequency_word(match: re.Match, ctx: NormContext) -> Reading | None:
    """'daily', 'annually': a SET only when used as an adverb (at the end of a clause or after a verb).

    As an adjective ('a daily newspaper', 'quarterly earnings') it is not a time expression.
    """
    after = ctx.text[match.end() : match.end() + 2]
    if after[:1].isalpha() or (after[:1] == " " and after[1:2].isalpha() and after[1:2].islower()):
        following = re.match(r"\s+(\w+)", ctx.text[match.end() :])
        if following and following.group(1).lower() not in ("and", "or", "since", "until", "for", "in", "at", "to", "by", "on", "from", "through"):
            return None
    return Reading("SET", _ADVERB_SETS[match.group(0).lower()], None, None)


@rule(rf"(?:(?P<times>\w+) times|twice|once|{NUMBER_WORD_RE} times) (?P<x>an? (?P<unit>second|minute|hour|day|week|month|quarter|year))", requires=r"times|twice|once")
def times_per_unit(match: re.Match, ctx: NormContext) -> Reading:
    """'twice a year' -> 'a year' SET P1Y (TimeBank marks the period, not the count)."""
    return Reading("SET", duration_value(1, match["unit"].lower()), None, None)


# --------------------------------------------------------------------------- durations


@rule(
    rf"(?:{_QUALIFIER_RE} )?(?:(?P<det>{_DETERMINER_RE}) |the (?={NUMBER_RE} (?:\w+ )?{_PLURAL_UNIT_RE}\b))?(?P<num>{NUMBER_RE})(?: (?:more|additional|straight|consecutive|full|long|trading|business|working))?"
    rf" (?P<unit>{UNIT_RE})(?: (?:or so|and a half))?(?P<old>[- ]old)?"
    rf"|(?:{_QUALIFIER_RE} )?(?:(?:{_DETERMINER_RE}) )?(?P<lo>\d+|{NUMBER_WORD_RE})(?: to |-| or )(?P<hi>\d+|{NUMBER_WORD_RE}) (?P<unit2>{UNIT_RE})"
    rf"|(?P<both>{UNIT_RE}) or (?P<unit3>{UNIT_RE})"
)
def duration(match: re.Match, ctx: NormContext) -> Reading | None:
    """'three years' -> P3Y, 'for several days' -> PXD, 'the past three months' -> P3M, '2 1/2 years' -> P2Y6M."""
    if match["unit3"]:
        return Reading("DURATION", duration_value(None, unit_name(match["both"])), None, None)
    if match["unit2"]:
        low, high = parse_number(match["lo"]), parse_number(match["hi"])
        unit = unit_name(match["unit2"])
        amount = low if high is not None and low is not None and high - low <= 1 else None
        return Reading("DURATION", duration_value(amount, unit), None, None)
    if match["old"]:
        return None  # "37 years old" is an age, not a time expression
    unit = unit_name(match["unit"])
    number_text = match["num"].lower()
    amount = parse_number(number_text)
    if amount is not None and match.group(0).lower().endswith("and a half"):
        amount += 0.5  # "a minute and a half" -> PT1M30S
    plural = match["unit"].lower().endswith("s") or unit == "century" and match["unit"].lower().endswith("ies")
    if number_text in ("a", "an") and unit == "second":
        return None  # "a second" is mostly the ordinal
    if number_text in ("a", "an") and _RATE_BEFORE.search(ctx.text, max(0, match.start() - 40), match.start()):
        return None  # "$250,000 a year", "four flights a week": a rate, not a span of time
    if amount == 1 and plural and number_text not in ("a couple of",):
        return None  # "a days" is no expression
    if number_text in ("a", "an") and unit == "quarter" and not re.match(r"(?i)(?:for|in|over|within)\s", ctx.text[max(0, match.start() - 7) : match.start()].strip() + " "):
        return None
    return Reading("DURATION", duration_value(amount, unit), None, None)


@rule(
    rf"(?P<num>\d+(?:\.\d+)?|{NUMBER_WORD_RE}|several|multi|half)-(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century)"
    r"(?:-(?:old|long))?(?!-)",
    requires=r"\w-(?:second|minute|hour|day|week|month|quarter|year|decade|centur)",
)
def adjectival_duration(match: re.Match, ctx: NormContext) -> Reading | None:
    """'two-year', '52-week', '10-hour', '8-month-old' (a duration used as a modifier)."""
    if match.group(0).lower().endswith("-old"):
        return None  # "36-year-old" is an age, not a time expression
    number = match["num"].lower()
    amount = None if number in ("several", "multi") else 0.5 if number == "half" else parse_number(number)
    return Reading("DURATION", duration_value(amount, match["unit"].lower()), None, None)


@rule(
    rf"(?:(?P<prep>for|in|over|within|after|during|lasting|taking|took|take|spent|spend|last|lasted) )"
    rf"(?P<x>(?:(?:many|several|a few|some|recent|the past|the last|the next|the coming|the) )?(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries)(?: (?:ahead|to come))?)(?! of\b| ago\b)"
)
def vague_duration(match: re.Match, ctx: NormContext) -> Reading | None:
    """'for years', 'in recent weeks' (vague), 'within hours' -> PXY, PXW, PTXH."""
    words = match["x"].lower()
    if words.startswith("recent "):
        return Reading("DATE", "PAST_REF", "approximate", None)
    if words.startswith("the ") and not words.startswith(("the past", "the last", "the next", "the coming")):
        if not words.endswith(("ahead", "to come")):
            return None
    return Reading("DURATION", duration_value(None, unit_name(match["unit"])), None, None)


@rule(
    r"(?:for|in|after|within|over|since) (?P<x>a while|a little while|a long while|some time|quite some time|a long time"
    r"|a short time|a short while|a long period|an extended period)(?! (?:ago|now|later|before|after|of|to)\b)",
    requires=r"while|time|period",
)
def indefinite_duration(match: re.Match, ctx: NormContext) -> Reading:
    """'for a while', 'for some time' -> DURATION with unknown length (PXX)."""
    return Reading("DURATION", "PXX", None, None)


# --------------------------------------------------------------------------- vague


@rule(vague_re())
def vague(match: re.Match, ctx: NormContext) -> Reading | None:
    """'recently' -> PAST_REF, 'now' -> PRESENT_REF, 'the future' -> FUTURE_REF (lexicon)."""
    phrase = " ".join(match.group(0).lower().split())
    kind, value = vague_expressions()[phrase]
    if phrase == "now" and re.match(r"\s+that\b", ctx.text[match.end() :]):
        return None  # "now that ..." is a conjunction
    return Reading(kind, value, "approximate", None)

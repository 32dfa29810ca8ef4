"""The words time expressions are built from: months, weekdays, numbers, units, and their regexes.

Each ``*_RE`` string is a regex fragment meant to be embedded in the rule patterns of
``storytrace.temporal.rules``; each ``parse_*`` function reads the matching text back into a value.
Vague words (PAST_REF / PRESENT_REF / FUTURE_REF) come from the data file ``timex_vague.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# --------------------------------------------------------------------------- months and weekdays

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month names must be capitalised (so "may", "march" as verbs never match); abbreviations may
# carry a full stop. The scoped (?-i:...) keeps this case-sensitive inside case-insensitive rules.
MONTH_RE = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?)"
    r"(?![A-Za-z]))"
)

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_RE = r"(?:spring|summer|autumn|fall|winter)"

PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "mid afternoon": "AF",
    "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI", "midday": "12:00",
    "noon": "12:00", "midnight": "24:00",
}  # fmt: skip
PART_OF_DAY_RE = r"(?:morning|mid[- ]?afternoon|afternoon|evening|night)"


def month_number(word: str) -> int:
    """The month (1-12) a month name or abbreviation stands for."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """ISO weekday (Monday=1 .. Sunday=7) of a weekday name."""
    return WEEKDAYS[word.lower().rstrip(".")]


# --------------------------------------------------------------------------- numbers

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_DIGIT_NAMES = "one|two|three|four|five|six|seven|eight|nine"
_SMALL_NUMBER_WORD = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_TENS_WORD = "|".join(_TENS_WORDS)

NUMBER_WORD_RE = (
    rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_DIGIT_NAMES}))?|{_SMALL_NUMBER_WORD}"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten) (?:hundred|thousand))"
)
# "3", "2 1/2", "1.5", "24", "twenty four", "a couple of", "a dozen".
EXACT_NUMBER_RE = (
    rf"(?:\d+(?:\.\d+)?(?: 1/2)?|{NUMBER_WORD_RE}(?: and a half)?|a couple of|a couple|a dozen|a half"
    r"|half an?|an?(?: and a half)?)"
)
VAGUE_NUMBER_RE = r"(?:several|a few|few|some|many|a number of|a couple of)"
NUMBER_RE = rf"(?:{VAGUE_NUMBER_RE}|{EXACT_NUMBER_RE})"


def parse_number(text: str) -> float | None:
    """The quantity a number phrase names, or None for vague ones ("several", "a few")."""
    words = text.lower().replace("-", " ").split()
    if not words or words[0] in ("several", "few", "some", "many") or words[:2] in (["a", "few"], ["a", "number"]):
        return None
    half = 0.0
    if "half" in words:
        if words[:2] in (["half", "a"], ["half", "an"]) or words == ["a", "half"]:
            return 0.5
        half = 0.5
        words = [w for w in words if w not in ("and", "half")]
        if words and words[-1] == "a":
            words = words[:-1]
    if words and words[-1] == "1/2":
        half = 0.5
        words = words[:-1]
    if words[:2] == ["a", "couple"]:
        return 2 + half
    if words[:2] == ["a", "dozen"]:
        return 12 + half
    total = 0.0
    for word in words:
        if word in ("a", "an"):
            total += 1
        elif word in _UNITS_WORDS:
            total += _UNITS_WORDS[word]
        elif word in _TENS_WORDS:
            total += _TENS_WORDS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "thousand":
            total = max(total, 1) * 1000
        else:
            try:
                total += float(word.replace(",", ""))
            except ValueError:
                return None
    return total + half


# --------------------------------------------------------------------------- units

UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
UNIT_CODES = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
    "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"), "quarter": ("", "Q"),
    "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"),
}  # fmt: skip


def unit_name(word: str) -> str:
    """Singular unit name ("days" -> "day", "centuries" -> "century")."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def duration_value(amount: float | None, unit: str) -> str:
    """TimeML duration for ``amount`` ``unit`` (None amount -> ``X``): P3D, PT2H, P2Y6M, PXW."""
    time_part, code = UNIT_CODES[unit]
    if unit == "fortnight":
        amount = None if amount is None else amount * 2
    if amount is None:
        return f"P{time_part}X{code}"
    if unit == "hour" and amount == 24:
        return "P1D"  # TimeBank annotates "24 hours" as a day
    if amount != int(amount):
        whole = int(amount)
        if unit == "year":
            return f"P{whole}Y6M" if whole else "P6M"
        if unit == "hour":
            return f"PT{whole}H30M" if whole else "PT30M"
        if unit == "minute":
            return f"PT{whole}M30S" if whole else "PT30S"
        if unit == "day":
            return f"P{whole}DT12H" if whole else "PT12H"
        return f"P{time_part}{amount:g}{code}"
    return f"P{time_part}{int(amount)}{code}"


# --------------------------------------------------------------------------- ordinals

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "final": -1,
}  # fmt: skip
# "final quarter" is Q4; "last quarter" is the previous one (a relative expression, not an ordinal).
QUARTER_ORDINAL_RE = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
ORDINAL_DAY_RE = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"

# --------------------------------------------------------------------------- spoken years

_YEAR_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
              "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}  # fmt: skip
SPOKEN_YEAR_RE = (
    rf"(?:(?:nineteen|eighteen|twenty) (?:(?:{_TENS_WORD})(?:[- ](?:{_DIGIT_NAMES}))?|(?:oh|o)[- ](?:{_DIGIT_NAMES})"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    rf"|two thousand(?: and (?:{_SMALL_NUMBER_WORD}))?(?: (?:{_SMALL_NUMBER_WORD}))?)"
)


def parse_spoken_year(text: str) -> int | None:
    """A year spoken in words ("nineteen ninety-six" -> 1996, "two thousand" -> 2000)."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(sum(_UNITS_WORDS.get(w, 0) for w in rest))
    century = _YEAR_TENS.get(words[0])
    if century is None:
        return None
    rest = [w for w in words[1:] if w not in ("oh", "o")]
    value = sum(_TENS_WORDS.get(w, 0) + _UNITS_WORDS.get(w, 0) for w in rest)
    return century * 100 + value


# --------------------------------------------------------------------------- vague expressions


@lru_cache(maxsize=1)
def vague_expressions() -> dict[str, tuple[str, str]]:
    """Phrase (lower case, single spaces) -> (TYPE, VALUE) from ``data/timex_vague.txt``."""
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("storytrace.data").joinpath("timex_vague.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, value = line.split("\t")
        table[" ".join(phrase.lower().split())] = (kind, value)
    return table


def vague_re() -> str:
    """Alternation of every vague phrase, longest first, whitespace-tolerant."""
    phrases = sorted(vague_expressions(), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) + ")"

"""What normalisation needs to know besides the matched words: reference date, narrative, tense.

``NormContext`` is built once per text and updated as expressions are normalised left to right:
it remembers the last resolved day (the *narrative* anchor for "two days later"), the last
quarter and the last year mentioned. ``tense_direction`` reads the words around an expression
to say whether it points to the past or the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from storytrace.temporal.calendar import Direction


@dataclass
class Reading:
    """A normalised expression: TimeML type and value, with precision and what it was anchored to."""

    type: str
    value: str | None
    precision: str | None = None
    anchor: str | None = None  # publication | narrative | absolute | None


@dataclass
class NormContext:
    """Per-text state for normalisation (reference date plus what the narrative established)."""

    text: str
    reference: date | None
    last_day: date | None = None  # last fully resolved day-precision date (narrative anchor)
    last_month: date | None = None  # first day of the last resolved month (or finer) date
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_quarter_at: int | None = None  # offset where the last quarter was named
    last_granularity: str | None = None  # granularity of the last resolved date (day, month, year...)
    position: int = 0  # offset of the expression being normalised

    def remember(self, reading: Reading, day: date | None = None, quarter: tuple[int, int] | None = None) -> None:
        """Record a resolved date so later narrative-relative expressions can anchor on it."""
        if day is not None and reading.precision == "day":
            self.last_day = day
        if day is not None and reading.precision in ("day", "month"):
            self.last_month = day.replace(day=1)
        if quarter is not None:
            self.last_quarter = quarter
            self.last_quarter_at = self.position
        if day is not None:
            self.last_year = day.year


# --------------------------------------------------------------------------- tense

_REGULAR_PAST = r"[a-z]{3,}(?<!need)(?<!seed)(?<!ceed)ed"


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    """One regex over the cues in ``data/timex_tense_cues.txt`` plus regular "-ed" verbs."""
    cues: dict[str, list[str]] = {"past": [], "future": []}
    text = resources.files("storytrace.data").joinpath("timex_tense_cues.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, cue = line.split("\t")
            cues[kind].append(r"\s+".join(re.escape(w) for w in cue.split()))
    future = "|".join(sorted(cues["future"], key=len, reverse=True))
    past = "|".join(sorted(cues["past"], key=len, reverse=True)) + "|" + _REGULAR_PAST
    return re.compile(rf"(?i)(?:(?<![\w'])|(?='))(?:(?P<future>{future})|(?P<past>{past}))(?!\w)")
_CLAUSE_BREAK = re.compile(r"[.;!?]\s+(?=[A-Z\"'])|\n")
_WINDOW = 90
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|until|till|through)\s+$")
_FUTURE_PASSIVE = re.compile(r"(?i)\b(?:will|'ll|shall|would|to|going to)\s+(?:not\s+)?(?:be|have\s+been)\s+$")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    for match in _CLAUSE_BREAK.finditer(text, left, start):
        left = match.end()
    following = _CLAUSE_BREAK.search(text, end, right)
    if following:
        right = following.start()
    return left, right


def tense_direction(text: str, start: int, end: int) -> Direction:
    """"future" or "past" from the tense cue nearest the expression in its clause, else None.

    Cues (``data/timex_tense_cues.txt``): future auxiliaries and plans ("will", "is expected to",
    "would"), past forms ("was", "said", "-ed" verbs, "ago"); a past participle after "will be" /
    "to be" counts as future. The nearest cue wins; ties go to the one before. With no cue, a
    deadline preposition right before the expression ("by June") points to the future.
    """
    left, right = _clause_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for match in _cue_pattern().finditer(text, left, right):
        if start <= match.start() < end:
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        kind = "future" if match.group("future") else "past"
        if kind == "past" and _FUTURE_PASSIVE.search(text, max(0, match.start() - 30), match.start()):
            kind = "future"  # "will be held", "is expected to be signed"
        if best is None or distance < best[0]:
            best = (distance, kind)
    if best:
        return best[1]
    if _DEADLINE_BEFORE.search(text, max(0, start - 8), start):
        return "future"  # "by June", "until Friday" with no other cue: a deadline ahead
    return None

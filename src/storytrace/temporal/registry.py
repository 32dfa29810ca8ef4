"""The rule table: each rule is a regex plus the function that normalises what it matched.

Rule modules register with ``@rule(pattern)``; registration order breaks ties between matches of
equal length (earlier wins). A pattern may mark its extent with a named group ``x`` when words
around it are needed as context but are not part of the expression (TimeBank leaves
prepositions out: "in June" -> "June"). A handler returns a ``Reading`` or None to reject the match.
``dated`` turns a resolved date into a reading and keeps the narrative state up to date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from storytrace.temporal.calendar import value_at
from storytrace.temporal.context import NormContext, Reading

Handler = Callable[[re.Match, NormContext], Reading | None]

PRECISION_OF_GRANULARITY = {
    "day": "day",
    "time": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    # A cheap regex that must occur somewhere in the text for the rule to be worth running.
    requires: re.Pattern | None = None

    def applies_to(self, text: str) -> bool:
        return self.requires is None or self.requires.search(text) is not None

    def extent(self, match: re.Match) -> tuple[int, int]:
        if "x" in self.pattern.groupindex and match.group("x") is not None:
            return match.span("x")
        return match.span()


RULES: list[Rule] = []


def rule(pattern: str, *, requires: str | None = None, case_sensitive: bool = False) -> Callable[[Handler], Handler]:
    """Register ``handler`` for ``pattern`` (whole words; case-insensitive unless told).

    ``requires``: a keyword regex the pattern cannot match without; texts lacking it skip the rule
    (a speed-up only: it must never change what the rule finds).
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    gate = re.compile(requires, re.IGNORECASE) if requires else None
    # Whole words only, and not the first part of a hyphenated compound ("now-defunct").
    compiled = re.compile(r"(?<![\w$£€])(?:" + pattern + r")(?![\w]|-[A-Za-z])", flags)

    def register(handler: Handler) -> Handler:
        RULES.append(Rule(handler.__name__, compiled, handler, gate))
        return handler

    return register


def precision_of(granularity: str) -> str:
    return PRECISION_OF_GRANULARITY.get(granularity, "approximate")


def dated(ctx: NormContext, day: date | None, granularity: str, anchor: str | None, kind: str = "DATE") -> Reading:
    """A reading for ``day`` at ``granularity``; remembers it for narrative anchoring.

    ``day`` None (no reference to resolve against) gives value None, never a guess.
    """
    if day is None:
        return Reading(kind, None, precision_of(granularity), anchor)
    reading = Reading(kind, value_at(day, granularity), precision_of(granularity), anchor)
    ctx.last_granularity = granularity
    if granularity in ("day", "month", "year"):
        ctx.remember(reading, day=day)
    if granularity == "quarter":
        ctx.remember(reading, quarter=(day.year, (day.month - 1) // 3 + 1))
    return reading

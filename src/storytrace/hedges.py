"""How firmly a claim is stated: the hedge expressions ("reportedly", "may", "no evidence has emerged") in a text.

Two documented lists drive it: ``data/hedge_evidence_patterns.txt`` (missing or negated
evidence, matched first) and ``data/hedge_words.txt`` (single hedges and short phrases). A word
inside an evidence match is not reported again ("could" in "could not be independently
verified"), and "May" the month or a name is not the modal "may".
"""

from __future__ import annotations

import re
from functools import cache

from storytrace.lexicons import phrase_alternation, word_list

# What may follow "May" the month: a day, a year, "of", a comma, or a date word.
_MONTH_FOLLOWERS = re.compile(r"\s*(?:\d|,|of\b|and\b|to\b|through\b|until\b|–|-)", re.IGNORECASE)
# What may precede "may" the month: a preposition or a date word ("in May", "early May").
_MONTH_LEADERS = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|during|through|before|after|early|mid|late|last|next|"
    r"this|of|between|and|to)\s*|-)$",
    re.IGNORECASE,
)




@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(phrase_alternation(word_list(name)), re.IGNORECASE)


def _is_month_or_name(text: str, start: int, end: int) -> bool:
    """Whether the "May" at ``text[start:end]`` is the month or a name rather than the modal."""
    surface = text[start:end]
    if surface == "may":
        return False
    before, after = text[:start], text[end:]
    if _MONTH_LEADERS.search(before) or _MONTH_FOLLOWERS.match(after):
        return True
    # A capital "May" inside a sentence is a name or the month; at its start it may be the modal.
    sentence_start = not before.strip() or before.rstrip()[-1] in ".!?:\"“"
    return surface == "May" and not sentence_start


def find_hedges(text: str) -> list[str]:
    """The hedge expressions in a sentence or claim, lowercased, in text order, without repeats.

    Requires plain text (one sentence or claim). Missing-evidence phrases are reported whole;
    a hedge word inside one of them is not reported again.
    """
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _pattern("hedge_evidence_patterns.txt").finditer(text):
        found.append((match.start(), match.group(0)))
        taken.append(match.span())
    for match in _pattern("hedge_words.txt").finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if match.group(0).lower() == "may" and _is_month_or_name(text, start, end):
            continue
        found.append((start, match.group(0)))
    hedges: list[str] = []
    for _, surface in sorted(found):
        normal = re.sub(r"\s+", " ", surface.lower()).strip()
        if normal not in hedges:
            hedges.append(normal)
    return hedges


def is_hedged(text: str) -> bool:
    """Whether a sentence or claim carries at least one hedge."""
    return bool(find_hedges(text))

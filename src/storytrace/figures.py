"""Figures in claims: what a number in a claim counts or measures, and when two figures may be one count.

A claim's quantities (``storytrace.quantities``) become figures, one per slot (``claim_figures``):
its unit (``unit_of``: data/unit_synonyms.txt; a scale for label words, "magnitude 6"), and for
units of measurement the phrase anchoring it ("7 km from the border": ``anchor_phrase``), a rate
("$3 million a year": ``rate_phrase``), a joint count ("310 passengers and crew":
``joint_phrase``), the stretch it was counted over ("in the first half": ``period_phrase``),
whether it is the whole a part is counted against ("28 of 41 passes"), the kind words between
number and unit ("3 machine guns"), and its interval (a range, "more than 100", "up to 120":
data/quantity_bounds.txt). Quantities that count nothing (data/unit_synonyms.txt ``nocount``),
parts of or additions to a count (data/quantity_partial_words.txt), stretches of a series
(data/quantity_series_words.txt), figures hyphen-joined to their unit ("a three-point basket"),
figures restated in parentheses ("110 billion euros ($143 billion)": a conversion) and fragments
of a number written with a space are no figures. ``figures_compatible`` says whether two figures'
values can describe one count (``APPROXIMATE_TOLERANCE`` for approximate ones). How figures are
grouped into counts and compared across reports is ``storytrace.conflicts``'.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storytrace.clean_lines import load_stopwords
from storytrace.lexicons import entries, phrase_alternation, word_list
from storytrace.model import Claim, ClaimQuantity
from storytrace.quantities import label_words, number_words
from storytrace.updates import unit_key

APPROXIMATE_TOLERANCE = 0.10
ANCHOR_WORDS = 3  # content words kept from the noun phrase after a measured figure's preposition
_ANCHOR_PREPOSITIONS = {
    "from", "of", "to", "away", "off", "inside", "outside", "beyond", "behind", "near", "into",
    "north", "south", "east", "west", "above", "below", "before", "after", "per",
}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
LETTER_WORD = re.compile(r"\b[A-Za-z][\w'’-]*")  # a word that starts with a letter: not the "ers" of "76ers"
_VERB_ENDING = re.compile(r"(?:ed|ing)$")  # after a noun, "-ed"/"-ing" words are mostly verbs
_RANGE = re.compile(r"(\d[\d,.]*)\s*(?:-|–|—|to|and)\s*(\d[\d,.]*)")


@dataclass(frozen=True)
class Unit:
    key: str
    measure: bool
    counted: bool = True  # False for "nocount" words: "four-time", "three times" count no thing
    label: bool = False  # a scale a figure rates on: "magnitude 6" (data/quantity_label_words.txt)


@cache
def _unit_table() -> dict[str, Unit]:
    text = resources.files("storytrace.data").joinpath("unit_synonyms.txt").read_text(encoding="utf-8")
    table = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, words = line.partition(":")
        name, *flags = head.split()
        unit = Unit(name, "measure" in flags, "nocount" not in flags)
        for word in words.split(","):
            if word.strip():
                table[word.strip().lower()] = unit
    return table


def unit_of(quantity: ClaimQuantity) -> Unit | None:
    if not quantity.unit:
        return None
    word = quantity.unit.strip().lower()
    if word in label_words():
        return Unit(word, False, label=True)
    table = _unit_table()
    return table.get(word) or table.get(unit_key(word) or "") or Unit(unit_key(word) or word, False)


def figure_position(claim_text: str, quantity: ClaimQuantity) -> int:
    """Where the figure's text first stands in the claim (case-insensitive), or -1."""
    return claim_text.lower().find(quantity.text.lower()) if quantity.text else -1


def anchor_phrase(claim_text: str, quantity: ClaimQuantity) -> tuple[str, str]:
    """(compare key, readable phrase) of the phrase after a figure: "from the border with X" -> "from border".

    Skips the unit word and a parenthesised alternate ("7 km (4 miles) from ..."). Empty when the
    next word is not a relational preposition.
    """
    position = figure_position(claim_text, quantity)
    if position < 0:
        return "", ""
    words = _WORD.findall(claim_text[position + len(quantity.text) :])
    if words and words[0] == "(":
        words = words[words.index(")") + 1 :] if ")" in words else []
    if words and quantity.unit and words[0].lower() == quantity.unit.lower():
        words = words[1:]
    if not words or words[0].lower() not in _ANCHOR_PREPOSITIONS:
        return "", ""
    if len(words) > 1 and words[0].lower() in ("away", "off") and words[1].lower() == "from":
        words = words[1:]  # "7 km away from the border" is "7 km from the border"
    preposition, rest = words[0], words[1:]
    if preposition.lower() in _DIRECTIONS and rest and rest[0].lower() in ("of", "from"):
        preposition, rest = f"{preposition} {rest[0]}", rest[1:]  # "north of the capital"
    readable, key = [preposition], [preposition.lower()]
    for word in rest:
        lower = word.lower()
        ends_head = len(key) > 1 and (lower in stop_words() or _VERB_ENDING.search(lower))
        if not re.match(r"\w", word) or lower in _ANCHOR_PREPOSITIONS or ends_head:
            break  # the noun phrase ends at punctuation, a next preposition, a function word or a verb form
        readable.append(word)
        if lower not in stop_words():
            key.append(lower)
        if len(key) > ANCHOR_WORDS:
            break
    return " ".join(key), " ".join(readable)


_PERCENT = "percent"  # the unit key of shares (data/unit_synonyms.txt)
_RATE_PERIODS = {"year", "month", "week", "day", "hour", "minute", "second", "season", "game", "night",
                 "term"}
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                 "nightly": "night", "hourly": "hour"}


def _words_after_unit(claim_text: str, quantity: ClaimQuantity, count: int = 3) -> list[str]:
    """The first ``count`` words (lowercased) after a figure in its claim, its unit word skipped."""
    position = figure_position(claim_text, quantity)
    if position < 0:
        return []
    words = [w.lower() for w in _WORD.findall(claim_text[position + len(quantity.text):])[:count]]
    if words and quantity.unit and words[0] == quantity.unit.lower():
        words = words[1:]
    return words


def rate_phrase(claim_text: str, quantity: ClaimQuantity) -> str:
    """"per year" when the figure is a rate ("$3 million a year", "12 per day", "300 annually",
    "$2 an hour"): a rate is another slot than a total ("$7 million in all"). Empty otherwise."""
    words = _words_after_unit(claim_text, quantity)
    if words and words[0] in _RATE_ADVERBS:
        return f"per {_RATE_ADVERBS[words[0]]}"
    if len(words) >= 2 and words[0] in ("a", "an", "per", "each", "every") and words[1] in _RATE_PERIODS:
        return f"per {words[1]}"
    return ""


PERIOD_WORDS_BEFORE = 6  # words before a figure searched for the stretch it was counted over
PERIOD_WORDS_AFTER = 8  # ... and after it, up to the end of its clause
_PERIOD_MODIFIERS = frozenset("first second third fourth final last this next previous whole".split())
_CLAUSE_END = frozenset(",;:.!?()—–")
_PERIOD_PREPOSITIONS = frozenset("in over through during across for from".split())


@cache
def _period_words() -> frozenset[str]:
    return frozenset(word_list("quantity_period_words.txt"))


def period_phrase(claim_text: str, quantity: ClaimQuantity) -> str:
    """The stretch a figure was counted over, nearest to it: "first half" in "scored seven points in
    the first half", "game" in "205 yards in the game", "54 game" in "13 homers in 54 games",
    "career" in "a career-high 14 points" (data/quantity_period_words.txt, with an ordinal,
    "this", "last" ... or a number before it). Empty when none is named."""
    position = figure_position(claim_text, quantity)
    if position < 0:
        return ""
    earlier = [w for w in _WORD.findall(claim_text[:position]) if re.match(r"\w", w)]
    before = earlier[-PERIOD_WORDS_BEFORE - 1:]  # one more word: the modifier of the farthest
    after = []
    for word in _WORD.findall(claim_text[position + len(quantity.text) :]):
        if word in _CLAUSE_END or len(after) == PERIOD_WORDS_AFTER:
            break
        after.append(word)
    if after and quantity.unit and after[0].lower() == quantity.unit.lower():
        after = after[1:]
    found = [(k + 1, 0, after, k) for k in range(len(after)) if _names_a_period(after, k)]
    window = range(max(len(before) - PERIOD_WORDS_BEFORE, 0), len(before))
    found += [(len(before) - k, 1, before, k) for k in window if _names_a_period(before, k)]
    if not found:
        return ""
    _, _, words, k = min(found, key=lambda item: item[:2])  # the nearest; after it on a tie
    word = _period_word(words[k])
    modifier = words[k - 1].lower() if k > 0 else ""
    if modifier in _PERIOD_MODIFIERS or modifier.replace(",", "").isdigit():
        return f"{modifier} {word}"
    return word


def _names_a_period(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a period word that names a stretch: after a number only when a
    preposition introduces them ("in 54 games"; "300 rounds" of ammunition count rounds)."""
    if not _period_word(words[k]):
        return False
    number = k > 0 and words[k - 1].replace(",", "").isdigit()
    return not number or (k > 1 and words[k - 2].lower() in _PERIOD_PREPOSITIONS)


def _period_word(word: str) -> str:
    """The singular period word ``word`` is ("games" -> "game"), or ""."""
    lower = word.lower()
    if lower in _period_words():
        return lower
    return lower[:-1] if lower.endswith("s") and lower[:-1] in _period_words() else ""


def joint_phrase(claim_text: str, quantity: ClaimQuantity) -> str:
    """"and crew" when the figure counts its unit together with another bare noun ("310 passengers
    and crew", "300 men and women"): a joint count is another slot than the unit alone. Not for a
    next figure or a noun with its own determiner ("18 soldiers and their commander"). Empty otherwise."""
    words = _words_after_unit(claim_text, quantity) if quantity.unit else []
    if len(words) >= 2 and words[0] in ("and", "&") and LETTER_WORD.fullmatch(words[1]) \
            and words[1] not in stop_words() and words[1] not in number_words():
        return f"and {words[1]}"
    return ""


@dataclass
class Figure:
    claim: Claim
    unit: Unit
    unit_word: str
    anchor: str
    anchor_text: str
    low: float
    high: float
    approximate: bool
    text: str
    near: frozenset[str] = frozenset()  # event words next to the figure (see _Context.near_words)
    bound: str | None = None  # "lower" ("more than 100": [100, inf)), "upper" ("up to 120": [0, 120])
    kind_words: frozenset[str] = frozenset()  # words naming the kind: "machine" in "3 machine guns"
    whole: bool = False  # the whole a part is counted against: "41" in "28 of 41 passes"
    period: str = ""  # the stretch it was counted over: "first half", "season" (period_phrase)

    @property
    def magnitude(self) -> float:
        """The size the figure states: a bound's figure, a range's middle."""
        if self.bound is not None:
            return self.low if self.bound == "lower" else self.high
        return abs(self.low + self.high) / 2


@cache
def _bound_phrases() -> dict[str, str]:
    """Approximator phrase -> "lower" or "upper" (data/quantity_bounds.txt)."""
    sides = {}
    for line in entries("quantity_bounds.txt"):
        side, _, phrases = line.partition(":")
        sides.update({p.strip().lower(): side.strip() for p in phrases.split(",") if p.strip()})
    return sides


def _one_sided(quantity: ClaimQuantity) -> str | None:
    """"lower" for "more than 100", "upper" for "up to 120", None for a point or "about 100"."""
    text = (quantity.text or "").lower()
    sides = [(len(phrase), side) for phrase, side in _bound_phrases().items()
             if text.startswith(phrase + " ")]
    return max(sides)[1] if sides else None


def _comparable(quantity: ClaimQuantity, unit: Unit, kinds: frozenset[str]) -> bool:
    """Whether a quantity is a figure for a count or measure at all: not a "nocount" word
    ("four-time"), a unit that is no word ("139-"), a part of or an addition to a count ("two
    other victims", "20 new cases": a word of data/quantity_partial_words.txt among its ``kinds``,
    the words between number and unit), a figure hyphen-joined to its unit ("a 40-metre sprint": a
    property of the sprint), or a fragment of a number that was written with a space ("2, 000" read
    as "000" by an older version)."""
    if not unit.counted or not re.search(r"[^\W\d_]", unit.key):
        return False
    if kinds & _partial_words():
        return False
    if _hyphen_joined(quantity.text or "") and not unit.label:
        return False  # "a 40-metre sprint"; but "a 6.1-magnitude quake" rates the quake
    number = re.search(r"\d[\d,.]*", quantity.text or "")
    return not (number and re.match(r"0\d", number.group()))


# A figure hyphen-joined to its unit modifies a noun ("a 40-metre sprint", "a 5-storey block", "a
# three-point basket"): it gives a property of one thing, not a count of the unit.
_COMPOUND_MODIFIER = re.compile(r"([\w.]+)-([^\W\d_]+)")


def _hyphen_joined(text: str) -> bool:
    """Whether the figure's number, in digits or words, is hyphen-joined to a word after it that
    is no number word ("twenty-five" is one number)."""
    words = number_words()
    return any((m.group(1)[-1].isdigit() or m.group(1).lower() in words) and m.group(2).lower() not in words
               for m in _COMPOUND_MODIFIER.finditer(text))


@cache
def _partial_words() -> frozenset[str]:
    return frozenset(word_list("quantity_partial_words.txt"))


def claim_figures(claim: Claim) -> list[Figure]:
    """The claim's figures, one per slot; several figures of one slot in a claim make a range;
    a one-sided figure ("more than 100") is the interval from (or up to) its value."""
    by_slot: dict[tuple[str, str], list[tuple[ClaimQuantity, Unit, str, str]]] = defaultdict(list)
    kinds = {id(quantity): _kind_words(quantity) for quantity in claim.quantities}
    for quantity in claim.quantities:
        unit = unit_of(quantity)
        if unit is None or not _comparable(quantity, unit, kinds[id(quantity)]) \
                or _part_of_a_series(claim.text, quantity) or _restated(claim.text, quantity) \
                or _a_population(claim.text, quantity):
            continue
        anchor, anchor_text = anchor_phrase(claim.text, quantity) if unit.measure else ("", "")
        if unit.key == _PERCENT and not anchor:
            continue  # "just 4 percent", "9 percent support": a share of what is not said
        rate = rate_phrase(claim.text, quantity) or joint_phrase(claim.text, quantity)
        if rate and not anchor:
            anchor, anchor_text = rate, rate
        by_slot[(unit.key, anchor)].append((quantity, unit, anchor, anchor_text))
    figures = []
    for items in by_slot.values():
        values = [q.value for q, *_ in items]
        first, unit, anchor, anchor_text = items[0]
        low, high = min(values), max(values)
        range_match = _RANGE.search(first.text or "")
        if len(items) == 1 and range_match:
            bounds = [float(g.replace(",", "")) for g in range_match.groups() if re.fullmatch(r"[\d,]*\.?\d+", g)]
            if len(bounds) == 2:
                scale = first.value / bounds[0] if bounds[0] else 1.0
                low, high = sorted(b * scale for b in bounds)
        bound = _one_sided(first) if len(items) == 1 and not range_match else None
        if bound == "lower":
            high = math.inf
        elif bound == "upper":
            low = 0.0
        text = " / ".join(q.text for q, *_ in items)
        approximate = any(q.approximate for q, *_ in items)
        figures.append(Figure(claim, unit, first.unit or unit.key, anchor, anchor_text, low, high, approximate, text,
                               bound=bound, kind_words=kinds[id(first)],
                               whole=_whole_of_a_part(claim.text, first),
                               period=period_phrase(claim.text, first)))
    return figures


# "<number> of" and up to two determiners or possessives right before a figure: "28 of 41
# passes", "10 of the team's 16 games", "two of the three victims"
_PART_OF = re.compile(r"(?:\b\d[\d,.]*|\b[^\W\d_]+)\s+of\s+(?:[\w.-]+(?:['’]s?)?\s+){0,2}$")


def _whole_of_a_part(claim_text: str, quantity: ClaimQuantity) -> bool:
    """A figure after "<number> of" is the whole a part is counted against ("completed 28 of 41
    passes": 41 attempts; "won 150 of the 300 seats"): a total that is compared only with other
    such totals, not with a bare count, which may be the part ("completed 28 passes")."""
    position = figure_position(claim_text, quantity)
    match = _PART_OF.search(claim_text[:position]) if position > 0 else None
    if match is None:
        return False
    first = _WORD.findall(match.group(0))[0].lower()
    return first[0].isdigit() or first in number_words()


def _restated(claim_text: str, quantity: ClaimQuantity) -> bool:
    """A figure in parentheses: another figure restated ("110 billion euros ($143 billion)"), whose
    difference from another report's restatement is a conversion, not a disagreement or a
    revision."""
    position = figure_position(claim_text, quantity)
    return position > 0 and claim_text[:position].rstrip().endswith("(")


def _a_population(claim_text: str, quantity: ClaimQuantity) -> bool:
    """A figure that gives a place's population ("home to about 100,000 people", "a city of
    500,000": ``data/quantity_population_phrases.txt``): the background of a place, never compared,
    since two reports' populations are usually of different places."""
    position = figure_position(claim_text, quantity)
    before = claim_text[:position].rstrip().lower() if position > 0 else ""
    return bool(before) and _population_phrases().search(before) is not None


@cache
def _population_phrases() -> re.Pattern[str]:
    """The population phrases, as one pattern that must end the text."""
    return re.compile(rf"(?:{phrase_alternation(word_list('quantity_population_phrases.txt'))})$")


def _part_of_a_series(claim_text: str, quantity: ClaimQuantity) -> bool:
    """A figure after "first", "last", "next" ... counts a stretch of a series ("took the first two
    games", "lost the next four", "in the past five years"), not its whole: no total to compare."""
    position = figure_position(claim_text, quantity)
    before = _WORD.findall(claim_text[:position]) if position > 0 else []
    return bool(before) and before[-1].lower() in _series_words()


@cache
def _series_words() -> frozenset[str]:
    return frozenset(word_list("quantity_series_words.txt"))


def _kind_words(quantity: ClaimQuantity) -> frozenset[str]:
    """The words between a figure's number and its unit ("3 machine guns" -> machine, "12 AK-47
    rifles" -> ak): they say what kind of the unit is counted."""
    words = re.findall(r"[^\W\d_]+|\d+", (quantity.text or "").lower())
    unit = (quantity.unit or "").lower()
    numbers = number_words()
    kinds = set()
    seen_number = False
    for word in words:
        if word.isdigit() or word in numbers:
            seen_number = True
        elif seen_number and word != unit and word not in approximators():
            kinds.add(word)
    return frozenset(kinds)


def figures_compatible(a: Figure, b: Figure) -> bool:
    """True when two figures can describe the same count (see the module docstring)."""
    if a.low <= b.high and b.low <= a.high:
        return True
    gap = max(a.low, b.low) - min(a.high, b.high)
    if not (a.approximate or b.approximate):
        return gap <= 1e-9 * max(abs(a.high), abs(b.high), 1.0)
    lower, upper = (a, b) if a.high < b.low else (b, a)
    smaller = min(abs(lower.high), abs(upper.low))
    return gap < APPROXIMATE_TOLERANCE * smaller


@cache
def stop_words() -> frozenset[str]:
    """Function words (``clean_lines.load_stopwords``), with straight and curly apostrophes."""
    words = load_stopwords()
    return frozenset(words | {word.replace("'", "’") for word in words})


@cache
def approximators() -> frozenset[str]:
    """Words that only make a figure approximate ("estimated", "roughly"): not event words."""
    return frozenset(word for entry in word_list("quantity_approximators.txt") for word in entry.split())

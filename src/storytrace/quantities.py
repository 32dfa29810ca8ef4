"""Quantities in a parsed article: numbers read and normalised with what they count or measure.

"an estimated 18 soldiers" -> 18 soldiers, approximate; "six officers" -> 6; "two dozen" -> 24;
"1.5 million" -> 1500000; "40, 000" (a space after the comma) -> 40000; "$120-billion" ->
120000000000; "7 kilometers (4 miles)" -> one quantity (7 km) with its alternate; "a magnitude 6
quake" and "a 6.1-magnitude quake" -> 6 and 6.1 on the magnitude scale (a label word next to the
number is its unit: data/quantity_label_words.txt); "several days" is not a number. Dates, times,
ordinals and numbers inside names are not quantities, nor a score or tally written as two numbers
joined by a dash, the first not smaller ("a 91-85 loss", "a 6-3 ruling", "voted 11-7"); a rising
pair is a range ("10-12 people").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from .lexicons import word_list, word_map
from .model import Quantity
from .textvec import MONTHS

_SKIP_ENTITY_TYPES = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"}
_MULTIPLIERS = {"hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens"}
_PREFIX_ONLY = {"a", "an", "half"}  # only numbers when a multiplier follows ("a dozen", "half a million")
_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([kmb]n?)$", re.I)
_SUFFIX_VALUES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}
CURRENCY_CODES = frozenset(_CURRENCY.values())  # the units money amounts are given in
_UNIT_POS = {"NOUN", "PROPN", "SYM"}
_NOT_COUNTED_POS = {"CCONJ", "ADP", "AUX", "PRON", "DET", "SCONJ", "PART"}  # no counted word starts so
_MONTH_PREFIXES = frozenset(month[:3] for month in MONTHS)
_DASHES = ("-", "\u2013", "\u2014")


def number_words() -> dict[str, str]:
    """Spelled-out numbers and their values (data/number_words.txt)."""
    return word_map("number_words.txt")


def number_value(token: Token) -> float | None:
    """The value of a single number token (digits, '4.5m', or a number word), else None."""
    text = token.text.lower().replace("\u2009", "")
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    match = _SUFFIXED.match(text)
    if match:
        return float(match.group(1)) * _SUFFIX_VALUES[match.group(2).lower()]
    words = number_words()
    if text in words and text not in _PREFIX_ONLY:
        return float(words[text])
    if "-" in text:  # twenty-four
        parts = text.split("-")
        if all(p in words for p in parts):
            return sum(float(words[p]) for p in parts)
    return None


@cache
def label_words() -> frozenset[str]:
    """Nouns a number next to them rates on a scale ("magnitude 6", "Category 4":
    data/quantity_label_words.txt)."""
    return frozenset(word_list("quantity_label_words.txt"))


def _label(doc: Doc, first: int, last: int) -> Token | None:
    """The label word right before the number ("magnitude 6", "magnitude-6") or right after it
    ("a 5.8 magnitude quake", "a 6.1-magnitude quake"), else None."""
    words = label_words()
    before = first - 2 if first >= 2 and doc[first - 1].text in _DASHES else first - 1
    if before >= 0 and doc[before].lower_ in words:
        return doc[before]
    after = last + 2 if last + 2 < len(doc) and doc[last + 1].text in _DASHES else last + 1
    if after < len(doc) and doc[after].lower_ in words:
        return doc[after]
    return None


def _is_number_token(token: Token) -> bool:
    if token.ent_type_ in _SKIP_ENTITY_TYPES:
        return False
    if token.lower_ in _PREFIX_ONLY:
        following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
        return bool(following) and (following[0] in _MULTIPLIERS or following[:1] == ["a"] and following[1:] and following[1] in _MULTIPLIERS)
    return number_value(token) is not None


def _combine(tokens: list[Token]) -> float | None:
    """Value of a run of number tokens: 'two dozen' 24, '1.5 million', 'twenty four' 24, 'half a million'."""
    total, current = 0.0, None
    words = number_words()
    previous = ""
    for token in tokens:
        low = token.lower_
        if low in _PREFIX_ONLY:
            value = float(words[low])
            current = value if current is None else current * value
            continue
        value = number_value(token)
        if value is None:
            return None
        was, previous = previous, low
        if low in _MULTIPLIERS:
            current = (current if current is not None else 1.0) * value
            if value >= 1000:
                total += current
                current = None
        elif current is None:
            current = value
        elif value < current and (was in _MULTIPLIERS or (current >= 20 and value < 10 and current % 10 == 0)):
            current += value  # "two hundred fifty", "twenty four"
        else:
            return None  # two separate numbers side by side ("2 3"): not one quantity
    return total + (current or 0.0)


def _joins_number(doc: Doc, j: int, previous: Token) -> bool:
    """'and' inside a spelled-out number: only after 'hundred'/'thousand' and before a value under 100."""
    if doc[j].lower_ != "and" or previous.lower_ not in ("hundred", "thousand") or j + 1 >= len(doc):
        return False
    value = number_value(doc[j + 1])
    return value is not None and value < 100 and doc[j + 1].lower_ not in _MULTIPLIERS


def _hyphenated_units(doc: Doc, j: int, previous: Token) -> bool:
    """A hyphen inside a spelled-out number ("sixty-five"): between a tens word and a units word,
    with no space around it."""
    if doc[j].text != "-" or j + 1 >= len(doc) or previous.whitespace_ or doc[j].whitespace_:
        return False
    tens, units = number_value(previous), number_value(doc[j + 1])
    return previous.is_alpha and doc[j + 1].is_alpha and tens is not None and units is not None \
        and 20 <= tens < 100 and tens % 10 == 0 and 1 <= units < 10


def _approximate(doc: Doc, start: int) -> tuple[bool, int]:
    """Whether an approximator stands right before token ``start``; returns (flag, new start)."""
    for cue in sorted(word_list("quantity_approximators.txt"), key=lambda c: -len(c.split())):
        parts = cue.split()
        begin = start - len(parts)
        if begin >= 0 and [t.lower_ for t in doc[begin:start]] == parts:
            return True, begin
    return False, start


def _unit(doc: Doc, tokens: list[Token]) -> Token | None:
    """The noun the number counts or measures: its syntactic head, or the noun right after it."""
    last = tokens[-1]
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and last.head.pos_ in _UNIT_POS and last.head.i > last.i:
        return last.head
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in _UNIT_POS and nxt.lower_ not in _MULTIPLIERS and nxt.text not in "()":
        # "18 North Korean soldiers": walk to the noun that heads the phrase
        head = nxt
        while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i - last.i <= 5:
            head = head.head
        return head
    return None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Quantities in a parsed text, with offsets into ``doc.text``.

    Requires a spaCy Doc with tagger, parser and NER. Returns them in text order.
    """
    quantities: list[Quantity] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if not _is_number_token(token) and not _split_thousands(doc, i):  # the tagger may call "70," a date
            i += 1
            continue
        if _is_score(doc, i):
            i += 3
            continue
        run = [token]
        j = i + 1
        while j < n:
            if _is_number_token(doc[j]):
                run.append(doc[j])
                j += 1
            elif _joins_number(doc, j, run[-1]):
                j += 1  # "two hundred and fifty": the "and" is part of the number
            elif _dash_before_multiplier(doc, j) or _hyphenated_units(doc, j, run[-1]):
                j += 1  # "$120-billion", "twenty-five": the dash joins the parts of one number
            else:
                break
        value = _combine(run)
        if value is None:
            i = j
            continue
        if len(run) == 1 and _split_thousands(doc, i):  # "40, 000 letters" is 40,000
            run, j, value = [token, doc[i + 2]], i + 3, value * 1000 + float(doc[i + 2].text)
        currency = None
        first_i = run[0].i
        if run[0].i > 0 and doc[run[0].i - 1].text in _CURRENCY:
            currency = _CURRENCY[doc[run[0].i - 1].text]
            first_i = run[0].i - 1  # "nearly $1 billion": the approximator stands before the symbol
        label = _label(doc, first_i, run[-1].i) if currency is None else None
        if label is not None and label.i < first_i:
            first_i = label.i  # "magnitude 6": the figure's text starts at its label
        approximate, start_i = _approximate(doc, first_i)
        unit_token = label or _unit(doc, run)
        unit = currency or (unit_token.lower_ if unit_token is not None else None)
        if unit == "cent" and doc[unit_token.i - 1].lower_ == "per":
            unit = "percent"  # "70 per cent"
        if unit is None and j < n and doc[j].lower_ in ("percent", "%", "per"):
            unit = "percent"
            unit_token = doc[j]
        end_token = unit_token if unit_token is not None and unit_token.i >= run[-1].i else run[-1]
        span = doc[start_i : end_token.i + 1]
        quantity = Quantity(
            start=span.start_char,
            end=span.end_char,
            value=int(value) if float(value).is_integer() else value,
            unit=unit,
            text=span.text,
            approximate=approximate,
        )
        if quantities and _is_parenthetical_alternate(doc, quantities[-1], span):
            quantities[-1].alternate = {"value": quantity.value, "unit": quantity.unit, "text": quantity.text}
        else:
            quantities.append(quantity)
        i = max(j, end_token.i + 1)
    return quantities


def _split_thousands(doc: Doc, i: int) -> bool:
    """Whether token i starts a number written with a space after its thousands comma: one to three
    digits, a comma, then a group of three digits ("40, 000", "1, 200 volunteers"). A group without
    a leading zero must be followed by what it counts, and not come after a month's name ("On May 1,
    300 protesters" is a date, then a count; "ages 7, 300 and 12" a list)."""
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i].whitespace_:
        return False
    if not (re.fullmatch(r"\d{1,3}", doc[i].text) and re.fullmatch(r"\d{3}", doc[i + 2].text)):
        return False
    if doc[i + 2].text.startswith("0"):
        return True
    after_month = i > 0 and doc[i - 1].lower_.rstrip(".")[:3] in _MONTH_PREFIXES
    counted = i + 3 < len(doc) and doc[i + 3].is_alpha and doc[i + 3].pos_ not in _NOT_COUNTED_POS
    return counted and not after_month  # "1, 200 volunteers"; not "ages 7, 300 and 12"


def _dash_before_multiplier(doc: Doc, j: int) -> bool:
    """Whether token j is a dash joining a number to a multiplier, with no space ("120-billion")."""
    return (j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            and doc[j + 1].lower_ in _MULTIPLIERS)


def _is_score(doc: Doc, i: int) -> bool:
    """Whether tokens i..i+2 are a score or tally: digits, a dash with no space around it, digits
    not larger than the first ("91-85", "2-2"). A rising pair ("10-12") is a range."""
    if i + 2 >= len(doc) or doc[i + 1].text not in _DASHES or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    first, second = doc[i].text, doc[i + 2].text
    if not (first.isdigit() and second.isdigit()):
        return False
    return int(first) >= int(second)


def _is_parenthetical_alternate(doc: Doc, previous: Quantity, span: Span) -> bool:
    """'7 kilometers (4 miles)': a measure in parentheses right after another is the same measure."""
    between = doc.text[previous.end : span.start_char]
    after = doc.text[span.end_char : span.end_char + 2]
    return between.strip() in ("(", "(almost", "(about", "(nearly", "(roughly", "(around") and after.lstrip().startswith(")") and previous.unit is not None

"""Text metadata owns reading title, date, author and outlet from a scraped page's own lines.

Three layers:

* shape readers used by :mod:`storytrace.clean` to recognise metadata lines:
  :func:`find_date` (a calendar date, optionally with a time, normalised to ISO 8601),
  :func:`looks_like_date` and :func:`strip_date_and_read_time` (date lines),
  :func:`parse_byline` ("By Jane Doe", "by Jane Doe October 21, 2024 11:17 AM", "Author: Jane Doe"),
  :func:`looks_like_person_name` (a lone "Jane Doe" line);
* :func:`extract_text_metadata`, which reads the lines cleaning already set aside
  (``CleanResult.header``: title, date lines, bylines, author boxes; for the outlet, the
  removed header and footer lines) and never looks at body sentences, so a date merely
  mentioned in the body is never taken as the publication date. Values that the page does not give are ``None``; nothing is guessed;
* the page's own outlet (:func:`find_outlet_evidence`, :func:`read_outlet`): names that removed
  header/footer chrome gives (copyright lines, "<Name> · About us · Contact" navigation, house
  promotions such as "Subscribe to <Name>", a "Headline | <Name>" title suffix, a masthead
  line). A copyright holder is taken alone; any other name only when two chrome lines agree.
  Word lists: ``data/outlet_site_links.txt``, ``outlet_generic_words.txt``,
  ``outlet_self_patterns.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from storytrace.lexicons import word_list

if TYPE_CHECKING:  # pragma: no cover - import for type hints only
    from storytrace.clean import CleanResult

__all__ = [
    "Byline",
    "DateMatch",
    "OutletEvidence",
    "extract_text_metadata",
    "find_date",
    "find_outlet_evidence",
    "looks_like_date",
    "looks_like_person_name",
    "outlet_name",
    "parse_byline",
    "parse_dated_byline",
    "read_copyright_holder",
    "read_original_outlet",
    "read_outlet",
    "starts_with_date",
    "strip_date_and_read_time",
]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:\s*(?:,|at|@|-|–|—|\||·|•)?\s*"
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w])"
    r"(?:\s*(?P<tz>UTC|GMT|Z)(?P<tzoff>[+-]\d{1,2}(?::?\d\d)?)?)?)?"
)
_MONTH_FIRST = re.compile(
    r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE
)
_DAY_FIRST = re.compile(
    r"\b" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.IGNORECASE
)
# Numeric dates: read only when the order is certain (one of the first two numbers > 12).
_NUMERIC = re.compile(
    r"\b(?P<num1>[0-3]?\d)/(?P<num2>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b" + _TIME
)
_ISO = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
    r"(?:[T\s](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?"
    r"(?P<tzoff>Z|[+-]\d\d:?\d\d)?)?\b"
)

# Words that introduce a byline; matched case-insensitively at the start of a line.
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|words|reporting|story|text|posted|published|compiled|edited)\s+by|by|"
    r"authors?\s*:|writer\s*:|reporter\s*:|byline\s*:)\s*",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "di", "du",
                   "bin", "al", "el", "st.", "ibn"}
_NAME_JOINERS = {"and", "&", ","}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.)$")
# Further credits after the author: "; Editing by B", "| Additional reporting by C".
_OTHER_CREDITS = re.compile(r"(?:^|[;|,])\s*(?:[A-Za-z\-]+\s+){0,2}by\s+[^;|]*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[|·•—–\-/,;]+")
_READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s*(?:read|listen)?\b",
                        re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^(?:(?:date|dated|published|posted|updated|last updated|modified|first published)"
    r"(?:\s+(?:on|at))?|on)\b\s*:?\s*",
    re.IGNORECASE,
)
_ROLE_WORDS = {"staff", "writer", "writers", "reporter", "reporters", "correspondent",
               "correspondents", "editor", "editors", "senior", "contributor",
               "contributing", "columnist", "in", "at", "for", "and", "news", "special", "to",
               "the", "chief", "deputy", "associate", "political", "foreign", "desk", "team",
               "comment", "comments", "views", "shares", "updated"}
_COPYRIGHT = re.compile(r"(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*(?:©\s*)?"
                        r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
                        r"(?P<holder>[A-Z][\w&'’.\- ]{1,60}?)\s*(?:\.|,|(?i:all rights reserved)|$)")
# A proper name: capitalised words, possibly joined by "of", "and", "&", "the", "for".
_PROPER_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z0-9][\w&'’.\-]*|of|and|&|the|for))*"
_ORIGINAL_OUTLET = re.compile(
    r"\b(?i:originally|first)\s+(?:appeared|published)\s+(?:on|in|at|by)\s+"
    r"(?:the\s+website\s+of\s+)?(?P<outlet>" + _PROPER_NAME + ")"
)


@dataclass(frozen=True)
class DateMatch:
    """A calendar date found in a line: character span, ISO value and whether a time was given."""

    start: int
    end: int
    iso: str
    has_time: bool


@dataclass(frozen=True)
class Byline:
    """A byline read from one line: the author name(s) and what followed it (date, read time...)."""

    author: str
    rest: str


def find_date(text: str) -> DateMatch | None:
    """Return the first explicit calendar date in ``text`` (month-name, ISO or numeric form).

    Requires a day, a month and a four-digit year; relative dates ("2 hours ago") are not read,
    and numeric dates only when the order is certain (27/11/2005, not 10/11/2024). A time is
    kept when it follows the date ("October 15, 2024 8:20 PM" -> 2024-10-15T20:20:00).
    """
    best: DateMatch | None = None
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO, _NUMERIC):
        for match in pattern.finditer(text):
            found = _date_from_match(match)
            if found and (best is None or found.start < best.start):
                best = found
            if found:
                break
    return best


def _date_from_match(match: re.Match[str]) -> DateMatch | None:
    parts = match.groupdict()
    if match.re is _NUMERIC:
        first, second = int(parts["num1"]), int(parts["num2"])
        if (first > 12) == (second > 12):
            return None  # 04/09/2012: day and month cannot be told apart
        parts["day"], parts["month"] = (str(first), str(second)) if first > 12 else (
            str(second), str(first))
    month_text = parts["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    day, year = int(parts["day"]), int(parts["year"])
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    end = match.end()
    if parts.get("hour") is None:
        end = match.end("day") if match.re is _ISO else match.end("year")
        return DateMatch(match.start(), end, iso, has_time=False)
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return DateMatch(match.start(), match.end("year"), iso, has_time=False)
    second = int(parts.get("second") or 0)
    iso += f"T{hour:02d}:{minute:02d}:{second:02d}"
    iso += _timezone_suffix(parts.get("tz"), parts.get("tzoff"))
    return DateMatch(match.start(), end, iso, has_time=True)


def _timezone_suffix(zone: str | None, offset: str | None) -> str:
    """ISO suffix for an explicit zone: UTC/GMT/Z -> +00:00, "+3"/"+0300" -> +03:00; else none."""
    if offset and offset.upper() != "Z":
        sign, digits = offset[0], offset[1:].replace(":", "")
        hours, minutes = (digits[:-2] or "0", digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    if zone or (offset and offset.upper() == "Z"):
        return "+00:00"
    return ""


# Date and time shapes that are recognised (for cleaning) but not normalised: 04/09/2012,
# 8/2/13, 08. 07. 2012, a bare clock time, and common time-zone abbreviations.
_DATE_SHAPE = re.compile(r"\b\d{1,2}\s?[/.]\s?\d{1,2}\s?[/.]\s?(?:\d{4}|\d{2})\b")
_TIME_SHAPE = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s?(?:[ap]\.?m\b\.?)?", re.I)
_ZONE_SHAPE = re.compile(r"\b(?:UTC|GMT|BST|CET|CEST|EET|EEST|IST|[ECMP][SD]?T|HKT|JST)\b")


# Relative dates ("3 hours ago", "yesterday"): a date line's shape, never a publication date.
_RELATIVE_DATE = re.compile(r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month)s?"
                            r"\s+ago\b|^(?:published|posted|updated)?\s*(?:yesterday|today)\b", re.I)


def looks_like_date(text: str) -> bool:
    """True when the text holds a date, normalisable (see find_date) or not (04/09/2012,
    "3 hours ago")."""
    return (find_date(text) is not None or _DATE_SHAPE.search(text) is not None
            or _RELATIVE_DATE.search(text) is not None)


def strip_date_and_read_time(text: str) -> str:
    """The line without its date label, date, time and read-time parts (what else it says)."""
    rest = _DATE_LABEL.sub("", text.strip())
    found = find_date(rest)
    while found is not None:
        rest = rest[: found.start] + " " + rest[found.end:]
        found = find_date(rest)
    for shape in (_DATE_SHAPE, _RELATIVE_DATE, _TIME_SHAPE, _ZONE_SHAPE, _READ_TIME):
        rest = shape.sub(" ", rest)
    return " ".join(_SEPARATORS.sub(" ", rest).split())


def starts_with_date(text: str) -> bool:
    """True when the line opens with a date, optionally after a label such as "Published:"."""
    rest = _DATE_LABEL.sub("", text.strip())
    found = find_date(rest)
    return found is not None and not rest[: found.start].strip(" ,|·-")


def parse_byline(text: str) -> Byline | None:
    """Read "By Jane Doe", "by A and B <date>", "Author: Jane Doe" lines; None if not a byline.

    Requires a byline prefix, then one or more capitalised name tokens (initials and particles
    such as "van" allowed; weekday and month names stop the name), then nothing but a date,
    a read time, separators or a short role ("staff writer"). "By Monday, troops had left."
    and "By contrast, ..." are not bylines.
    """
    line = text.strip()
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1].strip()  # wire style: "(Reporting by A; Editing by B)"
    prefix = _BYLINE_PREFIX.match(line)
    if prefix is None:
        return None
    tokens = line[prefix.end():].replace(",", " , ").split()
    name_tokens: list[str] = []
    for token in tokens:
        bare = token.rstrip(",;|")
        lower = bare.lower().rstrip(".")
        if lower in MONTHS or lower in WEEKDAYS or bare.isdigit():
            break
        if _NAME_TOKEN.match(bare) or (name_tokens and lower in _NAME_PARTICLES):
            name_tokens.append(bare)
            if token != bare and token[-1] in ";|":
                break  # "Reporting by A; Editing by B": the first credit names the author
            continue
        if name_tokens and lower in _NAME_JOINERS and name_tokens[-1] not in _NAME_JOINERS:
            name_tokens.append(bare)
            continue
        break
    while name_tokens and name_tokens[-1].lower() in _NAME_JOINERS | _NAME_PARTICLES:
        name_tokens.pop()
    if not name_tokens or not any(len(token.rstrip(".")) > 1 for token in name_tokens):
        return None
    author = " ".join(name_tokens).replace(" , ", ", ")
    rest_start = line.find(name_tokens[-1], prefix.end()) + len(name_tokens[-1])
    rest = line[rest_start:].strip(" ,|·-–—")
    leftover = strip_date_and_read_time(_OTHER_CREDITS.sub("", rest)).split()
    if len(leftover) > 4 or any(word.lower() not in _ROLE_WORDS and not word[:1].isupper()
                                and not word.isdigit() for word in leftover):
        return None
    if len(name_tokens) > 12:
        return None
    return Byline(author=author, rest=rest)


def parse_dated_byline(text: str) -> Byline | None:
    """A byline, also when a date comes first: "Posted on March 3, 2023 by Jane Doe"."""
    byline = parse_byline(text)
    if byline is None and starts_with_date(text):
        byline = parse_byline(strip_date_and_read_time(text))
    return byline


def looks_like_person_name(text: str) -> bool:
    """True for a lone 2-4 word capitalised name line such as "Jane Q. Doe" (no digits, no end stop)."""
    words = text.strip().split()
    if not 2 <= len(words) <= 4 or text.strip()[-1:] in ".!?:":
        return False
    for word in words:
        lower = word.lower().rstrip(".")
        if lower in MONTHS or lower in WEEKDAYS:
            return False
        if not (_NAME_TOKEN.match(word) or lower in _NAME_PARTICLES):
            return False
    return True


def read_copyright_holder(text: str) -> str | None:
    """The holder named in a "© 2024 Example News. All rights reserved." line, or None."""
    match = _COPYRIGHT.search(text)
    if match is None:
        return None
    holder = match.group("holder").strip(" .,")
    return holder if holder and holder.lower() != "all rights reserved" else None


def read_original_outlet(text: str) -> str | None:
    """The outlet named in "This article originally appeared on X", i.e. the ORIGINAL publisher."""
    match = _ORIGINAL_OUTLET.search(text)
    if match is None:
        return None
    words = re.split(r"\.\s", match.group("outlet"))[0].strip(" .").split()
    while words and words[-1].lower() in {"of", "and", "&", "the", "for"}:
        words.pop()
    return " ".join(words) or None


# ---------------------------------------------------------------- the page's own outlet

# Removed lines that may name the page's own outlet. Bylines, author boxes, captions, syndication
# notices and teasers are left out: they name other outlets (the original publisher of a
# syndicated text, a photo agency, another article's source).
_SELF_NAMING_REASONS = frozenset({"navigation", "short-link-line", "promo", "copyright",
                                  "repeated-across-outlet", "header-fragment", "admin-link"})
_NAV_ITEM_SEPARATOR = re.compile(r"\s+(?:\||/|»|›|>|·|•)\s+")
_TITLE_SUFFIX = re.compile(r"^(?P<headline>.+?)\s+(?:\||-|–|—|::|·|•)\s+"
                           r"(?P<suffix>[^|–—·•:]+?)\s*$")
_ALL_RIGHTS = re.compile(r"^(?P<holder>" + _PROPER_NAME + r")\s*[.,|·•—–-]?\s*"
                         r"(?i:all rights reserved)")
_WHOLE_NAME = re.compile(r"^" + _PROPER_NAME + r"$")
_COPYRIGHT_MARK = re.compile(r"©|\([cC]\)|\bcopyright\b", re.IGNORECASE)
_NAME_CONNECTORS = ("of", "and", "&", "the", "for")
OUTLET_MAX_WORDS = 6
MASTHEAD_MAX_WORDS = 5
# Evidence that names the outlet on its own; any other kind needs a second line agreeing.
_SURE_KINDS = ("copyright",)
# When agreeing lines spell a name differently, the spelling of the first kind listed wins.
_SPELLING_ORDER = ("navigation", "masthead", "title-suffix", "promo")


@dataclass(frozen=True)
class OutletEvidence:
    """One chrome line naming the page's outlet: the name, how it was named, the raw line number."""

    name: str
    kind: str  # copyright, navigation, promo, title-suffix, masthead
    line: int


@cache
def _site_links() -> frozenset[str]:
    return frozenset(word_list("outlet_site_links.txt"))


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(word_list("outlet_generic_words.txt"))


@cache
def _platform_names() -> frozenset[str]:
    entries = word_list("source_platforms.txt")
    return frozenset(entry for entry in entries if not entry.startswith("re:"))


@cache
def _self_patterns() -> tuple[re.Pattern[str], ...]:
    """The ``outlet_self_patterns.txt`` phrases as regexes with an ``outlet`` group."""
    patterns = []
    for entry in word_list("outlet_self_patterns.txt"):
        before, _, after = entry.partition("{outlet}")
        words = [r"\s+".join(re.escape(word) for word in part.split()) for part in (before, after)]
        regex = (rf"(?i:(?<![\w-]){words[0]})\s+" if words[0] else r"(?<![\w-])")
        regex += r"(?P<outlet>" + _PROPER_NAME + ")"
        regex += rf"\s+(?i:{words[1]})(?![\w-])" if words[1] else ""
        patterns.append(re.compile(regex))
    return tuple(patterns)


def _normalise_label(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def outlet_name(text: str) -> str | None:
    """``text`` as an outlet name ("the Example Ledger's" -> "Example Ledger"), or None when it
    is not shaped like one: 1-6 capitalised words (connectors such as "of" allowed inside),
    not only generic section or link words ("World News", "About us"), not a platform."""
    text = re.sub(r"['’]s$", "", text.strip(" .,:;!?'\"“”‘’()[]"))
    text = text.removeprefix("the ").strip()
    words = text.split()
    while words and words[-1].lower() in _NAME_CONNECTORS:
        words.pop()
    name = " ".join(words)
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or not _WHOLE_NAME.match(name):
        return None
    label = _normalise_label(name)
    generic = _generic_words() | _site_links()
    if label in _site_links() or label in _platform_names() or all(
            word in generic for word in label.split()):
        return None
    return name


def _outlet_key(name: str) -> str:
    """Names compared without case and without a leading "The"."""
    return _normalise_label(name).removeprefix("the ")


def _navigation_names(text: str) -> list[tuple[str, str]]:
    """("navigation", name) from a navigation line: a first or last item that is a name while
    the other items hold at least two site-service links ("<Name> · About us · Contact")."""
    items = _NAV_ITEM_SEPARATOR.split(text)
    found: list[tuple[str, str]] = []
    if len(items) < 3:
        return found
    for index in (0, len(items) - 1):
        others = items[:index] + items[index + 1:]
        links = sum(1 for item in others if _normalise_label(item) in _site_links())
        name = outlet_name(items[index])
        if links >= 2 and name:
            found.append(("navigation", name))
    return found


def _line_outlet_names(text: str, reason: str) -> list[tuple[str, str]]:
    """(kind, name) pairs that one removed header or footer line gives."""
    if reason == "title":
        match = _TITLE_SUFFIX.match(text)
        name = outlet_name(match.group("suffix")) if match else None
        fits = match is not None and len(match.group("headline").split()) >= 3
        return [("title-suffix", name)] if name and fits else []
    found = []
    for part in _NAV_ITEM_SEPARATOR.split(text):  # "© 2025 <Name> | About us | Contact"
        if _COPYRIGHT_MARK.search(part):
            holder = read_copyright_holder(part)
        else:  # "<Name>. All rights reserved."
            holder = (match := _ALL_RIGHTS.match(part)) and match.group("holder")
        if holder and outlet_name(holder):
            found.append(("copyright", outlet_name(holder)))
    found += _navigation_names(text)
    for pattern in _self_patterns():
        names = (outlet_name(match.group("outlet")) for match in pattern.finditer(text))
        found += [("promo", name) for name in names if name]
    whole = outlet_name(text) if _WHOLE_NAME.match(text.strip()) else None
    if whole and len(whole.split()) <= MASTHEAD_MAX_WORDS:
        found.append(("masthead", whole))
    return found


def find_outlet_evidence(raw: str, clean: CleanResult) -> list[OutletEvidence]:
    """Every removed chrome line that names the page's own outlet, in line order.

    Requires ``clean = clean_text(raw)``. Reads only removed lines in the header or footer zone
    (before the first or after the last kept line) with a reason that can carry the site's own
    name (navigation, share bars, promotions, copyright, mastheads) and the title line (for a
    "Headline | Name" suffix); never a body sentence, so "an official told <Name>" is not read.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    removed_numbers = {item.line for item in clean.removed}
    kept = [number for number, line in enumerate(lines)
            if line.strip() and number not in removed_numbers]
    evidence = []
    for item in sorted(clean.removed, key=lambda item: item.line):
        in_zone = not kept or item.line < kept[0] or item.line > kept[-1]
        if item.reason == "title" or (in_zone and item.reason in _SELF_NAMING_REASONS):
            evidence += [OutletEvidence(name, kind, item.line)
                         for kind, name in _line_outlet_names(item.text, item.reason)]
    return evidence


def read_outlet(evidence: list[OutletEvidence]) -> str | None:
    """The page's outlet from its chrome, or None when the chrome does not say it surely.

    A copyright holder is enough on its own (the first one). Otherwise a name must be given by
    at least two different lines, one of them more than a bare masthead line (a navigation line
    with site links, a title suffix or a house promotion), and no other name may qualify as
    well: a page whose chrome names two outlets gets None.
    """
    sure = next((item.name for item in evidence if item.kind in _SURE_KINDS), None)
    if sure:
        return sure
    groups: dict[str, list[OutletEvidence]] = {}
    for item in evidence:
        groups.setdefault(_outlet_key(item.name), []).append(item)
    agreed = [items for items in groups.values() if len({item.line for item in items}) >= 2
              and any(item.kind != "masthead" for item in items)]
    if len(agreed) != 1:
        return None
    return min(agreed[0], key=lambda item: _SPELLING_ORDER.index(item.kind)).name


def _strip_outlet_suffix(title: str, outlet: str | None) -> str:
    """"Headline | Example Ledger" -> "Headline" when the suffix names the page's outlet."""
    match = _TITLE_SUFFIX.match(title)
    suffix = outlet_name(match.group("suffix")) if match else None
    if outlet and suffix and _outlet_key(suffix) == _outlet_key(outlet):
        return match.group("headline")
    return title


def extract_text_metadata(raw: str, clean: CleanResult) -> dict:
    """Read title, publication date, author and outlet from the lines cleaning set aside.

    Requires ``clean = clean_text(raw)``; uses only the chrome lines cleaning removed (mostly
    ``clean.header``), never body sentences. Returns ``title`` (without a "| <outlet>" suffix),
    ``published`` (ISO date or datetime), ``published_source`` ("text" when a date was read,
    else None), ``updated`` (from an "Updated ..." line; never copied into ``published``),
    ``author``, ``outlet`` (see :func:`read_outlet`: a copyright holder, or a name that two
    chrome lines agree on) and ``original_outlet`` (from a syndication notice: the outlet that
    first published the text, not this page).
    """
    header = clean.header
    title_lines = header.get("title", [])
    published, updated = _read_dates(header)
    outlet = read_outlet(find_outlet_evidence(raw, clean))
    original = [read_original_outlet(text) for _, text in header.get("syndication-notice", [])]
    return {
        "title": _strip_outlet_suffix(title_lines[0][1], outlet) if title_lines else None,
        "published": published,
        "published_source": "text" if published else None,
        "updated": updated,
        "author": _read_author(header),
        "outlet": outlet,
        "original_outlet": next((outlet for outlet in original if outlet), None),
    }


def _read_dates(header: dict[str, list[tuple[int, str]]]) -> tuple[str | None, str | None]:
    """(published, updated) from date lines and bylines, first line first.

    A line opening with "Updated"/"Modified" gives only ``updated``: the publication date is
    then unknown (None), not guessed. A date without a time is refined by a time given for the
    same day on another line ("date 2024-10-21" + "by X October 21, 2024 11:17 AM").
    """
    published: list[DateMatch] = []
    updated: list[DateMatch] = []
    for _, text in sorted(header.get("dateline", []) + header.get("byline", [])):
        found = find_date(text)
        if found is not None:
            is_update = re.match(r"^\s*(?:last\s+)?(?:updated|modified|edited)\b", text, re.I)
            (updated if is_update else published).append(found)
    first = published[0] if published else None
    if first is not None and not first.has_time:
        first = next((other for other in published
                      if other.has_time and other.iso[:10] == first.iso), first)
    return (first.iso if first else None, updated[-1].iso if updated else None)


def _read_author(header: dict[str, list[tuple[int, str]]]) -> str | None:
    """The author from the first byline, else from a lone name line above an author box."""
    for _, text in header.get("byline", []):
        byline = parse_dated_byline(text)
        if byline is not None:
            return byline.author
        if looks_like_person_name(text):
            return text.strip()
    names = header.get("author-name", [])
    return names[0][1].strip() if names else None

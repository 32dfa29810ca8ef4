"""Clean lines owns the per-line shape of scraped text and the rules that judge one line.

A :class:`Line` is one raw line with the features the cleaning rules look at (words, normalised
form, stop-word density as in jusText, sentence end, headline shape). The rules here are
predicates over one line and know no site: they judge shape (length, final punctuation,
capitalisation, credit and date shapes) plus generic cue phrases from
``data/boilerplate_cues.txt``. Two ordered tables name them with their reason codes:

* ``ANYWHERE_RULES``: chrome wherever it stands (admin links, navigation, share bars, counters,
  comment labels, read times, bylines, date lines, captions, audio notices, related links, tag
  boxes, "most popular" cues);
* ``ZONE_RULES``: chrome only in a page's header or footer zone (comment policies, syndication
  notices, author boxes, copyright, promotions, disclaimers, bare tag lists).

Which lines they are applied to, and in what order, is decided by :mod:`storytrace.clean`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storytrace.textmeta import (
    looks_like_date,
    looks_like_person_name,
    parse_dated_byline,
    read_copyright_holder,
    starts_with_date,
    strip_date_and_read_time,
)

__all__ = [
    "ANYWHERE_RULES",
    "CLOCK_ONLY",
    "CLOSERS",
    "Line",
    "ZONE_RULES",
    "is_author_bio_sentence",
    "is_tag_list",
    "is_title_case",
    "load_cues",
    "load_dangling_words",
    "load_stopwords",
    "make_line",
    "normalise_line",
    "split_raw_lines",
]

HEADLINE_MAX_WORDS = 30

TERMINAL = ".!?"
CLOSERS = "\"'”’“‘)]»"
_WORD = re.compile(r"[\w'’\-]+")
_CAPTION_CREDIT = re.compile(
    r"\((?P<credit>[^()]{0,80}?(?:/|\bvia\b|\bphoto\w*|\bcredit\b|\bcourtesy\b|"
    r"\bimage\b|\bfile\b|\billustration\b|\bpictures?\b)[^()]{0,80})\)\s*$",
    re.IGNORECASE,
)
# "<caption sentence>. (Agency Name)": a bare credit after a finished sentence.
_BARE_CREDIT = re.compile(r"[.!?][\"”’']?\s+\((?P<credit>[A-Z][^()]{1,60})\)\s*$")
# Navigation and breadcrumbs: three or more short items between spaced separators.
_NAV_SEPARATOR = re.compile(r"\s+(?:\||/|»|›|>|·|•)\s+")
_CAPTION_PREFIX = re.compile(r"^(?:(?:photo|photograph|image|picture|illustration|credit|video|"
                             r"pictured|above|top|main image)\s*:|image (?:source|caption),)\s*\S",
                             re.IGNORECASE)
# A credit standing alone: "Getty Images", "Jane Doe/Agency", "AFP via Getty Images".
_CREDIT_ONLY = re.compile(r"^[A-Z][\w.'’\- ]*(?:/|\s+via\s+)[A-Z][\w.'’\- /]*$")
_CAPTION_SUFFIX = re.compile(r"\b(?:photograph|photo|image|illustration)\s*:\s*[^.!?]{2,80}$",
                             re.IGNORECASE)
# A bare clock time ("10:42", "9.15 am BST"): in a live blog, the stamp of the entry below it.
CLOCK_ONLY = re.compile(r"^[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_COUNT = re.compile(r"^\d+\s+|\s+\(?\d+\)?$")
_PREFIX_SEPARATOR = re.compile(r"^(?P<cue>[^:|»>—–-]{2,30}?)\s*(?::|\||»|>|—|–| - )\s*(?P<rest>.+)$")


@dataclass
class Line:
    """One raw line with the shape features the rules look at; ``reason`` is set when removed."""

    number: int
    text: str
    words: list[str]
    normal: str
    stop_density: float
    reason: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def kept(self) -> bool:
        return bool(self.text) and self.reason is None

    @property
    def ends_sentence(self) -> bool:
        """Ends with . ! or ? (possibly inside closing quotes or brackets), not with a bare
        ellipsis ("...." - an ellipsis and a full stop - does end a sentence)."""
        stripped = self.text.rstrip(CLOSERS + " ")
        if stripped.endswith("...") and not stripped.endswith("...."):
            return False
        return stripped[-1:] in TERMINAL and not stripped.endswith("…")

    @property
    def dangles(self) -> bool:
        """Ends on a word that can hardly end a sentence ("... the board voted to")."""
        return bool(self.words) and self.text[-1:].isalnum() \
            and self.words[-1].lower() in load_dangling_words()

    @property
    def headline_like(self) -> bool:
        """Short, starts with a capital, digit or quote, and has no sentence-ending full stop."""
        stripped = self.text.rstrip(CLOSERS + " ")
        first = self.text[:1]
        return (2 <= len(self.words) <= HEADLINE_MAX_WORDS
                and (first.isupper() or first.isdigit() or first in "\"'“‘")
                and stripped[-1:] not in ".:;,…-–—" and not self.dangles)


# ---------------------------------------------------------------- lexicons


@cache
def load_cues() -> dict[str, tuple[str, ...]]:
    """The cue phrases of ``data/boilerplate_cues.txt`` by section (reason code)."""
    sections: dict[str, list[str]] = {}
    current = ""
    text = resources.files("storytrace").joinpath("data/boilerplate_cues.txt").read_text("utf-8")
    for raw in text.splitlines():
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("[") and entry.endswith("]"):
            current = entry[1:-1]
            sections.setdefault(current, [])
        else:  # a word ending in "*" keeps its star: it matches any word with that prefix
            sections[current].append(" ".join(normalise_line(word) + "*" * word.endswith("*")
                                              for word in entry.split()))
    return {name: tuple(entries) for name, entries in sections.items()}


@cache
def _stopword_entries() -> tuple[tuple[str, bool], ...]:
    text = resources.files("storytrace").joinpath("data/stopwords_en.txt").read_text("utf-8")
    entries = (line.split() for line in text.splitlines() if line.strip() and line[0] != "#")
    return tuple((parts[0], parts[-1] == "*") for parts in entries)


@cache
def load_stopwords() -> frozenset[str]:
    """The English function words of ``data/stopwords_en.txt``."""
    return frozenset(word for word, _ in _stopword_entries())


@cache
def load_dangling_words() -> frozenset[str]:
    """Function words that can hardly end a sentence (marked " *" in ``stopwords_en.txt``)."""
    return frozenset(word for word, dangling in _stopword_entries() if dangling)


# ---------------------------------------------------------------- line features


def split_raw_lines(raw: str) -> list[str]:
    """Raw text as lines (0-based numbering used everywhere); a final newline adds no line."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def normalise_line(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation dropped, whitespace collapsed."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w'\s]", " ", text).split())


def make_line(number: int, raw_line: str) -> Line:
    text = raw_line.strip()
    words = _WORD.findall(text)
    stopwords = load_stopwords()
    stops = sum(1 for word in words if word.lower().replace("’", "'") in stopwords)
    density = stops / len(words) if words else 0.0
    return Line(number, text, words, normalise_line(text), density)


@cache
def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = (re.escape(cue).replace(r"\*", r"\w*") for cue in cues)
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


def contains_cue(normal: str, cues: tuple[str, ...]) -> bool:
    """One of ``cues`` occurs in the normalised line as whole words ("click*" = click, clicking)."""
    return _cue_regex(cues).search(normal) is not None


def is_whole_cue(normal: str, section: str) -> bool:
    """The line is exactly a cue of ``section``, ignoring a leading/trailing count ("12 Comments")."""
    cues = load_cues()[section]
    return normal in cues or _COUNT.sub("", normal) in cues


def is_title_case(line: Line, share: float = 0.8, minimum: int = 2) -> bool:
    """At least ``share`` of the (at least ``minimum``) content words, numbers aside, are
    capitalised ("Our Standards: The Trust Principles.")."""
    stopwords = load_stopwords()
    content = [word for word in line.words
               if word.lower() not in stopwords and not word[:1].isdigit()]
    capitalised = [word for word in content if word[:1].isupper()]
    return len(content) >= minimum and len(capitalised) >= share * len(content)


# ---------------------------------------------------------------- rules: anywhere


def is_admin_link(line: Line) -> bool:
    """An editor/navigation link left in the text ("Edit post", "Skip to content")."""
    return is_whole_cue(line.normal, "admin-link")


def is_short_link_line(line: Line) -> bool:
    """A share bar, button or ad slot: a whole cue, a run of cues ("Share Tweet Email") or a URL."""
    if _URL_ONLY.match(line.text) or is_whole_cue(line.normal, "short-link-line"):
        return True
    cues = load_cues()["short-link-line"]
    words = line.normal.split()
    return 2 <= len(words) <= 8 and all(word in cues for word in words)


def is_counter(line: Line) -> bool:
    """A like/share/comment counter: a few numbers and no letters ("24", "1.2K" aside)."""
    return (not any(ch.isalpha() for ch in line.text) and len(line.text.split()) <= 3
            and not CLOCK_ONLY.match(line.text))


def is_comments_label(line: Line) -> bool:
    """A comment-section header such as "Comments", "12 comments", "Leave a reply", or a short
    line opening with one ("Comments are closed for this article.")."""
    if is_whole_cue(line.normal, "comments-label"):
        return True
    return len(line.words) <= 8 and any(
        line.normal.startswith(cue + " ") for cue in load_cues()["comments-label"] if " " in cue)


def is_read_time(line: Line) -> bool:
    """A reading-time indicator ("3 min read") with at most a few other words."""
    return (len(line.words) <= 6 and any(ch.isdigit() for ch in line.text)
            and contains_cue(line.normal, load_cues()["read-time"]))


def is_dateline(line: Line) -> bool:
    """A date line: a date (with label, time, read time) and little else, or a line that opens
    with a date or a date label and does not end like a sentence ("date 2024-01-02 <promo>")."""
    if (line.ends_sentence and len(line.words) > 12) or not looks_like_date(line.text):
        return False  # (a long finished sentence is never a date line: skip the date search)
    residual = strip_date_and_read_time(line.text).split()
    if not residual or (len(residual) <= 3 and not line.ends_sentence):
        return True
    opens_sentence = line.normal.startswith("on ") or line.text.endswith(":")
    return starts_with_date(line.text) and not line.ends_sentence and not opens_sentence


def is_byline(line: Line) -> bool:
    """"By Jane Doe", "by Jane Doe <date> <read time>", "Author: Jane Doe" (see textmeta)."""
    return len(line.words) <= 25 and parse_dated_byline(line.text) is not None


def is_caption(line: Line) -> bool:
    """A photo caption: ends with a credit in parentheses ("(Name/Agency via Agency)"), ends with
    "Photograph: Name/Agency", or starts with "Photo:"/"Image:"."""
    if (_CAPTION_PREFIX.match(line.text) and len(line.words) <= 40) or (
            _CREDIT_ONLY.match(line.text) and len(line.words) <= 8):
        return True
    match = _CAPTION_CREDIT.search(line.text)
    if match:
        credit = make_line(line.number, match.group("credit"))
        return (len(credit.words) <= 10 and credit.text[:1].isupper()
                and credit.stop_density <= 0.25)
    bare = _BARE_CREDIT.search(line.text)
    if bare and len(line.words) <= 40:
        credit = bare.group("credit")
        return (len(credit.split()) <= 5 and credit[-1:] not in TERMINAL and "," not in credit
                and all(word[:1].isupper() for word in credit.split()))
    return bool(_CAPTION_SUFFIX.search(line.text)) and "/" in line.text.rsplit(":", 1)[-1]


def is_navigation(line: Line) -> bool:
    """A menu or breadcrumb: "Home » News » Politics", "Football | Rugby | Cricket"."""
    items = _NAV_SEPARATOR.split(line.text)
    return (len(items) >= 3 and all(1 <= len(item.split()) <= 4 for item in items)
            and not line.ends_sentence)


def is_audio_notice(line: Line) -> bool:
    """A short audio-player or synthetic-voice notice: at most 12 words, a cue, and no sentence
    end unless the whole line is a cue ("Listen to this article.")."""
    if len(line.words) > 12 or not contains_cue(line.normal, load_cues()["audio-notice"]):
        return False
    return not line.ends_sentence or line.normal in load_cues()["audio-notice"]


def _labelled_rest(line: Line, section: str) -> Line | None:
    """What follows a cue label of ``section`` ("Read more: <rest>", "Tags | <rest>"), or None."""
    match = _PREFIX_SEPARATOR.match(line.text)
    if match is None or normalise_line(match.group("cue")) not in load_cues()[section]:
        return None
    return make_line(line.number, match.group("rest"))


def is_related_link(line: Line) -> bool:
    """A one-line link to another article: "Read more: <headline>", "Related | <headline>"."""
    rest = _labelled_rest(line, "related-link")
    return rest is not None and (rest.headline_like or len(rest.words) <= 3)


def is_tag_prefix_line(line: Line) -> bool:
    """A tag box with a label: "Tags: A, B, C", "Filed under: Politics"."""
    return _labelled_rest(line, "tag-line") is not None and not line.ends_sentence


def is_popular_cue(line: Line) -> bool:
    """A cue line that introduces a list of other headlines ("Most popular", "Editors' picks")."""
    normal = line.normal.replace("'", "")
    return len(line.words) <= 5 and (normal in load_cues()["popular-block"]
                                     or is_whole_cue(normal, "popular-block"))


ANYWHERE_RULES = (
    ("admin-link", is_admin_link),
    ("navigation", is_navigation),
    ("short-link-line", is_short_link_line),
    ("short-link-line", is_counter),
    ("comments-label", is_comments_label),
    ("read-time", is_read_time),
    ("byline", is_byline),
    ("dateline", is_dateline),
    ("caption", is_caption),
    ("audio-notice", is_audio_notice),
    ("related-link", is_related_link),
    ("tag-line", is_tag_prefix_line),
    ("popular-block", is_popular_cue),
)

# ---------------------------------------------------------------- rules: header and footer zones


def is_comment_policy(line: Line) -> bool:
    """Comment rules addressed to readers: mentions comments, two policy cues, and "you/we/please"."""
    if "comment" not in line.normal:
        return False
    hits = sum(1 for cue in load_cues()["comment-policy"] if cue in line.normal)
    addressed = re.search(r"\b(?:you|your|we|our|us|please)\b", line.normal) is not None
    return hits >= 2 and addressed


def is_syndication_notice(line: Line) -> bool:
    """A republication notice ("This article originally appeared on ...", "Read the original")."""
    return len(line.words) <= 45 and contains_cue(line.normal, load_cues()["syndication-notice"])


def is_author_bio_cue(line: Line) -> bool:
    """An author-box line ("About the author", "View all posts by ...")."""
    return len(line.words) <= 40 and contains_cue(line.normal, load_cues()["author-bio"])


def is_author_bio_sentence(line: Line) -> bool:
    """An author-box sentence opening with a name and saying what the person does: "Jane Doe
    is a reporter covering schools.", "Jane Doe covers schools for ..."."""
    words = line.text.split()
    for size in (2, 3, 4):
        if len(words) > size + 1 and looks_like_person_name(" ".join(words[:size])):
            verb, after = words[size].lower(), words[size + 1].lower()
            described = verb == "is" and after in {"a", "an", "the"} or verb in {"covers", "writes"}
            opening = normalise_line(" ".join(words[size: size + 10]))
            return (described and len(line.words) <= 60
                    and contains_cue(opening, load_cues()["author-role"]))
    return False


def is_promo(line: Line) -> bool:
    """A house promotion line: newsletter, tip line, membership, app, legal links."""
    return len(line.words) <= 25 and contains_cue(line.normal, load_cues()["promo"])


def is_disclaimer(line: Line) -> bool:
    """An opinion or liability disclaimer ("The views expressed are the author's own.")."""
    return len(line.words) <= 40 and contains_cue(line.normal, load_cues()["disclaimer"])


def is_copyright(line: Line) -> bool:
    """A copyright line naming the publisher."""
    return len(line.words) <= 20 and read_copyright_holder(line.text) is not None \
        and bool(re.search(r"©|\(c\)|copyright", line.text, re.IGNORECASE))


def is_tag_list(line: Line) -> bool:
    """An unlabelled tag list: three or more short comma-separated items, no function words."""
    items = [item.strip() for item in line.text.split(",")]
    return (len(items) >= 3 and all(1 <= len(item.split()) <= 4 for item in items)
            and line.stop_density <= 0.1 and not line.ends_sentence)


ZONE_RULES = (
    ("comment-policy", is_comment_policy),
    ("syndication-notice", is_syndication_notice),
    ("author-bio", is_author_bio_cue),
    ("author-bio", is_author_bio_sentence),
    ("copyright", is_copyright),
    ("promo", is_promo),
    ("disclaimer", is_disclaimer),
    ("tag-line", is_tag_list),
)

"""Cleaning owns removing web chrome from scraped plain text, keeping every removed line with why.

Scraped text mixes the article body with page furniture: admin links, audio-player notices,
titles, bylines, date and read-time lines, photo captions, tag boxes, "most popular" blocks and
the unrelated headlines after them, related-article teasers cut off mid-sentence, syndication
notices, author boxes, comment policies. :func:`clean_text` removes them with a cascade of small
named rules over lines. Every rule judges the *shape* of a line (length, final punctuation,
stop-word density as in jusText, capitalisation, credit and date shapes) and its *position*, plus
generic cue phrases from ``data/boilerplate_cues.txt``; none knows any particular site.

Cascade (each rule sees only lines no earlier rule removed):

1. Lines that are chrome wherever they stand (``mark_cue_lines``): admin-link, navigation,
   short-link-line, comments-label, read-time, byline, dateline, caption, audio-notice,
   related-link, tag-line ("Tags: ..."), popular-block; then a lone name next to a date line
   (byline, ``mark_name_bylines``) and the headline-like lines after a "Most popular" cue
   (headline-list, ``mark_popular_blocks``).
2. Zones (``find_body_zone``): *anchor* lines are long lines shaped like prose (sentence end,
   enough stop words, no zone cue below). Lines before the first anchor form the header zone,
   lines after the last anchor the footer zone. Hard-wrapped pages are detected here.
3. Zone rules (``mark_zone_lines``), header/footer only: comment-policy, syndication-notice,
   author-bio, copyright, promo, disclaimer, tag-line (bare tag lists), author-name; then
   truncated-teaser and teaser-headline (``mark_truncated_teasers``: in the footer, or under a
   short headline anywhere), title (``mark_title``),
   repeated-across-outlet, and left-over short or unpunctuated fragments (short-link-line,
   headline-list in the footer, header-fragment in the header).

Output: ``CleanResult.text`` keeps the body lines in order, one paragraph per raw line, joined by
a blank line ("\\n\\n"); on a hard-wrapped page the lines of one raw paragraph are joined with a
space (elsewhere only a line that does not end a sentence and is directly followed by a
lower-case continuation). ``removed`` lists every removed non-blank line with its reason code
and 0-based raw line number; ``header`` maps the metadata reasons (title, dateline, byline,
author-name, author-bio, copyright, syndication-notice) to their ``(line, text)`` pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from storytrace.model import RemovedText
from storytrace.textmeta import (
    looks_like_date,
    looks_like_person_name,
    parse_dated_byline,
    read_copyright_holder,
    starts_with_date,
    strip_date_and_read_time,
)

__all__ = ["CleanResult", "clean_text", "find_repeated_lines", "split_raw_lines"]

# Reasons whose lines carry metadata that textmeta reads back from ``CleanResult.header``.
METADATA_REASONS = ("title", "dateline", "byline", "author-name", "author-bio", "copyright",
                    "syndication-notice")

ANCHOR_MIN_WORDS = 8  # an anchor (sure body) line has at least this many words
ANCHOR_MIN_STOP_DENSITY = 0.2  # ... and at least this share of stop words (jusText-like)
SHORT_LINE_WORDS = 4  # "fragment" lines: at most this many words
HEADLINE_MAX_WORDS = 30
TITLE_MIN_WORDS = 5  # shorter header lines are kickers or section labels unless nothing longer
TEASER_MIN_WORDS = 12  # a cut-off teaser is a long line without a sentence end
TEASER_HEADLINE_MAX_WORDS = 16  # ... under a short headline
REPEATED_MAX_WORDS = 12  # repeated lines inside the body zone count only when this short

_TERMINAL = ".!?"
_CLOSERS = "\"'”’“‘)]»"
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
_CLOCK_ONLY = re.compile(r"^[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_COUNT = re.compile(r"^\d+\s+|\s+\(?\d+\)?$")
_PREFIX_SEPARATOR = re.compile(r"^(?P<cue>[^:|»>—–-]{2,30}?)\s*(?::|\||»|>|—|–| - )\s*(?P<rest>.+)$")


@dataclass
class CleanResult:
    """The cleaned body, what was removed (with reasons and raw line numbers), and metadata lines."""

    text: str
    removed: list[RemovedText] = field(default_factory=list)
    header: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class _Line:
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
        stripped = self.text.rstrip(_CLOSERS + " ")
        if stripped.endswith("...") and not stripped.endswith("...."):
            return False
        return stripped[-1:] in _TERMINAL and not stripped.endswith("…")

    @property
    def dangles(self) -> bool:
        """Ends on a word that can hardly end a sentence ("... the board voted to")."""
        return bool(self.words) and self.text[-1:].isalnum() \
            and self.words[-1].lower() in load_dangling_words()

    @property
    def headline_like(self) -> bool:
        """Short, starts with a capital, digit or quote, and has no sentence-ending full stop."""
        stripped = self.text.rstrip(_CLOSERS + " ")
        first = self.text[:1]
        return (2 <= len(self.words) <= HEADLINE_MAX_WORDS
                and (first.isupper() or first.isdigit() or first in "\"'“‘")
                and stripped[-1:] not in ".:;,…-–—" and not self.dangles)


@dataclass
class _Page:
    lines: list[_Line]
    first_anchor: int | None = None
    last_anchor: int | None = None
    hard_wrapped: bool = False

    def in_header(self, line: _Line) -> bool:
        return self.first_anchor is not None and line.number < self.first_anchor

    def in_footer(self, line: _Line) -> bool:
        return self.last_anchor is not None and line.number > self.last_anchor

    def non_blank(self) -> list[_Line]:
        return [line for line in self.lines if not line.blank]

    def following(self, line: _Line) -> _Line | None:
        """The next raw line (blank or not), None at the end."""
        return self.lines[line.number + 1] if line.number + 1 < len(self.lines) else None


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


def _make_line(number: int, raw_line: str) -> _Line:
    text = raw_line.strip()
    words = _WORD.findall(text)
    stopwords = load_stopwords()
    stops = sum(1 for word in words if word.lower().replace("’", "'") in stopwords)
    density = stops / len(words) if words else 0.0
    return _Line(number, text, words, normalise_line(text), density)


@cache
def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = (re.escape(cue).replace(r"\*", r"\w*") for cue in cues)
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


def _contains_cue(normal: str, cues: tuple[str, ...]) -> bool:
    """One of ``cues`` occurs in the normalised line as whole words ("click*" = click, clicking)."""
    return _cue_regex(cues).search(normal) is not None


def _is_whole_cue(normal: str, section: str) -> bool:
    """The line is exactly a cue of ``section``, ignoring a leading/trailing count ("12 Comments")."""
    cues = load_cues()[section]
    return normal in cues or _COUNT.sub("", normal) in cues


# ---------------------------------------------------------------- rules: anywhere


def is_admin_link(line: _Line) -> bool:
    """An editor/navigation link left in the text ("Edit post", "Skip to content")."""
    return _is_whole_cue(line.normal, "admin-link")


def is_short_link_line(line: _Line) -> bool:
    """A share bar, button or ad slot: a whole cue, a run of cues ("Share Tweet Email") or a URL."""
    if _URL_ONLY.match(line.text) or _is_whole_cue(line.normal, "short-link-line"):
        return True
    cues = load_cues()["short-link-line"]
    words = line.normal.split()
    return 2 <= len(words) <= 8 and all(word in cues for word in words)


def is_counter(line: _Line) -> bool:
    """A like/share/comment counter: a few numbers and no letters ("24", "1.2K" aside)."""
    return (not any(ch.isalpha() for ch in line.text) and len(line.text.split()) <= 3
            and not _CLOCK_ONLY.match(line.text))


def is_comments_label(line: _Line) -> bool:
    """A comment-section header such as "Comments", "12 comments", "Leave a reply", or a short
    line opening with one ("Comments are closed for this article.")."""
    if _is_whole_cue(line.normal, "comments-label"):
        return True
    return len(line.words) <= 8 and any(
        line.normal.startswith(cue + " ") for cue in load_cues()["comments-label"] if " " in cue)


def is_read_time(line: _Line) -> bool:
    """A reading-time indicator ("3 min read") with at most a few other words."""
    return (len(line.words) <= 6 and any(ch.isdigit() for ch in line.text)
            and _contains_cue(line.normal, load_cues()["read-time"]))


def is_dateline(line: _Line) -> bool:
    """A date line: a date (with label, time, read time) and little else, or a line that opens
    with a date or a date label and does not end like a sentence ("date 2024-01-02 <promo>")."""
    if (line.ends_sentence and len(line.words) > 12) or not looks_like_date(line.text):
        return False  # (a long finished sentence is never a date line: skip the date search)
    residual = strip_date_and_read_time(line.text).split()
    if not residual or (len(residual) <= 3 and not line.ends_sentence):
        return True
    opens_sentence = line.normal.startswith("on ") or line.text.endswith(":")
    return starts_with_date(line.text) and not line.ends_sentence and not opens_sentence


def is_byline(line: _Line) -> bool:
    """"By Jane Doe", "by Jane Doe <date> <read time>", "Author: Jane Doe" (see textmeta)."""
    return len(line.words) <= 25 and parse_dated_byline(line.text) is not None


def is_caption(line: _Line) -> bool:
    """A photo caption: ends with a credit in parentheses ("(Name/Agency via Agency)"), ends with
    "Photograph: Name/Agency", or starts with "Photo:"/"Image:"."""
    if (_CAPTION_PREFIX.match(line.text) and len(line.words) <= 40) or (
            _CREDIT_ONLY.match(line.text) and len(line.words) <= 8):
        return True
    match = _CAPTION_CREDIT.search(line.text)
    if match:
        credit = _make_line(line.number, match.group("credit"))
        return (len(credit.words) <= 10 and credit.text[:1].isupper()
                and credit.stop_density <= 0.25)
    bare = _BARE_CREDIT.search(line.text)
    if bare and len(line.words) <= 40:
        credit = bare.group("credit")
        return (len(credit.split()) <= 5 and credit[-1:] not in _TERMINAL and "," not in credit
                and all(word[:1].isupper() for word in credit.split()))
    return bool(_CAPTION_SUFFIX.search(line.text)) and "/" in line.text.rsplit(":", 1)[-1]


def is_navigation(line: _Line) -> bool:
    """A menu or breadcrumb: "Home » News » Politics", "Football | Rugby | Cricket"."""
    items = _NAV_SEPARATOR.split(line.text)
    return (len(items) >= 3 and all(1 <= len(item.split()) <= 4 for item in items)
            and not line.ends_sentence)


def is_audio_notice(line: _Line) -> bool:
    """A short audio-player or synthetic-voice notice: at most 12 words, a cue, and no sentence
    end unless the whole line is a cue ("Listen to this article.")."""
    if len(line.words) > 12 or not _contains_cue(line.normal, load_cues()["audio-notice"]):
        return False
    return not line.ends_sentence or line.normal in load_cues()["audio-notice"]


def _labelled_rest(line: _Line, section: str) -> _Line | None:
    """What follows a cue label of ``section`` ("Read more: <rest>", "Tags | <rest>"), or None."""
    match = _PREFIX_SEPARATOR.match(line.text)
    if match is None or normalise_line(match.group("cue")) not in load_cues()[section]:
        return None
    return _make_line(line.number, match.group("rest"))


def is_related_link(line: _Line) -> bool:
    """A one-line link to another article: "Read more: <headline>", "Related | <headline>"."""
    rest = _labelled_rest(line, "related-link")
    return rest is not None and (rest.headline_like or len(rest.words) <= 3)


def is_tag_prefix_line(line: _Line) -> bool:
    """A tag box with a label: "Tags: A, B, C", "Filed under: Politics"."""
    return _labelled_rest(line, "tag-line") is not None and not line.ends_sentence


def is_popular_cue(line: _Line) -> bool:
    """A cue line that introduces a list of other headlines ("Most popular", "Editors' picks")."""
    normal = line.normal.replace("'", "")
    return len(line.words) <= 5 and (normal in load_cues()["popular-block"]
                                     or _is_whole_cue(normal, "popular-block"))


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


def mark_cue_lines(page: _Page) -> None:
    """Stage 1a. Requires features; marks lines that are chrome wherever they stand."""
    for line in page.non_blank():
        for reason, rule in ANYWHERE_RULES:
            if rule(line):
                line.reason = reason
                break


def mark_name_bylines(page: _Page) -> None:
    """Stage 1b. Requires cue lines marked; a lone name line ("Jane Doe") right next to a date,
    read-time or byline line is a byline without "By"."""
    lines = page.non_blank()
    for index, line in enumerate(lines):
        if not line.kept or not looks_like_person_name(line.text):
            continue
        neighbours = lines[max(index - 1, 0): index] + lines[index + 1: index + 2]
        if any(other.reason in ("dateline", "read-time", "byline") for other in neighbours):
            line.reason = "byline"


def mark_popular_blocks(page: _Page) -> None:
    """Stage 1c. Requires cue lines marked; marks the headline-like lines after a
    "Most popular"-style cue as ``headline-list`` up to the first line shaped like prose
    (a full stop at the end, or longer than a headline)."""
    in_block = False
    for line in page.non_blank():
        if line.reason == "popular-block":
            in_block = True
            continue
        if not in_block:
            continue
        if line.reason is not None:
            continue
        stripped = line.text.rstrip(_CLOSERS + " ")
        if line.headline_like or (stripped.endswith("?") and len(line.words) <= 25):
            line.reason = "headline-list"
        else:
            in_block = False


# ---------------------------------------------------------------- zones


def is_comment_policy(line: _Line) -> bool:
    """Comment rules addressed to readers: mentions comments, two policy cues, and "you/we/please"."""
    if "comment" not in line.normal:
        return False
    hits = sum(1 for cue in load_cues()["comment-policy"] if cue in line.normal)
    addressed = re.search(r"\b(?:you|your|we|our|us|please)\b", line.normal) is not None
    return hits >= 2 and addressed


def is_syndication_notice(line: _Line) -> bool:
    """A republication notice ("This article originally appeared on ...", "Read the original")."""
    return len(line.words) <= 45 and _contains_cue(line.normal, load_cues()["syndication-notice"])


def is_author_bio_cue(line: _Line) -> bool:
    """An author-box line ("About the author", "View all posts by ...")."""
    return len(line.words) <= 40 and _contains_cue(line.normal, load_cues()["author-bio"])


def is_author_bio_sentence(line: _Line) -> bool:
    """An author-box sentence opening with a name and saying what the person does: "Jane Doe
    is a reporter covering schools.", "Jane Doe covers schools for ..."."""
    words = line.text.split()
    for size in (2, 3, 4):
        if len(words) > size + 1 and looks_like_person_name(" ".join(words[:size])):
            verb, after = words[size].lower(), words[size + 1].lower()
            described = verb == "is" and after in {"a", "an", "the"} or verb in {"covers", "writes"}
            opening = normalise_line(" ".join(words[size: size + 10]))
            return (described and len(line.words) <= 60
                    and _contains_cue(opening, load_cues()["author-role"]))
    return False


def is_promo(line: _Line) -> bool:
    """A house promotion line: newsletter, tip line, membership, app, legal links."""
    return len(line.words) <= 25 and _contains_cue(line.normal, load_cues()["promo"])


def is_disclaimer(line: _Line) -> bool:
    """An opinion or liability disclaimer ("The views expressed are the author's own.")."""
    return len(line.words) <= 40 and _contains_cue(line.normal, load_cues()["disclaimer"])


def is_copyright(line: _Line) -> bool:
    """A copyright line naming the publisher."""
    return len(line.words) <= 20 and read_copyright_holder(line.text) is not None \
        and bool(re.search(r"©|\(c\)|copyright", line.text, re.IGNORECASE))


def is_anchor(line: _Line, wrapped_on: bool = False) -> bool:
    """A line that is surely body: long prose with a sentence end (or, on a hard-wrapped page,
    directly followed by the rest of its paragraph) and no zone-chrome cue."""
    return (line.kept and len(line.words) >= ANCHOR_MIN_WORDS
            and (line.ends_sentence or wrapped_on)
            and line.stop_density >= ANCHOR_MIN_STOP_DENSITY
            and not any(rule(line) for _, rule in ZONE_RULES))


def find_body_zone(page: _Page) -> None:
    """Stage 2. Requires stage 1; sets whether the page is hard-wrapped and the first and last
    anchor line numbers (None if none)."""
    page.hard_wrapped = _page_is_hard_wrapped(page)
    anchors = [line.number for line in page.lines
               if is_anchor(line, page.hard_wrapped and _next_is_kept(page, line))]
    if not anchors:
        anchors = [line.number for line in page.lines
                   if line.kept and line.ends_sentence and len(line.words) >= SHORT_LINE_WORDS]
    if anchors:
        page.first_anchor, page.last_anchor = anchors[0], anchors[-1]


def is_tag_list(line: _Line) -> bool:
    """An unlabelled tag list: three or more short comma-separated items, no function words."""
    items = [item.strip() for item in line.text.split(",")]
    return (len(items) >= 3 and all(1 <= len(item.split()) <= 4 for item in items)
            and line.stop_density <= 0.1 and not line.ends_sentence)


def mark_title(page: _Page) -> None:
    """Title: the first headline-like kept line in the header zone with at least
    ``TITLE_MIN_WORDS`` words (so a short kicker such as "Opinion" is passed over, while a longer
    unpunctuated standfirst below the title is not taken; the longest line if all are shorter);
    a tag-list shape only when nothing else qualifies. Failing that, a first line in Title Case ending with a full stop. Requires
    zones."""
    candidates = [line for line in page.non_blank()
                  if line.kept and page.in_header(line) and line.headline_like
                  and len(line.words) >= 3 and not _is_continued(page, line)]
    preferred = [line for line in candidates if not is_tag_list(line)] or candidates
    if preferred:
        enough = min(TITLE_MIN_WORDS, max(len(line.words) for line in preferred))
        next(line for line in preferred if len(line.words) >= enough).reason = "title"
        return
    first = next((line for line in page.non_blank() if line.reason is None), None)
    if (first is not None and first.number != page.last_anchor and len(first.words) <= 25
            and first.ends_sentence and _is_title_case(first, share=1.0)
            and not _is_continued(page, first)):
        first.reason = "title"  # a Title-Case Headline that a CMS ended with a full stop.


def _next_is_kept(page: _Page, line: _Line) -> bool:
    following = page.following(line)
    return following is not None and following.kept


def _is_continued(page: _Page, line: _Line) -> bool:
    """The next raw line goes on with the same sentence (kept, starts in lower case)."""
    following = page.following(line)
    return following is not None and following.kept and following.text[:1].islower()


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


def mark_zone_lines(page: _Page, repeated_lines: frozenset[str]) -> None:
    """Stage 3. Requires zones; marks header/footer chrome, teasers and repeated lines."""
    for line in page.non_blank():
        if line.kept and (page.in_header(line) or page.in_footer(line)):
            for reason, rule in ZONE_RULES:
                if rule is is_author_bio_sentence and not page.in_footer(line):
                    continue  # author boxes close a page; a header sentence is the lede
                if rule(line):
                    line.reason = reason
                    break
    mark_author_name(page)
    mark_truncated_teasers(page)
    mark_title(page)
    if page.first_anchor is not None and page.lines[page.first_anchor].reason == "title":
        page.first_anchor = next((line.number for line in page.lines
                                  if line.number > page.first_anchor and is_anchor(line)), None)
    for line in page.non_blank():
        if not line.kept or (_CLOCK_ONLY.match(line.text) and _next_is_kept(page, line)):
            continue  # live-blog entry stamps stay with their entry
        zone = page.in_header(line) or page.in_footer(line)
        if line.normal in repeated_lines and (
                zone or (len(line.words) <= REPEATED_MAX_WORDS and not line.ends_sentence)):
            line.reason = "repeated-across-outlet"
        elif zone and len(line.words) <= SHORT_LINE_WORDS and not line.ends_sentence \
                and not line.text.endswith(":"):
            line.reason = "short-link-line"
        elif page.in_footer(line) and line.headline_like and not line.ends_sentence:
            line.reason = "headline-list"
        elif zone and len(line.words) <= 10 and (
                _is_title_case(line) if not line.ends_sentence
                else _is_title_case(line, share=1.0, minimum=3)):
            line.reason = "short-link-line"
        elif page.in_header(line) and len(line.words) <= 12 and not line.ends_sentence \
                and line.stop_density < ANCHOR_MIN_STOP_DENSITY + 0.1 \
                and not line.text.endswith(":") and not page.hard_wrapped:
            line.reason = "header-fragment"  # prose-like unpunctuated lines (standfirsts) stay


def _is_title_case(line: _Line, share: float = 0.8, minimum: int = 2) -> bool:
    """At least ``share`` of the (at least ``minimum``) content words, numbers aside, are
    capitalised ("Our Standards: The Trust Principles.")."""
    stopwords = load_stopwords()
    content = [word for word in line.words
               if word.lower() not in stopwords and not word[:1].isdigit()]
    capitalised = [word for word in content if word[:1].isupper()]
    return len(content) >= minimum and len(capitalised) >= share * len(content)


def mark_author_name(page: _Page) -> None:
    """A lone name line in the footer followed by an author-box line, or followed by a short
    line repeating that name, is the author: ``author-name`` (and the follower ``author-bio``)."""
    lines = page.non_blank()
    for current, following in zip(lines, lines[1:]):
        if not (current.kept and page.in_footer(current) and looks_like_person_name(current.text)):
            continue
        repeats_name = current.normal in following.normal and len(following.words) <= 15
        if following.reason == "author-bio" or (following.kept and repeats_name):
            current.reason = "author-name"
            if following.kept:
                following.reason = "author-bio"


def _page_is_hard_wrapped(page: _Page) -> bool:
    """True when text was wrapped at a fixed width: several long lines stop mid-sentence and
    the next line carries on (it starts in lower case, or the line ended on a comma or a
    function word)."""
    stopwords = load_stopwords()
    long_lines = [line for line in page.lines if len(line.words) >= ANCHOR_MIN_WORDS]
    wrapped = 0
    for line in long_lines:
        following = page.following(line)
        if line.ends_sentence or following is None or following.blank:
            continue
        if (following.text[:1].islower() or line.text.endswith(",")
                or line.words[-1].lower() in stopwords):
            wrapped += 1
    return wrapped >= 2 and wrapped >= 0.3 * len(long_lines)


def mark_truncated_teasers(page: _Page) -> None:
    """Related-article teasers cut off mid-sentence (``truncated-teaser``) and the headline
    right above them (``teaser-headline``). A long line without a sentence end, not continued
    by the next line, is a teaser when it ends on a word that cannot end a sentence (or on an
    ellipsis) or follows a short headline-like line, and stands in the footer zone; elsewhere
    only when both hold. Skipped on hard-wrapped pages."""
    if page.hard_wrapped:
        return
    lines = page.non_blank()
    for index, line in enumerate(lines):
        if (not line.kept or len(line.words) < TEASER_MIN_WORDS or line.ends_sentence
                or line.text.rstrip(_CLOSERS).endswith((":", ",")) or _is_continued(page, line)):
            continue
        previous = lines[index - 1] if index else None
        has_headline = previous is not None and previous.headline_like and (
            len(previous.words) <= TEASER_HEADLINE_MAX_WORDS) and (
            previous.kept or previous.reason == "truncated-teaser")
        cut_off = line.dangles or line.text.endswith(("...", "…"))
        if (cut_off or has_headline) and (page.in_footer(line) or cut_off and has_headline):
            line.reason = "truncated-teaser"
            if has_headline:
                previous.reason = "teaser-headline"


# ---------------------------------------------------------------- assembling the result


def _join_body(page: _Page) -> str:
    """Kept lines as paragraphs separated by a blank line. Directly adjacent kept lines are
    joined with a space on a hard-wrapped page, elsewhere only when the first does not end a
    sentence and the second starts in lower case."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in page.lines:
        if not line.kept:
            if not line.blank:
                previous = None
            continue
        joins = (previous is not None and previous.number == line.number - 1 and (
            page.hard_wrapped or (not previous.ends_sentence and line.text[:1].islower())))
        if joins:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return "\n\n".join(paragraphs).strip()


def _analyse(raw: str, repeated_lines: frozenset[str]) -> _Page:
    page = _Page([_make_line(number, text) for number, text in enumerate(split_raw_lines(raw))])
    mark_cue_lines(page)
    mark_name_bylines(page)
    mark_popular_blocks(page)
    find_body_zone(page)
    mark_zone_lines(page, repeated_lines)
    return page


def clean_text(raw: str, *, repeated_lines: frozenset[str] = frozenset()) -> CleanResult:
    """Remove web chrome from scraped plain text.

    Requires the raw page text; ``repeated_lines`` are normalised lines that
    :func:`find_repeated_lines` found in several articles of the same outlet. Returns the body
    text, every removed non-blank line with its reason and raw line number, and the
    metadata-bearing lines in ``header``. Nothing is lost: each non-blank raw line is either in
    ``text`` or in ``removed``.
    """
    page = _analyse(raw, repeated_lines)
    removed = [RemovedText(text=line.text, reason=line.reason, line=line.number)
               for line in page.lines if line.reason is not None]
    header: dict[str, list[tuple[int, str]]] = {}
    for item in removed:
        if item.reason in METADATA_REASONS:
            header.setdefault(item.reason, []).append((item.line, item.text))
    return CleanResult(text=_join_body(page), removed=removed, header=header)


def find_repeated_lines(raw_texts: list[str], min_count: int = 2) -> frozenset[str]:
    """Normalised lines (two words or more) found in at least ``min_count`` of the texts.

    Meant for the articles of one outlet (the caller groups by outlet when known). Only lines
    that cannot be quoted body prose count: lines in a page's header or footer zone, and short
    lines without a sentence end. A body sentence quoted by two articles is never returned.
    """
    counts: Counter[str] = Counter()
    for raw in raw_texts:
        page = _analyse(raw, frozenset())
        seen: set[str] = set()
        for line in page.non_blank():
            if len(line.normal.split()) < 2:
                continue
            zone = page.in_header(line) or page.in_footer(line)
            short = len(line.words) <= REPEATED_MAX_WORDS and not line.ends_sentence
            if zone or short:
                seen.add(line.normal)
        counts.update(seen)
    return frozenset(line for line, count in counts.items() if count >= min_count)

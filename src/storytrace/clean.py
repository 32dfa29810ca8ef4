"""Cleaning owns removing web chrome from scraped plain text, keeping every removed line with why.

Scraped text mixes the article body with page furniture: admin links, audio-player notices,
titles, bylines, date and read-time lines, photo captions, tag boxes, "most popular" blocks and
the unrelated headlines after them, related-article teasers cut off mid-sentence, syndication
notices, author boxes, comment policies. :func:`clean_text` removes them with a cascade of small
named rules over lines. The one-line rules (shape, cue phrases from
``data/boilerplate_cues.txt``) live in :mod:`storytrace.clean_lines`; this module owns the
cascade that applies them by *position* (header, body and footer zones, neighbouring lines) and
keeps every removed line with its reason. No rule knows any particular site.

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

from collections import Counter
from dataclasses import dataclass, field

from storytrace.clean_lines import (
    ANYWHERE_RULES,
    CLOCK_ONLY,
    CLOSERS,
    ZONE_RULES,
    Line,
    is_author_bio_sentence,
    is_tag_list,
    is_title_case,
    load_stopwords,
    make_line,
    split_raw_lines,
)
from storytrace.model import RemovedText
from storytrace.textmeta import looks_like_person_name

__all__ = ["CleanResult", "clean_text", "find_repeated_lines", "split_raw_lines"]

# Reasons whose lines carry metadata that textmeta reads back from ``CleanResult.header``.
METADATA_REASONS = ("title", "dateline", "byline", "author-name", "author-bio", "copyright",
                    "syndication-notice")

ANCHOR_MIN_WORDS = 8  # an anchor (sure body) line has at least this many words
ANCHOR_MIN_STOP_DENSITY = 0.2  # ... and at least this share of stop words (jusText-like)
SHORT_LINE_WORDS = 4  # "fragment" lines: at most this many words
TITLE_MIN_WORDS = 5  # shorter header lines are kickers or section labels unless nothing longer
TEASER_MIN_WORDS = 12  # a cut-off teaser is a long line without a sentence end
TEASER_HEADLINE_MAX_WORDS = 16  # ... under a short headline
REPEATED_MAX_WORDS = 12  # repeated lines inside the body zone count only when this short


@dataclass
class CleanResult:
    """The cleaned body, what was removed (with reasons and raw line numbers), and metadata lines."""

    text: str
    removed: list[RemovedText] = field(default_factory=list)
    header: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class _Page:
    lines: list[Line]
    first_anchor: int | None = None
    last_anchor: int | None = None
    hard_wrapped: bool = False

    def in_header(self, line: Line) -> bool:
        return self.first_anchor is not None and line.number < self.first_anchor

    def in_footer(self, line: Line) -> bool:
        return self.last_anchor is not None and line.number > self.last_anchor

    def non_blank(self) -> list[Line]:
        return [line for line in self.lines if not line.blank]

    def following(self, line: Line) -> Line | None:
        """The next raw line (blank or not), None at the end."""
        return self.lines[line.number + 1] if line.number + 1 < len(self.lines) else None


# ---------------------------------------------------------------- stage 1: chrome anywhere


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
        stripped = line.text.rstrip(CLOSERS + " ")
        if line.headline_like or (stripped.endswith("?") and len(line.words) <= 25):
            line.reason = "headline-list"
        else:
            in_block = False


# ---------------------------------------------------------------- zones

def is_anchor(line: Line, wrapped_on: bool = False) -> bool:
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
        if not line.kept or (CLOCK_ONLY.match(line.text) and _next_is_kept(page, line)):
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
                is_title_case(line) if not line.ends_sentence
                else is_title_case(line, share=1.0, minimum=3)):
            line.reason = "short-link-line"
        elif page.in_header(line) and len(line.words) <= 12 and not line.ends_sentence \
                and line.stop_density < ANCHOR_MIN_STOP_DENSITY + 0.1 \
                and not line.text.endswith(":") and not page.hard_wrapped:
            line.reason = "header-fragment"  # prose-like unpunctuated lines (standfirsts) stay


def mark_title(page: _Page) -> None:
    """Title: the first headline-like kept line in the header zone with at least
    ``TITLE_MIN_WORDS`` words (so a short kicker such as "Opinion" is passed over, while a longer
    unpunctuated standfirst below the title is not taken; the longest line if all are shorter);
    a tag-list shape only when nothing else qualifies. Failing that, a first line in Title Case
    ending with a full stop. Requires zones."""
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
            and first.ends_sentence and is_title_case(first, share=1.0)
            and not _is_continued(page, first)):
        first.reason = "title"  # a Title-Case Headline that a CMS ended with a full stop.


def _next_is_kept(page: _Page, line: Line) -> bool:
    following = page.following(line)
    return following is not None and following.kept


def _is_continued(page: _Page, line: Line) -> bool:
    """The next raw line goes on with the same sentence (kept, starts in lower case)."""
    following = page.following(line)
    return following is not None and following.kept and following.text[:1].islower()


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
                or line.text.rstrip(CLOSERS).endswith((":", ",")) or _is_continued(page, line)):
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
    previous: Line | None = None
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
    page = _Page([make_line(number, text) for number, text in enumerate(split_raw_lines(raw))])
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
"""What the Markdown and HTML reports show, computed once: lookups, marked-up sentences, axis positions.

Reports format; they do not analyse. Everything here derives from the dossier's own fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..lexicons import shorten
from ..origins import is_anonymous_origin
from ..model import Article, Claim, Conflict, Dossier, Story
from ..timeline import precision_of


@dataclass
class Segment:
    text: str
    kind: str | None = None  # entity | quantity | time | None
    label: str | None = None


def article_label(article: Article) -> str:
    """How an article is named in reports: outlet and date, or its file name."""
    name = article.outlet or article.path.rsplit("/", 1)[-1]
    when = article.published[:10] if article.published else "undated"
    return f"{name}, {when}"


DIRECTION_WORDING = {
    "date": "by publication dates",
    "inferred-date": "by a date inferred for an undated article",
    "citation": "the copy names the other outlet beside the passage",
    "mention": "the copy names the other outlet",
    "framing": "the copy puts the shared words in quotation marks or credits them to an outlet",
    "credit": "the copy's removed photo credit names the other outlet (weak evidence)",
    "unknown": "direction unknown: nothing shows who copied whom",
}


def direction_note(basis: str | None) -> str:
    """How a reuse link's direction was decided, in words ("" when the dossier does not say)."""
    return DIRECTION_WORDING.get(basis, basis or "")


def segments(article: Article, start: int, end: int) -> list[Segment]:
    """The text between ``start`` and ``end`` cut into plain and marked runs (entities, quantities, dates)."""
    marks: list[tuple[int, int, str, str]] = []
    for q in article.quantities:
        marks.append((q.start, q.end, "quantity", f"{q.value:g} {q.unit or ''}".strip() + (" (approx.)" if q.approximate else "")))
    for t in article.time_expressions:
        marks.append((t.start, t.end, "time", f"{t.type} {t.value or '?'}" + (" (inferred)" if t.inferred else "")))
    for e in article.entities:
        if e.label not in ("DATE", "TIME"):
            marks.append((e.start, e.end, "entity", e.label))
    marks = [m for m in marks if m[0] >= start and m[1] <= end]
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[Segment] = []
    cursor = start
    for m_start, m_end, kind, label in marks:
        if m_start < cursor:
            continue  # overlapping marks: the first (longest) wins
        if m_start > cursor:
            out.append(Segment(article.text[cursor:m_start]))
        out.append(Segment(article.text[m_start:m_end], kind, label))
        cursor = m_end
    if cursor < end:
        out.append(Segment(article.text[cursor:end]))
    return out


def claims_by_id(story: Story) -> dict[str, Claim]:
    return {c.id: c for c in story.claims}


def fact_disputes(story: Story) -> dict[str, list[Conflict]]:
    """The conflicts each fact's claims take part in, by fact id (facts with none are left out):
    origins that disagree on a figure, place, date or status corroborate the fact only in what
    they share, and the reader must see that beside the origin count."""
    by_claim: dict[str, list[Conflict]] = {}
    for conflict in story.conflicts:
        for value in conflict.values:
            for claim_id in value.claim_ids:
                by_claim.setdefault(claim_id, []).append(conflict)
    disputes: dict[str, list[Conflict]] = {}
    for fact in story.facts:
        found: list[Conflict] = []
        for claim_id in fact.claim_ids:
            found += [c for c in by_claim.get(claim_id, []) if all(c is not f for f in found)]
        if found:
            disputes[fact.id] = found
    return disputes


def conflict_value_text(value: object) -> str:
    """A conflict's value as a reader writes it: 10,000 rather than 10000, a range [10, 12] as
    "10 to 12"; a status, date or place as it is."""
    if isinstance(value, (list, tuple)):
        return " to ".join(conflict_value_text(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return f"{int(value):,}"


def dispute_note(conflict: Conflict) -> str:
    """One line saying what a fact's origins disagree on: "disputed, number of soldiers: 10,000
    (X) vs 11,000 (Y)"."""
    sides = [f"{conflict_value_text(v.value)} ({', '.join(v.sources) or 'unattributed'})"
             for v in conflict.values]
    return f"disputed, {conflict.about}: " + " vs ".join(sides)


HIGHLIGHTS_PER_KIND = 3
QUOTE_MARKS = "\"'“”‘’«»"
HIGHLIGHT_SUMMARY_CHARS = 110


def story_highlights(story: Story, articles: Mapping[str, Article]) -> list[str]:
    """What a reader should see first about a story, one line each (at most
    ``HIGHLIGHTS_PER_KIND`` of a kind): facts repeated by several articles that all trace back to
    one origin (the most repeated first, unnamed origins first among equals), the best
    corroborated facts, disagreements, changes of state, and who took text from whom. ``articles``
    (by id; anything with ``outlet``, ``path`` and ``published``) name the reuse sides."""

    def label(article_id: str) -> str:
        return article_label(articles[article_id]) if article_id in articles else article_id

    def quoted(text: str) -> str:  # the text's own outer quotation marks are left off
        return f"“{shorten(text.strip().strip(QUOTE_MARKS), HIGHLIGHT_SUMMARY_CHARS)}”"

    def first(items: list, line) -> list[str]:
        lines = [line(item) for item in items[:HIGHLIGHTS_PER_KIND]]
        if len(items) > HIGHLIGHTS_PER_KIND:
            lines[-1] += f" (and {len(items) - HIGHLIGHTS_PER_KIND} more)"
        return lines

    single = [f for f in story.facts if f.independent_sources == 1 and len(f.article_ids) > 1]
    single.sort(key=lambda f: (-len(f.article_ids), not any(map(is_anonymous_origin, f.origins))))
    corroborated = [f for f in story.facts if f.independent_sources > 1]
    corroborated.sort(key=lambda f: (-f.independent_sources, -len(f.article_ids)))
    lines = first(single, lambda f: f"Repeated by {len(f.article_ids)} articles, one origin "
                                    f"({'; '.join(f.origins) or 'unknown'}): {quoted(f.summary)}")
    lines += first(corroborated, lambda f: f"{f.independent_sources} independent origins "
                                           f"({'; '.join(f.origins)}): {quoted(f.summary)}")
    lines += first(story.conflicts, lambda c: _sentence_case(dispute_note(c)))
    claims = claims_by_id(story)
    lines += first(story.updates, lambda u: f"The story moved on, {u.summary}"
                                            + (f": {quoted(claims[u.to_claim].text)}" if u.to_claim in claims else ""))
    lines += first(story.reuse, lambda r: f"{label(r.target_article)} took text from {label(r.source_article)} "
                                          f"({r.kind.replace('_', ' ')}, {len(r.passages)} passage(s))")
    return lines


def _sentence_case(text: str) -> str:
    """The text with its first letter capitalised (the rest as it is, unlike ``str.capitalize``)."""
    return text[:1].upper() + text[1:]


def _parse_day(value: str) -> date | None:
    try:
        year = int(value[:4])
    except ValueError:
        return None
    parts = value.split("-")
    try:
        if len(parts) >= 3 and parts[1].isdigit():
            return date(year, int(parts[1]), int(parts[2][:2]))
        if len(parts) >= 2 and parts[1].isdigit():
            return date(year, int(parts[1]), 1)
        if len(parts) >= 2 and parts[1].startswith("W"):
            return date.fromisocalendar(year, int(parts[1][1:3]), 1)
        return date(year, 1, 1)
    except ValueError:
        return None


_WIDTH_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "approximate": 30}


def axis_positions(story: Story) -> list[dict]:
    """Left offset and width (percent of the axis) for each timeline entry, by its date and precision."""
    points = [(entry, _parse_day(entry.date)) for entry in story.timeline]
    points = [(e, d) for e, d in points if d is not None]
    if not points:
        return []
    first = min(d for _, d in points)
    last = max(d.toordinal() + _WIDTH_DAYS[precision_of(e.date, e.precision)] for e, d in points)
    span = max(1, last - first.toordinal())
    rows = []
    for entry, day in points:
        width_days = _WIDTH_DAYS[precision_of(entry.date, entry.precision)]
        rows.append(
            {
                "entry": entry,
                "left": round(100 * (day.toordinal() - first.toordinal()) / span, 2),
                "width": max(0.8, round(100 * width_days / span, 2)),
            }
        )
    return rows


def axis_ticks(story: Story) -> list[str]:
    dates = sorted(d for d in (_parse_day(e.date) for e in story.timeline) if d)
    if not dates:
        return []
    return [dates[0].isoformat(), dates[-1].isoformat()]


def undated_claims(story: Story) -> list[Claim]:
    return [c for c in story.claims if c.event_date is None]


def articles_of(dossier: Dossier, story: Story) -> list[Article]:
    by_id = {a.id: a for a in dossier.articles}
    return [by_id[i] for i in story.article_ids if i in by_id]

"""What the web pages show, computed from stored results: marked-up article text, claim lookups, safe links.

Formatting only: every value here comes from the stored Article and Story; templates escape it all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Article, Claim, Story

# Which mark wins where two overlap: an attribution's source and cue first, then dates and numbers.
_MARK_ORDER = {"source": 0, "cue": 1, "time": 2, "quantity": 3, "entity": 4}


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # source | cue | time | quantity | entity
    label: str


@dataclass
class Run:
    text: str
    kind: str | None = None
    label: str | None = None


@dataclass
class SentenceView:
    index: int
    runs: list[Run]
    claim: Claim | None = None
    gap_before: str = ""  # text between the previous sentence and this one (newlines, spaces)
    attributed: bool = False


@dataclass
class ArticleView:
    sentences: list[SentenceView] = field(default_factory=list)
    tail: str = ""


def article_marks(article: Article) -> list[Mark]:
    """Attribution sources and cues, time expressions, quantities and named entities as marks on the text."""
    marks: list[Mark] = []
    for attribution in article.attributions:
        who = f"{attribution.source or 'unnamed source'} ({attribution.source_type})"
        if attribution.source_span:
            marks.append(Mark(*attribution.source_span, "source", f"source: {who}"))
        if attribution.cue_span:
            marks.append(Mark(*attribution.cue_span, "cue", f"cue: {attribution.cue or ''}, {attribution.kind}"))
    for expression in article.time_expressions:
        marks.append(Mark(expression.start, expression.end, "time",
                          f"{expression.type} {expression.value or '?'}" + (" (inferred)" if expression.inferred else "")))
    for quantity in article.quantities:
        marks.append(Mark(quantity.start, quantity.end, "quantity",
                          f"{quantity.value:g} {quantity.unit or ''}".strip() + (" (approx.)" if quantity.approximate else "")))
    for entity in article.entities:
        if entity.label not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"):
            marks.append(Mark(entity.start, entity.end, "entity", entity.label))
    return marks


def _runs(text: str, start: int, end: int, marks: list[Mark]) -> list[Run]:
    inside = sorted((m for m in marks if m.start >= start and m.end <= end and m.end > m.start),
                    key=lambda m: (m.start, _MARK_ORDER[m.kind], -(m.end - m.start)))
    runs: list[Run] = []
    cursor = start
    for mark in inside:
        if mark.start < cursor:
            continue  # overlaps a mark already placed
        if mark.start > cursor:
            runs.append(Run(text[cursor : mark.start]))
        runs.append(Run(text[mark.start : mark.end], mark.kind, mark.label))
        cursor = mark.end
    if cursor < end:
        runs.append(Run(text[cursor:end]))
    return runs


def article_view(article: Article, claims: list[Claim]) -> ArticleView:
    """The cleaned text cut into sentences, each with its marks and, when it is a claim, the claim."""
    marks = article_marks(article)
    by_sentence = {c.sentence: c for c in claims if c.article_id == article.id}
    attributed = set()
    for attribution in article.attributions:
        for start, _ in attribution.content_spans:
            index = article.sentence_index_at(start)
            if index is not None:
                attributed.add(index)
    view = ArticleView()
    cursor = 0
    for index, sentence in enumerate(article.sentences):
        if sentence.start < cursor:
            continue
        view.sentences.append(SentenceView(
            index=index,
            runs=_runs(article.text, sentence.start, sentence.end, marks),
            claim=by_sentence.get(index),
            gap_before=article.text[cursor : sentence.start],
            attributed=index in attributed,
        ))
        cursor = sentence.end
    if not article.sentences:
        view.sentences.append(SentenceView(index=0, runs=_runs(article.text, 0, len(article.text), marks)))
        cursor = len(article.text)
    view.tail = article.text[cursor:]
    return view


def claims_of(story: Story | None, article_id: str) -> list[Claim]:
    return [c for c in story.claims if c.article_id == article_id] if story else []


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None (``javascript:``, ``data:`` and the like are never linked)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def source_chain(claim: Claim) -> str:
    """Original source first, nearest reporter last, or the article's own voice."""
    attribution = claim.attribution
    if attribution.chain:
        return " → ".join(f"{link.source} ({link.source_type})" for link in attribution.chain)
    if attribution.source:
        return f"{attribution.source} ({attribution.source_type})"
    return "the article's own voice"


def page_numbers(total: int, offset: int, limit: int) -> dict[str, int | None]:
    return {
        "previous": max(0, offset - limit) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + limit),
    }

"""Cross-article stages: reuse, reference dates for undated articles, stories, claims, facts,
events, conflicts, updates, timeline and the sources table. Reads only per-article results."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .alignment import align_claims
from .claims import build_claims
from .conflicts import find_conflicts
from .dates import date_part
from .model import Article, Claim, Reuse, Story
from .origins import build_facts, copied_sentences
from .reuse import find_reuse
from .source_table import summarize_sources
from .settings import Settings
from .story_events import build_events
from .stories import article_headline
from .story_regroup import stream_stories
from .timeline import build_timeline
from .updates import find_updates

Redate = Callable[[Article, str | None, bool], Article]


def infer_reference_dates(articles: Sequence[Article], reuse: list[Reuse], redate: Redate) -> None:
    """Undated articles get a reference date from the latest dated evidence, marked inferred.

    Evidence: the article's own inferred reference (its latest explicit date) and the publication
    dates of the articles it copies or quotes (it cannot be older than what it copies). A copy
    whose direction nothing decided (``direction_basis == "unknown"``) is no evidence.
    Time expressions of such an article are normalised again against that reference.
    """
    by_id = {a.id: a for a in articles}
    for article in articles:
        if article.published:
            continue
        evidence = [article.reference_date] if article.reference_date else []
        for item in reuse:
            if (item.target_article == article.id and item.direction_basis != "unknown"
                    and by_id[item.source_article].published):
                evidence.append(date_part(by_id[item.source_article].published))
        if evidence:
            redate(article, max(evidence), True)


def group_stories(articles: Sequence[Article], settings: Settings) -> list[tuple[str, list[str]]]:
    """(title, article ids) per story, in order of the stories' earliest article."""
    if settings.one_story or len(articles) == 1:
        return [(_fallback_title(articles), [a.id for a in articles])]
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    clusterer = stream_stories(ordered)
    arrival = {article.id: number for number, article in enumerate(ordered)}
    stories = sorted(clusterer.stories().items(), key=lambda item: arrival[item[1][0]])  # a split-off story's first article may be older
    return [(clusterer.story_title(story_id), ids) for story_id, ids in stories]


def _fallback_title(articles: Sequence[Article]) -> str:
    """The one story's title: the earliest article's title, else the earliest article's headline
    (``stories.article_headline``), else the first article's id."""
    by_date = sorted(articles, key=lambda a: a.published or "9999")
    headlines = [h for h in map(article_headline, by_date) if h]
    if headlines:
        return next((text for text, is_title in headlines if is_title), headlines[0][0])
    return articles[0].id


def build_story(story_id: str, title: str, members: Sequence[Article], reuse: list[Reuse]) -> Story:
    """One story's claims, facts, events, conflicts, updates, timeline, reuse and sources from its analysed articles.

    Used for a whole corpus and, incrementally, for the one story a newly added article joined.
    """
    ids = [a.id for a in members]
    by_id = {a.id: a for a in members}
    story = Story(id=story_id, title=title, article_ids=ids)
    story.claims = [claim for article in members for claim in build_claims(article)]
    story.reuse = [r for r in reuse if r.source_article in by_id and r.target_article in by_id]
    groups = align_claims(list(members), ids, speakers=claim_speakers(story.claims),
                          copies=copied_sentences(story.claims, story.reuse, by_id))
    for claim in story.claims:
        group = groups.get((claim.article_id, claim.sentence))
        claim.fact_id = f"{story_id}-f{group}" if group is not None else None
    story.facts = build_facts(story, by_id)
    story.events = build_events(story, members)
    story.conflicts = find_conflicts(story, by_id)
    story.updates = find_updates(story, by_id)
    story.timeline = build_timeline(story.claims, by_id)
    story.sources = summarize_sources(story.claims)
    return story


def claim_speakers(claims: Sequence[Claim]) -> dict[tuple[str, int], str | None]:
    """Who each claim's article says states it: its attribution chain, original source first ("a
    source" via one outlet is not "a source" via another); None for the article's own voice. A
    hedged claim without a source ("troops have reportedly deserted") relays someone unnamed, who may
    be any of the article's speakers, so it is left out."""
    speakers: dict[tuple[str, int], str | None] = {}
    for claim in claims:
        chain = claim.attribution.chain
        if chain or not claim.attribution.hedged:
            speakers[(claim.article_id, claim.sentence)] = " <- ".join(link.source for link in reversed(chain)) or None
    return speakers


def analyse_corpus(articles: list[Article], settings: Settings, *, redate: Redate) -> list[Story]:
    """Stories with their claims, facts, conflicts, updates, timeline, reuse and sources."""
    reuse = find_reuse(articles)
    infer_reference_dates(articles, reuse, redate)
    by_id = {a.id: a for a in articles}
    return [
        build_story(f"s{number}", title, [by_id[i] for i in ids], reuse)
        for number, (title, ids) in enumerate(group_stories(articles, settings), start=1)
    ]

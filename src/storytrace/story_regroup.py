"""Regrouping after an add: the report model corrects the story clusterer's greedy choice.

``StoryClusterer.add`` puts a new article into one story from bag-of-features similarity. Two
happenings of one kind (two earthquakes, two arrests by one police force) share most of their words
and names and end up in one story, and one happening's first articles can start two. After each add,
``regroup`` looks again at the story the article joined, with the report model of story events
(``story_events.report_groups``: P(two articles report one event) from names by kind, people,
places and years given by both and never shared, and the leads):

1. merge: a story near the new article (clusterer score at least ``min_candidate_score``, at most
   ``max_candidates`` of them) whose articles report, on average with the joined story's, one event
   (mean P >= ``merge_at``) is merged with it; the older story keeps its id;
2. split: the joined story's articles are grouped into reports (average link at ``split_below``);
   when there are several, the group holding the story's first article keeps the story and each
   other group of at least ``min_split_articles`` articles becomes a new story (a smaller group is
   too little evidence of a second happening and stays).

``merge_at`` is above ``split_below`` so that a merge is not undone by the split that follows.
Only stories of at most ``max_articles`` articles are looked at (the model costs the square of the
articles; a story that large is settled). Earlier articles may change story: ``regroup`` returns the
moves, which the caller applies to what it stores. Thresholds chosen on held-out topic folds of
ECB+ train, the report model refitted without each fold (``python bench/clustering.py regroup
../shared/data/ecbplus-train``): the best story events F1 among the settings whose story B-cubed F1
is within 0.005 of the best.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storytrace.alignment import TriggerTables, load_trigger_tables, report_probabilities
from storytrace.model import Article
from storytrace.stories import StoryClusterer, StorySettings
from storytrace.story_events import REPORT_BIAS, REPORT_WEIGHTS, StoryEventSettings, report_groups

Move = tuple[list[str], str]  # (article ids, the story they move to)
ArticlesOf = Callable[[Sequence[str]], list[Article]]  # analysed articles by id, in the order asked


@dataclass
class RegroupSettings:
    """Knobs of regrouping (chosen on held-out ECB+ train folds; see the module docstring)."""

    split_below: float = 0.55
    merge_at: float = 0.6
    min_candidate_score: float = 0.15
    max_candidates: int = 3
    max_articles: int = 60
    min_split_articles: int = 6  # a group of fewer articles stays in the story
    # The report model of story events (fitted on ECB+ train by `bench/events.py fit-reports`).
    report_weights: dict[str, float] = field(default_factory=lambda: dict(REPORT_WEIGHTS))
    report_bias: float = REPORT_BIAS


def regroup(
    clusterer: StoryClusterer,
    article_id: str,
    articles_of: ArticlesOf,
    settings: RegroupSettings | None = None,
    tables: TriggerTables | None = None,
) -> list[Move]:
    """Merge and split around the story ``article_id`` just joined; apply the moves to the clusterer and return them."""
    settings = settings or RegroupSettings()
    tables = tables or load_trigger_tables()
    report = StoryEventSettings(min_same_report=settings.split_below, report_weights=settings.report_weights,
                                report_bias=settings.report_bias)
    loaded: dict[str, Article] = {}

    def articles(ids: list[str]) -> list[Article]:  # each article read once per regrouping
        missing = [i for i in ids if i not in loaded]
        if missing:
            loaded.update(zip(missing, articles_of(missing)))
        return [loaded[i] for i in ids]

    moves: list[Move] = []
    story_id = clusterer.story_of(article_id)
    for other in clusterer.nearby_stories(article_id, settings.min_candidate_score, settings.max_candidates):
        members, others = clusterer.members_of(story_id), clusterer.members_of(other)
        if len(members) + len(others) > settings.max_articles:
            continue
        if _mean_same_report(articles(members), articles(others), report, tables) >= settings.merge_at:
            keep, gone = sorted((story_id, other), key=lambda s: int(s[1:]))
            moved = clusterer.members_of(gone)
            clusterer.move(moved, keep)
            moves.append((moved, keep))
            story_id = keep
    members = clusterer.members_of(story_id)
    if 3 <= len(members) <= settings.max_articles:
        groups = report_groups(articles(members), report, tables)
        first = members[0]
        for group in groups:
            ids = [a.id for a in group]
            if first not in ids and len(ids) >= settings.min_split_articles:
                new = clusterer.new_story_id()
                clusterer.move(ids, new)
                moves.append((ids, new))
    return moves


def _mean_same_report(
    first: list[Article], second: list[Article], settings: StoryEventSettings, tables: TriggerTables
) -> float:
    """Mean P(one event) over pairs of an article of ``first`` and one of ``second`` (IDF over both)."""
    probability = report_probabilities(first + second, settings.report_weights, settings.report_bias, tables=tables)
    pairs = [probability.get((a.id, b.id), 0.0) for a in first for b in second]
    return sum(pairs) / len(pairs) if pairs else 0.0


def stream_stories(
    articles: Sequence[Article], settings: StorySettings | None = None, regrouping: RegroupSettings | None = None,
    tables: TriggerTables | None = None,
) -> StoryClusterer:
    """A clusterer fed ``articles`` one at a time in the given order, regrouping after each add
    (``regrouping`` None: the default settings)."""
    clusterer = StoryClusterer(settings)
    by_id = {a.id: a for a in articles}
    tables = tables or load_trigger_tables()
    for article in articles:
        clusterer.add(article)
        regroup(clusterer, article.id, lambda ids: [by_id[i] for i in ids], regrouping, tables)
    return clusterer

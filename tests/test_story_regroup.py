"""Story regrouping after an add (storytrace.story_regroup): a story holding two happenings of one
kind is split into its reports, and stories reporting one happening are merged. Hand-written
fictional reports (the two earthquakes of test_story_events_reports)."""

from __future__ import annotations

import pytest

from conftest import tagged_articles
from test_story_events_reports import LINES, NAMES
from storytrace.stories import StoryClusterer, StorySettings
from storytrace.story_regroup import RegroupSettings, regroup

INTERLEAVED = ["o1", "t1", "o2", "t2", "o3", "t3"]


@pytest.fixture(scope="module")
def articles(nlp):
    built = {a.id: a for a in tagged_articles(nlp, LINES, NAMES)}
    return [built[i] for i in INTERLEAVED]


def stream(articles, settings: StorySettings, regrouping: RegroupSettings | None):
    by_id = {a.id: a for a in articles}
    clusterer = StoryClusterer(settings)
    moves = []
    for article in articles:
        clusterer.add(article)
        if regrouping:
            moves += regroup(clusterer, article.id, lambda ids: [by_id[i] for i in ids], regrouping)
    return clusterer, moves


def partition(clusterer) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in clusterer.stories().values()}


TWO_REPORTS = {frozenset({"o1", "o2", "o3"}), frozenset({"t1", "t2", "t3"})}


def test_a_story_of_two_earthquakes_is_split_into_its_reports(articles):
    lax = StorySettings(join_threshold=0.0)  # the clusterer alone puts everything sharing a word together
    alone, _ = stream(articles, lax, None)
    assert len(alone.stories()) == 1
    regrouped, moves = stream(articles, lax, RegroupSettings(min_split_articles=3))
    assert partition(regrouped) == TWO_REPORTS
    assert regrouped.story_of("o1") == "s1", "the group holding the story's first article keeps the story"
    assert moves, "the split is reported as moves"


def test_groups_under_the_minimum_are_not_split_off(articles):
    lax = StorySettings(join_threshold=0.0)
    regrouped, moves = stream(articles, lax, RegroupSettings(min_split_articles=4))
    assert len(regrouped.stories()) == 1 and moves == []


def test_stories_of_one_earthquake_are_merged(articles):
    strict = StorySettings(join_threshold=0.99)  # the clusterer alone starts a story for every article
    alone, _ = stream(articles, strict, None)
    assert len(alone.stories()) == 6
    regrouped, moves = stream(articles, strict, RegroupSettings())
    assert partition(regrouped) == TWO_REPORTS
    assert regrouped.story_of("t3") == regrouped.story_of("t1") == "s2", "the older story keeps its id"
    assert sorted(story_id for _, story_id in moves) == ["s1", "s1", "s2", "s2"]


def test_regrouping_leaves_large_stories_alone(articles):
    lax = StorySettings(join_threshold=0.0)
    regrouped, moves = stream(articles, lax, RegroupSettings(max_articles=2, min_split_articles=3))
    assert len(regrouped.stories()) == 1 and moves == []


def test_moved_articles_leave_an_empty_story_that_is_never_a_candidate(articles):
    clusterer, _ = stream(articles[:2], StorySettings(join_threshold=0.99), None)
    clusterer.move(["t1"], "s1")
    assert clusterer.stories() == {"s1": ["o1", "t1"]}
    clusterer.settings.join_threshold = 0.0  # t2 now joins any candidate: the emptied s2 must not be one
    clusterer.add(articles[3])
    assert clusterer.story_of("t2") == "s1"
    assert clusterer.members_of("s2") == [] and "s2" not in clusterer.stories()

"""Story events when one story holds reports of two happenings of one kind (two earthquakes, as a
merged story would): the reports are grouped apart and their alike words make different events.
Hand-written fictional reports."""

from __future__ import annotations

import pytest

from conftest import tagged_articles
from storytrace.story_events import StoryEventSettings, find_story_events, report_groups

NAMES = [
    ("Orlen", "GPE"), ("Ida Brand", "PERSON"), ("2019", "DATE"), ("Orlen Red Cross", "ORG"),
    ("Tessary", "GPE"), ("Paul Marr", "PERSON"), ("2023", "DATE"), ("Tessary Mountain Rescue", "ORG"),
]

LINES = {
    "o1": [
        "A strong earthquake struck Orlen in March 2019, killing 12 people.",
        "Mayor Ida Brand said 40 houses collapsed in the old town.",
        "The Orlen Red Cross opened two shelters.",
    ],
    "o2": [
        "The earthquake that hit Orlen killed 12 people and destroyed 40 houses, Ida Brand said.",
        "Volunteers of the Orlen Red Cross handed out blankets.",
    ],
    "o3": [
        "Orlen mourned the 12 victims of the 2019 earthquake on Sunday.",
        "Ida Brand thanked the Orlen Red Cross.",
    ],
    "t1": [
        "An earthquake struck Tessary in 2023 and trapped 7 climbers in a collapsed hut.",
        "Governor Paul Marr said the Tessary Mountain Rescue reached the hut at dawn.",
    ],
    "t2": [
        "Seven climbers were trapped when the Tessary earthquake collapsed a mountain hut, Paul Marr said.",
        "The Tessary Mountain Rescue flew them out by helicopter.",
    ],
    "t3": [
        "The 2023 earthquake in Tessary left 7 climbers trapped for a night.",
        "Paul Marr praised the Tessary Mountain Rescue.",
    ],
}


@pytest.fixture(scope="module")
def articles(nlp):
    return tagged_articles(nlp, LINES, NAMES)


def test_reports_of_two_earthquakes_are_two_groups(articles):
    groups = report_groups(articles, StoryEventSettings())
    assert [[a.id for a in group] for group in groups] == [["o1", "o2", "o3"], ["t1", "t2", "t3"]]


def test_reports_of_one_earthquake_are_one_group(articles):
    orlen = [a for a in articles if a.id.startswith("o")]
    assert [[a.id for a in group] for group in report_groups(orlen, StoryEventSettings())] == [["o1", "o2", "o3"]]


def test_the_word_both_reports_use_makes_one_event_per_report(articles):
    found = find_story_events(articles)
    quake = [key for key, label in found.labels.items() if label.startswith("earthquake")]
    assert len(quake) == 2
    for key in quake:
        places = {article_id[0] for (article_id, _), keys in found.by_sentence.items() if key in keys}
        assert len(places) == 1, "one earthquake event holds sentences of both reports"


def test_without_grouping_the_two_earthquakes_are_one_event(articles):
    found = find_story_events(articles, StoryEventSettings(min_same_report=None))
    assert sum(label.startswith("earthquake") for label in found.labels.values()) == 1

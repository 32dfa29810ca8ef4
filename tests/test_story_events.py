"""Story events on hand-written fictional reports of a ferry sinking: which happenings the reports share,
and which claims mention each (a claim can mention several); participants, places, measures and
one article's asides are not events."""

from __future__ import annotations

import pytest

from conftest import tagged_articles
from storytrace.model import Claim, Story
from storytrace.story_events import build_events, find_story_events

NAMES = [("Marisol", "PRODUCT"), ("Pell Island", "GPE"), ("Sunday", "DATE"), ("Monday", "DATE")]

LINES = {
    "a1": [
        "The ferry Marisol sank off Pell Island on Sunday with 40 passengers aboard.",
        "Coast guard crews rescued 31 passengers during the night.",
        "The ferry lay 12 kilometres from the harbour.",
    ],
    "a2": [
        "Rescuers pulled 31 survivors from the water after the Marisol sank near Pell Island.",
        "Divers searched the area overnight.",
        "The harbour is 12 kilometres away.",
    ],
    "a3": [
        "Divers searched the wreck of the Marisol on Monday, a day after it sank.",
        "The rescue ended at dusk, when the weather turned.",
        "Pell Island has one school.",
    ],
}


@pytest.fixture(scope="module")
def articles(nlp):
    return tagged_articles(nlp, LINES, NAMES)


@pytest.fixture(scope="module")
def events(articles):
    found = find_story_events(articles)
    return {found.labels[key]: {s for s, keys in found.by_sentence.items() if key in keys} for key in found.labels}


def test_a_happening_several_reports_mention_is_one_event(events):
    assert events["sank"] == {("a1", 0), ("a2", 0), ("a3", 0)}
    assert events["searched"] == {("a2", 1), ("a3", 0)}


def test_a_claim_mentioning_two_happenings_is_in_both(events):
    assert ("a3", 0) in events["sank"] and ("a3", 0) in events["searched"]


def test_a_noun_for_who_acted_is_not_the_happening(events):
    # "Rescuers" (a2) names participants; "rescued" (a1) and "the rescue" (a3) name the happening
    rescue = next(sentences for label, sentences in events.items() if label.startswith("rescu"))
    assert rescue == {("a1", 1), ("a3", 1)}


def test_names_measures_and_asides_are_not_events(events):
    labels = set(events)
    assert not labels & {"marisol", "pell", "island", "kilometres", "harbour", "ferry", "school", "weather", "turned"}


def test_one_article_has_no_events(articles):
    assert find_story_events(articles[:1]).by_sentence == {}


def test_build_events_links_claims_facts_and_ranks_by_reach(articles):
    claims = [
        Claim(id=f"{a.id}-c{i}", article_id=a.id, sentence=i, text=a.sentence_text(i), fact_id=f"f{a.id}{i}")
        for a in articles for i in range(len(a.sentences))
    ]
    story = Story(id="s1", title="ferry", article_ids=[a.id for a in articles], claims=claims)
    events = build_events(story, articles)
    assert events[0].label == "sank" and events[0].article_ids == ["a1", "a2", "a3"]
    assert events[0].claim_ids == ["a1-c0", "a2-c0", "a3-c0"] and events[0].fact_ids == ["fa10", "fa20", "fa30"]
    both = next(c for c in claims if c.id == "a3-c0")
    assert set(both.event_ids) == {e.id for e in events if e.label in ("sank", "searched")}
    aside = next(c for c in claims if c.id == "a3-c2")
    assert aside.event_ids == []


def test_seeds_the_story_s_main_happening_is_one_event_and_measures_are_none(seeds_dossier):
    story = seeds_dossier.stories[0]
    claims = {c.id: c for c in story.claims}
    first = min(seeds_dossier.articles, key=lambda a: a.published or "9999")
    lead = next(c for c in story.claims if c.article_id == first.id and c.sentence == 0)
    widest = next(f for f in story.facts if f.id == lead.fact_id)  # the first report's lead: the main happening
    assert len(widest.article_ids) == 3
    mentioning = [claims[cid] for cid in widest.claim_ids if claims[cid].event_ids]
    shared = set.intersection(*(set(c.event_ids) for c in mentioning))
    events = {e.id: e for e in story.events}
    assert {c.article_id for c in mentioning} == set(widest.article_ids)
    assert shared and all(len(events[e].article_ids) == 3 for e in shared)
    assert not [e.label for e in story.events if e.label.startswith(("kilomet", "mile", "autumn", "month"))]
    assert not [e.label for e in story.events if e.label.startswith(("nation", "position"))]  # things, not happenings
    for event in story.events:  # the claims and the events point at each other
        assert all(event.id in claims[cid].event_ids for cid in event.claim_ids)

"""Story clustering on hand-written fictional reports: same event together, same-kind events apart."""

from __future__ import annotations

import random

import pytest

from conftest import make_article
from storytrace.stories import (
    CHANNELS,
    ReferenceFrequencies,
    StoryClusterer,
    StorySettings,
    cluster_articles,
    _Query,
    shipped_reference_frequencies,
)
from storytrace.textvec import cosine, stem


HARLOW = [("Harlow Creek", "GPE"), ("Edda Marsh", "PERSON"), ("Harlow Creek Fire Brigade", "ORG"), ("March 4", "DATE"), ("40", "CARDINAL")]
DUNMORE = [("Dunmore Vale", "GPE"), ("Piet Salander", "PERSON"), ("Dunmore Rescue Service", "ORG"), ("June 18", "DATE"), ("12", "CARDINAL")]

FIRE_A1 = make_article("a1", [
    "Warehouse fire destroys textile depot in Harlow Creek",
    "A fire tore through a textile warehouse in Harlow Creek on March 4, forcing 40 families from nearby homes.",
    "Fire chief Edda Marsh said the Harlow Creek Fire Brigade fought the flames for six hours.",
    "No one was hurt, Edda Marsh said, but the depot was destroyed.",
], HARLOW, "2031-03-04", "Warehouse fire destroys textile depot in Harlow Creek")
FIRE_A2 = make_article("a2", [
    "Blaze guts Harlow Creek textile depot, 40 families evacuated",
    "Flames engulfed a textile depot in Harlow Creek late on March 4, and 40 families were evacuated.",
    "The Harlow Creek Fire Brigade needed six hours to bring the blaze under control, according to chief Edda Marsh.",
    "Investigators have not yet said what started the fire.",
], HARLOW, "2031-03-05", "Blaze guts Harlow Creek textile depot, 40 families evacuated")
FIRE_B1 = make_article("b1", [
    "Fire sweeps through Dunmore Vale sawmill",
    "A fire broke out at a sawmill in Dunmore Vale on June 18, and 12 workers were treated for smoke inhalation.",
    "Piet Salander of the Dunmore Rescue Service said crews fought the flames through the night.",
    "The sawmill was badly damaged, Piet Salander said.",
], DUNMORE, "2031-06-18", "Fire sweeps through Dunmore Vale sawmill")
FIRE_B2 = make_article("b2", [
    "Dunmore Vale sawmill fire: 12 workers treated",
    "Twelve workers were treated after fire hit a Dunmore Vale sawmill on June 18.",
    "The Dunmore Rescue Service said its crews battled the fire overnight, spokesman Piet Salander told reporters.",
], DUNMORE, "2031-06-19", None)
ARTICLES = [FIRE_A1, FIRE_A2, FIRE_B1, FIRE_B2]


def partition(groups) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [("a1", "a2", True), ("b1", "b2", True), ("a1", "b1", False), ("a2", "b2", False), ("a1", "b2", False)],
)
def test_stories_same_event_together_same_kind_apart(first, second, together):
    groups = cluster_articles(ARTICLES)
    story_of = {aid: i for i, g in enumerate(groups) for aid in g}
    assert (story_of[first] == story_of[second]) is together


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_stories_order_does_not_change_partition(seed):
    shuffled = list(ARTICLES)
    random.Random(seed).shuffle(shuffled)
    assert partition(cluster_articles(shuffled)) == partition(cluster_articles(ARTICLES))


def test_stories_incremental_add_equals_batch():
    clusterer = StoryClusterer()
    seen = []
    for article in ARTICLES:
        story_id = clusterer.add(article)
        seen.append(article.id)
        assert article.id in clusterer.stories()[story_id]
        assert sorted(a for ids in clusterer.stories().values() for a in ids) == sorted(seen)
    assert partition(clusterer.stories().values()) == partition(cluster_articles(ARTICLES))
    assert clusterer.add(FIRE_A1) == clusterer.story_of("a1")  # adding again changes nothing


@pytest.mark.parametrize(
    ("articles", "expected_part"),
    [([FIRE_A1, FIRE_A2], "Harlow Creek"), ([FIRE_B2], "Dunmore Vale")],
)
def test_stories_title_is_readable(articles, expected_part):
    clusterer = StoryClusterer()
    story_id = [clusterer.add(a) for a in articles][0]
    assert expected_part.lower() in clusterer.story_title(story_id).lower()


def _retitled(article, title):
    return make_article(article.id, article.text.split("\n"), HARLOW, article.published, title)


def test_stories_title_skips_date_lines_and_falls_back_to_a_sentence():
    """A title that is only a date line does not name a story; a titled member beats a lead
    sentence; a story of untitled articles is named by a sentence, not by word stems."""
    dated = _retitled(FIRE_A1, "March 4, 2031 11:26 pm")
    untitled = _retitled(FIRE_A2, None)
    clusterer = StoryClusterer()
    story_id = [clusterer.add(a) for a in (dated, untitled)][0]
    assert clusterer.story_title(story_id) in (FIRE_A1.sentence_text(0), FIRE_A2.sentence_text(0))
    titled = make_article("a3", FIRE_A2.text.split("\n"), HARLOW, "2031-03-06", "Depot fire: 40 families out")
    assert clusterer.add(titled) == story_id
    assert clusterer.story_title(story_id) == "Depot fire: 40 families out"


def test_stories_headline_of_an_article():
    from storytrace.stories import article_headline

    assert article_headline(FIRE_A1) == ("Warehouse fire destroys textile depot in Harlow Creek", True)
    dateline_first = make_article("d1", ["Posted 3/4/2031 10:05 PM", "A fire tore through a textile warehouse "
                                         "in Harlow Creek on March 4, forcing 40 families from nearby homes "
                                         "and closing the river road for the night."], HARLOW, None, None)
    text, is_title = article_headline(dateline_first)
    assert not is_title and text.startswith("A fire tore through") and text.endswith("…") and len(text) <= 120
    assert article_headline(make_article("e1", ["March 4, 2031"], [], None, "12:00 pm")) is None


def test_stories_memory_per_article_is_capped():
    settings = StorySettings(max_terms_per_article=10)
    clusterer = StoryClusterer(settings)
    clusterer.add(FIRE_A1)
    assert len(clusterer._vector("a1")) <= 10


@pytest.mark.parametrize(("first", "second"), [(FIRE_A1, FIRE_A2), (FIRE_A1, FIRE_B1), (FIRE_B2, FIRE_B1)])
def test_stories_stored_similarity_equals_cosines_of_channels(first, second):
    """The array-stored vectors give the weighted per-channel cosines of the feature dicts, both between
    two articles and against a one-article story's centroid (the article's vector over its norm)."""
    clusterer = StoryClusterer()
    for article in ARTICLES:
        clusterer.add(article)
    a, b = clusterer._vector(first.id), clusterer._vector(second.id)
    expected = 0.0
    for channel, weight in clusterer.settings.channel_weights.items():
        only = lambda v: {f: w for f, w in v.items() if f.split(":", 1)[0] in CHANNELS[channel]}  # noqa: E731
        expected += weight * cosine(only(a), only(b))
    mine, stored = (clusterer._vectors[clusterer._article_numbers[article.id]] for article in (first, second))
    query = _Query(dict(zip(mine.features, mine.weights)), clusterer._kind_of)
    assert expected > 0
    assert clusterer._similarity(query, stored) == pytest.approx(expected)
    assert clusterer._similarity(query, stored, stored.total) == pytest.approx(expected)  # cosines ignore scale


def test_stories_one_article_story_keeps_no_term_sums_until_a_second_joins():
    clusterer = StoryClusterer()
    story_id = clusterer.add(FIRE_A1)
    story = clusterer._stories[int(story_id[1:]) - 1]
    vector = clusterer._vector("a1")
    norm = sum(w * w for w in vector.values()) ** 0.5
    assert story.term_sums is None
    assert clusterer._centroid(story_id) == pytest.approx({f: w / norm for f, w in vector.items()})
    assert clusterer.add(FIRE_A2) == story_id
    assert story.term_sums is not None and len(story.members) == 2
    features = set(vector) | set(clusterer._vector("a2"))
    assert set(clusterer._centroid(story_id)) == features


def test_stories_features_are_stored_once():
    clusterer = StoryClusterer()
    for article in ARTICLES:
        clusterer.add(article)
    assert len(clusterer._feature_names) == len(set(clusterer._feature_names))
    numbers = [f for stored in clusterer._vectors for f in stored.features]
    assert len(set(numbers)) == len(clusterer._feature_names) < len(numbers)  # shared features share a number


@pytest.mark.parametrize(("common", "rare"), [("w:said", "w:blaze"), ("w:year", "w:sawmill")])
def test_stories_reference_idf_ranks_common_stems_lower(common, rare):
    reference = ReferenceFrequencies(1000, {"said": 900, "year": 500, "blaze": 3})
    clusterer = StoryClusterer(StorySettings(reference_frequencies=reference))
    assert clusterer.idf(common) < clusterer.idf(rare)


def test_stories_reference_idf_ignored_at_zero_weight():
    reference = ReferenceFrequencies(1000, {"said": 900})
    clusterer = StoryClusterer(StorySettings(reference_frequencies=reference, reference_weight=0))
    assert clusterer.idf("w:said") == clusterer.idf("w:blaze")


def test_stories_shipped_reference_table_loads():
    table = shipped_reference_frequencies()
    assert table.documents > 100
    assert 0 < table.counts["said"] <= table.documents


def test_stories_vectors_frozen_at_add():
    early = StoryClusterer()
    story_id = early.add(FIRE_A1)
    vector, centroid = dict(early._vector("a1")), early._centroid(story_id)
    for article in (FIRE_B1, FIRE_B2):
        early.add(article)
    assert early._vector("a1") == vector
    assert early._centroid(story_id) == centroid
    late = StoryClusterer()
    for article in (FIRE_B1, FIRE_B2, FIRE_A1):
        late.add(article)
    shared = f"w:{stem('fire')}"  # also in the Dunmore Vale reports
    assert late._vector("a1")[shared] < vector[shared]  # IDF of the moment of adding


def test_story_candidate_search_reads_bounded_posting_lists():
    """However many stories share a feature, its posting list keeps only the most recent ones, and only
    the article's heaviest features are looked up: the work per add does not grow with the corpus."""
    settings = StorySettings(max_postings_per_feature=3, candidate_features=2, join_threshold=2.0)  # never join
    clusterer = StoryClusterer(settings)
    for number in range(6):
        clusterer.add(make_article(f"n{number}", [f"Harlow Creek fire report number {number}."], HARLOW))
    assert all(len(posting) <= 3 for posting in clusterer._postings.values())
    vector = {"PLACE:harlow creek": 5.0, "w:fire": 3.0, "w:report": 0.1}
    assert clusterer._candidates(vector) == [3, 4, 5]  # the three latest stories (s4, s5, s6), not all six
    assert clusterer._candidates({"w:report": 0.1, "x:absent": 9.0, "y:absent": 8.0}) == []  # a light feature alone is not looked up

"""Fact alignment evidence: reporting words, counts, article similarity and hub sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import make_article
from storytrace.alignment import (
    DOCUMENT_FEATURES,
    AlignmentSettings,
    align_claims,
    group_sentences,
    link_probability,
    load_trigger_tables,
    other_count,
    same_count,
    scored_pairs,
)
from storytrace.model import Quantity

NAMES = [("Orrin Bay", "GPE"), ("Lutz Harbor", "GPE"), ("Coast Watch", "ORG")]

# Two articles of one story: their second sentences share only reporting words and the story's place.
FIRST = make_article("a", [
    "A cargo ship ran aground off Orrin Bay, Coast Watch reported.",
    "The harbour office of Orrin Bay reported that ferries will sail on Monday.",
], NAMES)
SECOND = make_article("b", [
    "A cargo ship has run aground off Orrin Bay, Coast Watch said.",
    "Fishermen in Orrin Bay said prices of fuel rose again, the union reported.",
], NAMES)


@pytest.fixture(scope="module")
def groups():
    return align_claims([FIRST, SECOND], ["a", "b"])


@pytest.mark.parametrize(
    ("first", "second", "aligned"),
    [
        (("a", 0), ("b", 0), True),   # the grounding, told twice
        (("a", 1), ("b", 1), False),  # "reported" and "said" name no event: no link
        (("a", 0), ("b", 1), False),
    ],
)
def test_alignment_evidence_reporting_words_do_not_link(groups, first, second, aligned):
    assert (groups[first] == groups[second]) is aligned


@pytest.mark.parametrize("stem", ["said", "report", "told"])
def test_alignment_evidence_reporting_stems_are_never_triggers(stem):
    assert not load_trigger_tables().is_trigger(stem, 0.0)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ([(10000, "soldier")], [(11000, "soldier")], True),   # one count, told twice
        ([(18, "soldier")], [(18, "soldier")], True),
        ([(18, "soldier")], [(40, "soldier")], False),        # a different group of soldiers
        ([(10000, "soldier")], [(10000, "tonne")], False),     # a different thing counted
        ([], [(18, "soldier")], False),
    ],
)
def test_alignment_evidence_same_count(a, b, same):
    assert same_count(a, b, AlignmentSettings().same_count_tolerance) is same


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ([(10000, "soldier")], [(18, "soldier")], True),          # the army sent, the group detained
        ([(2, "worker")], [(14, "worker")], True),                # two missing, fourteen trapped
        ([(10000, "soldier")], [(11000, "soldier")], False),      # one count told twice: maybe a conflict
        ([(2, "worker")], [(2, "worker"), (14, "worker")], False),  # "two of the 14 workers"
        ([(18, "soldier")], [(40, "soldier")], False),            # not far enough apart to be sure
        ([(10000, "soldier")], [(18, "tonne")], False),           # different things counted
    ],
)
def test_alignment_evidence_far_apart_counts_are_different_things(a, b, apart):
    settings = AlignmentSettings()
    assert other_count(a, b, settings.other_count_ratio, settings.same_count_tolerance) is apart


def test_alignment_evidence_far_apart_counts_never_link():
    features = dict(_features(1.0), other_count=1.0)
    assert link_probability(_features(1.0), AlignmentSettings()) > 0.5
    assert link_probability(features, AlignmentSettings()) == 0.0


COUNT_NAMES = [("Valdor", "GPE"), ("Mesk", "GPE")]


@pytest.mark.parametrize(("second_figure", "aligned"), [("11,000", True), ("40,000", False)])
def test_alignment_evidence_close_counts_are_sentence_evidence(second_figure, aligned):
    lines_a = ["Valdor and Mesk signed a defence pact in June.", "Valdor has sent 10,000 engineers to Mesk, a diplomat said."]
    lines_b = ["Valdor and Mesk signed a defence pact in June.", f"Officials expect around {second_figure} engineers to be deployed soon."]
    a, b = make_article("a", lines_a, COUNT_NAMES), make_article("b", lines_b, COUNT_NAMES)
    for article, figure in ((a, "10,000"), (b, second_figure)):
        start = article.text.index(figure)
        article.quantities = [Quantity(start, start + len(figure) + 10, float(figure.replace(",", "")), "engineers", figure + " engineers")]
    evidence, features = scored_pairs([a, b])
    [pair] = [f for (i, j), f in features.items() if {evidence[i].key, evidence[j].key} == {("a", 1), ("b", 1)}]
    assert (link_probability(pair, AlignmentSettings()) > 0) is aligned


def _features(similarity: float) -> dict[str, float]:
    """Sentence evidence for one event, and two articles this similar (every similarity feature of
    the article model at ``similarity``, no disjoint names)."""
    article = {name: 0.0 if name.startswith("doc_other_") else similarity for name in DOCUMENT_FEATURES}
    return {"trigger": 0.6, "trigger_known": 1.0, "same_stems": 1.5, "names": 1.0, "numbers": 0.0, "cosine": 0.4,
            "lead": 1.0, "other_people": 0.0, "same_count": 0.0, **article}


@pytest.mark.parametrize("similarity", [1.0, 0.55, 0.1, 0.0])
def test_alignment_evidence_article_similarity_only_lowers_a_link(similarity):
    settings = AlignmentSettings()
    sentence_only = link_probability(_features(similarity), replace(settings, document_bias=1000.0))  # article factor 1
    assert link_probability(_features(similarity), settings) <= sentence_only
    assert link_probability(_features(0.0), settings) < link_probability(_features(0.55), settings)


def test_alignment_evidence_no_sentence_evidence_no_link():
    features = dict(_features(1.0), trigger=0.0, cosine=0.05)
    assert link_probability(features, AlignmentSettings()) == 0.0


KEYS = [("a", 0), ("b", 0), ("b", 1)]
HUB = {(0, 1): 0.9, (0, 2): 0.9}  # a0 matches both b0 and b1, which do not match each other


@pytest.mark.parametrize(
    ("within_article_weight", "together"),
    [(1.0, False), (AlignmentSettings().within_article_weight, False), (0.0, True)],
)
def test_alignment_evidence_hub_sentence_does_not_chain_one_article(within_article_weight, together):
    groups = group_sentences(KEYS, HUB, 0.5, within_article_weight)
    assert (groups[("b", 0)] == groups[("b", 1)]) is together


@pytest.mark.parametrize(("second", "aligned"), [
    ("Twelve Valdor fishermen went missing off Mesk on Sunday, the coast guard said.", True),
    ("Twelve Valdor fishermen who went missing off Mesk were found alive on Tuesday, the coast guard said.", False),
])
def test_alignment_evidence_a_new_state_is_an_update_not_the_same_fact(second, aligned):
    first = "Twelve Valdor fishermen are missing after their boat sank off Mesk, officials said."
    a, b = make_article("a", [first], COUNT_NAMES), make_article("b", [second], COUNT_NAMES)
    evidence, features = scored_pairs([a, b])
    [pair] = features.values()
    assert pair["other_state"] == (0.0 if aligned else 1.0)
    assert (link_probability(pair, AlignmentSettings()) > 0) is aligned

"""Fact alignment on hand-written fictional reports: the same arrest groups, a different arrest does not."""

from __future__ import annotations

import pytest

from storytrace.alignment import align_claims, average_link, group_sentences
from conftest import make_article


NAMES = [("Tomas Verlaine", "PERSON"), ("Verlaine", "PERSON"), ("Harlow Creek", "GPE"), ("Tuesday", "DATE"),
         ("Mira Okonkwo", "PERSON"), ("Okonkwo", "PERSON"), ("Dunmore Vale", "GPE"), ("Friday", "DATE"),
         ("34", "CARDINAL"), ("51", "CARDINAL")]

REPORT_1 = make_article("r1", [
    "Police arrested Tomas Verlaine, 34, on Tuesday in Harlow Creek over the warehouse fire.",
    "The mayor of Harlow Creek thanked firefighters for their work.",
    "Residents will be allowed back into their homes next week.",
], NAMES)
REPORT_2 = make_article("r2", [
    "Tomas Verlaine, 34, was arrested in Harlow Creek on Tuesday in connection with the warehouse fire, police said.",
    "Verlaine is due in court next month.",
    "The warehouse had stored textiles for a local company.",
], NAMES)
REPORT_3 = make_article("r3", [
    "Police in Dunmore Vale arrested Mira Okonkwo, 51, on Friday after a bank robbery.",
    "Okonkwo was found with a bag of cash, officers said.",
    "The bank reopened on Saturday.",
], NAMES)
ARTICLES = [REPORT_1, REPORT_2, REPORT_3]


@pytest.fixture(scope="module")
def groups():
    return align_claims(ARTICLES, [a.id for a in ARTICLES])


@pytest.mark.parametrize(
    ("first", "second", "aligned"),
    [
        (("r1", 0), ("r2", 0), True),   # the same arrest, reported twice
        (("r1", 0), ("r3", 0), False),  # a different arrest
        (("r2", 0), ("r3", 0), False),
        (("r1", 1), ("r3", 2), False),  # no shared event at all
        (("r1", 2), ("r2", 2), False),  # same story, but the sentences share no event evidence
    ],
)
def test_alignment_groups_same_event_only(groups, first, second, aligned):
    assert (groups[first] == groups[second]) is aligned


def test_alignment_covers_every_sentence_of_the_story(groups):
    assert set(groups) == {(a.id, i) for a in ARTICLES for i in range(len(a.sentences))}


def test_alignment_ignores_articles_outside_the_story():
    result = align_claims(ARTICLES, ["r1", "r2"])
    assert {key[0] for key in result} == {"r1", "r2"}


@pytest.mark.parametrize(
    ("similarity", "threshold", "expected"),
    [
        # a chain a-b, b-c with no a-c link: average link refuses to pull c in
        ({(0, 1): 0.95, (1, 2): 0.9}, 0.5, [[0, 1], [2]]),
        ({(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.8}, 0.5, [[0, 1, 2]]),
        ({(0, 1): 0.4}, 0.5, [[0], [1], [2]]),
    ],
)
def test_alignment_average_link_controls_chains(similarity, threshold, expected):
    clusters = sorted(sorted(c) for c in average_link(3, similarity, threshold))
    assert clusters == expected


def test_alignment_two_sentences_of_one_article_alone_are_two_facts():
    keys = [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    probability = {(0, 1): 0.9, (2, 3): 0.1, (1, 2): 0.8}
    groups = group_sentences(keys, probability, threshold=0.35)
    assert groups[("a", 1)] == groups[("b", 0)]  # what two articles share is one fact
    assert groups[("b", 1)] != groups[("b", 0)]
    lone = group_sentences(keys[:2], {(0, 1): 0.9}, threshold=0.35)
    assert lone[("a", 0)] != lone[("a", 1)]  # related sentences of one article only: two claims


def test_alignment_one_article_with_two_speakers_is_two_facts():
    # a1 and a2 are sentences of article "a" that both resemble b0 (one outlet quoting two people
    # on related things); average link alone would put all three together.
    keys = [("a", 1), ("a", 2), ("b", 0)]
    probability = {(0, 1): 0.8, (0, 2): 0.9, (1, 2): 0.7}
    assert len(set(group_sentences(keys, probability, threshold=0.35).values())) == 1
    speakers = {("a", 1): "Zora Imhof", ("a", 2): "the Harbour Gazette", ("b", 0): "Zora Imhof"}
    groups = group_sentences(keys, probability, threshold=0.35, speakers=speakers)
    assert groups[("a", 1)] == groups[("b", 0)] != groups[("a", 2)]
    same_voice = {**speakers, ("a", 2): "Zora Imhof"}
    assert len(set(group_sentences(keys, probability, threshold=0.35, speakers=same_voice).values())) == 1
    own_voice = {**speakers, ("a", 2): None}  # the article's own voice is a speaker too
    assert group_sentences(keys, probability, threshold=0.35, speakers=own_voice)[("a", 2)] != groups[("b", 0)]


def test_alignment_speakers_of_claims_follow_the_whole_chain():
    from storytrace.corpus import claim_speakers
    from storytrace.model import ChainLink, Claim, ClaimAttribution

    def claim(sentence, chain, hedged=False):
        links = [ChainLink(name, kind) for name, kind in chain]
        return Claim(f"a:{sentence}", "a", sentence, "text", ClaimAttribution(chain=links, hedged=hedged))

    speakers = claim_speakers([
        claim(0, [("a security source", "anonymous"), ("Harbour Gazette", "media")]),
        claim(1, [("a security source", "anonymous"), ("Radio Lutz", "media")]),
        claim(2, []),
        claim(3, [], hedged=True),  # "reportedly": someone unnamed, maybe any of the article's speakers
    ])
    assert speakers[("a", 0)] != speakers[("a", 1)]  # one kind of source, reached through two outlets
    assert speakers[("a", 2)] is None
    assert ("a", 3) not in speakers


def test_alignment_copies_of_one_article_do_not_glue_its_claims_into_one_fact():
    """Article a says three related things; article b copies two of them word for word. Without
    the copies the five sentences are one fact 'shared' by a and b; with them, each of a's claims
    is its own fact, carried by b where b copied it, and b's speaker stays its own."""
    keys = [("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1), ("b", 2)]
    probability = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.7,  # a's three claims, related
                   (1, 3): 0.99, (2, 4): 0.99,  # b copies a:1 and a:2
                   (0, 3): 0.6, (0, 4): 0.6, (1, 4): 0.7, (2, 3): 0.7, (3, 4): 0.7,
                   (3, 5): 0.9}  # b's own sentence, by another speaker, close to its copy of a:1
    speakers = {("b", 0): "officials", ("b", 2): "a witness"}
    plain = group_sentences(keys, probability, threshold=0.35, speakers=speakers)
    assert len({plain[k] for k in keys[:5]}) == 1
    copies = {("b", 0): ("a", 1), ("b", 1): ("a", 2)}
    groups = group_sentences(keys, probability, threshold=0.35, speakers=speakers, copies=copies)
    assert groups[("a", 1)] == groups[("b", 0)] and groups[("a", 2)] == groups[("b", 1)]
    assert len({groups[("a", 0)], groups[("a", 1)], groups[("a", 2)]}) == 3
    assert groups[("b", 2)] not in (groups[("a", 1)], groups[("b", 0)])  # two speakers of b never share


def test_alignment_protagonist_is_the_person_an_article_names_most():
    from storytrace.alignment import AlignmentSettings, document_evidence, protagonist, report_features

    ruiz = make_article("p1", ["Forward Ana Ruiz was arrested on Sunday.", "Ruiz's lawyer said Ruiz would plead not guilty.",
                               "Coach Ben Ode declined to comment."],
                        [("Ana Ruiz", "PERSON"), ("Ruiz's", "PERSON"), ("Ruiz", "PERSON"), ("Ben Ode", "PERSON")])
    ode = make_article("p2", ["Coach Ben Ode was arrested on Sunday.", "Ode was released on bail."],
                       [("Ben Ode", "PERSON"), ("Ode", "PERSON")])
    tie = make_article("p3", ["Ana Ruiz met Ben Ode.", "Ruiz and Ode spoke."],
                       [("Ana Ruiz", "PERSON"), ("Ben Ode", "PERSON"), ("Ruiz", "PERSON"), ("Ode", "PERSON")])
    assert protagonist(ruiz) == "ruiz" and protagonist(ode) == "ode"
    assert protagonist(tie) is None  # no one stands out
    assert protagonist(make_article("p4", ["Ana Ruiz scored."], [("Ana Ruiz", "PERSON")])) is None  # named once
    settings = AlignmentSettings()
    evidence = {a.id: document_evidence(a, settings) for a in (ruiz, ode, tie)}
    assert report_features(evidence["p1"], evidence["p2"], {})["doc_other_protagonist"] == 1.0
    assert report_features(evidence["p1"], evidence["p1"], {})["doc_other_protagonist"] == 0.0
    assert report_features(evidence["p1"], evidence["p3"], {})["doc_other_protagonist"] == 0.0  # one has none


def test_alignment_leads_giving_different_figures_are_told_apart():
    """Two leads that each give figures and share none (23 and 26 captured) point at two operations;
    a figure both leads give, or a lead without figures, says nothing. Figures after the lead do not count."""
    from storytrace.alignment import AlignmentSettings, document_evidence, report_features

    def report(key: str, lead: str, later: str, figures: list[tuple[str, str]]):
        return make_article(key, [lead, "The crew was unharmed.", "The ship sailed on.", later], figures)

    first = report("n1", "A frigate captured 23 raiders on Saturday.", "It was the 40th patrol.",
                   [("23", "CARDINAL"), ("40th", "ORDINAL")])
    second = report("n2", "A frigate captured 26 raiders and three boats.", "Some 23 ships passed.",
                    [("26", "CARDINAL"), ("three", "CARDINAL"), ("23", "CARDINAL")])
    again = report("n3", "Navy says 23 raiders were held after a chase.", "No one was hurt.", [("23", "CARDINAL")])
    plain = report("n4", "A frigate captured raiders on Saturday.", "Some 26 ships passed.", [("26", "CARDINAL")])
    settings = AlignmentSettings()
    evidence = {a.id: document_evidence(a, settings) for a in (first, second, again, plain)}
    assert evidence["n1"].lead_numbers == {"NUM:23"} and evidence["n2"].lead_numbers == {"NUM:26"}

    def feature(a: str, b: str) -> float:
        return report_features(evidence[a], evidence[b], {})["doc_other_lead_numbers"]

    assert feature("n1", "n2") == 1.0
    assert feature("n1", "n3") == 0.0  # the same figure
    assert feature("n1", "n4") == 0.0 and feature("n2", "n4") == 0.0  # no figure in one lead


def test_alignment_the_shipped_report_model_counts_different_lead_figures_against_one_report():
    """With the shipped weights, two leads giving different figures lower P(one report) below what
    the same pair gets when the feature is ignored."""
    from storytrace.alignment import report_probabilities
    from storytrace.story_events import REPORT_BIAS, REPORT_WEIGHTS

    first = make_article("n1", ["A frigate captured 23 raiders on Saturday.", "The crew was unharmed."],
                         [("23", "CARDINAL")])
    second = make_article("n2", ["A frigate captured 26 raiders on Saturday.", "The crew was unharmed."],
                          [("26", "CARDINAL")])
    ignoring = dict(REPORT_WEIGHTS, doc_other_lead_numbers=0.0)
    shipped = report_probabilities([first, second], REPORT_WEIGHTS, REPORT_BIAS)[("n1", "n2")]
    without = report_probabilities([first, second], ignoring, REPORT_BIAS)[("n1", "n2")]
    assert shipped < without

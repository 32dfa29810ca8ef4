"""Updates: status words to states, and later reports that move a fact to a new state."""

from __future__ import annotations

import pytest

from storytrace.model import Article, Claim, ClaimQuantity, Entity, EventDate, Story
from storytrace.updates import claim_states, find_updates, status_lexicon


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Eighteen conscripts deserted their unit near Lake Vor.", {"whereabouts": "missing"}),
        ("The 18 conscripts were found and detained by military police.", {"whereabouts": "detained"}),
        ("The missing conscripts were located on a farm.", {"whereabouts": "found"}),
        ("The conscripts have not been found.", {}),
        ("Ostland is preparing to send engineers to the coast.", {"execution": "planned"}),
        ("The engineers are expected to be deployed next week.", {"execution": "planned"}),
        ("The first engineers arrived at the coast on Friday.", {"execution": "done"}),
        ("The motive for the attack has not yet been established.", {"motive": "unknown"}),
        ("Investigators said the motive was revealed in a letter.", {"motive": "known"}),
        ("The weather was mild on the coast.", {}),
    ],
)
def test_updates_claim_states_from_lexicon(text, expected):
    assert {axis: state.state.name for axis, state in claim_states(text).items()} == expected


def test_updates_lexicon_axes_are_ordered_with_phases():
    axes, phrases = status_lexicon()
    by_name = {axis.name: [state.name for state in axis.states] for axis in axes}
    assert by_name["whereabouts"] == ["missing", "found", "detained"]
    assert by_name["execution"] == ["planned", "done"]
    assert phrases and all(len(a[0]) >= len(b[0]) for a, b in zip(phrases, phrases[1:]))


def build(claims_by_article: dict[str, tuple[str | None, list[Claim]]], entities=("Lake Vor", "Ostland")):
    """Articles from (published, claims); claims get offsets in their article and entities are marked."""
    articles, claims = {}, []
    for article_id, (published, article_claims) in claims_by_article.items():
        article = Article(id=article_id, path="", format="text", outlet=article_id.title(), published=published)
        for claim in article_claims:
            offset = len(article.text) + (1 if article.text else 0)
            article.text = (article.text + " " + claim.text).strip()
            claim.start, claim.end = offset, offset + len(claim.text)
            for name in entities:
                at = claim.text.find(name)
                if at >= 0:
                    article.entities.append(Entity(offset + at, offset + at + len(name), "GPE", name))
            claims.append(claim)
        articles[article_id] = article
    return claims, articles


def make_claim(claim_id, article_id, text, quantities=(), fact_id=None, event_date=None):
    return Claim(claim_id, article_id, 0, text, quantities=[ClaimQuantity(*q) for q in quantities], fact_id=fact_id, event_date=EventDate(event_date, None) if event_date else None)


EIGHTEEN = (18, "conscripts", "18 conscripts", False)
DESERTED = "About 18 conscripts deserted their positions, officials said."
DETAINED = "The 18 conscripts were found and detained in a village."


@pytest.mark.parametrize("reverse", [False, True])
def test_updates_missing_then_detained_in_report_order(reverse):
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", DESERTED, [EIGHTEEN], fact_id="f-desert")]),
            "post": ("2031-07-02", [make_claim("b", "post", "Commanders hid that 18 conscripts deserted.", [EIGHTEEN], fact_id="f-desert")]),
            "gazette": ("2031-07-05", [make_claim("c", "gazette", DETAINED, [EIGHTEEN], fact_id="f-caught")]),
        }
    )
    story = Story("s1", "", list(articles), claims=list(reversed(claims)) if reverse else claims)
    updates = find_updates(story, articles)
    assert len(updates) == 1
    update = updates[0]
    assert (update.from_claim, update.to_claim, update.fact_id) == ("b", "c", "f-desert")
    assert update.summary == "missing -> detained (reported 2031-07-05)"


@pytest.mark.parametrize(
    "second_text, second_quantities, related",
    [
        ("The 18 conscripts were detained.", [EIGHTEEN], True),  # same count of the same thing
        ("Police near Lake Vor detained the men from Ostland.", [], True),  # two shared places
        ("Police detained 40 smugglers at the port.", [(40, "smugglers", "40 smugglers", False)], False),
    ],
)
def test_updates_need_the_same_participants(second_text, second_quantities, related):
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "18 conscripts from Ostland deserted near Lake Vor.", [EIGHTEEN])]),
            "post": ("2031-07-03", [make_claim("b", "post", second_text, second_quantities)]),
        }
    )
    assert bool(find_updates(Story("s1", "", list(articles), claims=claims), articles)) is related


def test_updates_same_day_contradiction_is_not_an_update():
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", DESERTED, [EIGHTEEN])]),
            "post": ("2031-07-01", [make_claim("b", "post", DETAINED, [EIGHTEEN])]),
        }
    )
    assert find_updates(Story("s1", "", list(articles), claims=claims), articles) == []


@pytest.mark.parametrize(
    "first, second, summary",
    [
        ("Ostland is preparing to send engineers to the coast.", "Ostland engineers arrived on the coast.", "planned -> done (reported 2031-07-04)"),
        ("The motive of the Ostland raid is unclear.", "Police said the motive of the Ostland raid was explained in a letter.", "unknown -> known (reported 2031-07-04)"),
    ],
)
def test_updates_other_axes_within_one_fact(first, second, summary):
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", first, fact_id="f1")]),
            "post": ("2031-07-04", [make_claim("b", "post", second, fact_id="f1")]),
        }
    )
    (update,) = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    assert update.summary == summary and update.fact_id == "f1"


def test_updates_undated_articles_fall_back_to_event_dates():
    claims, articles = build(
        {
            "wire": (None, [make_claim("a", "wire", DESERTED, [EIGHTEEN], event_date="2031-07-01")]),
            "post": (None, [make_claim("b", "post", DETAINED, [EIGHTEEN], event_date="2031-07-06")]),
            "gazette": (None, [make_claim("c", "gazette", "The 18 conscripts were detained.", [EIGHTEEN])]),  # no date at all: left out
        }
    )
    (update,) = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    assert (update.from_claim, update.to_claim) == ("a", "b")


def test_updates_one_change_reported_twice_on_its_day_is_one_update():
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", DESERTED, [EIGHTEEN])]),
            "post": ("2031-07-04", [make_claim("b", "post", DETAINED, [EIGHTEEN])]),
            "gazette": ("2031-07-04", [make_claim("c", "gazette", "Police detained the 18 conscripts.", [EIGHTEEN])]),
            "radio": ("2031-07-06", [make_claim("d", "radio", "The 18 conscripts remain detained.", [EIGHTEEN])]),
        }
    )
    updates = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    assert [(u.from_claim, u.to_claim) for u in updates] == [("a", "b")]

"""Conflicts: differing figures for one count, not different quantities, ranges or revisions; status, date."""

from __future__ import annotations

import pytest

from storytrace.conflicts import figure_updates, find_conflicts
from storytrace.figures import anchor_phrase
from storytrace.model import Article, ChainLink, Claim, ClaimAttribution, ClaimQuantity, Entity, EventDate, Story

OUTLETS = {"post": "Capital Post", "wire": "Northern Wire", "gazette": "Hill Gazette"}


def make_claim(claim_id, article_id, text, quantities=(), *, fact_id="f1", chain=(("officials", "anonymous"),), event_date=None):
    links = [ChainLink(source, kind) for source, kind in chain]
    return Claim(
        id=claim_id,
        article_id=article_id,
        sentence=0,
        text=text,
        attribution=ClaimAttribution(source=links[-1].source if links else None, chain=links, anonymous=any(l.source_type == "anonymous" for l in links)),
        quantities=[ClaimQuantity(*q) for q in quantities],
        event_date=EventDate(event_date, None) if event_date else None,
        fact_id=fact_id,
        start=0,
        end=len(text),
    )


def make_story(claims, published=None, entities=("Ostland", "Cape Dorn")):
    """Articles hold their claims' text (one claim per article); ``entities`` are marked where they occur."""
    published = published or {}
    articles = {}
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is None:
            outlet = OUTLETS.get(claim.article_id.split("-")[0], claim.article_id)
            article = Article(id=claim.article_id, path="", format="text", outlet=outlet, published=published.get(claim.article_id, "2031-06-10"))
            articles[claim.article_id] = article
        offset = len(article.text) + (1 if article.text else 0)
        article.text = (article.text + " " + claim.text).strip()
        claim.start, claim.end = offset, offset + len(claim.text)
        for name in entities:
            at = claim.text.find(name)
            if at >= 0:
                article.entities.append(Entity(offset + at, offset + at + len(name), "GPE", name))
    return Story(id="s1", title="", article_ids=list(articles), claims=list(claims)), articles


def mark_person(claims, articles, name):
    """Mark ``name`` as a PERSON entity in the article of every claim that names it."""
    for claim in claims:
        if name in claim.text:
            article = articles[claim.article_id]
            at = article.text.index(name)
            article.entities.append(Entity(at, at + len(name), "PERSON", name))


def quantity_conflicts(claims, **kwargs):
    story, articles = make_story(claims, **kwargs)
    return [c for c in find_conflicts(story, articles) if c.kind == "quantity"]


SENT = "Ostland has sent {} to the front, officials said."


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        ((10000, "soldiers", "10,000 soldiers", False), (11000, "troops", "about 11,000 troops", True), True),
        ((10000, "soldiers", "10,000 soldiers", False), (10900, "troops", "about 10,900 troops", True), False),
        ((10000, "soldiers", "about 10,000 soldiers", True), (10000, "soldiers", "10,000 soldiers", False), False),
        ((10000, "soldiers", "10,000 soldiers", False), (10200, "soldiers", "10,200 soldiers", False), True),
        ((10000, "soldiers", "10,000 soldiers", False), (11000, "civilians", "11,000 civilians", False), False),
        ((10000, "soldiers", "10,000-12,000 soldiers", False), (11000, "troops", "11,000 troops", False), False),
    ],
)
def test_conflicts_quantity_threshold_and_units(first, second, conflict):
    claims = [
        make_claim("a", "post-1", SENT.format(first[2]), [first]),
        make_claim("b", "wire-1", SENT.format(second[2]), [second], chain=(("a diplomat", "anonymous"),)),
    ]
    found = quantity_conflicts(claims)
    assert bool(found) is conflict
    if conflict:
        assert [v.value for v in found[0].values] == [first[0], second[0]]
        assert [v.claim_ids for v in found[0].values] == [["a"], ["b"]]
        assert found[0].values[0].sources == ["officials (unnamed, via Capital Post)"]
        assert found[0].values[1].sources == ["a diplomat (unnamed, via Northern Wire)"]
        assert found[0].about.startswith("number of")


def test_conflicts_quantity_sides_carry_claims_and_sources():
    claims = [
        make_claim("a", "post-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)], chain=(("a diplomat", "anonymous"), ("Capital Post", "media"))),
        make_claim("b", "wire-1", SENT.format("about 11,000 troops"), [(11000, "troops", "about 11,000 troops", True)]),
        make_claim("c", "gazette-1", SENT.format("11,000 troops"), [(11000, "troops", "11,000 troops", False)], chain=(("officials", "anonymous"), ("Northern Wire", "media"))),
    ]
    (conflict,) = quantity_conflicts(claims)
    assert conflict.about == "number of soldiers"
    assert [(v.value, v.claim_ids, v.sources) for v in conflict.values] == [
        (10000, ["a"], ["a diplomat (unnamed, via Capital Post)"]),
        (11000, ["b", "c"], ["officials (unnamed, via Northern Wire)"]),
    ]
    assert "10,000 soldiers" in conflict.note and "Capital Post" in conflict.note


@pytest.mark.parametrize(
    "first_text, first_quantity, second_text, second_quantity, conflict",
    [
        # same unit, different reference point: two different distances
        (
            "The soldiers left their posts 7 kilometers (4 miles) from the border.",
            (7, "kilometers", "7 kilometers", False),
            "The unit was later seen 60 km from its original position.",
            (60, "km", "60 km", False),
            False,
        ),
        # same unit and reference point: a real disagreement
        (
            "The soldiers left their posts 7 kilometers from the border.",
            (7, "kilometers", "7 kilometers", False),
            "The soldiers left their posts 9 km from the border with Ostland.",
            (9, "km", "9 km", False),
            True,
        ),
    ],
)
def test_conflicts_distance_needs_the_same_anchor(first_text, first_quantity, second_text, second_quantity, conflict):
    claims = [
        make_claim("a", "post-1", first_text, [first_quantity]),
        make_claim("b", "wire-1", second_text, [second_quantity], chain=(("a diplomat", "anonymous"),)),
    ]
    found = quantity_conflicts(claims)
    assert bool(found) is conflict
    if conflict:
        assert found[0].about == "kilometers from the border"


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        ([(9000, "troops", "9,000", True), (12000, "troops", "12,000 troops", True)], [(11000, "troops", "about 11,000 troops", True)], False),
        ([(9000, "troops", "9,000", False), (10000, "troops", "10,000 troops", False)], [(9500, "troops", "9,500 troops", False), (12000, "troops", "12,000 troops", False)], False),
        ([(2000, "troops", "2,000", True), (3000, "troops", "3,000 troops", True)], [(5000, "troops", "5,000 troops", True), (6000, "troops", "6,000", True)], True),
    ],
)
def test_conflicts_ranges_conflict_only_when_apart(first, second, conflict):
    claims = [
        make_claim("a", "post-1", "Between {} and {} Ostland troops are at the front.".format(first[0][2], first[1][2]), first),
        make_claim("b", "wire-1", "Ostland has {} at the front.".format(" to ".join(q[2] for q in second)), second, chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


def test_conflicts_same_lineage_revision_is_not_a_conflict():
    wire_chain = (("officials", "anonymous"), ("Northern Wire", "media"))
    claims = [
        make_claim("a", "wire-1", "Ostland has sent 18 soldiers to the front, officials said.", [(18, "soldiers", "18 soldiers", False)]),
        make_claim("b", "post-1", "Ostland has sent 20 soldiers to the front, Northern Wire said.", [(20, "soldiers", "20 soldiers", False)], chain=wire_chain),
    ]
    assert quantity_conflicts(claims, published={"wire-1": "2031-06-10", "post-1": "2031-06-12"}) == []
    # a different lineage days later still disagrees, and the note says the days differ
    claims[1] = make_claim("b", "post-1", "Ostland has sent 20 soldiers to the front, a diplomat said.", [(20, "soldiers", "20 soldiers", False)], chain=(("a diplomat", "anonymous"),))
    (conflict,) = quantity_conflicts(claims, published={"wire-1": "2031-06-10", "post-1": "2031-06-12"})
    assert "different days" in conflict.note


@pytest.mark.parametrize(
    "fact_ids, second_text, conflict",
    [
        # no fact grouping, but same entity and event words: same scope
        ((None, None), "Ostland has sent about 11,000 soldiers to the front, officials said.", True),
        # different facts and nothing in common but the unit: different counts
        (("f1", "f2"), "The Cape Dorn garrison has about 11,000 soldiers in reserve.", False),
    ],
)
def test_conflicts_scope_from_fact_or_shared_entities(fact_ids, second_text, conflict):
    claims = [
        make_claim("a", "post-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)], fact_id=fact_ids[0]),
        make_claim("b", "wire-1", second_text, [(11000, "soldiers", "about 11,000 soldiers", True)], fact_id=fact_ids[1], chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


def test_conflicts_one_disagreement_told_in_two_groups_of_reports_is_one_conflict():
    """Two scopes of one slot (different facts, nothing shared between them) that clash with the
    same figures are one conflict holding every claim; other figures would stay apart."""
    ostland = "Ostland has sent {} to the front, officials said."
    dorn = "The Cape Dorn garrison moved {} north during the storm."
    claims = [
        make_claim("a", "post-1", ostland.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)]),
        make_claim("b", "wire-1", ostland.format("11,000 soldiers"), [(11000, "soldiers", "11,000 soldiers", False)],
                   chain=(("a diplomat", "anonymous"),)),
        make_claim("c", "gazette-1", dorn.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)],
                   fact_id="f2"),
        make_claim("d", "wire-2", dorn.format("11,000 soldiers"), [(11000, "soldiers", "11,000 soldiers", False)],
                   fact_id="f2", chain=(("a diplomat", "anonymous"),)),
    ]
    (conflict,) = quantity_conflicts(claims)
    assert [(v.value, v.claim_ids) for v in conflict.values] == [(10000, ["a", "c"]), (11000, ["b", "d"])]
    claims[3] = make_claim("d", "wire-2", dorn.format("12,000 soldiers"), [(12000, "soldiers", "12,000 soldiers", False)],
                           fact_id="f2", chain=(("a diplomat", "anonymous"),))
    assert len(quantity_conflicts(claims)) == 2


def test_conflicts_two_figures_one_origin_gives_are_not_a_disagreement():
    """An outlet that itself gives both figures (two hauls in one report) does not disagree with
    the outlets repeating one of them; a figure only other origins give still does."""
    haul = "Ostland seized {} near Cape Dorn."
    own = (("Capital Post", "self"),)
    claims = [
        make_claim("a", "post-1", haul.format("6 rifles"), [(6, "rifles", "6 rifles", False)], chain=own),
        make_claim("b", "post-1", haul.format("14 rifles"), [(14, "rifles", "14 rifles", False)], chain=own),
        make_claim("c", "wire-1", haul.format("6 rifles"), [(6, "rifles", "6 rifles", False)]),
        make_claim("d", "gazette-1", haul.format("14 rifles"), [(14, "rifles", "14 rifles", False)]),
    ]
    assert quantity_conflicts(claims) == []
    claims.append(make_claim("e", "gazette-2", haul.format("20 rifles"), [(20, "rifles", "20 rifles", False)]))
    (conflict,) = quantity_conflicts(claims)
    assert [v.value for v in conflict.values] == [6, 14, 20]


def test_conflicts_one_named_source_quoted_with_two_figures_by_two_outlets_is_a_conflict():
    police = (("Police", "government"),)
    claims = [
        make_claim("a", "post-1", "Police said 12 people were injured in Cape Dorn.",
                   [(12, "people", "12 people", False)], chain=police),
        make_claim("b", "wire-1", "Police said 18 people had been injured in Cape Dorn.",
                   [(18, "people", "18 people", False)], chain=police),
    ]
    (conflict,) = quantity_conflicts(claims)
    assert [(v.value, v.sources) for v in conflict.values] == [(12, ["Police"]), (18, ["Police"])]


def test_conflicts_two_figures_in_one_article_are_not_flagged():
    claims = [
        make_claim("a", "post-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)]),
        make_claim("b", "post-1", SENT.format("12,000 soldiers"), [(12000, "soldiers", "12,000 soldiers", False)]),
    ]
    assert quantity_conflicts(claims) == []


@pytest.mark.parametrize(
    "days, expected",
    [
        (("2031-06-10", "2031-06-10"), [("status", ["missing", "detained"])]),
        (("2031-06-10", "2031-06-12"), []),  # one after the other: an update, not a conflict
    ],
)
def test_conflicts_status_contradiction_on_the_same_day(days, expected):
    claims = [
        make_claim("a", "wire-1", "The 12 fishermen from Cape Dorn are still missing.", [(12, "fishermen", "12 fishermen", False)]),
        make_claim("b", "post-1", "The 12 fishermen from Cape Dorn were found and detained by a patrol.", [(12, "fishermen", "12 fishermen", False)]),
    ]
    story, articles = make_story(claims, published={"wire-1": days[0], "post-1": days[1]})
    found = [c for c in find_conflicts(story, articles) if c.kind == "status"]
    assert [(c.kind, [v.value for v in c.values]) for c in found] == expected
    if found:
        assert found[0].about == "whereabouts of 12 fishermen"
        assert [v.claim_ids for v in found[0].values] == [["a"], ["b"]]


@pytest.mark.parametrize(
    "dates, conflict",
    [(("2031-06-08", "2031-06-09"), True), (("2031-06", "2031-06-08"), False), (("2031-06-08", "2031-06-08"), False)],
)
def test_conflicts_event_dates_of_one_fact(dates, conflict):
    claims = [
        make_claim("a", "post-1", "The fishing boats left Cape Dorn on the same morning.", event_date=dates[0]),
        make_claim("b", "wire-1", "The boats had left Cape Dorn together.", event_date=dates[1]),
    ]
    story, articles = make_story(claims)
    assert any(c.kind == "date" for c in find_conflicts(story, articles)) is conflict


@pytest.mark.parametrize(
    "second, conflict",
    [
        ("Skipper Ilse Marr's fishing boats left Cape Dorn in 2030.", True),  # one event, two years
        ("Skipper Ilse Marr's fishing boats from Cape Dorn were built in 2030.", False),  # two events
    ],
)
def test_conflicts_dates_need_an_event_word_next_to_both(second, conflict):
    """Two years in claims of one fact disagree only when an event word stands next to both
    dates: the boats leaving in 2031 and leaving in 2030 is a disagreement; leaving in 2031 and
    being built in 2030 dates two events of the boats' story."""
    first = "Skipper Ilse Marr's fishing boats left Cape Dorn in 2031."
    claims = [make_claim("a", "post-1", first, event_date="2031"),
              make_claim("b", "wire-1", second, event_date="2030", chain=(("a diplomat", "anonymous"),))]
    claims[0].event_date.text, claims[1].event_date.text = "2031", "2030"
    story, articles = make_story(claims)
    assert any(c.kind == "date" for c in find_conflicts(story, articles)) is conflict


@pytest.mark.parametrize("second_place, conflict", [("Cape Dorn", True), ("Port Vell", False)])
def test_conflicts_dates_of_events_in_different_places_are_two_events(second_place, conflict):
    """Two dates for one skipper's boats leaving: a disagreement when both name one port, two
    events when each names another port and none is the other's."""
    claims = [
        make_claim("a", "post-1", "Skipper Ilse Marr's fishing boats left Cape Dorn on the same morning.", event_date="2031-06-08"),
        make_claim("b", "wire-1", f"Skipper Ilse Marr's fishing boats had left {second_place} together.", event_date="2031-06-09"),
    ]
    story, articles = make_story(claims, entities=("Cape Dorn", "Port Vell"))
    mark_person(claims, articles, "Ilse Marr")
    assert any(c.kind == "date" for c in find_conflicts(story, articles)) is conflict


def test_conflicts_status_sequence_inside_one_article_is_not_a_conflict():
    claims = [
        make_claim("a", "wire-1", "The 12 fishermen from Cape Dorn went missing on Sunday.", [(12, "fishermen", "12 fishermen", False)]),
        make_claim("b", "wire-1", "The 12 fishermen from Cape Dorn were found by a patrol on Monday.", [(12, "fishermen", "12 fishermen", False)]),
    ]
    story, articles = make_story(claims)
    assert [c for c in find_conflicts(story, articles) if c.kind == "status"] == []


@pytest.mark.parametrize(
    "text, quantity, expected_key",
    [
        ("They left 7 kilometers (4 miles) from the border with Ostland.", (7, "kilometers", "7 kilometers", False), "from border"),
        ("They left 7 km away from the border.", (7, "km", "7 km", False), "from border"),
        ("The unit moved 60 km from their original position.", (60, "km", "60 km", False), "from original position"),
        ("A village 30 miles north of the capital flooded.", (30, "miles", "30 miles", False), "north of capital"),
        ("Prices rose 5 percent in March.", (5, "percent", "5 percent", False), ""),
    ],
)
def test_conflicts_anchor_phrase_after_a_measure(text, quantity, expected_key):
    assert anchor_phrase(text, ClaimQuantity(*quantity))[0] == expected_key


DESERTED_18 = ("Some 18 soldiers deserted from Ostland units near Cape Dorn.", (18, "soldiers", "18 soldiers", False))
PAID_3M = ("Ostland will pay the port $3 million a year, officials said.", (3000000, "USD", "$3 million", False))


@pytest.mark.parametrize(
    "first, second, about",
    [
        # one broad fact, far-apart figures with different event words: two different counts
        (DESERTED_18, ("Ostland has sent 10,000 soldiers to the coast to guard the ports.", (10000, "soldiers", "10,000 soldiers", False)), None),
        # close figures (within 1.5x) in one fact: the same count told differently
        (DESERTED_18, ("Police said 20 soldiers from Ostland were held at the coast.", (20, "soldiers", "20 soldiers", False)), "number of soldiers"),
        # far apart but the same event word next to both: still the same count
        (DESERTED_18, ("About 180 soldiers deserted from Ostland units, a later estimate said.", (180, "soldiers", "about 180 soldiers", True)),
         "number of soldiers"),
        # a rate is not compared with a total, only with another rate
        (PAID_3M, ("Ostland will pay the port $7 million in all, officials said.", (7000000, "USD", "$7 million", False)), None),
        (PAID_3M, ("Ostland will pay the port $9 million a year, officials said.", (9000000, "USD", "$9 million", False)), "amount in USD per year"),
        # a share of what is not said is not compared; a share of one named whole is
        (("Ostland's support stands at just 12 percent, officials said.", (12, "percent", "12 percent", False)),
         ("Ostland's support reached 30 percent, officials said.", (30, "percent", "30 percent", False)), None),
        (("Ostland's support stands at 12 percent of voters, officials said.", (12, "percent", "12 percent", False)),
         ("Ostland's support reached 30 percent of voters, officials said.", (30, "percent", "30 percent", False)),
         "percent of voters"),
        # an event word after a negation names no event the figures share
        (("Police held 2 protesters near Cape Dorn, though no injuries were reported.", (2, "protesters", "2 protesters", False)),
         ("Medics said 9 protesters suffered injuries near Cape Dorn.", (9, "protesters", "9 protesters", False)), None),
        (("Police held 2 protesters near Cape Dorn after injuries were reported.", (2, "protesters", "2 protesters", False)),
         ("Medics said 9 protesters suffered injuries near Cape Dorn.", (9, "protesters", "9 protesters", False)),
         "number of protesters"),
        # a place's population is background, never compared ("home to", "a city of")
        (("The quake hit Cape Dorn, home to about 100,000 people, officials said.", (100000, "people", "about 100,000 people", True)),
         ("The quake also shook Ostland, a city of 120,000 people, officials said.", (120000, "people", "120,000 people", False)), None),
        (("The quake hit Cape Dorn and killed about 100 people, officials said.", (100, "people", "about 100 people", True)),
         ("The quake hit Cape Dorn and killed 140 people, officials said.", (140, "people", "140 people", False)), "number of people"),
    ],
)
def test_conflicts_figures_of_one_fact_are_one_count_or_two(first, second, about):
    claims = [
        make_claim("a", "post-1", first[0], [first[1]]),
        make_claim("b", "wire-1", second[0], [second[1]], chain=(("a diplomat", "anonymous"),)),
    ]
    assert [c.about for c in quantity_conflicts(claims)] == ([about] if about else [])


def test_conflicts_undated_copy_of_a_lineage_figure_stays_in_the_conflict():
    wire_chain = (("officials", "anonymous"), ("Northern Wire", "media"))
    claims = [
        make_claim("a", "wire-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)]),
        make_claim("b", "gazette-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)], chain=wire_chain),
        make_claim("c", "post-1", SENT.format("about 11,000 troops"), [(11000, "troops", "about 11,000 troops", True)], chain=(("a diplomat", "anonymous"),)),
    ]
    (conflict,) = quantity_conflicts(claims, published={"wire-1": "2031-06-10", "gazette-1": None, "post-1": "2031-06-10"})
    assert [v.claim_ids for v in conflict.values] == [["a", "b"], ["c"]]


def test_conflicts_dates_of_two_events_in_one_fact_are_not_a_conflict():
    claims = [
        make_claim("a", "wire-1", "Twelve fishermen from Cape Dorn went missing at sea.", [(12, "fishermen", "12 fishermen", False)], event_date="2031-06-08"),
        make_claim("b", "post-1", "Twelve fishermen from Cape Dorn were found on an island.", [(12, "fishermen", "12 fishermen", False)], event_date="2031-06-11"),
    ]
    story, articles = make_story(claims)
    assert [c for c in find_conflicts(story, articles) if c.kind == "date"] == []


@pytest.mark.parametrize(
    "second_text, second_quantities, chain, expected",
    [
        # the same lineage says its figure rose days later: an update from its earlier figure
        ("The number Ostland has sent to the front rose to 20 soldiers, Northern Wire said.", [(20, "soldiers", "20 soldiers", False)],
         (("officials", "anonymous"), ("Northern Wire", "media")), ["18 soldiers → 20 soldiers (number of soldiers, reported 2031-06-12)"]),
        # a different figure with nothing saying it changed: maybe another count, so no update
        ("Ostland has sent 20 soldiers to the front, Northern Wire said.", [(20, "soldiers", "20 soldiers", False)],
         (("officials", "anonymous"), ("Northern Wire", "media")), []),
        # the same figure again: nothing changed
        ("Ostland has sent 18 soldiers to the front, Northern Wire said.", [(18, "soldiers", "18 soldiers", False)],
         (("officials", "anonymous"), ("Northern Wire", "media")), []),
        # another lineage: a conflict, never an update
        ("Ostland has sent 20 soldiers to the front, a diplomat said.", [(20, "soldiers", "20 soldiers", False)],
         (("a diplomat", "anonymous"),), []),
    ],
)
def test_conflicts_figure_revised_by_its_lineage_is_an_update(second_text, second_quantities, chain, expected):
    claims = [
        make_claim("a", "wire-1", "Ostland has sent 18 soldiers to the front, officials said.", [(18, "soldiers", "18 soldiers", False)]),
        make_claim("b", "post-1", second_text, second_quantities, chain=chain),
    ]
    story, articles = make_story(claims, published={"wire-1": "2031-06-10", "post-1": "2031-06-12"})
    updates = [update for _, update in figure_updates(story, articles)]
    assert [u.summary for u in updates] == expected
    assert all((u.from_claim, u.to_claim) == ("a", "b") for u in updates)


def test_conflicts_figure_in_parentheses_is_a_conversion_not_a_revision():
    claims = [
        make_claim("a", "wire-1", "Ostland pledged 110 billion euros (143 billion dollars) to the fund, officials said.",
                   [(110e9, "euros", "110 billion euros", False), (143e9, "dollars", "143 billion dollars", False)]),
        make_claim("b", "wire-2", "Ostland pledged 110 billion euros (158 billion dollars) to the fund, officials said.",
                   [(110e9, "euros", "110 billion euros", False), (158e9, "dollars", "158 billion dollars", False)]),
    ]
    story, articles = make_story(claims, published={"wire-1": "2031-06-10", "wire-2": "2031-06-20"})
    assert figure_updates(story, articles) == []


@pytest.mark.parametrize("first_text, conflict", [
    # "said on Monday" dates the saying, not the boats leaving: nothing to compare
    ("The fishing boats left Cape Dorn together, the harbour master said on Monday, earlier than planned.", False),
    ("The fishing boats left Cape Dorn together on Monday, the harbour master said.", True),
])
def test_conflicts_a_date_of_the_saying_is_not_an_event_date(first_text, conflict):
    first = make_claim("a", "post-1", first_text, event_date="2031-06-08")
    first.attribution.cue, first.event_date.text = "said", "Monday"
    second = make_claim("b", "wire-1", "The boats had left Cape Dorn together on Tuesday.", event_date="2031-06-09")
    second.event_date.text = "Tuesday"
    story, articles = make_story([first, second])
    dates = [c for c in find_conflicts(story, articles) if c.kind == "date"]
    assert bool(dates) is conflict
    if dates:
        assert dates[0].about.startswith("date of: ")


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # one-sided figures are intervals: "more than 100" and "up to 120" can be one speed
        ((100, "mph", "more than 100 mph", True), (120, "mph", "up to 120 mph", True), False),
        ((100, "mph", "more than 100 mph", True), (80, "mph", "80 mph", False), True),
        ((10, "people", "at least 10 people", True), (25, "people", "25 people", False), False),
        # a part of a count or an addition to it is not the count
        ((2, "victims", "two other victims", False), (3, "victims", "three victims", False), False),
        ((20, "cases", "20 new cases", False), (200, "cases", "200 cases", False), False),
        # words after a number that count no thing, units that are no word, number fragments
        ((4, "time", "four-time", False), (5, "time", "five-time", False), False),
        ((3, "times", "three times", False), (5, "times", "five times", False), False),
        ((1200, "block", "the 1200 block", False), (1500, "block", "the 1500 block", False), False),
        ((182, "-", "182-", False), (284, "-", "284-", False), False),
        ((0, "feet", "000 feet", False), (2000, "feet", "about 2,000 feet", True), False),
        # different kinds named between number and unit are different counts; the same kind is one
        ((3, "guns", "3 machine guns", False), (12, "guns", "12 AK-47 guns", False), False),
        ((6, "rifles", "six AK-47 rifles", False), (14, "rifles", "14 AK 47 rifles", False), True),
        ((6, "rifles", "six rifles", False), (14, "rifles", "14 AK-47 rifles", False), True),
    ],
)
def test_conflicts_only_figures_that_count_one_thing(first, second, conflict):
    text = "Ostland reported {} near Cape Dorn, officials said."
    claims = [
        make_claim("a", "post-1", text.format(first[2]), [first]),
        make_claim("b", "wire-1", text.format(second[2]), [second], chain=(("a diplomat", "anonymous"),)),
    ]
    found = quantity_conflicts(claims)
    assert bool(found) is conflict
    if found and "more than" in first[2]:
        assert [v.value for v in found[0].values] == [80, 100]  # the stated figure, not an infinite bound


@pytest.mark.parametrize("before, conflict", [("the first", False), ("the next", False), ("all", True)])
def test_conflicts_a_stretch_of_a_series_is_not_its_whole(before, conflict):
    """'took the first two games' counts part of a series; 'six games' in all is no disagreement."""
    claims = [
        make_claim("a", "post-1", f"Ostland won {before} two games against Varn, officials said.",
                   [(2, "games", "two games", False)]),
        make_claim("b", "wire-1", "Ostland played six games against Varn, officials said.",
                   [(6, "games", "six games", False)], chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


@pytest.mark.parametrize(
    "first, second, nested, conflict",
    [
        ("The 12 boats sank in Ostland.", "The 12 boats sank off Cape Dorn.", False, True),
        # a place not introduced as where it happened is not compared
        ("The 12 boats from Ostland sank.", "The 12 boats sank off Cape Dorn.", False, False),
        # the story itself writes one place inside the other: two scales of one place
        ("The 12 boats sank in Ostland.", "The 12 boats sank off Cape Dorn.", True, False),
        # a name that ends with an office names a person's office, not a place
        ("The 12 boats sank in Ostland.", "The 12 boats sank, Cape Dorn Sheriff Ann Lee said.", False, False),
        # a place in a "who" clause tells about a person, not where the boats sank
        ("The 12 boats sank in Ostland.", "The 12 boats of a man who lives in Cape Dorn sank.", False, False),
        ("The 12 boats sank in Ostland.", "The 12 boats of a man, who lives far away, sank in Cape Dorn.", False, True),
        # a place of another event in the boats' story: no event word next to both places
        ("The 12 boats sank in Ostland.", "The 12 boats were towed to a yard in Cape Dorn.", False, False),
    ],
)
def test_conflicts_places_of_one_event(first, second, nested, conflict):
    boats = [(12, "boats", "12 boats", False)]  # a shared count: the two claims tell of one event
    claims = [make_claim("a", "post-1", first, boats),
              make_claim("b", "wire-1", second, boats, chain=(("a diplomat", "anonymous"),))]
    if nested:
        claims.append(make_claim("c", "gazette-1", "The harbour of Cape Dorn, Ostland, was closed.", fact_id="f9"))
    story, articles = make_story(claims, entities=("Ostland", "Cape Dorn Sheriff", "Cape Dorn"))
    assert any(c.kind == "location" for c in find_conflicts(story, articles)) is conflict


def _mark_june_days(article, days):
    """Time expressions for "June N" mentions of the article's text (year 2031)."""
    from storytrace.model import TimeExpression

    for day in days:
        at = article.text.index(day)
        article.time_expressions.append(
            TimeExpression(at, at + len(day), day, "DATE", f"2031-06-{int(day.split()[1]):02d}", "day"))


def test_conflicts_a_claim_with_several_dates_has_no_date_conflict():
    first = "The fishing boats left Cape Dorn on June 8."
    second = "The boats had left Cape Dorn together on June 9, and were found on June 12."
    claims = [make_claim("a", "post-1", first, event_date="2031-06-08"),
              make_claim("b", "wire-1", second, event_date="2031-06-09")]
    story, articles = make_story(claims)
    assert any(c.kind == "date" for c in find_conflicts(story, articles))
    for claim, days in ((claims[0], ["June 8"]), (claims[1], ["June 9", "June 12"])):
        _mark_june_days(articles[claim.article_id], days)
    assert not any(c.kind == "date" for c in find_conflicts(story, articles))


def test_conflicts_the_date_of_the_saying_is_not_a_second_date():
    first = "The fishing boats left Cape Dorn on June 8, the coast guard said on June 10."
    second = "The boats had left Cape Dorn together on June 9."
    claims = [make_claim("a", "post-1", first, event_date="2031-06-08"),
              make_claim("b", "wire-1", second, event_date="2031-06-09")]
    claims[0].attribution.cue = "said"
    story, articles = make_story(claims)
    for claim, days in ((claims[0], ["June 8", "June 10"]), (claims[1], ["June 9"])):
        _mark_june_days(articles[claim.article_id], days)
    assert any(c.kind == "date" for c in find_conflicts(story, articles))


def test_conflicts_money_is_an_amount_not_a_number():
    claims = [
        make_claim("a", "post-1", "Ostland will spend $4 million on the port, officials said.", [(4000000, "USD", "$4 million", False)]),
        make_claim("b", "wire-1", "Ostland will spend $9 million on the port, officials said.", [(9000000, "USD", "$9 million", False)],
                   chain=(("a diplomat", "anonymous"),)),
    ]
    (conflict,) = quantity_conflicts(claims)
    assert conflict.about == "amount in USD"



def test_conflicts_a_status_dated_long_before_its_report_is_no_contradiction():
    """A report of today recalling that the fishermen went missing two years ago does not contradict
    another report of today that they were found."""
    claims = [
        make_claim("a", "wire-1", "The 12 fishermen from Cape Dorn went missing at sea.", [(12, "fishermen", "12 fishermen", False)],
                   event_date="2029-06"),
        make_claim("b", "post-1", "The 12 fishermen from Cape Dorn were found and detained by a patrol.", [(12, "fishermen", "12 fishermen", False)]),
    ]
    story, articles = make_story(claims)
    assert [c for c in find_conflicts(story, articles) if c.kind == "status"] == []
    claims[0].event_date = EventDate("2031-06-10", None)
    assert [c.kind for c in find_conflicts(story, articles) if c.kind == "status"] == ["status"]


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # one fact, but nothing in the words ties the two: a plan of the port and a road done
        ("The harbour works were planned by the council.", "Crews completed the coastal road.", False),
        # one person who plans one thing and has done another: no contradiction
        ("Ilse Marr planned a visit to the harbour.", "Ilse Marr completed the survey of the road.", False),
        # the same 40 berths, planned in one report and done in the other
        ("The 40 berths were planned by the council.", "The 40 berths were completed by crews.", True),
    ],
)
def test_conflicts_status_needs_the_same_participants_in_the_claims_words(first, second, conflict):
    counts = [(40, "berths", "40 berths", False)]
    claims = [make_claim("a", "wire-1", first, counts if "40" in first else []),
              make_claim("b", "post-1", second, counts if "40" in second else [])]
    story, articles = make_story(claims)
    mark_person(claims, articles, "Ilse Marr")
    assert any(c.kind == "status" for c in find_conflicts(story, articles)) is conflict


@pytest.mark.parametrize(
    "phrase, text, quantity, expected",
    [
        ("rate", "The deal paid him $3 million a year until 2031.", (3000000, "USD", "$3 million", False), "per year"),
        ("rate", "Crews cleared 12 houses per day.", (12, "houses", "12 houses", False), "per day"),
        ("rate", "The port handles 300 ships annually.", (300, "ships", "300 ships", False), "per year"),
        ("rate", "He still has $7 million left on the deal.", (7000000, "USD", "$7 million", False), ""),
        ("rate", "A day later 12 houses were cleared.", (12, "houses", "12 houses", False), ""),
        ("joint", "The ship took off some 310 passengers and crew.", (310, "passengers", "some 310 passengers", True), "and crew"),
        ("joint", "It flew its 190 passengers and most of its crew.", (190, "passengers", "190 passengers", False), ""),
        ("joint", "Police held 18 soldiers and their commander.", (18, "soldiers", "18 soldiers", False), ""),
        ("joint", "They seized 12 magazines and 300 rounds.", (12, "magazines", "12 magazines", False), ""),
    ],
)
def test_conflicts_rate_and_joint_phrases_after_a_figure(phrase, text, quantity, expected):
    """A rate ("a year") and a joint count ("and crew") make their own slots."""
    from storytrace.figures import joint_phrase, rate_phrase

    found = (rate_phrase if phrase == "rate" else joint_phrase)(text, ClaimQuantity(*quantity))
    assert found == expected


@pytest.mark.parametrize("event_date, conflict", [(None, True), ("2031-06-09", True), ("2029-05", False)])
def test_conflicts_a_figure_from_history_is_not_compared(event_date, conflict):
    """"Ostland had sent 12,000 soldiers to the front in May 2029" in a report of June 2031 is an
    old figure, not a second account of today's 10,000."""
    claims = [
        make_claim("a", "post-1", SENT.format("10,000 soldiers"), [(10000, "soldiers", "10,000 soldiers", False)]),
        make_claim("b", "wire-1", SENT.format("12,000 soldiers"), [(12000, "soldiers", "12,000 soldiers", False)],
                   chain=(("a diplomat", "anonymous"),), event_date=event_date),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


def test_conflicts_a_figure_joined_to_its_unit_describes_one_thing():
    """"a 40-metre sprint" and "a 44-metre sprint" are two sprints, not two counts of metres."""
    claims = [
        make_claim("a", "post-1", "Ostland's striker scored after a 40-metre sprint, officials said.", [(40, "metre", "40-metre", False)]),
        make_claim("b", "wire-1", "Ostland's striker scored after a 44-metre sprint, officials said.", [(44, "metre", "44-metre", False)],
                   chain=(("a diplomat", "anonymous"),)),
    ]
    assert quantity_conflicts(claims) == []
    claims[1].quantities = [ClaimQuantity(44, "metres", "44 metres", False)]
    claims[0].quantities = [ClaimQuantity(40, "metres", "40 metres", False)]
    claims[0].text, claims[1].text = "Ostland's striker ran 40 metres, officials said.", "Ostland's striker ran 44 metres, officials said."
    assert len(quantity_conflicts(claims)) == 1


@pytest.mark.parametrize(
    "first, quantity, conflict",
    [
        ("Ostland's guard scored a three-point basket, officials said.", (3, "point", "three-point", False), False),
        ("Ostland's guard scored three points, officials said.", (3, "points", "three points", False), True),
    ],
)
def test_conflicts_a_number_word_joined_to_its_unit_describes_one_thing(first, quantity, conflict):
    """"a three-point basket" is one basket, not three points; "twenty-five" stays one number."""
    claims = [
        make_claim("a", "post-1", first, [quantity]),
        make_claim("b", "wire-1", "Ostland's guard scored twenty-five points, officials said.",
                   [(25, "points", "twenty-five points", False)], chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


@pytest.mark.parametrize(
    "second, conflict",
    [
        ("The 12 fishermen from Cape Dorn were found and detained by a patrol.", True),
        ("The 12 fishermen from Cape Dorn were found and detained by a patrol hours later.", False),
    ],
)
def test_conflicts_a_later_state_marked_as_later_is_a_sequence(second, conflict):
    """Two reports of one day: "still missing" and "found" contradict; "found ... hours later" tells
    what happened after the first report."""
    claims = [
        make_claim("a", "wire-1", "The 12 fishermen from Cape Dorn are still missing.", [(12, "fishermen", "12 fishermen", False)]),
        make_claim("b", "post-1", second, [(12, "fishermen", "12 fishermen", False)]),
    ]
    story, articles = make_story(claims)
    assert any(c.kind == "status" for c in find_conflicts(story, articles)) is conflict


@pytest.mark.parametrize(
    "first_player, second_player, conflict",
    [("Ilse Marr", "Marr", True), ("Ilse Marr", "Tomas Vell", False)],
)
def test_conflicts_figures_about_different_people_are_two_counts(first_player, second_player, conflict):
    """"Marr scored 14 points" against "Vell scored 11 points" is two players, not a disagreement;
    the same player named in full and by surname is one."""
    claims = [
        make_claim("a", "post-1", f"In Ostland {first_player} scored 14 points, officials said.", [(14, "points", "14 points", False)]),
        make_claim("b", "wire-1", f"In Ostland {second_player} scored 11 points, officials said.", [(11, "points", "11 points", False)],
                   chain=(("a diplomat", "anonymous"),)),
    ]
    story, articles = make_story(claims)
    mark_person(claims[:1], articles, first_player)
    mark_person(claims[1:], articles, second_player)
    assert bool([c for c in find_conflicts(story, articles) if c.kind == "quantity"]) is conflict


@pytest.mark.parametrize("second_player, conflict", [(None, True), ("Tomas Vell", False)])
def test_conflicts_a_count_told_per_person_needs_the_same_person(second_player, conflict):
    """When one report gives the count for two players ("Marr scored 14 points", "Vell scored 11
    points"), the story counts it per person: another report's "he scored 12 points" names no
    one and is compared with neither. With one player only, 12 against 14 is a disagreement."""
    claims = [make_claim("a", "post-1", "In Ostland Ilse Marr scored 14 points, officials said.",
                         [(14, "points", "14 points", False)])]
    if second_player:
        claims.append(make_claim("a2", "post-1", f"In Ostland {second_player} scored 11 points, officials said.",
                                 [(11, "points", "11 points", False)]))
    claims.append(make_claim("b", "wire-1", "In Ostland he scored 12 points, a diplomat said.",
                             [(12, "points", "12 points", False)], chain=(("a diplomat", "anonymous"),)))
    story, articles = make_story(claims)
    mark_person(claims, articles, "Ilse Marr")
    mark_person(claims, articles, "Tomas Vell")
    assert bool([c for c in find_conflicts(story, articles) if c.kind == "quantity"]) is conflict


@pytest.mark.parametrize(
    "second, quantity, conflict",
    [
        # "41" is the whole the 28 were counted against, not a second figure for the 28
        ("In Ostland the crew landed 28 boats, officials said.", (28, "boats", "28 boats", False), False),
        ("In Ostland the crew landed 30 of 45 boats, officials said.", (45, "boats", "45 boats", False), True),
    ],
)
def test_conflicts_the_whole_of_a_part_is_compared_only_with_wholes(second, quantity, conflict):
    """"landed 28 of 41 boats" gives a total (41) and a part (28): against a bare "landed 28
    boats" it is no disagreement; against "30 of 45 boats" the totals disagree."""
    claims = [
        make_claim("a", "post-1", "In Ostland the crew landed 28 of 41 boats, officials said.", [(41, "boats", "41 boats", False)]),
        make_claim("b", "wire-1", second, [quantity], chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


def test_conflicts_readings_of_one_scale_disagree():
    """A magnitude 5.9 and a "6.1-magnitude" quake are two readings of one scale from two reports:
    a disagreement named after the scale, not a count of quakes."""
    claims = [
        make_claim("a", "post-1", "A magnitude 5.9 quake shook Cape Dorn, officials said.", [(5.9, "magnitude", "magnitude 5.9", False)]),
        make_claim("b", "wire-1", "A 6.1-magnitude quake shook Cape Dorn, officials said.", [(6.1, "magnitude", "6.1-magnitude", False)],
                   chain=(("a diplomat", "anonymous"),)),
    ]
    found = quantity_conflicts(claims)
    assert [(c.about, [v.value for v in c.values]) for c in found] == [("magnitude", [5.9, 6.1])]


@pytest.mark.parametrize("second_half, conflict", [("first", True), ("second", False)])
def test_conflicts_figures_counted_over_different_stretches_are_two_counts(second_half, conflict):
    """Seven points "in the first half" against four "in the second half" are two counts; two
    reports giving seven and four points for the first half disagree. "300 rounds" counts rounds,
    it names no stretch."""
    claims = [
        make_claim("a", "post-1", "In Ostland Ilse Marr scored seven points in the first half, officials said.",
                   [(7, "points", "seven points", False)]),
        make_claim("b", "wire-1", f"In Ostland Ilse Marr scored four points in the {second_half} half, a diplomat said.",
                   [(4, "points", "four points", False)], chain=(("a diplomat", "anonymous"),)),
    ]
    story, articles = make_story(claims)
    mark_person(claims, articles, "Ilse Marr")
    assert bool([c for c in find_conflicts(story, articles) if c.kind == "quantity"]) is conflict


def test_conflicts_period_phrase():
    from storytrace.figures import period_phrase

    def period(text, figure, unit):
        return period_phrase(text, ClaimQuantity(0, unit, figure))

    assert period("Marr scored seven points in the first half.", "seven points", "points") == "first half"
    assert period("In the first half Marr scored seven points.", "seven points", "points") == "first half"
    assert period("Marr had 13 goals in 54 games.", "13 goals", "goals") == "54 game"
    assert period("Marr had a career-high 14 points.", "14 points", "points") == "career"
    assert period("They seized 12 magazines and 300 rounds.", "12 magazines", "magazines") == ""
    # the modifier of a period word at the far end of the window still counts
    assert period("In Ostland's first match with Varn this season, Marr was held to just two goals.",
                  "two goals", "goals") == "this season"


@pytest.mark.parametrize("second, conflict", [("($158 billion)", False), ("$158 billion", True)])
def test_conflicts_a_figure_restated_in_parentheses_is_a_conversion(second, conflict):
    """"110 billion euros ($143 billion)" against "110 billion euros ($158 billion)" is two exchange
    rates, not two amounts; "$143 billion" against "$158 billion" in the text disagree."""
    first = "($143 billion)" if second.startswith("(") else "$143 billion"
    claims = [
        make_claim("a", "post-1", f"Ostland agreed a bailout worth 110 billion euros {first}, officials said.",
                   [(143e9, "USD", first.strip("()"), False)]),
        make_claim("b", "wire-1", f"Ostland agreed a bailout worth 110 billion euros {second}, officials said.",
                   [(158e9, "USD", second.strip("()"), False)], chain=(("a diplomat", "anonymous"),)),
    ]
    assert bool(quantity_conflicts(claims)) is conflict


@pytest.mark.parametrize("anchor, conflict", [("absolute", True), ("publication", False)])
def test_conflicts_a_date_named_relative_to_the_writing_is_not_compared(anchor, conflict):
    """"The race is this year" and "the race is next year" may mean one year, written a year apart;
    "in 2031" and "in 2032" do disagree."""
    from storytrace.model import TimeExpression

    claims = [make_claim("a", "post-1", "The fishing boats left Cape Dorn for the race this year.", event_date="2031"),
              make_claim("b", "wire-1", "The boats had left Cape Dorn for the race next year.", event_date="2032")]
    story, articles = make_story(claims)
    for claim, words in ((claims[0], "this year"), (claims[1], "next year")):
        claim.event_date.text = words
        article = articles[claim.article_id]
        at = article.text.index(words)
        article.time_expressions.append(
            TimeExpression(at, at + len(words), words, "DATE", claim.event_date.value, "year", anchor))
    assert any(c.kind == "date" for c in find_conflicts(story, articles)) is conflict

"""Updates: status words to states, and later reports that move a fact to a new state."""

from __future__ import annotations

import pytest

from storytrace.model import Article, Attribution, Claim, ClaimQuantity, Entity, EventDate, Story
from storytrace.updates import claim_states, find_updates, report_day, status_lexicon


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
        ("The foreman, who was detained on Monday, was released without charge.", {"whereabouts": "released"}),
        ("The ministry released a report on the dam.", {}),
        ("A report released on Friday blames the operator.", {}),
        ("Inspectors found that the pumps had failed.", {}),
        ("Six climbers are still trapped on the ridge.", {"confinement": "trapped"}),
        ("The last of the trapped climbers were brought to the surface.", {"confinement": "freed"}),
        ("The hikers were rescued after two nights.", {"whereabouts": "found", "confinement": "freed"}),
        ("Border guards are searching for the two conscripts.", {"whereabouts": "missing"}),
        ("Their desertion was not reported to headquarters.", {"whereabouts": "missing"}),
        ("Families are still searching for answers.", {}),
        # "found" said of oneself or of a verdict locates no one
        ("The prison agency found itself under pressure after the escape.", {}),
        ("The jury found true the special circumstances of the case.", {}),
        ("The officer was found not guilty of assault.", {}),
        # an active "found" whose object is a thing locates no one; a person or a body it does locate
        ("Police found a bag like the one that held a rifle.", {}),
        ("The patrol also found a set of other tools.", {}),
        ("Rescuers found the body of the climber.", {"whereabouts": "found"}),
        ("Police found the missing conscript in a barn.", {"whereabouts": "found"}),
        ("Police found Ruiz at home.", {"whereabouts": "found"}),
        ("The conscripts were found a day later.", {"whereabouts": "found"}),
        # ...and so does one whose thing stands before its finder ("receipts police recovered")
        ("According to receipts police recovered from his flat, he bought the rope on Friday.", {}),
        ("The missing conscript police found on Monday was unhurt.", {"whereabouts": "found"}),
        ("When police found him, he was calm.", {"whereabouts": "found"}),
        # "missing" with an object that names no participant tells what its subject does
        ("Marr sprained an ankle, missing 10 of the team's 16 games.", {}),
        ("The mayor is missing the deadline again.", {}),
        ("The army is missing two conscripts after the storm.", {"whereabouts": "missing"}),
        ("Marr and Ode have been missing time with injuries.", {}),  # a bare noun of what one misses
        ("Two conscripts went missing overnight.", {"whereabouts": "missing"}),
        ("Two conscripts went missing the same night.", {"whereabouts": "missing"}),
        # a modal makes the state a possibility, not a report of it
        ("Fans fear a similar policy might be carried out with the sequels.", {}),
        ("The convict could have fled across the border.", {}),
        ("The second battalion will be deployed in May.", {}),
    ],
)
def test_updates_claim_states_from_lexicon(text, expected):
    assert {axis: state.state.name for axis, state in claim_states(text).items()} == expected


def test_updates_lexicon_axes_are_ordered_with_phases():
    axes, phrases = status_lexicon()
    by_name = {axis.name: [state.name for state in axis.states] for axis in axes}
    assert by_name["whereabouts"] == ["missing", "found", "detained", "released"]
    assert by_name["confinement"] == ["trapped", "freed"]
    assert by_name["execution"] == ["planned", "done"]
    assert {axis.name for axis in axes if axis.forward} == {"confinement", "execution", "motive"}
    assert {axis.name: axis.final for axis in axes}["whereabouts"] == {"found dead"}
    assert phrases and all(len(a[0]) >= len(b[0]) for a, b in zip(phrases, phrases[1:]))


def build(claims_by_article: dict[str, tuple[str | None, list[Claim]]], entities=("Lake Vor", "Ostland"), people=()):
    """Articles from (published, claims); claims get offsets in their article and entities (places,
    and ``people`` as PERSON) are marked."""
    articles, claims = {}, []
    for article_id, (published, article_claims) in claims_by_article.items():
        article = Article(id=article_id, path="", format="text", outlet=article_id.title(), published=published)
        for claim in article_claims:
            offset = len(article.text) + (1 if article.text else 0)
            article.text = (article.text + " " + claim.text).strip()
            claim.start, claim.end = offset, offset + len(claim.text)
            for name, label in [(name, "GPE") for name in entities] + [(name, "PERSON") for name in people]:
                at = claim.text.find(name)
                if at >= 0:
                    article.entities.append(Entity(offset + at, offset + at + len(name), label, name))
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
    assert update.summary == "missing → detained (reported 2031-07-05)"


@pytest.mark.parametrize("found, later", [("found dead", False), ("found", True)])
def test_updates_nobody_found_dead_is_detained_later(found, later):
    """"The two conscripts were found dead", then "were arrested": others were arrested (a suspect),
    not the dead; "found" alive, then arrested, is a change."""
    two = (2, "conscripts", "two conscripts", False)
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", f"The two conscripts were {found} near Lake Vor.", [two])]),
            "post": ("2031-07-03", [make_claim("b", "post", "The two conscripts were arrested near Lake Vor.", [two])]),
        }
    )
    updates = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    assert bool(updates) is later


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
        ("Ostland is preparing to send engineers to the coast.", "Ostland engineers arrived on the coast.", "planned → done (reported 2031-07-04)"),
        ("The motive of the Ostland raid is unclear.", "Police said the motive of the Ostland raid was explained in a letter.", "unknown → known (reported 2031-07-04)"),
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


def updates_of(claims_by_article, **kwargs) -> list[tuple[str, str, str]]:
    claims, articles = build(claims_by_article, **kwargs)
    updates = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    return [(u.from_claim, u.to_claim, u.summary.split(" (")[0]) for u in updates]


def test_updates_role_noun_links_detention_and_release_from_the_report_it_recalls():
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Police detained the site foreman on Tuesday as crews searched for 6 climbers missing since Monday.", [(6, "climbers", "6 climbers", False)])]),
            "post": ("2031-07-02", [make_claim("b", "post", "The site foreman remains in police custody.")]),
            "radio": ("2031-07-04", [make_claim("c", "radio", "The site foreman, who was detained after the accident, was released without charge.")]),
        }
    )
    # "detained" is what the release recalls: the update starts at the report of the detention
    assert found == [("a", "c", "detained → released")]


def test_updates_participants_are_read_per_axis():
    # the count belongs to "trapped", not to "detained": freeing the miners is no release of the foreman
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Police detained the foreman as rescuers dug toward 9 miners trapped in the shaft.", [(9, "miners", "9 miners", False)])]),
            "post": ("2031-07-03", [make_claim("b", "post", "The 9 miners were freed on Thursday.", [(9, "miners", "9 miners", False)])]),
        }
    )
    assert found == [("a", "b", "trapped → freed")]


def test_updates_a_passive_status_phrase_is_about_its_subject():
    """"Both hostages were released ..., where Ana Brel ran away": the hostages were released,
    not the escaped convict named later in the sentence."""
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Ana Brel escaped from a van.")]),
            "post": ("2031-07-02", [make_claim("b", "post", "Both hostages were released after being "
                                               "forced to drive to Ostland, where Ana Brel ran away.")]),
            "radio": ("2031-07-04", [make_claim("c", "radio", "Ana Brel was arrested near Lake Vor.")]),
        },
        people=("Ana Brel",),
    )
    assert found == [("a", "c", "missing → detained")]


def test_updates_from_the_latest_day_and_its_earliest_report():
    found = updates_of(
        {
            "courier": ("2031-07-01T06:00:00+00:00", [make_claim("a", "courier", "A total of 9 miners were trapped underground.", [(9, "miners", "9 miners", False)])]),
            "late": ("2031-07-03T18:00:00+00:00", [make_claim("c", "late", "The 9 miners are still trapped in the gallery.", [(9, "miners", "9 miners", False)])]),
            "early": ("2031-07-03T08:00:00+02:00", [make_claim("b", "early", "The 9 miners remain trapped.", [(9, "miners", "9 miners", False)])]),
            "post": ("2031-07-05", [make_claim("d", "post", "The last of the 9 miners trapped in the shaft were brought to the surface.", [(9, "miners", "9 miners", False)])]),
        }
    )
    assert found == [("b", "d", "trapped → freed")]


@pytest.mark.parametrize(
    "first, second, people",
    [
        ("Ana Brel was detained near Lake Vor in Ostland.", "Tomas Lind was released near Lake Vor in Ostland.", ("Ana Brel", "Tomas Lind")),
        ("Two hikers went missing near Lake Vor.", "Five hikers were found near Lake Vor.", ()),
        ("The foreman was detained.", "The ferry was found.", ()),
    ],
)
def test_updates_not_between_different_participants(first, second, people):
    counts = {"Two hikers": [(2, "hikers", "Two hikers", False)], "Five hikers": [(5, "hikers", "Five hikers", False)]}
    quantities = lambda text: next((q for key, q in counts.items() if text.startswith(key)), [])  # noqa: E731
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", first, quantities(first))]),
            "post": ("2031-07-03", [make_claim("b", "post", second, quantities(second))]),
        },
        people=people,
    )
    assert found == []


def test_updates_one_way_axis_does_not_go_back():
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Ostland has sent 300 engineers to the coast.", [(300, "engineers", "300 engineers", False)])]),
            "post": ("2031-07-03", [make_claim("b", "post", "Ostland is preparing to send 300 engineers.", [(300, "engineers", "300 engineers", False)])]),
        }
    )
    assert found == []


def test_updates_speakers_are_not_participants():
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Two hikers are missing near Lake Vor, ranger Ana Brel said.", [(2, "hikers", "Two hikers", False)])]),
            "post": ("2031-07-02", [make_claim("b", "post", "The two hikers were found alive, said Tomas Lind.", [(2, "hikers", "two hikers", False)])]),
        },
        people=("Ana Brel", "Tomas Lind"),
    )
    for article in articles.values():  # the named people are the ones saying it
        person = next(e for e in article.entities if e.label == "PERSON")
        article.attributions.append(Attribution([(0, person.start)], (person.start, person.end), source=person.text, source_type="person"))
    (update,) = find_updates(Story("s1", "", list(articles), claims=claims), articles)
    assert (update.from_claim, update.to_claim) == ("a", "b")


@pytest.mark.parametrize(
    "published, event_date, expected",
    [
        ("2031-07-02T09:00:00+02:00", "2031-06-30", "2031-07-02"),
        (None, "2031-06-30", "2031-06-30"),
        (None, "2031-W27", None),  # a week does not order against days
        (None, "2031-SU", None),
        (None, "2031-06", None),
        (None, None, None),
    ],
)
def test_updates_report_day_is_a_calendar_day(published, event_date, expected):
    claims, articles = build({"wire": (published, [make_claim("a", "wire", DETAINED, [EIGHTEEN], event_date=event_date)])})
    assert report_day(claims[0], articles) == expected


def test_updates_a_state_named_in_passing_earlier_is_not_new():
    # the first report already tells the arrest and the release; a later retelling of the arrest is no change
    found = updates_of(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", "Ana Brel was arrested near Lake Vor and later released on bail.")]),
            "post": ("2031-07-03", [make_claim("b", "post", "Ana Brel was arrested near Lake Vor on suspicion of drunk driving.")]),
        },
        people=("Ana Brel",),
    )
    assert found == []


@pytest.mark.parametrize(
    "event_date, update",
    [
        (None, True),
        ("2031-07-04", True),  # the day before its report: news
        ("2031-06", True),  # a month that ends within HISTORY_DAYS of the report
        ("2029-03", False),  # two years before its report: history, not the current state
        ("2029", False),
    ],
)
def test_updates_a_state_dated_long_before_its_report_is_history(event_date, update):
    """"The 18 conscripts were detained in March 2029" in a report of July 2031 recalls an old
    detention: it neither updates the desertion nor contradicts it."""
    from storytrace.updates import tells_history

    detained = make_claim("c", "gazette", DETAINED, [EIGHTEEN], fact_id="f-caught", event_date=event_date)
    claims, articles = build(
        {
            "wire": ("2031-07-01", [make_claim("a", "wire", DESERTED, [EIGHTEEN], fact_id="f-desert")]),
            "gazette": ("2031-07-05", [detained]),
        }
    )
    assert tells_history(detained, articles) is not update
    assert bool(find_updates(Story("s1", "", list(articles), claims=claims), articles)) is update


@pytest.mark.parametrize(
    "text, nouns",
    [
        ("Officers found a knife in the car.", set()),  # the officers act
        ("Guards were searching for the inmate.", {"inmate"}),
        ("The guards were found unharmed.", {"guard"}),  # a passive keeps its subject
        ("The soldiers deserted their posts.", {"soldier"}),  # an intransitive status word
    ],
)
def test_updates_a_noun_that_acts_is_no_participant(text, nouns):
    from storytrace.updates import participants

    claim = make_claim("a", "wire", text)
    _, articles = build({"wire": ("2031-07-01", [claim])})
    assert set(participants(claim, articles).nouns) == nouns

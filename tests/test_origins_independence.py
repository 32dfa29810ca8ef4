"""Independent origins: chains, anonymous sources via an outlet, copies, facts and their notes."""

from __future__ import annotations

import pytest

from storytrace.model import Article, ChainLink, Claim, ClaimAttribution, Fact, Passage, Reuse, Story
from storytrace.origins import OriginFinder, build_facts, canonical_name, corroboration_note, independent_origins, shorten

WIRE_TEXT = "Twelve fishermen have gone missing off Cape Dorn, the sources said. Boats searched all night."
POST_TEXT = "Twelve fishermen are missing, Northern Wire reported, citing unnamed coast guard officials."
GAZETTE_TEXT = "Citing sources at the Northern Wire, the Capital Post said twelve fishermen are missing."
COPY_TEXT = "In brief: Twelve fishermen have gone missing off Cape Dorn, the sources said."
HARBOUR_TEXT = "Coast guard spokeswoman Mara Olsen said twelve fishermen were missing."
RADIO_TEXT = "Olsen said the twelve men had not been heard from since Sunday."

ARTICLES = {
    "wire": Article(id="wire", path="", format="text", text=WIRE_TEXT, outlet="Northern Wire", published="2031-05-01T07:00:00+00:00"),
    "post": Article(id="post", path="", format="text", text=POST_TEXT, outlet="Capital Post", published="2031-05-01T18:00:00+00:00"),
    "gazette": Article(id="gazette", path="", format="text", text=GAZETTE_TEXT, outlet="The Hill Gazette", published="2031-05-02"),
    "copy": Article(id="copy", path="", format="text", text=COPY_TEXT, outlet="Quick News", published=None),
    "harbour": Article(id="harbour", path="", format="text", text=HARBOUR_TEXT, outlet="Harbour Radio", published="2031-05-02"),
    "radio": Article(id="radio", path="", format="text", text=RADIO_TEXT, outlet="Valley FM", published="2031-05-03"),
}

COPY_REUSE = Reuse("wire", "copy", "unattributed_copy", [Passage(0, 66, 10, 76)], 0.8)


def claim(claim_id: str, article_id: str, chain: list[tuple[str, str]] | None = None, *, fact_id: str = "f1", anonymous: bool = False) -> Claim:
    text = ARTICLES[article_id].text
    links = [ChainLink(source, source_type) for source, source_type in (chain or [])]
    attribution = ClaimAttribution(
        source=links[-1].source if links else None,
        source_type=links[-1].source_type if links else "unknown",
        chain=links,
        anonymous=anonymous or any(link.source_type == "anonymous" for link in links),
    )
    end = text.index(".") + 1
    return Claim(id=claim_id, article_id=article_id, sentence=0, text=text[:end], attribution=attribution, fact_id=fact_id, start=0, end=end)


WIRE = claim("c-wire", "wire", [("the sources", "anonymous")])
POST = claim("c-post", "post", [("unnamed coast guard officials", "anonymous"), ("Northern Wire", "media")])
POST_WITH_REPORTER = claim("c-post2", "post", [("unnamed coast guard officials", "anonymous"), ("the Northern Wire", "media"), ("Capital Post", "media")])
GAZETTE = claim("c-gazette", "gazette", [("Northern Wire's sources", "anonymous"), ("Northern Wire", "media"), ("Capital Post", "media")])
GAZETTE_MEDIA_ONLY = claim("c-gazette2", "gazette", [("Northern Wire", "media"), ("Capital Post", "media")])
GAZETTE_OUTLET_AS_ORGANIZATION = claim("c-gazette3", "gazette", [("the Northern Wire", "organization")])
COPY_OWN_VOICE = Claim(id="c-copy", article_id="copy", sentence=0, text=COPY_TEXT[10:], fact_id="f1", start=10, end=len(COPY_TEXT))
HARBOUR = claim("c-harbour", "harbour", [("Mara Olsen", "person")])
RADIO = claim("c-radio", "radio", [("Olsen", "person")])
RADIO_OWN_VOICE = claim("c-radio2", "radio", None)


@pytest.mark.parametrize(
    "claims, expected_origins",
    [
        # one anonymous source, named through one outlet, three articles: one origin
        ([WIRE, POST, GAZETTE], ["unnamed sources (via Northern Wire)"]),
        ([WIRE, POST_WITH_REPORTER, GAZETTE], ["unnamed sources (via Northern Wire)"]),
        # "Northern Wire reported" is the same lineage as Northern Wire's unnamed sources
        ([WIRE, POST, GAZETTE_MEDIA_ONLY], ["unnamed sources (via Northern Wire)"]),
        ([WIRE, GAZETTE_OUTLET_AS_ORGANIZATION], ["unnamed sources (via Northern Wire)"]),
        # an undated copy in its own voice of the wire's passage is the wire's origin, not Quick News
        ([WIRE, COPY_OWN_VOICE], ["unnamed sources (via Northern Wire)"]),
        # a named spokeswoman is a second, independent origin; her surname alone is the same person
        ([WIRE, POST, HARBOUR], ["unnamed sources (via Northern Wire)", "Mara Olsen"]),
        ([WIRE, HARBOUR, RADIO], ["unnamed sources (via Northern Wire)", "Mara Olsen"]),
        # a claim in its own voice, not copied: the outlet
        ([HARBOUR, RADIO_OWN_VOICE], ["Mara Olsen", "Valley FM"]),
    ],
)
def test_origins_follow_chains_and_count_each_origin_once(claims, expected_origins):
    origins, first = independent_origins(claims, [COPY_REUSE], ARTICLES)
    assert origins == expected_origins


def test_origins_without_reuse_a_copy_counts_as_its_own_outlet():
    origins, _ = independent_origins([WIRE, COPY_OWN_VOICE], [], ARTICLES)
    assert origins == ["unnamed sources (via Northern Wire)", "Quick News"]


@pytest.mark.parametrize(
    "claims, expected_first",
    [
        ([GAZETTE, POST, WIRE], "2031-05-01T07:00:00+00:00"),
        ([GAZETTE, HARBOUR], "2031-05-02"),
        ([COPY_OWN_VOICE], None),
    ],
)
def test_origins_first_reported_is_earliest_published(claims, expected_first):
    assert independent_origins(claims, [COPY_REUSE], ARTICLES)[1] == expected_first


@pytest.mark.parametrize(
    "name, expected",
    [("The Northern Wire", "northern wire"), ("Northern Wire's", "northern wire"), ("  northern   WIRE ", "northern wire")],
)
def test_origins_canonical_names(name, expected):
    assert canonical_name(name) == expected


def test_origins_build_facts_groups_sorts_and_summarises():
    other = [
        claim("d-harbour", "harbour", [("Mara Olsen", "person")], fact_id="f2"),
        claim("d-wire", "wire", [("the sources", "anonymous")], fact_id="f2"),
    ]
    unaligned = claim("e-radio", "radio", None, fact_id=None)
    story = Story(id="s1", title="", article_ids=list(ARTICLES), claims=[GAZETTE, POST, WIRE, *other, unaligned], reuse=[COPY_REUSE])
    facts = build_facts(story, ARTICLES)
    assert [f.id for f in facts] == ["f2", "f1"]  # two origins before one, though f1 has more articles
    f1 = facts[1]
    assert f1.claim_ids == ["c-wire", "c-post", "c-gazette"]  # in report order
    assert f1.article_ids == ["wire", "post", "gazette"]
    assert f1.independent_sources == 1 and f1.origins == ["unnamed sources (via Northern Wire)"]
    assert f1.summary == WIRE.text
    assert facts[0].independent_sources == 2


def test_origins_corroboration_note_says_when_repetition_is_one_origin():
    single = Fact("f1", "s", ["a", "b", "c"], ["x", "y", "z"], ["unnamed sources (via Northern Wire)"], 1)
    note = corroboration_note(single)
    assert note.startswith("3 articles, 1 independent origin: unnamed sources (via Northern Wire)")
    assert "repetition is not confirmation" in note
    double = Fact("f2", "s", ["a", "b"], ["x", "y"], ["Mara Olsen", "Valley FM"], 2)
    assert corroboration_note(double) == "2 articles, 2 independent origins: Mara Olsen; Valley FM"
    pair = Fact("f3", "s", ["a", "b"], ["x", "y"], ["Valley FM"], 1)
    assert "Both reports trace back to this one origin" in corroboration_note(pair)


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short claim", 160, "short claim"),
        ("one two three four five", 12, "one two…"),
        ("alpha   beta\\ngamma", 160, "alpha beta\\ngamma"),
    ],
)
def test_origins_summary_shortened_at_word_boundary(text, limit, expected):
    assert shorten(text, limit) == expected


def test_origins_see_through_a_copy_found_by_reuse_detection():
    from storytrace.reuse import find_reuse

    sentence = "Twelve fishermen from Cape Dorn have not returned from a storm that swept the bay overnight."
    original = Article(id="o", path="", format="text", text=sentence + " Families gathered at the pier.", outlet="Northern Wire", published="2031-05-01")
    copy = Article(id="k", path="", format="text", text="Regional roundup. " + sentence, outlet="Quick News", published="2031-05-02")
    reuse = find_reuse([original, copy])
    start = copy.text.index(sentence)
    claims = [
        Claim(id="c-o", article_id="o", sentence=0, text=sentence, fact_id="f", start=0, end=len(sentence)),
        Claim(id="c-k", article_id="k", sentence=1, text=sentence, fact_id="f", start=start, end=start + len(sentence)),
    ]
    assert independent_origins(claims, reuse, {"o": original, "k": copy})[0] == ["Northern Wire"]
    assert independent_origins(claims, [], {"o": original, "k": copy})[0] == ["Northern Wire", "Quick News"]


def test_own_voice_lead_restating_an_attributed_claim_is_not_a_second_origin():
    """A lead in the article's own voice and a later sentence attributing the same fact: one origin.
    Without an attributed claim in that article, its own voice stays an origin of its own."""
    lead = claim("lead", "harbour")  # the article's own voice
    attributed = claim("said", "harbour", [("Mara Olsen", "person")])
    origins, _ = independent_origins([lead, attributed], [], ARTICLES)
    assert origins == ["Mara Olsen"]
    other = claim("other", "radio")  # another article's own voice, attributing nothing in this fact
    origins, _ = independent_origins([lead, attributed, other], [], ARTICLES)
    assert origins == ["Mara Olsen", "Valley FM"]


def test_a_body_given_by_its_description_is_the_one_body_named_with_that_word():
    named = claim("named", "harbour", [("Harbour Workers' Union", "organization")])
    described = claim("described", "radio", [("union", "organization")])
    origins, _ = independent_origins([named, described], [], ARTICLES)
    assert origins == ["Harbour Workers' Union"]
    # two named unions in the story: which one "the union" is stays open
    other = claim("other", "post", [("Dock Pilots Union", "organization")], fact_id="f2")
    finder = OriginFinder([], ARTICLES, [named, described, other])
    assert finder.origin(described).label == "union"


def test_a_short_description_of_a_body_merges_into_its_longer_description():
    long_form = claim("long", "harbour", [("the provincial mine rescue service", "organization")])
    short_form = claim("short", "radio", [("the rescue service", "organization")])
    origins, _ = independent_origins([long_form, short_form], [], ARTICLES)
    assert origins == ["the provincial mine rescue service"]


def test_the_operator_is_the_story_s_one_named_company():
    named = claim("named", "harbour", [("Cape Dorn Ferry Company", "organization")])
    described = claim("described", "radio", [("operator", "organization")])
    origins, _ = independent_origins([named, described], [], ARTICLES)
    assert origins == ["Cape Dorn Ferry Company"]
    # a union is no company, but a second named company leaves "the operator" open
    union = claim("union", "post", [("Harbour Workers' Union", "organization")], fact_id="f2")
    assert OriginFinder([], ARTICLES, [named, described, union]).origin(described).label == "Cape Dorn Ferry Company"
    rival = claim("rival", "post", [("Bay Line Ltd.", "organization")], fact_id="f2")
    assert OriginFinder([], ARTICLES, [named, described, rival]).origin(described).label == "operator"

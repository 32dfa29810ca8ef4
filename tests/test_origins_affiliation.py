"""Origins of anonymous sources that belong to a named organisation, and of short source names."""

from __future__ import annotations

import pytest

from storytrace.model import Article, ChainLink, Claim, ClaimAttribution, Entity
from storytrace.origins import independent_origins

LEAK_TEXT = "The dam failed an inspection, two engineers at the Water Authority of Brel told the Daily Lamp."
REPORT_TEXT = "A Water Authority of Brel report says the dam failed an inspection in May."
RELAY_TEXT = "The Daily Lamp reported that the dam failed an inspection."
PUNDIT_TEXT = "The dam failed an inspection, two engineers close to the Harbor Club said."


def _article(article_id: str, text: str, outlet: str, organisations: list[str]) -> Article:
    entities = []
    for name in organisations:
        start = text.index(name)
        entities.append(Entity(start, start + len(name), "ORG", name))
    return Article(id=article_id, path="", format="text", text=text, outlet=outlet, entities=entities)


ARTICLES = {
    "leak": _article("leak", LEAK_TEXT, "Daily Lamp", ["the Water Authority of Brel", "the Daily Lamp"]),
    "report": _article("report", REPORT_TEXT, "Valley Radio", ["Water Authority of Brel"]),
    "relay": _article("relay", RELAY_TEXT, "Brel Wire", ["The Daily Lamp"]),
    "pundit": _article("pundit", PUNDIT_TEXT, "Night Post", ["the Harbor Club"]),
}


def _claim(article_id: str, chain: list[tuple[str, str]]) -> Claim:
    text = ARTICLES[article_id].text
    links = [ChainLink(source, source_type) for source, source_type in chain]
    attribution = ClaimAttribution(source=links[-1].source, source_type=links[-1].source_type, chain=links,
                                   anonymous=any(link.source_type == "anonymous" for link in links))
    return Claim(id=f"c-{article_id}", article_id=article_id, sentence=0, text=text, attribution=attribution,
                 fact_id="f1", start=0, end=len(text))


LEAK = _claim("leak", [("two engineers at the Water Authority of Brel", "anonymous"), ("Daily Lamp", "self")])
REPORT = _claim("report", [("Water Authority", "government")])
RELAY = _claim("relay", [("Daily Lamp", "media")])
PUNDIT = _claim("pundit", [("two engineers close to the Harbor Club", "anonymous")])


@pytest.mark.parametrize(
    "claims, expected",
    [
        # an outlet relaying the leak adds nothing
        ([LEAK, RELAY], ["unnamed sources at Water Authority of Brel (via Daily Lamp)"]),
        # officials of an organisation speaking anonymously and the organisation's own report: one origin
        ([LEAK, REPORT], ["unnamed sources at Water Authority of Brel (via Daily Lamp)"]),
        ([LEAK, RELAY, REPORT], ["unnamed sources at Water Authority of Brel (via Daily Lamp)"]),
        # "close to" is no affiliation: the outlet's unnamed sources stay their own origin, named as
        # the claim describes them
        ([PUNDIT, REPORT], ["two engineers close to the Harbor Club (unnamed, via Night Post)", "Water Authority of Brel"]),
    ],
)
def test_origins_affiliated_anonymous_sources_are_their_organisation(claims, expected):
    origins, _ = independent_origins(claims, [], ARTICLES)
    assert origins == expected


def test_origins_short_source_name_completed_from_the_claim():
    origins, _ = independent_origins([REPORT], [], ARTICLES)
    assert origins == ["Water Authority of Brel"]


def test_origins_unnamed_sources_keep_one_description_or_none():
    """Claims from one outlet's unnamed sources name them as described when they agree (a shorter
    form of the description agrees); two descriptions, or "the sources", give the generic label."""
    diplomat = _claim("pundit", [("a Western diplomat", "anonymous")])
    fuller = _claim("pundit", [("a Western diplomat familiar with the matter", "anonymous")])
    fuller.id = "c-fuller"
    officials = _claim("pundit", [("two officials", "anonymous")])
    officials.id = "c-officials"
    generic = _claim("pundit", [("the sources", "anonymous")])
    assert independent_origins([diplomat, fuller], [], ARTICLES)[0] == [
        "a Western diplomat familiar with the matter (unnamed, via Night Post)"]
    assert independent_origins([diplomat, officials], [], ARTICLES)[0] == ["unnamed sources (via Night Post)"]
    assert independent_origins([generic], [], ARTICLES)[0] == ["unnamed sources (via Night Post)"]
    unnamed = _claim("pundit", [("unnamed intelligence officials", "anonymous")])
    assert independent_origins([unnamed], [], ARTICLES)[0] == ["unnamed intelligence officials (via Night Post)"]

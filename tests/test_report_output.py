"""Reports: schema-1 JSON validated, Markdown and HTML readable, every article string escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from storytrace.errors import SchemaError
from storytrace.model import (
    Article,
    ChainLink,
    Claim,
    ClaimAttribution,
    ClaimQuantity,
    Conflict,
    ConflictValue,
    Dossier,
    Entity,
    EventDate,
    Fact,
    InputRecord,
    Passage,
    Quantity,
    RemovedText,
    Reuse,
    Sentence,
    SourceSummary,
    Story,
    StoryEvent,
    TimelineEntry,
    Update,
    dossier_from_dict,
    dossier_to_dict,
)
from storytrace.report import render_html, render_markdown, validate_dossier, write_dossier

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>'
TEXT = f"Officials said 14 miners were trapped on Monday. {HOSTILE} The rescue went on."


def hostile_dossier() -> Dossier:
    article = Article(
        id="a-1", path="<b>evil</b>.txt", format="text", text=TEXT, title=f"Title {HOSTILE}",
        published="2025-03-03", published_source="text", author='Ann "<i>" Lee', outlet="<svg onload=alert(3)>",
        language="en", url="javascript:alert(4)",
        removed=[RemovedText(f"Most read {HOSTILE}", "popular-block", 3)],
        sentences=[Sentence(0, 48), Sentence(49, 49 + len(HOSTILE)), Sentence(50 + len(HOSTILE), len(TEXT))],
        entities=[Entity(40, 46, "DATE", "Monday")],
        quantities=[Quantity(15, 25, 14, "miners", "14 miners")],
    )
    claim = Claim(
        id="a-1:1", article_id="a-1", sentence=1, text=HOSTILE, start=49, end=49 + len(HOSTILE),
        attribution=ClaimAttribution(source=f"<u>{HOSTILE}</u>", source_type="anonymous",
                                     chain=[ChainLink(HOSTILE, "anonymous"), ChainLink("Outlet", "media")],
                                     anonymous=True, hedged=True, hedges=[HOSTILE]),
        quantities=[ClaimQuantity(14, "miners", "14 miners")],
        event_date=EventDate("2025-03-03", "Monday", False, "day"),
        fact_id="s1-f1",
    )
    story = Story(
        id="s1", title=f"Story {HOSTILE}", article_ids=["a-1"], claims=[claim],
        facts=[Fact("s1-f1", HOSTILE, ["a-1:1"], ["a-1"], [HOSTILE], 1, "2025-03-03")],
        conflicts=[Conflict("c1", "quantity", HOSTILE, [ConflictValue(HOSTILE, ["a-1:1"], [HOSTILE])], HOSTILE)],
        updates=[Update("s1-f1", "a-1:1", "a-1:1", HOSTILE)],
        timeline=[TimelineEntry("2025-03-03", "day", HOSTILE, ["a-1:1"], "2025-03-03")],
        reuse=[Reuse("a-1", "a-1", "unattributed_copy", [Passage(49, 60, 49, 60)], 0.5, HOSTILE)],
        sources=[SourceSummary(HOSTILE, "anonymous", 1, ["a-1"])],
        events=[StoryEvent("s1-e1", HOSTILE, ["a-1:1"], ["a-1"], ["s1-f1"], "2025-03-03")],
    )
    claim.event_ids = ["s1-e1"]
    return Dossier(
        tool={"name": "storytrace", "version": "0.1.0"},
        inputs=[InputRecord("x.txt", "ok", None, ["a-1"]), InputRecord(f"{HOSTILE}.bin", "skipped", HOSTILE)],
        articles=[article], stories=[story], created="2025-03-04T00:00:00+00:00",
    )


def test_report_json_validates_and_round_trips():
    dossier = hostile_dossier()
    data = dossier_to_dict(dossier)
    validate_dossier(data)
    again = dossier_to_dict(dossier_from_dict(json.loads(json.dumps(data))))
    assert again == data


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d.pop("schema_version"),
        lambda d: d["articles"][0].pop("removed"),
        lambda d: d["stories"][0]["claims"][0]["attribution"].update(source_type="rumour"),
        lambda d: d["stories"][0]["facts"][0].update(independent_sources="one"),
        lambda d: d["inputs"][0].update(status="fine"),
        lambda d: d["stories"][0]["events"][0].pop("claim_ids"),
    ],
)
def test_report_schema_rejects_broken_dossiers(break_it):
    data = dossier_to_dict(hostile_dossier())
    break_it(data)
    with pytest.raises(SchemaError):
        validate_dossier(data)


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def test_report_html_escapes_every_article_string():
    html = render_html(hostile_dossier())
    tags = _elements(html)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "svg", "iframe", "u"}, names
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not str(attrs.get("href", "")).lower().startswith("javascript:"), (tag, attrs)
    assert "&lt;script&gt;" in html


def test_report_html_is_self_contained():
    tags = _elements(render_html(hostile_dossier()))
    assert not [t for t, a in tags if t in ("link", "script", "iframe") or "src" in a]
    assert not [a["href"] for t, a in tags if "href" in a and not a["href"].startswith("#")]


def test_report_html_shows_dossier_parts():
    html = render_html(hostile_dossier())
    for part in ("Facts, ranked by independent origins", "Events: what the reports mention", "Conflicts", "Updates", "Timeline", "Provenance",
                 "Sources", "Removed as boilerplate", "popular-block", 'class="quantity"', "anonymous", "hedged"):
        assert part in html, part


@pytest.mark.parametrize("basis, wording", [("unknown", "direction unknown"), ("date", "by publication dates")])
def test_report_says_how_reuse_direction_was_decided(basis, wording):
    dossier = hostile_dossier()
    dossier.stories[0].reuse[0].direction_basis = basis
    assert wording in render_html(dossier)
    assert wording in render_markdown(dossier)


def test_report_markdown_neutralises_markup():
    md = render_markdown(hostile_dossier())
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert "### Events" in md
    assert "Inputs not analysed" in md


def test_report_write_dossier_writes_three_files(tmp_path):
    written = write_dossier(hostile_dossier(), tmp_path / "out")
    assert sorted(p.name for p in written.values()) == ["dossier.html", "dossier.json", "dossier.md"]
    validate_dossier(json.loads(written["json"].read_text(encoding="utf-8")))


def test_report_marks_facts_whose_origins_disagree():
    dossier = hostile_dossier()
    story = dossier.stories[0]
    story.facts.append(Fact("s1-f2", "Rescue went on.", ["a-1:2"], ["a-1"], ["Outlet"], 1, None))
    story.conflicts = [Conflict("s1/conflict-1", "quantity", "number of miners",
                                [ConflictValue(14, ["a-1:1"], ["Officials"]),
                                 ConflictValue(16000.0, ["a-9:3"], [HOSTILE])])]
    md = render_markdown(dossier)
    html = render_html(dossier)
    line = "disputed, number of miners: 14 (Officials) vs 16,000 ("
    assert md.count("disputed, number of miners") == 1  # only the fact holding a conflicting claim
    assert line in md and line in html
    assert 'href="#s1/conflict-1"' in html and 'id="s1/conflict-1"' in html
    assert "<script>" not in html.split("disputed", 1)[1].split("</div>", 1)[0]
    assert "  - 16,000:" in md  # the conflict's values are written as a reader writes them


def test_report_conflict_values_are_readable():
    from storytrace.report.views import conflict_value_text
    assert [conflict_value_text(v) for v in (10000, 11000.0, 2.5, "missing", [1, 2])] == \
        ["10,000", "11,000", "2.5", "missing", "1 to 2"]


def test_report_at_a_glance_leads_with_single_origins_disagreements_and_copies():
    from storytrace.report.views import story_highlights

    dossier = hostile_dossier()
    story = dossier.stories[0]
    story.facts = [
        Fact("s1-f4", "“The mine reopened.”", ["a-1:4", "a-2:4", "a-3:4"], ["a-1", "a-2", "a-3"], ["Capital Post"], 1, None),
        Fact("s1-f1", "Fourteen miners are trapped.", ["a-1:1", "a-2:1", "a-3:1"], ["a-1", "a-2", "a-3"],
             ["unnamed sources (via Capital Post)"], 1, None),
        Fact("s1-f2", "The mine closed in 2020.", ["a-1:2"], ["a-1"], ["Capital Post"], 1, None),
        Fact("s1-f3", "The rescue began at dawn.", ["a-1:3", "a-2:3"], ["a-1", "a-2"], ["Union", "Ministry"], 2, None),
    ]
    story.conflicts = [Conflict("s1/conflict-1", "quantity", "number of miners",
                                [ConflictValue(14, ["a-1:1"], ["Ministry"]), ConflictValue(20, ["a-2:9"], ["Union"])])]
    lines = story_highlights(story, {a.id: a for a in dossier.articles})
    assert lines[0] == "Repeated by 3 articles, one origin (unnamed sources (via Capital Post)): “Fourteen miners are trapped.”"
    assert lines[1] == "Repeated by 3 articles, one origin (Capital Post): “The mine reopened.”"  # unnamed first
    assert lines[2] == "2 independent origins (Union; Ministry): “The rescue began at dawn.”"
    assert lines[3] == "Disputed, number of miners: 14 (Ministry) vs 20 (Union)"
    assert lines[4].startswith("The story moved on, ")
    named = "<svg onload=alert(3)>, 2025-03-03"  # the article's outlet and date
    assert lines[5].startswith(f"{named} took text from {named} (unattributed copy, 1 passage(s))")
    assert not any("The mine closed" in line for line in lines)  # one article, one origin: nothing to say
    md, html = render_markdown(dossier), render_html(dossier)
    assert "### At a glance" in md and md.index("### At a glance") < md.index("### Facts")
    assert "<h3>At a glance</h3>" in html and "<script>" not in html.split("At a glance", 1)[1].split("</ul>", 1)[0]


def test_report_markdown_shows_hedges_of_claims_in_the_articles_own_voice():
    """ "No evidence has emerged": a claim with no source is still marked hedged, as in HTML."""
    dossier = hostile_dossier()
    claim = dossier.stories[0].claims[0]
    claim.attribution = ClaimAttribution(hedged=True, hedges=["no evidence has emerged"])
    md, html = render_markdown(dossier), render_html(dossier)
    assert "source: article's own voice [hedged: no evidence has emerged]" in md
    assert "hedged: no evidence has emerged" in html

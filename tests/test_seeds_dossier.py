"""The three real seed articles (../shared/seeds, skipped when absent): what the issues say the dossier must reveal.

No rule in the package names anything of these articles; these tests only read their outputs.
"""

from __future__ import annotations

import json

import pytest

from conftest import needs_shared, seed_article
from storytrace.report import dossier_json, validate_dossier

pytestmark = needs_shared


def _claims(dossier, prefix: str, needle: str):
    article = seed_article(dossier, prefix)
    found = [c for s in dossier.stories for c in s.claims if c.article_id == article.id and needle.lower() in c.text.lower()]
    assert found, f"no claim with {needle!r} in {prefix}"
    return found


# --------------------------------------------------------------------------- foundation: metadata and cleaning


@pytest.mark.parametrize(
    "prefix,title_start,published,author",
    [
        ("000", "18 North Korean soldiers already deserted positions", "2024-10-15T20:20", None),
        ("001", None, None, "Frieda Powers"),
        ("003", "Russia detains 18 North Korean soldiers who left positions", "2024-10-21", "Martin Fornusek"),
    ],
)
def test_seeds_metadata(seeds_dossier, prefix, title_start, published, author):
    article = seed_article(seeds_dossier, prefix)
    if title_start is None:
        assert article.title is None
    else:
        assert article.title.startswith(title_start)
    if published is None:
        assert article.published is None and article.published_source is None
    else:
        assert article.published.startswith(published) and article.published_source == "text"
    assert article.author == author


@pytest.mark.parametrize(
    "prefix,chrome",
    [
        ("000", ["Edit post", "2 min read", "audio is created", "Most popular", "Editors' Picks", "Taurus missiles", "playbook", "may have reached a new stage"]),
        ("001", ["We support our Publishers", "Latest posts by", "no tolerance for comments"]),
        ("003", ["Edit post", "Uncover what's happening", "Photo for illustrative purposes", "audio is created", "Author:", "Comments"]),
    ],
)
def test_seeds_chrome_removed_and_kept_for_audit(seeds_dossier, prefix, chrome):
    article = seed_article(seeds_dossier, prefix)
    removed = " ".join(r.text for r in article.removed)
    for needle in chrome:
        assert needle not in article.text, needle
        assert needle in removed, needle
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize(
    "prefix,body",
    [
        ("000", ["An estimated 18 North Korean soldiers have deserted", "Western diplomat told", "7 kilometers (4 miles)", "ratification on Oct. 14."]),
        ("001", ["have reportedly deserted the frontline", "According to Newsweek:", "Kremlin Snuffbox reported", "North Korea has sent 10,000 soldiers to Russia."]),
        ("003", ["Russian authorities detained 18 North Korean soldiers", "Two days later", "purportedly showed", "ballistic missiles."]),
    ],
)
def test_seeds_body_sentences_kept(seeds_dossier, prefix, body):
    article = seed_article(seeds_dossier, prefix)
    for needle in body:
        assert needle in article.text, needle


def test_seeds_dossier_validates(seeds_dossier):
    validate_dossier(json.loads(dossier_json(seeds_dossier)))
    assert [r.status for r in seeds_dossier.inputs] == ["ok", "ok", "ok"]


def test_seeds_quantities(seeds_dossier):
    article = seed_article(seeds_dossier, "000")
    found = {(q.value, q.unit, q.approximate) for q in article.quantities}
    assert {(18, "soldiers", True), (10000, "soldiers", False), (7, "kilometers", True)} <= found
    article = seed_article(seeds_dossier, "003")
    found = {(q.value, q.unit, q.approximate) for q in article.quantities}
    assert {(11000, "soldiers", True), (60, "kilometers", True), (40, "soldiers", True)} <= found


# --------------------------------------------------------------------------- across articles and over time


def test_seeds_one_story_with_copy_credited_to_the_earlier_article(seeds_dossier):
    assert len(seeds_dossier.stories) == 1
    first, second = seed_article(seeds_dossier, "000"), seed_article(seeds_dossier, "001")
    kinds = [(r.source_article, r.target_article, r.kind) for r in seeds_dossier.stories[0].reuse]
    assert (first.id, second.id, "attributed_quote") in kinds


def test_seeds_undated_article_gets_an_inferred_reference(seeds_dossier):
    article = seed_article(seeds_dossier, "001")
    assert article.published is None
    assert article.reference_inferred and article.reference_date == "2024-10-15"


def test_seeds_desertion_report_chain_is_anonymous_via_the_outlet(seeds_dossier):
    [claim, *_] = _claims(seeds_dossier, "000", "An estimated 18 North Korean soldiers")
    chain = claim.attribution.chain
    assert [link.source_type for link in chain] == ["anonymous", "media"]
    assert "intelligence officials" in chain[0].source
    assert claim.attribution.anonymous and "an estimated" in claim.attribution.hedges


def test_seeds_the_outlets_sources_are_the_officials_it_cited(seeds_dossier):
    # "X's sources" and "the sources", after "X reported, citing unnamed intelligence officials".
    for needle in ("According to Suspilne's sources", "Russian commanders are attempting"):
        [claim] = _claims(seeds_dossier, "000", needle)
        assert [link.source for link in claim.attribution.chain] == ["unnamed intelligence officials", "Suspilne"]


def test_seeds_republished_quote_keeps_the_whole_chain(seeds_dossier):
    # The republisher quotes the earlier outlet, whose "the sources" are the officials the
    # republisher said the first report cited.
    [claim] = _claims(seeds_dossier, "001", "Russian commanders are attempting")
    assert [link.source for link in claim.attribution.chain] == [
        "unnamed intelligence officials", "Suspilne", "Kyiv Independent"]
    [according] = _claims(seeds_dossier, "001", "But according to Suspilne")
    assert [link.source for link in according.attribution.chain] == ["unnamed intelligence officials", "Suspilne"]


def test_seeds_conflicting_figures_but_not_distances(seeds_dossier):
    story = seeds_dossier.stories[0]
    values = [{v.value for v in c.values} for c in story.conflicts]
    assert {10000, 11000} in values
    assert not [v for v in values if {7, 60} <= v]


def test_seeds_missing_to_detained_is_an_update(seeds_dossier):
    assert any("missing" in u.summary and "detained" in u.summary for u in seeds_dossier.stories[0].updates)


@pytest.mark.parametrize(
    "prefix,needle,date",
    [
        ("003", "abandoning their post", "2024-10-14"),
        ("003", "Two days later", "2024-10-16"),
        ("003", "emerged online", "2024-10-18"),
        ("003", "around 11,000 soldiers", "2024-11"),
        ("001", "six North Korean officers were killed", "2024-10-03"),
        ("001", "Putin visited North Korea in June", "2024-06"),
    ],
)
def test_seeds_event_dates(seeds_dossier, prefix, needle, date):
    [claim, *_] = _claims(seeds_dossier, prefix, needle)
    assert claim.event_date is not None and claim.event_date.value.startswith(date)


@pytest.mark.parametrize(
    "prefix,needle,report_date",
    [
        ("003", "Russian authorities detained 18", "2024-10-21"),  # "... told the Kyiv Independent on Oct. 21"
        ("000", "An estimated 18 North Korean soldiers", "2024-10-15"),  # "..., Suspilne reported on Oct. 15"
    ],
)
def test_seeds_the_day_it_was_told_is_not_the_event_date(seeds_dossier, prefix, needle, report_date):
    [claim, *_] = _claims(seeds_dossier, prefix, needle)
    assert claim.event_date is None or not claim.event_date.value.startswith(report_date)

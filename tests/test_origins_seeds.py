"""Origins on the real seed articles (../shared/seeds, skipped when absent): one report repeated by three outlets is one origin."""

from __future__ import annotations

from conftest import needs_shared, seed_article

pytestmark = needs_shared


def _fact_of(dossier, prefix: str, needle: str):
    article = seed_article(dossier, prefix)
    story = dossier.stories[0]
    [claim] = [c for c in story.claims if c.article_id == article.id and needle.lower() in c.text.lower()]
    [fact] = [f for f in story.facts if f.id == claim.fact_id]
    return story, fact


def test_origins_seeds_desertion_figure_is_one_fact_with_one_origin(seeds_dossier):
    story, fact = _fact_of(seeds_dossier, "000", "An estimated 18 North Korean soldiers")
    figures = [c.id for c in story.claims if c.fact_id == fact.id and ("18" in c.text or "eighteen" in c.text.lower())]
    assert len(figures) == 3  # the figure as each of the three articles reports it
    assert len(fact.article_ids) == 3
    texts = [c.text.lower() for c in story.claims if c.fact_id == fact.id]
    # the desertion and sentences about its report, nothing about the later detention or the video
    assert all("desert" in t or "report" in t for t in texts), texts
    assert not [t for t in texts if "detain" in t or "video" in t], texts
    assert fact.independent_sources == 1, fact.origins
    assert "unnamed" in fact.origins[0]


def test_origins_seeds_copied_sentences_keep_the_claims_of_their_original_apart(seeds_dossier):
    """The republished article copies two of the first article's sentences word for word (the
    search, the concealment); each is a fact carried by both articles, and the distance the first
    article gives in another sentence is not said to be carried by the copy."""
    _, distance = _fact_of(seeds_dossier, "000", "7 kilometers")
    _, searching = _fact_of(seeds_dossier, "000", "is searching for the soldiers")
    _, concealing = _fact_of(seeds_dossier, "000", "attempting to conceal")
    assert len({distance.id, searching.id, concealing.id}) == 3
    assert len(distance.article_ids) == 1
    assert len(searching.article_ids) == 2 and len(concealing.article_ids) == 2
    assert searching.independent_sources == 1 and concealing.independent_sources == 1


def test_origins_seeds_the_republication_rewording_the_original_adds_no_origin(seeds_dossier):
    """The republishing article took much of the first one; where it says in its own words what the
    first one attributes (an engineering unit would join Russian forces), the origin is the first's."""
    _, fact = _fact_of(seeds_dossier, "000", "engineering unit would join")
    assert len(fact.article_ids) == 2
    assert fact.independent_sources == 1 and not any("unknown outlet" in o for o in fact.origins), fact.origins

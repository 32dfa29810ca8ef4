"""Origins seen through copies: a copied claim has the origin of the claim it copied."""

from __future__ import annotations

from storytrace.model import Article, ChainLink, Claim, ClaimAttribution, Passage, Reuse
from storytrace.origins import OriginFinder, independent_origins

QUOTED = "Mayor Ilse Brandt said on Monday that the bridge would close. Crews arrived at dawn, the sources said."
ORIGINAL = QUOTED + " Traffic was diverted."
COPY = 'Residents are angry. "' + QUOTED + '" the Lakeside Ledger reported.'


def _article(article_id: str, text: str, outlet: str | None) -> Article:
    return Article(id=article_id, path=f"/in/{article_id}.txt", format="text", text=text, outlet=outlet)


def _claim(claim_id: str, article: Article, sentence_text: str, chain: list[tuple[str, str]]) -> Claim:
    start = article.text.index(sentence_text)
    links = [ChainLink(source, source_type) for source, source_type in chain]
    attribution = ClaimAttribution(
        source=links[-1].source if links else None, source_type=links[-1].source_type if links else "unknown",
        chain=links, anonymous=any(link.source_type == "anonymous" for link in links),
    )
    return Claim(id=claim_id, article_id=article.id, sentence=0, text=sentence_text, attribution=attribution,
                 fact_id="f1", start=start, end=start + len(sentence_text))


def _story(original_outlet: str | None):
    original = _article("original", ORIGINAL, original_outlet)
    copy = _article("copy", COPY, "Hill Post")
    offset = COPY.index(QUOTED)
    reuse = [Reuse("original", "copy", "attributed_quote", [Passage(0, len(QUOTED), offset, offset + len(QUOTED))], 0.7)]
    mayor, crews = "Mayor Ilse Brandt said on Monday that the bridge would close.", "Crews arrived at dawn, the sources said."
    claims = {
        "mayor": _claim("mayor", original, mayor, [("Ilse Brandt", "person")]),
        "crews": _claim("crews", original, crews, [("the sources", "anonymous")]),
        "traffic": _claim("traffic", original, "Traffic was diverted.", []),
        "copied_mayor": _claim("copied_mayor", copy, mayor, [("Lakeside Ledger", "media")]),
        "copied_crews": _claim("copied_crews", copy, crews, [("the sources", "anonymous"), ("Lakeside Ledger", "media")]),
    }
    return {a.id: a for a in (original, copy)}, reuse, claims


def test_a_credited_quote_of_a_statement_is_the_speakers():
    articles, reuse, claims = _story("Lakeside Ledger")
    finder = OriginFinder(reuse, articles, list(claims.values()))
    assert finder.origin(claims["copied_mayor"]).label == "Ilse Brandt"
    origins, _ = independent_origins([claims["mayor"], claims["copied_mayor"]], reuse, articles, finder)
    assert origins == ["Ilse Brandt"]


def test_sources_in_a_copy_are_the_sources_of_the_original():
    articles, reuse, claims = _story("Lakeside Ledger")
    finder = OriginFinder(reuse, articles, list(claims.values()))
    origins, _ = independent_origins([claims["crews"], claims["copied_crews"]], reuse, articles, finder)
    assert origins == ["unnamed sources (via Lakeside Ledger)"]


def test_an_unknown_outlet_takes_the_outlet_a_copy_credits():
    articles, reuse, claims = _story(None)
    finder = OriginFinder(reuse, articles, list(claims.values()))
    assert finder.origin(claims["traffic"]).label == "Lakeside Ledger"  # not copied, but the article's own voice
    assert articles["original"].outlet is None  # the article's metadata is not guessed
    without_copies = OriginFinder([], articles, list(claims.values()))
    assert without_copies.origin(claims["traffic"]).label == "unknown outlet (original.txt)"  # the file the user gave


def test_an_article_built_on_another_rewords_it_without_adding_an_origin():
    """The copy took a large share of the original (similarity 0.7) and says in its own words what
    the original says: a re-report, not a second origin. With one short quoted passage (similarity
    0.05) the copy's own words count as its own."""
    articles, reuse, claims = _story("Lakeside Ledger")
    reworded = _claim("reworded", articles["copy"], "Residents are angry.", [])
    angry = _claim("angry", articles["original"], "Traffic was diverted.", [])  # the same fact, in the original
    origins, _ = independent_origins([angry, reworded], reuse, articles)
    assert origins == ["Lakeside Ledger"]
    small = [Reuse("original", "copy", "attributed_quote", reuse[0].passages, 0.05)]
    origins, _ = independent_origins([angry, reworded], small, articles)
    assert sorted(origins) == ["Hill Post", "Lakeside Ledger"]

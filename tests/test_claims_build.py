"""Claims: which attribution a sentence gets, anonymity through the chain, hedges, and the sources table."""

from __future__ import annotations

from storytrace.claims import attribution_for, build_claims
from storytrace.source_table import summarize_sources
from storytrace.model import Article, Attribution, ChainLink, Sentence

TEXT = ("The bridge failed an inspection in May, two officials told the Valley Echo. "
        "It reportedly needs new cables. Ok then. "
        "Repairs will start soon, the mayor said.")


def _article() -> Article:
    first, second, third, fourth = TEXT.index("The"), TEXT.index("It "), TEXT.index("Ok"), TEXT.index("Repairs")
    article = Article(id="a", path="p", format="text", text=TEXT)
    article.sentences = [Sentence(first, second - 1), Sentence(second, third - 1), Sentence(third, fourth - 1), Sentence(fourth, len(TEXT))]
    officials = TEXT.index("two officials")
    article.attributions = [
        # content is short against its sentence, but the speaker stands in the sentence
        Attribution(content_spans=[(0, 38)], source_span=(officials, officials + 13), source="the Valley Echo",
                    source_type="media", chain=[ChainLink("two officials", "anonymous"), ChainLink("the Valley Echo", "media")]),
        Attribution(content_spans=[(fourth, fourth + 23)], source_span=(TEXT.index("the mayor"), TEXT.index("the mayor") + 9),
                    source="the mayor", source_type="person", chain=[ChainLink("the mayor", "person")]),
    ]
    return article


def test_claims_sentence_with_its_speaker_gets_that_attribution():
    article = _article()
    first = article.sentences[0]
    assert attribution_for(article, first.start, first.end) is article.attributions[0]
    second = article.sentences[1]
    assert attribution_for(article, second.start, second.end) is None


def test_claims_build_anonymous_origin_hedges_and_short_sentences():
    claims = build_claims(_article())
    assert [c.sentence for c in claims] == [0, 1, 3], "a two-word sentence is no claim"
    assert claims[0].attribution.anonymous, "the original source is anonymous, though an outlet relays it"
    assert [l.source for l in claims[0].attribution.chain] == ["two officials", "the Valley Echo"]
    assert claims[1].attribution.source is None and claims[1].attribution.hedges == ["reportedly"]
    assert not claims[2].attribution.anonymous and claims[2].attribution.source_type == "person"


def test_claims_sources_table_counts_each_link():
    table = {s.name: (s.type, s.claim_count) for s in summarize_sources(build_claims(_article()))}
    assert table == {"two officials": ("anonymous", 1), "the Valley Echo": ("media", 1), "the mayor": ("person", 1)}

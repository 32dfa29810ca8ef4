"""Claims: which attribution a sentence gets, anonymity through the chain, hedges, and the sources table."""

from __future__ import annotations

from storytrace.claims import attribution_for, build_claims
from storytrace.source_table import summarize_sources
from storytrace.model import Article, Attribution, ChainLink, Sentence, TimeExpression

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


def _dated(text: str, content: str, source: str, cue: str, dates: dict[str, str]) -> Article:
    """One attributed sentence with its time expressions (``dates``: expression -> value)."""
    from storytrace.model import TimeExpression

    article = Article(id="d", path="p", format="text", text=text)
    article.sentences = [Sentence(0, len(text))]

    def span(part: str) -> tuple[int, int]:
        return text.index(part), text.index(part) + len(part)

    article.attributions = [Attribution(content_spans=[span(content)], source_span=span(source), cue_span=span(cue),
                                        source=source, source_type="media")]
    article.time_expressions = [TimeExpression(*span(e), e, "DATE", v, "day") for e, v in dates.items()]
    return article


def test_claims_the_date_of_the_saying_is_not_the_date_of_the_event():
    cases = [
        # "X reported on <date>" after the content: when it was reported
        ("Nine ferries were cancelled, Radio Vesna reported on Oct. 15, citing the port.",
         "Nine ferries were cancelled", "Radio Vesna", "reported", {"Oct. 15": "2024-10-15"}, None),
        # "X told Y on <date> that C": when it was told
        ("Radio Vesna told the Lantern on Oct. 21 that the port closed.",
         "the port closed", "Radio Vesna", "told", {"Oct. 21": "2024-10-21"}, None),
        # a date inside the content dates the event, whatever the saying's date
        ("Radio Vesna said on Oct. 21 that the port closed on Oct. 16.",
         "the port closed on Oct. 16", "Radio Vesna", "said", {"Oct. 21": "2024-10-21", "Oct. 16": "2024-10-16"}, "2024-10-16"),
        # a date in the source is the source's own event ("a video that emerged on ...")
        ("A video that emerged on Oct. 18 showed the port empty.",
         "the port empty", "A video that emerged on Oct. 18", "showed", {"Oct. 18": "2024-10-18"}, "2024-10-18"),
    ]
    for text, content, source, cue, dates, expected in cases:
        [claim] = build_claims(_dated(text, content, source, cue, dates))
        assert (claim.event_date.value if claim.event_date else None) == expected, text


def test_claims_a_saying_reported_inside_a_quotation_wins_over_the_quotation():
    """'“... The minister said on May 3 that C.” Radio Vesna reported.' in one sentence: the claim is the
    minister's, relayed by the outlet, and the minister's saying date does not date C."""
    text = "“The minister said on May 3 that the ferry would sail again in June.” Radio Vesna reported."
    content_start, said = text.index("that the ferry"), text.index("said")
    outlet = text.index("Radio Vesna")
    article = Article(id="q", path="p", format="text", text=text)
    article.sentences = [Sentence(0, len(text))]
    quoted = Attribution(content_spans=[(0, outlet - 1)], source_span=(outlet, outlet + 11), cue_span=(outlet + 12, outlet + 20), kind="direct",
                         source="Radio Vesna", source_type="media", chain=[ChainLink("Radio Vesna", "media")])
    nested = Attribution(content_spans=[(content_start, text.index(".”"))], source_span=(1, said - 1), cue_span=(said, said + 4),
                         source="The minister", source_type="person",
                         chain=[ChainLink("The minister", "person"), ChainLink("Radio Vesna", "media")])
    article.attributions = [quoted, nested]
    assert attribution_for(article, 0, len(text)) is nested
    start = text.index("May 3")
    article.time_expressions = [TimeExpression(start, start + 5, "May 3", "DATE", "2024-05-03", "day")]
    [claim] = build_claims(article)
    assert claim.attribution.source == "The minister" and claim.event_date is None


def test_claims_a_sourceless_attribution_inside_a_quoting_one_does_not_take_the_sentence():
    """'The mayor said the plans for supporting the ferry would include “a new pier”': the sentence
    is the mayor's; a sourceless cue inside the content tells nobody's words."""
    text = "The mayor said the plans for supporting the ferry would include “a new pier”."
    said, supporting = text.index("said"), text.index("supporting")
    article = Article(id="s", path="p", format="text", text=text)
    article.sentences = [Sentence(0, len(text))]
    mayor = Attribution(content_spans=[(said + 5, len(text) - 1)], source_span=(0, 9), cue_span=(said, said + 4),
                        kind="mixed", source="The mayor", source_type="person", chain=[ChainLink("The mayor", "person")])
    inner = Attribution(content_spans=[(text.index("the ferry"), text.index("ferry") + 5)], source_span=None,
                        cue_span=(supporting, supporting + 10), source=None)
    article.attributions = [mayor, inner]
    assert attribution_for(article, 0, len(text)) is mayor


def test_claims_a_verb_inside_a_paraphrase_does_not_take_the_sentence():
    """'A had ordered B, according to the police': a (wrong) cue inside a paraphrase is not a nested saying."""
    text = "Aldo had allegedly ordered the crew into the gallery, according to the police."
    ordered, police = text.index("ordered"), text.index("the police")
    article = Article(id="p", path="p", format="text", text=text)
    article.sentences = [Sentence(0, len(text))]
    paraphrase = Attribution(content_spans=[(0, text.index(", according"))], source_span=(police, police + 10),
                             cue_span=(text.index("according"), text.index("according") + 12), kind="according_to",
                             source="the police", source_type="government")
    verb = Attribution(content_spans=[(text.index("the crew"), text.index("crew") + 4)], source_span=(0, 4),
                       cue_span=(ordered, ordered + 7), source="Aldo", source_type="person")
    article.attributions = [paraphrase, verb]
    assert attribution_for(article, 0, len(text)) is paraphrase


def _one_sentence(text: str, source: str, cue: str, content: str, lemmas: tuple[str, ...]) -> Article:
    article = Article(id="w", path="p", format="text", text=text)
    article.sentences = [Sentence(0, len(text))]
    at = text.index(cue)
    article.attributions = [Attribution(
        content_spans=[(text.index(content), text.index(content) + len(content))],
        source_span=(text.index(source), text.index(source) + len(source)), cue_span=(at, at + len(cue)),
        source=source, source_type="unknown", cue=cue, cue_lemmas=lemmas)]
    return article


def test_claims_an_action_taken_for_a_cue_names_no_speaker():
    """'The ferry was still in the lane when the truck hit it': the extractor's cue model, learned on
    political news ("X hit Y on trade"), may take "hit" for a cue; the truck does not speak."""
    article = _one_sentence("The ferry was still in the lane when the truck hit it.", "the truck", "hit", "it",
                            ("hit",))
    assert attribution_for(article, 0, len(article.text)) is None
    [claim] = build_claims(article)
    assert claim.attribution.source is None and claim.attribution.cue is None


def test_claims_a_cue_of_saying_or_thinking_names_the_speaker():
    for lemmas, cue in ((("tell",), "told"), (("be", "sure"), "was sure"), (("show",), "show")):
        text = f"The crew {cue} the ferry left the lane."
        article = _one_sentence(text, "The crew", cue, "the ferry left the lane", lemmas)
        assert attribution_for(article, 0, len(text)) is article.attributions[0], cue

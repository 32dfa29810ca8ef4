"""Claims: each body sentence of an article with who states it, how firmly, its numbers and its date.

(The per-story sources table is ``source_table``.)
"""

from __future__ import annotations

from .hedges import find_hedges
from .model import (
    Article,
    Attribution,
    ChainLink,
    Claim,
    ClaimAttribution,
    ClaimQuantity,
    EventDate,
)
from .temporal import event_date_for_span

MIN_CLAIM_WORDS = 4  # shorter sentences ("Comments.", "Meanwhile:") state nothing checkable


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def attribution_for(article: Article, start: int, end: int) -> Attribution | None:
    """The attribution whose content covers most of the text between ``start`` and ``end``."""
    best, best_score = None, 0
    for attribution in article.attributions:
        covered = sum(_overlap(span, (start, end)) for span in attribution.content_spans)
        if not covered:
            continue
        # the sentence names the speaker and carries part of what is said: it is that attribution's sentence
        said_here = any(
            span is not None and start <= span[0] < end for span in (attribution.source_span, attribution.cue_span)
        )
        # otherwise a sentence counts as attributed when at least a third of it is the attributed content
        if said_here or covered * 3 >= (end - start):
            score = covered + (end - start if said_here else 0)
            if score > best_score:
                best, best_score = attribution, score
    return best


def claim_attribution(attribution: Attribution | None, sentence_text: str) -> ClaimAttribution:
    hedges = find_hedges(sentence_text)
    if attribution is None:
        return ClaimAttribution(hedged=bool(hedges), hedges=hedges)
    return ClaimAttribution(
        source=attribution.source,
        source_type=attribution.source_type,
        cue=attribution.cue,
        chain=[ChainLink(link.source, link.source_type) for link in attribution.chain],
        # a claim is anonymous when its original source is, whoever relays it
        anonymous=attribution.anonymous or bool(attribution.chain and attribution.chain[0].source_type == "anonymous"),
        hedged=bool(hedges),
        hedges=hedges,
    )


def build_claims(article: Article) -> list[Claim]:
    """The claims of one analysed article, in text order.

    Requires sentences, quantities, attributions (resolved) and time expressions on ``article``.
    """
    claims = []
    for index, sentence in enumerate(article.sentences):
        text = article.text[sentence.start : sentence.end]
        if len(text.split()) < MIN_CLAIM_WORDS:
            continue
        quantities = [
            ClaimQuantity(q.value, q.unit, q.text, q.approximate)
            for q in article.quantities
            if sentence.start <= q.start < sentence.end
        ]
        governing = event_date_for_span(article.time_expressions, sentence.start, sentence.end)
        event_date = None
        if governing is not None and governing.value:
            event_date = EventDate(governing.value, governing.text, governing.inferred, governing.precision)
        claims.append(
            Claim(
                id=f"{article.id}:{index}",
                article_id=article.id,
                sentence=index,
                text=text,
                attribution=claim_attribution(attribution_for(article, sentence.start, sentence.end), text),
                quantities=quantities,
                event_date=event_date,
                start=sentence.start,
                end=sentence.end,
            )
        )
    return claims

"""Claims: each body sentence of an article with who states it, how firmly, its numbers and its date.

(The per-story sources table is ``source_table``.)
"""

from __future__ import annotations

from .attribution.lexicon import speech_lemmas
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


QUOTING_KINDS = ("direct", "mixed")  # attributions whose content is (partly) a quotation


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def reports_words(attribution: Attribution) -> bool:
    """Whether an attribution tells someone's words or mind, so its source speaks the claim: a
    quotation, "according to", no cue at all, or a cue holding a word of saying, writing or
    thinking (``attribution_speech_lemmas.txt``). Not an action the extractor took for a cue
    ("the car | hit | her", "pirates | attacked | a tanker"): the article itself states those."""
    if attribution.kind != "indirect" or attribution.cue_span is None or not attribution.cue_lemmas:
        return True
    return any(lemma in speech_lemmas() for lemma in attribution.cue_lemmas)


def attribution_for(article: Article, start: int, end: int) -> Attribution | None:
    """The attribution whose content covers most of the text between ``start`` and ``end``; of two
    said in the sentence, one reported inside the other's quotation ("“... X said on May 3 that C,” the
    paper reported": X, relayed by the paper) is the more precise and wins, unless it names no source
    ("X said that the plans for supporting Y would include “Z”": "supporting" tells nobody's words).
    (Inside a paraphrase, "A had ordered B, according to the police", a verb is what was reported, not
    a second saying.)"""
    best, best_score = None, 0
    said_in_sentence = []
    for attribution in article.attributions:
        covered = sum(_overlap(span, (start, end)) for span in attribution.content_spans)
        if not covered or not reports_words(attribution):
            continue
        # the sentence names the speaker and carries part of what is said: it is that attribution's sentence
        said_here = any(
            span is not None and start <= span[0] < end for span in (attribution.source_span, attribution.cue_span)
        )
        # otherwise a sentence counts as attributed when at least a third of it is the attributed content
        if said_here or covered * 3 >= (end - start):
            score = covered + (end - start if said_here else 0)
            if said_here:
                said_in_sentence.append((score, attribution))
            if score > best_score:
                best, best_score = attribution, score
    if best is not None and best.kind in QUOTING_KINDS:
        inside = [(score, a) for score, a in said_in_sentence if a is not best and a.cue_span is not None
                  and a.source is not None and any(a0 <= a.cue_span[0] < b0 for a0, b0 in best.content_spans)]
        if inside:
            best = max(inside, key=lambda item: item[0])[1]
    return best


def _dating_the_report(attribution: Attribution | None, start: int, end: int) -> list[tuple[int, int]]:
    """Where, in the sentence ``[start, end)``, a date tells when the content was said, not when
    what it says happened: from the cue to the content that follows it ("X told the outlet on Oct. 21
    that ...", "X said on Oct. 13 that ..."), or after a content that precedes the cue ("C, Radio Vesna
    reported on Oct. 15, citing ..."), outside the source. A date in the source ("a video that emerged
    online on Oct. 18") or in the content dates the event; so does one before the cue ("On Monday, X
    said ...") or after a content that follows it ("said that C on Monday"): either may date C."""
    if attribution is None or attribution.cue_span is None or not attribution.content_spans:
        return []
    content_start = min(a for a, _ in attribution.content_spans)
    content_end = max(b for _, b in attribution.content_spans)
    cue_start = attribution.cue_span[0]
    if content_start >= cue_start:  # X said on Monday that C
        frame = (max(cue_start, start), min(content_start, end))
    else:  # C, X said on Monday
        frame = (max(content_end, start), end)
    if attribution.source_span is None:
        return [frame] if frame[0] < frame[1] else []
    source_start, source_end = attribution.source_span
    parts = [(frame[0], min(frame[1], source_start)), (max(frame[0], source_end), frame[1])]
    return [(a, b) for a, b in parts if a < b]


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
        attribution = attribution_for(article, sentence.start, sentence.end)
        report_dates = _dating_the_report(attribution, sentence.start, sentence.end)
        governing = event_date_for_span(
            [e for e in article.time_expressions if not any(a <= e.start < b for a, b in report_dates)],
            sentence.start, sentence.end)
        event_date = None
        if governing is not None and governing.value:
            event_date = EventDate(governing.value, governing.text, governing.inferred, governing.precision)
        claims.append(
            Claim(
                id=f"{article.id}:{index}",
                article_id=article.id,
                sentence=index,
                text=text,
                attribution=claim_attribution(attribution, text),
                quantities=quantities,
                event_date=event_date,
                start=sentence.start,
                end=sentence.end,
            )
        )
    return claims

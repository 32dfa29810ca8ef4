"""Attribution relations of an article: who says each piece of content, through which cue and chain.

``find_attributions(doc)`` takes the spaCy Doc of the cleaned article text and returns
``storytrace.model.Attribution`` objects with character spans for content (possibly
discontinuous), source and cue, the kind of report (direct, indirect, according_to, mixed) and the
chain of sources from the original one to the nearest reporter. The cascade:

1. quotation structure of the text (``quotes``),
2. verb cues from the parse (``speech``) that the learned cue model accepts (``cue_model``),
   noun cues with a that-clause (``nouns``), adjective and noun cues with a complement that
   a second learned model accepts (``stance``: "is critical of X", "<X>'s call for Y"),
   "according to" phrases (``according``), headline-style "Name: ..." lines (``colon``) and
   quotations or embedded posts signed after a dash (``signed``),
3. content announced by a colon: the rest of the paragraph or the following paragraph(s),
4. a quotation continued after an interrupting cue (``"A," she said, "B."``),
5. chains: "citing Y", "X's sources", "told <organisation>" (``chains``),
6. nested attributions (cued inside a quotation) relayed by the quoted speaker.

Source typing, anonymity and name resolution are left to ``storytrace.sources``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storytrace.attribution.according import according_attribution
from storytrace.attribution.chains import add_chains
from storytrace.attribution.colon import colon_attributions
from storytrace.attribution.cue_model import (
    CueModel,
    default_cue_model,
    default_stance_model,
    verb_cue_features,
)
from storytrace.attribution.nouns import noun_attribution
from storytrace.attribution.quotes import find_quotations, mark_length, paragraph_spans
from storytrace.attribution.signed import signed_attributions
from storytrace.attribution.spans import QuoteLookup, span_within
from storytrace.attribution.speech import RAISING_LEMMAS, Candidate, verb_attribution
from storytrace.attribution.stance import STANCE_FRAMES, stance_candidate, stance_features
from storytrace.model import Attribution, ChainLink

__all__ = ["find_attributions"]

FOLLOW_NEXT_PARAGRAPH = True  # a paragraph that is only a quotation continues the last speaker
MAX_BLOCK_PARAGRAPHS = 2  # unquoted paragraphs a colon may introduce
NESTED_FRAMES = frozenset({"ccomp", "interrupted", "quote", "colon", "cited"})  # speech in quotes
# text between a cue and a quotation opening the next sentence
SENTENCE_END = re.compile(r"[.!?][”\"']*\s*$")


def find_attributions(doc: Doc, include_nested: bool = True, cue_model: CueModel | None = None,
                      stance_model: CueModel | None = None) -> list[Attribution]:
    """Attributions of a parsed document (requires tagger, parser and NER; offsets into doc.text).

    An attribution reported inside a quotation ("We knew it," she said, "because the sources
    told us the plan had failed.") is nested: its chain ends with the quoted speaker who relays
    it. ``include_nested=False`` leaves nested attributions out, and with them any attribution
    cued inside another one's content ("Police said he told officers ..."): corpora such as
    PolNeAR annotate neither (no train attribution has its cue inside another's content).
    ``cue_model`` decides which verbs are cues, ``stance_model`` which
    adjectives and nouns with a complement are (``stance``; defaults: the shipped models).
    """
    text = doc.text
    quotes = QuoteLookup(find_quotations(text), text)
    candidates = _cue_candidates(doc, quotes, cue_model or default_cue_model(),
                                 stance_model or default_stance_model())
    paragraphs = paragraph_spans(text)
    for candidate in candidates:
        if candidate.open_colon:
            candidate.content = _content_after_colon(doc, candidate, paragraphs, quotes)
    candidates = [c for c in candidates if c.content]
    _continue_interrupted_quotations(doc, candidates, quotes, paragraphs)
    candidates = add_chains(doc, candidates)
    nested = _mark_nested(candidates, quotes)
    if not include_nested:
        nested |= _cued_inside_content(candidates)
        candidates = [c for c in candidates if id(c) not in nested]
    return [_to_attribution(doc, text, c) for c in candidates]


def _mark_nested(candidates: list[Candidate], quotes: QuoteLookup) -> set[int]:
    """Ids of candidates cued inside a quotation; each gets the quoting attribution's source
    (and its relays) appended to its chain when that attribution is among ``candidates``."""
    nested: set[int] = set()
    for candidate in candidates:
        if candidate.cue is None:
            continue
        found = quotes.at(candidate.cue[0])
        if found is None:
            continue
        nested.add(id(candidate))
        for outer in candidates:
            if outer is candidate or outer.source is None or found[:2] not in outer.content:
                continue
            candidate.chain_relays += [outer.source] + outer.chain_relays
            break
    return nested


def _cued_inside_content(candidates: list[Candidate]) -> set[int]:
    """Ids of candidates whose cue lies inside another candidate's content, unless that one's cue
    lies inside theirs in turn (then neither is the outer one)."""
    def inside(inner: Candidate, outer: Candidate) -> bool:
        return inner.cue is not None and any(span_within(inner.cue, part) for part in outer.content)

    return {id(inner) for inner in candidates for outer in candidates
            if outer is not inner and inside(inner, outer) and not inside(outer, inner)}


def _cue_candidates(doc: Doc, quotes: QuoteLookup, cue_model: CueModel,
                    stance_model: CueModel) -> list[Candidate]:
    """One candidate per cue token: verbs the cue model accepts, "according to", claim nouns,
    adjectives and nouns the stance model accepts, headline colons; inner verbs folded into a
    passive citation are dropped, and of two nested cues one is kept (``_without_folded_verbs``)."""
    found: list[Candidate] = []
    for token in doc:
        candidate = None
        if token.lower_ == "according":
            candidate = according_attribution(doc, token, quotes)
        elif token.pos_ == "VERB" and cue_model.knows(token.lemma_.lower()):
            candidate = verb_attribution(doc, token, quotes)
            if candidate is not None and not _accepted(cue_model, token, candidate, quotes):
                candidate = None
        elif token.pos_ == "NOUN":
            candidate = noun_attribution(doc, token, quotes)
        if candidate is None and token.pos_ in ("NOUN", "ADJ") and quotes.at(token.idx) is None:
            candidate = stance_candidate(doc, token, quotes)
            if candidate is not None and not stance_model.accepts(
                    stance_features(token, candidate, quotes.text)):
                candidate = None
        if candidate is not None:
            found.append(candidate)
    found = _without_covered_stance(found)
    absorbed = set().union(*(c.absorbed for c in found)) if found else set()
    found = [c for c in found if c.cue_token is None or c.cue_token.i not in absorbed]
    found = _without_folded_verbs(found)
    taken = {c.cue for c in found}
    found += [c for c in colon_attributions(doc, quotes) if c.cue not in taken]
    found += signed_attributions(doc, quotes)
    return found


def _without_covered_stance(found: list[Candidate]) -> list[Candidate]:
    """Drops adjective and noun candidates (``stance``) inside another candidate's cue ("expressed
    concern about") or governed by another candidate's cue verb ("told a story about")."""
    others = [c for c in found if c.frame.partition("|")[0] not in STANCE_FRAMES]
    cue_heads = {c.cue_token.i for c in others if c.cue_token is not None}
    covered = [c.cue for c in others if c.cue is not None]
    return [c for c in found if c.frame.partition("|")[0] not in STANCE_FRAMES or (
        c.cue_token.head.i not in cue_heads
        and not any(a <= c.cue_token.idx < b for a, b in covered))]


def _without_folded_verbs(found: list[Candidate]) -> list[Candidate]:
    """Of two candidates whose cues nest, keeps one: the longer cue, which folds in the verb
    governing its infinitive ("declined to say who": "declined", whose content would be "to say
    who", is not a second attribution), unless the governing verb's object lies inside it ("asked
    residents to report X": the residents are asked, "report" is part of the content) or the
    governing verb is a raising verb ("seemed to confirm X": "seemed" is the cue and the rest
    content, PolNeAR's convention, 155 train cues against 22)."""
    dropped: set[int] = set()
    for short in found:
        for long in found:
            if short.cue is None or long.cue is None or short.cue == long.cue \
                    or not span_within(short.cue, long.cue):
                continue
            addressed = short.cue_token is not None and any(
                child.dep_ in ("dobj", "dative") and long.cue[0] <= child.idx < long.cue[1]
                for child in short.cue_token.children)
            raising = short.cue_token is not None \
                and short.cue_token.lemma_.lower() in RAISING_LEMMAS
            dropped.add(id(long) if addressed or raising else id(short))
    return [c for c in found if id(c) not in dropped]


def _accepted(cue_model: CueModel, verb, candidate: Candidate, quotes: QuoteLookup) -> bool:
    """The cue model's decision; a verb inside a quotation (a nested attribution, which the
    model never saw in training) must also report speech: a clause, a quotation or a colon."""
    if quotes.at(verb.idx) is not None and candidate.frame not in NESTED_FRAMES:
        return False
    return cue_model.accepts(verb_cue_features(verb, candidate, quotes.text))


def _paragraph_index(paragraphs: list[tuple[int, int]], offset: int) -> int | None:
    for k, (a, b) in enumerate(paragraphs):
        if a <= offset < b:
            return k
    return None


def _content_after_colon(doc: Doc, candidate: Candidate, paragraphs: list[tuple[int, int]],
                         quotes: QuoteLookup) -> list[tuple[int, int]]:
    """What a colon announces: the rest of its paragraph, else the next paragraph(s).

    A quotation opening the next paragraph is taken whole (all its paragraphs); unquoted
    paragraphs are taken up to MAX_BLOCK_PARAGRAPHS, stopping before one that opens a quotation.
    """
    text = quotes.text
    cue_end = candidate.cue[1] if candidate.cue else candidate.cue_token.idx
    colon = text.find(":", cue_end)
    k = _paragraph_index(paragraphs, cue_end)
    if colon < 0 or k is None or colon >= paragraphs[k][1]:
        return []
    rest = text[colon + 1:paragraphs[k][1]].strip()
    if rest:
        start = text.index(rest, colon + 1)
        found = quotes.at(start)
        if found is not None and found[0] == start:
            return list(found[2].parts)
        return [(start, start + len(rest))]
    if k + 1 >= len(paragraphs):
        return []
    first = paragraphs[k + 1]
    found = quotes.at(first[0])
    if found is not None and found[0] == first[0]:
        return list(found[2].parts)
    block = [first]
    for a, b in paragraphs[k + 2:k + 1 + MAX_BLOCK_PARAGRAPHS]:
        if mark_length(text, a) or text[block[-1][1] - 1] == ":":
            break
        block.append((a, b))
    return block


def _continue_interrupted_quotations(doc: Doc, candidates: list[Candidate], quotes: QuoteLookup,
                                     paragraphs: list[tuple[int, int]]) -> None:
    """Adds the quotation resumed after an interrupting cue to that cue's content.

    Requires candidates with content; for a direct quotation ending before its cue, the next
    quotation that starts after the cue in the same sentence, or opens the next sentence of the
    same paragraph, joins the content unless another cue already claims it.
    """
    claimed = {part for c in candidates for part in c.content}
    for candidate in candidates:
        verb = candidate.cue_token
        if verb is None or candidate.kind not in ("direct", "mixed") or not candidate.content:
            continue
        if candidate.content[0][0] > verb.idx:
            before = _quotation_before(doc, candidate, quotes)
            if before is not None and before.parts[-1] not in claimed:
                candidate.content = sorted(set(candidate.content) | set(before.parts))
                claimed.update(before.parts)
            continue
        if candidate.content[-1][1] > verb.idx:
            continue
        k = _paragraph_index(paragraphs, verb.idx)
        if k is None:
            continue
        group_end = _group_end(candidate)
        reach = paragraphs[k + 1][1] if FOLLOW_NEXT_PARAGRAPH and k + 1 < len(paragraphs) \
            else paragraphs[k][1]
        for a, b, quotation in quotes.starting_in(group_end, reach):
            between = quotes.text[group_end:a]
            resumes = _only_punctuation(quotes.text, group_end, a)
            next_sentence = SENTENCE_END.search(between) is not None and len(between) < 200
            if a >= paragraphs[k][1]:  # next paragraph: only a paragraph that is all quotation
                own = paragraphs[k + 1]
                next_sentence = SENTENCE_END.search(quotes.text[group_end:paragraphs[k][1]]) \
                    is not None and a == own[0] and quotation.end >= own[1] - 1
                resumes = False
            if (resumes or next_sentence) and (a, b) not in claimed:
                candidate.content.extend(p for p in quotation.parts if p not in candidate.content)
                claimed.update(quotation.parts)
            elif a < paragraphs[k][1] and not any(mark in between for mark in ".!?"):
                continue  # a title or term quoted in the cue's own sentence ("said on ''Meet X.''")
            break


def _group_end(candidate: Candidate) -> int:
    ends = [candidate.cue[1]] if candidate.cue else []
    if candidate.source:
        ends.append(candidate.source[1])
    return max(ends)


def _only_punctuation(text: str, start: int, end: int) -> bool:
    return all(not ch.isalnum() for ch in text[start:end])


def _quotation_before(doc: Doc, candidate: Candidate, quotes: QuoteLookup):
    """The quotation ending right before the source/cue group, in the same sentence."""
    starts = [candidate.cue[0]] if candidate.cue else []
    if candidate.source:
        starts.append(candidate.source[0])
    group_start = min(starts)
    k = group_start - 1
    text = quotes.text
    while k > 0 and (text[k].isspace() or text[k] in ",—–-"):
        k -= 1
    found = quotes.at(k)
    if found is None or found[1] != k + 1:
        return None
    if found[0] < candidate.cue_token.sent.start_char and "\n" in text[found[1]:group_start]:
        return None
    return found[2]


def _to_attribution(doc: Doc, text: str, candidate: Candidate) -> Attribution:
    source = text[candidate.source[0]:candidate.source[1]] if candidate.source else None
    chain = [ChainLink(text[a:b], "unknown") for a, b in candidate.chain_origins]
    if source is not None:
        chain.append(ChainLink(source, "unknown"))
    chain += [ChainLink(text[a:b], "unknown") for a, b in candidate.chain_relays]
    cue = text[candidate.cue[0]:candidate.cue[1]] if candidate.cue else None
    return Attribution(
        content_spans=sorted(candidate.content),
        source_span=candidate.source,
        cue_span=candidate.cue,
        source=source,
        cue=cue,
        chain=chain,
        kind=candidate.kind,
        cue_lemmas=_lemmas(doc, candidate.cue),
    )


def _lemmas(doc: Doc, span: tuple[int, int] | None) -> tuple[str, ...]:
    """The lowercase lemmas of the words in a character span of ``doc``."""
    tokens = doc.char_span(*span, alignment_mode="expand") if span else None
    return tuple(t.lemma_.lower() for t in tokens if t.is_alpha) if tokens is not None else ()

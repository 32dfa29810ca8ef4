"""The one data model that flows through every stage: articles, their annotations, stories and the dossier.

Every span is a pair of character offsets into ``Article.text`` (the cleaned body), which is set
once by cleaning and never rewritten. Stages add fields; none copies text it can point at.
``to_dict`` gives the schema-1 JSON shape; ``from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

SOURCE_TYPES = (
    "person",
    "organization",
    "media",
    "government",
    "anonymous",
    "social_media",
    "document",
    "self",
    "unknown",
)


@dataclass
class InputRecord:
    """What happened to one input path: ``ok``, ``skipped`` (deliberate, with reason) or ``error``."""

    path: str
    status: str  # ok | skipped | error
    reason: str | None = None
    article_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class RemovedText:
    """A piece of the raw text that cleaning took out, kept for audit with why."""

    text: str
    reason: str
    line: int | None = None  # 0-based line number in the raw text, when line-based


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Entity:
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, DATE, ...
    text: str


@dataclass
class TaggedWord:
    """A verb or noun of the text with its part of speech (spaCy's coarse tag), kept for the
    cross-article stages, which never reparse."""

    start: int
    end: int
    pos: str  # VERB | NOUN | PROPN


@dataclass
class Quantity:
    """A number found in the text, normalised: ``value`` with ``unit`` (what is counted or measured)."""

    start: int
    end: int
    value: float
    unit: str | None
    text: str
    approximate: bool = False
    # The same measure given in another unit, e.g. "7 kilometers (4 miles)".
    alternate: dict[str, Any] | None = None


@dataclass
class ChainLink:
    source: str
    source_type: str


@dataclass
class Attribution:
    """Who says a piece of content: spans into the article text, and the resolved source.

    ``source_span``/``cue_span`` may be None (no explicit source, e.g. "reportedly");
    ``content_spans`` is one or more (discontinuous) spans.
    """

    content_spans: list[tuple[int, int]]
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    source: str | None = None  # canonical name within the article
    source_type: str = "unknown"
    cue: str | None = None
    # Original source first, nearest reporter last.
    chain: list[ChainLink] = field(default_factory=list)
    anonymous: bool = False
    kind: str = "indirect"  # direct | indirect | according_to | mixed
    cue_lemmas: tuple[str, ...] = ()  # lemmas of the cue's words: "told" -> ("tell",)


@dataclass
class TimeExpression:
    """A TIMEX3-style time expression: extent, type and normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TimeML value, e.g. 2024-10-16, 2024-10, P3D, PAST_REF
    precision: str | None = None  # day | week | month | year | approximate | None (durations)
    anchor: str | None = None  # publication | narrative | absolute | none
    inferred: bool = False  # normalised from an inferred reference date


@dataclass
class EventDate:
    value: str
    text: str | None
    inferred: bool = False
    precision: str | None = None


@dataclass
class Article:
    """One article from raw input to its per-article annotations."""

    id: str
    path: str
    format: str
    raw_text: str = ""
    text: str = ""
    title: str | None = None
    published: str | None = None
    published_source: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    removed: list[RemovedText] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    tagged_words: list[TaggedWord] = field(default_factory=list)  # verbs, nouns, proper nouns (empty: not tagged)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    # Reference date used to normalise relative expressions, and whether it was inferred.
    reference_date: str | None = None
    reference_inferred: bool = False
    warnings: list[str] = field(default_factory=list)
    # Metadata given by the input itself (JSON fields, HTML meta, feed, sidecar), before text rules.
    given: dict[str, Any] = field(default_factory=dict)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search), or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None


@dataclass
class ClaimAttribution:
    source: str | None = None
    source_type: str = "unknown"
    cue: str | None = None
    chain: list[ChainLink] = field(default_factory=list)
    anonymous: bool = False
    hedged: bool = False
    hedges: list[str] = field(default_factory=list)


@dataclass
class ClaimQuantity:
    value: float
    unit: str | None
    text: str
    approximate: bool = False


@dataclass
class Claim:
    """One sentence of an article that states something, with who says it and how firmly."""

    id: str
    article_id: str
    sentence: int
    text: str
    attribution: ClaimAttribution = field(default_factory=ClaimAttribution)
    quantities: list[ClaimQuantity] = field(default_factory=list)
    event_date: EventDate | None = None
    fact_id: str | None = None
    start: int = 0
    end: int = 0
    event_ids: list[str] = field(default_factory=list)  # the story events this claim mentions


@dataclass
class Fact:
    id: str
    summary: str
    claim_ids: list[str]
    article_ids: list[str]
    origins: list[str]
    independent_sources: int
    first_reported: str | None = None


@dataclass
class StoryEvent:
    """A happening the story's reports mention, with every claim that mentions it (coarser than a fact)."""

    id: str
    label: str  # the event's commonest word in the story ("desertion", "detained")
    claim_ids: list[str]
    article_ids: list[str]
    fact_ids: list[str]
    first_reported: str | None = None


@dataclass
class ConflictValue:
    value: Any
    claim_ids: list[str]
    sources: list[str]


@dataclass
class Conflict:
    id: str
    kind: str  # quantity | location | status | date | other
    about: str
    values: list[ConflictValue]
    note: str | None = None


@dataclass
class Update:
    fact_id: str | None
    from_claim: str
    to_claim: str
    summary: str


@dataclass
class TimelineEntry:
    date: str
    precision: str
    summary: str
    claim_ids: list[str]
    reported_at: str | None = None


@dataclass
class Passage:
    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass
class Reuse:
    source_article: str
    target_article: str
    kind: str  # attributed_quote | unattributed_copy | syndication
    passages: list[Passage]
    similarity: float
    # What decided which article is the source: "date" (publication dates), "citation" (the copy
    # names the other's outlet next to the passage), "mention" (names it elsewhere), "inferred-date"
    # (a date inferred for an undated article), "unknown" (nothing did: the order shown is arbitrary).
    direction_basis: str | None = None


@dataclass
class SourceSummary:
    name: str
    type: str
    claim_count: int
    article_ids: list[str]


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    claims: list[Claim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    reuse: list[Reuse] = field(default_factory=list)
    sources: list[SourceSummary] = field(default_factory=list)
    events: list[StoryEvent] = field(default_factory=list)


@dataclass
class Dossier:
    tool: dict[str, str]
    inputs: list[InputRecord]
    articles: list[Article]
    stories: list[Story]
    settings: dict[str, Any] = field(default_factory=dict)
    created: str | None = None
    schema_version: str = SCHEMA_VERSION


# --------------------------------------------------------------------------- serialisation

_ARTICLE_PRIVATE = {"raw_text", "given"}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def article_to_dict(article: Article) -> dict[str, Any]:
    data = {
        f.name: _plain(getattr(article, f.name))
        for f in dataclasses.fields(article)
        if f.name not in _ARTICLE_PRIVATE
    }
    return data


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    """The schema-1 JSON object for a dossier (field order: contract fields first)."""
    return {
        "schema_version": dossier.schema_version,
        "tool": dict(dossier.tool),
        "created": dossier.created,
        "settings": _plain(dossier.settings),
        "inputs": [_plain(i) for i in dossier.inputs],
        "articles": [article_to_dict(a) for a in dossier.articles],
        "stories": [_plain(s) for s in dossier.stories],
    }


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a dataclass from its plain dict, recursing through typed fields."""
    kwargs = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = _NESTED.get((cls, name), lambda v: v)(value)
    return cls(**kwargs)


def _list_of(cls: type):
    return lambda values: [_build(cls, v) for v in (values or [])]


def _optional(cls: type):
    return lambda v: None if v is None else _build(cls, v)


def _span(v):
    return None if v is None else tuple(v)


_NESTED: dict[tuple[type, str], Any] = {
    (Article, "removed"): _list_of(RemovedText),
    (Article, "sentences"): _list_of(Sentence),
    (Article, "entities"): _list_of(Entity),
    (Article, "tagged_words"): _list_of(TaggedWord),
    (Article, "quantities"): _list_of(Quantity),
    (Article, "attributions"): _list_of(Attribution),
    (Article, "time_expressions"): _list_of(TimeExpression),
    (Attribution, "chain"): _list_of(ChainLink),
    (Attribution, "content_spans"): lambda v: [tuple(s) for s in v],
    (Attribution, "source_span"): _span,
    (Attribution, "cue_span"): _span,
    (ClaimAttribution, "chain"): _list_of(ChainLink),
    (Claim, "attribution"): _optional(ClaimAttribution),
    (Claim, "quantities"): _list_of(ClaimQuantity),
    (Claim, "event_date"): _optional(EventDate),
    (Conflict, "values"): _list_of(ConflictValue),
    (Reuse, "passages"): _list_of(Passage),
    (Story, "claims"): _list_of(Claim),
    (Story, "facts"): _list_of(Fact),
    (Story, "conflicts"): _list_of(Conflict),
    (Story, "updates"): _list_of(Update),
    (Story, "timeline"): _list_of(TimelineEntry),
    (Story, "reuse"): _list_of(Reuse),
    (Story, "sources"): _list_of(SourceSummary),
    (Story, "events"): _list_of(StoryEvent),
    (Dossier, "inputs"): _list_of(InputRecord),
    (Dossier, "articles"): _list_of(Article),
    (Dossier, "stories"): _list_of(Story),
}


def article_from_dict(data: dict[str, Any]) -> Article:
    return _build(Article, data)


def dossier_from_dict(data: dict[str, Any]) -> Dossier:
    return _build(Dossier, data)

"""Independent origins of a fact: how many separate sources stand behind its repeated claims.

Three articles repeating one claim from one anonymous source are one origin, not three. A claim
an article copied from another (a reuse passage holding at least half of it) has the origin of the
claim it copied, followed through chains of copies (see ``OriginFinder``). Other claims' origins
are found by these rules, in order:

1. An attribution chain (``chain[0]`` is the original source) whose first link is named: that
   name (a person, organisation, outlet, document...); a name given in short ("the Ministry") is
   completed from the organisation named in the claim's sentence ("Ministry of Mines and Energy").
2. A chain starting with an anonymous link ("unnamed intelligence officials", "the sources"): the
   anonymous source is identified by the first *named* link after it, or, when there is none, by
   the outlet of the article itself (the outlet that holds the sources). Its readable form is
   ``"unnamed sources (via X)"``, or, when every claim of the fact from those sources describes
   them alike, that description: ``"a Western diplomat (unnamed, via X)"`` (``described_label``).
   So "officials cited by X" in one article and "X's sources" or "the sources" in X's own article
   are one origin. An anonymous source described as belonging to an organisation the claim names
   ("two officials at the Ministry of Y") is that organisation's voice: its origin is the
   organisation (``"unnamed sources at Ministry of Y (via X)"``), one origin with the
   organisation's own statements and documents.
3. A claim in the article's own voice (no attribution, or a ``self`` source): the article's
   outlet; when it is unknown, the outlet a copy credits the article's words to; else
   ``"unknown outlet (<the article's file name>)"``.

An article's own-voice claim counts only when none of that article's claims of the same fact is
attributed: a lead that states what a later sentence attributes ("troops have reportedly deserted"
... "according to X, 18 soldiers deserted") is X's claim restated, not a second origin. Nor does it
count when the article is built on another article that carries the same fact (it syndicates it,
or copied at least ``REREPORT_SHARE`` of the shorter one's words): a republication that rewords
part of what it took is re-reporting it, and the other article's origins stand for the fact. One
quoted passage does not make an article a re-report.

One outlet counts once per fact: when a fact's origins hold outlet X in several guises (X's own
voice, "X reported", "unnamed sources (via X)"), they merge into the most specific, the anonymous
one. A body given only by its description ("the union") is the one body of the story named
with that head word ("Harbor Workers' Union"), when there is exactly one. People named in full
and by surname alone ("Ana Ruiz", "Ruiz") merge into the full name.
Names compare case-insensitively, without a leading "The" or a possessive "'s".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from storytrace.lexicons import shorten, word_list
from storytrace.model import Article, ChainLink, Claim, Fact, Reuse, Story
from storytrace.reuse import parse_published
from storytrace.sources import business_descriptions

SUMMARY_CHARS = 160
ANONYMOUS_LABEL = "unnamed sources (via {via})"
AFFILIATED_LABEL = "unnamed sources at {organisation} (via {via})"
_UNNAMED_PREFIX = "unnamed sources "  # what both generic labels of unnamed origins begin with
# Descriptions of unnamed sources that say nothing more than "sources" ("the sources", "a source").
_GENERIC_SOURCES = re.compile(r"^(?:the |a |an |some |several |two |three )?(?:unnamed |anonymous )?sources?$",
                              re.IGNORECASE)
_AFFILIATION_PREPOSITIONS = r"(?:at|from|in|inside|within|of|with)"
_OWN_VOICE_TYPES = {"self"}
REREPORT_SHARE = 0.2  # a copy this large (of the shorter article) makes the copier a re-report of the other
_MAX_COPY_DEPTH = 10
BODY_TYPES = {"organization", "government", "media"}


@dataclass(frozen=True)
class Origin:
    """One original source: ``key`` compares origins, ``label`` is what a reader sees.

    ``outlet`` is the canonical outlet the origin belongs to (own voice, outlet as source, or
    anonymous sources via that outlet), None for other sources.
    """

    key: str
    label: str
    source_type: str
    outlet: str | None = None
    description: str | None = None  # how the claim describes unnamed sources ("a Western diplomat")
    via: str | None = None  # the outlet unnamed sources are relayed by, as written


def canonical_name(name: str) -> str:
    """Compare form of a source or outlet name: lowercase, no leading "the", no possessive."""
    text = re.sub(r"\s+", " ", name.strip().lower())
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"['’]s$", "", text)
    return text.strip(" .,;:\"'")


def _is_anonymous(link: ChainLink) -> bool:
    return link.source_type == "anonymous" or not (link.source or "").strip()


def reuse_by_target(reuse: list[Reuse]) -> dict[str, list[Reuse]]:
    by_target: dict[str, list[Reuse]] = defaultdict(list)
    for item in reuse:
        by_target[item.target_article].append(item)
    return by_target


def _source_chain(claim: Claim) -> list[ChainLink]:
    """The claim's chain without own-voice links; empty when the article speaks for itself."""
    attribution = claim.attribution
    chain = [link for link in attribution.chain if link.source_type not in _OWN_VOICE_TYPES]
    if not chain and attribution.source and attribution.source_type not in _OWN_VOICE_TYPES:
        chain = [ChainLink(attribution.source, attribution.source_type)]
    if not chain and attribution.anonymous:
        chain = [ChainLink("", "anonymous")]
    return chain


def _is_credit(chain: list[ChainLink]) -> bool:
    """A chain that only names an outlet ("..., X reported"): the words are X's, whoever X quoted."""
    return len(chain) == 1 and chain[0].source_type == "media" and bool((chain[0].source or "").strip())


class OriginFinder:
    """Origins of the claims of one story, seeing through copies.

    A claim an article copied (at least half of it in a reuse passage) has the origin of the claim
    it copied, however the copy attributes it: the same words have the same origin, and the
    original's attribution is the fuller one (a quoted "Y said ..." credited to outlet X is Y's;
    "the sources" in a copy are the sources the original named). Copied text matching no claim of
    the original has the copied article's outlet. An article whose outlet is unknown but whose words a copy credits to outlet X is X's
    for origins (its ``Article.outlet`` stays null: the dossier does not guess metadata).

    Requires the story's reuse, its articles by id and (to reach the copied claims) its claims.
    """

    def __init__(self, reuse: list[Reuse], articles: dict[str, Article], claims: list[Claim] = ()):
        self.articles = articles
        self.by_target = reuse_by_target(reuse)
        self.claims_by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            self.claims_by_article[claim.article_id].append(claim)
        self.credited = self._credited_outlets()
        self.named_bodies = named_bodies(claims)

    def origin(self, claim: Claim, depth: int = 0) -> Origin:
        """The original source of one claim, by the module's rules 1-3."""
        chain = _source_chain(claim)
        copied = self._copied_from(claim.article_id, claim.start, claim.end) if depth < _MAX_COPY_DEPTH else None
        source_claim = self._claim_at(*copied) if copied is not None else None
        if source_claim is not None:
            return self.origin(source_claim, depth + 1)
        if not chain:
            return self.own_voice(claim.article_id, claim.start, claim.end, depth=depth)
        first = chain[0]
        if not _is_anonymous(first):
            name = _full_name(first, claim, self.articles)
            name = self.named_bodies.get(canonical_name(name), name) if name.islower() else name
            key = canonical_name(name)
            return Origin(key, name, first.source_type, key if first.source_type == "media" else None)
        via = next((link.source.strip() for link in chain[1:] if not _is_anonymous(link)), None)
        if via is None:
            via = self.own_voice(claim.article_id, claim.start, claim.end).label
        via_key = canonical_name(via)
        organisation = _affiliation(first.source or "", claim, self.articles)
        if organisation is not None and canonical_name(organisation) != via_key:
            label = AFFILIATED_LABEL.format(organisation=organisation, via=via)
            return Origin(canonical_name(organisation), label, "anonymous", via_key)
        return Origin(f"anonymous via {via_key}", ANONYMOUS_LABEL.format(via=via), "anonymous", via_key,
                      description=(first.source or "").strip() or None, via=via)

    def own_voice(self, article_id: str, start: int, end: int, depth: int = 0) -> Origin:
        """The origin of text in an article's own voice: its outlet, or the article it was copied from."""
        copied = self._copied_from(article_id, start, end) if depth < _MAX_COPY_DEPTH else None
        if copied is not None:
            return self.own_voice(*copied, depth=depth + 1)
        label = self.outlet_label(article_id)
        return Origin(canonical_name(label), label, "media", canonical_name(label))

    def outlet_label(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        if article is not None and article.outlet and article.outlet.strip():
            return article.outlet.strip()
        name = PurePath(article.path).name if article is not None and article.path else article_id
        return self.credited.get(article_id) or f"unknown outlet ({name})"

    def copied_claim(self, claim: Claim) -> Claim | None:
        """The claim of another article that ``claim`` copies (at least half of it in a reuse
        passage, matching at least half of that claim's text), else None."""
        copied = self._copied_from(claim.article_id, claim.start, claim.end)
        return self._claim_at(*copied) if copied is not None else None

    def _copied_from(self, article_id: str, start: int, end: int) -> tuple[str, int, int] | None:
        """(source article, start, end) of the text at [start, end) when at least half of it is copied."""
        if end <= start:
            return None
        for item in self.by_target.get(article_id, ()):
            for passage in item.passages:
                overlap = min(end, passage.target_end) - max(start, passage.target_start)
                if overlap * 2 >= end - start:
                    shift = passage.source_start - passage.target_start
                    return (item.source_article, max(start + shift, passage.source_start),
                            min(end + shift, passage.source_end))
        return None

    def _claim_at(self, article_id: str, start: int, end: int) -> Claim | None:
        """The claim of ``article_id`` holding most of [start, end), if it holds at least half."""
        best, best_overlap = None, 0
        for claim in self.claims_by_article.get(article_id, ()):
            overlap = min(end, claim.end) - max(start, claim.start)
            if overlap > best_overlap:
                best, best_overlap = claim, overlap
        return best if best is not None and best_overlap * 2 >= end - start else None

    def _credited_outlets(self) -> dict[str, str]:
        """Article id (outlet unknown) -> the outlet a copy credits its words to."""
        credited: dict[str, str] = {}
        for target, items in self.by_target.items():
            for claim in self.claims_by_article.get(target, ()):
                chain = _source_chain(claim)
                if not _is_credit(chain):
                    continue
                copied = self._copied_from(target, claim.start, claim.end)
                if copied is None:
                    continue
                source = self.articles.get(copied[0])
                if source is not None and not (source.outlet or "").strip():
                    credited.setdefault(copied[0], chain[0].source.strip())
        return credited


def _claim_organisations(claim: Claim, articles: dict[str, Article]) -> list[str]:
    """Names of the organisations (ORG entities) inside the claim's span, without a leading "the"."""
    article = articles.get(claim.article_id)
    if article is None or claim.end <= claim.start:
        return []
    return [
        re.sub(r"^the\s+", "", entity.text.strip(), flags=re.I)
        for entity in article.entities
        if entity.label == "ORG" and claim.start <= entity.start and entity.end <= claim.end
    ]


def named_bodies(claims) -> dict[str, str]:
    """Head word -> the one named organisation of the story ending in it ("union" -> "Vashmoor
    Miners' Union") or headed by it before "of" ("ministry" -> "Ministry of Mines"), for
    descriptions an article used without the name; heads that more than one named body share are
    left out (which of them is meant is not known). A business description
    ("the operator", ``data/source_business_descriptions.txt``) is the story's one named company
    (``data/source_business_name_endings.txt``)."""
    names: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for link in claim.attribution.chain:
            name = (link.source or "").strip()
            words = canonical_name(name).split()
            if link.source_type in BODY_TYPES and len(words) > 1 and name[:1].isupper() and name.split()[-1][:1].isupper():
                names[words[-1].rstrip(".")].add(name)
                if "of" in words[1:]:  # "Ministry of Mines and Energy": its head is "ministry"
                    names[words[words.index("of", 1) - 1]].add(name)
    bodies = {head: next(iter(found)) for head, found in names.items() if len({canonical_name(n) for n in found}) == 1}
    companies = {canonical_name(n) for head, found in names.items() if head in _company_heads() for n in found}
    if len(companies) == 1:  # "the operator" is the story's one named company
        company = next(n for head, found in names.items() if head in _company_heads() for n in found)
        for description in business_descriptions():
            bodies.setdefault(description, company)
    return bodies


@cache
def _company_heads() -> frozenset[str]:
    """Last words of a business's name ("company", "corp"): ``data/source_business_name_endings.txt``."""
    return frozenset(word_list("source_business_name_endings.txt"))


def _full_name(link: ChainLink, claim: Claim, articles: dict[str, Article]) -> str:
    """A non-person source's name completed from the longest organisation of the claim that holds it as whole words."""
    name = link.source.strip()
    if link.source_type == "person":
        return name
    short = canonical_name(name)
    holders = [
        organisation for organisation in _claim_organisations(claim, articles)
        if re.search(rf"\b{re.escape(short)}\b", canonical_name(organisation))
    ]
    return max(holders, key=len) if holders else name


def _affiliation(description: str, claim: Claim, articles: dict[str, Article]) -> str | None:
    """The organisation an anonymous source belongs to: one of the claim's organisations named in the
    source's description after a preposition ("two officials at the Ministry of Y"), else None."""
    for organisation in sorted(_claim_organisations(claim, articles), key=len, reverse=True):
        pattern = rf"\b{_AFFILIATION_PREPOSITIONS}\s+(?:the\s+)?{re.escape(organisation)}\b"
        if re.search(pattern, description, flags=re.I):
            return organisation
    return None


def _merge(origins: list[Origin]) -> list[Origin]:
    """One origin per outlet lineage, per person and per described body (longest form kept), in first-seen order."""
    anonymous_outlets = {o.outlet for o in origins if o.source_type == "anonymous"}
    kept: list[Origin] = []
    for origin in origins:
        if origin.source_type != "anonymous" and (origin.outlet in anonymous_outlets or origin.key in anonymous_outlets):
            continue  # X's own voice or "X reported" (whatever type X was given): X's unnamed sources stand for it
        if any(origin.key == other.key for other in kept):
            continue
        kept.append(origin)
    # "Ruiz" is "Ana Ruiz"; a description "the rescue service" is "the provincial mine rescue service"
    shortenable = [o for o in kept if o.source_type == "person" or (o.source_type in BODY_TYPES and o.label.islower())]
    dropped = set()
    for short in shortenable:
        for full in shortenable:
            same_kind = full.source_type == short.source_type or {full.source_type, short.source_type} <= BODY_TYPES
            if same_kind and ends_name(full.key, short.key):
                dropped.add(short.key)
    return [o for o in kept if o.key not in dropped]


def ends_name(longer: str, shorter: str) -> bool:
    """Whether compare name ``longer`` has more words and ends with all the words of ``shorter``
    ("ana ruiz" and "ruiz"; "provincial mine rescue service" and "rescue service")."""
    long_words, short_words = longer.split(), shorter.split()
    return len(long_words) > len(short_words) and long_words[-len(short_words):] == short_words


def _published_sort_key(article: Article | None) -> tuple[int, float]:
    parsed = parse_published(article.published) if article else None
    return (0, parsed[0].timestamp()) if parsed else (1, 0.0)


def claims_in_report_order(claims: list[Claim], articles: dict[str, Article]) -> list[Claim]:
    return sorted(claims, key=lambda c: (*_published_sort_key(articles.get(c.article_id)), c.article_id, c.sentence))


def first_reported(claims: list[Claim], articles: dict[str, Article]) -> str | None:
    """The earliest ``published`` among the claims' articles, None when none is dated."""
    dated = [
        articles[c.article_id]
        for c in claims
        if c.article_id in articles and parse_published(articles[c.article_id].published)
    ]
    if not dated:
        return None
    return min(dated, key=_published_sort_key).published


def _derived(item: Reuse) -> bool:
    """Whether the target article is built on the source: it reproduces most of it (syndication)
    or took at least ``REREPORT_SHARE`` of the shorter article's words (one quoted passage is not)."""
    return item.kind == "syndication" or item.similarity >= REREPORT_SHARE


def is_anonymous_origin(label: str) -> bool:
    """True for the label of an origin that is an unnamed source (``ANONYMOUS_LABEL``,
    ``AFFILIATED_LABEL`` or a described one, see ``described_label``)."""
    return label.startswith(_UNNAMED_PREFIX) or "(unnamed, via " in label or label.lower().startswith("unnamed ")


def copied_sentences(claims: list[Claim], reuse: list[Reuse], articles: dict[str, Article]
                     ) -> dict[tuple[str, int], tuple[str, int]]:
    """(article id, sentence) of each claim that copies another article's claim -> that claim's."""
    finder = OriginFinder(reuse, articles, claims)
    copies = {}
    for claim in claims:
        source = finder.copied_claim(claim) if reuse else None
        if source is not None and source.article_id != claim.article_id:
            copies[(claim.article_id, claim.sentence)] = (source.article_id, source.sentence)
    return copies


def independent_origins(
    fact_claims: list[Claim], reuse: list[Reuse], articles: dict[str, Article],
    finder: OriginFinder | None = None,
) -> tuple[list[str], str | None]:
    """(readable original sources, earliest ``published``) for the claims of one fact.

    Requires the claims' attribution chains and ``article_id``/offsets, the story's reuse (to see
    through copied passages) and the articles by id (``outlet``, ``published``); ``finder`` (built
    over the story's claims) also sees through copies to the copied claims.
    """
    finder = finder or OriginFinder(reuse, articles, fact_claims)
    ordered = claims_in_report_order(fact_claims, articles)
    attributing = {claim.article_id for claim in ordered if _source_chain(claim)}
    carriers = {claim.article_id for claim in ordered}
    rereporting = {target for target, items in finder.by_target.items()
                   if any(item.source_article in carriers - {target} and _derived(item) for item in items)}
    counted = [c for c in ordered if _source_chain(c)
               or (c.article_id not in attributing and c.article_id not in rereporting)]
    if not counted:  # articles that took from each other (no order known): each speaks for itself
        counted = [c for c in ordered if _source_chain(c) or c.article_id not in attributing]
    found = [finder.origin(claim) for claim in counted]
    return [described_label(o, found) for o in _merge(found)], first_reported(fact_claims, articles)


def described_label(origin: Origin, found: list[Origin]) -> str:
    """The label of unnamed sources, naming them as the claims describe them when all of the
    origins in ``found`` (those of one fact's, or one conflict side's, claims) from them give one
    description (or shorter forms of it; what follows a comma is left off) that says more than
    "sources": "a Western diplomat familiar with the matter (unnamed, via X)"; else the origin's
    label ("unnamed sources (via X)")."""
    if origin.description is None or origin.via is None:
        return origin.label
    described = [o.description for o in found if o.key == origin.key]
    if None in described:
        return origin.label
    described = [d.split(",", 1)[0].strip() for d in described]  # ", who asked not to be named ..." left off
    fullest = max(described, key=len)
    if _GENERIC_SOURCES.match(fullest) or not all(fullest.lower().startswith(d.lower()) for d in described):
        return origin.label
    if re.search(r"\b(?:unnamed|anonymous)\b", fullest, re.IGNORECASE):
        return f"{fullest} (via {origin.via})"
    return f"{fullest} (unnamed, via {origin.via})"


def build_facts(story: Story, articles: dict[str, Article]) -> list[Fact]:
    """One Fact per ``fact_id`` among the story's claims, with its independent origins.

    Requires ``Claim.fact_id`` (claims without one are not grouped) and ``story.reuse``. Facts are
    sorted by independent sources, then by number of articles (both descending), then by id.
    """
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in story.claims:
        if claim.fact_id is not None:
            groups[claim.fact_id].append(claim)
    finder = OriginFinder(story.reuse, articles, story.claims)
    facts = []
    for fact_id, claims in groups.items():
        ordered = claims_in_report_order(claims, articles)
        origins, first = independent_origins(claims, story.reuse, articles, finder)
        article_ids = list(dict.fromkeys(c.article_id for c in ordered))
        facts.append(
            Fact(
                id=fact_id,
                summary=shorten(ordered[0].text, SUMMARY_CHARS),
                claim_ids=[c.id for c in ordered],
                article_ids=article_ids,
                origins=origins,
                independent_sources=len(origins),
                first_reported=first,
            )
        )
    facts.sort(key=lambda f: (-f.independent_sources, -len(f.article_ids), f.id))
    return facts


def corroboration_note(fact: Fact) -> str:
    """One line on how well a fact is corroborated, saying plainly when repetition is one origin."""
    articles = len(fact.article_ids)
    origins = fact.independent_sources
    note = (
        f"{articles} article{'s' if articles != 1 else ''}, "
        f"{origins} independent origin{'s' if origins != 1 else ''}"
    )
    if fact.origins:
        note += ": " + "; ".join(fact.origins)
    if origins == 1 and articles > 1:
        every = "Both reports trace" if articles == 2 else f"All {articles} reports trace"
        note += f". {every} back to this one origin: repetition is not confirmation."
    elif origins == 0:
        note += ". No origin could be traced."
    return note

"""Fact alignment: group sentences of different articles in one story that report the same event.

Precision comes first: a false merge would tell the user that two outlets corroborate each other
when they do not. Two sentences are linked only on event evidence in the sentences themselves:

- trigger words: light stems of event words (verbs and event nouns). How likely two trigger stems
  are to name the same event across documents is read from ``data/event_trigger_pairs.tsv`` and how
  likely a stem is to be an event word from ``data/event_triggers.tsv`` (both learned from ECB+
  train gold by ``bench/events.py learn``); identical stems unknown to the tables get a prior.
  Reporting words ("said", "reported", "citing": ``data/event_reporting_stems.tsv``, learned, and
  ``data/event_reporting_words.tsv``, by hand) name no event: they are neither triggers nor shared words;
- shared arguments: entity keys (people, organisations, places), numbers and dates; sentences that
  both name people but none in common are likely two events of one kind;
- word overlap: TF-IDF cosine of the two sentences' stems, IDF taken over the story's sentences;
- counts: figures for the same counted thing within ``same_count_tolerance`` (10,000 and 11,000
  soldiers) are one count told twice;
- position: lead sentences of news reports state the main event;
- states: sentences giving one thing different status phases ("missing", "detained") are never
  linked; the later report is an update (storytrace.updates), not a restatement;
- counts: sentences counting the same kind of thing with figures at least ``other_count_ratio``
  apart and none close ("10,000 soldiers" sent, "18 soldiers" detained) count different things and
  are never linked (storytrace.conflicts compares figures across facts by their own slots).

A pair's link probability is the product of two logistic models (weights in ``AlignmentSettings``,
fitted on ECB+ train by ``bench/events.py fit``): P(same event | the articles report one event),
from the sentence features, times P(the articles report one event), from how much the two articles
share names and words. Article similarity can therefore only lower a link, never make one: within
one story every article pair is similar, so it must not decide which sentences agree. Pairs without
sentence evidence (enough word overlap, a likely trigger pair or the same count) get 0.
Candidate pairs come from an inverted index over trigger stems, entity keys and content words, so
sentences sharing nothing are never compared. Groups are built by average-link agglomerative
clustering, stopped at ``link_threshold``: a group joins another only if its sentences agree with
that group's sentences on average, including (with weight ``within_article_weight``) sentences of
the same article, so one hub sentence cannot pull unrelated sentences of another article together.
Two sentences of one article that the article attributes to different speakers (each claim's whole
attribution chain, so "a source" via one outlet is not "a source" via another; the article's own
voice is a speaker too) never share a group: "an outlet reported X" and "the president said Y" side
by side are two claims even when their words overlap, and grouping them would lend one's origin to
the other's fact. Sentences with no such evidence stay
alone (singleton groups).

Requires: ``Article.text``, ``sentences``, ``entities``, (optional) ``quantities`` and (optional) each
sentence's speaker, from the claims' attribution (``storytrace.corpus.claim_speakers``). Adds: a group
id per (article id, sentence index); sentences with the same group across articles report the same fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from storytrace.model import Article
from storytrace.textvec import (
    NAMED_LABELS,
    article_entity_keys,
    content_stems,
    stem,
)
from storytrace.updates import claim_states

SentenceKey = tuple[str, int]  # (article id, sentence index)

SENTENCE_FEATURES = ("trigger", "trigger_known", "same_stems", "names", "numbers", "cosine", "lead", "other_people")
EVIDENCE_ONLY_FEATURES = ("same_count",)  # opens the evidence gate, no learned weight
VETO_FEATURES = ("other_state", "other_count")  # closes it: different states of one thing, or different counts
DOCUMENT_FEATURES = ("doc_names", "doc_words")
# The report model (storytrace.story_events: which articles of a story report one event) adds names
# by kind, names of one kind that both articles give and never share (two sets of people, places or
# years: two events of one kind), the leads' words, whether the two are about different people
# (each has a protagonist, and they differ: two arrests of two players are two events), and whether
# both leads give figures and share none (12 fishermen rescued and 15 fishermen rescued: two rescues).
REPORT_FEATURES = DOCUMENT_FEATURES + ("doc_people", "doc_organisations", "doc_places", "doc_numbers",
                                       "doc_other_people", "doc_other_places", "doc_other_years", "doc_leads",
                                       "doc_other_protagonist", "doc_other_lead_numbers")
FEATURES = SENTENCE_FEATURES + EVIDENCE_ONLY_FEATURES + VETO_FEATURES + DOCUMENT_FEATURES


@dataclass
class AlignmentSettings:
    """Knobs of fact alignment (weights fitted on ECB+ train; see bench/events.py)."""

    # P(same event | the two articles report one event): sentence evidence only.
    sentence_weights: dict[str, float] = field(
        default_factory=lambda: {
            "trigger": 0.941,
            "trigger_known": 1.467,
            "same_stems": 1.188,
            "names": -0.165,
            "numbers": -0.038,
            "cosine": 0.305,
            "lead": 0.239,
            "other_people": -1.034,
        }
    )
    sentence_bias: float = -0.296
    # P(the two articles report one event): article similarity, which can only lower a link.
    document_weights: dict[str, float] = field(default_factory=lambda: {"doc_names": 8.553, "doc_words": 5.226})
    document_bias: float = -2.876
    link_threshold: float = 0.35  # chosen by `bench/events.py fit`: best held-out F1 with precision >= 0.9
    min_trigger_probability: float = 0.1  # stems less often annotated as events are not triggers
    unseen_same_stem_score: float = 0.3  # coreference prior for an identical stem missing from the tables
    lead_sentences: int = 3
    # A pair needs evidence in the sentences themselves: this much word overlap, the same count, or a
    # trigger pair this likely to corefer plus a shared name or number. Article similarity alone never links.
    min_sentence_cosine: float = 0.2
    min_trigger_link: float = 0.3
    same_count_tolerance: float = 0.25  # figures of one unit this close count the same thing (not learned: ECB+ has no quantities)
    other_count_ratio: float = 5.0  # ...and this far apart (with none close) count different things: never one fact
    max_sentences_per_key: int = 400  # keys shared by more sentences are too common to propose pairs
    candidates_from_words: bool = True  # also compare sentences that share any content word
    # How much a pair of sentences of one article weighs in the average-link averages: above 0,
    # sentences of one article must agree with each other too to share a group (no hub sentence
    # pulling in unrelated sentences of another article); 0: only cross-article pairs count.
    within_article_weight: float = 1.0
    # Status axes (data/status_transitions.txt) on which two different phases keep sentences apart
    # ("missing" / "detained"). Not "execution": a figure planned and the same figure done ("expects
    # 11,000 to be deployed", "has sent 10,000") is one count, for storytrace.conflicts to compare.
    veto_axes: tuple[str, ...] = ("whereabouts", "confinement", "motive")


@dataclass
class TriggerTables:
    """How likely a stem is an event word, and how likely two trigger stems corefer across documents."""

    trigger_rate: dict[str, float]
    pair_rate: dict[tuple[str, str], float]
    reporting: frozenset[str] = frozenset()  # words that report an event ("said", "told"), never triggers

    def is_trigger(self, stem: str, minimum: float) -> bool:
        return stem not in self.reporting and self.trigger_rate.get(stem, 0.0) >= minimum

    def corefer(self, a: str, b: str) -> float | None:
        """Learned coreference rate of two trigger stems, or None when the pair was never seen."""
        return self.pair_rate.get((a, b) if a <= b else (b, a))


@lru_cache(maxsize=1)
def load_trigger_tables() -> TriggerTables:
    """Read the learned trigger tables from the package's data files."""
    data = resources.files("storytrace") / "data"
    trigger_rate: dict[str, float] = {}
    for fields_ in _rows(data / "event_triggers.tsv"):
        word, events, seen = fields_[0], int(fields_[1]), int(fields_[2])
        trigger_rate[word] = events / seen if seen else 0.0
    pair_rate: dict[tuple[str, str], float] = {}
    for fields_ in _rows(data / "event_trigger_pairs.tsv"):
        a, b, coreferent, together = fields_[0], fields_[1], int(fields_[2]), int(fields_[3])
        pair_rate[(a, b) if a <= b else (b, a)] = (coreferent + 0.5) / (together + 1.0)
    reporting = {fields_[0] for fields_ in _rows(data / "event_reporting_stems.tsv")}
    return TriggerTables(trigger_rate, pair_rate, frozenset(reporting) | hand_reporting_stems())


def hand_reporting_stems() -> frozenset[str]:
    """Stems of the hand-written reporting words (``data/event_reporting_words.tsv``)."""
    data = resources.files("storytrace") / "data"
    return frozenset(stem(fields_[0]) for fields_ in _rows(data / "event_reporting_words.tsv"))


def _rows(path) -> list[list[str]]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@dataclass
class SentenceEvidence:
    """What one sentence offers for alignment: trigger stems, content stems, names, numbers."""

    key: SentenceKey
    stems: Counter[str]
    triggers: set[str]
    names: set[str]
    numbers: set[str]
    lead: bool
    document: "DocumentEvidence"
    counts: list[tuple[float, str]] = field(default_factory=list)  # (value, singular unit) of counted things
    phases: dict[str, int] = field(default_factory=dict)  # veto axis -> phase reported (storytrace.updates)


@dataclass
class DocumentEvidence:
    """Whole-article evidence: are the two articles about the same event at all?"""

    stems: Counter[str]
    names: Counter[str]  # entity keys of names, numbers, years and days
    lead: Counter[str] = field(default_factory=Counter)  # content stems of the lead sentences
    protagonist: str | None = None  # the person the article is about (``protagonist``), if one stands out
    lead_numbers: frozenset[str] = frozenset()  # ``NUM:`` keys of the figures the lead gives (not 1 or 2)
    _by_kind: dict[frozenset[str], Counter[str]] = field(default_factory=dict, repr=False, compare=False)

    def names_of_kinds(self, kinds: frozenset[str]) -> Counter[str]:
        """The names whose entity kind is in ``kinds`` (kept once computed: the report model asks per pair)."""
        found = self._by_kind.get(kinds)
        if found is None:
            found = self._by_kind[kinds] = Counter({k: c for k, c in self.names.items() if k.split(":", 1)[0] in kinds})
        return found


def document_evidence(article: Article, settings: AlignmentSettings) -> DocumentEvidence:
    """Whole-article evidence: content stems, names and numbers, and the lead's content stems."""
    lead_end = article.sentences[min(settings.lead_sentences, len(article.sentences)) - 1].end if article.sentences else 0
    return DocumentEvidence(
        Counter(content_stems(article.text)),
        Counter({k: c for k, c in article_entity_keys(article).items() if k.split(":", 1)[0] in _NAME_KINDS | _NUMBER_KINDS}),
        Counter(content_stems(article.text[:lead_end])),
        protagonist(article),
        frozenset(k for k in article_entity_keys(article, 0, lead_end) if k.startswith("NUM:")),
    )


def protagonist(article: Article) -> str | None:
    """The person an article is about: the surname its person mentions name most often ("Ana
    Ruiz", "Ruiz" and "Ruiz's" count for "ruiz"), when it is named at least twice and more often
    than any other; None otherwise. Two reports of one kind of event (two arrests, two deaths) about
    different people are two events."""
    surnames: Counter[str] = Counter()
    for entity in article.entities:
        if entity.label == "PERSON":
            words = re.findall(r"[^\W\d_]+", entity.text.lower())
            if words:
                surnames[words[-1] if words[-1] != "s" or len(words) == 1 else words[-2]] += 1
    ranked = surnames.most_common(2) + [("", 0), ("", 0)]
    (top, count), (_, second) = ranked[0], ranked[1]
    return top if count >= 2 and count > second else None


def _sentence_terms(article: Article, start: int, end: int, tables: TriggerTables) -> tuple[Counter[str], set[str], set[str]]:
    """(content stems without reporting words, name keys, number keys) of one sentence."""
    keys = article_entity_keys(article, start, end) | quantity_keys(article, start, end)
    names = {k for k in keys if k.split(":", 1)[0] in _NAME_KINDS}
    numbers = {k for k in keys if k.split(":", 1)[0] in _NUMBER_KINDS}
    stems = Counter(s for s in content_stems(article.text[start:end]) if s not in tables.reporting)
    return stems, names, numbers


def sentence_evidence(
    article: Article, tables: TriggerTables, settings: AlignmentSettings
) -> list[SentenceEvidence]:
    """Evidence for each sentence of an article (entity words are not counted as triggers)."""
    document = document_evidence(article, settings)
    evidence = []
    for index, sentence in enumerate(article.sentences):
        text = article.text[sentence.start : sentence.end]
        stems, names, numbers = _sentence_terms(article, sentence.start, sentence.end, tables)
        name_words = {w for k in names for w in k.split(":", 1)[1].split()}
        triggers = {
            s for s in stems if s not in name_words and tables.is_trigger(s, settings.min_trigger_probability)
        }
        evidence.append(
            SentenceEvidence(
                (article.id, index), stems, triggers, names, numbers, index < settings.lead_sentences, document,
                sentence_counts(article, sentence.start, sentence.end),
                {axis: state.state.phase for axis, state in claim_states(text).items() if axis in settings.veto_axes},
            )
        )
    return evidence


def quantity_keys(article: Article, start: int, end: int) -> Counter[str]:
    """``NUM:value`` keys of the nlp stage's quantities inside ``[start, end)`` (1 and 2 are too common)."""
    keys: Counter[str] = Counter()
    for quantity in article.quantities:
        if start <= quantity.start and quantity.end <= end and quantity.value not in (1, 2):
            keys[f"NUM:{quantity.value:g}"] += 1
    return keys


def sentence_counts(article: Article, start: int, end: int) -> list[tuple[float, str]]:
    """(value, singular unit) of the quantities with a unit inside ``[start, end)`` (1 left out)."""
    return [
        (q.value, _singular(q.unit.lower()))
        for q in article.quantities
        if start <= q.start and q.end <= end and q.unit and q.value != 1
    ]


_SMALLEST_SHARED_COUNT = 3  # "two workers" in two sentences is too common to say they tell one count


def _singular(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def _counts_of_one_thing(a: list[tuple[float, str]], b: list[tuple[float, str]]) -> list[tuple[float, float]]:
    """(smaller, larger) of every pair of positive figures the two sentences give for the same unit."""
    return [
        (min(value_a, value_b), max(value_a, value_b))
        for value_a, unit_a in a
        for value_b, unit_b in b
        if unit_a == unit_b and min(value_a, value_b) > 0
    ]


def other_count(a: list[tuple[float, str]], b: list[tuple[float, str]], ratio: float, tolerance: float) -> bool:
    """Whether the two sentences count one kind of thing with figures at least ``ratio`` apart and
    none within ``tolerance`` ("10,000 soldiers" and "18 soldiers": two different counts)."""
    pairs = _counts_of_one_thing(a, b)
    if any(larger <= smaller * (1 + tolerance) for smaller, larger in pairs):
        return False
    return any(larger >= smaller * ratio for smaller, larger in pairs)


def same_count(a: list[tuple[float, str]], b: list[tuple[float, str]], tolerance: float) -> bool:
    """Whether the two sentences give a figure for the same counted thing within ``tolerance`` of each
    other (10,000 and 11,000 soldiers: one count, told twice)."""
    return any(
        smaller >= _SMALLEST_SHARED_COUNT and larger <= smaller * (1 + tolerance)
        for smaller, larger in _counts_of_one_thing(a, b)
    )


_NUMBER_KINDS = frozenset({"NUM", "YEAR", "DAY"})
_PEOPLE, _ORGANISATIONS, _PLACES, _YEARS = (frozenset({"PERSON"}), frozenset({"ORG"}), frozenset({"PLACE"}),
                                            frozenset({"YEAR"}))
_NAME_KINDS = frozenset({"PERSON", "ORG", "PLACE"} | (NAMED_LABELS - {"GPE", "LOC", "FAC"}))


def pair_features(
    a: SentenceEvidence, b: SentenceEvidence, tables: TriggerTables, idf: dict[str, float],
    settings: AlignmentSettings, document: dict[str, float] | None = None,
) -> dict[str, float]:
    """Features of a candidate sentence pair (see FEATURES); ``document``: the two articles'
    ``document_features`` when already computed (they are the same for every pair of two articles)."""
    trigger, known = 0.0, 0.0
    for u in a.triggers:
        for v in b.triggers:
            rate = tables.corefer(u, v)
            if rate is None:
                rate = settings.unseen_same_stem_score if u == v else 0.0
            else:
                known = 1.0
            trigger = max(trigger, rate)
    shared = set(a.stems) & set(b.stems)
    same_stems = sum(idf.get(s, 1.0) for s in shared) / 10.0
    names = len(a.names & b.names)
    numbers = len(a.numbers & b.numbers)
    return {
        "trigger": trigger,
        "trigger_known": known,
        "same_stems": min(same_stems, 3.0),
        "names": min(float(names), 3.0),
        "numbers": min(float(numbers), 2.0),
        "cosine": _tfidf_cosine(a.stems, b.stems, idf),
        "lead": float(a.lead and b.lead),
        "other_people": float(_different_people(a.names, b.names)),
        "same_count": float(same_count(a.counts, b.counts, settings.same_count_tolerance)),
        "other_state": float(any(a.phases[axis] != b.phases[axis] for axis in a.phases.keys() & b.phases.keys())),
        "other_count": float(other_count(a.counts, b.counts, settings.other_count_ratio, settings.same_count_tolerance)),
        **(document if document is not None else document_features(a.document, b.document, idf)),
    }


def document_features(a: DocumentEvidence, b: DocumentEvidence, idf: dict[str, float]) -> dict[str, float]:
    """The article model's features (DOCUMENT_FEATURES) of two articles."""
    return {"doc_names": _tfidf_cosine(a.names, b.names, idf), "doc_words": _tfidf_cosine(a.stems, b.stems, idf)}


def report_features(a: DocumentEvidence, b: DocumentEvidence, idf: dict[str, float]) -> dict[str, float]:
    """The report model's features (REPORT_FEATURES) of two articles."""

    def kinds_cosine(kinds: frozenset[str]) -> float:
        return _tfidf_cosine(a.names_of_kinds(kinds), b.names_of_kinds(kinds), idf)

    def none_shared(kinds: frozenset[str]) -> float:
        first, second = a.names_of_kinds(kinds).keys(), b.names_of_kinds(kinds).keys()
        return float(bool(first and second and not first & second))

    return {
        **document_features(a, b, idf),
        "doc_people": kinds_cosine(_PEOPLE),
        "doc_organisations": kinds_cosine(_ORGANISATIONS),
        "doc_places": kinds_cosine(_PLACES),
        "doc_numbers": kinds_cosine(_NUMBER_KINDS),
        "doc_other_people": none_shared(_PEOPLE),
        "doc_other_places": none_shared(_PLACES),
        "doc_other_years": none_shared(_YEARS),
        "doc_leads": _tfidf_cosine(a.lead, b.lead, idf),
        "doc_other_protagonist": float(None not in (a.protagonist, b.protagonist) and a.protagonist != b.protagonist),
        "doc_other_lead_numbers": float(bool(a.lead_numbers and b.lead_numbers and not a.lead_numbers & b.lead_numbers)),
    }


def _different_people(a: set[str], b: set[str]) -> bool:
    """Both sentences name people and share none of them: likely two events of one kind."""
    people_a = {k for k in a if k.startswith("PERSON:")}
    people_b = {k for k in b if k.startswith("PERSON:")}
    return bool(people_a and people_b and not people_a & people_b)


def has_sentence_evidence(features: dict[str, float], settings: AlignmentSettings) -> bool:
    """Whether the two sentences themselves (not just their articles) point at one event: enough
    word overlap, a figure for the same counted thing, or event words that often name the same
    event (reporting words never count) with a shared name or number."""
    if features["cosine"] >= settings.min_sentence_cosine or features["same_count"] > 0:
        return True
    return features["trigger"] >= settings.min_trigger_link and features["names"] + features["numbers"] >= 1


def link_probability(features: dict[str, float], settings: AlignmentSettings) -> float:
    """Probability that two sentences report the same event; 0 without sentence-level evidence.

    The product of P(same event | the articles report one event), from sentence evidence, and
    P(the articles report one event), from article similarity: similar articles never raise a link.
    Sentences that give one thing different states ("missing" and "detained": status phases of
    ``storytrace.updates``) are never one fact: the later one is an update of the earlier. Nor are
    sentences that count one kind of thing with far-apart figures.
    """
    if not has_sentence_evidence(features, settings) or features.get("other_state") or features.get("other_count"):
        return 0.0
    return _logistic(settings.sentence_bias, settings.sentence_weights, features) * _logistic(
        settings.document_bias, settings.document_weights, features
    )


def _logistic(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weight * features[name] for name, weight in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def _tfidf_cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    dot = sum(a[s] * b[s] * idf.get(s, 1.0) ** 2 for s in a.keys() & b.keys())
    if not dot:
        return 0.0
    na = math.sqrt(sum((c * idf.get(s, 1.0)) ** 2 for s, c in a.items()))
    nb = math.sqrt(sum((c * idf.get(s, 1.0)) ** 2 for s, c in b.items()))
    return dot / (na * nb)


def candidate_pairs(evidence: list[SentenceEvidence], settings: AlignmentSettings) -> set[tuple[int, int]]:
    """Index pairs (i < j) of sentences from different articles sharing a trigger stem or a name."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(evidence):
        for key in ev.triggers:
            index[f"t:{key}"].append(i)
        for key in ev.names:
            index[f"n:{key}"].append(i)
        if settings.candidates_from_words:
            for key in ev.stems:
                index[f"w:{key}"].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > settings.max_sentences_per_key:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if settings.within_article_weight > 0 or evidence[i].key[0] != evidence[j].key[0]:
                    pairs.add((i, j) if i < j else (j, i))
    # Trigger pairs known to corefer across different stems (e.g. "quake" / "earthquake").
    return pairs | _cross_stem_pairs(evidence, settings)


def _cross_stem_pairs(evidence: list[SentenceEvidence], settings: AlignmentSettings) -> set[tuple[int, int]]:
    tables = load_trigger_tables()
    by_trigger: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(evidence):
        for t in ev.triggers:
            by_trigger[t].append(i)
    pairs: set[tuple[int, int]] = set()
    triggers = sorted(by_trigger)
    for x, u in enumerate(triggers):
        for v in triggers[x + 1 :]:
            rate = tables.corefer(u, v)
            if rate is None or rate < 0.3:
                continue
            for i in by_trigger[u]:
                for j in by_trigger[v]:
                    if i != j and (settings.within_article_weight > 0 or evidence[i].key[0] != evidence[j].key[0]):
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def story_idf(evidence: list[SentenceEvidence]) -> dict[str, float]:
    """IDF over the story's sentences of their stems, names and numbers."""
    return _idf([(ev.stems.keys(), ev.names | ev.numbers) for ev in evidence])


def _idf(sentences: list[tuple[Iterable[str], Iterable[str]]]) -> dict[str, float]:
    frequencies: Counter[str] = Counter()
    for stems, keys in sentences:
        frequencies.update(stems)
        frequencies.update(keys)
    n = len(sentences)
    return {s: math.log((n + 1) / (c + 1)) + 1.0 for s, c in frequencies.items()}


def scored_pairs(
    articles: list[Article], settings: AlignmentSettings | None = None
) -> tuple[list[SentenceEvidence], dict[tuple[int, int], dict[str, float]]]:
    """Sentence evidence of the articles and the features of every candidate pair (for fitting and alignment)."""
    settings = settings or AlignmentSettings()
    tables = load_trigger_tables()
    evidence = [ev for article in articles for ev in sentence_evidence(article, tables, settings)]
    idf = story_idf(evidence)
    pairs = candidate_pairs(evidence, settings)
    documents: dict[tuple[str, str], dict[str, float]] = {}  # article features, computed once per article pair
    features = {}
    for i, j in pairs:
        a, b = evidence[i], evidence[j]
        key = (a.key[0], b.key[0])
        if key not in documents:
            documents[key] = document_features(a.document, b.document, idf)
        features[(i, j)] = pair_features(a, b, tables, idf, settings, documents[key])
    return evidence, features


def report_probabilities(
    articles: list[Article], weights: dict[str, float], bias: float,
    settings: AlignmentSettings | None = None, tables: TriggerTables | None = None,
) -> dict[tuple[str, str], float]:
    """P(the two articles report one event) for every pair of the articles (both orders): a logistic
    model with ``weights`` and ``bias`` over ``report_features`` (story IDF, as the link model)."""
    settings = settings or AlignmentSettings()
    tables = tables or load_trigger_tables()
    sentences = []
    for article in articles:
        for sentence in article.sentences:
            stems, names, numbers = _sentence_terms(article, sentence.start, sentence.end, tables)
            sentences.append((stems.keys(), names | numbers))
    idf = _idf(sentences)  # as story_idf, without the rest of the sentence evidence
    documents = {article.id: document_evidence(article, settings) for article in articles if article.sentences}
    ids = list(documents)
    probability: dict[tuple[str, str], float] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            features = report_features(documents[a], documents[b], idf)
            probability[(a, b)] = probability[(b, a)] = _logistic(bias, weights, features)
    return probability


def align_claims(
    articles: list[Article],
    story_article_ids: list[str],
    settings: AlignmentSettings | None = None,
    speakers: dict[SentenceKey, str | None] | None = None,
    copies: dict[SentenceKey, SentenceKey] | None = None,
) -> dict[SentenceKey, str]:
    """Group the sentences of one story's articles into facts.

    Requires the articles of the story (others in ``articles`` are ignored). Returns a group id for
    every (article id, sentence index) of the story; sentences of different articles with the same
    group report the same event; a sentence with no aligned partner has a group of its own.
    ``speakers`` (sentence -> who the article says states it, None for its own voice) keeps sentences
    of one article with different speakers apart; sentences missing from it are unconstrained.
    ``copies`` (copied sentence -> the sentence it copies, from reuse) keeps one article's related
    claims apart even when another article copied them (see ``group_sentences``).
    """
    settings = settings or AlignmentSettings()
    wanted = set(story_article_ids)
    keys, probability = link_probabilities([a for a in articles if a.id in wanted], settings)
    return group_sentences(keys, probability, settings.link_threshold, settings.within_article_weight, speakers,
                           copies)


def link_probabilities(
    articles: list[Article], settings: AlignmentSettings
) -> tuple[list[SentenceKey], dict[tuple[int, int], float]]:
    """The sentences of the articles and the link probability of every candidate pair (by index)."""
    evidence, features = scored_pairs(articles, settings)
    probability = {p: link_probability(f, settings) for p, f in features.items()}
    return [ev.key for ev in evidence], probability


def group_sentences(
    keys: list[SentenceKey],
    probability: dict[tuple[int, int], float],
    threshold: float,
    within_article_weight: float = 1.0,
    speakers: dict[SentenceKey, str | None] | None = None,
    copies: dict[SentenceKey, SentenceKey] | None = None,
) -> dict[SentenceKey, str]:
    """Average-link groups (``g1``, ``g2``... in sentence order) of sentences linked at ``threshold``;
    a pair of sentences of one article weighs ``within_article_weight`` in the averages, and two
    sentences of one article with different ``speakers`` never share a group. A group whose
    sentences all come from one article is split again: a fact is what different articles share,
    and two sentences of one article saying related things are two claims.

    With ``copies`` (copied sentence -> the sentence it copies), a copy counts as a sentence of the
    article its original is in for that split, and the split keeps each original with its copies:
    three related sentences of article A with copies of two of them in article B are three claims of
    A (two of them carried by B too), not one fact that A and B share."""
    owners = [key[0] for key in keys]
    voices = None
    if speakers is not None:
        voices = [(key[0], speakers[key]) if key in speakers else None for key in keys]
    original_of = _originals(keys, copies or {})
    clusters = [
        part
        for cluster in average_link(len(keys), probability, threshold, owners, within_article_weight, voices)
        for part in _split_one_article(cluster, original_of)
    ]
    groups: dict[SentenceKey, str] = {}
    for number, cluster in enumerate(sorted(clusters, key=min)):
        for i in cluster:
            groups[keys[i]] = f"g{number + 1}"
    return groups


def _originals(keys: list[SentenceKey], copies: dict[SentenceKey, SentenceKey]) -> list[SentenceKey]:
    """For each key index, the sentence it copies (followed through copies of copies), or itself."""
    index = {key: i for i, key in enumerate(keys)}

    def original(key: SentenceKey) -> SentenceKey:
        seen = {key}
        while key in copies and copies[key] in index and copies[key] not in seen:
            key = copies[key]
            seen.add(key)
        return key

    return [original(key) for key in keys]


def _split_one_article(cluster: list[int], original_of: list[SentenceKey]) -> list[list[int]]:
    """The cluster, or, when its sentences are one article's (copies counted as their original's
    article), its sentences each with its copies."""
    if len({original_of[i][0] for i in cluster}) > 1:
        return [cluster]
    families: dict[SentenceKey, list[int]] = {}
    for i in cluster:
        families.setdefault(original_of[i], []).append(i)
    return list(families.values())


def average_link(
    size: int,
    similarity: dict[tuple[int, int], float],
    threshold: float,
    owners: list[str] | None = None,
    same_owner_weight: float = 1.0,
    voices: list[tuple[str, str | None] | None] | None = None,
) -> list[list[int]]:
    """Average-link agglomerative clustering over a sparse similarity (missing pairs count 0).

    Merges the two clusters with the highest average pairwise similarity while it is at least
    ``threshold``. With ``owners`` (the article of each item), a pair of items of the same article
    weighs ``same_owner_weight`` in the average (0: only cross-article pairs are evidence; 1: every
    pair counts alike). With ``voices`` ((article, speaker) of each item, or None), two clusters
    never merge when an article would speak in them with two speakers. Only clusters joined by some
    scored pair are ever compared.
    """
    owners = owners or [str(i) for i in range(size)]
    clusters: dict[int, list[int]] = {i: [i] for i in range(size)}
    owner_counts: dict[int, Counter[str]] = {i: Counter([owners[i]]) for i in range(size)}
    speakers: dict[int, dict[str, set[str | None]]] = {
        i: ({voices[i][0]: {voices[i][1]}} if voices and voices[i] is not None else {}) for i in range(size)
    }

    def compatible(a: int, b: int) -> bool:
        sa, sb = speakers[a], speakers[b]
        return all(len(sa[article] | sb[article]) == 1 for article in sa.keys() & sb.keys())
    links: dict[int, dict[int, float]] = defaultdict(dict)  # weighted summed similarity between clusters
    for (i, j), s in similarity.items():
        weighted = s * (same_owner_weight if owners[i] == owners[j] else 1.0)
        if weighted > 0:
            links[i][j] = links[i].get(j, 0.0) + weighted
            links[j][i] = links[j].get(i, 0.0) + weighted

    def weighted_pairs(a: int, b: int) -> float:
        ca, cb = owner_counts[a], owner_counts[b]
        same = sum(n * cb.get(o, 0) for o, n in ca.items())
        return len(clusters[a]) * len(clusters[b]) - same + same_owner_weight * same

    while True:
        best, best_pair = threshold, None
        for a, neighbours in links.items():
            for b, total in neighbours.items():
                if a < b:
                    pairs = weighted_pairs(a, b)
                    if pairs and total / pairs >= best and compatible(a, b):
                        best, best_pair = total / pairs, (a, b)
        if best_pair is None:
            break
        a, b = best_pair
        clusters[a].extend(clusters.pop(b))
        owner_counts[a].update(owner_counts.pop(b))
        for article, said_by in speakers.pop(b).items():
            speakers[a].setdefault(article, set()).update(said_by)
        for c, total in links.pop(b, {}).items():
            links[c].pop(b, None)
            if c != a:
                links[a][c] = links[a].get(c, 0.0) + total
                links[c][a] = links[a][c]
        links[a].pop(a, None)
    return list(clusters.values())

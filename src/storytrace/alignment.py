"""Fact alignment: group sentences of different articles in one story that report the same event.

Precision comes first: a false merge would tell the user that two outlets corroborate each other
when they do not. Two sentences are linked only on event evidence:

- trigger words: light stems of event words (verbs and event nouns). How likely two trigger stems
  are to name the same event across documents is read from ``data/event_trigger_pairs.tsv`` and how
  likely a stem is to be an event word from ``data/event_triggers.tsv`` (both learned from ECB+
  train gold by ``bench/events.py learn``); identical stems unknown to the tables get a prior;
- shared arguments: entity keys (people, organisations, places), numbers and dates;
- word overlap: TF-IDF cosine of the two sentences' stems, IDF taken over the story's sentences;
- position: lead sentences of news reports state the main event.

A logistic model over these features plus two article-level ones (how much the two articles share
names and words; weights in ``AlignmentSettings``, fitted on ECB+ train) gives each candidate pair a
probability, but only when the sentences themselves carry evidence (enough word overlap, or a likely
trigger pair with a shared name or number): article similarity alone never links two sentences.
Candidate pairs come from an inverted index over trigger stems, entity keys and content words, so
sentences sharing nothing are never compared. Groups are built by average-link
agglomerative clustering (a group joins another only if its sentences agree with that group's
sentences on average, not through one chain of links), stopped at ``link_threshold``.
Sentences with no such evidence stay alone (singleton groups).

Requires: ``Article.text``, ``sentences`` and ``entities``. Adds: a group id per (article id,
sentence index); sentences with the same group across articles report the same fact.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from storytrace.model import Article
from storytrace.textvec import (
    NAMED_LABELS,
    article_entity_keys,
    content_stems,
)

SentenceKey = tuple[str, int]  # (article id, sentence index)

FEATURES = (
    "trigger", "trigger_known", "same_stems", "names", "numbers", "cosine", "lead", "doc_names", "doc_words",
)


@dataclass
class AlignmentSettings:
    """Knobs of fact alignment (weights fitted on ECB+ train; see bench/events.py)."""

    weights: dict[str, float] = field(
        default_factory=lambda: {
            "trigger": -0.279,
            "trigger_known": 0.86,
            "same_stems": 0.919,
            "names": 0.001,
            "numbers": 1.244,
            "cosine": 0.323,
            "lead": 0.286,
            "doc_names": 6.469,
            "doc_words": 2.518,
        }
    )
    bias: float = -3.803
    link_threshold: float = 0.28  # average-link stops when the best average probability falls below this
    min_trigger_probability: float = 0.1  # stems less often annotated as events are not triggers
    unseen_same_stem_score: float = 0.3  # coreference prior for an identical stem missing from the tables
    lead_sentences: int = 3
    # A pair needs evidence in the sentences themselves: this much word overlap, or a trigger pair
    # this likely to corefer plus a shared name or number. Article similarity alone never links.
    min_sentence_cosine: float = 0.2
    min_trigger_link: float = 0.3
    max_sentences_per_key: int = 400
    candidates_from_words: bool = True  # also compare sentences that share any content word  # keys shared by more sentences are too common to propose pairs


@dataclass
class TriggerTables:
    """How likely a stem is an event word, and how likely two trigger stems corefer across documents."""

    trigger_rate: dict[str, float]
    pair_rate: dict[tuple[str, str], float]

    def is_trigger(self, stem: str, minimum: float) -> bool:
        return self.trigger_rate.get(stem, 0.0) >= minimum

    def corefer(self, a: str, b: str) -> float | None:
        """Learned coreference rate of two trigger stems, or None when the pair was never seen."""
        return self.pair_rate.get((a, b) if a <= b else (b, a))


@lru_cache(maxsize=1)
def load_trigger_tables() -> TriggerTables:
    """Read the learned trigger tables from the package's data files."""
    data = resources.files("storytrace") / "data"
    trigger_rate: dict[str, float] = {}
    for fields_ in _rows(data / "event_triggers.tsv"):
        stem, events, seen = fields_[0], int(fields_[1]), int(fields_[2])
        trigger_rate[stem] = events / seen if seen else 0.0
    pair_rate: dict[tuple[str, str], float] = {}
    for fields_ in _rows(data / "event_trigger_pairs.tsv"):
        a, b, coreferent, together = fields_[0], fields_[1], int(fields_[2]), int(fields_[3])
        pair_rate[(a, b) if a <= b else (b, a)] = (coreferent + 0.5) / (together + 1.0)
    return TriggerTables(trigger_rate, pair_rate)


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


@dataclass
class DocumentEvidence:
    """Whole-article evidence: are the two articles about the same event at all?"""

    stems: Counter[str]
    names: Counter[str]


def sentence_evidence(
    article: Article, tables: TriggerTables, settings: AlignmentSettings
) -> list[SentenceEvidence]:
    """Evidence for each sentence of an article (entity words are not counted as triggers)."""
    document = DocumentEvidence(
        Counter(content_stems(article.text)),
        Counter({k: c for k, c in article_entity_keys(article).items() if k.split(":", 1)[0] in _NAME_KINDS | _NUMBER_KINDS}),
    )
    evidence = []
    for index, sentence in enumerate(article.sentences):
        text = article.text[sentence.start : sentence.end]
        keys = article_entity_keys(article, sentence.start, sentence.end)
        names = {k for k in keys if k.split(":", 1)[0] in _NAME_KINDS}
        numbers = {k for k in keys if k.split(":", 1)[0] in _NUMBER_KINDS}
        name_words = {w for k in names for w in k.split(":", 1)[1].split()}
        stems = Counter(content_stems(text))
        triggers = {
            s for s in stems if s not in name_words and tables.is_trigger(s, settings.min_trigger_probability)
        }
        evidence.append(
            SentenceEvidence(
                (article.id, index), stems, triggers, names, numbers, index < settings.lead_sentences, document
            )
        )
    return evidence


_NUMBER_KINDS = frozenset({"NUM", "YEAR", "DAY"})
_NAME_KINDS = frozenset({"PERSON", "ORG", "PLACE"} | (NAMED_LABELS - {"GPE", "LOC", "FAC"}))


def pair_features(
    a: SentenceEvidence, b: SentenceEvidence, tables: TriggerTables, idf: dict[str, float],
    settings: AlignmentSettings,
) -> dict[str, float]:
    """Features of a candidate sentence pair (see FEATURES)."""
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
        "doc_names": _tfidf_cosine(a.document.names, b.document.names, idf),
        "doc_words": _tfidf_cosine(a.document.stems, b.document.stems, idf),
    }


def has_sentence_evidence(features: dict[str, float], settings: AlignmentSettings) -> bool:
    """Whether the two sentences themselves (not just their articles) point at one event."""
    if features["cosine"] >= settings.min_sentence_cosine:
        return True
    return features["trigger"] >= settings.min_trigger_link and features["names"] + features["numbers"] >= 1


def link_probability(features: dict[str, float], settings: AlignmentSettings) -> float:
    """Probability that two sentences report the same event; 0 without sentence-level evidence."""
    if not has_sentence_evidence(features, settings):
        return 0.0
    z = settings.bias + sum(settings.weights.get(name, 0.0) * value for name, value in features.items())
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
                if evidence[i].key[0] != evidence[j].key[0]:
                    pairs.add((i, j) if i < j else (j, i))
    # Trigger pairs known to corefer across different stems (e.g. "quake" / "earthquake").
    return pairs | _cross_stem_pairs(evidence)


def _cross_stem_pairs(evidence: list[SentenceEvidence]) -> set[tuple[int, int]]:
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
                    if evidence[i].key[0] != evidence[j].key[0]:
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def story_idf(evidence: list[SentenceEvidence]) -> dict[str, float]:
    frequencies: Counter[str] = Counter()
    for ev in evidence:
        frequencies.update(ev.stems.keys())
        frequencies.update(ev.names | ev.numbers)
    n = len(evidence)
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
    return evidence, {p: pair_features(evidence[p[0]], evidence[p[1]], tables, idf, settings) for p in pairs}


def align_claims(
    articles: list[Article], story_article_ids: list[str], settings: AlignmentSettings | None = None
) -> dict[SentenceKey, str]:
    """Group the sentences of one story's articles into facts.

    Requires the articles of the story (others in ``articles`` are ignored). Returns a group id for
    every (article id, sentence index) of the story; sentences of different articles with the same
    group report the same event; a sentence with no aligned partner has a group of its own.
    """
    settings = settings or AlignmentSettings()
    wanted = set(story_article_ids)
    members = [a for a in articles if a.id in wanted]
    evidence, features = scored_pairs(members, settings)
    probability = {p: link_probability(f, settings) for p, f in features.items()}
    owners = [ev.key[0] for ev in evidence]
    clusters = average_link(len(evidence), probability, settings.link_threshold, owners)
    groups: dict[SentenceKey, str] = {}
    for number, cluster in enumerate(sorted(clusters, key=min)):
        for i in cluster:
            groups[evidence[i].key] = f"g{number + 1}"
    return groups


def average_link(
    size: int, similarity: dict[tuple[int, int], float], threshold: float, owners: list[str] | None = None
) -> list[list[int]]:
    """Average-link agglomerative clustering over a sparse similarity (missing pairs count 0).

    Merges the two clusters with the highest average pairwise similarity while it is at least
    ``threshold``. With ``owners`` (the article of each item), pairs of items from the same article
    are left out of the average: only cross-article pairs can be evidence. Only clusters joined by
    some scored pair are ever compared.
    """
    owners = owners or [str(i) for i in range(size)]
    clusters: dict[int, list[int]] = {i: [i] for i in range(size)}
    owner_counts: dict[int, Counter[str]] = {i: Counter([owners[i]]) for i in range(size)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # summed similarity between clusters
    for (i, j), s in similarity.items():
        if s > 0:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s

    def cross_pairs(a: int, b: int) -> int:
        ca, cb = owner_counts[a], owner_counts[b]
        return len(clusters[a]) * len(clusters[b]) - sum(n * cb.get(o, 0) for o, n in ca.items())

    while True:
        best, best_pair = threshold, None
        for a, neighbours in links.items():
            for b, total in neighbours.items():
                if a < b:
                    pairs = cross_pairs(a, b)
                    if pairs and total / pairs >= best:
                        best, best_pair = total / pairs, (a, b)
        if best_pair is None:
            break
        a, b = best_pair
        clusters[a].extend(clusters.pop(b))
        owner_counts[a].update(owner_counts.pop(b))
        for c, total in links.pop(b, {}).items():
            links[c].pop(b, None)
            if c != a:
                links[a][c] = links[a].get(c, 0.0) + total
                links[c][a] = links[a][c]
        links[a].pop(a, None)
    return list(clusters.values())

"""Story clustering: group articles that report the same real-world event, one article at a time.

``StoryClusterer.add(article)`` puts a new article into the best existing story or starts a new one;
it never reclusters what is stored. Each article becomes a sparse vector of at most
``max_terms_per_article`` features: light word stems (title and lead counted twice) and entity keys
(people, organisations, places, events, numbers, years, days), each entity type with its own weight.
An article's vector is weighted with IDF once, when it is added, and then frozen, so stored vectors
and story centroids never drift as the corpus grows (a drifting IDF made the result depend on arrival
order). So that the first articles of a fresh corpus are not weighted with the IDF of a tiny corpus,
word stems pool their document frequencies with a shipped reference table (``ReferenceFrequencies``,
``data/story_stem_frequencies.txt``); names, numbers and dates use the corpus seen so far. Candidate stories come from an
inverted index from feature to the stories that carry it (posting lists capped to the most recent
stories, and features found in too many articles skipped), so the cost of ``add`` does not grow with
the number of stored articles. A candidate's score mixes, per channel (word stems, names, numbers and
dates), the cosine between the article and the story's centroid with its cosine to the story's
closest recent member (each vector is kept split by feature type with its part norms, so a channel's
cosine needs no refiltering); it is lowered when both carry publication dates far apart. The article
joins the best candidate scoring at least ``join_threshold``.

Requires: ``Article.text``, ``title``, ``published``, ``sentences`` (optional) and ``entities``.
Adds: story ids (``s1``, ``s2``, ... in order of creation) and readable story titles.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from storytrace.lexicons import word_map
from storytrace.model import Article
from storytrace.textvec import (
    DocumentFrequencies,
    content_stems,
    cosine,
    entity_keys,
    published_day,
    top_terms,
)

DEFAULT_FEATURE_WEIGHTS = {
    "PERSON": 3.0,
    "ORG": 2.0,
    "PLACE": 2.5,
    "EVENT": 2.5,
    "NORP": 1.0,
    "PRODUCT": 1.5,
    "WORK_OF_ART": 1.5,
    "LAW": 1.5,
    "NUM": 1.0,
    "YEAR": 1.5,
    "DAY": 2.0,
    "word": 1.0,
}


@dataclass
class StorySettings:
    """Knobs of the story clusterer (tuned on ECB+ train; see bench/clustering.py)."""

    join_threshold: float = 0.23
    max_terms_per_article: int = 100
    max_terms_per_story: int = 300
    lead_sentences: int = 3
    lead_weight: float = 2.0
    feature_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_FEATURE_WEIGHTS))
    # Similarity = weighted sum of cosines per channel (word stems, names, numbers and dates).
    channel_weights: dict[str, float] = field(default_factory=lambda: {"word": 0.5, "name": 0.3, "number": 0.2})
    # Share of the score from the best members (top_members of the last max_members_compared).
    member_weight: float = 0.3
    top_members: int = 1
    max_members_compared: int = 30
    # Candidate search through the inverted index.
    max_postings_per_feature: int = 64
    max_candidates: int = 25
    candidate_features: int = 40  # the article's heaviest features propose candidate stories
    common_feature_share: float = 0.05  # skip features found in more than this share of articles...
    common_feature_min_documents: int = 200  # ...once this many articles are stored
    # Time proximity: publication dates further apart than this lower the score.
    time_window_days: int = 90
    time_penalty: float = 0.7
    # Stable IDF: document frequencies of word stems in a reference news corpus, pooled with the
    # corpus seen so far (reference counts scaled by ``reference_weight``; 0 ignores the table).
    reference_frequencies: ReferenceFrequencies | None = None  # None: the shipped table
    reference_weight: float = 1.0


@dataclass
class _Story:
    id: str
    article_ids: list[str] = field(default_factory=list)
    term_sums: dict[str, float] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)

    def centroid(self) -> dict[str, float]:
        n = len(self.article_ids) or 1
        return {t: w / n for t, w in self.term_sums.items()}


class StoryClusterer:
    """Incremental story clustering over an inverted index of salient features."""

    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self.document_frequencies = DocumentFrequencies()
        self._stories: OrderedDict[str, _Story] = OrderedDict()
        self._story_of: dict[str, str] = {}
        self._parts: dict[str, TypedVector] = {}  # each stored article's vector, split by feature type
        self._titles: dict[str, str | None] = {}
        self._postings: dict[str, deque[str]] = {}
        self.reference = self.settings.reference_frequencies or (
            shipped_reference_frequencies() if self.settings.reference_weight > 0 else ReferenceFrequencies(0, {})
        )

    # ------------------------------------------------------------------ features

    def article_features(self, article: Article) -> Counter[str]:
        """Raw feature counts of one article: stems (lead counted ``lead_weight`` times) and entity keys."""
        counts: Counter[str] = Counter()
        lead_end = _lead_end(article, self.settings.lead_sentences)
        body = article.text
        if article.title and not body.startswith(article.title):
            for s in content_stems(article.title):
                counts[f"w:{s}"] += self.settings.lead_weight
        for s in content_stems(body[:lead_end]):
            counts[f"w:{s}"] += self.settings.lead_weight
        for s in content_stems(body[lead_end:]):
            counts[f"w:{s}"] += 1
        for entity in article.entities:
            factor = self.settings.lead_weight if entity.start < lead_end else 1.0
            for key in entity_keys(entity):
                counts[key] += factor
        day = published_day(article)
        if day is not None:
            counts[f"YEAR:{datetime.date.fromordinal(day).year}"] += 1
        return counts

    def _weighted(self, counts: Counter[str]) -> dict[str, float]:
        """Sublinear term frequency times the feature type's weight (IDF is applied by ``add``)."""
        weights = self.settings.feature_weights
        return {
            f: (1.0 + math.log(c)) * weights.get(f.split(":", 1)[0], weights["word"])
            for f, c in counts.items()
            if c > 0
        }

    def idf(self, feature: str) -> float:
        """Smoothed IDF of a feature; word stems pool the reference counts with the corpus seen so far."""
        frequencies = self.document_frequencies
        documents, count = frequencies.documents, frequencies.counts.get(feature, 0)
        weight = self.settings.reference_weight
        if feature.startswith("w:") and weight > 0:
            documents += weight * self.reference.documents
            count += weight * self.reference.counts.get(feature[2:], 0)
        return math.log((documents + 1) / (count + 1)) + 1.0

    # ------------------------------------------------------------------ clustering

    def add(self, article: Article) -> str:
        """Assign ``article`` to the best existing story or a new one; return the story id."""
        if article.id in self._story_of:
            return self._story_of[article.id]
        counts = self.article_features(article)
        self.document_frequencies.add(counts)
        tf = self._weighted(counts)
        # Frozen: weighted with the IDF of this moment, so stored vectors and centroids never drift.
        vector = top_terms({f: w * self.idf(f) for f, w in tf.items()}, self.settings.max_terms_per_article)
        day = published_day(article)

        parts = split_by_type(vector)
        best_id, best_score = None, 0.0
        for story_id in self._candidates(vector):
            score = self._score(parts, day, self._stories[story_id])
            if score > best_score:
                best_id, best_score = story_id, score
        if best_id is None or best_score < self.settings.join_threshold:
            best_id = f"s{len(self._stories) + 1}"
            self._stories[best_id] = _Story(best_id)
        self._join(self._stories[best_id], article, vector, parts, day)
        return best_id

    def _candidates(self, vector: dict[str, float]) -> list[str]:
        """Stories sharing the vector's heaviest features (``candidate_features`` of them), best first
        (at most ``max_candidates``): a bounded number of posting lists of bounded length, so the work
        does not grow with the corpus once the lists are full."""
        s = self.settings
        frequencies = self.document_frequencies
        too_common = None
        if frequencies.documents >= s.common_feature_min_documents:
            too_common = s.common_feature_share * frequencies.documents
        overlap: Counter[str] = Counter()
        salient = sorted(vector.items(), key=lambda item: -item[1])[: s.candidate_features]
        for feature, weight in salient:
            if too_common is not None and frequencies.counts.get(feature, 0) > too_common:
                continue
            posting = self._postings.get(feature)
            if not posting:
                continue
            for story_id in posting:
                overlap[story_id] += weight
        return [story_id for story_id, _ in overlap.most_common(s.max_candidates)]

    def _score(self, query: TypedVector, day: int | None, story: _Story) -> float:
        """Similarity of an article to a story's centroid and best recent members, lowered for distant dates."""
        s = self.settings
        score = self._similarity(query, split_by_type(story.centroid()))
        if s.member_weight > 0:
            recent = story.article_ids[-s.max_members_compared :]
            best = sorted((self._similarity(query, self._parts[a]) for a in recent), reverse=True)[: s.top_members]
            score = (1 - s.member_weight) * score + s.member_weight * sum(best) / len(best)
        if day is not None and story.days:
            gap = min(abs(day - d) for d in story.days)
            if gap > s.time_window_days:
                score *= s.time_penalty
        return score

    def _similarity(self, a: TypedVector, b: TypedVector) -> float:
        """Weighted sum of per-channel cosines (word stems, names, numbers and dates)."""
        return sum(
            weight * typed_cosine(a, b, CHANNELS[channel]) for channel, weight in self.settings.channel_weights.items()
        )

    def _join(
        self, story: _Story, article: Article, vector: dict[str, float], parts: TypedVector, day: int | None
    ) -> None:
        story.article_ids.append(article.id)
        total = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        for feature, weight in vector.items():
            story.term_sums[feature] = story.term_sums.get(feature, 0.0) + weight / total
        if len(story.term_sums) > self.settings.max_terms_per_story:
            kept = top_terms(story.term_sums, self.settings.max_terms_per_story)
            story.term_sums = {f: story.term_sums[f] for f in kept}
        if day is not None:
            story.days.append(day)
        self._story_of[article.id] = story.id
        self._parts[article.id] = parts
        self._titles[article.id] = article.title
        for feature in vector:
            posting = self._postings.setdefault(feature, deque(maxlen=self.settings.max_postings_per_feature))
            if story.id in posting:
                continue
            posting.append(story.id)

    # ------------------------------------------------------------------ results

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in order of arrival."""
        return {sid: list(story.article_ids) for sid, story in self._stories.items()}

    def _vector(self, article_id: str) -> dict[str, float]:
        """A stored article's whole vector (kept only split by type, to hold one copy)."""
        return {f: w for part, _ in self._parts[article_id].values() for f, w in part.items()}

    def story_of(self, article_id: str) -> str:
        """The story id of a stored article."""
        return self._story_of[article_id]

    def central_article(self, story_id: str) -> str:
        """The member article closest to the story's centroid."""
        story = self._stories[story_id]
        centroid = story.centroid()
        return max(story.article_ids, key=lambda a: cosine(self._vector(a), centroid))

    def story_title(self, story_id: str) -> str:
        """The most central titled article's title, or else a phrase of the story's most salient names and words."""
        story = self._stories[story_id]
        centroid = story.centroid()
        titled = [a for a in story.article_ids if self._titles.get(a)]
        if titled:
            best = max(titled, key=lambda a: cosine(self._vector(a), centroid))
            return str(self._titles[best])
        return salient_phrase(centroid)


@dataclass(frozen=True)
class ReferenceFrequencies:
    """Document frequencies of word stems in a reference corpus (``documents`` documents)."""

    documents: int
    counts: dict[str, int]


REFERENCE_FREQUENCIES_FILE = "story_stem_frequencies.txt"


@cache
def shipped_reference_frequencies() -> ReferenceFrequencies:
    """The shipped reference table (``data/story_stem_frequencies.txt``: a ``*documents N`` line, then ``stem count``)."""
    table = {stem: int(count) for stem, count in word_map(REFERENCE_FREQUENCIES_FILE).items()}
    documents = table.pop("*documents")
    return ReferenceFrequencies(documents, table)


def salient_phrase(centroid: dict[str, float], names: int = 3, words: int = 3) -> str:
    """A short label from a weighted feature vector: its heaviest names, then its heaviest word stems."""
    ranked = sorted(centroid.items(), key=lambda kv: -kv[1])
    picked_names: list[str] = []
    for feature, _ in ranked:
        kind, _, value = feature.partition(":")
        if kind in ("PERSON", "ORG", "PLACE", "EVENT") and not any(value in n.lower() for n in picked_names):
            picked_names.append(value.title())
        if len(picked_names) >= names:
            break
    picked_words = [f[2:] for f, _ in ranked if f.startswith("w:")][:words]
    return ", ".join(picked_names + picked_words) or "untitled story"


CHANNELS = {
    "word": frozenset({"w"}),
    "name": frozenset({"PERSON", "ORG", "PLACE", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"}),
    "number": frozenset({"NUM", "YEAR", "DAY"}),
}


# A sparse vector split by feature type: type -> (its features with their weights, their squared norm).
TypedVector = dict[str, tuple[dict[str, float], float]]


def split_by_type(vector: dict[str, float]) -> TypedVector:
    """Split a feature vector by feature type (the part before ``:``), with each part's squared norm."""
    parts: dict[str, dict[str, float]] = {}
    for feature, weight in vector.items():
        parts.setdefault(feature.split(":", 1)[0], {})[feature] = weight
    return {kind: (part, sum(w * w for w in part.values())) for kind, part in parts.items()}


def typed_cosine(a: TypedVector, b: TypedVector, kinds: Iterable[str]) -> float:
    """Cosine of two typed vectors restricted to the feature types ``kinds``."""
    kinds = tuple(kinds)
    dot = 0.0
    for kind in kinds:
        if kind in a and kind in b:
            small, large = sorted((a[kind][0], b[kind][0]), key=len)
            dot += sum(w * large.get(f, 0.0) for f, w in small.items())
    if not dot:
        return 0.0
    norm_a = sum(a[kind][1] for kind in kinds if kind in a)
    norm_b = sum(b[kind][1] for kind in kinds if kind in b)
    return dot / math.sqrt(norm_a * norm_b)


def _lead_end(article: Article, lead_sentences: int) -> int:
    if article.sentences and lead_sentences > 0:
        return article.sentences[min(lead_sentences, len(article.sentences)) - 1].end
    return min(len(article.text), 400)


def cluster_articles(articles: list[Article], settings: StorySettings | None = None) -> list[list[str]]:
    """Cluster articles into stories in the given order; return lists of article ids."""
    clusterer = StoryClusterer(settings)
    for article in articles:
        clusterer.add(article)
    return list(clusterer.stories().values())

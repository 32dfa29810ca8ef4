"""Story clustering: group articles that report the same real-world event, one article at a time.

``StoryClusterer.add(article)`` puts a new article into the best existing story or starts a new one;
it never reclusters what is stored. ``storytrace.story_regroup`` may then merge or split the story the
article joined, through ``move`` (stored articles into another story; a story left empty is never
a candidate again) and ``new_story_id``. Each article becomes a sparse vector of at most
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
closest recent member (each stored vector keeps its count and squared norm per feature type, so a
channel's cosine needs no refiltering); it is lowered when both carry publication dates far apart. The
article joins the best candidate scoring at least ``join_threshold``.

Storage, sized for 100,000 articles in memory: each distinct feature string is kept once and numbered;
an article's frozen vector is two arrays (feature numbers, float64 weights, in the order the article
produced them) with its per-type counts and squared norms (``_Vector``); a story stores its member
numbers and, only once a second article joins, the sums of its members' unit vectors (a one-article
story's centroid is its article's vector over its norm); posting lists are arrays of story numbers.
Similarities are summed in the same order as over feature dicts, so results do not depend on the storage.

Requires: ``Article.text``, ``title``, ``published``, ``sentences`` (optional) and ``entities``.
Adds: story ids (``s1``, ``s2``, ... in order of creation) and readable story titles.
"""

from __future__ import annotations

import datetime
import math
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from storytrace.lexicons import shorten, word_map
from storytrace.model import Article
from storytrace.textmeta import strip_date_and_read_time
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


class _Vector:
    """A stored article vector, frozen at ``add``: feature numbers and weights in the order the article
    produced them, plus per feature type (in order of first appearance) its count and squared norm, and the
    same squared norms of the vector divided by its norm (``total``), which is a one-article story's centroid."""

    __slots__ = ("features", "weights", "total", "kinds", "counts", "squares", "unit_squares")

    def __init__(self, numbered: dict[int, float], kind_of: bytearray) -> None:
        self.features = array("I", numbered)
        self.weights = array("d", numbered.values())
        self.total = math.sqrt(sum(w * w for w in self.weights)) or 1.0
        counts: dict[int, int] = {}
        squares: dict[int, float] = {}
        unit_squares: dict[int, float] = {}
        for feature, weight in numbered.items():
            kind = kind_of[feature]
            counts[kind] = counts.get(kind, 0) + 1
            squares[kind] = squares.get(kind, 0) + weight * weight
            unit = weight / self.total
            unit_squares[kind] = unit_squares.get(kind, 0) + unit * unit
        self.kinds = bytes(counts)
        self.counts = tuple(counts.values())
        self.squares = array("d", squares.values())
        self.unit_squares = array("d", unit_squares.values())


class _Query:
    """The article being added, looked up feature by feature: number -> (type, position in its type, weight)."""

    __slots__ = ("lookup", "counts", "squares")

    def __init__(self, numbered: dict[int, float], kind_of: bytearray) -> None:
        self.lookup: dict[int, tuple[int, int, float]] = {}
        self.counts: dict[int, int] = {}
        self.squares: dict[int, float] = {}
        for feature, weight in numbered.items():
            kind = kind_of[feature]
            position = self.counts.get(kind, 0)
            self.lookup[feature] = (kind, position, weight)
            self.counts[kind] = position + 1
            self.squares[kind] = self.squares.get(kind, 0) + weight * weight

    def products(self, stored: _Vector, divisor: float | None) -> dict[int, list[tuple[int, float]]]:
        """Per feature type, (position in the query, product of weights) of the shared features, in the
        stored vector's order (its weights divided by ``divisor`` when given)."""
        found: dict[int, list[tuple[int, float]]] = {}
        lookup = self.lookup
        for feature, weight in zip(stored.features, stored.weights):
            hit = lookup.get(feature)
            if hit is not None:
                kind, position, query_weight = hit
                if divisor is not None:
                    weight = weight / divisor
                found.setdefault(kind, []).append((position, query_weight * weight))
        return found


def channel_cosine(
    query: _Query, stored: _Vector, products: dict[int, list[tuple[int, float]]], squares: array, kinds: tuple[int, ...]
) -> float:
    """Cosine of the query and a stored vector restricted to the feature types ``kinds``, from the
    ``products`` of their shared features (``_Query.products``) and the stored part's ``squares``.

    As with feature dicts split by type, each type's dot product is summed in the order of the shorter
    of the two parts (the query's when they are as long) and the types in the order of ``kinds``, so
    the float is bit for bit the one the dict-based clusterer computed (the partitions stay the same).
    """
    dot = 0.0
    norm_query = norm_stored = 0
    for kind in kinds:
        at = stored.kinds.find(kind)
        in_query = kind in query.counts
        if in_query:
            norm_query += query.squares[kind]
        if at >= 0:
            norm_stored += squares[at]
        if not in_query or at < 0:
            continue
        shared = products.get(kind, [])
        if stored.counts[at] >= query.counts[kind]:
            shared = sorted(shared)  # the query is the smaller side: sum in its order
        dot += sum(product for _, product in shared)
    if not dot:
        return 0.0
    return dot / math.sqrt(norm_query * norm_stored)


class _Story:
    """A story's members (article numbers, in order of arrival) and, once a second article joins, the
    sums of its members' unit vectors (feature number -> weight, at most ``max_terms_per_story``): a
    one-article story's centroid is its article's vector divided by its norm, so it is not stored."""

    __slots__ = ("members", "term_sums")

    def __init__(self) -> None:
        self.members: list[int] = []
        self.term_sums: dict[int, float] | None = None


class StoryClusterer:
    """Incremental story clustering over an inverted index of salient features.

    Storage (sized for 100,000 articles in memory): each distinct feature string is kept once, in a
    vocabulary that numbers it and records its type; an article is a number (in order of arrival), its
    vector a ``_Vector`` of arrays; a story is a ``_Story``; posting lists hold story numbers.
    """

    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self.document_frequencies = DocumentFrequencies()
        self._feature_numbers: dict[str, int] = {}
        self._feature_names: list[str] = []
        self._kind_of = bytearray()  # feature number -> type number
        self._kind_numbers: dict[str, int] = {}
        # The types of each similarity channel, as type numbers, in the order the channel's set gives them.
        self._channel_kinds = {
            channel: tuple(self._kind_number(kind) for kind in CHANNELS[channel]) for channel in self.settings.channel_weights
        }
        self._stories: list[_Story] = []  # story number n is story id f"s{n + 1}"
        self._article_numbers: dict[str, int] = {}
        self._article_ids: list[str] = []
        self._story_numbers = array("I")  # article number -> story number
        self._vectors: list[_Vector] = []  # article number -> its frozen vector
        self._days = array("i")  # article number -> publication day, 0 when unknown
        self._titles: list[tuple[str, bool] | None] = []  # article number -> (headline, is its title)
        self._postings: dict[str, array] = {}  # feature -> numbers of the latest stories carrying it
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

    # ------------------------------------------------------------------ vocabulary

    def _kind_number(self, kind: str) -> int:
        number = self._kind_numbers.get(kind)
        if number is None:
            number = self._kind_numbers[kind] = len(self._kind_numbers)
        return number

    def _numbered(self, vector: dict[str, float]) -> dict[int, float]:
        """The vector keyed by feature numbers (same order), numbering features seen for the first time."""
        numbered: dict[int, float] = {}
        for feature, weight in vector.items():
            number = self._feature_numbers.get(feature)
            if number is None:
                number = self._feature_numbers[feature] = len(self._feature_names)
                self._feature_names.append(feature)
                self._kind_of.append(self._kind_number(feature.split(":", 1)[0]))
            numbered[number] = weight
        return numbered

    # ------------------------------------------------------------------ clustering

    def add(self, article: Article) -> str:
        """Assign ``article`` to the best existing story or a new one; return the story id."""
        if article.id in self._article_numbers:
            return self.story_of(article.id)
        counts = self.article_features(article)
        self.document_frequencies.add(counts)
        tf = self._weighted(counts)
        # Frozen: weighted with the IDF of this moment, so stored vectors and centroids never drift.
        vector = top_terms({f: w * self.idf(f) for f, w in tf.items()}, self.settings.max_terms_per_article)
        day = published_day(article)

        numbered = self._numbered(vector)
        query = _Query(numbered, self._kind_of)
        best, best_score = None, 0.0
        for story in self._candidates(vector):
            score = self._score(query, day, self._stories[story])
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < self.settings.join_threshold:
            best = len(self._stories)
            self._stories.append(_Story())
        self._join(best, article, numbered, day)
        return f"s{best + 1}"

    def _candidates(self, vector: dict[str, float]) -> list[int]:
        """Numbers of the stories sharing the vector's heaviest features (``candidate_features`` of them),
        best first (at most ``max_candidates``): a bounded number of posting lists of bounded length, so
        the work does not grow with the corpus once the lists are full."""
        s = self.settings
        frequencies = self.document_frequencies
        too_common = None
        if frequencies.documents >= s.common_feature_min_documents:
            too_common = s.common_feature_share * frequencies.documents
        overlap: Counter[int] = Counter()
        salient = sorted(vector.items(), key=lambda item: -item[1])[: s.candidate_features]
        for feature, weight in salient:
            if too_common is not None and frequencies.counts.get(feature, 0) > too_common:
                continue
            for story in self._postings.get(feature, ()):
                if self._stories[story].members:  # a story emptied by moves is no candidate
                    overlap[story] += weight
        return [story for story, _ in overlap.most_common(s.max_candidates)]

    def _score(self, query: _Query, day: int | None, story: _Story) -> float:
        """Similarity of an article to a story's centroid and best recent members, lowered for distant dates."""
        s = self.settings
        if story.term_sums is None:  # one article: its vector over its norm is the centroid
            only = self._vectors[story.members[0]]
            score = self._similarity(query, only, only.total)
        else:
            score = self._similarity(query, self._centroid_vector(story))
        if s.member_weight > 0:
            recent = story.members[-s.max_members_compared :]
            best = sorted((self._similarity(query, self._vectors[a]) for a in recent), reverse=True)[: s.top_members]
            score = (1 - s.member_weight) * score + s.member_weight * sum(best) / len(best)
        if day is not None:
            days = [d for d in (self._days[a] for a in story.members) if d]
            if days and min(abs(day - d) for d in days) > s.time_window_days:
                score *= s.time_penalty
        return score

    def _similarity(self, query: _Query, stored: _Vector, divisor: float | None = None) -> float:
        """Weighted sum of per-channel cosines (word stems, names, numbers and dates) between the query and
        a stored vector, divided by ``divisor`` when given (a one-article story's centroid)."""
        products = query.products(stored, divisor)
        squares = stored.squares if divisor is None else stored.unit_squares
        return sum(
            weight * channel_cosine(query, stored, products, squares, self._channel_kinds[channel])
            for channel, weight in self.settings.channel_weights.items()
        )

    def _centroid_vector(self, story: _Story) -> _Vector:
        """The centroid of a story of several articles, as a vector to compare with."""
        return _Vector({f: w / len(story.members) for f, w in story.term_sums.items()}, self._kind_of)

    def _join(self, story_number: int, article: Article, numbered: dict[int, float], day: int | None) -> None:
        story = self._stories[story_number]
        number = len(self._article_ids)
        vector = _Vector(numbered, self._kind_of)
        if story.members or len(numbered) > self.settings.max_terms_per_story:
            self._add_to_sums(story, vector)
        story.members.append(number)
        self._article_numbers[article.id] = number
        self._article_ids.append(article.id)
        self._story_numbers.append(story_number)
        self._vectors.append(vector)
        self._days.append(day or 0)
        self._titles.append(article_headline(article))
        self._post(story_number, vector)

    def _post(self, story_number: int, vector: _Vector) -> None:
        """Index a story under the features of one of its members' vectors."""
        for feature in self._feature_names_of(vector):
            posting = self._postings.get(feature)
            if posting is None:
                posting = self._postings[feature] = array("I")
            if story_number in posting:
                continue
            if len(posting) >= self.settings.max_postings_per_feature:
                del posting[0]
            posting.append(story_number)

    # ------------------------------------------------------------------ moves (story_regroup)

    def new_story_id(self) -> str:
        """Open an empty story and return its id (``move`` fills it)."""
        self._stories.append(_Story())
        return f"s{len(self._stories)}"

    def move(self, article_ids: Sequence[str], story_id: str) -> None:
        """Move stored articles into a story (opened if its id is beyond the last story): the stories
        they leave and the one they join get their sums again from their members; a story left
        empty stays empty and is never a candidate again."""
        target = int(story_id[1:]) - 1
        while len(self._stories) <= target:
            self._stories.append(_Story())
        numbers = [self._article_numbers[a] for a in article_ids]
        touched = {self._story_numbers[n] for n in numbers} | {target}
        for number in numbers:
            self._stories[self._story_numbers[number]].members.remove(number)
            self._story_numbers[number] = target
        self._stories[target].members.extend(numbers)
        for story_number in touched:
            self._recount(self._stories[story_number])
        for number in numbers:
            self._post(target, self._vectors[number])

    def _recount(self, story: _Story) -> None:
        """A story's members in order of arrival and its term sums made again from them (none for one article)."""
        story.members.sort()
        story.term_sums = None
        if len(story.members) > 1:
            sums: dict[int, float] = {}
            for number in story.members:
                self._accumulate(sums, self._vectors[number])
            story.term_sums = {f: sums[f] for f in top_terms(sums, self.settings.max_terms_per_story)}

    def nearby_stories(self, article_id: str, minimum: float, limit: int) -> list[str]:
        """Other stories a stored article scores at least ``minimum`` with (as ``add`` scores them), best
        first, at most ``limit``."""
        number = self._article_numbers[article_id]
        stored = self._vectors[number]
        vector = {self._feature_names[f]: w for f, w in zip(stored.features, stored.weights)}
        query = _Query(dict(zip(stored.features, stored.weights)), self._kind_of)
        day = self._days[number] or None
        own = self._story_numbers[number]
        scored = [(self._score(query, day, self._stories[s]), s) for s in self._candidates(vector) if s != own]
        return [f"s{s + 1}" for score, s in sorted(scored, key=lambda x: (-x[0], x[1])) if score >= minimum][:limit]

    def members_of(self, story_id: str) -> list[str]:
        """The article ids of a story, in order of arrival."""
        return [self._article_ids[a] for a in self._stories[int(story_id[1:]) - 1].members]

    def _add_to_sums(self, story: _Story, vector: _Vector) -> None:
        """Add an article's unit vector to the story's term sums (made from its first article when it had
        only that one), keeping the ``max_terms_per_story`` heaviest."""
        if story.term_sums is None:
            story.term_sums = {}
            for member in story.members:
                self._accumulate(story.term_sums, self._vectors[member])
        self._accumulate(story.term_sums, vector)
        if len(story.term_sums) > self.settings.max_terms_per_story:
            kept = top_terms(story.term_sums, self.settings.max_terms_per_story)
            story.term_sums = {f: story.term_sums[f] for f in kept}

    @staticmethod
    def _accumulate(sums: dict[int, float], vector: _Vector) -> None:
        for feature, weight in zip(vector.features, vector.weights):
            sums[feature] = sums.get(feature, 0.0) + weight / vector.total

    def _feature_names_of(self, vector: _Vector) -> list[str]:
        return [self._feature_names[f] for f in vector.features]

    # ------------------------------------------------------------------ results

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in order of arrival."""
        return {f"s{n + 1}": [self._article_ids[a] for a in story.members] for n, story in enumerate(self._stories) if story.members}

    def story_of(self, article_id: str) -> str:
        """The story id of a stored article."""
        return f"s{self._story_numbers[self._article_numbers[article_id]] + 1}"

    def _vector(self, article: int | str) -> dict[str, float]:
        """A stored article's whole vector by feature name, grouped by feature type."""
        stored = self._vectors[self._article_numbers[article] if isinstance(article, str) else article]
        parts: dict[int, dict[str, float]] = {}
        for feature, weight in zip(stored.features, stored.weights):
            parts.setdefault(self._kind_of[feature], {})[self._feature_names[feature]] = weight
        return {f: w for part in parts.values() for f, w in part.items()}

    def _centroid(self, story_id: str) -> dict[str, float]:
        """A story's centroid by feature name."""
        story = self._stories[int(story_id[1:]) - 1]
        names = self._feature_names
        if story.term_sums is None:
            only = self._vectors[story.members[0]]
            return {names[f]: w / only.total for f, w in zip(only.features, only.weights)}
        return {names[f]: w / len(story.members) for f, w in story.term_sums.items()}

    def central_article(self, story_id: str) -> str:
        """The member article closest to the story's centroid."""
        members = self._stories[int(story_id[1:]) - 1].members
        centroid = self._centroid(story_id)
        return self._article_ids[max(members, key=lambda a: cosine(self._vector(a), centroid))]

    def story_title(self, story_id: str) -> str:
        """The title of the most central article that has one (``article_headline``), else the most
        central article's first sentence, else a phrase of the story's most salient names and words."""
        members = self._stories[int(story_id[1:]) - 1].members
        centroid = self._centroid(story_id)
        titled = [a for a in members if self._titles[a] and self._titles[a][1]] or \
            [a for a in members if self._titles[a]]
        if titled:
            best = max(titled, key=lambda a: cosine(self._vector(a), centroid))
            return self._titles[best][0]
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


HEADLINE_CHARS = 120


def article_headline(article: Article) -> tuple[str, bool] | None:
    """How an article can name its story: (its title, True) when the title says more than a date
    ("September 15, 2013 11:26 pm" is a date line, not a title), else (its first sentence that
    does, shortened to ``HEADLINE_CHARS``, False); None when it has neither."""
    if article.title and _says_more_than_a_date(article.title):
        return shorten(article.title, HEADLINE_CHARS), True
    for number in range(min(len(article.sentences), 3)):
        sentence = article.sentence_text(number)
        if _says_more_than_a_date(sentence):
            return shorten(sentence, HEADLINE_CHARS), False
    return None


def _says_more_than_a_date(text: str) -> bool:
    return len(re.findall(r"[^\W\d_]{2,}", strip_date_and_read_time(text))) >= 2


def salient_phrase(centroid: dict[str, float], names: int = 3, words: int = 3) -> str:
    """A short label from a weighted feature vector: its heaviest names, then its heaviest word stems."""
    ranked = sorted(centroid.items(), key=lambda kv: -kv[1])
    picked_names: list[str] = []
    for feature, _ in ranked:
        kind, _, value = feature.partition(":")
        if kind in ("PERSON", "ORG", "PLACE", "EVENT") and not any(
                value in n.lower() or n.lower() in value for n in picked_names):
            picked_names.append(value.title())
        if len(picked_names) >= names:
            break
    named = " ".join(picked_names).lower()
    picked_words = [f[2:] for f, _ in ranked if f.startswith("w:") and f[2:] not in named][:words]
    return ", ".join(picked_names + picked_words) or "untitled story"


CHANNELS = {
    "word": frozenset({"w"}),
    "name": frozenset({"PERSON", "ORG", "PLACE", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"}),
    "number": frozenset({"NUM", "YEAR", "DAY"}),
}


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

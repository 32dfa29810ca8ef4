"""Cheap text features shared by the cross-article stages: tokens, light stems, entity and date keys.

Cross-article stages never reparse text with spaCy; they tokenise ``Article.text`` with a regular
expression, reduce words to a light stem (lowercase plus suffix stripping, Porter-like but much
smaller), and turn the nlp stage's entities into normalised keys such as ``PERSON:obama``.
Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from storytrace.model import Article, Entity

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTHS = (
    "january february march april may june july august september october november december".split()
)
MONTH_RE = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b", re.I)

# Entity labels whose names identify a story's participants, places and events.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_VOWELS = set("aeiouy")
_UNDOUBLE_KEEP = set("lsz")


def words(text: str) -> list[str]:
    """Lowercased word and number tokens of ``text``."""
    return [m.group(0).lower().strip("'-") for m in WORD_RE.finditer(text)]


@lru_cache(maxsize=1 << 16)  # a pure function of the word, called for every word many times over
def stem(word: str) -> str:
    """A light stem: strip possessives and common inflectional/derivational suffixes.

    ``nominated``, ``nominating``, ``nomination`` and ``nominates`` all become ``nominat``;
    ``arrests``/``arrested`` become ``arrest``; ``dies``/``died``/``die`` become ``di``.
    """
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, repl in (("ational", "at"), ("ations", "at"), ("ation", "at"), ("ions", ""), ("ion", ""),
                         ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""), ("ies", "i"), ("ied", "i"),
                         ("sses", "ss"), ("edly", ""), ("ed", ""), ("ers", ""), ("er", ""), ("es", "e"),
                         ("ly", ""), ("s", "")):
        min_base = 1 if suffix in ("ies", "ied") else 3
        if w.endswith(suffix) and len(w) - len(suffix) >= min_base:
            if suffix == "s" and w[-2] in "su":
                break
            base = w[: len(w) - len(suffix)] + repl
            if not (_VOWELS & set(base)):
                break
            w = base
            if suffix in ("ing", "ed", "ings", "edly", "er", "ers") and len(w) > 3:
                if w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in _UNDOUBLE_KEEP:
                    w = w[:-1]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3 and w[-2] not in _VOWELS:
        w = w[:-1] + "i"
    return w


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword alphabetic tokens of ``text`` (order kept, repeats kept)."""
    return [stem(w) for w in words(text) if w.isalpha() and len(w) > 2 and w not in STOP_WORDS]


def normalise_name(text: str) -> str:
    """A comparable form of an entity name: lowercase, no leading 'the', no possessive, single spaces."""
    name = text.lower().replace("\u2019", "'").strip(" .,'\"")
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"\s+", " ", name)


def entity_keys(entity: Entity) -> list[str]:
    """Keys under which an entity can match another mention: ``LABEL:full name`` and, for people, the surname."""
    if entity.label in NAMED_LABELS:
        name = normalise_name(entity.text)
        if not name or not any(c.isalpha() for c in name):
            return []
        label = "PLACE" if entity.label in ("GPE", "LOC", "FAC") else entity.label
        keys = [f"{label}:{name}"]
        parts = name.split()
        if label in ("PERSON", "ORG", "PLACE") and len(parts) > 1:
            keys.append(f"{label}:{parts[-1]}")
        return keys
    if entity.label in NUMBER_LABELS:
        return [f"NUM:{n}" for n in re.findall(r"\d+(?:\.\d+)?", entity.text.replace(",", "")) if n not in ("1", "2")]
    if entity.label == "DATE":
        return date_keys(entity.text)
    return []


def date_keys(text: str) -> list[str]:
    """Year and month-day keys named in a date phrase (``YEAR:2009``, ``DAY:jul-13``)."""
    keys = [f"YEAR:{y}" for y in YEAR_RE.findall(text)]
    keys += [f"DAY:{m.group(1).lower()}-{int(m.group(2))}" for m in MONTH_RE.finditer(text)]
    return keys


def article_entity_keys(article: Article, start: int = 0, end: int | None = None) -> Counter[str]:
    """Entity keys (with counts) of the article's entities inside ``[start, end)``."""
    end = len(article.text) if end is None else end
    keys: Counter[str] = Counter()
    for entity in article.entities:
        if start <= entity.start and entity.end <= end:
            keys.update(entity_keys(entity))
    return keys


def published_day(article: Article) -> int | None:
    """Publication date as a day number (proleptic ordinal), or None when unknown or unparsable."""
    if not article.published:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", article.published)
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups())).toordinal()
    except ValueError:
        return None


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    if not dot:
        return 0.0
    return dot / (norm(a) * norm(b))


def norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values())) or 1.0


def top_terms(weights: Mapping[str, float], limit: int) -> dict[str, float]:
    """The ``limit`` heaviest entries of a sparse vector."""
    if len(weights) <= limit:
        return dict(weights)
    return dict(sorted(weights.items(), key=lambda kv: -kv[1])[:limit])


class DocumentFrequencies:
    """Document frequencies updated one document at a time, with a smoothed IDF."""

    def __init__(self) -> None:
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def add(self, features: Iterable[str]) -> None:
        self.documents += 1
        self.counts.update(set(features))

    def idf(self, feature: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(feature, 0) + 1)) + 1.0

"""Text reuse across articles: who copied, quoted or syndicated whom, with the passages on both sides.

Finding candidates never compares all pairs. Each article is cut into units (its sentences; a unit
shorter than ``MIN_PASSAGE_TOKENS`` tokens is joined to the next one), each unit gets a MinHash
signature (word 3-gram shingles, datasketch's affine32 scheme vectorised per article) and the
signature's bands go into one band table.
Adding an article looks its bands up, so the work per added article depends on the article and on
the few articles it shares bands with, not on the corpus size. Candidate pairs are then aligned
exactly (seed-and-extend on shared word 5-grams, adjacent matches merged across small edits, passages
under ``MIN_PASSAGE_TOKENS`` tokens dropped) to character offsets in both texts.

Rules (each applies to one pair of articles that share at least one passage):

- Direction: the earlier ``published`` is the source. When a date is missing or both fall on the
  same day with no time to split them, the first of these that tells the two apart decides (each
  names the *later* article, the target):
  ``citation``: it names the other's outlet near a shared passage;
  ``inferred-date``: it is undated and its inferred reference date (``Article.reference_date``:
  the latest date it states, or one set by storytrace.corpus) is after the other's publication day;
  ``framing``: it presents more of the shared words as reported by someone else: in quotation
  marks, or attributed to a media source, where the other runs them as its own text;
  ``mention``: it names the other's outlet anywhere in its body;
  ``credit``: a caption it carried (removed by cleaning) credits the other's outlet ("Photo: X").
  Failing all, nothing supports a direction: the smaller id is put as the source and the basis is
  ``unknown`` (the order shown is arbitrary). ``Reuse.direction_basis`` records which rule decided
  (``date`` when both dates did), and ``ReuseIndex.direction_basis`` keeps it per pair.
- Kind: ``syndication`` when the passages cover at least ``SYNDICATION_SHARE`` of the source's
  tokens; ``attributed_quote`` when at least half of the copied tokens lie in passages whose
  target sentence, or the sentence before or after, names the source outlet; else
  ``unattributed_copy``.
- Similarity: the share of the smaller article's tokens covered by passages.

Outlet names match case-insensitively, with or without a leading "The".
"""

from __future__ import annotations


import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import NamedTuple

import numpy as np

from storytrace.model import Article, Passage, Reuse

SHINGLE_TOKENS = 3  # words per MinHash shingle: short, so one edited word spoils few shingles
SEED_TOKENS = 5  # words of the exact match that seeds an alignment
NUM_PERM = 24  # MinHash permutations per unit
BANDS = 8  # LSH bands of NUM_PERM // BANDS = 3 rows: P(candidate) is 0.66 at Jaccard 0.5, 0.92 at 0.65
MIN_PASSAGE_TOKENS = 8  # shorter shared runs are common phrases, not reuse
MAX_EDIT_GAP = 3  # tokens of difference bridged when merging two matches into one passage
BRIDGE_TOKENS = 3  # equal tokens needed after an edit to continue a passage across it
SYNDICATION_SHARE = 0.5  # share of the source reproduced for a copy to count as syndication
MAX_POSTINGS = 1000  # a band key shared by more articles is boilerplate: no longer recorded or used
MAX_CANDIDATES = 100  # articles aligned per added article, the ones sharing most units first
MAX_SEED_POSITIONS = 8  # source positions tried for one target seed (repeated phrases)

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_BOILERPLATE = -1  # posting marker for a band key shared by more than MAX_POSTINGS articles


class Token(NamedTuple):
    text: str  # lowercased
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Lowercased word tokens with their character offsets (punctuation dropped)."""
    return [Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """The texts of ``tokenize(text)`` without offsets (faster, for aligning candidates)."""
    lowered = text.lower()
    if len(lowered) == len(text):  # no character changed length: same tokens, found in one pass
        return _TOKEN.findall(lowered)
    return [word.lower() for word in _TOKEN.findall(text)]


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The article's sentence spans, or a punctuation split of its text when it has none yet."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(article.text):
        if article.text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if article.text[start:].strip():
        spans.append((start, len(article.text)))
    return spans


# --------------------------------------------------------------------------- candidates (LSH)


class _BandTable:
    """MinHash LSH bands of every indexed unit, kept compact: one dict from band key to article(s).

    datasketch's ``MinHashLSH`` keeps a set and a bytes object per key and band (about 300 bytes
    each); at ~25 units x 8 bands per article that is ~60 kB an article, too much for 100,000
    articles in memory. Here a posting is an int (one article) or a list of ints, keyed by one
    64-bit hash of (band number, band values). Only which *articles* share a unit is recorded: the
    exact alignment finds the passages afterwards.
    """

    def __init__(self) -> None:
        self._postings: dict[int, int | list[int]] = {}

    def add(self, keys: set[int], article_number: int) -> None:
        for key in keys:
            posting = self._postings.get(key)
            if posting is None:
                self._postings[key] = article_number
            elif posting == _BOILERPLATE:
                continue
            elif isinstance(posting, int):
                self._postings[key] = [posting, article_number]
            elif len(posting) >= MAX_POSTINGS:
                self._postings[key] = _BOILERPLATE
            else:
                posting.append(article_number)

    def lookup(self, keys: set[int]) -> list[int]:
        """Article numbers sharing any key, once per shared key."""
        found: list[int] = []
        for key in keys:
            posting = self._postings.get(key)
            if posting is None or posting == _BOILERPLATE:
                continue
            if isinstance(posting, int):
                found.append(posting)
            else:
                found.extend(posting)
        return found

    def __len__(self) -> int:
        return len(self._postings)


_MASK32 = np.uint64(0xFFFFFFFF)
_RANDOM = np.random.default_rng(20240607)
_PERMUTE_A = _RANDOM.integers(1, 2**32, NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd: a bijection mod 2^32
_PERMUTE_B = _RANDOM.integers(0, 2**32, NUM_PERM, dtype=np.uint64)
_BAND_MIX = _RANDOM.integers(1, 2**63, (BANDS, NUM_PERM // BANDS + 1), dtype=np.uint64) | np.uint64(1)


def _units(tokens: list[Token], spans: list[tuple[int, int]]) -> list[list[str]]:
    """Token texts per unit: sentences, a short sentence joined to the next one."""
    units: list[list[str]] = []
    current: list[str] = []
    position = 0
    for _, end in spans:
        while position < len(tokens) and tokens[position].start < end:
            current.append(tokens[position].text)
            position += 1
        if len(current) >= MIN_PASSAGE_TOKENS:
            units.append(current)
            current = []
    current.extend(token.text for token in tokens[position:])
    if len(current) >= MIN_PASSAGE_TOKENS:
        units.append(current)
    return units


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser: spreads structured hashes (crc32) before the permutations."""
    values = values ^ (values >> np.uint64(16))
    values = (values * np.uint64(0x85EBCA6B)) & _MASK32
    values = values ^ (values >> np.uint64(13))
    values = (values * np.uint64(0xC2B2AE35)) & _MASK32
    return values ^ (values >> np.uint64(16))


def minhash_signatures(units: list[list[str]]) -> np.ndarray:
    """MinHash signatures (one row of ``NUM_PERM`` values per unit) over word 3-gram shingles.

    The scheme is datasketch's ``affine32`` (crc32 of the shingle, MurmurHash3 finaliser, then
    ``a * h + b mod 2^32`` per permutation, minimum per unit) computed for all units of an article
    in one numpy pass: measured 0.41 ms for a 24-unit article against 2.4 ms with one
    ``datasketch.MinHash`` per unit, the largest cost of ``ReuseIndex.add``.
    """
    hashes: list[int] = []
    starts: list[int] = []
    for words in units:
        starts.append(len(hashes))
        shingles = {" ".join(words[i : i + SHINGLE_TOKENS]) for i in range(max(len(words) - SHINGLE_TOKENS + 1, 1))}
        hashes.extend(zlib.crc32(shingle.encode()) for shingle in shingles)
    if not hashes:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    mixed = _fmix32(np.array(hashes, dtype=np.uint64))
    permuted = (mixed[:, None] * _PERMUTE_A[None, :] + _PERMUTE_B[None, :]) & _MASK32
    return np.minimum.reduceat(permuted, starts, axis=0)


def _band_keys(units: list[list[str]]) -> list[set[int]]:
    """Per unit, the set of 64-bit keys of its signature's bands (band number mixed in)."""
    signatures = minhash_signatures(units)
    if not len(signatures):
        return []
    rows = NUM_PERM // BANDS
    bands = signatures.reshape(len(signatures), BANDS, rows)
    # One 64-bit key per (unit, band): a random odd-weighted sum of the band's values and its number.
    keys = (bands * _BAND_MIX[None, :, :rows]).sum(axis=2) + _BAND_MIX[None, :, rows] * np.arange(1, BANDS + 1, dtype=np.uint64)
    return [set(row) for row in keys.tolist()]


# --------------------------------------------------------------------------- exact alignment


@dataclass
class _Match:
    source: int  # first token in the source
    target: int  # first token in the target
    length: int  # tokens matched
    source_end: int  # one past the last source token (after merging, spans may hold small edits)
    target_end: int


def seed_grams(tokens: list[str]) -> set[tuple[str, ...]]:
    """The word 5-grams of a token sequence (alignment seeds)."""
    return set(zip(*(tokens[k:] for k in range(SEED_TOKENS))))


def align_tokens(source: list[str], target: list[str], target_grams: set[tuple[str, ...]] | None = None) -> list[_Match]:
    """Shared passages of two token sequences: seed-and-extend on 5-grams, merged, long ones kept.

    Handles passages moved around (each target run finds its own source run) and small edits: a
    run continues across up to ``MAX_EDIT_GAP`` differing tokens on either side when at least
    ``BRIDGE_TOKENS`` equal tokens follow, and neighbouring runs on nearly the same diagonal merge.
    """
    target_grams = seed_grams(target) if target_grams is None else target_grams
    if target_grams.isdisjoint(zip(*(source[k:] for k in range(SEED_TOKENS)))):
        return []  # most LSH candidates that are not reuse stop here
    seeds: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, gram in enumerate(zip(*(source[k:] for k in range(SEED_TOKENS)))):
        if gram in target_grams:
            seeds[gram].append(j)
    if not seeds:
        return []
    matches: list[_Match] = []
    i = 0
    while i <= len(target) - SEED_TOKENS:
        best: _Match | None = None
        for j in seeds.get(tuple(target[i : i + SEED_TOKENS]), ())[:MAX_SEED_POSITIONS]:
            match = _extend(source, target, j, i)
            if best is None or match.length > best.length:
                best = match
        if best is None:
            i += 1
        else:
            matches.append(best)
            i = best.target_end
    return [m for m in _merge_matches(matches) if m.length >= MIN_PASSAGE_TOKENS]


def _run(source: list[str], target: list[str], j: int, i: int) -> int:
    length = 0
    while i + length < len(target) and j + length < len(source) and target[i + length] == source[j + length]:
        length += 1
    return length


def _extend(source: list[str], target: list[str], j: int, i: int) -> _Match:
    """The run from a seed at source ``j`` / target ``i``, bridged across small edits."""
    length = _run(source, target, j, i)
    match = _Match(j, i, length, j + length, i + length)
    gaps = sorted(((gt, gs) for gt in range(MAX_EDIT_GAP + 1) for gs in range(MAX_EDIT_GAP + 1) if gt or gs), key=sum)
    while True:
        for target_gap, source_gap in gaps:
            run = _run(source, target, match.source_end + source_gap, match.target_end + target_gap)
            if run >= BRIDGE_TOKENS:
                match.length += run
                match.source_end += source_gap + run
                match.target_end += target_gap + run
                break
        else:
            return match


def _merge_matches(matches: list[_Match]) -> list[_Match]:
    merged: list[_Match] = []
    for match in matches:  # already in target order
        if merged:
            last = merged[-1]
            target_gap = match.target - last.target_end
            source_gap = match.source - last.source_end
            if 0 <= target_gap <= MAX_EDIT_GAP and 0 <= source_gap <= MAX_EDIT_GAP:
                last.length += match.length
                last.source_end = match.source_end
                last.target_end = match.target_end
                continue
        merged.append(match)
    return merged


# --------------------------------------------------------------------------- direction and kind


def outlet_pattern(outlet: str | None) -> re.Pattern[str] | None:
    """A case-insensitive pattern for an outlet name, with or without a leading "The"."""
    if not outlet or not outlet.strip():
        return None
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE)
    if not name:
        return None
    words = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(rf"(?<!\w)(?:the\s+)?{words}(?!\w)", re.IGNORECASE)


def names_outlet(text: str, outlet: str | None) -> bool:
    pattern = outlet_pattern(outlet)
    return bool(pattern and pattern.search(text))


def parse_published(value: str | None) -> tuple[datetime, bool] | None:
    """(moment in UTC, has a time of day) for an ISO date or datetime; None if missing or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    has_time = len(value) > 10
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc), has_time


def earlier_by_date(first: Article, second: Article) -> int:
    """-1 if ``first`` was published earlier, 1 if later, 0 when the dates cannot tell."""
    a, b = parse_published(first.published), parse_published(second.published)
    if a is None or b is None:
        return 0
    if a[1] and b[1]:
        return (a[0] > b[0]) - (a[0] < b[0])
    day_a, day_b = first.published[:10], second.published[:10]
    return (day_a > day_b) - (day_a < day_b)


def referenced_after(undated: Article, other: Article) -> bool:
    """True when ``undated`` has no publication date but a reference date (a lower bound on when it
    was written) after the day ``other`` was published."""
    if undated.published or not undated.reference_date or not other.published:
        return False
    return undated.reference_date[:10] > other.published[:10]


_OPENING_QUOTES = "\"“‘«„"  # not ' or ’, which also close plural possessives ("the workers’ union")
_CREDIT = re.compile(r"\(([^()]*)\)\s*$")  # "(Photo: Agency)" closing a caption line


def _framed(article: Article, start: int, end: int) -> bool:
    """Whether ``article`` presents the words at ``start:end`` as someone else's report: inside
    quotation marks, or attributed to a media source whose name lies outside the words."""
    before = article.text[:start].rstrip()
    if before and before[-1] in _OPENING_QUOTES:
        return True
    for attribution in article.attributions:
        if attribution.source_type != "media" or attribution.source_span is None:
            continue
        source_start, source_end = attribution.source_span
        if start <= source_start < end:
            continue  # the attribution is part of the shared words: copied, not added
        covered = sum(max(0, min(e, end) - max(s, start)) for s, e in attribution.content_spans)
        if covered * 2 >= end - start:
            return True
    return False


def _more_framed(new: Article, new_side, old: Article, old_side) -> tuple[bool, bool]:
    """(new frames more of the shared characters than old, the reverse), passage by passage."""
    new_only = old_only = 0
    for (new_start, new_end), (old_start, old_end) in zip(new_side, old_side):
        new_framed, old_framed = _framed(new, new_start, new_end), _framed(old, old_start, old_end)
        if new_framed and not old_framed:
            new_only += new_end - new_start
        elif old_framed and not new_framed:
            old_only += old_end - old_start
    return new_only > old_only, old_only > new_only


def credits_outlet(article: Article, outlet: str | None) -> bool:
    """True when a caption cleaning removed from ``article`` credits ``outlet`` ("(Photo: X)")."""
    for removed in article.removed:
        credit = _CREDIT.search(removed.text)
        if (removed.reason == "caption" or credit) and names_outlet(credit.group(1) if credit else removed.text, outlet):
            return True
    return False


def _near_passage(article: Article, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The passage's sentences in ``article`` with the sentence before and the one after."""
    inside = [k for k, (s, e) in enumerate(spans) if e > start and s < end]
    if not inside:
        return article.text[start:end]
    first, last = max(inside[0] - 1, 0), min(inside[-1] + 1, len(spans) - 1)
    return article.text[spans[first][0] : spans[last][1]]


# --------------------------------------------------------------------------- the index


def kept_for_comparison(article: Article) -> Article:
    """The part of an indexed article that later comparisons read: text, sentences, dates, outlet,
    removed captions and media attributions (``_framed``); its entities, tags, quantities and other
    attributions are left out, so an index of 100,000 articles does not hold their analyses."""
    return replace(
        article, raw_text="", entities=[], tagged_words=[], quantities=[], time_expressions=[], given={},
        attributions=[a for a in article.attributions if a.source_type == "media" and a.source_span is not None],
    )


class ReuseIndex:
    """Incremental reuse detection: ``add`` one article, get its reuse with the articles already in.

    Holds what comparisons need of each added article (``kept_for_comparison``; its text is read
    again only when a later article shares bands with it) and the compact band table. ``direction_basis[(source, target)]`` says
    which rule set each returned pair's direction.
    """

    def __init__(self) -> None:
        self._bands = _BandTable()
        self._articles: list[Article] = []  # by article number
        self._numbers: dict[str, int] = {}
        self.direction_basis: dict[tuple[str, str], str] = {}

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._numbers

    def add(self, article: Article) -> list[Reuse]:
        """Index ``article`` and return its reuse with earlier-added articles (any direction).

        Requires ``Article.text`` (``sentences`` if present, else a punctuation split); reads
        ``published`` and ``outlet`` for direction and kind. An id already indexed is not added
        again and yields no reuse.
        """
        if article.id in self._numbers:
            return []
        tokens = tokenize(article.text)
        spans = sentence_spans(article)
        keys_per_unit = _band_keys(_units(tokens, spans))
        all_keys = set().union(*keys_per_unit) if keys_per_unit else set()
        candidates = self._candidates(keys_per_unit)
        number = len(self._articles)
        self._articles.append(kept_for_comparison(article))
        self._numbers[article.id] = number
        self._bands.add(all_keys, number)
        found = []
        new_words = [token.text for token in tokens]
        new_grams = seed_grams(new_words)
        for other_number in candidates:
            reuse = self._compare(self._articles[other_number], article, tokens, spans, new_words, new_grams)
            if reuse is not None:
                found.append(reuse)
        return found

    def _candidates(self, keys_per_unit: list[set[int]]) -> list[int]:
        shared_units: dict[int, int] = defaultdict(int)
        for keys in keys_per_unit:
            for other in set(self._bands.lookup(keys)):
                shared_units[other] += 1
        ranked = sorted(shared_units, key=lambda other: (-shared_units[other], other))
        return ranked[:MAX_CANDIDATES]

    def _compare(self, old: Article, new: Article, new_tokens, new_spans, new_words, new_grams) -> Reuse | None:
        # Align with the old article as "source" first, then orient by the rules.
        matches = align_tokens(words(old.text), new_words, new_grams)
        if not matches:
            return None
        old_tokens = tokenize(old.text)
        old_spans = sentence_spans(old)
        old_side = [(old_tokens[m.source].start, old_tokens[m.source_end - 1].end) for m in matches]
        new_side = [(new_tokens[m.target].start, new_tokens[m.target_end - 1].end) for m in matches]
        new_is_target, basis = self._direction(old, new, old_side, new_side, old_spans, new_spans)
        if new_is_target:
            source, target, source_side, target_side = old, new, old_side, new_side
            source_tokens, target_spans = len(old_tokens), new_spans
            source_covered = sum(m.source_end - m.source for m in matches)
            target_covered = sum(m.target_end - m.target for m in matches)
            target_total = len(new_tokens)
        else:
            source, target, source_side, target_side = new, old, new_side, old_side
            source_tokens, target_spans = len(new_tokens), old_spans
            source_covered = sum(m.target_end - m.target for m in matches)
            target_covered = sum(m.source_end - m.source for m in matches)
            target_total = len(old_tokens)
        passages = sorted(
            (Passage(s[0], s[1], t[0], t[1]) for s, t in zip(source_side, target_side)),
            key=lambda p: p.target_start,
        )
        kind = _kind(source, target, passages, target_spans, source_covered / max(source_tokens, 1))
        smaller = min((source_tokens, source_covered), (target_total, target_covered))
        similarity = round(min(smaller[1] / max(smaller[0], 1), 1.0), 4)
        self.direction_basis[(source.id, target.id)] = basis
        return Reuse(source.id, target.id, kind, passages, similarity, direction_basis=basis)

    @staticmethod
    def _direction(old, new, old_side, new_side, old_spans, new_spans) -> tuple[bool, str]:
        """(the new article is the target, which rule decided): see the module docstring."""
        by_date = earlier_by_date(old, new)
        if by_date:
            return by_date < 0, "date"
        evidence = (  # each rule gives (new is later, old is later), tried in order
            (
                "citation",
                lambda: (
                    any(names_outlet(_near_passage(new, new_spans, s, e), old.outlet) for s, e in new_side),
                    any(names_outlet(_near_passage(old, old_spans, s, e), new.outlet) for s, e in old_side),
                ),
            ),
            ("inferred-date", lambda: (referenced_after(new, old), referenced_after(old, new))),
            ("framing", lambda: _more_framed(new, new_side, old, old_side)),
            ("mention", lambda: (names_outlet(new.text, old.outlet), names_outlet(old.text, new.outlet))),
            ("credit", lambda: (credits_outlet(new, old.outlet), credits_outlet(old, new.outlet))),
        )
        for basis, rule in evidence:
            new_is_later, old_is_later = rule()
            if new_is_later != old_is_later:
                return new_is_later, basis
        return old.id < new.id, "unknown"


def _credited_to_media(target: Article, start: int, end: int) -> bool:
    """True when the target attributes the text between ``start`` and ``end`` to a media outlet
    ("...," The Daily X reported): the copy is credited even when we cannot check the outlet's name."""
    for attribution in target.attributions:
        nearest = attribution.chain[-1].source_type if attribution.chain else attribution.source_type
        if nearest not in ("media", "self") and attribution.source_type != "media":
            continue
        covered = sum(max(0, min(e, end) - max(s, start)) for s, e in attribution.content_spans)
        if covered * 2 >= end - start:
            return True
    return False


def _kind(source: Article, target: Article, passages: list[Passage], target_spans, source_share: float) -> str:
    if source_share >= SYNDICATION_SHARE:
        return "syndication"
    copied = attributed = 0
    for passage in passages:
        size = passage.target_end - passage.target_start
        copied += size
        if names_outlet(_near_passage(target, target_spans, passage.target_start, passage.target_end), source.outlet):
            attributed += size
        elif source.outlet is None and _credited_to_media(target, passage.target_start, passage.target_end):
            attributed += size  # the source's outlet is unknown, but the copy credits an outlet for this text
    return "attributed_quote" if copied and attributed * 2 >= copied else "unattributed_copy"


def find_reuse(articles: list[Article], *, index: ReuseIndex | None = None) -> list[Reuse]:
    """Reuse among ``articles`` (and with those already in ``index``, when one is given).

    Requires each article's ``text`` (and ``sentences``, ``published``, ``outlet`` when known);
    returns one ``Reuse`` per article pair sharing passages, source to target. Pass a kept
    ``ReuseIndex`` to add new articles to a corpus without redoing it.
    """
    index = index if index is not None else ReuseIndex()
    found: list[Reuse] = []
    for article in articles:
        found.extend(index.add(article))
    return found

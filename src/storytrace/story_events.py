"""Story events: the real-world happenings a story's reports mention, and which claims mention each.

Facts (``storytrace.alignment``) group claims that state the same thing, and only facts count
independent origins. An event is coarser: it gathers every claim that mentions one happening,
whatever the claim says about it ("18 soldiers deserted", "the deserters were detained two days
later" and "the desertion has not been confirmed" all mention the desertion). A claim that mentions
several happenings belongs to several events. The user gets an index of what the story is about and
where each outlet mentions it; the ECB+ event benchmark (``bench/events.py``) scores this layer
against gold cross-document event instances.

Event words are light stems (``storytrace.textvec.stem``) of the words of a sentence that are not
inside a named entity and are neither reporting words ("said", "told", from the alignment's tables)
nor words common in news sentences that are rarely an event ("police", "year":
``data/event_common_words.tsv``), nor light verbs ("include", "attempt": ``data/event_light_words.txt``). A stem the learned trigger table knows (``data/event_triggers.tsv``)
must be an event word at least ``min_trigger_rate`` of the time. A word the tables never saw (most of
a new story's vocabulary) must be a verb, a nominalisation (``data/event_noun_suffixes.txt``:
"invasion", "withdrawal"; not the things of ``data/event_noun_suffix_exceptions.txt``: "nation",
"equipment"), a noun of a general list of happenings (``data/event_nouns.txt``: "earthquake",
"blaze") or a noun the story also uses as a verb, by the nlp stage's tags
(``Article.tagged_words``); "kilometers", "autumn" and "western" name no happening. Both tables are
learned from ECB+ train by ``bench/events.py learn``.

A stem is one of the story's events when at least ``min_articles`` articles, and at least
``min_article_share`` of the story's articles, use it: a happening the story's reports share, not one
article's aside. Stems that the learned pair table says usually name the same event across documents
("quake" and "earthquake") make one event. The event's label is its commonest word in the story.
Stories of one article have no events: there is nothing to align across.

Requires: ``Article.text``, ``sentences`` and ``entities``. Adds: for each (article id, sentence
index) the events it mentions, and each event's label.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storytrace.alignment import TriggerTables, load_trigger_tables, report_probabilities
from storytrace.lexicons import entries, word_list
from storytrace.model import Article, Claim, Story, StoryEvent
from storytrace.origins import claims_in_report_order, first_reported
from storytrace.textvec import NAMED_LABELS, WORD_RE, stem

SentenceKey = tuple[str, int]  # (article id, sentence index)


REPORT_WEIGHTS = {  # `python bench/events.py fit-reports ../shared/data/ecbplus-train`
    "doc_names": 1.9, "doc_words": 2.238, "doc_people": 3.208, "doc_organisations": -0.217, "doc_places": 1.481,
    "doc_numbers": 5.581, "doc_other_people": -0.387, "doc_other_places": -0.693, "doc_other_years": -0.583,
    "doc_leads": 7.185, "doc_other_protagonist": -1.332, "doc_other_lead_numbers": -0.795,
}
REPORT_BIAS = -2.408


@dataclass
class StoryEventSettings:
    """Knobs of story events (chosen on ECB+ train held-out topic folds; see bench/events.py)."""

    min_articles: int = 2
    min_article_share: float = 0.2
    min_trigger_rate: float = 0.1  # a stem the trigger table knows must be an event word this often
    same_event_rate: float = 0.5  # two stems this likely to corefer (learned pair table) are one event
    # Articles whose average P(the two report one event) (the report model below) stays under this are
    # different reports: their words make different events, even when the words are alike ("quake" in
    # two reports of two earthquakes). None: the whole story is one report.
    min_same_report: float | None = 0.55
    max_report_articles: int = 400  # larger stories are one report (grouping costs the square of the articles)
    # The report model: logistic weights over ``alignment.REPORT_FEATURES`` of two articles, fitted on
    # ECB+ train (pairs of articles of one topic: same subtopic or not) by `bench/events.py fit-reports`.
    report_weights: dict[str, float] = field(default_factory=lambda: dict(REPORT_WEIGHTS))
    report_bias: float = REPORT_BIAS


@dataclass
class StoryEventGroups:
    """The events of one story: what each sentence mentions and each event's label."""

    by_sentence: dict[SentenceKey, list[str]]  # event keys, in the order of the events' first mention
    labels: dict[str, str]  # event key -> label (its commonest word in the story)


@lru_cache(maxsize=1)
def load_common_words() -> frozenset[str]:
    """Stems common in news sentences that are rarely an event word (``data/event_common_words.tsv``)."""
    return frozenset(line.split("\t")[0] for line in entries("event_common_words.tsv"))


@lru_cache(maxsize=1)
def _light_stems() -> frozenset[str]:
    """Stems of the verbs that frame a happening without being one (``data/event_light_words.txt``)."""
    return frozenset(stem(word) for word in word_list("event_light_words.txt"))


@lru_cache(maxsize=1)
def _event_noun_stems() -> frozenset[str]:
    """Stems of the nouns that name a happening without a regular ending (``data/event_nouns.txt``)."""
    return frozenset(stem(word) for word in word_list("event_nouns.txt"))


@lru_cache(maxsize=1)
def _thing_nouns() -> frozenset[str]:
    """Nouns with a nominalisation ending that name things, not happenings ("nation", "equipment":
    ``data/event_noun_suffix_exceptions.txt``)."""
    return frozenset(word_list("event_noun_suffix_exceptions.txt"))


@dataclass
class _Word:
    stem: str
    word: str
    kind: str  # known (trigger table) | verb | noun (event noun) | other-noun | agent | other | untagged


def _sentence_words(
    article: Article, index: int, in_names: set[int], tags: dict[int, str], tables: TriggerTables,
    common: frozenset[str], settings: StoryEventSettings,
) -> list[_Word]:
    """The words of one sentence that may name an event, with what makes them one (see ``_is_event_word``).

    ``in_names``: character offsets inside the article's named entities; ``tags``: part of speech by
    word start (``Article.tagged_words``)."""
    sentence = article.sentences[index]
    found = []
    for match in WORD_RE.finditer(article.text, sentence.start, sentence.end):
        word = match.group(0).lower().strip("'-")
        if not word.isalpha() or len(word) <= 2 or word in STOP_WORDS or match.start() in in_names:
            continue
        key = stem(word)
        if key in tables.reporting or key in common or key in _light_stems():
            continue
        rate = tables.trigger_rate.get(key)
        if rate is not None and rate < settings.min_trigger_rate:
            continue
        found.append(_Word(key, word, _kind(word, rate, tags.get(match.start()), bool(tags))))
    return found


def _article_words(
    article: Article, tables: TriggerTables, common: frozenset[str], settings: StoryEventSettings
) -> dict[SentenceKey, list[_Word]]:
    """``_sentence_words`` of every sentence of one article."""
    in_names = {i for e in article.entities if e.label in NAMED_LABELS for i in range(e.start, e.end)}
    tags = {w.start: w.pos for w in article.tagged_words}
    return {
        (article.id, index): _sentence_words(article, index, in_names, tags, tables, common, settings)
        for index in range(len(article.sentences))
    }


_AGENT_ENDINGS = ("er", "ers", "or", "ors")  # "workers", "leader", "investigators": who acts, not what happened
_AGENT_MIN_RATE = 0.5  # ...unless the stem is mostly an event word ("murder", "shooter" beside "shooting")


def _kind(word: str, rate: float | None, pos: str | None, tagged: bool) -> str:
    if pos in ("NOUN", "PROPN") and word.endswith(_AGENT_ENDINGS) and (rate or 0.0) < _AGENT_MIN_RATE:
        return "agent"
    if rate is not None:
        return "known"
    if not tagged:
        return "untagged"
    if pos == "VERB":
        return "verb"
    if pos in ("NOUN", "PROPN"):  # a proper noun outside every named entity: mostly a capitalised headline word
        singular = word[:-1] if word.endswith("s") else word
        nominal = singular.endswith(word_list("event_noun_suffixes.txt")) and singular not in _thing_nouns()
        event_noun = nominal or stem(word) in _event_noun_stems()
        return "noun" if event_noun else "other-noun"
    return "other"


def _is_event_word(word: _Word, story_verbs: set[str]) -> bool:
    """Known event words, verbs, nominalisations, nouns the story also uses as verbs ("the attack" beside
    "attacked"); and any word of an article the nlp stage did not tag (stored by an older version)."""
    if word.kind in ("known", "verb", "noun", "untagged"):
        return True
    return word.kind == "other-noun" and word.stem in story_verbs


def find_story_events(
    members: Sequence[Article],
    settings: StoryEventSettings | None = None,
    tables: TriggerTables | None = None,
    common: frozenset[str] | None = None,
) -> StoryEventGroups:
    """The events of one story's articles (see the module docstring)."""
    settings = settings or StoryEventSettings()
    tables = tables or load_trigger_tables()
    common = load_common_words() if common is None else common
    members = list({a.id: a for a in members}.values())
    if len(members) < 2:
        return StoryEventGroups({}, {})
    reports = report_groups(members, settings, tables)
    if len(reports) == 1:
        return _report_events(members, settings, tables, common)
    by_sentence: dict[SentenceKey, list[str]] = {}
    labels: dict[str, str] = {}
    for number, report in enumerate(reports, start=1):
        found = _report_events(report, settings, tables, common)
        by_sentence.update({key: [f"r{number}:{e}" for e in events] for key, events in found.by_sentence.items()})
        labels.update({f"r{number}:{e}": label for e, label in found.labels.items()})
    return StoryEventGroups(by_sentence, labels)


def report_groups(
    members: Sequence[Article], settings: StoryEventSettings, tables: TriggerTables | None = None,
) -> list[list[Article]]:
    """The story's articles in groups that report one event: average-link merging of the articles
    while the best pair of groups has an average P(one event) >= ``min_same_report`` (the report
    model); an article left alone joins the group it is likeliest to share (one article alone would
    have no events). One group when ``min_same_report`` is None."""
    if settings.min_same_report is None or not 3 <= len(members) <= settings.max_report_articles:
        return [list(members)]
    probability = report_probabilities(list(members), settings.report_weights, settings.report_bias, tables=tables)
    n = len(members)
    sums = np.array([[probability.get((a.id, b.id), 0.0) if a.id != b.id else 0.0 for b in members] for a in members])
    pairwise = sums.copy()
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    group_of = list(range(n))
    while alive.sum() > 1:  # average link: merge the two groups with the highest mean P while >= the minimum
        average = sums / np.outer(sizes, sizes)
        average[~alive, :] = -1.0
        average[:, ~alive] = -1.0
        np.fill_diagonal(average, -1.0)
        i, j = np.unravel_index(int(np.argmax(average)), average.shape)
        if average[i, j] < settings.min_same_report:
            break
        i, j = min(i, j), max(i, j)
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[i, i] = 0.0
        sizes[i] += sizes[j]
        alive[j] = False
        group_of = [i if g == j else g for g in group_of]
    groups: dict[int, list[int]] = defaultdict(list)
    for index, group in enumerate(group_of):
        groups[group].append(index)
    several = [g for g in groups.values() if len(g) > 1]
    if len(several) < 2:
        return [list(members)]
    for alone in (g[0] for g in groups.values() if len(g) == 1):
        max(several, key=lambda g: float(pairwise[alone, g].mean())).append(alone)
    return [[members[i] for i in sorted(g)] for g in sorted(several, key=min)]


def _report_events(
    members: Sequence[Article], settings: StoryEventSettings, tables: TriggerTables, common: frozenset[str],
) -> StoryEventGroups:
    """The events of articles that report one event (see the module docstring)."""
    candidates = {key: found for article in members for key, found in _article_words(article, tables, common, settings).items()}
    story_verbs = {w.stem for found in candidates.values() for w in found if w.kind == "verb"}
    words_of: dict[SentenceKey, list[tuple[str, str]]] = {}
    articles_using: dict[str, set[str]] = defaultdict(set)
    surface: Counter[tuple[str, str]] = Counter()
    for (article_id, index), found in candidates.items():
        words_of[(article_id, index)] = [(w.stem, w.word) for w in found if _is_event_word(w, story_verbs)]
        for key, word in words_of[(article_id, index)]:
            articles_using[key].add(article_id)
            surface[(key, word)] += 1
    needed = max(settings.min_articles, settings.min_article_share * len(members))
    shared = sorted(key for key, users in articles_using.items() if len(users) >= needed)
    event_of = _merge_coreferent(shared, tables, settings.same_event_rate)
    by_sentence: dict[SentenceKey, list[str]] = {}
    for sentence_key, found in words_of.items():
        events = list(dict.fromkeys(event_of[key] for key, _ in found if key in event_of))
        if events:
            by_sentence[sentence_key] = events
    labels = {}
    for event in set(event_of.values()):
        stems = {key for key, root in event_of.items() if root == event}
        labels[event] = max((count, word) for (key, word), count in surface.items() if key in stems)[1]
    return StoryEventGroups(by_sentence, labels)


def _merge_coreferent(stems: list[str], tables: TriggerTables, minimum: float) -> dict[str, str]:
    """Each stem's event key: the smallest stem of its group of stems that likely name one event."""
    root = {s: s for s in stems}

    def find(s: str) -> str:
        while root[s] != s:
            root[s] = root[root[s]]
            s = root[s]
        return s

    for i, a in enumerate(stems):
        for b in stems[i + 1 :]:
            if (tables.corefer(a, b) or 0.0) >= minimum:
                ra, rb = find(a), find(b)
                root[max(ra, rb)] = min(ra, rb)
    return {s: find(s) for s in stems}


def build_events(story: Story, members: Sequence[Article], settings: StoryEventSettings | None = None) -> list[StoryEvent]:
    """The story's events, most widely reported first; sets ``Claim.event_ids`` on the story's claims.

    Requires the story's claims (``article_id``, ``sentence``, ``fact_id``). Events that no claim
    mentions are left out.
    """
    groups = find_story_events(members, settings)
    articles = {a.id: a for a in members}
    mentions: dict[str, list[Claim]] = defaultdict(list)
    for claim in story.claims:
        for key in groups.by_sentence.get((claim.article_id, claim.sentence), []):
            mentions[key].append(claim)
    ranked = sorted(mentions.items(), key=lambda item: (-len({c.article_id for c in item[1]}), -len(item[1]), item[0]))
    events = []
    for number, (key, claims) in enumerate(ranked, start=1):
        event_id = f"{story.id}-e{number}"
        for claim in claims:
            claim.event_ids.append(event_id)
        ordered = claims_in_report_order(claims, articles)
        events.append(StoryEvent(
            id=event_id,
            label=groups.labels[key],
            claim_ids=[c.id for c in ordered],
            article_ids=list(dict.fromkeys(c.article_id for c in ordered)),
            fact_ids=list(dict.fromkeys(c.fact_id for c in ordered if c.fact_id)),
            first_reported=first_reported(claims, articles),
        ))
    return events

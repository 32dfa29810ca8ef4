"""Updates: later reports that move a fact to a new state (missing -> detained, planned -> done).

A claim's state comes from the status lexicon (data/status_transitions.txt): each axis (e.g.
whereabouts) has ordered state classes in phases; a phrase after a modal ("might be carried
out") reports no state. Participants are read per axis, from the words near the axis's status
words: counts ("the 18 soldiers"), named entities and participant nouns
(data/status_participant_nouns.txt: "the operations manager"; not a noun that acts on others,
"officers found a knife": data/status_agent_verbs.txt); a mention near another axis's status
word belongs to that axis ("detained the manager as rescuers dug toward 14 workers trapped"),
and a passive status phrase is about its subject ("Both guards were released ..., where the
convict ran away": the guards). Two claims are about the same participants when nothing tells
them apart (different named people, or different counts of the same thing) and they share the
fact, a count, a person, a participant noun, or at least two named entities.

An active status verb whose object is a thing ("police found a bag", "receipts police recovered")
locates nobody; after a phrase the lexicon marks ``final:`` ("found dead") the participants move
no further (the dead are not arrested).
A claim dated more than ``HISTORY_DAYS`` before its article was published ("was jailed in
March 1988" in a report of this week) tells history: it gives no state, for updates or status
conflicts. Claims with a state are ordered by report day (the article's ``published`` date, else the
claim's event date) and, within a day, by publication time. A claim is an update when it is the
first report of its state about its participants (no earlier report named it, even in passing: "was
arrested and later released") and the latest earlier day's reports about them gave one other state
it moves on from (a new phase, or a state further along the axis: "found -> detained"). Reports of
one day in different phases are a status conflict (storytrace.conflicts), not an update, and give no
prior state. One change reported by several articles on its day is one update. The update's
``from_claim`` is a report of the prior state since it was last different: one using the status word
the new report recalls it by ("who was detained ..., was released") when there is one, else any; the
latest day first, the earliest report of that day. A figure its own source lineage revises on a
later day ("14 -> 15 workers") is an update too (storytrace.conflicts.figure_updates); figures of
different lineages are conflicts instead.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date as date_type, datetime, timedelta, timezone
from functools import cache, lru_cache
from importlib import resources

from storytrace.clean_lines import load_stopwords
from storytrace.lexicons import entries, word_list
from storytrace.model import Article, Claim, Story, Update
from storytrace.quantities import number_words

_NEGATIONS = {"not", "no", "never", "n't", "without", "nor"}
_MAX_PHRASE_GAP = 2
# Phrase words that must follow the previous phrase word directly: with a gap, "set ... to" would
# match "set from 1974 to", and "due ... to" any later "to".
_ADJACENT_WORDS = {"to", "by", "for", "of", "from", "into", "without", "on", "in", "the", "a", "an"}
_NEGATION_WINDOW = 3
_MODALS = frozenset({"might", "may", "could", "would", "should", "must", "can", "will", "shall"})
_MODAL_WINDOW = 2  # a modal this many words before a status phrase makes it a possibility
# words that open a clause: a passive status phrase's subject starts after the last one before it
_CLAUSE_OPENERS = frozenset({"who", "which", "that", "where", "when", "while", "after", "before",
                             "as", "because", "since", "although", "though", "if", "and", "but"})
_NON_PARTICIPANT_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_WORD = re.compile(r"n't|\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class StateClass:
    axis: str
    name: str
    phase: int
    rank: int  # position on the axis (file order)


@dataclass(frozen=True)
class Axis:
    name: str
    prefer: str  # earliest | latest
    states: tuple[StateClass, ...]
    blockers: tuple[tuple[str, ...], ...] = ()  # word sequences in which its phrases signal nothing
    forward: bool = False  # only moves to a later phase are changes (done never goes back to planned)
    final: frozenset[str] = frozenset()  # phrases after which the participants move no further


@dataclass(frozen=True)
class ClaimState:
    """The state a claim gives on one axis, with the words that said so."""

    state: StateClass
    cue: str


@dataclass(frozen=True)
class CueMatch:
    """One status phrase found in a text: its first word's position among the text's words."""

    position: int
    state: StateClass
    cue: str


# --------------------------------------------------------------------------- the lexicon


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(phrase.lower()))


def _phrase_list(listed: str) -> list[tuple[str, ...]]:
    """The phrases of a comma-separated lexicon list, as word tuples (empty ones left out)."""
    return [words for phrase in listed.split(",") if (words := _phrase_words(phrase))]


@cache
def status_lexicon() -> tuple[tuple[Axis, ...], tuple[tuple[tuple[str, ...], StateClass], ...]]:
    """(axes, phrases longest first) read from data/status_transitions.txt."""
    text = resources.files("storytrace.data").joinpath("status_transitions.txt").read_text(encoding="utf-8")
    axes: list[Axis] = []
    phrases: list[tuple[tuple[str, ...], StateClass]] = []
    states: list[StateClass] = []
    blockers: list[tuple[str, ...]] = []
    final: set[str] = set()
    axis_name, prefer, forward = None, "latest", False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)(?:\s+prefer=(earliest|latest))?(\s+forward)?\]", line)
        if header:
            if axis_name:
                axes.append(Axis(axis_name, prefer, tuple(states), tuple(blockers), forward,
                                 frozenset(final)))
            axis_name, prefer, states, blockers = header.group(1), header.group(2) or "latest", [], []
            forward, final = bool(header.group(3)), set()
            continue
        if line.startswith("not:") and axis_name is not None:
            blockers.extend(_phrase_list(line[4:]))
            continue
        if line.startswith("final:") and axis_name is not None:
            final.update(" ".join(words) for words in _phrase_list(line[6:]))
            continue
        entry = re.fullmatch(r"(\w+)\s+(\d+):\s*(.+)", line)
        if entry is None or axis_name is None:
            raise ValueError(f"status_transitions.txt: cannot read line {raw!r}")
        state = StateClass(axis_name, entry.group(1), int(entry.group(2)), len(states))
        states.append(state)
        phrases.extend((words, state) for words in _phrase_list(entry.group(3)))
    if axis_name:
        axes.append(Axis(axis_name, prefer, tuple(states), tuple(blockers), forward,
                         frozenset(final)))
    phrases.sort(key=lambda item: -len(item[0]))
    return tuple(axes), tuple(phrases)


def _match_phrase(words: list[str], phrase: tuple[str, ...], start: int, used: set[int]) -> list[int] | None:
    """Positions of ``phrase`` starting at ``start``, allowing small gaps between its words."""
    if words[start] != phrase[0] or start in used:
        return None
    positions = [start]
    for word in phrase[1:]:
        gap = 0 if word in _ADJACENT_WORDS else _MAX_PHRASE_GAP
        for k in range(positions[-1] + 1, min(positions[-1] + 2 + gap, len(words))):
            if words[k] == word and k not in used:
                positions.append(k)
                break
        else:
            return None
    return positions


def _blocked_positions(words: list[str], axis: Axis) -> set[int]:
    """Positions inside the axis's blocking word sequences (matched contiguously)."""
    blocked: set[int] = set()
    for blocker in axis.blockers:
        size = len(blocker)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == blocker:
                blocked.update(range(start, start + size))
    return blocked


_BE_FORMS = frozenset({"was", "were", "is", "are"})
_PASSIVE_BEFORE = _BE_FORMS | {"be", "been", "being", "get", "got", "gets"}
_DETERMINERS = frozenset({"a", "an", "the", "some", "several", "other", "another", "its", "their", "his",
                          "many", "more", "further"})
_OBJECT_WORDS = 4  # words after the determiner that may name the object
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "themselves", "himself", "herself", "us", "me"})
_OBJECT_ENDS = frozenset({"of", "with", "that", "which", "who", "in", "on", "at", "from", "to", "for", "near",
                          "by", "as", "like", "after", "before", "under", "inside", "outside", "and", "or"})


def _acts_on_a_thing(written: list[str], words: list[str], position: int) -> bool:
    """Whether the word at ``position`` is an active status verb that takes its participant as
    object (data/status_agent_verbs.txt) and whose object is a thing: "police found a bag", "the
    patrol found a set of other tools" tell nobody's whereabouts. The object is a
    thing when a determiner follows and the next words, up to a preposition or conjunction, hold no
    participant noun (or "body", "remains": data/status_participant_nouns.txt), figure, pronoun or
    capitalised name."""
    if words[position] not in _agent_verbs() or position + 1 >= len(words):
        return False
    if position > 0 and words[position - 1] in _PASSIVE_BEFORE or words[position + 1] not in _DETERMINERS:
        return False
    nouns, numbers = participant_nouns(), number_words()
    for word, lower in zip(written[position + 2 : position + 2 + _OBJECT_WORDS], words[position + 2 :]):
        if lower in _OBJECT_ENDS:
            break  # "a bag like the one ...", "a set of other tools": the object ends
        if lower in nouns or lower in numbers or lower.isdigit() or lower in _PERSON_PRONOUNS or word[:1].isupper():
            return False
    return True


# words before a status word that make it a state, object or not: "went missing the same night"
_STATE_INTRODUCERS = frozenset({"went", "go", "goes", "going", "gone", "remain", "remains", "remained",
                                "reported", "declared", "listed", "still"})
_OBJECT_STOPS = frozenset(",;:.!?()\"“”")


def _misses_a_thing(words: list[str], position: int) -> bool:
    """Whether the word at ``position`` takes an object that names no participant
    (data/status_transitive_words.txt): "missing 10 of the team's 16 games" and "missing the
    deadline" tell what the subject does, as does a bare noun of what one misses
    (data/status_missed_things.txt: "missing time with injuries"); "missing two soldiers" and
    "went missing the same night" still tell a state."""
    if words[position] not in word_list("status_transitive_words.txt") or position + 1 >= len(words):
        return False
    following = words[position + 1]
    if position > 0 and words[position - 1] in _STATE_INTRODUCERS:
        return False
    if following in word_list("status_missed_things.txt"):
        return True  # "missing time with injuries", "missing practice"
    if following not in _DETERMINERS and following not in number_words() and not following.isdigit():
        return False
    for lower in words[position + 1 : position + 1 + _OBJECT_WORDS + 2]:
        if lower in _OBJECT_STOPS or (lower in _OBJECT_ENDS and lower != "of"):
            break
        if lower in participant_nouns() or lower in _PERSON_PRONOUNS:
            return False
    return True


def _object_before_its_finder(written: list[str], words: list[str], position: int) -> bool:
    """Whether the word at ``position`` is an active status verb in a relative clause without
    "that" whose object is a thing before its subject: "receipts police recovered from his
    apartment" tells nobody's whereabouts. The verb has no object after it (a preposition,
    punctuation or the end follows), its subject is the content word before it, and the word
    before that is a content word that is no participant noun, figure, pronoun or capitalised name."""
    if words[position] not in _agent_verbs() or position < 2:
        return False
    after = words[position + 1] if position + 1 < len(words) else ""
    if after and after.isalnum() and after not in _OBJECT_ENDS:
        return False
    thing, written_thing, finder = words[position - 2], written[position - 2], words[position - 1]
    if not finder.isalpha() or finder in load_stopwords():
        return False  # "were found and detained": no subject of its own between
    return (thing.isalpha() and not written_thing[:1].isupper() and thing not in load_stopwords()
            and thing not in participant_nouns() and thing not in number_words()
            and thing not in _PERSON_PRONOUNS)


def text_words(text: str) -> list[str]:
    """The lowercased words status phrases are matched against (positions index this list)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=4096)
def cue_matches(text: str) -> tuple[CueMatch, ...]:
    """Every status phrase in ``text``, on every axis (negated one-word cues, phrases after a
    modal and blocked words skipped)."""
    axes, phrases = status_lexicon()
    written = _WORD.findall(text)
    words = [w.lower() for w in written]
    positions_of: dict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(words):
        positions_of[word].append(position)
    found: list[CueMatch] = []
    for axis in axes:
        used = _blocked_positions(words, axis)
        for phrase, state in phrases:
            if state.axis != axis.name:
                continue
            for start in positions_of.get(phrase[0], ()):
                positions = _match_phrase(words, phrase, start, used)
                if positions is None:
                    continue
                if len(phrase) == 1 and any(w in _NEGATIONS for w in words[max(0, start - _NEGATION_WINDOW) : start]):
                    continue
                if any(w in _MODALS for w in words[max(0, start - _MODAL_WINDOW) : start]):
                    continue  # "might be carried out", "could have fled": a possibility, no state
                if len(phrase) == 1 and (_acts_on_a_thing(written, words, start) or _misses_a_thing(words, start)
                                         or _object_before_its_finder(written, words, start)):
                    continue
                used.update(positions)
                found.append(CueMatch(start, state, " ".join(phrase)))
    return tuple(sorted(found, key=lambda m: m.position))


def claim_states(text: str) -> dict[str, ClaimState]:
    """The state per axis that ``text`` reports, by the lexicon and each axis's ``prefer``."""
    axes, _ = status_lexicon()
    prefer = {axis.name: axis.prefer for axis in axes}
    by_axis: dict[str, list[CueMatch]] = defaultdict(list)
    for match in cue_matches(text):
        by_axis[match.state.axis].append(match)
    chosen = {}
    for axis, matches in by_axis.items():
        if prefer[axis] == "latest":
            best = max(matches, key=lambda m: (m.state.phase, m.state.rank, m.position))
        else:
            best = min(matches, key=lambda m: (m.state.phase, m.position))
        chosen[axis] = ClaimState(best.state, best.cue)
    return chosen


def _states_named(text: str, axis: str) -> set[StateClass]:
    """Every state of ``axis`` that ``text`` names, the one it reports and the ones it recalls."""
    return {m.state for m in cue_matches(text) if m.state.axis == axis}


def recalled_cues(text: str, axis: str, state: StateClass) -> set[str]:
    """Status words of ``axis`` in ``text`` for states other than ``state`` (what it recalls)."""
    return {m.cue for m in cue_matches(text) if m.state.axis == axis and m.state != state}


# --------------------------------------------------------------------------- participants


def claim_span(claim: Claim, article: Article | None) -> tuple[int, int]:
    """The claim's offsets, or its sentence's when the claim carries none."""
    if claim.end > claim.start or article is None:
        return claim.start, claim.end
    if 0 <= claim.sentence < len(article.sentences):
        sentence = article.sentences[claim.sentence]
        return sentence.start, sentence.end
    return 0, 0


def _entity_name(text: str) -> str:
    return re.sub(r"^the\s+|['’]s$", "", text.strip().lower())


def claim_entities(claim: Claim, article: Article | None) -> dict[str, str]:
    """Named participants in the claim: canonical text -> entity label (no dates or numbers)."""
    if article is None:
        return {}
    start, end = claim_span(claim, article)
    entities = {}
    for entity in article.entities:
        if entity.start >= start and entity.end <= end and entity.label not in _NON_PARTICIPANT_LABELS:
            entities[_entity_name(entity.text)] = entity.label
    return entities


def unit_key(unit: str | None) -> str | None:
    """A unit word reduced for comparison (storytrace.conflicts maps synonyms on top of this)."""
    if not unit:
        return None
    word = unit.strip().lower()
    for suffix, replacement in (("ies", "y"), ("ses", "s"), ("s", "")):
        if len(word) > 3 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


@cache
def _unit_names() -> dict[str, str | None]:
    """Unit words of data/unit_synonyms.txt -> canonical counted unit, or None for units of measurement."""
    table: dict[str, str | None] = {}
    for line in entries("unit_synonyms.txt"):
        head, _, words = line.partition(":")
        name, *flags = head.split()
        canonical = None if "measure" in flags else name
        table.update({word.strip().lower(): canonical for word in words.split(",") if word.strip()})
    return table


def count_unit(unit: str | None) -> str | None:
    """What a count counts, comparable across reports ("troops" and "soldiers" are one unit);
    None for no unit or a unit of measurement (meters, hours: not participants)."""
    if not unit:
        return None
    word = unit.strip().lower()
    names = _unit_names()
    return names[word] if word in names else unit_key(word)


def claim_counts(claim: Claim) -> set[tuple[float, str | None]]:
    return {(q.value, unit_key(q.unit)) for q in claim.quantities if q.unit}


@cache
def participant_nouns() -> dict[str, bool]:
    """Participant nouns (singular and plural forms) -> whether the noun is generic."""
    nouns: dict[str, bool] = {}
    for line in entries("status_participant_nouns.txt"):
        word, _, flag = line.lower().partition(" ")
        generic = flag.strip() == "generic"
        for form in _noun_forms(word):
            nouns.setdefault(form, generic)
    return nouns


def _noun_forms(word: str) -> tuple[str, ...]:
    """A singular noun and its regular or common irregular plural."""
    if word.endswith("man"):
        return word, word[:-3] + "men"
    if word == "child":
        return word, "children"
    if word == "person":
        return word, "people"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word, word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word, word + "es"
    return word, word + "s"


def _singular(word: str) -> str:
    for plural, singular in (("men", "man"), ("children", "child"), ("people", "person")):
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class Participants:
    """What a claim (on one axis) is about, for telling whether two claims concern the same people or things."""

    fact_id: str | None
    counts: frozenset[tuple[float, str | None]]
    entities: tuple[tuple[str, str], ...]  # (canonical text, label)
    nouns: frozenset[str] = frozenset()  # participant nouns, singular; generic ones left out


@dataclass(frozen=True)
class _Mention:
    position: int | None  # word position in the claim text; None when it could not be placed
    kind: str  # count | entity | noun
    value: tuple


def _claim_mentions(claim: Claim, article: Article | None) -> list[_Mention]:
    """Counts, named entities and participant nouns of a claim, with their word positions.

    Words inside a reported source ("a police spokesperson said") are not participants.
    """
    text = claim.text
    starts = [m.start() for m in _WORD.finditer(text)]
    base, end = claim_span(claim, article)
    sources = [a.source_span for a in (article.attributions if article else []) if a.source_span]

    def position_at(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    def in_source(start: int, stop: int) -> bool:
        return any(start < source_end and stop > source_start for source_start, source_end in sources)

    mentions: list[_Mention] = []
    for quantity in claim.quantities:
        unit = count_unit(quantity.unit)
        if unit:
            at = text.find(quantity.text) if quantity.text else -1
            mentions.append(_Mention(position_at(at) if at >= 0 else None, "count", (quantity.value, unit)))
    if article is not None:
        for entity in article.entities:
            if entity.start >= base and entity.end <= end and entity.label not in _NON_PARTICIPANT_LABELS:
                if in_source(entity.start, entity.end):
                    continue
                value = (_entity_name(entity.text), entity.label)
                mentions.append(_Mention(position_at(entity.start - base), "entity", value))
    nouns = participant_nouns()
    matches = list(_WORD.finditer(text))
    words = [match.group().lower() for match in matches]
    for position, (match, word) in enumerate(zip(matches, words)):
        if word in nouns and not nouns[word] and not in_source(base + match.start(), base + match.end()) \
                and not _acts(words, position):
            mentions.append(_Mention(position, "noun", (_singular(word),)))
    return mentions


def _acts(words: list[str], position: int) -> bool:
    """Whether the noun at ``position`` is the subject of a status verb that takes the participant as
    its object ("officers found", "guards were searching": data/status_agent_verbs.txt)."""
    following = words[position + 1 : position + 3]
    if following and following[0] in _agent_verbs():
        return True
    return len(following) == 2 and following[0] in _BE_FORMS and following[1].endswith("ing") \
        and following[1] in _agent_verbs()


@cache
def _agent_verbs() -> frozenset[str]:
    return frozenset(word_list("status_agent_verbs.txt"))


def participants(claim: Claim, articles: dict[str, Article], axis: str | None = None) -> Participants:
    """What ``claim`` is about; with ``axis``, only mentions nearer that axis's status words than another's."""
    mentions = _claim_mentions(claim, articles.get(claim.article_id))
    if axis is not None:
        cues = cue_matches(claim.text)
        own = [m.position for m in cues if m.state.axis == axis]
        other = [m.position for m in cues if m.state.axis != axis]
        if own and other:
            mentions = [
                m for m in mentions
                if m.position is None or min(abs(m.position - p) for p in own) <= min(abs(m.position - p) for p in other)
            ]
        subject = _passive_subject(text_words(claim.text), own)
        mentions = [m for m in mentions if m.position in subject] or mentions
    return Participants(
        claim.fact_id,
        frozenset(m.value for m in mentions if m.kind == "count"),
        tuple(dict.fromkeys(m.value for m in mentions if m.kind == "entity")),
        frozenset(m.value[0] for m in mentions if m.kind == "noun"),
    )


def _passive_subject(words: list[str], cues: list[int]) -> set[int]:
    """Word positions of the subject of a passive status phrase ("Both guards were released ...,
    where the convict ran away": the guards were released, not the convict): the words before
    "was"/"were"/"is"/"are" back to the text's start or to a word opening a clause
    (``_CLAUSE_OPENERS``), when the phrase follows such a form and the word right before it is no
    function word; else nothing."""
    for position in cues:
        be = position if words[position] in _BE_FORMS else position - 1
        if be < 1 or words[be] not in _BE_FORMS or words[be - 1] in load_stopwords():
            continue
        start = be - 1
        while start > 0 and words[start - 1] not in _CLAUSE_OPENERS:
            start -= 1
        return set(range(start, be))
    return set()


def participants_differ(a: Participants, b: Participants) -> bool:
    """Told apart: both name people and share none, or both count one thing with no figure in common."""
    people_a = {name for name, label in a.entities if label == "PERSON"}
    people_b = {name for name, label in b.entities if label == "PERSON"}
    if people_a and people_b and not people_a & people_b:
        return True
    units = {unit for _, unit in a.counts} & {unit for _, unit in b.counts}
    return any(not {v for v, u in a.counts if u == unit} & {v for v, u in b.counts if u == unit} for unit in units)


def participants_match(a: Participants, b: Participants) -> bool:
    """Not told apart, and the same fact, a shared count, person or participant noun, or two shared named entities."""
    if a.fact_id is not None and a.fact_id == b.fact_id and not participants_differ(a, b):
        return True
    return participants_named_alike(a, b)


def participants_named_alike(a: Participants, b: Participants, people_suffice: bool = True) -> bool:
    """Not told apart, and the claims' own words name the same participants: a shared count or
    participant noun, two shared named entities, or (``people_suffice``) a shared person. A shared
    fact is not enough here."""
    if participants_differ(a, b):
        return False
    if a.counts & b.counts or a.nouns & b.nouns:
        return True
    labels_a = dict(a.entities)
    shared = [name for name, _ in b.entities if name in labels_a]
    return len(shared) >= 2 or people_suffice and any(labels_a[name] == "PERSON" for name in shared)


def same_participants(a: Claim, b: Claim, articles: dict[str, Article], axis: str | None = None) -> bool:
    """Whether two claims are about the same participants (see ``participants_match``)."""
    return participants_match(participants(a, articles, axis), participants(b, articles, axis))


# --------------------------------------------------------------------------- order in time


_CALENDAR_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def report_day(claim: Claim, articles: dict[str, Article]) -> str | None:
    """The day a claim was reported (its article's ``published``), else its event date when that is
    a calendar day; None if neither (weeks, seasons, months and years do not order against days)."""
    article = articles.get(claim.article_id)
    if article is not None and article.published:
        return article.published[:10]
    if claim.event_date is not None and _CALENDAR_DAY.match(claim.event_date.value or ""):
        return claim.event_date.value[:10]
    return None


def report_moment(claim: Claim, articles: dict[str, Article]) -> str:
    """The claim's publication time in UTC (ISO) when its article gives a time of day, else ''."""
    article = articles.get(claim.article_id)
    published = article.published if article is not None else None
    if not published or len(published) <= 10:
        return ""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat()


def related_groups(claims: list[Claim], articles: dict[str, Article], axis: str | None = None) -> list[list[Claim]]:
    """Claims split into groups about the same participants (connected by ``same_participants``)."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    about = [participants(claim, articles, axis) for claim in claims]
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if root(i) != root(j) and participants_match(about[i], about[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[root(i)].append(claim)
    return list(groups.values())


def stated_claims(story: Story, articles: dict[str, Article]) -> dict[str, list[tuple[Claim, ClaimState]]]:
    """Per axis, the story's claims that give a state on it, without those that tell history
    (``tells_history``: "returned to prison in May 1991" in a report of this week)."""
    by_axis: dict[str, list[tuple[Claim, ClaimState]]] = defaultdict(list)
    for claim in story.claims:
        if tells_history(claim, articles):
            continue
        for axis, state in claim_states(claim.text).items():
            by_axis[axis].append((claim, state))
    return by_axis


HISTORY_DAYS = 31  # a claim dated this long before its report tells history, not the current state


def tells_history(claim: Claim, articles: dict[str, Article]) -> bool:
    """True when the claim's (not inferred) event date ends more than ``HISTORY_DAYS`` before its
    article was published: a state it gives ("was jailed in March 1988") is background, not
    what the report says is the case now. False when either date is unknown."""
    article = articles.get(claim.article_id)
    date = claim.event_date
    if article is None or not article.published or date is None or date.inferred:
        return False
    last_day = _last_day(date.value or "")
    try:
        published = datetime.fromisoformat(article.published[:10]).date()
    except ValueError:
        return False
    return last_day is not None and (published - last_day).days > HISTORY_DAYS


def _last_day(value: str):
    """The last calendar day a date value ("1991", "1991-05", "1991-05-03") can mean, else None."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if day:
            return date_type(year, int(month), int(day))
        if month:
            following = date_type(year + int(month) // 12, int(month) % 12 + 1, 1)
            return following - timedelta(days=1)
        return date_type(year, 12, 31)
    except ValueError:
        return None


# --------------------------------------------------------------------------- updates


@dataclass(frozen=True)
class _Report:
    day: str
    moment: str
    order: int
    claim: Claim
    state: StateClass
    cue: str


def _from_report(earlier: list[_Report], prior: StateClass, recalled: set[str]) -> _Report:
    """The report of the prior state an update starts from (see the module docstring)."""
    run: list[_Report] = []
    for report in reversed(earlier):
        if report.state != prior:
            if report.state.phase != prior.phase:
                break  # the prior state began after this report
            continue
        run.append(report)
    candidates = [r for r in run if r.cue in recalled] or run
    latest = max(r.day for r in candidates)
    return min((r for r in candidates if r.day == latest), key=lambda r: (r.moment or "~", r.order))


def find_updates(story: Story, articles: dict[str, Article]) -> list[Update]:
    """Changes of state over time among claims about the same participants, and revised figures.

    Requires the story's claims (text, quantities, ``fact_id``, ``event_date``, offsets) and the
    articles by id (``published``, ``entities``, ``attributions``). A claim is an update when it is
    the first report of its state for its participants (on the state's axis) and the state reported
    on the latest earlier day about them was a different one it moves on from; ``from_claim`` is a
    report of that prior state (see the module docstring), and the update's ``fact_id`` is its
    fact. Figures a source lineage revised on a later day come from
    ``storytrace.conflicts.figure_updates`` (it also needs ``story.reuse`` and attribution chains).
    Ordered by the day of the change.
    """
    order = {claim.id: n for n, claim in enumerate(story.claims)}
    updates: list[tuple[str, int, Update]] = []
    seen: set[tuple[str, str, str, str]] = set()
    forward = {axis.name: axis.forward for axis in status_lexicon()[0]}
    final = {axis.name: axis.final for axis in status_lexicon()[0]}
    for axis, stated in stated_claims(story, articles).items():
        reports = [
            _Report(day, report_moment(claim, articles), order[claim.id], claim, state.state, state.cue)
            for claim, state in stated
            if (day := report_day(claim, articles))
        ]
        reports.sort(key=lambda r: (r.day, r.moment or "~", r.order))
        about = {r.claim.id: participants(r.claim, articles, axis) for r in reports}
        for k, report in enumerate(reports):
            mine = about[report.claim.id]
            earlier = [r for r in reports[:k] if r.day < report.day and participants_match(about[r.claim.id], mine)]
            if not earlier or any(report.state in _states_named(r.claim.text, axis) for r in earlier):
                continue  # nothing before, or this state was already reported (or recalled: "later released")
            before = [r for r in earlier if r.day == earlier[-1].day]
            if len({r.state.phase for r in before}) > 1:
                continue  # the day before was contradictory (a status conflict): no clear prior state
            if any(r.cue in final[axis] for r in before):
                continue  # "found dead": the dead are not arrested or released later
            prior = max((r.state for r in before), key=lambda s: s.rank)
            if report.state.phase == prior.phase and report.state.rank < prior.rank:
                continue  # a less specific restatement ("detained", then "found"): no change
            if forward[axis] and report.state.phase < prior.phase:
                continue  # a one-way axis: "done" then "planned" is a new plan, not a change of this one
            start = _from_report(earlier, prior, recalled_cues(report.claim.text, axis, report.state))
            key = (report.day, prior.name, report.state.name, start.claim.id)
            if key in seen:
                continue  # another report of the same change on the same day
            seen.add(key)
            summary = f"{prior.name} → {report.state.name} (reported {report.day})"
            update = Update(start.claim.fact_id, start.claim.id, report.claim.id, summary)
            updates.append((report.day, report.order, update))
    from storytrace.conflicts import figure_updates  # deferred: storytrace.conflicts imports this module

    updates.extend((day, order[update.to_claim], update) for day, update in figure_updates(story, articles))
    updates.sort(key=lambda item: item[:2])
    return [update for _, _, update in updates]

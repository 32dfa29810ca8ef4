"""Updates: later reports that move a fact to a new state (missing -> detained, planned -> done).

A claim's state comes from the status lexicon (data/status_transitions.txt): each axis (e.g.
whereabouts) has ordered state classes in phases. Two claims are about the same participants when
they share the fact, the same count of the same thing ("18 soldiers"), a person, or at least two
named entities. Claims with a state are ordered by report day (the article's ``published`` date,
else the claim's event date). A claim is an update when it is the first report of its state about
its participants and the latest earlier day's reports about them gave one other state it moves on
from (a new phase, or a state further along the axis: "found -> detained"). Reports of one day in
different phases are a status conflict (storytrace.conflicts), not an update, and give no prior
state. One change reported by several articles on its day is one update.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storytrace.model import Article, Claim, Story, Update

_NEGATIONS = {"not", "no", "never", "n't", "without", "nor"}
_MAX_PHRASE_GAP = 2
_NEGATION_WINDOW = 3
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


@dataclass(frozen=True)
class ClaimState:
    """The state a claim gives on one axis, with the words that said so."""

    state: StateClass
    cue: str


@cache
def status_lexicon() -> tuple[tuple[Axis, ...], tuple[tuple[tuple[str, ...], StateClass], ...]]:
    """(axes, phrases longest first) read from data/status_transitions.txt."""
    text = resources.files("storytrace.data").joinpath("status_transitions.txt").read_text(encoding="utf-8")
    axes: list[Axis] = []
    phrases: list[tuple[tuple[str, ...], StateClass]] = []
    states: list[StateClass] = []
    axis_name, prefer = None, "latest"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)(?:\s+prefer=(earliest|latest))?\]", line)
        if header:
            if axis_name:
                axes.append(Axis(axis_name, prefer, tuple(states)))
            axis_name, prefer, states = header.group(1), header.group(2) or "latest", []
            continue
        entry = re.fullmatch(r"(\w+)\s+(\d+):\s*(.+)", line)
        if entry is None or axis_name is None:
            raise ValueError(f"status_transitions.txt: cannot read line {raw!r}")
        state = StateClass(axis_name, entry.group(1), int(entry.group(2)), len(states))
        states.append(state)
        for phrase in entry.group(3).split(","):
            words = tuple(_WORD.findall(phrase.lower()))
            if words:
                phrases.append((words, state))
    if axis_name:
        axes.append(Axis(axis_name, prefer, tuple(states)))
    phrases.sort(key=lambda item: -len(item[0]))
    return tuple(axes), tuple(phrases)


def _match_phrase(words: list[str], phrase: tuple[str, ...], start: int, used: set[int]) -> list[int] | None:
    """Positions of ``phrase`` starting at ``start``, allowing small gaps between its words."""
    if words[start] != phrase[0] or start in used:
        return None
    positions = [start]
    for word in phrase[1:]:
        for k in range(positions[-1] + 1, min(positions[-1] + 2 + _MAX_PHRASE_GAP, len(words))):
            if words[k] == word and k not in used:
                positions.append(k)
                break
        else:
            return None
    return positions


def claim_states(text: str) -> dict[str, ClaimState]:
    """The state per axis that ``text`` reports, by the lexicon (negated one-word cues skipped)."""
    axes, phrases = status_lexicon()
    words = [w.lower() for w in _WORD.findall(text)]
    positions_of: dict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(words):
        positions_of[word].append(position)
    used: set[int] = set()
    found: dict[str, list[tuple[int, ClaimState]]] = defaultdict(list)
    for phrase, state in phrases:
        for start in positions_of.get(phrase[0], ()):
            positions = _match_phrase(words, phrase, start, used)
            if positions is None:
                continue
            if len(phrase) == 1 and any(w in _NEGATIONS for w in words[max(0, start - _NEGATION_WINDOW) : start]):
                continue
            used.update(positions)
            found[state.axis].append((start, ClaimState(state, " ".join(phrase))))
    prefer = {axis.name: axis.prefer for axis in axes}
    chosen = {}
    for axis, matches in found.items():
        if prefer[axis] == "latest":
            chosen[axis] = max(matches, key=lambda m: (m[1].state.phase, m[1].state.rank, m[0]))[1]
        else:
            chosen[axis] = min(matches, key=lambda m: (m[1].state.phase, m[0]))[1]
    return chosen


# --------------------------------------------------------------------------- participants


def claim_span(claim: Claim, article: Article | None) -> tuple[int, int]:
    """The claim's offsets, or its sentence's when the claim carries none."""
    if claim.end > claim.start or article is None:
        return claim.start, claim.end
    if 0 <= claim.sentence < len(article.sentences):
        sentence = article.sentences[claim.sentence]
        return sentence.start, sentence.end
    return 0, 0


def claim_entities(claim: Claim, article: Article | None) -> dict[str, str]:
    """Named participants in the claim: canonical text -> entity label (no dates or numbers)."""
    if article is None:
        return {}
    start, end = claim_span(claim, article)
    entities = {}
    for entity in article.entities:
        if entity.start >= start and entity.end <= end and entity.label not in _NON_PARTICIPANT_LABELS:
            name = re.sub(r"^the\s+|['’]s$", "", entity.text.strip().lower())
            entities[name] = entity.label
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


def claim_counts(claim: Claim) -> set[tuple[float, str | None]]:
    return {(q.value, unit_key(q.unit)) for q in claim.quantities if q.unit}


@dataclass(frozen=True)
class Participants:
    """What a claim is about, for telling whether two claims concern the same people or things."""

    fact_id: str | None
    counts: frozenset[tuple[float, str | None]]
    entities: tuple[tuple[str, str], ...]  # (canonical text, label)


def participants(claim: Claim, articles: dict[str, Article]) -> Participants:
    entities = claim_entities(claim, articles.get(claim.article_id))
    return Participants(claim.fact_id, frozenset(claim_counts(claim)), tuple(entities.items()))


def participants_match(a: Participants, b: Participants) -> bool:
    """Same fact, same count of the same thing, a shared person, or two shared named entities."""
    if a.fact_id is not None and a.fact_id == b.fact_id:
        return True
    if a.counts & b.counts:
        return True
    labels_a = dict(a.entities)
    shared = [name for name, _ in b.entities if name in labels_a]
    return len(shared) >= 2 or any(labels_a[name] == "PERSON" for name in shared)


def same_participants(a: Claim, b: Claim, articles: dict[str, Article]) -> bool:
    """Whether two claims are about the same participants (see ``participants_match``)."""
    return participants_match(participants(a, articles), participants(b, articles))


def report_day(claim: Claim, articles: dict[str, Article]) -> str | None:
    """The day a claim was reported (its article's ``published``), else its event date; None if neither."""
    article = articles.get(claim.article_id)
    if article is not None and article.published:
        return article.published[:10]
    if claim.event_date is not None and claim.event_date.value:
        return claim.event_date.value[:10]
    return None


def related_groups(claims: list[Claim], articles: dict[str, Article]) -> list[list[Claim]]:
    """Claims split into groups about the same participants (connected by ``same_participants``)."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    about = [participants(claim, articles) for claim in claims]
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if root(i) != root(j) and participants_match(about[i], about[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[root(i)].append(claim)
    return list(groups.values())


def stated_claims(story: Story) -> dict[str, list[tuple[Claim, ClaimState]]]:
    """Per axis, the story's claims that give a state on it."""
    by_axis: dict[str, list[tuple[Claim, ClaimState]]] = defaultdict(list)
    for claim in story.claims:
        for axis, state in claim_states(claim.text).items():
            by_axis[axis].append((claim, state))
    return by_axis


def find_updates(story: Story, articles: dict[str, Article]) -> list[Update]:
    """Changes of state over time among claims about the same participants.

    Requires the story's claims (text, quantities, ``fact_id``, ``event_date``, offsets) and the
    articles by id (``published``, ``entities``). A claim is an update when it is the first report
    of its state for its participants and the state reported on the latest earlier day about them
    was a different one it moves on from; ``from_claim`` is a claim of that earlier day, and the
    update's ``fact_id`` is that claim's. Ordered by the day of the change.
    """
    order = {claim.id: n for n, claim in enumerate(story.claims)}
    updates: list[tuple[str, int, Update]] = []
    seen: set[tuple[str, str, str, str]] = set()
    for stated in stated_claims(story).values():
        dated = [(day, claim, state.state) for claim, state in stated if (day := report_day(claim, articles))]
        dated.sort(key=lambda item: (item[0], order[item[1].id]))
        about = {claim.id: participants(claim, articles) for _, claim, _ in dated}
        for k, (day, claim, state) in enumerate(dated):
            earlier = [(d, c, s) for d, c, s in dated[:k] if d < day and participants_match(about[c.id], about[claim.id])]
            if not earlier or any(s == state for _, _, s in earlier):
                continue  # nothing before, or this state was already reported
            previous_day = earlier[-1][0]
            before = [(c, s) for d, c, s in earlier if d == previous_day]
            if len({s.phase for _, s in before}) > 1:
                continue  # the day before was contradictory (a status conflict): no clear prior state
            prior = max((s for _, s in before), key=lambda s: s.rank)
            if state.phase == prior.phase and state.rank < prior.rank:
                continue  # a less specific restatement ("detained", then "found"): no change
            from_claim = [c for c, s in before if s == prior][-1]
            if (day, prior.name, state.name, from_claim.id) in seen:
                continue  # another report of the same change on the same day
            seen.add((day, prior.name, state.name, from_claim.id))
            summary = f"{prior.name} -> {state.name} (reported {day})"
            updates.append((day, order[claim.id], Update(from_claim.fact_id, from_claim.id, claim.id, summary)))
    updates.sort(key=lambda item: item[:2])
    return [update for _, _, update in updates]

"""Conflicts: where reports disagree about one thing (a count, a state, a date, a place).

Quantity conflicts compare figures (read from claims by ``storytrace.figures``) that count or
measure a thing: not words that count nothing ("a four-time champion", "three times", an address's
"the 1200 block": ``nocount`` in data/unit_synonyms.txt), units that are no word ("139-"), figures
hyphen-joined to their unit ("a 40-metre sprint", "a 12-year sentence": they describe one thing),
parts of or additions to a count ("two other victims", "20 new cases":
data/quantity_partial_words.txt), stretches of a series ("the first two games":
data/quantity_series_words.txt) or fragments of a number written with a space ("2, 000" read as
"000"). Figures are compared when they are the *same count*:
- the same slot: the same counted or measured thing (unit words mapped through
  data/unit_synonyms.txt, else compared in singular form) and, for units of measurement, the same
  anchor phrase after the figure ("from the border" is not "from their original position"; a
  percentage without one, "just 4 percent", is a share of what is not said and is not compared), and
  the same rate ("$3 million a year", "12 per day": a rate is not a total such as "$7 million in all")
  and the same company ("310 passengers and crew" is a joint count, not a count of passengers);
- the same scope: claims of one fact, or claims sharing a named entity and at least
  ``MIN_SHARED_WORDS`` of their content words;
- and, because a fact from the alignment stage can be broad (a whole story), evidence that the
  figures count the same event: an event word next to both (``NEAR_WINDOW`` words either side,
  names, units, reporting verbs and function words left out: "sent", "deserted"), or magnitudes
  within ``SAME_COUNT_RATIO`` (10,000 and 11,000 soldiers in one fact are one count told twice; 18
  deserters and 10,000 deployed soldiers are not); and no different kinds named between the number
  and the unit ("3 machine guns" and "12 AK-47 guns" are two counts; "6 rifles" and "14 AK-47
  rifles" may be one); and both or neither the whole a part is counted against ("28 of 41 passes":
  41 is compared with other such totals, not with "completed 28 passes"); and not counted over
  different named stretches ("seven points in the first half" and "four in the second half", "in
  the game" and "for a season": ``period_phrase``, data/quantity_period_words.txt); and the two
  claims not about different people (both name people, their sources left out, and share no
  surname: "Ruiz scored 14 points" and "Ode scored 11 points" are two players' counts); and, for a
  unit the story counts per person (one report gives different figures of it with a shared event
  word for different people), claims naming the same people ("he scored 12 points" is compared
  with no player's count). Groups are complete-linkage: every pair of figures in a conflict passes
  these tests. Groups of one slot that clash with the same values (6 vs 14 rifles, told in two
  groups of reports) are one conflict holding all their claims.

Two figures conflict when their intervals (a range "10 to 12" is an interval, "more than 100" is
100 and up, "up to 120" is 120 and down: data/quantity_bounds.txt; a single figure is a point) do
not overlap and:
- both are exact and differ at all; or
- at least one is approximate and the gap is at least ``APPROXIMATE_TOLERANCE`` (10%) of the
  smaller figure. So "about 10,900" next to "10,000" is within what "about" allows, while "10,000"
  and "about 11,000" (a 10% gap) conflict: a writer who meant the same count would not round
  10,000 up to 11,000.
Claims that tell history (storytrace.updates.tells_history: dated over a month before their
report, "41 goals in 2019") give no figure. Within one source lineage (same origin, see
storytrace.origins) a figure reported on an earlier day than the lineage's latest figure is
dropped: a revision is an update, not a conflict (``figure_updates`` lists those revisions for
storytrace.updates).
Figures that differ only inside one article are not flagged (an article may compare two counts),
nor two values that one article gives both of on one origin's word ("six rifles" and "14 rifles"
in one report's own voice are two hauls, not two sources disagreeing; other reports repeating
either figure do not make it a conflict).

Status conflicts: claims about the same participants on one axis (see storytrace.updates),
reported on the same day by different articles, whose states on that axis are in different phases
("missing" vs "detained"). The two claims must name the participants alike in their own words (a
shared count or participant noun, two shared names, or a shared person; being claims of one fact
is not enough). On the one-way axes of actions and explanations (execution, motive) a shared person
is not enough either: one person plans one thing and does another. A report of the later phase
that marks it as a later development ("was detained two hours later":
data/status_sequence_words.txt) tells a sequence within the day, not a contradiction.
Date and location conflicts: within one fact, only claims that are about the same event by their own
content (a shared count, or a shared entity and ``MIN_SHARED_WORDS_STRICT`` of content words, and no
different states) are compared, and only claims of different articles and origins. Dates conflict
when their (not inferred, calendar) values differ and neither contains the other ("2024-10" contains
"2024-10-15") and both are named in the text, not relative to the writing ("this year", "on
Saturday": their values hang on the date they were read against), between claims that name no other
date (a claim with several dates tells of several events), that have an event word within
``EVENT_WINDOW`` words of both dates ("born in 1928" and "graduated in 1951" date two events; "sold
... in 1957" and "sold ... in 1967" one) and do not name different places (a shooting near one city
in March and one in another city in April are two events). Places conflict when each claim names
exactly one place (GPE/LOC/FAC entity) introduced as where something happened ("in Flint", "off
Yemen"; not "Alabama physician", nor a name ending in an office, "Genesee County Sheriff", nor a
place in a "who" clause, "a doctor who runs a clinic in X"), the places are of one kind (two GPEs,
not a city and a sea), an event word stands within ``EVENT_WINDOW`` words of both ("escaped near X",
"escaped in Y"; not "a transfer to a unit in X"), the names differ, neither contains the other
("U.S." is "US") and no article of the story writes one inside the other ("Christchurch, New
Zealand"). The location check is still coarse (without a gazetteer two true scales can look apart)
and its note says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from storytrace.figures import (
    LETTER_WORD,
    Figure,
    approximators,
    claim_figures,
    figures_compatible,
    stop_words,
)
from storytrace.lexicons import shorten, word_list
from storytrace.model import Article, Claim, Conflict, ConflictValue, Story, Update
from storytrace.origins import Origin, OriginFinder, described_label
from storytrace.quantities import CURRENCY_CODES
from storytrace.sources import ends_with_title
from storytrace.updates import (
    claim_counts,
    claim_entities,
    claim_span,
    claim_states,
    participants,
    participants_named_alike,
    related_groups,
    report_day,
    stated_claims,
    status_lexicon,
    tells_history,
    unit_key,
)

MIN_SHARED_WORDS = 0.3
MIN_SHARED_WORDS_STRICT = 0.5  # for dates and places of one fact: facts from alignment can be broad
SAME_COUNT_RATIO = 1.5  # figures this close in magnitude may be one count without shared event words
FACT_LABEL_CHARS = 90
STATEMENT_DATE_GAP = 30  # characters between a reporting cue and a date that dates the saying
NEAR_WINDOW = 8  # words either side of a figure searched for its event words
NEGATORS = frozenset({"no", "not", "without", "never", "nor"})  # a word after one names no event
EVENT_WINDOW = 5  # words either side of an event's date or place searched for its event words
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NESTING = re.compile(r"\s*,\s*|\s+in\s+(?:the\s+)?", re.IGNORECASE)  # "Flint, Michigan", "Flint in Michigan"
# A place of the event is introduced as one ("in Flint", "at the White House", "off Yemen"); a
# place name used otherwise ("Alabama physician", "50 miles north of Detroit") is not compared.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|off|across|around|into|throughout|on)\s+(?:the\s+)?$",
                              re.IGNORECASE)
# A "who" clause still open before a place ("a doctor who runs a clinic in X"): the place tells
# about a person of the claim, not where its event happened.
_WHO_CLAUSE_OPEN = re.compile(r"\bwho(?:se|m)?\b[^,;:—–()]*$", re.IGNORECASE)
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")  # YYYY, YYYY-MM, YYYY-MM-DD (not weeks, seasons)
_POSSESSIVE = re.compile(r"['’]s?$")  # "Russia's" and "soldiers'" are "russia" and "soldiers"


def _stem(word: str) -> str:
    """A crude stem for matching inflections: "reported"/"reporting"/"reports" -> "report"."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@cache
def _reporting_stems() -> frozenset[str]:
    """Stems of the attribution cue verbs (data/attribution_cue_verbs.txt): not event words."""
    return frozenset(_stem(entry.split()[0]) for entry in word_list("attribution_cue_verbs.txt"))


def _content_words(claim: Claim) -> set[str]:
    words = set()
    for word in re.findall(r"[A-Za-z][\w'’-]+", claim.text):
        lower = _POSSESSIVE.sub("", word.lower())
        if lower not in stop_words() and len(lower) > 2:
            words.add(unit_key(lower) or lower)
    return words


def same_scope(a: Claim, b: Claim, articles: dict[str, Article]) -> bool:
    """Claims of one fact, or sharing a named entity and enough content words."""
    if a.fact_id is not None and a.fact_id == b.fact_id:
        return True
    entities_a = claim_entities(a, articles.get(a.article_id))
    entities_b = claim_entities(b, articles.get(b.article_id))
    return _scopes_overlap(set(entities_a), _content_words(a), set(entities_b), _content_words(b))


def _scopes_overlap(entities_a, words_a, entities_b, words_b, threshold: float = MIN_SHARED_WORDS) -> bool:
    if not entities_a & entities_b or not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= threshold


def _format_value(figure: Figure) -> float | int | list[float | int]:
    def plain(x: float) -> float | int:
        return int(x) if float(x).is_integer() else x

    if figure.bound is not None:
        return plain(figure.magnitude)  # "more than 100": the stated figure; the claim's text says the side
    return plain(figure.low) if figure.low == figure.high else [plain(figure.low), plain(figure.high)]


class _Context:
    """What the conflict finders share: articles, reuse lookups, origins per claim."""

    def __init__(self, story: Story, articles: dict[str, Article]):
        self.story, self.articles = story, articles
        self._finder = OriginFinder(story.reuse, articles, story.claims)
        self._origins: dict[str, Origin] = {}
        self._scopes: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._people: dict[str, frozenset[str]] = {}
        self.claim_order = {claim.id: n for n, claim in enumerate(story.claims)}

    def near_words(self, figure: Figure) -> frozenset[str]:
        """Event words within ``NEAR_WINDOW`` words of the figure (its unit left out too).

        What is left says what happened to the counted thing ("sent", "deserted", "killed").
        """
        return self.words_near(figure.claim, figure.text.split(" / ")[0],
                               {figure.unit_word.lower(), figure.unit.key})

    def same_dated_event(self, a: Claim, b: Claim) -> bool:
        """Whether an event word stands within ``EVENT_WINDOW`` words of both claims' event dates
        (what happened then: "born", "graduated", "sold"); True when a date's words are not known."""
        if not (a.event_date and a.event_date.text and b.event_date and b.event_date.text):
            return True
        return self.same_event_at(a, a.event_date.text, b, b.event_date.text)

    def same_event_at(self, a: Claim, phrase_a: str, b: Claim, phrase_b: str) -> bool:
        """Whether an event word stands within ``EVENT_WINDOW`` words of ``phrase_a`` in claim
        ``a`` and of ``phrase_b`` in claim ``b`` (a date or a place of what happened)."""
        return bool(self.words_near(a, phrase_a, set(), EVENT_WINDOW)
                    & self.words_near(b, phrase_b, set(), EVENT_WINDOW))

    def words_near(self, claim: Claim, phrase: str, excluded: set[str],
                   window: int = NEAR_WINDOW) -> frozenset[str]:
        """Stems of the words within ``window`` words of ``phrase`` in the claim.

        Leaves out function words, names (the claim's entities), ``excluded`` words,
        approximators, month names, reporting verbs (data/attribution_cue_verbs.txt lemmas,
        the claim's own cue) and words right after a negation ("no injuries").
        """
        position = claim.text.lower().find(phrase.lower()) if phrase else -1
        if position < 0:
            return frozenset()
        leading = LETTER_WORD.findall(claim.text[:position])
        trailing = LETTER_WORD.findall(claim.text[position + len(phrase) :])[:window]
        entity_words = {w for name in self._scope(claim)[0] for w in re.findall(r"\w+", name)}
        cue_words = {_stem(w) for w in LETTER_WORD.findall(claim.attribution.cue or "")}
        excluded = excluded | cue_words
        last = (leading + LETTER_WORD.findall(phrase))[-1:]  # the word before the first one after
        pairs = [(leading[k], leading[k - 1] if k else None)
                 for k in range(max(len(leading) - window, 0), len(leading))]
        pairs += [(word, trailing[k - 1] if k else (last[0] if last else None))
                  for k, word in enumerate(trailing)]
        kept = set()
        for word, previous in pairs:
            if previous is not None and previous.lower() in NEGATORS:
                continue  # "no injuries were reported": no injury to count
            lower = _POSSESSIVE.sub("", word.lower())
            if lower in stop_words() or lower in entity_words or lower in approximators() or len(lower) < 3:
                continue
            stem = _stem(lower)
            if lower in excluded or stem in excluded or stem in _reporting_stems() or lower[:3] in _MONTHS:
                continue
            kept.add(stem)
        return frozenset(kept)

    def same_count(self, a: Figure, b: Figure, per_person_units: frozenset[str] = frozenset()) -> bool:
        """Same scope, no different kinds named ("machine guns", "AK-47 guns"), and either an event
        word next to both figures or magnitudes within ``SAME_COUNT_RATIO``; for units the story
        counts per person (``_per_person_units``), claims naming the same people."""
        if not self.same_scope(a.claim, b.claim):
            return False
        people_a, people_b = self.people(a.claim), self.people(b.claim)
        if people_a and people_b and not people_a & people_b:
            return False  # "Ruiz scored 14 points" and "Ode scored 11 points" are two players' counts
        if a.unit.key in per_person_units and (not people_a or people_a != people_b):
            return False  # a count the story gives per person: "his 14 points" is whose?
        if a.kind_words and b.kind_words and not a.kind_words & b.kind_words:
            return False  # "3 machine guns" and "12 AK-47 guns" count different kinds of gun
        if a.whole != b.whole:
            return False  # "28 of 41 passes" gives the attempts; "completed 28 passes" a part
        if a.period and b.period and a.period != b.period:
            return False  # "seven points in the first half" and "four in the second half"
        if a.near & b.near:
            return True
        low, high = sorted((a.magnitude, b.magnitude))
        return low > 0 and high / low <= SAME_COUNT_RATIO

    def related_beyond_fact(self, a: Claim, b: Claim) -> bool:
        """About the same event by their own content: the same count of the same thing, or a shared
        entity and at least ``MIN_SHARED_WORDS_STRICT`` shared content words; and no different
        states (a desertion and a detention are two events, even of one fact)."""
        states_a, states_b = claim_states(a.text), claim_states(b.text)
        if any(states_a[axis].state != states_b[axis].state for axis in states_a.keys() & states_b.keys()):
            return False
        if claim_counts(a) & claim_counts(b):
            return True
        (entities_a, words_a), (entities_b, words_b) = self._scope(a), self._scope(b)
        return _scopes_overlap(entities_a, words_a, entities_b, words_b, MIN_SHARED_WORDS_STRICT)

    def same_scope(self, a: Claim, b: Claim) -> bool:
        """``same_scope`` with each claim's entities and words worked out once."""
        if a.fact_id is not None and a.fact_id == b.fact_id:
            return True
        (entities_a, words_a), (entities_b, words_b) = self._scope(a), self._scope(b)
        return _scopes_overlap(entities_a, words_a, entities_b, words_b)

    def people(self, claim: Claim) -> frozenset[str]:
        """Surnames of the people the claim is about (its sources left out: "said Vanore")."""
        if claim.id not in self._people:
            names = participants(claim, self.articles).entities
            self._people[claim.id] = frozenset(name.split()[-1] for name, label in names if label == "PERSON" and name)
        return self._people[claim.id]

    def _scope(self, claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
        if claim.id not in self._scopes:
            entities = claim_entities(claim, self.articles.get(claim.article_id))
            self._scopes[claim.id] = (frozenset(entities), frozenset(_content_words(claim)))
        return self._scopes[claim.id]

    def origin(self, claim: Claim) -> Origin:
        if claim.id not in self._origins:
            self._origins[claim.id] = self._finder.origin(claim)
        return self._origins[claim.id]

    def lineage(self, claim: Claim) -> str:
        origin = self.origin(claim)
        return origin.outlet or origin.key

    def outlet(self, claim: Claim) -> str:
        article = self.articles.get(claim.article_id)
        return (article.outlet if article and article.outlet else claim.article_id)

    def value(self, value, claims: list[Claim]) -> ConflictValue:
        origins = [self.origin(c) for c in claims]
        sources = list(dict.fromkeys(described_label(o, origins) for o in origins))
        return ConflictValue(value, [c.id for c in claims], sources)


def _group(items: list, related, *, complete: bool = False) -> list[list]:
    """Items in groups: single linkage (related to any member), or complete (related to every member)."""
    groups: list[list] = []
    for item in items:
        if complete:
            home = next((g for g in groups if all(related(item, other) for other in g)), None)
            if home is None:
                groups.append([item])
            else:
                home.append(item)
            continue
        joined = [g for g in groups if any(related(item, other) for other in g)]
        merged = [item]
        for g in joined:
            merged.extend(g)
            groups.remove(g)
        groups.append(merged)
    return groups


def _count_scopes(context: _Context) -> list[list[Figure]]:
    """The story's figures grouped into counts: one slot, and every pair passing ``same_count``."""
    slots: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for claim in context.story.claims:
        if tells_history(claim, context.articles):
            continue  # "41 goals in 2019" in a report of this week is no current figure
        for figure in claim_figures(claim):
            slots[(figure.unit.key, figure.anchor)].append(figure)
    for figures in slots.values():
        for figure in figures:
            figure.near = context.near_words(figure)
    per_person = _per_person_units(context, slots)
    scopes = []
    for figures in slots.values():
        scopes.extend(_group(figures, lambda a, b: context.same_count(a, b, per_person), complete=True))
    return scopes


def _per_person_units(context: _Context, slots: dict[tuple[str, str], list[Figure]]) -> frozenset[str]:
    """Units the story counts per person: one article gives different, incompatible figures of
    the slot with an event word in common, in claims told of different people ("Artino scored 14
    points", "Echenique scored 11 points"). Their figures are one count only between claims that
    name the same people: a player's points, a boxer's wins, a senator's votes are not the
    story's one figure, and "his 14 points" or "Charles rushed for 226 yards while Hillis added
    101" does not say whose count it is comparable with."""
    units = set()
    for (unit, _), figures in slots.items():
        by_article: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures:
            by_article[figure.claim.article_id].append(figure)
        if any(a.near & b.near and _different_holders(context, a, b) and not figures_compatible(a, b)
               for group in by_article.values() for i, a in enumerate(group) for b in group[i + 1 :]):
            units.add(unit)
    return frozenset(units)


def _different_holders(context: _Context, a: Figure, b: Figure) -> bool:
    """Whether two figures are told of different people: their claims name people and share none,
    or one claim holding both names two people or more."""
    people_a, people_b = context.people(a.claim), context.people(b.claim)
    if a.claim.id == b.claim.id:
        return len(people_a) >= 2
    return bool(people_a and people_b and not people_a & people_b)


def _quantity_conflicts(context: _Context) -> list[tuple[str, str, list[ConflictValue], str]]:
    """One conflict per disagreement: scopes of one slot whose clashing figures are the same
    values (6 vs 14 rifles told in two groups of reports) make one conflict with all their claims."""
    clashing: dict[tuple, list[Figure]] = {}
    for scope in _count_scopes(context):
        values = _by_value(context, _latest_per_lineage(context, scope))
        if _values_clash(context, values):
            first = values[0][0]
            key = (first.unit.key, first.anchor, tuple((g[0].low, g[0].high) for g in values))
            clashing.setdefault(key, []).extend(f for g in values for f in g)
    return [_quantity_conflict(context, _by_value(context, figures)) for figures in clashing.values()]


def figure_updates(story: Story, articles: dict[str, Article]) -> list[tuple[str, Update]]:
    """(day, update) for each figure a source lineage revised on a later day ("14 -> 15 workers").

    Requires what ``find_conflicts`` requires. Within one count (see ``_count_scopes``) and one
    lineage (same origin), a dated figure that cannot be the figure the lineage gave on its latest
    earlier day (``figures_compatible``) and that a revision word introduces ("rose to", "now";
    data/status_figure_revisions.txt) is an update from it; the same revision reported again that
    day is one update. Figures of different lineages are never updates of each other: they are
    conflicts.
    """
    context = _Context(story, articles)
    found: dict[tuple[str, str, float, float], tuple[str, Update]] = {}
    for scope in _count_scopes(context):
        by_lineage: dict[str, list[tuple[str, int, Figure]]] = defaultdict(list)
        for figure in scope:
            day = report_day(figure.claim, articles)
            if day is not None:
                by_lineage[context.lineage(figure.claim)].append((day, context.claim_order[figure.claim.id], figure))
        for reports in by_lineage.values():
            reports.sort(key=lambda item: item[:2])
            for day, _, figure in reports:
                earlier = [item for item in reports if item[0] < day]
                if not earlier:
                    continue
                previous_day = earlier[-1][0]
                previous = [f for d, _, f in earlier if d == previous_day]
                if any(figures_compatible(figure, other) for other in previous) or not _revision_said(figure):
                    continue  # the lineage's latest earlier figure still stands, or nothing says it changed
                start = previous[0]
                key = (start.claim.id, day, figure.low, figure.high)
                if key not in found:
                    summary = f"{start.text} → {figure.text} ({_count_name(figure)}, reported {day})"
                    found[key] = (day, Update(start.claim.fact_id, start.claim.id, figure.claim.id, summary))
    return sorted(found.values(), key=lambda item: (item[0], context.claim_order[item[1].to_claim]))


@cache
def _revision_words() -> frozenset[str]:
    return frozenset(word_list("status_figure_revisions.txt"))


def _revision_said(figure: Figure) -> bool:
    """Whether a word saying the figure changed ("rose", "now") stands within ``NEAR_WINDOW`` words before it."""
    first_text = figure.text.split(" / ")[0]
    position = figure.claim.text.find(first_text) if first_text else -1
    before = LETTER_WORD.findall(figure.claim.text[: max(position, 0)])[-NEAR_WINDOW:]
    return position >= 0 and any(word.lower() in _revision_words() for word in before)


def _count_name(figure: Figure) -> str:
    """What a slot counts or measures, for a reader: "number of soldiers", "km from border",
    "amount in USD", "amount in USD per year"."""
    if figure.unit_word in CURRENCY_CODES:
        return f"amount in {figure.unit_word} {figure.anchor_text}".strip()
    if figure.unit.measure or figure.unit.label:
        return f"{figure.unit_word} {figure.anchor_text}".strip()
    return f"number of {figure.unit_word} {figure.anchor_text}".strip()


def _latest_per_lineage(context: _Context, figures: list[Figure]) -> list[Figure]:
    """Drop figures a lineage revised on a later day (those are updates); undated figures stay."""
    latest: dict[str, str] = {}
    for figure in figures:
        day = report_day(figure.claim, context.articles)
        if day is not None:
            lineage = context.lineage(figure.claim)
            latest[lineage] = max(latest.get(lineage, day), day)

    def superseded(figure: Figure) -> bool:
        day = report_day(figure.claim, context.articles)
        return day is not None and day < latest[context.lineage(figure.claim)]

    return [f for f in figures if not superseded(f)]


def _by_value(context: _Context, figures: list[Figure]) -> list[list[Figure]]:
    """The figures grouped by value (interval), in value order; each group in report order."""
    by_value: dict[tuple[float, float], list[Figure]] = defaultdict(list)
    for figure in sorted(figures, key=lambda f: context.claim_order[f.claim.id]):
        by_value[(figure.low, figure.high)].append(figure)
    return sorted(by_value.values(), key=lambda group: group[0].low)


def _values_clash(context: _Context, values: list[list[Figure]]) -> bool:
    """True when two figures of different values from different articles are incompatible and
    no article gives both values on one origin's word (one report giving 6 and 14 rifles in its
    own voice is telling of two counts, not of a disagreement between sources)."""
    origins = [{(f.claim.article_id, context.origin(f.claim).key) for f in group} for group in values]
    return any(
        not figures_compatible(a, b) and a.claim.article_id != b.claim.article_id
        for i, group_a in enumerate(values)
        for j, group_b in enumerate(values[i + 1 :], i + 1)
        if not origins[i] & origins[j]
        for a in group_a
        for b in group_b
    )


def _quantity_conflict(context: _Context, values: list[list[Figure]]):
    about = _count_name(values[0][0])
    conflict_values = [context.value(_format_value(g[0]), [f.claim for f in g]) for g in values]
    sides = "; ".join(
        f"{' / '.join(dict.fromkeys(f.text for f in g))} ({', '.join(dict.fromkeys(context.outlet(f.claim) for f in g))})"
        for g in values
    )
    note = f"Different figures for the {about}: {sides}."
    days = {report_day(f.claim, context.articles) for g in values for f in g}
    if len(days) > 1:
        note += " Reported on different days, so part of the difference may be a change over time."
    return "quantity", about, conflict_values, note


def _status_conflicts(context: _Context):
    found = []
    forward = {axis.name: axis.forward for axis in status_lexicon()[0]}
    for axis, stated in stated_claims(context.story, context.articles).items():
        state_of = {claim.id: state for claim, state in stated}
        by_day: dict[str, list[Claim]] = defaultdict(list)
        for claim, _ in stated:
            day = report_day(claim, context.articles)
            if day is not None:
                by_day[day].append(claim)
        for day, claims in sorted(by_day.items()):
            for group in related_groups(claims, context.articles, axis):
                by_state: dict[str, list[Claim]] = defaultdict(list)
                for claim in sorted(group, key=lambda c: (state_of[c.id].state.rank, context.claim_order[c.id])):
                    by_state[state_of[claim.id].state.name].append(claim)
                who = {claim.id: participants(claim, context.articles, axis) for claim in group}
                if not any(
                    state_of[a.id].state.phase < state_of[b.id].state.phase and a.article_id != b.article_id
                    and not _tells_a_later_state(b)
                    and participants_named_alike(who[a.id], who[b.id], people_suffice=not forward[axis])
                    for a in group
                    for b in group
                ):
                    continue  # one article telling a sequence ("went missing, then found") is no conflict
                values = [context.value(name, state_claims) for name, state_claims in by_state.items()]
                words = "; ".join(
                    f"{name} ({', '.join(dict.fromkeys(state_of[c.id].cue for c in cs))}: "
                    f"{', '.join(dict.fromkeys(context.outlet(c) for c in cs))})"
                    for name, cs in by_state.items()
                )
                about = f"{axis} of {_subject(group, context.articles)}"
                found.append(("status", about, values, f"Reports of {day} disagree: {words}."))
    return found


def _tells_a_later_state(claim: Claim) -> bool:
    """Whether the claim marks its state as a later development ("was detained two hours later":
    data/status_sequence_words.txt)."""
    return bool(_sequence_words() & {w.lower() for w in LETTER_WORD.findall(claim.text)})


@cache
def _sequence_words() -> frozenset[str]:
    return frozenset(word_list("status_sequence_words.txt"))


def _subject(claims: list[Claim], articles: dict[str, Article]) -> str:
    """A short name for what related claims are about: a shared count, an entity, or the fact."""
    for claim in claims:
        for quantity in claim.quantities:
            if quantity.unit and quantity.text:
                return quantity.text
    for claim in claims:
        entities = claim_entities(claim, articles.get(claim.article_id))
        if entities:
            return next(iter(entities))
    fact_ids = [c.fact_id for c in claims if c.fact_id]
    return f"fact {fact_ids[0]}" if fact_ids else "the same participants"


def _fact_groups(story: Story) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in story.claims:
        if claim.fact_id is not None:
            groups[claim.fact_id].append(claim)
    return groups


def _fact_subgroups(context: _Context) -> list[tuple[str, list[Claim]]]:
    """Claims of each fact, split further into claims that are also related by their own content.

    A fact from the alignment stage may be broad (a whole story's claims); dates and places of two
    claims are compared only when the claims also share a count or an entity and content words.
    """
    subgroups = []
    for fact_id, claims in _fact_groups(context.story).items():
        for group in _group(claims, context.related_beyond_fact, complete=True):
            if len(group) > 1:
                subgroups.append((fact_id, group))
    return subgroups


def _date_conflicts(context: _Context):
    found = []
    nested = _nested_places(context)
    for fact_id, claims in _fact_subgroups(context):
        by_date: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            date = claim.event_date
            if date is not None and date.value and not date.inferred and _CALENDAR_DATE.match(date.value) \
                    and not _dates_the_statement(claim) and not _relative_date(context, claim):
                by_date[date.value].append(claim)
        dates = sorted(by_date)
        mentioned = {claim.id: _calendar_dates(context, claim) for claim in claims}
        places = {claim.id: _claim_places(context, claim) for claim in claims}

        def disagree(a: str, b: str) -> bool:
            """Two dates disagree when neither contains the other and two claims from different
            articles and origins give them, each claim naming no other date (a claim with several
            dates, "hired in 1994 ... until June 27, 2001", tells of several events), an event word
            next to both dates ("born in 1928" and "graduated in 1951" date two events of one life;
            "sold ... in 1957" and "sold ... in 1967" one sale) and the two not naming different
            places (a shooting in March near one city and one in April in another are two
            events)."""
            if _dates_overlap(a, b):
                return False
            return any(ca.article_id != cb.article_id and context.origin(ca).key != context.origin(cb).key
                       and len(mentioned[ca.id]) <= 1 and len(mentioned[cb.id]) <= 1
                       and context.same_dated_event(ca, cb)
                       and not _different_places(places[ca.id], places[cb.id], nested)
                       for ca in by_date[a] for cb in by_date[b])

        if any(disagree(a, b) for i, a in enumerate(dates) for b in dates[i + 1 :]):
            values = [context.value(date, by_date[date]) for date in dates]
            note = "Claims of one fact give different event dates: " + ", ".join(dates) + "."
            found.append(("date", f"date of: {_fact_label(claims)}", values, note))
    return found


def _claim_places(context: _Context, claim: Claim) -> set[str]:
    """The places (GPE/LOC/FAC entities) a claim names, as compare names."""
    entities = claim_entities(claim, context.articles.get(claim.article_id))
    return {_place_name(name) for name, label in entities.items() if label in _PLACE_LABELS}


def _different_places(first: set[str], second: set[str], nested: set[frozenset[str]]) -> bool:
    """Both claims name places and none of one is, contains, is contained in or is written nested
    with ("Flint, Michigan") one of the other: the claims tell of events in different places."""
    return bool(first and second) and not any(
        a in b or b in a or frozenset((a, b)) in nested for a in first for b in second)


def _relative_date(context: _Context, claim: Claim) -> bool:
    """Whether the claim's event date is named relative to the writing or the narrative ("this
    year", "on Saturday", "two days later"): its value hangs on which date it was read against (a
    week-old "Saturday" read against a later publication), so two of them differing is no sure
    disagreement about the event. Only dates the text names ("on June 8", "in 2009") are compared."""
    article = context.articles.get(claim.article_id)
    date = claim.event_date
    if article is None or date is None:
        return False
    return any(t.text == date.text and t.value == date.value and t.anchor in ("publication", "narrative")
               for t in article.time_expressions)


def _dates_overlap(a: str, b: str) -> bool:
    """True when one calendar value contains the other ("2024-10" and "2024-10-15") or they are equal."""
    return a.startswith(b) or b.startswith(a)


def _calendar_dates(context: _Context, claim: Claim) -> set[str]:
    """Calendar values of the date expressions inside the claim ("hired in 1994 ... until June 27,
    2001" has two), without those that date the saying ("..., police said on Monday")."""
    article = context.articles.get(claim.article_id)
    if article is None:
        return set()
    start, end = claim_span(claim, article)
    return {t.value[:10] for t in article.time_expressions
            if t.value and start <= t.start and t.end <= end and _CALENDAR_DATE.match(t.value[:10])
            and not _dates_a_saying(claim, t.text)}


def _fact_label(claims: list[Claim]) -> str:
    """What a fact is about, for a reader: its first claim, shortened."""
    return shorten(claims[0].text, FACT_LABEL_CHARS)


def _dates_the_statement(claim: Claim) -> bool:
    """True when the claim's date follows its reporting cue ("the union said on Monday, ...",
    "told reporters on Monday that"): it dates the saying, not the event."""
    date = claim.event_date
    return date is not None and bool(date.text) and _dates_a_saying(claim, date.text)


def _dates_a_saying(claim: Claim, date_text: str) -> bool:
    """True when ``date_text`` follows the claim's reporting cue closely (see ``_dates_the_statement``)."""
    cue = claim.attribution.cue
    if not cue:
        return False
    for match in re.finditer(rf"\b{re.escape(cue)}\b", claim.text):
        position = claim.text.find(date_text, match.end())
        between = claim.text[match.end():position] if position >= 0 else ""
        if position >= 0 and len(between) <= STATEMENT_DATE_GAP and not re.search(r"[,;]|\bthat\b", between):
            return True
    return False


def _location_conflicts(context: _Context):
    found = []
    nested = _nested_places(context)
    for fact_id, claims in _fact_subgroups(context):
        by_place: dict[str, list[Claim]] = defaultdict(list)
        kind: dict[str, str] = {}
        written: dict[str, str] = {}  # claim id -> its place as the claim writes it
        for claim in claims:
            article = context.articles.get(claim.article_id)
            if article is None:
                continue
            start, end = claim_span(claim, article)
            places = {
                (_place_name(e.text), e.label, e.text)
                for e in article.entities
                if e.label in _PLACE_LABELS and e.start >= start and e.end <= end
                and _LOCATIVE_BEFORE.search(article.text[max(start, e.start - 20):e.start])
                and not ends_with_title(e.text) and not _WHO_CLAUSE_OPEN.search(article.text[start:e.start])
            }
            if len({name for name, _, _ in places}) == 1:
                name, label, text = min(places)
                by_place[name].append(claim)
                kind[name] = label
                written[claim.id] = text
        names = sorted(by_place)

        def disagree(a: str, b: str) -> bool:
            """Places of one kind (two cities, not a city and a facility or a sea), neither in
            the other's name nor written as nested in the story, from different articles and
            origins, with an event word next to both ("escaped near X" and "escaped in Y"; not
            "a transfer to a unit in X" and "escaped near Y")."""
            return kind[a] == kind[b] and a not in b and b not in a and frozenset((a, b)) not in nested and any(
                ca.article_id != cb.article_id and context.origin(ca).key != context.origin(cb).key
                and context.same_event_at(ca, written[ca.id], cb, written[cb.id])
                for ca in by_place[a] for cb in by_place[b])

        if any(disagree(a, b) for i, a in enumerate(names) for b in names[i + 1 :]):
            values = [context.value(name, by_place[name]) for name in names]
            note = (
                "Claims of one fact each name a different single place: " + ", ".join(names)
                + " (a coarse check: both may be true at different scales)."
            )
            found.append(("location", f"place of: {_fact_label(claims)}", values, note))
    return found


def _nested_places(context: _Context) -> set[frozenset[str]]:
    """Pairs of places the story's own articles write as one inside the other ("Christchurch, New
    Zealand", "Bayou La Batre in Alabama"): two scales of one place, never a disagreement."""
    pairs = set()
    for article_id in context.story.article_ids:
        article = context.articles.get(article_id)
        if article is None:
            continue
        places = sorted((e for e in article.entities if e.label in _PLACE_LABELS), key=lambda e: e.start)
        for first, second in zip(places, places[1:]):
            if _NESTING.fullmatch(article.text[first.end:second.start]):
                pairs.add(frozenset((_place_name(first.text), _place_name(second.text))))
    return pairs


def _place_name(text: str) -> str:
    """A place name to compare: lowercase, without a leading "the" or dots ("U.S." is "us")."""
    return re.sub(r"^the\s+", "", text.strip().lower()).replace(".", "")


def find_conflicts(story: Story, articles: dict[str, Article]) -> list[Conflict]:
    """Disagreements among the story's claims: quantity, status, date and location conflicts.

    Requires claims with text, quantities, attribution chains, ``fact_id``, ``event_date`` and
    offsets; the articles by id (``published``, ``outlet``, ``entities``) and ``story.reuse``.
    """
    context = _Context(story, articles)
    raw = _quantity_conflicts(context) + _status_conflicts(context) + _date_conflicts(context) + _location_conflicts(context)
    return [
        Conflict(f"{story.id}/conflict-{n}", kind, about, values, note)
        for n, (kind, about, values, note) in enumerate(raw, 1)
    ]

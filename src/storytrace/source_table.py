"""The sources table of one story: every source its claims cite, once, under one name across articles.

Each article names its sources canonically (``source_resolution``), but articles differ: in case
("Rescuers" at a sentence start, "rescuers"), a leading "the" or a possessive, a person with or
without a title or given name ("Minister of Mines Petar Dovlan", "Petar Dovlan", "Dovlan"), a body
by description or by name ("the union", "Vashmoor Miners' Union"). One row gathers them, by the
compare rules facts use for origins (``origins.canonical_name``, the story's one named body for a
description's head word), plus: a shorter name that ends a longer one of the same kind ("Dovlan",
"Petar Dovlan") is that source when exactly one longer name ends so, and an anonymous description
that begins exactly one fuller one relayed by the same outlet ("a Western diplomat", "a Western
diplomat familiar with the matter") is that source.

A row is shown by its commonest form, preferring for a person the shortest form of two words or
more (a full name without the title) and for a body its proper name, else its fullest description
("the provincial mine rescue service" over "the rescue service"); counts are claims citing the
source in any link of their chains (once per claim) and the articles they come from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storytrace.model import ChainLink, Claim, SourceSummary
from storytrace.origins import BODY_TYPES, canonical_name, ends_name, named_bodies


def _links(claim: Claim) -> list[ChainLink]:
    attribution = claim.attribution
    if attribution.chain:
        return list(attribution.chain)
    return [ChainLink(attribution.source, attribution.source_type)] if attribution.source else []


def _kind(source_type: str) -> str:
    return "body" if source_type in BODY_TYPES else source_type


def summarize_sources(claims: Iterable[Claim]) -> list[SourceSummary]:
    """Every source cited in the claims (each link of each chain), merged across articles, with
    type, claim count and articles."""
    claims = list(claims)
    bodies = named_bodies(claims)
    mentions: list[tuple[Claim, str, str, str, str | None]] = []  # (claim, shown name, type, compare key, relay key)
    for claim in claims:
        links = _links(claim)
        for at, link in enumerate(links):
            name = (link.source or "").strip()
            if not name:
                continue
            if name.islower() and link.source_type in BODY_TYPES:
                name = bodies.get(canonical_name(name), name)  # "the union": the story's one union
            relay = links[at + 1].source if at + 1 < len(links) else None
            mentions.append((claim, name, link.source_type, canonical_name(name), canonical_name(relay) if relay else None))
    kinds: dict[str, Counter] = {}
    for _, _, type_, key, _ in mentions:
        kinds.setdefault(key, Counter())[_kind(type_)] += 1
    kind_of = {key: counts.most_common(1)[0][0] for key, counts in kinds.items()}
    target = _longer_names(kind_of)
    fuller = _fuller_descriptions({(key, relay) for _, _, type_, key, relay in mentions if type_ == "anonymous" and relay})

    rows: dict[str, dict] = {}
    for claim, name, type_, key, relay in mentions:
        key = fuller.get((key, relay), key)
        row = rows.setdefault(target.get(key, key), {"forms": Counter(), "types": Counter(), "claims": set(), "articles": []})
        row["forms"][name] += 1
        row["types"][type_] += 1
        if claim.id not in row["claims"]:
            row["claims"].add(claim.id)
            if claim.article_id not in row["articles"]:
                row["articles"].append(claim.article_id)
    table = [
        SourceSummary(_shown_name(row["forms"], row["types"]), row["types"].most_common(1)[0][0],
                      len(row["claims"]), row["articles"])
        for row in rows.values()
    ]
    return sorted(table, key=lambda s: (-s.claim_count, s.name.lower()))


def _longer_names(kind_of: dict[str, str]) -> dict[str, str]:
    """Key -> the one longer key of the same kind it ends ("dovlan" -> "petar dovlan"), for persons
    and bodies; a key several longer keys end (two people called Ruiz) stays its own row."""
    merged: dict[str, str] = {}
    for key, kind in kind_of.items():
        if kind not in {"person", "body"}:
            continue
        longer = [other for other, other_kind in kind_of.items() if other_kind == kind and ends_name(other, key)]
        outermost = [other for other in longer if not any(ends_name(o, other) for o in longer)]
        if len(outermost) == 1:
            merged[key] = outermost[0]
    return merged


def _fuller_descriptions(relayed: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(key, relay) of an anonymous source -> the one fuller description it begins that the same
    outlet relayed ("a western diplomat" -> "a western diplomat familiar with the matter", both via
    one outlet): origins count the unnamed sources one outlet relays as one origin, so does the table."""
    merged: dict[tuple[str, str], str] = {}
    for key, relay in relayed:
        fuller = [other for other, other_relay in relayed if other_relay == relay and other.startswith(key + " ")]
        if len(fuller) == 1:
            merged[(key, relay)] = fuller[0]
    return merged


def _shown_name(forms: Counter, types: Counter) -> str:
    """The form a row is shown by (see the module docstring)."""
    # Forms differing only in the case of their first letter count together, shown in lower case.
    grouped: Counter = Counter()
    for form, count in forms.items():
        lower_first = form[:1].lower() + form[1:]
        grouped[lower_first if lower_first in forms else form] += count
    if types.most_common(1)[0][0] == "person":
        full_names = [f for f in grouped if len(f.split()) >= 2 and not f[:1].islower()]
        if full_names:
            shortest = min(len(f.split()) for f in full_names)
            return max((f for f in full_names if len(f.split()) == shortest), key=lambda f: (grouped[f], f))
    if types.most_common(1)[0][0] in BODY_TYPES:
        named = [f for f in grouped if f[:1].isupper() and f.split()[-1][:1].isupper()]
        if named:
            return max(named, key=lambda f: (grouped[f], len(f), f))
        return max(grouped, key=lambda f: (len(f.split()), grouped[f], f))  # the fullest description
    return max(grouped, key=lambda f: (grouped[f], len(f), f))

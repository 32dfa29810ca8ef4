"""Loading the attribution lexicons (cue verbs and nouns, claim and relay nouns, light verbs) from
``storytrace/data``, once."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _entries(name: str) -> frozenset[str]:
    text = resources.files("storytrace.data").joinpath(name).read_text(encoding="utf-8")
    entries = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


@cache
def cue_noun_lemmas() -> frozenset[str]:
    """Noun lemmas that cue an attribution (``attribution_cue_nouns.txt``)."""
    return _entries("attribution_cue_nouns.txt")


@cache
def relay_noun_lemmas() -> frozenset[str]:
    """Nouns whose possessive owner relays the content (``attribution_relay_nouns.txt``)."""
    return _entries("attribution_relay_nouns.txt")


@cache
def claim_noun_lemmas() -> frozenset[str]:
    """Nouns that cue an attribution with a that-clause (hand-written list plus learned nouns)."""
    return _entries("attribution_claim_nouns.txt") | cue_noun_lemmas()


@cache
def light_verb_lemmas() -> frozenset[str]:
    """Verbs whose object noun belongs to the cue when a complement of the noun is the content
    ("expressed concern about X"; learned, ``attribution_light_verbs.txt``)."""
    return _entries("attribution_light_verbs.txt")


@cache
def clause_cue_lemmas() -> frozenset[str]:
    """Verb lemmas that head gold cues with a clausal complement (``attribution_cue_verbs.txt``,
    frame ccomp): verbs that report a clause ("say", "warn", "question")."""
    return frozenset(entry.split()[0] for entry in _entries("attribution_cue_verbs.txt")
                     if entry.split()[1:] == ["ccomp"])


@cache
def speech_lemmas() -> frozenset[str]:
    """Words of saying, writing, thinking and being sure (``attribution_speech_lemmas.txt``) and
    the cue and claim nouns: a cue holding one reports someone's words or mind, not an action."""
    return _entries("attribution_speech_lemmas.txt") | claim_noun_lemmas()

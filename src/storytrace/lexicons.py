"""Loading the package's documented word lists (src/storytrace/data/*.txt), once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("storytrace.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line list, lowercased, in file order."""
    return tuple(line.lower() for line in _lines(name))


@cache
def word_map(name: str) -> dict[str, str]:
    """A ``key value`` list as a dict (the value is the rest of the line after the first space)."""
    mapping = {}
    for line in _lines(name):
        key, _, value = line.partition(" ")
        mapping[key.lower()] = value.strip()
    return mapping

"""Loading the package's documented word lists (src/storytrace/data/*.txt), once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def entries(name: str) -> list[str]:
    """The non-comment, non-blank lines of data file ``name``, stripped, case kept."""
    text = resources.files("storytrace.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line list, lowercased, in file order."""
    return tuple(line.lower() for line in entries(name))


@cache
def word_map(name: str) -> dict[str, str]:
    """A ``key value`` list as a dict (the value is the rest of the line after the first space)."""
    mapping = {}
    for line in entries(name):
        key, _, value = line.partition(" ")
        mapping[key.lower()] = value.strip()
    return mapping


def phrase_alternation(entries: tuple[str, ...]) -> str:
    """One regex alternative per entry, longest first: ``re:`` lines verbatim, phrases as whole words."""
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        if entry.startswith("re:"):
            parts.append(entry[3:].strip())
        else:
            phrase = r"\s+".join(re.escape(word) for word in entry.split())
            parts.append(rf"(?<![\w-]){phrase}(?![\w-])")
    return "|".join(f"(?:{part})" for part in parts)


def shorten(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to at most ``limit`` characters at a word boundary, with "…" when cut."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"

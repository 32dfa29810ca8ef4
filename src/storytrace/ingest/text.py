"""Plain text and Markdown inputs: one file, one article; the raw text goes to cleaning as it is."""

from __future__ import annotations

from ..model import Article


def read_text(path: str, text: str, fmt: str = "text") -> list[Article]:
    return [Article(id="", path=path, format=fmt, raw_text=text)]

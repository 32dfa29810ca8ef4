"""JSON and JSON Lines inputs: one article per record, with documented field names.

A record is an object; its body is the first of ``text``, ``body``, ``content``, ``article``
(HTML bodies are converted to text). Metadata fields: ``title``/``headline``,
``published``/``date``/``datePublished``/``pubDate``, ``author``/``byline``, ``url``/``link``,
``outlet``/``source``/``site``/``publisher``, ``language``/``lang``, ``id``.
A .json file may hold one record, a list of records, or an object with an ``articles`` list.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Article
from .decode import Rejected
from .html import html_to_article, looks_like_html

BODY_FIELDS = ("text", "body", "content", "article")
META_FIELDS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "datePublished", "pubDate", "published_at"),
    "author": ("author", "byline", "authors"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "site_name"),
    "language": ("language", "lang"),
    "source_id": ("id",),
}


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value)
        if isinstance(value, dict):
            value = value.get("name")
        if value not in (None, ""):
            return value
    return None


def record_to_article(path: str, record: Any, fmt: str) -> Article:
    """One article from a JSON record, or Rejected when the record has no body text."""
    if not isinstance(record, dict):
        raise Rejected("record is not a JSON object")
    body = _first(record, BODY_FIELDS)
    if not isinstance(body, str) or not body.strip():
        raise Rejected(f"record has no text (looked for fields {', '.join(BODY_FIELDS)})")
    if looks_like_html(body):
        article = html_to_article(path, body, fmt)
    else:
        article = Article(id="", path=path, format=fmt, raw_text=body.strip())
    for key, names in META_FIELDS.items():
        value = _first(record, names)
        if value is not None:
            article.given[key] = str(value).strip()
    if "published" in article.given:
        article.given["published_source"] = "json"
    return article


def record_label(path: str, number: int, record: Any) -> str:
    """``path#ID`` when the record has an ``id``, else ``path#N`` (its 1-based position)."""
    ident = record.get("id") if isinstance(record, dict) else None
    return f"{path}#{ident}" if isinstance(ident, (str, int)) and str(ident).strip() else f"{path}#{number}"


def split_records(path: str, text: str, fmt: str) -> list[tuple[str, Any]]:
    """(label, record) pairs; a file with several records labels each with ``record_label``."""
    if fmt == "jsonl":
        records = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    records.append((f"{path}#{number}", Rejected(f"line {number} is not JSON: {exc.msg}")))
                    continue
                records.append((record_label(path, number, record), record))
        return records
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        return [(record_label(path, i, item), item) for i, item in enumerate(data, start=1)]
    return [(path, data)]

"""Article metadata: title, publication date (and where it came from), author, outlet, language.

Sources by precedence: the sidecar file, then what the input format states (HTML meta tags,
JSON fields, feed entries), then what the text itself says (bylines, date lines, headline).
A field that no source gives stays None: no date is ever taken from today or from the body.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from .dates import to_iso
from .language import detect_language
from .model import Article

# Where a given published date came from, by input format.
_GIVEN_DATE_SOURCE = {"html": "html-meta", "feed": "feed", "json": "json", "jsonl": "json"}


def _clean_str(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def merge_metadata(article: Article, from_text: dict[str, Any]) -> Article:
    """Set title, published (+ source), author, outlet, url and language on ``article``.

    Requires: ``article.given`` (input metadata, sidecar fields listed in ``given['sidecar']``),
    ``article.text`` (cleaned), and ``from_text`` (what the text's header and footer say).
    """
    given = article.given
    sidecar_fields = set(given.get("sidecar", ()))

    def pick(field: str) -> tuple[Any, str | None]:
        if field in sidecar_fields:
            return given[field], "sidecar"
        if given.get(field):
            return given[field], given.get(f"{field}_source") or _GIVEN_DATE_SOURCE.get(article.format, "html-meta")
        if from_text.get(field):
            return from_text[field], from_text.get(f"{field}_source") or "text"
        return None, None

    article.title = _clean_str(pick("title")[0])
    article.author = _clean_str(pick("author")[0])
    article.url = _clean_str(given.get("url"))
    outlet = _clean_str(pick("outlet")[0])
    if outlet is None and article.url:
        host = urlparse(article.url).hostname or ""
        outlet = host.removeprefix("www.") or None
    article.outlet = outlet
    published, source = pick("published")
    article.published = to_iso(published)
    article.published_source = source if article.published else None
    if published and not article.published:
        article.warnings.append(f"publication date {published!r} not understood; left unknown")
    declared = _clean_str(given.get("language"))
    detected = detect_language(article.text)
    article.language = (declared or detected or None)
    if article.language:
        article.language = article.language.split("-")[0].split("_")[0].lower()
    if article.language and article.language != "en":
        article.warnings.append(
            f"language is '{article.language}', not English: analysed with the English pipeline, results may be poor"
        )
    return article

"""RSS and Atom inputs (feedparser): each entry is one article; the feed's title is its outlet."""

from __future__ import annotations

import feedparser

from ..dates import to_iso
from ..model import Article
from .decode import Rejected
from .html import html_to_article, looks_like_html


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    if values:
        return max(values, key=len)
    return entry.get("summary", "") or entry.get("description", "")


def feed_entries(path: str, text: str) -> list[tuple[str, Article | Rejected]]:
    """(label, article or rejection) for each entry of a feed file; Rejected when it is no feed."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception', 'no entries')})"
        raise Rejected(reason)
    outlet = parsed.feed.get("title")
    results: list[tuple[str, Article | Rejected]] = []
    for number, entry in enumerate(parsed.entries, start=1):
        guid = (entry.get("id") or "").strip()
        label = f"{path}#{guid}" if guid else f"{path}#{number}"
        body = _entry_body(entry).strip()
        if not body:
            results.append((label, Rejected("feed entry has no text")))
            continue
        try:
            article = html_to_article(label, body, "feed") if looks_like_html(body) or "<p" in body else Article(
                id="", path=label, format="feed", raw_text=body
            )
        except Rejected as rejected:
            results.append((label, rejected))
            continue
        given = {"title": entry.get("title"), "author": entry.get("author"), "url": entry.get("link"), "outlet": outlet}
        published = to_iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        if published:
            given["published"] = published
            given["published_source"] = "feed"
        article.given.update({k: v.strip() for k, v in given.items() if isinstance(v, str) and v.strip()})
        results.append((label, article))
    return results

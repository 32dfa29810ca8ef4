"""HTML inputs: main text and metadata with trafilatura, publication date with htmldate.

What trafilatura leaves out of the page (navigation, footers, sidebars) is kept in ``removed``
with the reason ``html-boilerplate``, so nothing of the page's visible text is lost.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from ..model import Article, RemovedText
from .decode import Rejected

_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<!doctype html" in head or len(_TAG.findall(head)) >= 5


_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul", "title",
}


def visible_lines(html: str) -> list[str]:
    """Every non-empty block of the page's visible text, one line per block element (scripts and styles left out)."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return [line.strip() for line in re.split(r"\n+", trafilatura.html2txt(html) or "") if line.strip()]
    for element in list(root.iter("script", "style", "noscript", "template", "head")):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.text is not None or len(element):
                element.text = "\n" + (element.text or "")
    text = root.text_content()
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def page_date(html: str) -> str | None:
    """The page's publication date from its markup (meta tags, structured data, URL), not its body text."""
    try:
        return htmldate.find_date(
            html, extensive_search=False, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S"
        )
    except Exception:  # htmldate raises on odd markup; an unknown date is null
        return None


def html_to_article(path: str, html: str, fmt: str = "html") -> Article:
    """One article from an HTML page (also used for HTML inside JSON and feed entries)."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    warnings: list[str] = []
    page_lines = visible_lines(html)
    if not body:
        body = "\n".join(page_lines)
        if body:
            warnings.append("no main text found by trafilatura; using all visible text")
    if not body:
        raise Rejected("HTML with no visible text")
    given: dict[str, str] = {}
    if doc is not None:
        for field, key in (("title", "title"), ("author", "author"), ("sitename", "outlet"), ("url", "url"), ("language", "language")):
            value = getattr(doc, field, None)
            if value:
                given[key] = str(value)
    published = page_date(html)
    if published:
        given["published"] = published.replace("T00:00:00", "")
        given["published_source"] = "html-meta"
    if "outlet" not in given and given.get("url"):
        host = urlparse(given["url"]).hostname or ""
        if host:
            given["outlet"] = host.removeprefix("www.")
    body_lines = body.split("\n")
    removed = _leading_title(body_lines, given.get("title"))
    kept = {" ".join(line.split()) for line in body_lines}
    removed += [RemovedText(line, "html-boilerplate") for line in page_lines if line not in kept and line != given.get("title")]
    article = Article(id="", path=path, format=fmt, raw_text="\n".join(body_lines).strip(), given=given, removed=removed)
    article.warnings.extend(warnings)
    return article


def _leading_title(lines: list[str], title: str | None) -> list[RemovedText]:
    """trafilatura repeats the headline as the first body line: take it out (it is the title)."""
    if title and lines and lines[0].strip() == title.strip():
        lines.pop(0)
        return [RemovedText(title, "title", 0)]
    return []


def read_html(path: str, text: str) -> list[Article]:
    return [html_to_article(path, text)]

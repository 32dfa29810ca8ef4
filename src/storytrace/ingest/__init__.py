"""Ingest: from paths (files, folders, globs) to raw articles and one record per input.

``read_inputs`` never raises for a bad file: an input that cannot be analysed becomes an
``InputRecord`` with status ``skipped`` (a deliberate rejection, with the reason) or ``error``
(an unexpected failure, with the exception), and the run goes on.
"""

from __future__ import annotations

import glob
import hashlib
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article, InputRecord
from .decode import Rejected, decode_bytes
from .feed import feed_entries, looks_like_feed
from .html import looks_like_html, read_html
from .jsonfmt import record_to_article, split_records
from .sidecar import is_sidecar, read_sidecar
from .text import read_text

__all__ = ["discover", "read_inputs", "read_file", "Rejected", "article_id_for"]

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
# Files that accompany articles rather than being articles.
IGNORED_SUFFIXES = {".labels"}


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputRecord]:
    """Expand files, folders (recursively, sorted) and glob patterns into input files.

    Yields a Path per candidate file, or an InputRecord for a path that does not exist.
    Hidden files, sidecars (``*.meta.json``) and annotation files (``*.labels``) are passed over.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or is_sidecar(child):
                    continue
                if child.suffix.lower() in IGNORED_SUFFIXES:
                    continue
                yield child
        elif path.is_file():
            yield path
        elif any(ch in str(raw) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            files = [m for m in matches if m.is_file() and not is_sidecar(m)]
            if not files:
                yield InputRecord(path=str(raw), status="skipped", reason="glob pattern matched no file")
            yield from files
        else:
            yield InputRecord(path=str(raw), status="error", reason="no such file or folder")


def article_id_for(text: str) -> str:
    """Content-hash id: the same text always gets the same id, whatever its path."""
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _sniff_format(text: str) -> str:
    stripped = text.lstrip()
    if looks_like_feed(stripped):
        return "feed"
    if looks_like_html(stripped):
        return "html"
    if stripped.startswith(("{", "[")):
        return "json"
    return "text"


def read_file(path: Path, *, max_bytes: int) -> list[tuple[str, Article | Rejected]]:
    """All articles in one file as (label, article or rejection). Raises Rejected for the whole file."""
    suffix = path.suffix.lower()
    fmt = FORMATS_BY_SUFFIX.get(suffix)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Rejected(f"cannot read: {exc.strerror or exc}") from None
    decoded = decode_bytes(data, max_bytes=max_bytes)
    text = decoded.text
    warnings = list(decoded.warnings)
    if fmt is None:
        fmt = _sniff_format(text)
        warnings.append(f"unknown extension '{suffix or '(none)'}': read as {fmt}")
    name = str(path)
    if fmt in ("text", "markdown"):
        if looks_like_html(text):
            warnings.append("text file holds HTML markup: read as HTML")
            items = [(name, a) for a in read_html(name, text)]
        else:
            items = [(name, a) for a in read_text(name, text, fmt)]
    elif fmt == "html":
        items = [(name, a) for a in read_html(name, text)]
    elif fmt in ("json", "jsonl"):
        items = []
        for label, record in split_records(name, text, fmt):
            if isinstance(record, Rejected):
                items.append((label, record))
                continue
            try:
                items.append((label, record_to_article(label, record, fmt)))
            except Rejected as rejected:
                items.append((label, rejected))
    elif fmt == "feed":
        items = feed_entries(name, text)
    else:  # pragma: no cover - FORMATS_BY_SUFFIX and _sniff_format only give the formats above
        raise Rejected(f"unsupported format {fmt}")
    sidecar, sidecar_warnings = read_sidecar(path)
    for _, item in items:
        if isinstance(item, Article):
            item.warnings[:0] = warnings + sidecar_warnings
            if sidecar:
                item.given.update(sidecar)
                item.given["sidecar"] = sorted(sidecar)
    return items


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int = 5_000_000) -> tuple[list[Article], list[InputRecord]]:
    """Read every input; return the raw articles (ids set, duplicates dropped) and one record per input."""
    articles: list[Article] = []
    records: list[InputRecord] = []
    seen: dict[str, str] = {}
    for item in discover(paths):
        if isinstance(item, InputRecord):
            records.append(item)
            continue
        try:
            entries = read_file(item, max_bytes=max_bytes)
        except Rejected as rejected:
            records.append(InputRecord(path=str(item), status="skipped", reason=rejected.reason))
            continue
        except Exception as exc:  # a real failure: keep the traceback, go on with the other files
            records.append(
                InputRecord(path=str(item), status="error", reason=f"{type(exc).__name__}: {exc}",
                            warnings=[traceback.format_exc(limit=5)])
            )
            continue
        for label, entry in entries:
            if isinstance(entry, Rejected):
                records.append(InputRecord(path=label, status="skipped", reason=entry.reason))
                continue
            entry.id = article_id_for(entry.raw_text)
            if entry.id in seen:
                records.append(InputRecord(path=label, status="skipped", reason=f"duplicate of {seen[entry.id]} (same text)"))
                continue
            seen[entry.id] = label
            articles.append(entry)
            records.append(InputRecord(path=label, status="ok", article_ids=[entry.id], warnings=list(entry.warnings)))
    return articles, records

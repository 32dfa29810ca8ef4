"""Reading the store: stories, articles, versions, full-text search, and a Dossier for one story.

Every function takes an open connection; callers wrap several calls in ``db.read_snapshot`` to see
one consistent state. Ids are only ever looked up in the database.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..model import Article, Dossier, InputRecord, Story, article_from_dict
from .db import fts_query
from .records import story_from_json

SNIPPET_START, SNIPPET_END = "\x02", "\x03"  # match markers in FTS snippets, split out before escaping


@dataclass
class StoryRow:
    id: str
    title: str
    article_ids: list[str]
    n_articles: int
    n_claims: int
    n_facts: int
    n_conflicts: int
    n_updates: int
    created_at: str
    updated_at: str


@dataclass
class ArticleRow:
    id: str
    version: int
    superseded_by: str | None
    story_id: str | None
    url: str | None
    path: str
    title: str | None
    outlet: str | None
    published: str | None
    added_at: str


@dataclass
class SearchResults:
    query: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


_STORY_COLUMNS = "id, title, article_ids, n_articles, n_claims, n_facts, n_conflicts, n_updates, created_at, updated_at"
_ARTICLE_COLUMNS = "id, version, superseded_by, story_id, url, path, title, outlet, published, added_at"


def _story_row(row: sqlite3.Row) -> StoryRow:
    values = dict(row)
    values["article_ids"] = json.loads(values["article_ids"])
    return StoryRow(**values)


def list_stories(conn: sqlite3.Connection) -> list[StoryRow]:
    """Every story, newest activity first."""
    rows = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY updated_at DESC, id DESC").fetchall()
    return [_story_row(r) for r in rows]


def story_row(conn: sqlite3.Connection, story_id: str) -> StoryRow | None:
    row = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
    return _story_row(row) if row else None


def merged_into(conn: sqlite3.Connection, story_id: str) -> str | None:
    """Where the articles of a story that no longer exists went: the story its last articles were
    moved to by regrouping (followed while that one is gone too), or None."""
    seen = {story_id}
    while conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is None:
        row = conn.execute(
            "SELECT story_moves.story_id FROM story_moves, json_each(story_moves.from_stories) AS left_story"
            " WHERE left_story.value = ? ORDER BY story_moves.id DESC LIMIT 1", (story_id,)
        ).fetchone()
        if row is None or row[0] in seen:
            return None
        story_id = row[0]
        seen.add(story_id)
    return story_id if len(seen) > 1 else None


def get_story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    row = conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
    return story_from_json(row["data"]) if row else None


def story_json(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
    return json.loads(row["data"]) if row else None


def count_articles(conn: sqlite3.Connection, *, include_superseded: bool = False) -> int:
    where = "" if include_superseded else " WHERE superseded_by IS NULL"
    return conn.execute(f"SELECT COUNT(*) FROM articles{where}").fetchone()[0]


def list_articles(
    conn: sqlite3.Connection, *, offset: int = 0, limit: int = 50, include_superseded: bool = False
) -> list[ArticleRow]:
    """Articles, most recently added first (current versions unless asked for all)."""
    where = "" if include_superseded else " WHERE superseded_by IS NULL"
    rows = conn.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles{where} ORDER BY seq DESC LIMIT ? OFFSET ?", (limit, offset)
    ).fetchall()
    return [ArticleRow(**dict(r)) for r in rows]


def article_row(conn: sqlite3.Connection, article_id: str) -> ArticleRow | None:
    row = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    return ArticleRow(**dict(row)) if row else None


def articles_by_id(conn: sqlite3.Connection, ids: list[str]) -> dict[str, ArticleRow]:
    found: dict[str, ArticleRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
            found[row["id"]] = ArticleRow(**dict(row))
    return found


def article_json(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row["data"]) if row else None


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    data = article_json(conn, article_id)
    return article_from_dict(data) if data is not None else None


def load_articles(conn: sqlite3.Connection, ids: list[str]) -> list[Article]:
    """Analysed articles by id, in the order given (missing ids left out)."""
    found: dict[str, Article] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, data FROM articles WHERE id IN ({marks})", chunk):
            found[row["id"]] = article_from_dict(json.loads(row["data"]))
    return [found[i] for i in ids if i in found]


def versions_of(conn: sqlite3.Connection, article_id: str) -> list[ArticleRow]:
    """Every stored version of the article that ``article_id`` is a version of, oldest first."""
    key = conn.execute("SELECT source_key FROM articles WHERE id = ?", (article_id,)).fetchone()
    if key is None:
        return []
    rows = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE source_key = ? ORDER BY version", (key[0],))
    return [ArticleRow(**dict(r)) for r in rows]


def inputs_of(conn: sqlite3.Connection, article_ids: list[str]) -> list[InputRecord]:
    """The inputs log entries that stored these articles, as dossier input records."""
    records = []
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT path, reason, article_id, warnings FROM inputs WHERE article_id IN ({marks})"
            " AND status IN ('added', 'updated') ORDER BY id",
            chunk,
        ):
            records.append(InputRecord(path=row["path"], status="ok", reason=row["reason"],
                                       article_ids=[row["article_id"]], warnings=json.loads(row["warnings"])))
    return records


def recent_inputs(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT path, status, reason, article_id, logged_at FROM inputs ORDER BY id DESC LIMIT ?", (limit,)
    ).fetchall()
    return [dict(r) for r in rows]


def search(conn: sqlite3.Connection, text: str, *, limit: int = 20) -> SearchResults:
    """Full-text search over current articles (title and text) and claims; snippets carry match markers.

    The user's words are quoted (``db.fts_query``), so any input gives results or none, never an error.
    """
    results = SearchResults(query=text)
    query = fts_query(text)
    if query is None:
        return results
    rows = conn.execute(
        "SELECT f.article_id AS id, a.title, a.outlet, a.published, a.story_id,"
        f" snippet(articles_fts, 2, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16) AS snippet"
        " FROM articles_fts f JOIN articles a ON a.id = f.article_id"
        " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 0, 3.0, 1.0) LIMIT ?",
        (query, limit),
    ).fetchall()
    results.articles = [dict(r) for r in rows]
    rows = conn.execute(
        "SELECT claim_id, story_id, article_id,"
        f" snippet(claims_fts, 3, '{SNIPPET_START}', '{SNIPPET_END}', '…', 24) AS snippet"
        " FROM claims_fts WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?",
        (query, limit),
    ).fetchall()
    results.claims = [dict(r) for r in rows]
    return results


def story_dossier(conn: sqlite3.Connection, story_id: str, *, tool: dict[str, str] | None = None) -> Dossier | None:
    """A schema-1 Dossier holding one stored story, its current articles and the inputs that brought them."""
    story = get_story(conn, story_id)
    if story is None:
        return None
    articles = load_articles(conn, story.article_ids)
    created = conn.execute("SELECT updated_at FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    made = conn.execute("SELECT value FROM meta WHERE key = 'created_by'").fetchone()
    settings = json.loads(made[0]).get("settings", {}) if made else {}
    return Dossier(
        tool=tool or {"name": "storytrace", "version": __version__},
        inputs=inputs_of(conn, story.article_ids),
        articles=articles,
        stories=[story],
        settings={**settings, "store_story": story_id},
        created=created,
    )

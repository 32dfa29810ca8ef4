"""The store's SQL schema, versioned in code: ``MIGRATIONS`` applied in order, tracked by ``PRAGMA user_version``.

A store made by an older storytrace is brought up to date when it is opened for writing; a store
from a newer storytrace (``user_version`` above ``len(MIGRATIONS)``) is refused with StoreError.
Migrations only ever get appended: an applied migration is never edited.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per stored version of an article. id is the content hash of the raw text (ingest.article_id_for).
-- source_key names "the same article" across versions: its URL when known, else its path (with #record id).
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    seq           INTEGER NOT NULL UNIQUE,          -- order of arrival; replayed in this order
    source_key    TEXT NOT NULL,
    version       INTEGER NOT NULL,
    superseded_by TEXT REFERENCES articles(id),     -- NULL for the current version
    story_id      TEXT,                             -- the story of the current version
    url           TEXT,
    path          TEXT NOT NULL,
    title         TEXT,
    outlet        TEXT,
    given_outlet  TEXT,                             -- the outlet the input named (groups site chrome)
    published     TEXT,
    added_at      TEXT NOT NULL,
    data          TEXT NOT NULL,                    -- the analysed Article, schema-1 JSON
    raw_text      TEXT NOT NULL,                    -- the input as read, kept for audit and re-cleaning
    given         TEXT NOT NULL                     -- metadata the input itself gave (JSON)
);
CREATE INDEX articles_by_source ON articles(source_key, version);
CREATE INDEX articles_by_story ON articles(story_id) WHERE superseded_by IS NULL;
CREATE INDEX articles_by_given_outlet ON articles(given_outlet, seq);

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    article_ids TEXT NOT NULL,                      -- JSON list, current versions only
    n_articles  INTEGER NOT NULL,
    n_claims    INTEGER NOT NULL,
    n_facts     INTEGER NOT NULL,
    n_conflicts INTEGER NOT NULL,
    n_updates   INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    data        TEXT NOT NULL                       -- the Story, schema-1 JSON
);
CREATE INDEX stories_by_activity ON stories(updated_at);

CREATE TABLE reuse (
    source_article TEXT NOT NULL REFERENCES articles(id),
    target_article TEXT NOT NULL REFERENCES articles(id),
    kind           TEXT NOT NULL,
    similarity     REAL NOT NULL,
    data           TEXT NOT NULL,                   -- the Reuse, schema-1 JSON
    PRIMARY KEY (source_article, target_article)
);
CREATE INDEX reuse_by_target ON reuse(target_article);

-- What happened to every input of every add: one row per input path (or JSON record / feed entry).
CREATE TABLE inputs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id     TEXT NOT NULL,
    path       TEXT NOT NULL,
    status     TEXT NOT NULL,                       -- ok | skipped | error | unchanged | updated
    reason     TEXT,
    article_id TEXT,
    logged_at  TEXT NOT NULL,
    warnings   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX inputs_by_article ON inputs(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    claim_id UNINDEXED, story_id UNINDEXED, article_id UNINDEXED, text,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

_V2 = """
-- Articles the story regrouping (storytrace.story_regroup) moved to another story, in the order it
-- moved them: replaying the stored articles in order of arrival, the moves recorded at an article's
-- seq are applied right after it, so the replayed clusterer holds the stored stories.
CREATE TABLE story_moves (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    seq         INTEGER NOT NULL,                   -- the article whose add (or batch save) made the move
    article_ids TEXT NOT NULL,                      -- JSON list
    story_id    TEXT NOT NULL,                      -- the story they moved to
    from_stories TEXT NOT NULL DEFAULT '[]'         -- JSON list of the stories they left (a merged story's old id)
);
CREATE INDEX story_moves_by_seq ON story_moves(seq, id);
"""

MIGRATIONS: list[str] = [_V1, _V2]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the store lacks, each in its own transaction; return the version reached.

    Raises StoreError when the store was written by a newer storytrace.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"store schema version {current} is newer than this storytrace reads ({SCHEMA_VERSION}); upgrade storytrace")
    for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) >= number:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit our open transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements

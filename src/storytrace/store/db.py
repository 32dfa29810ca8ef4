"""Connections to the SQLite store: WAL mode, FTS5 checks, one writer at a time, consistent reads.

Writers take the write lock up front (``BEGIN IMMEDIATE``) so two writers queue instead of failing
half-way; readers run inside one deferred transaction, so a page or API answer built from several
queries sees one snapshot even while a writer commits (WAL gives readers that snapshot for free).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from .schema import SCHEMA_VERSION, migrate, schema_version

BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another writer's transaction
MAX_QUERY_TERMS = 12
MAX_QUERY_CHARS = 300


def connect(db_path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) with WAL, foreign keys and a busy timeout.

    ``create=True`` makes the file and applies migrations; otherwise the store must exist and be
    up to date (StoreError says what to do when it is not).
    """
    path = Path(db_path)
    if not create and not path.is_file():
        raise StoreError(f"no store at {path} (create one with `storytrace add PATH... --db {path}`)")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from None
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    _require_fts5(conn)
    if create:
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise StoreError(f"cannot switch {path} to WAL mode (is it on a network file system?)")
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable at checkpoints, never corrupt
        migrate(conn)
    else:
        version = schema_version(conn)
        if version != SCHEMA_VERSION:
            conn.close()
            if version > SCHEMA_VERSION:
                raise StoreError(f"store {path} has schema {version}, newer than this storytrace reads ({SCHEMA_VERSION})")
            raise StoreError(f"store {path} has schema {version}; open it for writing once (e.g. `storytrace add`) to migrate it")
    return conn


def _require_fts5(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp._fts5_probe")
    except sqlite3.OperationalError:
        raise StoreError("this Python's SQLite has no FTS5 full-text search; the store needs it") from None


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: ``BEGIN IMMEDIATE`` (waits for other writers), COMMIT, or ROLLBACK on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads that see one consistent state of the store."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


_TERM = re.compile(r'"([^"]*)"|(\S+)')
_INNER_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A user's search words as a safe FTS5 query: each term (or "quoted phrase") quoted, all required.

    Operators, column filters and stray quotes lose their meaning, so no input raises a SQL error.
    A trailing ``*`` on a bare word keeps prefix search. None when nothing searchable is left.
    """
    terms = []
    for match in _TERM.finditer(text[:MAX_QUERY_CHARS]):
        phrase, word = match.group(1), match.group(2)
        raw = phrase if phrase is not None else word
        if not _INNER_WORD.search(raw or ""):
            continue
        prefix = phrase is None and raw.endswith("*")
        body = raw.rstrip("*") if prefix else raw
        if not _INNER_WORD.search(body):
            continue
        terms.append('"' + body.replace('"', '""') + '"' + ("*" if prefix else ""))
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return " ".join(terms) or None


@contextmanager
def reading(db_path: str | Path) -> Iterator[sqlite3.Connection]:
    """A short-lived connection holding one read snapshot; closed afterwards."""
    conn = connect(db_path)
    try:
        with read_snapshot(conn):
            yield conn
    finally:
        conn.close()

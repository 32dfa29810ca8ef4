"""The store's schema and connections: migrations, WAL, refusal of unknown versions, safe full-text queries."""

from __future__ import annotations

import sqlite3

import pytest

from storytrace.errors import StoreError
from storytrace.store import SCHEMA_VERSION, connect, fts_query, reading, write_transaction
from storytrace.store import read as store_read


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    yield path, conn
    conn.close()


def test_store_schema_migrated_with_wal_and_fts(store):
    path, conn = store
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "stories", "reuse", "inputs", "meta", "articles_fts", "claims_fts"} <= names
    # Opening again (for reading or writing) applies nothing twice.
    connect(path, create=True).close()
    assert connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_schema_newer_version_refused(store):
    path, conn = store
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    for create in (False, True):
        with pytest.raises(StoreError, match="newer"):
            connect(path, create=create)


def test_store_schema_missing_store_refused(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        connect(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_store_schema_failed_write_rolls_back(store):
    _, conn = store
    with pytest.raises(RuntimeError):
        with write_transaction(conn):
            conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
            raise RuntimeError("crash in the middle")
    assert conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mine collapse", '"mine" "collapse"'),
        ('"tin mine"', '"tin mine"'),
        ("rescu*", '"rescu"*'),
        ('say "hello', '"say" """hello"'),
        ("title:mine", '"title:mine"'),
        ("*** ---", None),
        ("", None),
    ],
)
def test_store_fts_query_quotes_terms(query, expected):
    assert fts_query(query) == expected


HOSTILE_QUERIES = [
    'NEAR(mine collapse, 2)', "mine AND OR NOT", "text:mine", "{title text}: mine", '"unbalanced', "a' OR '1'='1",
    "mine); DROP TABLE articles; --", "^mine", "-mine", "mine*", "*", "\x00", "\u202e mine", "((((", "mine + - collapse",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_store_search_never_raises(store, query):
    path, conn = store
    conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES ('a-1', 'Mine', 'The mine collapse trapped workers.')")
    with reading(path) as reader:
        results = store_read.search(reader, query)
    assert isinstance(results.articles, list)
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == 1


def test_store_search_finds_phrase_and_prefix(store):
    path, conn = store
    conn.execute("INSERT INTO articles (id, seq, source_key, version, path, added_at, data, raw_text, given)"
                 " VALUES ('a-1', 1, 'k', 1, 'p', 't', '{}', '', '{}')")
    conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES ('a-1', 'Mine', 'The tin mine collapse trapped workers.')")
    with reading(path) as reader:
        assert [r["id"] for r in store_read.search(reader, '"tin mine"').articles] == ["a-1"]
        assert [r["id"] for r in store_read.search(reader, "collap*").articles] == ["a-1"]
        assert store_read.search(reader, '"mine tin"').articles == []


def test_store_readers_see_committed_state_only(store):
    path, conn = store
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
    with reading(path) as reader:  # a writer's open transaction is invisible, and does not block readers
        assert reader.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0
    conn.execute("COMMIT")
    with reading(path) as reader:
        assert reader.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 1
    assert isinstance(conn, sqlite3.Connection)

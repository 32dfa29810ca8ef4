"""Incremental add: new articles go through the per-article stages once, then each is committed with its story.

``StoreWriter.add_paths`` reads inputs, skips articles already stored (same content hash), cleans and
analyses only the new ones, and commits each in one transaction together with everything it changes:
its row, its reuse with stored articles, its full-text entries and the one story it joined (rebuilt
with ``corpus.build_story``). A run killed at any point leaves every committed article complete;
running the same add again skips them and goes on where it stopped.

The story clusterer and the reuse index live in memory. They are rebuilt from the stored analysed
articles (no NLP is run again), replayed in order of arrival so the clusterer gives the same story
ids as when the articles were first added; inside every write transaction the writer first replays
whatever another writer committed meanwhile, so two writers (the CLI and the web app) stay consistent.

A changed article (same URL, or same path / record id, with new text) is stored as a new version;
the old one is kept, marked superseded, and leaves its story.
"""

from __future__ import annotations

import json
import os
import sqlite3
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..clean import find_repeated_lines
from ..corpus import build_story, infer_reference_dates
from ..ingest import read_inputs
from ..model import Article, Dossier, InputRecord, Reuse, Story, article_from_dict, article_to_dict
from ..nlp import installed_model
from ..pipeline import analyse_articles, clean_article, date_article
from ..reuse import ReuseIndex
from ..settings import Settings
from ..stories import StoryClusterer
from ..story_regroup import regroup
from .db import connect, read_snapshot, write_transaction
from .records import plain, reuse_from_json, story_row_values

Progress = Callable[[int, int], None]
STORED_CHROME_SAMPLE = 50  # stored raw texts of the same outlet compared to find repeated site chrome
_PLAIN_TEXT_FORMATS = {"text", "markdown"}


@dataclass
class AddResult:
    """What an add did with one input: ``added``, ``updated`` (new version), ``unchanged``, ``skipped`` or ``error``."""

    path: str
    status: str
    article_id: str | None = None
    story_id: str | None = None
    reason: str | None = None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def source_key(article: Article) -> str:
    """What makes two texts versions of one article: its URL when known, else its path (with record id)."""
    url = article.url or article.given.get("url")  # before cleaning, the URL is still only given
    if isinstance(url, str) and url.strip():
        return "url:" + url.strip()
    path, hash_mark, record = article.path.partition("#")
    if not path.startswith("upload/"):
        path = os.path.abspath(path)
    return "path:" + path + hash_mark + record


class StoreWriter:
    """The one writer of a store: adds articles incrementally and keeps stories up to date."""

    def __init__(self, db_path: str | Path, settings: Settings | None = None):
        self.db_path = Path(db_path)
        self.settings = settings or Settings(processes=1)
        self.conn = connect(self.db_path, create=True)
        self._clusterer: StoryClusterer | None = None
        self._reuse_index: ReuseIndex | None = None
        self._known_seq = 0
        # (article id, stored story, replayed story) for articles the replay moved: see _catch_up.
        self.repaired: list[tuple[str, str | None, str]] = []
        self._pending_moves: list[tuple[str, str | None, str]] = []
        # (article ids, the story they moved to) for every merge or split regrouping made (story_regroup).
        self.regrouped: list[tuple[list[str], str]] = []
        self._uncommitted_moves: list[tuple[list[str], str]] = []

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ per-article stages, new articles only

    def add_paths(
        self,
        paths: Iterable[str | Path],
        *,
        display_names: dict[str, str] | None = None,
        progress: Progress | None = None,
    ) -> list[AddResult]:
        """Read inputs and add every article not stored yet; one result per input (or record)."""
        run_id = uuid.uuid4().hex[:12]
        articles, records = read_inputs(paths, max_bytes=self.settings.max_bytes)
        if display_names:
            _rename(articles, records, display_names)
        results = [
            self._log_rejected(run_id, record)
            for record in records
            if record.status != "ok"
        ]
        stored = self._stored_ids([a.id for a in articles])
        fresh = []
        for article in articles:
            if article.id in stored:
                results.append(self._log_unchanged(run_id, article))
            else:
                fresh.append(article)
        if not fresh:
            return results
        installed_model(self.settings.model)  # fail early and clearly when no model is installed
        if self._clusterer is None:
            self.warm_up()
        cleaned = []
        repeated = self._repeated_lines(fresh)
        for article in fresh:
            try:
                article = clean_article(article, repeated.get(article.given.get("outlet"), frozenset()))
            except Exception as exc:
                results.append(self._log(run_id, article.path, "error", f"cleaning failed: {type(exc).__name__}: {exc}",
                                         warnings=[traceback.format_exc(limit=8)]))
                continue
            if not article.text.strip():
                results.append(self._log(run_id, article.path, "skipped", "no body text left after removing boilerplate"))
                continue
            cleaned.append(article)
        done = 0
        batch = max(1, self.settings.batch_size)
        if self.settings.processes != 1:  # a worker pool starts per chunk: give it enough work
            batch = max(batch * 4 * (self.settings.processes or os.cpu_count() or 1), 64)
        for start in range(0, len(cleaned), batch):
            analysed, failed = analyse_articles(cleaned[start : start + batch], self.settings)
            for article in analysed:
                results.append(self._add_or_log(article, run_id))
            for article, trace in failed:
                results.append(self._log(run_id, article.path, "error", "analysis failed: " + trace.strip().splitlines()[-1],
                                         warnings=[trace]))
            done += len(analysed) + len(failed)
            if progress:
                progress(done, len(cleaned))
        return results

    def _repeated_lines(self, batch: Sequence[Article]) -> dict[str, frozenset[str]]:
        """Per outlet, lines the batch's plain-text articles share with other pages of that outlet.

        Other pages: the batch's own and the latest ``STORED_CHROME_SAMPLE`` stored ones (never an
        earlier version of an article in the batch: its headline is not site chrome).
        """
        groups: dict[str, list[Article]] = {}
        for article in batch:
            outlet = article.given.get("outlet")
            if outlet is not None and article.format in _PLAIN_TEXT_FORMATS:
                groups.setdefault(outlet, []).append(article)
        repeated = {}
        for outlet, members in groups.items():
            own_keys = {source_key(a) for a in members}
            rows = self.conn.execute(
                "SELECT raw_text, source_key FROM articles WHERE given_outlet = ? ORDER BY seq DESC LIMIT ?",
                (outlet, STORED_CHROME_SAMPLE),
            ).fetchall()
            texts = [a.raw_text for a in members] + [r["raw_text"] for r in rows if r["source_key"] not in own_keys]
            repeated[outlet] = find_repeated_lines(texts) if len(texts) > 1 else frozenset()
        return repeated

    def _stored_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    # ------------------------------------------------------------------ cross-article stages, one transaction per article

    def _add_or_log(self, article: Article, run_id: str) -> AddResult:
        """``add_analysed``, or, when it fails, an ``error`` logged for this input (its transaction rolled
        back) so that one article cannot sink the rest of the run."""
        try:
            return self.add_analysed(article, run_id=run_id)
        except Exception as exc:
            return self._log(run_id, article.path, "error", f"storing failed: {type(exc).__name__}: {exc}",
                             article_id=article.id, warnings=[traceback.format_exc(limit=8)])

    def add_analysed(self, article: Article, *, run_id: str | None = None, label: str | None = None) -> AddResult:
        """Commit one analysed article with its reuse, its version chain and the story it joined.

        Requires the per-article stages done (``text``, ``sentences``, ``entities``, attributions, dates).
        An article whose content hash is stored already is reported ``unchanged`` and nothing is written.
        """
        run_id = run_id or uuid.uuid4().hex[:12]
        label = label or article.path
        try:
            with write_transaction(self.conn) as conn:
                self._sync(conn)
                existing = conn.execute("SELECT version, superseded_by FROM articles WHERE id = ?", (article.id,)).fetchone()
                if existing:
                    reason = f"already stored (version {existing['version']}{', superseded' if existing['superseded_by'] else ''})"
                    self._insert_input(conn, run_id, label, "unchanged", reason, article.id)
                    return AddResult(label, "unchanged", article.id, None, reason)
                previous = conn.execute(
                    "SELECT id, version, story_id FROM articles WHERE source_key = ? AND superseded_by IS NULL",
                    (source_key(article),),
                ).fetchone()
                seq = self._insert_article(conn, article, previous)
                self._store_reuse(conn, article)
                clusterer = self._clusterer_for(conn)
                joined = clusterer.add(article)
                conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (joined, article.id))
                loaded: dict[str, Article] = {}  # stored articles regrouping read, for the rebuilds to reuse
                affected = {joined} | self._regroup(conn, seq, article, loaded)
                story_id = clusterer.story_of(article.id)
                if previous and previous["story_id"]:
                    affected.add(previous["story_id"])
                for sid in sorted(affected):
                    self._rebuild_story(conn, sid, loaded)
                status = "updated" if previous else "added"
                reason = f"new version {previous['version'] + 1} of {previous['id']}" if previous else None
                self._insert_input(conn, run_id, label, status, reason, article.id)
        except BaseException:
            self._forget_indexes()  # memory may be ahead of the rolled-back store: replay on next use
            self._uncommitted_moves = []
            raise
        self._known_seq = seq
        self.regrouped.extend(self._uncommitted_moves)
        self._uncommitted_moves = []
        return AddResult(label, status, article.id, story_id, reason)

    def _regroup(self, conn: sqlite3.Connection, seq: int, article: Article, loaded: dict[str, Article]) -> set[str]:
        """Merge and split around the story the article joined (``story_regroup``); store and record the
        moves. Returns the stories whose members changed; ``loaded`` gets the stored articles read."""

        def articles_of(ids: Sequence[str]) -> list[Article]:
            for i in ids:
                if i != article.id and i not in loaded:
                    loaded[i] = self._stored_article(conn, i)
            return [article if i == article.id else loaded[i] for i in ids]

        moves = regroup(self._clusterer_for(conn), article.id, articles_of)
        changed: set[str] = set()
        for ids, story_id in moves:
            changed.update(self._record_move(conn, seq, ids, story_id))
        self._uncommitted_moves = moves
        return changed

    def _record_move(self, conn: sqlite3.Connection, seq: int, ids: list[str], story_id: str) -> set[str]:
        """Put articles in a story and record it for the replay; returns the stories they left and joined."""
        left = set()
        for article_id in ids:
            row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row and row["story_id"] and row["story_id"] != story_id:
                left.add(row["story_id"])
            conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        conn.execute("INSERT INTO story_moves (seq, article_ids, story_id, from_stories) VALUES (?, ?, ?, ?)",
                     (seq, json.dumps(ids), story_id, json.dumps(sorted(left))))
        return left | {story_id}

    def _record_batch_stories(self, conn: sqlite3.Connection, seq: int) -> None:
        """After a batch was written with its own story ids: record the moves that take the replayed
        clusterer (plain adds in order of arrival) to those stories, so later adds continue them."""
        self._clusterer, self._reuse_index, self._known_seq = None, None, 0
        self._catch_up(conn)  # where it differs from the stored stories, the batch decided: no repair
        clusterer = self._clusterer
        assert clusterer is not None
        wanted: dict[str, list[str]] = {}
        for row in conn.execute("SELECT id, story_id FROM articles WHERE superseded_by IS NULL AND story_id IS NOT NULL ORDER BY seq"):
            if clusterer.story_of(row["id"]) != row["story_id"]:
                wanted.setdefault(row["story_id"], []).append(row["id"])
        for story_id, ids in sorted(wanted.items(), key=lambda item: int(item[0][1:])):
            clusterer.move(ids, story_id)
            conn.execute("INSERT INTO story_moves (seq, article_ids, story_id) VALUES (?, ?, ?)", (seq, json.dumps(ids), story_id))

    @staticmethod
    def _stored_article(conn: sqlite3.Connection, article_id: str) -> Article:
        row = conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_dict(json.loads(row["data"]))

    def _insert_article(self, conn: sqlite3.Connection, article: Article, previous: sqlite3.Row | None) -> int:
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        conn.execute(
            "INSERT INTO articles (id, seq, source_key, version, url, path, title, outlet, given_outlet, published,"
            " added_at, data, raw_text, given) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, seq, source_key(article), previous["version"] + 1 if previous else 1, article.url,
                article.path, article.title, article.outlet, article.given.get("outlet"), article.published, now(),
                json.dumps(article_to_dict(article), ensure_ascii=False), article.raw_text,
                json.dumps(plain(article.given), ensure_ascii=False, default=str),
            ),
        )
        if previous:
            conn.execute("UPDATE articles SET superseded_by = ? WHERE id = ?", (article.id, previous["id"]))
            conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (previous["id"],))
        conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                     (article.id, article.title or "", article.text))
        return seq

    def _store_reuse(self, conn: sqlite3.Connection, article: Article) -> None:
        """Reuse between the new article and current stored articles (pairs with superseded versions are dropped)."""
        for item in self._reuse_index_for(conn).add(article):
            other = item.source_article if item.target_article == article.id else item.target_article
            if conn.execute("SELECT 1 FROM articles WHERE id = ? AND superseded_by IS NULL", (other,)).fetchone() is None:
                continue
            conn.execute(
                "INSERT OR REPLACE INTO reuse (source_article, target_article, kind, similarity, data) VALUES (?, ?, ?, ?, ?)",
                (item.source_article, item.target_article, item.kind, item.similarity, json.dumps(plain(item))),
            )

    def _rebuild_story(self, conn: sqlite3.Connection, story_id: str, loaded: dict[str, Article] | None = None) -> None:
        """Recompute one story from its current member articles and store it (or drop it when empty);
        ``loaded`` holds members already read from the store in this transaction."""
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM articles WHERE story_id = ? AND superseded_by IS NULL ORDER BY seq", (story_id,))]
        if not ids:
            conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            conn.execute("DELETE FROM claims_fts WHERE story_id = ?", (story_id,))
            return
        loaded = loaded or {}
        members = [loaded.get(i) or self._stored_article(conn, i) for i in ids]
        reuse = story_reuse(conn, [m.id for m in members])
        before = {m.id: (m.reference_date, m.reference_inferred) for m in members}
        infer_reference_dates(members, reuse, redate=date_article)
        for member in members:
            if (member.reference_date, member.reference_inferred) != before[member.id]:
                conn.execute("UPDATE articles SET data = ? WHERE id = ?",
                             (json.dumps(article_to_dict(member), ensure_ascii=False), member.id))
        title = self._clusterer_for(conn).story_title(story_id)
        write_story(conn, build_story(story_id, title, members, reuse))

    # ------------------------------------------------------------------ in-memory indexes, rebuilt from the store

    def _clusterer_for(self, conn: sqlite3.Connection) -> StoryClusterer:
        if self._clusterer is None:
            self._sync(conn)
        assert self._clusterer is not None
        return self._clusterer

    def _reuse_index_for(self, conn: sqlite3.Connection) -> ReuseIndex:
        if self._reuse_index is None:
            self._sync(conn)
        assert self._reuse_index is not None
        return self._reuse_index

    def _forget_indexes(self) -> None:
        self._clusterer, self._reuse_index, self._known_seq, self._pending_moves = None, None, 0, []

    def warm_up(self) -> None:
        """Rebuild the in-memory indexes from the store outside any write lock (a long replay blocks no one)."""
        with read_snapshot(self.conn):
            self._pending_moves += self._catch_up(self.conn)

    def _sync(self, conn: sqlite3.Connection) -> None:
        """Inside a write transaction: replay what other writers committed and apply story repairs."""
        moved = self._pending_moves + self._catch_up(conn)
        self._pending_moves = []
        if moved:
            self._move(conn, moved)

    def _catch_up(self, conn: sqlite3.Connection) -> list[tuple[str, str | None, str]]:
        """Replay stored articles the indexes have not seen (all of them on first use), in order of arrival.

        The clusterer replays every version (so its story ids match the stored ones); the reuse index
        only current versions. No NLP runs: the analysed articles are read back from their JSON.
        Returns the current articles the replayed clusterer puts in another story than the stored one
        (the clustering code changed since they were stored): ``_sync`` moves them.
        """
        if self._clusterer is None or self._reuse_index is None:
            self._clusterer, self._reuse_index, self._known_seq = StoryClusterer(), ReuseIndex(), 0
        rows = conn.execute(
            "SELECT seq, id, data, superseded_by, story_id FROM articles WHERE seq > ? ORDER BY seq", (self._known_seq,)
        ).fetchall()
        recorded: dict[int, list[tuple[list[str], str]]] = {}
        for move in conn.execute("SELECT seq, article_ids, story_id FROM story_moves WHERE seq > ? ORDER BY seq, id",
                                 (self._known_seq,)):
            recorded.setdefault(move["seq"], []).append((json.loads(move["article_ids"]), move["story_id"]))
        index_only = getattr(self._reuse_index, "index", None)  # index without comparing, when ReuseIndex offers it
        stored: dict[str, str | None] = {}
        for row in rows:
            article = article_from_dict(json.loads(row["data"]))
            self._clusterer.add(article)
            for ids, story_id in recorded.get(row["seq"], []):
                self._clusterer.move(ids, story_id)
            if row["superseded_by"] is None:
                (index_only or self._reuse_index.add)(article)
                stored[row["id"]] = row["story_id"]
            self._known_seq = row["seq"]
        replayed = {article_id: self._clusterer.story_of(article_id) for article_id in stored}
        return [(article_id, story_id, replayed[article_id]) for article_id, story_id in stored.items()
                if replayed[article_id] != story_id]

    def _move(self, conn: sqlite3.Connection, moved: list[tuple[str, str | None, str]]) -> None:
        """Put articles in the stories the clusterer gives them and rebuild every story concerned."""
        for article_id, _, story_id in moved:
            conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        for story_id in sorted({s for _, old, new in moved for s in (old, new) if s}):
            self._rebuild_story(conn, story_id)
        self.repaired.extend(moved)

    # ------------------------------------------------------------------ the inputs log

    def _insert_input(self, conn, run_id: str, path: str, status: str, reason: str | None,
                      article_id: str | None, warnings: list[str] | None = None) -> None:
        conn.execute(
            "INSERT INTO inputs (run_id, path, status, reason, article_id, logged_at, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (run_id, path, status, reason, article_id, now(), json.dumps(warnings or [])),
        )

    def _log(self, run_id: str, path: str, status: str, reason: str | None, *,
             article_id: str | None = None, warnings: list[str] | None = None) -> AddResult:
        with write_transaction(self.conn) as conn:
            self._insert_input(conn, run_id, path, status, reason, article_id, warnings)
        return AddResult(path, status, article_id, None, reason)

    def _log_rejected(self, run_id: str, record: InputRecord) -> AddResult:
        return self._log(run_id, record.path, record.status, record.reason, warnings=record.warnings)

    def _log_unchanged(self, run_id: str, article: Article) -> AddResult:
        row = self.conn.execute("SELECT version, superseded_by, story_id FROM articles WHERE id = ?", (article.id,)).fetchone()
        reason = f"already stored (version {row['version']}{', superseded' if row['superseded_by'] else ''})"
        result = self._log(run_id, article.path, "unchanged", reason, article_id=article.id)
        result.story_id = row["story_id"]
        return result


# --------------------------------------------------------------------------- helpers shared with save_dossier


def story_reuse(conn: sqlite3.Connection, ids: list[str]) -> list[Reuse]:
    """Stored reuse whose both sides are among ``ids``."""
    wanted = set(ids)
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT target_article, data FROM reuse WHERE source_article IN ({marks})", chunk):
            if row["target_article"] in wanted:
                found.append(reuse_from_json(row["data"]))
    return found


def write_story(conn: sqlite3.Connection, story: Story) -> None:
    """Insert or replace one story row and its claims' full-text entries."""
    values = story_row_values(story)
    created = conn.execute("SELECT created_at FROM stories WHERE id = ?", (story.id,)).fetchone()
    stamp = now()
    conn.execute(
        "INSERT OR REPLACE INTO stories (id, title, article_ids, n_articles, n_claims, n_facts, n_conflicts, n_updates,"
        " created_at, updated_at, data) VALUES (:id, :title, :article_ids, :n_articles, :n_claims, :n_facts, :n_conflicts,"
        " :n_updates, :created_at, :updated_at, :data)",
        {**values, "created_at": created["created_at"] if created else stamp, "updated_at": stamp},
    )
    conn.execute("DELETE FROM claims_fts WHERE story_id = ?", (story.id,))
    conn.executemany(
        "INSERT INTO claims_fts (claim_id, story_id, article_id, text) VALUES (?, ?, ?, ?)",
        [(c.id, story.id, c.article_id, c.text) for c in story.claims],
    )


def save_dossier(dossier: Dossier, db_path: str | Path, settings: Settings | None = None) -> list[AddResult]:
    """Write a batch dossier (``pipeline.analyze``) into a store, so it can be browsed and grown later.

    Into an empty store the dossier's stories are written as they are, articles in the order the
    batch clustered them (so later adds continue the same stories). Into a store that has articles,
    each new article is added incrementally and the stories it joins are recomputed.
    """
    ordered = sorted(dossier.articles, key=lambda a: (a.published or "9999", a.id))
    with StoreWriter(db_path, settings) as writer:
        empty = writer.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
        if not empty:
            return [writer.add_analysed(article) for article in ordered]
        run_id = uuid.uuid4().hex[:12]
        story_of = {aid: story.id for story in dossier.stories for aid in story.article_ids}
        with write_transaction(writer.conn) as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('created_by', ?)",
                         (json.dumps({"tool": dossier.tool, "settings": dossier.settings, "created": dossier.created}),))
            for article in ordered:
                seq = writer._insert_article(conn, article, None)
                conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_of.get(article.id), article.id))
            if ordered:
                writer._record_batch_stories(conn, seq)
            stored = {a.id for a in ordered}
            for story in dossier.stories:
                for item in story.reuse:
                    if item.source_article in stored and item.target_article in stored:
                        conn.execute(
                            "INSERT OR REPLACE INTO reuse (source_article, target_article, kind, similarity, data)"
                            " VALUES (?, ?, ?, ?, ?)",
                            (item.source_article, item.target_article, item.kind, item.similarity, json.dumps(plain(item))),
                        )
                write_story(conn, story)
            for record in dossier.inputs:
                for article_id in record.article_ids or [None]:
                    status = "added" if record.status == "ok" and article_id in stored else record.status
                    writer._insert_input(conn, run_id, record.path, status, record.reason, article_id, record.warnings)
        return [AddResult(a.path, "added", a.id, story_of.get(a.id)) for a in ordered]


def _rename(articles: list[Article], records: list[InputRecord], names: dict[str, str]) -> None:
    """Show uploaded files under the name the user gave, not the temporary path they were read from."""

    def renamed(path: str) -> str:
        for temp, shown in names.items():
            if path == temp or path.startswith(temp + "#"):
                return shown + path[len(temp):]
        return path

    for article in articles:
        article.path = renamed(article.path)
    for record in records:
        record.path = renamed(record.path)

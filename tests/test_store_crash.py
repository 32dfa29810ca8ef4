"""Crash safety: a writer killed with SIGKILL mid-run loses nothing committed, readers always see a consistent
store, and running the same add again completes the set without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storytrace.store import connect, reading

N_ARTICLES = 60
TOPICS = [
    ("flood", "River Avel floods lower Dunmarsh", "The River Avel burst its banks in Dunmarsh, and {n} residents left their flooded homes by boat."),
    ("strike", "Port Selvin dockers strike over pay", "Dock workers at Port Selvin walked out, and {n} container ships waited outside the harbour."),
    ("fire", "Kelton Pass forest fire spreads", "A forest fire near Kelton Pass burned {n} hectares of pine, and firefighters closed the mountain road."),
    ("vote", "Marrow council approves Harlow bridge", "The Marrow county council approved the Harlow bridge by {n} votes, after a long debate on tolls."),
    ("quake", "Earthquake damages Ostrava Bay harbour", "An earthquake cracked the Ostrava Bay harbour wall, and engineers inspected {n} damaged buildings."),
    ("museum", "Vellmark museum recovers stolen paintings", "Police in Vellmark recovered {n} paintings stolen from the city museum, the curator Ilse Varga said."),
]
RUNNER = (
    "import sys, typer\n"
    "from storytrace.cli_store import add_command\n"
    "app = typer.Typer()\n"
    "app.command()(add_command)\n"
    "app()\n"
)


def write_articles(folder: Path) -> list[Path]:
    """Small made-up articles on a few topics, each with its own figures and day."""
    paths = []
    for number in range(N_ARTICLES):
        key, title, body = TOPICS[number % len(TOPICS)]
        day = 1 + number // len(TOPICS)
        text = f"{title} ({number})\n\nMarch {day}, 2025\n\n{body.format(n=10 + number)}\n"
        path = folder / f"{number:03d}_{key}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def check_consistent(db: Path) -> int:
    """Within one snapshot: every current article sits in exactly one stored story and vice versa. Returns the count."""
    with reading(db) as conn:
        articles = {r["id"]: r["story_id"] for r in conn.execute("SELECT id, story_id FROM articles WHERE superseded_by IS NULL")}
        in_stories: dict[str, str] = {}
        for row in conn.execute("SELECT id, article_ids, n_articles, data FROM stories"):
            ids = json.loads(row["article_ids"])
            story = json.loads(row["data"])
            assert story["article_ids"] == ids and row["n_articles"] == len(ids)
            assert {c["article_id"] for c in story["claims"]} <= set(ids)
            for article_id in ids:
                assert article_id not in in_stories, "an article in two stories"
                in_stories[article_id] = row["id"]
        assert in_stories == articles, "stories and articles disagree"
        fts = {r[0] for r in conn.execute("SELECT article_id FROM articles_fts")}
        assert fts == set(articles)
        logged = {r[0] for r in conn.execute("SELECT article_id FROM inputs WHERE status = 'added'")}
        assert logged == set(articles)
    return len(articles)


def start_writer(db: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(folder), "--db", str(db), "--batch-size", "4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_store_crash_kill_mid_run_then_resume(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    write_articles(folder)
    db = tmp_path / "crash.db"
    writer = start_writer(db, folder)
    committed, checks = 0, 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if db.exists() and _has_schema(db):
                committed = check_consistent(db)  # a reader during the writes
                checks += 1
                if committed >= 12:
                    break
            if writer.poll() is not None:
                break
            time.sleep(0.05)
        assert writer.poll() is None, "the writer finished (or failed) before it could be killed: " + writer.stderr.read().decode()[-2000:]
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == -signal.SIGKILL
    assert checks > 1

    conn = connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    survived = check_consistent(db)
    assert 12 <= survived < N_ARTICLES

    rerun = subprocess.run([sys.executable, "-c", RUNNER, str(folder), "--db", str(db)],
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{survived} unchanged" in rerun.stderr and f"{N_ARTICLES - survived} added" in rerun.stderr
    assert check_consistent(db) == N_ARTICLES
    with reading(db) as conn:
        assert conn.execute("SELECT COUNT(DISTINCT source_key), COUNT(*) FROM articles").fetchone()[:] == (N_ARTICLES, N_ARTICLES)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] >= len(TOPICS) // 2


def _has_schema(db: Path) -> bool:
    try:
        with reading(db):
            return True
    except Exception:
        return False

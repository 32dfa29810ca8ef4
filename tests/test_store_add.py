"""Growing a store article by article: only new articles analysed, stories updated, versions kept, exports valid."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from storytrace.report import validate_dossier
from storytrace.settings import Settings
from storytrace.store import reading
from storytrace.store import read as store_read
from storytrace.store.add import StoreWriter, save_dossier

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
# One input per article file; the .meta.json sidecar travels with its article.
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".meta.json"))
SETTINGS = Settings(processes=1, batch_size=8)


def counts(db: Path) -> dict[str, int]:
    with reading(db) as conn:
        row = conn.execute("SELECT COUNT(*), SUM(n_facts), SUM(n_claims), SUM(n_articles) FROM stories").fetchone()
        articles = conn.execute("SELECT COUNT(*) FROM articles WHERE superseded_by IS NULL").fetchone()[0]
        inputs = conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0]
    return {"stories": row[0], "facts": row[1] or 0, "claims": row[2] or 0, "in_stories": row[3] or 0,
            "articles": articles, "inputs": inputs}


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The example corpus added one file at a time; the counts after each add and each add's results."""
    db = tmp_path_factory.mktemp("store") / "dossier.db"
    steps = []
    with StoreWriter(db, SETTINGS) as writer:
        for path in CORPUS_FILES:
            results = writer.add_paths([path])
            steps.append((path.name, results, counts(db)))
    return db, steps


def test_store_add_one_by_one_grows_stories(grown):
    db, steps = grown
    total = 0
    for name, results, after in steps:
        added = [r for r in results if r.status == "added"]
        assert added, f"{name}: nothing added ({results})"
        total += len(added)
        assert after["articles"] == total
        assert after["in_stories"] == total  # every current article is in exactly one story
        assert all(r.story_id for r in added)
    final = steps[-1][2]
    assert final["stories"] == 1  # examples/expected.json: the corpus is one story
    assert final["facts"] > 0 and final["claims"] > 0
    # Facts appear once more than one article reports them: the count grew along the way.
    assert steps[0][2]["facts"] <= final["facts"]


def test_store_add_matches_batch_story(grown, example_dossier):
    db, _ = grown
    with reading(db) as conn:
        story = store_read.get_story(conn, store_read.list_stories(conn)[0].id)
    batch = example_dossier.stories[0]
    assert sorted(story.article_ids) == sorted(batch.article_ids)
    assert len(story.claims) == len(batch.claims)
    assert {c.kind for c in story.conflicts} == {c.kind for c in batch.conflicts}


def test_store_add_again_is_a_no_op(grown):
    db, _ = grown
    before = counts(db)
    with reading(db) as conn:
        stamps = conn.execute("SELECT id, updated_at, data FROM stories").fetchall()
    with StoreWriter(db, SETTINGS) as writer:
        results = writer.add_paths([CORPUS])
    assert results and {r.status for r in results} == {"unchanged"}
    after = counts(db)
    assert after["articles"] == before["articles"] and after["stories"] == before["stories"]
    assert after["inputs"] == before["inputs"] + len(results)  # the no-op is logged as such
    with reading(db) as conn:
        assert conn.execute("SELECT id, updated_at, data FROM stories").fetchall() == stamps


def test_store_changed_article_is_a_new_version(tmp_path):
    db = tmp_path / "v.db"
    source = CORPUS / "01_vashmoor_courier_collapse.txt"
    article = tmp_path / "courier.txt"
    shutil.copy(source, article)
    with StoreWriter(db, SETTINGS) as writer:
        first = writer.add_paths([article, CORPUS / "10_vashmoor_today_explainer.txt"])
        article.write_text(source.read_text(encoding="utf-8").replace("14 workers", "15 workers"), encoding="utf-8")
        second = writer.add_paths([article])
    old_id = first[0].article_id
    assert [r.status for r in second] == ["updated"]
    new_id = second[0].article_id
    assert new_id != old_id
    with reading(db) as conn:
        versions = store_read.versions_of(conn, new_id)
        assert [(v.id, v.version, v.superseded_by) for v in versions] == [(old_id, 1, new_id), (new_id, 2, None)]
        old, new = store_read.get_article(conn, old_id), store_read.get_article(conn, new_id)
        assert new.title == old.title.replace("14 workers", "15 workers")  # the headline is not taken for site chrome
        assert len(new.removed) == len(old.removed)
        story = store_read.get_story(conn, second[0].story_id)
        assert new_id in story.article_ids and old_id not in story.article_ids
        assert any("15 workers" in c.text for c in story.claims)
        assert not any("14 workers" in c.text and c.article_id == old_id for c in story.claims)
        hits = store_read.search(conn, '"15 workers"').articles
        assert [h["id"] for h in hits] == [new_id]
        assert all(h["id"] != old_id for h in store_read.search(conn, '"14 workers"').articles)
        assert store_read.count_articles(conn) == 2 and store_read.count_articles(conn, include_superseded=True) == 3


def _cli() -> typer.Typer:
    from storytrace.cli_store import add_command, export_command

    app = typer.Typer()
    app.command("add")(add_command)
    app.command("export")(export_command)
    return app


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_store_export_reproduces_batch_outputs(grown, tmp_path, fmt):
    db, _ = grown
    with reading(db) as conn:
        story_id = store_read.list_stories(conn)[0].id
    out = tmp_path / f"story.{fmt}"
    result = CliRunner().invoke(_cli(), ["export", "--db", str(db), "--story", story_id, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        validate_dossier(data)
        assert len(data["articles"]) == len(CORPUS_FILES) + 2  # the JSONL and RSS files hold two articles each
        assert [s["id"] for s in data["stories"]] == [story_id]
        assert {i["status"] for i in data["inputs"]} == {"ok"}
    else:
        assert "Korrin Ridge" in text


def test_store_export_unknown_story_fails_cleanly(grown):
    db, _ = grown
    result = CliRunner().invoke(_cli(), ["export", "--db", str(db), "--story", "nope"])
    assert result.exit_code == 1


def test_store_cli_add_reports_statuses(tmp_path):
    db = tmp_path / "cli.db"
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(_cli(), ["add", str(CORPUS / "10_vashmoor_today_explainer.txt"), str(bad), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "1 added" in first.output and "1 skipped" in first.output
    again = runner.invoke(_cli(), ["add", str(CORPUS / "10_vashmoor_today_explainer.txt"), "--db", str(db)])
    assert "1 unchanged" in again.output


def test_store_save_dossier_then_grow(example_dossier, tmp_path):
    db = tmp_path / "batch.db"
    save_dossier(example_dossier, db)
    with reading(db) as conn:
        stories = store_read.list_stories(conn)
        assert [s.id for s in stories] == [s.id for s in example_dossier.stories]
        assert stories[0].n_facts == len(example_dossier.stories[0].facts)
    extra = tmp_path / "follow-up.txt"
    extra.write_text(
        "Korrin Ridge rescue ends as last miners reach the surface\n\nVashmoor Courier\nMarch 9, 2025\n\n"
        "The last of the workers trapped in the Korrin Ridge tin mine were brought out on Saturday, "
        "the provincial mine rescue service said. The Korrin Ridge Mining Company said the tunnel would stay closed.\n",
        encoding="utf-8",
    )
    with StoreWriter(db, SETTINGS) as writer:
        results = writer.add_paths([extra])
    assert [r.status for r in results] == ["added"]
    assert results[0].story_id == example_dossier.stories[0].id  # continues the batch's story
    with reading(db) as conn:
        assert store_read.story_row(conn, results[0].story_id).n_articles == len(example_dossier.articles) + 1


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared (seed articles) is absent")
def test_store_add_seeds_one_by_one(tmp_path):
    db = tmp_path / "seeds.db"
    seeds = sorted(SEEDS.glob("*.txt"))
    with StoreWriter(db, SETTINGS) as writer:
        statuses = [r.status for path in seeds for r in writer.add_paths([path])]
    assert statuses == ["added"] * len(seeds)
    after = counts(db)
    assert after["articles"] == len(seeds) == after["in_stories"]
    assert after["claims"] > 0


def test_store_two_writers_stay_consistent(tmp_path):
    """Two writers on one store (the CLI and the web app) take turns; each replays what the other committed."""
    db = tmp_path / "two.db"
    files = [CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "02_norvika_post_union_count.html",
             CORPUS / "10_vashmoor_today_explainer.txt"]
    first, second = StoreWriter(db, SETTINGS), StoreWriter(db, SETTINGS)
    try:
        results = first.add_paths([files[0]]) + second.add_paths([files[1]]) + first.add_paths([files[2]])
        again = second.add_paths(files)
    finally:
        first.close()
        second.close()
    assert [r.status for r in results] == ["added"] * 3 and [r.status for r in again] == ["unchanged"] * 3
    assert len({r.story_id for r in results}) == 1  # both writers put them in the same story
    with reading(db) as conn:
        stories = store_read.list_stories(conn)
        assert len(stories) == 1 and sorted(stories[0].article_ids) == sorted(r.article_id for r in results)


def test_store_replay_repairs_diverged_story(tmp_path):
    """A stored story assignment the replayed clusterer disagrees with is repaired before the next add."""
    db = tmp_path / "repair.db"
    with StoreWriter(db, SETTINGS) as writer:
        added = writer.add_paths([CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "10_vashmoor_today_explainer.txt"])
        story_id = added[0].story_id
        moved = added[1].article_id
        writer.conn.execute("UPDATE articles SET story_id = 's99' WHERE id = ?", (moved,))  # as if clustered elsewhere
    with StoreWriter(db, SETTINGS) as writer:
        result = writer.add_paths([CORPUS / "02_norvika_post_union_count.html"])
        assert writer.repaired == [(moved, "s99", story_id)]
    assert result[0].story_id == story_id
    with reading(db) as conn:
        assert [s.id for s in store_read.list_stories(conn)] == [story_id]
        assert store_read.story_row(conn, story_id).n_articles == 3


def test_store_same_url_in_another_file_is_a_new_version(tmp_path):
    record = {"url": "https://news.example.org/mine", "outlet": "Example News", "published": "2025-03-04",
              "title": "Mine rescue continues", "text": "Rescuers at the Korrin Ridge tin mine said on Tuesday they were "
              "30 meters from the trapped workers. The company said air was being pumped into the gallery."}
    first, second = tmp_path / "monday.json", tmp_path / "tuesday.json"
    first.write_text(json.dumps(record), encoding="utf-8")
    second.write_text(json.dumps({**record, "text": record["text"].replace("30 meters", "12 meters")}), encoding="utf-8")
    with StoreWriter(tmp_path / "url.db", SETTINGS) as writer:
        statuses = [r.status for path in (first, second) for r in writer.add_paths([path])]
    assert statuses == ["added", "updated"]


def test_store_new_version_cleaned_like_the_first(tmp_path):
    """An earlier version of the same article is not another page of the outlet: its lines are not site chrome."""
    name = "05_pellhaven_herald_investigation"
    shutil.copy(CORPUS / f"{name}.txt", tmp_path / "story.txt")
    shutil.copy(CORPUS / f"{name}.meta.json", tmp_path / "story.meta.json")
    db = tmp_path / "clean.db"
    with StoreWriter(db, SETTINGS) as writer:
        first = writer.add_paths([tmp_path / "story.txt"])
        text = (tmp_path / "story.txt").read_text(encoding="utf-8")
        (tmp_path / "story.txt").write_text(text.replace("investigators", "inspectors", 3), encoding="utf-8")
        second = writer.add_paths([tmp_path / "story.txt"])
    assert [r.status for r in first + second] == ["added", "updated"]
    with reading(db) as conn:
        old, new = store_read.get_article(conn, first[0].article_id), store_read.get_article(conn, second[0].article_id)
    assert [r.reason for r in new.removed] == [r.reason for r in old.removed]
    assert len(new.text) == pytest.approx(len(old.text), abs=30)


def _split_off_first(clusterer, article_id, articles_of, *args):
    """A stand-in regrouping: once a story has two articles, its first one moves to a story of its own."""
    members = clusterer.members_of(clusterer.story_of(article_id))
    if len(members) != 2:
        return []
    new = clusterer.new_story_id()
    clusterer.move([members[0]], new)
    return [([members[0]], new)]


def test_store_regroup_moves_are_stored_and_replayed(tmp_path, monkeypatch):
    """Articles regrouping moves change story in the store, and a fresh writer's replay holds the same stories."""
    import storytrace.store.add as store_add

    monkeypatch.setattr(store_add, "regroup", _split_off_first)
    db = tmp_path / "moves.db"
    with StoreWriter(db, SETTINGS) as writer:
        first, second = writer.add_paths([CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "10_vashmoor_today_explainer.txt"])
    assert first.story_id == second.story_id == "s1"  # the story each joined; then the first was moved
    with reading(db) as conn:
        stories = {s.id: s.article_ids for s in store_read.list_stories(conn)}
        assert stories == {"s1": [second.article_id], "s2": [first.article_id]}
        assert conn.execute("SELECT COUNT(*) FROM story_moves").fetchone()[0] == 1
    assert writer.regrouped == [([first.article_id], "s2")]
    monkeypatch.setattr(store_add, "regroup", lambda *args: [])
    with StoreWriter(db, SETTINGS) as writer:
        writer.add_paths([CORPUS / "02_norvika_post_union_count.html"])
        assert writer.repaired == [], "the replay applied the recorded move"
    with reading(db) as conn:
        placed = dict(conn.execute("SELECT id, story_id FROM articles"))
    assert placed[first.article_id] != placed[second.article_id]


def test_store_keeps_batch_stories_the_plain_replay_would_not_make(tmp_path, monkeypatch):
    """A batch whose regrouping moved articles is saved as it is, and later adds continue its stories."""
    import storytrace.story_regroup as story_regroup
    import storytrace.store.add as store_add
    from storytrace.pipeline import analyze

    monkeypatch.setattr(story_regroup, "regroup", _split_off_first)
    files = [CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "10_vashmoor_today_explainer.txt"]
    dossier = analyze(files, SETTINGS)
    assert len(dossier.stories) == 2
    batch = {a: s.id for s in dossier.stories for a in s.article_ids}
    db = tmp_path / "batch.db"
    save_dossier(dossier, db, SETTINGS)
    monkeypatch.setattr(store_add, "regroup", lambda *args: [])
    with StoreWriter(db, SETTINGS) as writer:
        writer.add_paths([CORPUS / "02_norvika_post_union_count.html"])
        assert writer.repaired == []
    with reading(db) as conn:
        placed = dict(conn.execute("SELECT id, story_id FROM articles"))
    assert all(placed[a] == s for a, s in batch.items())


def _merge_second_into_first(clusterer, article_id, articles_of, *args):
    """A stand-in regrouping: every story after s1 is merged into s1."""
    moves = []
    for story_id in list(clusterer.stories()):
        if story_id != "s1":
            ids = clusterer.members_of(story_id)
            clusterer.move(ids, "s1")
            moves.append((ids, "s1"))
    return moves


def test_a_merged_story_points_to_the_story_that_took_its_articles(tmp_path, monkeypatch):
    """A story emptied by a merge is gone; the store, the web page and the API say where its articles went."""
    import storytrace.store.add as store_add
    from fastapi.testclient import TestClient

    from storytrace.web import create_app

    db = tmp_path / "merged.db"
    monkeypatch.setattr(store_add, "regroup", _split_off_first)
    with StoreWriter(db, SETTINGS) as writer:
        writer.add_paths([CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "10_vashmoor_today_explainer.txt"])
    monkeypatch.setattr(store_add, "regroup", _merge_second_into_first)
    with StoreWriter(db, SETTINGS) as writer:
        writer.add_paths([CORPUS / "02_norvika_post_union_count.html"])
    with reading(db) as conn:
        assert [s.id for s in store_read.list_stories(conn)] == ["s1"]
        assert store_read.merged_into(conn, "s2") == "s1"
        assert store_read.merged_into(conn, "s1") is None and store_read.merged_into(conn, "s9") is None
    client = TestClient(create_app(db))
    page = client.get("/stories/s2")
    assert page.status_code == 404 and 'href="/stories/s1"' in page.text
    assert "now in story s1" in client.get("/api/stories/s2").json()["detail"]


def test_an_article_that_fails_to_store_is_logged_and_the_run_goes_on(tmp_path, monkeypatch):
    """A failure while storing one article (here in regrouping) rolls back that article only."""
    import storytrace.store.add as store_add

    real = store_add.regroup
    failing = {}

    def regroup_failing_once(clusterer, article_id, articles_of, *args):
        if not failing:
            failing[article_id] = True
            raise ValueError("broken analysis")
        return real(clusterer, article_id, articles_of, *args)

    monkeypatch.setattr(store_add, "regroup", regroup_failing_once)
    db = tmp_path / "fails.db"
    files = [CORPUS / "01_vashmoor_courier_collapse.txt", CORPUS / "02_norvika_post_union_count.html",
             CORPUS / "10_vashmoor_today_explainer.txt"]
    with StoreWriter(db, SETTINGS) as writer:
        results = writer.add_paths(files)
    assert [r.status for r in results] == ["error", "added", "added"]
    assert results[0].reason == "storing failed: ValueError: broken analysis"
    with StoreWriter(db, SETTINGS) as writer:
        again = writer.add_paths(files)
        assert writer.repaired == []
    assert sorted((r.status, r.article_id == results[0].article_id) for r in again) == [
        ("added", True), ("unchanged", False), ("unchanged", False)]
    with reading(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NOT NULL").fetchone()[0] == 3

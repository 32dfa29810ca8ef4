"""Ingest: formats, sidecars, encodings, and bad input skipped with a reason while the run goes on."""

from __future__ import annotations

import codecs
import json

import pytest

from storytrace.ingest import article_id_for, read_inputs
from storytrace.ingest.decode import Rejected, decode_bytes

BODY = "The river rose two meters overnight. Officials in the town said the bridge would stay closed."


def _one(tmp_path, name, content, mode="w"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_inputs([tmp_path])


@pytest.mark.parametrize(
    "name,content,reason_part",
    [
        ("empty.txt", "", "empty"),
        ("blank.txt", "   \n\n  ", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("bad.json", "{not json", "not valid JSON"),
        ("nobody.json", json.dumps({"title": "Only a title"}), "no text"),
        ("feed.xml", "<html><body>not a feed</body></html>", "not a readable RSS"),
    ],
)
def test_ingest_bad_input_is_skipped_with_reason(tmp_path, name, content, reason_part):
    articles, records = _one(tmp_path, name, content)
    assert articles == []
    assert len(records) == 1
    assert records[0].status == "skipped"
    assert reason_part in records[0].reason


def test_ingest_bad_file_does_not_sink_the_run(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    articles, records = read_inputs([tmp_path, tmp_path / "missing.txt"])
    assert [a.raw_text for a in articles] == [BODY]
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in records}
    assert statuses == {"bad.bin": "skipped", "empty.md": "skipped", "good.txt": "ok", "missing.txt": "error"}


def test_ingest_too_large_is_skipped():
    with pytest.raises(Rejected, match="too large"):
        decode_bytes(b"a" * 101, max_bytes=100)


@pytest.mark.parametrize(
    "data,expected",
    [
        (codecs.BOM_UTF8 + "Café opens.\r\nSecond line.".encode("utf-8"), "Café opens.\nSecond line."),
        (codecs.BOM_UTF16_LE + "Zoë said hello.".encode("utf-16-le"), "Zoë said hello."),
        ("Müller und Söhne berichten über die Lage im Tal, sagte der Bürgermeister.".encode("cp1252"),
         "Müller und Söhne berichten über die Lage im Tal, sagte der Bürgermeister."),
    ],
)
def test_ingest_decodes_boms_crlf_and_legacy_encodings(data, expected):
    assert decode_bytes(data, max_bytes=10_000).text == expected


def test_ingest_json_lines_records_and_fields(tmp_path):
    rows = [
        {"id": "r1", "headline": "Bridge closed", "body": BODY, "date": "2025-03-04T10:00:00Z", "byline": "Ana Ruiz", "link": "https://news.example.org/a", "publisher": "Example News"},
        {"id": "r2", "title": "No text here"},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    articles, records = read_inputs([tmp_path])
    assert len(articles) == 1
    given = articles[0].given
    assert given["title"] == "Bridge closed" and given["author"] == "Ana Ruiz" and given["outlet"] == "Example News"
    assert given["published"] == "2025-03-04T10:00:00Z"
    assert [r.status for r in records] == ["ok", "skipped", "skipped"]
    assert records[2].reason.startswith("line 3 is not JSON")
    assert records[0].path.endswith("batch.jsonl#r1") and records[1].path.endswith("batch.jsonl#r2")


def test_ingest_json_list_and_articles_key(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"articles": [{"text": BODY}, {"text": BODY + " More."}]}), encoding="utf-8")
    articles, _ = read_inputs([tmp_path])
    assert len(articles) == 2


def test_ingest_html_main_text_and_meta(tmp_path):
    html = f"""<!doctype html><html><head><title>Site | Bridge</title>
    <meta property="og:title" content="Bridge closed after flood">
    <meta property="og:site_name" content="The Valley Echo">
    <meta property="article:published_time" content="2025-03-04T08:30:00+00:00">
    <meta name="author" content="Lena Ortiz"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Bridge closed after flood</h1><p>{BODY}</p><p>Engineers will inspect the pillars on Thursday, the mayor said in a statement to residents.</p></article>
    <footer>Copyright The Valley Echo. All rights reserved.</footer></body></html>"""
    articles, _ = _one(tmp_path, "page.html", html)
    article = articles[0]
    assert "bridge would stay closed" in article.raw_text
    assert "All rights reserved" not in article.raw_text
    assert article.given["outlet"] == "The Valley Echo"
    assert article.given["author"] == "Lena Ortiz"
    assert article.given["published"].startswith("2025-03-04")
    assert any(r.reason == "html-boilerplate" for r in article.removed)


def test_ingest_truncated_html_still_read(tmp_path):
    html = f"<html><head><title>Cut</title></head><body><article><p>{BODY}</p><p>And then the page en"
    articles, records = _one(tmp_path, "cut.html", html)
    assert records[0].status == "ok"
    assert "river rose" in articles[0].raw_text


def test_ingest_feed_entries_are_articles(tmp_path):
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Valley Radio</title>
    <item><title>First</title><link>https://radio.example/1</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><dc:creator>Sam Hale</dc:creator><description>{BODY}</description></item>
    <item><title>Second</title><link>https://radio.example/2</link><description>The water fell again on Wednesday, the weather office said.</description></item>
    </channel></rss>"""
    articles, records = _one(tmp_path, "radio.rss", rss)
    assert [a.given["title"] for a in articles] == ["First", "Second"]
    assert articles[0].given["outlet"] == "Valley Radio"
    assert articles[0].given["published"] == "2025-03-04T09:00:00"
    assert articles[0].given["author"] == "Sam Hale"
    assert "published" not in articles[1].given
    assert [r.path.rsplit("#", 1)[1] for r in records] == ["1", "2"]  # no guid: position


def test_ingest_sidecar_overrides_metadata(tmp_path):
    (tmp_path / "story.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Hill Times", "published": "2025-03-05", "color": "red"}), encoding="utf-8")
    articles, records = read_inputs([tmp_path])
    assert len(articles) == 1, "the sidecar itself is not an article"
    assert articles[0].given["outlet"] == "Hill Times"
    assert set(articles[0].given["sidecar"]) == {"outlet", "published"}
    assert any("unknown fields ignored: color" in w for w in records[0].warnings)


def test_ingest_duplicate_text_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    articles, records = read_inputs([tmp_path])
    assert len(articles) == 1
    assert records[1].status == "skipped" and "duplicate of" in records[1].reason
    assert articles[0].id == article_id_for(BODY)


def test_ingest_glob_and_unknown_extension(tmp_path):
    (tmp_path / "notes.log").write_text(BODY, encoding="utf-8")
    articles, records = read_inputs([str(tmp_path / "*.log"), str(tmp_path / "*.none")])
    assert len(articles) == 1
    assert any("unknown extension '.log'" in w for w in articles[0].warnings)
    assert records[-1].status == "skipped" and "matched no file" in records[-1].reason

"""Metadata: precedence of sidecar, input metadata and text; unknown stays None; language warnings."""

from __future__ import annotations

import pytest

from storytrace.dates import to_iso
from storytrace.language import detect_language
from storytrace.metadata import merge_metadata
from storytrace.model import Article

ENGLISH = "The council said on Tuesday that the bridge would reopen after the engineers finished their work."


def _article(fmt="html", **given):
    return Article(id="a", path="p", format=fmt, text=ENGLISH, given=given)


def test_metadata_sidecar_beats_input_beats_text():
    article = _article(title="From HTML", published="2025-03-04", outlet="Site", title_source=None)
    article.given.update({"sidecar": ["outlet"], "outlet": "Sidecar Outlet"})
    merge_metadata(article, {"title": "From text", "author": "Text Author", "published": "2025-01-01"})
    assert article.title == "From HTML"
    assert article.outlet == "Sidecar Outlet"
    assert article.published == "2025-03-04" and article.published_source == "html-meta"
    assert article.author == "Text Author"


@pytest.mark.parametrize(
    "fmt,source", [("html", "html-meta"), ("feed", "feed"), ("json", "json"), ("jsonl", "json")]
)
def test_metadata_published_source_by_format(fmt, source):
    article = merge_metadata(_article(fmt, published="2025-03-04T10:00:00"), {})
    assert (article.published, article.published_source) == ("2025-03-04T10:00:00", source)


def test_metadata_unknown_date_stays_none():
    article = merge_metadata(_article("text"), {})
    assert article.published is None and article.published_source is None


def test_metadata_unparseable_date_warns_and_stays_none():
    article = merge_metadata(_article(published="sometime soon"), {})
    assert article.published is None
    assert any("not understood" in w for w in article.warnings)


def test_metadata_outlet_from_url_host():
    article = merge_metadata(_article(url="https://www.valley-echo.example/news/1"), {})
    assert article.outlet == "valley-echo.example"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2025-03-04", "2025-03-04"),
        ("March 4, 2025", "2025-03-04"),
        ("Tue, 04 Mar 2025 09:00:00 GMT", "2025-03-04T09:00:00+00:00"),
        ("March 4", None),  # no year: never filled in from today
        ("", None),
        ("not a date", None),
    ],
)
def test_metadata_to_iso(value, expected):
    assert to_iso(value) == expected


@pytest.mark.parametrize(
    "text,code",
    [
        (ENGLISH, "en"),
        ("Der Bürgermeister sagte am Dienstag, dass die Brücke nach den Arbeiten wieder geöffnet wird und die Stadt sich darauf freut.", "de"),
        ("Le maire a déclaré mardi que le pont serait rouvert après les travaux et que la ville est prête.", "fr"),
        ("Мер заявив у вівторок, що міст знову відкриють після завершення робіт.", "uk"),
        ("Too short", None),
    ],
)
def test_metadata_language_detection(text, code):
    assert detect_language(text) == code


def test_metadata_non_english_is_analysed_with_warning():
    article = Article(id="a", path="p", format="text", text="Der Bürgermeister sagte am Dienstag, dass die Brücke nach den Arbeiten wieder geöffnet wird.")
    merge_metadata(article, {})
    assert article.language == "de"
    assert any("not English" in w for w in article.warnings)

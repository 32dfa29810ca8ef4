"""classify_source on documents and posts: who issued a document, which platform carried a post."""

from __future__ import annotations

import pytest

from storytrace.sources import classify_source, document_issuer, is_statement, platform_phrase


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("A Ministry of Mines and Energy report released on Wednesday", ("Ministry of Mines and Energy", "report")),
        ("the ministry's report", ("the ministry", "report")),
        ("a police report", ("police", "report")),
        ("a report released by the agency", ("the agency", "report")),
        ("a report released in May by the Bank of Tarrow", ("the Bank of Tarrow", "report")),
        ("a statement from the ministry", ("the ministry", "statement")),
        # not issuers: what a document is about, who only got it, a date, a headline, generic media
        ("a survey of local voters", None),
        ("a letter obtained by the Harbor Times", None),
        ("a February survey", None),
        ("Newly Released Document", None),
        ("press reports", None),
        ("the latest report", None),
        ("the Harbor Times' story", None),
    ],
)
def test_sources_document_issuer(mention: str, expected: tuple[str, str] | None) -> None:
    assert document_issuer(mention) == expected


@pytest.mark.parametrize(
    "mention, expected",
    [
        # a document with a typed issuer is a document (the issuer becomes its own chain link) ...
        ("A Ministry of Mines and Energy report released on Wednesday", "document"),
        ("the ministry's report", "document"),
        ("a police report", "document"),
        ("a study by the Velmora Institute", "document"),
        # ... unless the issuer speaks through it: a statement, or an outlet's report
        ("a statement from the ministry", "government"),
        ("a report by the Harbor Times", "media"),
        ("a report in the Harbor Times", "media"),
        # no issuer: still a document; an anonymity cue wins over the document
        ("the latest report", "document"),
        ("a report citing unnamed officials", "anonymous"),
    ],
)
def test_sources_classify_document_with_issuer(mention: str, expected: str) -> None:
    assert classify_source(mention)[0] == expected


@pytest.mark.parametrize("noun, expected", [("statement", True), ("remarks", True), ("report", False), ("memo", False)])
def test_sources_is_statement(noun: str, expected: bool) -> None:
    assert is_statement(noun) is expected


@pytest.mark.parametrize(
    "mention, platform",
    [
        ("A video shared on Chirpline on Tuesday", "Chirpline"),
        ("A video posted to a Telegram channel on Monday", "a Telegram channel"),
        ("footage circulating on social media", "social media"),
        ("a post on X", "X"),
        ("a video on YouTube", "YouTube"),
        # a day is not a platform; "online" names no platform; not a post
        ("a video posted on Monday", None),
        ("A video that emerged online on Oct. 18", None),
        ("a report shared on Chirpline", None),
    ],
)
def test_sources_platform_phrase(mention: str, platform: str | None) -> None:
    found = platform_phrase(mention)
    assert (mention[found[0]:found[1]] if found else None) == platform


@pytest.mark.parametrize(
    "mention",
    ["A video shared on Chirpline on Tuesday", "A video posted to a Telegram channel on Monday",
     "footage circulating on social media"],
)
def test_sources_classify_post_on_platform_is_social_media(mention: str) -> None:
    assert classify_source(mention) == ("social_media", False)

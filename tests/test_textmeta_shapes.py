"""Date and byline shapes read from single lines."""

from __future__ import annotations

import pytest

from storytrace.textmeta import find_date, looks_like_person_name, parse_byline, read_copyright_holder


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("October 15, 2024 8:20 PM", "2024-10-15T20:20:00"),
        ("date 2024-10-21", "2024-10-21"),
        ("by Jane Roe October 21, 2024 11:17 AM", "2024-10-21T11:17:00"),
        ("Published: 3 March 2023, 14:05 GMT", "2023-03-03T14:05:00+00:00"),
        ("Tue, Oct. 1, 2024 at 9:05 a.m.", "2024-10-01T09:05:00"),
        ("Updated 12:30 AM, Jan 5, 2022", "2022-01-05"),
        ("2024-10-21T11:17:00+03:00", "2024-10-21T11:17:00+03:00"),
        ("Saturday 14 September 2024, 17:52", "2024-09-14T17:52:00"),
        ("Posted 11/27/2005 7:21 AM", "2005-11-27T07:21:00"),
        ("27/11/2005", "2005-11-27"),
    ],
)
def test_textmeta_find_date_normalises_to_iso(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["2 hours ago", "10/11/2024", "last Tuesday", "in 2024", "May 40, 2024"])
def test_textmeta_find_date_ignores_vague_or_ambiguous_dates(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Jane Roe October 21, 2024 11:17 AM 2 min read", "Jane Roe"),
        ("Author: Jane Roe", "Jane Roe"),
        ("By Jane Doe and John Smith | Staff writers", "Jane Doe and John Smith"),
        ("Written by Ana de la Cruz", "Ana de la Cruz"),
        ("Posted by Hana Ode | 8 May 2024 | 4 comments", "Hana Ode"),
        ("(Reporting by Rui Santos; Editing by Mira Holt)", "Rui Santos"),
        ("Reporting by Rui Santos and Ana Li; Additional reporting by Jo Park", "Rui Santos and Ana Li"),
    ],
)
def test_textmeta_parse_byline_reads_author(text: str, author: str) -> None:
    byline = parse_byline(text)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    "text",
    ["By Monday, the troops had left.", "By contrast, the plan failed.",
     "By Western standards the plan is bold.", "Bylines are hard", "by 2030"],
)
def test_textmeta_parse_byline_rejects_sentences(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(("text", "expected"), [("Jane Q. Doe", True),
                                                ("Comments are closed.", False), ("Jane", False), ("Most popular", False),
                                                ("March 2024", False)])
def test_textmeta_looks_like_person_name(text: str, expected: bool) -> None:
    assert looks_like_person_name(text) is expected


@pytest.mark.parametrize(("text", "holder"), [("© 2023 Coast Weekly. All rights reserved.", "Coast Weekly"),
                                              ("Copyright © 2024 The Touchline Gazette", "The Touchline Gazette"),
                                              ("No copyright here", None)])
def test_textmeta_read_copyright_holder(text: str, holder: str | None) -> None:
    assert read_copyright_holder(text) == holder

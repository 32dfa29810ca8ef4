"""Title, publication date, author and outlet read from a page's own header and footer lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.clean import clean_text
from storytrace.textmeta import extract_text_metadata

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

BODY = ("The harbour board said on Tuesday that the ferry would start service in May, two months "
        "later than planned.\nOfficials said on January 3, 2021 that the cost had not changed at all.\n"
        "Residents have waited more than a decade for the crossing to reopen, the board said.")


def metadata(raw: str) -> dict:
    return extract_text_metadata(raw, clean_text(raw))


@pytest.mark.parametrize(
    ("header", "footer", "expected"),
    [
        (["Edit post", "Ferry launch delayed after inspectors find faults",
          "October 15, 2024 8:20 PM", "2 min read"], [],
         {"title": "Ferry launch delayed after inspectors find faults",
          "published": "2024-10-15T20:20:00", "author": None}),
        (["date 2024-10-21 Read what is happening on the coast", "Ferry launch delayed again by faults",
          "by Lena Ostrova October 21, 2024 11:17 AM 2 min read"], ["Author: Lena Ostrova", "Comments"],
         {"published": "2024-10-21T11:17:00", "author": "Lena Ostrova"}),
        (["Ferry launch delayed after inspectors find faults", "By Lena Ostrova",
          "Published 4 March 2023", "Updated 6 March 2023, 10:00"], [],
         {"published": "2023-03-04", "updated": "2023-03-06T10:00:00", "author": "Lena Ostrova"}),
        (["Ferry launch delayed after inspectors find faults", "Updated 6 March 2023, 10:00"], [],
         {"published": None, "updated": "2023-03-06T10:00:00"}),
        (["Ferry launch delayed after inspectors find faults", "Lena Ostrova",
          "Mon 6 March 2023 10:00"], [],
         {"published": "2023-03-06T10:00:00", "author": "Lena Ostrova"}),
        ([], ["Mira Holt", "More stories by Mira Holt"],
         {"title": None, "published": None, "author": "Mira Holt"}),
        ([], ["This article originally appeared on Coast Weekly and is republished with permission."],
         {"outlet": None, "original_outlet": "Coast Weekly"}),
        (["Ferry launch delayed after inspectors find faults"], ["© 2023 Harbour Times. All rights reserved."],
         {"outlet": "Harbour Times"}),
        (["Ferry launch delayed after inspectors find faults", "2 hours ago"], [],
         {"published": None, "published_source": None}),
    ],
)
def test_textmeta_extract_reads_header_and_footer(header: list[str], footer: list[str],
                                                  expected: dict) -> None:
    found = metadata("\n".join([*header, BODY, *footer]))
    for key, value in expected.items():
        assert found[key] == value, key
    assert found["published_source"] == ("text" if found["published"] else None)


def test_textmeta_extract_never_takes_a_body_date() -> None:
    found = metadata(BODY)
    assert found["published"] is None and found["title"] is None and found["author"] is None


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared (seed articles) is absent")
@pytest.mark.parametrize(
    ("prefix", "title_start", "published", "author"),
    [
        ("000_", "18 North Korean soldiers", ("2024-10-15T20:20:00",), None),
        ("001_", None, (None,), "Frieda Powers"),
        ("003_", "Russia detains 18 North Korean soldiers", ("2024-10-21", "2024-10-21T11:17:00"),
         "Martin Fornusek"),
    ],
)
def test_textmeta_extract_on_seeds(prefix: str, title_start: str | None, published: tuple,
                                   author: str | None) -> None:
    path = next(SEEDS.glob(prefix + "*.txt"))
    found = metadata(path.read_text(encoding="utf-8"))
    if title_start is None:
        assert found["title"] is None
    else:
        assert found["title"].startswith(title_start)
    assert found["published"] in published
    assert found["author"] == author
    assert found["outlet"] is None

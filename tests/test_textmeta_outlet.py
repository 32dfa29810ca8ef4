"""The page's own outlet read from its chrome lines: copyright, navigation, promotions, title suffix."""

from __future__ import annotations

import pytest

from storytrace.clean import clean_text
from storytrace.textmeta import extract_text_metadata, outlet_name

TITLE = "Ferry launch delayed after inspectors find faults"
BODY = ("The harbour board said on Tuesday that the ferry would start service in May, two months "
        "later than planned.\nOfficials said the cost had not changed since the plan was first drawn up.\n"
        "Residents have waited more than a decade for the crossing to reopen, the board said.")


def metadata(header: list[str], footer: list[str], body: str = BODY) -> dict:
    raw = "\n".join([*header, body, *footer])
    return extract_text_metadata(raw, clean_text(raw))


@pytest.mark.parametrize(
    ("header", "footer", "outlet"),
    [
        # a footer navigation line with site links, confirmed by a house promotion
        ([TITLE], ["Subscribe to our newsletter for the best of the Gull Point Ledger every week.",
                   "Gull Point Ledger · About us · Contact · Privacy"], "Gull Point Ledger"),
        # ... or by a masthead line in the header
        (["Gull Point Ledger", TITLE], ["Gull Point Ledger | About us | Contact | Terms of use"],
         "Gull Point Ledger"),
        # a title suffix confirmed by a navigation line
        ([TITLE + " | Gull Point Ledger"], ["Gull Point Ledger | About us | Contact | Privacy"],
         "Gull Point Ledger"),
        # a title suffix confirmed by a promotion; a capital "The" stays part of the name
        ([TITLE + " - The Gull Point Ledger"], ["Support The Gull Point Ledger: become a member today"],
         "The Gull Point Ledger"),
        # copyright forms are enough alone
        ([TITLE], ["Gull Point Ledger — All rights reserved"], "Gull Point Ledger"),
        ([TITLE], ["© 2025 Gull Point Ledger | About us | Contact"], "Gull Point Ledger"),
    ],
)
def test_textmeta_outlet_read_from_agreeing_chrome(header: list[str], footer: list[str],
                                                   outlet: str) -> None:
    assert metadata(header, footer)["outlet"] == outlet


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        # one navigation line alone is not sure enough
        ([TITLE], ["Gull Point Ledger · About us · Contact · Privacy"]),
        # a section label is not an outlet, even when repeated
        (["World News", TITLE], ["World News · About us · Contact · Privacy"]),
        (["Ferry launch delayed | Gull Point Ledger"], ["Subscribe to Our Newsletter",
                                                       "Our Newsletter | About us | Contact"]),
        # the original publisher of a syndicated text, named in the byline, author box and notice
        ([TITLE, "Author: Jane Doe, Harbour Courier"],
         ["This article originally appeared on the Harbour Courier. Republished with permission.",
          "Jane Doe covers transport for the Harbour Courier.", "Harbour Courier | About us | Contact"]),
        # a syndication notice that also promotes the original publisher
        ([TITLE], ["This article first appeared on Harbour Courier. Support Harbour Courier today.",
                   "Harbour Courier | About us | Contact"]),
        # a photo agency credited with a copyright sign in a caption
        ([TITLE], ["Crowds at the quay on Tuesday. (© Tarn Images)"]),
        # two different names agreed on: ambiguous, so unknown
        (["Ferry launch delayed | Gull Point Ledger"],
         ["Gull Point Ledger | About us | Contact", "Harbour Courier | About us | Contact | Privacy",
          "Subscribe to Harbour Courier"]),
        # a person followed on social media is not the site
        ([TITLE], ["Follow Jane Doe on Twitter @janedoe", "Jane Doe | About us | Contact"]),
    ],
)
def test_textmeta_outlet_unknown_unless_chrome_is_sure(header: list[str], footer: list[str]) -> None:
    assert metadata(header, footer)["outlet"] is None


def test_textmeta_outlet_never_read_from_body_mentions() -> None:
    body = BODY + ("\nOne resident told Gull Point Ledger that she would believe it when she saw it."
                   "\nSubscribe to Gull Point Ledger, a neighbour joked, and you will hear all about it.")
    assert metadata([TITLE], [], body)["outlet"] is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (TITLE + " | Gull Point Ledger", TITLE),
        (TITLE + " — The Gull Point Ledger", TITLE),
        (TITLE + " | Harbour Courier", TITLE + " | Harbour Courier"),  # not this page's outlet
    ],
)
def test_textmeta_outlet_suffix_dropped_from_title(title: str, expected: str) -> None:
    footer = ["© Gull Point Ledger. All rights reserved."]
    assert metadata([title], footer)["title"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Gull Point Ledger's", "Gull Point Ledger"),
        ("The Gull Point Ledger", "The Gull Point Ledger"),
        ("Bank of Gull Point", "Bank of Gull Point"),
        ("World News", None),
        ("About us", None),
        ("Facebook", None),
        ("our newsletter", None),
        ("A Very Long Name Of Seven Whole Words", None),
    ],
)
def test_textmeta_outlet_name_shape(text: str, expected: str | None) -> None:
    assert outlet_name(text) == expected

"""Cleaning loses nothing, keeps labeled body lines, and uses cross-article repetition safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.clean import CleanResult, clean_text, find_repeated_lines, split_raw_lines

DATA = Path(__file__).resolve().parent / "data" / "cleaning"
LABELED = sorted(DATA.glob("*.txt"))


def labels_of(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    labels = path.with_suffix(".labels").read_text(encoding="utf-8").split()
    assert len(labels) == len(split_raw_lines(raw)), path.name
    return labels


def assert_nothing_lost(raw: str, result: CleanResult) -> None:
    lines = split_raw_lines(raw)
    removed_numbers = {item.line for item in result.removed}
    for item in result.removed:
        assert lines[item.line].strip() == item.text
    for number, line in enumerate(lines):
        if line.strip() and number not in removed_numbers:
            assert line.strip() in result.text, line
    assert result.text == result.text.strip()


@pytest.mark.parametrize("path", LABELED, ids=lambda path: path.stem)
def test_clean_loses_no_line_on_labeled_pages(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert_nothing_lost(raw, clean_text(raw))


@pytest.mark.parametrize(
    "raw",
    ["", "\n\n", "One line only", "Title here\r\n\r\nA body line that ends here.\r\n",
     "  indented line with spaces  \n\tTabbed line.\t"],
)
def test_clean_loses_no_line_on_odd_inputs(raw: str) -> None:
    assert_nothing_lost(raw, clean_text(raw))


def test_clean_labeled_pages_meet_pinned_floors() -> None:
    body = body_kept = chrome = chrome_removed = 0
    for path in LABELED:
        raw = path.read_text(encoding="utf-8")
        removed = {item.line for item in clean_text(raw).removed}
        for number, label in enumerate(labels_of(path)):
            if label == "body":
                body += 1
                body_kept += number not in removed
            elif label == "chrome":
                chrome += 1
                chrome_removed += number in removed
    assert len(LABELED) >= 6
    assert body_kept / body >= 0.98
    assert chrome_removed / chrome >= 0.95


def test_clean_header_holds_metadata_lines() -> None:
    raw = ("Edit post\nHarbour ferry delayed until summer\nBy Lena Ostrova\nMarch 4, 2023\n\n"
           "The harbour board said on Tuesday that the ferry would start in May, later than planned.\n"
           "Officials blamed a shortage of parts for the delay to the service.\n")
    header = clean_text(raw).header
    assert header["title"] == [(1, "Harbour ferry delayed until summer")]
    assert header["byline"] == [(2, "By Lena Ostrova")]
    assert header["dateline"] == [(3, "March 4, 2023")]


ARTICLE_ONE = """Ferry fares rise again
By Lena Ostrova

The harbour board raised ferry fares by 8 percent on Monday, the second rise this year.
"We have no choice," board chair Tomas Reyes said. "Fuel costs have doubled."
The board said the rise would pay for two new engines.
Support local reporting
Sign in to keep reading our coverage"""

ARTICLE_TWO = """New pier opens at Eastmere
By Lena Ostrova

A new pier opened at Eastmere on Saturday after two years of building work.
"We have no choice," board chair Tomas Reyes said. "Fuel costs have doubled."
The pier cost 4 million euros and was paid for by the regional government.
Support local reporting
Sign in to keep reading our coverage"""


def test_clean_find_repeated_lines_counts_only_chrome_shaped_lines() -> None:
    repeated = find_repeated_lines([ARTICLE_ONE, ARTICLE_TWO])
    assert "support local reporting" in repeated
    assert "sign in to keep reading our coverage" in repeated
    assert not any("fuel costs have doubled" in line for line in repeated)
    assert find_repeated_lines([ARTICLE_ONE, ARTICLE_TWO], min_count=3) == frozenset()


def test_clean_removes_repeated_lines_but_keeps_quoted_body() -> None:
    repeated = find_repeated_lines([ARTICLE_ONE, ARTICLE_TWO])
    result = clean_text(ARTICLE_ONE, repeated_lines=repeated)
    reasons = {item.text: item.reason for item in result.removed}
    assert reasons["Support local reporting"] == "repeated-across-outlet"
    assert '"We have no choice," board chair Tomas Reyes said. "Fuel costs have doubled."' \
        in result.text
    quoted = "The harbour board raised ferry fares by 8 percent on Monday, the second rise this year."
    assert clean_text(ARTICLE_ONE, repeated_lines=frozenset({quoted.lower()})).text.count(
        "raised ferry fares") == 1

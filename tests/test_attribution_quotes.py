"""Quotation structure (storytrace.attribution.quotes): pairing marks within and across paragraphs."""

from __future__ import annotations

import pytest

from storytrace.attribution.quotes import find_quotations, paragraph_spans


def quoted(text):
    return [[text[a:b] for a, b in q.parts] for q in find_quotations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“The road is open,” she said.", [["“The road is open,”"]]),
        ('He said "we are ready" and left.', [['"we are ready"']]),
        ("“One,” he said, “two.”", [["“One,”"], ["“two.”"]]),
        ("“First part.\n\n“Second part,” she said.", [["“First part.", "“Second part,”"]]),
        ("“Never closed.\n\nPlain text follows.", []),
        ("No quotations here at all.", []),
        ("A “scare-quoted” word and a “second one.”", [["“scare-quoted”"], ["“second one.”"]]),
    ],
)
def test_attribution_quotes_pairs_marks(text, expected):
    assert quoted(text) == expected


def test_attribution_quotes_paragraph_spans_skip_blank_lines():
    text = "Title line\n\n  Body one.  \nBody two."
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["Title line", "Body one.", "Body two."]

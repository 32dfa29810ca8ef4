"""Quotation structure (storytrace.attribution.quotes): pairing marks within and across paragraphs;
spans cut to the paragraph of their cue (storytrace.attribution.spans.within_line)."""

from __future__ import annotations

import pytest

from storytrace.attribution.quotes import find_quotations, paragraph_spans
from storytrace.attribution.spans import within_line


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


def test_attribution_within_line_cuts_a_range_to_the_anchor_line(nlp):
    doc = nlp("The plan failed badly.\n\nOfficials said the vote would wait.")
    said = next(t.i for t in doc if t.text == "said")
    assert within_line(doc, 0, len(doc), said) == (said - 1, len(doc))
    assert within_line(doc, 0, said + 1, said) == (said - 1, said + 1)


def test_attribution_within_line_is_empty_for_a_range_on_another_line(nlp):
    """The parse may hang a clause of the previous paragraph on a verb: it is no content."""
    doc = nlp("The plan failed badly.\n\nOfficials said the vote would wait.\n\nIt did.")
    said = next(t.i for t in doc if t.text == "said")
    before = (0, 4)  # "The plan failed badly"
    after = (len(doc) - 3, len(doc))  # "It did."
    start, end = within_line(doc, *before, said)
    assert start == end
    start, end = within_line(doc, *after, said)
    assert start == end

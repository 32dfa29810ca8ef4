"""Cross-article reference dates: an undated article is dated from what it copies, only when the copy's direction is known."""

from __future__ import annotations

import pytest

from conftest import make_article
from storytrace.corpus import infer_reference_dates
from storytrace.model import Passage, Reuse


def _redate_log():
    calls = []

    def redate(article, reference, inferred):
        calls.append((article.id, reference, inferred))
        return article

    return calls, redate


@pytest.mark.parametrize("basis, expected", [
    ("citation", [("b", "2025-03-05", True)]),
    ("unknown", []),
])
def test_corpus_undated_copy_dated_from_its_source_only_when_direction_known(basis, expected):
    source = make_article("a", ["The council closed the bridge after an inspection."], [], published="2025-03-05T09:00:00")
    copy = make_article("b", ["The council closed the bridge after an inspection, the paper said."], [])
    reuse = [Reuse("a", "b", "attributed_quote", [Passage(0, 40, 0, 40)], 0.8, basis)]
    calls, redate = _redate_log()
    infer_reference_dates([source, copy], reuse, redate)
    assert calls == expected

"""The attribution benchmark's scorer: exact, partial (any shared token) and token-weighted credit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.attribution import score  # noqa: E402

TEXT = "The mayor told reporters on Monday that the bridge will reopen. Critics doubt it."
SOURCE, CUE, CONTENT = [0, 9], [10, 24], [35, 63]   # "The mayor", "told reporters", "that ... reopen."
GOLD = [{"id": "d", "attributions": [
    {"source": SOURCE, "cue": CUE, "content": CONTENT},
    {"source": None, "cue": [72, 77], "content": [78, 80]},  # never predicted, no source
]}]


def _scored(attribution: dict) -> dict:
    return score([{"id": "d", "attributions": [attribution]}], GOLD, {"d": TEXT})


def test_attribution_score_exact_needs_the_same_characters():
    result = _scored({"source": [4, 9], "cue": CUE, "content": CONTENT})
    assert result["exact"]["cue"] == {"p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3)}
    assert result["exact"]["source"]["p"] == 0.0          # "mayor" is not "The mayor"
    assert result["exact"]["source"]["r"] == 0.0          # the unsourced gold is not counted


def test_attribution_score_partial_counts_a_pair_sharing_one_token():
    result = _scored({"source": [4, 9], "cue": [10, 14], "content": [40, 63]})
    for role in ("source", "cue", "content"):
        assert result["partial"][role]["p"] == 1.0
    assert result["partial"]["cue"]["r"] == 0.5            # one of two gold attributions
    assert result["partial"]["source"]["r"] == 1.0         # only one gold attribution has a source
    assert result["exact"]["cue"]["f1"] == 0.0


def test_attribution_score_tokens_weigh_by_length():
    result = _scored({"source": SOURCE, "cue": [10, 14], "content": CONTENT})
    # cue: 1 of 1 predicted token is right; 1 of 2 + 1 gold tokens is found
    assert result["tokens"]["cue"]["p"] == 1.0
    assert result["tokens"]["cue"]["r"] == pytest.approx(1 / 3)


def test_attribution_score_a_prediction_without_shared_content_is_unmatched():
    result = _scored({"source": SOURCE, "cue": CUE, "content": [0, 9]})
    assert result["partial"]["source"]["p"] == 0.0
    assert result["exact"]["cue"]["p"] == 0.0

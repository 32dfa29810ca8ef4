"""How bench/train_attribution.py picks a cue model's threshold from cross-validation folds."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_attribution import one_standard_error  # noqa: E402


def test_the_highest_threshold_the_folds_cannot_tell_from_the_best_is_chosen():
    scores = {  # fold by fold: 0.45 is 0.0016 under 0.3 with a paired standard error of 0.0019;
        # 0.6 is 0.01 under on every fold
        0.3: [0.680, 0.700, 0.720, 0.700, 0.700],
        0.45: [0.682, 0.692, 0.722, 0.696, 0.700],
        0.6: [0.670, 0.690, 0.710, 0.690, 0.690],
    }
    assert one_standard_error(scores) == 0.45


def test_a_threshold_worse_on_every_fold_is_not_chosen():
    scores = {0.3: [0.60, 0.70, 0.80, 0.70, 0.70], 0.45: [0.59, 0.69, 0.79, 0.69, 0.69]}
    assert one_standard_error(scores) == 0.3  # the folds differ a lot, the thresholds do not


def test_words_inside_a_gold_content_are_not_examples():
    from bench.train_attribution import _reported_characters

    gold = {"attributions": [{"content": [[10, 20]]}, {"content": [[30, 32], [40, 41]]}]}
    assert _reported_characters(gold) == set(range(10, 20)) | {30, 31, 40}

"""How bench/train_attribution.py picks a cue model's threshold from cross-validation folds."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.train_attribution import one_standard_error  # noqa: E402


def test_the_highest_threshold_the_folds_cannot_tell_from_the_best_is_chosen():
    scores = {  # best 0.3 (mean 0.700, standard error 0.006); 0.45 (0.694) within it
        0.3: [0.68, 0.70, 0.72, 0.70, 0.70],
        0.45: [0.68, 0.69, 0.71, 0.69, 0.70],
        0.6: [0.60, 0.61, 0.62, 0.61, 0.61],
    }
    assert one_standard_error(scores) == 0.45


def test_a_clearly_best_threshold_is_kept():
    scores = {0.3: [0.70, 0.70, 0.71, 0.70, 0.70], 0.45: [0.60, 0.61, 0.60, 0.61, 0.60]}
    assert one_standard_error(scores) == 0.3

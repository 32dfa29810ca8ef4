"""The learned weights files of the attribution models and how they score: one format for all.

A weights file is ``#`` comment lines and ``name<TAB>value`` lines (features, plus reserved names
such as ``__bias__`` and ``__threshold__`` that each model reads for itself); a model is logistic
over present/absent features. Used by ``cue_model`` (verb and stance cues) and ``content_edges``.
"""

from __future__ import annotations

import math


def read_weights(text: str) -> dict[str, float]:
    """Name -> value of a learned weights file (``#`` comments, ``name<TAB>value`` lines), the
    format of every model the attribution stage ships."""
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, value = line.rpartition("\t")
        weights[name] = float(value)
    return weights


def logistic(bias: float, weights: dict[str, float], features: list[str]) -> float:
    """P(yes) of a logistic model over present/absent features."""
    score = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-score))

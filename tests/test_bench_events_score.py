"""The event benchmark's scorer: a sentence mentioning two events pairs through both, as in the gold."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.events import score  # noqa: E402

GOLD = [
    {"id": "d1", "topic": "1", "annotated_sentences": [0, 1],
     "events": [{"instance": "A", "sentence": 0}, {"instance": "B", "sentence": 1}]},
    {"id": "d2", "topic": "1", "annotated_sentences": [0],
     "events": [{"instance": "A", "sentence": 0}, {"instance": "B", "sentence": 0}]},
]


def test_bench_events_a_sentence_in_two_groups_pairs_through_both():
    predictions = [
        {"id": "d1", "claims": [{"sentence": 0, "group": "a"}, {"sentence": 1, "group": "b"}]},
        {"id": "d2", "claims": [{"sentence": 0, "group": "a"}, {"sentence": 0, "group": "b"}]},
    ]
    result = score(predictions, GOLD)
    assert (result["precision"], result["recall"], result["gold_pairs"]) == (1.0, 1.0, 2)


def test_bench_events_one_group_finds_half_and_a_wrong_pair_costs_precision():
    one_group = [
        {"id": "d1", "claims": [{"sentence": 0, "group": "a"}, {"sentence": 1, "group": "a"}]},
        {"id": "d2", "claims": [{"sentence": 0, "group": "b"}]},
    ]
    assert score(one_group, GOLD)["correct_pairs"] == 0
    merged = [
        {"id": "d1", "claims": [{"sentence": 0, "group": "a"}]},
        {"id": "d2", "claims": [{"sentence": 0, "group": "a"}]},
    ]
    result = score(merged, GOLD)
    assert (result["precision"], result["recall"]) == (1.0, 0.5)

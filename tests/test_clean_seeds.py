"""On the real seed articles, cleaning removes every hand-labeled chrome line and keeps every body line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from storytrace.clean import clean_text, split_raw_lines

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_LABELS = json.loads((ROOT / "bench" / "seed_labels.json").read_text(encoding="utf-8"))
SEED_NAMES = sorted(name for name in SEED_LABELS if not name.startswith("_"))

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed articles) is absent")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_clean_seed_matches_hand_labels(name: str) -> None:
    raw = (SHARED / "seeds" / name).read_text(encoding="utf-8")
    lines = split_raw_lines(raw)
    entry = SEED_LABELS[name]
    assert [hashlib.sha1(line.strip().encode()).hexdigest() for line in lines] == entry["line_sha1"]
    result = clean_text(raw)
    removed = {item.line for item in result.removed}
    for number, label in enumerate(entry["labels"]):
        if label == "body":
            assert number not in removed, f"body line {number} removed"
            assert lines[number].strip() in result.text
        elif label == "chrome":
            assert number in removed, f"chrome line {number} kept: {lines[number][:60]}"

"""find_hedges on sentences of the real seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storytrace.hedges import find_hedges

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="shared seed articles not available")


def _sentence_with(needle: str) -> str:
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line):
                if needle in sentence:
                    return sentence
    pytest.fail(f"no seed sentence contains {needle!r}")


@pytest.mark.parametrize(
    "needle, hedge",
    [("purportedly showed", "purportedly"), ("An estimated 18", "an estimated")],
)
def test_hedges_seeds_find(needle: str, hedge: str) -> None:
    assert hedge in find_hedges(_sentence_with(needle))


def test_hedges_seeds_missing_evidence() -> None:
    assert any("evidence" in h for h in find_hedges(_sentence_with("video evidence")))

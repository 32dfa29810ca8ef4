"""Time expressions on the real seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.temporal import find_time_expressions, infer_reference_date

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not available")


def _seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not present")
    return matches[0].read_text(encoding="utf-8")


def _values_of(text: str, reference: str | None) -> dict[str, set[str | None]]:
    values: dict[str, set[str | None]] = {}
    for expression in find_time_expressions(text, reference):
        values.setdefault(expression.text, set()).add(expression.value)
    return values


@pytest.mark.parametrize(
    "prefix, reference, phrase, value",
    [
        ("000", "2024-10-15", "Oct. 14", "2024-10-14"),
        ("003", "2024-10-21", "Oct. 14", "2024-10-14"),
        ("003", "2024-10-21", "Two days later", "2024-10-16"),
        ("003", "2024-10-21", "Oct. 18", "2024-10-18"),
    ],
)
def test_temporal_seed_dates(prefix: str, reference: str, phrase: str, value: str) -> None:
    values = _values_of(_seed_text(prefix), reference)
    assert values.get(phrase) == {value}


def test_temporal_seed_two_days_later_is_narrative() -> None:
    found = find_time_expressions(_seed_text("003"), "2024-10-21")
    later = [e for e in found if e.text == "Two days later"]
    assert later and all(e.anchor == "narrative" for e in later)


def test_temporal_seed_without_date_gives_no_guess() -> None:
    text = _seed_text("001")
    inferred = infer_reference_date(text)
    found = find_time_expressions(text, inferred, reference_inferred=True)
    if inferred is None:
        relative = [e for e in found if e.anchor in ("publication", "narrative")]
        assert relative, "the seed has relative expressions"
        assert all(e.value is None or e.value.startswith("XXXX") for e in relative)
    else:
        assert all(e.inferred for e in found if e.anchor == "publication" and e.value)


def test_temporal_seed_month_day_with_given_reference() -> None:
    values = _values_of(_seed_text("001"), "2024-10-20")
    assert values.get("October 3") == {"2024-10-03"}

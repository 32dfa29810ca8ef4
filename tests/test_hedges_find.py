"""find_hedges / is_hedged: the hedge expressions of a sentence, without month or name false positives."""

from __future__ import annotations

import pytest

from storytrace.hedges import find_hedges, is_hedged


@pytest.mark.parametrize(
    "sentence, hedge",
    [
        ("The convoy was reportedly stopped at the border.", "reportedly"),
        ("The mayor allegedly took the money.", "allegedly"),
        ("A photo purportedly shows the damaged bridge.", "purportedly"),
        ("An estimated 40 boats left the harbor.", "an estimated"),
        ("The group claimed the attack.", "claimed"),
        ("The drone appears to have crashed.", "appears to"),
        ("The crew appeared to abandon the ship.", "appeared to"),
        ("The strike could delay the harvest.", "could"),
        ("Prices may rise next year.", "may"),
        ("The talks might resume.", "might"),
        ("A deal is likely within days.", "likely"),
        ("The virus possibly spread earlier.", "possibly"),
        ("Unconfirmed accounts put the toll at nine.", "unconfirmed"),
        ("The captain is said to be in hiding.", "is said to be"),
        ("The minister is believed to have resigned.", "is believed to"),
        ("No evidence has emerged that the vote was rigged.", "no evidence has emerged"),
        ("No photo or video evidence has emerged of the landing.", "no photo or video evidence has emerged"),
        ("The cause has not been established.", "has not been established"),
        ("The figure could not be independently verified.", "could not be independently verified"),
        ("The account has not been confirmed by the army.", "has not been confirmed"),
        ("Who fired first remains unclear.", "remains unclear"),
    ],
)
def test_hedges_find_expression(sentence: str, hedge: str) -> None:
    assert hedge in find_hedges(sentence)
    assert is_hedged(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge opened in May.",
        "The vote is set for May 3.",
        "May 2025 was the wettest month on record.",
        "Prime Minister Theresa May spoke in Leeds.",
        "The talks ended in early May, officials said.",
        "Lena May, a nurse, said the ward was full.",
        "The army said 12 soldiers were killed.",
        "The council approved the budget on Tuesday.",
    ],
)
def test_hedges_find_nothing_in_firm_sentence(sentence: str) -> None:
    assert find_hedges(sentence) == []
    assert not is_hedged(sentence)


def test_hedges_find_could_counted_once_inside_evidence_pattern() -> None:
    hedges = find_hedges("The claim could not be independently verified.")
    assert hedges == ["could not be independently verified"]


def test_hedges_find_modal_may_next_to_month_may() -> None:
    assert find_hedges("In May, the court may rule on the case.") == ["may"]


def test_hedges_find_in_order_without_repeats() -> None:
    sentence = "The ship reportedly sank and may have drifted; it reportedly carried 20, and may be found."
    assert find_hedges(sentence) == ["reportedly", "may"]


def test_hedges_find_lowercased() -> None:
    assert find_hedges("Reportedly, the plant closed.") == ["reportedly"]

"""Unit cases for storytrace.temporal: extents, TIMEX3 types and TimeML values on hand-written news sentences."""

from __future__ import annotations

import pytest

from storytrace.model import TimeExpression
from storytrace.temporal import event_date_for_span, find_time_expressions, infer_reference_date


def _find(text: str, reference: str | None, phrase: str) -> TimeExpression:
    """The expression whose extent is exactly ``phrase`` (fails the test if absent)."""
    found = find_time_expressions(text, reference)
    for expression in found:
        if expression.text == phrase:
            assert text[expression.start : expression.end] == phrase
            return expression
    raise AssertionError(f"{phrase!r} not found; got {[(e.text, e.value) for e in found]}")


@pytest.mark.parametrize(
    "text, reference, phrase, kind, value",
    [
        ("The ministry confirmed the figures on Oct. 21.", "2024-10-22", "Oct. 21", "DATE", "2024-10-21"),
        ("The vote took place on October 15, 2024, officials said.", "2024-11-02", "October 15, 2024", "DATE", "2024-10-15"),
        ("Talks opened in Geneva on 21 October.", "2024-10-22", "21 October", "DATE", "2024-10-21"),
        ("The decree is dated 2024-10-21.", "2024-10-25", "2024-10-21", "DATE", "2024-10-21"),
        ("Prices peaked in Sept 2023 and fell since.", "2024-10-25", "Sept 2023", "DATE", "2023-09"),
        ("The report was filed in 1998.", "2024-10-25", "1998", "DATE", "1998"),
        ("Growth slowed in the 1990s.", "2024-10-25", "the 1990s", "DATE", "199"),
        ("Profit rose in the third quarter.", "2024-10-25", "the third quarter", "DATE", "2024-Q3"),
        ("Its fiscal 2023 results were weak.", "2024-10-25", "fiscal 2023", "DATE", "2023"),
        ("The ceasefire was broken yesterday.", "2024-10-21", "yesterday", "DATE", "2024-10-20"),
        ("The minister is travelling today.", "2024-10-21", "today", "DATE", "2024-10-21"),
        ("Turnout rose last year.", "2024-10-21", "last year", "DATE", "2023"),
        ("The army will expand this autumn.", "2024-10-21", "this autumn", "DATE", "2024-FA"),
        ("The budget will be voted next month.", "2024-10-21", "next month", "DATE", "2024-11"),
        ("Earlier this year the two countries signed a pact.", "2024-10-21", "Earlier this year", "DATE", "2024"),
        ("Fighting intensified this week.", "2024-10-16", "this week", "DATE", "2024-W42"),
        ("The envoy met the president on Thursday.", "2024-10-21", "Thursday", "DATE", "2024-10-17"),
        ("The envoy will meet the president on Thursday.", "2024-10-21", "Thursday", "DATE", "2024-10-24"),
        ("The rebels struck on Friday night.", "2024-10-21", "Friday night", "TIME", "2024-10-18TNI"),
        ("The convoy left at 10:30 a.m.", "2024-10-21", "10:30 a.m.", "TIME", "2024-10-21T10:30"),
        ("Elections were held in June.", "2024-10-21", "June", "DATE", "2024-06"),
        ("Elections will be held in June.", "2024-10-21", "June", "DATE", "2025-06"),
        ("The plant closed three years ago.", "2024-10-21", "three years ago", "DATE", "2021"),
        ("The siege lasted three years.", "2024-10-21", "three years", "DURATION", "P3Y"),
        ("Fuel ran out in the last twenty four hours.", "2024-10-21", "the last twenty four hours", "DURATION", "P1D"),
        ("Prices rose over the past three months.", "2024-10-21", "the past three months", "DURATION", "P3M"),
        ("It signed a two-year contract.", "2024-10-21", "two-year", "DURATION", "P2Y"),
        ("Inspectors visit every week.", "2024-10-21", "every week", "SET", "P1W"),
        ("The bulletin is published daily.", "2024-10-21", "daily", "SET", "P1D"),
        ("The agency recently changed its rules.", "2024-10-21", "recently", "DATE", "PAST_REF"),
        ("The talks are now stalled.", "2024-10-21", "now", "DATE", "PRESENT_REF"),
        ("Nobody knows what the future holds.", "2024-10-21", "the future", "DATE", "FUTURE_REF"),
        ("Costs have risen in recent years.", "2024-10-21", "recent years", "DATE", "PAST_REF"),
        ("The law was approved by parliament in March.", "2024-10-21", "March", "DATE", "2024-03"),
        ("The deal must close by March.", "2024-10-21", "March", "DATE", "2025-03"),
        ("Snow fell heavily in Dec. last winter.", "2024-10-21", "Dec.", "DATE", "2023-12"),
        ("Shelling resumed at 0630 GMT.", "2024-10-21", "0630 GMT", "TIME", "2024-10-21T06:30"),
        ("Profit rose 5% from a year ago.", "2024-10-21", "a year ago", "DATE", "2023"),
        ("Commandos boarded the ship at 1230 hours.", "2024-10-21", "1230 hours", "TIME", "2024-10-21T12:30"),
        ("The blast came at 2 a.m. Feb. 4, 2009.", "2024-10-21", "2 a.m. Feb. 4, 2009", "TIME", "2009-02-04T02:00"),
        ("Talks resumed every other week.", "2024-10-21", "every other week", "SET", "P2W"),
        ("Revenue fell in Q3 2024.", "2024-10-21", "Q3 2024", "DATE", "2024-Q3"),
        ("The FY2023 accounts were late.", "2024-10-21", "FY2023", "DATE", "2023"),
        ("It lasted a minute and a half.", "2024-10-21", "a minute and a half", "DURATION", "PT1M30S"),
        ("Sales fell last quarter.", "2024-10-21", "last quarter", "DATE", "2024-Q3"),
    ],
)
def test_temporal_type_and_value(text: str, reference: str, phrase: str, kind: str, value: str) -> None:
    expression = _find(text, reference, phrase)
    assert (expression.type, expression.value) == (kind, value)


@pytest.mark.parametrize(
    "text, phrase, expected_extent",
    [
        ("The strike lasted for several days.", "several days", "several days"),  # preposition left out
        ("It was ratified on Oct. 14.", "Oct. 14", "Oct. 14"),
        ("Shares hit a five year low.", "five year", "five year"),  # article left out
        ("Net income rose in the third quarter.", "the third quarter", "the third quarter"),  # determiner kept
        ("Sales fell in the past three months.", "the past three months", "the past three months"),
        ("The plant closed a year ago.", "a year ago", "a year ago"),
    ],
)
def test_temporal_extent_conventions(text: str, phrase: str, expected_extent: str) -> None:
    expression = _find(text, "2024-10-21", phrase)
    assert expression.text == expected_extent


def test_temporal_two_days_later_anchors_on_narrative_date() -> None:
    text = "The soldiers left their posts on Oct. 14. Two days later, they were detained."
    later = _find(text, "2024-10-21", "Two days later")
    assert (later.value, later.anchor, later.precision) == ("2024-10-16", "narrative", "day")


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("He was released the next day.", "the next day"),
        ("A week later, he returned.", "A week later"),
        ("Earlier this year a pact was signed. A unit arrived the following month.", "the following month"),
    ],
)
def test_temporal_narrative_without_anchor_is_not_guessed(text: str, phrase: str) -> None:
    expression = _find(text, "2024-10-21", phrase)
    assert expression.value is None
    assert expression.anchor == "narrative"


def test_temporal_month_in_past_tense_takes_same_year() -> None:
    expression = _find("Protests broke out in June, the agency reported.", "2024-10-21", "June")
    assert (expression.value, expression.precision, expression.anchor) == ("2024-06", "month", "publication")


def test_temporal_early_next_month_has_month_precision() -> None:
    expression = _find("The first deliveries are expected early next month.", "2024-10-21", "early next month")
    assert expression.value == "2024-11"
    assert expression.precision in ("month", "approximate")


def test_temporal_last_week_is_a_week_value() -> None:
    expression = _find("Officials met last week.", "2024-10-21", "last week")
    assert expression.value == "2024-W42"
    assert expression.precision == "week"


def test_temporal_several_days_is_a_duration() -> None:
    expression = _find("They were left without food for several days.", "2024-10-21", "several days")
    assert (expression.type, expression.value, expression.precision) == ("DURATION", "PXD", None)


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("The ceasefire was broken yesterday.", "yesterday", None),
        ("Officials met last week.", "last week", None),
        ("The envoy arrived on Thursday.", "Thursday", None),
        ("The treaty was ratified on Oct. 14.", "Oct. 14", "XXXX-10-14"),
        ("Protests broke out in June.", "June", "XXXX-06"),
        ("It happened on October 15, 2024.", "October 15, 2024", "2024-10-15"),
    ],
)
def test_temporal_no_reference_date_gives_no_guess(text: str, phrase: str, value: str | None) -> None:
    expression = _find(text, None, phrase)
    assert expression.value == value


def test_temporal_inferred_flag_follows_reference() -> None:
    text = "The army struck yesterday. The pact was signed on October 15, 2024."
    found = {e.text: e for e in find_time_expressions(text, "2024-10-21", reference_inferred=True)}
    assert found["yesterday"].inferred is True
    assert found["October 15, 2024"].inferred is False


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pact was signed on June 19, 2024. Troops moved on Oct. 14, 2024. They left yesterday.", "2024-10-14"),
        ("Troops moved on Oct. 14 and left yesterday.", None),  # no year written: nothing to infer from
        ("Prices peaked in Sept 2023.", None),  # month precision is not a full date
        ("No dates here at all.", None),
    ],
)
def test_temporal_infer_reference_date(text: str, expected: str | None) -> None:
    assert infer_reference_date(text) == expected


def test_temporal_event_date_for_span_picks_resolved_date_inside() -> None:
    text = "For several days nothing happened. On Oct. 14 the unit recently deserted. Later they were found."
    found = find_time_expressions(text, "2024-10-21")
    second_sentence = (text.index("On Oct."), text.index("Later"))
    governing = event_date_for_span(found, *second_sentence)
    assert governing is not None and governing.value == "2024-10-14"
    assert event_date_for_span(found, 0, text.index("On Oct.")) is None  # only a duration there


def test_temporal_results_sorted_and_offsets_valid() -> None:
    text = "On Oct. 14 troops moved; two days later, on Thursday, they stopped for three days."
    found = find_time_expressions(text, "2024-10-21")
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(text[e.start : e.end] == e.text for e in found)
    assert [e.text for e in found] == ["Oct. 14", "two days later", "Thursday", "three days"]


@pytest.mark.parametrize(
    "text",
    [
        "You may leave now that the talks are over.",  # "may" is a verb, "now that" a conjunction
        "Supporters will march through the capital.",
        "The index closed at 2082.1 points.",
        "Mr. Smith, 52 years old, will retire.",
        "Leaves fall in the park.",
        "Jan Kowalski said the now-defunct firm hired 2000 workers.",
        "The second half of the match was goalless.",
        "A 36-year-old man was arrested.",
        "Workers earn $250,000 a year.",
    ],
)
def test_temporal_no_false_dates(text: str) -> None:
    assert find_time_expressions(text, "2024-10-21") == []

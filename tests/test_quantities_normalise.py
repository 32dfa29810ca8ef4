"""Quantities: numbers read with their unit and approximation, and what is not a number."""

from __future__ import annotations

import pytest

from storytrace.quantities import find_quantities


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("An estimated 18 miners were missing on Monday.", [(18, "miners", True)]),
        ("Around 40 volunteers joined the search.", [(40, "volunteers", True)]),
        ("The army sent 10,000 soldiers to the border.", [(10000, "soldiers", False)]),
        ("Six officers were injured in the blast.", [(6, "officers", False)]),
        ("Two dozen families left the valley.", [(24, "families", False)]),
        ("The fund reached 1.5 million dollars.", [(1500000, "dollars", False)]),
        ("Two hundred and fifty people signed the letter.", [(250, "people", False)]),
        ("Prices rose 12 percent in a year.", [(12, "percent", False)]),
        ("More than 300 homes lost power.", [(300, "homes", True)]),
        ("They waited for several days without food.", []),
        ("The vote took place on March 3, 2025.", []),
        ("It was the third attempt this year.", []),
        ("Friday's 91-85 loss in Harlow ended the streak.", []),  # a score counts nothing
        ("The council voted 9-4 to close the depot.", []),  # a tally
        ("They drew 2-2 and 18 fans were hurt.", [(18, "fans", False)]),
        ("Activists sent 40, 000 letters.", [(40000, "letters", False)]),  # a space after the comma
        ("Last week 1, 200 volunteers signed.", [(1200, "volunteers", False)]),
        ("On May 1, 300 protesters marched.", [(300, "protesters", False)]),  # a date, then a count
        ("Ages 7, 300 and 12 were named.", [(300, None, False), (12, None, False)]),  # a list, not 7,300
        ("The fund holds $120-billion.", [(120_000_000_000, "USD", False)]),
        ("The firm lost nearly $870 million.", [(870_000_000, "USD", True)]),  # approximator before the symbol
        # a label word next to the number is what it rates, not what it counts
        ("A magnitude 6 quake shook the coast.", [(6, "magnitude", False)]),
        ("A 6.1-magnitude quake shook the coast.", [(6.1, "magnitude", False)]),
        ("Two people died in a 5.8 magnitude quake.", [(2, "people", False), (5.8, "magnitude", False)]),
        ("A Category 4 storm hit the coast.", [(4, "category", False)]),
        ("Three levels of the garage collapsed.", [(3, "levels", False)]),  # counted levels
        # a hyphenated number word is one number; "per cent" is percent
        ("Sixty-five per cent of the traffic was lost.", [(65, "percent", False)]),
        ("About twenty-one people were hurt.", [(21, "people", True)]),
        ("Up to 70 per cent of the wells ran dry.", [(70, "percent", True)]),
    ],
)
def test_quantities_values_units_and_approximation(nlp, sentence, expected):
    found = [(q.value, q.unit, q.approximate) for q in find_quantities(nlp(sentence))]
    assert found == expected


def test_quantities_parenthetical_conversion_is_one_quantity(nlp):
    doc = nlp("The convoy stopped roughly 60 kilometers (almost 40 miles) from the port.")
    [quantity] = find_quantities(doc)
    assert (quantity.value, quantity.unit, quantity.approximate) == (60, "kilometers", True)
    assert quantity.alternate == {"value": 40, "unit": "miles", "text": "almost 40 miles"}
    assert doc.text[quantity.start : quantity.end] == quantity.text == "roughly 60 kilometers"


def test_quantities_currency_symbol(nlp):
    [quantity] = find_quantities(nlp("The council approved $350 billion in aid."))
    assert (quantity.value, quantity.unit) == (350_000_000_000, "USD")

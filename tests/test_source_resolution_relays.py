"""resolve_sources: unnamed sources keep the outlet that first carried them, across one article."""

from __future__ import annotations

import pytest

from conftest import attribution_in
from storytrace.model import Attribution
from storytrace.source_resolution import resolve_sources


def _chain(attribution: Attribution) -> list[str]:
    """The chain's source names, lower case and without a leading "the" (naming is tested elsewhere)."""
    return [link.source.lower().removeprefix("the ") for link in attribution.chain]


REPUBLISHED = (
    "According to Radio Vesna, the ferry never left the harbour. "
    "Radio Vesna's report cited unnamed port officials. "
    "\u201cThe crew refused to sail, the sources said.\u201d The Daily Lantern reported. "
    "A port official told the Daily Lantern that the ferry was inspected. "
    "The Morning Signal reported, citing a port official, that the inspection found no fault."
)


@pytest.fixture(scope="module")
def republished(nlp):
    text = REPUBLISHED
    attributions = {
        "according": attribution_in(text, "Radio Vesna", "the ferry never left the harbour", cue="According to"),
        "cited": attribution_in(text, "Radio Vesna's report", "unnamed port officials", cue="cited"),
        "quoted": attribution_in(text, "the sources", "The crew refused to sail",
                               chain=["the sources", "The Daily Lantern"]),
        "told": attribution_in(text, "A port official", "the ferry was inspected",
                             chain=["A port official", "the Daily Lantern"]),
        "signal": attribution_in(text, "The Morning Signal", "the inspection found no fault", cue="reported",
                               chain=["a port official", "The Morning Signal"]),
    }
    resolve_sources(list(attributions.values()), nlp(text), outlet="example.org")
    return attributions


def test_cited_sources_become_the_origin_of_the_report_just_attributed(republished) -> None:
    # "According to X, ..." then "X's report cited unnamed officials": the claim came from them via X.
    assert _chain(republished["according"]) == ["unnamed port officials", "radio vesna"]
    assert republished["according"].chain[0].source_type == "anonymous"


def test_the_sources_quoted_from_another_outlet_keep_the_outlet_that_first_carried_them(republished) -> None:
    assert republished["quoted"].source == "unnamed port officials"
    assert _chain(republished["quoted"]) == ["unnamed port officials", "radio vesna", "daily lantern"]


def test_an_indefinite_source_carried_by_another_outlet_is_not_given_the_first_carrier(republished) -> None:
    # "a port official" cited by the Morning Signal is not the one who told the Daily Lantern.
    assert _chain(republished["signal"]) == ["a port official", "morning signal"]
    assert _chain(republished["told"]) == ["a port official", "daily lantern"]


def test_cited_content_that_is_a_claim_adds_no_relay(nlp) -> None:
    text = "Radio Vesna cited a survey showing that fares rose. The sources said the port was closed."
    cited = attribution_in(text, "Radio Vesna", "a survey showing that fares rose", cue="cited")
    later = attribution_in(text, "The sources", "the port was closed")
    resolve_sources([cited, later], nlp(text), outlet="example.org")
    assert _chain(later) == ["sources"]

"""Quotations and embedded posts signed after a dash (storytrace.attribution.signed), on hand-written text."""

from __future__ import annotations

import pytest

from test_attribution_constructions import attributions

READER_VOICES = (
    "Residents of Vashmoor told us what the flood took from them.\n\n"
    "“We lost the bakery and the house above it. Nobody came for three days.” ― Elna Ruud\n"
    "“The river was in our kitchen by midnight.”― Tomas Berg\n"
)

EMBEDDED_POST = (
    "The count was disputed within hours.\n\n"
    "The ministry's figure leaves out the northern shafts. That is 40 people. pic.example.org/xk2 "
    "— Ida Marsh (@idamarsh) March 4, 2031\n\n"
    "Officials did not respond."
)


@pytest.mark.parametrize("source, content", [
    ("Elna Ruud", "“We lost the bakery and the house above it. Nobody came for three days.”"),
    ("Tomas Berg", "“The river was in our kitchen by midnight.”"),
])
def test_a_quotation_signed_after_a_dash_is_attributed_to_the_name(nlp, source, content):
    found = [a for a in attributions(nlp, READER_VOICES) if a["source"] == source]
    assert len(found) == 1
    assert found[0]["content"] == [content] and found[0]["cue"] == "―" and found[0]["kind"] == "direct"


def test_an_embedded_post_is_attributed_to_its_author_without_its_link(nlp):
    found = [a for a in attributions(nlp, EMBEDDED_POST) if a["source"] == "Ida Marsh"]
    assert len(found) == 1
    assert found[0]["content"] == ["The ministry's figure leaves out the northern shafts. That is 40 people."]
    assert found[0]["cue"] == "—"


@pytest.mark.parametrize("text", [
    "The bridge — built in 1920 — Reopened on Monday after repairs.",  # a dash inside a sentence, no handle
    "“We are ready.” - the mayor added later.",  # not a name
    "The road was closed – Main Street and Elm Road – for the parade.",
])
def test_dashes_that_sign_nothing_are_no_attribution(nlp, text):
    assert not [a for a in attributions(nlp, text) if a["cue"] in ("-", "–", "—", "―")]

"""resolve_sources: the links a source implies in its chain (a document's issuer, a post's platform)."""

from __future__ import annotations

import pytest

from storytrace.model import Attribution, ChainLink
from storytrace.source_resolution import resolve_sources


def _attribution(text: str, source: str, content: str, chain: list[str] | None = None) -> Attribution:
    start = text.index(source)
    content_start = text.index(content)
    return Attribution(
        content_spans=[(content_start, content_start + len(content))],
        source_span=(start, start + len(source)),
        chain=[ChainLink(source=link, source_type="unknown") for link in chain or []],
    )


def _resolved(nlp, text: str, mentions: list[tuple[str, str]]) -> list[Attribution]:
    attributions = [_attribution(text, source, content) for source, content in mentions]
    resolve_sources(attributions, nlp(text), outlet="harbortimes.example")
    return attributions


def _chain(attribution: Attribution) -> list[tuple[str, str]]:
    return [(link.source, link.source_type) for link in attribution.chain]


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        (
            "A Ministry of Transport report released on Monday says the bridge was unsafe. "
            "The report said repairs were late.",
            [("A Ministry of Transport report released on Monday", "the bridge was unsafe"),
             ("The report", "repairs were late")],
            [("Ministry of Transport report", "document", [("Ministry of Transport", "government"),
                                                           ("Ministry of Transport report", "document")])] * 2,
        ),
        (
            "A police report said the driver had been speeding.",
            [("A police report", "the driver had been speeding")],
            [("police report", "document", [("police", "government"), ("police report", "document")])],
        ),
        (
            "A statement from the Ministry of Transport said the bridge would reopen. "
            "The statement did not say when.",
            [("A statement from the Ministry of Transport", "the bridge would reopen"),
             ("The statement", "when")],
            [("Ministry of Transport", "government", [("Ministry of Transport", "government")])] * 2,
        ),
        (
            "A video shared on Chirpline on Tuesday shows the bridge shaking.",
            [("A video shared on Chirpline on Tuesday", "the bridge shaking")],
            [("video shared on Chirpline", "social_media", [("video shared on Chirpline", "social_media"),
                                                            ("Chirpline", "social_media")])],
        ),
        (
            "A video posted on Monday shows the bridge shaking.",
            [("A video posted on Monday", "the bridge shaking")],
            [("video", "social_media", [("video", "social_media")])],
        ),
    ],
    ids=["ministry-report", "police-report", "statement-is-its-author", "video-on-platform", "day-is-no-platform"],
)
def test_source_resolution_implied_links(nlp, text, mentions, expected) -> None:
    attributions = _resolved(nlp, text, mentions)
    assert [(a.source, a.source_type, _chain(a)) for a in attributions] == expected


def test_source_resolution_possessive_document_is_not_repeated_as_relay(nlp) -> None:
    """ "The ministry's report" comes with the relay "The ministry" from attribution: the issuer
    stands once, before the report."""
    text = "The ministry's report said the bridge was unsafe."
    attribution = _attribution(text, "The ministry's report", "the bridge was unsafe",
                               chain=["The ministry's report", "The ministry"])
    resolve_sources([attribution], nlp(text))
    assert _chain(attribution) == [("ministry", "government"), ("ministry report", "document")]


def test_source_resolution_same_source_twice_in_a_row_is_one_link(nlp) -> None:
    text = "Tomas Lind said on Monday that the budget was balanced."
    attribution = _attribution(text, "Tomas Lind", "the budget was balanced", chain=["Tomas Lind", "Tomas Lind"])
    resolve_sources([attribution], nlp(text))
    assert _chain(attribution) == [("Tomas Lind", "person")]


def test_source_resolution_pronoun_after_document_is_the_document(nlp) -> None:
    text = ("A Ministry of Transport report released on Monday says the bridge was unsafe. "
            "It also said repairs were late.")
    attributions = _resolved(nlp, text, [("A Ministry of Transport report released on Monday", "the bridge was unsafe"),
                                         ("It", "repairs were late")])
    assert attributions[1].source == "Ministry of Transport report"


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        (
            "The Velmora Academy of Sciences said the survey was flawed. The academy said it would publish a new one.",
            [("The Velmora Academy of Sciences", "the survey was flawed"), ("The academy", "it would publish a new one")],
            ["Velmora Academy of Sciences", "Velmora Academy of Sciences"],
        ),
        (
            "A study by the Securities and Exchange Commission found the fees were too high.",
            [("A study by the Securities and Exchange Commission", "the fees were too high")],
            ["Securities and Exchange Commission study"],
        ),
    ],
    ids=["description-by-name-head", "issuer-is-the-whole-entity"],
)
def test_source_resolution_named_bodies(nlp, text, mentions, expected) -> None:
    assert [a.source for a in _resolved(nlp, text, mentions)] == expected

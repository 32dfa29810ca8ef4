"""Adjective and noun cues (attribution.stance) and their learned model, on written sentences."""

from __future__ import annotations

import pytest

from storytrace.attribution import find_attributions
from storytrace.attribution.cue_model import CueModel, default_stance_model
from storytrace.attribution.quotes import find_quotations
from storytrace.attribution.spans import QuoteLookup
from storytrace.attribution.stance import stance_candidate, stance_features

NOTHING = CueModel({}, 0.0, 2.0)  # a stance model that accepts no candidate


def candidates(nlp, text):
    """(frame, cue, source, content) of every stance candidate of ``text``."""
    doc = nlp(text)
    quotes = QuoteLookup(find_quotations(text), text)
    found = []
    for token in doc:
        candidate = stance_candidate(doc, token, quotes)
        if candidate is not None:
            source = text[slice(*candidate.source)] if candidate.source else None
            found.append((candidate.frame, text[slice(*candidate.cue)], source,
                          [text[a:b] for a, b in candidate.content]))
    return found


def triples(nlp, text, stance_model=None):
    doc = nlp(text)
    return [(a.cue, a.source, [text[s:e] for s, e in a.content_spans])
            for a in find_attributions(doc, stance_model=stance_model)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Republicans have been critical of the senator's use of private email.",
         ("adjective|prep:of", "have been critical of", "Republicans",
          ["the senator's use of private email"])),
        ("The mayor is confident that the budget will pass.",
         ("adjective|clause", "is confident", "The mayor", ["that the budget will pass"])),
        ("The senator's criticism of the trade deal drew applause.",
         ("noun|prep:of", "criticism of", "The senator", ["the trade deal"])),
        ("The union's decision to strike surprised the company.",
         ("noun|to", "decision", "The union", ["to strike"])),  # the infinitive keeps its "to"
        ("The governor was eager to sign the bill before the session ended.",
         ("adjective|to", "was eager", "The governor", ["to sign the bill before the session ended"])),
        ("The governor voiced strong support for the new bridge.",
         ("object|prep:for", "voiced strong support for", "The governor", ["the new bridge"])),
    ],
)
def test_attribution_stance_candidates(nlp, text, expected):
    assert expected in candidates(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The gap is so vast that it is almost laughable.",  # a result clause, not a stance
        "The road to the village is long.",  # no complement with a source
        "A criticism of the plan appeared in print.",  # a noun with no owner and no verb
    ],
)
def test_attribution_stance_no_candidate(nlp, text):
    assert candidates(nlp, text) == []


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Republicans have been critical of the senator's use of private email.",
         ("have been critical of", "Republicans", ["the senator's use of private email"])),
        ("The senator's criticism of the trade deal drew applause.",
         ("criticism of", "The senator", ["the trade deal"])),
        ("Many voters are worried about rising prices.",
         ("are worried about", "Many voters", ["rising prices"])),
    ],
)
def test_attribution_stance_model_decides(nlp, text, triple):
    assert triple in triples(nlp, text)
    assert triple not in triples(nlp, text, stance_model=NOTHING)


def test_attribution_stance_model_rejects_plain_nouns(nlp):
    text = "The senator's use of private email drew criticism."
    doc = nlp(text)
    quotes = QuoteLookup(find_quotations(text), text)
    use = next(t for t in doc if t.text == "use")
    candidate = stance_candidate(doc, use, quotes)
    assert candidate is not None
    assert not default_stance_model().accepts(stance_features(use, candidate, text))


def test_attribution_stance_model_shipped_is_small():
    model = default_stance_model()
    assert 0 < model.threshold < 1
    assert 100 < len(model.weights) < 10000
    assert model.weights["lemma=criticism"] > 0 > model.weights.get("lemma=use", -1)

"""The learned content-edge decision: where a verb-cued content ends at a comma, dash, semicolon."""

from __future__ import annotations

from unittest import mock

import pytest

from storytrace.attribution import content_edges, find_attributions
from storytrace.attribution.content_edges import EdgeModel, default_edge_model, parse_edge_weights


def contents(nlp, text, model="shipped"):
    """The content texts found in ``text``, with ``model`` for the edges (None: rules only)."""
    if model == "shipped":
        found = find_attributions(nlp(text))
    else:
        with mock.patch.object(content_edges, "default_edge_model", lambda: model):
            found = find_attributions(nlp(text))
    return [[text[a:b] for a, b in attribution.content_spans] for attribution in found]


def test_attribution_content_edges_parses_weights():
    model = parse_edge_weights("# a comment\n__bias__\t0.5\n__threshold__\t0.4\n"
                               "__extend_threshold__\t0.9\nnext=which\t2.0\nplace=end\t-1.0\n")
    assert model.bias == 0.5 and model.weights == {"next=which": 2.0, "place=end": -1.0}
    assert model.continues("inside", ["place=inside"])  # P = 0.62 >= 0.4
    assert not model.continues("end", ["place=end"])  # P = 0.38 < 0.9
    # the same P = 0.82 continues inside the rule's range, not past its end
    assert model.continues("inside", ["place=end", "next=which"])
    assert not model.continues("end", ["place=end", "next=which"])


def test_attribution_content_edges_cut_and_extend(nlp):
    text = "The mayor said the road would reopen on Monday, the county announced nothing."
    cut_everything = EdgeModel({}, -5.0, 0.5, 0.5)  # P(continue) ~ 0: stop at the first mark
    extend_everything = EdgeModel({}, 5.0, 0.5, 0.5)  # P(continue) ~ 1: go to the sentence end
    rules = contents(nlp, text, None)
    assert ["the road would reopen on Monday"] in rules
    assert ["the road would reopen on Monday"] in contents(nlp, text, cut_everything)
    assert ["the road would reopen on Monday, the county announced nothing"] in contents(
        nlp, text, extend_everything)


def test_attribution_content_edges_cuts_inside_the_rule_range(nlp):
    text = "The governor said he would veto the bill, a charge that his rivals denied."
    assert ["he would veto the bill, a charge that his rivals denied"] in contents(nlp, text, None)
    assert ["he would veto the bill"] in contents(nlp, text, EdgeModel({}, -5.0, 0.5, 0.5))


def test_attribution_content_edges_shipped_model(nlp):
    model = default_edge_model()
    assert model is not None and len(model.weights) < 5000
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.extend_threshold <= 1.01
    # PolNeAR stops the content before ", a charge that X denied" (the parse keeps it)
    text = "The governor said he would veto the bill, a charge that his rivals denied."
    assert ["he would veto the bill"] in contents(nlp, text)


def test_attribution_content_edges_leave_quotations_and_content_before_the_cue(nlp):
    cut_everything = EdgeModel({}, -5.0, 0.5, 0.5)
    text = 'The mayor said "the road, the bridge and the tunnel are closed."'
    assert contents(nlp, text, cut_everything) == contents(nlp, text, None)
    text = "The road, the mayor said, is closed."
    assert contents(nlp, text, cut_everything) == contents(nlp, text, None)


@pytest.mark.parametrize("mark", [",", ";", " —"])
def test_attribution_content_edges_decision_points(nlp, mark):
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup

    text = f"The mayor said the road would reopen{mark} the bridge is closed."
    doc = nlp(text)
    verb = doc[2]
    quotes = QuoteLookup(find_quotations(text), text)
    points, limit = content_edges.decision_points(doc, 3, len(doc), verb, "ccomp", quotes)
    assert [doc[i].text for i, _, _ in points] == [mark.strip()]
    assert points[0][1] == "inside" and "place=inside" in points[0][2]
    assert doc[limit - 1].text == "closed"
    assert content_edges.decision_points(doc, 3, len(doc), verb, "interrupted", quotes)[0] == []


def test_attribution_content_edges_never_stop_before_the_content_head(nlp):
    """A reported clause does not end before its own verb: the comma after "in addition" is no
    decision point, the one after "leak" is."""
    text = "The mayor said that in addition, the crew found a leak, and the pumps were stopped."
    cut_everything = EdgeModel({}, -5.0, 0.5, 0.5)
    assert ["that in addition, the crew found a leak"] in contents(nlp, text, cut_everything)

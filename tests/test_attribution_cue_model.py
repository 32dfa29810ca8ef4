"""The learned verb-cue model and the content conventions that came with it, on written text."""

from __future__ import annotations

import pytest

from storytrace.attribution import find_attributions
from storytrace.attribution.cue_model import default_cue_model, parse_weights
from storytrace.attribution.quotes import find_quotations


def found(nlp, text):
    return [(a.cue, a.source, [text[s:e] for s, e in a.content_spans])
            for a in find_attributions(nlp(text))]


def test_attribution_cue_model_parses_weights():
    model = parse_weights("# a comment\n__bias__\t-1.0\n__threshold__\t0.6\n"
                          "__min_lemma_evidence__\t-0.5\nlemma=say\t3.0\nlemma=reach\t-1.0\n"
                          "lemma_frame=say|ccomp\t0.5\nframe=ccomp\t0.5\ndep=ROOT\t4.0\n")
    assert model.knows("say") and not model.knows("walk")
    assert model.threshold == 0.6 and model.min_lemma_evidence == -0.5
    assert model.accepts(["lemma=say", "lemma_frame=say|ccomp", "frame=ccomp"])
    assert model.accepts(["lemma=say", "lemma_frame=say|ccomp", "a feature without weight"])
    assert not model.accepts(["lemma=walk", "lemma_frame=walk|ccomp", "frame=ccomp"])
    # generic features alone do not make a verb with evidence against it a cue
    assert model.probability(["lemma=reach", "lemma_frame=reach|dobj", "dep=ROOT"]) > 0.6
    assert not model.knows("reach")
    assert not model.accepts(["lemma=reach", "lemma_frame=reach|dobj", "dep=ROOT"])


def test_attribution_cue_model_shipped_is_small_and_knows_speech_verbs():
    model = default_cue_model()
    assert 0.0 < model.threshold < 1.0
    assert all(model.knows(lemma) for lemma in ("say", "tell", "think", "want", "support"))
    assert len(model.weights) < 20000


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("The mayor believes that the bridge is safe.", "believes", "The mayor",
         ["that the bridge is safe"]),
        ("The senator wants the bill to pass before the summer.", "wants", "The senator",
         ["the bill to pass before the summer"]),
        ("The governor hopes that the storm will pass quickly.", "hopes", "The governor",
         ["that the storm will pass quickly"]),
        ("The union supports the new contract.", "supports", "The union", ["the new contract"]),
        ("The opposition called for new elections.", "called for", "The opposition",
         ["new elections"]),
    ],
)
def test_attribution_cue_model_stance_verbs(nlp, text, cue, source, content):
    assert (cue, source, content) in found(nlp, text)


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        # the cue interrupts the reported clause: both sides are content
        ("The plan, the minister said, is dead.", "said", "the minister", ["The plan", "is dead"]),
        # raising and passive verbs: the subject is content, there is no source
        ("The figures seem to show a rise in prices.", "seem", None,
         ["The figures", "to show a rise in prices"]),
        ("The road is expected to reopen on Monday.", "is expected", None,
         ["The road", "to reopen on Monday"]),
        # a participle clause on its source: the clause is content, the noun the source
        ("Officials saying that the plan had failed were ignored.", "saying", "Officials",
         ["that the plan had failed"]),
        # circumstances of the saying are not content
        ("The senator praised the mayor during a debate.", "praised", "The senator", ["the mayor"]),
        # doubled apostrophes are quotation marks, and the quotation resumes after the cue
        ("''We are ready,'' the mayor said. ''The water is safe.''", "said", "the mayor",
         ["''We are ready,''", "''The water is safe.''"]),
        # a title quoted in the cue's sentence does not stop the quotation resuming after it
        ('"It is wrong," Hal Berg said on the "Morning Desk." "We will not give in."', "said",
         "Hal Berg", ['"It is wrong,"', '"We will not give in."']),
    ],
)
def test_attribution_cue_model_content_conventions(nlp, text, cue, source, content):
    assert (cue, source, content) in found(nlp, text)


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("''It is late,'' she said.", ["''It is late,''"]),
        ("He called it ''a disgrace'' and left.", ["''a disgrace''"]),
        ("The '90s were loud; rock 'n' roll.", []),
    ],
)
def test_attribution_quotes_doubled_apostrophes(text, quoted):
    assert [text[a:b] for q in find_quotations(text) for a, b in q.parts] == quoted


@pytest.mark.parametrize(
    "text, source, content",
    [
        # of two subjects the parse gives the cue, the one next to it is the source
        ("“Like Denver. Or Boston,” Smith said.", "Smith", ["“Like Denver. Or Boston,”"]),
        # a date is never the content; a passive cue's patient is
        ("The plan was first reported on Monday by the Daily Star.", "the Daily Star",
         ["The plan"]),
        # a predicate with no object: a raising verb's subject and predicate are content
        ("The new government seems ready to sign the treaty.", None,
         ["The new government", "ready to sign the treaty"]),
        # a relative clause the parse hung on the cue as a second complement stays in the content
        ("Moreno on Tuesday said he wants to repeal four clauses in the land code that address "
         "how mining losses are deducted.", "Moreno",
         ["he wants to repeal four clauses in the land code that address how mining losses are "
          "deducted"]),
    ],
)
def test_attribution_verb_content_repairs(nlp, text, source, content):
    assert (source, content) in [(s, c) for _, s, c in found(nlp, text)]

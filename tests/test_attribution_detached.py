"""Subjectless cues with a detached source, hearers of verbs of telling, governing verbs in cues,
an object's aside closed on the cue verb: hand-written sentences (and parses) of the shapes met
in real articles and in PolNeAR."""

from __future__ import annotations

import pytest

from storytrace.attribution import find_attributions


def found(nlp, text):
    """(source, cue, content texts) of every attribution in ``text``."""
    return [(a.source, a.cue, [text[s:e] for s, e in a.content_spans])
            for a in find_attributions(nlp(text))]


@pytest.mark.parametrize("text, source, cue, content", [
    # the parse makes the source an appositive of "Harbour" and "told" a subjectless clause
    ("Coastal guards seized 40 fishing boats in Larch Harbour, a naval intelligence source told "
     "the Evening Mirror on Nov. 3.", "a naval intelligence source", "told",
     "Coastal guards seized 40 fishing boats in Larch Harbour"),
    ("Flood water closed the main road near Ashford, a fire brigade spokesman told the Morning "
     "Courier on Tuesday.", "a fire brigade spokesman", "told",
     "Flood water closed the main road near Ashford"),
    ("The plant will cut 200 jobs by March, a company spokeswoman said on Monday.",
     "a company spokeswoman", "said", "The plant will cut 200 jobs by March"),
])
def test_source_after_the_clause_and_a_comma(nlp, text, source, cue, content):
    result = found(nlp, text)
    assert (source, cue, [content]) in result, result


def test_hearer_is_not_content(nlp):
    text = "“The bridge stays shut until spring,” the engineer told reporters."
    result = found(nlp, text)
    assert ("the engineer", "told", ["“The bridge stays shut until spring,”"]) in result, result
    assert not any("reporters" in " ".join(content) for _, _, content in result)


def test_hearer_before_an_infinitive_is_not_content(nlp):
    result = found(nlp, "The coach told the players to rest before the final.")
    assert ("The coach", "told", ["to rest before the final"]) in result, result


def test_what_is_told_stays_content(nlp):
    result = found(nlp, "The old fisherman told a story about the great storm of 1953.")
    assert any(content == ["a story about the great storm of 1953"] for _, _, content in result), \
        result


def test_governing_verb_of_an_infinitive_of_purpose_joins_the_cue(nlp):
    result = found(nlp, "The mayor will come on the radio show to talk about the new tram line.")
    assert any(cue == "will come on the radio show to talk about" for _, cue, _ in result), result


def test_clause_before_a_cue_parsed_as_a_conjunct(nlp):
    text = ("Engineers are checking whether the old pumping station kept running during the storm "
            "despite several alarms about rising water, a person close to the inquiry told the "
            "Harbour Gazette.")
    result = found(nlp, text)
    assert ("a person close to the inquiry", "told",
            ["Engineers are checking whether the old pumping station kept running during the storm "
             "despite several alarms about rising water"]) in result, result


def test_as_clause_attributes_the_main_clause(nlp):
    result = found(nlp, "As the harbour master said, the ferry will not sail before Friday.")
    assert ("the harbour master", "said", ["the ferry will not sail before Friday"]) in result, \
        result


def test_object_of_a_light_verb_joins_the_cue(nlp):
    result = found(nlp, "Local farmers have expressed concern about the new water charges.")
    assert ("Local farmers", "have expressed concern about", ["the new water charges"]) in result, \
        result



def _parsed(nlp, rows):
    """A Doc with a given parse: rows of (word, space after, head index, dep, pos, tag)."""
    from spacy.tokens import Doc

    words, spaces, heads, deps, pos, tags = (list(column) for column in zip(*rows))
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags)


# "Larsen was stopped near Ashford, the highway patrol said." as the parser sometimes reads it: the
# patrol an appositive of "Ashford", the clause the complement of "said" (seen in ECB+ articles).
HUNG_ON_THE_CLAUSE = [
    ("Larsen", True, 2, "nsubjpass", "PROPN", "NNP"), ("was", True, 2, "auxpass", "AUX", "VBD"),
    ("stopped", True, 9, "ccomp", "VERB", "VBN"), ("near", True, 2, "prep", "ADP", "IN"),
    ("Ashford", False, 3, "pobj", "PROPN", "NNP"), (",", True, 4, "punct", "PUNCT", ","),
    ("the", True, 8, "det", "DET", "DT"), ("highway", True, 8, "compound", "NOUN", "NN"),
    ("patrol", True, 4, "appos", "NOUN", "NN"), ("said", False, 9, "ROOT", "VERB", "VBD"),
    (".", False, 9, "punct", "PUNCT", "."),
]
# '"Larsen was stopped near Ashford," the highway patrol said.': the closing mark hangs on the clause.
HUNG_AFTER_A_QUOTATION = [
    ('"', False, 3, "punct", "PUNCT", "``"),
    ("Larsen", True, 3, "nsubjpass", "PROPN", "NNP"), ("was", True, 3, "auxpass", "AUX", "VBD"),
    ("stopped", True, 11, "ccomp", "VERB", "VBN"), ("near", True, 3, "prep", "ADP", "IN"),
    ("Ashford", False, 4, "pobj", "PROPN", "NNP"), (",", False, 5, "punct", "PUNCT", ","),
    ('"', True, 5, "punct", "PUNCT", "''"),
    ("the", True, 10, "det", "DET", "DT"), ("highway", True, 10, "compound", "NOUN", "NN"),
    ("patrol", True, 5, "appos", "NOUN", "NN"), ("said", False, 11, "ROOT", "VERB", "VBD"),
    (".", False, 11, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("rows", [HUNG_ON_THE_CLAUSE, HUNG_AFTER_A_QUOTATION])
def test_source_hung_on_the_reported_clause(nlp, rows):
    """The source the parse hung on the reported clause's last noun is the source; the clause
    without it is the content."""
    from storytrace.attribution.quotes import find_quotations
    from storytrace.attribution.spans import QuoteLookup
    from storytrace.attribution.speech import verb_attribution

    doc = _parsed(nlp, rows)
    verb = next(t for t in doc if t.text == "said")
    candidate = verb_attribution(doc, verb, QuoteLookup(find_quotations(doc.text), doc.text))
    content = " ".join(doc.text[a:b] for a, b in candidate.content)
    assert doc.text[slice(*candidate.source)] == "the highway patrol"
    assert "Larsen was stopped near Ashford" in content and "patrol" not in content


# "The ministry reported the arrival of engineers, including bridge builders, to the valley." as
# the parser reads such sentences in real articles: the comma closing the aside and "to the
# valley" hang on "reported", so the object's subtree ends before that comma.
ASIDE_CLOSED_ON_THE_VERB = [
    ("The", True, 1, "det", "DET", "DT"), ("ministry", True, 2, "nsubj", "NOUN", "NN"),
    ("reported", True, 2, "ROOT", "VERB", "VBD"), ("the", True, 4, "det", "DET", "DT"),
    ("arrival", True, 2, "dobj", "NOUN", "NN"), ("of", True, 4, "prep", "ADP", "IN"),
    ("engineers", False, 5, "pobj", "NOUN", "NNS"), (",", True, 6, "punct", "PUNCT", ","),
    ("including", True, 6, "prep", "VERB", "VBG"), ("bridge", True, 10, "compound", "NOUN", "NN"),
    ("builders", False, 8, "pobj", "NOUN", "NNS"), (",", True, 2, "punct", "PUNCT", ","),
    ("to", True, 2, "prep", "ADP", "IN"), ("the", True, 14, "det", "DET", "DT"),
    ("valley", False, 12, "pobj", "NOUN", "NN"), (".", False, 2, "punct", "PUNCT", "."),
]
# "The mayor praised the volunteers, the police, for their work.": a list, not an aside.
LIST_BEFORE_THE_COMMA = [
    ("The", True, 1, "det", "DET", "DT"), ("mayor", True, 2, "nsubj", "NOUN", "NN"),
    ("praised", True, 2, "ROOT", "VERB", "VBD"), ("the", True, 4, "det", "DET", "DT"),
    ("volunteers", False, 2, "dobj", "NOUN", "NNS"), (",", True, 4, "punct", "PUNCT", ","),
    ("the", True, 7, "det", "DET", "DT"), ("police", False, 4, "conj", "NOUN", "NN"),
    (",", True, 2, "punct", "PUNCT", ","), ("for", True, 2, "prep", "ADP", "IN"),
    ("their", True, 11, "poss", "PRON", "PRP$"), ("work", False, 9, "pobj", "NOUN", "NN"),
    (".", False, 2, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("rows, verb, content", [
    (ASIDE_CLOSED_ON_THE_VERB, "reported",
     "the arrival of engineers, including bridge builders, to the valley"),
    (LIST_BEFORE_THE_COMMA, "praised", "the volunteers, the police"),
])
def test_object_goes_on_past_the_comma_closing_its_aside(nlp, rows, verb, content):
    """The verb's complement after the comma that closes an aside of its object is content
    ("to the valley"); after a list it is not taken (the list's comma closes no aside)."""
    from storytrace.attribution.speech import _content_range

    doc = _parsed(nlp, rows)
    (start, end), _, rule = _content_range(next(t for t in doc if t.text == verb), set())
    assert (rule, doc[start:end].text) == ("dobj", content)


def test_an_expletive_is_not_a_source(nlp):
    """ "there" in "there goes ..." after a comma is no speaker hung on the clause before it."""
    text = '"We thank the mayor, our neighbours and, oh dear, there goes the brass band."'
    assert not any(source == "there" for source, _, _ in found(nlp, text)), found(nlp, text)

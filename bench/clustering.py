"""Story clustering benchmark on ECB+: B-cubed precision, recall and F1 against the gold subtopic.

``predict`` streams the documents in id order (opaque hashes) through ``StoryClusterer.add`` without
being told how many stories there are; ``score`` computes B-cubed over documents, with each
document's gold cluster being its ECB+ ``subtopic`` (one real-world event).

``python bench/clustering.py stem-frequencies DATA_DIR OUT.txt`` writes the reference table of word
stem document frequencies that ``StoryClusterer`` ships (``src/storytrace/data/story_stem_frequencies.txt``
is made from ecbplus-train): counts only, stems found in at least ``min_documents`` documents.

``python bench/clustering.py orders DATA_DIR --orders N`` scores the id order and N seeded shuffles of it:
the clusterer is incremental, so its result may depend on arrival order.

``python bench/clustering.py cost DATA_DIR`` times the add (CPU ms) of the clusterer alone and with
regrouping.

``python bench/clustering.py regroup DATA_DIR`` chooses ``storytrace.story_regroup``'s thresholds on
held-out topic folds of a (train) split: for each fold the report model and the trigger tables are
learned without the fold's topics (the report model is fitted on the same ECB+ train documents, so
scoring it there in-sample would favour splitting), and the fold's documents are clustered as a
stream with each grid setting; B-cubed and the story events' pair scores are pooled over the folds.
The shipped setting has the best events F1 among the settings whose B-cubed F1 is within 0.005 of
the best.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ecb_articles import ecb_articles  # noqa: E402
from storytrace.stories import ReferenceFrequencies, StoryClusterer, StorySettings, cluster_articles  # noqa: E402
from storytrace.story_regroup import RegroupSettings, stream_stories  # noqa: E402


def predict(docs: list[dict], settings: StorySettings | None = None, seed: int | None = None,
            regrouping: RegroupSettings | None = None) -> list[dict]:
    """One ``{"id", "cluster"}`` per document, clustering in id order (shuffled by ``seed`` if given) as a
    stream, regrouping after each add as the product does."""
    articles = sorted(ecb_articles(docs), key=lambda a: a.id)
    if seed is not None:
        random.Random(seed).shuffle(articles)
    clusterer = stream_stories(articles, settings, regrouping)
    return [{"id": doc["id"], "cluster": clusterer.story_of(doc["id"])} for doc in docs]


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed P/R/F1 of a predicted clustering against a gold one (both id -> cluster label)."""
    ids = [i for i in gold if i in predicted]
    pred_sizes = Counter(predicted[i] for i in ids)
    gold_sizes = Counter(gold[i] for i in ids)
    both = Counter((predicted[i], gold[i]) for i in ids)
    precision = sum(both[(predicted[i], gold[i])] / pred_sizes[predicted[i]] for i in ids) / len(ids)
    recall = sum(both[(predicted[i], gold[i])] / gold_sizes[gold[i]] for i in ids) / len(ids)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score(predictions: list[dict], gold: list[dict]) -> dict:
    predicted = {p["id"]: str(p["cluster"]) for p in predictions}
    gold_clusters = {g["id"]: g["subtopic"] for g in gold}
    scores = bcubed(predicted, gold_clusters)
    scores["documents"] = len(gold_clusters)
    scores["predicted_clusters"] = len(set(predicted.values()))
    scores["gold_clusters"] = len(set(gold_clusters.values()))
    return scores


def format_scores(scores: dict) -> str:
    return "\n".join(
        [
            "metric (B-cubed vs subtopic)   value",
            f"precision                      {scores['precision']:.3f}",
            f"recall                         {scores['recall']:.3f}",
            f"F1                             {scores['f1']:.3f}",
            f"documents                      {scores['documents']}",
            f"clusters predicted / gold      {scores['predicted_clusters']} / {scores['gold_clusters']}",
        ]
    )


def stem_frequencies(docs: list[dict], min_documents: int = 2) -> ReferenceFrequencies:
    """Document frequency of each word stem the clusterer extracts, over ``docs`` (rare stems dropped)."""
    clusterer = StoryClusterer(StorySettings(reference_weight=0))
    counts: Counter[str] = Counter()
    for article in ecb_articles(docs):
        counts.update({f[2:] for f in clusterer.article_features(article) if f.startswith("w:")})
    kept = {stem: n for stem, n in counts.items() if n >= min_documents}
    return ReferenceFrequencies(len(docs), kept)


TABLE_HEADER = """\
# Document frequencies of word stems, the stable part of the story clusterer's IDF (storytrace.stories).
# Format: a "*documents N" line (the size of the reference corpus), then "stem count" lines: the number
# of documents whose title or text contains the stem (textvec.content_stems), for stems found in at
# least 2 documents, most frequent first. Counts only: no text of the corpus is kept.
# Source: ECB+ train split (topics as in Cybulska & Vossen 2015; {documents} news articles), by
# `python bench/clustering.py stem-frequencies ../shared/data/ecbplus-train src/storytrace/data/story_stem_frequencies.txt`.
# ECB+ (Cybulska & Vossen, LREC 2014) is licensed CC BY 3.0; annotation copyright Agata Cybulska,
# Piek Vossen and VU University Amsterdam. Regenerate this file when textvec.stem changes.
"""


def write_table(table: ReferenceFrequencies, path: Path) -> None:
    lines = [TABLE_HEADER.format(documents=table.documents), f"*documents {table.documents}"]
    lines += [f"{stem} {n}" for stem, n in sorted(table.counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def order_scores(docs: list[dict], gold: list[dict], orders: int) -> list[tuple[str, dict]]:
    """B-cubed scores of the id order and of ``orders`` seeded shuffles (labelled ``id``, ``seed 0``, ...)."""
    runs = [("id", None)] + [(f"seed {seed}", seed) for seed in range(orders)]
    return [(label, score(predict(docs, seed=seed), gold)) for label, seed in runs]


def held_out_regroup_scores(
    data_dir: Path, grid: list[RegroupSettings], folds: int = 4
) -> list[tuple[RegroupSettings, dict, dict]]:
    """(setting, story B-cubed scores, story event pair scores) of each regrouping setting on held-out
    topic folds (see the module docstring), pooled over the folds."""
    from dataclasses import replace

    from bench.events import _common_words, _Gold, _summed, _tables, event_claims, fit_report_model, report_rows
    from bench.events import score as event_score
    from bench.events import trigger_counts
    from storytrace.story_events import StoryEventSettings

    data = _Gold(data_dir)
    per_topic = trigger_counts(data.docs, data.gold)
    rows = report_rows(data, per_topic)
    topics = sorted(data.topics())
    pooled: list[list[dict]] = [[] for _ in grid]
    events: list[list[dict]] = [[] for _ in grid]
    for fold in range(folds):
        held = set(topics[fold::folds])
        counts = _summed(per_topic, leave_out=held)
        tables, common = _tables(counts), frozenset(_common_words(counts))
        weights, bias = fit_report_model([r for r in rows if r["topic"] not in held])
        event_settings = StoryEventSettings(report_weights=weights, report_bias=bias)
        articles = sorted((a for i, a in data.articles.items() if data.topic[i] in held), key=lambda a: a.id)
        for n, regrouping in enumerate(grid):
            fitted = replace(regrouping, report_weights=weights, report_bias=bias)
            clusterer = stream_stories(articles, regrouping=fitted, tables=tables)
            pooled[n].extend({"id": a.id, "cluster": f"{fold}-{clusterer.story_of(a.id)}"} for a in articles)
            claims = event_claims(clusterer.stories(), data.articles, event_settings, tables, common, prefix=f"{fold}-")
            events[n].extend({"id": a.id, "claims": claims[a.id]} for a in articles)
    return [(regrouping, score(pooled[n], data.gold), event_score(events[n], data.gold)) for n, regrouping in enumerate(grid)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Clustering benchmark tools: reference stem table, order stability.")
    commands = parser.add_subparsers(dest="command", required=True)
    table_command = commands.add_parser("stem-frequencies", help="write the reference stem frequency table")
    table_command.add_argument("data_dir", type=Path)
    table_command.add_argument("out", type=Path)
    orders_command = commands.add_parser("orders", help="B-cubed in id order and in seeded shuffled orders")
    orders_command.add_argument("data_dir", type=Path)
    orders_command.add_argument("--orders", type=int, default=3, help="number of shuffled orders")
    regroup_command = commands.add_parser("regroup", help="stories and story events without and with regrouping, over a threshold grid, on held-out folds")
    regroup_command.add_argument("data_dir", type=Path)
    regroup_command.add_argument("--split", default="0.5,0.55,0.6", help="split_below values")
    regroup_command.add_argument("--merge", default="0.6,0.65,0.7", help="merge_at values")
    regroup_command.add_argument("--min-split", default="2,6", help="min_split_articles values")
    regroup_command.add_argument("--folds", type=int, default=4)
    cost_command = commands.add_parser("cost", help="CPU ms per add: the clusterer alone and with regrouping")
    cost_command.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    docs = read_jsonl(args.data_dir / "docs.jsonl")
    if args.command == "cost":
        articles = sorted(ecb_articles(docs), key=lambda a: a.id)
        alone = time.process_time()
        cluster_articles(articles)
        alone = time.process_time() - alone
        regrouped = time.process_time()
        stream_stories(articles)
        regrouped = time.process_time() - regrouped
        print(f"{len(articles)} articles in id order: clusterer alone {alone * 1000 / len(articles):.1f} ms/add CPU, "
              f"with regrouping {regrouped * 1000 / len(articles):.1f} ms/add CPU")
        return 0
    if args.command == "regroup":
        grid = [RegroupSettings(max_articles=0)] + [
            RegroupSettings(split_below=float(split), merge_at=float(merge), min_split_articles=int(minimum))
            for split in args.split.split(",") for merge in args.merge.split(",") for minimum in args.min_split.split(",")
        ]
        print("held-out topic folds, pooled: stories (B-cubed P R F1, clusters) | story events (pair P R F1)")
        print("split_below  merge_at  min_split  P      R      F1     clusters | P      R      F1")
        for regrouping, scores, event_scores in held_out_regroup_scores(args.data_dir, grid, args.folds):
            label = "none (no regrouping)          " if regrouping.max_articles == 0 else (
                f"{regrouping.split_below:<12} {regrouping.merge_at:<9} {regrouping.min_split_articles:<10}")
            print(f"{label} {scores['precision']:.3f}  {scores['recall']:.3f}  {scores['f1']:.3f}  "
                  f"{scores['predicted_clusters']:<8} | {event_scores['precision']:.3f}  {event_scores['recall']:.3f}  "
                  f"{event_scores['f1']:.3f}", flush=True)
        return 0
    if args.command == "orders":
        results = order_scores(docs, read_jsonl(args.data_dir / "gold.jsonl"), args.orders)
        print("order      precision  recall  F1     clusters")
        for label, scores in results:
            print(f"{label:<10} {scores['precision']:.3f}      {scores['recall']:.3f}   {scores['f1']:.3f}  "
                  f"{scores['predicted_clusters']}")
        mean = sum(scores["f1"] for _, scores in results) / len(results)
        print(f"mean F1 {mean:.3f}, min {min(s['f1'] for _, s in results):.3f}")
        return 0
    table = stem_frequencies(docs)
    write_table(table, args.out)
    print(f"{len(table.counts)} stems from {table.documents} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

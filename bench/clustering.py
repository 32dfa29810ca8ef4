"""Story clustering benchmark on ECB+: B-cubed precision, recall and F1 against the gold subtopic.

``predict`` streams the documents in id order (opaque hashes) through ``StoryClusterer.add`` without
being told how many stories there are; ``score`` computes B-cubed over documents, with each
document's gold cluster being its ECB+ ``subtopic`` (one real-world event).

``python bench/clustering.py stem-frequencies DATA_DIR OUT.txt`` writes the reference table of word
stem document frequencies that ``StoryClusterer`` ships (``src/storytrace/data/story_stem_frequencies.txt``
is made from ecbplus-train): counts only, stems found in at least ``min_documents`` documents.

``python bench/clustering.py orders DATA_DIR --orders N`` scores the id order and N seeded shuffles of it:
the clusterer is incremental, so its result may depend on arrival order.

``python bench/clustering.py regroup DATA_DIR`` scores the clusterer without regrouping and with
regrouping over a grid of ``RegroupSettings`` thresholds (split below, merge at): how
``storytrace.story_regroup``'s thresholds were chosen (on ecbplus-train; the report model it uses
was fitted on the same documents, so these train scores are in-sample).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ecb_articles import ecb_articles  # noqa: E402
from storytrace.stories import ReferenceFrequencies, StoryClusterer, StorySettings  # noqa: E402
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Clustering benchmark tools: reference stem table, order stability.")
    commands = parser.add_subparsers(dest="command", required=True)
    table_command = commands.add_parser("stem-frequencies", help="write the reference stem frequency table")
    table_command.add_argument("data_dir", type=Path)
    table_command.add_argument("out", type=Path)
    orders_command = commands.add_parser("orders", help="B-cubed in id order and in seeded shuffled orders")
    orders_command.add_argument("data_dir", type=Path)
    orders_command.add_argument("--orders", type=int, default=3, help="number of shuffled orders")
    regroup_command = commands.add_parser("regroup", help="B-cubed without and with regrouping over a threshold grid")
    regroup_command.add_argument("data_dir", type=Path)
    regroup_command.add_argument("--split", default="0.5,0.55,0.6", help="split_below values")
    regroup_command.add_argument("--merge", default="0.6,0.65,0.7", help="merge_at values")
    args = parser.parse_args(argv)
    docs = read_jsonl(args.data_dir / "docs.jsonl")
    if args.command == "regroup":
        gold = read_jsonl(args.data_dir / "gold.jsonl")
        print("split_below  merge_at  precision  recall  F1     clusters")
        grid = [(None, None)] + [(float(s), float(m)) for s in args.split.split(",") for m in args.merge.split(",")]
        for split, merge in grid:
            regrouping = RegroupSettings(split_below=split, merge_at=merge) if split is not None else RegroupSettings(max_articles=0)
            scores = score(predict(docs, regrouping=regrouping), gold)
            print(f"{split if split is not None else 'none':<12} {merge if merge is not None else 'none':<9} "
                  f"{scores['precision']:.3f}      {scores['recall']:.3f}   {scores['f1']:.3f}  {scores['predicted_clusters']}", flush=True)
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

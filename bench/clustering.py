"""Story clustering benchmark on ECB+: B-cubed precision, recall and F1 against the gold subtopic.

``predict`` streams the documents in id order (opaque hashes) through ``StoryClusterer.add`` without
being told how many stories there are; ``score`` computes B-cubed over documents, with each
document's gold cluster being its ECB+ ``subtopic`` (one real-world event).
"""

from __future__ import annotations

from collections import Counter

from bench.ecb_articles import ecb_articles
from storytrace.stories import StoryClusterer, StorySettings


def predict(docs: list[dict], settings: StorySettings | None = None) -> list[dict]:
    """One ``{"id", "cluster"}`` per document, clustering in id order as a stream."""
    articles = sorted(ecb_articles(docs), key=lambda a: a.id)
    clusterer = StoryClusterer(settings)
    for article in articles:
        clusterer.add(article)
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

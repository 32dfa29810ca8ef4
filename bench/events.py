"""Cross-article event alignment benchmark on ECB+, and the learning of the alignment's trigger tables.

``predict`` does what the product does: cluster the documents into stories (``StoryClusterer``, id
order, as a stream) and align sentences within each predicted story (``align_claims``). ``score``
counts cross-document sentence pairs: a gold pair is two sentences of different documents sharing an
event ``instance``; a predicted pair is two sentences of different documents with the same group.
Both gold and predictions are restricted to each document's ``annotated_sentences``, the sentences
ECB+ annotated completely (its README recommends evaluating on them only).

Learning (run on the train split only):

    python bench/events.py learn /work/shared/data/ecbplus-train   # writes src/storytrace/data/event_trigger*.tsv
    python bench/events.py fit /work/shared/data/ecbplus-train     # prints logistic weights for AlignmentSettings

``fit`` uses leave-one-topic-out trigger tables, so the weights reflect topics whose trigger words
were not learned (as on held-out data).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ecb_articles import ecb_articles
from storytrace.alignment import FEATURES, AlignmentSettings, TriggerTables, align_claims, scored_pairs
from storytrace.stories import StoryClusterer
from storytrace.textvec import content_stems

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "storytrace" / "data"


def predict(docs: list[dict], settings: AlignmentSettings | None = None) -> list[dict]:
    """Cluster into stories, align within each story; one ``{"id", "claims"}`` per document."""
    articles = sorted(ecb_articles(docs), key=lambda a: a.id)
    clusterer = StoryClusterer()
    for article in articles:
        clusterer.add(article)
    groups: dict[tuple[str, int], str] = {}
    for story_id, article_ids in clusterer.stories().items():
        for key, group in align_claims(articles, article_ids, settings).items():
            groups[key] = f"{story_id}-{group}"
    return [
        {
            "id": doc["id"],
            "claims": [
                {"sentence": i, "group": groups.get((doc["id"], i), f"{doc['id']}-{i}")}
                for i in range(len(doc.get("sentences", [])))
            ],
        }
        for doc in docs
    ]


def _pairs(labels: dict[tuple[str, int], set[str]]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Cross-document sentence pairs that share a label."""
    by_label: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, values in labels.items():
        for value in values:
            by_label[value].append(key)
    pairs = set()
    for members in by_label.values():
        for a, b in combinations(sorted(set(members)), 2):
            if a[0] != b[0]:
                pairs.add((a, b))
    return pairs


def score(predictions: list[dict], gold: list[dict]) -> dict:
    annotated = {(g["id"], s) for g in gold for s in g["annotated_sentences"]}
    gold_labels: dict[tuple[str, int], set[str]] = defaultdict(set)
    for g in gold:
        for event in g["events"]:
            key = (g["id"], event["sentence"])
            if key in annotated:
                gold_labels[key].add(f"{g['topic']}:{event['instance']}")
    predicted_labels = {
        (p["id"], c["sentence"]): {str(c["group"])}
        for p in predictions
        for c in p["claims"]
        if (p["id"], c["sentence"]) in annotated
    }
    gold_pairs, predicted_pairs = _pairs(gold_labels), _pairs(predicted_labels)
    correct = len(gold_pairs & predicted_pairs)
    precision = correct / len(predicted_pairs) if predicted_pairs else 0.0
    recall = correct / len(gold_pairs) if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold_pairs": len(gold_pairs),
        "predicted_pairs": len(predicted_pairs),
        "correct_pairs": correct,
        "annotated_sentences": len(annotated),
    }


def format_scores(scores: dict) -> str:
    return "\n".join(
        [
            "metric (cross-doc sentence pairs, annotated sentences)   value",
            f"precision                                                {scores['precision']:.3f}",
            f"recall                                                   {scores['recall']:.3f}",
            f"F1                                                       {scores['f1']:.3f}",
            f"pairs gold / predicted / correct                         "
            f"{scores['gold_pairs']} / {scores['predicted_pairs']} / {scores['correct_pairs']}",
            f"annotated sentences                                      {scores['annotated_sentences']}",
        ]
    )


# --------------------------------------------------------------------------- learning (train only)


def _read(data_dir: Path, name: str) -> list[dict]:
    with (data_dir / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def trigger_counts(docs: list[dict], gold: list[dict]) -> dict[str, tuple[Counter, Counter, Counter, Counter]]:
    """Per topic: (stem seen as event, stem seen at all, trigger pair coreferent, trigger pair together).

    Counted in annotated sentences only; pairs are mentions in different documents of one topic.
    """
    texts = {d["id"]: d for d in docs}
    per_topic: dict[str, tuple[Counter, Counter, Counter, Counter]] = {}
    mentions_by_topic: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    for g in gold:
        events, seen, _, _ = per_topic.setdefault(g["topic"], (Counter(), Counter(), Counter(), Counter()))
        doc = texts[g["id"]]
        for s in g["annotated_sentences"]:
            start, end = doc["sentences"][s]
            seen.update(content_stems(doc["text"][start:end]))
        for event in g["events"]:
            if event["sentence"] not in g["annotated_sentences"]:
                continue
            stems = frozenset(content_stems(doc["text"][event["start"] : event["end"]]))
            events.update(stems)
            mentions_by_topic[g["topic"]].append((g["id"], event["instance"], stems))
    for topic, mentions in mentions_by_topic.items():
        _, _, coreferent, together = per_topic[topic]
        for (doc_a, inst_a, stems_a), (doc_b, inst_b, stems_b) in combinations(mentions, 2):
            if doc_a == doc_b:
                continue
            for u in stems_a:
                for v in stems_b:
                    pair = (u, v) if u <= v else (v, u)
                    together[pair] += 1
                    coreferent[pair] += inst_a == inst_b
    return per_topic


def _summed(per_topic: dict, leave_out: str | None = None) -> tuple[Counter, Counter, Counter, Counter]:
    totals = (Counter(), Counter(), Counter(), Counter())
    for topic, counters in per_topic.items():
        if topic != leave_out:
            for total, counter in zip(totals, counters):
                total.update(counter)
    return totals


def _tables(counts: tuple[Counter, Counter, Counter, Counter]) -> TriggerTables:
    events, seen, coreferent, together = counts
    trigger_rate = {s: events[s] / seen[s] for s in events if events[s] >= 2 and seen[s]}
    pair_rate = {p: (coreferent[p] + 0.5) / (together[p] + 1.0) for p in together if _keep_pair(p, coreferent, together)}
    return TriggerTables(trigger_rate, pair_rate)


def _keep_pair(pair: tuple[str, str], coreferent: Counter, together: Counter) -> bool:
    return together[pair] >= 3 and (pair[0] == pair[1] or coreferent[pair] >= 2)


def learn(data_dir: Path) -> None:
    """Write the trigger tables learned from a (train) split's gold into src/storytrace/data/."""
    counts = _summed(trigger_counts(_read(data_dir, "docs.jsonl"), _read(data_dir, "gold.jsonl")))
    events, seen, coreferent, together = counts
    header = (
        "# {what}\n"
        "# Learned from ECB+ train gold (Cybulska & Vossen 2014, CC BY 3.0) by\n"
        "# `python bench/events.py learn /work/shared/data/ecbplus-train`: counts over the annotated\n"
        "# sentences, stems from storytrace.textvec.stem. Used by storytrace.alignment.\n"
    )
    rows = sorted(s for s in events if events[s] >= 2 and seen[s])
    with (DATA_DIR / "event_triggers.tsv").open("w", encoding="utf-8") as out:
        out.write(header.format(what="Event trigger stems: stem, times inside a gold event mention, times seen at all."))
        out.writelines(f"{s}\t{events[s]}\t{seen[s]}\n" for s in rows)
    pairs = sorted(p for p in together if _keep_pair(p, coreferent, together))
    with (DATA_DIR / "event_trigger_pairs.tsv").open("w", encoding="utf-8") as out:
        out.write(header.format(
            what="Trigger stem pairs across documents of one topic: stem a, stem b, times coreferent, times together."
        ))
        out.writelines(f"{a}\t{b}\t{coreferent[(a, b)]}\t{together[(a, b)]}\n" for a, b in pairs)
    print(f"wrote {len(rows)} trigger stems and {len(pairs)} trigger pairs to {DATA_DIR}")


def fit(data_dir: Path) -> None:
    """Fit the logistic link weights on gold topics of a (train) split, with leave-one-topic-out tables."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    import storytrace.alignment as alignment

    docs, gold = _read(data_dir, "docs.jsonl"), _read(data_dir, "gold.jsonl")
    per_topic = trigger_counts(docs, gold)
    articles = {a.id: a for a in ecb_articles(docs)}
    # Whole topics (both of its real-world events) as stories: predicted stories sometimes merge the
    # two, so the weights must learn to tell same-kind events apart.
    by_topic: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        by_topic[g["topic"]].append(g["id"])
    annotated = {(g["id"], s) for g in gold for s in g["annotated_sentences"]}
    instances: dict[tuple[str, int], set[str]] = defaultdict(set)
    for g in gold:
        for e in g["events"]:
            instances[(g["id"], e["sentence"])].add(e["instance"])
    rows, labels = [], []
    for topic, ids in sorted(by_topic.items()):
        tables = _tables(_summed(per_topic, leave_out=topic))
        alignment.load_trigger_tables.cache_clear()
        original = alignment.load_trigger_tables
        alignment.load_trigger_tables = lambda tables=tables: tables  # type: ignore[assignment]
        try:
            evidence, features = scored_pairs([articles[i] for i in ids])
        finally:
            alignment.load_trigger_tables = original
        for (i, j), f in features.items():
            a, b = evidence[i].key, evidence[j].key
            if a in annotated and b in annotated:
                rows.append([f[name] for name in FEATURES])
                labels.append(bool(instances[a] & instances[b]))
    x, y = np.array(rows), np.array(labels)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    print(f"{len(y)} candidate pairs, {y.mean():.3f} positive")
    print("weights:", {name: round(float(w), 3) for name, w in zip(FEATURES, model.coef_[0])})
    print("bias:", round(float(model.intercept_[0]), 3))


if __name__ == "__main__":
    command, data_dir = sys.argv[1], Path(sys.argv[2])
    {"learn": learn, "fit": fit}[command](data_dir)

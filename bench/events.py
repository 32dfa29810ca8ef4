"""Cross-article event alignment benchmark on ECB+, and the learning of the alignment's tables.

``predict`` does what the product does: cluster the documents into stories (``StoryClusterer``, id
order, as a stream) and find each story's events (``storytrace.story_events``): a sentence is in one
group per event it mentions, so one sentence can pair through several events, as in the gold.
``score`` counts cross-document sentence pairs: a gold pair is two sentences of different documents
sharing an event ``instance``; a predicted pair is two sentences of different documents sharing a
group. Both gold and predictions are restricted to each document's ``annotated_sentences``, the
sentences ECB+ annotated completely (its README recommends evaluating on them only).

The finer fact level (``storytrace.alignment``: claims that state the same thing, one group per
sentence, the level that counts independent origins) is scored the same way by the ``facts`` command.

Learning and choices (run on the train split only):

    python bench/events.py learn ../shared/data/ecbplus-train       # writes src/storytrace/data/event_*.tsv
    python bench/events.py fit ../shared/data/ecbplus-train         # fact level: weights, threshold table
    python bench/events.py fit-events ../shared/data/ecbplus-train  # event level: settings grid, held-out topics
    python bench/events.py fit-reports ../shared/data/ecbplus-train # event level: grouping a story into reports
    python bench/events.py facts ../shared/data/ecbplus-dev         # fact level score on a split

``fit`` computes pair features with leave-one-topic-out trigger tables, so the weights reflect
topics whose trigger words were not learned (as on held-out data). It fits the sentence model on
labelled pairs inside one gold subtopic and the article model on document pairs of one topic, then
prints the benchmark per link threshold on held-out topic folds (models and tables refitted without
the fold) so the threshold is chosen on train, never on dev. ``fit-events`` does the same for the
event level's settings.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ecb_articles import ecb_articles
from storytrace.alignment import (
    DOCUMENT_FEATURES,
    REPORT_FEATURES,
    SENTENCE_FEATURES,
    AlignmentSettings,
    TriggerTables,
    align_claims,
    group_sentences,
    hand_reporting_stems,
    has_sentence_evidence,
    link_probabilities,
    report_features,
    scored_pairs,
    sentence_evidence,
    story_idf,
)
from storytrace.claims import build_claims
from storytrace.model import Article
from storytrace.origins import copied_sentences
from storytrace.reuse import find_reuse
from storytrace.story_regroup import stream_stories
from storytrace.story_events import StoryEventSettings, find_story_events
from storytrace.textvec import content_stems

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "storytrace" / "data"


def story_groups(articles: list[Article]) -> dict[str, list[str]]:
    """Predicted stories of the articles: ``StoryClusterer`` fed in id order, as a stream, regrouping after each add."""
    return stream_stories(sorted(articles, key=lambda a: a.id)).stories()


def predict(docs: list[dict], settings: StoryEventSettings | None = None) -> list[dict]:
    """Cluster into stories, find each story's events; one ``{"id", "claims"}`` per document, with one
    entry per (sentence, event) the sentence mentions (a sentence mentioning no event is left out)."""
    articles = ecb_articles(docs)
    claims = event_claims(story_groups(articles), {a.id: a for a in articles}, settings)
    return [{"id": doc["id"], "claims": claims[doc["id"]]} for doc in docs]


def event_claims(
    stories: dict[str, list[str]], articles: dict[str, Article], settings: StoryEventSettings | None = None,
    tables: TriggerTables | None = None, common: frozenset[str] | None = None, prefix: str = "",
) -> dict[str, list[dict]]:
    """Per article id, one ``{"sentence", "group"}`` per (sentence, event) of each story's events
    (``find_story_events``); a group is ``<prefix><story id>-<event key>``."""
    claims: dict[str, list[dict]] = defaultdict(list)
    for story_id, members in stories.items():
        events = find_story_events([articles[i] for i in members], settings, tables, common)
        for (article_id, sentence), keys in sorted(events.by_sentence.items()):
            claims[article_id].extend({"sentence": sentence, "group": f"{prefix}{story_id}-{key}"} for key in keys)
    return claims


def predict_facts(docs: list[dict], settings: AlignmentSettings | None = None) -> list[dict]:
    """The fact level instead: stories, then fact alignment (``align_claims``, with the copies that
    reuse detection finds, as the product does); one group per sentence."""
    articles = sorted(ecb_articles(docs), key=lambda a: a.id)
    by_id = {a.id: a for a in articles}
    groups: dict[tuple[str, int], str] = {}
    for story_id, article_ids in story_groups(articles).items():
        members = [by_id[i] for i in article_ids]
        claims = [claim for article in members for claim in build_claims(article)]
        copies = copied_sentences(claims, find_reuse(members), by_id)  # as corpus.build_story does
        for key, group in align_claims(articles, article_ids, settings, copies=copies).items():
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
    predicted_labels: dict[tuple[str, int], set[str]] = defaultdict(set)  # a sentence may be in several groups
    for p in predictions:
        for c in p["claims"]:
            if (p["id"], c["sentence"]) in annotated:
                predicted_labels[(p["id"], c["sentence"])].add(str(c["group"]))
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


Counts = tuple[Counter, Counter, Counter, Counter, Counter]


def trigger_counts(docs: list[dict], gold: list[dict]) -> dict[str, Counts]:
    """Per topic: (stem seen as event, stem seen at all, trigger pair coreferent, trigger pair
    together, stem seen as a reporting event).

    Counted in annotated sentences only; pairs are mentions in different documents of one topic.
    """
    texts = {d["id"]: d for d in docs}
    per_topic: dict[str, Counts] = {}
    mentions_by_topic: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    for g in gold:
        events, seen, _, _, reporting = per_topic.setdefault(g["topic"], tuple(Counter() for _ in range(5)))
        doc = texts[g["id"]]
        for s in g["annotated_sentences"]:
            start, end = doc["sentences"][s]
            seen.update(content_stems(doc["text"][start:end]))
        for event in g["events"]:
            if event["sentence"] not in g["annotated_sentences"]:
                continue
            stems = frozenset(content_stems(doc["text"][event["start"] : event["end"]]))
            events.update(stems)
            if event["type"].endswith("REPORTING"):
                reporting.update(stems)
            mentions_by_topic[g["topic"]].append((g["id"], event["instance"], stems))
    for topic, mentions in mentions_by_topic.items():
        _, _, coreferent, together, _ = per_topic[topic]
        for (doc_a, inst_a, stems_a), (doc_b, inst_b, stems_b) in combinations(mentions, 2):
            if doc_a == doc_b:
                continue
            for u in stems_a:
                for v in stems_b:
                    pair = (u, v) if u <= v else (v, u)
                    together[pair] += 1
                    coreferent[pair] += inst_a == inst_b
    return per_topic


def _summed(per_topic: dict[str, Counts], leave_out: set[str] | str | None = None) -> Counts:
    leave_out = {leave_out} if isinstance(leave_out, str) else leave_out or set()
    totals = tuple(Counter() for _ in range(5))
    for topic, counters in per_topic.items():
        if topic not in leave_out:
            for total, counter in zip(totals, counters):
                total.update(counter)
    return totals


def _tables(counts: Counts) -> TriggerTables:
    events, seen, coreferent, together, reporting = counts
    trigger_rate = {s: events[s] / seen[s] for s in events if events[s] >= 2 and seen[s]}
    pair_rate = {p: (coreferent[p] + 0.5) / (together[p] + 1.0) for p in together if _keep_pair(p, coreferent, together)}
    return TriggerTables(trigger_rate, pair_rate, frozenset(_reporting_stems(events, reporting)) | hand_reporting_stems())


def _keep_pair(pair: tuple[str, str], coreferent: Counter, together: Counter) -> bool:
    return together[pair] >= 3 and (pair[0] == pair[1] or coreferent[pair] >= 2)


def _reporting_stems(events: Counter, reporting: Counter) -> list[str]:
    """Stems annotated as reporting events (said, told...) at least 3 times and in at least half their mentions."""
    return sorted(s for s in reporting if reporting[s] >= 3 and reporting[s] * 2 >= events[s])


COMMON_MIN_SEEN = 10  # a common word: seen this often in annotated sentences...
COMMON_MAX_RATE = 0.05  # ...and inside an event mention less often than this (chosen by `fit-events`)


def _common_words(counts: Counts, min_seen: int = COMMON_MIN_SEEN, max_rate: float = COMMON_MAX_RATE) -> list[str]:
    """Stems seen at least ``min_seen`` times in annotated sentences but rarely inside an event mention."""
    events, seen = counts[0], counts[1]
    return sorted(s for s, n in seen.items() if n >= min_seen and events[s] < max_rate * n)


def learn(data_dir: Path) -> None:
    """Write the trigger tables learned from a (train) split's gold into src/storytrace/data/."""
    counts = _summed(trigger_counts(_read(data_dir, "docs.jsonl"), _read(data_dir, "gold.jsonl")))
    events, seen, coreferent, together, reporting = counts
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
    stems = _reporting_stems(events, reporting)
    with (DATA_DIR / "event_reporting_stems.tsv").open("w", encoding="utf-8") as out:
        out.write(header.format(
            what="Reporting words (they report an event, they are not one; never alignment triggers): stem, times a\n"
            "# gold reporting event, times any gold event. Kept: at least 3 times and at least half of its mentions."
        ))
        out.writelines(f"{s}\t{reporting[s]}\t{events[s]}\n" for s in stems)
    common = _common_words(counts)
    with (DATA_DIR / "event_common_words.tsv").open("w", encoding="utf-8") as out:
        out.write(header.format(
            what=f"Words common in news sentences that are rarely an event (never story events): stem, times seen,\n"
            f"# times inside a gold event mention. Kept: seen at least {COMMON_MIN_SEEN} times, in an event under "
            f"{COMMON_MAX_RATE:.0%} of them.\n# Used by storytrace.story_events"
        ))
        out.writelines(f"{s}\t{seen[s]}\t{events[s]}\n" for s in common)
    print(f"wrote {len(rows)} trigger stems, {len(pairs)} trigger pairs, {len(stems)} reporting stems and "
          f"{len(common)} common words to {DATA_DIR}")


class _Gold:
    """A split's documents as articles, with gold topics, subtopics and event instances per sentence."""

    def __init__(self, data_dir: Path) -> None:
        self.docs, self.gold = _read(data_dir, "docs.jsonl"), _read(data_dir, "gold.jsonl")
        self.articles = {a.id: a for a in ecb_articles(self.docs)}
        self.topic = {g["id"]: g["topic"] for g in self.gold}
        self.subtopic = {g["id"]: g["subtopic"] for g in self.gold}
        self.annotated = {(g["id"], s) for g in self.gold for s in g["annotated_sentences"]}
        self.instances: dict[tuple[str, int], set[str]] = defaultdict(set)
        for g in self.gold:
            for e in g["events"]:
                self.instances[(g["id"], e["sentence"])].add(e["instance"])

    def topics(self) -> dict[str, list[str]]:
        by_topic: dict[str, list[str]] = defaultdict(list)
        for g in self.gold:
            by_topic[g["topic"]].append(g["id"])
        return dict(sorted(by_topic.items()))


def _with_tables(tables: TriggerTables, run):
    """Run ``run()`` with the alignment reading ``tables`` instead of the shipped files."""
    import storytrace.alignment as alignment

    original = alignment.load_trigger_tables
    alignment.load_trigger_tables = lambda: tables  # type: ignore[assignment]
    try:
        return run()
    finally:
        alignment.load_trigger_tables = original


def pair_rows(data: _Gold, per_topic: dict[str, Counts], settings: AlignmentSettings) -> list[dict]:
    """Candidate sentence pairs of each gold topic (both subtopics as one story, as a merged predicted
    story would be) with features from tables that left that topic out, gold label and subtopic agreement."""
    rows = []
    for topic, ids in data.topics().items():
        tables = _tables(_summed(per_topic, leave_out=topic))
        evidence, features = _with_tables(tables, lambda: scored_pairs([data.articles[i] for i in ids], settings))
        for (i, j), f in features.items():
            a, b = evidence[i].key, evidence[j].key
            labelled = a in data.annotated and b in data.annotated
            rows.append({
                "topic": topic, "docs": (a[0], b[0]) if a[0] < b[0] else (b[0], a[0]),
                "same_subtopic": data.subtopic[a[0]] == data.subtopic[b[0]],
                "label": bool(data.instances[a] & data.instances[b]) if labelled else None,
                "features": f,
            })
    return rows


def fit_settings(rows: list[dict], base: AlignmentSettings) -> AlignmentSettings:
    """Both logistic models of the link probability, fitted on pair rows.

    Sentence model: labelled pairs with sentence evidence inside one gold subtopic (the articles
    report one event). Document model: whether two documents of one topic report the same event.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    inside = [
        r for r in rows
        if r["label"] is not None and r["same_subtopic"] and has_sentence_evidence(r["features"], base)
    ]
    x = np.array([[r["features"][n] for n in SENTENCE_FEATURES] for r in inside])
    sentence = LogisticRegression(C=1.0, max_iter=2000).fit(x, [r["label"] for r in inside])
    documents = {r["docs"]: r for r in rows}
    xd = np.array([[r["features"][n] for n in DOCUMENT_FEATURES] for r in documents.values()])
    document = LogisticRegression(C=1.0, max_iter=2000).fit(xd, [r["same_subtopic"] for r in documents.values()])
    return replace(
        base,
        sentence_weights={n: round(float(w), 3) for n, w in zip(SENTENCE_FEATURES, sentence.coef_[0])},
        sentence_bias=round(float(sentence.intercept_[0]), 3),
        document_weights={n: round(float(w), 3) for n, w in zip(DOCUMENT_FEATURES, document.coef_[0])},
        document_bias=round(float(document.intercept_[0]), 3),
    )


def _predict_at(data: _Gold, ids: list[str], settings: AlignmentSettings, thresholds: list[float]) -> dict[float, list[dict]]:
    """Predictions (as ``predict``) for the documents ``ids`` at several link thresholds."""
    articles = sorted((data.articles[i] for i in ids), key=lambda a: a.id)
    clusterer = stream_stories(articles)
    stories = [
        (story_id, *link_probabilities([a for a in articles if a.id in set(members)], settings))
        for story_id, members in clusterer.stories().items()
    ]
    predictions = {}
    for threshold in thresholds:
        groups = {}
        for story_id, keys, probability in stories:
            for key, group in group_sentences(keys, probability, threshold, settings.within_article_weight).items():
                groups[key] = f"{ids[0]}-{story_id}-{group}"  # unique across calls: pooled predictions
        predictions[threshold] = [
            {"id": i, "claims": [{"sentence": k, "group": groups.get((i, k), f"{i}-{k}")}
                                 for k in range(len(data.articles[i].sentences))]}
            for i in ids
        ]
    return predictions


def fit(data_dir: Path, folds: int = 4) -> None:
    """Fit the link models on a (train) split and choose the link threshold on held-out topics.

    Topics are split into ``folds``; for each fold the models are fitted on the other folds (with
    trigger tables that never saw the fold) and the whole benchmark (stories, then alignment) runs on
    the fold's documents. Precision comes first: the shipped threshold is the one with the best
    pooled F1 among those with precision >= 0.9, printed with the weights fitted on all topics.
    """
    data = _Gold(data_dir)
    per_topic = trigger_counts(data.docs, data.gold)
    base = AlignmentSettings()
    rows = pair_rows(data, per_topic, base)
    print("held-out topics, pooled over folds: threshold  P  R  F1")
    scores = held_out_scores(data, per_topic, rows, base, folds)
    for threshold, s in scores.items():
        print(f"  {threshold:.2f}  {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")
    precise = [t for t, s in scores.items() if s["precision"] >= 0.9]
    if precise:
        print("link_threshold:", max(precise, key=lambda t: scores[t]["f1"]))
    final = fit_settings(rows, base)
    print("sentence_weights:", final.sentence_weights, "sentence_bias:", final.sentence_bias)
    print("document_weights:", final.document_weights, "document_bias:", final.document_bias)


def held_out_scores(
    data: _Gold, per_topic: dict[str, Counts], rows: list[dict], base: AlignmentSettings, folds: int = 4,
    thresholds: list[float] | None = None,
) -> dict[float, dict]:
    """Benchmark scores per link threshold on held-out topics, pooled over ``folds`` topic folds."""
    thresholds = thresholds or [round(0.05 * k, 2) for k in range(2, 19)]
    topics = sorted(data.topics())
    pooled: dict[float, list[dict]] = defaultdict(list)
    for fold in range(folds):
        held = set(topics[fold::folds])
        settings = fit_settings([r for r in rows if r["topic"] not in held], base)
        tables = _tables(_summed(per_topic, leave_out=held))
        ids = [i for i, t in data.topic.items() if t in held]
        predictions = _with_tables(tables, lambda: _predict_at(data, ids, settings, thresholds))
        for threshold, predicted in predictions.items():
            pooled[threshold].extend(predicted)
    return {threshold: score(pooled[threshold], data.gold) for threshold in thresholds}


def fit_events(data_dir: Path, folds: int = 4) -> None:
    """Print the event-layer benchmark for a grid of settings on held-out topic folds of a (train) split.

    For each fold the trigger tables, common words and the report model are learned without the fold's
    topics; stories are predicted (``StoryClusterer``) and, as a second line, taken from the gold
    subtopics (what the event layer gives when stories are right). Scores are pooled over folds.
    """
    data = _Gold(data_dir)
    per_topic = trigger_counts(data.docs, data.gold)
    rows = report_rows(data, per_topic)
    topics = sorted(data.topics())
    grid = [
        (StoryEventSettings(min_article_share=share, min_trigger_rate=rate, same_event_rate=merge), seen, common_rate)
        for share in (0.1, 0.2, 0.3) for rate in (0.05, 0.1, 0.2) for merge in (0.5, 1.1)
        for seen, common_rate in ((10, 0.05), (5, 0.1))
    ]
    pooled: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for fold in range(folds):
        held = set(topics[fold::folds])
        counts = _summed(per_topic, leave_out=held)
        tables = _tables(counts)
        weights, bias = fit_report_model([r for r in rows if r["topic"] not in held])
        articles = [data.articles[i] for i, t in data.topic.items() if t in held]
        gold_stories: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            gold_stories[data.subtopic[article.id]].append(article.id)
        for stories_name, stories in (("predicted", story_groups(articles)), ("gold", gold_stories)):
            for n, (settings, seen, common_rate) in enumerate(grid):
                common = frozenset(_common_words(counts, seen, common_rate))
                fold_settings = replace(settings, report_weights=weights, report_bias=bias)
                claims = event_claims(stories, data.articles, fold_settings, tables, common)
                pooled[(n, stories_name)].extend({"id": a.id, "claims": claims[a.id]} for a in articles)
    print("share  trigger-rate  merge  common(seen,rate)  stories  P  R  F1")
    for n, (settings, seen, common_rate) in enumerate(grid):
        for stories_name in ("predicted", "gold"):
            s = score(pooled[(n, stories_name)], data.gold)
            print(f"{settings.min_article_share:.2f}  {settings.min_trigger_rate:.2f}  {settings.same_event_rate:.1f}  "
                  f"({seen},{common_rate:.2f})  {stories_name:9}  {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")


def report_rows(data: _Gold, per_topic: dict[str, Counts]) -> list[dict]:
    """Every pair of articles of one gold topic, with the report model's features (story IDF over the
    topic, trigger tables that left the topic out) and whether the two share a subtopic."""
    rows = []
    for topic, ids in data.topics().items():
        tables = _tables(_summed(per_topic, leave_out=topic))
        evidence = [ev for i in ids for ev in sentence_evidence(data.articles[i], tables, AlignmentSettings())]
        idf = story_idf(evidence)
        documents = {ev.key[0]: ev.document for ev in evidence}
        for a, b in combinations(sorted(documents), 2):
            rows.append({"topic": topic, "same_subtopic": data.subtopic[a] == data.subtopic[b],
                         "features": report_features(documents[a], documents[b], idf)})
    return rows


def fit_report_model(rows: list[dict], features: tuple[str, ...] = REPORT_FEATURES) -> tuple[dict[str, float], float]:
    """The report model (weights over ``features``, bias) fitted on report rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r["features"][n] for n in features] for r in rows])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, [r["same_subtopic"] for r in rows])
    return ({n: round(float(w), 3) for n, w in zip(features, model.coef_[0])},
            round(float(model.intercept_[0]), 3))


def report_model_auc(rows: list[dict], features: tuple[str, ...], folds: int = 4) -> float:
    """ROC AUC of the report model over ``features`` on held-out topic folds (same subtopic or not)."""
    import math

    from sklearn.metrics import roc_auc_score

    topics = sorted({r["topic"] for r in rows})
    labels, scores = [], []
    for fold in range(folds):
        held = set(topics[fold::folds])
        weights, bias = fit_report_model([r for r in rows if r["topic"] not in held], features)
        for r in rows:
            if r["topic"] in held:
                z = bias + sum(w * r["features"][n] for n, w in weights.items())
                labels.append(r["same_subtopic"])
                scores.append(1.0 / (1.0 + math.exp(-z)))
    return float(roc_auc_score(labels, scores))


def fit_reports(data_dir: Path, folds: int = 4) -> None:
    """Fit the report model and choose ``min_same_report`` (grouping a story's articles into reports of
    one event) on held-out topic folds of a (train) split: for each fold the trigger tables, common
    words and the report model are learned without the fold's topics; stories are predicted.

    Precision comes first: the shipped value is the one with the best pooled precision among those
    whose F1 is within 0.005 of the best F1. The report model fitted on all topics is printed last.
    """
    data = _Gold(data_dir)
    per_topic = trigger_counts(data.docs, data.gold)
    rows = report_rows(data, per_topic)
    print(f"report model, held-out AUC: {report_model_auc(rows, REPORT_FEATURES):.3f} "
          f"(the article model's two features alone: {report_model_auc(rows, DOCUMENT_FEATURES):.3f})")
    topics = sorted(data.topics())
    values = [None, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
    pooled: dict[float | None, list[dict]] = defaultdict(list)
    for fold in range(folds):
        held = set(topics[fold::folds])
        counts = _summed(per_topic, leave_out=held)
        tables = _tables(counts)
        common = frozenset(_common_words(counts))
        weights, bias = fit_report_model([r for r in rows if r["topic"] not in held])
        articles = [data.articles[i] for i, t in data.topic.items() if t in held]
        stories = story_groups(articles)
        for value in values:
            settings = StoryEventSettings(min_same_report=value, report_weights=weights, report_bias=bias)
            claims = event_claims(stories, data.articles, settings, tables, common)
            pooled[value].extend({"id": a.id, "claims": claims[a.id]} for a in articles)
    print("min_same_report  P  R  F1 (held-out topics, predicted stories, pooled over folds)")
    scores = {value: score(pooled[value], data.gold) for value in values}
    for value, s in scores.items():
        print(f"  {value}  {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")
    best_f1 = max(s["f1"] for s in scores.values())
    near = [v for v, s in scores.items() if s["f1"] >= best_f1 - 0.005]
    print("min_same_report:", max(near, key=lambda v: scores[v]["precision"]))
    weights, bias = fit_report_model(rows)
    print("report_weights:", weights, "report_bias:", bias)


def score_facts(data_dir: Path) -> None:
    """The fact level on a split: stories, then fact alignment, scored like the event layer."""
    predictions = predict_facts(_read(data_dir, "docs.jsonl"))
    print(format_scores(score(predictions, _read(data_dir, "gold.jsonl"))))


if __name__ == "__main__":
    command, data_dir = sys.argv[1], Path(sys.argv[2])
    {"learn": learn, "fit": fit, "fit-events": fit_events, "fit-reports": fit_reports,
     "facts": score_facts}[command](data_dir)

"""Cleaning benchmark: how well ``storytrace.clean`` keeps body lines and removes web chrome.

Run from the repository root: ``python bench/cleaning.py [--errors]``.

Labeled pages are raw texts with one label per raw line (``body``, ``chrome`` or ``blank``):

* ``seeds``: ../shared/seeds/*.txt labeled in ``bench/seed_labels.json`` (labels and the sha1 of
  each stripped line, so an edited seed is detected instead of silently mis-scored); skipped
  when the shared folder is absent;
* ``examples``: examples/labeled_lines/*.txt with a ``.labels`` file beside them, and
  examples/corpus/*.txt with labels in examples/corpus_labels/ (or beside the text);
* ``tests``: tests/data/cleaning/*.txt with ``.labels`` beside them.

Scores per set and overall: body kept (kept body lines / body lines, the precision that matters
most, floor 0.98), chrome recall (removed chrome / chrome) and chrome precision (removed chrome /
removed lines). Exits 1 when a pinned floor is not met.

``--corpora`` adds an unlabeled sanity check on ../shared/data/*-dev/docs.jsonl: the share of
lines removed (by reason), and how often the title and publication date read from the text agree
with the ``title``/``published`` fields of the dataset (those fields are themselves imperfect),
and how many pages got an outlet from their own chrome.

``--outlets`` lists, for every labeled page, the outlet (and title) read from its chrome by
``textmeta.extract_text_metadata``, with the chrome lines that named it, for spot-checking.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.append(str(ROOT / "src"))  # the package is normally installed; this is a fallback

from storytrace.clean import clean_text, split_raw_lines  # noqa: E402
from storytrace.textmeta import extract_text_metadata, find_outlet_evidence  # noqa: E402

FLOORS = {"body_kept": 0.98, "chrome_recall": 0.90, "chrome_precision": 0.95}


@dataclass
class LabeledPage:
    name: str
    raw: str
    labels: list[str]


@dataclass
class Counts:
    body: int = 0
    body_kept: int = 0
    chrome: int = 0
    chrome_removed: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.body += other.body
        self.body_kept += other.body_kept
        self.chrome += other.chrome
        self.chrome_removed += other.chrome_removed
        self.removed += other.removed
        self.errors.extend(other.errors)

    def ratios(self) -> dict[str, float | None]:
        return {
            "body_kept": self.body_kept / self.body if self.body else None,
            "chrome_recall": self.chrome_removed / self.chrome if self.chrome else None,
            "chrome_precision": self.chrome_removed / self.removed if self.removed else None,
        }


def read_labels(path: Path, line_count: int) -> list[str]:
    """Labels of a ``.labels`` file; a trailing blank label beyond the text's lines is ignored."""
    labels = [label.strip() for label in path.read_text(encoding="utf-8").splitlines()]
    while len(labels) > line_count and labels[-1] in ("", "blank"):
        labels.pop()
    return labels


def load_seed_pages() -> list[LabeledPage]:
    """Seed pages with labels from bench/seed_labels.json; raises when a seed line changed."""
    seeds = SHARED / "seeds"
    if not seeds.exists():
        return []
    table = json.loads((ROOT / "bench" / "seed_labels.json").read_text(encoding="utf-8"))
    pages = []
    for name, entry in sorted(table.items()):
        if name.startswith("_"):
            continue
        raw = (seeds / name).read_text(encoding="utf-8")
        lines = split_raw_lines(raw)
        hashes = [hashlib.sha1(line.strip().encode("utf-8")).hexdigest() for line in lines]
        if hashes != entry["line_sha1"]:
            raise SystemExit(f"error: {name} no longer matches bench/seed_labels.json")
        pages.append(LabeledPage(f"seeds/{name}", raw, entry["labels"]))
    return pages


def load_folder_pages(texts: Path, labels_dir: Path | None = None) -> list[LabeledPage]:
    """``*.txt`` files in ``texts`` that have a ``.labels`` file beside them or in ``labels_dir``."""
    pages = []
    for text_path in sorted(texts.glob("*.txt")):
        candidates = [text_path.with_suffix(".labels")]
        if labels_dir is not None:
            candidates.append(labels_dir / (text_path.stem + ".labels"))
        label_path = next((path for path in candidates if path.exists()), None)
        if label_path is None:
            continue
        raw = text_path.read_text(encoding="utf-8")
        labels = read_labels(label_path, len(split_raw_lines(raw)))
        pages.append(LabeledPage(str(text_path.relative_to(ROOT)), raw, labels))
    return pages


def label_sets() -> dict[str, list[LabeledPage]]:
    examples = load_folder_pages(ROOT / "examples" / "labeled_lines")
    examples += load_folder_pages(ROOT / "examples" / "corpus", ROOT / "examples" / "corpus_labels")
    return {
        "seeds": load_seed_pages(),
        "examples": examples,
        "tests": load_folder_pages(ROOT / "tests" / "data" / "cleaning"),
    }


def score_page(page: LabeledPage) -> Counts:
    """Compare the removed line numbers of ``clean_text`` with the page's labels."""
    lines = split_raw_lines(page.raw)
    if len(lines) != len(page.labels):
        raise SystemExit(f"error: {page.name}: {len(lines)} lines but {len(page.labels)} labels")
    reasons = {item.line: item.reason for item in clean_text(page.raw).removed}
    counts = Counts()
    for number, (line, label) in enumerate(zip(lines, page.labels)):
        removed = number in reasons
        counts.removed += removed and label != "blank"
        if label == "body":
            counts.body += 1
            counts.body_kept += not removed
            if removed:
                counts.errors.append(f"{page.name}:{number} body removed as {reasons[number]}: "
                                     f"{line.strip()[:80]}")
        elif label == "chrome":
            counts.chrome += 1
            counts.chrome_removed += removed
            if not removed:
                counts.errors.append(f"{page.name}:{number} chrome kept: {line.strip()[:80]}")
    return counts


def _ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def format_table(results: dict[str, tuple[int, Counts]]) -> str:
    header = (f"{'set':10} {'pages':>5} {'body':>5} {'kept':>5} {'body_kept':>9} "
              f"{'chrome':>6} {'removed':>7} {'recall':>6} {'precision':>9}")
    rows = [header, "-" * len(header)]
    for name, (pages, counts) in results.items():
        ratios = counts.ratios()
        rows.append(f"{name:10} {pages:>5} {counts.body:>5} {counts.body_kept:>5} "
                    f"{_ratio(ratios['body_kept']):>9} {counts.chrome:>6} "
                    f"{counts.chrome_removed:>7} {_ratio(ratios['chrome_recall']):>6} "
                    f"{_ratio(ratios['chrome_precision']):>9}")
    return "\n".join(rows)


def run() -> tuple[dict[str, tuple[int, Counts]], Counts]:
    results: dict[str, tuple[int, Counts]] = {}
    overall = Counts()
    total_pages = 0
    for set_name, pages in label_sets().items():
        counts = Counts()
        for page in pages:
            counts.add(score_page(page))
        results[set_name] = (len(pages), counts)
        overall.add(counts)
        total_pages += len(pages)
    results["overall"] = (total_pages, overall)
    return results, overall


def _same_title(found: str | None, given: str) -> bool:
    return found is not None and found.strip().rstrip(".").lower() == given.strip().rstrip(".").lower()


def corpus_check(docs_path: Path) -> str:
    """Removed-line shares and title/date agreement on one unlabeled docs.jsonl."""
    reasons: Counter[str] = Counter()
    lines = titles = titles_same = dated = dated_same = dated_extra = outlets = 0
    with docs_path.open(encoding="utf-8") as handle:
        docs = [json.loads(row) for row in handle if row.strip()]
    for doc in docs:
        result = clean_text(doc["text"])
        found = extract_text_metadata(doc["text"], result)
        lines += sum(1 for line in split_raw_lines(doc["text"]) if line.strip())
        reasons.update(item.reason for item in result.removed)
        outlets += found["outlet"] is not None
        if doc.get("title"):
            titles += 1
            titles_same += _same_title(found["title"], doc["title"])
        if found["published"] and doc.get("published"):
            dated += 1
            dated_same += found["published"][:10] == doc["published"][:10]
        elif found["published"]:
            dated_extra += 1
    removed = sum(reasons.values())
    top = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
    return (f"{docs_path.parent.name}: {len(docs)} docs, {lines} lines, removed {removed} "
            f"({removed / max(lines, 1):.1%}): {top}\n"
            f"  title same as dataset field: {titles_same}/{titles}; published date read: "
            f"{dated + dated_extra}, agrees with dataset field {dated_same}/{dated} "
            f"(+{dated_extra} where the dataset has none); outlet read: {outlets}")


def outlet_listing() -> str:
    """One line per labeled page: the outlet and title read from its chrome, and the evidence."""
    rows = []
    for pages in label_sets().values():
        for page in pages:
            result = clean_text(page.raw)
            found = extract_text_metadata(page.raw, result)
            evidence = ", ".join(f"{item.kind}@{item.line}:{item.name}"
                                 for item in find_outlet_evidence(page.raw, result))
            rows.append(f"{page.name}: outlet={found['outlet']!r} title={found['title']!r}"
                        + (f"\n    evidence: {evidence}" if evidence else ""))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every misclassified line")
    parser.add_argument("--corpora", action="store_true",
                        help="also check ../shared/data/*-dev (unlabeled: removal shares, title/date)")
    parser.add_argument("--outlets", action="store_true",
                        help="list the outlet read from each labeled page's chrome")
    args = parser.parse_args(argv)
    results, overall = run()
    print(format_table(results))
    if args.corpora:
        for docs_path in sorted((SHARED / "data").glob("*-dev/docs.jsonl")):
            print(corpus_check(docs_path))
    if args.outlets:
        print(outlet_listing())
    if args.errors:
        print("\n".join(overall.errors) or "no errors")
    failed = [f"{metric} {value:.3f} < {FLOORS[metric]}"
              for metric, value in overall.ratios().items()
              if value is not None and value < FLOORS[metric]]
    for failure in failed:
        print(f"below floor: {failure}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Scale check of storytrace.stories: time to add one article with 1,000 vs 100,000 clustered, and memory.

    python bench/story_scale.py [--sizes 1000 100000] [--probes 200] [--data ../shared/data/ecbplus-train]

Synthetic articles as in bench/reuse_scale.py (real ECB+ sentences with about half of their words
replaced, 1 in ``--copy-every`` copying three sentences of an earlier article), with a title (the
first sentence) and a publication day. Their capitalised words stand in for named entities
(person, organisation or place, chosen from the word), so the clusterer's name channel and its
inverted index carry realistic load. Most synthetic articles share little, so most start a story of
their own: the worst case for the number of stories to search.

Timed: ``StoryClusterer.add`` (and, with ``--regroup``, the regrouping after it) for ``--probes`` new
articles once the clusterer holds each size (wall and CPU ms per add). Memory: the process RSS growth over the whole run (it also holds the
synthetic articles' texts, reported separately). ``--with-reuse`` also adds every stored article to a
``ReuseIndex`` (not the probes, not timed), so the RSS growth is that of both cross-article indexes.
"""

from __future__ import annotations

import re
import sys
import time
import zlib
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.reuse_scale import Synthesiser, load_sentences, rss_bytes, scale_arguments
from storytrace.model import Article, Entity, Sentence
from storytrace.reuse import ReuseIndex
from storytrace.stories import StoryClusterer
from storytrace.story_regroup import regroup

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_LABELS = ("PERSON", "ORG", "GPE")


def with_entities(article: Article) -> Article:
    """The article with a title, its sentences (split at ". ") and its capitalised words (after the
    first of each sentence) as entities."""
    article.title = article.text.split(". ")[0][:120]
    start = 0
    for match in re.finditer(r"\. |$", article.text):
        if match.end() > start:
            article.sentences.append(Sentence(start, min(match.start() + 1, len(article.text))))
        start = match.end()
    for match in _CAPITALISED.finditer(article.text):
        if match.start() > 1 and article.text[match.start() - 2] != ".":
            label = _LABELS[zlib.crc32(match.group().encode()) % len(_LABELS)]
            article.entities.append(Entity(match.start(), match.end(), label, match.group()))
    return article


def time_adds(clusterer: StoryClusterer, articles: list[Article], kept: dict[str, Article] | None = None) -> tuple[float, float]:
    """(wall ms, CPU ms) per ``add`` over ``articles`` (with regrouping after each when ``kept`` holds the articles)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        add(clusterer, article, kept)
    return (time.perf_counter() - wall) * 1000 / len(articles), (time.process_time() - cpu) * 1000 / len(articles)


def add(clusterer: StoryClusterer, article: Article, kept: dict[str, Article] | None) -> None:
    """``StoryClusterer.add``, then, when ``kept`` (all articles so far, by id) is given, ``story_regroup.regroup``."""
    clusterer.add(article)
    if kept is not None:
        kept[article.id] = article
        regroup(clusterer, article.id, lambda ids: [kept[i] for i in ids])


def main(argv: list[str] | None = None) -> int:
    parser = scale_arguments(__doc__.splitlines()[0])
    parser.add_argument("--with-reuse", action="store_true",
                        help="also add every article to a ReuseIndex, to measure both indexes' memory in one process")
    parser.add_argument("--regroup", action="store_true",
                        help="regroup after every add (storytrace.story_regroup), timed with the add; keeps every "
                             "article in memory for it, so the RSS growth includes them")
    args = parser.parse_args(argv)
    if not (args.data / "docs.jsonl").exists():
        print(f"no corpus at {args.data}: this benchmark needs ECB+ sentences", file=sys.stderr)
        return 2
    synth = Synthesiser(load_sentences(args.data), args.sentences, args.copy_every, replace_share=args.replace)
    clusterer = StoryClusterer()
    reuse = ReuseIndex() if args.with_reuse else None
    kept: dict[str, Article] | None = {} if args.regroup else None
    rss_start, text_bytes, number, rows = rss_bytes(), 0, 0, []
    began = time.perf_counter()
    for size in sorted(args.sizes):
        while number < size:
            article = with_entities(synth.article(number))
            text_bytes += sys.getsizeof(article.text)
            add(clusterer, article, kept)
            if reuse is not None:
                reuse.add(article)
            number += 1
            if number % 10000 == 0:
                print(f"  clustered {number:,} ({time.perf_counter() - began:.0f} s)", flush=True)
        probes = [with_entities(synth.article(10_000_000 + number + k, copy=(k % 2 == 0))) for k in range(args.probes)]
        text_bytes += sum(sys.getsizeof(a.text) for a in probes)
        wall_ms, cpu_ms = time_adds(clusterer, probes, kept)
        number += len(probes)
        rows.append((size, wall_ms, cpu_ms, len(clusterer.stories())))
    rss_growth = rss_bytes() - rss_start
    print(f"\n{'clustered':>10} | {'ms/add wall':>11} | {'ms/add CPU':>10} | {'stories':>8}")
    print("-" * 50)
    for size, wall_ms, cpu_ms, stories in rows:
        print(f"{size:>10,} | {wall_ms:>11.2f} | {cpu_ms:>10.2f} | {stories:>8,}")
    if len(rows) > 1:
        print(f"ratio per add, {rows[-1][0]:,} vs {rows[0][0]:,}: wall {rows[-1][1] / rows[0][1]:.2f}, CPU {rows[-1][2] / rows[0][2]:.2f}")
    print(f"RSS growth: {rss_growth / 2**30:.2f} GiB for {number:,} articles "
          f"({text_bytes / 2**30:.2f} GiB of it synthetic article text); {time.perf_counter() - began:.0f} s in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

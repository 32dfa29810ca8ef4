"""Scale check of storytrace.reuse: time to add one article at 1,000 vs 100,000 indexed, and memory.

    python bench/reuse_scale.py [--sizes 1000 100000] [--probes 200] [--data ../shared/data/ecbplus-train] [--replace 0.5]

Synthetic articles, in memory only: each article is ``--sentences`` sentences, each a real sentence
of the ECB+ documents with a share (``--replace``, 0.5 by default) of its words replaced by random
words of the same corpus (so sentences are unique, as in real news, instead of being repeated in
hundreds of articles), and 1 in ``--copy-every`` articles copies three sentences verbatim from an
earlier one (true reuse to find). At 100,000 articles of 20 sentences, each of the corpus's 8,758
sentences has ~230 variants; with half the words kept, some variants share runs of words by chance
(reuse the index finds and aligns), which a larger share replaced makes rare.
Probe articles, timed separately once the index holds each size, copy from an indexed article half
of the time. Without the corpus (no ../shared) plain random words are used.

Memory: tracemalloc of the allocations made while indexing the first 1,000 articles (the index
alone: the articles' texts were made before tracing), extrapolated to 100,000; and the process
RSS growth at the largest size, which also holds the articles' texts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from storytrace.model import Article
from storytrace.reuse import ReuseIndex

SHARED = Path(__file__).resolve().parents[2] / "shared"
_WORD = re.compile(r"\S+")


def rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import resource

    return pages * resource.getpagesize()


def load_sentences(data_dir: Path) -> list[list[str]]:
    sentences = []
    with open(data_dir / "docs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            for start, end in doc.get("sentences") or []:
                words = _WORD.findall(doc["text"][start:end])
                if len(words) >= 6:
                    sentences.append(words)
    return sentences


class Synthesiser:
    """Makes unique synthetic articles from real sentences, some copying earlier ones."""

    def __init__(self, sentences: list[list[str]], per_article: int, copy_every: int, seed: int = 13,
                 replace_share: float = 0.5):
        self.random = np.random.default_rng(seed)
        self.replace_share = replace_share
        self.vocabulary = sorted({w for s in sentences for w in s})
        number_of = {word: n for n, word in enumerate(self.vocabulary)}
        self.sentences = [np.array([number_of[w] for w in s]) for s in sentences]
        self.per_article = per_article
        self.copy_every = copy_every
        self.made: list[list[str]] = []  # sentences of recent articles, for copies

    def sentence(self) -> str:
        words = self.sentences[self.random.integers(len(self.sentences))].copy()
        replace = self.random.random(len(words)) < self.replace_share
        words[replace] = self.random.integers(len(self.vocabulary), size=int(replace.sum()))
        return " ".join(self.vocabulary[w] for w in words).rstrip(".") + "."

    def article(self, number: int, copy: bool | None = None) -> Article:
        own = [self.sentence() for _ in range(self.per_article)]
        copy = (number % self.copy_every == 0) if copy is None else copy
        if copy and self.made:
            source = self.made[self.random.integers(len(self.made))]
            at = int(self.random.integers(len(own)))
            own[at:at] = source[:3]
        self.made.append(own)
        if len(self.made) > 5000:
            self.made.pop(int(self.random.integers(len(self.made))))
        day = 1 + number % 28
        return Article(id=f"syn-{number:07d}", path="", format="text", text=" ".join(own), outlet=f"Outlet {number % 50}", published=f"2030-01-{day:02d}")


def time_probes(index: ReuseIndex, synth: Synthesiser, start: int, probes: int) -> tuple[float, float, int]:
    """(wall ms, CPU ms) per add over ``probes`` new articles (half copying), and reuse pairs found."""
    articles = [synth.article(start + k, copy=(k % 2 == 0)) for k in range(probes)]
    found = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        found += len(index.add(article))
    return (time.perf_counter() - wall) * 1000 / probes, (time.process_time() - cpu) * 1000 / probes, found


def scale_arguments(description: str) -> argparse.ArgumentParser:
    """The options of a scale benchmark over synthetic articles (sizes, probes, article shape, corpus)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=20, help="sentences per synthetic article")
    parser.add_argument("--copy-every", type=int, default=100)
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus-train")
    parser.add_argument("--replace", type=float, default=0.5,
                        help="share of each corpus sentence's words replaced at random (0.5: at 100,000 articles each "
                             "corpus sentence has ~200 variants, some sharing runs of words by chance)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = scale_arguments(__doc__.splitlines()[0]).parse_args(argv)

    if (args.data / "docs.jsonl").exists():
        sentences = load_sentences(args.data)
        origin = f"{len(sentences)} sentences of {args.data.name}, {args.replace:.0%} of the words replaced at random"
    else:
        rng = random.Random(5)  # stdlib: only to make the fallback corpus
        vocabulary = [f"w{k}" for k in range(20000)]
        sentences = [[rng.choice(vocabulary) for _ in range(rng.randint(10, 35))] for _ in range(5000)]
        origin = "random words (no corpus found)"
    synth = Synthesiser(sentences, args.sentences, args.copy_every, replace_share=args.replace)
    sizes = sorted(args.sizes)
    print(f"articles: {args.sentences} sentences each, from {origin}; 1 in {args.copy_every} copies 3 sentences", flush=True)

    index = ReuseIndex()
    rss_start = rss_bytes()
    text_bytes = 0
    # Memory of the index alone, for the first 1,000 articles.
    first = [synth.article(n) for n in range(min(1000, sizes[0]))]
    text_bytes += sum(sys.getsizeof(a.text) for a in first)
    tracemalloc.start()
    for article in first:
        index.add(article)
    traced, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_thousand = traced * 1000 / len(first)
    number = len(first)

    rows = []
    build_began = time.perf_counter()
    for size in sizes:
        batch_began, batch_from = time.perf_counter(), number
        while number < size:
            article = synth.article(number)
            text_bytes += sys.getsizeof(article.text)
            index.add(article)
            number += 1
            if number % 10000 == 0:
                print(f"  indexed {number:,} ({time.perf_counter() - build_began:.0f} s)", flush=True)
        build_ms = (time.perf_counter() - batch_began) * 1000 / max(number - batch_from, 1)
        probe_ms, probe_cpu_ms, found = time_probes(index, synth, 10_000_000 + number, args.probes)
        rows.append((size, probe_ms, probe_cpu_ms, found, build_ms if number > batch_from else None))
        number = len(index)

    rss_growth = rss_bytes() - rss_start
    print()
    print(f"{'indexed':>10} | {'ms/add wall':>11} | {'ms/add CPU':>10} | {'reuse found':>11} | {'build ms/add (wall, incl. synthesis)':>36}")
    print("-" * 94)
    for size, probe_ms, probe_cpu_ms, found, build_ms in rows:
        build = f"{build_ms:.2f}" if build_ms is not None else "-"
        print(f"{size:>10,} | {probe_ms:>11.2f} | {probe_cpu_ms:>10.2f} | {found:>4} / {args.probes:<4} | {build:>36}")
    if len(rows) > 1:
        print(f"ratio per add, {rows[-1][0]:,} vs {rows[0][0]:,}: wall {rows[-1][1] / rows[0][1]:.2f}, CPU {rows[-1][2] / rows[0][2]:.2f}")
    print()
    print(f"index memory (tracemalloc, first {len(first):,} articles): {per_thousand / 2**20:.1f} MiB per 1,000 articles"
          f" -> {per_thousand * 100 / 2**30:.2f} GiB extrapolated to 100,000")
    print(f"process RSS growth at {len(index):,} articles: {rss_growth / 2**30:.2f} GiB"
          f" (of which article texts ~{text_bytes / 2**30:.2f} GiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

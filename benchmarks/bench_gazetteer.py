"""What place-name matching costs next to word segmentation, on the same texts.

    python benchmarks/bench_gazetteer.py [PATH ...] [--repeat N]

PATH: article files or folders (default: the sample corpus shipped with the package). Each text is
cleaned as `ntm ingest` cleans it, then timed twice: underthesea's word segmentation as the
pipeline runs it (sentences, then words), and the gazetteer's `resolve_text`. The gazetteer is
loaded before timing; its load time is reported on its own.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import Article, find_inputs, read_file, sample_corpus
from gazetteer.units import Gazetteer
from pipeline.nlp import sentence_spans, word_spans


def articles(paths: list[Path]) -> list[Article]:
    found = []
    for path, key in find_inputs(paths):
        found.extend(a for a in read_file(path, key) if isinstance(a, Article))
    return found


def segment(text: str) -> None:
    for start, end in sentence_spans(text):
        word_spans(text, start, end)


def best_of(repeat: int, work, texts: list[str]) -> float:
    """The fastest of `repeat` runs over all texts, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            work(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [a.text for a in articles(args.paths or [sample_corpus()])]
    if not texts:
        parser.error("no articles found")

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    load = time.perf_counter() - start

    segment(texts[0])  # underthesea loads its model on first use
    segmentation = best_of(args.repeat, segment, texts)
    matching = best_of(args.repeat, lambda text: gazetteer.resolve_text(text), texts)

    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {chars} characters, best of {args.repeat} runs")
    print(f"gazetteer load     {load * 1000:8.1f} ms (once per process)")
    print(f"word segmentation  {segmentation * 1000:8.1f} ms")
    print(f"place matching     {matching * 1000:8.1f} ms")
    print(f"matching / segmentation = {matching / segmentation:.3f}")


if __name__ == "__main__":
    main()

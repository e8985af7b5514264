"""Time each step of the pipeline and the peak memory over a folder of articles.

    python benchmarks/bench_ingest.py [PATH ...] [--repeat N]

With no PATH it reads the bundled sample corpus. Prints seconds per step, characters per second
and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpus import Article, find_inputs, read_file, sample_corpus
from pipeline.process import dated, nlp
from pipeline.store import Store


def articles(paths: list[Path]) -> list[Article]:
    return [item for path, key in find_inputs(paths) for item in read_file(path, key)
            if isinstance(item, Article)]


def bench(items: list[Article], repeat: int) -> tuple[Counter, int]:
    seconds: Counter = Counter()
    pipeline = nlp()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        for _ in range(repeat):
            for article in items:
                started = time.perf_counter()
                article = dated(article)
                seconds["publication date"] += time.perf_counter() - started
                started = time.perf_counter()
                doc = pipeline.make_doc(article.text)
                seconds["tokenizer (underthesea)"] += time.perf_counter() - started
                doc._.article, doc._.mentions, doc._.facts = article, [], []
                for name, component in pipeline.pipeline:
                    started = time.perf_counter()
                    doc = component(doc)
                    seconds[name] += time.perf_counter() - started
                started = time.perf_counter()
                store.write(doc)
                seconds["store"] += time.perf_counter() - started
    return seconds, sum(len(a.text) for a in items) * repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = articles(args.paths or [sample_corpus()])
    nlp()  # load models before timing
    seconds, chars = bench(items, args.repeat)
    total = sum(seconds.values())
    print(f"{len(items)} articles x {args.repeat}, {chars} characters, {total:.2f} s, {chars / total:,.0f} chars/s")
    for step, spent in seconds.most_common():
        print(f"  {step:28} {spent:8.3f} s  {100 * spent / total:5.1f} %")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak resident memory: {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

"""Benchmark: storing, then replacing, the quotes of one article grows linearly with their number.

For each size, a fresh database holds one article of N quotes ("Quote number i," he said., fifty
speakers); Store.store_extraction stores all N, then again with the first N/2 (every unreviewed
quote deleted, half inserted anew). Prints the times and their ratios to the smallest size's,
measured in the same run: linear is the ratio of the sizes (4x, 8x for 2,000, 8,000, 16,000), where
a cost that recounts the article's quotes on each write would give its square (16x, 64x). Asserts
nothing; the triggers of m013 (store/schema.py) and of the full-text index run in every write.

Usage: python bench/bench_store_write.py [--sizes 2000 8000 16000] [--runs 2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from newsread.model import Article, Extraction, Quote
from newsread.store import Store


def one_article(n: int) -> tuple[str, list[Quote]]:
    text = " ".join(f'"Quote number {i}," he said.' for i in range(n))
    quotes, position = [], 0
    for i in range(n):
        start = text.index('"', position) + 1
        end = text.index('"', start)
        quotes.append(Quote(start, end, text[start:end], speaker=f"Person {i % 50}"))
        position = end + 1
    return text, quotes


def time_writes(folder: Path, n: int) -> tuple[float, float]:
    """Seconds to store n quotes of one article, then to replace them with n/2."""
    text, quotes = one_article(n)
    with Store(folder / f"write-{n}-{time.monotonic_ns()}.db") as store:
        article_id, _ = store.add_article(Article(title="One long article", text=text, source="bench"), f"hash-{n}")
        started = time.perf_counter()
        store.store_extraction(article_id, Extraction(quotes, []), "first")
        stored = time.perf_counter()
        store.store_extraction(article_id, Extraction(quotes[: n // 2], []), "again")
        return stored - started, time.perf_counter() - stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 16000])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        runs: dict[int, list[tuple[float, float]]] = {n: [] for n in sizes}
        for _ in range(args.runs):  # sizes alternated, so that a change of load falls on all of them
            for n in sizes:
                runs[n].append(time_writes(Path(scratch), n))
        for n in sizes:
            results[n] = (statistics.median(r[0] for r in runs[n]), statistics.median(r[1] for r in runs[n]))
    base = sizes[0]
    store_base, replace_base = results[base]
    print(f"{'quotes':>8} {'store s':>8} {'ratio':>6} {'replace s':>10} {'ratio':>6}   linear   quadratic")
    for n in sizes:
        stored, replaced = results[n]
        print(f"{n:>8} {stored:>8.2f} {stored / store_base:>5.1f}x {replaced:>10.2f} {replaced / replace_base:>5.1f}x"
              f"   {n / base:>5.1f}x   {(n / base) ** 2:>8.1f}x")


if __name__ == "__main__":
    main()

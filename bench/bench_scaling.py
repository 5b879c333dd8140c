"""Benchmark: does extraction cost grow linearly with the text?

Extracts texts of 1x, 4x and 16x a base size, of three shapes, and prints each time against
the 1x time measured in the same run, beside bare spaCy's own ratio (the parse is linear; the
rules must be too). Goal: 16x the text in at most 20x the time. Asserts nothing.

Shapes: many short quotes in one paragraph ('"Yes 7," he said.' repeated: the case that grew
with the square of the quote count), reported speech in one paragraph, and one long article
(the bundled sample articles joined, paragraphs kept).

Usage: python bench/bench_scaling.py [--base CHARS] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "newsread" / "samples"


def short_quotes(chars: int) -> str:
    out, k = [], 0
    while sum(len(p) + 1 for p in out) < chars:
        out.append(f'"Yes {k}," he said.')
        k += 1
    return " ".join(out)


def reported_speech(chars: int) -> str:
    out, k = [], 0
    while sum(len(p) + 1 for p in out) < chars:
        out.append(f"Jones said bridge {k} would reopen in May and the mayor said it would not.")
        k += 1
    return " ".join(out)


def long_article(chars: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    joined = "\n\n".join(texts)
    return "\n\n".join([joined] * (chars // len(joined) + 1))[:chars]


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=10_000, help="characters of the 1x text")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from newsread.quotes import extract, load_pipeline

    nlp = load_pipeline()
    print(f"{'shape':<18} {'size':>5} {'chars':>9} {'bare s':>8} {'extract s':>10} {'bare x':>7} {'extract x':>10}")
    for name, make in (("short quotes", short_quotes), ("reported speech", reported_speech), ("long article", long_article)):
        first: tuple[float, float] | None = None
        for factor in (1, 4, 16):
            text = make(args.base * factor)
            pieces = [text[s:e] for s, e in _chunks(text)]
            bare = best_of(args.repeat, lambda pieces=pieces: list(nlp.pipe(pieces)))
            ours = best_of(args.repeat, lambda text=text: extract(text, nlp))
            first = first or (bare, ours)
            print(f"{name:<18} {factor:>4}x {len(text):>9} {bare:>8.2f} {ours:>10.2f} "
                  f"{bare / first[0]:>6.1f}x {ours / first[1]:>9.1f}x")
    print("goal: the 16x row's 'extract x' at most 20")


def _chunks(text: str) -> list[tuple[int, int]]:
    from newsread.quotes.extraction import chunks

    return chunks(text)


if __name__ == "__main__":
    main()

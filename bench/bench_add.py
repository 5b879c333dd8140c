"""Benchmark: `newsread add` of many files with one extraction process vs several.

Writes N article files (the bundled samples, each made distinct so none is skipped
as a duplicate) and times the installed `newsread add --jobs 1` and `--jobs J`
into fresh databases, alternating runs. Prints the speed-up; asserts nothing.

Usage: python bench/bench_add.py [--files 240] [--jobs 2] [--runs 2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "newsread" / "samples"
NEWSREAD = str(Path(sys.executable).parent / "newsread")


def write_corpus(folder: Path, count: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for n in range(count):
        (folder / f"article-{n:04d}.txt").write_text(f"Copy {n}.\n\n{texts[n % len(texts)]}", encoding="utf-8")


def time_add(corpus: Path, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run([NEWSREAD, "--db", f"{scratch}/n.db", "add", "--jobs", str(jobs), str(corpus)],
                       check=True, capture_output=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=240)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        write_corpus(corpus, args.files)
        single, multi = [], []
        for _ in range(args.runs):
            single.append(time_add(corpus, 1))
            multi.append(time_add(corpus, args.jobs))
    one, many = statistics.median(single), statistics.median(multi)
    print(f"newsread add, {args.files} files: 1 process {one:.1f} s, {args.jobs} processes {many:.1f} s")
    print(f"speed-up {one / many:.2f}x (goal >= 1.7x on 2 cores; includes start-up and one pipeline load per process)")


if __name__ == "__main__":
    main()

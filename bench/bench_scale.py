"""Benchmark: sharded extraction, the local engine (1 and 2 forked processes) vs Dask (LocalCluster of 2 workers).

Every engine extracts the same articles (default: the 56 shared gold articles) into a fresh
folder of Parquet shards, `--repeat` times, alternating engines. Warm runs only: the
pipeline is loaded once (in this process for the local engine, in each Dask worker by the
worker plugin) before the timed runs; the cold costs (spaCy load, cluster start) are printed
apart. Prints wall-clock articles/s (median and best run), and articles per CPU-second of every process that took
part (this one, its forked workers, the Dask workers): the per-core rate, which another
program on the same cores slows far less than the wall clock. Asserts nothing.

Usage: python bench/bench_scale.py [--repeat 3] [--shard-size 7] [--copies 1] [PATH]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "articles"


def corpus(source: Path, copies: int, folder: Path) -> int:
    """``copies`` distinct copies of every article (a first line makes each one new)."""
    count = 0
    for n in range(copies):
        for path in sorted(source.glob("*.txt")):
            (folder / f"{n:03d}-{path.name}").write_text(f"Copy {n}.\n\n{path.read_text(encoding='utf-8')}", encoding="utf-8")
            count += 1
    return count


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the forked workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def worker_cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def timed(run, client=None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run into a fresh folder."""
    def cpu() -> float:
        return cpu_seconds() + (sum(client.run(worker_cpu_seconds).values()) if client else 0.0)

    with tempfile.TemporaryDirectory() as scratch:
        cpu_before, started = cpu(), time.perf_counter()
        summary = run(Path(scratch) / "shards")
        elapsed = time.perf_counter() - started
        assert summary.errors == 0 and summary.failed_shards == 0, summary
        return elapsed, cpu() - cpu_before


def load_here() -> float:
    from newsread.quotes import load_pipeline

    started = time.perf_counter()
    load_pipeline()
    return time.perf_counter() - started


def run_local(folder: str, workers: int, shard_size: int) -> tuple[float, float]:
    from newsread.scale.run import extract_to_shards

    return timed(lambda out: extract_to_shards([folder], out, workers=workers, shard_size=shard_size))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ARTICLES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shard-size", type=int, default=7, help="articles per shard (Dask runs one task per shard)")
    parser.add_argument("--copies", type=int, default=1, help="copies of the corpus, for a longer run")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    # The local engine runs in a helper forked now, before the Dask client starts its threads:
    # a process with threads may not fork (quotes.parallel.can_fork), so it would run on one core.
    local = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        count = corpus(Path(args.path), args.copies, work)
        print(f"{count} articles, {sum(p.stat().st_size for p in work.iterdir()) / 1e6:.2f} MB, shards of {args.shard_size}, "
              f"load average {os.getloadavg()[0]:.2f} at start")
        print(f"cold: spaCy pipeline load in the local engine's process {local.submit(load_here).result():.1f} s")

        import distributed

        from newsread.scale.dask_engine import LoadPipeline
        from newsread.scale.run import extract_to_shards

        started = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                           dashboard_address="127.0.0.1:0")
        client = distributed.Client(cluster)
        client.register_plugin(LoadPipeline(None))
        print(f"cold: LocalCluster of 2 workers up with the pipeline loaded in each {time.perf_counter() - started:.1f} s")

        engines = {
            "local, 1 process": lambda: local.submit(run_local, str(work), 1, args.shard_size).result(),
            "local, 2 processes": lambda: local.submit(run_local, str(work), 2, args.shard_size).result(),
            "dask, 2 workers": lambda: timed(lambda out: extract_to_shards(
                [str(work)], out, engine="dask", shard_size=args.shard_size, scheduler=cluster.scheduler_address), client),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in engines}
        for _ in range(args.repeat):
            for name, run in engines.items():
                times[name].append(run())
        client.close()
        cluster.close()
        base = statistics.median(wall for wall, _ in times["local, 1 process"])
        for name in engines:
            wall = statistics.median(w for w, _ in times[name])
            cpu = statistics.median(c for _, c in times[name])
            runs = ", ".join(f"{w:.2f}" for w, _ in times[name])
            # The best run too: on cores shared with other programs it is the nearest to an idle machine.
            best = min(w for w, _ in times[name])
            print(f"{name:20} {count / wall:6.1f} articles/s wall ({base / wall:4.2f}x local-1), best {count / best:5.1f}  "
                  f"{count / cpu:5.1f} articles per CPU-second  (runs: {runs} s)")
        print(f"load average {os.getloadavg()[0]:.2f} at end")
    finally:
        local.shutdown()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()

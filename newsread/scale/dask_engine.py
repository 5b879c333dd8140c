"""The Dask engine: one task per shard, on a LocalCluster of N one-thread worker processes or
on an existing cluster given by its scheduler's address.

The only module that imports Dask, and only when ``--engine dask`` runs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from .inputs import Shard
from .run import ShardResult, failed_shard, run_shard
from .shards import ScaleError, ScaleUnavailable

# Shards queued per worker thread: enough that no worker waits for the client to read the next one,
# few enough that the client holds only a few shards of text at a time.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "10s"
LOCAL_HTTP = "127.0.0.1:0"


try:
    import distributed
except ImportError:
    raise ScaleUnavailable("the dask engine needs Dask: pip install 'newsread[scale]'") from None


class LoadPipeline(distributed.WorkerPlugin):
    """Loads the spaCy pipeline once per worker process, when the worker starts (and again in a
    worker that replaces a dead one), before it runs any shard."""

    name = "newsread-pipeline"

    def __init__(self, pipeline: str | None) -> None:
        self.pipeline = pipeline

    def setup(self, worker) -> None:
        from newsread.quotes import load_pipeline

        load_pipeline(self.pipeline)  # lru_cached: run_shard's own call finds it loaded


def _load_or_reason(pipeline: str | None) -> str:
    from newsread.quotes import PipelineNotFound, load_pipeline

    try:
        load_pipeline(pipeline)
    except PipelineNotFound as error:
        return str(error)
    return ""


def run_on_dask(shards: Iterable[Shard], out: Path, *, pipeline: str | None, scheduler: str | None,
                workers: int) -> Iterator[ShardResult]:
    """Results of the shards in the order they finish; a shard whose task failed (its worker died
    more often than the scheduler allows, or it raised) comes back as a failed ShardResult."""
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError) as error:
                raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        else:
            # Processes, one thread each: spaCy and the rules hold the GIL, so threads would not add speed.
            # Every port on loopback; the scheduler's HTTP server (it starts even without a dashboard)
            # on a free port, not 8787, so two runs at once do not collide.
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=LOCAL_HTTP,
                # Dask's own warnings (a task cancelled by Ctrl-C, a worker restarted) would bury the
                # one-line report: a failed shard is reported by the run, with its reason.
                silence_logs=logging.ERROR))
            client = stack.enter_context(distributed.Client(cluster))
        # Loaded on every worker now, so a pipeline a worker lacks is one line here rather than a
        # traceback per worker; the plugin then loads it in workers that join or replace a dead one.
        problems = {address: reason for address, reason in client.run(_load_or_reason, pipeline).items() if reason}
        if problems:
            address, reason = next(iter(problems.items()))
            raise ScaleError(f"worker {address}: {reason}")
        client.register_plugin(LoadPipeline(pipeline))
        run_id = uuid.uuid4().hex[:8]
        in_flight: dict[str, Shard] = {}
        finished = distributed.as_completed()

        def collect(future) -> ShardResult:
            shard = in_flight.pop(future.key)
            try:
                return future.result()
            except Exception as error:  # KilledWorker, or what the task raised
                return failed_shard(shard, f"{type(error).__name__}: {error}")
            finally:
                future.release()

        # An absolute path: the workers' working directory is not this process's.
        target = str(out.resolve())
        for shard in shards:
            future = client.submit(run_shard, target, shard, pipeline, key=f"newsread-shard-{shard.number:05d}-{run_id}")
            in_flight[future.key] = shard
            finished.add(future)
            # Asked each time: a cluster may grow or shrink during a long run.
            while finished.count() >= IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values())):
                yield collect(next(finished))
        for future in finished:
            yield collect(future)

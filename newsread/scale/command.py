"""The command-line side of sharded runs: ``extract ... --out DIR`` and ``import --format parquet DIR``.

Called from newsread.commands, which keeps the plain ``extract`` (JSON lines on stdout) as it was.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsread.cli import EXIT_USAGE, CommandError
from newsread.config import database_path, load_config
from newsread.progress import ProgressBar

from .shards import ERRORS, ScaleError


def cmd_extract_shards(args) -> int:
    engine = args.engine or ("dask" if args.scheduler else "local")
    if not args.out:
        raise CommandError("--engine, --scheduler and --workers write shards: give --out DIR", EXIT_USAGE)
    if engine != "dask" and args.scheduler:
        raise CommandError("--scheduler is the address of a Dask cluster: it needs --engine dask", EXIT_USAGE)
    if args.scheduler and args.workers:
        raise CommandError("--workers sizes the local cluster; a cluster given by --scheduler has its own", EXIT_USAGE)
    if args.shard_size < 1 or (args.workers is not None and args.workers < 1):
        raise CommandError("--shard-size and --workers must be at least 1", EXIT_USAGE)
    from newsread.quotes import PipelineNotFound

    from .run import extract_to_shards

    config = load_config()
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out}: not a folder")
    workers = args.workers or min(os.cpu_count() or 1, 4)
    try:
        with ProgressBar("extracting", 0) as bar:
            summary = extract_to_shards(args.paths, out, engine=engine, workers=workers, scheduler=args.scheduler,
                                        shard_size=args.shard_size, pipeline=args.pipeline or config.pipeline,
                                        progress=bar.update)
    except (ScaleError, ConnectionError, PipelineNotFound, ValueError) as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"{error.filename or out}: {error.strerror or error}") from None
    rate = f", {summary.articles / summary.seconds:.1f} articles/s" if summary.articles and summary.seconds else ""
    skipped = f" ({summary.skipped_shards} shard(s) already done)" if summary.skipped_shards else ""
    print(f"wrote {summary.articles} article(s) with {summary.quotes} quote(s) in {summary.shards} shard(s) to {out}"
          f"{skipped} in {summary.seconds:.1f} s{rate}", file=sys.stderr)
    if summary.failed_shards:
        print(f"newsread: {summary.failed_shards} shard(s) failed and were not written; run the same command again to do them",
              file=sys.stderr)
    if summary.errors:
        print(f"newsread: {summary.errors} item(s) could not be read or extracted, listed in {out / ERRORS}", file=sys.stderr)
    return 1 if summary.errors else 0


def cmd_import_parquet(args) -> int:
    from newsread.store import Store

    from .importing import import_shards
    from .shards import done_shards

    out = Path(args.path)
    if not out.is_dir():
        raise CommandError(f"{out}: not a folder of shards (as `newsread extract --out DIR` writes)")
    try:
        if not done_shards(out):
            raise CommandError(f"{out}: no complete shards (articles-NNNNN.parquet with its quotes-NNNNN.parquet)")
        with Store(database_path(getattr(args, "db", None)), user=load_config().user) as store, \
                ProgressBar("importing", 0) as bar:
            summary = import_shards(store, out, progress=bar.update)
    except (ScaleError, ValueError) as error:
        raise CommandError(str(error)) from None
    skipped = f", skipped {summary.duplicates} already present" if summary.duplicates else ""
    print(f"imported {summary.articles} article(s) with {summary.quotes} model quote(s) for review "
          f"from {summary.shards} shard(s){skipped}", file=sys.stderr)
    return 0

"""A sharded extraction run: read, cut into shards, skip the done ones, extract the rest on an
engine (local forked processes, or Dask), and rebuild ``errors.jsonl`` at the end.

An article that cannot be read or extracted is an error line, never the end of the run; a
shard whose task failed as a whole (its worker died, its files could not be written) is
reported and left undone, so the next run over the same input does just that shard again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsread.ingest import content_hash
from newsread.model import Article, Extraction

from .inputs import Shard, plan_shards, read_inputs

DEFAULT_SHARD_SIZE = 200


@dataclass
class ShardResult:
    number: int
    articles: int = 0  # written to the shard
    quotes: int = 0
    items: int = 0  # input items the shard covered, errors included
    errors: list[dict] = field(default_factory=list)
    failed: bool = False  # no files written: the next run does this shard again


@dataclass
class RunSummary:
    articles: int = 0
    quotes: int = 0
    shards: int = 0
    skipped_shards: int = 0
    failed_shards: int = 0
    errors: int = 0  # lines of errors.jsonl: every shard's, not only this run's
    items: int = 0
    seconds: float = 0.0


def extract_to_shards(paths: Iterable[str], out: Path, *, engine: str = "local", workers: int = 1,
                      scheduler: str | None = None, shard_size: int = DEFAULT_SHARD_SIZE,
                      pipeline: str | None = None,
                      progress: Callable[[int], None] | None = None) -> RunSummary:
    """Extract every article under ``paths`` into shards in ``out``; ``progress(items done)``.

    Raises ValueError (one line) for a folder holding shards of another size, and
    ScaleError when pyarrow (or Dask, for that engine) is missing or the workers cannot load the pipeline.
    """
    from .shards import check_manifest, done_shards, parquet_module, remove_temp_files, shard_done, shard_errors, write_errors

    parquet_module()  # missing pyarrow fails before any work
    out.mkdir(parents=True, exist_ok=True)
    check_manifest(out, shard_size)
    remove_temp_files(out)
    summary = RunSummary()
    started = time.monotonic()

    def pending() -> Iterator[Shard]:
        for shard in plan_shards(read_inputs(paths), shard_size):
            if shard_done(out, shard.number):
                summary.skipped_shards += 1
                summary.items += len(shard)
                if progress:
                    progress(summary.items)
                continue
            yield shard

    if engine == "dask":
        from .dask_engine import run_on_dask

        results = run_on_dask(pending(), out, pipeline=pipeline, scheduler=scheduler, workers=workers)
    else:
        results = run_locally(pending(), out, pipeline=pipeline, workers=workers)
    failed_errors: list[dict] = []
    for result in results:
        summary.items += result.items
        if result.failed:
            summary.failed_shards += 1
            failed_errors += result.errors
        else:
            summary.shards += 1
            summary.articles += result.articles
            summary.quotes += result.quotes
        if progress:
            progress(summary.items)
    # Rebuilt from every done shard, not appended to: a rerun never lists an error twice.
    errors = [e for path in done_shards(out) for e in shard_errors(path)] + failed_errors
    errors.sort(key=lambda e: e["shard"])
    write_errors(out, errors)
    summary.errors = len(errors)
    summary.seconds = time.monotonic() - started
    return summary


def read_errors(shard: Shard) -> list[dict]:
    return [error_record(shard.number, f.source, "read", f.reason) for f in shard.failures]


def error_record(shard: int, source: str, stage: str, reason: str, article_id: str = "") -> dict:
    return {"shard": shard, "source": source, "id": article_id, "stage": stage, "reason": reason}


def article_source(article: Article) -> str:
    return article.path or article.url or article.title


def extract_each(shard: Shard, nlp) -> tuple[list[tuple[Article, Extraction]], list[dict]]:
    """Each article on its own, so one that breaks the extractor is one error line."""
    # From the module, not the package: once newsread.quotes.extraction (the module) has been imported,
    # the package's lazy ``extract`` attribute is that module, so a second shard in the same process
    # would get a module from ``from newsread.quotes import extract``.
    from newsread.quotes.extraction import extract

    results, errors = [], []
    for article in shard.articles:
        try:
            results.append((article, extract(article.text, nlp)))
        except Exception as error:
            errors.append(error_record(shard.number, article_source(article), "extract",
                                       f"{type(error).__name__}: {error}", content_hash(article.text)))
    return results, errors


def extract_shard(shard: Shard, nlp, extract_texts=None) -> tuple[list[tuple[Article, Extraction]], list[dict]]:
    """The shard's texts in one batch (nlp.pipe across texts: a quarter faster than one by one, the
    same quotes), through ``extract_texts`` when given (forked workers); if the batch raises, again
    article by article, here, so the one article that breaks the extractor is one error line."""
    from newsread.quotes import extract_many

    texts = (a.text for a in shard.articles)
    try:
        extractions = list(extract_texts(texts) if extract_texts else extract_many(texts, nlp))
    except Exception:
        return extract_each(shard, nlp)
    return list(zip(shard.articles, extractions)), []


def failed_shard(shard: Shard, reason: str) -> ShardResult:
    errors = read_errors(shard) + [
        error_record(shard.number, article_source(a), "shard", reason, content_hash(a.text)) for a in shard.articles]
    return ShardResult(shard.number, items=len(shard), errors=errors, failed=True)


def run_shard(out: str, shard: Shard, pipeline: str | None) -> ShardResult:
    """All the work of one shard where it runs (a Dask worker): extract, write the files, report counts.

    The worker writes the shard itself rather than sending quotes back for the client to write:
    the client then holds only the in-flight shards' input and gets back a few numbers, and the
    rename that completes a shard is done by the process that did the work. The price: ``out``
    must be a folder every worker sees (local on one machine; a shared mount on a cluster).
    """
    from newsread.library import extractor_name
    from newsread.quotes import load_pipeline

    from .shards import write_shard

    nlp = load_pipeline(pipeline)  # cached per process: the worker plugin has loaded it already
    results, errors = extract_shard(shard, nlp)
    errors = read_errors(shard) + errors
    articles, quotes = write_shard(Path(out), shard.number, results, errors, extractor_name(nlp))
    return ShardResult(shard.number, articles, quotes, len(shard), errors)


def run_locally(shards: Iterable[Shard], out: Path, *, pipeline: str | None, workers: int) -> Iterator[ShardResult]:
    """Today's engine: this process loads the pipeline and forks ``workers`` processes that share it
    (newsread.quotes.parallel); this process gathers the extractions and writes each shard."""
    from newsread.library import _extractor, extractor_name
    from newsread.quotes import load_pipeline

    from .shards import write_shard

    nlp = load_pipeline(pipeline)
    name = extractor_name(nlp)
    with _extractor(nlp, workers) as extract_texts:
        for shard in shards:
            results, errors = extract_shard(shard, nlp, extract_texts)
            errors = read_errors(shard) + errors
            try:
                articles, quotes = write_shard(out, shard.number, results, errors, name)
            except OSError as error:
                yield failed_shard(shard, f"could not write the shard: {error.strerror or error}")
                continue
            yield ShardResult(shard.number, articles, quotes, len(shard), errors)


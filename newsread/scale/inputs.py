"""What a sharded run reads: the usual ingest, plus Parquet files with a ``text`` column,
cut into shards of a fixed number of input items."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsread.ingest import IngestFailure, read_sources
from newsread.ingest.result import clean_line, finish, too_large
from newsread.model import Article

MAX_BYTES = 10_000_000  # the same per-article cap as read_sources
PARQUET_METADATA = ("url", "title", "source", "date", "author")


@dataclass
class Shard:
    """Input items ``number * size`` to ``(number + 1) * size - 1``, in input order.

    Failures count as items too, so a shard's boundaries depend only on the input, never on
    what could be read: a rerun over the same input cuts the same shards and can skip done ones.
    """

    number: int
    articles: list[Article] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.failures)


def read_inputs(paths: Iterable[str]) -> Iterator[Article | IngestFailure]:
    """Articles from files, folders, JSONL corpora and URLs (newsread.ingest), and from .parquet files."""
    for path in paths:
        if path.lower().endswith(".parquet") and Path(path).is_file():
            yield from read_parquet(Path(path))
        else:
            yield from read_sources([path])


def read_parquet(path: Path) -> Iterator[Article | IngestFailure]:
    """One Article per row: ``text`` required; ``id``, ``path``, ``url``, ``title``, ``source``,
    ``date`` and ``author`` taken when present. Read in batches: memory stays flat on a big file."""
    from .shards import parquet_module

    pq = parquet_module()
    try:
        handle = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises its own types for a file that is not Parquet
        yield IngestFailure(str(path), f"not a Parquet file ({error})")
        return
    names = set(handle.schema_arrow.names)
    if "text" not in names:
        yield IngestFailure(str(path), 'no "text" column')
        return
    columns = [c for c in ("text", "id", "path", *PARQUET_METADATA) if c in names]
    row = 0
    for batch in handle.iter_batches(batch_size=512, columns=columns):
        for record in batch.to_pylist():
            yield _article_from_row(record, row, path)
            row += 1


def _article_from_row(record: dict, row: int, path: Path) -> Article | IngestFailure:
    # As for JSONL corpora, the row's own id (or its number) stays in the path to trace it back.
    item_id = record.get("id")
    where = record.get("path") or (f"{path}#{item_id}" if item_id not in (None, "") else f"{path}#row-{row}")
    text = record.get("text")
    if not isinstance(text, str):
        return IngestFailure(str(where), 'no "text" string')
    if len(text.encode("utf-8")) > MAX_BYTES:
        return too_large(str(where), MAX_BYTES)
    metadata = {key: _as_str(record.get(key)) for key in PARQUET_METADATA}
    return finish(Article(text=text, path=clean_line(where), **metadata), str(where))


def _as_str(value: object) -> str:
    if value is None:
        return ""
    # A date or timestamp column: its ISO form, as dates are written everywhere else.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def plan_shards(items: Iterable[Article | IngestFailure], size: int) -> Iterator[Shard]:
    """Consecutive shards of ``size`` input items (the last may be shorter)."""
    shard = Shard(0)
    for item in items:
        (shard.failures if isinstance(item, IngestFailure) else shard.articles).append(item)
        if len(shard) == size:
            yield shard
            shard = Shard(shard.number + 1)
    if len(shard):
        yield shard

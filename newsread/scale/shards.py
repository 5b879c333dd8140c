"""The shard files: per shard, ``articles-NNNNN.parquet`` and ``quotes-NNNNN.parquet``.

Each file is written under a hidden temp name, fsynced and renamed, quotes first and
articles last: a shard is done exactly when its articles file exists, so a run killed
at any point leaves whole shards and temp files, never half a shard. The articles file
also carries the shard's per-article errors in its Parquet metadata, so a shard is
self-contained and ``errors.jsonl`` can be rebuilt from the shards at the end of any run.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from newsread.ingest import content_hash
from newsread.model import Article, Extraction, Quote, Speaker

ARTICLES = "articles-{:05d}.parquet"
QUOTES = "quotes-{:05d}.parquet"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
ERRORS_KEY = b"newsread.errors"


class ScaleError(RuntimeError):
    """A sharded run cannot start (reported as one line)."""


class ScaleUnavailable(ScaleError):
    """The optional dependencies of the ``scale`` extra are not installed."""


def parquet_module():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ScaleUnavailable("Parquet needs pyarrow: pip install 'newsread[scale]'") from None
    return pq


def schemas():
    """(articles schema, quotes schema). ``id`` / ``article_id`` is the content hash of the text,
    the same the store deduplicates on, so it is stable across runs, machines and shard sizes."""
    import pyarrow as pa

    text = pa.string()
    articles = pa.schema([
        ("id", text), ("path", text), ("url", text), ("title", text), ("source", text), ("date", text),
        ("author", text), ("licence", text), ("text", text), ("extractor", text),
        # The article's speaker registry (the reader's candidates), as Store.store_extraction wants it.
        ("speakers", pa.list_(pa.struct([("name", text), ("kind", text), ("aliases", pa.list_(text)), ("scope", text)]))),
        ("quotes", pa.int32()),
    ])
    quotes = pa.schema([
        ("article_id", text), ("start", pa.int64()), ("end", pa.int64()), ("text", text), ("kind", text),
        ("speaker", text), ("speakers", pa.list_(text)), ("speaker_kind", text), ("cue", text),
        ("cue_start", pa.int64()), ("mention_start", pa.int64()), ("mention_end", pa.int64()),
        ("confidence", pa.float64()), ("sieve", text),
        # JSON text, not a struct: the evidence steps may gain fields without a schema change.
        ("evidence", text),
    ])
    return articles, quotes


def articles_path(out: Path, number: int) -> Path:
    return out / ARTICLES.format(number)


def shard_done(out: Path, number: int) -> bool:
    return articles_path(out, number).exists() and (out / QUOTES.format(number)).exists()


def write_shard(out: Path, number: int, results: list[tuple[Article, Extraction]], errors: list[dict],
                extractor: str) -> tuple[int, int]:
    """Write one shard; returns (articles, quotes) written. The same text twice in one shard is
    written once (the store keeps it once too); ``errors`` go into the articles file's metadata."""
    import pyarrow as pa

    articles_schema, quotes_schema = schemas()
    article_rows, quote_rows, seen = [], [], set()
    for article, extraction in results:
        article_id = content_hash(article.text)
        if article_id in seen:
            continue
        seen.add(article_id)
        article_rows.append({
            "id": article_id, "path": article.path, "url": article.url, "title": article.title,
            "source": article.source, "date": article.date, "author": article.author, "licence": article.licence,
            "text": article.text, "extractor": extractor, "quotes": len(extraction.quotes),
            "speakers": [{"name": s.name, "kind": s.kind, "aliases": list(s.aliases), "scope": s.scope}
                         for s in extraction.speakers],
        })
        quote_rows += [_quote_row(article_id, quote) for quote in extraction.quotes]
    metadata = {ERRORS_KEY: json.dumps(errors, ensure_ascii=False).encode("utf-8"), b"newsread.extractor": extractor.encode()}
    _write_table(pa.Table.from_pylist(quote_rows, schema=quotes_schema), out / QUOTES.format(number))
    _write_table(pa.Table.from_pylist(article_rows, schema=articles_schema.with_metadata(metadata)), articles_path(out, number))
    return len(article_rows), len(quote_rows)


def _quote_row(article_id: str, q: Quote) -> dict:
    return {
        "article_id": article_id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "speaker": q.speaker, "speakers": list(q.speakers), "speaker_kind": q.speaker_kind, "cue": q.cue,
        "cue_start": q.cue_start, "mention_start": q.mention_start, "mention_end": q.mention_end,
        "confidence": q.confidence, "sieve": q.sieve, "evidence": json.dumps(q.evidence, ensure_ascii=False),
    }


def _write_table(table, path: Path) -> None:
    pq = parquet_module()
    # Unique per writer: two attempts at one shard (a worker presumed dead, and its retry) never share a temp file.
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(temp, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_temp_files(out: Path) -> None:
    """Temp files a killed writer left behind (only run when no other run writes to ``out``)."""
    for temp in out.glob(".*.parquet.*.tmp"):
        temp.unlink(missing_ok=True)


def done_shards(out: Path) -> list[Path]:
    """The articles files of every complete shard in ``out``, in shard order."""
    return sorted(p for p in out.glob("articles-*.parquet") if (out / p.name.replace("articles-", "quotes-", 1)).exists())


def shard_errors(articles_file: Path) -> list[dict]:
    metadata = parquet_module().read_schema(articles_file).metadata or {}
    return json.loads(metadata.get(ERRORS_KEY, b"[]"))


def write_errors(out: Path, errors: list[dict]) -> None:
    """``errors.jsonl``: one JSON line per article that could not be read or extracted."""
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    temp = out / f".{ERRORS}.{uuid.uuid4().hex[:12]}.tmp"
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, out / ERRORS)


def check_manifest(out: Path, shard_size: int) -> None:
    """Record the shard size on the first run; refuse a rerun with another one, which would cut
    different shards and mix them with the done ones. Raises ValueError with a one-line message."""
    path = out / MANIFEST
    if path.exists():
        recorded = json.loads(path.read_text(encoding="utf-8")).get("shard_size")
        if recorded != shard_size:
            raise ValueError(f"{out} holds shards of {recorded} articles: rerun with --shard-size {recorded}, or use a new folder")
        return
    path.write_text(json.dumps({"shard_size": shard_size, "format": 1}) + "\n", encoding="utf-8")


def read_shard(articles_file: Path) -> Iterator[tuple[Article, Extraction, str]]:
    """(article, its extraction, the extractor's name) for each article of one done shard."""
    pq = parquet_module()
    quotes_file = articles_file.with_name(articles_file.name.replace("articles-", "quotes-", 1))
    try:
        quote_rows, article_rows = pq.read_table(quotes_file).to_pylist(), pq.read_table(articles_file).to_pylist()
    except Exception as error:  # pyarrow's own error types: a damaged or foreign file
        raise ValueError(f"{articles_file.parent}: shard {articles_file.name} cannot be read ({error})") from None
    by_article: dict[str, list[Quote]] = {}
    for row in quote_rows:
        by_article.setdefault(row.pop("article_id"), []).append(_quote(row))
    for row in article_rows:
        article = Article(text=row["text"], **{k: row[k] or "" for k in ("title", "source", "url", "date", "author", "path", "licence")})
        # shards written before speakers had a scope carry none: the store then reads it off the evidence
        speakers = [Speaker(s["name"], s["kind"], list(s["aliases"] or []), scope=s.get("scope") or "global")
                    for s in row["speakers"] or []]
        yield article, Extraction(by_article.get(row["id"], []), speakers), row["extractor"]


def _quote(row: dict) -> Quote:
    row["evidence"] = json.loads(row["evidence"] or "[]")
    row["speakers"] = list(row["speakers"] or [])
    return Quote(**row)

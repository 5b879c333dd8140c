"""Extraction past one machine: Parquet shards, written by local processes or a Dask cluster.

``newsread extract PATH... --out DIR`` reads articles with the usual ingest (plus Parquet
files with a ``text`` column), cuts them into shards of a fixed number of articles, and
writes each shard as ``articles-NNNNN.parquet`` + ``quotes-NNNNN.parquet``;
``newsread import --format parquet DIR`` loads them into a store for review.

Nothing here is imported by the reader or ``newsread --help``: pyarrow loads in
``shards.py`` and Dask in ``dask_engine.py``, only when a command needs them.
"""

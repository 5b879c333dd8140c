"""Sharded extraction on Dask: real LocalClusters on 127.0.0.1, real worker processes, real Parquet files.

The shards must hold exactly what a plain ``newsread extract`` prints; a worker that dies
mid-run costs nothing after a rerun; bad articles are listed, never fatal; the shards
import into a store as the same quotes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the scale extra: pip install -e '.[test,scale]'")
pq = pytest.importorskip("pyarrow.parquet", reason="the scale extra: pip install -e '.[test,scale]'")

import cloudpickle  # noqa: E402  (installed with distributed)
import dask  # noqa: E402

from newsread.ingest import content_hash  # noqa: E402
from newsread.scale.run import extract_to_shards  # noqa: E402
from newsread.store import Store  # noqa: E402

NEWSREAD = str(Path(sys.executable).parent / "newsread")
ARTICLES = Path(__file__).parent.parent.parent / "shared" / "data" / "articles"

# The crash plugin below is defined here, in a module the workers cannot import: send it by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"
    return subprocess.run([NEWSREAD, *args], capture_output=True, text=True, env=env, timeout=300)


def shard_quotes(out: Path) -> dict[str, list[tuple]]:
    """path -> [(start, end, speaker, kind)] over every shard in ``out``."""
    articles = pq.read_table(sorted(out.glob("articles-*.parquet"))).to_pylist()
    by_id: dict[str, list[tuple]] = {}
    for q in pq.read_table(sorted(out.glob("quotes-*.parquet"))).to_pylist():
        by_id.setdefault(q["article_id"], []).append((q["start"], q["end"], q["speaker"], q["kind"]))
    return {a["path"]: by_id.get(a["id"], []) for a in articles}


def errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory) -> Path:
    """Every shared article through the command's own LocalCluster of 2 workers, in shards of 10."""
    out = tmp_path_factory.mktemp("scale") / "shards"
    result = run("extract", str(ARTICLES), "--out", str(out), "--engine", "dask", "--workers", "2", "--shard-size", "10")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def cluster():
    # The scheduler of a LocalCluster runs in this process, so this setting reaches it: a shard
    # whose worker dies fails at once instead of being retried elsewhere, which leaves the
    # rerun something to resume.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0") as local:
            yield local


@pytest.mark.slow
def test_shards_hold_exactly_the_quotes_of_plain_extract(dask_run):
    plain = run("extract", "--format", "jsonl", str(ARTICLES))
    assert plain.returncode == 0, plain.stderr
    expected = {}
    for line in plain.stdout.splitlines():
        record = json.loads(line)
        expected[record["path"]] = [(q["start"], q["end"], q["speaker"], q["kind"]) for q in record["quotes"]]
    assert len(expected) == len(list(ARTICLES.glob("*.txt")))
    assert shard_quotes(dask_run) == expected
    assert sorted(p.name for p in dask_run.glob("articles-*.parquet")) == [f"articles-{n:05d}.parquet" for n in range(6)]
    assert errors(dask_run) == []
    for row in pq.read_table(sorted(dask_run.glob("articles-*.parquet"))).to_pylist():
        assert row["id"] == content_hash(Path(row["path"]).read_text(encoding="utf-8"))  # the stable id
        assert row["extractor"] and "+newsread-" in row["extractor"]
    quote = pq.read_table(dask_run / "quotes-00000.parquet").to_pylist()[0]
    assert quote["sieve"] and isinstance(quote["speakers"], list) and json.loads(quote["evidence"])


class ExitOnShard(distributed.WorkerPlugin):
    """Kills its worker process the moment it starts the marked shard, the first time only."""

    name = "test-exit-on-shard"

    def __init__(self, shard: int, marker: str) -> None:
        self.shard, self.marker = shard, marker

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish == "executing" and f"newsread-shard-{self.shard:05d}-" in str(key) and not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(1)


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_article_after_a_rerun(cluster, dask_run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:8]:
        shutil.copy(path, source)
    out = tmp_path / "shards"
    marker = tmp_path / "killed"
    with distributed.Client(cluster) as client:
        client.register_plugin(ExitOnShard(1, str(marker)))
        try:
            first = extract_to_shards([str(source)], out, engine="dask", scheduler=cluster.scheduler_address, shard_size=2)
        finally:
            client.unregister_worker_plugin(ExitOnShard.name)
    assert marker.exists()
    assert first.failed_shards >= 1 and first.shards + first.failed_shards == 4
    assert not (out / "articles-00001.parquet").exists()
    lost = [e for e in errors(out) if e["stage"] == "shard"]
    assert {e["shard"] for e in lost} >= {1} and all("KilledWorker" in e["reason"] for e in lost)
    done_before = {p.name: p.stat().st_mtime_ns for p in out.glob("*-*.parquet")}

    second = extract_to_shards([str(source)], out, engine="dask", scheduler=cluster.scheduler_address, shard_size=2)
    assert (second.failed_shards, second.skipped_shards, second.shards) == (0, first.shards, first.failed_shards)
    assert errors(out) == []
    assert {name: (out / name).stat().st_mtime_ns for name in done_before} == done_before  # done shards untouched
    assert not list(out.glob(".*.tmp"))
    everything = shard_quotes(dask_run)
    resumed = shard_quotes(out)
    assert len(resumed) == 8
    assert resumed == {path: everything[str(ARTICLES / Path(path).name)] for path in resumed}


@pytest.mark.slow
def test_bad_articles_are_listed_and_the_rest_done(cluster, dask_run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    good = sorted(ARTICLES.glob("*.txt"))[10:12]
    for path in good:
        shutil.copy(path, source)
    (source / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (source / "empty.txt").write_text("", encoding="utf-8")
    everything = shard_quotes(dask_run)
    expected = {str(source / p.name): everything[str(p)] for p in good}
    # On the running cluster, and with today's local processes: the same shards, the same errors.
    for name, engine in (("dask", ["--scheduler", cluster.scheduler_address]), ("local", ["--workers", "1"])):
        out = tmp_path / name
        result = run("extract", str(source), "--out", str(out), "--shard-size", "3", *engine)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "2 item(s) could not be read or extracted" in result.stderr
        assert {(Path(e["source"]).name, e["reason"]) for e in errors(out)} == {("image.txt", "binary file"), ("empty.txt", "empty article")}
        assert shard_quotes(out) == expected


def stored_quotes(db: Path) -> dict[str, list[tuple]]:
    with Store(db, readonly=True) as store:
        stored = {}
        for article_id in store.article_ids():
            quotes = store.quotes(article_id)
            assert all(q.status == "unreviewed" and not q.human for q in quotes)  # model output, to review
            stored[store.article(article_id).path] = [(q.start, q.end, q.speaker, q.kind, q.sieve) for q in quotes]
        assert not store.articles_needing_extraction()
    return stored


@pytest.mark.slow
def test_import_parquet_fills_a_store_with_the_same_quotes(dask_run, tmp_path):
    imported, added = tmp_path / "imported.db", tmp_path / "added.db"
    result = run("--db", str(imported), "import", "--format", "parquet", str(dask_run))
    assert result.returncode == 0, result.stderr
    assert "imported 56 article(s)" in result.stderr
    # The same store as extracting them with `add`: one speaker per name across the database
    # ("Trump" in one article may be "Donald Trump" of another), and each quote's sieve.
    assert run("--db", str(added), "add", str(ARTICLES)).returncode == 0
    assert stored_quotes(imported) == stored_quotes(added)
    by_path = {path: sorted((s, e, k) for s, e, _, k in quotes) for path, quotes in shard_quotes(dask_run).items()}
    assert {path: sorted((s, e, k) for s, e, _, k, _ in quotes) for path, quotes in stored_quotes(imported).items()} == by_path
    again = run("--db", str(imported), "import", "--format", "parquet", str(dask_run))
    assert again.returncode == 0 and "skipped 56 already present" in again.stderr


def test_help_and_the_reader_import_neither_dask_nor_pyarrow():
    code = ("import sys, contextlib, io\n"
            "from newsread.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try: main(['--help'])\n"
            "    except SystemExit: pass\n"
            "import newsread.commands, newsread.tui.app\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr

"""The newsread command as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsread.store import Store

NEWSREAD = str(Path(sys.executable).parent / "newsread")
SAMPLES = Path(__file__).parent.parent / "newsread" / "samples"
SEED = Path(__file__).parent.parent.parent / "shared" / "data" / "articles" / "sibal-lavrov-peskov-2025-10-29.txt"
COMMANDS = ["read", "add", "extract", "export", "import", "eval", "reextract", "history", "backup", "locate"]


def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    full_env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"  # the user's own config must not leak in
    full_env.update(env or {})
    return subprocess.run([NEWSREAD, *args], capture_output=True, text=True, env=full_env, timeout=300, **kwargs)


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and lines[0].startswith("newsread: ")
    for fragment in fragments:
        assert fragment in result.stderr


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    for command in COMMANDS:
        assert run(command, "--help").returncode == 0


def test_locate_follows_db_option_and_environment(tmp_path):
    assert f"database: {tmp_path / 'a.db'}" in run("--db", str(tmp_path / "a.db"), "locate").stdout
    assert f"database: {tmp_path / 'b.db'}" in run("locate", env={"NEWSREAD_DB": str(tmp_path / "b.db")}).stdout


def test_bad_database_is_one_line(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("shopping list")
    result = run("--db", str(not_db), "history")
    assert_one_line_error(result, "notes.db", "not a SQLite database")
    assert not_db.read_text() == "shopping list"
    assert_one_line_error(run("--db", str(tmp_path / "missing.db"), "export"), "no such database")


def test_bad_config_is_one_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("user = [unclosed")
    result = run("--db", str(tmp_path / "n.db"), "history", env={"NEWSREAD_CONFIG": str(config)})
    assert_one_line_error(result, "config.toml", "TOML")


def test_add_reports_bad_files_and_ingests_the_rest(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text('"We are ready," the minister said on Monday.\n', encoding="utf-8")
    (tmp_path / "in" / "latin1.txt").write_bytes("Caf\xe9 owner said so.".encode("latin-1"))
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty_folder").mkdir()
    db = tmp_path / "n.db"
    result = run("--db", str(db), "add", "--no-extract", str(tmp_path / "in"), str(tmp_path / "missing.txt"),
                 str(tmp_path / "empty_folder"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name in ("latin1.txt", "image.txt", "missing.txt", "empty_folder"):
        assert name in result.stderr
    with Store(db) as store:
        assert [store.article(i).path for i in store.article_ids()] == [str(good)]


def test_add_extract_export_history_backup(tmp_path):
    db = tmp_path / "n.db"
    result = run("--db", str(db), "add", str(SAMPLES / "wn-cuba-bus-crash-2019-01-12.txt"),
                 str(SAMPLES / "govuk-carlisle-park-homes-2012-12-17.txt"))
    assert result.returncode == 0, result.stderr
    assert "added 2 article(s)" in result.stderr
    again = run("--db", str(db), "add", "--no-extract", str(SAMPLES / "wn-cuba-bus-crash-2019-01-12.txt"))
    assert "skipped 1 duplicate(s)" in again.stderr

    with Store(db, user="ana") as store:
        quotes = [q for a in store.article_ids() for q in store.quotes(a)]
        assert len(quotes) >= 4
        store.accept(quotes[0].id)
        store.edit(quotes[1].id, speaker="A Person Named Later")

    exported = run("--db", str(db), "export", "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(lines) == len(quotes)
    by_id = {(line["article_id"], line["start"]): line for line in lines}
    first = by_id[(quotes[0].article_id, quotes[0].start)]
    assert first["status"] == "accepted" and first["human"] is False
    second = by_id[(quotes[1].article_id, quotes[1].start)]
    assert second["speaker"] == "A Person Named Later" and second["human"] is True
    reviewed = run("--db", str(db), "export", "--format", "jsonl", "--reviewed")
    assert len(reviewed.stdout.splitlines()) == 2

    history = run("--db", str(db), "history")
    assert history.returncode == 0
    assert len(history.stdout.splitlines()) == 2
    assert "ana" in history.stdout and "A Person Named Later" in history.stdout

    backup = tmp_path / "backup.db"
    assert run("--db", str(db), "backup", str(backup)).returncode == 0
    with Store(backup) as copy:
        assert len(copy.history()) == 2

    rerun = run("--db", str(db), "reextract")
    assert rerun.returncode == 0, rerun.stderr
    with Store(db) as store:
        after = {q.id: q for a in store.article_ids() for q in store.quotes(a)}
        assert after[quotes[0].id].status == "accepted"
        assert after[quotes[1].id].speaker == "A Person Named Later"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article lives in ../shared")
def test_extract_prints_one_line_per_file_without_a_database(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Nobody said anything here.\n")
    result = run("extract", str(SEED), str(other), "--format", "jsonl", cwd=tmp_path,
                 env={"NEWSREAD_DB": str(tmp_path / "never.db")})
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(SEED), str(other)]
    keys = {"start", "end", "text", "kind", "speaker", "speakers", "speaker_kind", "cue", "cue_start", "mention_start",
            "mention_end", "confidence", "sieve", "evidence"}
    assert records[0]["quotes"] and all(set(q) == keys for q in records[0]["quotes"])
    text = SEED.read_text(encoding="utf-8")
    assert all(text[q["start"]:q["end"]] == q["text"] for q in records[0]["quotes"])
    assert "Dmitry Peskov" in {q["speaker"] for q in records[0]["quotes"]}
    assert not (tmp_path / "never.db").exists()


def test_unknown_pipeline_is_one_line(tmp_path):
    result = run("extract", str(SAMPLES / "wn-cuba-bus-crash-2019-01-12.txt"), "--pipeline", "xx_no_such_model")
    assert_one_line_error(result, "xx_no_such_model")


GOLD = Path(__file__).parent / "data" / "gold"


def test_import_gold_then_export_every_format(tmp_path):
    db = tmp_path / "n.db"
    imported = run("--db", str(db), "import", "--format", "jsonl", str(GOLD))
    assert imported.returncode == 0, imported.stderr
    assert "imported 30 article(s) with 268 quote(s)" in imported.stderr
    for fmt, target in [("jsonl", "q.jsonl"), ("articles-jsonl", "a.jsonl"), ("csv", "q.csv"), ("spacy", "q.spacy"),
                        ("brat", "brat"), ("prodigy", "p.jsonl"), ("labelstudio", "ls.json")]:
        result = run("--db", str(db), "export", "--format", fmt, "-o", str(tmp_path / target))
        assert result.returncode == 0, (fmt, result.stderr)
        assert (tmp_path / target).exists()
    assert len((tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()) == 268
    assert len(list((tmp_path / "brat").glob("*.ann"))) == 30
    assert_one_line_error(run("--db", str(db), "export", "--format", "brat"), "output path")
    # Round trip: the articles form imports into an empty database as the same quotes.
    again = tmp_path / "again.db"
    assert run("--db", str(again), "import", "--format", "jsonl", str(tmp_path / "a.jsonl")).returncode == 0
    assert run("--db", str(again), "export", "--format", "jsonl").stdout == (tmp_path / "q.jsonl").read_text(encoding="utf-8")

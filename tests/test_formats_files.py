"""Export files as other programs meet them: the mode the umask gives, and -o onto a FIFO or a device.

Every test runs the real ``newsread`` command on a real database file.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_formats_export import sample_records

from newsread.formats import export

NEWSREAD = str(Path(sys.executable).parent / "newsread")


def newsread(*args: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    """The command under ``umask`` (set by the shell, as a user's login would)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"  # the user's own config must not leak in
    command = f"umask {umask:03o} && exec \"$0\" \"$@\""
    return subprocess.run(["sh", "-c", command, NEWSREAD, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A database holding the sample articles, imported by the command itself."""
    folder = tmp_path_factory.mktemp("files")
    export("articles-jsonl", sample_records(), folder / "articles.jsonl")
    path = folder / "n.db"
    result = newsread("--db", str(path), "import", "--format", "jsonl", str(folder / "articles.jsonl"))
    assert result.returncode == 0, result.stderr
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "file_mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_have_the_mode_the_umask_gives(db, tmp_path, umask, file_mode):
    (tmp_path / "old.jsonl").write_text("old\n")
    os.chmod(tmp_path / "old.jsonl", 0o600)  # replaced: the new file's mode is the umask's, not the old one's
    for fmt, target in [("jsonl", "old.jsonl"), ("spacy", "quotes.spacy"), ("brat", "brat")]:
        result = newsread("--db", str(db), "export", "--format", fmt, "-o", str(tmp_path / target), umask=umask)
        assert result.returncode == 0, result.stderr
    files = [tmp_path / "old.jsonl", tmp_path / "quotes.spacy", tmp_path / "quotes.cfg", *(tmp_path / "brat").iterdir()]
    assert len(files) == 9  # 1.txt, 1.ann, 2.txt, 2.ann, annotation.conf, metadata.jsonl in brat/
    assert {path.name: mode(path) for path in files} == {path.name: file_mode for path in files}
    assert mode(tmp_path / "brat") == 0o777 & ~umask


def test_export_onto_dev_null_writes_to_it_and_leaves_it_a_device(db):
    for fmt in ("jsonl", "labelstudio", "spacy"):
        result = newsread("--db", str(db), "export", "--format", fmt, "-o", "/dev/null")
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not Path("/dev/null.cfg").exists()  # nothing is written beside a device
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".null.")]  # no temp file either


def test_brat_onto_a_device_or_a_file_refuses_with_one_line(db, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me\n")
    for target in ("/dev/null", str(tmp_path / "notes.txt")):
        result = newsread("--db", str(db), "export", "--format", "brat", "-o", target)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            f"newsread: {target}: not a folder (the brat format writes a folder of .txt and .ann files)"]
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert (tmp_path / "notes.txt").read_text() == "keep me\n"


def test_export_onto_a_fifo_writes_into_the_pipe(db, tmp_path):
    fifo = tmp_path / "quotes.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = newsread("--db", str(db), "export", "--format", "jsonl", "-o", str(fifo))
    assert result.returncode == 0, result.stderr
    reader.join(timeout=60)
    assert not reader.is_alive(), "the export never opened the FIFO (renamed a file over it?)"
    expected = newsread("--db", str(db), "export", "--format", "jsonl").stdout
    assert received == [expected.encode("utf-8")] and len(expected.splitlines()) == 6
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.pipe"]  # no temp file, no .cfg


def test_export_onto_a_terminal_refuses_with_one_line(db):
    import pty

    controller, terminal = pty.openpty()
    try:
        name = os.ttyname(terminal)
        result = newsread("--db", str(db), "export", "--format", "jsonl", "-o", name)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            f"newsread: {name}: is a terminal; leave out -o to see the export there (control characters shown)"]
        assert stat.S_ISCHR(os.stat(name).st_mode)
    finally:
        os.close(terminal)
        os.close(controller)

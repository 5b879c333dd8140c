"""Ingest of local files and folders: real files in tmp_path, no network."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsread.ingest import IngestFailure, content_hash, read_sources
from newsread.model import Article

DATA = Path(__file__).parent / "data" / "ingest"


def read_one(path: Path, **options) -> Article | IngestFailure:
    results = list(read_sources([str(path)], **options))
    assert len(results) == 1, results
    return results[0]


def test_txt_keeps_text_verbatim_and_takes_first_line_as_title(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_bytes("\n  Bridge to close\r\n\r\nThe council said “yes”.\r\n".encode())
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == "Bridge to close"
    assert article.text == "\n  Bridge to close\n\nThe council said “yes”.\n"  # title line kept
    assert article.path == str(path)
    assert article.url == "" and article.source == ""


def test_txt_with_a_long_first_line_is_titled_by_its_file_name(tmp_path):
    path = tmp_path / "long-lead.txt"
    path.write_text("word " * 60 + "\n\nMore.", encoding="utf-8")
    assert read_one(path).title == "Long lead"  # the file name made readable (tests/test_ingest_metadata.py)


def test_text_is_normalised(tmp_path):
    path = tmp_path / "escapes.txt"
    # decomposed é, a terminal colour sequence, a bell, an OSC title change
    path.write_text("Cafe\u0301 \x1b[31mred\x1b[0m\x07 \x1b]0;pwned\x07done\r\n", encoding="utf-8")
    article = read_one(path)
    assert article.text == "Café red done\n"


def test_md_title_is_the_first_heading(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("Intro line\n\n# The real headline\n\nBody text.\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "The real headline"
    assert article.text.startswith("Intro line")


def test_messy_html_file_yields_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    shutil.copy(DATA / "messy-article.html", path)
    article = read_one(path)
    assert isinstance(article, Article), article
    assert article.title == "Harbour bridge to close for repairs"
    assert article.source == "Coastal Courier"
    assert article.author == "Mira Okafor"
    assert article.date == "2024-05-14"
    assert "“We know this is a real inconvenience for people,” said council leader Ana Ruiz." in article.text
    assert "temporary pontoon crossing" in article.text  # across the mis-nested tags
    for boilerplate in ("tracking", "Buy one", "All rights reserved", "Privacy"):
        assert boilerplate not in article.text
    assert "\n\n" in article.text  # paragraphs stay apart


def test_html_file_in_its_declared_charset_and_canonical_url(tmp_path):
    path = tmp_path / "saved.html"
    page = (DATA / "messy-article.html").read_text(encoding="utf-8").replace("Ana Ruiz", "Zoë Müller")
    page = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">'
                        '<link rel="canonical" href="https://courier.example/bridge">')
    path.write_bytes(page.encode("latin-1", errors="replace"))
    article = read_one(path)
    assert "said council leader Zoë Müller" in article.text
    assert article.url == "https://courier.example/bridge"


def test_broken_html_does_not_crash(tmp_path):
    cases = {
        "tags-only.html": "<html><body><div><p></div></p></body>",
        "garbage.htm": "<<<>>> <p <b>>< / >&&&;;<script>",
        "unclosed.html": "<html><body><p>" + "Words keep going without any end " * 20,
    }
    for name, markup in cases.items():
        (tmp_path / name).write_text(markup, encoding="utf-8")
        result = read_one(tmp_path / name)
        assert isinstance(result, (Article, IngestFailure))
        if isinstance(result, IngestFailure):
            assert "\n" not in result.reason


def test_binary_latin1_empty_and_missing_files_fail_with_reasons(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Déjà vu in Zürich".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n\t\n", encoding="utf-8")
    reasons = {
        name: read_one(tmp_path / name).reason for name in ("image.txt", "latin1.txt", "empty.txt", "absent.txt")
    }
    assert reasons == {
        "image.txt": "binary file",
        "latin1.txt": "not UTF-8 text (byte 0xe9 at offset 1)",
        "empty.txt": "empty article",
        "absent.txt": "no such file",
    }


def test_size_cap_applies_to_files(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    assert read_one(path, max_bytes=1000).reason == "larger than 1 kB cap"


def test_folder_is_read_recursively_in_order_and_failures_do_not_stop_it(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b" / "bad.txt").write_bytes(b"\xff\xfd bad")  # not UTF-8 (FF FE would be UTF-16's byte order mark)
    (tmp_path / "b" / "deep" / "c.md").write_text("# Third\n\nText.", encoding="utf-8")
    (tmp_path / "b" / "skip.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".git" / "config.txt").write_text("hidden", encoding="utf-8")
    results = list(read_sources([str(tmp_path)]))
    assert [Path(r.path if isinstance(r, Article) else r.source).name for r in results] == ["a.txt", "bad.txt", "c.md"]
    assert [type(r).__name__ for r in results] == ["Article", "IngestFailure", "Article"]


def test_folder_without_text_files(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    assert read_one(tmp_path) == IngestFailure(str(tmp_path), "no text files in folder")


def test_many_sources_in_one_batch(tmp_path):
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    results = list(read_sources([str(tmp_path / "missing"), str(tmp_path / "one.txt"), "ftp://example.org/x"]))
    assert [type(r).__name__ for r in results] == ["IngestFailure", "Article", "IngestFailure"]
    assert results[2].reason == "unsupported URL scheme 'ftp' (only http and https)"


def test_content_hash_is_sha256_of_normalised_text():
    assert content_hash("Cafe\u0301\r\n") == content_hash("Café\n")
    assert len(content_hash("x")) == 64
    assert content_hash("a") != content_hash("b")


def test_gold_file_can_be_ingested_as_a_corpus():
    gold = Path(__file__).parent / "data" / "gold" / "wn-badalona-fire-2019-01-07.jsonl"
    (article,) = read_sources([str(gold)])
    record = json.loads(gold.read_text(encoding="utf-8"))
    assert article.text == record["text"]
    assert article.path == f"{gold}#wn-badalona-fire-2019-01-07"


def test_reading_does_not_import_heavy_libraries(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Plain.", encoding="utf-8")
    code = (
        "import sys; from newsread.ingest import read_sources; "
        f"list(read_sources([{str(tmp_path)!r}])); "
        "print(sorted(m for m in ('spacy', 'httpx', 'trafilatura', 'feedparser') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"

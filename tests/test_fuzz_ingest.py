"""Ingest fuzzed with hypothesis: any bytes in a file give an Article or a one-line failure."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsread.ingest import IngestFailure, read_sources
from newsread.model import Article
from newsread.text import normalize

MARKS = st.sampled_from(list("\"'“”‘’«»„‚"))
TRICKY_TEXT = st.lists(
    st.one_of(st.text(min_size=0, max_size=40), MARKS, st.sampled_from(["\x1b[31m", "\x1b]52;c;eA==\x07", "\x00", "\r\n", "\n\n", "\t"])),
    max_size=60,
).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(TRICKY_TEXT)
def test_normalize_is_idempotent_and_clean(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\x1b" not in once
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in once)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=2000), TRICKY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_file_gives_articles_or_one_line_failures(tmp_path, data, suffix):
    path = tmp_path / f"article{suffix}"
    path.write_bytes(data)
    for item in read_sources([str(path)]):
        if isinstance(item, IngestFailure):
            assert item.reason and "\n" not in item.reason
        else:
            assert isinstance(item, Article)
            assert item.text.strip() and normalize(item.text) == item.text

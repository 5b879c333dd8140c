"""The library service: articles into the store, extraction over them, on one core or several."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsread.library import add_articles, extract_articles
from newsread.model import Article
from newsread.store import Store

SAMPLE = Path(__file__).parent.parent / "newsread" / "samples" / "wn-cuba-bus-crash-2019-01-12.txt"


def test_extraction_on_two_processes_reads_texts_from_the_store(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    with Store(tmp_path / "n.db") as store:
        ids, duplicates = add_articles(store, [Article(text=f"{text}\n\nCopy {n}.") for n in range(16)])
        assert len(ids) == 16 and duplicates == 0
    seen: list[tuple[int, int]] = []
    summary = extract_articles(tmp_path / "n.db", ids, n_process=2, progress=lambda done, total: seen.append((done, total)))
    assert summary.articles == 16
    with Store(tmp_path / "n.db") as store:
        counts = {len(store.quotes(article_id)) for article_id in ids}
        assert len(counts) == 1 and counts.pop() > 0  # every copy gets the same quotes
        assert seen[0] == (0, 16) and seen[-1] == (16, 16)


def test_workers_are_never_forked_while_a_connection_is_open(tmp_path):
    """SQLite forbids carrying an open connection across fork(): extraction refuses to."""
    with Store(tmp_path / "n.db") as store:
        ids, _ = add_articles(store, [Article(text=f"Copy {n}: \"It works,\" she said.") for n in range(16)])
        with pytest.raises(RuntimeError, match="connection is open"):
            extract_articles(tmp_path / "n.db", ids, n_process=2)
        assert store.quotes(ids[0]) == []

"""The library service: articles into the store, extraction over them, on one core or several."""

from __future__ import annotations

from pathlib import Path

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
        summary = extract_articles(store, ids, n_process=2, progress=lambda done, total: seen.append((done, total)))
        assert summary.articles == 16
        counts = {len(store.quotes(article_id)) for article_id in ids}
        assert len(counts) == 1 and counts.pop() > 0  # every copy gets the same quotes
        assert seen[0] == (0, 16) and seen[-1] == (16, 16)

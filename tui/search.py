"""Full-text search over articles and quotes with the store's FTS5 tables."""

from __future__ import annotations

from dataclasses import dataclass

from newsread.store import Store


@dataclass
class SearchHit:
    article_id: int
    quote_id: int | None
    title: str
    text: str
    speaker: str = ""


def fts_query(user_text: str) -> str:
    """Each word as a quoted FTS5 term (so punctuation is never syntax), the last as a prefix."""
    words = [w.replace('"', '""') for w in user_text.split()]
    if not words:
        return ""
    terms = [f'"{w}"' for w in words]
    terms[-1] += "*"
    return " ".join(terms)


def search(store: Store, user_text: str, limit: int = 40) -> list[SearchHit]:
    query = fts_query(user_text)
    if not query:
        return []
    articles, quotes = store.search(query, limit)
    return ([SearchHit(r["article_id"], None, r["title"], r["snippet"]) for r in articles]
            + [SearchHit(r["article_id"], r["quote_id"], r["title"], r["text"], r["speaker"]) for r in quotes])

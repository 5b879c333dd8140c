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
    hits: list[SearchHit] = []
    rows = store.conn.execute(
        """SELECT a.id, a.title, snippet(articles_fts, 1, '', '', '…', 12)
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        [query, limit // 2],
    ).fetchall()
    hits += [SearchHit(r[0], None, r[1], r[2]) for r in rows]
    rows = store.conn.execute(
        """SELECT q.article_id, q.id, a.title, q.text, coalesce(s.name, '')
           FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid
           JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
           WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?""",
        [query, limit],
    ).fetchall()
    hits += [SearchHit(r[0], r[1], r[2], r[3], r[4]) for r in rows]
    return hits

"""Full-text search over articles and quotes with the store's FTS5 tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsread.store import Store

# The search's prefix indexes (m012) hold prefixes of 2 and 3 characters: a last word of one
# character is looked for as a word, since as a prefix it would be nearly every word of the index.
SHORTEST_PREFIX = 2


@dataclass
class SearchHit:
    article_id: int
    quote_id: int | None
    title: str
    text: str
    speaker: str = ""


@dataclass
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    order: str = ""  # how the hits are ordered, for the dialog to say


def fts_phrases(user_text: str) -> list[str]:
    """Each word as a quoted FTS5 phrase (so punctuation is never syntax), the last as a prefix."""
    words = user_text.split()
    phrases = ['"' + w.replace('"', '""') + '"' for w in words]
    if words and len(words[-1]) >= SHORTEST_PREFIX:
        phrases[-1] += "*"
    return phrases


def fts_query(user_text: str) -> str:
    return " ".join(fts_phrases(user_text))


def search_order(articles_ranked: bool, quotes_ranked: bool) -> str:
    """What the dialog says of the hits' order (see Store.search: ranking many matches, or a word in
    most rows, would cost seconds at 100,000 articles)."""
    if articles_ranked and quotes_ranked:
        return "best matches first"
    which = "" if articles_ranked == quotes_ranked else "articles " if quotes_ranked else "quotes "
    return f"{which}newest first (too common to rank)"


def search(store: Store, user_text: str, limit: int = 40) -> SearchResults:
    phrases = fts_phrases(user_text)
    if not phrases:
        return SearchResults()
    found = store.search(phrases, limit)
    hits = ([SearchHit(r["article_id"], None, r["title"], r["snippet"]) for r in found.articles]
            + [SearchHit(r["article_id"], r["quote_id"], r["title"], r["text"], r["speaker"]) for r in found.quotes])
    return SearchResults(hits, search_order(found.articles_ranked, found.quotes_ranked) if hits else "")

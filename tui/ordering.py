"""The orders in which j/k walk an article's quotes."""

from __future__ import annotations

from newsread.model import StoredQuote

ORDERS = ("document", "doubtful first", "unreviewed first")


def ordered(quotes: list[StoredQuote], order: str) -> list[StoredQuote]:
    if order == "doubtful first":
        return sorted(quotes, key=lambda q: (q.confidence, q.start))
    if order == "unreviewed first":
        return sorted(quotes, key=lambda q: (q.status != "unreviewed", q.start))
    return sorted(quotes, key=lambda q: (q.start, q.id))


def next_order(order: str) -> str:
    return ORDERS[(ORDERS.index(order) + 1) % len(ORDERS)]

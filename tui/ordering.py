"""The orders in which j/k walk an article's quotes."""

from __future__ import annotations

from newsread.model import StoredQuote

ORDERS = ("document", "doubtful first", "unreviewed first")


def order_key(quote: StoredQuote, order: str) -> tuple:
    if order == "doubtful first":
        return (quote.confidence, quote.start)
    if order == "unreviewed first":
        return (quote.status != "unreviewed", quote.start)
    return (quote.start, quote.id)


def ordered(quotes: list[StoredQuote], order: str) -> list[StoredQuote]:
    return sorted(quotes, key=lambda quote: order_key(quote, order))


def next_order(order: str) -> str:
    return ORDERS[(ORDERS.index(order) + 1) % len(ORDERS)]

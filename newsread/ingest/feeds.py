"""RSS/Atom feeds -> Articles: each entry's page, or the entry's own text when the page fails."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from newsread.model import Article

from .html import text_from_fragment
from .result import IngestFailure, finish

FEED_MEDIA_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
FEED_ROOT_TAGS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """Feed media types, or XML whose root element is a feed's (many servers say text/xml)."""
    if content_type in FEED_MEDIA_TYPES:
        return True
    if "html" in content_type:
        return False
    head = body[:2048].lower()
    return any(tag in head for tag in FEED_ROOT_TAGS)


def read_feed(
    body: bytes,
    feed_url: str,
    *,
    fetch_page: Callable[[str], object],
    page_to_article: Callable[..., Article | IngestFailure],
) -> Iterator[Article | IngestFailure]:
    import feedparser  # lazy: only needed for feeds

    parsed = feedparser.parse(body)
    if not parsed.entries:
        reason = "feed has no entries" if not parsed.bozo else "not a readable feed"
        yield IngestFailure(feed_url, reason)
        return
    feed_title = parsed.feed.get("title", "")
    for entry in parsed.entries:
        yield entry_article(entry, feed_url, feed_title, fetch_page, page_to_article)


def entry_article(entry, feed_url: str, feed_title: str, fetch_page, page_to_article) -> Article | IngestFailure:
    link = entry.get("link", "")
    page_problem = "entry has no link"
    if link.startswith(("http://", "https://")):
        fetched = fetch_page(link)
        page = fetched if isinstance(fetched, IngestFailure) else page_to_article(fetched, path=link)
        if isinstance(page, Article):
            return with_entry_metadata(page, entry, feed_title)
        page_problem = page.reason
    text = entry_text(entry)
    where = link or f"{feed_url}#{entry.get('id', '')}"
    if not text.strip():
        return IngestFailure(where, f"{page_problem}, and the feed entry has no text")
    article = Article(text=text, url=link, path=where)
    return finish(with_entry_metadata(article, entry, feed_title), where)


def entry_text(entry) -> str:
    """The entry's full content when the feed carries it, else its summary."""
    for content in entry.get("content", []):
        if content.get("value", "").strip():
            return text_from_fragment(content["value"])
    return text_from_fragment(entry.get("summary", ""))


def with_entry_metadata(article: Article, entry, feed_title: str) -> Article:
    """The feed's own title, author and date are more reliable than what a page scrape guesses."""
    article.title = entry.get("title") or article.title
    article.author = entry.get("author") or article.author
    article.source = feed_title or article.source
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if published:
        article.date = time.strftime("%Y-%m-%d", published)
    return article

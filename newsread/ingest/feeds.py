"""RSS/Atom feeds -> Articles: each entry's page (a few fetched at once, all within one deadline for
the feed), or the entry's own text when the page fails or is late."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from newsread.model import Article

from .html import text_from_fragment
from .result import IngestFailure, clean_line, finish

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


# Entry pages fetched at once: enough to hide a slow server, few enough to be polite to it.
FEED_WORKERS = 4

# (entries fetched, entries to fetch) as a feed's pages arrive.
FeedProgress = Callable[[int, int], None]
# An entry's page by ``until`` (a time.monotonic() deadline): its Fetched, or why not.
FetchBefore = Callable[[str, float], object]


def read_feed(
    body: bytes,
    feed_url: str,
    *,
    fetch_page: FetchBefore,
    page_to_article: Callable[..., Article | IngestFailure],
    deadline: float,
    late: str,
    progress: FeedProgress | None = None,
) -> Iterator[Article | IngestFailure]:
    """Each entry's page, fetched FEED_WORKERS at a time, all by ``deadline`` (time.monotonic());
    an entry whose page fails, or is not fetched by then (``late`` says so), gets its own text."""
    import feedparser  # lazy: only needed for feeds

    try:
        parsed = feedparser.parse(body)
    except Exception as error:  # noqa: BLE001 - third-party parser on untrusted input (e.g. "&#xd800;" in an entry)
        yield IngestFailure(feed_url, f"could not parse the feed ({type(error).__name__})")
        return
    if not parsed.entries:
        reason = "feed has no entries" if not parsed.bozo else "not a readable feed"
        yield IngestFailure(feed_url, reason)
        return
    feed_title = parsed.feed.get("title", "")
    links = [entry.get("link", "") for entry in parsed.entries]
    pages = fetch_pages(links, fetch_page, deadline=deadline, late=late, progress=progress)
    for number, entry in enumerate(parsed.entries):
        yield entry_article(entry, feed_url, feed_title, pages.get(number), page_to_article)


def fetch_pages(links: list[str], fetch_page: FetchBefore, *, deadline: float, late: str,
                progress: FeedProgress | None = None) -> dict[int, object]:
    """{entry number: its page's Fetched or IngestFailure} for every http(s) link, fetched in
    parallel threads (one shared client may serve them); a page still missing at ``deadline``
    is an IngestFailure saying ``late``. Progress is reported from this thread only."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    wanted = {number: link for number, link in enumerate(links) if link.startswith(("http://", "https://"))}
    if not wanted:
        return {}
    pool = ThreadPoolExecutor(max_workers=FEED_WORKERS, thread_name_prefix="newsread-feed")
    futures = {pool.submit(fetch_page, link, deadline): number for number, link in wanted.items()}
    pending = set(futures)
    try:
        if progress:
            progress(0, len(futures))
        while pending and (left := deadline - time.monotonic()) > 0:
            _, pending = wait(pending, timeout=left, return_when=FIRST_COMPLETED)
            if progress:
                progress(len(futures) - len(pending), len(futures))
    finally:
        # Pages not started are dropped; those under way stop by the deadline themselves.
        pool.shutdown(wait=True, cancel_futures=True)
    return {number: _outcome(future, wanted[number], late) for future, number in futures.items()}


def _outcome(future, link: str, late: str) -> object:
    if future.cancelled() or not future.done():
        return IngestFailure(link, late)
    error = future.exception()
    if error is not None:  # fetch reports every network failure itself: this is a bug, told in one line
        return IngestFailure(link, f"download failed ({type(error).__name__})")
    return future.result()


def entry_article(entry, feed_url: str, feed_title: str, fetched, page_to_article) -> Article | IngestFailure:
    """The entry's page as an article (``fetched``: its Fetched or IngestFailure, None without a
    link), else the entry's own text; the feed's title, author and date either way."""
    link = entry.get("link", "")
    page_problem = "entry has no link"
    if fetched is not None:
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
    """The feed's own title, author and date are more reliable than what a page scrape guesses;
    each one clean line, as ingest stores metadata (the page's article was finished before)."""
    article.title = clean_line(entry.get("title")) or article.title
    article.author = clean_line(entry.get("author")) or article.author
    article.source = clean_line(feed_title) or article.source
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if published:
        article.date = time.strftime("%Y-%m-%d", published)
    return article

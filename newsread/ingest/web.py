"""http(s) URLs -> Articles: fetch with a timeout and a size cap, then read a page or a feed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsread.model import Article

from .feeds import FeedProgress, looks_like_feed, read_feed
from .html import article_from_html
from .result import IngestFailure, finish, plain_text_title, too_large

ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
USER_AGENT = "newsread (terminal news reader)"
# All of a feed's entry pages, however many: a feed of slow pages must not hold `add` for long.
FEED_DEADLINE = 60.0


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str  # lower-cased media type, without parameters
    charset: str
    body: bytes

    def text(self) -> str | bytes:
        """The body decoded by its declared charset; undeclared bodies stay bytes for the parser to sniff."""
        if self.charset:
            try:
                return self.body.decode(self.charset, errors="replace")
            except LookupError:  # an unknown charset name
                pass
        return self.body


def is_url(source: str) -> bool:
    return "://" in source and urlsplit(source).scheme.isalpha()


def read_url(url: str, *, timeout: float, max_bytes: int, feed_deadline: float = FEED_DEADLINE,
             feed_progress: FeedProgress | None = None) -> Iterator[Article | IngestFailure]:
    """A page yields one article; a feed yields one per entry, its pages fetched within ``feed_deadline``
    seconds in all (``feed_progress`` hears of each)."""
    import httpx  # lazy: only needed for URLs

    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        yield IngestFailure(url, f"unsupported URL scheme {scheme!r} (only http and https)")
        return
    with httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=timeout,
        headers={"User-Agent": USER_AGENT},
    ) as client:

        late = f"not fetched within the feed's {feed_deadline:g} s"

        def fetch_entry_page(page_url: str, until: float) -> Fetched | IngestFailure:
            left = until - time.monotonic()
            if left < timeout:  # the feed's deadline comes first
                return fetch(client, page_url, timeout=left, max_bytes=max_bytes, late=late)
            return fetch(client, page_url, timeout=timeout, max_bytes=max_bytes)

        fetched = fetch(client, url, timeout=timeout, max_bytes=max_bytes)
        if isinstance(fetched, IngestFailure):
            yield fetched
        elif looks_like_feed(fetched.content_type, fetched.body):
            yield from read_feed(fetched.body, url, fetch_page=fetch_entry_page, page_to_article=page_to_article,
                                 deadline=time.monotonic() + feed_deadline, late=late, progress=feed_progress)
        else:
            yield page_to_article(fetched, path=url)


def page_to_article(fetched: Fetched, *, path: str) -> Article | IngestFailure:
    if fetched.content_type == "text/plain":
        text = fetched.body.decode(fetched.charset or "utf-8", errors="replace")
        title = plain_text_title(text, fallback=urlsplit(fetched.url).path.rsplit("/", 1)[-1])
        return finish(Article(text=text, title=title, url=fetched.url, path=path), path)
    if fetched.content_type and "html" not in fetched.content_type and "xml" not in fetched.content_type:
        return IngestFailure(path, f"not a web page ({fetched.content_type})")
    return article_from_html(fetched.text(), path=path, url=fetched.url)


def fetch(client, url: str, *, timeout: float, max_bytes: int, late: str = "") -> Fetched | IngestFailure:
    """GET ``url``; the size cap is enforced while streaming and ``timeout`` bounds the whole download.
    ``late``: the reason to give when it times out, if not "timed out after N s"."""
    import httpx

    if urlsplit(url).scheme.lower() not in ALLOWED_SCHEMES:
        return IngestFailure(url, "unsupported URL scheme (only http and https)")
    timed_out = IngestFailure(url, late or f"timed out after {timeout:g} s")
    if timeout <= 0:
        return timed_out
    # httpx's timeout applies to each read; a server trickling bytes would never trip it.
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            if response.status_code >= 400:
                return IngestFailure(url, f"HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                return too_large(url, max_bytes)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return too_large(url, max_bytes)
                if time.monotonic() > deadline:
                    return timed_out
                chunks.append(chunk)
            media_type = response.headers.get("content-type", "").partition(";")[0]
            return Fetched(
                url=str(response.url),
                content_type=media_type.strip().lower(),
                charset=response.charset_encoding or "",
                body=b"".join(chunks),
            )
    except httpx.TimeoutException:
        return timed_out
    except httpx.TooManyRedirects:
        return IngestFailure(url, f"more than {MAX_REDIRECTS} redirects")
    except httpx.ConnectError:
        return IngestFailure(url, "could not connect")
    except httpx.InvalidURL:
        return IngestFailure(url, "invalid URL")
    except httpx.HTTPError as error:
        return IngestFailure(url, f"download failed ({type(error).__name__})")

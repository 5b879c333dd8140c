"""HTML page -> Article: trafilatura finds the main text and the page's metadata."""

from __future__ import annotations

from newsread.model import Article

from .result import IngestFailure, finish


def article_from_html(
    html: str | bytes, *, path: str, url: str = "", fallback_title: str = ""
) -> Article | IngestFailure:
    """The page's main text, title, date, author and site name; never raises on bad markup.

    ``html`` may be bytes: trafilatura then honours the page's own charset declaration.
    """
    import trafilatura  # lazy: costs a noticeable fraction of a second

    try:
        document = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # noqa: BLE001 - third-party parser on untrusted input
        return IngestFailure(path, f"could not parse HTML ({type(error).__name__})")
    if document is None or not (document.text or "").strip():
        return IngestFailure(path, "no article text found in the page")
    article = Article(
        # trafilatura puts one block (paragraph, heading, list item) per line;
        # a blank line between them matches how plain-text articles separate paragraphs.
        text="\n\n".join(line for line in document.text.split("\n") if line.strip()),
        title=document.title or fallback_title,
        source=document.sitename or "",
        url=url or _web_url(document.url),
        date=document.date or "",
        author=document.author or "",
        path=path,
    )
    return finish(article, path)


def text_from_fragment(fragment: str) -> str:
    """Visible text of a small HTML fragment (a feed entry's summary), paragraphs on their own lines."""
    from html.parser import HTMLParser

    breaking = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}

    class _Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("script", "style"):
                self.skipping += 1
            elif tag in breaking:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style") and self.skipping:
                self.skipping -= 1
            elif tag in breaking:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                self.parts.append(data)

    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _web_url(candidate: str | None) -> str:
    """A saved page's canonical URL, when it names one."""
    return candidate if candidate and candidate.startswith(("http://", "https://")) else ""

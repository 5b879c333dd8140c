"""Ingest of URLs and feeds against a real HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsread.ingest import IngestFailure, read_sources
from newsread.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
ARTICLE_HTML = (DATA / "messy-article.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    base = ""  # set once the server has a port

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def send_body(self, body: bytes, content_type: str, *, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the timeout and size tests intend

    def route(self) -> None:
        def feed(name: str) -> bytes:
            return (DATA / name).read_text(encoding="utf-8").replace("{base}", self.base).encode()

        if self.path == "/article.html":
            self.send_body(ARTICLE_HTML, "text/html; charset=utf-8")
        elif self.path == "/latin1.html":
            page = ARTICLE_HTML.decode().replace("Ana Ruiz", "Zoë Müller").encode("latin-1", "replace")
            self.send_body(page, "text/html; charset=iso-8859-1")
        elif self.path == "/plain.txt":
            self.send_body(b"Notice\n\nThe ferry is late.", "text/plain; charset=utf-8")
        elif self.path == "/image.png":
            self.send_body(b"\x89PNG\x00\x00", "image/png")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.0)
            self.send_body(ARTICLE_HTML, "text/html")
        elif self.path == "/trickle":  # each read is quick, the whole download is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(12):
                self.wfile.write(b"<p>more</p>" * 10)
                self.wfile.flush()
                time.sleep(0.05)
        elif self.path == "/big-declared":
            self.send_body(b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif self.path == "/big-streamed":  # no Content-Length: the cap must hold while streaming
            self.send_body(b"<p>" + b"x" * 5000 + b"</p>", "text/html", length=False)
        elif self.path == "/feed.rss":
            self.send_body(feed("feed.rss.xml"), "application/rss+xml")
        elif self.path == "/feed.atom":
            self.send_body(feed("feed.atom.xml"), "text/xml")  # sniffed, not declared
        elif self.path == "/broken-feed":
            self.send_body(b"<?xml version='1.0'?><rss><channel><title>x", "application/rss+xml")
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    _Handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield _Handler.base
    httpd.shutdown()
    httpd.server_close()


def read_one(url: str, **options) -> Article | IngestFailure:
    results = list(read_sources([url], **options))
    assert len(results) == 1, results
    return results[0]


def test_page_yields_main_text_and_metadata(server):
    article = read_one(f"{server}/article.html")
    assert isinstance(article, Article), article
    assert article.url == article.path == f"{server}/article.html"
    assert article.title == "Harbour bridge to close for repairs"
    assert article.source == "Coastal Courier"
    assert article.date == "2024-05-14"
    assert "said council leader Ana Ruiz" in article.text


def test_declared_charset_is_honoured(server):
    assert "Zoë Müller" in read_one(f"{server}/latin1.html").text


def test_plain_text_response(server):
    article = read_one(f"{server}/plain.txt")
    assert article.text == "Notice\n\nThe ferry is late." and article.title == "Notice"


def test_redirect_is_followed_and_url_is_the_final_one(server):
    article = read_one(f"{server}/redirect")
    assert article.url == f"{server}/article.html"
    assert article.path == f"{server}/redirect"


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/nothing-here", {}, "HTTP 404"),
        ("/loop", {}, "more than 5 redirects"),
        ("/image.png", {}, "not a web page (image/png)"),
        ("/slow", {"timeout": 0.3}, "timed out after 0.3 s"),
        ("/trickle", {"timeout": 0.3}, "timed out after 0.3 s"),
        ("/big-declared", {"max_bytes": 1000}, "larger than 1 kB cap"),
        ("/big-streamed", {"max_bytes": 1000}, "larger than 1 kB cap"),
        ("/broken-feed", {}, "not a readable feed"),
    ],
)
def test_failures_have_one_line_reasons(server, path, options, reason):
    assert read_one(server + path, **options) == IngestFailure(server + path, reason)


def test_unreachable_host_fails_cleanly(server):
    # a port nobody listens on: the server's own port after shutdown is not safe, so use port 9 (discard)
    result = read_one("http://127.0.0.1:9/x", timeout=1)
    assert isinstance(result, IngestFailure) and result.reason in ("could not connect", "timed out after 1 s")


def test_rss_feed_fetches_each_entry_page_and_falls_back_to_summary(server):
    page, from_summary, nothing = read_sources([f"{server}/feed.rss"])
    assert isinstance(page, Article)
    assert page.source == "Coastal Courier — Local News"  # the feed names the publisher
    assert page.title == "Harbour bridge to close for repairs"
    assert page.date == "2024-05-14"
    assert page.url == f"{server}/article.html"
    assert "said council leader Ana Ruiz" in page.text

    assert isinstance(from_summary, Article)  # its page is a 404
    assert from_summary.text == "Two kayakers were rescued off Gull Point on Wednesday evening.\n\n“They did everything right,” the coxswain said."
    assert from_summary.title == "Lifeboat crew rescues two kayakers"
    assert from_summary.url == f"{server}/missing-page.html"

    assert nothing == IngestFailure(f"{server}/also-missing.html", "HTTP 404, and the feed entry has no text")


def test_atom_feed_sniffed_from_xml(server):
    page, from_content = read_sources([f"{server}/feed.atom"])
    assert page.source == "Harbour Watch" and page.author == "Sam Lee" and page.date == "2024-05-16"
    assert "Ana Ruiz" in page.text
    assert from_content.text == "The marina will open a second pontoon, the harbour master said on Friday."
    assert from_content.title == "Full-content entry"

"""A feed's entry pages are fetched a few at a time, within one deadline for the whole feed, with
progress told as they arrive. A real HTTP server on 127.0.0.1 in a thread; no other network."""

from __future__ import annotations

import os
import pty
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_cli import NEWSREAD

from newsread.ingest import IngestFailure, read_sources
from newsread.ingest.feeds import FEED_WORKERS
from newsread.model import Article

PAGE = (Path(__file__).parent / "data" / "ingest" / "messy-article.html").read_bytes()


class Pages:
    """What the server saw: how many entry pages it was asked for at once, at most."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.in_flight = 0
        self.most = 0

    def serve_when_busy(self) -> None:
        # Hold each request until FEED_WORKERS are in flight (or a while has passed): a reader
        # fetching one page at a time never gets there, one fetching more would go past it.
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            self.lock.notify_all()
            self.lock.wait_for(lambda: self.in_flight >= FEED_WORKERS, timeout=3)
        time.sleep(0.05)
        with self.lock:
            self.in_flight -= 1


def feed(base: str, kind: str, entries: int, *, described: bool = False) -> bytes:
    items = "".join(
        f"<item><title>Entry {n}</title><link>{base}/{kind}/{n}</link>"
        + (f"<description>What entry {n} says, in the feed itself.</description>" if described and n % 2 else "")
        + "</item>" for n in range(entries))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title>{items}</channel></rss>'.encode()


class Handler(BaseHTTPRequestHandler):
    base = ""
    pages = Pages()

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        try:
            kind, _, rest = self.path.strip("/").partition("/")
            if kind == "feed":  # /feed/<kind>/<entries>[/described]
                page_kind, entries, *described = rest.split("/")
                self.send(feed(self.base, page_kind, int(entries), described=bool(described)), "application/rss+xml")
            elif kind == "gathered":
                self.pages.serve_when_busy()
                self.send(PAGE, "text/html; charset=utf-8")
            elif kind == "stuck":  # far slower than the feed's deadline in these tests
                time.sleep(6)
                self.send(PAGE, "text/html; charset=utf-8")
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the reader gave up, as the deadline intends

    def send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Handler.base
    httpd.shutdown()
    httpd.server_close()


def test_entry_pages_are_fetched_four_at_a_time_and_come_in_entry_order(server):
    Handler.pages = Pages()
    results = list(read_sources([f"{server}/feed/gathered/10"]))
    assert [type(r).__name__ for r in results] == ["Article"] * 10
    assert [r.title for r in results] == [f"Entry {n}" for n in range(10)]  # the feed's own titles, in order
    assert [r.path for r in results] == [f"{server}/gathered/{n}" for n in range(10)]
    assert Handler.pages.most == FEED_WORKERS == 4


def test_one_deadline_for_the_whole_feed(server):
    results = list(read_sources([f"{server}/feed/stuck/6/described"], feed_deadline=1.0))
    late = "not fetched within the feed's 1 s"
    for n, result in enumerate(results):
        link = f"{server}/stuck/{n}"
        if n % 2:  # the entry's own text stands in for its page
            assert isinstance(result, Article) and result.text == f"What entry {n} says, in the feed itself."
        else:
            assert result == IngestFailure(link, f"{late}, and the feed entry has no text")


def test_progress_is_told_as_pages_arrive(server):
    Handler.pages = Pages()
    heard: list[tuple[str, int, int]] = []
    url = f"{server}/feed/gathered/8"
    list(read_sources([url], feed_progress=lambda *step: heard.append(step)))
    assert heard[0] == (url, 0, 8) and heard[-1] == (url, 8, 8)
    counts = [done for _, done, _ in heard]
    assert counts == sorted(counts) and len(heard) > 2


def test_add_shows_a_feeds_progress_on_a_terminal(server, tmp_path):
    Handler.pages = Pages()
    url = f"{server}/feed/gathered/8"
    reader, writer = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"
    process = subprocess.Popen([NEWSREAD, "--db", str(tmp_path / "n.db"), "add", "--no-extract", url],
                               stdout=subprocess.PIPE, stderr=writer, env=env)
    os.close(writer)
    shown = b""
    while True:
        try:
            chunk = os.read(reader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(reader)
    assert process.wait(timeout=120) == 0, shown
    text = shown.decode("utf-8", errors="replace")
    assert f"fetching the pages of {url}" in text and "8/8" in text
    assert "added 1 article(s), skipped 7 duplicate(s)" in text  # eight entries, one page

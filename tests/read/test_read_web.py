"""URLs and feeds, against a real http.server on 127.0.0.1 and against an injected fetcher."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tripwire.clean import clean
from tripwire.errors import InputError
from tripwire.read import FetchResponse, RawDocument, read_inputs
from tripwire.read.web import normalize_url

ARTICLE = """<html><head><title>{title}</title>
<link rel="canonical" href="{canonical}"></head><body>
<header><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></header>
<article><h1>{title}</h1>
<p>Officials in the fictional province of Westmarch said on Wednesday that a new rail link to the
coast would open next spring, after years of delays blamed on funding disputes.</p>
<p>The project's engineers told local reporters that the final section of track had passed its
safety inspection, and that freight trains would use the line first.</p>
<p>Residents have long complained that the only road to the coast is crowded with lorries.</p>
</article><aside>Most popular</aside></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example feed</title><link>{base}/</link>
<item><title>Rail link to open</title><link>{base}/news/rail?utm_source=rss</link>
<pubDate>Wed, 02 Apr 2031 08:00:00 GMT</pubDate></item>
<item><title>Missing story</title><link>{base}/news/missing</link></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's API)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?")[0]
        if path == "/feed.xml":
            self._send(200, "application/rss+xml", FEED.format(base=base))
        elif path == "/news/rail":
            self._send(200, "text/html; charset=utf-8", ARTICLE.format(
                title="Rail link to open", canonical=f"{base}/news/rail#top"))
        elif path == "/plain":
            self._send(200, "text/plain; charset=utf-8", "A plain text article.")
        elif path == "/image":
            self._send(200, "image/png", "\x89PNG")
        else:
            self._send(404, "text/html", "<html>not found</html>")

    def _send(self, status: int, ctype: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_rss_feed_entries_are_fetched(server: str) -> None:
    results = list(read_inputs([f"{server}/feed.xml"], 1_000_000))
    assert len(results) == 2
    doc, err = results
    assert isinstance(doc, RawDocument)
    assert doc.id == doc.url == f"{server}/news/rail"  # canonical, no fragment, no utm_
    assert doc.title == "Rail link to open" and doc.date == "2031-04-02"
    assert "final section of track" in clean(doc).text
    assert isinstance(err, InputError)
    assert err.source == f"{server}/news/missing" and err.reason == "HTTP status 404"


def test_single_page_plain_text_and_bad_urls(server: str) -> None:
    page, plain, image, missing = read_inputs(
        [f"{server}/news/rail", f"{server}/plain", f"{server}/image", f"{server}/nope"], 1_000_000)
    assert isinstance(page, RawDocument) and page.id == f"{server}/news/rail"
    assert isinstance(plain, RawDocument) and plain.text == "A plain text article."
    assert isinstance(image, InputError) and "unsupported content type image/png" in image.reason
    assert isinstance(missing, InputError) and "404" in missing.reason


def test_response_over_max_bytes(server: str) -> None:
    (err,) = list(read_inputs([f"{server}/news/rail"], 100))
    assert isinstance(err, InputError) and "over the limit" in err.reason


def test_unreachable_host_is_an_input_error() -> None:
    (err,) = list(read_inputs(["http://127.0.0.1:9/"], 1000))
    assert isinstance(err, InputError) and err.reason.startswith("cannot fetch")


def test_injected_fetcher_follows_redirect_url() -> None:
    calls: list[str] = []

    def fake(url: str, max_bytes: int) -> FetchResponse:
        calls.append(url)
        html = ARTICLE.format(title="Fake", canonical="")
        return FetchResponse("https://Example.ORG:443/story?id=7&utm_medium=x#c", 200,
                             "text/html", html.encode())

    (doc,) = list(read_inputs(["https://example.org/s/7"], 1_000_000, fetch=fake))
    assert calls == ["https://example.org/s/7"]
    assert isinstance(doc, RawDocument) and doc.id == "https://example.org/story?id=7"


def test_normalize_url() -> None:
    assert normalize_url("HTTP://WWW.Example.com:80/a?b=1&utm_source=x&fbclid=y#frag") == \
        "http://www.example.com/a?b=1"

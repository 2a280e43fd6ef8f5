"""Web archives written with warcio in the test: HTML records become documents (id = URL)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tripwire.clean import clean
from tripwire.errors import InputError
from tripwire.read import RawDocument, read_inputs

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Envoys meet in Examplestad</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2031-04-02T09:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Envoys meet in Examplestad</h1>
<p>Envoys from two fictional republics met in Examplestad on Tuesday to discuss a border crossing
that has been closed since last winter, officials from both delegations said.</p>
<p>The talks lasted six hours and ended without a joint statement, according to a spokesperson
for the host city, who added that a second round was planned for next month.</p>
<p>Traders who depend on the crossing have urged both governments to reach an agreement quickly,
saying their losses grow every week the road stays shut.</p>
</article><footer>Copyright 2031 Example Gazette. All rights reserved.</footer></body></html>"""


def _record(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  length=len(body),
                                                  http_headers=headers))


def write_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        _record(writer, "https://example.org/news/envoys", PAGE.encode(),
                "text/html; charset=utf-8")
        _record(writer, "https://example.org/logo.png", b"\x89PNG\r\n", "image/png")
        _record(writer, "https://example.org/gone", b"<html>gone</html>", "text/html",
                "404 Not Found")


def test_warc_and_warc_gz(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        write_warc(path, gz)
        results = list(read_inputs([str(path)], 10_000_000))
        assert len(results) == 1, results
        doc = results[0]
        assert isinstance(doc, RawDocument)
        assert doc.id == doc.url == "https://example.org/news/envoys"
        cleaned = clean(doc)
        assert "discuss a border crossing" in cleaned.text
        assert "All rights reserved" not in cleaned.text
        assert cleaned.title == "Envoys meet in Examplestad"


def test_warc_in_folder_and_corrupt_warc(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", True)
    (tmp_path / "b.warc").write_bytes(b"this is not a web archive\n" * 5)
    results = list(read_inputs([str(tmp_path)], 10_000_000))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[-1], InputError) and results[-1].source.endswith("b.warc")
    assert "\n" not in results[-1].reason


def test_warc_without_html(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as fh:
        _record(WARCWriter(fh, gzip=False), "https://example.org/a.png", b"\x89PNG", "image/png")
    (err,) = list(read_inputs([str(path)], 10_000_000))
    assert isinstance(err, InputError) and err.reason == "web archive holds no HTML page"

"""Web archives: every HTML response (or resource) record becomes a document; its id is the
record's target URL (SPEC §1). Non-HTML records are skipped; an archive without any HTML page,
or one that cannot be parsed, is an InputError."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tripwire.errors import InputError
from tripwire.read.decode import DecodeError, decode_bytes
from tripwire.read.files import html_charset, html_has_text, read_bytes
from tripwire.read.raw import RawDocument
from tripwire.read.web import charset_of, is_html_type


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    data = read_bytes(path, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    import io

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            if record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode() or "200"
                if not status.startswith("2"):
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if not is_html_type(ctype):
                continue
            body = record.content_stream().read()
            source = f"{path}#{uri}"
            try:
                html = decode_bytes(body, charset_of(ctype) or html_charset(body))
            except DecodeError as err:
                yield InputError(source, str(err))
                continue
            if not html_has_text(html):
                yield InputError(source, "HTML page without any readable text")
                continue
            found += 1
            yield RawDocument(id=uri or f"{path.stem}:{found}", source=source, html=html,
                              url=uri or None)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as err:
        yield InputError(str(path), f"unreadable web archive: {err}".splitlines()[0])
        return
    if not found:
        yield InputError(str(path), "web archive holds no HTML page")

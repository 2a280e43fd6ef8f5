"""Readers for local files: .txt, .html/.htm, .json, .jsonl (and the dispatch to .warc).

Each reader takes a path and yields RawDocument or InputError; none of them raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tripwire.errors import InputError
from tripwire.read.decode import DecodeError, decode_bytes
from tripwire.read.raw import RawDocument

Result = Iterator[RawDocument | InputError]

# Optional metadata fields a JSON object may carry (SPEC §1); each must be a string or null.
JSON_FIELDS = ("url", "title", "date", "outlet", "language")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def read_bytes(path: Path, max_bytes: int) -> bytes | InputError:
    """The file's bytes, or an InputError for a file that is too big, empty or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(str(path), f"file is {size} bytes, over the limit of {max_bytes}")
        if size == 0:
            return InputError(str(path), "empty file")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        return InputError(str(path), "cannot read: permission denied")
    except OSError as err:
        return InputError(str(path), f"cannot read: {err.strerror or err}")


def _decode(path: Path, data: bytes, declared: str | None = None) -> str | InputError:
    try:
        return decode_bytes(data, declared)
    except DecodeError as err:
        return InputError(str(path), str(err))


def read_text(path: Path, max_bytes: int) -> str | InputError:
    """The file decoded as text, or the InputError that says why it cannot be."""
    data = read_bytes(path, max_bytes)
    return data if isinstance(data, InputError) else _decode(path, data)


def read_txt(path: Path, max_bytes: int) -> Result:
    text = read_text(path, max_bytes)
    if isinstance(text, InputError):
        yield text
    elif not text.strip():
        yield InputError(str(path), "no text (only whitespace)")
    else:
        yield RawDocument(id=path.stem, source=str(path), text=text)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def html_has_text(html: str) -> bool:
    """True when the page, however broken, has some visible text once scripts are removed."""
    from tripwire.clean import html_to_text

    return bool(html_to_text(html).strip())


def read_html(path: Path, max_bytes: int) -> Result:
    data = read_bytes(path, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    html = _decode(path, data, html_charset(data))
    if isinstance(html, InputError):
        yield html
    elif not html_has_text(html):
        yield InputError(str(path), "HTML page without any readable text")
    else:
        yield RawDocument(id=path.stem, source=str(path), html=html)


def from_object(obj: Any, doc_id: str, source: str) -> RawDocument | str:
    """A RawDocument from one JSON object, or the reason it cannot be one."""
    if not isinstance(obj, Mapping):
        return f"expected a JSON object, got {type(obj).__name__}"
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return f"field '{name}' must be a string"
    if not (text or "").strip() and not (html or "").strip():
        return "JSON object has no 'text' or 'html'"
    meta: dict[str, str | None] = {}
    for name in JSON_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return f"field '{name}' must be a string or null"
        meta[name] = value.strip() or None if isinstance(value, str) else None
    if html is not None and not (text or "").strip() and not html_has_text(html):
        return "HTML in JSON object without any readable text"
    return RawDocument(
        id=doc_id, source=source, text=text or None, html=html or None, **meta
    )


def read_json(path: Path, max_bytes: int) -> Result:
    text = read_text(path, max_bytes)
    if isinstance(text, InputError):
        yield text
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputError(str(path), f"malformed JSON: {err.msg} at line {err.lineno}")
        return
    doc = from_object(obj, path.stem, str(path))
    yield InputError(str(path), doc) if isinstance(doc, str) else doc


def read_jsonl(path: Path, max_bytes: int) -> Result:
    text = read_text(path, max_bytes)
    if isinstance(text, InputError):
        yield text
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"malformed JSON: {err.msg}")
            continue
        doc_id = f"{path.stem}:{lineno}"
        if isinstance(obj, Mapping) and isinstance(obj.get("id"), str | int):
            doc_id = str(obj["id"]).strip() or doc_id
        doc = from_object(obj, doc_id, where)
        yield InputError(where, doc) if isinstance(doc, str) else doc


def _read_warc(path: Path, max_bytes: int) -> Result:
    from tripwire.read.warc import read_warc

    return read_warc(path, max_bytes)


FILE_READERS: dict[str, Callable[[Path, int], Result]] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".warc": _read_warc,
    ".warc.gz": _read_warc,
}


def read_file(path: Path, suffix: str, max_bytes: int) -> Result:
    """Dispatch ``path`` to the reader registered for ``suffix``."""
    reader = FILE_READERS.get(suffix)
    if reader is None:
        yield InputError(str(path), f"unsupported file type {suffix or '(none)'}")
        return
    yield from reader(path, max_bytes)

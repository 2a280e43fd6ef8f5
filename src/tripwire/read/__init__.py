"""Stage 1: turn files, folders, URLs and feeds into :class:`RawDocument` records.

``read_inputs`` never raises for a bad input: it yields an :class:`~tripwire.errors.InputError`
in the place of the document, with a one-line reason, and carries on with the next input.

    inputs ─┬─ folder  → its files, recursively, sorted (unknown extensions skipped silently)
            ├─ .txt .html .htm .json .jsonl       → files.py
            ├─ .warc .warc.gz                     → warc.py
            └─ http(s)://…  page or RSS/Atom feed → web.py (fetcher injectable)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from tripwire.errors import InputError
from tripwire.read.files import FILE_READERS, read_file
from tripwire.read.raw import RawDocument
from tripwire.read.web import Fetcher, FetchResponse, read_url, urllib_fetch

__all__ = [
    "RawDocument",
    "read_inputs",
    "Fetcher",
    "FetchResponse",
    "urllib_fetch",
    "supported_suffix",
]


def supported_suffix(path: Path) -> str | None:
    """The reader key for ``path`` (``.txt``, ``.warc.gz``…), or None when no reader fits."""
    name = path.name.lower()
    for suffix in sorted(FILE_READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return None


def _expand_folder(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` that a reader accepts, sorted; hidden entries are skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _expand_folder(entry)
        elif entry.is_file() and supported_suffix(entry) is not None:
            yield entry


def read_inputs(
    inputs: Sequence[str], max_bytes: int, *, fetch: Fetcher | None = None
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per document found in ``inputs``, or an InputError per bad input.

    ``fetch`` replaces the network for URLs (tests pass a fake); by default urllib is used.
    """
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield from read_url(item, max_bytes, fetch or urllib_fetch)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _expand_folder(path):
                yield from read_file(file, supported_suffix(file) or "", max_bytes)
        elif path.is_file():
            suffix = supported_suffix(path)
            if suffix is None:
                ext = "".join(path.suffixes[-1:]) or "(none)"
                yield InputError(str(path), f"unsupported file type {ext}")
            else:
                yield from read_file(path, suffix, max_bytes)
        elif path.exists():
            yield InputError(str(path), "not a regular file or folder")
        else:
            yield InputError(str(path), "no such file or folder")

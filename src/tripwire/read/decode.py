"""Bytes to text: UTF-8 first, then a legacy 8-bit fallback only when the result looks like text.

Every failure is a :class:`DecodeError` whose message is the one-line reason shown to the user.
"""

from __future__ import annotations

import codecs
import contextlib
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")


class DecodeError(ValueError):
    """Bytes that are not text in any encoding tried; ``str(err)`` is the reason."""


def looks_like_text(text: str) -> bool:
    """True when ``text`` has almost no control characters and is mostly letters/spaces."""
    if not text.strip():
        return False
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 200):
        return False
    letters = len(_LETTER.findall(sample))
    return letters >= len(sample.strip()) * 0.3


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is a charset named by the input (HTTP header, meta tag)."""
    if not data:
        raise DecodeError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise DecodeError(f"broken UTF-16 text ({err.reason})") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes), not text")
    candidates = ["utf-8-sig"]
    if declared:
        with contextlib.suppress(LookupError):
            candidates.insert(0, codecs.lookup(declared).name)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if looks_like_text(text):
            return text.lstrip("\ufeff")
        if not text.strip():
            raise DecodeError("no text (only whitespace)")
        raise DecodeError("binary content (control characters), not text")
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if looks_like_text(text):
            return text
    raise DecodeError("not valid UTF-8 and does not look like text in a legacy encoding")

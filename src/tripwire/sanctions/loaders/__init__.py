"""Find, fetch and read sanctions lists: files, folders (recursively) and http(s) URLs.

A folder may hold several snapshots of one list (``sdn_2021-07.csv``, ``sdn_2024-05-03.csv``);
only the newest snapshot of each is loaded and the older ones are reported as skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tripwire.errors import InputError, UsageError
from tripwire.sanctions.entries import SanctionsList
from tripwire.sanctions.loaders.eu import load_eu_csv
from tripwire.sanctions.loaders.ftm import load_ftm_json
from tripwire.sanctions.loaders.ofac import load_ofac_csv
from tripwire.sanctions.loaders.un import load_un_xml

__all__ = ["Loaded", "load_lists", "list_files", "cache_dir"]

_COMPANION_RE = re.compile(r"^(?:cons_)?(?:alt|add|comments|sdn_comments)(?:_|$)", re.I)
_DATE_RE = re.compile(r"[_-]?\d{4}-\d{2}(?:-\d{2})?")


@dataclass
class Loaded:
    """The lists read, and every file passed over with the reason."""

    lists: list[SanctionsList] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/tripwire`` (else ``~/.cache/tripwire``), created on demand."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "tripwire"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _reader(path: Path) -> Callable[[Path], SanctionsList] | None:
    name = path.name.lower()
    if name.endswith(".xml"):
        return load_un_xml
    if name.endswith((".json", ".jsonl", ".ndjson")):
        return load_ftm_json
    if name.endswith(".csv"):
        with path.open("rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf")
        if head.startswith(b"celex"):
            return load_eu_csv
        if head[:1].isdigit():
            return load_ofac_csv
    return None


def fetch(url: str) -> Path:
    """Download ``url`` once into the cache folder; only called for http(s) URLs the user gave."""
    suffix = Path(url.split("?")[0]).suffix or ".csv"
    target = cache_dir() / "lists" / (hashlib.sha1(url.encode()).hexdigest()[:16] + suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (user-given URL)
            target.write_bytes(resp.read())
    except OSError as exc:
        raise InputError(url, f"cannot fetch: {exc}") from exc
    return target


def list_files(paths: Sequence[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The list files that ``paths`` name (URLs fetched), and the files skipped with reasons."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            files.append(fetch(raw))
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file())
            newest: dict[tuple[Path, str], Path] = {}
            for p in found:
                if _COMPANION_RE.match(p.stem):
                    continue  # read with its primary file
                if _reader(p) is None:
                    skipped.append((str(p), "not a recognised list format"))
                    continue
                key = (p.parent, _DATE_RE.sub("", p.stem))
                if key in newest:
                    older, newer = sorted([newest[key], p], key=lambda q: q.stem)
                    skipped.append((str(older), f"older snapshot of {newer.name}"))
                    newest[key] = newer
                else:
                    newest[key] = p
            files.extend(sorted(newest.values()))
        elif path.is_file():
            if _COMPANION_RE.match(path.stem):
                raise UsageError(f"{path}: an OFAC companion file; pass its sdn/cons_prim file")
            files.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return files, skipped


def load_lists(paths: Sequence[str]) -> Loaded:
    """Read every list ``paths`` name. Unknown formats among explicit files are an InputError."""
    files, skipped = list_files(paths)
    out = Loaded(skipped=skipped)
    for f in files:
        reader = _reader(f)
        if reader is None:
            raise InputError(str(f), "not a recognised sanctions list format")
        out.lists.append(reader(f))
    return out

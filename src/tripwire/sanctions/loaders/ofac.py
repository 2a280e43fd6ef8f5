"""OFAC's legacy CSV files: ``sdn.csv`` (or ``cons_prim.csv``) with optional companions
``alt``, ``add`` and ``comments`` of the same snapshot. No header; ``-0-`` means null."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

from tripwire.errors import InputError
from tripwire.sanctions.entries import ListEntry, SanctionsList, dedupe, fold_schema, imo_numbers

_AKA_RE = re.compile(r"\b(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'([^']+)'", re.I)
_DATE_RE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def _rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes().rstrip(b"\x1a\r\n ")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    rows = []
    for row in csv.reader(io.StringIO(text)):
        rows.append([("" if c.strip() == "-0-" else c.strip()) for c in row])
    return rows


def companions(primary: Path) -> dict[str, Path]:
    """The ``alt``/``add``/``comments`` files beside ``primary`` that share its snapshot suffix."""
    stem = primary.stem
    if stem.startswith("cons_prim"):
        prefix, suffix = "cons_", stem[len("cons_prim"):]
    elif stem.startswith("sdn"):
        prefix, suffix = "", stem[len("sdn"):]
    else:
        return {}
    found = {}
    for kind, name in (("alt", "alt"), ("add", "add"), ("comments", "sdn_comments")):
        fname = f"{prefix}{'comments' if prefix and kind == 'comments' else name}{suffix}.csv"
        candidate = primary.with_name(fname)
        if candidate.exists():
            found[kind] = candidate
    return found


def load_ofac_csv(path: Path) -> SanctionsList:
    """Read an SDN/consolidated primary file and its companions into one list."""
    rows = _rows(path)
    if not rows or len(rows[0]) < 12 or not rows[0][0].isdigit():
        raise InputError(str(path), "not an OFAC legacy CSV (expected 12 columns, no header)")
    extra = companions(path)
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(extra["alt"]) if "alt" in extra else []:
        if len(row) >= 4:
            aliases[row[0]].append((row[2].lower(), row[3]))
    comments: dict[str, str] = {}
    for row in _rows(extra["comments"]) if "comments" in extra else []:
        if len(row) >= 2:
            comments[row[0]] = row[1]
    countries: dict[str, list[str]] = defaultdict(list)
    for row in _rows(extra["add"]) if "add" in extra else []:
        if len(row) >= 5 and row[4]:
            countries[row[0]].append(row[4])
    name = "OFAC Consolidated (non-SDN)" if path.stem.startswith("cons") else "OFAC SDN"
    entries = []
    for row in rows:
        ent, sdn_name, sdn_type, program = row[0], row[1], row[2], row[3]
        remarks = row[11] + " " + comments.get(ent, "")
        strong = [sdn_name] + [n for kind, n in aliases[ent] if "weak" not in kind]
        weak = [n for kind, n in aliases[ent] if "weak" in kind]
        for m in _AKA_RE.finditer(remarks):
            weak.append(m.group(2))
        entries.append(ListEntry(
            list=name,
            entry_id=f"OFAC-{ent}",
            schema=fold_schema(sdn_type) or "Organization",
            names=dedupe(strong),
            weak=dedupe(weak),
            imo=imo_numbers(remarks),
            countries=tuple(dict.fromkeys(countries[ent] + ([row[9]] if row[9] else []))),
            program=program,
        ))
    dated = _DATE_RE.search(path.stem)
    return SanctionsList(name, str(path), dated.group(0) if dated else None, tuple(entries))

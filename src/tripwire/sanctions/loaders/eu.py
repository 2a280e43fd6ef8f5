"""EU regulation annexes as transcribed by OpenSanctions (FtM-shaped CSV with a header)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from tripwire.errors import InputError
from tripwire.sanctions.entries import ListEntry, SanctionsList, dedupe, fold_schema

_PAREN_RE = re.compile(r"\(([^()]*)\)")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()] if value else []


def _vessel_names(name: str) -> list[str]:
    """``Chong Bong (Greenlight) (Blue Nouvelle)`` -> the name and each bracketed former name."""
    return [_PAREN_RE.sub("", name).strip(), *_PAREN_RE.findall(name)]


def _date(value: str) -> str | None:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


def load_eu_csv(path: Path) -> SanctionsList:
    """Read one regulation's annex CSV; the list is named after its CELEX number."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "celex" not in rows[0] or "schema" not in rows[0]:
        raise InputError(str(path), "not an EU annex CSV (columns celex, schema, name expected)")
    celex = rows[0]["celex"]
    name = f"EU {celex[1:5]}/{celex[6:].lstrip('0')} ({rows[0].get('programKey', '')})"
    entries = []
    for i, row in enumerate(rows, 1):
        schema = fold_schema(row["schema"])
        if schema is None or not row["name"].strip():
            continue
        primary = _vessel_names(row["name"]) if schema == "Vessel" else [row["name"]]
        strong = primary + _split(row.get("alias", "")) + _split(row.get("previousName", ""))
        rec = row.get("recordId") or f"row{i}"
        entries.append(ListEntry(
            list=name,
            entry_id=f"{celex}/{row.get('annex', '')}/{rec}",
            schema=schema,
            names=dedupe(strong),
            weak=dedupe(_split(row.get("weakAlias", ""))),
            imo=tuple(_split(row.get("imoNumber", ""))),
            countries=tuple(_split(row.get("nationality", "")) + _split(row.get("country", ""))),
            program=row.get("programKey", ""),
        ))
    dates = [d for d in (_date(r.get("startDate", "")) for r in rows) if d]
    return SanctionsList(name, str(path), max(dates) if dates else None, tuple(entries))

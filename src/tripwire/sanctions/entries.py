"""The records a sanctions list is read into: one :class:`ListEntry` per listed party."""

from __future__ import annotations

import re
from dataclasses import dataclass

SCHEMAS = ("Person", "Organization", "Vessel", "Aircraft")

# FtM schemata and OFAC SDN types, folded to the four schemata screening distinguishes.
SCHEMA_ALIASES: dict[str, str] = {
    "person": "Person",
    "individual": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "company": "Organization",
    "legalentity": "Organization",
    "entity": "Organization",
    "publicbody": "Organization",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
    "airplane": "Aircraft",
}


def fold_schema(value: str | None) -> str | None:
    """``Company``/``entity``/``LegalEntity`` -> ``Organization`` etc.; empty or unknown -> None."""
    if not value:
        return None
    return SCHEMA_ALIASES.get(value.strip().lower().replace(" ", ""))


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One listed party. ``names`` are strong names (first = primary); ``weak`` are weak aliases."""

    list: str
    entry_id: str
    schema: str
    names: tuple[str, ...]
    weak: tuple[str, ...] = ()
    imo: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    program: str = ""

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class SanctionsList:
    """A loaded list: its display name, where it came from, its date and its entries."""

    name: str
    source: str
    date: str | None
    entries: tuple[ListEntry, ...]


IMO_RE = re.compile(r"\bIMO\)?\s*(?:Number|No\.?)?\s*:?\s*(\d{7})\b", re.I)


def imo_numbers(text: str | None) -> tuple[str, ...]:
    """Every IMO number (7 digits) mentioned in ``text``, in order, without repeats."""
    if not text:
        return ()
    return tuple(dict.fromkeys(m.group(1) for m in IMO_RE.finditer(text)))


def dedupe(names: list[str]) -> tuple[str, ...]:
    """Stripped, non-empty names without case-insensitive repeats, order kept."""
    seen: dict[str, str] = {}
    for n in names:
        n = " ".join(n.split()).strip(" ;,")
        if n and n.lower() not in seen:
            seen[n.lower()] = n
    return tuple(seen.values())

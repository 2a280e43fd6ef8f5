"""The record the readers produce: one article as it was found, before any cleaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input article. ``text`` or ``html`` is set (both may be, from JSON input).

    ``id`` follows SPEC §1 (file stem, jsonl ``id`` or ``<stem>:<line>``, record URL, canonical
    URL). ``source`` is the path or URL it was read from. The other fields are metadata the input
    itself carried; missing ones are inferred later by :mod:`tripwire.metadata`.
    """

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    language: str | None = None

"""SPEC §2 export (JSONL) and the plain-text ledger of what is stored."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from tripwire.model import Event
from tripwire.store import Store


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored record as a SPEC §2 dict: documents, entities, quotes, events, clusters."""
    for doc in store.documents():
        d = doc.to_dict()
        d.pop("content_hash", None)
        yield d
    for group in (store.entities(), store.quotes(), store.events(), store.clusters()):
        for record in group:
            yield record.to_dict()


def jsonl(store: Store) -> Iterator[str]:
    for record in records(store):
        yield json.dumps(record, ensure_ascii=False, sort_keys=False)


def _actors(event: Event) -> str:
    return "; ".join(f"{role}={','.join(names)}" for role, names in event.actors.items() if names)


def event_line(event: Event) -> str:
    """One grep-able line for an event: type, stage, actors, items, quantity, date, sources."""
    parts = [f"{event.type} {event.stage}"]
    if event.polarity == "negative":
        parts[0] += " NOT"
    if event.modality != "asserted":
        parts[0] += f" ({event.modality})"
    parts.append(_actors(event) or "actors=?")
    if event.items:
        parts.append("items=" + ", ".join(f"{i.text} [{i.category}]" for i in event.items))
    if event.quantity:
        parts.append(f"quantity={event.quantity.text}")
    if event.date:
        parts.append(f"date={event.date.value or '?'} ({event.date.text})")
    if event.attribution:
        parts.append(
            "per "
            + "; ".join(
                ", ".join(x for x in (a.name, a.role, a.country) if x) or a.kind
                for a in event.attribution
            )
        )
    if event.violations:
        parts.append("breach " + "; ".join(v.provision for v in event.violations))
    return " | ".join(parts)


def ledger(store: Store) -> Iterator[str]:
    """Per document its outlet, date and events, as plain lines."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for event in store.events():
        by_doc[event.doc].append(event)
    for doc in store.documents():
        date = doc.published or "date unknown"
        if doc.published and doc.published_inferred:
            date += " (inferred)"
        yield f"{doc.id}  {doc.outlet or 'outlet unknown'}  {date}  {len(by_doc[doc.id])} events"
        for event in by_doc[doc.id]:
            yield "    " + event_line(event)

"""Event clusters: the reports of one real-world act, across documents (SPEC §2 ``cluster``).

Two reports are of one act when they share a *key* — event type, main actor pair after
canonical folding (:mod:`tripwire.stories.names`), coarse stage and polarity — and are
compatible in time and quantity:

- time: each report has an *anchor*, the interval of days its date can mean (the event's own
  date; else the document's publication date, or that of a syndicated copy). A coarse act date
  (month, year) reported shortly after is stretched to the disclosure ("deliveries last month,
  disclosed on the 13th"). Two anchors are compatible when at most :data:`WINDOW` days apart,
  or, when both are coarser than a week, when they overlap;
- quantity: figures of one unit that differ by more than :data:`QUANTITY_TOLERANCE` are two
  disclosures (1,000 containers in October vs 6,700 in February), never one.

Clustering is a leader algorithm in a canonical order (anchor, document id, event id; undated
reports last): a report joins the cluster whose founding report it is nearest to, else founds
one. An undated report joins the compatible cluster of its key with the same kind of figure,
else the largest. A cluster's id is derived from its key and its founding event's id, so the
same input always gives the same ids, whatever order it came in.

Incremental ingest: ``existing`` pins already-clustered events to their ids; they seed the
clusters, and the new events are placed into them by the same rule. Batches that arrive in
time order give exactly the clusters of ingesting everything at once
(``tests/stories/test_clusters.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tripwire.model import PAIR_ROLES as MAIN_PAIRS
from tripwire.model import SET_ROLES, Cluster, Document, Event, coarse_stage, make_id
from tripwire.stories import timing
from tripwire.stories.names import canonical

WINDOW = 7  # days between the anchors of two reports of one act
STRETCH = 31  # days after a coarse act date within which a disclosure stretches its anchor
QUANTITY_TOLERANCE = 0.05  # relative difference at which two figures are two disclosures

# The two roles that make an event's actor pair (SPEC §6); sets stand alone.
PAIR_ROLES: dict[str, tuple[str, str | None]] = {
    **MAIN_PAIRS, **{t: (role, None) for t, role in SET_ROLES.items()}}
# Units that count the same thing.
_UNIT_CLASS = {"soldiers": "troops", "troop": "troops", "personnel": "troops",
               "rounds": "munitions", "shells": "munitions", "shell": "munitions"}

Key = tuple[str, tuple[str, ...], tuple[str, ...], str, str]


def _names(event: Event, role: str | None) -> tuple[str, ...]:
    if role is None:
        return ()
    return tuple(sorted({canonical(n) for n in event.actors.get(role, ()) if n}))


def event_key(event: Event) -> Key:
    """(type, first-role actors, second-role actors, coarse stage, polarity)."""
    first, second = PAIR_ROLES.get(event.type, ("actor", None))
    return (event.type, _names(event, first), _names(event, second),
            coarse_stage(event.stage), event.polarity)


def quantity_value(event: Event) -> tuple[str, float] | None:
    """(unit class, figure) of the event's quantity, when it states a figure."""
    q = event.quantity
    if q is None:
        return None
    value = q.min if q.min is not None else q.max
    if value is None:
        return None
    unit = (q.unit or "").strip().lower()
    return _UNIT_CLASS.get(unit, unit), float(value)


def quantities_compatible(a: tuple[str, float] | None, b: tuple[str, float] | None) -> bool:
    """False only for two figures of one unit that differ beyond the tolerance."""
    if a is None or b is None or a[0] != b[0]:
        return True
    lo, hi = sorted((a[1], b[1]))
    return hi <= lo * (1 + QUANTITY_TOLERANCE) if lo > 0 else hi == lo


def published(doc: Document | None, documents: Mapping[str, Document]) -> str | None:
    """The document's publication date, else the earliest of its syndicated copies'."""
    if doc is None:
        return None
    if doc.published or not doc.syndication_group:
        return doc.published
    dates = sorted(d.published for d in documents.values()
                   if d.syndication_group == doc.syndication_group and d.published)
    return dates[0] if dates else None


def anchor(event: Event, documents: Mapping[str, Document]) -> timing.Interval | None:
    """The days a report of ``event`` refers to (see the module docstring)."""
    pub = timing.parse(published(documents.get(event.doc), documents))
    if event.date is not None and event.date.value:
        iv = timing.parse(event.date.value, event.date.precision)
        if iv is not None:
            if (not timing.is_point(iv) and pub is not None
                    and iv[1] < pub[0] <= iv[1] + dt.timedelta(days=STRETCH)):
                return iv[0], pub[0]
            return iv
    return pub


def anchors_compatible(a: timing.Interval, b: timing.Interval) -> bool:
    g = timing.gap(a, b)
    if not timing.is_point(a) and not timing.is_point(b):
        return g == 0
    return g <= WINDOW


@dataclass
class _Open:
    """A cluster being built: its founding report and the figure it carries."""

    id: str
    founder: tuple[timing.Interval | None, str, str]  # anchor, doc, event id
    quantity: tuple[str, float] | None
    size: int = 0
    members: list[str] = field(default_factory=list)


def _arrival(event: Event, documents: Mapping[str, Document]) -> tuple[bool, str, str, str]:
    """The order reports reach an analyst: by publication date, undated documents last."""
    pub = published(documents.get(event.doc), documents)
    return pub is None, pub or "", event.doc, event.id


def _order(item: tuple[timing.Interval | None, str, str]) -> tuple[bool, dt.date, str, str]:
    iv, doc, eid = item
    return iv is None, iv[0] if iv else dt.date.max, doc, eid


def assign_clusters(events: Sequence[Event], documents: Mapping[str, Document],
                    existing: Mapping[str, str] | None = None) -> dict[str, str]:
    """Event id -> cluster id for every event in ``events``.

    ``existing`` maps already-clustered event ids to their cluster ids; those events keep them
    and the others join their clusters when compatible. Pass the stored events of the affected
    keys along with the new ones, so that new reports can join them.
    """
    existing = dict(existing or {})
    by_key: dict[Key, list[Event]] = defaultdict(list)
    for ev in events:
        by_key[event_key(ev)].append(ev)
    out: dict[str, str] = {}
    for key in sorted(by_key, key=repr):
        out.update(_cluster_key(key, by_key[key], documents, existing))
    return out


def _cluster_key(key: Key, events: list[Event], documents: Mapping[str, Document],
                 existing: Mapping[str, str]) -> dict[str, str]:
    info = {ev.id: (anchor(ev, documents), ev.doc, ev.id) for ev in events}
    arrival = {ev.id: _arrival(ev, documents) for ev in events}
    qty = {ev.id: quantity_value(ev) for ev in events}
    clusters: dict[str, _Open] = {}
    out: dict[str, str] = {}
    for ev in sorted((e for e in events if e.id in existing), key=lambda e: arrival[e.id]):
        cid = existing[ev.id]
        c = clusters.get(cid)
        if c is None:
            c = clusters[cid] = _Open(cid, info[ev.id], qty[ev.id])
        c.quantity = c.quantity or qty[ev.id]
        c.size += 1
        out[ev.id] = cid
    for ev in sorted((e for e in events if e.id not in existing), key=lambda e: arrival[e.id]):
        iv, q = info[ev.id][0], qty[ev.id]
        c = _nearest(list(clusters.values()), iv, q)
        if c is None:
            cid = make_id("cl", *key, ev.id)
            c = clusters[cid] = _Open(cid, info[ev.id], q)
        c.quantity = c.quantity or q
        c.size += 1
        out[ev.id] = c.id
    return out


def _nearest(clusters: list[_Open], iv: timing.Interval | None,
             q: tuple[str, float] | None) -> _Open | None:
    fits = [c for c in clusters if quantities_compatible(c.quantity, q)]
    if iv is not None:
        dated = [(timing.gap(c.founder[0], iv), _order(c.founder), c) for c in fits
                 if c.founder[0] is not None and anchors_compatible(c.founder[0], iv)]
        return min(dated, key=lambda t: t[:2])[2] if dated else None
    if not fits:
        return None

    def rank(c: _Open) -> tuple[bool, int, tuple[bool, dt.date, str, str]]:
        same_figure = q is not None and c.quantity is not None and c.quantity[0] == q[0]
        return not same_figure, -c.size, _order(c.founder)

    return min(fits, key=rank)


def build_clusters(events: Sequence[Event], documents: Mapping[str, Document]) -> list[Cluster]:
    """SPEC §2 cluster records of ``events``; see :mod:`tripwire.stories.records`."""
    from tripwire.stories.records import build_clusters as build

    return build(events, documents)

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

Clustering is a leader algorithm in a canonical order (reports placed in time to the month or
better first, by publication date, document id, event id; then reports known only to the year;
undated reports last): a report joins the cluster whose founding report it is nearest to, else
founds one. A report without a date precise enough joins only on positive evidence, among the
clusters its span overlaps — the cluster a syndicated copy of its document joined, else one with
the same figure, else one whose evidence shares a run of :data:`WORDING` words with it (one
quotation, one wire sentence) — and otherwise stands alone: "the largest compatible cluster"
over-merges. The same holds for a report dated only by its document's report date that no
dated cluster fits (a publication date bounds the act from above; it does not date it).

Report dates (:func:`report_dates`): the publication date (or a syndicated copy's); for a
document without one finer than a year, the latest act it dates itself, else — in a second pass
— the anchor of the cluster its other reports joined on evidence. A cluster's id is derived from
its key and its founding event's id, so the same input always gives the same ids, whatever order
it came in.

Incremental ingest: ``existing`` pins already-clustered events to their ids; they seed the
clusters, and the new events are placed into them by the same rule. ``pipeline.link()`` does not
rely on it: it clusters every stored event again, so that ingest order never matters (report
dates of undated documents come from other documents, which a pinned first batch cannot see).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from tripwire.model import PAIR_ROLES as MAIN_PAIRS
from tripwire.model import SET_ROLES, Cluster, Document, Event, coarse_stage, make_id
from tripwire.stories import timing
from tripwire.stories.names import canonical

WINDOW = 7  # days between the anchors of two reports of one act
STRETCH = 31  # days after a coarse act date within which a disclosure stretches its anchor
FINE = 31 + STRETCH  # days: the longest anchor that places a report in time on its own
QUANTITY_TOLERANCE = 0.05
WORDING = 8  # words in a run of wording that two reports share
SHARED_WORDING = 1  # shared runs that tie an undated report to a cluster

# The two roles that make an event's actor pair (SPEC §6); sets stand alone.
PAIR_ROLES: dict[str, tuple[str, str | None]] = {
    **MAIN_PAIRS, **{t: (role, None) for t, role in SET_ROLES.items()}}
# Units that count the same thing.
_UNIT_CLASS = {"soldiers": "troops", "troop": "troops", "personnel": "troops",
               "rounds": "munitions", "shells": "munitions", "shell": "munitions",
               "rockets": "munitions", "rocket": "munitions"}

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


def _fine(iv: timing.Interval | None) -> TypeGuard[timing.Interval]:
    """A span of at most a month (or a month stretched to its disclosure): precise enough to
    place a report in time. A year is not."""
    return iv is not None and (iv[1] - iv[0]).days <= FINE


def _event_span(event: Event) -> timing.Interval | None:
    if event.date is None or not event.date.value:
        return None
    return timing.parse(event.date.value, event.date.precision)


def report_dates(events: Iterable[Event], documents: Mapping[str, Document],
                 clusters: Mapping[str, timing.Interval] | None = None
                 ) -> dict[str, timing.Interval]:
    """Document id -> the span its report date can mean, for the documents of ``events``.

    The publication date (or a syndicated copy's) when it is known to the month or better.
    Otherwise the document's own dated reports bound it: a report is written on or after the
    latest act it dates, so that act's date (day, week or month) stands in for it. Failing
    that, ``clusters`` (event id -> the anchor of the cluster a report joined on positive
    evidence) give the latest of those. A bare year is kept only when nothing finer is known.
    """
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        by_doc[ev.doc].append(ev)
    out: dict[str, timing.Interval] = {}
    for doc_id, evs in by_doc.items():
        pub = timing.parse(published(documents.get(doc_id), documents))
        if _fine(pub):
            assert pub is not None
            out[doc_id] = pub
            continue
        spans = [iv for e in evs if _fine(iv := _event_span(e))]
        if not spans and clusters:
            spans = [iv for e in evs if _fine(iv := clusters.get(e.id))]
        if pub is not None:  # a year: only what falls inside it
            spans = [iv for iv in spans if timing.gap(iv, pub) == 0]
        if spans:
            out[doc_id] = max(spans, key=lambda iv: (iv[1], iv[0]))
        elif pub is not None:
            out[doc_id] = pub
    return out


def anchor(event: Event, documents: Mapping[str, Document],
           reports: Mapping[str, timing.Interval] | None = None) -> timing.Interval | None:
    """The days a report of ``event`` refers to (see the module docstring). ``reports`` are
    the documents' report dates of :func:`report_dates`; without them, the publication date."""
    if reports is not None:
        pub = reports.get(event.doc)
    else:
        pub = timing.parse(published(documents.get(event.doc), documents))
    iv = _event_span(event)
    if iv is not None and (_fine(iv) or not _fine(pub)):
        if (not timing.is_point(iv) and pub is not None and timing.is_point(pub)
                and iv[1] < pub[0] <= iv[1] + dt.timedelta(days=STRETCH)):
            return iv[0], pub[0]
        return iv
    if iv is not None and pub is not None and timing.gap(iv, pub) > 0:
        return iv  # a year the report date does not fall in
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
    wording: set[str] = field(default_factory=set)  # word n-grams of its members' evidence


def wording(event: Event, n: int = WORDING) -> set[str]:
    """The word ``n``-grams of an event's evidence sentences (case and punctuation folded)."""
    out: set[str] = set()
    for e in event.evidence:
        w = re.findall(r"\w+", unicodedata.normalize("NFKC", e.text).lower())
        out.update(" ".join(w[i:i + n]) for i in range(len(w) - n + 1))
    return out


def _arrival(event: Event, iv: timing.Interval | None,
             documents: Mapping[str, Document]) -> tuple[int, str, str, str]:
    """The order reports are placed in: those placed in time to the month or better first,
    by publication date; then those known only to the year; undated reports last."""
    pub = published(documents.get(event.doc), documents)
    rank = 0 if _fine(iv) else 1 if iv is not None else 2
    return rank, pub or "", event.doc, event.id


def _order(item: tuple[timing.Interval | None, str, str]) -> tuple[bool, dt.date, str, str]:
    iv, doc, eid = item
    return iv is None, iv[0] if iv else dt.date.max, doc, eid


def assign_clusters(events: Sequence[Event], documents: Mapping[str, Document],
                    existing: Mapping[str, str] | None = None) -> dict[str, str]:
    """Event id -> cluster id for every event in ``events``.

    ``existing`` maps already-clustered event ids to their cluster ids; those events keep them
    and the others join their clusters when compatible. Pass the stored events of the affected
    keys along with the new ones, so that new reports can join them.

    Two passes: the first places every report with the report dates its documents' own dates
    give; documents still without one then take the latest anchor of the clusters their
    reports joined (:func:`report_dates`), and the second pass places everything again.
    """
    existing = dict(existing or {})
    reports = report_dates(events, documents)
    first = _assign(events, documents, existing, reports)
    if all(_fine(reports.get(e.doc)) for e in events):
        return first
    spans = _cluster_spans(events, documents, first, reports)
    return _assign(events, documents, existing, report_dates(events, documents, spans))


def _cluster_spans(events: Sequence[Event], documents: Mapping[str, Document],
                   assignment: Mapping[str, str], reports: Mapping[str, timing.Interval]
                   ) -> dict[str, timing.Interval]:
    """Event id -> the anchor of its cluster's earliest dated report (a cluster of dated
    reports only: one an undated report founded gives nothing)."""
    first: dict[str, timing.Interval] = {}
    for ev in events:
        iv = anchor(ev, documents, reports)
        cid = assignment.get(ev.id)
        if cid is None or not _fine(iv):
            continue
        assert iv is not None
        if cid not in first or iv < first[cid]:
            first[cid] = iv
    return {ev.id: first[c] for ev in events
            if (c := assignment.get(ev.id)) in first and not _fine(reports.get(ev.doc))}


def _assign(events: Sequence[Event], documents: Mapping[str, Document],
            existing: Mapping[str, str], reports: Mapping[str, timing.Interval]
            ) -> dict[str, str]:
    by_key: dict[Key, list[Event]] = defaultdict(list)
    for ev in events:
        by_key[event_key(ev)].append(ev)
    out: dict[str, str] = {}
    for key in sorted(by_key, key=repr):
        out.update(_cluster_key(key, by_key[key], documents, existing, reports))
    return out


def _cluster_key(key: Key, events: list[Event], documents: Mapping[str, Document],
                 existing: Mapping[str, str], reports: Mapping[str, timing.Interval]
                 ) -> dict[str, str]:
    info = {ev.id: (anchor(ev, documents, reports), ev.doc, ev.id) for ev in events}
    arrival = {ev.id: _arrival(ev, info[ev.id][0], documents) for ev in events}
    qty = {ev.id: quantity_value(ev) for ev in events}
    words = {ev.id: wording(ev) for ev in events}
    clusters: dict[str, _Open] = {}
    out: dict[str, str] = {}
    # Syndication group -> clusters its copies' reports of this key joined.
    copies: dict[str, list[str]] = defaultdict(list)

    def group(ev: Event) -> str | None:
        d = documents.get(ev.doc)
        return d.syndication_group if d is not None else None

    def place(ev: Event, c: _Open) -> None:
        c.quantity = c.quantity or qty[ev.id]
        c.size += 1
        c.wording |= words[ev.id]
        out[ev.id] = c.id
        g = group(ev)
        if g and c.id not in copies[g]:
            copies[g].append(c.id)

    for ev in sorted((e for e in events if e.id in existing), key=lambda e: arrival[e.id]):
        cid = existing[ev.id]
        c = clusters.get(cid)
        if c is None:
            c = clusters[cid] = _Open(cid, info[ev.id], qty[ev.id])
        place(ev, c)
    for ev in sorted((e for e in events if e.id not in existing), key=lambda e: arrival[e.id]):
        iv, q = info[ev.id][0], qty[ev.id]
        g = group(ev)
        same_story = [clusters[c] for c in copies.get(g, ())] if g else []
        c = _nearest(list(clusters.values()), iv, q, same_story, own_date=_fine(_event_span(ev)),
                     words=words[ev.id])
        if c is None:
            cid = make_id("cl", *key, ev.id)
            c = clusters[cid] = _Open(cid, info[ev.id], q)
        place(ev, c)
    return out


def same_figure(a: tuple[str, float] | None, b: tuple[str, float] | None) -> bool:
    """Two figures that agree within the tolerance, of one unit class (or one without a
    unit): positive evidence that two reports are of one act."""
    if a is None or b is None or (a[0] != b[0] and a[0] and b[0]):
        return False
    lo, hi = sorted((a[1], b[1]))
    return hi <= lo * (1 + QUANTITY_TOLERANCE) if lo > 0 else hi == lo


def _nearest(clusters: list[_Open], iv: timing.Interval | None,
             q: tuple[str, float] | None, copies: Sequence[_Open] = (),
             own_date: bool = True, words: set[str] | None = None) -> _Open | None:
    """The cluster a report joins, or None when it founds one.

    A report placed in time to the month or better joins the compatible cluster whose founder
    is nearest. A report known only to the year, or not dated at all, joins only on positive
    evidence, among the clusters its span overlaps: the cluster a syndicated copy of its
    document joined, else one that carries the same figure, else the one whose reports share
the most runs of wording with it (at least :data:`SHARED_WORDING` runs of :data:`WORDING`
words: the same quotation, the same wire sentence). So does a report placed in time
    only by its document's report date (``own_date`` false) that no cluster fits: the report
    date bounds the act from above, it does not date it.
    """
    fits = [c for c in clusters if quantities_compatible(c.quantity, q)]
    if _fine(iv):
        assert iv is not None
        dated = [(timing.gap(c.founder[0], iv), _order(c.founder), c) for c in fits
                 if c.founder[0] is not None and anchors_compatible(c.founder[0], iv)]
        if dated:
            return min(dated, key=lambda t: t[:2])[2]
        if own_date:  # a dated report joins a copy's cluster founded by an undated report
            return next((c for c in copies if c.founder[0] is None), None)
        iv = None
    if iv is not None:
        fits = [c for c in fits if c.founder[0] is None or timing.gap(c.founder[0], iv) == 0]
    fitting = [c for c in copies if c in fits]
    if fitting:
        return min(fitting, key=lambda c: _order(c.founder))
    figures = [c for c in fits if same_figure(c.quantity, q)]
    if figures:
        return min(figures, key=lambda c: (-c.size, _order(c.founder)))
    shared = [(len(c.wording & words), c) for c in fits] if words else []
    shared = [(n, c) for n, c in shared if n >= SHARED_WORDING]
    if shared:
        return min(shared, key=lambda t: (-t[0], _order(t[1].founder)))[1]
    return None


def build_clusters(events: Sequence[Event], documents: Mapping[str, Document]) -> list[Cluster]:
    """SPEC §2 cluster records of ``events``; see :mod:`tripwire.stories.records`."""
    from tripwire.stories.records import build_clusters as build

    return build(events, documents)

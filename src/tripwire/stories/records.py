"""Cluster records (SPEC §2 ``kind = "cluster"``) from clustered events.

For one cluster: the furthest stage reported, the first report (date and document), the
documents, the *origins* and the count of *independent sources*, and the *conflicts*.

Independent sources: documents are joined when they are syndicated copies of one another, or
when they cite one origin — a medium ("The New York Times reported", "citing Yonhap") or an
intelligence service ("U.S. intelligence"), from the events' ``attribution`` of kind ``media``
or ``intelligence`` — or read so from their words when the extractor left the kind vague
(:func:`kind_of`: "U.S. intelligence agencies", a name that is a known outlet). Two origins
cited together by one report are one chain of reporting. Each joined group is one independent
source; its origin is what it cites, else its outlet.

Conflicts: differing figures, differing stages, negative reports of the same act, and denials
(``type = denial``) linked to the clusters of the type they deny that involve the denier.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tripwire.model import Attribution, Cluster, Document, Event
from tripwire.stories import timing
from tripwire.stories.clusters import (
    PAIR_ROLES,
    anchor,
    assign_clusters,
    event_key,
    published,
    quantity_value,
)
from tripwire.stories.names import canonical, fold

# Later stages outrank earlier ones; a cluster's stage is its members' furthest.
STAGE_RANK = {"sought": 0, "agreed": 1, "delivered": 2, "threatened": 0, "imposed": 1,
              "lifted": 2, "held": 0, "signed": 0}
DENIAL_WINDOW = 30  # days after a cluster's last report within which a denial answers it
ORIGIN_KINDS = frozenset({"media", "intelligence"})
_COUNTRY_ADJ = {"USA": "U.S.", "KOR": "South Korean", "PRK": "North Korean", "RUS": "Russian",
                "UKR": "Ukrainian", "GBR": "British", "JPN": "Japanese", "IRN": "Iranian",
                "CHN": "Chinese", "ISR": "Israeli", "DEU": "German", "FRA": "French"}
_GENERIC = frozenset({"reports", "report", "media", "media reports", "local media", "sources",
                      "news reports", "state media"})


_MEDIUM = re.compile(
    r"\b(times|post|news|herald|journal|tribune|gazette|telegraph|guardian|agency|press|"
    r"reuters|yonhap|bloomberg|cnn|bbc|nhk|kcna|tass|ria|irna|interfax|politico|axios|"
    r"wire|daily|ilbo|broadcasting|television|tv|radio)\b")
_INTELLIGENCE = re.compile(r"\bintelligence\b")


def kind_of(a: Attribution, outlets: frozenset[str] = frozenset()) -> str:
    """The attribution's kind, read again from its words when the extractor left it vague
    (``unnamed``, ``official``, ...): a role or name that speaks of intelligence is an
    intelligence origin; a name with no role that is a known outlet (``outlets``, folded) or
    has the form of a medium's name ("The New York Times", "Yonhap News Agency") is media."""
    if a.kind in ORIGIN_KINDS:
        return a.kind
    text = fold(" ".join(x for x in (a.name, a.role) if x))
    if _INTELLIGENCE.search(text) and a.country:
        return "intelligence"
    if a.name and not a.role and (fold(a.name) in outlets or _MEDIUM.search(fold(a.name))):
        return "media"
    return a.kind


def origin_of(a: Attribution, outlets: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(key, label) of the origin an attribution names, or None when it names none.

    Intelligence is identified by its country ("U.S. intelligence" for every American service
    or "declassified US intelligence"); media by their folded name, without a parenthesised
    acronym or a trailing "News" / "News Agency". The kind is :func:`kind_of`.
    """
    kind = kind_of(a, outlets)
    if kind not in ORIGIN_KINDS:
        return None
    if kind == "intelligence":
        if a.country:
            label = f"{_COUNTRY_ADJ.get(a.country, a.country)} intelligence"
            return f"intel:{a.country}", label
        text = a.name or a.role
        return (f"intel:{fold(text)}", text) if text else None
    name = (a.name or a.role or "").strip()
    if not name or fold(name) in _GENERIC:
        return None
    base = re.sub(r"\s*\([^)]*\)", "", name)
    key = re.sub(r"\b(news agency|news service|news)$", "", fold(base)).strip() or fold(base)
    return f"media:{key}", base.strip()


class _Groups:
    """Union-find over hashable items."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb), key=repr)
            self.parent[hi] = lo


def outlets_of(documents: Mapping[str, Document]) -> frozenset[str]:
    """The folded outlet names of ``documents``: names an attribution may cite as media."""
    return frozenset(fold(d.outlet) for d in documents.values() if d.outlet)


def independent_sources(members: Sequence[Event], documents: Mapping[str, Document],
                        outlets: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """The independent sources of a cluster: each with its documents and origin label."""
    uf = _Groups()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    docs = sorted({e.doc for e in members})
    outlets = outlets_of(documents) if outlets is None else outlets
    for d in docs:
        uf.find(("doc", d))
        group = documents[d].syndication_group if d in documents else None
        if group:
            uf.union(("doc", d), ("syn", group))
    for e in members:
        for a in e.attribution:
            o = origin_of(a, outlets)
            if o:
                uf.union(("doc", e.doc), ("origin", o[0]))
                labels[o[0]][o[1]] += 1
    comps: dict[Any, dict[str, Any]] = {}
    for d in docs:
        comp = comps.setdefault(uf.find(("doc", d)), {"documents": [], "origins": []})
        comp["documents"].append(d)
    for key in sorted(labels):
        root = uf.find(("origin", key))
        if root in comps:
            best = sorted(labels[key].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
            comps[root]["origins"].append(best)
    out = []
    for comp in comps.values():
        if not comp["origins"]:
            names = sorted({documents[d].outlet or d
                            for d in comp["documents"] if d in documents})
            comp["origins"] = names[:1] or comp["documents"][:1]
        comp["label"] = " / ".join(comp["origins"])
        out.append(comp)
    return sorted(out, key=lambda c: c["documents"][0])


def _pub_key(doc: str, documents: Mapping[str, Document]) -> tuple[bool, str, str, str]:
    """Order of reports: the one known to be out earliest first. A date known only to the year
    or month counts by its last possible day, so "2022-09-07" comes before "2022"."""
    iv = timing.parse(published(documents.get(doc), documents))
    if iv is None:
        return True, "", "", doc
    return False, iv[1].isoformat(), iv[0].isoformat(), doc


def _actors(members: Iterable[Event]) -> dict[str, tuple[str, ...]]:
    roles: dict[str, set[str]] = defaultdict(set)
    for e in members:
        for role, names in e.actors.items():
            roles[role].update(canonical(n) if role != "denied" else n for n in names if n)
    return {r: tuple(sorted(v)) for r, v in sorted(roles.items())}


def _quantity_conflicts(members: Sequence[Event]) -> list[dict[str, Any]]:
    by_unit: dict[str, dict[float, list[str]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[tuple[str, float], str] = {}
    for e in members:
        q = quantity_value(e)
        if q is not None and e.quantity is not None:
            by_unit[q[0]][q[1]].append(e.doc)
            texts.setdefault(q, e.quantity.text)
    out = []
    for unit, values in sorted(by_unit.items()):
        if len(values) > 1:
            out.append({"kind": "quantity", "unit": unit, "values": [
                {"value": v, "text": texts[(unit, v)], "documents": sorted(set(ds))}
                for v, ds in sorted(values.items())]})
    return out


def _stage_conflicts(members: Sequence[Event]) -> list[dict[str, Any]]:
    stages: dict[str, set[str]] = defaultdict(set)
    for e in members:
        stages[e.stage].add(e.doc)
    if len(stages) < 2:
        return []
    return [{"kind": "stage", "stages": {s: sorted(d) for s, d in sorted(stages.items())}}]


def build_clusters(events: Sequence[Event], documents: Mapping[str, Document]) -> list[Cluster]:
    """One record per cluster of ``events`` (clustered first when some lack ``cluster``)."""
    if any(e.cluster is None for e in events):
        existing = {e.id: e.cluster for e in events if e.cluster}
        assignment = assign_clusters(events, documents, existing)
        events = [e.replace(cluster=assignment[e.id]) for e in events]
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_cluster[str(e.cluster)].append(e)
    records: dict[str, Cluster] = {}
    spans: dict[str, timing.Interval | None] = {}
    outlets = outlets_of(documents)
    for cid, members in sorted(by_cluster.items()):
        members.sort(key=lambda e: (_pub_key(e.doc, documents), e.id))
        first_doc = min((e.doc for e in members), key=lambda d: _pub_key(d, documents))
        sources = independent_sources(members, documents, outlets)
        stage = max((e.stage for e in members), key=lambda s: STAGE_RANK.get(s, 0))
        conflicts = _quantity_conflicts(members) + _stage_conflicts(members)
        polarities = {e.polarity for e in members}
        if len(polarities) > 1:
            conflicts.append({"kind": "polarity", "values": sorted(polarities)})
        records[cid] = Cluster(
            id=cid, type=members[0].type, actors=_actors(members), stage=stage,
            first_reported={"date": published(documents.get(first_doc), documents),
                            "doc": first_doc},
            documents=tuple(sorted({e.doc for e in members})),
            independent_sources=len(sources),
            origins=tuple(s["label"] for s in sources),
            conflicts=tuple(conflicts))
        ivs = [iv for e in members if (iv := anchor(e, documents)) is not None]
        spans[cid] = (min(i[0] for i in ivs), max(i[1] for i in ivs)) if ivs else None
    _link_contradictions(records, by_cluster, spans)
    return [records[c] for c in sorted(records)]


def _involved(c: Cluster) -> set[str]:
    first, second = PAIR_ROLES.get(c.type, ("actor", None))
    return {*c.actors.get(first, ()), *(c.actors.get(second, ()) if second else ())}


def _link_contradictions(records: dict[str, Cluster], members: Mapping[str, list[Event]],
                         spans: Mapping[str, timing.Interval | None]) -> None:
    """Denials <-> the clusters they deny; negative reports <-> positive reports of one act."""
    extra: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for did, d in records.items():
        if d.type != "denial" or members[did][0].polarity != "positive":
            continue
        deniers, denied = set(d.actors.get("actor", ())), set(d.actors.get("denied", ()))
        d_docs, d_span = set(d.documents), spans[did]
        for cid, c in records.items():
            if c.type not in denied or not deniers & _involved(c) or cid == did:
                continue
            if members[cid][0].polarity != "positive":
                continue
            same_doc = bool(d_docs & set(c.documents))
            c_span = spans[cid]
            near = (d_span is not None and c_span is not None
                    and c_span[0] - dt.timedelta(days=7) <= d_span[0]
                    <= c_span[1] + dt.timedelta(days=DENIAL_WINDOW))
            if same_doc or near:
                who = ", ".join(sorted(deniers))
                extra[cid].append({"kind": "denial", "cluster": did, "by": who,
                                   "documents": list(d.documents)})
                extra[did].append({"kind": "denies", "cluster": cid})
    by_pair: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for cid, evs in sorted(members.items()):  # ingest order must not show
        k = event_key(evs[0])
        by_pair[k[:3]].append(cid)
    for cids in by_pair.values():
        neg = [c for c in cids if members[c][0].polarity == "negative"]
        for n in neg:
            for p in cids:
                if members[p][0].polarity == "positive" and (set(records[n].documents)
                                                              & set(records[p].documents)
                                                              or _near(spans[n], spans[p])):
                    extra[p].append({"kind": "negated", "cluster": n,
                                     "documents": list(records[n].documents)})
                    extra[n].append({"kind": "negates", "cluster": p})
    for cid, items in extra.items():
        records[cid] = records[cid].replace(conflicts=(*records[cid].conflicts, *items))


def _near(a: timing.Interval | None, b: timing.Interval | None, days: int = 31) -> bool:
    return a is not None and b is not None and timing.gap(a, b) <= days

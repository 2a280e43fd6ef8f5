"""The report's content, independent of its format: stories with their clusters in order,
each cluster with its evidence, and the per-document ledger.

Both renderers (Markdown, HTML) read this view, so they always say the same thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tripwire.model import Cluster, Document, Event
from tripwire.stories.names import canonical
from tripwire.stories.stories import Story, story_from_dict


@dataclass
class ClusterView:
    cluster: Cluster
    title: str
    quantity: str | None
    evidence: list[tuple[str, str]]  # (doc id, sentence)
    conflicts: list[str]


@dataclass
class StoryView:
    story: Story
    clusters: list[ClusterView] = field(default_factory=list)


@dataclass
class View:
    stories: list[StoryView]
    documents: list[Document]
    events_by_doc: dict[str, list[Event]]
    filter: str | None


def anchor_id(doc_id: str) -> str:
    """The HTML/Markdown anchor of a document's ledger section."""
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]+", "-", doc_id)


def _as_story(s: Story | Mapping[str, Any]) -> Story:
    return s if isinstance(s, Story) else story_from_dict(s)


def _as_cluster(c: Cluster | Mapping[str, Any]) -> Cluster:
    return c if isinstance(c, Cluster) else Cluster.from_dict(c)


def actor_text(actors: Mapping[str, Sequence[str]]) -> str:
    return "; ".join(f"{role}: {', '.join(names)}" for role, names in actors.items() if names)


def cluster_title(c: Cluster) -> str:
    a = c.actors
    pairs = {"supplier": "recipient", "sender": "host", "recognizer": "recognized",
             "actor": "target"}
    for left, right in pairs.items():
        if a.get(left) and a.get(right):
            return f"{', '.join(a[left])} → {', '.join(a[right])}: {c.type.replace('_', ' ')}"
    if c.type == "denial":
        return f"{', '.join(a.get('actor', ()))} denies {', '.join(a.get('denied', ()))}"
    if c.type == "sanction":
        tc = ", ".join(a.get("target_country", ()))
        return f"{', '.join(a.get('imposer', ()))} sanctions" + (f" on {tc}" if tc else "")
    names = sorted({n for v in a.values() for n in v})
    return f"{c.type.replace('_', ' ')}: {', '.join(names)}"


def _conflict_text(x: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    kind = x.get("kind")
    if kind == "quantity":
        vals = "; ".join(f"{v['text']} ({', '.join(v['documents'])})" for v in x["values"])
        return f"figures differ: {vals}"
    if kind == "stage":
        return "stages differ: " + "; ".join(
            f"{s} ({', '.join(d)})" for s, d in x["stages"].items())
    if kind == "denial":
        return f"denied by {x.get('by')} — {titles.get(str(x.get('cluster')), x.get('cluster'))}"
    if kind == "denies":
        return f"denies: {titles.get(str(x.get('cluster')), x.get('cluster'))}"
    if kind == "negated":
        return f"reported as not having happened ({', '.join(x.get('documents', []))})"
    if kind == "negates":
        return f"contradicts: {titles.get(str(x.get('cluster')), x.get('cluster'))}"
    if kind == "polarity":
        return "reports disagree on whether it happened"
    return str(dict(x))


def build_view(documents: Iterable[Document], events: Iterable[Event],
               clusters: Iterable[Cluster | Mapping[str, Any]],
               stories: Iterable[Story | Mapping[str, Any]],
               story_filter: str | None = None) -> View:
    docs = sorted(documents, key=lambda d: (d.published or "9999", d.id))
    evs = list(events)
    cls = {c.id: c for c in map(_as_cluster, clusters)}
    sts = [_as_story(s) for s in stories]
    if story_filter:
        wanted = {canonical(w) for w in re.split(r"[\s,;/]+", story_filter) if w}
        sts = [s for s in sts if wanted <= {canonical(a) for a in s.actors}]
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in evs:
        if e.cluster:
            by_cluster[e.cluster].append(e)
    titles = {cid: cluster_title(c) for cid, c in cls.items()}
    out: list[StoryView] = []
    for s in sts:
        sv = StoryView(s)
        for cid in s.clusters:
            c = cls.get(cid)
            if c is None:
                continue
            members = sorted(by_cluster.get(cid, []), key=lambda e: (e.doc, e.id))
            qty = next((e.quantity.text for e in members if e.quantity), None)
            evidence = []
            seen: set[tuple[str, str]] = set()
            for e in members:
                for ev in e.evidence:
                    item = (e.doc, ev.text)
                    if ev.text and item not in seen:
                        seen.add(item)
                        evidence.append(item)
            sv.clusters.append(ClusterView(c, titles[cid], qty, evidence,
                                           [_conflict_text(x, titles) for x in c.conflicts]))
        out.append(sv)
    keep_docs = None
    if story_filter:
        keep_docs = {d for sv in out for cv in sv.clusters for d in cv.cluster.documents}
        docs = [d for d in docs if d.id in keep_docs]
    events_by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in evs:
        events_by_doc[e.doc].append(e)
    return View(out, docs, dict(events_by_doc), story_filter)


def event_row(e: Event) -> dict[str, str]:
    """The ledger columns of one event, as text."""
    date = ""
    if e.date is not None:
        date = e.date.value or e.date.text
    attribution = "; ".join(
        ", ".join(x for x in (a.name, a.role, a.country) if x) + f" [{a.kind}]"
        for a in e.attribution)
    flags = "" if e.polarity == "positive" else " (negative)"
    if e.modality != "asserted":
        flags += f" ({e.modality})"
    return {
        "type": e.type + flags, "stage": e.stage, "actors": actor_text(e.actors),
        "items": ", ".join(f"{i.text} [{i.category}]" for i in e.items),
        "quantity": e.quantity.text if e.quantity else "", "date": date,
        "attribution": attribution,
    }


LEDGER_COLUMNS = ("type", "stage", "actors", "items", "quantity", "date", "attribution")

"""Records built from the gold files of SPEC §5, to develop and measure stories without the
extractor: :func:`load_gold` gives Documents, Events (gold ``cluster`` dropped and returned
apart) and the gold cluster of each event id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tripwire.model import Document, Event, Evidence, make_id


@dataclass(frozen=True, slots=True)
class GoldSet:
    documents: dict[str, Document]
    events: list[Event]
    gold_cluster: dict[str, str]  # event id -> gold cluster id


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _read_seed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_gold(shared: Path) -> GoldSet:
    """Documents of ``shared/corpus`` and the gold events of ``shared/gold`` as records."""
    facts = {d["doc"]: d for d in _jsonl(shared / "gold" / "documents.jsonl")}
    documents: dict[str, Document] = {}
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        f = facts.get(path.stem, {})
        documents[path.stem] = Document(id=path.stem, text=_read_seed(path),
                                        outlet=f.get("outlet"), published=f.get("published"))
    for path in sorted((shared / "corpus" / "dev").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        f = facts.get(path.stem, {})
        documents[path.stem] = Document(
            id=path.stem, text=raw.get("text") or "", url=raw.get("url"), title=raw.get("title"),
            outlet=raw.get("outlet") or f.get("outlet"),
            published=raw.get("date") or f.get("published"))
    events: list[Event] = []
    gold_cluster: dict[str, str] = {}
    for name in ("seeds.jsonl", "dev.jsonl"):
        for n, raw in enumerate(_jsonl(shared / "gold" / name)):
            data = dict(raw)
            cluster = data.pop("cluster")
            data.pop("actor_aliases", None)
            evidence = data.pop("evidence", []) or []
            eid = make_id("ev", name, n, data["doc"], data["type"])
            ev = Event.from_dict({**data, "id": eid}).replace(
                evidence=tuple(Evidence(0, 0, str(t)) for t in evidence))
            ev = _locate_evidence(ev, documents.get(ev.doc))
            events.append(ev)
            gold_cluster[eid] = cluster
    return GoldSet(documents, events, gold_cluster)


def _locate_evidence(ev: Event, doc: Document | None) -> Event:
    """Give evidence sentences their offsets in the document text where they occur verbatim."""
    if doc is None:
        return ev
    out = []
    for e in ev.evidence:
        start = doc.text.find(e.text)
        out.append(Evidence(start, start + len(e.text), e.text) if start >= 0 else e)
    return ev.replace(evidence=tuple(out))

"""The typed, immutable records every stage shares (SPEC §2).

Each record is a frozen dataclass. Ids are derived from content with :func:`make_id`, so the
same input always yields the same ids. ``to_dict`` gives the SPEC export shape; ``from_dict``
reads it back (the store keeps records as that JSON).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

EVENT_TYPES = (
    "arms_transfer",
    "technology_transfer",
    "goods_transfer",
    "troop_deployment",
    "sanction",
    "meeting",
    "agreement",
    "diplomatic_protest",
    "un_action",
    "denial",
    "recognition",
    "interdiction",
)
ITEM_CATEGORIES = (
    "artillery_ammunition",
    "rockets",
    "ballistic_missiles",
    "cruise_missiles",
    "drones",
    "small_arms",
    "armored_vehicles",
    "aircraft",
    "air_defense",
    "naval",
    "military_technology",
    "space_technology",
    "dual_use_goods",
    "energy",
    "troops",
    "other",
)
PLANNED_STAGES = frozenset({"sought", "agreed", "threatened"})
# The roles that make an event's main actor pair (SPEC §6); ``None``: the first role stands alone.
PAIR_ROLES: dict[str, tuple[str, str | None]] = {
    "arms_transfer": ("supplier", "recipient"),
    "technology_transfer": ("supplier", "recipient"),
    "goods_transfer": ("supplier", "recipient"),
    "troop_deployment": ("sender", "host"),
    "sanction": ("imposer", None),
    "recognition": ("recognizer", "recognized"),
    "diplomatic_protest": ("actor", "target"),
    "denial": ("actor", "denied"),
    "un_action": ("actor", "body"),
    "interdiction": ("actor", "target"),
}
# Types whose actors form a set rather than a pair (SPEC §6).
SET_ROLES: dict[str, str] = {"meeting": "participants", "agreement": "parties"}
ENTITY_TYPES = ("country", "person", "organization", "vessel", "weapon_system", "other")

Polarity = Literal["positive", "negative"]
Modality = Literal["asserted", "speculative", "hypothetical"]


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id: ``prefix`` and the first 16 hex digits of a hash of ``parts``."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return f"{prefix}-{hashlib.sha1(blob.encode('utf-8')).hexdigest()[:16]}"


def content_hash(text: str) -> str:
    """The hash that tells whether an article was already stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def coarse_stage(stage: str | None) -> str:
    """SPEC §3: ``planned`` for sought/agreed/threatened, ``done`` for every other stage."""
    return "planned" if stage in PLANNED_STAGES else "done"


R = TypeVar("R", bound="Record")


class Record:
    """Shared export/import behaviour for the frozen dataclasses below."""

    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind} if self.kind else {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
        kwargs: dict[str, Any] = {}
        hints = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for name in hints:
            if name in data:
                kwargs[name] = _freeze(cls, name, data[name])
        return cls(**kwargs)

    def replace(self: R, **changes: Any) -> R:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        d = value.to_dict()
        cls: type = type(value)  # annotated: mypy deems type[Record] not Hashable
        if "kind" not in _field_names(cls):  # the record kind, not a field (Attribution)
            d.pop("kind", None)
        return d
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Item(Record):
    text: str
    category: str


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    text: str
    min: float | None = None
    max: float | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate(Record):
    text: str
    value: str | None
    precision: str | None = None  # day | week | month | year


@dataclass(frozen=True, slots=True)
class Attribution(Record):
    name: str | None
    role: str | None = None
    country: str | None = None
    kind: str = "unnamed"  # official | intelligence | media | expert | government | unnamed


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Violation(Record):
    regime: str
    provision: str
    why: str


@dataclass(frozen=True, slots=True)
class SanctionMatch(Record):
    list: str
    entry_id: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Document(Record):
    kind = "document"
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    outlet_inferred: bool = False
    language: str | None = "en"
    syndication_group: str | None = None
    source: str | None = None  # the path or URL it was read from
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Entity(Record):
    kind = "entity"
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[str, ...] = ()
    sanctions: tuple[SanctionMatch, ...] = ()
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class Quote(Record):
    kind = "quote"
    id: str
    doc: str
    text: str
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    speaker_country: str | None = None
    direct: bool = False
    evidence_start: int = 0
    evidence_end: int = 0


@dataclass(frozen=True, slots=True)
class Event(Record):
    kind = "event"
    id: str
    doc: str
    type: str
    stage: str
    polarity: Polarity = "positive"
    modality: Modality = "asserted"
    actors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    items: tuple[Item, ...] = ()
    quantity: Quantity | None = None
    date: EventDate | None = None
    location: str | None = None
    attribution: tuple[Attribution, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    cluster: str | None = None
    confidence: float = 0.5
    violations: tuple[Violation, ...] = ()


@dataclass(frozen=True, slots=True)
class Cluster(Record):
    kind = "cluster"
    id: str
    type: str
    actors: Mapping[str, tuple[str, ...]]
    stage: str
    first_reported: Mapping[str, str | None]
    documents: tuple[str, ...] = ()
    independent_sources: int = 0
    origins: tuple[str, ...] = ()
    conflicts: tuple[Mapping[str, Any], ...] = ()
    story: str | None = None


# How from_dict rebuilds nested records: field name -> record class (tuple fields hold many).
_NESTED: dict[str, type[Record]] = {
    "items": Item,
    "quantity": Quantity,
    "date": EventDate,
    "attribution": Attribution,
    "evidence": Evidence,
    "violations": Violation,
    "sanctions": SanctionMatch,
}


def _freeze(cls: type, name: str, value: Any) -> Any:
    if value is None:
        return None
    nested = _NESTED.get(name)
    if name == "actors":
        return {k: tuple(v) for k, v in value.items()}
    if nested is not None and isinstance(value, list):
        return tuple(nested.from_dict(v) for v in value)
    if nested is not None and isinstance(value, Mapping):
        return nested.from_dict(value)
    if isinstance(value, list):
        return tuple(dict(v) if isinstance(v, Mapping) else v for v in value)
    return value


def event_id(doc: str, type_: str, actors: Mapping[str, Sequence[str]], stage: str,
             polarity: str, extra: object = None) -> str:
    """Stable event id from its key fields (document, type, actors, coarse stage, polarity)."""
    roles = {k: sorted(v) for k, v in sorted(actors.items())}
    return make_id("ev", doc, type_, roles, coarse_stage(stage), polarity, extra)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline learnt from one document, stored in one transaction."""

    document: Document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

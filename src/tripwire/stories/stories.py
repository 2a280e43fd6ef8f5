"""Stories: clusters linked over time by actor pair and theme.

A story is every cluster whose main actors are the same pair of states (in either direction:
arms to Russia from North Korea and Russian technology for North Korea are one relationship)
and whose type belongs to one *theme* — military cooperation (arms, technology, troops,
meetings, agreements and the denials of them), sanctions, or a UN action. Ordered by first
report, they read as a timeline: purchase reports → deliveries → missiles used → troops.

A story's id is derived from its theme and actor pair, so it is stable as clusters join.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tripwire.model import Cluster, Event, Record, make_id
from tripwire.stories.clusters import PAIR_ROLES

THEMES: dict[str, str] = {
    "arms_transfer": "military cooperation",
    "technology_transfer": "military cooperation",
    "troop_deployment": "military cooperation",
    "goods_transfer": "military cooperation",
    "meeting": "military cooperation",
    "agreement": "military cooperation",
    "recognition": "military cooperation",
    "denial": "military cooperation",
    "interdiction": "sanctions",
    "sanction": "sanctions",
    "diplomatic_protest": "diplomacy",
    "un_action": "UN action",
}


@dataclass(frozen=True, slots=True)
class Story(Record):
    kind = "story"
    id: str
    title: str
    theme: str
    actors: tuple[str, ...]  # the actor pair (or the lone actor), sorted
    clusters: tuple[str, ...]  # cluster ids in order of first report
    start: str | None = None  # first report of the first cluster
    end: str | None = None  # first report of the last cluster


def _pair(c: Cluster, denied_by: Mapping[str, list[Cluster]]) -> tuple[str, ...]:
    """The actor pair a cluster is about; a denial takes the pair of what it denies."""
    if c.type == "denial":
        targets = denied_by.get(c.id) or []
        pairs = sorted({_pair(t, {}) for t in targets})
        if pairs:
            return pairs[0]
        return tuple(sorted(set(c.actors.get("actor", ()))))
    if c.type == "sanction":  # about the states it targets, else the one that imposes it
        return tuple(sorted(set(c.actors.get("target_country", ()))
                            or set(c.actors.get("imposer", ()))))
    first, second = PAIR_ROLES.get(c.type, ("actor", None))
    names = {*c.actors.get(first, ()), *(c.actors.get(second, ()) if second else ())}
    return tuple(sorted(names))


def _date(c: Cluster) -> str:
    return str(c.first_reported.get("date") or "9999")


def build_stories(clusters: Sequence[Cluster], events: Iterable[Event] = ()) -> list[Story]:
    """Stories of ``clusters``, ordered by their first report; each lists its clusters in
    order. ``events`` is accepted for callers that want stories to see them (unused)."""
    del events
    by_id = {c.id: c for c in clusters}
    denied: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        for conflict in c.conflicts:
            if conflict.get("kind") == "denies" and conflict.get("cluster") in by_id:
                denied[c.id].append(by_id[str(conflict["cluster"])])
    groups: dict[tuple[str, tuple[str, ...]], list[Cluster]] = defaultdict(list)
    for c in clusters:
        groups[(THEMES.get(c.type, c.type), _pair(c, denied))].append(c)
    out = []
    for (theme, pair), members in groups.items():
        members.sort(key=lambda c: (_date(c), c.id))
        dates = sorted(str(d) for c in members if (d := c.first_reported.get("date")))
        start, end = (dates[0], dates[-1]) if dates else (None, None)
        who = " – ".join(pair) or "unknown actors"
        title = f"sanctions on {who}" if theme == "sanctions" else f"{who}: {theme}"
        out.append(Story(id=make_id("st", theme, pair), title=title, theme=theme, actors=pair,
                         clusters=tuple(c.id for c in members), start=start, end=end))
    out.sort(key=lambda s: (-len(s.clusters), s.start or "9999", s.id))
    return out


def assign_stories(clusters: Sequence[Cluster], stories: Sequence[Story]) -> list[Cluster]:
    """``clusters`` with ``Cluster.story`` set from ``stories``."""
    story_of = {cid: s.id for s in stories for cid in s.clusters}
    return [c.replace(story=story_of.get(c.id)) for c in clusters]


def story_from_dict(data: Mapping[str, Any]) -> Story:
    """A Story from its stored dict (tuples restored)."""
    return Story(id=str(data["id"]), title=str(data.get("title", "")),
                 theme=str(data.get("theme", "")), actors=tuple(data.get("actors") or ()),
                 clusters=tuple(data.get("clusters") or ()), start=data.get("start"),
                 end=data.get("end"))

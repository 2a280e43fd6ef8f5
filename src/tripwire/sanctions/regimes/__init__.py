"""Sanctions regimes as data: one YAML file per regime in this folder, each a list of rules
(event types, the role the target state fills, stages, item categories or words, the date the
provision took effect). :func:`check_event` returns the violations an event's report amounts to.

Only asserted, positive events are checked: speculation, conditionals and denials carry no
violation, and a denial is an event of its own, so it never clears another event's flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tripwire.datafiles import read_yaml
from tripwire.model import Event, Violation

__all__ = ["Regime", "Rule", "regimes", "check_event", "annotate"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    provision: str
    in_force: str
    types: frozenset[str]
    role: str
    stages: frozenset[str]
    why: str
    items: re.Pattern[str] | None = None
    categories: frozenset[str] = frozenset()
    text: re.Pattern[str] | None = None
    exclude_text: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Regime:
    name: str
    country: str
    country_names: frozenset[str]
    rules: tuple[Rule, ...]


def _rule(data: dict[str, Any]) -> Rule:
    def rx(key: str) -> re.Pattern[str] | None:
        return re.compile(data[key], re.I) if data.get(key) else None

    return Rule(id=data["id"], provision=data["provision"], in_force=str(data["in_force"]),
                types=frozenset(data["types"]), role=data["role"],
                stages=frozenset(data["stages"]), why=" ".join(data["why"].split()),
                items=rx("items"), categories=frozenset(data.get("categories", [])),
                text=rx("text"), exclude_text=rx("exclude_text"))


@cache
def regimes() -> tuple[Regime, ...]:
    """Every regime file shipped in ``tripwire/sanctions/regimes``."""
    out = []
    folder = resources.files("tripwire.sanctions.regimes")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = read_yaml(entry)
            out.append(Regime(data["regime"], data["country"],
                              frozenset(n.lower() for n in data["country_names"]),
                              tuple(_rule(r) for r in data["rules"])))
    return tuple(out)


def _is(country: str, names: frozenset[str], value: str) -> bool:
    v = value.strip().lower()
    return v == country.lower() or v in names


def _matches(rule: Rule, regime: Regime, event: Event) -> bool:
    if event.type not in rule.types or event.stage not in rule.stages:
        return False
    roles = [rule.role] if rule.role != "any" else list(event.actors)
    if not any(_is(regime.country, regime.country_names, a)
               for r in roles for a in event.actors.get(r, ())):
        return False
    if event.date is not None and event.date.value and event.date.value < rule.in_force[
            :len(event.date.value)]:
        return False
    items_text = " ".join(i.text for i in event.items)
    if rule.items is not None or rule.categories:
        by_text = rule.items is not None and bool(rule.items.search(items_text))
        by_cat = any(i.category in rule.categories for i in event.items)
        if not (by_text or by_cat):
            return False
    if rule.text is not None or rule.exclude_text is not None:
        text = items_text + " " + " ".join(e.text for e in event.evidence)
        if rule.text is not None and not rule.text.search(text):
            return False
        if rule.exclude_text is not None and rule.exclude_text.search(text):
            return False
    return True


def _why(rule: Rule, event: Event) -> str:
    def names(role: str) -> str:
        return "/".join(event.actors.get(role, ())) or "?"

    return rule.why.format(supplier=names("supplier"), recipient=names("recipient"),
                           stage=event.stage,
                           items=", ".join(i.text for i in event.items) or "items")


def check_event(event: Event, among: Sequence[Regime] | None = None) -> tuple[Violation, ...]:
    """The violations ``event`` reports, one per regime (provisions of matching rules joined)."""
    if event.modality != "asserted" or event.polarity != "positive":
        return ()
    out = []
    for regime in among if among is not None else regimes():
        hits = [r for r in regime.rules if _matches(r, regime, event)]
        if hits:
            out.append(Violation(regime=regime.name,
                                 provision="; ".join(dict.fromkeys(r.provision for r in hits)),
                                 why=" ".join(_why(r, event) for r in hits)))
    return tuple(out)


def annotate(events: Iterable[Event]) -> tuple[Event, ...]:
    """``events`` with ``violations`` set from :func:`check_event` (existing flags are kept)."""
    out = []
    for ev in events:
        found = check_event(ev)
        merged = tuple(dict.fromkeys(ev.violations + found))
        out.append(ev.replace(violations=merged) if merged != ev.violations else ev)
    return tuple(out)

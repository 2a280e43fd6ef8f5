"""Screening the entities that ingest extracts (SPEC §2 ``entity.sanctions``)."""

from __future__ import annotations

from collections.abc import Sequence

from tripwire import settings
from tripwire.model import Entity, SanctionMatch
from tripwire.sanctions.index import ScreeningIndex

# Entity types (SPEC §2) screened, and the list schema each is compared with.
SCREENED = {"person": "Person", "organization": "Organization", "vessel": "Vessel"}


def stands_for_a_state(entity: Entity) -> bool:
    """An organisation named only by a state's name, capital or government body ("Washington",
    "Russian forces", "National Intelligence Service") is that state acting, not a listed firm;
    people (leaders included) are always screened."""
    from tripwire.nlp import gazetteer  # imports spaCy: only where entities are screened

    return entity.type != "person" and gazetteer.load().lookup(entity.name) is not None


def screen_entity(entity: Entity, index: ScreeningIndex,
                  threshold: float | None = None) -> tuple[SanctionMatch, ...]:
    """Matches at or above ``threshold`` (default: setting ``match_threshold``) for the
    entity's name and aliases, best per list entry, highest first."""
    schema = SCREENED.get(entity.type)
    if schema is None or stands_for_a_state(entity):
        return ()
    thr = settings.get_float("match_threshold") if threshold is None else threshold
    best: dict[tuple[str, str], SanctionMatch] = {}
    for name in dict.fromkeys((entity.name, *entity.aliases)):
        for m in index.screen(name, schema, limit=5):
            key = (m.list, m.entry_id)
            if m.score >= thr and (key not in best or m.score > best[key].score):
                best[key] = SanctionMatch(m.list, m.entry_id, m.name, m.score)
    return tuple(sorted(best.values(), key=lambda s: (-s.score, s.list, s.entry_id)))


def screen_entities(entities: Sequence[Entity], index: ScreeningIndex) -> tuple[Entity, ...]:
    """``entities`` with ``sanctions`` filled for persons, organisations and vessels."""
    out = []
    for e in entities:
        found = screen_entity(e, index)
        out.append(e.replace(sanctions=found) if found or e.sanctions else e)
    return tuple(out)

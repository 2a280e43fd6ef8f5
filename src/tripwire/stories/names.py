"""Canonical folding of actor names, so that reports naming one actor differently cluster.

``canonical("the Kremlin") == canonical("RUS") == "RUS"``. States fold to their ISO 3166-1
alpha-3 code through the scoring table (``lexicons/scoring_names.yaml``, shared with
``tripwire.evaluate``) and ``lexicons/states.yaml``; international bodies fold to one canonical
name; anything else is case-, accent- and punctuation-folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from tripwire.datafiles import read_yaml

# Bodies beyond the scoring table's (lexicons/scoring_names.yaml), which gives the rest.
_MORE_BODIES: dict[str, tuple[str, ...]] = {
    "North Atlantic Treaty Organization": ("NATO",),
}
_LEXICON_KINDS = ("names", "capitals", "leaders", "bodies")


def fold(name: str) -> str:
    """Lower-case ASCII words of ``name`` without a leading "the"."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _yaml(name: str) -> dict[str, Any]:
    data = read_yaml("tripwire.lexicons", f"{name}.yaml")
    return data if isinstance(data, dict) else {}


@functools.cache
def scoring_names() -> dict[str, Any]:
    """The spellings SPEC §6 scoring treats as one actor: ``states`` and ``bodies``."""
    return _yaml("scoring_names")


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    base = scoring_names()
    states: dict[str, tuple[str, ...]] = {c: tuple(v) for c, v in base["states"].items()}
    for code, kinds in _yaml("states").items():
        if isinstance(kinds, dict):
            extra = [str(n) for k in _LEXICON_KINDS for n in kinds.get(k) or ()]
            states[str(code)] = (*states.get(str(code), ()), *extra)
    bodies = {**{c: tuple(v) for c, v in base["bodies"].items()}, **_MORE_BODIES}
    for canon, others in bodies.items():
        for n in (canon, *others):
            table[fold(n)] = canon
    for code, spellings in states.items():
        for n in (code, *spellings):
            table.setdefault(fold(n), code)
    return table


def canonical(name: str) -> str:
    """The canonical form of an actor name: an ISO3 code, a body's name, or the folded name."""
    f = fold(name)
    return _table().get(f, f)

"""Canonical folding of actor names, so that reports naming one actor differently cluster.

``canonical("the Kremlin") == canonical("RUS") == "RUS"``. States fold to their ISO 3166-1
alpha-3 code through ``lexicons/states.yaml`` when that lexicon is installed, else through the
small built-in table below; international bodies fold to one canonical name; anything else is
case-, accent- and punctuation-folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from typing import Any

# Used when lexicons/states.yaml is absent: the states this corpus is mostly about.
_BUILTIN_STATES: dict[str, tuple[str, ...]] = {
    "PRK": ("North Korea", "DPRK", "Democratic People's Republic of Korea", "Pyongyang"),
    "KOR": ("South Korea", "Republic of Korea", "ROK", "Seoul"),
    "RUS": ("Russia", "Russian Federation", "Moscow", "Kremlin"),
    "USA": ("United States", "U.S.", "US", "USA", "United States of America", "Washington"),
    "IRN": ("Iran", "Islamic Republic of Iran", "Tehran"),
    "UKR": ("Ukraine", "Kyiv", "Kiev"),
    "CHN": ("China", "People's Republic of China", "PRC", "Beijing"),
    "JPN": ("Japan", "Tokyo"),
    "GBR": ("United Kingdom", "UK", "Britain", "Great Britain", "London"),
}
BODIES: dict[str, tuple[str, ...]] = {
    "United Nations Security Council": ("UN Security Council", "U.N. Security Council", "UNSC",
                                        "Security Council"),
    "United Nations": ("UN", "U.N."),
    "European Union": ("EU", "E.U.", "Council of the European Union", "European Council"),
    "Group of Seven": ("G7", "G-7"),
    "Wagner Group": ("Wagner", "PMC Wagner", "Wagner private military company"),
    "North Atlantic Treaty Organization": ("NATO",),
}
_LEXICON_KINDS = ("names", "capitals", "leaders", "bodies")


def fold(name: str) -> str:
    """Lower-case ASCII words of ``name`` without a leading "the"."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _lexicon() -> dict[str, Any] | None:
    try:
        import yaml

        text = resources.files("tripwire").joinpath("lexicons/states.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, ImportError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    states: dict[str, tuple[str, ...]] = dict(_BUILTIN_STATES)
    lexicon = _lexicon()
    if lexicon:
        for code, kinds in lexicon.items():
            if isinstance(kinds, dict):
                extra = [str(n) for k in _LEXICON_KINDS for n in kinds.get(k) or ()]
                states[str(code)] = (*states.get(str(code), ()), *extra)
    for canon, others in BODIES.items():
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

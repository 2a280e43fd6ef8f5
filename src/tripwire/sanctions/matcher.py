"""Score one pair of names: run every feature, keep the best score, report all that applied."""

from __future__ import annotations

from dataclasses import dataclass

from tripwire import settings
from tripwire.sanctions.entries import fold_schema
from tripwire.sanctions.features import FEATURES
from tripwire.sanctions.normalize import Prepared, prepare


@dataclass(frozen=True, slots=True)
class Score:
    """A pair's score in 0..1 and the features behind it, best first."""

    score: float
    features: tuple[tuple[str, float, str], ...]

    @property
    def explanation(self) -> str:
        return "; ".join(f"{n}={s:.2f} ({why})" for n, s, why in self.features)


def compare(q: Prepared, c: Prepared) -> Score:
    """The best feature score for two prepared names."""
    found = []
    for feature in FEATURES:
        s, why = feature(q, c)
        if s is not None:
            found.append((feature.__name__, round(s, 4), why))
    if not found:
        return Score(0.0, ())
    # A Korean reading that disagrees on the surname vetoes spelling similarity.
    korean = next((f for f in found if f[0] == "korean_name"), None)
    if korean is not None and (q.hangul and c.hangul or korean[1] == 0.0):
        best = korean[1] if not any(f[0] == "identifier" for f in found) else 1.0
    else:
        best = max(f[1] for f in found)
    found.sort(key=lambda f: -f[1])
    return Score(round(min(best, 1.0), 4), tuple(found))


def score_pair(name1: str, name2: str, schema: str | None = None) -> Score:
    """Score two names; ``schema`` may be FtM (Person, Company, ...) or an OFAC SDN type."""
    s = fold_schema(schema)
    return compare(prepare(name1, s), prepare(name2, s))


def threshold() -> float:
    """The one decision threshold for every input (setting ``match_threshold``)."""
    return settings.get_float("match_threshold")

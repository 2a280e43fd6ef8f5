"""Score one pair of names: run every feature, keep the best score, report all that applied."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from tripwire import settings
from tripwire.sanctions.entries import fold_schema
from tripwire.sanctions.features import (
    FEATURES,
    AlignmentWhy,
    acronym,
    alignment,
    alignment_why,
    compact_match,
    identifier,
    korean_name,
    token_alignment,
)
from tripwire.sanctions.normalize import Prepared, prepare

KOREAN_CAP = 0.65  # the most two Korean names with different given-name keys can score


Feature = tuple[str, float, str]
# A feature as compare() keeps it: token_alignment's reason still unwritten (AlignmentWhy).
_Found = tuple[str, float, "str | AlignmentWhy"]


class Score:
    """A pair's score in 0..1 and the features behind it, best first.

    ``features`` are ``(name, score, why)``; the ``why`` texts are written when first read,
    not for every pair scored."""

    __slots__ = ("_features", "_found", "score")

    def __init__(self, score: float, features: tuple[Feature, ...] | tuple[_Found, ...] = ()
                 ) -> None:
        self.score = score
        self._found = features
        self._features: tuple[Feature, ...] | None = None

    @property
    def features(self) -> tuple[Feature, ...]:
        if self._features is None:
            self._features = tuple(
                (n, s, why if isinstance(why, str) else alignment_why(why))
                for n, s, why in self._found)
        return self._features

    @property
    def explanation(self) -> str:
        return "; ".join(f"{n}={s:.2f} ({why})" for n, s, why in self.features)

    def __iter__(self) -> Iterator[float | tuple[Feature, ...]]:
        return iter((self.score, self.features))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Score):
            return NotImplemented
        return self.score == other.score and self.features == other.features

    def __hash__(self) -> int:
        return hash((self.score, self.features))

    def __repr__(self) -> str:
        return f"Score(score={self.score!r}, features={self.features!r})"


_NOT_ACRONYMS = frozenset({"Person", "Vessel"})
_BY_SCORE = itemgetter(1)
# compare() calls the features in this order, inline:
assert (identifier, korean_name, token_alignment, compact_match, acronym) == FEATURES


def compare(q: Prepared, c: Prepared, imo: tuple[str, ...] = ()) -> Score:
    """The best feature score for two prepared names (``imo``: the candidate's IMO numbers)."""
    if imo and q.imo and set(q.imo) & set(imo):
        return Score(1.0, (("identifier", 1.0, f"IMO {min(set(q.imo) & set(imo))}"),))
    if (q.korean is None or c.korean is None) and not (q.imo and c.imo) \
            and len(q.tokens) == len(c.tokens) \
            and (q.schema in _NOT_ACRONYMS or c.schema in _NOT_ACRONYMS):
        # The common case: no feature but token_alignment can apply (the tests below).
        aligned = alignment(q, c)
        if aligned is None:
            return Score(0.0, ())
        top = round(aligned[0], 4)
        return Score(round(min(top, 1.0), 4), (("token_alignment", top, aligned[1]),))
    # Every feature of FEATURES, in its order; a feature is called only where its own first
    # test would not return None (the tests are repeated here to save calls).
    found: list[_Found] = []
    korean: _Found | None = None
    identified = False
    if q.imo and c.imo:
        s, why = identifier(q, c)
        if s is not None:
            found.append(("identifier", round(s, 4), why))
            identified = True
    if q.korean is not None and c.korean is not None:
        s, why = korean_name(q, c)
        if s is not None:
            korean = ("korean_name", round(s, 4), why)
            found.append(korean)
    aligned = alignment(q, c)  # token_alignment, its reason written only when read
    if aligned is not None:
        found.append(("token_alignment", round(aligned[0], 4), aligned[1]))
    if len(q.tokens) != len(c.tokens):
        s, why = compact_match(q, c)
        if s is not None:
            found.append(("compact_match", round(s, 4), why))
    if q.schema not in _NOT_ACRONYMS and c.schema not in _NOT_ACRONYMS:
        s, why = acronym(q, c)
        if s is not None:
            found.append(("acronym", round(s, 4), why))
    if not found:
        return Score(0.0, ())
    if len(found) == 1 and not identified and korean is None and not (q.korean and c.korean):
        return Score(round(min(found[0][1], 1.0), 4), (found[0],))  # the common case
    # A Korean reading that disagrees on the surname vetoes spelling similarity.
    if identified:
        best = 1.0
    elif korean is not None and (q.hangul and c.hangul or korean[1] == 0.0):
        best = korean[1]
    elif korean is None and q.korean and c.korean:
        # Both Korean, same surname, different given names: syllables that differ by one
        # letter are different syllables (Jong/Tong), so spelling alone may not match them.
        best = min(max(f[1] for f in found), KOREAN_CAP)
        found.append(("korean_name", KOREAN_CAP, f"given names differ: "
                      f"{q.korean.given}≠{c.korean.given}"))
    else:
        best = max(f[1] for f in found)
    if len(found) > 1:
        found.sort(key=_BY_SCORE, reverse=True)
    return Score(round(min(best, 1.0), 4), tuple(found))


_schema = lru_cache(maxsize=256)(fold_schema)


def score_pair(name1: str, name2: str, schema: str | None = None) -> Score:
    """Score two names; ``schema`` may be FtM (Person, Company, ...) or an OFAC SDN type."""
    s = _schema(schema)
    return compare(prepare(name1, s), prepare(name2, s))


def threshold() -> float:
    """The one decision threshold for every input (setting ``match_threshold``)."""
    return settings.get_float("match_threshold")

"""The screening index: every list name prepared once, blocked by keys, scored on demand.

Blocking: a name is filed under its words, a phonetic skeleton of each longer word, its Korean
reading and its IMO numbers. A query collects the names that share keys with it, ranks them
by the rarity (idf) of the keys shared, and scores only the best :data:`CANDIDATES` of them.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import pickle
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tripwire import settings
from tripwire.sanctions.entries import ListEntry, SanctionsList, fold_schema
from tripwire.sanctions.features import skeleton
from tripwire.sanctions.loaders import cache_dir, list_files, load_lists
from tripwire.sanctions.matcher import Score, compare
from tripwire.sanctions.normalize import Prepared, prepare

CANDIDATES = 40  # names scored per query after blocking
WEAK_FACTOR = 0.8  # a weak alias ("low quality" a.k.a.) counts a little less
INDEX_VERSION = 5  # bump when preparation or keys change, to invalidate cached indexes


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked list entry for a query: its best-matching name, score and features."""

    list: str
    entry_id: str
    name: str
    matched_name: str
    schema: str
    score: float
    features: tuple[tuple[str, float, str], ...]
    program: str = ""

    @property
    def explanation(self) -> str:
        return "; ".join(f"{n}={s:.2f} ({why})" for n, s, why in self.features)

    def to_dict(self) -> dict[str, object]:
        return {"list": self.list, "entry_id": self.entry_id, "name": self.name,
                "matched_name": self.matched_name, "schema": self.schema, "score": self.score,
                "program": self.program,
                "features": [{"feature": n, "score": s, "why": w} for n, s, w in self.features]}


def block_keys(p: Prepared) -> set[str]:
    """The keys a prepared name is filed under."""
    keys = {f"I:{n}" for n in p.imo}
    for t in p.tokens:
        if t.kind in ("word", "generic") and len(t.text) >= 2:
            keys.add(t.text)
            if len(t.text) >= 4:
                keys.add("S:" + skeleton(t.text))
    if p.korean is not None:
        keys.add(f"K:{p.korean.surname}:{p.korean.given}")
    if len(p.tokens) > 1:  # word joining: "Ramimakhlouf" files under the joined form
        keys.add("".join(t.text for t in p.tokens if t.kind == "word"))
    return keys


class ScreeningIndex:
    """Lists, their prepared names and the blocking postings."""

    def __init__(self, lists: Sequence[SanctionsList], skipped: Sequence[tuple[str, str]] = ()):
        self.lists = list(lists)
        self.skipped = list(skipped)
        self.entries: list[ListEntry] = [e for lst in self.lists for e in lst.entries]
        self.names: list[tuple[int, Prepared, bool]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for k, entry in enumerate(self.entries):
            for weak, names in ((False, entry.names), (True, entry.weak)):
                for name in names:
                    p = prepare(name, entry.schema)
                    nid = len(self.names)
                    self.names.append((k, p, weak))
                    for key in block_keys(p):
                        postings[key].append(nid)
            for imo in entry.imo:
                postings[f"I:{imo}"].append(len(self.names) - 1)
        self.postings = dict(postings)
        self.schemas = [self.entries[k].schema for k, _, _ in self.names]  # per name id
        n = max(len(self.names), 1)
        self.idf = {key: math.log(n / len(ids)) for key, ids in self.postings.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, query: Prepared, schema: str | None) -> list[int]:
        """Name ids sharing the rarest keys with ``query`` (schema-compatible ones only)."""
        weights: dict[int, float] = defaultdict(float)
        for key in sorted(block_keys(query)):  # sorted: the same sums and ties in every run
            ids = self.postings.get(key)
            if not ids or len(ids) > 20000:
                continue
            w = self.idf[key] + (5.0 if key.startswith(("I:", "K:")) else 0.0)
            for nid in ids:
                weights[nid] += w
        items: Iterable[tuple[int, float]] = weights.items()
        if schema is not None:
            schemas = self.schemas
            items = [(nid, w) for nid, w in items if schemas[nid] == schema]
        best = heapq.nsmallest(CANDIDATES, items, key=lambda kv: (-kv[1], kv[0]))
        return [nid for nid, _ in best]

    def screen(self, name: str, schema: str | None = None, limit: int = 5) -> list[Match]:
        """Ranked entries for ``name``: best name per entry, highest score first."""
        schema = fold_schema(schema) if schema else None
        best: dict[int, tuple[float, Prepared, bool, Score]] = {}
        queries: dict[str, Prepared] = {}
        probe = prepare(name, schema)
        for nid in self.candidates(probe, schema):
            k, cand, weak = self.names[nid]
            entry = self.entries[k]
            q = queries.get(entry.schema) or queries.setdefault(entry.schema,
                                                                prepare(name, entry.schema))
            result = compare(q, cand, entry.imo)
            score = round(result.score * (WEAK_FACTOR if weak else 1.0), 4)
            if k not in best or score > best[k][0]:
                best[k] = (score, cand, weak, result)
        entries = self.entries
        top = heapq.nsmallest(limit, best, key=lambda k: (-best[k][0], entries[k].list,
                                                           entries[k].entry_id))
        out = []
        for k in top:  # Match records only for the entries shown
            score, cand, weak, result = best[k]
            entry = entries[k]
            feats = result.features + ((("weak_alias", WEAK_FACTOR, "weak alias"),)
                                       if weak else ())
            out.append(Match(entry.list, entry.entry_id, entry.name, cand.raw, entry.schema,
                             score, feats, entry.program))
        return out

    def screen_many(self, names: Iterable[str], schema: str | None = None,
                    threshold: float | None = None) -> list[list[Match]]:
        """:meth:`screen` for each name, keeping matches at or above ``threshold``."""
        thr = settings.get_float("match_threshold") if threshold is None else threshold
        return [[m for m in self.screen(n, schema) if m.score >= thr] for n in names]


def _cache_key(files: Sequence[Path]) -> str:
    parts = [f"v{INDEX_VERSION}"]
    for f in files:
        st = f.stat()
        parts.append(f"{f.resolve()}:{st.st_mtime_ns}:{st.st_size}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:20]


_LOADED: dict[tuple[str, ...], ScreeningIndex] = {}


def load_index(paths: Sequence[str], use_cache: bool = False) -> ScreeningIndex:
    """The index of every list ``paths`` name: from memory, else built (about 3 s for every list
    in shared/data). ``use_cache`` keeps a pickle keyed by file paths, modification times and
    sizes; it is off by default because unpickling measured slower than building."""
    key = tuple(paths)
    if key in _LOADED:
        return _LOADED[key]
    files, _ = list_files(paths)
    cache_file = cache_dir() / f"index-{_cache_key(files)}.pkl"
    index: ScreeningIndex | None = None
    if use_cache and cache_file.exists():
        try:
            with cache_file.open("rb") as fh:
                index = pickle.load(fh)  # noqa: S301 (our own cache file)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            index = None
    if index is None:
        started = time.perf_counter()
        loaded = load_lists(paths)
        index = ScreeningIndex(loaded.lists, loaded.skipped)
        index.build_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
        if use_cache:
            tmp = cache_file.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
    _LOADED[key] = index
    return index

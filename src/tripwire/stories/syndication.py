"""Near-duplicate documents: wire copies, re-hosted stories, lightly edited copies.

Two documents are copies when their canonical URLs are equal (scheme, ``www.``, port, query
trackers, fragment and trailing slash ignored), their texts are equal after folding, or the
Jaccard similarity of their word 4-shingle sets reaches :data:`THRESHOLD`. Candidate pairs come
from MinHash signatures banded for locality-sensitive hashing (LSH), so the work grows with the
number of documents times the number of candidates, not with every pair; each candidate pair is
then confirmed on the exact shingle sets. Copies are joined transitively (union-find).

A group's id is derived from the smallest document id in it, so it does not depend on the order
of the input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np

from tripwire.model import Document, make_id

SHINGLE = 4  # words per shingle
NUM_PERM = 128  # MinHash permutations
BANDS = 64  # LSH bands of NUM_PERM // BANDS rows: candidate threshold ~ (1/64)**(1/2) = 0.125
THRESHOLD = 0.2  # Jaccard of shingle sets at which two texts are copies
MIN_SHINGLES = 8  # shorter texts are only grouped when equal

_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240601)  # fixed seed: signatures must be stable across runs
_A = _rng.integers(1, 1 << 29, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 61, size=NUM_PERM, dtype=np.uint64)
_TRACKERS = re.compile(r"^(utm_|ref$|rss$|fbclid$|gclid$|output$|amp$)")


def canonical_url(url: str | None) -> str | None:
    """``url`` without scheme, ``www.``, default port, tracking parameters, fragment and
    trailing slash; AMP paths (``/amp/``) count as the page itself."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = re.sub(r"/+", "/", parts.path).rstrip("/").replace("/amp/", "/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query)
                             if not _TRACKERS.match(k.lower())))
    return f"{host}{path}" + (f"?{query}" if query else "")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"\w+", folded)


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """Hashes (32-bit) of the word ``k``-shingles of ``text``."""
    w = words(text)
    grams = {" ".join(w[i:i + k]) for i in range(max(1, len(w) - k + 1))} if w else set()
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big")
            for g in grams}


def minhash(shingle_set: set[int]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` values) of a set of 32-bit shingle hashes."""
    if not shingle_set:
        return np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    x = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    # a < 2**29 and x < 2**32 keep a*x + b below 2**63: no uint64 overflow.
    h = (np.outer(_A, x) + _B[:, None]) % _PRIME
    return np.asarray(h.min(axis=1), dtype=np.uint64)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def candidate_pairs(signatures: dict[str, np.ndarray]) -> set[tuple[str, str]]:
    """Pairs of ids whose signatures agree on every row of at least one LSH band."""
    rows = NUM_PERM // BANDS
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[str]] = defaultdict(list)
        for doc_id, sig in signatures.items():
            buckets[sig[band * rows:(band + 1) * rows].tobytes()].append(doc_id)
        for members in buckets.values():
            if len(members) > 1:
                members.sort()
                pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return pairs


def assign_groups(documents: Sequence[Document]) -> dict[str, str | None]:
    """Document id -> syndication group id (``None`` for a document without copies)."""
    uf = _UnionFind(d.id for d in documents)
    by_key: dict[str, str] = {}
    for d in sorted(documents, key=lambda d: d.id):
        text_key = "text:" + hashlib.sha1(" ".join(words(d.text)).encode()).hexdigest()
        url_key = canonical_url(d.url)
        for key in (text_key, f"url:{url_key}" if url_key else None):
            if key is None:
                continue
            if key in by_key:
                uf.union(by_key[key], d.id)
            else:
                by_key[key] = d.id
    sets = {d.id: shingles(d.text) for d in documents}
    sigs = {i: minhash(s) for i, s in sets.items() if len(s) >= MIN_SHINGLES}
    for a, b in candidate_pairs(sigs):
        if jaccard(sets[a], sets[b]) >= THRESHOLD:
            uf.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        members[uf.find(d.id)].append(d.id)
    out: dict[str, str | None] = {}
    for root, ids in members.items():
        group = make_id("syn", min(ids)) if len(set(ids)) > 1 else None
        for i in ids:
            out[i] = group
        del root
    return out

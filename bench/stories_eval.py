"""Cluster and syndication figures on the gold set (SPEC §6 B-cubed), without the extractor.

usage: python bench/stories_eval.py [SHARED_DIR] [--verbose]

Builds Events from ``gold/seeds.jsonl`` and ``gold/dev.jsonl`` (gold cluster ids held apart),
Documents from ``corpus/``, runs syndication and clustering, and prints B-cubed precision,
recall and F1 against the gold clusters (the formula of ``tools/score_events.py``), the number
of clusters, the syndication groups found, and how far ingesting in two batches departs from
ingesting at once.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tripwire.stories.clusters import assign_clusters, build_clusters, published  # noqa: E402
from tripwire.stories.gold import load_gold  # noqa: E402
from tripwire.stories.syndication import assign_groups  # noqa: E402


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    by_p = collections.Counter(p for p, _ in pairs)
    by_g = collections.Counter(g for _, g in pairs)
    both = collections.Counter(pairs)
    prec = sum(both[(p, g)] / by_p[p] for p, g in pairs) / len(pairs)
    rec = sum(both[(p, g)] / by_g[g] for p, g in pairs) / len(pairs)
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true", help="list predicted clusters that mix gold")
    a = ap.parse_args()
    gold = load_gold(a.shared)
    t0 = time.perf_counter()
    groups = assign_groups(list(gold.documents.values()))
    t1 = time.perf_counter()
    docs = {i: d.replace(syndication_group=groups.get(i)) for i, d in gold.documents.items()}
    assign = assign_clusters(gold.events, docs)
    t2 = time.perf_counter()
    pairs = [(assign[e.id], gold.gold_cluster[e.id]) for e in gold.events]
    p, r, f = bcubed(pairs)
    print(f"{len(docs)} documents, {len(gold.events)} gold events, "
          f"{len(set(gold.gold_cluster.values()))} gold clusters")
    n = len(set(assign.values()))
    print(f"cluster B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  predicted clusters {n}")
    members = collections.defaultdict(list)
    for d, g in groups.items():
        if g:
            members[g].append(d)
    print(f"syndication groups {len(members)}: "
          + "; ".join(" ".join(sorted(m)) for m in sorted(members.values())))
    print(f"time: syndication {1000 * (t1 - t0):.0f} ms, clustering {1000 * (t2 - t1):.0f} ms")

    # Two batches vs at once.
    def halves(first: set[str]) -> int:
        one = [e for e in gold.events if e.doc in first]
        got = assign_clusters(one, docs)
        got = assign_clusters(gold.events, docs, existing=got)
        return sum(got[e.id] != assign[e.id] for e in gold.events)

    by_date = sorted(docs.values(), key=lambda d: (published(d, docs) or "9999", d.id))
    by_id = sorted(docs)
    half = len(docs) // 2
    print(f"two batches vs at once, events with another cluster id: "
          f"by publication date {halves({d.id for d in by_date[:half]})}, "
          f"by document id {halves(set(by_id[:half]))}, "
          f"reversed ids {halves(set(by_id[half:]))}")
    clusters = build_clusters([e.replace(cluster=assign[e.id]) for e in gold.events], docs)
    print(f"cluster records {len(clusters)}, "
          f"with conflicts {sum(bool(c.conflicts) for c in clusters)}")
    if a.verbose:
        inv = collections.defaultdict(list)
        for e in gold.events:
            inv[assign[e.id]].append((gold.gold_cluster[e.id], e.doc))
        for cid, m in sorted(inv.items()):
            if len({g for g, _ in m}) > 1:
                print(cid, m)


if __name__ == "__main__":
    main()

"""Cluster and syndication figures on the gold set (SPEC §6 B-cubed), without the extractor.

usage: python bench/stories_eval.py [SHARED_DIR] [--verbose]
       python bench/stories_eval.py [SHARED_DIR] --predicted DB [--stored]

Builds Events from ``gold/seeds.jsonl`` and ``gold/dev.jsonl`` (gold cluster ids held apart),
Documents from ``corpus/``, runs syndication and clustering, and prints B-cubed precision,
recall and F1 against the gold clusters (the formula of ``tools/score_events.py``), the number
of clusters, the syndication groups found, and how far ingesting in two batches departs from
ingesting at once.

``--predicted DB`` scores the product's own events instead: the documents and events stored in
``DB`` (a path or URL, as ``tripwire ingest --db`` took) are grouped and clustered again with the
current code, as ``pipeline.link()`` does, matched to gold as ``tripwire eval`` does (SPEC §6),
and B-cubed is printed over the matched pairs — with the stored cluster ids too (``--stored``
scores only those). Then every gold cluster that is split, and every predicted cluster that
merges gold clusters, is listed with its documents, publication dates and event dates.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tripwire.evaluate import bcubed  # noqa: E402
from tripwire.stories.clusters import assign_clusters, build_clusters, published  # noqa: E402
from tripwire.stories.gold import load_gold  # noqa: E402
from tripwire.stories.syndication import assign_groups  # noqa: E402


def _describe(p: dict, docs: dict) -> str:
    d = docs.get(p["doc"])
    pub = (d.published or "?") + ("~" if d is not None and d.published_inferred else "") \
        if d is not None else "?"
    date = p.get("date") or {}
    when = f"{date.get('value')}/{(date.get('precision') or '?')[0]}" if date.get("value") else "-"
    q = (p.get("quantity") or {}).get("text")
    syn = d.syndication_group[-6:] if d is not None and d.syndication_group else ""
    return (f"{p['doc']}[pub {pub}{' syn ' + syn if syn else ''}] {p['stage']} date {when}"
            + (f" qty {q!r}" if q else ""))


def predicted(shared: Path, db: str, stored_only: bool) -> None:
    """B-cubed on the product's events stored in ``db`` (see the module docstring)."""
    from tripwire.evaluate import Names, match_events
    from tripwire.evaluate import load_gold as load_gold_json
    from tripwire.store import open_store

    with open_store(db) as store:
        documents = store.documents()
        events = store.events()
    groups = assign_groups(documents)
    docs = {d.id: d.replace(syndication_group=groups.get(d.id)) for d in documents}
    gold, gold_docs = load_gold_json(shared / "gold")
    names = Names(e.get("actor_aliases") or {} for e in gold)
    runs = [("stored", {e.id: e.cluster for e in events})]
    if not stored_only:
        t0 = time.perf_counter()
        runs.append(("current code", assign_clusters(events, docs)))
        print(f"clustering {len(events)} events: {1000 * (time.perf_counter() - t0):.0f} ms")
    for label, assign in runs:
        pred = [{**e.to_dict(), "cluster": assign.get(e.id)} for e in events
                if e.doc in gold_docs and e.modality == "asserted"]
        m = match_events(gold, pred, names)
        p, r, f = bcubed([(str(pe["cluster"]), g["cluster"]) for pe, g in m.matched])
        print(f"{label}: {len(m.matched)} matched events, cluster B3 P {p:.3f} R {r:.3f} "
              f"F1 {f:.3f}")
    by_gold: dict[str, list[tuple[dict, dict]]] = collections.defaultdict(list)
    by_pred: dict[str, list[tuple[dict, dict]]] = collections.defaultdict(list)
    for pe, g in m.matched:
        by_gold[g["cluster"]].append((pe, g))
        by_pred[str(pe["cluster"])].append((pe, g))
    print("\nmerged: predicted clusters holding several gold clusters")
    for cid, pairs in sorted(by_pred.items(), key=lambda kv: -len(kv[1])):
        if len({g["cluster"] for _, g in pairs}) > 1:
            print(f"  {cid} {pairs[0][0]['type']} "
                  f"{'/'.join(sorted({x for v in pairs[0][0]['actors'].values() for x in v}))}")
            for pe, g in sorted(pairs, key=lambda x: (x[1]["cluster"], x[0]["doc"])):
                print(f"    gold {g['cluster']:28} {_describe(pe, docs)}")
    print("\nsplit: gold clusters spread over several predicted clusters")
    for gid, pairs in sorted(by_gold.items()):
        if len({str(pe["cluster"]) for pe, _ in pairs}) > 1:
            print(f"  gold {gid} ({pairs[0][1]['type']})")
            for pe, _ in sorted(pairs, key=lambda x: (str(x[0]["cluster"]), x[0]["doc"])):
                print(f"    {str(pe['cluster']):22} {_describe(pe, docs)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true", help="list predicted clusters that mix gold")
    ap.add_argument("--predicted", metavar="DB",
                    help="score the events stored in DB (after `tripwire ingest --db DB`)")
    ap.add_argument("--stored", action="store_true",
                    help="with --predicted: score the stored cluster ids only, do not recluster")
    a = ap.parse_args()
    if a.predicted:
        predicted(a.shared, a.predicted, a.stored)
        return
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
    print(f"two batches with the first pinned (existing=; link() reclusters all instead), "
          f"events with another cluster id: "
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

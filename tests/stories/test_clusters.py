"""Event clusters on gold: B-cubed against the gold cluster ids, incremental ingest."""

from __future__ import annotations

import collections
import random

from tripwire.model import Document, Event, EventDate, Quantity
from tripwire.stories.clusters import assign_clusters, published
from tripwire.stories.gold import GoldSet


def bcubed(pairs: list[tuple[str, str]]) -> float:
    """B-cubed F1, the formula of shared/tools/score_events.py."""
    by_p = collections.Counter(p for p, _ in pairs)
    by_g = collections.Counter(g for _, g in pairs)
    both = collections.Counter(pairs)
    prec = sum(both[(p, g)] / by_p[p] for p, g in pairs) / len(pairs)
    rec = sum(both[(p, g)] / by_g[g] for p, g in pairs) / len(pairs)
    return 2 * prec * rec / (prec + rec)


def test_bcubed_on_gold(gold_set: GoldSet, gold_docs: dict[str, Document]) -> None:
    got = assign_clusters(gold_set.events, gold_docs)
    f1 = bcubed([(got[e.id], gold_set.gold_cluster[e.id]) for e in gold_set.events])
    assert f1 >= 0.85


def test_input_order_does_not_matter(gold_set: GoldSet, gold_docs: dict[str, Document]) -> None:
    events = list(gold_set.events)
    first = assign_clusters(events, gold_docs)
    random.Random(3).shuffle(events)
    assert assign_clusters(events, gold_docs) == first


def test_two_halves_give_the_clusters_of_one_ingest(gold_set: GoldSet,
                                                    gold_docs: dict[str, Document]) -> None:
    at_once = assign_clusters(gold_set.events, gold_docs)
    # The corpus arrives in two halves, the older documents first.
    order = sorted(gold_docs.values(), key=lambda d: (published(d, gold_docs) or "9999", d.id))
    first_half = {d.id for d in order[: len(order) // 2]}
    first = assign_clusters([e for e in gold_set.events if e.doc in first_half], gold_docs)
    both = assign_clusters(gold_set.events, gold_docs, existing=first)
    assert both == at_once
    assert all(both[i] == c for i, c in first.items())  # the first half keeps its ids


def _ev(i: str, doc: str, qty: float | None, date: str) -> Event:
    return Event(id=i, doc=doc, type="arms_transfer", stage="delivered",
                 actors={"supplier": ("North Korea",), "recipient": ("RUS",)},
                 quantity=Quantity(f"{qty} containers", qty, None, "containers") if qty else None,
                 date=EventDate(date, date, "day"))


def test_different_figures_at_different_times_are_two_clusters() -> None:
    docs = {d: Document(id=d, text="", published=p) for d, p in
            [("a", "2023-10-13"), ("b", "2023-10-14"), ("c", "2024-02-27")]}
    events = [_ev("e1", "a", 1000, "2023-10-13"), _ev("e2", "b", 1000, "2023-10-13"),
              _ev("e3", "c", 6700, "2024-02-27")]
    got = assign_clusters(events, docs)
    assert got["e1"] == got["e2"] != got["e3"]
    # Same day, different figure: still two disclosures.
    got = assign_clusters([*events[:2], _ev("e4", "c", 6700, "2023-10-14")], docs)
    assert got["e4"] != got["e1"]


def test_existing_ids_are_kept_and_new_reports_join() -> None:
    docs = {d: Document(id=d, text="", published="2023-10-14") for d in ("a", "b")}
    got = assign_clusters([_ev("e1", "a", 1000, "2023-10-13"), _ev("e2", "b", None, "2023-10-14")],
                          docs, existing={"e1": "cl-kept"})
    assert got == {"e1": "cl-kept", "e2": "cl-kept"}

"""Cluster records and stories on gold: origins, independent sources, conflicts, timeline."""

from __future__ import annotations

import pytest

from tripwire.model import Attribution, Cluster, Document, Event
from tripwire.stories.clusters import assign_clusters, build_clusters
from tripwire.stories.gold import GoldSet
from tripwire.stories.stories import assign_stories, build_stories

SEEDS = ("000_5727dd8942b972c4", "001_26d529180b25cd82", "003_cd14df1167fda130",
         "004_e766a30cfb77ca78")


@pytest.fixture(scope="module")
def clustered(gold_set: GoldSet, gold_docs: dict[str, Document]) -> list[Event]:
    got = assign_clusters(gold_set.events, gold_docs)
    return [e.replace(cluster=got[e.id]) for e in gold_set.events]


@pytest.fixture(scope="module")
def records(clustered: list[Event], gold_docs: dict[str, Document]) -> list[Cluster]:
    return build_clusters(clustered, gold_docs)


def _cluster_of(records: list[Cluster], events: list[Event], doc: str, type_: str,
                stage: str) -> Cluster:
    cid = next(e.cluster for e in events if e.doc == doc and e.type == type_ and e.stage == stage
               and e.actors.get("supplier") == ("PRK",))
    return next(c for c in records if c.id == cid)


def test_purchase_reports_of_2022_09_are_one_origin(records: list[Cluster],
                                                    clustered: list[Event]) -> None:
    c = _cluster_of(records, clustered, SEEDS[0], "arms_transfer", "agreed")
    assert set(SEEDS) <= set(c.documents)
    nyt = [o for o in c.origins if "The New York Times" in o]
    assert len(nyt) == 1 and "U.S. intelligence" in nyt[0]
    # The four seed reports are one source, not four.
    assert c.independent_sources <= len(c.documents) - len(SEEDS) + 1
    assert c.first_reported["doc"] in SEEDS and c.stage == "agreed"


def test_syndicated_copies_count_once(records: list[Cluster],
                                      gold_docs: dict[str, Document]) -> None:
    veto = next(c for c in records if c.type == "un_action" and "d026" in c.documents)
    assert "d029" in veto.documents
    units = {gold_docs[d].syndication_group or d for d in veto.documents}
    assert len(units) < len(veto.documents)
    assert veto.independent_sources == len(units)


def test_denials_are_linked_to_what_they_deny(records: list[Cluster]) -> None:
    by_id = {c.id: c for c in records}
    denial = next(c for c in records if c.type == "denial" and "d084" in c.documents)
    denied = [by_id[x["cluster"]] for x in denial.conflicts if x["kind"] == "denies"]
    assert any(c.type == "arms_transfer" and "d084" in c.documents for c in denied)
    for c in denied:
        assert any(x["kind"] == "denial" and x["cluster"] == denial.id for x in c.conflicts)


def test_figures_that_differ_are_conflicts() -> None:
    docs = {d: Document(id=d, text="", published="2024-10-23", outlet=d) for d in "ab"}

    def ev(i: str, doc: str, low: float, who: str) -> Event:
        from tripwire.model import Quantity
        return Event(id=i, doc=doc, type="troop_deployment", stage="delivered", cluster="c1",
                     actors={"sender": ("PRK",), "host": ("RUS",)},
                     quantity=Quantity(f"about {low:,.0f}", low, None, "troops"),
                     attribution=(Attribution(who, None, "KOR", "intelligence"),))
    (c,) = build_clusters([ev("e1", "a", 3000, "NIS"), ev("e2", "b", 1500, "NIS")], docs)
    assert c.independent_sources == 1 and c.origins == ("South Korean intelligence",)
    assert [x["kind"] for x in c.conflicts] == ["quantity"]


def test_stories_link_clusters_over_time(records: list[Cluster], clustered: list[Event]) -> None:
    stories = build_stories(records, clustered)
    prk_rus = next(s for s in stories if set(s.actors) == {"PRK", "RUS"}
                   and s.theme == "military cooperation")
    by_id = {c.id: c for c in records}
    types = [by_id[c].type for c in prk_rus.clusters]
    assert {"arms_transfer", "troop_deployment", "meeting", "agreement"} <= set(types)
    dates = [str(by_id[c].first_reported["date"]) for c in prk_rus.clusters
             if by_id[c].first_reported["date"]]
    assert dates == sorted(dates)
    assert types.index("arms_transfer") < types.index("troop_deployment")
    linked = assign_stories(records, stories)
    assert all(c.story for c in linked)
    assert {c.story for c in linked if c.id in prk_rus.clusters} == {prk_rus.id}


def test_first_report_is_the_one_known_to_be_out_earliest() -> None:
    from tripwire.model import Document, Event
    from tripwire.stories.records import build_clusters

    docs = {d.id: d for d in (
        Document(id="a", text="x", published="2022"),
        Document(id="b", text="x", published="2022-09-07"),
        Document(id="c", text="x", published="2022-09"))}
    events = [Event(id=f"e{d}", doc=d, type="arms_transfer", stage="agreed", cluster="k",
                    actors={"supplier": ("PRK",), "recipient": ("RUS",)}) for d in docs]
    (cluster,) = build_clusters(events, docs)
    assert cluster.first_reported == {"date": "2022-09-07", "doc": "b"}

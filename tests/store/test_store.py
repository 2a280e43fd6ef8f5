"""The store on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tripwire.errors import StoreError
from tripwire.model import (
    Analysis,
    Cluster,
    Document,
    Entity,
    Event,
    EventDate,
    Item,
    Quote,
    event_id,
)
from tripwire.store import Store, open_store, schema
from tripwire.store.migrations import STEPS


def analysis(doc_id: str, text: str = "Moscow bought shells.", n_events: int = 1) -> Analysis:
    doc = Document(
        id=doc_id,
        text=text,
        outlet="Wire",
        published="2023-10-05",
        content_hash=f"h-{doc_id}-{text}",
    )
    events = tuple(
        Event(
            id=event_id(doc_id, "arms_transfer", {"supplier": ["PRK"]}, "delivered", "positive", i),
            doc=doc_id,
            type="arms_transfer",
            stage="delivered",
            actors={"supplier": ("PRK",), "recipient": ("RUS",)},
            items=(Item("shells", "artillery_ammunition"),),
            date=EventDate("Tuesday", "2023-10-03", "day"),
        )
        for i in range(n_events)
    )
    ents = (Entity(id="ent-prk", name="North Korea", type="country", country="PRK", doc=doc_id),)
    quotes = (Quote(id=f"q-{doc_id}", doc=doc_id, text="It happened.", speaker_name="An Official"),)
    return Analysis(doc, ents, events, quotes)


def test_save_and_read_back(db: str) -> None:
    with open_store(db) as store:
        a = analysis("d1")
        assert store.save(a) is True
        assert store.documents() == [a.document]
        assert store.events() == list(a.events)
        assert store.entities() == list(a.entities)
        assert store.quotes() == list(a.quotes)


def test_same_article_twice_is_a_no_op(db: str) -> None:
    with open_store(db) as store:
        assert store.save(analysis("d1")) is True
        assert store.save(analysis("d1")) is False
        assert store.counts()["documents"] == 1
        assert store.counts()["events"] == 1


def test_changed_article_replaces_its_records(db: str) -> None:
    with open_store(db) as store:
        store.save(analysis("d1", n_events=2))
        store.save(analysis("d2"))
        assert store.save(analysis("d1", text="Updated text.", n_events=1)) is True
        assert store.counts() == {
            "documents": 2,
            "entities": 2,
            "events": 2,
            "quotes": 2,
            "clusters": 0,
            "stories": 0,
        }
        assert [d.id for d in store.documents()] == ["d2", "d1"]


def test_same_entity_id_in_two_documents(db: str) -> None:
    with open_store(db) as store:
        store.save(analysis("d1"))
        store.save(analysis("d2"))
        assert len(store.entities()) == 2


def test_crash_mid_document_leaves_nothing_half_stored(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(db) as store:
        store.save(analysis("d1"))
        original = Store._insert

        def crash_on_quotes(conn: sa.Connection, table: sa.Table, rows: list) -> None:
            if table is schema.quotes:
                raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
            original(conn, table, rows)

        monkeypatch.setattr(Store, "_insert", staticmethod(crash_on_quotes))
        with pytest.raises(StoreError, match="cannot store document d2"):
            store.save(analysis("d2"))
        assert [d.id for d in store.documents()] == ["d1"]
        assert store.counts()["events"] == 1
        assert store.counts()["entities"] == 1


def test_links_update_clusters_and_groups(db: str) -> None:
    with open_store(db) as store:
        a, b = analysis("d1"), analysis("d2")
        store.save(a)
        store.save(b)
        ev = a.events[0]
        cluster = Cluster(
            id="cl-1",
            type="arms_transfer",
            actors=ev.actors,
            stage="delivered",
            first_reported={"date": "2023-10-05", "doc": "d1"},
            documents=("d1", "d2"),
            independent_sources=1,
            story="st-1",
        )
        store.save_links(
            {"d1": "g1", "d2": "g1"},
            {ev.id: "cl-1"},
            [cluster],
            [{"id": "st-1", "clusters": ["cl-1"]}],
        )
        assert {d.syndication_group for d in store.documents()} == {"g1"}
        assert store.events("d1")[0].cluster == "cl-1"
        assert store.clusters() == [cluster]
        assert store.stories() == [{"id": "st-1", "clusters": ["cl-1"]}]


def test_migrations_are_recorded_once(db: str) -> None:
    open_store(db).close()
    store = open_store(db)
    with store.engine.connect() as conn:
        versions = conn.execute(sa.select(schema.schema_version.c.version)).scalars().all()
    store.close()
    assert versions == [n for n, _, _ in STEPS]


def test_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")

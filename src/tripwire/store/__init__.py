"""Storage of documents, entities, events, quotes, clusters and stories (SQLite or PostgreSQL).

One :class:`Store` over a SQLAlchemy engine. Each document is saved with everything learnt from
it in one transaction, so a crash mid-batch keeps every finished document and no half one.
Re-saving an article whose content is unchanged is a no-op.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from tripwire import settings
from tripwire.errors import StoreError
from tripwire.model import Analysis, Cluster, Document, Entity, Event, Quote, Record
from tripwire.store import schema
from tripwire.store.migrations import migrate

__all__ = ["Store", "open_store"]


def _dump(record: Record, *drop: str) -> str:
    data = record.to_dict()
    for key in ("kind", *drop):
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _record: Any) -> None:
            cur = conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


class Store:
    """The database behind one ``--db`` value."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = _engine(url)
            self.version = migrate(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {self.safe_url}: {_reason(exc)}") from exc

    @property
    def safe_url(self) -> str:
        return sa.make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def known(self) -> dict[str, str]:
        """Stored document id → content hash."""
        with self._read() as conn:
            rows = conn.execute(sa.select(schema.documents.c.id, schema.documents.c.content_hash))
            return {r.id: r.content_hash for r in rows}

    def save(self, analysis: Analysis) -> bool:
        """Store one document and what was read from it; False when it was already stored."""
        doc = analysis.document
        t = schema.documents
        try:
            with self.engine.begin() as conn:
                old = conn.execute(sa.select(t.c.content_hash).where(t.c.id == doc.id)).first()
                if old is not None and old.content_hash == doc.content_hash:
                    return False
                seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.c.seq), 0))).scalar()
                if old is not None:
                    for table in schema.PER_DOCUMENT:
                        conn.execute(table.delete().where(table.c.doc == doc.id))
                    conn.execute(t.delete().where(t.c.id == doc.id))
                conn.execute(
                    t.insert().values(
                        id=doc.id,
                        content_hash=doc.content_hash,
                        source=doc.source,
                        url=doc.url,
                        outlet=doc.outlet,
                        published=doc.published,
                        syndication_group=doc.syndication_group,
                        seq=int(seq or 0) + 1,
                        data=_dump(doc, "syndication_group"),
                    )
                )
                self._insert(
                    conn,
                    schema.entities,
                    [
                        dict(id=e.id, doc=doc.id, name=e.name, type=e.type, data=_dump(e))
                        for e in analysis.entities
                    ],
                )
                self._insert(
                    conn,
                    schema.events,
                    [
                        dict(
                            id=e.id,
                            doc=doc.id,
                            type=e.type,
                            stage=e.stage,
                            modality=e.modality,
                            cluster=e.cluster,
                            data=_dump(e, "cluster"),
                        )
                        for e in analysis.events
                    ],
                )
                self._insert(
                    conn,
                    schema.quotes,
                    [dict(id=q.id, doc=doc.id, data=_dump(q)) for q in analysis.quotes],
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {doc.id}: {_reason(exc)}") from exc
        return True

    @staticmethod
    def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        unique = list({r["id"]: r for r in rows}.values())
        if unique:
            conn.execute(table.insert(), unique)

    def save_links(
        self,
        groups: Mapping[str, str | None],
        event_clusters: Mapping[str, str],
        clusters: Sequence[Cluster],
        stories: Sequence[Mapping[str, Any]],
    ) -> None:
        """Store syndication groups, event clusters, cluster and story records in one go."""
        d, e = schema.documents, schema.events
        try:
            with self.engine.begin() as conn:
                current = {
                    r[0]: r[1] for r in conn.execute(sa.select(d.c.id, d.c.syndication_group))
                }
                for doc_id, group in groups.items():
                    if doc_id in current and current[doc_id] != group:
                        conn.execute(
                            d.update().where(d.c.id == doc_id).values(syndication_group=group)
                        )
                now = {r[0]: r[1] for r in conn.execute(sa.select(e.c.id, e.c.cluster))}
                for event_id, cluster in event_clusters.items():
                    if event_id in now and now[event_id] != cluster:
                        conn.execute(e.update().where(e.c.id == event_id).values(cluster=cluster))
                conn.execute(schema.clusters.delete())
                self._insert(
                    conn,
                    schema.clusters,
                    [dict(id=c.id, type=c.type, story=c.story, data=_dump(c)) for c in clusters],
                )
                conn.execute(schema.stories.delete())
                self._insert(
                    conn,
                    schema.stories,
                    [
                        dict(id=s["id"], data=json.dumps(s, ensure_ascii=False, sort_keys=True))
                        for s in stories
                    ],
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store clusters: {_reason(exc)}") from exc

    # -- reading ---------------------------------------------------------------------------
    def _read(self) -> sa.Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {self.safe_url}: {_reason(exc)}") from exc

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        t = schema.documents
        q = sa.select(t.c.data, t.c.syndication_group).order_by(t.c.seq)
        if ids is not None:
            q = q.where(t.c.id.in_(list(ids)))
        with self._read() as conn:
            return [
                Document.from_dict(json.loads(r.data)).replace(
                    syndication_group=r.syndication_group
                )
                for r in conn.execute(q)
            ]

    def events(self, doc: str | None = None) -> list[Event]:
        t = schema.events
        q = (
            sa.select(t.c.data, t.c.cluster)
            .join(schema.documents, schema.documents.c.id == t.c.doc)
            .order_by(schema.documents.c.seq, t.c.id)
        )
        if doc is not None:
            q = q.where(t.c.doc == doc)
        with self._read() as conn:
            return [
                Event.from_dict(json.loads(r.data)).replace(cluster=r.cluster)
                for r in conn.execute(q)
            ]

    def entities(self) -> list[Entity]:
        return self._records(schema.entities, Entity)

    def quotes(self) -> list[Quote]:
        return self._records(schema.quotes, Quote)

    def clusters(self) -> list[Cluster]:
        return self._records(schema.clusters, Cluster)

    def stories(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(sa.select(schema.stories.c.data).order_by(schema.stories.c.id))
            return [json.loads(r.data) for r in rows]

    def _records(self, table: sa.Table, cls: type[Any]) -> list[Any]:
        with self._read() as conn:
            rows = conn.execute(sa.select(table.c.data).order_by(table.c.id))
            return [cls.from_dict(json.loads(r.data)) for r in rows]

    def unlinked(self) -> bool:
        """Whether an event waits for :func:`tripwire.pipeline.link` (a run stopped between
        storing documents and linking them)."""
        e = schema.events
        with self._read() as conn:
            query = sa.select(e.c.id).where(e.c.cluster.is_(None)).limit(1)
            return conn.execute(query).first() is not None

    def counts(self) -> dict[str, int]:
        tables = ("documents", "entities", "events", "quotes", "clusters", "stories")
        with self._read() as conn:
            return {
                name: int(
                    conn.execute(
                        sa.select(sa.func.count()).select_from(schema.metadata.tables[name])
                    ).scalar()
                    or 0
                )
                for name in tables
            }


def _reason(exc: SQLAlchemyError) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


def open_store(db: str | None = None) -> Store:
    """The store for ``--db`` (or TRIPWIRE_DB, else ``tripwire.db``)."""
    return Store(settings.db_url(db))

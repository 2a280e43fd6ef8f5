"""Schema migrations: numbered steps applied in order, each once, recorded in schema_version.

A new step is appended to :data:`STEPS`; a database is brought up to date when it is opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from tripwire.store import schema

Step = Callable[[sa.Connection], None]


def _v1_initial(conn: sa.Connection) -> None:
    """Documents, entities, events, quotes, clusters, stories."""
    tables = [
        schema.documents,
        schema.entities,
        schema.events,
        schema.quotes,
        schema.clusters,
        schema.stories,
    ]
    schema.metadata.create_all(conn, tables=tables)


STEPS: tuple[tuple[int, str, Step], ...] = ((1, "initial schema", _v1_initial),)


def current_version(conn: sa.Connection) -> int:
    schema.metadata.create_all(conn, tables=[schema.schema_version])
    found = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(engine: sa.Engine) -> int:
    """Apply every step newer than the database's version; returns the version reached."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two processes opening a fresh database at once must not both create the tables.
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7234001)"))
        version = current_version(conn)
        for number, _title, step in STEPS:
            if number > version:
                step(conn)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                conn.execute(schema.schema_version.insert().values(version=number, applied_at=now))
                version = number
    return version

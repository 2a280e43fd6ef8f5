"""The one schema for SQLite and PostgreSQL (SQLAlchemy Core).

Every record is kept whole as its SPEC JSON in ``data``; the columns beside it are what queries
filter and join on. Migrations (``store.migrations``) create and evolve these tables.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(512), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(256)),
    sa.Column("published", sa.String(32)),
    sa.Column("syndication_group", sa.String(64), index=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "doc",
        sa.String(512),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("name", sa.String(512), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "doc",
        sa.String(512),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("cluster", sa.String(64), index=True),
    sa.Column("data", sa.Text, nullable=False),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "doc",
        sa.String(512),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("data", sa.Text, nullable=False),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("story", sa.String(64), index=True),
    sa.Column("data", sa.Text, nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)

# Tables that hang off one document, deleted with it when an article is replaced.
PER_DOCUMENT = (entities, events, quotes)

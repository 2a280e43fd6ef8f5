"""Every setting in one table: name, default, environment variable, help.

A setting is read from its ``TRIPWIRE_*`` environment variable when set, else the default. The
CLI's options and the README's settings table are built from :data:`SETTINGS`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "TRIPWIRE_" + self.name.upper()

    def get(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("db", "tripwire.db", "database: a SQLite path or a postgresql:// URL"),
        Setting("spacy_model", "en_core_web_sm", "spaCy model package or path"),
        Setting("workers", "2", "processes that analyse documents in parallel"),
        Setting("batch_size", "16", "largest batch of documents handed to a worker"),
        Setting("max_bytes", str(20 * 1024 * 1024), "largest input file accepted, in bytes"),
        Setting("sanctions_dir", "", "folder of sanctions lists screened at ingest ('' = none)"),
        Setting("match_threshold", "0.7", "score at which a name pair counts as a match"),
    )
}


def get(name: str) -> str:
    return SETTINGS[name].get()


def get_int(name: str) -> int:
    return int(get(name))


def get_float(name: str) -> float:
    return float(get(name))


def db_url(value: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: a ``postgresql://`` URL, or a SQLite file path."""
    raw = value or get("db")
    if raw.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        scheme, rest = raw.split("://", 1)
        return f"postgresql+psycopg://{rest}"
    if raw.startswith("sqlite:"):
        return raw
    return f"sqlite:///{Path(raw).expanduser()}"

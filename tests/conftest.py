"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    """The folder ``shared/`` beside the checkout (``TRIPWIRE_SHARED`` overrides it)."""
    return Path(os.environ.get("TRIPWIRE_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if not (path / "SPEC.md").exists():
        pytest.fail(f"shared/ folder not found at {path}; set TRIPWIRE_SHARED")
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    return shared_dir / "gold"


def _pg_url() -> str | None:
    url = os.environ.get("TRIPWIRE_TEST_PG")
    if not url and os.environ.get("CI"):
        pytest.fail("TRIPWIRE_TEST_PG is not set: `make test` starts PostgreSQL and sets it")
    return url


def _reset_pg(url: str) -> None:
    import sqlalchemy as sa

    from tripwire.settings import db_url
    from tripwire.store import schema

    engine = sa.create_engine(db_url(url))
    with engine.begin() as conn:
        schema.metadata.drop_all(conn)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file, then the real PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "tripwire.db")
    url = _pg_url()
    if not url:
        pytest.skip("no PostgreSQL server: set TRIPWIRE_TEST_PG (make test does)")
    _reset_pg(url)
    return url

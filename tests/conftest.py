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

"""One index over the real lists in shared/data, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.sanctions.index import ScreeningIndex, load_index


@pytest.fixture(scope="session")
def sanctions_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "sanctions"


@pytest.fixture(scope="session")
def index(sanctions_dir: Path) -> ScreeningIndex:
    return load_index([str(sanctions_dir)])

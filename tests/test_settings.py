"""Settings: one table that drives the environment, the CLI and the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tripwire import settings

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("name", sorted(settings.SETTINGS))
def test_readme_documents_every_setting(name: str) -> None:
    s = settings.SETTINGS[name]
    row = next(
        (line for line in README.read_text("utf-8").splitlines() if line.startswith(f"| {name} |")),
        None,
    )
    assert row is not None, f"README settings table lacks {name}"
    assert f"`{s.env}`" in row
    assert (f"`{s.default}`" if s.default else "(none)") in row


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.get("workers") == "2"
    monkeypatch.setenv("TRIPWIRE_WORKERS", "1")
    assert settings.get_int("workers") == 1


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("tripwire.db", "sqlite:///tripwire.db"),
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_db_url(raw: str, url: str) -> None:
    assert settings.db_url(raw) == url


def test_db_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIPWIRE_DB", "/tmp/x.db")
    assert re.fullmatch(r"sqlite:////tmp/x\.db", settings.db_url())

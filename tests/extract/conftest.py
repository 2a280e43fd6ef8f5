"""Fixture for the event-type tests: run the whole extractor on a short synthetic text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tripwire.extract import analyse
from tripwire.model import Document, Event
from tripwire.nlp import load


def _events(text: str, type_: str, published: str = "2021-06-10") -> list[Event]:
    doc = Document(id="t", text=text, published=published)
    return [e for e in analyse(doc, load()).events if e.type == type_]


@pytest.fixture
def events() -> Callable[..., list[Event]]:
    return _events

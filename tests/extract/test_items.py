"""Item categories and quantities."""

from __future__ import annotations

import pytest

from tripwire import nlp as tnlp
from tripwire.extract.items import items_in
from tripwire.extract.quantity import parse


@pytest.mark.parametrize(("text", "category"), [
    ("They moved 152mm shells.", "artillery_ammunition"),
    ("They moved ballistic missiles.", "ballistic_missiles"),
    ("They moved Shahed-136 drones.", "drones"),
    ("They moved surface-to-air missiles.", "air_defense"),
    ("They moved crude oil.", "energy"),
    ("They moved soldiers.", "troops"),
])
def test_categories(text: str, category: str) -> None:
    doc = tnlp.load()(text)
    obj = [t for t in doc if t.dep_ == "dobj"][0]
    assert category in {i.category for i, _ in items_in([obj])}


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), [
    ("millions of rockets", 1e6, None, "rockets"),
    ("more than 1,000 containers", 1000, None, "containers"),
    ("hundreds of thousands of rounds", 1e5, None, "rounds"),
    ("6 million 152-mm shells", 6e6, 6e6, "shells"),
    ("nearly 11,000 troops", None, 11000, "troops"),
])
def test_quantities(text: str, lo: float | None, hi: float | None, unit: str) -> None:
    q = parse(text)
    assert q is not None and (q.min, q.max, q.unit) == (lo, hi, unit)

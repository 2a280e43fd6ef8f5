"""Quantities: whole numbers with separators, scales, vague amounts, ranges, bounds, noun units."""

from __future__ import annotations

import pytest

from tripwire.extract.quantity import find, in_span, parse
from tripwire.nlp import load


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load()


CASES = [
    ("a total of 20,000 sailors", 20000, 20000, "sailors"),
    ("an estimated 7,500 engineers", 7500, 7500, "engineers"),
    ("2.5 million rounds", 2.5e6, 2.5e6, "rounds"),
    ("several thousand workers", 3000, None, "workers"),
    ("dozens of launchers", 12, None, "launchers"),
    ("between 4,000 and 6,000 soldiers", 4000, 6000, "soldiers"),
    ("from 2 to 3 million barrels", 2e6, 3e6, "barrels"),
    ("4,000-6,000 troops", 4000, 6000, "troops"),
    ("up to 8,000 fighters", None, 8000, "fighters"),
    ("at least 1,200 trucks", 1200, None, "trucks"),
    ("tens of thousands of shells", 1e4, None, "shells"),
    ("more than 30,000 Ruritanian soldiers moved to the border", 30000, None, "soldiers"),
    ("40,000 infantrymen sent to the front", 40000, 40000, "infantrymen"),
    ("some 900 drones deployed near the coast", 900, 900, "drones"),
]


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), CASES)
def test_parse(text: str, lo: float | None, hi: float | None, unit: str) -> None:
    q = parse(text)
    assert q is not None and (q.min, q.max, q.unit) == (lo, hi, unit), q


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), CASES)
def test_parse_with_tokens(nlp, text: str, lo: float | None, hi: float | None,  # type: ignore[no-untyped-def]
                           unit: str) -> None:
    q = in_span(nlp(text)[:])
    assert q is not None and (q.min, q.max, q.unit) == (lo, hi, unit), q


def test_no_fragment_of_a_longer_number() -> None:
    q = parse("the plan is to move a total of 15,000 troops by spring")
    assert q is not None and q.min == 15000 and q.text.endswith("15,000 troops")
    assert "000" not in (q.text.split()[0])


@pytest.mark.parametrize("text", ["in 2024 the talks", "152mm shells", "60 percent of the fuel",
                                  "a convoy"])
def test_not_counts(text: str) -> None:
    assert parse(text) is None


def test_find_on_an_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ruritania sent 12,000 Ruritanian soldiers to Freedonia.")
    obj = next(t for t in doc if t.dep_ == "dobj")
    q = find([obj])
    assert q is not None and (q.min, q.max, q.unit) == (12000, 12000, "soldiers")

"""`tripwire eval` must print the reference scorer's figures (shared/tools/score_events.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tripwire.evaluate import Names, bcubed, event_keys, load_gold, same_date, score


def perturbed_predictions(gold: list[dict]) -> list[dict]:
    """Gold events with every kind of error the scorer must see: misses, wrong stage,
    wrong dates, lost items, spurious events, split clusters, speculative ones."""
    out = []
    for n, g in enumerate(gold):
        p = {k: v for k, v in g.items() if k not in ("actor_aliases", "evidence")}
        p["kind"] = "event"
        if n % 7 == 0:
            continue
        if n % 5 == 0:
            p["stage"] = "sought" if p["stage"] not in ("sought", "agreed") else "delivered"
        if n % 4 == 0 and p.get("date"):
            p["date"] = {"text": "x", "value": "2020-01-01", "precision": "day"}
        if n % 3 == 0:
            p["items"] = p.get("items", [])[:1]
        if n % 6 == 0:
            p["cluster"] = f"split-{n}"
        if n % 11 == 0:
            p["modality"] = "speculative"
        out.append(p)
    out.append(
        {
            "kind": "event",
            "doc": gold[0]["doc"],
            "type": "meeting",
            "stage": "held",
            "polarity": "positive",
            "modality": "asserted",
            "actors": {"participants": ["Narnia", "PRK"]},
            "cluster": "x",
        }
    )
    return out


def test_agrees_with_reference_scorer(gold_dir: Path, shared_dir: Path, tmp_path: Path) -> None:
    gold, docs = load_gold(gold_dir)
    preds = perturbed_predictions(gold)
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    ref = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "tools" / "score_events.py"),
            str(gold_dir),
            str(export),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(ref.stdout)
    ours = json.loads(json.dumps(score(gold, docs, preds)))
    assert ours == expected
    assert 0 < ours["overall"]["f1"] < 1


def test_keys_fold_state_spellings() -> None:
    names = Names()
    a = {
        "doc": "d",
        "type": "arms_transfer",
        "stage": "agreed",
        "actors": {"supplier": ["Pyongyang"], "recipient": ["the Kremlin"]},
    }
    b = {
        "doc": "d",
        "type": "arms_transfer",
        "stage": "sought",
        "actors": {"supplier": ["PRK"], "recipient": ["RUS"]},
    }
    assert (
        event_keys(a, names)
        == event_keys(b, names)
        == [("d", "arms_transfer", "planned", "positive", "prk", "rus")]
    )


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (
            {"value": "2023-10-05", "precision": "day"},
            {"value": "2023-10", "precision": "month"},
            True,
        ),
        (
            {"value": "2023-10-05", "precision": "day"},
            {"value": "2023-10-06", "precision": "day"},
            False,
        ),
        (
            {"value": "2023-10-02", "precision": "week"},
            {"value": "2023-10-06", "precision": "day"},
            True,
        ),
        ({"value": "2023", "precision": "year"}, None, False),
    ],
)
def test_same_date(gold: dict, pred: dict | None, ok: bool) -> None:
    assert same_date(gold, pred) is ok


def test_bcubed_perfect_and_split() -> None:
    assert bcubed([("a", "x"), ("a", "x")]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed([("a", "x"), ("b", "x")])
    assert (p, r) == (1.0, 0.5)

"""The seeds through the product: `tripwire ingest` into a temporary SQLite database, then the
exported cluster record of the 2022-09 North Korea -> Russia purchase reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tripwire.cli import cli

SEEDS = ("000_5727dd8942b972c4", "001_26d529180b25cd82", "003_cd14df1167fda130",
         "004_e766a30cfb77ca78")


@pytest.fixture(scope="module")
def seed_export(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", str(corpus_dir / "seeds"), "--db", db],
                           catch_exceptions=False)
    assert ingest.exit_code == 0, ingest.output
    out = runner.invoke(cli, ["export", "--db", db], catch_exceptions=False)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_seed_purchase_cluster_is_one_origin(seed_export: list[dict]) -> None:
    events = [r for r in seed_export if r["kind"] == "event" and r["type"] == "arms_transfer"
              and r["modality"] == "asserted" and r["stage"] in ("sought", "agreed")
              and "RUS" in r["actors"].get("recipient", [])
              and r["doc"] in SEEDS and "PRK" in r["actors"].get("supplier", [])]
    assert {e["doc"] for e in events} == set(SEEDS)
    clusters = {r["id"]: r for r in seed_export if r["kind"] == "cluster"}
    assert len({e["cluster"] for e in events}) == 1  # the four reports are one act
    c = clusters[events[0]["cluster"]]
    assert set(SEEDS) <= set(c["documents"])
    nyt = [o for o in c["origins"] if "The New York Times" in o]
    assert len(nyt) == 1 and "U.S. intelligence" in nyt[0], c["origins"]
    assert c["independent_sources"] == 1, c["origins"]  # one origin, not four sources

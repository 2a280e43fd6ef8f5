import csv
import json
from pathlib import Path

from click.testing import CliRunner

from tripwire.sanctions.cli import lists, match, screen


def test_screen_json(sanctions_dir: Path) -> None:
    res = CliRunner().invoke(screen, ["Kim Jong-un", "--schema", "Person", "--json",
                                      "--lists", str(sanctions_dir / "ofac")])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output.splitlines()[0])
    assert row["matches"][0]["name"] == "KIM, Jong Un" and row["matches"][0]["match"]


def test_match_pair_and_pairs_file(tmp_path: Path, shared_dir: Path) -> None:
    res = CliRunner().invoke(match, ["Kim Jong-un", "KIM JONG UN", "--json"])
    assert json.loads(res.output)["match"] is True
    out = tmp_path / "out.csv"
    bench = shared_dir / "data" / "bench" / "nk_name_bench_cases.csv"
    res = CliRunner().invoke(match, ["--pairs", str(bench), "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 826 and {r["match"] for r in rows} == {"true", "false"}


def test_lists_and_usage_errors(sanctions_dir: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(lists, ["--json", "--lists", str(sanctions_dir / "un")])
    row = json.loads(res.output.splitlines()[0])
    assert row["name"] == "UN SC Consolidated" and row["entries"] == 1003
    assert CliRunner().invoke(match, ["only-one"]).exit_code == 2
    assert CliRunner().invoke(lists, ["--lists", str(tmp_path / "nope")]).exit_code == 2

"""Sanctions benchmark (not a test): F1 and µs/pair for tripwire and nomenklatura's logic-v2 on
the same pairs and machine, and the false-alert rate on 50,000 synthetic non-sanctioned names.

    .venv/bin/python bench/sanctions_bench.py [--skip-nk] [--skip-negatives]

logic-v2 runs in its own virtual environment (created under the cache folder, nomenklatura
pip-installed). The same F1 figure through the CLI:
    tripwire match --pairs ../shared/data/bench/nk_name_bench_cases.csv -o scored.csv
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
import venv
from pathlib import Path

from tripwire.sanctions import load_index
from tripwire.sanctions.features import skeleton, token_similarity
from tripwire.sanctions.loaders import cache_dir
from tripwire.sanctions.matcher import score_pair, threshold
from tripwire.sanctions.normalize import prepare

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CASES = SHARED / "bench" / "nk_name_bench_cases.csv"
NEGATIVES = SHARED / "bench" / "yente_negatives_global.csv"

NK_SCRIPT = r'''
import csv, json, sys, time
from followthemoney import model
from nomenklatura.matching import LogicV2
from nomenklatura.matching.types import ScoringConfig
SCHEMA = {"": "LegalEntity", "individual": "Person", "entity": "Organization",
          "vessel": "Vessel", "aircraft": "Airplane"}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
config = ScoringConfig.defaults()
def ent(i, name, schema):
    e = model.make_entity(SCHEMA.get(schema, schema) or "LegalEntity")
    e.id = f"e{i}"
    e.add("name", name)
    return e
pairs = [(ent(2 * i, r["name1"], r["schema"]), ent(2 * i + 1, r["name2"], r["schema"]))
         for i, r in enumerate(rows)]
for a, b in pairs:  # warm-up pass: lazy loading and caches are not a per-pair cost
    LogicV2.compare(a, b, config)
start = time.perf_counter()
scores = [LogicV2.compare(a, b, config).score for a, b in pairs]
elapsed = time.perf_counter() - start
print(json.dumps({"scores": scores, "seconds": elapsed, "threshold": LogicV2.default_threshold
                  if hasattr(LogicV2, "default_threshold") else 0.7}))
'''


def f1(rows: list[dict[str, str]], scores: list[float], thr: float) -> float:
    tp = fp = fn = 0
    for row, s in zip(rows, scores, strict=True):
        gold, pred = row["is_match"].lower() == "true", s >= thr
        tp, fp, fn = tp + (gold and pred), fp + (pred and not gold), fn + (gold and not pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tripwire_scores(rows: list[dict[str, str]]) -> tuple[list[float], float]:
    for r in rows:  # warm-up pass: tables and transliteration modules load once per process
        score_pair(r["name1"], r["name2"], r["schema"])
    prepare.cache_clear()  # names cold again: normalisation is part of the cost of each pair
    token_similarity.cache_clear()
    skeleton.cache_clear()
    start = time.perf_counter()
    scores = [score_pair(r["name1"], r["name2"], r["schema"]).score for r in rows]
    return scores, time.perf_counter() - start


def logic_v2_scores(rows_path: Path) -> dict[str, object]:
    env_dir = cache_dir() / "bench-nomenklatura-venv"
    python = env_dir / "bin" / "python"
    if not (env_dir / "ok").exists():
        venv.create(env_dir, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "nomenklatura"], check=True)
        (env_dir / "ok").touch()
    out = subprocess.run([str(python), "-c", NK_SCRIPT, str(rows_path)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def false_alerts(paths: list[str]) -> tuple[int, int, float, float]:
    started = time.perf_counter()
    index = load_index(paths)
    build = time.perf_counter() - started
    thr = threshold()
    with NEGATIVES.open(encoding="utf-8") as fh:
        names = [r["full_name"] for r in csv.DictReader(fh)]
    start = time.perf_counter()
    hits = sum(1 for n in names if (m := index.screen(n, "Person", 1)) and m[0].score >= thr)
    return hits, len(names), time.perf_counter() - start, build


def main() -> None:
    with CASES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    thr = threshold()
    scores, secs = tripwire_scores(rows)
    print(f"pairs: {len(rows)} from {CASES.name}; threshold {thr}")
    print(f"{'matcher':12} {'F1':>7} {'us/pair':>9}")
    tw_us = secs / len(rows) * 1e6
    print(f"{'tripwire':12} {f1(rows, scores, thr):7.4f} {tw_us:9.1f}")
    if "--skip-nk" not in sys.argv:
        nk = logic_v2_scores(CASES)
        nk_scores = [float(s) for s in nk["scores"]]  # type: ignore[union-attr]
        nk_us = float(nk["seconds"]) / len(rows) * 1e6  # type: ignore[arg-type]
        print(f"{'logic-v2':12} {f1(rows, nk_scores, 0.7):7.4f} {nk_us:9.1f}"
              f"   (threshold 0.7; tripwire is {nk_us / tw_us:.1f}x faster per pair)")
    if "--skip-negatives" not in sys.argv:
        lists = [str(SHARED / "sanctions" / "un"), str(SHARED / "sanctions" / "ofac")]
        hits, n, secs, build = false_alerts(lists)
        print(f"false alerts: {hits}/{n} = {hits / n:.2%} of {NEGATIVES.name} screened against "
              f"UN + OFAC ({secs / n * 1e3:.2f} ms/name; index built in {build:.1f} s)")


if __name__ == "__main__":
    main()

"""Sanctions benchmark (not a test): F1 and µs/pair for tripwire and nomenklatura's logic-v2 on
the same pairs and machine, screening speed, and the false-alert rate on 50,000 synthetic
non-sanctioned names.

    .venv/bin/python bench/sanctions_bench.py [--reps N] [--skip-nk] [--skip-negatives]

Timing. Both matchers score the same 826 pairs in one pass per repetition, and the passes
alternate (tripwire, logic-v2, tripwire, ...) so that both see the same machine load. Each
matcher first makes one untimed pass ("warm": lazy imports, tables and each library's own
caches filled). The figure is the median over ``--reps`` passes (default 7) of the CPU time
of the matcher's own process (``time.process_time``), so that other work on a shared
machine does not count against either; wall-clock medians are printed as well.

- warm: names already analysed. tripwire: names stay prepared from the earlier pass (the
  ``prepare`` cache), as the screening index keeps every list name prepared. logic-v2: its
  entities are built once, outside the timing; its name analysis is cached per entity in a
  cache of 1,000 entities, fewer than the bench's 1,652, so the pairs are timed in chunks of
  400, each scored once untimed just before, so that its names are cached too.
- cold. tripwire: every cache of prepared names and words is cleared before the pass, so
  each pair pays for normalising both names. logic-v2 ("one pass"): the whole list in one
  pass, in which its 1,000-entity cache cycles and so holds no name when it is met again.
  Reported beside the warm figures, not instead of them.

logic-v2 runs in its own virtual environment (created under the cache folder, nomenklatura
pip-installed) and is driven over a pipe: one line in, one timed pass out. The same F1
figure through the CLI:
    tripwire match --pairs ../shared/data/bench/nk_name_bench_cases.csv -o scored.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import time
import venv
from collections.abc import Callable
from pathlib import Path

from tripwire.sanctions import load_index
from tripwire.sanctions.features import skeleton
from tripwire.sanctions.korean import fold_syllables
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
with open(sys.argv[1], encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))
config = ScoringConfig.defaults()
def ent(i, name, schema):
    e = model.make_entity(SCHEMA.get(schema, schema) or "LegalEntity")
    e.id = f"e{i}"
    e.add("name", name)
    return e
pairs = [(ent(2 * i, r["name1"], r["schema"]), ent(2 * i + 1, r["name2"], r["schema"]))
         for i, r in enumerate(rows)]
scores = [LogicV2.compare(a, b, config).score for a, b in pairs]  # untimed warm-up pass
print(json.dumps({"ready": True}), flush=True)
CHUNK = 400  # pairs: 800 entities fit logic-v2's name cache (MEMO_BATCH, 1,000 entities)
for line in sys.stdin:
    command = line.strip()
    if command not in ("warm", "cold"):
        break
    cpu = wall = 0.0
    for k in range(0, len(pairs), CHUNK):
        chunk = pairs[k:k + CHUNK]
        if command == "warm":  # names of this chunk analysed and cached, untimed
            for a, b in chunk:
                LogicV2.compare(a, b, config)
        start, started = time.perf_counter(), time.process_time()
        for a, b in chunk:
            LogicV2.compare(a, b, config)
        cpu += time.process_time() - started
        wall += time.perf_counter() - start
    print(json.dumps({"cpu": cpu, "wall": wall}), flush=True)
print(json.dumps({"scores": scores}), flush=True)
'''


def f1(rows: list[dict[str, str]], scores: list[float], thr: float) -> float:
    tp = fp = fn = 0
    for row, s in zip(rows, scores, strict=True):
        gold, pred = row["is_match"].lower() == "true", s >= thr
        tp, fp, fn = tp + (gold and pred), fp + (pred and not gold), fn + (gold and not pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def clear_name_caches() -> None:
    """Forget every prepared name and word, so the next pass normalises from scratch."""
    prepare.cache_clear()
    skeleton.cache_clear()
    fold_syllables.cache_clear()


class LogicV2Runner:
    """logic-v2 in its own venv, one timed pass per request."""

    def __init__(self, rows_path: Path) -> None:
        env_dir = cache_dir() / "bench-nomenklatura-venv"
        python = env_dir / "bin" / "python"
        if not (env_dir / "ok").exists():
            venv.create(env_dir, with_pip=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", "nomenklatura"],
                           check=True)
            (env_dir / "ok").touch()
        self.proc = subprocess.Popen([str(python), "-c", NK_SCRIPT, str(rows_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._read()  # {"ready": true} once the warm-up pass is done

    def _read(self) -> dict[str, object]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("logic-v2 process ended early")
        data: dict[str, object] = json.loads(line)
        return data

    def timed_pass(self, mode: str) -> tuple[float, float]:
        """(CPU seconds, wall seconds) of one pass over every pair; ``mode`` "warm": each
        chunk of pairs scored once untimed just before, so that its names are cached."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(mode + "\n")
        self.proc.stdin.flush()
        data = self._read()
        return float(data["cpu"]), float(data["wall"])  # type: ignore[arg-type]

    def scores(self) -> list[float]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("done\n")
        self.proc.stdin.flush()
        data = self._read()
        self.proc.wait()
        return [float(s) for s in data["scores"]]  # type: ignore[attr-defined]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``fn()``."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.process_time() - cpu, time.perf_counter() - start


def pair_speed(rows: list[dict[str, str]], reps: int, with_nk: bool) -> None:
    thr = threshold()
    triples = [(r["name1"], r["name2"], r["schema"]) for r in rows]

    def tripwire_pass() -> list[float]:
        return [score_pair(a, b, s).score for a, b, s in triples]

    def cold_pass() -> list[float]:
        clear_name_caches()
        return tripwire_pass()

    scores = tripwire_pass()  # warm-up pass, untimed
    nk = LogicV2Runner(CASES) if with_nk else None
    runs: dict[str, list[tuple[float, float]]] = {"warm": [], "cold": [], "nk": [],
                                                  "nk_cold": []}
    for _ in range(reps):
        runs["warm"].append(timed(tripwire_pass))
        if nk is not None:
            runs["nk"].append(nk.timed_pass("warm"))
        runs["cold"].append(timed(cold_pass))
        if nk is not None:
            runs["nk_cold"].append(nk.timed_pass("cold"))
    tripwire_pass()  # leave the caches warm for whatever runs next
    n = len(rows)

    def us(key: str, which: int = 0) -> float:
        return statistics.median(t[which] for t in runs[key]) / n * 1e6

    def line(label: str, key: str, f1_value: float) -> None:
        cpu = [t[0] / n * 1e6 for t in runs[key]]
        print(f"{label:24} {f1_value:7.4f} {us(key):9.1f} {min(cpu):8.1f} {max(cpu):8.1f} "
              f"{us(key, 1):9.1f}")

    print(f"pairs: {n} from {CASES.name}; threshold {thr}; {reps} passes per matcher, "
          f"interleaved, after one untimed warm-up pass each")
    print(f"{'matcher':24} {'F1':>7} {'us/pair':>9} {'min':>8} {'max':>8} {'wall':>9}")
    print(f"{'':24} {'':7} {'(median CPU time)':>27} {'(median)':>9}")
    f1_tw = f1(rows, scores, thr)
    line("tripwire (warm)", "warm", f1_tw)
    line("tripwire (cold names)", "cold", f1_tw)
    if nk is not None:
        f1_nk = f1(rows, nk.scores(), 0.7)
        line("logic-v2 (warm)", "nk", f1_nk)
        line("logic-v2 (one pass)", "nk_cold", f1_nk)
        print(f"logic-v2 / tripwire per pair, warm against warm: {us('nk') / us('warm'):.1f}x "
              f"({us('nk', 1) / us('warm', 1):.1f}x by wall clock)")
        print(f"logic-v2 one pass / tripwire cold names: {us('nk_cold') / us('cold'):.1f}x; "
              f"logic-v2 warm / tripwire cold names: {us('nk') / us('cold'):.1f}x")


def screening(paths: list[str]) -> None:
    started = time.perf_counter()
    index = load_index(paths)
    build = time.perf_counter() - started
    n_names = len(index.names)
    thr = threshold()
    with NEGATIVES.open(encoding="utf-8") as fh:
        names = [r["full_name"] for r in csv.DictReader(fh)]
    clear_name_caches()  # every query name is new; list names stay prepared in the index
    start = time.process_time()
    hits = sum(1 for n in names if (m := index.screen(n, "Person", 1)) and m[0].score >= thr)
    secs = time.process_time() - start
    print(f"index: {len(index)} entries, {n_names} names from UN + OFAC, built in {build:.2f} s")
    print(f"screening: {secs / len(names) * 1e6:.0f} us CPU per name ({len(names)} names of "
          f"{NEGATIVES.name}, schema Person, top match each)")
    print(f"false alerts: {hits}/{len(names)} = {hits / len(names):.2%} at threshold {thr}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=7, help="timed passes per matcher")
    ap.add_argument("--skip-nk", action="store_true", help="tripwire only")
    ap.add_argument("--skip-negatives", action="store_true", help="no screening run")
    args = ap.parse_args()
    with CASES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    pair_speed(rows, args.reps, not args.skip_nk)
    if not args.skip_negatives:
        screening([str(SHARED / "sanctions" / "un"), str(SHARED / "sanctions" / "ofac")])


if __name__ == "__main__":
    main()

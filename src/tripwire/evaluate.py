"""SPEC §6 scoring of stored events against a gold folder.

The same figures as ``shared/tools/score_events.py``: event keys (doc, type, main actor pair,
coarse stage, polarity) matched one to one, precision/recall/F1 per type and overall, then on
matched pairs item-category F1, date, attribution-country and sanction-target accuracy, and
B-cubed clustering. Each step is a small pure function.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tripwire.errors import InputError, UsageError
from tripwire.model import PAIR_ROLES, SET_ROLES, coarse_stage
from tripwire.stories.names import fold, scoring_names

_DATE_DIGITS = {"day": 10, "week": 7, "month": 7, "year": 4}

Key = tuple[Any, ...]
Json = dict[str, Any]


@lru_cache(maxsize=1)
def _base_names() -> dict[str, str]:
    data = scoring_names()
    canon: dict[str, str] = {}
    for code, names in data["states"].items():
        for n in [code, *names]:
            canon[fold(n)] = code.lower()
    for name, others in data["bodies"].items():
        for n in [name, *others]:
            canon[fold(n)] = fold(name)
    return canon


class Names:
    """Maps every spelling of an actor to one canonical folded name."""

    def __init__(self, aliases: Iterable[Mapping[str, Sequence[str]]] = ()) -> None:
        self.canon = dict(_base_names())
        for table in aliases:
            for name, others in (table or {}).items():
                c = self(name)
                for o in others:
                    self.canon.setdefault(fold(o), c)

    def __call__(self, name: str) -> str:
        f = fold(name)
        return self.canon.get(f, f)


def month(date: Mapping[str, Any] | None) -> str:
    if not date or not date.get("value"):
        return "?"
    return str(date["value"])[:7]


def event_keys(ev: Mapping[str, Any], names: Names) -> list[Key]:
    """The scoring keys of one event: one per combination of its main actors."""
    t = ev.get("type")
    actors = ev.get("actors") or {}
    base = (ev.get("doc"), t, coarse_stage(ev.get("stage")), ev.get("polarity", "positive"))
    if t in SET_ROLES:
        return [base + (tuple(sorted({names(a) for a in actors.get(SET_ROLES[t], []) if a})),)]
    if t in PAIR_ROLES:
        a, b = PAIR_ROLES[t]
        left = sorted({names(x) for x in actors.get(a, []) if x}) or ["?"]
        right = (sorted({names(x) for x in actors.get(b, []) if x}) or ["?"]) if b else ["*"]
        return [base + (x, y) for x, y in itertools.product(left, right)]
    return [base + ("?",)]


def same_date(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Equal at the coarser of the two precisions (ISO week when either is a week)."""
    if not gold or not gold.get("value"):
        return True
    if not pred or not pred.get("value"):
        return False
    gp, pp = gold.get("precision", "day"), pred.get("precision", "day")
    n = min(_DATE_DIGITS.get(gp, 10), _DATE_DIGITS.get(pp, 10))
    gv, pv = str(gold["value"]), str(pred["value"])
    if "week" in (gp, pp):
        gw, pw = _iso_week(gv), _iso_week(pv)
        if gw and pw:
            return gw == pw
    return gv[:n] == pv[:n]


def _iso_week(value: str) -> tuple[int, int] | None:
    try:
        year, week, _ = dt.date.fromisoformat(value[:10]).isocalendar()
    except ValueError:
        return None
    return year, week


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pairs: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of (predicted cluster, gold cluster) pairs."""
    if not pairs:
        return 0.0, 0.0, 0.0
    by_p = collections.Counter(p for p, _ in pairs)
    by_g = collections.Counter(g for _, g in pairs)
    both = collections.Counter(pairs)
    prec = sum(both[pg] / by_p[pg[0]] for pg in pairs) / len(pairs)
    rec = sum(both[pg] / by_g[pg[1]] for pg in pairs) / len(pairs)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


@dataclass
class Matching:
    tp: collections.Counter[str] = field(default_factory=collections.Counter)
    fp: collections.Counter[str] = field(default_factory=collections.Counter)
    fn: collections.Counter[str] = field(default_factory=collections.Counter)
    matched: list[tuple[Json, Json]] = field(default_factory=list)
    false_positives: list[Key] = field(default_factory=list)
    missed: list[Key] = field(default_factory=list)


def match_events(gold: Sequence[Json], pred: Sequence[Json], names: Names) -> Matching:
    """Match predicted keys to gold keys one to one (meetings also by month)."""
    pools: dict[Key, list[Json]] = collections.defaultdict(list)
    for e in gold:
        for k in event_keys(e, names):
            if e["type"] == "meeting" or not pools[k]:
                pools[k].append(e)
    m = Matching()
    for p in sorted(pred, key=lambda e: month(e.get("date")) == "?"):
        for k in event_keys(p, names):
            g = _pick(pools.get(k) or [], p)
            if g is not None:
                pools[k].remove(g)
                m.tp[k[1]] += 1
                m.matched.append((p, g))
            else:
                m.fp[k[1]] += 1
                m.false_positives.append(k)
    m.missed = [k for k, pool in pools.items() for _ in pool]
    m.fn.update(k[1] for k in m.missed)
    return m


def _pick(pool: list[Json], pred: Json) -> Json | None:
    mo = month(pred.get("date"))
    return (
        next((g for g in pool if month(g.get("date")) == mo), None)
        or next((g for g in pool if "?" in (mo, month(g.get("date")))), None)
        or (pool[0] if pool and pred["type"] != "meeting" else None)
    )


def attribute_scores(matched: Sequence[tuple[Json, Json]], names: Names) -> dict[str, float | None]:
    """Item-category F1, date, attribution-country and sanction-target accuracy on matches."""
    item_f1s: list[float] = []
    date_ok = date_n = attr_ok = attr_n = 0
    for p, g in matched:
        gi = {i.get("category") for i in g.get("items") or []}
        if gi:
            pi = {i.get("category") for i in p.get("items") or []}
            item_f1s.append(prf(len(gi & pi), len(pi - gi), len(gi - pi))[2])
        if g.get("date") and g["date"].get("value"):
            date_n += 1
            date_ok += same_date(g["date"], p.get("date"))
        gc = {a.get("country") for a in g.get("attribution") or [] if a.get("country")}
        if gc:
            attr_n += 1
            attr_ok += bool(gc & {a.get("country") for a in p.get("attribution") or []})
    tc = [
        (p, g)
        for p, g in matched
        if g["type"] == "sanction" and (g.get("actors") or {}).get("target_country")
    ]
    target_ok = sum(
        bool(
            {names(x) for x in g["actors"]["target_country"]}
            & {names(x) for x in (p.get("actors") or {}).get("target_country", [])}
        )
        for p, g in tc
    )
    return {
        "items_f1": sum(item_f1s) / len(item_f1s) if item_f1s else None,
        "date_accuracy": date_ok / date_n if date_n else None,
        "attribution_accuracy": attr_ok / attr_n if attr_n else None,
        "sanction_target_accuracy": target_ok / len(tc) if tc else None,
    }


def read_jsonl(path: Path) -> list[Json]:
    out = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not JSON: {exc.msg}") from exc
    return out


def load_gold(gold_dir: Path) -> tuple[list[Json], set[str]]:
    """Gold events and the ids of the documents the gold covers."""
    if not gold_dir.is_dir():
        raise UsageError(f"{gold_dir}: not a folder of gold files")
    gold = [
        e
        for p in sorted(gold_dir.glob("*.jsonl"))
        if p.name != "documents.jsonl"
        for e in read_jsonl(p)
    ]
    docs = {e["doc"] for e in gold}
    if (gold_dir / "documents.jsonl").exists():
        docs |= {d["doc"] for d in read_jsonl(gold_dir / "documents.jsonl")}
    return gold, docs


def score(gold: Sequence[Json], gold_docs: set[str], records: Iterable[Json]) -> Json:
    """The SPEC §6 scores of exported ``records`` against ``gold``."""
    names = Names(e.get("actor_aliases") or {} for e in gold)
    pred = [
        r
        for r in records
        if r.get("kind") == "event"
        and r.get("doc") in gold_docs
        and r.get("modality", "asserted") == "asserted"
    ]
    m = match_events(gold, pred, names)
    types = sorted(set(m.tp) | set(m.fp) | set(m.fn))
    per_type = {
        t: dict(
            zip(("precision", "recall", "f1"), prf(m.tp[t], m.fp[t], m.fn[t]), strict=True),
            tp=m.tp[t],
            fp=m.fp[t],
            fn=m.fn[t],
        )
        for t in types
    }
    tp, fp, fn = sum(m.tp.values()), sum(m.fp.values()), sum(m.fn.values())
    b_p, b_r, b_f = bcubed([(str(p.get("cluster")), g["cluster"]) for p, g in m.matched])
    return {
        "documents": len(gold_docs),
        "gold_events": tp + fn,
        "predicted_events": len(pred),
        "overall": dict(
            zip(("precision", "recall", "f1"), prf(tp, fp, fn), strict=True), tp=tp, fp=fp, fn=fn
        ),
        "per_type": per_type,
        **attribute_scores(m.matched, names),
        "cluster_bcubed": {"precision": b_p, "recall": b_r, "f1": b_f},
        "false_positives": [list(map(str, k)) for k in m.false_positives],
        "missed": [list(map(str, k)) for k in m.missed],
    }


def format_table(r: Json, verbose: bool = False) -> str:
    """The scores as the reference scorer prints them."""
    lines = [
        f"{r['documents']} documents, {r['gold_events']} gold event keys, "
        f"{r['predicted_events']} predicted asserted events",
        f"{'type':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    rows = [*r["per_type"].items(), ("overall", r["overall"])]
    for t, m in rows:
        lines.append(
            f"{t:22} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
            f"{m['tp']:4} {m['fp']:4} {m['fn']:4}"
        )

    def fmt(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    c = r["cluster_bcubed"]
    lines.append(
        f"items F1 {fmt(r['items_f1'])}  date accuracy {fmt(r['date_accuracy'])}  "
        f"attribution accuracy {fmt(r['attribution_accuracy'])}  "
        f"cluster B3 P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}"
    )
    if verbose:
        lines += ["FP   " + " | ".join(k) for k in r["false_positives"]]
        lines += ["MISS " + " | ".join(k) for k in r["missed"]]
    return "\n".join(lines)

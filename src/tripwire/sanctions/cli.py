"""Click commands ``screen``, ``match`` and ``lists``; thin wrappers over the library."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click

from tripwire import settings
from tripwire.errors import InputError, TripwireError, UsageError
from tripwire.sanctions.index import load_index
from tripwire.sanctions.matcher import score_pair, threshold

SCHEMA_CHOICE = click.Choice(["Person", "Organization", "Vessel", "Company", "LegalEntity",
                              "individual", "entity", "vessel", "aircraft"],
                             case_sensitive=False)


def list_paths(given: tuple[str, ...]) -> list[str]:
    """``--lists`` if given, else setting ``sanctions_dir``, else ``../shared/data/sanctions``."""
    if given:
        return list(given)
    configured = settings.get("sanctions_dir")
    if configured:
        return [configured]
    fallback = Path("../shared/data/sanctions")
    if fallback.is_dir():
        return [str(fallback)]
    raise UsageError("no sanctions lists: pass --lists PATH or set TRIPWIRE_SANCTIONS_DIR")



class _UsageFailure(click.UsageError):
    """A library usage error at the CLI edge (exit code 2, as click's own usage errors)."""


def _fail(exc: TripwireError) -> click.ClickException:
    """The library error as the click exception with the same exit code (1 or 2)."""
    if exc.exit_code == _UsageFailure.exit_code:
        return _UsageFailure(exc.detail)
    return click.ClickException(exc.detail)


lists_option = click.option("--lists", "lists", multiple=True, metavar="PATH",
                            help="list file, folder or http(s) URL (repeatable)")


@click.command("screen")
@click.argument("names", nargs=-1, required=True)
@click.option("--schema", type=SCHEMA_CHOICE, default=None, help="kind of party")
@click.option("--json", "as_json", is_flag=True, help="JSON lines output")
@click.option("--limit", default=5, show_default=True, help="entries shown per name")
@lists_option
def screen(names: tuple[str, ...], schema: str | None, as_json: bool, limit: int,
           lists: tuple[str, ...]) -> None:
    """Screen NAMES against the loaded sanctions lists; ranked entries with explanations."""
    try:
        index = load_index(list_paths(lists))
    except TripwireError as exc:
        raise _fail(exc) from exc
    thr = threshold()
    for name in names:
        matches = index.screen(name, schema, limit)
        if as_json:
            click.echo(json.dumps({"query": name, "threshold": thr,
                                   "matches": [m.to_dict() | {"match": m.score >= thr}
                                               for m in matches]}, ensure_ascii=False))
            continue
        click.echo(f"{name}:")
        if not matches:
            click.echo("  (no candidates)")
        for m in matches:
            flag = "MATCH" if m.score >= thr else "     "
            click.echo(f"  {m.score:.3f} {flag} {m.list} {m.entry_id} {m.name} "
                       f"[{m.schema}] via {m.matched_name!r}")
            click.echo(f"        {m.explanation}")


@click.command("match")
@click.argument("names", nargs=-1)
@click.option("--schema", default=None, help="FtM schema or OFAC SDN type")
@click.option("--json", "as_json", is_flag=True)
@click.option("--pairs", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV with columns name1,name2[,schema]")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="where --pairs writes its scored CSV (default: stdout)")
def match(names: tuple[str, ...], schema: str | None, as_json: bool, pairs: str | None,
          output: str | None) -> None:
    """Score NAME1 against NAME2, or every row of --pairs FILE.csv."""
    thr = threshold()
    if pairs is None:
        if len(names) != 2:
            raise _fail(UsageError("match needs NAME1 NAME2, or --pairs FILE.csv"))
        s = score_pair(names[0], names[1], schema)
        if as_json:
            click.echo(json.dumps({"name1": names[0], "name2": names[1], "score": s.score,
                                   "match": s.score >= thr, "threshold": thr,
                                   "features": [{"feature": n, "score": v, "why": w}
                                                for n, v, w in s.features]},
                                  ensure_ascii=False))
        else:
            click.echo(f"{s.score:.4f} {'match' if s.score >= thr else 'no match'} "
                       f"(threshold {thr})")
            click.echo(s.explanation)
        return
    with open(pairs, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"name1", "name2"} <= set(reader.fieldnames):
            raise _fail(InputError(pairs, "CSV needs columns name1,name2[,schema]"))
        fields = list(reader.fieldnames) + [f for f in ("score", "match")
                                            if f not in reader.fieldnames]
        rows = list(reader)
    with click.open_file(output or "-", "w", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            s = score_pair(row["name1"], row["name2"], row.get("schema") or schema)
            row["score"] = f"{s.score:.4f}"
            row["match"] = "true" if s.score >= thr else "false"
            writer.writerow(row)


@click.command("lists")
@click.option("--json", "as_json", is_flag=True)
@lists_option
def lists_cmd(as_json: bool, lists: tuple[str, ...]) -> None:
    """Show the loaded sanctions lists: name, source, date, entry count."""
    try:
        index = load_index(list_paths(lists))
    except TripwireError as exc:
        raise _fail(exc) from exc
    for lst in index.lists:
        row = {"name": lst.name, "source": lst.source, "date": lst.date,
               "entries": len(lst.entries)}
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{lst.name:32} {lst.date or '-':10} {len(lst.entries):6}  {lst.source}")
    for path, reason in index.skipped:
        if not as_json:
            click.echo(f"skipped: {path} ({reason})")


lists = lists_cmd  # the command is named ``lists``

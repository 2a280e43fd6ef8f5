"""The command line: thin commands over the library (SPEC §7).

Errors are mapped to exit codes in one place, :func:`main`: a ``TripwireError`` prints its
one-line message and exits with its ``exit_code``; click's usage errors exit 2.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tripwire import settings
from tripwire.errors import TripwireError, UsageError

if TYPE_CHECKING:
    from tripwire.store import Store

DB_HELP = f"database (SQLite path or postgresql:// URL); env {settings.SETTINGS['db'].env}"


def db_option(f: Any) -> Any:
    return click.option("--db", default=None, help=DB_HELP)(f)


def opened(db: str | None) -> Store:
    """The store of ``db`` (a context manager that closes it); the store module, and
    SQLAlchemy with it, is imported only by the commands that use it."""
    from tripwire.store import open_store

    return open_store(db)


@contextmanager
def output(path: str | None) -> Iterator[Any]:
    if path in (None, "-"):
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as fh:  # type: ignore[arg-type]
        yield fh


class _Commands(click.Group):
    """The commands; those of the sanctions package load with it, when one of them is run or
    listed, so that other commands do not pay for importing the matcher."""

    lazy = {"screen": "tripwire.sanctions.cli", "match": "tripwire.sanctions.cli",
            "lists": "tripwire.sanctions.cli"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            command = getattr(importlib.import_module(self.lazy[name]), name)
            self.add_command(command, name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tripwire")
def cli() -> None:
    """tripwire: news reports → a source-attributed ledger of arms transfers and sanctions."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=int, default=None, help="analysis processes (default 2)")
@click.option("--lists", multiple=True, help="sanctions list files or folders to screen against")
@click.option("--model", default=None, help="spaCy model (env TRIPWIRE_SPACY_MODEL)")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    workers: int | None,
    lists: tuple[str, ...],
    model: str | None,
    as_json: bool,
) -> None:
    """Read files, folders, URLs or feeds and store what they report (idempotent)."""
    from tqdm import tqdm

    from tripwire.pipeline import safe_ingest

    chosen = list(lists) or [p for p in [settings.get("sanctions_dir")] if p]
    bar = tqdm(unit="doc", desc="ingest", disable=not sys.stderr.isatty(), file=sys.stderr)

    def rejected(err: Any) -> None:
        bar.write(f"rejected: {err.detail}", file=sys.stderr)

    # the database is opened by the ingest, once the analysis processes have started
    report = safe_ingest(
        list(inputs),
        db,
        workers=workers,
        lists=chosen,
        model=model,
        on_progress=bar.update,
        on_reject=rejected,
    )
    bar.close()
    summary = {
        "stored": report.stored,
        "unchanged": report.unchanged,
        "rejected": len(report.rejected),
        "events": report.events,
    }
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(" ".join(f"{k}={v}" for k, v in summary.items()))
    if report.rejected:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", "out", default=None, help="file to write (default stdout)")
@db_option
def export(fmt: str, out: str | None, db: str | None) -> None:
    """Write every stored record as SPEC §2 JSON lines."""
    from tripwire.export import jsonl

    with opened(db) as store, output(out) as fh:
        for line in jsonl(store):
            fh.write(line + "\n")


@cli.command()
@db_option
def ledger(db: str | None) -> None:
    """Print per document its outlet, date and events, one line each."""
    from tripwire.export import ledger as lines

    with opened(db) as store:
        for line in lines(store):
            click.echo(line)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="print the full result as JSON")
@click.option("--verbose", is_flag=True, help="list false positives and misses")
def eval_(gold_dir: Path, db: str | None, as_json: bool, verbose: bool) -> None:
    """Score the stored events against a gold folder (SPEC §6)."""
    from tripwire.evaluate import format_table, load_gold, score
    from tripwire.export import records

    gold, docs = load_gold(gold_dir)
    with opened(db) as store:
        result = score(gold, docs, records(store))
    click.echo(json.dumps(result, indent=2) if as_json else format_table(result, verbose))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", "out", default=None, help="file to write (default stdout)")
@click.option("--story", default=None, help='only stories between these states, e.g. "PRK RUS"')
@db_option
def report(fmt: str, out: str | None, story: str | None, db: str | None) -> None:
    """Write the stories, clusters and ledger as Markdown or a self-contained HTML page."""
    from tripwire.report import render

    with opened(db) as store:
        text = render(
            fmt,
            store.documents(),
            store.events(),
            store.clusters(),
            store.stories(),
            story_filter=story,
        )
    with output(out) as fh:
        fh.write(text)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
def status(db: str | None, as_json: bool) -> None:
    """Show what the database holds."""
    with opened(db) as store:
        counts = store.counts()
        url = store.safe_url
    if as_json:
        click.echo(json.dumps({"db": url, **counts}))
    else:
        click.echo(f"db={url} " + " ".join(f"{k}={v}" for k, v in counts.items()))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the report page and a read-only JSON API over the database."""
    from tripwire.serve import make_server

    with opened(db) as store:
        server = make_server(store, host, port)
        click.echo(f"serving {store.safe_url} on http://{host}:{server.server_port}/", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()




def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the CLI and maps tripwire errors to exit codes."""
    try:
        cli.main(args=argv, prog_name="tripwire", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(UsageError.exit_code if isinstance(exc, click.UsageError) else exc.exit_code)
    except TripwireError as exc:
        click.echo(f"tripwire: error: {exc.detail}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    finally:
        # Every object still alive (a loaded model is millions) goes to the permanent
        # generation, so the interpreter's last collection does not walk them on the way out.
        gc.freeze()


if __name__ == "__main__":
    main()

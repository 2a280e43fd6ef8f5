"""The whole pipeline through the CLI: ingest, re-ingest, bad input, export, ledger."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tripwire import pipeline
from tripwire.cli import cli
from tripwire.errors import TripwireError
from tripwire.read import RawDocument
from tripwire.store import open_store

SEEDS_SUBSET = ["000_5727dd8942b972c4.txt", "003_cd14df1167fda130.txt"]


def run(*args: str, db: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", db], catch_exceptions=False)


@pytest.fixture
def small_corpus(corpus_dir: Path, tmp_path: Path) -> Path:
    """Two seeds and two dev articles copied into a folder of their own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SEEDS_SUBSET:
        shutil.copy(corpus_dir / "seeds" / name, folder / name)
    for name in ("d009.json", "d010.json"):
        shutil.copy(corpus_dir / "dev" / name, folder / name)
    return folder


def test_ingest_then_reingest_is_a_no_op(db: str, small_corpus: Path) -> None:
    first = run("ingest", str(small_corpus), "--workers", "1", "--json", db=db)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["stored"] == 4
    with open_store(db) as store:
        before = store.counts()
        events = store.events()
    assert before["documents"] == 4
    assert any(e.type == "arms_transfer" for e in events)
    second = run("ingest", str(small_corpus), "--workers", "1", "--json", db=db)
    assert second.exit_code == 0
    assert json.loads(second.stdout) == {"stored": 0, "unchanged": 4, "rejected": 0, "events": 0}
    with open_store(db) as store:
        assert store.counts() == before
        assert store.events() == events


def test_bad_inputs_are_named_and_the_rest_is_stored(
    db: str, tmp_path: Path, small_corpus: Path
) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(small_corpus, folder)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.json").write_text('{"text": "North Korea sent shells', encoding="utf-8")
    (folder / "broken.html").write_text(
        "<html><body><div><p>Russia bought artillery shells from North Korea last month, "
        "a U.S. official said.<p>The shipments continued<div></body",
        encoding="utf-8",
    )
    result = run("ingest", str(folder), "--workers", "1", db=db)
    assert result.exit_code == 1
    for name in ("binary.txt", "empty.txt", "truncated.json"):
        lines = [line for line in result.stderr.splitlines() if name in line]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("rejected: ")
    assert "broken.html" not in result.stderr  # recoverable markup is read, not rejected
    with open_store(db) as store:
        ids = {d.id for d in store.documents()}
    assert ids == {"000_5727dd8942b972c4", "003_cd14df1167fda130", "d009", "d010", "broken"}
    again = run("ingest", str(folder), "--workers", "1", "--json", db=db)
    assert again.exit_code == 1
    assert json.loads(again.stdout)["stored"] == 0
    with open_store(db) as store:
        assert {d.id for d in store.documents()} == ids


def test_export_writes_spec_records(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(small_corpus), "--workers", "2", db=db)
    out = tmp_path / "export.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(out), db=db).exit_code == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    kinds = {r["kind"] for r in records}
    assert {"document", "entity", "event"} <= kinds
    docs = {r["id"]: r for r in records if r["kind"] == "document"}
    for field in (
        "id",
        "url",
        "outlet",
        "title",
        "published",
        "published_inferred",
        "language",
        "text",
        "syndication_group",
    ):
        assert all(field in d for d in docs.values())
    for ev in (r for r in records if r["kind"] == "event"):
        text = docs[ev["doc"]]["text"]
        for span in ev["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert ev["cluster"]


def test_ledger_lists_documents_and_events(small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("ingest", str(small_corpus), db=db)
    result = run("ledger", db=db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("d009  ") for line in lines)
    assert any("arms_transfer" in line and "PRK" in line for line in lines)


def test_unknown_path_is_rejected(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nope.txt"), db=str(tmp_path / "t.db"))
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_main_maps_errors_to_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from tripwire.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["status", "--db", "postgresql://nobody:hunter2secret@127.0.0.1:1/none"])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("tripwire: error: cannot open database")
    assert "hunter2secret" not in err
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "xml"])
    assert exc.value.code == 2


@pytest.fixture(scope="module")
def corpus_export(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The whole corpus ingested at once into SQLite, exported as SPEC records."""
    db = str(tmp_path_factory.mktemp("whole") / "t.db")
    assert run("ingest", str(corpus_dir), db=db).exit_code == 0
    out = run("export", db=db)
    return [json.loads(line) for line in out.stdout.splitlines()]


def _partition(records: list[dict]) -> dict[str, str]:
    return {r["id"]: r["cluster"] for r in records if r["kind"] == "event"}


def test_two_halves_give_the_clusters_of_one_ingest(
    corpus_dir: Path, tmp_path: Path, corpus_export: list[dict]
) -> None:
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file())
    halves = [tmp_path / "a", tmp_path / "b"]
    for n, path in enumerate(files):
        dest = halves[n % 2]  # interleaved: each half spans the whole period
        dest.mkdir(exist_ok=True)
        shutil.copy(path, dest / path.name)
    db = str(tmp_path / "halves.db")
    for half in reversed(halves):
        assert run("ingest", str(half), db=db).exit_code == 0
    records = [json.loads(line) for line in run("export", db=db).stdout.splitlines()]
    assert _partition(records) == _partition(corpus_export)
    clusters = {r["id"]: r for r in records if r["kind"] == "cluster"}
    assert clusters == {r["id"]: r for r in corpus_export if r["kind"] == "cluster"}


def test_exported_seed_text_is_clean(gold_dir: Path, corpus_export: list[dict]) -> None:
    texts = {r["id"]: r["text"] for r in corpus_export if r["kind"] == "document"}
    for line in (gold_dir / "documents.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        text = texts[gold["doc"]]
        lines = {x.strip() for x in text.splitlines()}
        for drop in gold["must_drop"]:
            assert drop.strip() not in lines, (gold["doc"], drop)
        for keep in gold["must_keep"]:
            assert keep in text, (gold["doc"], keep)


def test_no_asserted_event_from_a_conditional_seed_sentence(corpus_export: list[dict]) -> None:
    """SPEC §3: conditionals are hypothetical and speculation is speculative; neither is
    asserted. An asserted event of the seeds always has a sentence that is neither."""

    def hedged(text: str) -> bool:
        t = text.lstrip()
        return t.startswith(("If ", "Whether ")) or any(
            w in t for w in ("speculation", "possibility", " would ", " could ", " might ")
        )

    # a denial quotes the speculation it rejects ("... is groundless speculation")
    events = [
        r
        for r in corpus_export
        if r["kind"] == "event" and r["doc"][:3].isdigit() and r["type"] != "denial"
    ]
    from_hedged = [e for e in events if any(hedged(ev["text"]) for ev in e["evidence"])]
    assert any(e["modality"] != "asserted" for e in from_hedged)
    wrong = [
        (e["doc"], e["type"], [ev["text"][:80] for ev in e["evidence"]])
        for e in events
        if e["modality"] == "asserted" and all(hedged(ev["text"]) for ev in e["evidence"])
    ]
    assert wrong == []


def test_ingest_screens_entities_and_flags_breaches(
    corpus_dir: Path, shared_dir: Path, tmp_path: Path
) -> None:
    """With --lists, named people are screened during ingest (the index builds in a thread
    while the workers parse) and events that breach a regime carry the provision."""
    db = str(tmp_path / "t.db")
    eu = shared_dir / "data" / "sanctions" / "eu" / "eu_32014R0269_russia_ukraine.csv"
    result = run("ingest", str(corpus_dir / "seeds"), "--workers", "2", "--lists", str(eu), db=db)
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        entities = store.entities()
        events = store.events("002_57f114cd95563023")
    kang = [e for e in entities if e.name.startswith("Kang") and e.type == "person"]
    assert kang and any(s.name == "Kang Sun NAM" for e in kang for s in e.sanctions)
    delivered = [
        e
        for e in events
        if e.type == "arms_transfer"
        and e.stage == "delivered"
        and e.polarity == "positive"
        and e.modality == "asserted"
        and e.actors.get("supplier") == ("PRK",)
    ]
    assert delivered and all(any("1718" in v.provision for v in e.violations) for e in delivered)


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` still runs (zombies, already dead, do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def test_a_worker_that_dies_fails_the_ingest_and_leaves_no_process(
        small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-batch (out of memory, a crash in a C extension) ends the ingest with
    one error instead of a hang, and the analysis processes are gone afterwards."""
    real = pipeline.analyse_batch
    hosts: list[int] = []
    start = pipeline.Analyser.start

    def crashing(raws: list[RawDocument], model: str | None = None) -> list[object]:
        if any(r.id != "warm" for r in raws):
            os._exit(7)  # the worker process dies at once
        return real(raws, model)  # type: ignore[return-value]

    def recording(self: pipeline.Analyser) -> None:
        start(self)
        if self.host is not None and self.host.pid:
            hosts.append(self.host.pid)

    monkeypatch.setattr(pipeline, "analyse_batch", crashing)
    monkeypatch.setattr(pipeline.Analyser, "start", recording)
    with pytest.raises(TripwireError, match="analysis failed"):
        pipeline.ingest([str(small_corpus)], str(tmp_path / "t.db"), workers=2)
    deadline = time.monotonic() + 5  # a signalled process takes a moment to go
    while any(_group_alive(pid) for pid in hosts) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hosts and not any(_group_alive(pid) for pid in hosts)
    assert not multiprocessing.active_children()


def test_an_ingest_with_nothing_new_does_not_wait_for_the_model(
        small_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    pipeline.ingest([str(small_corpus)], db, workers=2)
    report = pipeline.ingest([str(small_corpus)], db, workers=2)
    assert (report.stored, report.unchanged) == (0, 4)
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_input_is_stored_while_it_is_read(
        corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    """With little read-ahead, documents are stored before the last input is read (a large
    corpus is not held in memory, and what was stored survives an interrupted run)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted((corpus_dir / "dev").glob("*.json"))[:12]:
        shutil.copy(path, folder / path.name)
    monkeypatch.setattr(pipeline, "READ_AHEAD", 1)
    monkeypatch.setattr(pipeline, "IN_FLIGHT", 1)
    db = str(tmp_path / "t.db")
    real = pipeline.read_inputs
    stored_before_last: list[int] = []

    def reading(inputs: list[str], max_bytes: int) -> Iterator[object]:
        items = list(real(inputs, max_bytes))
        for n, item in enumerate(items):
            if n == len(items) - 1:
                store = open_store(db)
                stored_before_last.append(len(store.documents()))
                store.close()
            yield item

    monkeypatch.setattr(pipeline, "read_inputs", reading)
    report = pipeline.ingest([str(folder)], db, workers=workers)
    assert report.stored == 12
    assert stored_before_last and stored_before_last[0] >= 1


def test_a_run_stopped_before_linking_is_linked_by_the_next(
        small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "t.db")

    def stopped(store: object) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C as the documents were stored

    monkeypatch.setattr(pipeline, "link", stopped)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(small_corpus)], db, workers=1)
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.counts()["documents"] == 4 and store.unlinked()
    report = pipeline.ingest([str(small_corpus)], db, workers=1)
    assert (report.stored, report.unchanged) == (0, 4)
    with open_store(db) as store:
        assert not store.unlinked() and store.counts()["clusters"] > 0


def test_batches_shrink_as_the_inputs_end() -> None:
    """Full batches while inputs stream; once they end, ever smaller ones, so that the workers
    finish together."""
    analyser = pipeline.Analyser(workers=2, batch_size=16, model=None)  # not started: local
    for n in range(93):
        analyser.submit(RawDocument(id=f"d{n}", source=f"d{n}", text="x"))
    analyser._drain()
    sizes = [len(batch) for batch in analyser.local]
    assert sum(sizes) == 93 and max(sizes) == 16
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] <= 2


def test_a_killed_ingest_leaves_no_analysis_process(corpus_dir: Path, tmp_path: Path) -> None:
    """The analysis host and its workers end themselves when the ingest that started them is
    killed outright (no cleanup of its own runs)."""
    db = str(tmp_path / "killed.db")  # the processes' command line names it
    script = "import sys; from tripwire.cli import main; sys.argv[0] = 'tripwire'; main()"
    proc = subprocess.Popen([sys.executable, "-c", script, "ingest", str(corpus_dir),
                             "--db", db, "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_running_with(db)) < 3 and time.monotonic() < deadline:  # ingest, host, worker
        time.sleep(0.05)
    assert len(_running_with(db)) >= 3
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while _running_with(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running_with(db)


def _running_with(text: str) -> list[int]:
    """Processes (not zombies) whose command line holds ``text``."""
    out = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes()
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text.encode() in cmdline and state != "Z":
            out.append(int(proc.name))
    return out


def test_the_cli_starts_without_spacy_or_the_store() -> None:
    """What lets the analysis host fork early: the CLI and the pipeline import neither spaCy nor
    SQLAlchemy nor the sanctions matcher until a command needs them."""
    code = ("import sys, tripwire.cli, tripwire.pipeline; "
            "print(sorted(m for m in ('spacy', 'sqlalchemy', 'tripwire.sanctions') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_help_lists_the_sanctions_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("screen", "match", "lists", "ingest"):
        assert f"  {name} " in result.output

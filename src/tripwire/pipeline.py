"""The orchestrator: read → clean → metadata → nlp/extract → screen → store → link.

Each stage is a function of one document plus read-only resources (the spaCy model, lexicons,
sanctions lists); storage comes last, one transaction per document. Documents are analysed in
worker processes (``workers`` setting; :class:`Analyser`), stored by this process only, then
linked across documents (syndication groups, event clusters, stories).

This module imports neither spaCy nor the store at load time: with several workers the analysis
host is forked first, and loads the model while this process opens the database and reads.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tripwire import settings
from tripwire.clean import clean
from tripwire.errors import InputError, TripwireError
from tripwire.metadata import infer
from tripwire.model import Analysis, Document, content_hash
from tripwire.read import RawDocument, read_inputs

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from tripwire.store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    """What one ingest did: counts, and every rejected input with its reason."""

    stored: int = 0
    unchanged: int = 0
    events: int = 0
    rejected: list[InputError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + len(self.rejected)


# -- stages of one document -------------------------------------------------------------------


def raw_hash(raw: RawDocument) -> str:
    """Hash of everything an input carries; an unchanged hash means nothing to redo."""
    parts = (raw.text, raw.html, raw.url, raw.title, raw.date, raw.outlet, raw.language)
    return content_hash("\x1f".join(p or "" for p in parts))


def prepare(raw: RawDocument) -> Document:
    """Clean the input and settle its metadata: the document the later stages read."""
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise InputError(raw.source, "no article text could be extracted")
    meta = infer(raw, cleaned)
    return Document(
        id=raw.id,
        text=cleaned.text,
        url=meta.url,
        outlet=meta.outlet,
        outlet_inferred=meta.outlet_inferred,
        title=meta.title,
        published=meta.published,
        published_inferred=meta.published_inferred,
        language=raw.language or "en",
        source=raw.source,
        content_hash=raw_hash(raw),
    )


def analyse_batch(
    raws: Sequence[RawDocument], model: str | None = None
) -> list[Analysis | InputError]:
    """Prepare and analyse a batch; a document that fails becomes its InputError."""
    prepared: list[Document | InputError] = []
    for raw in raws:
        try:
            prepared.append(prepare(raw))
        except InputError as exc:
            prepared.append(exc)
        except Exception as exc:  # a library choking on one odd page must not stop the batch
            prepared.append(
                InputError(raw.source, f"cannot clean: {exc.__class__.__name__}: {exc}")
            )
    from tripwire import extract, nlp  # spaCy: imported where documents are analysed

    docs = [d for d in prepared if isinstance(d, Document)]
    analyses = iter(extract.analyse_many(docs, nlp.load(model)) if docs else [])
    return [next(analyses) if isinstance(d, Document) else d for d in prepared]


# -- resources shared by the stages -----------------------------------------------------------


_INDEX_LOCK = threading.Lock()


@functools.lru_cache(maxsize=2)
def _load_index(lists: str) -> Any:
    from tripwire import sanctions

    return sanctions.load_index([p for p in lists.split(",") if p])


def _screening(lists: str) -> Any:
    """The screening index of ``lists`` (comma-joined paths), built once per process."""
    with _INDEX_LOCK:
        return _load_index(lists)


def _prefetch_screening(lists: str) -> None:
    """Build the index in a thread while the workers parse; a failure is reported by its
    first real use instead."""

    def build() -> None:
        with contextlib.suppress(Exception):
            _screening(lists)

    threading.Thread(target=build, name="screening-index", daemon=True).start()


def enrich(analysis: Analysis, lists: str) -> Analysis:
    """Screen named parties against the sanctions lists and flag regime breaches."""
    from tripwire.sanctions import regimes, screen_entities

    entities = screen_entities(analysis.entities, _screening(lists)) if lists else analysis.entities
    events = regimes.annotate(analysis.events)
    return Analysis(analysis.document, tuple(entities), tuple(events), analysis.quotes)


# -- the run ----------------------------------------------------------------------------------


# Inputs read ahead of the workers: when the inputs end, these are cut into ever smaller
# batches so that no worker is left alone with a large last batch.
READ_AHEAD = 256
# Batches out with the workers at once, per worker: beyond, the ingest waits for a result, so
# that a large corpus is stored as it is read rather than held in memory.
IN_FLIGHT = 4


class Analyser:
    """Analyses batches of inputs: in this process when ``workers`` is 1, else in workers.

    With several workers, :meth:`start` forks a host process before this one has imported
    spaCy or the store. The host loads and warms the model (:func:`warm`) while this process
    opens the store and reads the inputs; then it forks the workers from its warm state, so
    they load nothing and share the model's memory, and watches them. The workers take the
    batches submitted here from one queue and put their results on another. :meth:`ready`
    yields the results back so far and :meth:`results` the rest, in submission order. The
    host and its workers are one process group, which :meth:`close` ends if still running.
    """

    def __init__(self, workers: int, batch_size: int, model: str | None) -> None:
        self.workers, self.batch_size, self.model = workers, batch_size, model
        self.host: BaseProcess | None = None
        self.tasks: Any = None  # multiprocessing queues: batches out, results back
        self.done: Any = None
        self.sent = 0  # batches handed out
        self.given = 0  # batches whose results were yielded
        self.arrived: dict[int, list[Analysis | InputError]] = {}
        self.finished = False  # every result of the host received
        self.queued: list[RawDocument] = []
        self.local: list[list[RawDocument]] = []

    def start(self) -> None:
        """Fork the host now (with several workers), so the model loads while inputs are read."""
        if self.workers <= 1 or self.host is not None:
            return
        ctx = multiprocessing.get_context("fork")
        self.tasks, self.done = ctx.Queue(), ctx.Queue()
        self.host = ctx.Process(target=_host, name="tripwire-analysis", daemon=False,
                                args=(self.model, self.workers, self.tasks, self.done))
        self.host.start()
        with contextlib.suppress(OSError):  # the host sets it too: whichever runs first
            os.setpgid(self.host.pid or 0, self.host.pid or 0)

    def submit(self, raw: RawDocument) -> None:
        """Queue one input; full batches go out while the inputs are further than
        :data:`READ_AHEAD` documents from their end."""
        self.queued.append(raw)
        if len(self.queued) >= READ_AHEAD:
            self._send(self.batch_size)

    def _drain(self) -> None:
        """Send what is queued once the inputs have ended, in ever smaller batches (a share of
        what is left per worker, halved), so that the workers finish together; a large batch
        is cheaper per document, since the parser reads its sentences together."""
        while self.queued:
            share = -(-len(self.queued) // (2 * max(self.workers, 1)))
            self._send(min(self.batch_size, max(2, share)))

    def _send(self, size: int) -> None:
        batch, self.queued = self.queued[:size], self.queued[size:]
        if self.host is None:
            self.local.append(batch)
            return
        while self.sent - self.given - len(self.arrived) >= IN_FLIGHT * self.workers:
            self._collect()  # enough out: wait for one back
        self.tasks.put((self.sent, batch))
        self.sent += 1

    def _collect(self) -> None:
        number, payload = self._receive()
        if isinstance(payload, str):  # a batch that failed, or a worker that died
            raise TripwireError(f"analysis failed: {payload}")
        self.arrived[number] = payload

    def ready(self) -> Iterator[Analysis | InputError]:
        """The results back so far, in submission order (in this process: the batches formed)."""
        while self.local:
            yield from analyse_batch(self.local.pop(0), self.model)
        while self.given in self.arrived:
            yield from self.arrived.pop(self.given)
            self.given += 1

    def results(self) -> Iterator[Analysis | InputError]:
        """Every remaining result, in submission order, once the inputs have ended."""
        self._drain()
        yield from self.ready()
        if self.host is None:
            return
        for _ in range(self.workers):  # no more batches: each worker stops at one of these
            self.tasks.put(None)
        while self.given < self.sent:
            self._collect()
            yield from self.ready()
        self.finished = True

    def _receive(self) -> tuple[int, list[Analysis | InputError] | str]:
        assert self.host is not None
        while True:
            try:
                return self.done.get(timeout=1.0)  # type: ignore[no-any-return]
            except queue.Empty:
                if not self.host.is_alive():
                    raise TripwireError(f"analysis failed: its process exited with code "
                                        f"{self.host.exitcode}") from None

    def close(self) -> None:
        """Wait for the host once its work is done; end its process group otherwise."""
        host, self.host = self.host, None
        if host is None:
            return
        if self.finished:
            host.join(timeout=30)
        if host.is_alive() and host.pid is not None:
            try:
                os.killpg(host.pid, signal.SIGTERM)
            except ProcessLookupError:
                host.terminate()
            host.join()
        for q in (self.tasks, self.done):
            q.cancel_join_thread()
            q.close()


def _host(model: str | None, workers: int, tasks: Any, done: Any) -> None:
    """The analysis host (see :class:`Analyser`): warm the model, fork the workers, watch them.

    A worker that dies is reported on ``done`` (index -1) and the group is ended; so it is when
    the ingest that started the host is gone.
    """
    os.setpgid(0, 0)  # one group with its workers, so that they can be ended together
    parent = os.getppid()
    try:
        warm(model)
    except BaseException as exc:
        done.put((-1, f"{exc.__class__.__name__}: {exc}"))
        return
    # The warm model goes to the permanent generation: the workers' collections skip it, and
    # do not write to (and so copy) the memory pages they share with this process.
    gc.freeze()
    ctx = multiprocessing.get_context("fork")
    running: dict[Any, BaseProcess] = {}
    for _ in range(workers):
        started = ctx.Process(target=_work, args=(model, tasks, done), name="tripwire-worker")
        started.start()
        running[started.sentinel] = started
    while running:
        for sentinel in multiprocessing.connection.wait(list(running), timeout=1.0):
            ended = running.pop(sentinel)
            ended.join()
            if ended.exitcode:
                done.put((-1, f"a worker process exited with code {ended.exitcode}"))
                _end_group(done)
        if os.getppid() != parent:  # the ingest is gone: so are we, workers and all
            _end_group(done)


def _end_group(done: Any) -> None:
    done.close()
    done.join_thread()  # what is on the queue reaches the ingest first
    os.killpg(0, signal.SIGKILL)


def _work(model: str | None, tasks: Any, done: Any) -> None:
    """One worker: analyse batches from ``tasks`` until a ``None``, results onto ``done``."""
    while (item := tasks.get()) is not None:
        index, batch = item
        try:
            payload: list[Analysis | InputError] | str = analyse_batch(batch, model)
        except Exception as exc:  # a bug on one batch: reported as the ingest's error
            payload = f"{exc.__class__.__name__}: {exc}"
        done.put((index, payload))


# What warm() analyses: enough to touch every rule, lexicon and helper once.
_WARM_TEXT = (
    "North Korea has shipped more than 1,000 containers of artillery shells to Russia since "
    "August, the White House said on Friday. Pyongyang denied the reports. The two leaders met "
    "in Vladivostok and signed an agreement, and Washington imposed sanctions."
)


def warm(model: str | None) -> None:
    """Load the model and everything the analysis reads lazily, by analysing a short text."""
    analyse_batch([RawDocument(id="warm", source="warm", text=_WARM_TEXT, date="2023-10-13")],
                  model)


def ingest(
    inputs: Sequence[str],
    store: Store | str | None,
    *,
    workers: int | None = None,
    lists: Sequence[str] = (),
    model: str | None = None,
    on_progress: Progress | None = None,
    on_reject: Callable[[InputError], None] | None = None,
) -> IngestReport:
    """Read every input, analyse the new or changed documents, store them and link them.

    ``store`` is an open store, or a database URL or path (None: the ``db`` setting) that is
    opened here, once the analysis has started, and closed at the end.
    """
    report = IngestReport()
    workers = workers if workers is not None else settings.get_int("workers")
    list_key = ",".join(lists)
    analyser = Analyser(workers, settings.get_int("batch_size"), model)
    analyser.start()
    if list_key:  # after the fork: a fork must not copy a busy thread
        _prefetch_screening(list_key)
    try:
        if isinstance(store, str) or store is None:
            from tripwire.store import open_store

            with open_store(store) as opened:
                return _run(inputs, opened, analyser, list_key, report, on_progress, on_reject)
        return _run(inputs, store, analyser, list_key, report, on_progress, on_reject)
    finally:
        analyser.close()


def _run(inputs: Sequence[str], store: Store, analyser: Analyser, list_key: str,
         report: IngestReport, on_progress: Progress | None,
         on_reject: Callable[[InputError], None] | None) -> IngestReport:
    known = store.known()

    def reject(err: InputError) -> None:
        report.rejected.append(err)
        if on_reject:
            on_reject(err)
        if on_progress:
            on_progress(1)

    def keep(results: Iterator[Analysis | InputError]) -> None:
        for result in results:
            if isinstance(result, InputError):
                reject(result)
                continue
            saved = store.save(enrich(result, list_key))
            report.stored += saved
            report.unchanged += not saved
            report.events += len(result.events) if saved else 0
            if on_progress:
                on_progress(1)

    for item in read_inputs(inputs, settings.get_int("max_bytes")):
        if isinstance(item, InputError):
            reject(item)
        elif known.get(item.id) == raw_hash(item):
            report.unchanged += 1
            if on_progress:
                on_progress(1)
        else:
            known[item.id] = raw_hash(item)
            analyser.submit(item)
            keep(analyser.ready())  # stored as they come back, while the inputs are read
    keep(analyser.results())
    if report.stored or store.unlinked():  # new documents, or ones an interrupted run left
        link(store)
    return report


def link(store: Store) -> None:
    """Group syndicated copies, cluster events across documents, and build stories.

    Clustering runs over every stored event in a canonical order (report date, document,
    event), so the clusters and their ids do not depend on the order documents arrived in:
    ingesting a corpus in two halves, in any split, gives the clusters of ingesting it at once.
    """
    from tripwire.stories import clusters as cl
    from tripwire.stories import stories as st
    from tripwire.stories import syndication

    documents = store.documents()
    groups = syndication.assign_groups(documents)
    by_id = {d.id: d.replace(syndication_group=groups.get(d.id)) for d in documents}
    events = store.events()
    assignment = cl.assign_clusters(events, by_id)
    events = [e.replace(cluster=assignment.get(e.id, e.cluster)) for e in events]
    clusters = cl.build_clusters(events, by_id)
    stories = st.build_stories(clusters, events)
    clusters = st.assign_stories(clusters, stories)
    store.save_links(groups, assignment, clusters, [s.to_dict() for s in stories])


def safe_ingest(*args: Any, **kwargs: Any) -> IngestReport:
    """:func:`ingest`, with unexpected failures turned into one TripwireError."""
    try:
        return ingest(*args, **kwargs)
    except TripwireError:
        raise
    except Exception as exc:  # the one error boundary of a run
        raise TripwireError(f"ingest failed: {exc.__class__.__name__}: {exc}") from exc

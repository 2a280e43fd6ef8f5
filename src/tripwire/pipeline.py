"""The orchestrator: read → clean → metadata → nlp/extract → screen → store → link.

Each stage is a function of one document plus read-only resources (the spaCy model, lexicons,
sanctions lists); storage comes last, one transaction per document. Documents are analysed in
worker processes (``workers`` setting), stored by this process only, then linked across
documents (syndication groups, event clusters, stories).
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from tripwire import extract, nlp, settings
from tripwire.clean import clean
from tripwire.errors import InputError, TripwireError
from tripwire.metadata import infer
from tripwire.model import Analysis, Document, content_hash
from tripwire.read import RawDocument, read_inputs
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


class Analyser:
    """Analyses batches of inputs, in worker processes when ``workers`` > 1.

    At the first new document this process loads the spaCy model and warms it (lexicons read,
    matchers and patterns compiled, caches filled) by analysing a short text, then forks the
    workers, which inherit all of it: no worker loads anything, and the pages of the model are
    shared until written. Results come back in submission order. ``on_start`` runs once the
    workers exist.
    """

    def __init__(
        self,
        workers: int,
        batch_size: int,
        model: str | None,
        on_start: Callable[[], None] | None = None,
    ) -> None:
        self.workers, self.batch_size, self.model = workers, batch_size, model
        self.on_start = on_start
        self.pool: ProcessPoolExecutor | None = None
        self.batch: list[RawDocument] = []
        self.pending: list[Future[list[Analysis | InputError]] | list[RawDocument]] = []

    def submit(self, raw: RawDocument) -> None:
        if self.workers > 1 and self.pool is None:
            warm(self.model)
            ctx = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
            self._started()
        self.batch.append(raw)
        if len(self.batch) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        if not self.batch:
            return
        if self.pool is not None:
            self.pending.append(self.pool.submit(analyse_batch, self.batch, self.model))
        else:
            self.pending.append(self.batch)
        self.batch = []

    def _started(self) -> None:
        if self.on_start is not None:
            on_start, self.on_start = self.on_start, None
            on_start()

    def results(self) -> Iterator[Analysis | InputError]:
        self._flush()
        self._started()
        for item in self.pending:
            if isinstance(item, Future):
                yield from item.result()
            else:
                yield from analyse_batch(item, self.model)
        self.pending = []

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


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
    store: Store,
    *,
    workers: int | None = None,
    lists: Sequence[str] = (),
    model: str | None = None,
    on_progress: Progress | None = None,
    on_reject: Callable[[InputError], None] | None = None,
) -> IngestReport:
    """Read every input, analyse the new or changed documents, store them and link them."""
    report = IngestReport()
    workers = workers if workers is not None else settings.get_int("workers")
    list_key = ",".join(lists)
    known = store.known()
    # The index thread starts after the workers are forked: a fork must not copy a busy thread.
    analyser = Analyser(
        workers,
        settings.get_int("batch_size"),
        model,
        on_start=lambda: _prefetch_screening(list_key) if list_key else None,
    )

    def reject(err: InputError) -> None:
        report.rejected.append(err)
        if on_reject:
            on_reject(err)
        if on_progress:
            on_progress(1)

    try:
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
        for result in analyser.results():
            if isinstance(result, InputError):
                reject(result)
                continue
            saved = store.save(enrich(result, list_key))
            report.stored += saved
            report.unchanged += not saved
            report.events += len(result.events) if saved else 0
            if on_progress:
                on_progress(1)
    finally:
        analyser.close()
    if report.stored:
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

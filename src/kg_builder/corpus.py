"""Build many documents: every core parses, one process writes the store, unchanged documents are skipped.

Reading, parsing and extraction (``pipeline.extract_document``) run in a pool
of worker processes, each with its own spaCy pipeline (forked from the loaded
one where the platform allows). The main process turns each result into its
graph and writes it, in the order of the files, so the store comes out the same
as a one-process build: an entity keeps the label the first document gave it.
New documents are stored in batches of a few dozen (``Store.batch``), each
document's hash recorded once its batch is in.
At most ``AHEAD x jobs`` documents are in flight, so memory does not grow with the
corpus. A document whose input files and pipeline (code, ontology folder,
model) are unchanged since it was last built is skipped unless ``force``.
A failing document (or one over the limits) is reported and the others are
built; a failed write to the store stops the batch, keeping what was stored.
Ctrl-C stops the batch too: the document being written is finished first,
the workers' documents in progress are dropped, and the summary names the
documents kept.
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

from . import pipeline, resources
from .errors import InputError, KgError, StoreError
from .model import Limits, SourceFile
from .sources import input_files
from .store import Store

_PACKAGE = Path(__file__).resolve().parent
_FAILED = "failed: "  # recorded instead of a graph IRI when the document failed
AHEAD = 2  # groups of documents submitted per worker ahead of the one being written (see _in_order)
POLL_S = 0.2  # how often a build waiting on its workers looks for a Ctrl-C
# Documents a worker parses together (spaCy's batches: the parser and the entity recogniser step
# through them side by side): the same parses, and for the 183 essays 33.9 s of spaCy's CPU
# against 36.4 s one by one (each group both ways, back to back, in one process)
GROUP = 16
_worker_pipeline: pipeline.Pipeline | None = None  # set in the parent before forking, or by _start_worker


@dataclass(frozen=True)
class BuildSummary:
    total: int
    built: int
    unchanged: int
    failed: tuple[tuple[str, str], ...]  # (document id, error)
    words: int
    seconds: float
    kept: tuple[str, ...] = ()  # ids of the documents built (or extracted) in this run, in order
    interrupted: bool = False  # stopped by Ctrl-C before every document was done

    def text(self, into: object = None) -> str:
        """The summary; ``into`` names where the documents went (a store folder, an output folder)."""
        rate = f"{self.built / self.seconds:.1f} docs/s, {self.words / self.seconds:,.0f} words/s" \
            if self.seconds > 0 and self.built else "nothing parsed"
        lines = [f"built {self.built}, unchanged {self.unchanged} (skipped), failed {len(self.failed)} "
                 f"of {self.total} documents in {_clock(self.seconds)} ({rate})" + (f" into {into}" if into else "")]
        lines += [f"  failed: {name}: {error}" for name, error in self.failed]
        if self.interrupted:
            left = self.total - self.built - self.unchanged - len(self.failed)
            lines.append(f"interrupted: kept the {self.built} documents built before Ctrl-C"
                         + (f" ({', '.join(self.kept)})" if self.kept else "")
                         + f" and the {self.unchanged} unchanged; {left} not built (the next build does them)")
        return "\n".join(lines)


def build_corpus(files: list[SourceFile], store_dir: Path, *, jobs: int = 1, force: bool = False,
                 model: str | None = None, limits: Limits | None = None,
                 say: Callable[[str], None] = lambda _m: None) -> BuildSummary:
    """Build ``files`` into the store at ``store_dir`` with ``jobs`` parsing processes, each document
    within ``limits``. A StoreError (the store cannot be written) stops the batch."""
    started = time.perf_counter()
    limits = limits or Limits()
    fingerprint = pipeline_fingerprint(model, limits)
    hashes = {_key(f): source_hash(f.path, fingerprint) for f in files}
    with Store.open(store_dir) as store:  # first what is there: with nothing to do, no model is loaded
        store.ensure_ontology(resources.ontology_file())
        recorded, stored = store.build_hashes(), set(store.document_graphs())
    todo = [f for f in files if force or not _unchanged(recorded.get(_key(f)), hashes[_key(f)], stored)]
    failed_before = [(f.doc_id, recorded[_key(f)][1][len(_FAILED):] + " (unchanged since; --force retries)")
                     for f in files if f not in todo and recorded[_key(f)][1].startswith(_FAILED)]
    if not todo:
        return BuildSummary(len(files), 0, len(files) - len(failed_before), tuple(failed_before), 0,
                            time.perf_counter() - started)
    waiting: dict[str, str] = {}  # graph IRI -> key of its document, until the batch holding it is stored
    unsaved = 0  # documents stored since the hashes were last written
    with _executor(jobs, model) as pool, Store.open(store_dir) as store:  # workers fork before the store opens

        def stored(graphs: list[str]) -> None:  # a document's hash is recorded once its graph is in, never before
            nonlocal unsaved
            for graph in graphs:
                key = waiting.pop(graph)
                recorded[key] = (hashes[key], graph)
            unsaved += len(graphs)
            if unsaved >= 20 or len(graphs) > 1:  # after each bulk load; a hash not saved only means a rebuild
                store.record_build_hashes(recorded)
                unsaved = 0

        with store.batch(on_commit=stored) as batch:

            def write(source: SourceFile, extracted: pipeline.Extracted) -> str:
                built = pipeline.to_built(extracted, batch.labels)
                waiting[built.graph_iri] = _key(source)
                triples = batch.add(built.graph_iri, built.ntriples)
                return f"{built.fact_count} facts, {triples} triples"

            run = _run(pool, todo, jobs, limits, write, say)
            with _interrupt_deferred():  # the documents counted as kept are stored, even on Ctrl-C
                batch.commit()
        for source, error in run.failed:  # the same input would fail the same way: not parsed again until it changes
            recorded[_key(source)] = (hashes[_key(source)], _FAILED + error)
        store.record_build_hashes(recorded)
        if not run.interrupted:  # after Ctrl-C, the user waits for no more than what was built
            batch.compact(on_start=lambda: say("compacting the store's new files"))
    failures = tuple(failed_before) + tuple((source.doc_id, error) for source, error in run.failed)
    return BuildSummary(len(files), len(run.kept), len(files) - len(todo) - len(failed_before), failures, run.words,
                        time.perf_counter() - started, run.kept, run.interrupted)


def extract_corpus(files: list[SourceFile], out_dir: Path, *, jobs: int = 1, model: str | None = None,
                   limits: Limits | None = None, say: Callable[[str], None] = lambda _m: None) -> BuildSummary:
    """Extract each document into ``out_dir/DOC_ID.nq`` (its named graph), with no store; a '/' in
    the id is written %2F (ids are percent-encoded, so the name stays unambiguous)."""
    from .export import write_atomic

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)

    def write(_source: SourceFile, extracted: pipeline.Extracted) -> str:
        built = pipeline.to_built(extracted)
        quads = "".join(f"{line[:-2]} <{built.graph_iri}> .\n" for line in built.ntriples.splitlines() if line)
        name = built.document.doc_id.replace("/", "%2F") + ".nq"
        write_atomic(out_dir / name, quads.encode("utf-8"))
        return f"{built.fact_count} facts -> {name}"

    with _executor(jobs, model) as pool:
        run = _run(pool, files, jobs, limits or Limits(), write, say)
    return BuildSummary(len(files), len(run.kept), 0, tuple((f.doc_id, error) for f, error in run.failed), run.words,
                        time.perf_counter() - started, run.kept, run.interrupted)


def read_nquads(path: Path) -> dict[str, str]:
    """Graph IRI -> its triples as N-Triples, from an N-Quads file; a triple outside a named graph is an error."""
    try:
        quads = list(ox.parse(path.read_bytes(), ox.RdfFormat.N_QUADS))
    except (OSError, SyntaxError) as e:
        raise InputError(f"{path}: not a readable N-Quads file: {e}") from e
    graphs: dict[str, list[str]] = {}
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise InputError(f"{path}: the triple {quad.triple} is in no named graph",
                             hint="kg load takes the files kg extract writes: one named graph per document")
        graphs.setdefault(quad.graph_name.value, []).append(f"{quad.triple} .\n")
    return {g: "".join(lines) for g, lines in graphs.items()}


@dataclass(frozen=True)
class _Run:
    kept: tuple[str, ...]  # ids of the documents written, in order
    failed: tuple[tuple[SourceFile, str], ...]
    words: int
    interrupted: bool


def _run(pool: Executor, sources: list[SourceFile], jobs: int, limits: Limits,
         write: Callable[[SourceFile, pipeline.Extracted], str], say: Callable[[str], None]) -> _Run:
    """Extract ``sources`` in the pool and ``write`` each in order, until done or Ctrl-C."""
    meter = _Meter(len(sources), say)
    kept: list[str] = []
    failed: list[tuple[SourceFile, str]] = []
    try:
        # Ctrl-C stops the build between documents, never inside the pool's own code: raised while submitting, it
        # could leave a lock of the pool's queues held, and the pool's threads wait on it at exit for ever (a build
        # hung so). A document is written, counted and reported, or none of these.
        with _interrupt_deferred() as stop_if_asked:
            for group, pending in _in_order(pool, sources, jobs, limits):
                for source, outcome in zip(group, _outcomes(pending, len(group), stop_if_asked)):
                    try:
                        if isinstance(outcome, Exception):
                            raise outcome
                        what = write(source, outcome)
                        kept.append(source.doc_id)
                        meter.step(source.doc_id, what, len(outcome.document.text.split()))
                    except StoreError:
                        raise  # a full disk fails every document alike: stop at the first
                    except Exception as e:  # one bad document must not cost the others; reported in the summary
                        failed.append((source, str(e) if isinstance(e, KgError) else f"{type(e).__name__}: {e}"))
                        meter.step(source.doc_id, f"error: {failed[-1][1]}", 0)
                    stop_if_asked()
    except KeyboardInterrupt:
        say(f"Ctrl-C: stopping after {len(kept)} documents written; waiting for the workers to drop theirs")
        _stop_workers(pool)
        return _Run(tuple(kept), tuple(failed), meter.words, interrupted=True)
    return _Run(tuple(kept), tuple(failed), meter.words, interrupted=False)


def _stop_workers(pool: Executor) -> None:
    """No worker outlives the build, and none is waited for: the documents they hold are dropped, and a worker caught
    writing one back while the pool shuts down could wait on the pool as the pool waits on it (a build hung so)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # a process pool's; other pools have none
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=30)


def _outcomes(pending: Future | Callable[[], list], count: int,
              stop_if_asked: Callable[[], None]) -> list[pipeline.Extracted | Exception]:
    """A group's documents, each extracted or its error; a worker that died fails them all. A Ctrl-C while the
    workers are at it stops the wait."""
    try:
        if not isinstance(pending, Future):
            return pending()
        while not wait([pending], timeout=POLL_S).done:
            stop_if_asked()
        return pending.result()
    except Exception as e:  # noqa: BLE001 -- reported for each of the group's documents
        return [e] * count


@contextmanager
def _interrupt_deferred() -> Iterator[Callable[[], None]]:
    """Hold a Ctrl-C until the block is done, then raise it: the summary then tells exactly what was kept. Inside,
    the function given raises it at a point the block chooses."""
    caught: list[int] = []

    def stop_if_asked() -> None:
        if caught:
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        yield stop_if_asked  # only the main thread receives signals; a build started with Ctrl-C ignored (nohup)
        return  # ignores it
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield stop_if_asked
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


def pipeline_fingerprint(model: str | None, limits: Limits | None = None) -> str:
    """A hash of what turns a text into triples: this package's code, the ontology folder, the model
    name, and the limits (a document skipped for its size is retried under a higher limit). Python's bytecode
    caches are left out: another process compiling the package writes temporary files there."""
    digest = hashlib.sha256(f"{model} {limits or Limits()}".encode())
    folders = [_PACKAGE, resources.ontology_dir()]
    for path in sorted(p for folder in folders for p in folder.rglob("*")
                       if p.is_file() and "__pycache__" not in p.relative_to(folder).parts):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def source_hash(path: Path, fingerprint: str) -> str:
    """A hash of a document's input files and the pipeline that reads them."""
    digest = hashlib.sha256(fingerprint.encode())
    for part in input_files(path):
        try:
            digest.update(part.name.encode() + b"\0" + part.read_bytes())
        except OSError:
            digest.update(b"unreadable")  # building it will report the error
    return digest.hexdigest()


def _key(source: SourceFile) -> str:
    """Where a document's build is recorded: its file and its id (the same file may be built under
    two ids, given alone and in its folder)."""
    return f"{source.path.resolve()} {source.doc_id}"


def _unchanged(entry: tuple[str, str] | None, current_hash: str, stored: set[str]) -> bool:
    """Built (or failed) from the same input and pipeline, and its graph still there."""
    return entry is not None and entry[0] == current_hash and (entry[1] in stored or entry[1].startswith(_FAILED))


# -- running the workers -------------------------------------------------------


class _InProcess(Executor):
    """One process: no pool; each document is extracted when its turn comes."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        return lambda: fn(*args, **kwargs)


@contextmanager
def _executor(jobs: int, model: str | None) -> Iterator[Executor]:
    """Workers holding the pipeline: forked from this process once it has loaded it, where possible.

    The loaded pipeline's objects are left out of Python's garbage collections for the build's time,
    here and in the forked workers: the model lives as long as the build, and scanning its objects
    again at every full collection cost about 0.2 s of CPU per 100 documents in each process."""
    global _worker_pipeline
    _worker_pipeline = pipeline.load_pipeline(model)
    gc.freeze()
    try:
        if jobs <= 1:
            yield _InProcess()
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(model, os.getpid())) as pool:
            for started in [pool.submit(_ready) for _ in range(jobs)]:  # start every worker now
                started.result()
            yield pool
    finally:
        gc.unfreeze()


def _ready() -> bool:
    return True


def _start_worker(model: str | None, parent: int) -> None:
    global _worker_pipeline
    _die_with(parent)
    # Ctrl-C reaches every process of the terminal's group: the main process alone decides what stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker_pipeline is None:  # spawned, not forked: load our own
        _worker_pipeline = pipeline.load_pipeline(model)


def _die_with(parent: int) -> None:
    """A worker ends when the build that started it is killed (even with SIGKILL), instead of lingering."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _extract(source: SourceFile, limits: Limits) -> pipeline.Extracted:
    assert _worker_pipeline is not None
    return pipeline.extract_document(source, _worker_pipeline, limits)


def _extract_group(sources: list[SourceFile], limits: Limits) -> list[pipeline.Extracted | Exception]:
    """A worker's task: each document extracted, or its error, the group's texts parsed together."""
    assert _worker_pipeline is not None
    outcomes: list[pipeline.Extracted | Exception] = []
    with pipeline.parsed_together(_worker_pipeline, sources, limits):
        for source in sources:
            try:
                outcomes.append(_extract(source, limits))
            except Exception as e:  # noqa: BLE001 -- one bad document must not cost the others
                outcomes.append(e)
    return outcomes


def _in_order(pool: Executor, sources: list[SourceFile], jobs: int, limits: Limits):
    """(group of sources, its pending outcomes) in the order of ``sources``, with at most AHEAD
    groups per worker submitted ahead.

    Written in order, a long document at the head holds back the writes of the others: the
    workers need enough queued behind it to stay busy meanwhile."""
    pending: deque = deque()
    for group in _groups(sources, jobs, limits):
        pending.append((group, pool.submit(_extract_group, group, limits)))
        if len(pending) >= AHEAD * max(jobs, 1):
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _groups(sources: list[SourceFile], jobs: int, limits: Limits) -> Iterator[list[SourceFile]]:
    """Consecutive sources, GROUP at a time for a pool, one at a time in a single process.

    A group keeps each worker busy for a while: a few documents spread over the workers go one
    by one. Its files together stay under the length limit of one document, so that a group
    takes no more of a worker's memory than the longest document may."""
    size = max(1, min(GROUP, len(sources) // (4 * jobs))) if jobs > 1 else 1
    group: list[SourceFile] = []
    held = 0  # bytes of the group's files
    for source in sources:
        try:
            length = source.path.stat().st_size
        except OSError:
            length = 0  # extracting it reports the error
        if group and (len(group) == size or held + length > limits.max_chars):
            yield group
            group, held = [], 0
        group.append(source)
        held += length
    if group:
        yield group


class _Meter:
    """Progress on stderr: a bar, the rate and the time left."""

    def __init__(self, total: int, say: Callable[[str], None]) -> None:
        self.total, self.say, self.done, self.words = total, say, 0, 0
        self.started = time.perf_counter()

    def step(self, name: str, what: str, words: int) -> None:
        self.done += 1
        self.words += words
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        filled = round(20 * self.done / self.total) if self.total else 20
        self.say(f"[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} {name}: {what}"
                 f" | {rate:.1f} docs/s, {self.words / elapsed if elapsed else 0:,.0f} words/s, "
                 f"{_clock(left)} left")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"

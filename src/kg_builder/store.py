"""The embedded triple store: the only module that knows where triples live.

A store is a folder holding an Oxigraph (RocksDB) database. Each document
lives in its own named graph; the ontology lives in ``ONTOLOGY_GRAPH``.
Queries see the union of all named graphs as their default graph. Writes are
single transactions: a failed write leaves the store as it was. A corpus build
writes its new graphs in bulk batches (``GraphBatch``) behind a journal, so
that a build cut short anywhere leaves each document whole or absent too.

The store's default graph holds that union, each triple once, kept in step
by every write. Queries read it instead of asking Oxigraph for the union of
the named graphs, because pyoxigraph 0.5.13 answers such a union with one
solution per graph holding a triple (oxigraph issue 1919): "how many
persons" would count a person once per document naming them. SPARQL's bag
semantics stay as they are: only copies of one triple in several graphs are
merged, honest duplicate solutions are kept.
"""
from __future__ import annotations

import itertools
import json
import os
import queue
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, TypeVar

import pyoxigraph as ox
import rdflib

from . import sparql
from .errors import (InputError, KgError, QueryError, QueryRefused, StoreDamagedError, StoreError, StoreWriteError,
                     ValidationSetupError)
from .rdf import ANSWERS_GRAPH, DOCUMENT_GRAPHS, ONTOLOGY_GRAPH

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_LABEL_LINE = f" {RDFS_LABEL} \""  # in a line of N-Triples that may give a label (its object a literal)

_T = TypeVar("_T")


@dataclass(frozen=True)
class Term:
    """One RDF term of a query answer."""

    kind: str  # "uri" | "literal" | "bnode" | "triple"
    value: str  # the IRI, the literal's lexical form or the blank node id
    nt: str  # the term in N-Triples syntax
    datatype: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query, as plain values (and the typed terms behind them)."""

    kind: str  # "select" | "ask" | "construct"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str | None, ...], ...] = ()
    boolean: bool | None = None
    graph_ntriples: str | None = None
    truncated: bool = False
    terms: tuple[tuple[Term | None, ...], ...] = ()


class _Workers:
    """Daemon threads that run queries, each kept when idle for a later query.

    Starting a thread per query cost as much as a small query itself (0.1-1 ms, more on a busy
    machine), and validation asks a few hundred. A query that finds no idle worker gets a new
    one, so a query abandoned at its deadline, still running, never delays another.
    """

    MAX_IDLE = 4  # enough for `kg serve`, which answers a few requests at once; more would only sit

    def __init__(self) -> None:
        self._idle: list[queue.SimpleQueue[Callable[[], None]]] = []
        self._lock = threading.Lock()

    def run(self, job: Callable[[], None]) -> None:
        with self._lock:
            inbox = self._idle.pop() if self._idle else None
        if inbox is None:
            inbox = queue.SimpleQueue()
            threading.Thread(target=self._serve, args=(inbox,), name="kg-query", daemon=True).start()
        inbox.put(job)

    def forget(self) -> None:
        """Drop the idle workers (in a forked child, whose copy of them has no thread behind it)."""
        self._idle = []
        self._lock = threading.Lock()

    def _serve(self, inbox: queue.SimpleQueue[Callable[[], None]]) -> None:
        while True:
            inbox.get()()
            with self._lock:
                if len(self._idle) >= self.MAX_IDLE:
                    return
                self._idle.append(inbox)


_WORKERS = _Workers()
os.register_at_fork(after_in_child=_WORKERS.forget)


class RowStream:
    """The rows of a SELECT as a worker thread reads them from the store, within a deadline.

    Iterate it for the rows (tuples of Term or None); ``truncated`` is set once the
    iteration has ended at the row limit. The worker hands rows over in batches of up to
    ``BATCH`` (a hand-over per row cost about as much as reading the row); a batch goes
    early when a row comes more than ``BATCH_WAIT_S`` after its first, so that the rows
    of a slow query are not held back long. At most ``BUFFER`` batches wait in memory:
    the worker waits for the reader.
    """

    BATCH = 200
    BATCH_WAIT_S = 0.1
    BUFFER = 5

    def __init__(self, timeout_s: float | None) -> None:
        self.variables: tuple[str, ...] = ()
        self.truncated = False
        self._timeout_s = timeout_s
        self._deadline = None if timeout_s is None else time.monotonic() + timeout_s
        self._items: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=self.BUFFER)
        self._cancelled = threading.Event()

    def start(self, run: Callable[[threading.Event], None]) -> RowStream | QueryResult:
        """Run ``run`` in a worker; the whole result of a non-SELECT query, else this stream."""
        def work() -> None:
            try:
                run(self._cancelled)
            except SyntaxError as e:
                self.put("error", QueryError(f"invalid SPARQL: {e}"))
            except (OSError, RuntimeError, ValueError, TypeError) as e:
                self.put("error", QueryError(f"the query failed: {e}"))

        _WORKERS.run(work)
        kind, value = self._next()
        if kind == "result":
            return value  # type: ignore[return-value]
        self.variables = value  # type: ignore[assignment]
        return self

    def put(self, kind: str, value: object) -> bool:
        """Hand an item to the reader; False when the reader has gone (the worker should stop)."""
        while not self._cancelled.is_set():
            try:
                self._items.put((kind, value), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[tuple[Term | None, ...]]:
        try:
            while True:
                kind, value = self._next()
                if kind == "end":
                    self.truncated = bool(value)
                    return
                yield from value  # type: ignore[misc]
        finally:
            self._cancelled.set()

    def _next(self) -> tuple[str, object]:
        left = None if self._deadline is None else self._deadline - time.monotonic()
        try:
            kind, value = self._items.get(timeout=None if left is None else max(left, 0))
        except queue.Empty:
            self._cancelled.set()
            raise QueryError(f"the query did not finish within {self._timeout_s:g} s",
                             hint="narrow the query, add a LIMIT or raise --timeout") from None
        if kind == "error":
            self._cancelled.set()
            raise value  # type: ignore[misc]
        return kind, value


class Store:
    """A store folder on disk; use ``Store.open`` and close it (or use ``with``)."""

    def __init__(self, path: Path, inner: ox.Store, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._ox: ox.Store | None = inner

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> Store:
        """Open the store in ``path``; create it when missing and ``create`` is set.

        ``read_only`` opens a snapshot that other processes may write meanwhile.
        """
        path = Path(path)
        _check_folder(path, must_exist=read_only or not create)
        try:
            path.mkdir(parents=True, exist_ok=True)
            inner = _read_only(path) if read_only else ox.Store(str(path))
            if read_only and _lacks_union(inner):
                inner = _upgraded(path)
            if read_only and (path / _JOURNAL).exists():
                inner = _without_unfinished_batch(path, inner)
        except (OSError, RuntimeError) as e:
            if "lock" in str(e).lower():
                raise StoreError(f"the store {path} is in use by another process",
                                 hint="wait for the other kg command to finish") from e
            if isinstance(e, RuntimeError) or "corrupt" in str(e).lower():
                raise _damaged(path, e) from e
            raise StoreError(f"cannot open the store {path}: {_reason(e)}") from e
        store = cls(path, inner, read_only)
        if not read_only and (path / _JOURNAL).exists():
            store._undo_batch()
        if not read_only and _lacks_union(inner):
            store._update(_FILL_UNION)
        return store

    @classmethod
    def from_file(cls, path: Path) -> Store:
        """A read-only store in memory holding an export (TriG, N-Quads, Turtle, N-Triples, RDF/XML).

        Triples outside any named graph go into one graph named after the file.
        """
        path = Path(path)
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
        if fmt is None:
            raise InputError(f"{path}: cannot tell the RDF format from the file name",
                             hint="use .trig, .nq, .ttl, .nt or .rdf")
        try:
            quads = list(ox.parse(path=str(path), format=fmt))
        except OSError as e:
            raise InputError(f"cannot read {path}: {e.strerror or e}") from e
        except SyntaxError as e:
            raise InputError(f"{path} is not valid {fmt.name}: {e}") from e
        own = ox.NamedNode(path.resolve().as_uri())
        inner = ox.Store()
        inner.extend(ox.Quad(q.subject, q.predicate, q.object, own if q.graph_name == ox.DefaultGraph() else q.graph_name)
                     for q in quads)
        inner.update(_FILL_UNION)
        return cls(path, inner, read_only=True)

    def close(self) -> None:
        if self._ox is not None:
            inner, self._ox = self._ox, None
            if not self.read_only:
                self._write_to(inner, inner.flush)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            self.close()
        except StoreError:
            if exc_type is None:
                raise  # else the first error is the one to report

    @property
    def _db(self) -> ox.Store:
        if self._ox is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._ox

    def _read(self, read: Callable[[], _T]) -> _T:
        try:
            return read()
        except (OSError, RuntimeError) as e:
            raise _damaged(self.path, e) from e

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph_iri: str, ntriples: str) -> int:
        """Replace the named graph with the given N-Triples in one transaction.

        Returns the number of distinct triples now in the graph. Invalid
        N-Triples raise InputError before the store is touched.
        """
        graph = _named_node(graph_iri)
        statements = _parse(ntriples, ox.RdfFormat.N_TRIPLES, f"the triples for <{graph_iri}>")
        self._replace(graph, statements)
        return len(set(statements))

    def batch(self, on_commit: Callable[[list[str]], None] = lambda _graphs: None) -> GraphBatch:
        """A writer of many documents' graphs (see GraphBatch); ``on_commit`` hears which graphs are stored."""
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        return GraphBatch(self, on_commit)

    def _file_bytes(self) -> int:
        """The size of the database's sorted files (RocksDB's *.sst) on disk."""
        total = 0
        for entry in os.scandir(self.path):
            try:
                total += entry.stat().st_size if entry.name.endswith(".sst") else 0
            except FileNotFoundError:  # compacted away by RocksDB's own threads meanwhile
                continue
        return total

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop a named graph; False when there was none."""
        graph = _named_node(graph_iri)
        existed = self._db.contains_named_graph(graph)
        self._update(_unmerge(graph) + f" ;\nDROP SILENT GRAPH {graph}")
        return existed

    def ensure_ontology(self, turtle_path: Path) -> bool:
        """Load the ontology into ONTOLOGY_GRAPH unless the same content is there already.

        Returns True when the graph was (re)loaded.
        """
        try:
            text = Path(turtle_path).read_text(encoding="utf-8")
        except OSError as e:
            raise ValidationSetupError(f"cannot read the ontology {turtle_path}: {e.strerror}") from e
        try:
            statements = list(ox.parse(text, ox.RdfFormat.TURTLE, base_iri=None))
        except SyntaxError as e:
            raise ValidationSetupError(f"the ontology {turtle_path} is not valid Turtle: {e}") from e
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        stored = [q.triple for q in self._db.quads_for_pattern(None, None, None, graph)]
        if _canonical(stored) == _canonical(q.triple for q in statements):
            return False
        self._replace(graph, statements)
        return True

    def _replace(self, graph: ox.NamedNode, triples: list[ox.Quad]) -> None:
        """Make ``triples`` (as parsed: quads of the default graph, which is the union) the content of ``graph``."""
        if not self._db.contains_named_graph(graph):
            # a new graph (every document of a first build): nothing to take out of the union, and
            # one extend is a transaction too, ~10x cheaper than parsing the same triples as an update;
            # the parsed quads go into the union as they are (remaking them cost about a tenth of the write)
            self._write(lambda: self._db.extend(
                [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples] + triples))
            return
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        update = _unmerge(graph) + f" ;\nDROP SILENT GRAPH {graph}"
        if triples:  # into the graph and into the union (the default graph)
            update += f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}}\n{body}\n}}"
        self._update(update)

    def _undo_batch(self) -> None:
        """Take out a bulk load that a killed build left unfinished (the journal holds its quads).

        Its graphs were new, so dropping them loses nothing stored before; a triple of
        theirs leaves the union unless a graph outside the batch holds it. Ran again
        from the start if cut short too: the journal goes last.
        """
        journal = self.path / _JOURNAL
        try:  # written whole before the load began (write_atomic): unreadable, it was damaged since
            quads = list(ox.parse(path=str(journal), format=ox.RdfFormat.N_QUADS))
        except (OSError, SyntaxError) as e:
            raise _damaged(self.path, e) from e
        graphs = {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        for quad in quads:
            if quad.graph_name == ox.DefaultGraph() and not self._held_elsewhere(quad.triple, graphs):
                self._write(lambda quad=quad: self._db.remove(quad))
        if graphs:
            self._update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in sorted(graphs, key=str)))
        self._write(self._db.flush)
        journal.unlink()

    def keep_answers(self, ntriples: str) -> None:
        """Add triples to ANSWERS_GRAPH, where the store keeps canned answers (answers.py) worked out
        from its current content: outside the union that queries read, and dropped by every other
        write before it writes, so that what is kept there is never older than the store."""
        graph = ox.NamedNode(ANSWERS_GRAPH)
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                 for t in _parse(ntriples, ox.RdfFormat.N_TRIPLES, "the kept answers")]
        self._write(lambda: self._db.extend(quads), keeps_answers=True)

    def drop_answers(self) -> None:
        """Forget the kept canned answers (the next write would)."""
        graph = ox.NamedNode(ANSWERS_GRAPH)
        if self._db.contains_named_graph(graph):
            self._write(lambda: self._db.remove_graph(graph), keeps_answers=True)

    def _update(self, update: str) -> None:
        # Every term in an update's text is pyoxigraph's own N-Triples serialisation of a parsed
        # term (str() of NamedNode/Literal), never a raw file name or string.
        self._write(lambda: self._db.update(update))

    def _write(self, write: Callable[[], object], *, keeps_answers: bool = False) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        if not keeps_answers:  # first, in a transaction of its own: a reader sees the answers and the
            self.drop_answers()  # content they came from, or no answers
        self._write_to(self._db, write)

    def _write_to(self, _db: ox.Store, write: Callable[[], object]) -> None:
        try:
            write()
        except (OSError, RuntimeError, SyntaxError) as e:
            raise StoreWriteError(f"cannot write to the store {self.path}: {_reason(e)}",
                                  hint="free disk space or fix permissions; the documents built before "
                                       "this one are stored") from e


    def build_hashes(self) -> dict[str, tuple[str, str]]:
        """Source file -> (hash of its input and pipeline, graph IRI) as recorded by ``record_build_hashes``."""
        try:
            recorded = json.loads((self.path / _HASHES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: everything is built again, which is safe
        return {str(k): (str(v[0]), str(v[1])) for k, v in recorded.items() if isinstance(v, list) and len(v) == 2}

    def record_build_hashes(self, hashes: dict[str, tuple[str, str]]) -> None:
        """Remember what built each graph, beside the database (written atomically)."""
        from .export import write_atomic  # export imports this module

        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        text = json.dumps({k: list(v) for k, v in sorted(hashes.items())}, indent=1)
        write_atomic(self.path / _HASHES, text.encode("utf-8"))

    # -- reading -----------------------------------------------------------

    def labels(self, iris: Iterable[str], exclude_graph: str | None = None) -> dict[str, str]:
        """The rdfs:label other documents already gave these IRIs (so that one entity keeps one label).

        Looked up in the union, then confirmed in one other graph: the cost does
        not grow with the number of documents.
        """
        skip = _named_node(exclude_graph) if exclude_graph else ox.NamedNode(ONTOLOGY_GRAPH)
        found: dict[str, str] = {}
        for iri in sorted(set(iris)):
            node = _named_node(iri)
            given = sorted({q.object for q in self._read(lambda: list(self._db.quads_for_pattern(
                node, RDFS_LABEL, None, ox.DefaultGraph()))) if isinstance(q.object, ox.Literal)},
                key=lambda label: label.value)
            label = next((t for t in given if self._held_elsewhere(ox.Triple(node, RDFS_LABEL, t), {skip})), None)
            if label is not None:
                found[iri] = label.value
        return found

    def _held_elsewhere(self, triple: ox.Triple, graphs: set[ox.NamedNode]) -> bool:
        """Whether a named graph not in ``graphs`` states ``triple`` (stops at the first)."""
        def find() -> bool:
            quads = self._db.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
            return any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in graphs for q in quads)

        return self._read(find)

    def document_graphs(self) -> list[str]:
        """The IRIs of the documents' named graphs (not the ontology or other system graphs), sorted."""
        graphs = self._read(lambda: list(self._db.named_graphs()))
        names = (g.value for g in graphs if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if n.startswith(DOCUMENT_GRAPHS))

    def graph_ntriples(self, graph_iri: str) -> str:
        """The triples of one named graph as sorted N-Triples ('' when there is no such graph)."""
        return "".join(sorted(f"{q.triple} .\n" for q in self.graph_quads(graph_iri)))

    def quads(self, include_ontology: bool = False) -> list[ox.Quad]:
        """All quads of the document graphs (and the ontology graph), in store order."""
        graphs = self.document_graphs() + ([ONTOLOGY_GRAPH] if include_ontology else [])
        return [q for g in graphs for q in self.graph_quads(g)]

    def graph_quads(self, graph_iri: str) -> list[ox.Quad]:
        """The quads of one named graph, in store order."""
        return self._read(lambda: list(self._db.quads_for_pattern(None, None, None, _named_node(graph_iri))))

    def graph_sizes(self) -> dict[str, int]:
        """The number of triples in each document graph, counted by the engine."""
        rows = self._read(lambda: list(self._db.query(  # type: ignore[union-attr]
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")))
        return {g.value: int(n.value) for g, n in rows if g.value.startswith(DOCUMENT_GRAPHS)}

    def union_size(self) -> int:
        """The number of distinct triples in the document graphs (``union_triples`` without reading them)."""
        rows = self._read(lambda: list(self._db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))  # type: ignore[union-attr]
        return int(rows[0][0].value) - len(self._ontology_only())

    def union_triples(self) -> Iterator[ox.Triple]:
        """The distinct triples of the document graphs, read one at a time in store order (the same content
        gives the same order): the default graph, which holds their union and the ontology's triples."""
        ontology_only = self._ontology_only()
        try:
            for quad in self._db.quads_for_pattern(None, None, None, ox.DefaultGraph()):
                if quad.triple not in ontology_only:
                    yield quad.triple
        except (OSError, RuntimeError) as e:
            raise _damaged(self.path, e) from e

    def _ontology_only(self) -> set[ox.Triple]:
        """The ontology's triples that no document graph states (a few hundred)."""
        ontology = ox.NamedNode(ONTOLOGY_GRAPH)
        return {q.triple for q in self.graph_quads(ONTOLOGY_GRAPH)
                if not self._held_elsewhere(q.triple, {ontology, ox.NamedNode(ANSWERS_GRAPH)})}

    def query(self, text: str, *, timeout_s: float | None = None, limit: int | None = None,
              prefixes: Mapping[str, str] | None = None, trusted: bool = False,
              order_by: tuple[str, ...] = ()) -> QueryResult:
        """Run a read-only SPARQL query and collect its whole answer (see ``stream``)."""
        answer = self.stream(text, timeout_s=timeout_s, limit=limit, prefixes=prefixes, trusted=trusted,
                             order_by=order_by)
        if isinstance(answer, QueryResult):
            return answer
        terms = tuple(answer)
        rows = tuple(tuple(t.value if t else None for t in row) for row in terms)
        return QueryResult("select", answer.variables, rows, truncated=answer.truncated, terms=terms)

    def values(self, text: str) -> list[tuple[str | None, ...]]:
        """The rows of a SELECT the project wrote over a graph of its own, which answers in a few ms (the
        kept answers' pages), as the values' strings: read in this thread, without the worker, the
        deadline and the Terms of ``query`` (half the time of a 1,000-row page)."""
        return self._read(lambda: [tuple(None if v is None else v.value for v in solution)
                                   for solution in self._db.query(text)])  # type: ignore[union-attr]

    def stream(self, text: str, *, timeout_s: float | None = None, limit: int | None = None,
               prefixes: Mapping[str, str] | None = None, trusted: bool = False,
               order_by: tuple[str, ...] = ()) -> RowStream | QueryResult:
        """Run a read-only SPARQL query over the union of all named graphs (or the graphs its
        FROM / FROM NAMED name, which must be in the store).

        A SELECT's rows come as a RowStream, as the store finds them; ASK, CONSTRUCT and
        DESCRIBE come whole as a QueryResult. ``limit`` caps the rows (or triples) read,
        setting ``truncated`` when more were available; ``timeout_s`` abandons a query that
        runs longer, counted from now. ``prefixes`` are declared before the query's own.
        Updates and SERVICE are refused (``sparql.plan``): nothing reaches the network. A ``trusted``
        query is one the project itself writes over the whole store (validation checks): it is not
        parsed again by rdflib, which costs more than running it. A query that ends with
        ``ORDER BY ?a ?b ...`` is run unsorted and its rows sorted here when their order is
        certain (``_sparql_sorted``), by the engine otherwise (a trusted one by the engine, unless
        the caller gives it without its final ORDER BY and names that clause's variables in
        ``order_by``: a plan it worked out itself, as pages.py does for its vetted page queries).
        """
        if order_by and not trusted:
            raise QueryError("order_by is given with a trusted query only")
        if not trusted:
            plan = sparql.plan(text, prefixes or {})
        elif order_by:
            plan = sparql.QueryPlan(sparql.ordered(text, order_by), order_by=order_by, unordered=text)
        else:
            plan = sparql.QueryPlan(text)
        if limit is not None and limit < 0:
            raise QueryError(f"the row limit must be 0 or more, not {limit}")
        dataset = self._dataset(plan)
        stream = RowStream(timeout_s)

        def run(cancelled: threading.Event) -> None:
            def answer(text: str) -> object:
                return self._db.query(text, prefixes=dict(prefixes) if prefixes else None, **dataset)

            raw = answer(plan.unordered or plan.text)
            if not isinstance(raw, ox.QuerySolutions):
                stream.put("result", _collect(raw, limit, cancelled))
                return
            variables = tuple(v.value for v in raw.variables)
            term = _TermCache()
            # a solution iterates over its values in the order of the variables (None when unbound):
            # at 5x the corpus that reads a row 3x faster than a look-up by variable per value
            rows: Iterable[tuple[Term | None, ...]] = (tuple(map(term, s)) for s in raw)
            if plan.unordered:
                taken = list(itertools.islice(rows, _SORT_HERE_MAX_ROWS + 1))
                rows = (len(taken) <= _SORT_HERE_MAX_ROWS
                        and _sparql_sorted(taken, [variables.index(v) for v in plan.order_by])) or \
                    (tuple(map(term, s)) for s in answer(plan.text))  # type: ignore[union-attr]
            stream.put("variables", variables)
            batch: list[tuple[Term | None, ...]] = []
            since = 0.0
            for count, row in enumerate(rows):
                if limit is not None and count >= limit:
                    if not batch or stream.put("rows", batch):
                        stream.put("end", True)
                    return
                if not batch:
                    since = time.monotonic()
                batch.append(row)
                if len(batch) >= RowStream.BATCH or time.monotonic() - since > RowStream.BATCH_WAIT_S:
                    if not stream.put("rows", batch):
                        return  # the reader has gone
                    batch = []
            if not batch or stream.put("rows", batch):
                stream.put("end", False)

        return stream.start(run)

    def _dataset(self, plan: sparql.QueryPlan) -> dict[str, object]:
        """pyoxigraph's dataset arguments for the graphs a query names (all graphs when it names none)."""
        if not plan.default_graphs and not plan.named_graphs:
            return {}  # the store's default graph is the union of its named graphs
        stored = set(self.document_graphs()) | {ONTOLOGY_GRAPH}
        for iri in plan.default_graphs + plan.named_graphs:
            if iri not in stored:
                raise QueryRefused(f"FROM <{iri}>: the store has no graph of that name (nothing is fetched)",
                                   hint="name a document graph (kg export --format trig lists them), "
                                        "or drop FROM to query every graph")
        # as SPARQL 1.1 says: FROM NAMED alone leaves the default graph empty, FROM alone no named graphs
        return {"default_graph": [ox.NamedNode(g) for g in plan.default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in plan.named_graphs]}

    def as_rdflib(self, include_ontology: bool = False) -> rdflib.Graph:
        """The union of the document graphs as an rdflib Graph (e.g. for pyshacl)."""
        data = ox.serialize([q.triple for q in self.quads(include_ontology)],
                            format=ox.RdfFormat.N_TRIPLES)
        graph = rdflib.Graph()
        graph.parse(data=data.decode("utf-8"), format="nt")
        return graph


class GraphBatch:
    """Many documents' graphs written together: what a corpus build writes.

    A graph new to the store waits in memory, as N-Quads, with the others until they hold
    ``MAX_QUADS`` quads (or ``commit``); they then go in at once through RocksDB's bulk
    loader, which writes sorted files and skips the reads and the log of a transaction
    (the corpus's 463k quads: 4-5 s of CPU against 9 s, flush included, one transaction
    per document; one transaction per 20 documents saves nothing). The bulk loader
    promises no atomicity, so the batch is first written whole to a journal, which the
    loader reads and which is removed once the load is done: a store opened with a journal
    left behind drops the batch's graphs (``Store._undo_batch``), which were new, so nothing
    stored before is lost and a document is there whole or not at all. ``on_commit`` hears
    the graphs once stored (the build records their hashes then, never before). A graph
    already in the store (or in the batch), or holding blank nodes (a new parse of the
    journal would name them anew), is replaced in a transaction of its own, after the
    batch before it. Leaving the ``with`` block commits; an exception drops what waits.

    Each bulk load adds its own files, which RocksDB leaves as they came: a store written by
    many loads answers queries slower (a 4x corpus store written by about 23 loads: the 13 canned
    queries took 1.1-2.5x their time on the same store compacted, which took 4.7 s). ``compact``,
    once the batch is done, compacts them when the loads grew the store's files by a third or
    more, so that the compaction costs in proportion to what was loaded (after one document in
    the 4x store it took 3.7 s).
    """

    MAX_QUADS = 100_000  # ~40 documents of the corpus, tens of MB; larger batches measured no faster
    COMPACT_GROWTH = 1 / 3  # of the files there were before the first load

    def __init__(self, store: Store, on_commit: Callable[[list[str]], None]) -> None:
        self._store, self._on_commit = store, on_commit
        self._bytes_before: int | None = None  # the store's files before the first bulk load
        self._nquads: list[str] = []  # the journal: each graph's triples, in the union and in the graph
        self._quads = 0
        self._graphs: list[str] = []
        self._labels: dict[str, list[tuple[str, str]]] = {}  # IRI -> (label, graph IRI) waiting

    def __enter__(self) -> GraphBatch:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()

    def compact(self, on_start: Callable[[], None] = lambda: None) -> None:
        """Compact the files of the batch's bulk loads when they grew the store's by ``COMPACT_GROWTH`` or more
        (``on_start`` hears that it begins: on a large store it takes minutes)."""
        if self._bytes_before is None:
            return  # nothing bulk loaded
        if self._store._file_bytes() - self._bytes_before >= self.COMPACT_GROWTH * self._bytes_before:
            on_start()
            self._store._write(self._store._db.optimize, keeps_answers=True)

    def add(self, graph_iri: str, ntriples: str) -> int:
        """Make ``ntriples`` the graph's content (see ``Store.replace_graph``); the number of distinct triples."""
        graph = _named_node(graph_iri)
        what = f"the triples for <{graph_iri}>"
        if graph_iri in self._graphs or "_:" in ntriples or self._store._db.contains_named_graph(graph):
            triples = _parse(ntriples, ox.RdfFormat.N_TRIPLES, what)
            self.commit()
            self._store._replace(graph, triples)
            self._on_commit([graph_iri])
            return len(set(triples))
        # one triple a line, each ending " .": a newline inside a literal is written \n
        union = _rewritten(ntriples, what)
        lines = union.splitlines(keepends=True)
        self._nquads += [union, union.replace(" .\n", f" {graph} .\n")]
        self._quads += 2 * len(lines)
        self._graphs.append(graph_iri)
        # the labels, parsed again from their own lines only (a line a triple: the same line is the same triple)
        for t in _parse("".join(line for line in lines if _LABEL_LINE in line), ox.RdfFormat.N_TRIPLES, what):
            if t.predicate == RDFS_LABEL and isinstance(t.object, ox.Literal):
                self._labels.setdefault(t.subject.value, []).append((t.object.value, graph_iri))
        if self._quads >= self.MAX_QUADS:
            self.commit()
        return len(set(lines))

    def labels(self, iris: Iterable[str], exclude_graph: str | None = None) -> dict[str, str]:
        """``Store.labels``, counting the graphs that wait in this batch as stored."""
        iris = set(iris)
        found = self._store.labels(iris, exclude_graph)
        for iri in iris & self._labels.keys():
            waiting = [label for label, graph in self._labels[iri] if graph != exclude_graph]
            if waiting:
                found[iri] = min(waiting + ([found[iri]] if iri in found else []))
        return found

    def commit(self) -> None:
        """Store the graphs that wait: all of them, or (after a crash, once reopened) none."""
        if not self._graphs:
            return
        from .export import write_atomic  # export imports this module

        journal = self._store.path / _JOURNAL
        if self._bytes_before is None:
            self._bytes_before = self._store._file_bytes()
        try:
            write_atomic(journal, "".join(self._nquads).encode("utf-8"))
        except KgError as e:
            raise StoreWriteError(f"cannot write to the store {self._store.path}: {e.message}") from e
        # the journal is pyoxigraph's own writing of triples parsed in ``add``: checking its IRIs again as it
        # loads them is no use (lenient: 8% less CPU for the load, the same quads)
        self._store._write(lambda: self._store._db.bulk_load(path=str(journal), format=ox.RdfFormat.N_QUADS,
                                                             lenient=True))
        journal.unlink()
        graphs = self._graphs
        self._nquads, self._quads, self._graphs, self._labels = [], 0, [], {}
        self._on_commit(graphs)


# -- helpers -----------------------------------------------------------------

_HASHES = "kg-build-hashes.json"  # beside RocksDB's files, which it ignores
_JOURNAL = "kg-bulk-journal.nq"  # the quads of a bulk load in progress (GraphBatch)

# Copies every named graph's triples into the default graph (a store written before it held the union).
_FILL_UNION = f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{ANSWERS_GRAPH}>) }}"


def _unmerge(graph: ox.NamedNode) -> str:
    """An update taking out of the union the triples that only ``graph`` holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }}")


def _read_only(path: Path, attempts: int = 5) -> ox.Store:
    """A read-only snapshot of the store.

    RocksDB may compact away a file named in the manifest while a writer is
    active and the snapshot is being opened; opening again then succeeds.
    """
    for _ in range(attempts - 1):
        try:
            return ox.Store.read_only(str(path))
        except RuntimeError as e:
            if any(sign in str(e) for sign in _UNFINISHED_SIGNS):
                _recover(path)
            elif "No such file" not in str(e):
                raise
    return ox.Store.read_only(str(path))


# what a read-only open says of a store whose writer was killed: a log to replay, or column families not yet made
# (killed while it created the store)
_UNFINISHED_SIGNS = ("Inserts are only possible", "Column family not found")


def _recover(path: Path) -> None:
    """Finish what a killed writer left undone, which a read-only open cannot (its log, or a store it was still
    creating): open for writing once and close. When another process writes, that is its to do, and the read-only
    open fails as before."""
    try:
        ox.Store(str(path)).flush()
    except (OSError, RuntimeError):
        return


def _lacks_union(inner: ox.Store) -> bool:
    """True when named graphs hold triples but the default graph (their union) is empty."""
    in_default = next(iter(inner.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    return in_default is None and next(iter(inner.quads_for_pattern(None, None, None)), None) is not None


def _upgraded(path: Path) -> ox.Store:
    """Fill the union of a store written by an older kg_builder, then reopen it read-only."""
    writable = ox.Store(str(path))
    writable.update(_FILL_UNION)
    writable.flush()
    del writable  # releases the lock before the read-only reopen
    return ox.Store.read_only(str(path))


def _without_unfinished_batch(path: Path, snapshot: ox.Store) -> ox.Store:
    """A snapshot without the bulk load a killed build left unfinished, undone by a writable open;
    ``snapshot`` as it is while the build that writes the batch still runs (it holds the lock)."""
    try:
        Store.open(path).close()
    except StoreDamagedError:
        raise
    except StoreError:  # in use: the build writing the batch still runs
        return snapshot
    return _read_only(path)


def _reason(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 300 else text[:299] + "…"


def _damaged(path: Path, e: BaseException) -> StoreDamagedError:
    return StoreDamagedError(f"the store {path} is damaged and cannot be read ({_reason(e)})",
                             hint=f"move it aside and rebuild it: kg build DOCS... --store {path}")


def _check_folder(path: Path, *, must_exist: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder")
    entries = {p.name for p in path.iterdir()} if path.is_dir() else set()
    # a store whose creation was cut short (a kill before RocksDB wrote CURRENT) holds nothing yet
    begun = bool(entries) and all(_ROCKSDB_FILE.fullmatch(name) or name in (_HASHES, _JOURNAL) for name in entries)
    if entries and "CURRENT" not in entries and not begun:
        raise StoreError(f"{path} is not a kg store (it holds other files)",
                         hint="give --store a new or empty folder, or one made by `kg build`")
    if must_exist and "CURRENT" not in entries:
        raise StoreError(f"there is no store at {path}",
                         hint=f"build one first with `kg build PATH --store {path}`")
    if begun and "CURRENT" not in entries:
        for name in entries:  # no CURRENT: RocksDB never committed anything here, and will not reopen it
            (path / name).unlink()


_ROCKSDB_FILE = re.compile(r"LOCK|LOG(?:\.old\.\d+)?|IDENTITY|\d+\.(?:log|sst|dbtmp)|(?:MANIFEST|OPTIONS)-\d+(?:\.dbtmp)?")


def _named_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as e:
        raise InputError(f"not a valid graph IRI: {iri!r} ({e})") from e


def _parse(text: str, fmt: ox.RdfFormat, what: str) -> list[ox.Quad]:
    """The statements of a graph's text, as quads of the default graph."""
    try:
        return list(ox.parse(text, fmt))
    except SyntaxError as e:
        raise InputError(f"{what} are not valid N-Triples: {e}") from e


def _rewritten(ntriples: str, what: str) -> str:
    """N-Triples as pyoxigraph writes them (checked as they are read): each triple is made, written and
    dropped in turn, never a list of them all (with the labels and the count read off the lines, about
    a quarter less CPU than from such a list for a corpus build's graphs)."""
    try:
        return ox.serialize(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    except SyntaxError as e:
        raise InputError(f"{what} are not valid N-Triples: {e}") from e


def _canonical(triples: Iterable[ox.Triple]) -> ox.Dataset:
    data = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return data


def _term(value: object) -> Term | None:
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return Term("uri", value.value, str(value))
    if isinstance(value, ox.BlankNode):
        return Term("bnode", value.value, str(value))
    if isinstance(value, ox.Literal):
        lang = value.language
        dtype = None if lang else value.datatype.value
        return Term("literal", value.value, str(value), dtype, lang)
    return Term("triple", str(value), str(value))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_SORT_HERE_MAX_ROWS = 200_000  # beyond, the rows would cost more memory here than in the engine


def _sparql_sorted(rows: list[tuple[Term | None, ...]], columns: list[int]) -> list[tuple[Term | None, ...]] | None:
    """``rows`` in SPARQL's ascending order of ``columns``, as Oxigraph orders them; None when
    that order is not certain here (blank nodes, literals other than strings and integers,
    integers and strings in one column, two rows tied), and the engine must sort.

    Oxigraph compares strings again at every step of its sort, reading them from the store
    each time: sorted here, each value is read once (at 5x the corpus, agreements takes the
    engine 257 ms sorted and 160 ms unsorted, provenance 5.3 s and 2.5 s). The values of an
    answer repeat (the rows share the terms of ``_TermCache``): each term's place is worked
    out once, and a row's key is one flat tuple (kind, value, kind, value, ...), which compares
    faster than a tuple of pairs (40,295 rows of provenance: 0.69 s -> 0.2 s).
    """
    places: dict[int, tuple] = {}

    def place(term: Term | None) -> tuple:
        found = places.get(id(term))  # the rows hold every term: no id is reused meanwhile
        if found is None:
            found = places[id(term)] = order_key(term)
        return found

    try:
        keys = [sum([place(row[i]) for i in columns], ()) for row in rows]
    except (Unordered, ValueError):
        return None
    for i in range(0, 2 * len(columns), 2):
        if {key[i] for key in keys} >= {2, 3}:
            return None  # integers beside strings
    order = sorted(range(len(rows)), key=keys.__getitem__)
    if any(keys[a] == keys[b] for a, b in zip(order, order[1:])):
        return None  # ties: the engine's order among them is its own
    return [rows[i] for i in order]


class Unordered(Exception):
    """A value whose place in SPARQL's order this store does not decide (``order_key``)."""


def order_key(term: Term | None) -> tuple:
    """Unbound, then IRIs, then literals (SPARQL 1.1, 15.1); integers by value, strings by code
    point. Always (kind, value): the keys of a row are laid end to end."""
    if term is None:
        return (0, 0)
    if term.kind == "uri":
        return (1, term.value)
    if term.kind == "literal" and term.datatype == _XSD + "integer":
        return (2, int(term.value))
    if term.kind == "literal" and term.datatype == _XSD + "string":
        return (3, term.value)
    raise Unordered(term.nt)


class _TermCache:
    """``_term`` with a memory: the values of an answer repeat (a sentence, a document, a
    class), and making a Term costs three times as much as finding it again. Emptied past
    ``SIZE`` terms, so that a long answer does not hold them all."""

    SIZE = 100_000

    def __init__(self) -> None:
        self._known: dict[object, Term | None] = {}

    def __call__(self, value: object) -> Term | None:
        try:
            return self._known[value]
        except KeyError:
            if len(self._known) >= self.SIZE:
                self._known.clear()
            made = self._known[value] = _term(value)
            return made


def _collect(raw: object, limit: int | None, cancelled: threading.Event) -> QueryResult:
    """The whole answer of an ASK, CONSTRUCT or DESCRIBE query."""
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(raw))
    lines, truncated = _take((str(t) for t in raw), limit, cancelled)
    text = "".join(f"{line} .\n" for line in sorted(set(lines)))
    return QueryResult("construct", graph_ntriples=text, truncated=truncated)


def _take(items: Iterable[_T], limit: int | None, cancelled: threading.Event) -> tuple[list[_T], bool]:
    """Up to ``limit`` items, and whether more were left."""
    out: list[_T] = []
    for item in items:
        if cancelled.is_set():
            break
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(item)
    return out, False

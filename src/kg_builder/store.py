"""The embedded triple store: the only module that knows where triples live.

A store is a folder holding an Oxigraph (RocksDB) database. Each document
lives in its own named graph; the ontology lives in ``ONTOLOGY_GRAPH``.
Queries see the union of all named graphs as their default graph. Writes are
single transactions: a failed write leaves the store as it was.

The store's default graph holds that union, each triple once, kept in step
by every write. Queries read it instead of asking Oxigraph for the union of
the named graphs, because pyoxigraph 0.5.13 answers such a union with one
solution per graph holding a triple (oxigraph issue 1919): "how many
persons" would count a person once per document naming them. SPARQL's bag
semantics stay as they are: only copies of one triple in several graphs are
merged, honest duplicate solutions are kept.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, TypeVar

import pyoxigraph as ox
import rdflib

from .errors import InputError, QueryError, StoreError, ValidationSetupError

ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/graph/ontology"
DUMP_FORMATS = ("nquads", "ntriples")

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
        except (OSError, RuntimeError) as e:
            if "lock" in str(e).lower():
                raise StoreError(f"the store {path} is in use by another process",
                                 hint="wait for the other kg command to finish") from e
            raise StoreError(f"cannot open the store {path}: {e}") from e
        store = cls(path, inner, read_only)
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
            if not self.read_only:
                self._ox.flush()
            self._ox = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _db(self) -> ox.Store:
        if self._ox is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._ox

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph_iri: str, ntriples: str) -> int:
        """Replace the named graph with the given N-Triples in one transaction.

        Returns the number of distinct triples now in the graph. Invalid
        N-Triples raise InputError before the store is touched.
        """
        graph = _named_node(graph_iri)
        triples = _parse(ntriples, ox.RdfFormat.N_TRIPLES, f"the triples for <{graph_iri}>")
        self._replace(graph, triples)
        return len({str(t) for t in triples})

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
            triples = [q.triple for q in ox.parse(text, ox.RdfFormat.TURTLE, base_iri=None)]
        except SyntaxError as e:
            raise ValidationSetupError(f"the ontology {turtle_path} is not valid Turtle: {e}") from e
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        stored = [q.triple for q in self._db.quads_for_pattern(None, None, None, graph)]
        if _canonical(stored) == _canonical(triples):
            return False
        self._replace(graph, triples)
        return True

    def _replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        update = _unmerge(graph) + f" ;\nDROP SILENT GRAPH {graph}"
        if triples:  # into the graph and into the union (the default graph)
            update += f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}}\n{body}\n}}"
        self._update(update)

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        try:
            self._db.update(update)
        except (OSError, RuntimeError, SyntaxError) as e:
            raise StoreError(f"cannot write to the store {self.path}: {e}") from e

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
            given = sorted({q.object for q in self._db.quads_for_pattern(node, _LABEL, None, ox.DefaultGraph())
                            if isinstance(q.object, ox.Literal)}, key=lambda label: label.value)
            label = next((t for t in given if self._held_elsewhere(ox.Triple(node, _LABEL, t), skip)), None)
            if label is not None:
                found[iri] = label.value
        return found

    def _held_elsewhere(self, triple: ox.Triple, graph: ox.NamedNode) -> bool:
        """Whether a named graph other than ``graph`` states ``triple`` (stops at the first)."""
        for quad in self._db.quads_for_pattern(triple.subject, triple.predicate, triple.object, None):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name != graph:
                return True
        return False

    def document_graphs(self) -> list[str]:
        """The IRIs of all named graphs except the ontology graph, sorted."""
        names = (g.value for g in self._db.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if n != ONTOLOGY_GRAPH)

    def graph_ntriples(self, graph_iri: str) -> str:
        """One named graph as sorted N-Triples (e.g. to push it to a server)."""
        quads = self._db.quads_for_pattern(None, None, None, _named_node(graph_iri))
        return "".join(sorted(f"{q.triple} .\n" for q in quads))

    def quads(self, include_ontology: bool = False) -> list[ox.Quad]:
        """All quads of the document graphs (and the ontology graph), in store order."""
        graphs = self.document_graphs() + ([ONTOLOGY_GRAPH] if include_ontology else [])
        out: list[ox.Quad] = []
        for g in graphs:
            out.extend(self._db.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        return out

    def query(self, sparql: str, *, timeout_s: float | None = None,
              limit: int | None = None, prefixes: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all named graphs.

        ``limit`` caps the rows (or triples) read, setting ``truncated`` when
        more were available; ``timeout_s`` abandons a query that runs longer.
        ``prefixes`` are declared before the query's own. SERVICE clauses are
        refused: nothing reaches the network.
        """
        reject_service(sparql)
        if limit is not None and limit < 0:
            raise QueryError(f"the row limit must be 0 or more, not {limit}")

        def run(cancelled: threading.Event) -> QueryResult:
            try:
                # the default graph is the deduplicated union
                raw = self._db.query(sparql, prefixes=dict(prefixes) if prefixes else None)
                return _collect(raw, limit, cancelled)
            except SyntaxError as e:
                raise QueryError(f"invalid SPARQL: {e}") from e
            except (OSError, RuntimeError, ValueError, TypeError) as e:
                raise QueryError(f"the query failed: {e}") from e

        return _with_timeout(run, timeout_s)

    def as_rdflib(self, include_ontology: bool = False) -> rdflib.Graph:
        """The union of the document graphs as an rdflib Graph (e.g. for pyshacl)."""
        data = ox.serialize([q.triple for q in self.quads(include_ontology)],
                            format=ox.RdfFormat.N_TRIPLES)
        graph = rdflib.Graph()
        graph.parse(data=data.decode("utf-8"), format="nt")
        return graph

    def export(self, fmt: str) -> bytes:
        """A sorted, duplicate-free dump of the document graphs.

        ``nquads`` keeps each document's named graph; ``ntriples`` is their union.
        """
        if fmt == "nquads":
            lines = {str(q) for q in self.quads()}
        elif fmt == "ntriples":
            lines = {str(q.triple) for q in self.quads()}
        else:
            raise InputError(f"unknown dump format {fmt!r}", hint=f"use one of {', '.join(DUMP_FORMATS)}")
        return "".join(f"{line} .\n" for line in sorted(lines)).encode("utf-8")


# -- helpers -----------------------------------------------------------------

_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_HASHES = "kg-build-hashes.json"  # beside RocksDB's files, which it ignores

# Copies every named graph's triples into the default graph (a store written before it held the union).
_FILL_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


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
            if "No such file" not in str(e):
                raise
    return ox.Store.read_only(str(path))


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

_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.IGNORECASE)
_SKIPPED = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)


def mask_sparql(sparql: str) -> str:
    """The query with its strings, IRIs and comments blanked out (offsets are kept)."""
    return _SKIPPED.sub(lambda m: " " * len(m.group(0)), sparql)


def reject_service(sparql: str) -> None:
    """Raise QueryError when the query holds a SERVICE clause (outside strings, IRIs, comments)."""
    if _SERVICE.search(mask_sparql(sparql)):
        raise QueryError("SERVICE clauses are not allowed: queries run on the local store only")


def _check_folder(path: Path, *, must_exist: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder")
    entries = {p.name for p in path.iterdir()} if path.is_dir() else set()
    if entries and "CURRENT" not in entries:
        raise StoreError(f"{path} is not a kg store (it holds other files)",
                         hint="give --store a new or empty folder, or one made by `kg build`")
    if must_exist and not entries:
        raise StoreError(f"there is no store at {path}",
                         hint=f"build one first with `kg build PATH --store {path}`")


def _named_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as e:
        raise InputError(f"not a valid graph IRI: {iri!r} ({e})") from e


def _parse(text: str, fmt: ox.RdfFormat, what: str) -> list[ox.Triple]:
    try:
        return [q.triple for q in ox.parse(text, fmt)]
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


def _collect(raw: object, limit: int | None, cancelled: threading.Event) -> QueryResult:
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(raw))
    if isinstance(raw, ox.QueryTriples):
        lines, truncated = _take((str(t) for t in raw), limit, cancelled)
        text = "".join(f"{line} .\n" for line in sorted(set(lines)))
        return QueryResult("construct", graph_ntriples=text, truncated=truncated)
    variables = tuple(v.value for v in raw.variables)
    solutions = (tuple(_term(s[v]) for v in variables) for s in raw)
    terms, truncated = _take(solutions, limit, cancelled)
    rows = tuple(tuple(t.value if t else None for t in row) for row in terms)
    return QueryResult("select", variables, rows, truncated=truncated, terms=tuple(terms))


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


def _with_timeout(run: Callable[[threading.Event], _T], timeout_s: float | None) -> _T:
    """Call ``run`` and give up after ``timeout_s`` seconds (the worker is told to stop)."""
    cancelled = threading.Event()
    if timeout_s is None:
        return run(cancelled)
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["value"] = run(cancelled)
        except BaseException as e:  # handed to the caller below
            box["error"] = e

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        cancelled.set()
        raise QueryError(f"the query did not finish within {timeout_s:g} s",
                         hint="narrow the query, add a LIMIT or raise --timeout")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]

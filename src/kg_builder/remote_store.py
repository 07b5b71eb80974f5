"""A store that lives in a SPARQL 1.1 server: the graph handed off when one machine is not enough.

``RemoteStore`` answers what the commands ask of ``Store`` (query, replace and
remove a document's graph, list the graphs, dump them) over HTTP, with the
SPARQL 1.1 Protocol for queries and the Graph Store Protocol for graphs: a
document's graph is replaced whole by one PUT. URLs follow Oxigraph server's
layout under one base: ``BASE/query`` and ``BASE/store`` (other servers can be
set up with the same paths, or put behind them). Queries expect the server to
present the union of its named graphs as the default graph (Oxigraph:
``oxigraph serve --union-default-graph``; GraphDB and Virtuoso do by default;
Fuseki: ``unionDefaultGraph``).

Nothing here runs unless the user gives ``--endpoint``: it is the only code
that reaches the network.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator, Mapping

import pyoxigraph as ox
import rdflib

from .errors import InputError, QueryError, StoreError
from .rdf import DOCUMENT_GRAPHS
from .sparql import ordered, plan
from .store import ONTOLOGY_GRAPH, QueryResult, Term

_TIMEOUT_S = 300.0  # for one HTTP request when the caller gives no timeout
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


class RemoteStore:
    """The graph in a SPARQL server at ``base`` (e.g. http://127.0.0.1:7878); use ``with``."""

    def __init__(self, base: str, read_only: bool = False) -> None:
        parsed = urllib.parse.urlsplit(base)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InputError(f"not an http(s) endpoint URL: {base!r}", hint="e.g. --endpoint http://127.0.0.1:7878")
        self.base = base.rstrip("/")
        self.path = self.base  # named like Store.path, for messages
        self.read_only = read_only

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph_iri: str, ntriples: str) -> int:
        """Replace the named graph with these N-Triples (one PUT); the number of distinct triples sent."""
        triples = _parse_ntriples(ntriples, f"the triples for <{graph_iri}>")
        body = "".join(sorted({f"{t} .\n" for t in triples}))
        self._send("PUT", self._graph_url(graph_iri), body.encode("utf-8"), {"Content-Type": _NTRIPLES})
        return len(set(body.splitlines()))

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop a named graph; False when there was none."""
        try:
            self._send("DELETE", self._graph_url(graph_iri))
        except StoreError as e:
            if "HTTP 404" in str(e):
                return False
            raise
        return True

    def ensure_ontology(self, turtle_path: Path) -> bool:
        """Put the ontology into its graph (the server decides nothing; always sent)."""
        data = ox.serialize(ox.parse(Path(turtle_path).read_bytes(), ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
        self._send("PUT", self._graph_url(ONTOLOGY_GRAPH), data, {"Content-Type": _NTRIPLES})
        return True

    # -- reading -----------------------------------------------------------

    def document_graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(g for (g,) in rows if g and g.startswith(DOCUMENT_GRAPHS))

    def labels(self, iris: Iterable[str], exclude_graph: str | None = None) -> dict[str, str]:
        """The rdfs:label other documents already gave these IRIs."""
        wanted = sorted(set(iris))
        if not wanted:
            return {}
        skip = f"FILTER (?g != <{exclude_graph}>)" if exclude_graph else ""
        values = " ".join(f"<{iri}>" for iri in wanted)
        rows = self.query(f"""SELECT ?x (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?x {{ {values} }}
            GRAPH ?g {{ ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }} {skip} }} GROUP BY ?x""").rows
        return {x: label for x, label in rows if label is not None}

    def query(self, sparql: str, *, timeout_s: float | None = None, limit: int | None = None,
              prefixes: Mapping[str, str] | None = None, trusted: bool = False,
              order_by: tuple[str, ...] = ()) -> QueryResult:
        """Run a query on the server, vetted as on the embedded store (``sparql.plan``: read-only,
        no SERVICE, bounded size and depth) unless the project wrote it (``trusted``); ``prefixes``
        are declared before the query's own; ``order_by`` as in ``Store.stream`` (the server sorts)."""
        sparql = ordered(sparql, order_by)
        if not trusted:
            plan(sparql, prefixes)
        if limit is not None and limit < 0:
            raise QueryError(f"the row limit must be 0 or more, not {limit}")
        declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
        form = urllib.parse.urlencode({"query": declared + sparql}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Accept": f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"}
        kind, body = self._send("POST", f"{self.base}/query", form, headers, timeout_s, query=True)
        if kind.startswith(_NTRIPLES):
            return _construct_result(body.decode("utf-8"), limit)
        return _json_result(json.loads(body), limit)

    def stream(self, sparql: str, *, timeout_s: float | None = None, limit: int | None = None,
               prefixes: Mapping[str, str] | None = None, trusted: bool = False,
               order_by: tuple[str, ...] = ()) -> QueryResult:
        """As ``query``: the server's answer comes whole."""
        return self.query(sparql, timeout_s=timeout_s, limit=limit, prefixes=prefixes, trusted=trusted,
                          order_by=order_by)

    def quads(self, include_ontology: bool = False) -> list[ox.Quad]:
        """All quads of the document graphs (and the ontology graph), one GET per graph."""
        graphs = self.document_graphs() + ([ONTOLOGY_GRAPH] if include_ontology else [])
        return [q for g in graphs for q in self.graph_quads(g)]

    def graph_quads(self, graph_iri: str) -> list[ox.Quad]:
        """The quads of one named graph (one GET)."""
        _, body = self._send("GET", self._graph_url(graph_iri), headers={"Accept": _NTRIPLES})
        graph = ox.NamedNode(graph_iri)
        return [ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in _parse_ntriples(body.decode("utf-8"), f"the graph <{graph_iri}> from the server")]

    def graph_sizes(self) -> dict[str, int]:
        """The number of triples in each document graph, counted by the server."""
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
        return {g: int(n) for g, n in rows if g and n and g.startswith(DOCUMENT_GRAPHS)}

    def union_size(self) -> int:
        """The number of distinct triples in the document graphs, counted by the server."""
        rows = self.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
            GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}")) }} }}""").rows
        return int(rows[0][0] or 0)

    def union_triples(self) -> Iterator[ox.Triple]:
        """The distinct triples of the document graphs, sorted (a server's default graph need not be
        their union, so they are gathered here)."""
        unique = {str(q.triple): q.triple for q in self.quads()}
        return iter([unique[key] for key in sorted(unique)])

    def as_rdflib(self, include_ontology: bool = False) -> rdflib.Graph:
        data = ox.serialize([q.triple for q in self.quads(include_ontology)], format=ox.RdfFormat.N_TRIPLES)
        return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")

    # -- HTTP --------------------------------------------------------------

    def _graph_url(self, graph_iri: str) -> str:
        return f"{self.base}/store?" + urllib.parse.urlencode({"graph": graph_iri})

    def _send(self, method: str, url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
              timeout_s: float | None = None, query: bool = False) -> tuple[str, bytes]:
        if self.read_only and method in ("PUT", "DELETE"):
            raise StoreError(f"the endpoint {self.base} is open read-only")
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        error = QueryError if query else StoreError
        try:
            with urllib.request.urlopen(request, timeout=timeout_s or _TIMEOUT_S) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise error(f"{method} {url}: HTTP {e.code} {detail[0] if detail else e.reason}") from e
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            raise StoreError(f"cannot reach the endpoint {self.base}: {getattr(e, 'reason', e)}",
                             hint="is the server running, and is the URL its base (without /query)?") from e


def _parse_ntriples(text: str, what: str) -> list[ox.Triple]:
    try:
        return [q.triple for q in ox.parse(text, ox.RdfFormat.N_TRIPLES)]
    except SyntaxError as e:
        raise InputError(f"{what} are not valid N-Triples: {e}") from e


def _json_term(cell: dict | None) -> Term | None:
    if cell is None:
        return None
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return Term("uri", value, f"<{value}>")
    if kind == "bnode":
        return Term("bnode", value, f"_:{value}")
    language = cell.get("xml:lang")
    datatype = None if language else cell.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
    literal = ox.Literal(value, language=language) if language else ox.Literal(value, datatype=ox.NamedNode(datatype))
    return Term("literal", value, str(literal), datatype, language)


def _json_result(doc: dict, limit: int | None) -> QueryResult:
    if "boolean" in doc:
        return QueryResult("ask", boolean=bool(doc["boolean"]))
    variables = tuple(doc["head"].get("vars", []))
    bindings = doc["results"]["bindings"]
    truncated = limit is not None and len(bindings) > limit
    terms = tuple(tuple(_json_term(b.get(v)) for v in variables) for b in bindings[:limit])
    rows = tuple(tuple(t.value if t else None for t in row) for row in terms)
    return QueryResult("select", variables, rows, truncated=truncated, terms=terms)


def _construct_result(text: str, limit: int | None) -> QueryResult:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    truncated = limit is not None and len(lines) > limit
    kept = lines[:limit] if limit is not None else lines
    return QueryResult("construct", graph_ntriples="".join(f"{line}\n" for line in kept), truncated=truncated)

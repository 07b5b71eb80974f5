"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a small web page, on 127.0.0.1 only.

``/sparql`` answers queries (GET, or POST as a form or as application/sparql-query)
in JSON, XML, CSV or TSV by content negotiation; CONSTRUCT and DESCRIBE answer
N-Triples. Updates are refused. Every query runs under a time limit and a row
cap; a cut answer says so (``X-KG-Truncated: true``, and in the results).
The other paths are the web page (see page.py).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import page, views
from .errors import KgError
from .pages import first_page
from .queries import format_result, get_query, list_queries
from .rdf import PREFIXES
from .store import QueryResult, Store

HOST = "127.0.0.1"

# media type -> format_result format, in the order tried when the client accepts anything
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPH_TYPES = ("application/n-triples", "text/plain")


@dataclass(frozen=True)
class Limits:
    timeout_s: float = 10.0
    max_rows: int = 10_000


def make_server(store: Store, port: int = 0, limits: Limits = Limits()) -> ThreadingHTTPServer:
    """A server on 127.0.0.1:port (0 picks a free port) answering from ``store``; call serve_forever()."""

    class Handler(_Handler):
        pass

    Handler.store, Handler.limits = store, limits
    server = ThreadingHTTPServer((HOST, port), Handler)
    server.daemon_threads = True
    return server


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    return thread


class _Handler(BaseHTTPRequestHandler):
    store: Store
    limits: Limits
    server_version = "kg-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the analyst's terminal is not a web log

    # -- routing ---------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        args = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        try:
            self._route(url.path, args)
        except KgError as e:
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{e}\n")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "only /sparql takes POST\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            args = {k: v[-1] for k, v in parse_qs(url.query).items()} | {"query": body}
        elif kind == "application/x-www-form-urlencoded":
            args = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
        else:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "text/plain; charset=utf-8",
                       "POST a form (query=...) or application/sparql-query\n")
            return
        self._sparql(args)

    def _route(self, path: str, args: dict[str, str]) -> None:
        if path == "/sparql":
            self._sparql(args)
        elif path == "/":
            self._html(page.index(list_queries()))
        elif path.startswith("/q/"):
            query = get_query(path[3:])
            params = {k: v for k, v in args.items() if v.strip()}
            answer = first_page(self.store, query, self.limits.max_rows, self.limits.timeout_s, params)
            self._html(page.answer(query, params, answer))
        elif path == "/query":
            self._query_page(args.get("query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"), "query" in args)
        elif path == "/about":
            self._html(page.about_page(views.about(self.store, args.get("name", ""))))
        elif path.startswith("/doc/"):
            doc = views.document_text(self.store, path[5:])
            begin, end = _int(args.get("b")), _int(args.get("e"))
            self._html(page.document(doc, begin, end, args.get("fact")))
        elif path == "/evidence":
            self._evidence(args.get("fact", ""))
        elif path == "/timeline":
            self._html(page.timeline_page(views.timeline(self.store)))
        elif path == "/network":
            self._html(page.network_page(views.network(self.store)))
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n")

    # -- the pages -------------------------------------------------------------

    def _query_page(self, text: str, run: bool) -> None:
        if not run:
            self._html(page.query_form(text, None))
            return
        try:
            self._html(page.query_form(text, self._run(text)))
        except KgError as e:
            self._html(page.query_form(text, None, str(e)))

    def _evidence(self, fact: str) -> None:
        found = views.evidence_of(self.store, fact)
        if not found:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "no evidence for that fact\n")
            return
        first = found[0]
        self._html(page.document(views.document_text(self.store, first.document), first.begin, first.end, fact))

    def _html(self, text: str) -> None:
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", text)

    # -- the protocol ----------------------------------------------------------

    def _sparql(self, args: dict[str, str]) -> None:
        if "update" in args:
            self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", "this endpoint is read-only\n")
            return
        if "default-graph-uri" in args or "named-graph-uri" in args:
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8",
                       "default-graph-uri and named-graph-uri are not supported: the default graph is the union "
                       "of all documents; use GRAPH in the query\n")
            return
        if not args.get("query", "").strip():
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", "give a query= parameter\n")
            return
        try:
            result = self._run(args["query"])
        except KgError as e:
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{e}\n")
            return
        media = _negotiate(self.headers.get("Accept"), result)
        if media is None:
            self._send(HTTPStatus.NOT_ACCEPTABLE, "text/plain; charset=utf-8",
                       "acceptable: " + ", ".join(RESULT_TYPES if result.kind != "construct" else GRAPH_TYPES) + "\n")
            return
        body = format_result(result, RESULT_TYPES.get(media, "json"))
        extra = {"X-KG-Truncated": "true"} if result.truncated else {}
        self._send(HTTPStatus.OK, f"{media}; charset=utf-8", body, extra)

    def _run(self, sparql: str) -> QueryResult:
        return self.store.query(sparql, timeout_s=self.limits.timeout_s, limit=self.limits.max_rows,
                                prefixes=PREFIXES)

    def _send(self, status: HTTPStatus, media: str, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _negotiate(accept: str | None, result: QueryResult) -> str | None:
    """The media type to answer in: the client's most preferred one we make, or None."""
    offered = list(GRAPH_TYPES) if result.kind == "construct" else list(RESULT_TYPES)
    wanted: list[tuple[float, int, str]] = []
    for i, item in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in item.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
        wanted.append((-q, i, media.lower()))
    for q, _, media in sorted(wanted):
        if q == 0:
            continue
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            return next((m for m in offered if family == "*" or m.startswith(family + "/")), None)
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None

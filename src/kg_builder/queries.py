"""The canned query catalogue (queries/*.rq), parameter binding and result formatting.

Each .rq file starts with a header comment::

    # title: Summits
    # question: Which summits took place, where and when?
    # param: fact — IRI of a fact node (optional)

Integrity checks live in queries/checks/*-violation.rq and must return no rows.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pyoxigraph as ox

from . import resources
from .errors import QueryError
from .rdf import PREFIXES, shorten
from .sparql import mask
from .store import QueryResult, Term

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
MAX_CELL = 80  # characters of a table cell; longer values end in "…"

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Param:
    name: str
    description: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    path: Path
    title: str
    question: str
    parameters: tuple[Param, ...] = ()

    @property
    def text(self) -> str:
        return read_query_file(self.path)


# -- the catalogue -------------------------------------------------------------

def list_queries(directory: Path | None = None) -> list[CannedQuery]:
    """The canned queries in ``directory`` (default: the project's queries/), by name."""
    folder = Path(directory) if directory else resources.queries_dir()
    return [_load(p) for p in sorted(folder.glob("*.rq"))]


def list_checks(directory: Path | None = None) -> list[CannedQuery]:
    """The integrity checks (queries/checks/*-violation.rq): each must return no rows."""
    folder = Path(directory) if directory else resources.queries_dir() / "checks"
    return [_load(p) for p in sorted(folder.glob("*-violation.rq"))]


def get_query(name: str) -> CannedQuery:
    for q in list_queries():
        if q.name == name:
            return q
    raise QueryError(f"unknown query {name!r}", hint=_names_hint())


def resolve(spec: str) -> str:
    """The SPARQL text for a canned query name, a path to a .rq file, or '-' (stdin)."""
    if spec == "-":
        text = sys.stdin.read()
        if not text.strip():
            raise QueryError("no query on standard input")
        return text
    if any(q.name == spec for q in list_queries()):
        return get_query(spec).text
    path = Path(spec)
    if path.is_file():
        return read_query_file(path)
    if path.suffix in (".rq", ".sparql") or "/" in spec or "\\" in spec:
        raise QueryError(f"no query file {spec}")
    raise QueryError(f"unknown query {spec!r}", hint=_names_hint())


def read_query_file(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"cannot read the query file {path}: {e}") from e


def parse_header(text: str) -> tuple[str, str, tuple[Param, ...]]:
    """Title, question and parameters from the leading comment lines of a query."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"#\s*(title|question|param)\s*:\s*(.*?)\s*$", line)
        if not m:
            continue
        if m.group(1) == "param":
            p = re.match(r"[?$]?(\w+)\s*(?:[—–:-]+\s*)?(.*)$", m.group(2))
            if p:
                params.append(Param(p.group(1), p.group(2)))
        else:
            fields.setdefault(m.group(1), m.group(2))
    return fields.get("title", ""), fields.get("question", ""), tuple(params)


def _load(path: Path) -> CannedQuery:
    title, question, params = parse_header(read_query_file(path))
    name = path.name[: -len(".rq")]
    return CannedQuery(name, path, title or name, question, params)


def _names_hint() -> str:
    names = ", ".join(q.name for q in list_queries()) or "(none found)"
    return f"canned queries: {names}; or give a .rq file, or - to read the query from stdin"


# -- parameters ----------------------------------------------------------------

def bind(sparql: str, params: dict[str, str]) -> str:
    """Bind each parameter by a VALUES block at the top of the query's WHERE group.

    A query that declares its parameters (``# param:`` header lines) accepts
    only those. Parameter NAME binds ``?param_NAME`` when the query has that
    variable (the canned queries filter on it, so that a parameter never
    clashes with a result column), else ``?NAME``.

    A value is an IRI when written ``<...>``, as an absolute IRI (``https://...``,
    ``urn:...``) or with one of the project's prefixes (``kgs:north-korea``);
    a quoted SPARQL literal (``"2019"^^xsd:gYear``) is taken as written; anything
    else becomes a plain string literal.
    """
    if not params:
        return sparql
    masked = mask(sparql)
    declared = {p.name for p in parse_header(sparql)[2]}
    values = []
    for name, value in sorted(params.items()):
        name = name.lstrip("?$")
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"not a variable name: {name!r}")
        if declared and name not in declared:
            raise QueryError(f"the query has no parameter {name!r}", hint=_params_hint(sparql))
        variable = next((v for v in (f"param_{name}", name) if re.search(rf"[?$]{v}\b", masked)), None)
        if variable is None:
            raise QueryError(f"the query has no variable ?{name} to bind", hint=_params_hint(sparql))
        values.append(f" VALUES ?{variable} {{ {to_sparql_term(value)} }}")
    at = _where_brace(masked) + 1
    return sparql[:at] + "".join(values) + sparql[at:]


def to_sparql_term(value: str) -> str:
    """A parameter value as a SPARQL term (IRI or literal), safely escaped."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return _iri(v[1:-1])
    if v.startswith('"') and _LITERAL.fullmatch(v):
        return _expand_datatype(v)
    prefix, _, local = v.partition(":")
    if prefix in PREFIXES and " " not in v:
        return _iri(PREFIXES[prefix] + local)
    if re.fullmatch(r"(?:https?|urn|file|mailto):\S+", v):
        return _iri(v)
    escaped = (v.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


_LITERAL = re.compile(r'"(?:[^"\\\n\r]|\\[tbnrf"\'\\])*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*'
                      r'|\^\^(?:<[^<>"{}|^`\\\s]*>|\w+:[\w.-]*))?')


def _expand_datatype(literal: str) -> str:
    m = re.search(r"\^\^(\w+):([\w.-]*)$", literal)
    if not m:
        return literal
    if m.group(1) not in PREFIXES:
        raise QueryError(f"unknown prefix {m.group(1)}: in {literal}")
    return literal[: m.start()] + "^^" + _iri(PREFIXES[m.group(1)] + m.group(2))


def _iri(iri: str) -> str:
    try:
        return str(ox.NamedNode(iri))
    except ValueError as e:
        raise QueryError(f"not a valid IRI: {iri!r} ({e})") from e


def _where_brace(masked: str) -> int:
    """Offset of the '{' that opens the query's (outermost) WHERE group."""
    m = re.search(r"(?<![\w?$:])WHERE(?![\w:])", masked, re.IGNORECASE)
    if not m:
        m = re.search(r"(?<![\w?$:])(SELECT|ASK|DESCRIBE)(?![\w:])", masked, re.IGNORECASE)
    brace = masked.find("{", m.end()) if m else -1
    if brace < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return brace


def _params_hint(sparql: str) -> str:
    params = parse_header(sparql)[2]
    if not params:
        return "this query declares no parameters"
    return "parameters: " + ", ".join(f"{p.name} ({p.description})" for p in params)


# -- formatting ----------------------------------------------------------------

def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV, or SPARQL 1.1 JSON or XML results."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}", hint=f"use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2) + "\n"
        if fmt == "xml":
            return (f'<?xml version="1.0"?>\n<sparql xmlns="{_RESULTS_NS}"><head/>'
                    f'<boolean>{"true" if result.boolean else "false"}</boolean></sparql>\n')
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "construct":
        return result.graph_ntriples or ""
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}[fmt](result)


def _terms(result: QueryResult) -> list[tuple[Term | None, ...]]:
    if result.terms:
        return list(result.terms)
    return [tuple(_guess_term(v) for v in row) for row in result.rows]


def _guess_term(value: str | None) -> Term | None:
    """A term for a plain value (results built without typed terms)."""
    if value is None:
        return None
    if re.fullmatch(r"(?:https?|urn):\S+", value):
        return Term("uri", value, f"<{value}>")
    return Term("literal", value, str(ox.Literal(value)), _XSD_STRING)


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    text = shorten(term.value) if term.kind == "uri" else term.value
    if term.kind == "bnode":
        text = f"_:{term.value}"
    text = shown_escaped(" ".join(text.split()))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


# Control characters (an ESC starts a terminal command) and bidirectional overrides, which
# would make a terminal show something else than the data; tab and newlines are left to the caller.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown_escaped(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``, ``\\u202e``)."""
    return _HIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    cells: dict[Term | None, str] = {}  # an answer repeats its values (a document, a sentence, a class)

    def cell(term: Term | None) -> str:
        shown = cells.get(term)
        if shown is None:
            shown = cells[term] = _cell(term)
        return shown

    body = [[cell(t) for t in row] for row in _terms(result)]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in body]
    count = f"({len(body)} row{'s' if len(body) != 1 else ''}"
    out.append(count + (", truncated: more rows than the limit)" if result.truncated else ")"))
    return "\n".join(out) + "\n"


def _csv(result: QueryResult) -> str:
    return "".join(format_rows(result.variables, _terms(result), "csv"))


def _tsv(result: QueryResult) -> str:
    return "".join(format_rows(result.variables, _terms(result), "tsv"))


STREAMED_FORMATS = ("csv", "tsv")  # one line a row: written as the rows come


def format_rows(variables: Sequence[str], rows: Iterable[Sequence[Term | None]], fmt: str) -> Iterator[str]:
    """The header line, then one line per row, of a SELECT answer in CSV or TSV."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")

        def line(cells: list[str]) -> str:
            buf.seek(0)
            buf.truncate()
            writer.writerow(cells)
            return buf.getvalue()

        yield line(list(variables))
        for row in rows:
            yield line(["" if t is None else shown_escaped(t.nt if t.kind == "bnode" else t.value) for t in row])
        return
    yield "\t".join(f"?{v}" for v in variables) + "\n"
    for row in rows:
        yield "\t".join("" if t is None else t.nt for t in row) + "\n"


def _json(result: QueryResult) -> str:
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in _terms(result)]
    doc = {"head": {"vars": list(result.variables), "truncated": result.truncated},
           "results": {"bindings": bindings}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _json_term(t: Term) -> dict[str, str]:
    kind = {"uri": "uri", "bnode": "bnode"}.get(t.kind, "literal")
    out = {"type": kind, "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype != _XSD_STRING:
        out["datatype"] = t.datatype
    return out


_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def _xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format; a cut result says so in a <link href="truncated"/>."""
    from xml.sax.saxutils import escape, quoteattr

    out = [f'<?xml version="1.0"?>\n<sparql xmlns="{_RESULTS_NS}">\n<head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    if result.truncated:
        out.append('<link href="truncated"/>')
    out.append("</head>\n<results>")
    for row in _terms(result):
        out.append("<result>")
        for name, t in zip(result.variables, row):
            if t is None:
                continue
            if t.kind == "uri":
                value = f"<uri>{escape(t.value)}</uri>"
            elif t.kind == "bnode":
                value = f"<bnode>{escape(t.value)}</bnode>"
            elif t.language:
                value = f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
            elif t.datatype and t.datatype != _XSD_STRING:
                value = f"<literal datatype={quoteattr(t.datatype)}>{escape(t.value)}</literal>"
            else:
                value = f"<literal>{escape(t.value)}</literal>"
            out.append(f"<binding name={quoteattr(name)}>{value}</binding>")
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out)

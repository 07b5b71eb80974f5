"""What a SPARQL query asks for, decided on the parsed query before the store runs it.

A query runs only when rdflib's SPARQL 1.1 parser accepts it and its parse holds
no SERVICE (nothing reaches the network); updates are refused (queries are
read-only); ``FROM`` / ``FROM NAMED`` name the store's graphs, handed to the
store as its dataset, never fetched. Size and nesting are checked on the text
before any parser sees it: a parser recursing into 5,000 parentheses overflows
its stack.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterator, Mapping

from pyparsing import ParseBaseException
from rdflib.plugins.sparql import algebra, parser

from . import plan_cache
from .errors import QueryRefused, QuerySyntaxError

# this module's own text: a plan kept on disk by another version of the planner is never read
_PLANNER = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
MAX_QUERY_CHARS = 200_000
MAX_DEPTH = 16  # brackets ( { [ inside each other; the canned queries need 5, rdflib's parser ~25

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

# One SPARQL token at a time, enough to know what is code and what is text. A backslash
# outside strings escapes the next character (prefixed names allow "ex:a\#b"), so "\#" does
# not start a comment and "\(" opens nothing.
_TOKEN = re.compile(
    r'(?P<text>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
    r'|<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>|#[^\n\r]*|\\.)'
    r'|(?P<word>[?$]?[^\s(){}\[\]<>"\'#,;\\]+)'
    r'|(?P<open>[({\[])|(?P<close>[)}\]])'
    r'|(?P<other>[\s\S])',
    re.DOTALL,
)


@dataclass(frozen=True)
class QueryPlan:
    """A query the store may run, and the dataset it names (empty: the union of all graphs)."""

    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    # A SELECT that ends with ``ORDER BY ?a ?b ...`` (ascending, projected variables): those
    # names, and the query without that clause (the store may sort the rows itself)
    order_by: tuple[str, ...] = ()
    unordered: str = ""


def plan(sparql: str, prefixes: Mapping[str, str] | None = None) -> QueryPlan:
    """Check ``sparql`` and say what it reads; QueryRefused or QuerySyntaxError when it cannot run.
    ``prefixes`` are declared for the query (as the store declares them when it runs it)."""
    return _plan(sparql, tuple(sorted((prefixes or {}).items())))


# rdflib's parser takes about 0.1 s a query, and one process asks the same queries again and
# again (validate_store its ~100 compiled shape checks on every call, `kg serve` the canned
# questions): a plan is frozen and depends only on the arguments. Refusals are not kept. Across
# processes, plans are kept on disk (plan_cache).
@functools.lru_cache(maxsize=256)
def _plan(sparql: str, prefixes: tuple[tuple[str, str], ...]) -> QueryPlan:
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is {len(sparql):,} characters long, more than {MAX_QUERY_CHARS:,}",
                           hint="shorten it; bind long value lists with --param instead")
    words = _check_tokens(sparql)
    if _query_form(words) in UPDATE_WORDS:
        raise QueryRefused("queries are read-only: updates (INSERT, DELETE, LOAD, DROP, ...) are not run",
                           hint="rebuild documents with `kg build` to change the store")
    plan_key = plan_cache.key(sparql, prefixes, _PLANNER)
    kept = _kept_plan(plan_key, sparql)
    if kept is not None:
        return kept
    made = _parsed_plan(sparql, prefixes)
    plan_cache.write(plan_key, asdict(made))
    return made


def _kept_plan(plan_key: str, sparql: str) -> QueryPlan | None:
    """The plan an earlier run made of this query, when the disk holds one that is whole and of this text."""
    kept = plan_cache.read(plan_key)
    if kept is None or set(kept) != {f.name for f in fields(QueryPlan)} or kept["text"] != sparql:
        return None
    return QueryPlan(**{name: tuple(value) if isinstance(value, list) else value for name, value in kept.items()})


# pyparsing, under rdflib's parser, keeps the state of a parse in the grammar's objects: two threads parsing
# at once (`kg serve`'s requests, the answers kept after a build) read each other's tokens and fail
_PARSING = threading.Lock()


def _parsed_plan(sparql: str, prefixes: tuple[tuple[str, str], ...]) -> QueryPlan:
    try:
        with _PARSING, _quiet_rdflib():
            parsed = algebra.translateQuery(parser.parseQuery(sparql), initNs=dict(prefixes))
    except ParseBaseException as e:
        raise QuerySyntaxError(f"invalid SPARQL at line {e.lineno}, column {e.col}: {_expected(e)}",
                               hint=f"look near {_snippet(e.line, e.col)!r}; kg runs SPARQL 1.1 queries") from None
    except RecursionError:
        raise QueryRefused("the query is nested too deeply to parse", hint="flatten it") from None
    except Exception as e:  # rdflib reports bad prefixes, IRIs and aggregates with its own types
        raise QuerySyntaxError(f"invalid SPARQL: {e}", hint="kg runs SPARQL 1.1 queries") from None
    if any(node.name == "ServiceGraphPattern" for node in _nodes(parsed.algebra)):
        raise QueryRefused("SERVICE clauses are not allowed: queries run on the local store only")
    dataset = parsed.algebra.get("datasetClause") or []
    return QueryPlan(sparql, tuple(str(d["default"]) for d in dataset if "default" in d),
                     tuple(str(d["named"]) for d in dataset if "named" in d), *_final_order(sparql, parsed.algebra))


_ORDER_BY = re.compile(r"(?<![\w?$:])ORDER\s+BY((?:\s+[?$]\w+)+)\s*$", re.IGNORECASE)


def _final_order(sparql: str, query: object) -> tuple[tuple[str, ...], str]:
    """The variables of the ``ORDER BY ?a ?b ...`` that ends a SELECT (nothing after it, no
    DISTINCT, each variable projected), and the query without it; ((), "") for any other query."""
    order = query.p.p if query.name == "SelectQuery" and query.p.name == "Project" else None  # type: ignore[attr-defined]
    found = _ORDER_BY.search(mask(sparql)) if order is not None and order.name == "OrderBy" else None
    if found is None:
        return (), ""
    names = tuple(v[1:] for v in found.group(1).split())
    if not set(names) <= {str(v) for v in query.PV}:  # type: ignore[attr-defined]
        return (), ""
    return names, sparql[: found.start()]


def ordered(unordered: str, order_by: tuple[str, ...]) -> str:
    """A query without its final ORDER BY (``QueryPlan.unordered``) with ``ORDER BY ?a ?b ...`` put back."""
    return unordered + "".join(["\nORDER BY"] + [f" ?{v}" for v in order_by]) if order_by else unordered


def mask(sparql: str) -> str:
    """The query with its strings, IRIs, comments and escapes blanked out (offsets are kept)."""
    return _TOKEN.sub(lambda m: " " * len(m.group(0)) if m.lastgroup == "text" else m.group(0), sparql)


def _check_tokens(sparql: str) -> list[str]:
    """The query's words (keywords, names, variables), after checking its nesting depth and SERVICE."""
    depth, words = 0, []
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _position(sparql, m.start())
                raise QueryRefused(f"the query nests brackets more than {MAX_DEPTH} deep "
                                   f"(line {line}, column {column})", hint="flatten it")
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word":
            words.append(m.group("word"))
    if any(w.upper() == "SERVICE" for w in words):
        raise QueryRefused("SERVICE clauses are not allowed: queries run on the local store only")
    return words


def _query_form(words: list[str]) -> str:
    """The first keyword after the prologue (PREFIX p: <...> and BASE <...>), upper-cased."""
    after_prefix = False
    for word in words:
        upper = word.upper()
        if after_prefix:
            after_prefix = False
        elif upper == "PREFIX":
            after_prefix = True
        elif upper != "BASE":
            return upper
    return ""


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs warnings (e.g. on escaped local names) that are not the user's business."""
    log = logging.getLogger("rdflib")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _nodes(value: object) -> Iterator:
    """Every parsed node (rdflib CompValue) below ``value``."""
    stack = [value]
    while stack:
        item = stack.pop()
        if hasattr(item, "name") and isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _expected(e: ParseBaseException) -> str:
    found = e.line[e.col - 1:e.col + 19].split()
    return f"unexpected {found[0]!r}" if found else "unexpected end of the query"


def _snippet(line: str, col: int) -> str:
    start = max(0, col - 21)
    return line[start:col + 20].strip()

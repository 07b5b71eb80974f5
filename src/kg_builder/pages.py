"""The first page of a canned query's answer, without working out the whole answer.

A canned query ends with ORDER BY, and Oxigraph sorts the whole answer even under a
LIMIT: at a million triples the first 1,000 of provenance's 40,000 rows, all `kg query`
shows by default, cost as much as all of them. A canned query NAME.rq may come with two
companions in queries/pages/:

- ``NAME-keys.rq`` answers ``?key ?order ?rows``: one row per value of a key (a source
  document, a holder, a date), ``?order`` the value the answer's first ORDER BY column
  takes on that key's rows, ``?rows`` about how many rows it has. Every row of the answer
  must have a key whose ``?order`` is its first column (the tests check each page size).
- ``NAME.rq`` answers NAME.rq's rows for the keys its ``VALUES ?key { }`` is given: found
  from those keys, cheap when they are few.

The keys are taken in the order of ``?order`` until their rows fill the page (every key
tied with the last one too); of their rows, those whose first column sorts after the last
key's ``?order`` belong to a later page and are dropped. The rest are exactly the head of
the whole answer. When they do not fill the page and keys are left, more keys are taken.
A parameter the companions do not take, an unbounded limit or a key out of the store's order
run the query whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from . import answers, resources
from .errors import QueryError
from .queries import CannedQuery, bind, read_query_file
from .rdf import PREFIXES
from .sparql import mask, plan
from .store import QueryResult, Store, Term, Unordered, order_key


@dataclass(frozen=True)
class _Key:
    term: Term
    order: tuple  # the place of its first-column value in SPARQL's order
    rows: int


def first_page(store: Store, query: CannedQuery, limit: int | None, timeout_s: float | None = None,
               params: Mapping[str, str] | None = None) -> QueryResult:
    """The first ``limit`` rows of ``query``'s answer with ``params`` bound, ``truncated`` when more exist:
    from the store's kept answer when it has one (answers.py), else from its keys, else whole."""
    found = None if params else answers.kept(store, query, limit)
    if found is not None:
        return found
    whole = bind(query.text, dict(params or {}))
    companions = _companions(query.name, params or {}) if limit else None
    keys = _keys(store, companions.keys, timeout_s) if companions else None
    if keys is None or not limit or not companions:
        return store.query(whole, timeout_s=timeout_s, limit=limit, prefixes=PREFIXES)
    if not keys:  # every row has a key: no rows (the page query says which columns)
        return store.query(_restricted(companions.page, []), timeout_s=timeout_s, prefixes=PREFIXES, trusted=True,
                           order_by=companions.order)
    wanted = limit + 1
    while True:
        taken = _enough(keys, wanted)
        # vetted in _companions; with its keys and parameters bound, rdflib would parse it again (~0.1 s);
        # given without its ORDER BY, the store sorts the rows itself when it can (20-30 ms less a page at 5x)
        result = store.query(_restricted(companions.page, keys[:taken]), timeout_s=timeout_s, prefixes=PREFIXES,
                             trusted=True, order_by=companions.order)
        column = result.variables.index(companions.order[0])
        cutoff = keys[taken - 1].order
        try:
            rows = [row for row in result.terms if order_key(row[column]) <= cutoff]
        except Unordered:  # a value the keys did not announce: let the engine sort it all
            return store.query(whole, timeout_s=timeout_s, limit=limit, prefixes=PREFIXES)
        if len(rows) > limit or taken == len(keys):
            shown = tuple(rows[:limit])
            return QueryResult("select", result.variables, tuple(tuple(t.value if t else None for t in r) for r in shown),
                               truncated=len(rows) > limit or taken < len(keys), terms=shown)
        wanted *= 2  # the estimates of ?rows were high: take more keys


@dataclass(frozen=True)
class _Pages:
    keys: str  # the keys query, parameters bound
    page: str  # the page query without its final ORDER BY, parameters bound
    order: tuple[str, ...]  # the variables of that ORDER BY


def _companions(name: str, params: Mapping[str, str]) -> _Pages | None:
    """The keys query and the page query of ``name`` with ``params`` bound; None without both, when
    one lacks a parameter, when the page query has no ``VALUES ?key { }`` or does not end with
    ORDER BY ?first ... The files are vetted as any query (once: ``plan`` keeps its answers)."""
    folder = resources.queries_dir() / "pages"
    keys, page = folder / f"{name}-keys.rq", folder / f"{name}.rq"
    if not keys.is_file() or not page.is_file():
        return None
    texts = read_query_file(keys), read_query_file(page)
    plan(texts[0], PREFIXES)
    page = plan(texts[1], PREFIXES)
    if not page.order_by or not _KEYS.search(mask(page.unordered)):
        return None
    try:
        return _Pages(bind(texts[0], dict(params)), bind(page.unordered, dict(params)), page.order_by)
    except QueryError:
        return None  # a parameter the pages do not take: the whole query takes it


def _keys(store: Store, text: str, timeout_s: float | None) -> list[_Key] | None:
    """The keys in the order of their first-column value; None when that order is not certain here."""
    result = store.query(text, timeout_s=timeout_s, prefixes=PREFIXES, trusted=True)  # vetted by _companions
    key, order, rows = (result.variables.index(v) for v in ("key", "order", "rows"))
    try:
        found = [_Key(row[key], order_key(row[order]), int(row[rows].value))
                 for row in result.terms if row[key] is not None and row[order] is not None]
    except (Unordered, ValueError, AttributeError):
        return None
    if len(found) != len(result.terms):
        return None  # rows with an empty first column head the answer: no key finds them
    return sorted(found, key=lambda k: k.order)


def _enough(keys: list[_Key], wanted: int) -> int:
    """How many of the first keys hold ``wanted`` rows by their estimates, with the keys tied to the last."""
    total, taken = 0, 0
    while taken < len(keys) and total < wanted:
        total += keys[taken].rows
        taken += 1
    while taken < len(keys) and keys[taken].order == keys[taken - 1].order:
        taken += 1
    return taken


def _restricted(text: str, keys: list[_Key]) -> str:
    """The page query with each of its ``VALUES ?key { }`` holding ``keys``."""
    values = " ".join(k.term.nt for k in keys)
    out, last = [], 0
    for found in _KEYS.finditer(mask(text)):  # the offsets of the masked text are the text's
        out += [text[last:found.end() - 1], values, " "]
        last = found.end() - 1
    return "".join(out) + text[last:]


_KEYS = re.compile(r"(?<![\w?$:])VALUES\s+\?key\s*\{\s*\}", re.IGNORECASE)


def has_first_page(name: str) -> bool:
    """Whether the canned query ``name`` has its first page found from keys (queries/pages/)."""
    return _companions(name, {}) is not None

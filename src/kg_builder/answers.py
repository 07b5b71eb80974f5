"""Canned answers kept in the store: the first rows of each canned question's answer, worked out
once the store has changed and read back in milliseconds by `kg query NAME` and `kg serve`.

At a million triples a canned query costs 80-150 µs a row on the embedded store however it is
written (each row reads its strings back from RocksDB one at a time and joins a few triples):
provenance's 40,000 rows take seconds, and unrealized, which has no sort key to page from, more
than a second for its first 1,000 rows. Kept answers move that work to the end of `kg build`
and `kg load`: the first ``ROWS`` rows of each canned query without parameters (as many as
`kg query` shows as a table by default), one literal a page of ``PAGE`` rows, go into
ANSWERS_GRAPH, outside the union that queries read and outside every export. Every other
write to the store drops that graph before it writes (``Store._write``), so a kept answer is
the one the store's content gives, or absent; an answer kept for another text of the query
(an edited queries folder, another version) is not read either. Without a kept answer
(parameters, more rows than were kept, a remote store, a store written since) the query runs.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from .queries import CannedQuery, list_queries
from .rdf import ANSWERS_GRAPH, PREFIXES, answer_terms
from .store import QueryResult, Store, Term

# rows kept of each answer: as many as `kg query` shows as a table by default. Keeping the 10,000 that CSV, JSON and
# `kg serve` show by default cost three times as much at the end of every build of the corpus (3.3 s of CPU against
# 1.0 s); past the rows kept, the query runs.
ROWS = 1_000
PAGE = 1_000  # rows of a kept answer in one literal: a first page is one string read from the store
LAYOUT = 4  # how this module writes an answer: part of what a kept answer answers (``_digest``)
_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


def keep(store: Store, say: Callable[[str], None] = lambda _message: None) -> bool:
    """Work out and keep every canned answer's first rows, unless each is kept already; True when it did."""
    from .pages import first_page  # pages reads the kept answers first: imported here, not at the top

    queries = list_queries()
    if all(store.values(f"SELECT * WHERE {{ GRAPH <{ANSWERS_GRAPH}> {{ <{answer_terms(q.name).node}> "
                        f"<{answer_terms(q.name).text}> {_string(_digest(q))} }} }}") for q in queries):
        return False
    store.drop_answers()  # answers of other query texts, or of a keep cut short: first_page runs live
    # Oxigraph lets go of the GIL while it evaluates: on two cores the thirteen are worked out in 0.6 s
    # of wall time against 1.1 s one after the other (the corpus), at the end of every build
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        found = pool.map(lambda query: first_page(store, query, ROWS), queries)
        for q, answer in zip(queries, found):
            say(f"keeping the answer of {q.name}")
            store.keep_answers(_ntriples(q, answer))
    return True


def kept(store: object, query: CannedQuery, limit: int | None) -> QueryResult | None:
    """The first ``limit`` rows (all when None) of ``query``'s kept answer, ``truncated`` when more
    exist; None when the store keeps no such answer (or is no embedded store), or fewer rows of it."""
    return _read(store, query, limit) if isinstance(store, Store) else None


def _read(store: Store, query: CannedQuery, limit: int | None) -> QueryResult | None:
    terms = answer_terms(query.name)
    head = store.values(f"""SELECT ?variables ?count ?more WHERE {{ GRAPH <{ANSWERS_GRAPH}> {{
        <{terms.node}> <{terms.text}> {_string(_digest(query))} ; <{terms.variables}> ?variables ;
                       <{terms.rows}> ?count ; <{terms.more}> ?more }} }}""")
    if not head:
        return None
    count, more = int(head[0][1]), head[0][2] == "true"
    if more and (limit is None or limit > count):
        return None  # rows past those kept: the query runs
    pages = "" if limit is None else f"VALUES ?page {{ {' '.join(map(str, range((limit - 1) // PAGE + 1)))} }}"
    found = store.values(f"""SELECT ?page ?cells WHERE {{ GRAPH <{ANSWERS_GRAPH}> {{
        {pages} ?at <{terms.page}> ?page ; <{terms.cells}> ?cells }} }}""")
    ranked = [row for _, cells in sorted(found, key=lambda page: int(page[0])) for row in json.loads(cells)]
    shown = ranked if limit is None else ranked[:limit]
    known: dict[str, Term] = {}  # the values of an answer repeat: one Term each (3x cheaper than making it)

    def term(cell: object) -> Term | None:
        # an IRI's value or a literal's N-Triples form (which starts with a quote, as no IRI does)
        key = cell if isinstance(cell, str) else cell[0] if cell and cell[0].startswith('"') else None
        if key is None:
            return _term(cell)
        found = known.get(key)
        if found is None:
            found = known[key] = _term(cell)
        return found

    rows = tuple(tuple(map(term, row)) for row in shown)
    return QueryResult("select", tuple(json.loads(head[0][0])), tuple(tuple(t.value if t else None for t in r) for r in rows),
                       truncated=more or len(shown) < count, terms=rows)


def _ntriples(query: CannedQuery, answer: QueryResult) -> str:
    terms = answer_terms(query.name)
    lines = [f"<{terms.node}> <{terms.text}> {_string(_digest(query))} .",
             f"<{terms.node}> <{terms.variables}> {_string(json.dumps(list(answer.variables)))} .",
             f"<{terms.node}> <{terms.rows}> \"{len(answer.terms)}\"^^{_INTEGER} .",
             f"<{terms.node}> <{terms.more}> \"{str(answer.truncated).lower()}\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."]
    for number, start in enumerate(range(0, len(answer.terms), PAGE)):
        cells = json.dumps([[_cell(t) for t in row] for row in answer.terms[start:start + PAGE]], ensure_ascii=False)
        node = terms.page_node(number)
        lines += [f"<{node}> <{terms.page}> \"{number}\"^^{_INTEGER} .", f"<{node}> <{terms.cells}> {_string(cells)} ."]
    return "\n".join(lines) + "\n"


def _cell(term: Term | None) -> object:
    """A term as JSON, short: an IRI is its value, a literal its N-Triples form (its value is read back
    from it) with its datatype and language; a sentence is written once, not twice."""
    if term is None:
        return None
    if term.kind == "uri":
        return term.value
    if term.kind == "literal":
        return [term.nt, term.datatype, term.language]
    return [term.kind, term.value, term.nt]


def _term(cell: object) -> Term | None:
    """The term ``_cell`` wrote. A literal's N-Triples escapes (the store's: pyoxigraph's) are JSON's too."""
    if cell is None:
        return None
    if isinstance(cell, str):
        return Term("uri", cell, f"<{cell}>")
    if not cell[0].startswith('"'):  # a blank node or a triple: [kind, value, nt]
        return Term(*cell)
    nt, datatype, language = cell
    body = nt[1:nt.rindex('"')]
    return Term("literal", json.loads(f'"{body}"') if "\\" in body else body, nt, datatype, language)


def _digest(query: CannedQuery) -> str:
    """What the kept answer answers: the query's text, the prefixes declared for it, and its layout."""
    return hashlib.sha256(json.dumps([query.text, PREFIXES, LAYOUT, PAGE, ROWS], sort_keys=True).encode("utf-8")).hexdigest()


def _string(text: str) -> str:
    """An N-Triples string literal of text without control characters (``json.dumps`` output, a digest)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

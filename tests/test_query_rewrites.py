"""The canned queries rewritten for speed give the rows of their previous formulation.

tests/data/queries-before/ holds each canned query as it was before it was rewritten
(hash joins through sub-selects, MINUS for FILTER NOT EXISTS, local names taken after
the aggregate, an agreement's own values aggregated before its signatories are joined): on
five documents as the pipeline built them, and with each declared parameter bound, both
must answer row for row the same, in the same order.

The store sorts the rows of a query that ends with ``ORDER BY ?a ?b`` itself: each canned
query gives the rows Oxigraph gives when it sorts them (``ORDER BY ASC(?a) ASC(?b)``).

A first page found from its keys (queries/pages/, kg_builder.pages) is the head of the
whole answer, for every page size from one row to past the end.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg_builder import pages, resources
from kg_builder.corpus import read_nquads
from kg_builder.cli import cli
from kg_builder.queries import bind, format_result, get_query, list_queries, read_query_file
from kg_builder.rdf import DOCUMENT_GRAPHS, PREFIXES
from kg_builder.sparql import plan
from kg_builder.store import QueryResult, Store

pytestmark = pytest.mark.slow  # ~12 s on a busy 2-core machine: the fast tier has no room left

DATA = Path(__file__).parent / "data"
BEFORE = DATA / "queries-before"
REWRITTEN = sorted(p.stem for p in BEFORE.glob("*.rq")
                   if read_query_file(p) != get_query(p.stem).text)

# Each declared parameter with a value the five documents hold (a column of the query's
# own answer where there is one), so that the filters run on rows that exist.
PARAMS = {
    "agreements": [{}, {"signer": "China"}, {"status": "NotSigned"}, {"signer": "John Quincy Adams", "status": "signed"}],
    "positions": [{}, {"holder": "United States"}, {"issue": "new markets"}, {"stance": "Supports"},
                  {"holder": "China", "stance": "opposes"}],
    "timeline": [{}, {"from": "1800"}, {"to": "1850-06"}, {"actor": "United States"},
                 {"from": "1800", "to": "1990", "actor": "China"}],
    "unrealized": [{}, {"kind": "Agreement"}],  # the kind filter costs seconds per case
    "provenance": [{}, {"document": "monroe.txt"}, {"fact": "FIRST"}],
    "roles": [{}, {"person": "George Canning"}, {"organization": "China"}],
}


NONE_IN_FIVE = {"alignments", "participants", "summits"}  # no alliance and no summit in the five documents


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("rewrites")
    dump = folder / "five.nq"
    dump.write_bytes(gzip.decompress((DATA / "five-documents.nq.gz").read_bytes()))
    s = Store.open(folder / "store")
    s.ensure_ontology(resources.ontology_file())
    for graph, ntriples in read_nquads(dump).items():
        s.replace_graph(graph, ntriples)
    yield s
    s.close()


def answer(store: Store, text: str, params: dict[str, str]) -> tuple:
    result = store.query(bind(text, params), prefixes=PREFIXES)
    return result.variables, result.rows


def test_rewrites_some_queries_were_rewritten() -> None:
    assert set(REWRITTEN) == set(PARAMS), "every rewritten query needs parameter cases here"


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewrites_same_rows_as_before(store: Store, name: str) -> None:
    old, new = read_query_file(BEFORE / f"{name}.rq"), get_query(name).text
    first = answer(store, old, {})[1][0]
    answered = 0
    for params in PARAMS[name]:
        if params.get("fact") == "FIRST":
            params = {"fact": f"<{first[0]}>"}
        before, after = answer(store, old, params), answer(store, new, params)
        assert after == before, f"{name} {params}"
        answered += bool(before[1])
    assert answered == len(PARAMS[name]), f"{name}: a parameter case found no rows, so it compares nothing"


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_rewrites_store_sorts_as_the_engine(store: Store, name: str) -> None:
    text = get_query(name).text
    clause = text[text.rindex("ORDER BY"):]
    engine = text.replace(clause, "ORDER BY " + " ".join(f"ASC({v})" for v in clause.split()[2:]) + "\n")
    assert plan(text, PREFIXES).order_by and not plan(engine, PREFIXES).order_by
    for params in PARAMS.get(name, [{}]):
        if params.get("fact") == "FIRST":
            continue
        ours, theirs = answer(store, text, params), answer(store, engine, params)
        assert ours == theirs, f"{name} {params}"
        assert ours[1] or name in NONE_IN_FIVE, f"{name} {params}: no rows, nothing compared"


PAGED = sorted(p.stem for p in (resources.queries_dir() / "pages").glob("*.rq") if not p.stem.endswith("-keys"))


def test_rewrites_pages_cover_the_slow_queries() -> None:
    assert {"positions", "provenance", "timeline"} <= set(PAGED)


@pytest.mark.parametrize("name", PAGED)
def test_rewrites_first_page_is_the_head_of_the_answer(store: Store, name: str) -> None:
    query = get_query(name)
    for params in PARAMS.get(name, [{}]):
        if params.get("fact") == "FIRST":
            params = {"fact": f"<{store.query(query.text, prefixes=PREFIXES).rows[0][0]}>"}
        whole = store.query(bind(query.text, params), prefixes=PREFIXES)
        total = len(whole.rows)
        assert total > (20 if not params else 0), f"{name} {params}: too few rows to page"
        for limit in sorted({1, 2, 3, 7, 20, total // 2, total - 1, total, total + 5} - {0}):
            page = pages.first_page(store, query, limit, params=params)
            assert page.variables == whole.variables
            assert page.rows == whole.rows[:limit], f"{name} {params}, first {limit} rows"
            assert page.truncated == (total > limit), f"{name} {params}, first {limit} rows"


def test_rewrites_first_page_with_parameters_from_keys(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """provenance's parameters narrow its keys: a document's facts, or none for a document not in the store."""
    rounds = []
    restricted = pages._restricted
    monkeypatch.setattr(pages, "_restricted", lambda text, keys: rounds.append(len(keys)) or restricted(text, keys))
    query = get_query("provenance")
    one = pages.first_page(store, query, 1000, params={"document": "monroe.txt"})
    assert one.rows and {row[3] for row in one.rows} == {"monroe.txt"} and rounds == [1]
    none = pages.first_page(store, query, 1000, params={"document": "no-such.txt"})
    assert none.rows == () and none.variables == one.variables and rounds == [1, 0]


def test_rewrites_first_page_takes_more_keys_when_the_estimates_were_high(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys that promise ten times their rows: the first round falls short and more are taken."""
    found = pages._keys
    monkeypatch.setattr(pages, "_keys", lambda *a: [pages._Key(k.term, k.order, 10 * k.rows) for k in found(*a)])
    rounds = []
    restricted = pages._restricted
    monkeypatch.setattr(pages, "_restricted", lambda text, keys: rounds.append(len(keys)) or restricted(text, keys))
    query = get_query("provenance")
    whole = store.query(query.text, prefixes=PREFIXES).rows
    page = pages.first_page(store, query, len(whole) - 1)
    assert page.rows == whole[:-1] and page.truncated
    assert len(rounds) > 1 and rounds == sorted(rounds), rounds


def test_rewrites_kg_query_shows_the_head_of_the_answer(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg query NAME` with a row limit and no parameter shows the first page found from its keys:
    the table of the whole answer's first rows, and the note that it was cut."""
    rounds = []
    restricted = pages._restricted
    monkeypatch.setattr(pages, "_restricted", lambda text, keys: rounds.append(len(keys)) or restricted(text, keys))
    whole = store.query(get_query("timeline").text, prefixes=PREFIXES)
    head = QueryResult("select", whole.variables, whole.rows[:7], truncated=True, terms=whole.terms[:7])
    shown = CliRunner().invoke(cli, ["query", "timeline", "--store", str(store.path), "--limit", "7"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == format_result(head, "table")
    assert "the result was cut" in shown.stderr
    assert rounds, "the page was not found from its keys"


def test_rewrites_first_page_keeps_a_span_without_document(tmp_path: Path) -> None:
    """A span without kgo:sourceDocument (a shape violation) heads provenance with an empty document:
    the first page keeps it (no key finds it, so the query runs whole)."""
    kgo, derived = PREFIXES["kgo"], "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    facts = "".join(f"<urn:x:fact{i}> {derived} <urn:x:span{i}> .\n<urn:x:span{i}> <{kgo}sentence> \"Sentence {i}.\" .\n"
                    for i in range(3))
    with Store.open(tmp_path / "store") as s:
        s.replace_graph(DOCUMENT_GRAPHS + "one", facts + f"<urn:x:span1> <{kgo}sourceDocument> <urn:x:doc> .\n"
                        f"<urn:x:span2> <{kgo}sourceDocument> <urn:x:doc> .\n")
        query = get_query("provenance")
        whole = s.query(query.text, prefixes=PREFIXES).rows
        assert [row[3] for row in whole] == [None, "urn:x:doc", "urn:x:doc"]
        assert pages.first_page(s, query, 2).rows == whole[:2]

"""store.py: named graphs replaced atomically, union default graph, safe queries."""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg_builder import sparql
from kg_builder import store as store_module
from kg_builder.errors import InputError, QueryError, StoreError
from kg_builder.store import ONTOLOGY_GRAPH, QueryResult, RowStream, Store

EX = "http://example.org/"
G1 = "https://w3id.org/kg-builder/graph/doc/doc-1"
G2 = "https://w3id.org/kg-builder/graph/doc/doc-2"


def nt(*triples: tuple[str, str, str]) -> str:
    return "".join(f"<{EX}{s}> <{EX}{p}> {o} .\n" for s, p, o in triples)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store") as s:
        yield s


def subjects(store: Store, graph: str) -> list[str]:
    r = store.query(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?s")
    return [row[0] for row in r.rows]


def test_store_replace_graph_replaces_only_that_graph(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"'), ("b", "p", '"2"')))
    store.replace_graph(G2, nt(("c", "p", '"3"')))
    count = store.replace_graph(G1, nt(("d", "p", '"4"'), ("d", "p", '"4"')))
    assert count == 1
    assert subjects(store, G1) == [EX + "d"]
    assert subjects(store, G2) == [EX + "c"]
    assert store.document_graphs() == [G1, G2]


def test_store_parse_error_leaves_old_graph_intact(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"')))
    bad = nt(("b", "p", '"2"')) + "<not an iri> <x> .\n"
    with pytest.raises(InputError, match="N-Triples"):
        store.replace_graph(G1, bad)
    assert subjects(store, G1) == [EX + "a"]


def test_store_replace_graph_keeps_literals_exactly(store: Store) -> None:
    text = 'He said "no".\n\tNext line \\ é \u2014 \u0001'
    literal = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
        .replace("\t", "\\t").replace("\u0001", "\\u0001") + '"'
    store.replace_graph(G1, nt(("a", "p", literal), ("a", "q", '"x"@en'), ("a", "r", "_:b1")))
    rows = store.query(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}").rows
    assert rows == ((text,),)


def test_store_union_default_graph(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "knows", f"<{EX}b>")))
    store.replace_graph(G2, nt(("b", "knows", f"<{EX}c>")))
    r = store.query(f"SELECT ?x WHERE {{ <{EX}a> <{EX}knows>/<{EX}knows> ?x }}")
    assert r.kind == "select" and r.variables == ("x",) and r.rows == ((EX + "c",),)


def test_store_query_returns_plain_values_and_terms(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "n", '"7"^^<http://www.w3.org/2001/XMLSchema#integer>')))
    r = store.query(f"SELECT ?s ?n ?none WHERE {{ ?s <{EX}n> ?n OPTIONAL {{ ?s <{EX}zz> ?none }} }}")
    assert r.rows == ((EX + "a", "7", None),)
    assert r.terms[0][0].kind == "uri" and r.terms[0][1].datatype.endswith("#integer")
    assert r.terms[0][2] is None


def test_store_ask_and_construct(store: Store) -> None:
    store.replace_graph(G1, nt(("b", "p", '"2"'), ("a", "p", '"1"')))
    assert store.query("ASK { ?s ?p ?o }") == QueryResult("ask", boolean=True)
    r = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert r.kind == "construct"
    assert r.graph_ntriples == nt(("a", "p", '"1"'), ("b", "p", '"2"'))


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SeRvIcE ?endpoint { ?s ?p ?o } }",
])
def test_store_service_rejected(store: Store, query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        store.query(query)


def test_store_service_word_in_strings_iris_and_names_allowed(store: Store) -> None:
    store.query('SELECT ?service WHERE { ?s <http://x/SERVICE> "SERVICE" . ?s ?p ?service } # SERVICE')


def test_store_truncation_flag(store: Store) -> None:
    store.replace_graph(G1, nt(*[(f"s{i}", "p", f'"{i}"') for i in range(5)]))
    assert store.query("SELECT ?s WHERE { ?s ?p ?o }", limit=3).truncated
    capped = store.query("SELECT ?s WHERE { ?s ?p ?o }", limit=3)
    assert len(capped.rows) == 3
    full = store.query("SELECT ?s WHERE { ?s ?p ?o }", limit=5)
    assert len(full.rows) == 5 and not full.truncated


def test_store_trusted_query_skips_the_vetting_parse_and_others_do_not(store: Store, monkeypatch) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"')))
    calls: list[str] = []
    vet = store_module.sparql.plan
    monkeypatch.setattr(store_module.sparql, "plan", lambda text, prefixes=None: calls.append(text) or vet(text, prefixes))
    text = "SELECT ?s WHERE { ?s ?p ?o }"
    assert store.query(text, trusted=True).rows == ((f"{EX}a",),)
    assert calls == []
    store.query(text)
    assert calls == [text]


def test_store_rows_across_batches_come_whole_and_in_order(store: Store) -> None:
    n = 2 * RowStream.BATCH + 50  # rows are handed over in batches: the last one is partial
    store.replace_graph(G1, nt(*[(f"s{i}", "n", f'"{i}"^^<http://www.w3.org/2001/XMLSchema#integer>')
                               for i in range(n)]))
    query = "SELECT ?v ?p WHERE { ?s ?p ?v } ORDER BY ?v"
    whole = store.query(query)
    assert [int(v) for v, _ in whole.rows] == list(range(n)) and not whole.truncated
    assert whole.terms[0][1] is whole.terms[1][1]  # a repeated value is one Term
    at_batch = store.query(query, limit=2 * RowStream.BATCH)
    assert at_batch.rows == whole.rows[: 2 * RowStream.BATCH] and at_batch.truncated
    assert not store.query(query, limit=n).truncated


@pytest.mark.parametrize("values", [
    '"b" "B" "é" "a" "ab" 10 2 <http://x/b> <http://x/a>',  # strings, integers, IRIs (and unbound below)
    '"b" "a" "b" "c"',  # tied rows: the engine orders them
    '"x"@en "a" "2019-01-01"^^<http://www.w3.org/2001/XMLSchema#date>',  # literals the store does not order
])
def test_store_sorts_rows_as_the_engine_does(store: Store, values: str) -> None:
    query = f"SELECT ?v ?i WHERE {{ {{ VALUES ?v {{ {values} }} }} UNION {{ BIND(1 AS ?i) }} }} ORDER BY ?v"
    assert sparql.plan(query).order_by == ("v",)
    engine = query.replace("ORDER BY ?v", "ORDER BY ASC(?v)")  # left to Oxigraph
    assert store.query(query).terms == store.query(engine).terms


@pytest.mark.parametrize("values", [
    '"b" "B" "é" "a" "ab" 10 2 <http://x/b> <http://x/a>',  # sorted here
    '"b" "a" "b" "c"',  # tied rows: the ORDER BY goes back to the engine
    '"x"@en "a" "2019-01-01"^^<http://www.w3.org/2001/XMLSchema#date>',
])
def test_store_sorts_a_trusted_query_given_without_its_order_by(store: Store, values: str) -> None:
    unordered = f"SELECT ?v ?i WHERE {{ {{ VALUES ?v {{ {values} }} }} UNION {{ BIND(1 AS ?i) }} }}"
    engine = store.query(unordered + " ORDER BY ASC(?v)")
    assert store.query(unordered, trusted=True, order_by=("v",)).terms == engine.terms
    with pytest.raises(QueryError, match="trusted"):  # a user's query is planned from its own text
        store.query(unordered, order_by=("v",))


def test_store_invalid_sparql_is_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_store_timeout(store: Store) -> None:
    rows = [(f"s{i}", "n", f'"{i}"^^<http://www.w3.org/2001/XMLSchema#integer>') for i in range(1500)]
    store.replace_graph(G1, nt(*rows))
    slow = "SELECT * WHERE { ?a ?p ?x . ?b ?p ?y }"  # 2.25 million rows, streamed
    with pytest.raises(QueryError, match="did not finish"):
        store.query(slow, timeout_s=0.05)
    assert store.query("ASK { ?a ?p ?x }", timeout_s=5).boolean is True


def test_store_query_running_past_its_deadline_does_not_hold_up_the_next(store: Store) -> None:
    release = threading.Event()
    with pytest.raises(QueryError, match="did not finish"):
        RowStream(0.05).start(lambda _cancelled: release.wait(10))  # a query that answers nothing for long
    try:  # its worker is still busy: each later query must get one of its own
        assert [store.query("ASK { }", timeout_s=5).boolean for _ in range(3)] == [True] * 3
    finally:
        release.set()


def _ask_an_empty_store() -> bool | None:
    return Store(Path("in-memory"), ox.Store(), read_only=False).query("ASK { ?s ?p ?o }").boolean


def test_store_queries_in_a_process_forked_from_one_that_queried(store: Store) -> None:
    # `kg build --jobs` forks workers; the parent's idle query workers are not threads in the child.
    store.query("ASK { }")
    deadline = time.monotonic() + 5
    while not store_module._WORKERS._idle and time.monotonic() < deadline:
        time.sleep(0.01)  # the worker files itself as idle just after answering
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(_ask_an_empty_store).get(timeout=30) is False


def test_store_remove_graph(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"')))
    assert store.remove_graph(G1) is True
    assert store.remove_graph(G1) is False
    assert store.document_graphs() == []


def test_store_ensure_ontology_loads_once_and_reloads_on_change(store: Store, tmp_path: Path) -> None:
    onto = tmp_path / "kgo.ttl"
    onto.write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                    "<https://w3id.org/kg-builder/ontology#A> a owl:Class ; owl:unionOf ( [ a owl:Class ] ) .\n")
    assert store.ensure_ontology(onto) is True
    assert store.ensure_ontology(onto) is False  # same content, blank nodes and all
    onto.write_text("<https://w3id.org/kg-builder/ontology#B> a <http://www.w3.org/2002/07/owl#Class> .\n")
    assert store.ensure_ontology(onto) is True
    r = store.query(f"SELECT ?c WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c a ?t }} }}")
    assert r.rows == (("https://w3id.org/kg-builder/ontology#B",),)
    assert store.document_graphs() == []


def test_store_as_rdflib_is_union_of_documents(store: Store, tmp_path: Path) -> None:
    onto = tmp_path / "kgo.ttl"
    onto.write_text("<https://w3id.org/kg-builder/ontology#B> a <http://www.w3.org/2002/07/owl#Class> .\n")
    store.ensure_ontology(onto)
    store.replace_graph(G1, nt(("a", "p", '"1"'), ("shared", "p", '"s"')))
    store.replace_graph(G2, nt(("b", "p", '"2"'), ("shared", "p", '"s"')))
    assert len(store.as_rdflib()) == 3
    assert len(store.as_rdflib(include_ontology=True)) == 4


def test_store_quads_are_each_graphs_own(store: Store) -> None:
    store.replace_graph(G2, nt(("b", "p", '"2"'), ("a", "p", '"1"')))
    store.replace_graph(G1, nt(("a", "p", '"1"')))
    assert sorted((q.subject.value, q.graph_name.value) for q in store.quads()) == [
        (f"{EX}a", G1), (f"{EX}a", G2), (f"{EX}b", G2)]


def test_store_union_triples_are_the_documents_distinct_triples_without_the_ontology(
        store: Store, tmp_path: Path) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"'), ("shared", "p", '"s"')))
    store.replace_graph(G2, nt(("b", "p", '"2"'), ("shared", "p", '"s"'), ("c", "p", f"<{EX}Class>")))
    ontology = tmp_path / "onto.ttl"  # one triple of its own, one a document states too
    ontology.write_text(f'<{EX}Class> <{EX}p> "kgo" .\n<{EX}c> <{EX}p> <{EX}Class> .\n')
    store.ensure_ontology(ontology)
    union = sorted(f"{t} .\n" for t in store.union_triples())
    assert "".join(union) == nt(("a", "p", '"1"'), ("b", "p", '"2"'), ("c", "p", f"<{EX}Class>"), ("shared", "p", '"s"'))
    assert store.union_size() == 4
    assert store.graph_sizes() == {G1: 2, G2: 3}
    assert {(str(q.subject), q.graph_name.value) for q in store.graph_quads(G1)} == {(f"<{EX}a>", G1), (f"<{EX}shared>", G1)}


def test_store_open_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_store_open_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a store")
    with pytest.raises(StoreError, match="not a kg store"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="not a store folder"):
        Store.open(tmp_path / "notes.txt")


def test_store_open_locked_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as s:
        s.replace_graph(G1, nt(("a", "p", '"1"')))
        with pytest.raises(StoreError, match="in use"):
            Store.open(tmp_path / "s")
        with Store.open(tmp_path / "s", read_only=True) as reader:  # readers may share it
            assert reader.document_graphs() == [G1]


def test_store_read_only_refuses_writes(tmp_path: Path) -> None:
    Store.open(tmp_path / "s").close()
    with Store.open(tmp_path / "s", read_only=True) as s:
        with pytest.raises(StoreError, match="read-only"):
            s.replace_graph(G1, nt(("a", "p", '"1"')))


def test_store_read_only_finishes_a_store_whose_creation_was_killed(tmp_path: Path, monkeypatch) -> None:
    # a writer killed while it created the store leaves RocksDB without some of oxigraph's column families, which
    # a read-only open reports; one writable open makes them, as it makes them for a new store
    Store.open(tmp_path / "s").close()
    opened_for_writing: list[str] = []
    real = ox.Store

    class UnfinishedStore:
        def __new__(cls, path: str) -> ox.Store:
            opened_for_writing.append(path)
            return real(path)

        @staticmethod
        def read_only(path: str) -> ox.Store:
            if not opened_for_writing:
                raise RuntimeError("Invalid argument: Column family not found: spog")
            return real.read_only(path)

    monkeypatch.setattr(store_module.ox, "Store", UnfinishedStore)
    snapshot = store_module._read_only(tmp_path / "s")
    assert opened_for_writing == [str(tmp_path / "s")]
    assert len(snapshot) == 0


def test_store_persists_across_processes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as s:
        s.replace_graph(G1, nt(("a", "p", '"1"')))
    code = ("import sys; from pathlib import Path; from kg_builder.store import Store\n"
            "print(Store.open(Path(sys.argv[1]), create=False).document_graphs())")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s")], capture_output=True,
                         text=True, check=True, env={**os.environ})
    assert out.stdout.strip() == f"['{G1}']"


def test_store_labels_reports_names_other_documents_gave(tmp_path):
    """One entity keeps one canonical label across documents: the store tells what others called it."""
    person = "https://w3id.org/kg-builder/id/person/j-p-morgan"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    with Store.open(tmp_path / "s") as store:
        store.replace_graph("https://w3id.org/kg-builder/graph/doc/a", f'<{person}> <{label}> "J.P. Morgan" .\n')
        assert store.labels([person], "https://w3id.org/kg-builder/graph/doc/b") == {person: "J.P. Morgan"}
        assert store.labels([person], "https://w3id.org/kg-builder/graph/doc/a") == {}
        assert store.labels([]) == {}


def test_store_union_counts_a_triple_once_whatever_graphs_hold_it(store: Store) -> None:
    """pyoxigraph 0.5.13 answers a union query once per graph holding a triple; the store must not."""
    person = ("trump", "type", f"<{EX}Person>")
    store.replace_graph(G1, nt(person, ("kim", "type", f"<{EX}Person>")))
    store.replace_graph(G2, nt(person))
    store.replace_graph(G1 + "b", nt(person))
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x <{EX}type> <{EX}Person> }}"
    assert store.query(count).rows == (("2",),)
    # honest duplicates stay: two persons, both typed Person, give two rows with the same ?type
    assert store.query(f"SELECT ?t WHERE {{ ?x <{EX}type> ?t }}").rows == ((EX + "Person",),) * 2
    store.replace_graph(G2, nt(("moon", "type", f"<{EX}Person>")))
    store.remove_graph(G1 + "b")
    assert store.query(count).rows == (("3",),)  # trump still in G1, kim, moon
    store.remove_graph(G1)
    assert store.query(count).rows == (("1",),)


def test_store_written_without_union_is_filled_on_open(tmp_path: Path) -> None:
    import pyoxigraph as ox

    raw = ox.Store(str(tmp_path / "old"))
    raw.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> <{EX}b> }} GRAPH <{G2}> {{ <{EX}a> <{EX}p> <{EX}b> }} }}")
    raw.flush()
    del raw
    with Store.open(tmp_path / "old", read_only=True) as store:
        assert store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows == ((EX + "a", EX + "p", EX + "b"),)


# -- many documents at once (GraphBatch) ------------------------------------------------------

G3 = "https://w3id.org/kg-builder/graph/doc/doc-3"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def union_rows(store: Store) -> list[tuple[str | None, ...]]:
    """The triples of the default graph (the union), sorted."""
    return sorted(store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def test_store_batch_writes_new_graphs_and_their_union_at_commit(store: Store) -> None:
    store.replace_graph(G1, nt(("a", "p", '"1"'), ("shared", "p", '"s"')))
    committed: list[list[str]] = []
    with store.batch(on_commit=committed.append) as batch:
        assert batch.add(G2, nt(("b", "p", '"2"'), ("shared", "p", '"s"'), ("b", "p", '"2"'))) == 2
        batch.add(G3, nt(("c", "p", '"3"')))
        assert committed == [] and store.document_graphs() == [G1]  # waiting in memory
    assert committed == [[G2, G3]]
    assert store.document_graphs() == [G1, G2, G3]
    assert subjects(store, G2) == [EX + "b", EX + "shared"]
    assert [row[0] for row in union_rows(store)] == [EX + "a", EX + "b", EX + "c", EX + "shared"]  # each triple once


def test_store_batch_replaces_a_stored_graph_after_the_graphs_before_it(store: Store) -> None:
    store.replace_graph(G1, nt(("old", "p", '"1"')))
    committed: list[list[str]] = []
    with store.batch(on_commit=committed.append) as batch:
        batch.add(G2, nt(("b", "p", '"2"')))
        batch.add(G1, nt(("new", "p", '"1"')))  # in the store already: replaced in a transaction of its own
        assert committed == [[G2], [G1]]
    assert subjects(store, G1) == [EX + "new"]
    assert [row[0] for row in union_rows(store)] == [EX + "b", EX + "new"]


def test_store_batch_bad_document_is_refused_and_the_others_are_stored(store: Store) -> None:
    with store.batch() as batch:
        batch.add(G1, nt(("a", "p", '"1"')))
        with pytest.raises(InputError, match="not valid N-Triples"):
            batch.add(G2, f"<{EX}b> <{EX}p> .\n")
    assert store.document_graphs() == [G1]
    assert [row[0] for row in union_rows(store)] == [EX + "a"]


def test_store_batch_dropped_when_the_block_fails(store: Store) -> None:
    with pytest.raises(RuntimeError, match="worker died"):
        with store.batch() as batch:
            batch.add(G1, nt(("a", "p", '"1"')))
            raise RuntimeError("worker died")
    assert store.document_graphs() == [] and union_rows(store) == []


def test_store_batch_labels_count_the_graphs_waiting(store: Store) -> None:
    store.replace_graph(G1, nt(("kim", "label", '"Kim Jong-un"')).replace(f"<{EX}label>", LABEL))
    with store.batch() as batch:
        batch.add(G2, f'<{EX}kim> {LABEL} "Chairman Kim" .\n<{EX}moon> {LABEL} "Moon" .\n')
        # as if G2 were stored: the smallest label another graph gives wins, a graph's own is not counted
        assert batch.labels([EX + "kim", EX + "moon"], G3) == {EX + "kim": "Chairman Kim", EX + "moon": "Moon"}
        assert batch.labels([EX + "kim", EX + "moon"], G2) == {EX + "kim": "Kim Jong-un"}
        assert store.labels([EX + "moon"], G3) == {}  # the store alone does not see it yet


def test_store_batch_labels_are_read_whatever_the_lines_look_like(store: Store) -> None:
    with store.batch() as batch:  # a label spelt with escapes; a sentence quoting a label triple is no label
        batch.add(G2, f'<{EX}kim>   {LABEL}   "Chairman \\u004Bim" .\n'
                      f'<{EX}doc> <{EX}sentence> "<{EX}moon> {LABEL} \\"Moon\\" ." .\n')
        assert batch.labels([EX + "kim", EX + "moon"], G3) == {EX + "kim": "Chairman Kim"}


def many_graphs(count: int, triples: int) -> dict[str, str]:
    return {f"{G1}-{g}": "".join(f'<{EX}s{g}-{i}> <{EX}p> "value {i} of graph {g}" .\n' for i in range(triples))
            for g in range(count)}


def test_store_batch_compacts_the_files_of_its_bulk_loads(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module.GraphBatch, "MAX_QUADS", 1_000)  # a bulk load every 5 graphs
    files_when_compacting: list[int] = []
    with store.batch() as batch:
        for graph, text in many_graphs(40, 100).items():
            batch.add(graph, text)
    batch.compact(on_start=lambda: files_when_compacting.append(len(list(store.path.glob("*.sst")))))
    assert len(files_when_compacting) == 1
    assert len(list(store.path.glob("*.sst"))) < files_when_compacting[0]
    assert len(store.document_graphs()) == 40 and len(union_rows(store)) == 4_000


def test_store_batch_leaves_uncompacted_a_small_load_into_a_larger_store(store: Store) -> None:
    with store.batch() as batch:
        for graph, text in many_graphs(60, 100).items():
            batch.add(graph, text)
    batch.compact()
    compactions: list[None] = []
    with store.batch() as batch:
        batch.add(G2, nt(("b", "p", '"2"')))
    batch.compact(on_start=lambda: compactions.append(None))  # it would rewrite far more than this one graph
    assert compactions == [] and G2 in store.document_graphs()


def killed_mid_load(store: Store, batch, monkeypatch: pytest.MonkeyPatch, loaded: int) -> None:
    """Run the batch's commit with a bulk load that writes only the journal's first ``loaded`` quads,
    then dies (the process is gone: no clean-up runs)."""
    class Killed(BaseException):
        pass

    def partial(_write) -> None:
        journal = list(ox.parse(path=str(store.path / store_module._JOURNAL), format=ox.RdfFormat.N_QUADS))
        assert len(journal) == 8  # every cut, from none to all of them, is tried
        store._db.bulk_extend(journal[:loaded])
        raise Killed

    with monkeypatch.context() as patched, pytest.raises(Killed):
        patched.setattr(store, "_write", partial)
        batch.commit()


@pytest.mark.parametrize("loaded", [0, 1, 3, 5, 8])
def test_store_batch_killed_mid_load_is_undone_on_the_next_open(tmp_path: Path, monkeypatch, loaded: int) -> None:
    with Store.open(tmp_path / "st") as store:
        store.replace_graph(G1, nt(("a", "p", '"1"'), ("shared", "p", '"s"')))
        batch = store.batch()
        batch.add(G2, nt(("b", "p", '"2"'), ("shared", "p", '"s"')))
        batch.add(G3, nt(("c", "p", '"3"'), ("b", "p", '"2"')))
        killed_mid_load(store, batch, monkeypatch, loaded)
    with Store.open(tmp_path / "st", read_only=True) as store:  # a reader sees no half-written document
        assert store.document_graphs() == [G1]
        assert union_rows(store) == [(EX + "a", EX + "p", "1"), (EX + "shared", EX + "p", "s")]
    with Store.open(tmp_path / "st") as store:
        assert sorted(p.name for p in (tmp_path / "st").iterdir() if p.name.startswith("kg-")) == []
        with store.batch() as batch:  # built again, the batch goes in whole
            batch.add(G2, nt(("b", "p", '"2"'), ("shared", "p", '"s"')))
        assert store.document_graphs() == [G1, G2]
        assert [row[0] for row in union_rows(store)] == [EX + "a", EX + "b", EX + "shared"]


def test_store_batch_journal_damaged_is_reported_not_guessed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "st") as store:
        store.replace_graph(G1, nt(("a", "p", '"1"')))
    (tmp_path / "st" / store_module._JOURNAL).write_text('{"https://w3id.org/kg-builder/graph/doc/doc-1": "<http')
    for read_only in (True, False):  # which graphs the load had begun is unknown
        with pytest.raises(StoreError, match="damaged"):
            Store.open(tmp_path / "st", read_only=read_only)


def test_store_batch_of_a_running_build_is_left_to_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "st") as writer:
        writer.replace_graph(G1, nt(("a", "p", '"1"')))
        journal = tmp_path / "st" / store_module._JOURNAL
        journal.write_text(f'<{EX}a> <{EX}p> "1" <{G1}> .\n')  # as if G1 were being bulk-loaded now
        with Store.open(tmp_path / "st", read_only=True) as reader:  # the writer holds the lock: no undo
            assert reader.document_graphs() == [G1]
        assert journal.exists()

"""Canned answers kept in the store (kg_builder.answers): read back, they are the live answer
row for row; any write to the store forgets them before it writes; an answer kept for another
text of a query is not read; they stay outside the union and the exports."""
from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg_builder import answers, pages, resources
from kg_builder.cli import cli
from kg_builder.corpus import read_nquads
from kg_builder.queries import format_result, get_query, list_queries
from kg_builder.rdf import DOCUMENT_GRAPHS, PREFIXES
from kg_builder.store import Store

KGO = PREFIXES["kgo"]
DATA = Path(__file__).parent / "data"


def facts(doc: str, n: int) -> str:
    """``n`` facts of document ``doc``, each with a labelled span of its own: n provenance rows."""
    derived = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    return "".join(f"<urn:x:{doc}-fact{i}> {derived} <urn:x:{doc}-span{i}> .\n"
                   f"<urn:x:{doc}-span{i}> <{KGO}sentence> \"Sentence {i} of {doc}.\" .\n"
                   f"<urn:x:{doc}-span{i}> <{KGO}sourceDocument> <urn:x:{doc}> .\n" for i in range(n))


# a sentence with what N-Triples and JSON escape, and more than ASCII
ESCAPED = (f"<urn:x:one-span4> <{KGO}extractor> "
           '"rule:\\"quoted\\" \\\\ back\\nslash\\t\\u0001 \u00e9\u4e2d\U0001F600"@en .\n')


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store")
    s.replace_graph(DOCUMENT_GRAPHS + "one", facts("one", 5) + ESCAPED)
    yield s
    s.close()


def test_answers_kept_are_the_live_answers_across_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "PAGE", 2)  # five rows on three pages
    query = get_query("provenance")
    assert answers.keep(store) and not answers.keep(store)  # the second call finds them kept
    whole = store.query(query.text, prefixes=PREFIXES)
    assert len(whole.rows) == 5 and any(row[7] and "\n" in row[7] and "😀" in row[7] for row in whole.rows)
    for limit in (1, 2, 3, 4, 5, 6, None):
        kept = answers.kept(store, query, limit)
        live = store.query(query.text, prefixes=PREFIXES, limit=limit)
        assert kept == live, limit
    assert pages.first_page(store, query, 3) == answers.kept(store, query, 3)


def test_answers_past_the_rows_kept_run_the_query(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "ROWS", 3)  # of five
    answers.keep(store)
    query = get_query("provenance")
    for limit in (1, 2, 3):
        assert answers.kept(store, query, limit) == store.query(query.text, prefixes=PREFIXES, limit=limit), limit
    assert answers.kept(store, query, 4) is None and answers.kept(store, query, None) is None
    assert pages.first_page(store, query, 4) == store.query(query.text, prefixes=PREFIXES, limit=4)


def test_answers_every_write_forgets_them(store: Store, tmp_path: Path) -> None:
    query = get_query("provenance")
    writes = [
        lambda: store.replace_graph(DOCUMENT_GRAPHS + "two", facts("two", 2)),  # a new graph
        lambda: store.replace_graph(DOCUMENT_GRAPHS + "two", facts("two", 3)),  # a graph replaced
        lambda: store.remove_graph(DOCUMENT_GRAPHS + "two"),
        lambda: store.ensure_ontology(resources.ontology_file()),
    ]
    for write in writes:
        answers.keep(store)
        assert answers.kept(store, query, None) is not None
        write()
        assert answers.kept(store, query, None) is None
        assert pages.first_page(store, query, 100) == store.query(query.text, prefixes=PREFIXES, limit=100)
    answers.keep(store)
    with store.batch() as batch:  # the bulk load of a corpus build
        batch.add(DOCUMENT_GRAPHS + "three", facts("three", 2))
    assert answers.kept(store, query, None) is None
    answers.keep(store)
    assert len(answers.kept(store, query, None).rows) == 7


def test_answers_of_another_query_text_are_not_read(store: Store, tmp_path: Path) -> None:
    answers.keep(store)
    query = get_query("provenance")
    copy = tmp_path / "provenance.rq"
    copy.write_text(query.text.replace("ORDER BY ?document", "ORDER BY DESC(?document)"), encoding="utf-8")
    assert answers.kept(store, query, 10) is not None
    assert answers.kept(store, dataclasses.replace(query, path=copy), 10) is None


def test_answers_stay_outside_the_union_and_the_exports(store: Store) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = store.query(count).rows, sorted(map(str, store.quads())), store.document_graphs()
    answers.keep(store)
    assert (store.query(count).rows, sorted(map(str, store.quads())), store.document_graphs()) == before


def test_answers_kept_by_kg_load_and_shown_by_kg_query(tmp_path: Path) -> None:
    dump = tmp_path / "one.nq"
    dump.write_text(facts("one", 3).replace(" .\n", f" <{DOCUMENT_GRAPHS}one> .\n"), encoding="utf-8")
    folder = tmp_path / "store"
    loaded = CliRunner().invoke(cli, ["load", str(dump), "--store", str(folder)])
    assert loaded.exit_code == 0, loaded.output
    assert "kept every canned answer" in loaded.stderr
    shown = CliRunner().invoke(cli, ["query", "provenance", "--store", str(folder)])
    assert shown.exit_code == 0, shown.output
    with Store.open(folder, create=False, read_only=True) as s:
        query = get_query("provenance")
        assert answers.kept(s, query, 1000) is not None
        assert shown.stdout == format_result(s.query(query.text, prefixes=PREFIXES), "table")


@pytest.mark.slow
def test_answers_kept_are_the_live_answers_of_every_canned_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On five documents as the pipeline built them: every canned query, kept and live, at page sizes
    around the kept pages' size."""
    monkeypatch.setattr(answers, "PAGE", 7)
    dump = tmp_path / "five.nq"
    dump.write_bytes(gzip.decompress((DATA / "five-documents.nq.gz").read_bytes()))
    with Store.open(tmp_path / "store") as s:
        s.ensure_ontology(resources.ontology_file())
        for graph, ntriples in read_nquads(dump).items():
            s.replace_graph(graph, ntriples)
        live = {q.name: s.query(q.text, prefixes=PREFIXES) for q in list_queries()}
        answers.keep(s)
        for q in list_queries():
            for limit in (1, 6, 7, 8, 20, None):
                kept = answers.kept(s, q, limit)
                whole = live[q.name]
                assert kept.variables == whole.variables and kept.terms == whole.terms[:limit], (q.name, limit)
                assert kept.truncated == (limit is not None and len(whole.rows) > limit), (q.name, limit)
        assert sum(len(r.rows) > 20 for r in live.values()) >= 4, "too few rows to cross pages"

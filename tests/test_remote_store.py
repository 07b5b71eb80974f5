"""kg_builder.remote_store against a real Oxigraph server (the `oxigraph` package's binary, on loopback).

The server is started on a free 127.0.0.1 port with the union of its named
graphs as default graph, and stopped after the module.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg_builder import resources
from kg_builder.cli import cli
from kg_builder.errors import StoreError
from kg_builder.export import export_dataset
from kg_builder.queries import list_queries
from kg_builder.remote_store import RemoteStore
from kg_builder.store import Store
from kg_builder.validate import validate_store

from test_shapes import KGO, TRUMP, valid_graph

DOC_A = "https://w3id.org/kg-builder/graph/doc/a.txt"
DOC_B = "https://w3id.org/kg-builder/graph/doc/b.txt"


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    assert Path(found).is_file(), "the oxigraph server binary (PyPI package oxigraph, in requirements/lock.txt)"
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def remote(server: str) -> RemoteStore:
    store = RemoteStore(server)
    for graph in store.document_graphs():
        store.remove_graph(graph)
    return store


def two_documents(store) -> None:
    """The hand-made valid graph split in two documents that share the entities."""
    graph = valid_graph()
    triples = sorted(graph, key=str)
    half = len(triples) // 2
    for name, part in ((DOC_A, triples[:half]), (DOC_B, triples[half:])):
        g = Graph()
        for t in part:
            g.add(t)
        store.replace_graph(name, g.serialize(format="nt"))
    store.ensure_ontology(resources.ontology_file())


@pytest.fixture
def local(tmp_path: Path):
    with Store.open(tmp_path / "store") as store:
        two_documents(store)
        yield store


def test_remote_canned_questions_answer_as_on_the_embedded_store(local: Store, remote: RemoteStore) -> None:
    two_documents(remote)
    for q in list_queries():
        mine, theirs = local.query(q.text), remote.query(q.text)
        assert mine.variables == theirs.variables, q.name
        assert sorted(mine.rows, key=str) == sorted(theirs.rows, key=str), q.name


def test_remote_replace_graph_replaces_it_whole(remote: RemoteStore) -> None:
    two_documents(remote)
    remote.replace_graph(DOC_A, f'<{TRUMP}> <{KGO}role> "golfer" .\n')
    ask = f'ASK {{ GRAPH <{DOC_A}> {{ <{TRUMP}> <{KGO}role> "president" }} }}'
    assert remote.query(ask).boolean is False
    assert remote.query(f"SELECT ?r WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?r }} }}").rows == (("golfer",),)
    assert remote.document_graphs() == [DOC_A, DOC_B]
    assert remote.remove_graph(DOC_A) is True
    assert remote.document_graphs() == [DOC_B]


def test_remote_validation_and_export_match_the_embedded_store(local: Store, remote: RemoteStore) -> None:
    two_documents(remote)
    mine, theirs = validate_store(local), validate_store(remote)
    assert (theirs.violations, theirs.ok) == (mine.violations, mine.ok) == ((), True)
    one, remote_one = validate_store(local, graph=DOC_A), validate_store(remote, graph=DOC_A)  # FROM its graph
    assert (remote_one.violations, remote_one.owl) == (one.violations, one.owl)
    for fmt in ("trig", "nquads"):  # a graph at a time, each sorted: the same bytes from either
        assert export_dataset(remote, fmt) == export_dataset(local, fmt), fmt
    # the union: the server's sorted, the embedded store's in its own order; the same triples
    union = [{q.triple for q in ox.parse(export_dataset(s, "ntriples"), ox.RdfFormat.N_TRIPLES)} for s in (remote, local)]
    assert union[0] == union[1] and set(local.union_triples()) < union[0]
    assert remote.union_size() == local.union_size() and remote.graph_sizes() == local.graph_sizes()


def test_cli_push_then_query_and_load_through_the_endpoint(local: Store, remote: RemoteStore, tmp_path: Path) -> None:
    store_dir = local.path
    local.close()
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", "--store", str(store_dir), "--endpoint", remote.base])
    assert pushed.exit_code == 0, pushed.output
    assert remote.document_graphs() == [DOC_A, DOC_B]
    answered = runner.invoke(cli, ["query", "summits", "--endpoint", remote.base, "--format", "csv"])
    assert answered.exit_code == 0 and "Hanoi summit" in answered.stdout
    nq = tmp_path / "a.nq"
    nq.write_text(f'<{TRUMP}> <{KGO}role> "golfer" <{DOC_A}> .\n')
    loaded = runner.invoke(cli, ["load", str(nq), "--endpoint", remote.base])
    assert loaded.exit_code == 0, loaded.output
    assert remote.query(f"SELECT ?r WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?r }} }}").rows == (("golfer",),)


def test_remote_unreachable_endpoint_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}").query("ASK {}")

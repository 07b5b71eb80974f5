"""The TriG export loads into Virtuoso 7.2 (Debian's virtuoso-opensource-7-bin) with every IRI unchanged.

Virtuoso runs on a loopback port in a temporary folder and is stopped at the end.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg_builder import rdf
from kg_builder.export import export_dataset
from kg_builder.store import Store
from test_rdf import DOCUMENT, make_facts

SERVER, CLIENT = shutil.which("virtuoso-t"), shutil.which("isql-vt")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (SERVER and CLIENT), reason="needs virtuoso-opensource-7-bin")]

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_virtuoso_loads_the_trig_export_with_unchanged_iris(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as store:
        store.replace_graph(rdf.graph_iri(DOCUMENT), rdf.to_ntriples(make_facts()))
        export_dataset(store, "trig", tmp_path / "graph.trig")
    quads = list(ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG))
    expected = {t.value for q in quads for t in (q.subject, q.predicate, q.object) if isinstance(t, ox.NamedNode)}
    port = free_port()
    (tmp_path / "virtuoso.ini").write_text(INI.format(d=tmp_path, port=port))
    server = subprocess.Popen([SERVER, "+configfile", str(tmp_path / "virtuoso.ini"), "+foreground"],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        log = tmp_path / "virtuoso.log"
        deadline = time.monotonic() + 120
        while not (log.exists() and "Server online" in log.read_text(errors="replace")):
            assert time.monotonic() < deadline and server.poll() is None, "Virtuoso did not start"
            time.sleep(0.5)
        script = tmp_path / "load.sql"
        script.write_text(  # flag 256: the text is TriG
            f"DB.DBA.TTLP (file_to_string_output ('{tmp_path}/graph.trig'), '', 'urn:kg:none', 256);\n"
            "SET BLOBS ON;\n"
            "SPARQL SELECT DISTINCT STR(?x) WHERE { GRAPH ?g { { ?x ?p ?o } UNION { ?s ?x ?o } UNION { ?s ?p ?x } }"
            ' FILTER (isIRI(?x) && STRSTARTS(STR(?g), "https://w3id.org/kg-builder/")) };\n'
            'SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), "https://w3id.org/kg-builder/") };\n')
        done = subprocess.run([CLIENT, f"127.0.0.1:{port}", "dba", "dba", str(script)],
                              capture_output=True, text=True, timeout=120)
        assert "Error" not in done.stdout, done.stdout
        lines = [line.strip() for line in done.stdout.splitlines()]
        loaded = {line for line in lines if line.startswith(("http://", "https://"))}
        assert loaded == expected
        assert str(len(quads)) in lines  # every quad, none lost or doubled
    finally:
        server.terminate()
        server.wait(timeout=60)

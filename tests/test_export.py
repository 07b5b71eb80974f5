"""export.py: every format, deterministic bytes, Turtle readable by rdflib and pyoxigraph, atomic files."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg_builder import export as export_mod
from kg_builder.errors import InputError, KgError
from kg_builder.export import FORMATS, PREFIXES, export_dataset, write_atomic
from kg_builder.store import Store

KGR = "https://w3id.org/kg-builder/id/"
KGO = "https://w3id.org/kg-builder/ontology#"
G1 = "https://w3id.org/kg-builder/graph/doc-1"
G2 = "https://w3id.org/kg-builder/graph/doc-2"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

DOC1 = f"""\
<{KGR}state/north-korea> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}State> .
<{KGR}state/north-korea> <{RDFS}label> "North Korea" .
<{KGR}state/north-korea> <http://www.w3.org/2004/02/skos/core#altLabel> "DPRK" .
<{KGR}event/doc-1-0123456789ab> <{KGO}startDate> "2019-02-27"^^<{XSD}date> .
<{KGR}event/doc-1-0123456789ab> <{RDFS}label> "Hanoi summit" .
<{KGR}span/doc-1-10-60-0123456789ab> <{KGO}sentence> "He said \\"no\\".\\n\\tThen: caf\u00e9 \u2014 d\u00e9j\u00e0 vu \\\\ ok" .
<{KGR}span/doc-1-10-60-0123456789ab> <{KGO}beginIndex> "10"^^<{XSD}integer> .
<{KGR}span/doc-1-10-60-0123456789ab> <{KGO}confidence> "0.85"^^<{XSD}decimal> .
<{KGR}span/doc-1-10-60-0123456789ab> <{KGO}modality> <{KGO}Asserted> .
<{KGR}event/doc-1-0123456789ab> <{KGO}startYear> "2018"^^<{XSD}gYear> .
<{KGR}document/doc-1> <http://purl.org/dc/terms/title> "Assessing \u201cHanoi\u201d"@en .
"""
DOC2 = f"""\
<{KGR}state/north-korea> <{RDFS}label> "North Korea" .
<{KGR}event/doc-2-ba9876543210> <{KGO}startDate> "2018-06"^^<{XSD}gYearMonth> .
"""


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store") as s:
        s.replace_graph(G2, DOC2)
        s.replace_graph(G1, DOC1)
        onto = tmp_path / "kgo.ttl"
        onto.write_text(f"<{KGO}State> a <http://www.w3.org/2002/07/owl#Class> .\n")
        s.ensure_ontology(onto)
        yield s


def triples_of(store: Store) -> set[tuple]:
    return {tuple(str(t) for t in q.triple) for q in ox.parse(store.export("nquads"), ox.RdfFormat.N_QUADS)}


def ox_triples(data: bytes, fmt: ox.RdfFormat) -> set[tuple]:
    return {tuple(str(t) for t in q.triple) for q in ox.parse(data, fmt)}


def rdflib_triples(data: bytes, fmt: str) -> set[tuple]:
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8"), format=fmt)
    # compare through N-Triples, which both libraries write the same way
    return ox_triples(g.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)


def test_export_turtle_reparses_to_same_triples_in_rdflib_and_pyoxigraph(store: Store) -> None:
    data = export_dataset(store, "turtle")
    expected = triples_of(store)
    assert len(expected) == 12  # the shared label counts once
    assert ox_triples(data, ox.RdfFormat.TURTLE) == expected
    assert rdflib_triples(data, "turtle") == expected


def test_export_turtle_has_fixed_prefixes_and_no_ontology(store: Store) -> None:
    text = export_dataset(store, "turtle").decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert header == [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]
    assert list(PREFIXES)[:3] == ["kgo", "kgp", "kgs"] and {"kgr", "rdf", "prov", "dcterms", "oa"} <= set(PREFIXES)
    assert "owl:Class" not in text and "_:" not in text


def test_export_two_exports_byte_identical(store: Store, tmp_path: Path) -> None:
    for fmt in FORMATS:
        first = export_dataset(store, fmt)
        store.replace_graph(G1, DOC1)  # same content, written again
        assert export_dataset(store, fmt) == first, fmt


def test_export_same_content_in_another_store_gives_same_bytes(store: Store, tmp_path: Path) -> None:
    with Store.open(tmp_path / "other") as other:
        other.replace_graph(G1, "".join(reversed(DOC1.splitlines(keepends=True))))
        other.replace_graph(G2, DOC2)
        for fmt in FORMATS:
            assert export_dataset(other, fmt) == export_dataset(store, fmt), fmt


def test_export_trig_and_nquads_keep_document_graphs(store: Store) -> None:
    for fmt, oxfmt in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        quads = list(ox.parse(export_dataset(store, fmt), oxfmt))
        graphs = {q.graph_name.value for q in quads}
        assert graphs == {G1, G2}, fmt
        assert len(quads) == 13, fmt  # the shared label once per document


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib
def test_export_trig_reparses_in_rdflib(store: Store) -> None:
    ds = rdflib.Dataset()
    ds.parse(data=export_dataset(store, "trig").decode("utf-8"), format="trig")
    assert len(ds.graph(rdflib.URIRef(G1))) == 11
    assert len(ds.graph(rdflib.URIRef(G2))) == 2


def test_export_json_ld_keeps_graphs_and_values(store: Store) -> None:
    data = export_dataset(store, "json-ld")
    doc = json.loads(data)
    assert [g["@id"] for g in doc] == [G1, G2]
    quads = list(ox.parse(data, ox.RdfFormat.JSON_LD))
    assert {tuple(str(t) for t in q.triple) for q in quads} == triples_of(store)


def test_export_rdfxml_for_owl_tools(store: Store) -> None:
    data = export_dataset(store, "rdfxml")
    assert data.startswith(b"<?xml")
    assert rdflib_triples(data, "xml") == triples_of(store)


def test_export_ntriples_union_sorted(store: Store) -> None:
    lines = export_dataset(store, "ntriples").decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == 12


def test_export_unknown_format(store: Store) -> None:
    with pytest.raises(InputError, match="unknown export format"):
        export_dataset(store, "yaml")


def test_export_writes_file_and_returns_none(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert export_dataset(store, "turtle", out) is None
    assert out.read_bytes() == export_dataset(store, "turtle")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".graph.ttl")] == []


def test_export_failed_export_leaves_old_file(store: Store, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"earlier export\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod.os, "replace", broken_replace)
    with pytest.raises(KgError, match="cannot write"):
        export_dataset(store, "turtle", out)
    assert out.read_bytes() == b"earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "kgo.ttl", "store"]


def test_export_failed_render_leaves_old_file(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"earlier export\n")
    store.close()
    with pytest.raises(KgError):
        export_dataset(store, "turtle", out)
    assert out.read_bytes() == b"earlier export\n"


def test_export_write_atomic_keeps_mode(tmp_path: Path) -> None:
    out = tmp_path / "report.ttl"
    out.write_bytes(b"old")
    os.chmod(out, 0o640)
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new" and (out.stat().st_mode & 0o777) == 0o640


def test_export_write_atomic_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="cannot write"):
        write_atomic(tmp_path / "no" / "such" / "file.ttl", b"x")


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_needs_no_escaped_local_name(store: Store, fmt: str) -> None:
    """OWL API rejects, and Virtuoso 7.2 corrupts, local names with backslash escapes (kgr:state\\/x)."""
    text = export_dataset(store, fmt).decode("utf-8")
    assert "\\/" not in text and "kgr:" not in text.split("\n\n", 1)[1]

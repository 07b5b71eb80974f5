"""export.py: every format, deterministic bytes, Turtle readable by rdflib and pyoxigraph, atomic files."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
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
G1 = "https://w3id.org/kg-builder/graph/doc/doc-1"
G2 = "https://w3id.org/kg-builder/graph/doc/doc-2"
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


DATASET = "https://w3id.org/kg-builder/graph/dataset"


def triples_of(store: Store) -> set[tuple]:
    """The documents' triples, and the export's description of them (its own graph in N-Quads)."""
    described = [q for q in ox.parse(export_dataset(store, "nquads"), ox.RdfFormat.N_QUADS)
                 if q.graph_name.value == DATASET]
    documents = store.quads()
    return {tuple(str(t) for t in q.triple) for q in [*documents, *described]}


DESCRIPTION_SIZE = 19  # 8 about the dataset, 3 OWL header, 4 per document graph (2)


def ox_triples(data: bytes, fmt: ox.RdfFormat) -> set[tuple]:
    return {tuple(str(t) for t in q.triple) for q in ox.parse(data, fmt)}


def rdflib_dataset_triples(data: bytes, fmt: str) -> set[tuple]:
    """The triples of every graph, as rdflib reads a format with named graphs."""
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format=fmt)
    union = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return ox_triples(union.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)


def rdflib_triples(data: bytes, fmt: str) -> set[tuple]:
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8"), format=fmt)
    # compare through N-Triples, which both libraries write the same way
    return ox_triples(g.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)


def test_export_turtle_reparses_to_same_triples_in_rdflib_and_pyoxigraph(store: Store) -> None:
    data = export_dataset(store, "turtle")
    expected = triples_of(store)
    assert len(expected) == 12 + DESCRIPTION_SIZE  # the shared label counts once
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
        assert graphs == {G1, G2, DATASET}, fmt
        assert len(quads) == 13 + DESCRIPTION_SIZE, fmt  # the shared label once per document


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib
def test_export_trig_reparses_in_rdflib(store: Store) -> None:
    ds = rdflib.Dataset()
    ds.parse(data=export_dataset(store, "trig").decode("utf-8"), format="trig")
    assert len(ds.graph(rdflib.URIRef(G1))) == 11
    assert len(ds.graph(rdflib.URIRef(G2))) == 2


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_export_json_ld_is_compact_and_keeps_graphs_and_values(store: Store) -> None:
    data = export_dataset(store, "json-ld")
    doc = json.loads(data)
    assert doc["@context"] == PREFIXES
    assert [g["@id"] for g in doc["@graph"]] == ["kgg:dataset", "kgdg:doc-1", "kgdg:doc-2"]
    korea = next(n for n in doc["@graph"][1]["@graph"] if n["@id"] == "kgs:north-korea")
    assert korea == {"@id": "kgs:north-korea", "@type": ["kgo:State"], "rdfs:label": [{"@value": "North Korea"}],
                     "skos:altLabel": [{"@value": "DPRK"}]}
    quads = list(ox.parse(data, ox.RdfFormat.JSON_LD))
    assert {tuple(str(t) for t in q.triple) for q in quads} == triples_of(store)
    assert rdflib_dataset_triples(data, "json-ld") == triples_of(store)


def test_export_rdfxml_for_owl_tools(store: Store) -> None:
    data = export_dataset(store, "rdfxml")
    assert data.startswith(b"<?xml")
    assert rdflib_triples(data, "xml") == triples_of(store)


def test_export_ntriples_union_states_each_triple_once(store: Store) -> None:
    lines = export_dataset(store, "ntriples").decode("utf-8").splitlines()
    assert len(set(lines)) == len(lines) == 12 + DESCRIPTION_SIZE  # the label both documents give, once


class Recorder:
    """An output that notes, at each write, what the store had been asked for by then."""

    def __init__(self, asked: list[str]) -> None:
        self.asked, self.seen_at_writes = asked, []

    def write(self, data: bytes) -> int:
        self.seen_at_writes.append(list(self.asked))
        return len(data)

    def flush(self) -> None:
        pass


def many_graphs(tmp_path: Path, count: int = 40) -> Store:
    store = Store.open(tmp_path / "many")
    for n in range(count):  # ~10 kB of N-Quads a graph: more than a serializer's buffer
        lines = "".join(f'<{KGR}span/doc-{n}-{i}> <{KGO}sentence> "{"words " * 30}{i}" .\n' for i in range(50))
        store.replace_graph(f"https://w3id.org/kg-builder/graph/doc/doc-{n:02d}", lines)
    return store


def test_export_graph_formats_write_each_graph_before_reading_the_next(tmp_path: Path, monkeypatch) -> None:
    with many_graphs(tmp_path) as store:
        asked: list[str] = []
        read_graph = store.graph_quads
        monkeypatch.setattr(store, "graph_quads", lambda g: ("/doc/" in g and asked.append(g)) or read_graph(g))
        out = Recorder(asked)
        export_mod.write_dataset(store, "nquads", out)
        assert len(asked) == 40
        assert len(out.seen_at_writes[0]) < 5  # output began with the first graphs, not after all 40


def test_export_union_formats_write_as_they_read_the_union(tmp_path: Path, monkeypatch) -> None:
    with many_graphs(tmp_path) as store:
        asked: list[str] = []
        whole_union = store.union_triples

        def counted():
            for triple in whole_union():
                asked.append(str(triple))
                yield triple

        monkeypatch.setattr(store, "union_triples", counted)
        out = Recorder(asked)
        export_mod.write_dataset(store, "ntriples", out)
        assert len(asked) == 2000
        assert len(out.seen_at_writes[0]) < 1000  # the first bytes went out before half the union was read


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
    assert "\\/" not in text and not re.search(r"kgr:\S*/", text)


# -- the dataset describes itself -------------------------------------------------------

VOID = "http://rdfs.org/ns/void#"
OWL = "http://www.w3.org/2002/07/owl#"


def test_export_describes_the_dataset_with_void_dcat_and_an_owl_header(store: Store) -> None:
    g = rdflib.Graph().parse(data=export_dataset(store, "turtle", license_iri="https://example.org/l").decode(),
                             format="turtle")
    U = rdflib.URIRef
    dataset, export_iri = U(KGR + "dataset"), U("https://w3id.org/kg-builder/export")
    assert (export_iri, U(OWL + "imports"), U("https://w3id.org/kg-builder/ontology")) in g
    assert (export_iri, rdflib.RDF.type, U(OWL + "Ontology")) in g
    assert {str(t) for t in g.objects(dataset, rdflib.RDF.type)} == {VOID + "Dataset", "http://www.w3.org/ns/dcat#Dataset"}
    assert int(g.value(dataset, U(VOID + "triples"))) == 12  # distinct triples of the two documents
    assert {str(s): int(g.value(s, U(VOID + "triples"))) for s in g.objects(dataset, U(VOID + "subset"))} == {
        G1: 11, G2: 2}
    assert g.value(dataset, U("http://purl.org/dc/terms/license")) == U("https://example.org/l")


def test_export_with_ontology_includes_kgo_and_stays_byte_identical(store: Store) -> None:
    data = export_dataset(store, "trig", with_ontology=True)
    graphs = {q.graph_name.value for q in ox.parse(data, ox.RdfFormat.TRIG)}
    assert graphs == {G1, G2, DATASET, "https://w3id.org/kg-builder/graph/ontology"}
    assert export_dataset(store, "trig", with_ontology=True) == data
    assert b"owl:Class" in export_dataset(store, "turtle", with_ontology=True)


RAPPER = shutil.which("rapper")
RAPPER_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "rdfxml": "rdfxml", "ntriples": "ntriples"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "rdfxml": ox.RdfFormat.RDF_XML, "ntriples": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "rdfxml": "xml", "ntriples": "nt",
                  "json-ld": "json-ld"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's Dataset for trig and nquads
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_format_parses_to_the_same_triples_everywhere(store: Store, tmp_path: Path, fmt: str) -> None:
    """pyoxigraph, rdflib and (when Debian's raptor2-utils is there) rapper read the same triples."""
    data = export_dataset(store, fmt)
    expected = triples_of(store)
    assert ox_triples(data, OX_FORMATS[fmt]) == expected
    if fmt in ("trig", "nquads", "json-ld"):
        assert rdflib_dataset_triples(data, RDFLIB_FORMATS[fmt]) == expected
    else:
        assert rdflib_triples(data, RDFLIB_FORMATS[fmt]) == expected
    if RAPPER and fmt in RAPPER_FORMATS:
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(data)
        done = subprocess.run([RAPPER, "-q", "-i", RAPPER_FORMATS[fmt], "-o", "ntriples", str(path), "http://x/"],
                              capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert ox_triples(done.stdout, ox.RdfFormat.N_TRIPLES) == expected

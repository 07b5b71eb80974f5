"""kg_builder.validate: the report, OWL consistency (HermiT and the built-in check), set-up errors, text output."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SH

from kg_builder import resources, validate
from kg_builder.errors import ValidationSetupError
from kg_builder.validate import OwlResult, ValidationReport, Violation, format_report, validate_graph

from test_shapes import (  # the hand-made valid graph lives with the shape tests
    DENUCLEARIZATION, HANOI_SUMMIT, KGO, KGSH, KIM, POSITION, SPAN_HANOI, TRUMP, USA, XSD, on_store, valid_graph,
)

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")
# HermiT starts a Java VM per check (1-2 s): the slow tier, not every edit
REASONERS = [pytest.param("none", id="builtin"), pytest.param("hermit", id="hermit", marks=[needs_java, pytest.mark.slow])]


def with_triples(*triples: tuple) -> Graph:
    graph = valid_graph()
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.fixture(scope="module")
def valid_report() -> ValidationReport:
    """The report on the valid graph, for the tests that only read it (it is frozen; pySHACL takes ~1 s)."""
    return validate_graph(valid_graph(), reasoner="none")


# --- SHACL report ----------------------------------------------------------


def test_validate_valid_graph_report_is_ok(valid_report: ValidationReport) -> None:
    assert isinstance(valid_report, ValidationReport)
    assert (valid_report.conforms, valid_report.violations, valid_report.ok) == (True, (), True)
    assert valid_report.owl == OwlResult(True, "builtin-disjointness", valid_report.owl.note)


def test_validate_violation_carries_node_path_message_and_sentence() -> None:
    graph = valid_graph()
    graph.remove((POSITION, KGO.stance, None))
    [violation] = validate_graph(graph, reasoner="none").violations
    assert violation == Violation(
        focus_node=str(POSITION),
        path=str(KGO.stance),
        value=None,
        message=(
            "A policy position has exactly one kgo:stance: "
            "kgo:Supports, kgo:Opposes, kgo:Demands, kgo:Offers, kgo:Rejects or kgo:Believes."
        ),
        severity="Violation",
        shape=str(KGSH.PositionStance),
        sentence="North Korea demanded sanctions relief for Yongbyon.",
        focus_label="North Korea demands sanctions relief",
    )


def test_validate_text_span_violation_uses_its_own_sentence() -> None:
    graph = valid_graph()
    graph.set((SPAN_HANOI, KGO.confidence, Literal("1.5", datatype=XSD.decimal)))
    [violation] = validate_graph(graph, reasoner="none").violations
    assert violation.focus_node == str(SPAN_HANOI)
    assert violation.value == '"1.5"^^xsd:decimal'
    assert violation.sentence == "The Hanoi summit ended without a joint statement."


def test_validate_warning_keeps_graph_conforming() -> None:
    graph = valid_graph()
    graph.set((USA, KGO.wikidataId, Literal("30")))
    report = validate_graph(graph, reasoner="none")
    assert [v.severity for v in report.violations] == ["Warning"]
    assert report.conforms and report.ok


def test_validate_literal_values_are_reported_once_on_the_subject() -> None:
    # RDFS inference types the literal as kgo:Actor; the report must not be about the literal itself.
    graph = with_triples((HANOI_SUMMIT, KGO.participant, Literal("Trump")))
    report = validate_graph(graph, reasoner="none")
    assert [(v.focus_node, v.shape) for v in report.violations] == [(str(HANOI_SUMMIT), str(KGSH.EventParticipant))]
    results = Graph().parse(data=report.report_turtle, format="turtle")
    assert len(set(results.subjects(RDF.type, SH.ValidationResult))) == 1
    assert (None, SH.conforms, Literal(False)) in results


def test_validate_report_turtle_is_the_shacl_results_graph(valid_report: ValidationReport) -> None:
    results = Graph().parse(data=valid_report.report_turtle, format="turtle")
    assert (None, RDF.type, SH.ValidationReport) in results
    assert (None, SH.conforms, Literal(True)) in results


def test_validate_accepts_a_dataset_of_document_graphs() -> None:
    dataset = Dataset()
    named = dataset.graph(URIRef("https://w3id.org/kg-builder/graph/doc/doc1"))
    for triple in valid_graph():
        named.add(triple)
    dataset.graph(URIRef("https://w3id.org/kg-builder/graph/doc/doc2")).add((HANOI_SUMMIT, KGO.polarity, KGO.Negative))
    report = validate_graph(dataset, reasoner="none")
    # The union is validated: doc2's second polarity breaks doc1's summit.
    assert [v.shape for v in report.violations] == [str(KGSH.FactPolarity)]


def test_validate_leaves_the_ontology_and_shapes_it_shares_as_they_were_read(valid_report: ValidationReport) -> None:
    # The parsed files are shared by every validation of the process (pySHACL, which adds to the graphs
    # it is given, works on copies): after validating in memory and on a store, they are the files.
    on_store(valid_graph())
    for path, what in ((resources.ontology_file(), "ontology"), (resources.shapes_file(), "SHACL shapes")):
        assert isomorphic(validate._read_turtle(path, what), Graph().parse(path, format="turtle")), what


def test_validate_does_not_change_the_input_graph() -> None:
    graph = valid_graph()
    before = set(graph)
    validate_graph(graph, reasoner="none")
    assert set(graph) == before


# --- OWL consistency -------------------------------------------------------


@pytest.mark.parametrize("reasoner", REASONERS)
def test_validate_valid_graph_is_owl_consistent(reasoner: str) -> None:
    owl = validate_graph(valid_graph(), reasoner=reasoner).owl
    assert owl.consistent is True
    # With HermiT no fallback may happen: the xsd:date literals must have been made acceptable to it.
    assert owl.reasoner == ("hermit" if reasoner == "hermit" else "builtin-disjointness"), owl.note


@pytest.mark.parametrize("reasoner", REASONERS)
def test_validate_person_and_state_is_owl_inconsistent(reasoner: str) -> None:
    report = validate_graph(with_triples((TRUMP, RDF.type, KGO.State)), reasoner=reasoner)
    assert report.owl.consistent is False
    assert report.conforms and not report.ok
    assert "person/donald-trump" in report.owl.note and "kgo:State" in report.owl.note


@pytest.mark.parametrize("reasoner", REASONERS)
def test_validate_issue_as_participant_is_owl_inconsistent(reasoner: str) -> None:
    # kgo:participant has range kgo:Actor, and kgo:Issue is disjoint from kgo:Actor.
    report = validate_graph(with_triples((HANOI_SUMMIT, KGO.participant, DENUCLEARIZATION)), reasoner=reasoner)
    assert report.owl.consistent is False


@pytest.mark.parametrize("reasoner", REASONERS)
def test_validate_same_as_between_different_individuals_is_owl_inconsistent(reasoner: str) -> None:
    report = validate_graph(with_triples((KGO.Signed, OWL.sameAs, KGO.NotSigned)), reasoner=reasoner)
    assert report.owl.consistent is False


@pytest.mark.parametrize("reasoner", REASONERS)
def test_validate_state_that_is_also_location_is_owl_consistent(reasoner: str) -> None:
    # The gold data types Singapore as both: State and Location must not be disjoint.
    report = validate_graph(with_triples((USA, RDF.type, KGO.Location)), reasoner=reasoner)
    assert report.owl.consistent is True


@pytest.mark.parametrize(("triple", "clash"), [
    pytest.param((KIM, OWL.sameAs, USA), "kgr:person/kim-jong-un is both kgo:Person and kgo:State", id="sameAs"),
    pytest.param((TRUMP, KGO.participant, KIM), "kgr:person/donald-trump is both kgo:Actor and kgo:Event",
                 id="domain"),
    pytest.param((HANOI_SUMMIT, KGO.participant, DENUCLEARIZATION),
                 "kgr:issue/denuclearization is both kgo:Actor and kgo:Issue", id="range"),
])
def test_validate_builtin_check_types_nodes_through_same_as_domain_and_range(triple: tuple, clash: str) -> None:
    ontology = Graph().parse(resources.ontology_file(), format="turtle")
    assert validate.builtin_clashes(valid_graph(), ontology) == []
    found = validate.builtin_clashes(with_triples(triple), ontology)
    assert any(c.startswith(clash) for c in found), found


@pytest.mark.slow
@needs_java
def test_validate_auto_uses_hermit_when_java_is_present() -> None:
    assert validate_graph(valid_graph()).owl.reasoner == "hermit"


@pytest.mark.slow
@needs_java
def test_validate_pellet_runs_or_falls_back_with_a_reason() -> None:
    # owlready2 0.51's bundled Pellet/Jena needs a newer Java than 17; either way there is an answer.
    owl = validate_graph(valid_graph(), reasoner="pellet").owl
    assert owl.consistent is True
    assert owl.reasoner == "pellet" or (owl.reasoner == "builtin-disjointness" and "Pellet failed" in owl.note)


def test_validate_without_java_falls_back_to_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate.shutil, "which", lambda name: None)
    owl = validate_graph(with_triples((TRUMP, RDF.type, KGO.State))).owl
    assert (owl.consistent, owl.reasoner) == (False, "builtin-disjointness")
    assert owl.note.startswith("Java not found: install a Java runtime (17+)")


def test_validate_reasoner_failure_falls_back_to_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("java.lang.OutOfMemoryError: Java heap space")

    monkeypatch.setattr(validate.shutil, "which", lambda name: "/usr/bin/java")
    monkeypatch.setattr(validate, "_owlready_consistent", broken)
    owl = validate_graph(valid_graph(), reasoner="hermit").owl
    assert (owl.consistent, owl.reasoner) == (True, "builtin-disjointness")
    assert "HermiT failed (java.lang.OutOfMemoryError: Java heap space)" in owl.note


# --- set-up errors ---------------------------------------------------------


def test_validate_unknown_reasoner_is_a_setup_error() -> None:
    with pytest.raises(ValidationSetupError, match="unknown reasoner 'fact\\+\\+'"):
        validate_graph(valid_graph(), reasoner="fact++")


def test_validate_missing_shapes_is_a_setup_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(resources.ontology_file(), tmp_path / "kgo.ttl")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    with pytest.raises(ValidationSetupError, match="SHACL shapes file not found") as caught:
        validate_graph(valid_graph(), reasoner="none")
    assert caught.value.code == "KG400"


def test_validate_unparsable_ontology_is_a_setup_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kgo.ttl").write_text("@prefix kgo: <https://w3id.org/kg-builder/ontology#> .\nkgo:Actor a \n")
    shutil.copy(resources.shapes_file(), tmp_path / "shapes.ttl")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    with pytest.raises(ValidationSetupError, match="cannot parse ontology file"):
        validate_graph(valid_graph(), reasoner="none")


def test_validate_invalid_sparql_constraint_is_a_setup_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(resources.ontology_file(), tmp_path / "kgo.ttl")
    (tmp_path / "shapes.ttl").write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgo: <https://w3id.org/kg-builder/ontology#> .
        <urn:bad> a sh:NodeShape ; sh:targetClass kgo:Agreement ; sh:severity sh:Violation ; sh:message "bad" ;
            sh:sparql [ sh:message "bad" ; sh:select "SELECT $this WHERE { VALUES ?x { 1 } $this ?p ?x }" ] .
        """
    )
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    with pytest.raises(ValidationSetupError, match="SHACL validation could not run"):
        validate_graph(valid_graph(), reasoner="none")


# --- text report -----------------------------------------------------------


def test_validate_format_report_names_label_property_and_sentence() -> None:
    graph = valid_graph()
    graph.remove((HANOI_SUMMIT, KGO.polarity, None))
    text = format_report(validate_graph(graph, reasoner="none"))
    assert 'kgr:event/doc1-aaaaaaaaaaaa ("Hanoi summit")' in text
    assert "property: kgo:polarity" in text
    assert "A fact needs exactly one kgo:polarity" in text
    assert 'sentence: "The Hanoi summit ended without a joint statement."' in text
    assert "OWL (builtin-disjointness): consistent." in text
    assert text.rstrip().splitlines()[-1] == (
        "FAILED: 1 violation(s), 0 warning(s), 0 info; OWL consistent (builtin-disjointness)"
    )


def test_validate_format_report_of_inconsistent_graph_explains_the_clash() -> None:
    text = format_report(validate_graph(with_triples((TRUMP, RDF.type, KGO.State)), reasoner="none"))
    assert "OWL (builtin-disjointness): INCONSISTENT." in text
    assert "kgr:person/donald-trump is both kgo:Person and kgo:State, declared disjoint" in text
    assert text.rstrip().endswith("OWL inconsistent (builtin-disjointness)")
    assert text.rstrip().splitlines()[-1].startswith("FAILED: 0 violation(s)")


def test_validate_format_report_of_valid_graph_says_ok(valid_report: ValidationReport) -> None:
    text = format_report(valid_report)
    summary = "OK: 0 violation(s), 0 warning(s), 0 info; OWL consistent (builtin-disjointness)"
    assert text.rstrip().splitlines()[-1] == summary

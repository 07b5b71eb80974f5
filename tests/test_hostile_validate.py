"""Validation that would pass on nothing: no shapes, no ontology, no data, shapes that target none
of it, and evidence offsets past the end of their document. Each is an error or a violation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hostile import DOCS, first_line_facts, kg, one_error
from kg_builder import rdf
from kg_builder.model import Document, Span
from kg_builder.store import Store

ROOT = Path(__file__).resolve().parents[1]
TEXT = "The envoys met in Geneva.\n"


@pytest.fixture
def ontology_dir(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the project's ontology/ that a test may break; KG_ONTOLOGY_DIR points at it."""
    folder = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", folder)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(folder))
    return folder


def store_of(tmp_path: Path, facts_text: str = TEXT, span: Span | None = None) -> Path:
    document = Document("a.txt", "a.txt", facts_text, title="A")
    facts = first_line_facts(document)
    if span is not None:  # a forged span, as a hand-edited or foreign store might hold
        event = facts.events[0]
        facts = type(facts)(document, facts.entities, (type(event)(event.key, event.kind, event.label,
                            type(event.evidence)(span, "rule:forged", 0.5), participants=event.participants),))
    store_dir = tmp_path / "st"
    with Store.open(store_dir) as store:
        store.ensure_ontology(ROOT / "ontology" / "kgo.ttl")
        store.replace_graph(DOCS + "a.txt", rdf.to_ntriples(facts))
    return store_dir


def validate(store_dir: Path):
    return kg("validate", "--reasoner", "none", "--store", str(store_dir))


def test_hostile_sound_store_validates(tmp_path: Path, ontology_dir: Path) -> None:
    result = validate(store_of(tmp_path))
    assert result.exit_code == 0, result.output


def test_hostile_empty_shapes_file_is_an_error_not_a_pass(tmp_path: Path, ontology_dir: Path) -> None:
    (ontology_dir / "shapes.ttl").write_text("")
    result = validate(store_of(tmp_path))
    assert result.exit_code == 2
    assert "has no shape with a target" in one_error(result, "KG400")


def test_hostile_ontology_without_classes_is_an_error(tmp_path: Path, ontology_dir: Path) -> None:
    (ontology_dir / "kgo.ttl").write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n")
    result = validate(store_of(tmp_path))
    assert result.exit_code == 2
    assert "declares no OWL class" in one_error(result, "KG400")


def test_hostile_empty_store_is_an_error(tmp_path: Path, ontology_dir: Path) -> None:
    with Store.open(tmp_path / "st") as store:
        store.ensure_ontology(ROOT / "ontology" / "kgo.ttl")
    result = validate(tmp_path / "st")
    assert result.exit_code == 2
    assert "nothing to validate" in one_error(result, "KG400")


def test_hostile_shapes_that_target_none_of_the_data_are_an_error(tmp_path: Path, ontology_dir: Path) -> None:
    (ontology_dir / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<http://e/S> a sh:NodeShape ; sh:targetClass <http://e/NothingHere> ; sh:closed true .\n")
    result = validate(store_of(tmp_path))
    assert result.exit_code == 2
    assert "no node of the data is the target of any shape" in one_error(result, "KG400")


def test_hostile_span_past_the_end_of_its_document_is_a_violation(tmp_path: Path, ontology_dir: Path) -> None:
    result = validate(store_of(tmp_path, span=Span(0, 99_999_999, TEXT.strip())))
    assert result.exit_code == 1
    assert "span-offsets-violation: 1 violation(s)" in result.stdout
    assert "past the end of the document's text" in result.stdout

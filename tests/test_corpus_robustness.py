"""Real essays the extractor was not tuned to: each builds, and together they conform to the shapes."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg_builder import resources
from kg_builder.store import Store
from kg_builder.validate import validate_graph

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "data" / "corpus"
ESSAYS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def store(tmp_path_factory, build_into):
    with Store.open(tmp_path_factory.mktemp("corpus") / "store") as opened:
        opened.ensure_ontology(resources.ontology_file())
        for essay in ESSAYS:
            assert build_into(essay, opened).fact_count > 0, essay.name
        yield opened


def test_corpus_robustness_every_essay_is_in_the_store(store):
    assert len(store.document_graphs()) == len(ESSAYS) == 5


def test_corpus_robustness_union_conforms_to_the_shapes(store):
    report = validate_graph(store.as_rdflib(), reasoner="none")
    assert report.conforms, [f"{v.shape}: {v.message} ({v.focus_node})" for v in report.violations]
    assert report.owl.consistent is True, report.owl.note


def test_corpus_robustness_no_unsigned_agreement_has_a_signatory(store):
    rows = store.query("""PREFIX kgo: <https://w3id.org/kg-builder/ontology#>
        SELECT ?a WHERE { ?a kgo:status kgo:NotSigned ; kgo:signatory ?s }""").rows
    assert rows == ()

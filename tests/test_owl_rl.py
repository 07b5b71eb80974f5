"""kg_builder.owl_rl: OWL RL consistency as queries on the store agrees with owlrl's closure (the reference).

The store's verdict on every case runs in the fast tier; owlrl's, about a second a graph, in the slow tier.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF

from kg_builder import owl_rl, resources
from kg_builder.store import Store
from kg_builder.errors import ValidationSetupError
from kg_builder.validate import validate_store

from test_shapes import (  # the hand-made valid graph lives with the shape tests
    DENUCLEARIZATION, DOCUMENT, HANOI, HANOI_SUMMIT, KGO, KIM, NORTH_KOREA, POSITION, SIGNED_AGREEMENT,
    SINGAPORE, SPAN_HANOI, TRUMP, USA, add, both, put, valid_graph,
)

GRAPH = "https://w3id.org/kg-builder/graph/doc/test"
Edit = Callable[[Graph], None]

# (what, edit, consistent?) — each graph is also given to owlrl, which must say the same.
CASES: list[tuple[str, Edit, bool]] = [
    ("the valid graph", lambda g: None, True),
    ("a state that is also a location", add(SINGAPORE, RDF.type, KGO.Location), True),
    ("a person who is also a state", add(TRUMP, RDF.type, KGO.State), False),
    ("an issue as participant (range)", add(HANOI_SUMMIT, KGO.participant, DENUCLEARIZATION), False),
    ("an issue as holder of a position (range)", put(POSITION, KGO.holder, DENUCLEARIZATION), False),
    ("a location as holder (Location and Actor overlap)", put(POSITION, KGO.holder, HANOI), True),
    ("a span with an operator (domain)", add(SPAN_HANOI, KGO.operator, USA), False),
    # A domain that is a union of classes says nothing in OWL RL (no rule reads it backwards).
    ("a span with a polarity (union domain)", add(SPAN_HANOI, KGO.polarity, KGO.Positive), True),
    ("two polarities (functional, declared different)", add(HANOI_SUMMIT, KGO.polarity, KGO.Negative), False),
    ("two statuses (functional, declared different)", add(SIGNED_AGREEMENT, KGO.status, KGO.NotSigned), False),
    ("two holders of one kind (functional: merely the same)", add(POSITION, KGO.holder, USA), True),
    ("two holders of disjoint kinds (functional, merged)", add(POSITION, KGO.holder, TRUMP), False),
    ("sameAs between individuals declared different", add(KGO.Positive, OWL.sameAs, KGO.Negative), False),
    ("sameAs between a person and a state", add(KIM, OWL.sameAs, NORTH_KOREA), False),
    ("an instance of owl:Nothing", add(DOCUMENT, RDF.type, OWL.Nothing), False),
    ("allied with an issue (symmetric)", both(add(USA, KGO.alliedWith, DENUCLEARIZATION)), False),
]


def in_store(graph: Graph) -> Store:
    store = Store(Path("in-memory"), ox.Store(), read_only=False)
    store.ensure_ontology(resources.ontology_file())
    store.replace_graph(GRAPH, graph.serialize(format="nt"))
    return store


@pytest.fixture(scope="module")
def tbox() -> owl_rl.Tbox:
    return owl_rl.tbox(Graph().parse(resources.ontology_file()))


EACH_CASE = pytest.mark.parametrize(("edit", "consistent"), [pytest.param(e, c, id=w) for w, e, c in CASES])


@EACH_CASE
def test_owl_rl_on_the_store(tbox: owl_rl.Tbox, edit: Edit, consistent: bool) -> None:
    graph = valid_graph()
    edit(graph)
    found = owl_rl.clashes(in_store(graph).query, tbox)
    assert (found == []) is consistent, found


# owlrl's closure takes about a second a graph: the reference runs in the slow tier (`make test`, CI)
@pytest.mark.slow
@EACH_CASE
def test_owl_rl_agrees_with_owlrl(tbox: owl_rl.Tbox, edit: Edit, consistent: bool) -> None:
    graph = valid_graph()
    edit(graph)
    ontology = Graph().parse(resources.ontology_file())
    assert (owl_rl.owlrl_clashes(graph, ontology) == []) is consistent
    found = owl_rl.clashes(in_store(graph).query, tbox)
    assert (found == []) is consistent, found


def test_owl_rl_names_the_individual_and_the_classes(tbox: owl_rl.Tbox) -> None:
    graph = valid_graph()
    graph.add((TRUMP, RDF.type, KGO.State))
    assert owl_rl.clashes(in_store(graph).query, tbox) == [
        "kgp:donald-trump is both kgo:Person and kgo:State, declared disjoint"]


# Slow tier: node by node, each of validate_store's ~100 queries is parsed anew for each document (~8 s CPU)
@pytest.mark.slow
def test_validating_one_document_checks_the_nodes_it_describes() -> None:
    store = in_store(valid_graph())
    clashing, elsewhere = "https://w3id.org/kg-builder/graph/doc/clash", "https://w3id.org/kg-builder/graph/doc/hanoi"
    store.replace_graph(clashing, f"<{TRUMP}> <{RDF.type}> <{KGO.State}> .\n")
    store.replace_graph(elsewhere, f"<{HANOI}> <{KGO.wikidataId}> {Literal('Q1858').n3()} .\n")
    assert validate_store(store, graph=clashing).owl.note.endswith(
        "kgp:donald-trump is both kgo:Person and kgo:State, declared disjoint")
    assert validate_store(store, graph=elsewhere).ok  # the clash is about a node this document does not touch
    assert not validate_store(store).ok


@pytest.mark.slow
def test_validating_one_document_asks_only_about_the_nodes_it_describes() -> None:
    store = in_store(valid_graph())  # the whole store has nodes the shapes target
    stray = "https://w3id.org/kg-builder/graph/doc/stray"
    store.replace_graph(stray, "<https://example.org/thing> <https://example.org/says> \"1\" .\n")
    with pytest.raises(ValidationSetupError, match="nothing would be checked"):
        validate_store(store, graph=stray)  # none of the nodes this document describes is a target


def test_one_document_answers_for_the_values_it_gives(tbox: owl_rl.Tbox) -> None:
    """Two values of a functional property clash in the document that gives one of them, not in another
    document that only mentions the node: checked alone, a document answers for what it says."""
    store = in_store(valid_graph())  # the summit's polarity is kgo:Positive
    second, bystander = "https://w3id.org/kg-builder/graph/doc/second", "https://w3id.org/kg-builder/graph/doc/other"
    store.replace_graph(second, f"<{HANOI_SUMMIT}> <{KGO.polarity}> <{KGO.Negative}> .\n")
    store.replace_graph(bystander, f"<{HANOI_SUMMIT}> <{KGO.mentionedIn}> <{DOCUMENT}> .\n")
    summit = (f"<{HANOI_SUMMIT}>",)
    assert owl_rl.clashes(store.query, tbox, summit, second) != []
    assert owl_rl.clashes(store.query, tbox, summit, bystander) == []
    assert owl_rl.clashes(store.query, tbox) != []

"""ontology/shapes.ttl: a hand-made valid graph conforms, and every shape catches its own breakage.

VALID_TTL follows ontology/GRAPH.md. Each entry of BREAKS breaks it for one
shape only; the test asserts that exactly that shape reports, and that the
shapes compiled to SPARQL and run on the store (validate_store) report the
same results as pySHACL (validate_graph, the reference). Adding a shape to
shapes.ttl without a break here fails test_shapes_breaks_cover_every_shape.
The store's checks on every break run in the fast tier; the comparison with
pySHACL and the checks node by node in the slow tier, which `make test` runs.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from kg_builder import resources
from kg_builder.store import Store
from kg_builder.validate import ValidationReport, validate_graph, validate_store

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
KGR = Namespace("https://w3id.org/kg-builder/id/")
KGSH = Namespace("https://w3id.org/kg-builder/shapes#")
# rdflib's XSD object warns when pytest probes module attributes, so a plain Namespace.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

VALID_TTL = """
@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix person: <https://w3id.org/kg-builder/id/person/> .
@prefix state: <https://w3id.org/kg-builder/id/state/> .
@prefix location: <https://w3id.org/kg-builder/id/location/> .
@prefix organization: <https://w3id.org/kg-builder/id/organization/> .
@prefix facility: <https://w3id.org/kg-builder/id/facility/> .
@prefix issue: <https://w3id.org/kg-builder/id/issue/> .
@prefix event: <https://w3id.org/kg-builder/id/event/> .
@prefix agreement: <https://w3id.org/kg-builder/id/agreement/> .
@prefix commitment: <https://w3id.org/kg-builder/id/commitment/> .
@prefix position: <https://w3id.org/kg-builder/id/position/> .
@prefix disagreement: <https://w3id.org/kg-builder/id/disagreement/> .
@prefix claim: <https://w3id.org/kg-builder/id/claim/> .
@prefix span: <https://w3id.org/kg-builder/id/span/> .
@prefix document: <https://w3id.org/kg-builder/id/document/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# --- entities -------------------------------------------------------------
person:donald-trump a kgo:Person ;
    rdfs:label "Donald Trump" ; skos:altLabel "Trump" ; kgo:role "president" ;
    kgo:wikidataId "Q22686" ;
    kgo:leaderOf state:united-states .

person:kim-jong-un a kgo:Person ;
    rdfs:label "Kim Jong-un" ; skos:altLabel "Kim" .

state:united-states a kgo:State ; rdfs:label "United States" ; kgo:wikidataId "Q30" .
state:north-korea a kgo:State ; rdfs:label "North Korea" ; skos:altLabel "the North Koreans" .
# Singapore is a State that the text also uses as a place (gold data): not a clash.
state:singapore a kgo:State , kgo:Location ; rdfs:label "Singapore" .
location:hanoi a kgo:Location ; rdfs:label "Hanoi" .
organization:csis a kgo:Organization ; rdfs:label "Center for Strategic and International Studies" .

facility:yongbyon a kgo:Facility ;
    rdfs:label "Yongbyon nuclear facility" ; kgo:facilityStatus "possible shutdown" ;
    kgo:operator state:north-korea ; kgo:locatedIn state:north-korea .

issue:denuclearization a kgo:Issue ; rdfs:label "denuclearization" .
issue:sanctions-relief a kgo:Issue ; rdfs:label "sanctions relief" .

# --- events ---------------------------------------------------------------
event:doc1-aaaaaaaaaaaa a kgo:Summit ;
    rdfs:label "Hanoi summit" ;
    kgo:participant person:donald-trump , person:kim-jong-un ;
    kgo:location location:hanoi ;
    kgo:startDate "2019-02-27"^^xsd:date ; kgo:endDate "2019-02-28"^^xsd:date ;
    kgo:concerns issue:denuclearization ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-0-60-aaaaaaaaaaaa .

event:doc1-bbbbbbbbbbbb a kgo:Summit ;
    rdfs:label "Singapore summit" ;
    kgo:participant person:donald-trump , person:kim-jong-un ;
    kgo:location state:singapore ;
    kgo:startDate "2018-06"^^xsd:gYearMonth ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-61-150-bbbbbbbbbbbb .

# --- agreements -----------------------------------------------------------
agreement:doc1-cccccccccccc a kgo:Agreement ;
    rdfs:label "Singapore joint statement" ; skos:altLabel "joint statement" ;
    kgo:status kgo:Signed ;
    kgo:signatory person:donald-trump , person:kim-jong-un ;
    kgo:adoptedAt event:doc1-bbbbbbbbbbbb ;
    kgo:hasCommitment commitment:doc1-dddddddddddd ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-61-150-bbbbbbbbbbbb .

commitment:doc1-dddddddddddd a kgo:Commitment ;
    rdfs:label "complete denuclearization of the Korean peninsula" ;
    kgo:concerns issue:denuclearization ;
    prov:wasDerivedFrom span:doc1-61-150-bbbbbbbbbbbb .

agreement:doc1-eeeeeeeeeeee a kgo:Agreement ;
    rdfs:label "Hanoi joint statement" ;
    kgo:status kgo:NotSigned ;
    kgo:adoptedAt event:doc1-aaaaaaaaaaaa ;
    kgo:polarity kgo:Negative ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-0-60-aaaaaaaaaaaa .

# --- positions and disagreements -------------------------------------------
position:doc1-ffffffffffff a kgo:PolicyPosition ;
    rdfs:label "North Korea demands sanctions relief" ;
    kgo:holder state:north-korea ; kgo:stance kgo:Demands ;
    kgo:concerns issue:sanctions-relief ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-151-230-cccccccccccc .

disagreement:doc1-111111111111 a kgo:Disagreement ;
    rdfs:label "United States and North Korea disagree on sanctions relief" ;
    kgo:party state:united-states , state:north-korea ;
    kgo:concerns issue:sanctions-relief ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hedged ;
    prov:wasDerivedFrom span:doc1-151-230-cccccccccccc .

# --- claims: one per plain triple, plus one that is only a claim ----------
claim:doc1-222222222222 a kgo:Claim ;
    rdfs:label "Donald Trump leader of United States" ;
    rdf:subject person:donald-trump ; rdf:predicate kgo:leaderOf ; rdf:object state:united-states ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-0-60-aaaaaaaaaaaa .

claim:doc1-333333333333 a kgo:Claim ;
    rdfs:label "Donald Trump signed Singapore joint statement" ;
    rdf:subject agreement:doc1-cccccccccccc ; rdf:predicate kgo:signatory ; rdf:object person:donald-trump ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-61-150-bbbbbbbbbbbb .

claim:doc1-444444444444 a kgo:Claim ;
    rdfs:label "Kim Jong-un signed Singapore joint statement" ;
    rdf:subject agreement:doc1-cccccccccccc ; rdf:predicate kgo:signatory ; rdf:object person:kim-jong-un ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-61-150-bbbbbbbbbbbb .

claim:doc1-555555555555 a kgo:Claim ;
    rdfs:label "North Korea operates Yongbyon nuclear facility" ;
    rdf:subject facility:yongbyon ; rdf:predicate kgo:operator ; rdf:object state:north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-151-230-cccccccccccc .

claim:doc1-666666666666 a kgo:Claim ;
    rdfs:label "Yongbyon nuclear facility located in North Korea" ;
    rdf:subject facility:yongbyon ; rdf:predicate kgo:locatedIn ; rdf:object state:north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-151-230-cccccccccccc .

claim:doc1-999999999999 a kgo:Claim ;
    rdfs:label "role claim" ;
    rdf:subject person:donald-trump ; rdf:predicate kgo:role ; rdf:object "president" ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-0-60-aaaaaaaaaaaa .

# Negated: a role claim only, no plain kgo:role "ambassador".
claim:doc1-aaaaaaaaaaa0 a kgo:Claim ;
    rdfs:label "role claim" ;
    rdf:subject person:donald-trump ; rdf:predicate kgo:role ; rdf:object "ambassador" ;
    kgo:polarity kgo:Negative ; kgo:modality kgo:Asserted ;
    prov:wasDerivedFrom span:doc1-0-60-aaaaaaaaaaaa .

# Negated and reported: a claim only, no plain kgo:alliedWith triple.
claim:doc1-777777777777 a kgo:Claim ;
    rdfs:label "United States not allied with North Korea" ;
    rdf:subject state:united-states ; rdf:predicate kgo:alliedWith ; rdf:object state:north-korea ;
    kgo:polarity kgo:Negative ; kgo:modality kgo:Asserted ;
    kgo:attributedTo person:kim-jong-un ;
    prov:wasDerivedFrom span:doc1-151-230-cccccccccccc .

# --- evidence and the document ---------------------------------------------
span:doc1-0-60-aaaaaaaaaaaa a kgo:TextSpan ;
    kgo:sourceDocument document:doc1 ;
    kgo:sentence "The Hanoi summit ended without a joint statement." ;
    kgo:beginIndex 0 ; kgo:endIndex 60 ;
    kgo:extractor "rule:summit" ; kgo:confidence 0.9 .

span:doc1-61-150-bbbbbbbbbbbb a kgo:TextSpan ;
    kgo:sourceDocument document:doc1 ;
    kgo:sentence "In Singapore in June 2018 the two leaders signed a joint statement." ;
    kgo:beginIndex 61 ; kgo:endIndex 150 ;
    kgo:extractor "rule:agreement" ; kgo:confidence 0.85 .

span:doc1-151-230-cccccccccccc a kgo:TextSpan ;
    kgo:sourceDocument document:doc1 ;
    kgo:sentence "North Korea demanded sanctions relief for Yongbyon." ;
    kgo:beginIndex 151 ; kgo:endIndex 230 ;
    kgo:extractor "rule:position" ; kgo:confidence 0.7 .

document:doc1 a kgo:SourceDocument ;
    dcterms:title "Assessing the Hanoi summit" ;
    dcterms:identifier "doc1" ;
    dcterms:date "2019-03-01"^^xsd:date ;
    kgo:characterCount 230 .
"""

TRUMP = KGR["person/donald-trump"]
KIM = KGR["person/kim-jong-un"]
USA = KGR["state/united-states"]
NORTH_KOREA = KGR["state/north-korea"]
SINGAPORE = KGR["state/singapore"]
HANOI = KGR["location/hanoi"]
YONGBYON = KGR["facility/yongbyon"]
DENUCLEARIZATION = KGR["issue/denuclearization"]
HANOI_SUMMIT = KGR["event/doc1-aaaaaaaaaaaa"]
SINGAPORE_SUMMIT = KGR["event/doc1-bbbbbbbbbbbb"]
SIGNED_AGREEMENT = KGR["agreement/doc1-cccccccccccc"]
COMMITMENT = KGR["commitment/doc1-dddddddddddd"]
UNSIGNED_AGREEMENT = KGR["agreement/doc1-eeeeeeeeeeee"]
POSITION = KGR["position/doc1-ffffffffffff"]
DISAGREEMENT = KGR["disagreement/doc1-111111111111"]
LEADER_CLAIM = KGR["claim/doc1-222222222222"]
ALLIED_CLAIM = KGR["claim/doc1-777777777777"]
ROLE_CLAIM = KGR["claim/doc1-999999999999"]
NEGATED_ROLE_CLAIM = KGR["claim/doc1-aaaaaaaaaaa0"]
SPAN_HANOI = KGR["span/doc1-0-60-aaaaaaaaaaaa"]
SPAN_SINGAPORE = KGR["span/doc1-61-150-bbbbbbbbbbbb"]
DOCUMENT = KGR["document/doc1"]

Edit = Callable[[Graph], None]


def valid_graph() -> Graph:
    """A fresh graph of VALID_TTL, for a test to break (the text is parsed once: a copy is three times cheaper)."""
    parsed = _parsed_valid_graph()
    graph = Graph()
    for prefix, namespace in parsed.namespaces():
        graph.bind(prefix, namespace)
    graph += parsed
    return graph


@functools.cache
def _parsed_valid_graph() -> Graph:
    return Graph().parse(data=VALID_TTL, format="turtle")


# Small graph edits, composable: each returns a function that mutates a Graph.
def drop(s: URIRef, p: URIRef, o=None) -> Edit:
    return lambda g: g.remove((s, p, o))


def add(s: URIRef, p: URIRef, o) -> Edit:
    return lambda g: g.add((s, p, o))


def put(s: URIRef, p: URIRef, o) -> Edit:
    return lambda g: g.set((s, p, o))


def both(*edits: Edit) -> Edit:
    def run(g: Graph) -> None:
        for edit in edits:
            edit(g)
    return run


# (shape local name, what is broken, edit)
BREAKS: list[tuple[str, str, Edit]] = [
    ("EntityLabel", "person without label", drop(TRUMP, RDFS.label)),
    ("EntityLabel", "location with two labels", add(HANOI, RDFS.label, Literal("Ha Noi"))),
    ("EntityAltLabel", "alias that is an IRI", add(TRUMP, SKOS.altLabel, KGR["alias/trump"])),
    ("EntityWikidataId", "wikidata id without Q", put(USA, KGO.wikidataId, Literal("30"))),
    ("PersonRole", "role that is an IRI", put(TRUMP, KGO.role, KGR["role/president"])),
    ("ActorLeaderOf", "leader of a city", both(
        drop(TRUMP, KGO.leaderOf), add(TRUMP, KGO.leaderOf, HANOI), put(LEADER_CLAIM, RDF.object, HANOI))),
    ("ActorAffiliatedWith", "affiliation that is a literal", add(TRUMP, KGO.affiliatedWith, Literal("CSIS"))),
    ("ActorAlliedWith", "ally that is a literal", add(USA, KGO.alliedWith, Literal("South Korea"))),
    ("FacilityOperator", "operator that is a literal", put(YONGBYON, KGO.operator, Literal("North Korea"))),
    ("FacilityLocatedIn", "located in a literal", add(YONGBYON, KGO.locatedIn, Literal("Yongbyon county"))),
    ("FacilityStatus", "status that is an IRI", put(YONGBYON, KGO.facilityStatus, KGR["status/shutdown"])),
    ("FactLabel", "summit without label", drop(HANOI_SUMMIT, RDFS.label)),
    ("FactLabel", "commitment without label", drop(COMMITMENT, RDFS.label)),
    ("FactEvidence", "position without evidence", drop(POSITION, PROV.wasDerivedFrom)),
    ("FactEvidence", "commitment derived from the document, not a span",
     put(COMMITMENT, PROV.wasDerivedFrom, DOCUMENT)),
    ("FactPolarity", "summit without polarity", drop(HANOI_SUMMIT, KGO.polarity)),
    ("FactPolarity", "polarity outside the list", put(UNSIGNED_AGREEMENT, KGO.polarity, KGO.Signed)),
    ("FactModality", "disagreement without modality", drop(DISAGREEMENT, KGO.modality)),
    ("FactModality", "claim with two modalities", add(ALLIED_CLAIM, KGO.modality, KGO.Hedged)),
    ("FactAttributedTo", "attribution that is a literal", put(ALLIED_CLAIM, KGO.attributedTo, Literal("Kim"))),
    ("EventParticipant", "participant that is a literal", add(HANOI_SUMMIT, KGO.participant, Literal("Trump"))),
    ("EventLocation", "location that is an issue", put(SINGAPORE_SUMMIT, KGO.location, DENUCLEARIZATION)),
    ("EventLocation", "two locations", add(HANOI_SUMMIT, KGO.location, SINGAPORE)),
    ("EventStartDate", "start date as a string",
     put(HANOI_SUMMIT, KGO.startDate, Literal("27 February 2019", datatype=XSD.string))),
    ("EventStartDate", "start date that is not a date",
     put(SINGAPORE_SUMMIT, KGO.startDate, Literal("2018-13", datatype=XSD.gYearMonth))),
    ("EventEndDate", "two end dates", add(HANOI_SUMMIT, KGO.endDate, Literal("2019-03-01", datatype=XSD.date))),
    ("EventConcerns", "concerns a literal", add(HANOI_SUMMIT, KGO.concerns, Literal("denuclearization"))),
    ("AgreementStatus", "status outside the list", put(SIGNED_AGREEMENT, KGO.status, KGO.Supports)),
    ("AgreementSignatory", "signatory that is a literal", add(SIGNED_AGREEMENT, KGO.signatory, Literal("Trump"))),
    ("AgreementAdoptedAt", "adopted at a literal", put(SIGNED_AGREEMENT, KGO.adoptedAt, Literal("Singapore"))),
    ("AgreementCommitment", "commitment that is a literal",
     add(SIGNED_AGREEMENT, KGO.hasCommitment, Literal("peace regime"))),
    ("NotSignedHasNoSignatory", "not signed but with signatories", put(SIGNED_AGREEMENT, KGO.status, KGO.NotSigned)),
    ("CommitmentConcerns", "concerns a literal", add(COMMITMENT, KGO.concerns, Literal("denuclearization"))),
    ("CommitmentFulfilledBy", "fulfilled by a literal", add(COMMITMENT, KGO.fulfilledBy, Literal("return of remains"))),
    ("PositionHolder", "position without holder", drop(POSITION, KGO.holder)),
    ("PositionHolder", "two holders", add(POSITION, KGO.holder, USA)),
    ("PositionStance", "stance outside the list", put(POSITION, KGO.stance, KGO.Positive)),
    ("PositionStance", "position without stance", drop(POSITION, KGO.stance)),
    ("PositionConcerns", "position on two issues", add(POSITION, KGO.concerns, DENUCLEARIZATION)),
    ("DisagreementParty", "disagreement with one party", drop(DISAGREEMENT, KGO.party, USA)),
    ("DisagreementConcerns", "disagreement on nothing", drop(DISAGREEMENT, KGO.concerns)),
    ("ClaimSubject", "claim without subject", drop(ALLIED_CLAIM, RDF.subject)),
    ("ClaimPredicate", "claim about an unknown relation", put(ALLIED_CLAIM, RDF.predicate, KGO.participant)),
    ("ClaimObject", "claim with two objects", add(ALLIED_CLAIM, RDF.object, SINGAPORE)),
    ("ClaimObject", "claim without object", drop(NEGATED_ROLE_CLAIM, RDF.object)),
    ("ClaimObjectKind", "relation claim whose object is a literal",
     put(ALLIED_CLAIM, RDF.object, Literal("North Korea"))),
    ("ClaimObjectKind", "role claim whose object is an IRI", put(NEGATED_ROLE_CLAIM, RDF.object, KGR["role/ambassador"])),
    ("PlainRelationHasClaim", "plain triple without claim", add(KIM, KGO.leaderOf, NORTH_KOREA)),
    ("PlainRelationHasClaim", "plain triple whose claim is hedged", put(LEADER_CLAIM, KGO.modality, KGO.Hedged)),
    ("PlainRelationHasClaim", "plain triple whose claim is reported",
     add(LEADER_CLAIM, KGO.attributedTo, KIM)),
    ("PlainRelationHasClaim", "plain triple whose claim is negated", put(LEADER_CLAIM, KGO.polarity, KGO.Negative)),
    ("PlainRelationHasClaim", "plain alliedWith contradicting a negated claim", add(USA, KGO.alliedWith, NORTH_KOREA)),
    ("PlainRoleHasClaim", "plain role without claim", add(KIM, KGO.role, Literal("chairman"))),
    ("PlainRoleHasClaim", "plain role whose only claim is negated", add(TRUMP, KGO.role, Literal("ambassador"))),
    ("PlainRoleHasClaim", "plain role whose claim is hedged", put(ROLE_CLAIM, KGO.modality, KGO.Hedged)),
    ("PlainRoleHasClaim", "plain role whose claim is reported", add(ROLE_CLAIM, KGO.attributedTo, KIM)),
    ("PlainRoleHasClaim", "plain role whose claim is about another person", put(ROLE_CLAIM, RDF.subject, KIM)),
    ("PlainRoleHasClaim", "plain role whose claim gives other words", put(ROLE_CLAIM, RDF.object, Literal("golfer"))),
    ("TextSpanDocument", "span without document", drop(SPAN_SINGAPORE, KGO.sourceDocument)),
    ("TextSpanSentence", "empty sentence", put(SPAN_HANOI, KGO.sentence, Literal(""))),
    ("TextSpanSentence", "span without sentence", drop(SPAN_HANOI, KGO.sentence)),
    ("TextSpanBeginIndex", "begin after end", put(SPAN_HANOI, KGO.beginIndex, Literal(61))),
    ("TextSpanBeginIndex", "negative begin", put(SPAN_HANOI, KGO.beginIndex, Literal(-1))),
    ("TextSpanBeginIndex", "begin as a string",
     put(SPAN_HANOI, KGO.beginIndex, Literal("0", datatype=XSD.string))),
    ("TextSpanEndIndex", "span without end", drop(SPAN_HANOI, KGO.endIndex)),
    ("TextSpanExtractor", "span without extractor", drop(SPAN_SINGAPORE, KGO.extractor)),
    ("TextSpanConfidence", "confidence above 1",
     put(SPAN_HANOI, KGO.confidence, Literal("1.5", datatype=XSD.decimal))),
    ("TextSpanConfidence", "confidence as a double",
     put(SPAN_HANOI, KGO.confidence, Literal("0.9", datatype=XSD.double))),
    ("DocumentTitle", "document without title", drop(DOCUMENT, DCTERMS.title)),
    ("DocumentDate", "date as free text", put(DOCUMENT, DCTERMS.date, Literal("March 2019"))),
    ("DocumentCharacterCount", "negative character count", put(DOCUMENT, KGO.characterCount, Literal(-1))),
]


def on_store(graph: Graph, *, one_document: bool = False) -> ValidationReport:
    """validate_store on an in-memory store holding the ontology and ``graph`` as one document
    (checking the whole store, or only the nodes that document describes)."""
    store = Store(Path("in-memory"), ox.Store(), read_only=False)
    store.ensure_ontology(resources.ontology_file())
    document = "https://w3id.org/kg-builder/graph/doc/test"
    store.replace_graph(document, graph.serialize(format="nt"))
    return validate_store(store, reasoner="rl", graph=document if one_document else None)


def results(report: ValidationReport) -> list[tuple]:
    # "0" and "0"^^xsd:string are one term in RDF 1.1; rdflib keeps the spelling, Oxigraph does not.
    return sorted((v.shape, v.focus_node, v.path or "", (v.value or "").removesuffix("^^xsd:string"),
                   v.severity, v.message) for v in report.violations)


def shape_iris() -> set[URIRef]:
    shapes = Graph().parse(resources.shapes_file())
    return set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))


def test_shapes_valid_graph_conforms() -> None:
    report = validate_graph(valid_graph(), reasoner="none")
    assert report.violations == (), [(v.shape, v.focus_node, v.message) for v in report.violations]
    assert report.conforms and report.ok
    compiled = on_store(valid_graph())
    assert (compiled.violations, compiled.ok) == ((), True)


BROKEN = pytest.mark.parametrize(
    ("shape", "edit"),
    [pytest.param(shape, edit, id=f"{shape}: {what}") for shape, what, edit in BREAKS],
)


@functools.cache
def severity_of(shape: str) -> URIRef:
    return Graph().parse(resources.shapes_file()).value(KGSH[shape], SH.severity)


@BROKEN
def test_shapes_break_fires_only_its_shape_in_the_store(shape: str, edit: Edit) -> None:
    """The checks `kg validate` runs: compiled to SPARQL, on the store."""
    graph = valid_graph()
    edit(graph)
    compiled = on_store(graph)
    fired = {v.shape for v in compiled.violations}
    assert fired == {str(KGSH[shape])}, [(v.shape, v.focus_node, v.value) for v in compiled.violations]
    assert compiled.conforms is (severity_of(shape) != SH.Violation)


# The slow tier (`make test`, CI): pySHACL takes about a second a graph, and the checks of one document
# (`kg validate --document`) parse each of their ~100 queries anew for each document's graph.
@pytest.mark.slow
@BROKEN
def test_shapes_break_fires_only_its_shape(shape: str, edit: Edit) -> None:
    graph = valid_graph()
    edit(graph)
    report = validate_graph(graph, reasoner="none")
    fired = {v.shape for v in report.violations}
    assert fired == {str(KGSH[shape])}, [(v.shape, v.focus_node, v.value) for v in report.violations]
    assert report.conforms is (severity_of(shape) != SH.Violation)
    compiled = on_store(graph)
    assert results(compiled) == results(report)
    assert compiled.conforms is report.conforms
    assert results(on_store(graph, one_document=True)) == results(report)  # the same, its graph checked alone


@pytest.mark.slow
def test_validating_one_document_checks_what_its_graph_says() -> None:
    """A node two documents mention is checked in each against what that document says of it: the other
    document's bad value is that document's violation, found by its check and the whole store's."""
    store = Store(Path("in-memory"), ox.Store(), read_only=False)
    store.ensure_ontology(resources.ontology_file())
    sound, faulty = "https://w3id.org/kg-builder/graph/doc/sound", "https://w3id.org/kg-builder/graph/doc/faulty"
    store.replace_graph(sound, valid_graph().serialize(format="nt"))
    other = Graph()
    other.add((USA, RDF.type, KGO.State))
    other.add((USA, RDFS.label, Literal("United States")))
    other.add((USA, KGO.alliedWith, Literal("South Korea")))
    store.replace_graph(faulty, other.serialize(format="nt"))
    assert validate_store(store, graph=sound).violations == ()
    assert {v.shape for v in validate_store(store, graph=faulty).violations} == {str(KGSH.ActorAlliedWith)}
    assert {v.shape for v in validate_store(store).violations} == {str(KGSH.ActorAlliedWith)}


def test_shapes_breaks_cover_every_shape() -> None:
    assert shape_iris(), "no shapes found in shapes.ttl"
    assert {str(iri) for iri in shape_iris()} == {str(KGSH[shape]) for shape, _, _ in BREAKS}


def test_shapes_every_shape_has_message_and_severity() -> None:
    shapes = Graph().parse(resources.shapes_file())
    for iri in shape_iris():
        assert isinstance(iri, URIRef), "shapes are named so reports can cite them"
        assert shapes.value(iri, SH.message), f"{iri} has no sh:message"
        assert shapes.value(iri, SH.severity) in (SH.Violation, SH.Warning, SH.Info), f"{iri} has no sh:severity"


def test_shapes_summit_is_targeted_as_event() -> None:
    # Only kgo:Summit is asserted; the kgo:Event shapes must still reach it (RDFS inference).
    graph = valid_graph()
    graph.remove((SINGAPORE_SUMMIT, KGO.modality, None))
    report = validate_graph(graph, reasoner="none")
    assert [(v.focus_node, v.shape) for v in report.violations] == [(str(SINGAPORE_SUMMIT), str(KGSH.FactModality))]


def test_shapes_allied_claim_accepted_in_either_direction() -> None:
    # kgo:alliedWith is symmetric: a claim North Korea -> Singapore justifies Singapore -> North Korea.
    graph = valid_graph()
    claim = KGR["claim/doc1-888888888888"]
    for p, o in (
        (RDF.type, KGO.Claim), (RDFS.label, Literal("North Korea allied with Singapore")),
        (RDF.subject, NORTH_KOREA), (RDF.predicate, KGO.alliedWith), (RDF.object, SINGAPORE),
        (KGO.polarity, KGO.Positive), (KGO.modality, KGO.Asserted), (PROV.wasDerivedFrom, SPAN_HANOI),
    ):
        graph.add((claim, p, o))
    graph.add((SINGAPORE, KGO.alliedWith, NORTH_KOREA))
    assert validate_graph(graph, reasoner="none").violations == ()


def test_shapes_plain_triple_violation_names_path_and_value() -> None:
    graph = valid_graph()
    graph.add((KIM, KGO.leaderOf, NORTH_KOREA))
    [violation] = validate_graph(graph, reasoner="none").violations
    assert (violation.focus_node, violation.path, violation.value) == (str(KIM), str(KGO.leaderOf), str(NORTH_KOREA))
    assert violation.severity == "Violation"


def test_shapes_ontology_declares_every_core_term() -> None:
    ontology = Graph().parse(resources.ontology_file())
    classes = (
        "Actor Person State Organization Location Event Meeting Summit Announcement Transfer WeaponsTest "
        "Inspection MilitaryExercise Negotiation Attack Election Agreement Commitment Facility Issue "
        "PolicyPosition Disagreement Claim TextSpan SourceDocument AgreementStatus Stance Polarity Modality"
    ).split()
    properties = (
        "participant location startDate endDate signatory adoptedAt hasCommitment status fulfilledBy operator "
        "locatedIn facilityStatus holder stance concerns party leaderOf affiliatedWith alliedWith role polarity "
        "modality attributedTo sourceDocument sentence beginIndex endIndex extractor confidence"
    ).split()
    for name in classes:
        assert (KGO[name], RDF.type, OWL.Class) in ontology, name
    for name in properties:
        kinds = set(ontology.objects(KGO[name], RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
    assert (KGO.alliedWith, RDF.type, OWL.SymmetricProperty) in ontology


def test_shapes_ontology_terms_have_label_and_definition() -> None:
    ontology = Graph().parse(resources.ontology_file())
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(KGO))}
    assert len(terms) > 60
    for term in terms:
        assert ontology.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert ontology.value(term, SKOS.definition), f"{term} has no skos:definition"


def test_shapes_ontology_value_individuals_are_all_different() -> None:
    ontology = Graph().parse(resources.ontology_file())
    values = {
        "AgreementStatus": "Signed NotSigned Proposed Withdrawn",
        "Stance": "Supports Opposes Demands Offers Rejects Believes",
        "Polarity": "Positive Negative",
        "Modality": "Asserted Hedged Hypothetical Normative",
    }
    members = {
        m for node in ontology.subjects(RDF.type, OWL.AllDifferent)
        for lst in ontology.objects(node, OWL.distinctMembers) for m in ontology.items(lst)
    }
    for cls, names in values.items():
        for name in names.split():
            assert (KGO[name], RDF.type, KGO[cls]) in ontology
            assert (KGO[name], RDF.type, OWL.NamedIndividual) in ontology
            assert KGO[name] in members
    assert not list(ontology.objects(None, OWL.imports))

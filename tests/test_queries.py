"""queries.py and queries/*.rq: headers, answers on a hand-made graph, binding, formats."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg_builder import rdf, resources
from kg_builder.errors import QueryError
from kg_builder.queries import (bind, format_result, get_query, list_checks, list_queries,
                                parse_header, resolve, shorten, to_sparql_term)
from kg_builder.store import QueryResult, Store

KGR = "https://w3id.org/kg-builder/id/"
GRAPH = "https://w3id.org/kg-builder/graph/doc/"

PREFIXES = """\
@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix kgr: <https://w3id.org/kg-builder/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

# The part of the ontology the queries rely on: subclass links.
ONTOLOGY = PREFIXES + """
kgo:Person rdfs:subClassOf kgo:Actor . kgo:State rdfs:subClassOf kgo:Actor .
kgo:Organization rdfs:subClassOf kgo:Actor .
kgo:Meeting rdfs:subClassOf kgo:Event . kgo:Summit rdfs:subClassOf kgo:Meeting .
kgo:Transfer rdfs:subClassOf kgo:Event . kgo:WeaponsTest rdfs:subClassOf kgo:Event .
kgo:Announcement rdfs:subClassOf kgo:Event .
"""

# A small article in the shape of ontology/GRAPH.md (doc 000_test).
DOC1 = PREFIXES + """
kgr:person/donald-trump a kgo:Person ; rdfs:label "Donald Trump" ; skos:altLabel "Trump" ;
    kgo:role "president" ; kgo:leaderOf kgr:state/united-states .
kgr:person/kim-jong-un a kgo:Person ; rdfs:label "Kim Jong-un" ; kgo:leaderOf kgr:state/north-korea .
kgr:person/moon-jae-in a kgo:Person ; rdfs:label "Moon Jae-in" .
kgr:person/sue-mi-terry a kgo:Person ; rdfs:label "Sue Mi Terry" ; kgo:role "senior fellow" ;
    kgo:affiliatedWith kgr:organization/csis .
kgr:person/lisa-collins a kgo:Person ; rdfs:label "Lisa Collins" .
kgr:state/united-states a kgo:State ; rdfs:label "United States" ; kgo:alliedWith kgr:state/south-korea .
kgr:state/north-korea a kgo:State ; rdfs:label "North Korea" ; skos:altLabel "DPRK" .
kgr:state/south-korea a kgo:State ; rdfs:label "South Korea" .
kgr:state/china a kgo:State ; rdfs:label "China" .
kgr:state/singapore a kgo:State, kgo:Location ; rdfs:label "Singapore" .
kgr:location/hanoi a kgo:Location ; rdfs:label "Hanoi" .
kgr:organization/csis a kgo:Organization ; rdfs:label "Center for Strategic and International Studies" .
kgr:facility/yongbyon-nuclear-facility a kgo:Facility ; rdfs:label "Yongbyon nuclear facility" ;
    kgo:facilityStatus "possible shutdown" ;
    kgo:operator kgr:state/north-korea ; kgo:locatedIn kgr:state/north-korea .
kgr:facility/missile-bases a kgo:Facility ; rdfs:label "ballistic missile bases" .
kgr:issue/sanctions-relief a kgo:Issue, skos:Concept ; rdfs:label "sanctions relief" .
kgr:issue/denuclearization a kgo:Issue, skos:Concept ; rdfs:label "denuclearization" .
kgr:issue/freeze-for-freeze a kgo:Issue, skos:Concept ; rdfs:label "freeze-for-freeze" .

kgr:event/000_test-00000000000a a kgo:Summit ; rdfs:label "Hanoi summit" ;
    kgo:participant kgr:person/donald-trump, kgr:person/kim-jong-un ; kgo:location kgr:location/hanoi ;
    kgo:startDate "2019-02-27"^^xsd:date ; kgo:endDate "2019-02-28"^^xsd:date ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-0-60-00000000000a .
kgr:event/000_test-00000000000b a kgo:Summit ; rdfs:label "Singapore summit" ;
    kgo:participant kgr:person/donald-trump, kgr:person/kim-jong-un ; kgo:location kgr:state/singapore ;
    kgo:startDate "2018-06"^^xsd:gYearMonth ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .
kgr:event/000_test-00000000000c a kgo:Summit ; rdfs:label "inter-Korean summit" ;
    kgo:participant kgr:person/moon-jae-in, kgr:person/kim-jong-un ; kgo:startDate "2019"^^xsd:gYear ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hypothetical ; prov:wasDerivedFrom kgr:span/000_test-400-470-00000000000c .
kgr:event/000_test-00000000000d a kgo:Summit ; rdfs:label "third summit" ;
    kgo:participant kgr:person/donald-trump ; kgo:startDate "2019-03"^^xsd:gYearMonth ;
    kgo:polarity kgo:Negative ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-400-470-00000000000c .
kgr:event/000_test-00000000000e a kgo:WeaponsTest ; rdfs:label "missile test" ;
    kgo:participant kgr:state/north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hypothetical ; prov:wasDerivedFrom kgr:span/000_test-471-520-00000000000e .
kgr:event/000_test-00000000000f a kgo:Transfer ; rdfs:label "return of 55 sets of U.S. soldier remains" ;
    kgo:participant kgr:state/north-korea ; kgo:startDate "2018"^^xsd:gYear ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .

kgr:agreement/000_test-0000000000a1 a kgo:Agreement ; rdfs:label "Singapore joint statement" ;
    skos:altLabel "Singapore declaration" ; kgo:status kgo:Signed ;
    kgo:signatory kgr:person/donald-trump, kgr:person/kim-jong-un ; kgo:adoptedAt kgr:event/000_test-00000000000b ;
    kgo:hasCommitment kgr:commitment/000_test-0000000000c1, kgr:commitment/000_test-0000000000c2 ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .
kgr:agreement/000_test-0000000000a2 a kgo:Agreement ; rdfs:label "Hanoi joint statement" ;
    kgo:status kgo:NotSigned ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-0-60-00000000000a .
kgr:commitment/000_test-0000000000c1 a kgo:Commitment ; rdfs:label "recovery of U.S. soldier remains" ;
    kgo:fulfilledBy kgr:event/000_test-00000000000f ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .
kgr:commitment/000_test-0000000000c2 a kgo:Commitment ; rdfs:label "complete denuclearization of the Korean peninsula" ;
    kgo:concerns kgr:issue/denuclearization ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .

kgr:position/000_test-0000000000d1 a kgo:PolicyPosition ; rdfs:label "North Korea demands sanctions relief" ;
    kgo:holder kgr:state/north-korea ; kgo:stance kgo:Demands ; kgo:concerns kgr:issue/sanctions-relief ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hedged ; prov:wasDerivedFrom kgr:span/000_test-151-250-0000000000d1 .
kgr:position/000_test-0000000000d2 a kgo:PolicyPosition ; rdfs:label "North Korea demands sanctions relief, says Trump" ;
    kgo:holder kgr:state/north-korea ; kgo:stance kgo:Demands ; kgo:concerns kgr:issue/sanctions-relief ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; kgo:attributedTo kgr:person/donald-trump ;
    prov:wasDerivedFrom kgr:span/000_test-251-330-0000000000d2 .
kgr:position/000_test-0000000000d3 a kgo:PolicyPosition ; rdfs:label "CSIS opposes freeze-for-freeze" ;
    kgo:holder kgr:organization/csis ; kgo:stance kgo:Opposes ; kgo:concerns kgr:issue/freeze-for-freeze ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Normative ; prov:wasDerivedFrom kgr:span/000_test-331-399-0000000000d3 .
kgr:position/000_test-0000000000d4 a kgo:PolicyPosition ; rdfs:label "China does not support sanctions relief" ;
    kgo:holder kgr:state/china ; kgo:stance kgo:Supports ; kgo:concerns kgr:issue/sanctions-relief ;
    kgo:polarity kgo:Negative ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-331-399-0000000000d3 .

kgr:disagreement/000_test-0000000000e1 a kgo:Disagreement ; rdfs:label "US and North Korea disagree" ;
    kgo:party kgr:state/united-states, kgr:state/north-korea ;
    kgo:concerns kgr:issue/denuclearization, kgr:issue/sanctions-relief ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-151-250-0000000000d1 .

kgr:claim/000_test-0000000000f1 a kgo:Claim ; rdfs:label "Donald Trump leaderOf United States" ;
    rdf:subject kgr:person/donald-trump ; rdf:predicate kgo:leaderOf ; rdf:object kgr:state/united-states ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-0-60-00000000000a .
kgr:claim/000_test-0000000000f2 a kgo:Claim ; rdfs:label "Kim Jong-un leaderOf North Korea" ;
    rdf:subject kgr:person/kim-jong-un ; rdf:predicate kgo:leaderOf ; rdf:object kgr:state/north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-0-60-00000000000a .
kgr:claim/000_test-0000000000f3 a kgo:Claim ; rdfs:label "Sue Mi Terry affiliatedWith CSIS" ;
    rdf:subject kgr:person/sue-mi-terry ; rdf:predicate kgo:affiliatedWith ; rdf:object kgr:organization/csis ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-600-650-0000000000f3 .
kgr:claim/000_test-0000000000f4 a kgo:Claim ; rdfs:label "South Korea alliedWith United States" ;
    rdf:subject kgr:state/south-korea ; rdf:predicate kgo:alliedWith ; rdf:object kgr:state/united-states ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-331-399-0000000000d3 .
kgr:claim/000_test-0000000000f5 a kgo:Claim ; rdfs:label "Yongbyon operator North Korea" ;
    rdf:subject kgr:facility/yongbyon-nuclear-facility ; rdf:predicate kgo:operator ; rdf:object kgr:state/north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-151-250-0000000000d1 .
kgr:claim/000_test-0000000000f6 a kgo:Claim ; rdfs:label "Yongbyon locatedIn North Korea" ;
    rdf:subject kgr:facility/yongbyon-nuclear-facility ; rdf:predicate kgo:locatedIn ; rdf:object kgr:state/north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-151-250-0000000000d1 .
kgr:claim/000_test-0000000000f7 a kgo:Claim ; rdfs:label "Singapore joint statement signatory Donald Trump" ;
    rdf:subject kgr:agreement/000_test-0000000000a1 ; rdf:predicate kgo:signatory ; rdf:object kgr:person/donald-trump ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .
kgr:claim/000_test-0000000000f8 a kgo:Claim ; rdfs:label "Singapore joint statement signatory Kim Jong-un" ;
    rdf:subject kgr:agreement/000_test-0000000000a1 ; rdf:predicate kgo:signatory ; rdf:object kgr:person/kim-jong-un ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/000_test-61-150-00000000000b .
kgr:claim/000_test-0000000000f9 a kgo:Claim ; rdfs:label "China alliedWith North Korea, say the North Koreans" ;
    rdf:subject kgr:state/china ; rdf:predicate kgo:alliedWith ; rdf:object kgr:state/north-korea ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; kgo:attributedTo kgr:state/north-korea ;
    prov:wasDerivedFrom kgr:span/000_test-331-399-0000000000d3 .

kgr:span/000_test-0-60-00000000000a a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "Trump and Kim met in Hanoi on February 27-28; no joint statement was signed." ;
    kgo:beginIndex 0 ; kgo:endIndex 60 ; kgo:extractor "rule:summit" ; kgo:confidence 0.9 .
kgr:span/000_test-61-150-00000000000b a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "In June 2018 in Singapore they signed a joint statement; remains were returned." ;
    kgo:beginIndex 61 ; kgo:endIndex 150 ; kgo:extractor "rule:summit" ; kgo:confidence 0.9 .
kgr:span/000_test-151-250-0000000000d1 a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "North Korea may have sought sanctions relief for Yongbyon." ;
    kgo:beginIndex 151 ; kgo:endIndex 250 ; kgo:extractor "rule:position" ; kgo:confidence 0.7 .
kgr:span/000_test-251-330-0000000000d2 a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "As Trump suggested, the North Koreans wanted full sanctions relief." ;
    kgo:beginIndex 251 ; kgo:endIndex 330 ; kgo:extractor "rule:position" ; kgo:confidence 0.8 .
kgr:span/000_test-331-399-0000000000d3 a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "We should not accept a freeze-for-freeze." ;
    kgo:beginIndex 331 ; kgo:endIndex 399 ; kgo:extractor "rule:position" ; kgo:confidence 0.6 .
kgr:span/000_test-400-470-00000000000c a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "Moon could host another summit between the two Koreas." ;
    kgo:beginIndex 400 ; kgo:endIndex 470 ; kgo:extractor "rule:summit" ; kgo:confidence 0.6 .
kgr:span/000_test-471-520-00000000000e a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "North Korea could respond with a missile test." ;
    kgo:beginIndex 471 ; kgo:endIndex 520 ; kgo:extractor "rule:event" ; kgo:confidence 0.6 .
kgr:span/000_test-600-650-0000000000f3 a kgo:TextSpan ; kgo:sourceDocument kgr:document/000_test ;
    kgo:sentence "Sue Mi Terry is a senior fellow at CSIS." ;
    kgo:beginIndex 600 ; kgo:endIndex 650 ; kgo:extractor "rule:relation" ; kgo:confidence 0.9 .

kgr:document/000_test a kgo:SourceDocument ; dcterms:title "Assessing the Hanoi Summit" ;
    dcterms:creator kgr:person/sue-mi-terry, kgr:person/lisa-collins ;
    dcterms:publisher kgr:organization/csis ; dcterms:date "2019-03-01"^^xsd:date ;
    dcterms:identifier "000_test" ; kgo:characterCount 700 .
"""

# A second document: the union of both is what the queries see.
DOC2 = PREFIXES + """
kgr:state/united-states a kgo:State ; rdfs:label "United States" .
kgr:event/001_test-00000000001a a kgo:Announcement ;
    rdfs:label "announcement that U.S.-South Korean military exercises would be suspended" ;
    kgo:participant kgr:state/united-states ; kgo:startDate "2018-06"^^xsd:gYearMonth ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/001_test-5-40-00000000001a .
kgr:span/001_test-5-40-00000000001a a kgo:TextSpan ; kgo:sourceDocument kgr:document/001_test ;
    kgo:sentence "The exercises were suspended." ;
    kgo:beginIndex 5 ; kgo:endIndex 40 ; kgo:extractor "rule:event" ; kgo:confidence 0.8 .
kgr:event/001_test-00000000001b a kgo:Summit ; rdfs:label "Beijing summit" ;
    kgo:participant kgr:state/united-states ; kgo:startDate "2018-09"^^xsd:gYearMonth ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hedged ; prov:wasDerivedFrom kgr:span/001_test-41-80-00000000001b .
kgr:event/001_test-00000000001c a kgo:Summit ; rdfs:label "Moscow summit" ;
    kgo:participant kgr:state/united-states ; kgo:startDate "2018-10"^^xsd:gYearMonth ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; kgo:attributedTo kgr:state/north-korea ;
    prov:wasDerivedFrom kgr:span/001_test-41-80-00000000001b .
kgr:span/001_test-41-80-00000000001b a kgo:TextSpan ; kgo:sourceDocument kgr:document/001_test ;
    kgo:sentence "A Beijing summit may have happened; Pyongyang says one took place in Moscow." ;
    kgo:beginIndex 41 ; kgo:endIndex 80 ; kgo:extractor "rule:summit" ; kgo:confidence 0.5 .
kgr:document/001_test a kgo:SourceDocument ; dcterms:title "Second article" ; dcterms:identifier "001_test" .
"""

# Everything the integrity checks must catch, one of each.
BROKEN = PREFIXES + """
kgr:event/bad-1 a kgo:Summit ; rdfs:label "summit without evidence" .
kgr:agreement/bad-2 a kgo:Agreement ; kgo:status kgo:NotSigned ; kgo:signatory kgr:person/x ;
    prov:wasDerivedFrom kgr:span/bad-3 .
kgr:span/bad-3 a kgo:TextSpan ; kgo:sentence "s" ; kgo:beginIndex 20 ; kgo:endIndex 10 .
kgr:person/x kgo:leaderOf kgr:state/y .
kgr:claim/bad-4 a kgo:Claim ; rdf:subject kgr:person/x ; rdf:predicate kgo:leaderOf ; rdf:object kgr:state/y ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Hedged ; prov:wasDerivedFrom kgr:span/bad-3 .
kgr:person/z kgo:alliedWith kgr:state/y .
kgr:claim/ok-5 a kgo:Claim ; rdf:subject kgr:state/y ; rdf:predicate kgo:alliedWith ; rdf:object kgr:person/z ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/bad-3 .
"""


def to_ntriples(turtle: str) -> str:
    """N-Triples of the fixtures, where kgr:a/b is short for <https://w3id.org/kg-builder/id/a/b>."""
    turtle = re.sub(r"\bkgr:([\w/-]+(?:\.[\w/-]+)*)", rf"<{KGR}\1>", turtle)
    return ox.serialize(ox.parse(turtle, ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES).decode()


def load(path: Path, **docs: str) -> Store:
    store = Store.open(path)
    onto = path.parent / "kgo.ttl"
    onto.write_text(ONTOLOGY)
    store.ensure_ontology(onto)
    for doc_id, turtle in docs.items():
        store.replace_graph(GRAPH + doc_id, to_ntriples(turtle))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = load(tmp_path_factory.mktemp("q") / "store", d000_test=DOC1, d001_test=DOC2)
    yield s
    s.close()


def answer(store: Store, name: str, *columns: str, params: dict[str, str] | None = None) -> list[tuple]:
    """The columns of a canned query's rows, asked as `kg query` and `kg serve` ask it (with the project's
    prefixes declared, so its plan is the one the CLI tests reuse: rdflib parses each text once a session)."""
    result = store.query(bind(get_query(name).text, params or {}), prefixes=rdf.PREFIXES)
    idx = [result.variables.index(c) for c in columns]
    return [tuple(row[i] for i in idx) for row in result.rows]


# -- the catalogue ---------------------------------------------------------------

QUESTIONS = ["agreements", "alignments", "commitments", "disagreements", "document", "facilities",
             "participants", "positions", "provenance", "roles", "summits", "timeline", "unrealized"]


def test_queries_catalogue_has_one_query_per_question() -> None:
    assert [q.name for q in list_queries()] == QUESTIONS


@pytest.mark.parametrize("query", list_queries() + list_checks(), ids=lambda q: q.name)
def test_queries_every_rq_parses_and_has_title_and_question(query) -> None:
    assert query.title and query.question.endswith("?")
    ox.Store().query(query.text)  # raises SyntaxError when invalid
    rdflib.Graph().query(query.text)  # portable to other SPARQL engines


def test_queries_checks_found() -> None:
    assert [c.name for c in list_checks()] == [
        "fact-without-evidence-violation", "notsigned-with-signatory-violation",
        "plain-relation-without-claim-violation", "span-offsets-violation"]


def test_queries_parse_header() -> None:
    text = ("# title: T\n# question: Q?\n# param: fact — a fact IRI\n# param: ?who - an actor\n"
            "PREFIX x: <http://x/>\n# title: not this one\nSELECT * {}")
    title, question, params = parse_header(text)
    assert (title, question) == ("T", "Q?")
    assert [(p.name, p.description) for p in params] == [("fact", "a fact IRI"), ("who", "an actor")]
    assert [p.name for p in get_query("provenance").parameters] == ["fact", "document"]


def test_queries_resolve_name_file_and_stdin(tmp_path: Path, monkeypatch) -> None:
    assert resolve("summits") == (resources.queries_dir() / "summits.rq").read_text()
    f = tmp_path / "mine.rq"
    f.write_text("ASK {}")
    assert resolve(str(f)) == "ASK {}"
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT * {}"))
    assert resolve("-") == "SELECT * {}"


def test_queries_resolve_unknown_lists_names() -> None:
    with pytest.raises(QueryError) as e:
        resolve("sumits")
    assert "unknown query 'sumits'" in str(e.value) and "summits" in e.value.hint
    with pytest.raises(QueryError, match="no query file"):
        resolve("nowhere/q.rq")


# -- answers on the hand-made graph ------------------------------------------------

def test_queries_summits(store: Store) -> None:
    assert answer(store, "summits", "summit", "summit_place", "start", "end") == [
        ("Singapore summit", "Singapore", "2018-06", None),
        ("Hanoi summit", "Hanoi", "2019-02-27", "2019-02-28"),
    ]


def test_queries_summits_give_fact_and_sentence(store: Store) -> None:
    rows = answer(store, "summits", "fact", "sentence")
    assert rows[1] == (KGR + "event/000_test-00000000000a",
                       "Trump and Kim met in Hanoi on February 27-28; no joint statement was signed.")


def test_queries_participants(store: Store) -> None:
    assert answer(store, "participants", "summit_place", "participant") == [
        ("Singapore", "Donald Trump"), ("Singapore", "Kim Jong-un"),
        ("Hanoi", "Donald Trump"), ("Hanoi", "Kim Jong-un"),
    ]


def test_queries_agreements(store: Store) -> None:
    assert answer(store, "agreements", "agreement", "signatory", "status", "adopted_at") == [
        ("Hanoi joint statement", None, "NotSigned", None),
        ("Singapore joint statement", "Donald Trump", "Signed", "Singapore summit"),
        ("Singapore joint statement", "Kim Jong-un", "Signed", "Singapore summit"),
    ]


def test_queries_commitments(store: Store) -> None:
    assert answer(store, "commitments", "agreement", "commitment", "fulfilled_by", "fulfilled_on") == [
        ("Singapore joint statement", "complete denuclearization of the Korean peninsula", None, None),
        ("Singapore joint statement", "recovery of U.S. soldier remains",
         "return of 55 sets of U.S. soldier remains", "2018"),
    ]


def test_queries_facilities(store: Store) -> None:
    rows = answer(store, "facilities", "facility", "country", "facility_status", "sentence")
    assert rows == [
        ("Yongbyon nuclear facility", "North Korea", "possible shutdown",
         "North Korea may have sought sanctions relief for Yongbyon."),
        ("ballistic missile bases", None, None, None),
    ]


def test_queries_positions(store: Store) -> None:
    assert answer(store, "positions", "holder", "stance", "issue", "modality", "attributed_to") == [
        ("Center for Strategic and International Studies", "Opposes", "freeze-for-freeze", "Normative", None),
        ("North Korea", "Demands", "sanctions relief", "Hedged", None),
        ("North Korea", "Demands", "sanctions relief", "Asserted", "Donald Trump"),
    ]  # China's negated position is left out


def test_queries_disagreements(store: Store) -> None:
    assert answer(store, "disagreements", "actor_a", "actor_b", "issue") == [
        ("North Korea", "United States", "denuclearization"),
        ("North Korea", "United States", "sanctions relief"),
    ]


def test_queries_unrealized(store: Store) -> None:
    assert answer(store, "unrealized", "statement", "kind", "polarity", "modality", "status") == [
        ("Hanoi joint statement", "Agreement", "Negative", "Asserted", "NotSigned"),
        ("China alliedWith North Korea, say the North Koreans", "Claim", "Positive", "Asserted", None),
        ("CSIS opposes freeze-for-freeze", "PolicyPosition", "Positive", "Normative", None),
        ("China does not support sanctions relief", "PolicyPosition", "Negative", "Asserted", None),
        ("North Korea demands sanctions relief", "PolicyPosition", "Positive", "Hedged", None),
        ("North Korea demands sanctions relief, says Trump", "PolicyPosition", "Positive", "Asserted", None),
        ("Beijing summit", "Summit", "Positive", "Hedged", None),
        ("Moscow summit", "Summit", "Positive", "Asserted", None),
        ("inter-Korean summit", "Summit", "Positive", "Hypothetical", None),
        ("third summit", "Summit", "Negative", "Asserted", None),
        ("missile test", "WeaponsTest", "Positive", "Hypothetical", None),
    ]  # everything summits, participants and timeline leave out: negated, hedged, supposed, reported


def test_queries_roles(store: Store) -> None:
    rows = answer(store, "roles", "person", "relation", "organization_or_state", "role", "fact")
    assert rows == [
        ("Donald Trump", "leaderOf", "United States", "president", KGR + "claim/000_test-0000000000f1"),
        ("Kim Jong-un", "leaderOf", "North Korea", None, KGR + "claim/000_test-0000000000f2"),
        ("Sue Mi Terry", "affiliatedWith", "Center for Strategic and International Studies", "senior fellow",
         KGR + "claim/000_test-0000000000f3"),
    ]


def test_queries_timeline(store: Store) -> None:
    assert answer(store, "timeline", "date", "event") == [
        ("2018", "return of 55 sets of U.S. soldier remains"),
        ("2018-06", "Singapore joint statement"),
        ("2018-06", "Singapore summit"),
        ("2018-06", "announcement that U.S.-South Korean military exercises would be suspended"),
        ("2019-02-27", "Hanoi summit"),
    ]  # the hypothetical, negated, hedged and reported summits are left out


def test_queries_alignments(store: Store) -> None:
    rows = answer(store, "alignments", "actor_a", "actor_b", "sentence")
    assert rows == [("South Korea", "United States", "We should not accept a freeze-for-freeze.")]
    # China-North Korea is only reported by North Korea: a Claim, not a plain triple


def test_queries_document(store: Store) -> None:
    assert answer(store, "document", "document", "title", "author", "publisher", "date") == [
        ("000_test", "Assessing the Hanoi Summit", "Lisa Collins",
         "Center for Strategic and International Studies", "2019-03-01"),
        ("000_test", "Assessing the Hanoi Summit", "Sue Mi Terry",
         "Center for Strategic and International Studies", "2019-03-01"),
        ("001_test", "Second article", None, None, None),
    ]


def test_queries_provenance_of_one_fact(store: Store) -> None:
    fact = "kgr:position/000_test-0000000000d2"
    rows = answer(store, "provenance", "fact", "kind", "document", "begin", "end", "sentence",
                  params={"fact": fact})
    assert rows == [(KGR + "position/000_test-0000000000d2", "PolicyPosition", "000_test", "251", "330",
                     "As Trump suggested, the North Koreans wanted full sanctions relief.")]


def test_queries_provenance_without_binding_lists_every_fact(store: Store) -> None:
    rows = answer(store, "provenance", "fact", "document", "begin")
    facts = {r[0] for r in rows}
    assert len(facts) == 27  # 9 events, 2 agreements, 2 commitments, 4 positions, 1 disagreement, 9 claims
    assert rows[0] == (KGR + "agreement/000_test-0000000000a2", "000_test", "0")
    assert rows[-1][1:] == ("001_test", "41")
    assert [r[1:] for r in rows] == sorted((r[1:] for r in rows), key=lambda d: (d[0], int(d[1])))


def test_queries_checks_pass_on_clean_graph(store: Store) -> None:
    for check in list_checks():
        assert store.query(check.text).rows == (), check.name


def test_queries_checks_catch_violations(tmp_path: Path) -> None:
    with load(tmp_path / "bad", bad=BROKEN) as bad:
        found = {c.name: [r[0] for r in bad.query(c.text).rows] for c in list_checks()}
    assert found == {
        "fact-without-evidence-violation": [KGR + "event/bad-1"],
        "notsigned-with-signatory-violation": [KGR + "agreement/bad-2"],
        "plain-relation-without-claim-violation": [KGR + "agreement/bad-2", KGR + "person/x"],
        "span-offsets-violation": [KGR + "span/bad-3"],
    }


# -- binding ---------------------------------------------------------------------

def test_queries_bind_values_at_top_of_where() -> None:
    q = "PREFIX x: <http://x/WHERE>\n# WHERE { in a comment\nSELECT ?fact WHERE { ?fact ?p ?o } ORDER BY ?fact"
    bound = bind(q, {"fact": "kgr:event/e-1"})
    assert bound.endswith("WHERE { VALUES ?fact { <https://w3id.org/kg-builder/id/event/e-1> } ?fact ?p ?o }"
                          " ORDER BY ?fact")


def test_queries_bind_escapes_literals_and_checks_iris() -> None:
    assert to_sparql_term('Kim "Jong-un"\n} DROP') == '"Kim \\"Jong-un\\"\\n} DROP"'
    assert to_sparql_term("<http://example.org/a>") == "<http://example.org/a>"
    assert to_sparql_term("https://w3id.org/kg-builder/id/state/x") == "<https://w3id.org/kg-builder/id/state/x>"
    assert to_sparql_term('"2019"^^xsd:gYear') == '"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    assert to_sparql_term('"Corée"@fr') == '"Corée"@fr'
    assert to_sparql_term("North Korea") == '"North Korea"'
    with pytest.raises(QueryError, match="not a valid IRI"):
        to_sparql_term("<http://x/a b>")


def test_queries_bind_literal_finds_rows(store: Store) -> None:
    q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?x WHERE { ?x rdfs:label ?name }"
    r = store.query(bind(q, {"name": 'He said "no"'}))
    assert r.rows == ()
    r = store.query(bind(q, {"name": "Hanoi"}))
    assert r.rows == ((KGR + "location/hanoi",),)


def test_queries_bind_unknown_variable() -> None:
    with pytest.raises(QueryError, match=r"no variable \?who"):
        bind("SELECT ?fact WHERE { ?fact ?p ?o }", {"who": "x"})


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_queries_canned_refuses_an_undeclared_parameter(query) -> None:
    assert query.parameters, f"{query.name} declares no parameter"
    with pytest.raises(QueryError, match="no parameter 'fact_or_not'") as e:
        bind(query.text, {"fact_or_not": "x"})
    assert query.parameters[0].name in e.value.hint


# Each declared parameter, and what it leaves: (query, parameters, column, the column's values).
FILTERED = [
    ("agreements", {"signer": "Kim Jong-un"}, "signatory", ["Donald Trump", "Kim Jong-un"]),
    ("agreements", {"signer": "kgr:state/north-korea"}, "signatory", []),
    ("agreements", {"status": "NotSigned"}, "agreement", ["Hanoi joint statement"]),
    ("agreements", {"status": "kgo:Signed"}, "agreement", ["Singapore joint statement"] * 2),
    ("alignments", {"actor": "south korea"}, "actor_a", ["South Korea"]),
    ("alignments", {"actor": "China"}, "actor_a", []),
    ("commitments", {"agreement": "Singapore declaration"}, "commitment",
     ["complete denuclearization of the Korean peninsula", "recovery of U.S. soldier remains"]),
    ("commitments", {"agreement": "Hanoi joint statement"}, "commitment", []),
    ("disagreements", {"party": "DPRK"}, "issue", ["denuclearization", "sanctions relief"]),
    ("disagreements", {"party": "China"}, "issue", []),
    ("disagreements", {"issue": "sanctions relief"}, "issue", ["sanctions relief"]),
    ("document", {"document": "001_test"}, "title", ["Second article"]),
    ("facilities", {"country": "North Korea"}, "facility", ["Yongbyon nuclear facility"]),
    ("participants", {"participant": "Kim Jong-un"}, "summit", ["Singapore summit"] * 2 + ["Hanoi summit"] * 2),
    ("participants", {"participant": "Moon Jae-in"}, "summit", []),
    ("positions", {"holder": "North Korea"}, "issue", ["sanctions relief"] * 2),
    ("positions", {"holder": "China"}, "issue", []),
    ("positions", {"issue": "freeze-for-freeze"}, "holder", ["Center for Strategic and International Studies"]),
    ("positions", {"stance": "Opposes"}, "issue", ["freeze-for-freeze"]),
    ("provenance", {"document": "001_test"}, "sentence", [
        "The exercises were suspended.",
        "A Beijing summit may have happened; Pyongyang says one took place in Moscow.",
        "A Beijing summit may have happened; Pyongyang says one took place in Moscow."]),
    ("roles", {"person": "Trump"}, "organization_or_state", ["United States"]),
    ("roles", {"organization": "kgr:state/north-korea"}, "person", ["Kim Jong-un"]),
    ("summits", {"participant": "Trump"}, "summit", ["Singapore summit", "Hanoi summit"]),
    ("summits", {"place": "hanoi"}, "summit", ["Hanoi summit"]),
    ("timeline", {"from": "2019"}, "event", ["Hanoi summit"]),
    ("timeline", {"to": "2018-06", "actor": "United States"}, "event",
     ["announcement that U.S.-South Korean military exercises would be suspended"]),
    ("unrealized", {"kind": "Summit"}, "statement", ["Beijing summit", "Moscow summit", "inter-Korean summit",
                                                      "third summit"]),
]


@pytest.mark.parametrize("name, params, column, expected", FILTERED,
                         ids=[f"{q}-{'-'.join(p)}-{i}" for i, (q, p, _, _) in enumerate(FILTERED)])
def test_queries_each_declared_parameter_filters(store: Store, name: str, params: dict[str, str], column: str,
                                                 expected: list[str]) -> None:
    assert [row[0] for row in answer(store, name, column, params=params)] == expected


def test_queries_every_declared_parameter_has_a_filter_test() -> None:
    tested = {(name, p) for name, params, _, _ in FILTERED for p in params}
    declared = {(q.name, p.name) for q in list_queries() for p in q.parameters} - {("provenance", "fact")}
    assert declared <= tested


# -- formats ---------------------------------------------------------------------

@pytest.fixture
def small(store: Store) -> QueryResult:
    return store.query(
        "PREFIX kgo: <https://w3id.org/kg-builder/ontology#> "
        "SELECT ?span ?begin ?sentence WHERE { ?span kgo:beginIndex ?begin ; kgo:sentence ?sentence "
        "FILTER (?begin IN (0, 5)) } ORDER BY DESC(?begin)", limit=1)


def test_queries_format_table(small: QueryResult) -> None:
    lines = format_result(small, "table").splitlines()
    assert lines[0].split() == ["span", "begin", "sentence"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("kgspan:001_test-5-40-00000000001a  5 ")
    assert lines[2].index("5 ") == lines[0].index("begin")  # columns align
    assert lines[-1] == "(1 row, truncated: more rows than the limit)"


def test_queries_format_csv(small: QueryResult) -> None:
    text = format_result(small, "csv")
    assert text.startswith("span,begin,sentence\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [KGR + "span/001_test-5-40-00000000001a", "5", "The exercises were suspended."]


def test_queries_format_tsv(small: QueryResult) -> None:
    lines = format_result(small, "tsv").splitlines()
    assert lines[0] == "?span\t?begin\t?sentence"
    assert lines[1].split("\t") == [f"<{KGR}span/001_test-5-40-00000000001a>",
                                    '"5"^^<http://www.w3.org/2001/XMLSchema#integer>',
                                    '"The exercises were suspended."']


def test_queries_format_json_is_sparql_results(small: QueryResult) -> None:
    text = format_result(small, "json")
    doc = json.loads(text)
    assert doc["head"] == {"vars": ["span", "begin", "sentence"], "truncated": True}
    first = doc["results"]["bindings"][0]
    assert first["span"] == {"type": "uri", "value": KGR + "span/001_test-5-40-00000000001a"}
    assert first["begin"] == {"type": "literal", "value": "5",
                              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["sentence"] == {"type": "literal", "value": "The exercises were suspended."}
    parsed = list(ox.parse_query_results(text, ox.QueryResultsFormat.JSON))
    assert len(parsed) == 1


def test_queries_format_ask_and_plain_rows() -> None:
    assert format_result(QueryResult("ask", boolean=False), "table") == "false\n"
    assert json.loads(format_result(QueryResult("ask", boolean=True), "json"))["boolean"] is True
    plain = QueryResult("select", ("x", "y"), (("https://w3id.org/kg-builder/id/state/x", None),))
    assert format_result(plain, "table").splitlines()[2] == "kgs:x"
    assert shorten("http://example.org/x") == "http://example.org/x"
    with pytest.raises(QueryError, match="unknown result format"):
        format_result(plain, "yaml")


def test_queries_printed_iris_paste_back_with_the_predeclared_prefixes(store: Store) -> None:
    from kg_builder.rdf import PREFIXES

    result = store.query("SELECT ?x WHERE { ?x a ?kind } ORDER BY ?x")
    printed = {shorten(row[0]) for row in result.rows}
    assert {"kgs:north-korea", "kgp:donald-trump", "kgev:000_test-00000000000a", "kgcl:000_test-0000000000f1",
            "kgspan:000_test-0-60-00000000000a", "kgdoc:000_test"} <= printed
    for name in printed:
        back = store.query(f"SELECT ?k WHERE {{ {name} a ?k }}", prefixes=PREFIXES)
        assert back.rows, name

"""evaluate.py and `kg eval`: the scorer's matching rules, agreement with the reference scorer, the command."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg_builder import evaluate as ev
from kg_builder import pipeline
from kg_builder.cli import cli
from kg_builder.errors import InputError, ValidationSetupError
from kg_builder.export import render
from kg_builder.model import Document, SourceFile
from kg_builder.pipeline import BuiltDocument
from kg_builder.store import Store

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "check_questions.py"
KGO = "https://w3id.org/kg-builder/ontology#"
GRAPHS = "https://w3id.org/kg-builder/graph/doc/"

TTL_PREFIXES = """\
@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix kgr: <https://w3id.org/kg-builder/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

ONTOLOGY = TTL_PREFIXES + """
<https://w3id.org/kg-builder/ontology> a owl:Ontology ; dcterms:title "test ontology"@en .
kgo:Event a owl:Class .
kgo:Meeting rdfs:subClassOf kgo:Event .
kgo:Summit rdfs:subClassOf kgo:Meeting ; rdfs:label "Summit"@en .
kgo:WeaponsTest rdfs:subClassOf kgo:Event .
kgo:Agreement a owl:Class .
kgo:Treaty rdfs:subClassOf kgo:Agreement .
kgo:Accord rdfs:subClassOf kgo:Agreement .
kgo:Facility a owl:Class .
kgo:PolicyPosition a owl:Class .
kgo:Disagreement a owl:Class .
"""

# A small article's graph touching every scoring query. Evidence spans are blank nodes.
DOCUMENT = TTL_PREFIXES + """
kgr:trump rdfs:label "Donald Trump" ; skos:altLabel "Trump" ; kgo:leaderOf kgr:us ; kgo:role "president" .
kgr:kim rdfs:label "Kim Jong Un" ; kgo:leaderOf kgr:nk .
kgr:terry rdfs:label "Sue Mi Terry" ; kgo:affiliatedWith kgr:csis ; kgo:role "senior fellow" .
kgr:us rdfs:label "United States" ; skos:altLabel "U.S." ; kgo:alliedWith kgr:rok .
kgr:nk rdfs:label "North Korea" .
kgr:rok rdfs:label "South Korea" .
kgr:csis rdfs:label "Center for Strategic and International Studies" .
kgr:hanoi rdfs:label "Hanoi" .
kgr:singapore rdfs:label "Singapore" .
kgr:pyongyang rdfs:label "Pyongyang" .

kgr:hanoi-summit a kgo:Summit ; rdfs:label "Hanoi summit" ; kgo:location kgr:hanoi ;
    kgo:participant kgr:trump, kgr:kim ;
    kgo:startDate "2019-02-27"^^xsd:date ; kgo:endDate "2019-02-28"^^xsd:date ;
    prov:wasDerivedFrom [ kgo:sentence "Trump and Kim met in Hanoi on February 27." ] .
kgr:singapore-summit a kgo:Summit ; rdfs:label "Singapore summit" ; kgo:location kgr:singapore ;
    kgo:participant kgr:trump ; kgo:startDate "2018-06"^^xsd:gYearMonth ;
    prov:wasDerivedFrom [ kgo:sentence "They first met in Singapore in June 2018." ] .
kgr:maybe-summit a kgo:Summit ; rdfs:label "inter-Korean summit" ; kgo:location kgr:pyongyang ;
    kgo:modality kgo:Hypothetical ; kgo:polarity kgo:Positive ;
    prov:wasDerivedFrom [ kgo:sentence "Another summit between the two Koreas may follow." ] .

kgr:singapore-statement a kgo:Treaty ; rdfs:label "Singapore joint statement" ;
    kgo:signatory kgr:trump, kgr:kim ; kgo:status kgo:Signed ; kgo:adoptedAt kgr:singapore-summit ;
    kgo:hasCommitment kgr:c1, kgr:c2 ;
    prov:wasDerivedFrom [ kgo:sentence "The Singapore joint statement was signed." ] .
kgr:c1 rdfs:label "complete denuclearization of the Korean peninsula" .
kgr:c2 kgo:concerns kgr:remains ; kgo:fulfilledBy kgr:return .
kgr:remains rdfs:label "recovery of soldier remains" .
kgr:return prov:wasDerivedFrom [ kgo:sentence "North Korea returned 55 sets of remains." ] ;
    kgo:startDate "2018"^^xsd:gYear .
kgr:hanoi-statement a kgo:Agreement ; rdfs:label "Hanoi joint statement" ; kgo:status kgo:NotSigned ;
    prov:wasDerivedFrom [ kgo:sentence "No joint statement was signed in Hanoi." ] .

kgr:yongbyon a kgo:Facility ; rdfs:label "Yongbyon nuclear facility" ; skos:altLabel "Yongbyon" ;
    kgo:operator kgr:nk ; kgo:facilityStatus "possible shutdown" .

kgr:pos1 a kgo:PolicyPosition ; kgo:holder kgr:nk ; kgo:stance kgo:Demands ; kgo:concerns kgr:relief ;
    kgo:modality kgo:Hedged ;
    prov:wasDerivedFrom [ kgo:sentence "North Korea may have sought maximal sanctions relief." ] .
kgr:relief rdfs:label "sanctions relief" .
kgr:pos2 a kgo:PolicyPosition ; kgo:holder kgr:nk ; kgo:stance kgo:Opposes ; kgo:concerns kgr:drills ;
    kgo:modality kgo:Asserted ; kgo:attributedTo kgr:nk ;
    prov:wasDerivedFrom [ kgo:sentence "The North Koreans call the joint military exercises an invasion rehearsal." ] .
kgr:drills rdfs:label "military exercises" .
kgr:pos3 a kgo:PolicyPosition ; kgo:holder kgr:us ; kgo:stance kgo:Offers ; kgo:concerns kgr:relief ;
    kgo:polarity kgo:Negative ;
    prov:wasDerivedFrom [ kgo:sentence "The United States did not offer sanctions relief." ] .

kgr:dis1 a kgo:Disagreement ; kgo:party kgr:us, kgr:nk ; kgo:concerns kgr:denuke ;
    prov:wasDerivedFrom [ kgo:sentence "The two sides differ on the definition of denuclearization." ] .
kgr:denuke rdfs:label "denuclearization" .

kgr:test1 a kgo:WeaponsTest ; rdfs:label "missile test" ; kgo:modality kgo:Hypothetical ;
    prov:wasDerivedFrom [ kgo:sentence "North Korea could respond with a missile test." ] .

kgr:doc dcterms:title "Assessing the Hanoi Summit" ; dcterms:creator kgr:terry, kgr:unnamed ;
    dcterms:publisher kgr:csis ; dcterms:date "2019-03-01"^^xsd:date .
"""

GOLD = """\
document: tiny.txt
entities:
  - {label: Donald Trump, aliases: [Trump, President Trump]}
  - {label: Kim Jong-un, aliases: [Kim, Kim Jong Un]}
  - {label: North Korea, aliases: [DPRK, North Koreans]}
  - {label: United States, aliases: [U.S., US]}
  - {label: Singapore joint statement, aliases: [joint statement]}
  - {label: Hanoi joint statement, aliases: [joint statement]}
questions:
  - id: summits
    columns: [summit_place, start, end]
    rows:
      - {summit_place: [Hanoi, Vietnam], start: [2019-02-27], end: [2019-02-28], line: 9}
      - {summit_place: [Singapore], start: [2018-06], end: ~, line: 11}
      - {summit_place: [Hanoi], start: [2019-03], end: ~, line: 12}
  - id: participants
    columns: [summit_place, participant]
    rows:
      - {summit_place: [Hanoi], participant: [Donald Trump]}
      - {summit_place: [Hanoi], participant: [Kim Jong-un]}
      - {summit_place: [Singapore], participant: [Kim Jong-un]}
  - id: agreements
    columns: [agreement, signatory, status]
    rows:
      - {agreement: [Singapore joint statement], signatory: [Trump], status: [signed]}
      - {agreement: [Hanoi joint statement], signatory: ~, status: [not signed, notsigned]}
  - id: commitments
    columns: [agreement, commitment, fulfilled_by]
    rows:
      - {agreement: [Singapore joint statement], commitment: [denuclearization of the Korean peninsula], fulfilled_by: ~}
      - {agreement: [Singapore joint statement], commitment: [recovery of remains], fulfilled_by: [return of 55 sets of remains]}
  - id: facilities
    columns: [facility, country, facility_status]
    rows:
      - {facility: [Yongbyon], country: [DPRK], facility_status: [shutdown]}
  - id: positions
    columns: [holder, stance, issue, modality, attributed_to]
    rows:
      - {holder: [North Korea], stance: [demands], issue: [maximal sanctions relief], modality: [hedged], attributed_to: ~}
      - {holder: [North Korea], stance: [opposes], issue: [military exercises], modality: [asserted], attributed_to: [North Koreans]}
      - {holder: [United States], stance: [offers], issue: [sanctions relief], modality: ~, attributed_to: ~}
  - id: disagreements
    columns: [actor_a, actor_b, issue]
    rows:
      - {actor_a: [United States], actor_b: [North Korea], issue: [definition of denuclearization]}
  - id: unrealized
    columns: [statement, polarity, modality]
    rows:
      - {statement: [joint statement not signed], polarity: [negative], modality: ~}
      - {statement: [another summit between the two Koreas], polarity: [positive], modality: [hypothetical]}
  - id: roles
    columns: [person, relation, organization_or_state]
    rows:
      - {person: [Donald Trump], relation: [president, leaderOf], organization_or_state: [United States]}
      - {person: [Sue Mi Terry], relation: [fellow], organization_or_state: [Center for Strategic and International Studies]}
      - {person: [Kim Jong-un], relation: [leader], organization_or_state: [North Korea]}
  - id: timeline
    columns: [date, event]
    rows:
      - {date: [2018-06], event: [Singapore summit]}
      - {date: [2018], event: [return of remains]}
      - {date: [2019-01], event: [new date set for the Hanoi summit]}
  - id: alignments
    columns: [actor_a, actor_b]
    rows:
      - {actor_a: [United States, South Korea], actor_b: [South Korea, United States]}
  - id: provenance
    question: Which sentence says so?
  - id: document
    columns: [title, author, publisher, date]
    rows:
      - {title: [Assessing the Hanoi Summit], author: [Sue Mi Terry], publisher: [CSIS, Center for Strategic and International Studies], date: [2019-03-01]}
forbidden:
  - why: an unsigned agreement has no signatory
    ask: ASK { ?a kgo:status kgo:NotSigned ; kgo:signatory ?s }
  - why: no weapons test happened
    ask: |
      ASK { ?e a/rdfs:subClassOf* kgo:WeaponsTest .
            FILTER NOT EXISTS { ?e kgo:modality kgo:Hypothetical } }
  - why: the summits took place in Hanoi and Singapore only
    ask: |
      ASK { ?e a/rdfs:subClassOf* kgo:Summit ; kgo:location/rdfs:label "Pyongyang" .
            FILTER NOT EXISTS { ?e kgo:modality kgo:Hypothetical } }
"""

# Which system row a gold row claims depends on the order of rdflib's answers:
# here the first gold row of each question matches two system rows.
ORDER_DOCUMENT = TTL_PREFIXES + """
kgr:us rdfs:label "United States" ; kgo:alliedWith kgr:rok .
kgr:rok rdfs:label "South Korea" ; kgo:alliedWith kgr:us .
kgr:treaty a kgo:Treaty ; rdfs:label "Treaty" .
kgr:accord a kgo:Accord ; rdfs:label "Accord" .
"""

ORDER_GOLD = """\
document: tiny.txt
questions:
  - id: alignments
    columns: [actor_a, actor_b]
    rows:
      - {actor_a: [United States, South Korea], actor_b: [South Korea, United States]}
      - {actor_a: [South Korea], actor_b: [United States]}
  - id: agreements
    columns: [agreement, signatory, status]
    rows:
      - {agreement: ~, signatory: ~, status: ~}
      - {agreement: [Accord], signatory: ~, status: ~}
"""

# What the scorer must make of DOCUMENT and GOLD (worked out by hand from the rules).
EXPECTED = {  # question: (answered, total, system rows, unmatched system rows)
    "summits": (2, 3, 2, 0),
    "participants": (2, 3, 3, 1),
    "agreements": (2, 2, 3, 1),
    "commitments": (2, 2, 2, 0),
    "facilities": (1, 1, 1, 0),
    "positions": (2, 3, 2, 0),
    "disagreements": (1, 1, 2, 1),
    "unrealized": (1, 2, 4, 3),  # "inter-Korean summit" holds 1 of 5 gold words: the sentence cannot make up the rest
    "roles": (2, 3, 3, 1),  # "leader" is not a word of "leaderOf"
    "timeline": (1, 3, 4, 3),  # the unlabelled return: gold words only in its sentence
    "alignments": (1, 1, 1, 0),
    "document": (1, 1, 3, 2),
}


def ntriples(turtle: str) -> str:
    return rdflib.Graph().parse(data=turtle, format="turtle").serialize(format="nt")


def graph(turtle: str, with_ontology: bool = True) -> rdflib.Graph:
    g = rdflib.Graph().parse(data=turtle, format="turtle")
    if with_ontology:
        g.parse(data=ONTOLOGY, format="turtle")
    return g


def gold_file(tmp_path: Path, text: str = GOLD, name: str = "tiny.questions.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A store with the tiny document and the ontology, the ontology file beside it."""
    (tmp_path / "kgo.ttl").write_text(ONTOLOGY, encoding="utf-8")
    path = tmp_path / "store"
    with Store.open(path) as store:
        store.ensure_ontology(tmp_path / "kgo.ttl")
        store.replace_graph(GRAPHS + "tiny.txt", ntriples(DOCUMENT))
    return path


# -- reading gold files ---------------------------------------------------------------------

def test_load_gold_reads_questions_entities_forbidden(tmp_path: Path) -> None:
    gold = ev.load_gold(gold_file(tmp_path))
    assert gold.document == "tiny.txt" and gold.doc_id == "tiny.txt"
    assert gold.graph_iri == GRAPHS + "tiny.txt"
    assert [q.id for q in gold.scored] == list(EXPECTED)
    assert gold.unscored == ()  # provenance has no rows: skipped silently
    assert gold.questions[0].columns == ("summit_place", "start", "end")
    assert gold.questions[0].line == 10
    assert len(gold.forbidden) == 3 and gold.forbidden[0].why == "an unsigned agreement has no signatory"


def test_gold_document_graph_is_the_one_kg_build_file_makes() -> None:
    from kg_builder import rdf

    gold = ev.GoldFile(Path("eval/q.yaml"), "sub/my report.txt")
    assert gold.graph_iri == rdf.DOCUMENT_GRAPHS + "my%20report.txt"


@pytest.mark.parametrize("text, line, words", [
    ("document: x.txt\nquestions: [\n  - id: a\n", 3, "not valid YAML"),
    ("questions: []\n", 1, "needs `document`"),
    ("document: x.txt\n", 1, "needs `questions`"),
    ("document: x.txt\nquestions:\n  - id: summits\n    rows:\n      - {summit_place: [Hanoi]}\n", 3,
     "has rows but no `columns`"),
    ("document: x.txt\nquestions:\n  - id: summits\n    columns: [start]\n    rows:\n      - just text\n", 6,
     "a row of `summits` must be a mapping"),
    ("document: x.txt\nquestions:\n  - columns: [start]\n", 3, "a question needs `id`"),
    ("document: x.txt\nquestions: []\nentities:\n  - {label: A}\n  - {aliases: [B]}\n", 5, "an entity needs `label`"),
    ("document: x.txt\nquestions: []\nentities:\n  - {label: A, aliases: B}\n", 4, "aliases of an entity must be a list"),
    ("document: x.txt\nquestions: []\nforbidden:\n  - why: w\n    ask: ASK { ?x ?y }\n", 5, "not valid SPARQL"),
    ("document: x.txt\nquestions: []\nforbidden:\n  - why: w\n    ask: SELECT * { ?x ?y ?z }\n", 5, "must be an ASK"),
    ("document: x.txt\nquestions: []\nforbidden:\n  - ask: ASK { ?x ?y ?z }\n", 4, "needs `why`"),
    ("document: x.txt\nquestions:\n  - {id: roles, columns: [person], rows: [{person: A}]}\n"
     "  - {id: roles, columns: [person], rows: [{person: B}]}\n", 4, "given twice (first on line 3)"),
    ("- just\n- a list\n", 1, "must be a mapping"),
    ("", 1, "is empty"),
])
def test_load_gold_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = gold_file(tmp_path, text, "bad.yaml")
    with pytest.raises(InputError) as err:
        ev.load_gold(path)
    assert f"{path}:{line}: " in err.value.message
    assert words in err.value.message


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the gold file"):
        ev.load_gold(tmp_path / "nope.yaml")


# -- matching cells ---------------------------------------------------------------------------

def test_column_kinds() -> None:
    assert [ev.column_kind(c) for c in ("date", "status", "issue", "participant", "ctx")] == \
        ["date", "enum", "text", "entity", "entity"]


def test_normalize_and_words() -> None:
    assert ev.normalize("  The  U.S.\u2019s\u2014Plan ") == "u.s.'s-plan"
    assert ev.content_words("The recovery of U.S. soldiers' remains, testing") == {"recovery", "us", "soldier", "remain", "test"}
    assert ev.stem("bases") == "base" and ev.stem("uses") == "uses" and ev.stem("signed") == "sign"
    assert ev.split_names("Hanoi |  Ha Noi | ") == ["Hanoi", "Ha Noi"]


def test_entity_cells_match_labels_and_gold_aliases() -> None:
    aliases = ev.alias_groups([{"label": "Kim Jong-un", "aliases": ["Kim", "Kim Jong Un"]},
                               {"label": "Singapore joint statement", "aliases": ["joint statement"]},
                               {"label": "Hanoi joint statement", "aliases": ["joint statement"]}])
    row = {"participant": "Kim Jong Un | Chairman"}
    assert ev.cell_matches("participant", ["Kim Jong-un"], row, aliases)  # via the gold's aliases
    assert ev.cell_matches("participant", "the chairman", row, aliases)  # case and "the" ignored
    assert not ev.cell_matches("participant", ["Kim Jong-un"], row)  # no aliases, no match
    assert not ev.cell_matches("participant", ["Kim Jong"], row, aliases)  # whole names only
    assert ev.cell_matches("participant", None, {}, aliases)  # ~ matches anything
    assert not ev.cell_matches("participant", [], row, aliases)
    # one step only: "Singapore joint statement" -> "joint statement", not on to "Hanoi joint statement"
    assert ev.cell_matches("agreement", ["Singapore joint statement"], {"agreement": "Joint Statement"}, aliases)
    assert not ev.cell_matches("agreement", ["Singapore joint statement"], {"agreement": "Hanoi joint statement"}, aliases)
    assert ev.cell_matches("agreement", ["joint statement"], {"agreement": "Hanoi joint statement"}, aliases)


def test_text_cells_need_three_quarters_of_the_words() -> None:
    row = {"issue": "sanctions relief", "ctx": "North Korea sought the lifting of sanctions."}
    assert ev.cell_matches("issue", ["full sanctions relief"], {"issue": "sanctions relief"}) is False  # 2/3
    assert ev.cell_matches("issue", ["lifting of sanctions relief package"], row) is True  # 3/4, one from ctx
    assert ev.cell_matches("issue", ["lifting of all sanctions"], row) is False  # 2/3 ("of" is a stop word)
    assert ev.cell_matches("issue", ["sanctions relief testing moratorium"], row) is False  # 2/4
    assert ev.cell_matches("issue", ["the of and"], row) is False  # nothing to match
    assert ev.cell_matches("issue", ["relieving sanction"], {"issue": "sanctions relieved"}) is True  # stems


def test_text_rule_arithmetic() -> None:
    have = {"issue": "x y z"}
    assert ev.cell_matches("issue", ["x y z w"], have)  # exactly 75%
    assert not ev.cell_matches("issue", ["x y z w v"], have)  # 60%
    assert ev.cell_matches("issue", ["x y"], {"issue": "x", "ctx": "y"})  # half in the label, the sentence adds
    assert not ev.cell_matches("issue", ["x y"], {"issue": "", "ctx": "x | y"})  # the sentence alone is not enough


def test_date_cells_match_at_the_gold_precision() -> None:
    row = {"start": "2019-02-27"}
    assert ev.cell_matches("start", ["2019"], row)
    assert ev.cell_matches("start", ["2019-02"], row)
    assert ev.cell_matches("start", [__import__("datetime").date(2019, 2, 27)], row)  # YAML dates
    assert not ev.cell_matches("start", ["2019-02-28"], row)
    assert not ev.cell_matches("start", ["2019-02-27"], {"start": "2019-02"})  # text less precise than gold
    assert not ev.cell_matches("start", ["2019"], {})


def test_enum_cells_squash_case_spaces_dashes() -> None:
    assert ev.cell_matches("status", ["not signed"], {"status": "NotSigned"})
    assert ev.cell_matches("status", ["not_signed"], {"status": "Not-Signed"})
    assert not ev.cell_matches("status", ["unsigned"], {"status": "NotSigned"})
    assert ev.cell_matches("modality", ["hypothetical", "hedged"], {"modality": "Asserted | Hedged"})


# -- scoring a graph ---------------------------------------------------------------------------

def test_score_graph_counts_every_question(tmp_path: Path) -> None:
    report = ev.score_graph(graph(DOCUMENT), ev.load_gold(gold_file(tmp_path)))
    got = {q.question_id: (q.answered, q.total, q.system_rows, len(q.unmatched_system_rows))
           for q in report.questions}
    assert got == EXPECTED
    assert (report.answered, report.total) == (18, 25)
    assert report.spurious == sum(v[3] for v in EXPECTED.values())
    assert report.system_rows == sum(v[2] for v in EXPECTED.values())
    assert report.percent == pytest.approx(72.0)


def test_score_missed_and_unmatched_rows(tmp_path: Path) -> None:
    report = ev.score_graph(graph(DOCUMENT), ev.load_gold(gold_file(tmp_path)))
    by_id = {q.question_id: q for q in report.questions}
    summits = by_id["summits"]
    assert summits.missed == ({"summit_place": ["Hanoi"], "start": ["2019-03"], "end": None, "line": 12},)
    participants = by_id["participants"]
    assert [m["participant"] for m in participants.missed] == [["Kim Jong-un"]]
    assert [(r["summit_place"], r["participant"]) for r in participants.unmatched_system_rows] == \
        [("Singapore", "Donald Trump | Trump")]
    # the hypothetical summit in Pyongyang is not a summit that took place, but it is unrealized
    assert all("Pyongyang" not in r.get("summit_place", "") for r in participants.unmatched_system_rows)
    unmatched = sorted((r.get("statement", ""), r["ctx"]) for r in by_id["unrealized"].unmatched_system_rows)
    assert unmatched == [("", "The United States did not offer sanctions relief."),  # the negated offer: no label
                         ("inter-Korean summit", "Another summit between the two Koreas may follow."),
                         ("missile test", "North Korea could respond with a missile test.")]
    # roles: the relation column holds the property's name and the stated role
    roles = ev.system_rows(graph(DOCUMENT), "roles")
    assert {r["relation"] for r in roles} == {"leaderOf | president", "leaderOf", "affiliatedWith | senior fellow"}


def test_a_gold_row_matching_one_system_row_claims_it_once() -> None:
    q = ev.GoldQuestion("alignments", ("actor_a", "actor_b"),
                        ({"actor_a": "A", "actor_b": "B"}, {"actor_a": "A", "actor_b": None}), 1)
    rows = [{"actor_a": "A", "actor_b": "B"}, {"actor_a": "A", "actor_b": "C"}, {"actor_a": "X", "actor_b": "Y"}]
    score = ev.score_question(q, rows, {})
    assert (score.answered, score.total, score.system_rows) == (2, 2, 3)
    # one system row answers one gold row: the open gold row takes (A, C), so (A, B) is left for the first
    assert score.unmatched_system_rows == ({"actor_a": "X", "actor_b": "Y"},)
    assert score.missed == ()


def test_forbidden_asks_true_and_false(tmp_path: Path) -> None:
    gold = ev.load_gold(gold_file(tmp_path))
    report = ev.score_graph(graph(DOCUMENT), gold)
    assert report.forbidden_true == ()  # all false on the tiny graph
    bad = DOCUMENT + """
kgr:hanoi-statement kgo:signatory kgr:trump .
kgr:test2 a kgo:WeaponsTest .
kgr:pyongyang-summit a kgo:Summit ; kgo:location kgr:pyongyang .
"""
    report = ev.score_graph(graph(bad), gold)
    assert report.forbidden_true == ("an unsigned agreement has no signatory", "no weapons test happened",
                                     "the summits took place in Hanoi and Singapore only")


def test_subclasses_come_from_the_ontology(tmp_path: Path) -> None:
    gold = ev.load_gold(gold_file(tmp_path))
    without = ev.score_graph(graph(DOCUMENT, with_ontology=False), gold)
    by_id = {q.question_id: q for q in without.questions}
    assert by_id["agreements"].system_rows == 1  # the Treaty is an Agreement only through the ontology
    assert by_id["document"].system_rows == 2  # and the ontology's own title is gone


def test_evaluate_reads_only_the_gold_documents_graph(store_dir: Path, tmp_path: Path) -> None:
    gold = ev.load_gold(gold_file(tmp_path))
    other = TTL_PREFIXES + """
kgr:seoul-summit a kgo:Summit ; kgo:location kgr:seoul ; kgo:startDate "2019-03"^^xsd:gYearMonth .
kgr:seoul rdfs:label "Hanoi" .
"""
    with Store.open(store_dir) as store:
        before = ev.evaluate(store, gold, tmp_path / "kgo.ttl")
        store.replace_graph(GRAPHS + "other.txt", ntriples(other))
        after = ev.evaluate(store, gold, tmp_path / "kgo.ttl")
        assert set(store.document_graphs()) == {GRAPHS + "tiny.txt", GRAPHS + "other.txt"}
    assert before == after
    assert (after.answered, after.total) == (18, 25)
    assert after.gold == str(gold.path) and after.document == "tiny.txt"


def test_evaluate_document_not_in_store(store_dir: Path, tmp_path: Path) -> None:
    gold = ev.load_gold(gold_file(tmp_path, GOLD.replace("tiny.txt", "absent.txt")))
    with Store.open(store_dir) as store, pytest.raises(InputError, match="absent.txt .* is not in the store"):
        ev.evaluate(store, gold)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's Dataset.triples
def test_scoring_graph_holds_the_document_and_the_ontology(store_dir: Path, tmp_path: Path) -> None:
    expected = len(graph(DOCUMENT))
    with Store.open(store_dir, create=False, read_only=True) as store:
        from_store = ev.scoring_graph(store, GRAPHS + "tiny.txt")
        from_file = ev.scoring_graph(store, GRAPHS + "tiny.txt", tmp_path / "kgo.ttl")
        trig = ev.document_trig(store, GRAPHS + "tiny.txt")
        export = render(store, "trig")
    body = [line for line in trig.decode().splitlines() if not line.startswith("@prefix ")]
    assert "\n".join(body) in export.decode()  # the export's statements, in the export's order
    for g in (from_store, from_file):
        assert (rdflib.URIRef(KGO + "Summit"), rdflib.RDFS.subClassOf, rdflib.URIRef(KGO + "Meeting")) in g
        assert len(list(g.triples((None, None, None)))) == expected


def test_scoring_graph_bad_ontology_file(store_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text("kgo:Summit a .\n")
    with Store.open(store_dir, create=False, read_only=True) as store, \
            pytest.raises(ValidationSetupError, match="not valid Turtle"):
        ev.scoring_graph(store, GRAPHS + "tiny.txt", tmp_path / "bad.ttl")


# -- agreement with the reference scorer ----------------------------------------------------------

def _canonical_row(row: dict) -> str:
    """A row with each multi-valued cell sorted (GROUP_CONCAT's order is not fixed)."""
    return json.dumps({k: sorted(ev.split_names(v)) for k, v in row.items()}, sort_keys=True)


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the reference scorer is not available")
@pytest.mark.parametrize("document, gold_text, forbidden", [
    (DOCUMENT, GOLD, False),
    (DOCUMENT + "kgr:hanoi-statement kgo:signatory kgr:trump .\n", GOLD, True),
    (ORDER_DOCUMENT, ORDER_GOLD, False),
], ids=["clean", "forbidden", "order"])
def test_numbers_agree_with_check_questions(store_dir: Path, tmp_path: Path, document: str, gold_text: str,
                                            forbidden: bool) -> None:
    gold_path = gold_file(tmp_path, gold_text)
    gold = ev.load_gold(gold_path)
    with Store.open(store_dir) as store:
        store.replace_graph(GRAPHS + "tiny.txt", ntriples(document))
        ours = ev.evaluate(store, gold, tmp_path / "kgo.ttl")
        (tmp_path / "graph.trig").write_bytes(render(store, "trig"))
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(tmp_path / "graph.trig"), str(tmp_path / "kgo.ttl"), str(gold_path),
         "--json", "--verbose"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr
    ref = json.loads(done.stdout)
    mine = json.loads(ev.to_json([ours], verbose=True))["reports"][0]
    assert (mine["answered"], mine["total"], mine["spurious"]) == (ref["answered"], ref["total"], ref["spurious"])
    assert mine["system_rows"] == ref["system_rows"]
    assert mine["forbidden"] == ref["forbidden"]
    assert list(mine["questions"]) == list(ref["questions"])
    for qid, r in ref["questions"].items():
        m = mine["questions"][qid]
        assert (m["answered"], m["of"], m["system_rows"]) == (r["answered"], r["of"], r["system_rows"]), qid
        assert m["missed"] == r["missed"], qid
        assert sorted(map(_canonical_row, m["unmatched_system_rows"])) == \
            sorted(map(_canonical_row, r["unmatched_system_rows"])), qid
    assert bool(ours.forbidden_true) == forbidden


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the reference scorer is not available")
def test_queries_are_the_references(tmp_path: Path) -> None:
    """Same answers, query by query, on the tiny graph: the rows themselves, not only the counts."""
    sys.path.insert(0, str(REFERENCE.parent))
    try:
        import check_questions as ref  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REFERENCE.parent))
    g = graph(DOCUMENT)
    assert set(ref.QUERIES) == set(ev.QUERIES)
    assert (ref.DATE_COLS, ref.ENUM_COLS, ref.TEXT_COLS) == (ev.DATE_COLUMNS, ev.ENUM_COLUMNS, ev.TEXT_COLUMNS)
    assert ref.STOP == ev.STOP_WORDS
    for qid in ev.QUERIES:
        assert sorted(map(_canonical_row, ref.run(g, KGO, qid))) == \
            sorted(map(_canonical_row, ev.system_rows(g, qid))), qid


# -- reports ---------------------------------------------------------------------------------

def test_table_and_json(tmp_path: Path) -> None:
    report = ev.score_graph(graph(DOCUMENT), ev.load_gold(gold_file(tmp_path)))
    table = ev.format_table([report])
    assert table.splitlines()[1].split() == ["question", "answered", "system", "rows", "unmatched"]
    assert any(line.split() == ["summits", "2/3", "2", "0"] for line in table.splitlines())
    assert "answered 18/25 (72.0%)" in table
    assert "forbidden queries that came out true: none" in table
    assert "missed:" not in table
    verbose = ev.format_table([report, report], verbose=True)
    assert "    missed:    summit_place=Hanoi; start=2019-03; end=~ (line 12)" in verbose
    assert "    unmatched: summit_place=Singapore; participant=Donald Trump | Trump" in verbose
    assert "overall: answered 36/50 (72.0%)" in verbose
    data = json.loads(ev.to_json([report]))
    assert (data["answered"], data["total"], data["percent"]) == (18, 25, 72.0)
    assert data["reports"][0]["questions"]["summits"] == {
        "answered": 2, "of": 3, "system_rows": 2, "missed": 1, "unmatched_system_rows": 0}


# -- kg eval ------------------------------------------------------------------------------------

def fake_build(source: SourceFile, nlp: object, known_labels: object = None, limits: object = None) -> BuiltDocument:
    path = source.path
    if path.stem == "broken":
        raise InputError(f"{path.name} has no text")
    doc = Document(doc_id=path.stem, path=str(path), text="They met.")
    return BuiltDocument(doc, GRAPHS + source.doc_id, ntriples(DOCUMENT), 12)


@dataclass
class Env:
    path: Path
    built: list[str]  # the documents the fake pipeline built, in order


@pytest.fixture
def env(tmp_path: Path, monkeypatch) -> Env:
    """Fake pipeline (no spaCy), the test ontology, docs/tiny.txt and eval/tiny.questions.yaml; cwd = tmp_path."""
    onto = tmp_path / "ontology"
    onto.mkdir()
    (onto / "kgo.ttl").write_text(ONTOLOGY, encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(onto))
    monkeypatch.delenv("KG_STORE", raising=False)
    state = Env(tmp_path, [])

    def build(source: SourceFile, nlp: object, known_labels: object = None, limits: object = None) -> BuiltDocument:
        state.built.append(source.path.name)
        return fake_build(source, nlp)

    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: object())
    monkeypatch.setattr(pipeline, "build_document", build)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "tiny.txt").write_text("They met.\n", encoding="utf-8")
    (tmp_path / "eval").mkdir()
    gold_file(tmp_path / "eval")
    monkeypatch.chdir(tmp_path)
    return state


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="kg")


def test_cli_eval_help_has_example() -> None:
    result = run("eval", "--help")
    assert result.exit_code == 0
    assert "Example: kg eval" in result.output


def test_cli_eval_builds_missing_document_then_scores(env: Env) -> None:
    gold = "eval/tiny.questions.yaml"
    result = run("eval", gold, "--store", "st", "--docs", "docs")
    assert result.exit_code == 0, result.output
    assert env.built == ["tiny.txt"]
    assert "[1/1] tiny.txt: 12 facts" in result.stderr
    out = result.stdout
    assert out.startswith(f"== tiny.txt (gold: {gold}) ==")
    assert any(line.split() == ["summits", "2/3", "2", "0"] for line in out.splitlines())
    assert "answered 18/25 (72.0%)" in out
    # already stored: not built again; --build rebuilds; JSON on request
    again = run("eval", gold, "--store", "st", "--docs", "docs", "--format", "json")
    assert again.exit_code == 0, again.output
    assert env.built == ["tiny.txt"]
    assert json.loads(again.stdout)["reports"][0]["answered"] == 18
    assert run("eval", gold, "--store", "st", "--docs", "docs", "--build").exit_code == 0
    assert env.built == ["tiny.txt", "tiny.txt"]
    verbose = run("eval", gold, "--store", "st", "--no-build", "--verbose")
    assert verbose.exit_code == 0, verbose.output
    assert "missed:" in verbose.stdout and "unmatched:" in verbose.stdout


def test_cli_eval_default_doc_folders_are_seeds_and_the_golds(env: Env) -> None:
    (env.path / "seeds").mkdir()
    (env.path / "docs" / "tiny.txt").rename(env.path / "seeds" / "tiny.txt")
    assert run("eval", "eval/tiny.questions.yaml", "--store", "st").exit_code == 0
    (env.path / "eval" / "other.questions.yaml").write_text(GOLD.replace("tiny.txt", "other.txt"))
    (env.path / "eval" / "other.txt").write_text("x")
    result = run("eval", "eval/tiny.questions.yaml", "eval/other.questions.yaml", "--store", "st")
    assert result.exit_code == 0, result.output
    assert env.built == ["tiny.txt", "other.txt"]
    assert "overall: answered 36/50 (72.0%)" in result.stdout


def test_cli_eval_reports_forbidden_and_exits_0(env: Env, monkeypatch) -> None:
    def leaky(path: SourceFile, nlp: object, known_labels: object = None, limits: object = None) -> BuiltDocument:
        built = fake_build(path, nlp)
        return BuiltDocument(built.document, built.graph_iri,
                             built.ntriples + ntriples(TTL_PREFIXES + "kgr:hanoi-statement kgo:signatory kgr:trump ."), 1)

    monkeypatch.setattr(pipeline, "build_document", leaky)
    result = run("eval", "eval/tiny.questions.yaml", "--store", "st", "--docs", "docs")
    assert result.exit_code == 0, result.output
    assert "forbidden queries that came out true: 1\n  - an unsigned agreement has no signatory" in result.stdout


@pytest.mark.parametrize("args, words", [
    (["eval/missing.yaml"], "cannot read the gold file"),
    (["eval/tiny.questions.yaml", "--docs", "nowhere"], "tiny.txt (from eval/tiny.questions.yaml) is not in nowhere"),
    (["eval/tiny.questions.yaml", "--no-build"], "there is no store"),
])
def test_cli_eval_input_errors_exit_2(env: Env, args: list[str], words: str) -> None:
    result = run("eval", *args, "--store", "st")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and words in lines[0], result.stderr


def test_cli_eval_bad_gold_names_line(env: Env) -> None:
    (env.path / "eval" / "bad.yaml").write_text("document: tiny.txt\nquestions:\n  - columns: [x]\n")
    result = run("eval", "eval/bad.yaml", "--store", "st")
    assert result.exit_code == 2
    assert "eval/bad.yaml:3: a question needs `id`" in result.stderr


def test_cli_eval_no_build_needs_the_document_stored(env: Env) -> None:
    assert run("eval", "eval/tiny.questions.yaml", "--store", "st", "--docs", "docs").exit_code == 0
    (env.path / "eval" / "other.questions.yaml").write_text(GOLD.replace("tiny.txt", "other.txt"))
    result = run("eval", "eval/other.questions.yaml", "--store", "st", "--no-build")
    assert result.exit_code == 2
    assert "other.txt (from eval/other.questions.yaml) is not in the store st" in result.stderr


def test_cli_eval_failed_build_exits_2(env: Env) -> None:
    (env.path / "eval" / "broken.questions.yaml").write_text(GOLD.replace("tiny.txt", "broken.txt"))
    (env.path / "docs" / "broken.txt").write_text("")
    result = run("eval", "eval/broken.questions.yaml", "--store", "st", "--docs", "docs")
    assert result.exit_code == 2
    assert "broken.txt: error:" in result.stderr and "failed to build" in result.stderr

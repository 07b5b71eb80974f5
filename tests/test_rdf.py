"""rdf.py on hand-made Facts (no spaCy): triples and Claims, provenance, typed dates, stable N-Triples."""
from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg_builder import model, rdf, resources
from kg_builder.validate import validate_graph
from kg_builder.model import (Agreement, Commitment, Disagreement, Document, Entity, Event, Evidence, Facts,
                              Factuality, Position, Relation, Span, TimeValue)

KGO = rdf.KGO
KGR = rdf.KGR
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes

TEXT = ("Chile and Peru met in Lima.\n\n"
        "Peru may be an ally of Chile.\n"
        "Chile is not allied with Bolivia.\n"
        "Analysts say Peru is allied with Bolivia.\n"
        "Chile signed a treaty calling for a joint patrol.\n"
        "Peru opposes the quota.\n"
        "Chile and Peru disagree over the quota.")
DOCUMENT = Document(doc_id="t", path="t.txt", text=TEXT, title="A test", authors=("Ana Torres",),
                    published="2019-02")


def evidence(sentence: str, extractor: str = "rule:test") -> Evidence:
    begin = TEXT.index(sentence)
    return Evidence(Span(begin, begin + len(sentence), sentence), extractor, 0.7)


MET = evidence("Chile and Peru met in Lima.")
MAY = evidence("Peru may be an ally of Chile.")
NOT = evidence("Chile is not allied with Bolivia.")
SAY = evidence("Analysts say Peru is allied with Bolivia.")
SIGNED = evidence("Chile signed a treaty calling for a joint patrol.")
OPPOSES = evidence("Peru opposes the quota.")
DISAGREE = evidence("Chile and Peru disagree over the quota.")

ENTITIES = (
    Entity("state/chile", "State", "Chile", wikidata="Q298"),
    Entity("state/peru", "State", "Peru", aliases=("Republic of Peru",)),
    Entity("state/bolivia", "State", "Bolivia"),
    Entity("location/lima", "Location", "Lima"),
    Entity("person/analyst", "Person", "Analyst"),
    Entity("issue/quota", "Issue", "quota"),
)
PLAIN = Relation("state/chile", "alliedWith", "state/peru", MET)
HEDGED = Relation("state/peru", "alliedWith", "state/chile", MAY, Factuality("Positive", "Hedged"))
NEGATIVE = Relation("state/chile", "alliedWith", "state/bolivia", NOT, Factuality("Negative", "Asserted"))
REPORTED = Relation("state/peru", "alliedWith", "state/bolivia", SAY, Factuality("Positive", "Asserted", "person/analyst"))


def make_facts(**overrides) -> Facts:
    fields = dict(
        document=DOCUMENT,
        entities=ENTITIES,
        events=(
            Event("event/t-day", "Meeting", "Lima meeting", MET, participants=("state/chile", "state/peru"),
                  location="location/lima", start=TimeValue("2019-02-27", "day"), end=TimeValue("2019-02-28", "day"),
                  aliases=("Chile and Peru met in Lima",)),
            Event("event/t-month", "Event", "a month event", SIGNED, start=TimeValue("2018-06", "month")),
            Event("event/t-year", "Event", "a year event", SIGNED, start=TimeValue("2017", "year")),
        ),
        agreements=(
            Agreement("agreement/t-treaty", "treaty", SIGNED, status="Signed",
                      commitments=(Commitment("commitment/t-patrol", "a joint patrol", SIGNED),)),
        ),
        positions=(Position("position/t-opp", "state/peru", "Opposes", "issue/quota", OPPOSES),),
        disagreements=(Disagreement("disagreement/t-d", ("state/chile", "state/peru"), ("issue/quota",), DISAGREE),),
        relations=(PLAIN, HEDGED, NEGATIVE, REPORTED),
        creators=("person/analyst",),
    )
    fields.update(overrides)
    return Facts(**fields)


@pytest.fixture(scope="module")
def graph():
    return rdf.to_graph(make_facts())


def iri(key: str) -> URIRef:
    return KGR[key]


def fact(key: str) -> URIRef:
    """The IRI rdf.py minted for the fact the extractor keyed ``key``."""
    return rdf.mint_fact_iris(make_facts())[key]


def claims_about(graph, relation: Relation) -> list:
    return [c for c in graph.subjects(RDF.type, KGO.Claim)
            if (c, RDF.subject, iri(relation.subject)) in graph
            and (c, RDF.predicate, KGO[relation.predicate]) in graph
            and (c, RDF.object, iri(relation.object)) in graph]


# --- relations: triple only for plain fact, Claim always ------------------------------------------

def test_rdf_plain_relation_gives_triple_and_claim(graph):
    assert (iri("state/chile"), KGO.alliedWith, iri("state/peru")) in graph
    [claim] = claims_about(graph, PLAIN)
    assert (claim, KGO.polarity, KGO.Positive) in graph
    assert (claim, KGO.modality, KGO.Asserted) in graph
    assert (claim, KGO.attributedTo, None) not in graph


@pytest.mark.parametrize("relation, polarity, modality", [
    (HEDGED, "Positive", "Hedged"),
    (NEGATIVE, "Negative", "Asserted"),
    (REPORTED, "Positive", "Asserted"),
])
def test_rdf_unplain_relation_gives_only_a_claim(graph, relation, polarity, modality):
    assert (iri(relation.subject), KGO[relation.predicate], iri(relation.object)) not in graph
    [claim] = claims_about(graph, relation)
    assert (claim, KGO.polarity, KGO[polarity]) in graph
    assert (claim, KGO.modality, KGO[modality]) in graph
    assert (claim, PROV.wasDerivedFrom, None) in graph


def test_rdf_attributed_relation_names_the_speaker(graph):
    [claim] = claims_about(graph, REPORTED)
    assert (claim, KGO.attributedTo, iri("person/analyst")) in graph


def test_rdf_hedged_relation_does_not_leak_through_the_inverse(graph):
    # Peru alliedWith Chile is only hedged; the plain triple runs Chile -> Peru and must stay the only one
    assert list(graph.triples((None, KGO.alliedWith, None))) == [
        (iri("state/chile"), KGO.alliedWith, iri("state/peru"))]


# --- provenance -----------------------------------------------------------------------------------------

FACT_CLASSES = (KGO.Meeting, KGO.Event, KGO.Agreement, KGO.Commitment, KGO.PolicyPosition, KGO.Disagreement,
                KGO.Claim)


def fact_nodes(graph):
    return {s for cls in FACT_CLASSES for s in graph.subjects(RDF.type, cls)}


def test_rdf_every_fact_node_is_derived_from_a_text_span(graph):
    nodes = fact_nodes(graph)
    assert len(nodes) == 3 + 1 + 1 + 1 + 1 + 4  # events, agreement, commitment, position, disagreement, claims
    for node in nodes:
        spans = list(graph.objects(node, PROV.wasDerivedFrom))
        assert spans, node
        for span in spans:
            assert (span, RDF.type, KGO.TextSpan) in graph
            begin = graph.value(span, KGO.beginIndex).toPython()
            end = graph.value(span, KGO.endIndex).toPython()
            assert str(graph.value(span, KGO.sentence)) == TEXT[begin:end]
            assert graph.value(span, KGO.sourceDocument) == rdf.document_iri(DOCUMENT)
            assert graph.value(span, KGO.extractor) is not None
            confidence = graph.value(span, KGO.confidence)
            assert confidence.datatype == XSD.decimal and 0 <= confidence.toPython() <= 1


def test_rdf_a_span_shared_by_facts_of_several_confidences_has_the_highest_as_its_own():
    # one rule reading one sentence twice, at 0.8 and at 0.6 (and PLAIN at 0.7): each fact keeps its own confidence
    # on its derivation, the span they share has one
    graph = rdf.to_graph(make_facts(relations=(
        PLAIN, Relation("state/peru", "alliedWith", "state/chile", dataclasses.replace(MET, confidence=0.8)),
        Relation("state/chile", "alliedWith", "state/bolivia", dataclasses.replace(MET, confidence=0.6)))))
    span = next(s for s in graph.subjects(RDF.type, KGO.TextSpan) if str(graph.value(s, KGO.sentence)) == MET.span.sentence)
    assert [float(c) for c in graph.objects(span, KGO.confidence)] == [0.8]
    assert validate_graph(graph, reasoner="none").conforms


def test_rdf_every_fact_node_has_factuality(graph):
    for node in fact_nodes(graph) - set(graph.subjects(RDF.type, KGO.Commitment)):
        assert len(list(graph.objects(node, KGO.polarity))) == 1, node
        assert len(list(graph.objects(node, KGO.modality))) == 1, node


# --- dates -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key, lexical, datatype", [
    ("event/t-day", "2019-02-27", XSD.date),
    ("event/t-month", "2018-06", XSD.gYearMonth),
    ("event/t-year", "2017", XSD.gYear),
])
def test_rdf_dates_are_typed_by_precision(graph, key, lexical, datatype):
    [start] = graph.objects(fact(key), KGO.startDate)
    assert (str(start), start.datatype) == (lexical, datatype)


def test_rdf_end_date_and_document_date(graph):
    assert (fact("event/t-day"), KGO.endDate, Literal("2019-02-28", datatype=XSD.date)) in graph
    assert (rdf.document_iri(DOCUMENT), DCTERMS.date, Literal("2019-02", datatype=XSD.gYearMonth)) in graph


def test_rdf_an_event_s_own_words_are_its_alternative_labels(graph):
    assert (fact("event/t-day"), SKOS.altLabel, Literal("Chile and Peru met in Lima")) in graph
    assert (fact("event/t-day"), RDFS.label, Literal("Lima meeting")) in graph


def test_rdf_invalid_date_is_refused():
    bad = Event("event/t-bad", "Event", "bad", MET, start=TimeValue("2019-02-30", "day"))
    with pytest.raises(ValueError):
        rdf.to_graph(make_facts(events=(bad,)))


# --- entities, documents -------------------------------------------------------------------------------

def test_rdf_entities_and_creators(graph):
    peru = iri("state/peru")
    assert (peru, RDF.type, KGO.State) in graph
    assert (peru, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("Republic of Peru")) in graph
    assert (iri("state/chile"), KGO.wikidataId, Literal("Q298")) in graph
    assert (rdf.document_iri(DOCUMENT), DCTERMS.creator, iri("person/analyst")) in graph
    meeting = fact("event/t-day")
    assert set(graph.objects(meeting, KGO.participant)) == {iri("state/chile"), peru}
    assert (meeting, KGO.location, iri("location/lima")) in graph


def test_rdf_agreement_status_and_commitment(graph):
    treaty = fact("agreement/t-treaty")
    assert (treaty, KGO.status, KGO.Signed) in graph
    assert (treaty, KGO.hasCommitment, fact("commitment/t-patrol")) in graph


# --- serialisation --------------------------------------------------------------------------------------------

def test_rdf_ntriples_sorted_and_stable():
    first = rdf.to_ntriples(make_facts())
    second = rdf.to_ntriples(make_facts())
    assert first == second
    lines = first.splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))
    assert first.endswith(" .\n")


def test_rdf_ntriples_independent_of_fact_order():
    facts = make_facts()
    shuffled = make_facts(relations=tuple(reversed(facts.relations)), events=tuple(reversed(facts.events)),
                          entities=tuple(reversed(facts.entities)))
    assert rdf.to_ntriples(facts) == rdf.to_ntriples(shuffled)


def test_rdf_iris_are_deterministic_per_document():
    graph_iri = rdf.graph_iri(DOCUMENT)
    assert graph_iri == rdf.graph_iri(Document(doc_id="t", path="elsewhere.txt", text="other"))
    assert graph_iri != rdf.graph_iri(Document(doc_id="u", path="t.txt", text=TEXT))


def test_rdf_controlled_values_of_the_model_are_declared_in_the_ontology():
    """Every value the model may write (kinds, stances, statuses, factuality, relations) is a term of kgo.ttl."""
    ontology = Graph().parse(resources.ontology_file(), format="turtle")
    declared = set(ontology.subjects())
    names = (model.POLARITIES + model.MODALITIES + model.STANCES + model.STATUSES + model.ENTITY_KINDS
             + model.EVENT_KINDS + model.RELATIONS)
    missing = [n for n in names if rdf.KGO[n] not in declared]
    assert missing == []


def test_rdf_known_label_wins_and_own_spelling_becomes_alias():
    facts = make_facts()
    entity = facts.entities[0]
    known = {str(rdf.iri(entity.key)): "Another Spelling"}
    graph = rdf.to_graph(facts, known)
    node = rdf.iri(entity.key)
    assert [str(o) for o in graph.objects(node, RDFS.label)] == ["Another Spelling"]
    assert Literal(entity.label) in set(graph.objects(node, SKOS.altLabel))


def test_rdf_roles_are_claimed_as_of_the_document_date():
    """Who leads whom changes: a leaderOf claim carries the date of the text that states it."""
    span = Span(0, 10, "President.")
    relation = Relation("person/x", "leaderOf", "state/y", Evidence(span, "rule:test", 0.9))
    document = Document("d", "d.txt", "President.", published="2019-03-01")
    graph = rdf.to_graph(Facts(document=document, relations=(relation,)))
    dates = [str(o) for o in graph.objects(None, rdf.KGO.validAt)]
    assert dates == ["2019-03-01"]


def test_rdf_each_role_read_is_a_claim_and_a_plain_role_only_when_plain_fact():
    text = "President Ruiz spoke. Ruiz was not appointed ambassador. Ruiz may become chairman."
    read = [Evidence(Span(text.index(s), text.index(s) + len(s), s), "rule:test", 0.8)
            for s in ("President Ruiz spoke.", "Ruiz was not appointed ambassador.", "Ruiz may become chairman.")]
    ruiz = Entity("person/ruiz", "Person", "Ruiz", role_readings=(
        model.Role("president", read[0]), model.Role("ambassador", read[1], Factuality("Negative", "Asserted")),
        model.Role("chairman", read[2], Factuality("Positive", "Hedged"))))
    assert ruiz.roles == ("ambassador", "chairman", "president")  # every title read, for the extractors
    document = Document("d", "d.txt", text, published="2019-03-01")
    graph = rdf.to_graph(Facts(document=document, entities=(ruiz,)))
    person = iri("person/ruiz")
    assert set(graph.objects(person, KGO.role)) == {Literal("president")}
    claims = {str(graph.value(c, RDF.object)): c for c in graph.subjects(RDF.predicate, KGO.role)}
    assert sorted(claims) == ["ambassador", "chairman", "president"]
    for title, polarity, modality, sentence in (("president", KGO.Positive, KGO.Asserted, read[0]),
                                                 ("ambassador", KGO.Negative, KGO.Asserted, read[1]),
                                                 ("chairman", KGO.Positive, KGO.Hedged, read[2])):
        claim = claims[title]
        assert (claim, RDF.type, KGO.Claim) in graph and (claim, RDF.subject, person) in graph
        assert (graph.value(claim, KGO.polarity), graph.value(claim, KGO.modality)) == (polarity, modality)
        span = graph.value(claim, PROV.wasDerivedFrom)
        assert str(graph.value(span, KGO.sentence)) == sentence.span.sentence
        assert str(graph.value(claim, KGO.validAt)) == "2019-03-01"
    report = validate_graph(graph, reasoner="none")
    assert not [v for v in report.violations if "Role" in v.shape or "Claim" in v.shape], report.violations


# --- stable fact IRIs ------------------------------------------------------------------------------------

def moved(evidence: Evidence, by: int) -> Evidence:
    span = evidence.span
    return Evidence(Span(span.begin + by, span.end + by, span.sentence), evidence.extractor, evidence.confidence)


def test_rdf_fact_iris_survive_a_paragraph_inserted_above():
    """A fact keeps its IRI when the text before it grows: the IRI hashes what it says, not where."""
    before = make_facts()
    shift = len("A new first paragraph.\n\n")

    def shifted(fact, key=None):
        changes = {"evidence": moved(fact.evidence, shift)}
        if key:
            changes["key"] = key  # the extractor's keys hash offsets today; the IRI must not care
        if isinstance(fact, Agreement):
            changes["commitments"] = tuple(shifted(c, c.key + "-moved") for c in fact.commitments)
        return dataclasses.replace(fact, **changes)

    after = make_facts(
        document=dataclasses.replace(DOCUMENT, text="A new first paragraph.\n\n" + TEXT),
        events=tuple(shifted(e, e.key + "-moved") for e in before.events),
        agreements=tuple(shifted(a, a.key + "-moved") for a in before.agreements),
        positions=tuple(shifted(p, p.key + "-moved") for p in before.positions),
        disagreements=tuple(shifted(d, d.key + "-moved") for d in before.disagreements),
        relations=tuple(shifted(r) for r in before.relations))
    old, new = rdf.to_graph(before), rdf.to_graph(after)
    assert len(fact_nodes(old)) == 11 and fact_nodes(new) == fact_nodes(old)
    assert set(old.objects(None, PROV.wasDerivedFrom)) == set(new.objects(None, PROV.wasDerivedFrom))
    assert set(old.objects(None, KGO.beginIndex)) != set(new.objects(None, KGO.beginIndex))


def test_rdf_fact_iri_changes_with_what_the_fact_says_not_its_factuality():
    base = make_facts().positions[0]
    negated = Position(base.key, base.holder, base.stance, base.issue, base.evidence, Factuality("Negative", "Asserted"))
    other_issue = Position(base.key, base.holder, base.stance, "issue/other", base.evidence)
    mint = lambda p: rdf.mint_fact_iris(make_facts(positions=(p,)))[p.key]
    assert mint(negated) == mint(base)
    assert mint(other_issue) != mint(base)


def test_rdf_identical_facts_in_identical_sentences_get_numbered_iris():
    twice = (Position("position/a", "state/peru", "Opposes", "issue/quota", OPPOSES),
             Position("position/b", "state/peru", "Opposes", "issue/quota", moved(OPPOSES, 500)))
    minted = rdf.mint_fact_iris(make_facts(positions=twice))
    assert str(minted["position/b"]) == str(minted["position/a"]) + "-2"


# --- followable provenance -----------------------------------------------------------------------------

OA = Namespace("http://www.w3.org/ns/oa#")


def test_rdf_document_keeps_its_cleaned_text_and_digest(graph):
    import hashlib

    doc = rdf.document_iri(DOCUMENT)
    assert (doc, KGO.cleanedText, Literal(TEXT)) in graph
    assert (doc, KGO.textSha256, Literal(hashlib.sha256(TEXT.encode()).hexdigest())) in graph


def test_rdf_spans_carry_web_annotation_selectors(graph):
    spans = set(graph.subjects(RDF.type, KGO.TextSpan))
    assert spans
    for span in spans:
        begin, end = int(graph.value(span, KGO.beginIndex)), int(graph.value(span, KGO.endIndex))
        assert graph.value(span, OA.hasSource) == rdf.document_iri(DOCUMENT)
        selectors = {graph.value(s, RDF.type): s for s in graph.objects(span, OA.hasSelector)}
        position, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
        assert (int(graph.value(position, OA.start)), int(graph.value(position, OA.end))) == (begin, end)
        assert str(graph.value(quote, OA.exact)) == TEXT[begin:end] == str(graph.value(span, KGO.sentence))
        assert str(graph.value(quote, OA.prefix)) == TEXT[max(0, begin - 32):begin]
        assert str(graph.value(quote, OA.suffix)) == TEXT[end:end + 32]


def test_rdf_confidence_belongs_to_each_fact_derivation():
    """Two facts read from one sentence by one extractor share a span but keep their own confidence."""
    sure = Position("position/a", "state/peru", "Opposes", "issue/quota", OPPOSES)
    unsure = Position("position/b", "state/peru", "Supports", "issue/quota",
                      Evidence(OPPOSES.span, OPPOSES.extractor, 0.3))
    graph = rdf.to_graph(make_facts(positions=(sure, unsure)))
    minted = rdf.mint_fact_iris(make_facts(positions=(sure, unsure)))
    a, b = minted["position/a"], minted["position/b"]
    assert graph.value(a, PROV.wasDerivedFrom) == graph.value(b, PROV.wasDerivedFrom)
    confidence = {}
    for fact_node in (a, b):
        derivation = graph.value(fact_node, PROV.qualifiedDerivation)
        assert (derivation, RDF.type, PROV.Derivation) in graph
        assert graph.value(derivation, PROV.entity) == graph.value(fact_node, PROV.wasDerivedFrom)
        confidence[fact_node] = float(graph.value(derivation, KGO.confidence))
    assert confidence == {a: 0.7, b: 0.3}


def test_rdf_build_provenance_names_tool_model_and_time():
    graph = rdf.to_graph(Facts(document=DOCUMENT), build=rdf.Build("0.1.0", "en_core_web_sm 3.8.0", "2019-03-01T00:00:00Z"))
    build = graph.value(URIRef(rdf.graph_iri(DOCUMENT)), PROV.wasGeneratedBy)
    assert (build, RDF.type, PROV.Activity) in graph
    assert graph.value(build, PROV.used) == rdf.document_iri(DOCUMENT)
    agents = {str(graph.value(a, RDFS.label)) for a in graph.objects(build, PROV.wasAssociatedWith)}
    assert agents == {"kg_builder 0.1.0", "spaCy pipeline en_core_web_sm 3.8.0"}
    ended = graph.value(build, PROV.endedAtTime)
    assert ended.datatype == XSD.dateTime and ended.toPython().isoformat() == "2019-03-01T00:00:00+00:00"


def test_rdf_build_time_follows_source_date_epoch(monkeypatch):
    from kg_builder.pipeline import build_time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1551398400")
    assert build_time() == "2019-03-01T00:00:00Z"


def test_rdf_ntriples_terms_read_back_in_pyoxigraph_and_rdflib():
    """The writer makes N-Triples terms itself: awkward text reads back the same in both libraries, control
    characters XML cannot hold are dropped, and the build time keeps the canonical form that rdflib wrote in
    earlier builds ("+00:00"), so that a build under SOURCE_DATE_EPOCH gives the same bytes as before."""
    import pyoxigraph as ox

    awkward = 'He said "no" \\ then\nleft\tat 5\x01 to Zürich \u2014 \U0001F600\r'
    facts = make_facts(entities=ENTITIES + (Entity("person/x", "Person", awkward),))
    text = rdf.to_ntriples(facts, build=rdf.Build("0.1.0", "en_core_web_sm 3.8.0", "2019-03-01T00:00:00Z"))
    read = {q.triple for q in ox.parse(text, ox.RdfFormat.N_TRIPLES)}
    assert len(read) == len(text.splitlines())
    label = ox.Triple(ox.NamedNode(str(iri("person/x"))), ox.NamedNode(str(RDFS.label)),
                      ox.Literal(awkward.replace("\x01", "")))
    assert label in read
    assert (iri("person/x"), RDFS.label, Literal(awkward.replace("\x01", ""))) in rdf.to_graph(facts)
    assert '"2019-03-01T00:00:00+00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in text


@pytest.mark.parametrize("value, written", [
    ("plain words", '"plain words"'),
    ('a "quoted" \\ path', '"a \\"quoted\\" \\\\ path"'),
    ("two\nlines\r", '"two\\nlines\\r"'),
    ("bell\x07 and\tab\ufffe", '"bell and\tab"'),  # what XML cannot hold goes; a tab stays
    (2031, '"2031"'),
])
def test_rdf_literal_text_is_escaped_only_where_needed(value: object, written: str) -> None:
    assert rdf._text(value) == written
    assert Graph().parse(data=f"<http://example.org/s> <http://example.org/p> {written} .\n", format="nt") \
        .value(URIRef("http://example.org/s"), URIRef("http://example.org/p")) == Literal(
            str(value).replace("\x07", "").replace("\ufffe", ""))

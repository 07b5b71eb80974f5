"""Facts -> RDF. The only module that knows IRIs.

One named graph per document. Fact IRIs come from the keys the extractor
made (hashes of kind, content and sentence), so the same input gives the
same triples; serialisation is sorted N-Triples, so the same triples give
the same bytes.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Iterable, Mapping

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from .model import (Agreement, Disagreement, Document, Entity, Event, Evidence, Facts, Factuality, Position, Relation)
from .timex import from_iso, to_xsd

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
KGR = Namespace("https://w3id.org/kg-builder/id/")
GRAPHS = "https://w3id.org/kg-builder/graph/"
WIKIDATA = "http://www.wikidata.org/entity/"
ONTOLOGY_GRAPH = GRAPHS + "ontology"
TIME_BOUND = ("leaderOf", "affiliatedWith")


def graph_iri(document: Document) -> str:
    return GRAPHS + document.doc_id


def iri(key: str) -> URIRef:
    return KGR[key]


def document_iri(document: Document) -> URIRef:
    return KGR[f"document/{document.doc_id}"]


def _date(value) -> Literal:
    lexical, datatype = to_xsd(value)
    return Literal(lexical, datatype=XSD[datatype])


Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Writer:
    def __init__(self, document: Document, known_labels: Mapping[str, str]) -> None:
        self.document = document
        self.known_labels = known_labels
        self.triples: set[Triple] = set()

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def evidence(self, node: URIRef, evidence: Evidence) -> None:
        span = evidence.span
        key = f"span/{self.document.doc_id}-{span.begin}-{span.end}-{evidence.extractor.replace(':', '-')}"
        s = iri(key)
        self.add(node, PROV.wasDerivedFrom, s)
        self.add(s, RDF.type, KGO.TextSpan)
        self.add(s, KGO.sourceDocument, document_iri(self.document))
        self.add(s, KGO.sentence, Literal(span.sentence))
        self.add(s, KGO.beginIndex, Literal(span.begin))
        self.add(s, KGO.endIndex, Literal(span.end))
        self.add(s, KGO.extractor, Literal(evidence.extractor))
        self.add(s, KGO.confidence, Literal(Decimal(str(evidence.confidence))))

    def factuality(self, node: URIRef, fact: Factuality) -> None:
        self.add(node, KGO.polarity, KGO[fact.polarity])
        self.add(node, KGO.modality, KGO[fact.modality])
        if fact.attributed_to:
            self.add(node, KGO.attributedTo, iri(fact.attributed_to))

    def entity(self, entity: Entity) -> None:
        s = iri(entity.key)
        self.add(s, RDF.type, KGO[entity.kind])
        if entity.kind == "Issue":
            self.add(s, RDF.type, SKOS.Concept)
        # an entity another document already named keeps that name; this document's spelling becomes an alias
        label = self.known_labels.get(str(s), entity.label)
        self.add(s, RDFS.label, Literal(label))
        for alias in {*entity.aliases, entity.label} - {label}:
            self.add(s, SKOS.altLabel, Literal(alias))
        if entity.wikidata:
            self.add(s, KGO.wikidataId, Literal(entity.wikidata))
            self.add(s, RDFS.seeAlso, URIRef(WIKIDATA + entity.wikidata))
        for role in entity.roles:
            self.add(s, KGO.role, Literal(role))
        for status in entity.statuses:
            self.add(s, KGO.facilityStatus, Literal(status))
        self.add(s, KGO.mentionedIn, document_iri(self.document))

    def event(self, event: Event) -> None:
        s = iri(event.key)
        self.add(s, RDF.type, KGO[event.kind])
        self.add(s, RDFS.label, Literal(event.label))
        for p in event.participants:
            self.add(s, KGO.participant, iri(p))
        if event.location:
            self.add(s, KGO.location, iri(event.location))
        if event.start:
            self.add(s, KGO.startDate, _date(event.start))
        if event.end:
            self.add(s, KGO.endDate, _date(event.end))
        for issue in event.concerns:
            self.add(s, KGO.concerns, iri(issue))
        self.factuality(s, event.factuality)
        self.evidence(s, event.evidence)

    def agreement(self, agreement: Agreement) -> None:
        s = iri(agreement.key)
        self.add(s, RDF.type, KGO.Agreement)
        self.add(s, RDFS.label, Literal(agreement.label))
        for alias in agreement.aliases:
            self.add(s, SKOS.altLabel, Literal(alias))
        if agreement.status:
            self.add(s, KGO.status, KGO[agreement.status])
        if agreement.adopted_at:
            self.add(s, KGO.adoptedAt, iri(agreement.adopted_at))
        self.factuality(s, agreement.factuality)
        self.evidence(s, agreement.evidence)
        for commitment in agreement.commitments:
            c = iri(commitment.key)
            self.add(s, KGO.hasCommitment, c)
            self.add(c, RDF.type, KGO.Commitment)
            self.add(c, RDFS.label, Literal(commitment.label))
            for issue in commitment.concerns:
                self.add(c, KGO.concerns, iri(issue))
            if commitment.fulfilled_by:
                self.add(c, KGO.fulfilledBy, iri(commitment.fulfilled_by))
            self.evidence(c, commitment.evidence)

    def position(self, position: Position) -> None:
        s = iri(position.key)
        self.add(s, RDF.type, KGO.PolicyPosition)
        self.add(s, RDFS.label, Literal(f"{position.stance.lower()}: {position.issue.split('/')[-1].replace('-', ' ')}"))
        self.add(s, KGO.holder, iri(position.holder))
        self.add(s, KGO.stance, KGO[position.stance])
        self.add(s, KGO.concerns, iri(position.issue))
        self.factuality(s, position.factuality)
        self.evidence(s, position.evidence)

    def disagreement(self, disagreement: Disagreement) -> None:
        s = iri(disagreement.key)
        self.add(s, RDF.type, KGO.Disagreement)
        self.add(s, RDFS.label, Literal("disagreement over " + ", ".join(i.split("/")[-1].replace("-", " ") for i in disagreement.issues)))
        for party in disagreement.parties:
            self.add(s, KGO.party, iri(party))
        for issue in disagreement.issues:
            self.add(s, KGO.concerns, iri(issue))
        self.factuality(s, disagreement.factuality)
        self.evidence(s, disagreement.evidence)

    def relation(self, relation: Relation) -> None:
        """Every relation is a Claim; the plain triple only when the text states it as fact."""
        subject, obj, predicate = iri(relation.subject), iri(relation.object), KGO[relation.predicate]
        span = relation.evidence.span
        claim = KGR[f"claim/{self.document.doc_id}-{_short(relation.subject, relation.predicate, relation.object, span.begin)}"]
        self.add(claim, RDF.type, KGO.Claim)
        self.add(claim, RDFS.label, Literal(f"{relation.predicate} claim"))
        self.add(claim, RDF.subject, subject)
        self.add(claim, RDF.predicate, predicate)
        self.add(claim, RDF.object, obj)
        self.factuality(claim, relation.factuality)
        self.evidence(claim, relation.evidence)
        if relation.predicate in TIME_BOUND and self.document.published:
            # "President Moon" is true when the text was written, not forever
            self.add(claim, KGO.validAt, _date(from_iso(self.document.published)))
        if relation.factuality.is_plain_fact:
            self.add(subject, predicate, obj)

    def source(self) -> None:
        d = self.document
        s = document_iri(d)
        self.add(s, RDF.type, KGO.SourceDocument)
        self.add(s, DCTERMS.identifier, Literal(d.doc_id))
        self.add(s, DCTERMS.title, Literal(d.title or d.doc_id))
        self.add(s, KGO.characterCount, Literal(len(d.text)))
        if d.published:
            self.add(s, DCTERMS.date, _date(from_iso(d.published)))
        if d.url:
            self.add(s, DCTERMS.source, URIRef(d.url))


def _short(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def entity_iris(facts: Facts) -> list[str]:
    return [str(iri(e.key)) for e in facts.entities]


def to_triples(facts: Facts, known_labels: Mapping[str, str] | None = None) -> set[Triple]:
    """The triples of one document; `known_labels` are the labels other documents gave its entities."""
    writer = _Writer(facts.document, known_labels or {})
    writer.source()
    for entity in facts.entities:
        writer.entity(entity)
    for creator in facts.creators:
        writer.add(document_iri(facts.document), DCTERMS.creator, iri(creator))
    if facts.publisher:
        writer.add(document_iri(facts.document), DCTERMS.publisher, iri(facts.publisher))
    for event in facts.events:
        writer.event(event)
    for agreement in facts.agreements:
        writer.agreement(agreement)
    for position in facts.positions:
        writer.position(position)
    for disagreement in facts.disagreements:
        writer.disagreement(disagreement)
    for relation in facts.relations:
        writer.relation(relation)
    return writer.triples


def to_graph(facts: Facts) -> Graph:
    graph = Graph()
    for triple in to_triples(facts):
        graph.add(triple)
    return graph


def to_ntriples(triples: Iterable[Triple]) -> str:
    """Sorted N-Triples: byte-identical for the same triples (a Graph is an iterable of triples too)."""
    return "".join(sorted(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples))


def _nt(term: URIRef | Literal) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'

"""Facts -> RDF. The only module that knows IRIs.

One named graph per document. A fact's IRI is minted from what the fact
says: its kind, its arguments and its evidence sentence (whitespace
normalised), never from character offsets, so that an unchanged fact keeps
its IRI when a paragraph is inserted above it and two builds can be compared
(``kg diff``). Factuality is left out of the hash: a fact the text now
negates is the same fact, changed. Serialisation is sorted N-Triples, so the
same triples give the same bytes.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Iterable, Mapping
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

OA = Namespace("http://www.w3.org/ns/oa#")
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector

from .model import (Agreement, Disagreement, Document, Entity, Event, Evidence, Facts, Factuality, Position, Relation)
from .timex import from_iso, to_xsd

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
KGR = Namespace("https://w3id.org/kg-builder/id/")
GRAPHS = "https://w3id.org/kg-builder/graph/"
DOCUMENT_GRAPHS = GRAPHS + "doc/"  # + doc_id; system graphs (the ontology) sit outside it
WIKIDATA = "http://www.wikidata.org/entity/"
ONTOLOGY_GRAPH = GRAPHS + "ontology"
DATASET_GRAPH = GRAPHS + "dataset"  # in exports: the dataset's description and the OWL header
# canned answers the store keeps (answers.py): outside the union and the exports, dropped by any other write
ANSWERS_GRAPH = GRAPHS + "answers"
ONTOLOGY_IRI = "https://w3id.org/kg-builder/ontology"
DATASET_IRI = KGR["dataset"]
EXPORT_IRI = "https://w3id.org/kg-builder/export"
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")

# One prefix per kind of node, so that every IRI the tool mints is a plain prefixed name
# (kgs:north-korea, not kgr:state\/north-korea) that pastes back into a query and that
# OWL API and Virtuoso read unescaped.
KIND_PREFIXES: dict[str, str] = {
    "kgp": "person", "kgs": "state", "kgorg": "organization", "kgloc": "location", "kgfac": "facility",
    "kgiss": "issue", "kgev": "event", "kgagr": "agreement", "kgcom": "commitment", "kgpos": "position",
    "kgdis": "disagreement", "kgcl": "claim", "kgspan": "span", "kgdoc": "document",
    "kgbuild": "build", "kgagent": "agent",
}
PREFIXES: dict[str, str] = {  # declared in this order in Turtle, TriG and queries
    "kgo": str(KGO),
    **{prefix: f"{KGR}{kind}/" for prefix, kind in KIND_PREFIXES.items()},
    "kgr": str(KGR),
    "kgg": GRAPHS,
    "kgdg": GRAPHS + "doc/",  # the documents' graphs (DOCUMENT_GRAPHS)
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "wd": WIKIDATA,
}
TIME_BOUND = ("leaderOf", "affiliatedWith", "role")


FACT_KINDS = ("event", "agreement", "commitment", "position", "disagreement", "claim")


def shorten(iri: str) -> str:
    """``kgs:north-korea`` for an IRI under one of the project's prefixes (the longest that fits), else the IRI."""
    fits = [p for p, ns in PREFIXES.items() if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns):])]
    if not fits:
        return iri
    best = max(fits, key=lambda p: len(PREFIXES[p]))
    return f"{best}:{iri[len(PREFIXES[best]):]}"


# a local name that needs no escape in SPARQL, Turtle and JSON-LD
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[\w.-]*[\w-])?")


def document_id_of(value: str) -> str | None:
    """The document id in a document's IRI (kgdoc:ID), else None."""
    prefix = f"{KGR}document/"
    return value[len(prefix):] if value.startswith(prefix) else None


def is_fact_iri(value: str) -> bool:
    """True for the IRI of a fact node (which has evidence), False for entities and everything else."""
    return any(value.startswith(f"{KGR}{kind}/") for kind in FACT_KINDS)


def graph_iri(document: Document) -> str:
    return document_graph_iri(document.doc_id)


def document_graph_iri(doc_id: str) -> str:
    """The named graph of the document ``doc_id`` (an id from ``sources.document_id``, IRI-safe).

    A document graph's IRI is returned as it is, so users may name a document either way.
    """
    return doc_id if doc_id.startswith(DOCUMENT_GRAPHS) else DOCUMENT_GRAPHS + doc_id


@dataclass(frozen=True)
class AnswerTerms:
    """The IRIs of one kept canned answer in ANSWERS_GRAPH: its node says which query text it
    answers (a digest), its variables, how many rows were kept and whether more exist; each page
    of rows is a node of its own with its number and its rows' cells (one literal), under
    predicates of this answer alone, so that a first page is one look-up of its number."""

    node: str
    text: str
    variables: str
    rows: str
    more: str
    page: str
    cells: str

    def page_node(self, number: int) -> str:
        return f"{self.node}/{number}"


def answer_terms(query_name: str) -> AnswerTerms:
    node = f"{ANSWERS_GRAPH}/{quote(query_name, safe='')}"
    return AnswerTerms(node, *(f"{node}#{part}" for part in ("text", "variables", "rows", "more", "page", "cells")))


def iri(key: str) -> URIRef:
    return KGR[key]


def document_iri(document: Document) -> URIRef:
    return KGR[f"document/{document.doc_id}"]


def _date(value) -> Literal:
    lexical, datatype = to_xsd(value)
    return Literal(lexical, datatype=XSD[datatype])


Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Writer:
    def __init__(self, document: Document, known_labels: Mapping[str, str], minted: Mapping[str, URIRef]) -> None:
        self.document = document
        self.known_labels = known_labels
        self.minted = minted
        self.spans = _SpanNames(document.doc_id)
        self.triples: set[Triple] = set()

    def node(self, key: str) -> URIRef:
        """The IRI of a fact (minted from its content) or of an entity (from its key)."""
        return self.minted.get(key) or iri(key)

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def evidence(self, node: URIRef, evidence: Evidence) -> None:
        span = evidence.span
        s = self.spans.name(span, evidence.extractor)
        self.add(node, PROV.wasDerivedFrom, s)
        # the fact's own derivation carries its confidence: a span is shared by the facts of its sentence
        derivation = URIRef(f"{node}-derivation")
        self.add(node, PROV.qualifiedDerivation, derivation)
        self.add(derivation, RDF.type, PROV.Derivation)
        self.add(derivation, PROV.entity, s)
        self.add(derivation, KGO.extractor, Literal(evidence.extractor))
        self.add(derivation, KGO.confidence, Literal(Decimal(str(evidence.confidence))))
        self.add(s, RDF.type, KGO.TextSpan)
        self.add(s, KGO.sourceDocument, document_iri(self.document))
        self.add(s, KGO.sentence, Literal(span.sentence))
        self.add(s, KGO.beginIndex, Literal(span.begin))
        self.add(s, KGO.endIndex, Literal(span.end))
        self.add(s, KGO.extractor, Literal(evidence.extractor))
        self.add(s, KGO.confidence, Literal(Decimal(str(evidence.confidence))))
        self.selectors(s, span)

    def selectors(self, s: URIRef, span) -> None:
        """The span as a W3C Web Annotation target: position and quote selectors on the cleaned text."""
        text = self.document.text
        self.add(s, OA.hasSource, document_iri(self.document))
        position, quote = URIRef(f"{s}-position"), URIRef(f"{s}-quote")
        self.add(s, OA.hasSelector, position)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(span.begin, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(s, OA.hasSelector, quote)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(text[span.begin:span.end]))
        self.add(quote, OA.prefix, Literal(text[max(0, span.begin - QUOTE_CONTEXT):span.begin]))
        self.add(quote, OA.suffix, Literal(text[span.end:span.end + QUOTE_CONTEXT]))

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
        for i, role in enumerate(entity.role_readings):
            self.claim(self.minted[_role_ref(entity.key, i)], s, "role", Literal(role.title), role.factuality,
                       role.evidence)
        for status in entity.statuses:
            self.add(s, KGO.facilityStatus, Literal(status))
        self.add(s, KGO.mentionedIn, document_iri(self.document))

    def event(self, event: Event) -> None:
        s = self.node(event.key)
        self.add(s, RDF.type, KGO[event.kind])
        self.add(s, RDFS.label, Literal(event.label))
        for alias in event.aliases:
            self.add(s, SKOS.altLabel, Literal(alias))
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
        s = self.node(agreement.key)
        self.add(s, RDF.type, KGO.Agreement)
        self.add(s, RDFS.label, Literal(agreement.label))
        for alias in agreement.aliases:
            self.add(s, SKOS.altLabel, Literal(alias))
        if agreement.status:
            self.add(s, KGO.status, KGO[agreement.status])
        if agreement.adopted_at:
            self.add(s, KGO.adoptedAt, self.node(agreement.adopted_at))
        self.factuality(s, agreement.factuality)
        self.evidence(s, agreement.evidence)
        for commitment in agreement.commitments:
            c = self.node(commitment.key)
            self.add(s, KGO.hasCommitment, c)
            self.add(c, RDF.type, KGO.Commitment)
            self.add(c, RDFS.label, Literal(commitment.label))
            for issue in commitment.concerns:
                self.add(c, KGO.concerns, iri(issue))
            if commitment.fulfilled_by:
                self.add(c, KGO.fulfilledBy, self.node(commitment.fulfilled_by))
            self.evidence(c, commitment.evidence)

    def position(self, position: Position) -> None:
        s = self.node(position.key)
        self.add(s, RDF.type, KGO.PolicyPosition)
        self.add(s, RDFS.label, Literal(f"{position.stance.lower()}: {position.issue.split('/')[-1].replace('-', ' ')}"))
        self.add(s, KGO.holder, iri(position.holder))
        self.add(s, KGO.stance, KGO[position.stance])
        self.add(s, KGO.concerns, iri(position.issue))
        self.factuality(s, position.factuality)
        self.evidence(s, position.evidence)

    def disagreement(self, disagreement: Disagreement) -> None:
        s = self.node(disagreement.key)
        self.add(s, RDF.type, KGO.Disagreement)
        self.add(s, RDFS.label, Literal("disagreement over " + ", ".join(i.split("/")[-1].replace("-", " ") for i in disagreement.issues)))
        for party in disagreement.parties:
            self.add(s, KGO.party, iri(party))
        for issue in disagreement.issues:
            self.add(s, KGO.concerns, iri(issue))
        self.factuality(s, disagreement.factuality)
        self.evidence(s, disagreement.evidence)

    def relation(self, relation: Relation, claim: URIRef) -> None:
        self.claim(claim, self.node(relation.subject), relation.predicate, self.node(relation.object),
                   relation.factuality, relation.evidence)

    def claim(self, claim: URIRef, subject: URIRef, name: str, obj: URIRef | Literal, fact: Factuality,
              evidence: Evidence) -> None:
        """Every relation or role is a Claim; the plain triple only when the text states it as fact."""
        predicate = KGO[name]
        self.add(claim, RDF.type, KGO.Claim)
        self.add(claim, RDFS.label, Literal(f"{name} claim"))
        self.add(claim, RDF.subject, subject)
        self.add(claim, RDF.predicate, predicate)
        self.add(claim, RDF.object, obj)
        self.factuality(claim, fact)
        self.evidence(claim, evidence)
        if name in TIME_BOUND and self.document.published:
            # "President Moon" is true when the text was written, not forever
            self.add(claim, KGO.validAt, _date(from_iso(self.document.published)))
        if fact.is_plain_fact:
            self.add(subject, predicate, obj)

    def source(self) -> None:
        d = self.document
        s = document_iri(d)
        self.add(s, RDF.type, KGO.SourceDocument)
        self.add(s, DCTERMS.identifier, Literal(d.doc_id))
        self.add(s, DCTERMS.title, Literal(d.title or PurePath(d.path).name))
        self.add(s, KGO.characterCount, Literal(len(d.text)))
        # the text every offset indexes, and its digest, so that spans can be checked and shown
        self.add(s, KGO.cleanedText, Literal(d.text))
        self.add(s, KGO.textSha256, Literal(text_digest(d.text)))
        if d.published:
            self.add(s, DCTERMS.date, _date(from_iso(d.published)))
        if d.url:
            self.add(s, DCTERMS.source, URIRef(d.url))


def text_digest(text: str) -> str:
    """SHA-256 of the cleaned text in UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _short(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def normal_sentence(sentence: str) -> str:
    """The sentence as compared across builds: Unicode NFKC, whitespace runs made one space."""
    return " ".join(unicodedata.normalize("NFKC", sentence).split())


def _claim_ref(index: int) -> str:
    return f"\x00claim-{index}"  # relations have no key of their own; never an entity key


def _role_ref(entity: str, index: int) -> str:
    return f"\x00role-{entity}-{index}"  # nor have the roles of an entity


class _Names:
    """Unique local names in one document: the same content twice gets -2, -3, ... in text order."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, base: str) -> str:
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name


class _SpanNames(_Names):
    """A TextSpan IRI from the document, the extractor and the sentence's words (not its offsets)."""

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.named: dict[tuple[int, int, str], URIRef] = {}

    def name(self, span, extractor: str) -> URIRef:
        where = (span.begin, span.end, extractor)
        if where not in self.named:
            base = f"span/{self.doc_id}-{_short(extractor, normal_sentence(span.sentence))}"
            self.named[where] = iri(self.unique(base))
        return self.named[where]


def mint_fact_iris(facts: Facts) -> dict[str, URIRef]:
    """Fact key (and claim reference) -> IRI, hashed from kind, arguments and normalised sentence."""
    doc = facts.document.doc_id
    wanted: list[tuple[str, int, str]] = []  # (base name, offset, key), sorted so that repeats number in text order

    def want(kind: str, key: str, evidence: Evidence, *content: object) -> None:
        digest = _short(kind, *content, normal_sentence(evidence.span.sentence))
        wanted.append((f"{kind}/{doc}-{digest}", evidence.span.begin, key))

    for e in facts.events:
        want("event", e.key, e.evidence, e.kind, e.label, sorted(e.participants), e.location,
             e.start and e.start.iso, e.end and e.end.iso, sorted(e.concerns))
    for a in facts.agreements:
        want("agreement", a.key, a.evidence, a.label)
    for p in facts.positions:
        want("position", p.key, p.evidence, p.holder, p.stance, p.issue)
    for d in facts.disagreements:
        want("disagreement", d.key, d.evidence, sorted(d.parties), sorted(d.issues))
    minted: dict[str, URIRef] = {}
    names = _Names()
    for base, _, key in sorted(wanted):
        minted.setdefault(key, iri(names.unique(base)))
    # commitments and claims name the agreement or entity they are about by its IRI
    later: list[tuple[str, int, str]] = []
    for a in facts.agreements:
        for c in a.commitments:
            digest = _short("commitment", minted[a.key], c.label, normal_sentence(c.evidence.span.sentence))
            later.append((f"commitment/{doc}-{digest}", c.evidence.span.begin, c.key))
    for i, r in enumerate(facts.relations):
        subject, obj = minted.get(r.subject, iri(r.subject)), minted.get(r.object, iri(r.object))
        digest = _short(subject, r.predicate, obj, normal_sentence(r.evidence.span.sentence))
        later.append((f"claim/{doc}-{digest}", r.evidence.span.begin, _claim_ref(i)))
    for e in facts.entities:
        for i, role in enumerate(e.role_readings):
            digest = _short(iri(e.key), "role", role.title, normal_sentence(role.evidence.span.sentence))
            later.append((f"claim/{doc}-{digest}", role.evidence.span.begin, _role_ref(e.key, i)))
    for base, _, key in sorted(later):
        minted.setdefault(key, iri(names.unique(base)))
    return minted


def entity_iris(facts: Facts) -> list[str]:
    return [str(iri(e.key)) for e in facts.entities]


def to_triples(facts: Facts, known_labels: Mapping[str, str] | None = None) -> set[Triple]:
    """The triples of one document; `known_labels` are the labels other documents gave its entities."""
    minted = mint_fact_iris(facts)
    writer = _Writer(facts.document, known_labels or {}, minted)
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
    for i, relation in enumerate(facts.relations):
        writer.relation(relation, minted[_claim_ref(i)])
    return writer.triples


def to_graph(facts: Facts) -> Graph:
    graph = Graph()
    for triple in to_triples(facts):
        graph.add(triple)
    return graph


def to_ntriples(triples: Iterable[Triple]) -> str:
    """Sorted N-Triples: byte-identical for the same triples (a Graph is an iterable of triples too)."""
    return "".join(sorted(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples))


# What XML 1.0 cannot hold, so that every export (RDF/XML too) parses back: the text of a
# document is cleaned when read, but titles, names and file names come from elsewhere.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _nt(term: URIRef | Literal) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    text = _NOT_IN_XML.sub("", str(term)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


# -- build provenance and the dataset description -------------------------------------------

def build_triples(document: Document, tool_version: str, model: str, ended_at: str) -> set[Triple]:
    """PROV-O for one build: which tool and model made the document's graph from its text, and when.

    ``model`` is "name version" of the spaCy pipeline; ``ended_at`` an xsd:dateTime in UTC.
    """
    graph, build = URIRef(graph_iri(document)), KGR[f"build/{document.doc_id}"]
    tool = KGR[f"agent/kg_builder-{slug_part(tool_version)}"]
    nlp = KGR[f"agent/spacy-{slug_part(model)}"]
    return {
        (graph, PROV.wasGeneratedBy, build),
        (build, RDF.type, PROV.Activity),
        (build, RDFS.label, Literal(f"kg build of {document.doc_id}")),
        (build, PROV.used, document_iri(document)),
        (build, PROV.wasAssociatedWith, tool),
        (build, PROV.wasAssociatedWith, nlp),
        (build, PROV.endedAtTime, Literal(ended_at, datatype=XSD.dateTime)),
        (tool, RDF.type, PROV.SoftwareAgent),
        (tool, RDFS.label, Literal(f"kg_builder {tool_version}")),
        (nlp, RDF.type, PROV.SoftwareAgent),
        (nlp, RDFS.label, Literal(f"spaCy pipeline {model}")),
    }


def slug_part(text: str) -> str:
    """A version or model name as an IRI local part: letters, digits, '.', '_' and '-'."""
    return "".join(c if c.isalnum() or c in "._-" else "-" for c in text).strip(".-") or "x"


def dataset_triples(graph_sizes: Mapping[str, int], total: int, license_iri: str | None = None) -> set[Triple]:
    """VoID and DCAT for an export: the documents' graphs as subsets with their triple counts.

    Also the OWL header that lets OWL tools open the export: an owl:Ontology importing kgo.
    """
    d = DATASET_IRI
    out: set[Triple] = {
        (d, RDF.type, VOID.Dataset), (d, RDF.type, DCAT.Dataset),
        # rdfs:label, not dcterms:title: scorers read every node with a dcterms:title as a source document
        (d, RDFS.label, Literal("kg_builder knowledge graph")),
        (d, DCTERMS.description, Literal("Facts extracted from articles on international politics, each with "
                                         "its evidence sentence and factuality; one named graph per document.")),
        (d, VOID.triples, Literal(total)),
        (d, VOID.uriSpace, Literal(str(KGR))),
        (d, VOID.vocabulary, URIRef(str(KGO))),
        (d, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)),
        (URIRef(EXPORT_IRI), RDF.type, OWL.Ontology),
        (URIRef(EXPORT_IRI), OWL.imports, URIRef(ONTOLOGY_IRI)),
        (URIRef(EXPORT_IRI), RDFS.label, Literal("kg_builder export")),
    }
    if license_iri:
        out.add((d, DCTERMS.license, URIRef(license_iri)))
    for name, size in graph_sizes.items():
        g = URIRef(name)
        out |= {(d, VOID.subset, g), (g, RDF.type, VOID.Dataset), (g, VOID.triples, Literal(size))}
        if name.startswith(DOCUMENT_GRAPHS):
            out.add((g, DCTERMS.source, KGR[f"document/{name[len(DOCUMENT_GRAPHS):]}"]))
    return out

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
from datetime import datetime
from decimal import Decimal
from pathlib import PurePath
from typing import Mapping
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

OA = Namespace("http://www.w3.org/ns/oa#")
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector

from .model import (Agreement, Disagreement, Document, Entity, Event, Evidence, Facts, Factuality, Position, Relation,
                    Span)
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


# The graph is written straight as N-Triples terms (strings), with no rdflib term in between:
# making an rdflib Literal or URIRef per triple cost more than the rest of the write.


class _Terms:
    """The IRIs of one namespace as N-Triples terms, each made once: ``_KGO.Claim`` is ``<https://…#Claim>``."""

    def __init__(self, namespace: object) -> None:
        self._namespace = str(namespace)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = f"<{self._namespace}{name}>"
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


_KGO, _RDF, _RDFS, _OWL, _XSD = (_Terms(ns) for ns in (KGO, RDF, RDFS, OWL, XSD))
_PROV, _SKOS, _DCTERMS, _OA, _VOID, _DCAT = (_Terms(ns) for ns in (PROV, SKOS, DCTERMS, OA, VOID, DCAT))


def _node(value: object) -> str:
    """An IRI as an N-Triples term."""
    return f"<{value}>"


def _resource(key: str) -> str:
    """The N-Triples term of ``iri(key)``."""
    return f"<{KGR}{key}>"


# What XML 1.0 cannot hold, so that every export (RDF/XML too) parses back: the text of a
# document is cleaned when read, but titles, names and file names come from elsewhere.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# what a literal's text must lose or have escaped (a superset of _NOT_IN_XML): most texts hold none of it
_TO_CLEAN = re.compile('[\x00-\x1f"\\\\\ufffe\uffff]')


def _text(value: object, datatype: str = "") -> str:
    """A literal as an N-Triples term: a plain string, or ``value`` typed by the term ``datatype``."""
    text = str(value)
    if _TO_CLEAN.search(text):
        text = _NOT_IN_XML.sub("", text).replace("\\", "\\\\").replace('"', '\\"') \
            .replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"^^{datatype}' if datatype else f'"{text}"'


def _integer(value: int) -> str:
    return _text(value, _XSD.integer)


def _decimal(value: float) -> str:
    """A confidence as xsd:decimal, written as rdflib wrote it in earlier builds (no exponent)."""
    return _text(f"{Decimal(str(value)):f}", _XSD.decimal)


def _date(value) -> str:
    lexical, datatype = to_xsd(value)
    return _text(lexical, _XSD[datatype])


class _Writer:
    """The N-Triples lines of one document's graph; every term is already an N-Triples term."""

    def __init__(self, document: Document, known_labels: Mapping[str, str], minted: Mapping[str, URIRef]) -> None:
        self.document = document
        self.doc = _node(document_iri(document))
        self.known_labels = known_labels
        self.minted = minted
        self.spans = _SpanNames(document.doc_id)
        self.lines: set[str] = set()
        self.spans_written: set[tuple[str, Span]] = set()  # (span node, span) whose own triples are in ``lines``
        self.span_confidence: dict[str, float] = {}  # span node -> the highest confidence of the facts read from it

    def node(self, key: str) -> str:
        """The IRI of a fact (minted from its content) or of an entity (from its key)."""
        return _node(self.minted.get(key) or f"{KGR}{key}")

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.add(f"{s} {p} {o} .\n")

    def evidence(self, node: str, evidence: Evidence) -> None:
        span = evidence.span
        s = _node(self.spans.name(span, evidence.extractor))
        self.add(node, _PROV.wasDerivedFrom, s)
        # the fact's own derivation carries its confidence: a span is shared by the facts of its sentence
        derivation = f"{node[:-1]}-derivation>"
        extractor, confidence = _text(evidence.extractor), _decimal(evidence.confidence)
        self.add(node, _PROV.qualifiedDerivation, derivation)
        self.add(derivation, _RDF.type, _PROV.Derivation)
        self.add(derivation, _PROV.entity, s)
        self.add(derivation, _KGO.extractor, extractor)
        self.add(derivation, _KGO.confidence, confidence)
        self.add(s, _KGO.extractor, extractor)
        # a span has one confidence (kgsh:TextSpanConfidence): the highest of the facts its extractor read from it
        self.span_confidence[s] = max(self.span_confidence.get(s, 0.0), evidence.confidence)
        if (s, span) in self.spans_written:
            return  # the facts of a sentence share its span: its text and selectors are written once
        self.spans_written.add((s, span))
        self.add(s, _RDF.type, _KGO.TextSpan)
        self.add(s, _KGO.sourceDocument, self.doc)
        self.add(s, _KGO.sentence, _text(span.sentence))
        self.add(s, _KGO.beginIndex, _integer(span.begin))
        self.add(s, _KGO.endIndex, _integer(span.end))
        self.selectors(s, span)

    def selectors(self, s: str, span) -> None:
        """The span as a W3C Web Annotation target: position and quote selectors on the cleaned text."""
        text = self.document.text
        self.add(s, _OA.hasSource, self.doc)
        position, quote = f"{s[:-1]}-position>", f"{s[:-1]}-quote>"
        self.add(s, _OA.hasSelector, position)
        self.add(position, _RDF.type, _OA.TextPositionSelector)
        self.add(position, _OA.start, _text(span.begin, _XSD.nonNegativeInteger))
        self.add(position, _OA.end, _text(span.end, _XSD.nonNegativeInteger))
        self.add(s, _OA.hasSelector, quote)
        self.add(quote, _RDF.type, _OA.TextQuoteSelector)
        self.add(quote, _OA.exact, _text(text[span.begin:span.end]))
        self.add(quote, _OA.prefix, _text(text[max(0, span.begin - QUOTE_CONTEXT):span.begin]))
        self.add(quote, _OA.suffix, _text(text[span.end:span.end + QUOTE_CONTEXT]))

    def factuality(self, node: str, fact: Factuality) -> None:
        self.add(node, _KGO.polarity, _KGO[fact.polarity])
        self.add(node, _KGO.modality, _KGO[fact.modality])
        if fact.attributed_to:
            self.add(node, _KGO.attributedTo, _resource(fact.attributed_to))

    def entity(self, entity: Entity) -> None:
        s = _resource(entity.key)
        self.add(s, _RDF.type, _KGO[entity.kind])
        if entity.kind == "Issue":
            self.add(s, _RDF.type, _SKOS.Concept)
        # an entity another document already named keeps that name; this document's spelling becomes an alias
        label = self.known_labels.get(f"{KGR}{entity.key}", entity.label)
        self.add(s, _RDFS.label, _text(label))
        for alias in {*entity.aliases, entity.label} - {label}:
            self.add(s, _SKOS.altLabel, _text(alias))
        if entity.wikidata:
            self.add(s, _KGO.wikidataId, _text(entity.wikidata))
            self.add(s, _RDFS.seeAlso, _node(WIKIDATA + entity.wikidata))
        for i, role in enumerate(entity.role_readings):
            self.claim(_node(self.minted[_role_ref(entity.key, i)]), s, "role", _text(role.title), role.factuality,
                       role.evidence)
        for status in entity.statuses:
            self.add(s, _KGO.facilityStatus, _text(status))
        self.add(s, _KGO.mentionedIn, self.doc)

    def event(self, event: Event) -> None:
        s = self.node(event.key)
        self.add(s, _RDF.type, _KGO[event.kind])
        self.add(s, _RDFS.label, _text(event.label))
        for alias in event.aliases:
            self.add(s, _SKOS.altLabel, _text(alias))
        for p in event.participants:
            self.add(s, _KGO.participant, _resource(p))
        if event.location:
            self.add(s, _KGO.location, _resource(event.location))
        if event.start:
            self.add(s, _KGO.startDate, _date(event.start))
        if event.end:
            self.add(s, _KGO.endDate, _date(event.end))
        for issue in event.concerns:
            self.add(s, _KGO.concerns, _resource(issue))
        self.factuality(s, event.factuality)
        self.evidence(s, event.evidence)

    def agreement(self, agreement: Agreement) -> None:
        s = self.node(agreement.key)
        self.add(s, _RDF.type, _KGO.Agreement)
        self.add(s, _RDFS.label, _text(agreement.label))
        for alias in agreement.aliases:
            self.add(s, _SKOS.altLabel, _text(alias))
        if agreement.status:
            self.add(s, _KGO.status, _KGO[agreement.status])
        if agreement.adopted_at:
            self.add(s, _KGO.adoptedAt, self.node(agreement.adopted_at))
        self.factuality(s, agreement.factuality)
        self.evidence(s, agreement.evidence)
        for commitment in agreement.commitments:
            c = self.node(commitment.key)
            self.add(s, _KGO.hasCommitment, c)
            self.add(c, _RDF.type, _KGO.Commitment)
            self.add(c, _RDFS.label, _text(commitment.label))
            for issue in commitment.concerns:
                self.add(c, _KGO.concerns, _resource(issue))
            if commitment.fulfilled_by:
                self.add(c, _KGO.fulfilledBy, self.node(commitment.fulfilled_by))
            self.evidence(c, commitment.evidence)

    def position(self, position: Position) -> None:
        s = self.node(position.key)
        self.add(s, _RDF.type, _KGO.PolicyPosition)
        self.add(s, _RDFS.label, _text(f"{position.stance.lower()}: {position.issue.split('/')[-1].replace('-', ' ')}"))
        self.add(s, _KGO.holder, _resource(position.holder))
        self.add(s, _KGO.stance, _KGO[position.stance])
        self.add(s, _KGO.concerns, _resource(position.issue))
        self.factuality(s, position.factuality)
        self.evidence(s, position.evidence)

    def disagreement(self, disagreement: Disagreement) -> None:
        s = self.node(disagreement.key)
        self.add(s, _RDF.type, _KGO.Disagreement)
        self.add(s, _RDFS.label, _text("disagreement over " + ", ".join(i.split("/")[-1].replace("-", " ")
                                                                         for i in disagreement.issues)))
        for party in disagreement.parties:
            self.add(s, _KGO.party, _resource(party))
        for issue in disagreement.issues:
            self.add(s, _KGO.concerns, _resource(issue))
        self.factuality(s, disagreement.factuality)
        self.evidence(s, disagreement.evidence)

    def relation(self, relation: Relation, claim: str) -> None:
        self.claim(claim, self.node(relation.subject), relation.predicate, self.node(relation.object),
                   relation.factuality, relation.evidence)

    def claim(self, claim: str, subject: str, name: str, obj: str, fact: Factuality, evidence: Evidence) -> None:
        """Every relation or role is a Claim; the plain triple only when the text states it as fact."""
        predicate = _KGO[name]
        self.add(claim, _RDF.type, _KGO.Claim)
        self.add(claim, _RDFS.label, _text(f"{name} claim"))
        self.add(claim, _RDF.subject, subject)
        self.add(claim, _RDF.predicate, predicate)
        self.add(claim, _RDF.object, obj)
        self.factuality(claim, fact)
        self.evidence(claim, evidence)
        if name in TIME_BOUND and self.document.published:
            # "President Moon" is true when the text was written, not forever
            self.add(claim, _KGO.validAt, _date(from_iso(self.document.published)))
        if fact.is_plain_fact:
            self.add(subject, predicate, obj)

    def source(self) -> None:
        d, s = self.document, self.doc
        self.add(s, _RDF.type, _KGO.SourceDocument)
        self.add(s, _DCTERMS.identifier, _text(d.doc_id))
        self.add(s, _DCTERMS.title, _text(d.title or PurePath(d.path).name))
        self.add(s, _KGO.characterCount, _integer(len(d.text)))
        # the text every offset indexes, and its digest, so that spans can be checked and shown
        self.add(s, _KGO.cleanedText, _text(d.text))
        self.add(s, _KGO.textSha256, _text(text_digest(d.text)))
        if d.published:
            self.add(s, _DCTERMS.date, _date(from_iso(d.published)))
        if d.url:
            self.add(s, _DCTERMS.source, _node(d.url))

    def build(self, build: Build) -> None:
        """PROV-O for one build: which tool and model made the document's graph from its text, and when."""
        d = self.document
        graph, activity = _node(graph_iri(d)), _resource(f"build/{d.doc_id}")
        tool = _resource(f"agent/kg_builder-{slug_part(build.tool_version)}")
        nlp = _resource(f"agent/spacy-{slug_part(build.model)}")
        self.add(graph, _PROV.wasGeneratedBy, activity)
        self.add(activity, _RDF.type, _PROV.Activity)
        self.add(activity, _RDFS.label, _text(f"kg build of {d.doc_id}"))
        self.add(activity, _PROV.used, self.doc)
        self.add(activity, _PROV.wasAssociatedWith, tool)
        self.add(activity, _PROV.wasAssociatedWith, nlp)
        # the canonical form (rdflib's, which earlier builds wrote): "+00:00" for "Z"
        ended = datetime.fromisoformat(build.ended_at).isoformat()
        self.add(activity, _PROV.endedAtTime, _text(ended, _XSD.dateTime))
        self.add(tool, _RDF.type, _PROV.SoftwareAgent)
        self.add(tool, _RDFS.label, _text(f"kg_builder {build.tool_version}"))
        self.add(nlp, _RDF.type, _PROV.SoftwareAgent)
        self.add(nlp, _RDFS.label, _text(f"spaCy pipeline {build.model}"))


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


@dataclass(frozen=True)
class Build:
    """How a document's graph was made: kg_builder's version, the spaCy pipeline ("name version") and when
    (an xsd:dateTime in UTC)."""

    tool_version: str
    model: str
    ended_at: str


def to_ntriples(facts: Facts, known_labels: Mapping[str, str] | None = None, build: Build | None = None) -> str:
    """One document's graph as sorted N-Triples (the same facts give the same bytes): its facts, and how it was
    built when ``build`` is given. ``known_labels`` are the labels other documents gave its entities."""
    minted = mint_fact_iris(facts)
    writer = _Writer(facts.document, known_labels or {}, minted)
    writer.source()
    for entity in facts.entities:
        writer.entity(entity)
    for creator in facts.creators:
        writer.add(writer.doc, _DCTERMS.creator, _resource(creator))
    if facts.publisher:
        writer.add(writer.doc, _DCTERMS.publisher, _resource(facts.publisher))
    for event in facts.events:
        writer.event(event)
    for agreement in facts.agreements:
        writer.agreement(agreement)
    for position in facts.positions:
        writer.position(position)
    for disagreement in facts.disagreements:
        writer.disagreement(disagreement)
    for i, relation in enumerate(facts.relations):
        writer.relation(relation, _node(minted[_claim_ref(i)]))
    if build is not None:
        writer.build(build)
    for span, confidence in writer.span_confidence.items():
        writer.add(span, _KGO.confidence, _decimal(confidence))
    return "".join(sorted(writer.lines))


def to_graph(facts: Facts, known_labels: Mapping[str, str] | None = None, build: Build | None = None) -> Graph:
    """``to_ntriples`` read into an rdflib Graph (for tests and rdflib's tools)."""
    return Graph().parse(data=to_ntriples(facts, known_labels, build), format="nt")


# -- the dataset description -------------------------------------------------------------------------------

def slug_part(text: str) -> str:
    """A version or model name as an IRI local part: letters, digits, '.', '_' and '-'."""
    return "".join(c if c.isalnum() or c in "._-" else "-" for c in text).strip(".-") or "x"


def dataset_ntriples(graph_sizes: Mapping[str, int], total: int, license_iri: str | None = None) -> str:
    """VoID and DCAT for an export, as sorted N-Triples: the documents' graphs as subsets with their triple counts.

    Also the OWL header that lets OWL tools open the export: an owl:Ontology importing kgo.
    """
    d, export = _node(DATASET_IRI), _node(EXPORT_IRI)
    triples = [
        (d, _RDF.type, _VOID.Dataset), (d, _RDF.type, _DCAT.Dataset),
        # rdfs:label, not dcterms:title: scorers read every node with a dcterms:title as a source document
        (d, _RDFS.label, _text("kg_builder knowledge graph")),
        (d, _DCTERMS.description, _text("Facts extracted from articles on international politics, each with "
                                        "its evidence sentence and factuality; one named graph per document.")),
        (d, _VOID.triples, _integer(total)),
        (d, _VOID.uriSpace, _text(KGR)),
        (d, _VOID.vocabulary, _node(KGO)),
        (d, _DCTERMS.conformsTo, _node(ONTOLOGY_IRI)),
        (export, _RDF.type, _OWL.Ontology),
        (export, _OWL.imports, _node(ONTOLOGY_IRI)),
        (export, _RDFS.label, _text("kg_builder export")),
    ]
    if license_iri:
        triples.append((d, _DCTERMS.license, _node(license_iri)))
    for name, size in graph_sizes.items():
        g = _node(name)
        triples += [(d, _VOID.subset, g), (g, _RDF.type, _VOID.Dataset), (g, _VOID.triples, _integer(size))]
        if name.startswith(DOCUMENT_GRAPHS):
            triples.append((g, _DCTERMS.source, _resource(f"document/{name[len(DOCUMENT_GRAPHS):]}")))
    return "".join(sorted({f"{s} {p} {o} .\n" for s, p, o in triples}))

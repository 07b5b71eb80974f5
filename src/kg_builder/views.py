"""What an analyst looks at, read from the store as plain data: a document's text,
everything about one entity, the timeline, the actor network.

The command line prints these views and ``kg serve`` draws them; neither
writes SPARQL of its own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .errors import InputError
from .queries import get_query, to_sparql_term
from .store import Store

_PROLOGUE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <https://w3id.org/kg-builder/ontology#>
"""


@dataclass(frozen=True)
class DocumentText:
    doc_id: str
    title: str
    text: str
    sha256: str


def document_text(store: Store, doc_id: str) -> DocumentText:
    """The cleaned text of a document (the text span offsets index), checked against its digest."""
    rows = store.query(_PROLOGUE + f"""
        SELECT ?title ?text ?sha WHERE {{
          ?d dcterms:identifier {to_sparql_term(doc_id)} ; kgo:cleanedText ?text ; kgo:textSha256 ?sha .
          OPTIONAL {{ ?d dcterms:title ?title }} }} LIMIT 1""").rows
    if not rows:
        raise InputError(f"no document {doc_id!r} with its text in the store",
                         hint="`kg query document` lists the documents; build older ones again to store their text")
    title, text, sha = rows[0]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
        raise InputError(f"the stored text of {doc_id} does not match its SHA-256", hint="build the document again")
    return DocumentText(doc_id, title or doc_id, text, sha)


# -- everything about one entity ---------------------------------------------------

@dataclass(frozen=True)
class Entity:
    iri: str
    label: str
    kinds: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    roles: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class AboutFact:
    fact: str  # IRI
    kind: str  # the fact's class, e.g. Summit, PolicyPosition, Claim
    statement: str  # the fact's label, or "subject predicate object" for a claim
    role: str  # how the entity (or its leader or member) takes part: participant, holder, subject, ...
    polarity: str
    modality: str
    attributed_to: str | None
    document: str
    sentence: str
    begin: int
    end: int
    via: str | None = None  # the leader or member whose act this is, when rolled up to the entity

    @property
    def how(self) -> str:
        """How the entity takes part, e.g. "as participant, via Kim Jong-un"."""
        return f"as {self.role}" + (f", via {self.via}" if self.via else "")

    @property
    def factuality(self) -> str:
        """E.g. "Positive, Hedged, according to Donald Trump"."""
        text = ", ".join(v for v in (self.polarity, self.modality) if v)
        if self.attributed_to and self.role != "reported by":
            text += f", according to {self.attributed_to}"
        return text


@dataclass(frozen=True)
class About:
    entity: Entity
    facts: tuple[AboutFact, ...]

    def by_kind(self) -> dict[str, list[AboutFact]]:
        groups: dict[str, list[AboutFact]] = {}
        for f in self.facts:
            groups.setdefault(f.kind, []).append(f)
        return dict(sorted(groups.items()))


def find_entities(store: Store, name: str) -> list[str]:
    """IRIs of the entities called ``name`` (label or alias, any case), or named by IRI / prefixed name."""
    term = to_sparql_term(name)
    if term.startswith("<"):
        return [r[0] for r in store.query(f"SELECT ?e WHERE {{ BIND({term} AS ?e) FILTER EXISTS {{ ?e a ?k }} }}").rows]
    rows = store.query(_PROLOGUE + f"""
        SELECT DISTINCT ?e WHERE {{ ?e rdfs:label|skos:altLabel ?n . ?e a ?k .
          FILTER (LCASE(STR(?n)) = LCASE({term}))
          FILTER NOT EXISTS {{ ?e prov:wasDerivedFrom ?span }} }} ORDER BY ?e""").rows
    return [r[0] for r in rows]


def about(store: Store, name: str) -> list[About]:
    """Every fact about the entities called ``name``, with the acts of their leaders and members rolled up."""
    found = find_entities(store, name)
    if not found:
        raise InputError(f"no entity called {name!r} in the store", hint=_near(store, name))
    return [About(_entity(store, iri), _facts_about(store, iri)) for iri in found]


def _near(store: Store, name: str) -> str:
    words = [w for w in name.split() if len(w) > 2] or [name]
    term = to_sparql_term(max(words, key=len))
    rows = store.query(_PROLOGUE + f"""SELECT DISTINCT ?n WHERE {{ ?e rdfs:label ?n ; a ?k .
        FILTER NOT EXISTS {{ ?e prov:wasDerivedFrom ?s }}
        FILTER CONTAINS(LCASE(STR(?n)), LCASE({term})) }} ORDER BY ?n LIMIT 8""").rows
    return ("did you mean: " + "; ".join(r[0] for r in rows)) if rows else "give a name, an alias or an IRI"


def _entity(store: Store, iri: str) -> Entity:
    e = f"<{iri}>"
    one = store.query(_PROLOGUE + f"""SELECT (MIN(STR(?l)) AS ?label) (MIN(?w) AS ?wikidata) WHERE {{
        OPTIONAL {{ {e} rdfs:label ?l }} OPTIONAL {{ {e} kgo:wikidataId ?w }} }}""").rows[0]

    def values(pattern: str) -> tuple[str, ...]:
        return tuple(r[0] for r in store.query(_PROLOGUE + f"SELECT DISTINCT ?v WHERE {{ {pattern} }} ORDER BY ?v").rows)

    kinds = tuple(v.rsplit("#", 1)[1] for v in values(f"{e} a ?v FILTER STRSTARTS(STR(?v), STR(kgo:))"))
    return Entity(iri, one[0] or iri, kinds, values(f"{e} skos:altLabel ?v"), one[1], values(f"{e} kgo:role ?v"),
                  values(f"{e} kgo:mentionedIn/dcterms:identifier ?v"))


_ABOUT = """
SELECT ?fact ?kind ?label ?p ?polarity ?modality ?speaker ?doc ?sentence ?begin ?end ?via ?cs ?cp ?co WHERE {
  { ?fact ?p ?target . BIND (?target AS ?who) }
  UNION { ?who kgo:leaderOf|kgo:affiliatedWith ?target . ?fact ?p ?who . BIND (?who AS ?via)
          FILTER NOT EXISTS { ?fact rdf:predicate kgo:role } }  # a leader's title is not an act of the state
  ?fact prov:wasDerivedFrom ?span .
  FILTER (?p != kgo:attributedTo || !BOUND(?via))
  ?span kgo:sentence ?sentence ; kgo:beginIndex ?begin ; kgo:endIndex ?end .
  OPTIONAL { ?span kgo:sourceDocument/dcterms:identifier ?doc }
  OPTIONAL { ?fact a ?c . FILTER (STRSTARTS(STR(?c), STR(kgo:))) BIND (STRAFTER(STR(?c), STR(kgo:)) AS ?kind) }
  OPTIONAL { ?fact rdfs:label ?label }
  OPTIONAL { ?fact kgo:polarity ?po } BIND (COALESCE(STRAFTER(STR(?po), STR(kgo:)), "") AS ?polarity)
  OPTIONAL { ?fact kgo:modality ?mo } BIND (COALESCE(STRAFTER(STR(?mo), STR(kgo:)), "") AS ?modality)
  OPTIONAL { ?fact kgo:attributedTo/rdfs:label ?speaker }
  OPTIONAL { ?fact rdf:subject/rdfs:label ?cs . ?fact rdf:predicate ?pred . ?fact rdf:object ?o
             OPTIONAL { ?o rdfs:label ?ol }
             BIND (STRAFTER(STR(?pred), STR(kgo:)) AS ?cp) BIND (IF(isLiteral(?o), STR(?o), ?ol) AS ?co) }
}
ORDER BY ?kind ?doc ?begin ?fact ?via
"""


def _facts_about(store: Store, iri: str) -> tuple[AboutFact, ...]:
    query = _PROLOGUE + _ABOUT.replace("WHERE {", f"WHERE {{ VALUES ?target {{ <{iri}> }}", 1)
    seen: dict[tuple[str, str | None], AboutFact] = {}
    labels = {r[0]: r[1] for r in store.query(_PROLOGUE + f"""SELECT ?w (MIN(STR(?l)) AS ?n) WHERE {{
        ?w kgo:leaderOf|kgo:affiliatedWith <{iri}> ; rdfs:label ?l }} GROUP BY ?w""").rows}
    for row in store.query(query).rows:
        fact, kind, label, prop, polarity, modality, speaker, doc, sentence, begin, end, via, cs, cp, co = row
        statement = f"{cs} {cp} {co}" if cs and cp and co else (label or fact)
        role = _ROLE_NAMES.get(_local(prop), _local(prop))
        if kind == "Claim" and role in ("subject", "object"):
            role = f"{role} of {cp}"
        item = AboutFact(fact, kind or "", statement, role, polarity, modality, speaker, doc or "", sentence,
                         int(begin), int(end), labels.get(via, via) if via else None)
        direct = (fact, None)
        if direct not in seen and (fact, item.via) not in seen:
            seen[direct if via is None else (fact, item.via)] = item
    return tuple(f for key, f in seen.items() if key[1] is None or (key[0], None) not in seen)


_ROLE_NAMES = {"attributedTo": "reported by", "concerns": "about", "location": "place"}


def format_about(found: About, shorten=lambda iri: iri) -> str:
    """The about view as text: the entity, then its facts grouped by kind, each with its sentence."""
    e = found.entity
    rolled = sum(1 for f in found.facts if f.via)
    lines = [f"{e.label}  {shorten(e.iri)}  ({', '.join(e.kinds)})"]
    details = [f"also called: {', '.join(e.aliases)}" if e.aliases else "",
               f"Wikidata: {e.wikidata}" if e.wikidata else "",
               f"roles: {', '.join(e.roles)}" if e.roles else "",
               f"in {len(e.documents)} document{'s' if len(e.documents) != 1 else ''}"]
    lines.append("  " + " · ".join(d for d in details if d))
    lines.append(f"  {len(found.facts)} facts ({rolled} through its leaders and members)")
    for kind, facts in found.by_kind().items():
        lines.append(f"\n{kind} ({len(facts)})")
        for f in facts:
            lines.append(f"  {shorten(f.fact)}  {f.statement}")
            lines.append(f"      {f.how} · {f.factuality} · {f.document}[{f.begin}:{f.end}]")
            lines.append(f"      \"{' '.join(f.sentence.split())}\"")
    return "\n".join(lines) + "\n"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# -- timeline and actor network ------------------------------------------------------

@dataclass(frozen=True)
class TimelineEntry:
    start: str  # xsd lexical form at the text's precision: 2019-02-27, 2019-02 or 2019
    end: str | None
    label: str
    kind: str
    fact: str


def timeline(store: Store) -> list[TimelineEntry]:
    """The dated facts the text asserts as having happened (the canned `timeline` question), in order."""
    result = store.query(get_query("timeline").text)
    col = {v: i for i, v in enumerate(result.variables)}
    return [TimelineEntry(r[col["date"]], r[col["end"]], r[col["event"]] or "", r[col["kind"]] or "", r[col["fact"]])
            for r in result.rows if r[col["date"]]]


@dataclass(frozen=True)
class Tie:
    a: str  # IRIs, a < b
    b: str
    relation: str  # "met", "signed with", "disagreed with", "allied with"
    count: int  # facts that state it


@dataclass(frozen=True)
class Network:
    labels: dict[str, str]  # actor IRI -> label
    ties: tuple[Tie, ...]


_NETWORK = """
SELECT ?a ?b ?relation (COUNT(DISTINCT ?f) AS ?n) WHERE {
  { ?f a/rdfs:subClassOf* kgo:Meeting ; kgo:participant ?a, ?b ; kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted .
    FILTER NOT EXISTS { ?f kgo:attributedTo ?someone } BIND ("met" AS ?relation) }
  UNION { ?f a/rdfs:subClassOf* kgo:Agreement ; kgo:signatory ?a, ?b . BIND ("signed with" AS ?relation) }
  UNION { ?f a/rdfs:subClassOf* kgo:Disagreement ; kgo:party ?a, ?b .
          FILTER NOT EXISTS { ?f kgo:polarity kgo:Negative } BIND ("disagreed with" AS ?relation) }
  UNION { { ?a kgo:alliedWith ?b } UNION { ?b kgo:alliedWith ?a } BIND (?a AS ?f) BIND ("allied with" AS ?relation) }
  FILTER (STR(?a) < STR(?b))
}
GROUP BY ?a ?b ?relation ORDER BY ?a ?b ?relation
"""


def network(store: Store) -> Network:
    """Who met, signed with, disagreed with or is allied with whom, as the text states it."""
    ties = tuple(Tie(a, b, rel, int(n)) for a, b, rel, n in store.query(_PROLOGUE + _NETWORK).rows)
    actors = sorted({t.a for t in ties} | {t.b for t in ties})
    labels = {a: a for a in actors}
    if actors:
        values = " ".join(f"<{a}>" for a in actors)
        for iri, label in store.query(_PROLOGUE + f"""SELECT ?x (MIN(STR(?l)) AS ?label) WHERE {{
                VALUES ?x {{ {values} }} ?x rdfs:label ?l }} GROUP BY ?x""").rows:
            labels[iri] = label
    return Network(labels, ties)


@dataclass(frozen=True)
class Evidence:
    fact: str
    document: str
    begin: int
    end: int


def evidence_of(store: Store, fact: str) -> list[Evidence]:
    """Where the text says a fact: document id and offsets of each evidence span."""
    rows = store.query(_PROLOGUE + f"""SELECT DISTINCT ?doc ?b ?e WHERE {{
        {to_sparql_term(fact)} prov:wasDerivedFrom ?s . ?s kgo:beginIndex ?b ; kgo:endIndex ?e ;
        kgo:sourceDocument/dcterms:identifier ?doc }} ORDER BY ?doc ?b""").rows
    return [Evidence(fact, d, int(b), int(e)) for d, b, e in rows]

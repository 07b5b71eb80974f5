"""OWL consistency by the OWL 2 RL rules, checked as SPARQL queries on the store.

The ontology (the TBox, a few hundred triples) is closed once with ``owlrl``;
from the closure come the class hierarchy, domains and ranges, disjoint
classes, functional properties and the individuals declared different. The
data (the ABox, any size) is then checked by a handful of queries for what
makes an OWL RL ontology inconsistent:

- an individual in two disjoint classes (cax-dw, cax-adc), its classes coming
  from rdf:type, rdfs:domain and rdfs:range (cax-sco, prp-dom, prp-rng), also
  after merging the individuals a functional or inverse-functional property
  makes equal (prp-fp, prp-ifp, eq-rep) or that owl:sameAs names;
- equal individuals declared different (eq-diff), two different literals made
  equal by a functional data property;
- an instance of owl:Nothing (cls-nothing2).

``owlrl`` itself on an rdflib graph (``owlrl_clashes``) is the reference:
tests/test_owl_rl.py checks both agree on broken graphs. It is kept for small
graphs: on the 183-essay corpus it takes about two minutes, the queries a few
seconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from .queries import shorten
from .store import QueryResult

Query = Callable[[str], QueryResult]
_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")  # where owlrl files its errors


@dataclass(frozen=True)
class Tbox:
    """What the ABox checks need from the closed ontology; every set holds IRIs as strings."""

    superclasses: dict[str, frozenset[str]]  # named class -> itself and every named class above it
    disjoint: frozenset[frozenset[str]]  # pairs of disjoint named classes
    domains: dict[str, frozenset[str]]  # property -> named classes its subjects belong to
    ranges: dict[str, frozenset[str]]  # property -> named classes its (non-literal) objects belong to
    functional: frozenset[str]
    inverse_functional: frozenset[str]
    different: frozenset[frozenset[str]]  # pairs of individuals declared different


def tbox(ontology: Graph) -> Tbox:
    """Close the ontology with owlrl and read off what the data checks need."""
    import owlrl

    closed = Graph()
    for triple in ontology:
        if triple[1] != OWL.imports:  # nothing is fetched
            closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closed)
    named = {c for c in closed.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    supers = {str(c): frozenset(str(s) for s in closed.objects(c, RDFS.subClassOf) if isinstance(s, URIRef))
              | {str(c)} for c in named}
    symmetric = {str(p) for p in closed.subjects(RDF.type, OWL.SymmetricProperty)}
    domains, ranges = _classes_of(closed, RDFS.domain), _classes_of(closed, RDFS.range)
    for p in symmetric:  # prp-symp: each end of a symmetric property is also the other end
        both = domains.get(p, frozenset()) | ranges.get(p, frozenset())
        domains[p] = ranges[p] = both
    return Tbox(
        superclasses=supers,
        disjoint=frozenset(_disjoint_pairs(closed)),
        domains=domains, ranges=ranges,
        functional=frozenset(str(p) for p in closed.subjects(RDF.type, OWL.FunctionalProperty)),
        inverse_functional=frozenset(str(p) for p in closed.subjects(RDF.type, OWL.InverseFunctionalProperty)),
        different=frozenset(_different_pairs(closed)),
    )


def clashes(query: Query, tb: Tbox, nodes: tuple[str, ...] | None = None, graph: str | None = None) -> list[str]:
    """Readable OWL RL inconsistencies of the store's data, or of the given nodes (IRIs as <...>).

    With ``graph`` (the document the nodes come from), domains, ranges and one of two
    values of a (inverse) functional property are read from that graph's triples,
    types from the whole store: a node many documents mention then costs no more
    than another, and a type clash across documents is still found.
    """
    focus = "" if nodes is None else f"VALUES ?x {{ {' '.join(nodes)} }}"
    types = _types(query, tb, focus, graph)
    same, found = _equalities(query, tb, focus, graph)
    for group in _merged(same):
        classes = set().union(*(types.get(x, set()) for x in group))
        for x in group:
            types[x] = classes
        for a in group:
            found += [f"{shorten(a)} is the same individual as {shorten(b)}, declared different"
                      for b in group if a < b and frozenset((a, b)) in tb.different]
    for x, classes in types.items():
        if str(OWL.Nothing) in classes:
            found.append(f"{shorten(x)} is an instance of owl:Nothing")
        found += [f"{shorten(x)} is both {shorten(a)} and {shorten(b)}, declared disjoint"
                  for a in classes for b in classes if a < b and frozenset((a, b)) in tb.disjoint]
    return sorted(set(found))


def owlrl_clashes(data: Graph, ontology: Graph) -> list[str]:
    """The reference: owlrl's full OWL RL closure of ontology + data, and the errors it reports."""
    import owlrl

    merged = Graph()
    for graph in (ontology, data):
        for triple in graph:
            if triple[1] != OWL.imports:
                merged.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(merged)
    return sorted(str(m) for m in merged.objects(None, _ERROR))


# -- the data checks -----------------------------------------------------------


def _types(query: Query, tb: Tbox, focus: str, graph: str | None) -> dict[str, set[str]]:
    """Each individual's named classes that take part in a disjointness (or owl:Nothing)."""
    relevant = {c for pair in tb.disjoint for c in pair} | {str(OWL.Nothing)}
    lifted = {c: s & relevant for c, s in tb.superclasses.items() if s & relevant}
    by_domain = {p: _lift(cs, lifted) for p, cs in tb.domains.items() if _lift(cs, lifted)}
    by_range = {p: _lift(cs, lifted) for p, cs in tb.ranges.items() if _lift(cs, lifted)}
    # ?k says how ?x got the class: "t" its rdf:type ?c, "d" the domain of ?c, "r" the range of ?c.
    branches = [f'{{ ?x a ?c . {_among("?c", lifted, focus)} BIND ("t" AS ?k) }}']
    if by_domain:
        branches.append(f'{{ {_within("?x ?c ?_o", graph)} {_among("?c", by_domain, focus)} BIND ("d" AS ?k) }}')
    if by_range:
        branches.append(f'{{ {_within("?_s ?c ?x", graph)} {_among("?c", by_range, focus)} '
                        'FILTER (!isLiteral(?x)) BIND ("r" AS ?k) }')
    classes_of = {"t": lifted, "d": by_domain, "r": by_range}
    found: dict[str, set[str]] = {}
    for x, c, k in query(f"SELECT DISTINCT ?x ?c ?k WHERE {{ {focus} {' UNION '.join(branches)} }}").rows:
        found.setdefault(x, set()).update(classes_of[k][c])
    return found


def _equalities(query: Query, tb: Tbox, focus: str, graph: str | None) -> tuple[list[tuple[str, str]], list[str]]:
    """Pairs of individuals made equal (sameAs, prp-fp, prp-ifp), and clashes between literals made equal."""
    same: list[tuple[str, str]] = []
    found: list[str] = []
    rows = query(f"SELECT DISTINCT ?x ?y WHERE {{ {focus} ?x <{OWL.sameAs}> ?y }}").rows
    same += [(x, y) for x, y in rows]
    if tb.functional:
        result = query(f"SELECT DISTINCT ?x ?p ?a ?b WHERE {{ {focus} {_within('?x ?p ?a', graph)} "
                       f"{_among('?p', tb.functional, focus)} "
                       "?x ?p ?b . FILTER (STR(?a) < STR(?b) || (STR(?a) = STR(?b) && !sameTerm(?a, ?b))) }")
        for (x, p, a, b), terms in zip(result.rows, result.terms):
            if terms[2].kind == "literal" or terms[3].kind == "literal":
                found.append(f"{shorten(x)} has two values of the functional property {shorten(p)}: {a!r}, {b!r}")
            else:
                same.append((a, b))
    if tb.inverse_functional:
        rows = query(f"SELECT DISTINCT ?x ?b WHERE {{ {focus} "
                     f"{_within('?x ?p ?y', graph)} {_among('?p', tb.inverse_functional, focus)} ?b ?p ?y . "
                     "FILTER (?x != ?b) }").rows
        same += [(a, b) for a, b in rows]
    return same, found


def _merged(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """The groups of individuals the pairs make equal (connected components)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, set[str]] = {}
    for x in parent:
        groups.setdefault(root(x), set()).add(x)
    return [g for g in groups.values() if len(g) > 1]


# -- reading the closed ontology -----------------------------------------------


def _classes_of(closed: Graph, link: URIRef) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for p, c in closed.subject_objects(link):
        if isinstance(c, URIRef) and isinstance(p, URIRef):
            found.setdefault(str(p), set()).add(str(c))
    return {p: frozenset(cs) for p, cs in found.items()}


def _disjoint_pairs(closed: Graph) -> set[frozenset[str]]:
    pairs = {frozenset((str(a), str(b))) for a, b in closed.subject_objects(OWL.disjointWith) if a != b}
    for axiom in closed.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in closed.objects(axiom, OWL.members):
            names = [str(m) for m in Collection(closed, members)]
            pairs |= {frozenset((a, b)) for a in names for b in names if a != b}
    return pairs


def _different_pairs(closed: Graph) -> set[frozenset[str]]:
    pairs = {frozenset((str(a), str(b))) for a, b in closed.subject_objects(OWL.differentFrom) if a != b}
    for axiom in closed.subjects(RDF.type, OWL.AllDifferent):
        for link in (OWL.members, OWL.distinctMembers):
            for members in closed.objects(axiom, link):
                names = [str(m) for m in Collection(closed, members)]
                pairs |= {frozenset((a, b)) for a in names for b in names if a != b}
    return pairs


def _lift(classes: frozenset[str], lifted: dict[str, set[str]]) -> set[str]:
    return set().union(*(lifted.get(c, set()) for c in classes)) if classes else set()


def _within(pattern: str, graph: str | None) -> str:
    return f"{pattern} ." if graph is None else f"GRAPH <{graph}> {{ {pattern} }}"


def _among(variable: str, names: object, focus: str) -> str:
    """``variable`` limited to ``names``: VALUES over the whole store (one index lookup each),
    FILTER IN over a few nodes (Oxigraph then starts from the nodes)."""
    if focus:
        return f"FILTER ({variable} IN ({_iris(names).replace('> <', '>, <')}))"
    return f"VALUES {variable} {{ {_iris(names)} }}"


def _iris(names: object) -> str:
    return " ".join(f"<{n}>" for n in sorted(names))  # type: ignore[call-overload]


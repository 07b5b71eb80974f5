"""SHACL shapes compiled to SPARQL, so that validation runs inside the store.

pySHACL re-runs a constraint once per focus node in Python; at corpus scale
that takes minutes. Here every constraint component of every shape becomes one
SELECT query that returns only the offending (focus, value) pairs, and the
store's query engine does the work. pySHACL (``inference='none'``) stays the
reference: tests/test_shacl_sparql.py checks that both report the same results
on every shape's broken graph.

Only the part of SHACL Core that ``ontology/shapes.ttl`` uses is compiled
(targets by class and subjects-of, simple predicate paths, cardinality, node
kind, datatype, pattern, length, ``sh:in``, ranges, ``sh:class``, ``sh:or`` of
those, ``sh:lessThanOrEquals`` and SPARQL-based constraints). A shape using
anything else is refused with a ValidationSetupError rather than skipped.

Absence is tested with ``MINUS``, never ``FILTER NOT EXISTS``: Oxigraph
evaluates the latter once per candidate row (quadratic on a large store). A
SPARQL constraint must not use MINUS (SHACL forbids it), so its ``FILTER NOT
EXISTS`` groups are turned into ``MINUS`` here. The two agree when the group
binds, in a triple pattern, every outer variable it uses, as in shapes.ttl;
the comparison with pySHACL guards it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from .errors import ValidationSetupError

# The variables every compiled query projects (value may stay unbound).
FOCUS, PATH, VALUE = "this", "path", "value"


@dataclass(frozen=True)
class Check:
    """One constraint component of one shape, as a query returning its violations."""

    shape: str  # IRI of the shape (sh:sourceShape of its results)
    component: str  # local name of the constraint component, e.g. "MinCount"
    severity: str  # 'Violation' | 'Warning' | 'Info'
    message: str
    path: str | None  # the shape's predicate path; SPARQL constraints bind ?path themselves
    sparql: Callable[[str | None], str]  # one document's graph to check alone (None: the whole store) -> query


@dataclass(frozen=True)
class _Select:
    """A check's query in parts, so that its WHERE group can be read in one document's graph alone.

    Alone, because a node many documents mention (a state, the extractor) has its
    description once in each of their graphs, and the store reads every copy: checked
    against the union, one document's nodes cost more the larger the store. A graph
    kg_builder writes describes every node it uses, so alone it is checked as if it
    were the only document; what only the union shows (a value one document gives and
    another contradicts) is left to the whole store's check.
    """

    head: str  # what comes before WHERE: prefixes and the projection
    group: str  # the inside of the WHERE group
    tail: str = ""  # solution modifiers (GROUP BY, HAVING)

    def text(self, graph: str | None) -> str:
        # GRAPH, not FROM: a server whose default graph is the union of its graphs may ignore FROM
        # (Oxigraph's does).
        group = self.group if graph is None else f"GRAPH <{graph}> {{ {self.group} }}"
        return f"{self.head} WHERE {{ {group} }}" + (f" {self.tail}" if self.tail else "")


def _distinct_values(group: str) -> _Select:
    return _Select("SELECT DISTINCT ?this ?value", group)


# SHACL terms that describe a shape rather than constrain it.
_DESCRIPTIVE = {SH.severity, SH.message, SH.name, SH.description, SH.order, SH.group,
                SH.deactivated, SH.targetClass, SH.targetSubjectsOf, SH.path, SH.flags, SH.declare}
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

# Lexical forms rdflib checks (it marks other literals ill-typed); other datatypes are checked by name only.
_LEXICAL = {
    XSD.integer: r"^[+-]?[0-9]+$",
    XSD.decimal: r"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$",
    XSD.boolean: r"^(true|false|1|0)$",
    XSD.date: r"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
_NODE_KINDS = {
    SH.Literal: "isLiteral(?value)", SH.IRI: "isIRI(?value)", SH.BlankNode: "isBlank(?value)",
    SH.BlankNodeOrIRI: "!isLiteral(?value)", SH.IRIOrLiteral: "!isBlank(?value)",
    SH.BlankNodeOrLiteral: "!isIRI(?value)",
}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}


def compile_shapes(shapes: Graph, ontology: Graph) -> list[Check]:
    """Every check of every shape in ``shapes``; subclass links are read from ``ontology``."""
    schema = Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        schema.add(triple)
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    checks: list[Check] = []
    for shape in sorted(shape_nodes, key=str):
        if (shape, SH.deactivated, Literal(True)) not in shapes:
            checks += _compile_shape(shapes, schema, shape)
    return checks


# -- one shape -----------------------------------------------------------------


def _compile_shape(shapes: Graph, schema: Graph, shape: Node) -> list[Check]:
    name = _n3(shape)
    unknown = {p for p in shapes.predicates(shape) if str(p).startswith(str(SH))} - _DESCRIPTIVE - _COMPILED
    if unknown:
        raise _unsupported(name, ", ".join(sorted(_n3(p) for p in unknown)))
    focus = _focus_pattern(shapes, schema, shape, name)
    path = shapes.value(shape, SH.path)
    if path is not None and not isinstance(path, URIRef):
        raise _unsupported(name, "a path other than a single predicate")
    severity = _SEVERITIES.get(shapes.value(shape, SH.severity, default=SH.Violation), "Violation")
    message = _message(shapes, shape)
    found: list[Check] = []
    for predicate, component in _COMPONENTS.items():
        for argument in sorted(shapes.objects(shape, predicate), key=str):
            body = component(shapes, schema, shape, path, argument)
            found.append(Check(str(shape), _local(predicate), severity,
                               _message(shapes, argument) if predicate == SH.sparql else message,
                               None if path is None else str(path), body(focus).text))
    return found


def _focus_pattern(shapes: Graph, schema: Graph, shape: Node, name: str) -> str:
    """The focus nodes of a shape as a group binding ?this (a node may come once per class)."""
    classes = sorted({c for t in shapes.objects(shape, SH.targetClass) for c in _subclasses(schema, t)}, key=str)
    used = sorted(shapes.objects(shape, SH.targetSubjectsOf), key=str)
    if not classes and not used:
        raise _unsupported(name, "no sh:targetClass or sh:targetSubjectsOf")
    branches = []
    if classes:  # FILTER IN, not VALUES: Oxigraph then looks up the types of the nodes at hand
        branches.append(f"?this a ?_class . FILTER (?_class IN ({_terms(classes, ', ')}))")
    branches += [f"?this {_n3(p)} ?_object ." for p in used]
    return " UNION ".join(f"{{ {b} }}" for b in branches)


# -- constraint components: each returns (focus pattern -> SELECT) -------------


def _min_count(shapes: Graph, schema: Graph, shape: Node, path: Node | None, n: Node) -> Callable[[str], _Select]:
    return _cardinality(path, f"< {int(n)}")


def _max_count(shapes: Graph, schema: Graph, shape: Node, path: Node | None, n: Node) -> Callable[[str], _Select]:
    return _cardinality(path, f"> {int(n)}")


def _cardinality(path: Node | None, test: str) -> Callable[[str], _Select]:
    p = _require_path(path)
    return lambda focus: _Select("SELECT ?this", f"{focus} OPTIONAL {{ ?this {p} ?value }}",
                                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {test})")


def _value_test(ok: Callable[[Graph, Node, Node], str]) -> Callable[..., Callable[[str], _Select]]:
    """A component that holds when the SPARQL expression ``ok`` is true of each value node."""
    def component(shapes: Graph, schema: Graph, shape: Node, path: Node | None, argument: Node
                  ) -> Callable[[str], _Select]:
        p, expression = _require_path(path), ok(shapes, shape, argument)
        return lambda focus: _distinct_values(f"{focus} ?this {p} ?value . "
                                              f"FILTER (!COALESCE({expression}, false))")
    return component


def _node_kind(shapes: Graph, owner: Node, kind: Node) -> str:
    return _NODE_KINDS[kind]


def _datatype(shapes: Graph, owner: Node, datatype: Node) -> str:
    test = f"isLiteral(?value) && DATATYPE(?value) = {_n3(datatype)}"
    if datatype in _LEXICAL:
        test += f' && REGEX(STR(?value), "{_LEXICAL[datatype]}")'
    return f"({test})"


def _pattern(shapes: Graph, owner: Node, pattern: Node) -> str:
    flags = shapes.value(owner, SH.flags)
    text = str(pattern).replace("\\", "\\\\").replace('"', '\\"')
    extra = f', "{flags}"' if flags else ""
    return f'(!isBlank(?value) && REGEX(STR(?value), "{text}"{extra}))'


def _min_length(shapes: Graph, owner: Node, n: Node) -> str:
    return f"(!isBlank(?value) && STRLEN(STR(?value)) >= {int(n)})"


def _max_length(shapes: Graph, owner: Node, n: Node) -> str:
    return f"(!isBlank(?value) && STRLEN(STR(?value)) <= {int(n)})"


def _in(shapes: Graph, owner: Node, members: Node) -> str:
    allowed = list(Collection(shapes, members))
    return "(" + (" || ".join(f"sameTerm(?value, {_n3(m)})" for m in allowed) or "false") + ")"


def _comparison(op: str) -> Callable[[Graph, Node, Node], str]:
    return lambda shapes, owner, bound: f"(?value {op} {_n3(bound)})"


def _class(shapes: Graph, schema: Graph, shape: Node, path: Node | None, cls: Node) -> Callable[[str], _Select]:
    return _instance_of(path, _subclasses(schema, cls))


def _or(shapes: Graph, schema: Graph, shape: Node, path: Node | None, alternatives: Node) -> Callable[[str], _Select]:
    """sh:or of shapes that each test a class (a value of any will do) or each test the value alone."""
    options = list(Collection(shapes, alternatives))
    if all(set(shapes.predicates(o)) == {SH["class"]} for o in options):
        classes = {c for o in options for c in _subclasses(schema, shapes.value(o, SH["class"]))}
        return _instance_of(path, classes)
    tests = []
    for option in options:
        parts = []
        for predicate, argument in shapes.predicate_objects(option):
            if predicate not in _VALUE_TESTS:
                raise _unsupported(_n3(shape), f"{_n3(predicate)} inside sh:or")
            parts.append(f"COALESCE({_VALUE_TESTS[predicate](shapes, option, argument)}, false)")
        tests.append("(" + " && ".join(parts or ["true"]) + ")")
    p, expression = _require_path(path), " || ".join(tests)
    return lambda focus: _distinct_values(f"{focus} ?this {p} ?value . FILTER (!({expression}))")


def _instance_of(path: Node | None, classes: Iterable[Node]) -> Callable[[str], _Select]:
    # The focus pattern is repeated inside MINUS so that its right side stays as small as the left.
    p, types = _require_path(path), _terms(sorted(classes, key=str), ", ")
    return lambda focus: _distinct_values(
        f"{focus} ?this {p} ?value . MINUS {{ {focus} ?this {p} ?value . ?value a ?_type . "
        f"FILTER (?_type IN ({types})) }}")


def _less_than_or_equals(shapes: Graph, schema: Graph, shape: Node, path: Node | None, other: Node
                         ) -> Callable[[str], _Select]:
    p = _require_path(path)
    return lambda focus: _distinct_values(f"{focus} ?this {p} ?value . ?this {_n3(other)} ?_other . "
                                          "FILTER (!COALESCE(?value <= ?_other, false))")


def _sparql(shapes: Graph, schema: Graph, shape: Node, path: Node | None, constraint: Node) -> Callable[[str], _Select]:
    """A SPARQL-based constraint: its WHERE group runs once, joined with all focus nodes."""
    select = str(shapes.value(constraint, SH.select) or "")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for source in shapes.objects(constraint, SH.prefixes) for d in shapes.objects(source, SH.declare))
    body = re.sub(r"\$this\b", "?this", select)
    opening, closing = body.find("{"), body.rfind("}")
    if opening < 0 or body[closing + 1:].strip():
        raise _unsupported(_n3(shape), "a SPARQL constraint with modifiers after its WHERE group")
    where = re.sub(r"\bFILTER\s+NOT\s+EXISTS\s*\{", "MINUS {", body[opening + 1:closing], flags=re.I)
    bound = [v for v in (PATH, VALUE) if re.search(rf"[?$]{v}\b", where)]
    projection = " ".join(f"?{v}" for v in [FOCUS, *bound])
    # One group with the focus nodes, so that its MINUS sees only rows about them.
    return lambda focus: _Select(f"{prefixes}SELECT DISTINCT {projection}", f"{focus} {where}")


_VALUE_TESTS: dict[Node, Callable[[Graph, Node, Node], str]] = {
    SH.nodeKind: _node_kind, SH.datatype: _datatype, SH.pattern: _pattern,
    SH.minLength: _min_length, SH.maxLength: _max_length, SH["in"]: _in,
    **{predicate: _comparison(op) for predicate, op in _COMPARISONS.items()},
}
_COMPONENTS: dict[Node, Callable[..., Callable[[str], _Select]]] = {
    SH.minCount: _min_count, SH.maxCount: _max_count,
    **{predicate: _value_test(test) for predicate, test in _VALUE_TESTS.items()},
    SH["class"]: _class, SH["or"]: _or, SH.lessThanOrEquals: _less_than_or_equals, SH.sparql: _sparql,
}
_COMPILED = set(_COMPONENTS)


# -- helpers -------------------------------------------------------------------


def _subclasses(schema: Graph, cls: Node) -> set[Node]:
    """``cls`` and every class below it (rdfs:subClassOf*, as SHACL reads class membership)."""
    return set(schema.transitive_subjects(RDFS.subClassOf, cls))


def _require_path(path: Node | None) -> str:
    if path is None:
        raise ValidationSetupError("a property constraint on a node shape (no sh:path)",
                                   hint="give the shape a sh:path or use a SPARQL constraint")
    return _n3(path)


def _message(shapes: Graph, node: Node) -> str:
    messages = sorted(str(m) for m in shapes.objects(node, SH.message))
    return "; ".join(messages) or "(no message)"


def _local(iri: Node) -> str:
    name = str(iri).rsplit("#", 1)[-1]
    return name[:1].upper() + name[1:]


def _terms(nodes: Iterable[Node], separator: str = " ") -> str:
    return separator.join(_n3(n) for n in nodes)


def _n3(node: Node) -> str:
    if isinstance(node, BNode):
        raise ValidationSetupError("a blank node where the store check needs an IRI or literal")
    return node.n3()


def _unsupported(shape: str, what: str) -> ValidationSetupError:
    return ValidationSetupError(f"the shape {shape} uses {what}, which the store check cannot compile",
                                hint="validate with --shacl pyshacl, or extend kg_builder/shacl_sparql.py")

"""Validate a graph: SHACL shapes (pyshacl) and OWL consistency (owlready2's reasoners).

``validate_graph`` takes the union of the document graphs; the ontology and
the shapes are read from ``resources`` (``ontology/kgo.ttl``, ``shapes.ttl``).

SHACL runs with RDFS inference and the ontology as ``ont_graph`` so that a
shape on ``kgo:Event`` also checks every ``kgo:Summit``. OWL consistency runs
HermiT (or Pellet) through owlready2 when Java is there, and otherwise a
pure-Python check of disjoint classes and sameAs/differentFrom clashes.
"""
from __future__ import annotations

import contextlib
import functools
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, XSD
from rdflib.term import Node

from . import resources
from .errors import ValidationSetupError

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
KGR = Namespace("https://w3id.org/kg-builder/id/")
KGSH = Namespace("https://w3id.org/kg-builder/shapes#")

REASONERS = ("auto", "hermit", "pellet", "none")
BUILTIN = "builtin-disjointness"
_DATE_TYPES = (XSD.date, XSD.gYearMonth, XSD.gYear)
_SEVERITY_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Violation:
    """One SHACL result. ``focus_label`` is extra: the focus node's rdfs:label, for reports."""

    focus_node: str
    path: str | None
    value: str | None
    message: str
    severity: str  # 'Violation' | 'Warning' | 'Info'
    shape: str  # IRI of the shape that reported it (sh:sourceShape)
    sentence: str | None  # kgo:sentence of the focus node's evidence (or of the span itself)
    focus_label: str | None = None


@dataclass(frozen=True)
class OwlResult:
    consistent: bool | None  # None = no check could run
    reasoner: str  # 'hermit' | 'pellet' | 'builtin-disjointness'
    note: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool  # SHACL: no result of severity Violation (warnings do not count)
    violations: tuple[Violation, ...]
    owl: OwlResult
    report_turtle: str  # the SHACL results graph

    @property
    def ok(self) -> bool:
        return self.conforms and self.owl.consistent is not False


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def validate_graph(data: Graph, *, reasoner: str = "auto") -> ValidationReport:
    """SHACL-validate ``data`` (the union of document graphs) and check its OWL consistency."""
    if reasoner not in REASONERS:
        raise ValidationSetupError(
            f"unknown reasoner {reasoner!r}", hint=f"use one of: {', '.join(REASONERS)}"
        )
    data = _as_graph(data)
    ontology = _load_turtle(resources.ontology_file(), "ontology")
    shapes = _load_turtle(resources.shapes_file(), "SHACL shapes")
    _require_something_to_check(data, shapes, ontology)
    results = _run_shacl(data, shapes, ontology)
    violations = _violations(results, data)
    return ValidationReport(
        conforms=not any(v.severity == "Violation" for v in violations),
        violations=violations,
        owl=check_owl(data, ontology, reasoner),
        report_turtle=results.serialize(format="turtle"),
    )


def format_report(report: ValidationReport) -> str:
    """Readable text: one block per SHACL result, the OWL line, a one-line summary."""
    blocks = [_format_violation(v) for v in report.violations]
    owl = report.owl
    state = {True: "consistent", False: "INCONSISTENT", None: "not checked"}[owl.consistent]
    blocks.append(f"OWL ({owl.reasoner}): {state}. {owl.note}".rstrip())
    blocks.append(_summary(report))
    return "\n\n".join(blocks) + "\n"


def check_owl(data: Graph, ontology: Graph, reasoner: str = "auto") -> OwlResult:
    """OWL consistency of ontology + data, with a Java reasoner when possible, else the built-in check."""
    java = shutil.which("java")
    if reasoner == "none":
        why = "no OWL reasoner requested (reasoner='none'); ran the built-in disjointness check"
        return _builtin_result(data, ontology, why)
    if java is None:
        why = ("Java not found: install a Java runtime (17+) for HermiT/Pellet; "
               "ran the built-in disjointness check instead")
        return _builtin_result(data, ontology, why)
    name = "pellet" if reasoner == "pellet" else "hermit"
    label = _REASONER_NAMES[name]
    try:
        consistent = _owlready_consistent(_reasoning_copy(data, ontology), name, java)
    except ValidationSetupError:
        raise
    except Exception as exc:  # a Java or owlready2 failure must not cost the user the SHACL report
        why = f"{label} failed ({_first_error_line(exc)}); ran the built-in disjointness check instead"
        return _builtin_result(data, ontology, why)
    if consistent:
        return OwlResult(True, name, f"{label}: ontology and data are consistent")
    clashes = builtin_clashes(data, ontology)  # HermiT says no more than "inconsistent": show the likely cause
    why = f" Built-in check: {'; '.join(clashes[:5])}" if clashes else ""
    return OwlResult(False, name, f"{label}: ontology and data are inconsistent.{why}")


_REASONER_NAMES = {"hermit": "HermiT", "pellet": "Pellet"}


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _as_graph(data: Graph) -> Graph:
    """A plain Graph of every triple: a Dataset/ConjunctiveGraph is flattened (union of its graphs)."""
    if not isinstance(data, ConjunctiveGraph):
        return data
    flat = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def _require_something_to_check(data: Graph, shapes: Graph, ontology: Graph) -> None:
    """Validation that checks nothing must not pass: no ontology, no shapes or no focus node is an error."""
    hint = "point KG_ONTOLOGY_DIR at the folder holding kgo.ttl and shapes.ttl, or use the project's ontology/"
    if (None, RDF.type, OWL.Class) not in ontology:
        raise ValidationSetupError(f"the ontology {resources.ontology_file()} declares no OWL class", hint=hint)
    targets = [t for t in _TARGETS if (None, t, None) in shapes]
    if not targets:
        raise ValidationSetupError(f"the shapes file {resources.shapes_file()} has no shape with a target",
                                   hint=hint)
    if len(data) == 0:
        raise ValidationSetupError("the store holds no document triples: there is nothing to validate",
                                   hint="build documents first with `kg build`")
    if not any(_targets_something(data, shapes, ontology, t) for t in targets):
        raise ValidationSetupError("no node of the data is the target of any shape: nothing would be checked",
                                   hint="check that shapes.ttl targets the classes and properties the data uses")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _targets_something(data: Graph, shapes: Graph, ontology: Graph, target: URIRef) -> bool:
    for value in shapes.objects(None, target):
        if target == SH.targetNode and (value, None, None) in data:
            return True
        if target == SH.targetSubjectsOf and (None, value, None) in data:
            return True
        if target == SH.targetObjectsOf and (None, value, None) in data:
            return True
        if target == SH.targetClass:
            classes = set(ontology.transitive_subjects(RDFS.subClassOf, value))
            if any((None, RDF.type, c) in data for c in classes | {value}):
                return True
    return False


def _load_turtle(path: Path, what: str) -> Graph:
    try:
        cached = _parse_cached(str(path), path.stat().st_mtime_ns)
    except FileNotFoundError as exc:
        hint = "set KG_ONTOLOGY_DIR to the folder holding kgo.ttl and shapes.ttl"
        raise ValidationSetupError(f"{what} file not found: {path}", hint=hint) from exc
    except Exception as exc:
        raise ValidationSetupError(f"cannot parse {what} file {path}: {exc}") from exc
    fresh = Graph()  # a copy: pyshacl adds a few triples to the graphs it is given
    for prefix, namespace in cached.namespaces():
        fresh.bind(prefix, namespace)
    fresh += cached
    return fresh


@functools.lru_cache(maxsize=8)
def _parse_cached(path: str, mtime_ns: int) -> Graph:
    # Keyed on mtime so an edited file is re-read; _load_turtle hands out copies only.
    return Graph().parse(path, format="turtle")


# --------------------------------------------------------------------------
# SHACL
# --------------------------------------------------------------------------


def _run_shacl(data: Graph, shapes: Graph, ontology: Graph) -> Graph:
    try:
        import pyshacl

        _conforms, results, _text = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs",
            abort_on_first=False, allow_warnings=True, meta_shacl=False, inplace=False,
        )
    except Exception as exc:  # bad shapes, bad SPARQL in a constraint, broken install
        raise ValidationSetupError(f"SHACL validation could not run: {exc}") from exc
    if not isinstance(results, Graph):  # pyshacl returns (not raises) a ValidationFailure for bad shapes
        raise ValidationSetupError(f"SHACL validation could not run: {results}", hint="check ontology/shapes.ttl")
    return _without_literal_focus(results)


def _without_literal_focus(results: Graph) -> Graph:
    """The results minus those about literals.

    pyshacl's RDFS inference applies rdfs:range to literal values too (a literal
    kgo:participant "Trump" becomes a kgo:Actor), so every kgo:Actor shape would
    then report on the literal. Those results are artefacts: the real error is
    reported on the triple's subject by the shape on that property.
    """
    results_of = list(results.subjects(RDF.type, SH.ValidationResult))
    if not any(isinstance(results.value(r, SH.focusNode), Literal) for r in results_of):
        return results
    kept = Graph(namespace_manager=results.namespace_manager)
    for report in results.subjects(RDF.type, SH.ValidationReport):
        kept.add((report, RDF.type, SH.ValidationReport))
        for result in results.objects(report, SH.result):
            if not isinstance(results.value(result, SH.focusNode), Literal):
                kept.add((report, SH.result, result))
                kept += results.cbd(result)
        severities = set(kept.objects(None, SH.resultSeverity))
        kept.add((report, SH.conforms, Literal(SH.Violation not in severities)))
    return kept


def _violations(results: Graph, data: Graph) -> tuple[Violation, ...]:
    found = [_violation(results, r, data) for r in results.subjects(RDF.type, SH.ValidationResult)]
    return tuple(sorted(found, key=_sort_key))


def _sort_key(v: Violation) -> tuple:
    return (_SEVERITY_RANK.get(v.severity, 3), v.shape, v.focus_node, v.path or "", v.value or "")


def _violation(results: Graph, result: Node, data: Graph) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return Violation(
        focus_node=_term_text(focus, data),
        path=None if path is None else _term_text(path, data),
        value=None if value is None else _term_text(value, data),
        message="; ".join(dict.fromkeys(messages)) or "(no message)",
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        shape=_term_text(results.value(result, SH.sourceShape), data),
        sentence=_evidence_sentence(data, focus),
        focus_label=_label(data, focus),
    )


def _term_text(term: Node | None, data: Graph) -> str:
    """IRIs as plain strings, blank nodes as _:id, literals in N3 (so the datatype shows)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        return term.n3(data.namespace_manager)
    return term.n3()


def _label(data: Graph, node: Node | None) -> str | None:
    labels = sorted(str(label) for label in data.objects(node, RDFS.label)) if node is not None else []
    return labels[0] if labels else None


def _evidence_sentence(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    spans = [node] if (node, KGO.sentence, None) in data else sorted(data.objects(node, PROV.wasDerivedFrom))
    sentences = sorted(str(s) for span in spans for s in data.objects(span, KGO.sentence))
    return sentences[0] if sentences else None


# --------------------------------------------------------------------------
# OWL reasoning through owlready2
# --------------------------------------------------------------------------


def _reasoning_copy(data: Graph, ontology: Graph) -> Graph:
    """Ontology + data as the reasoner should see them.

    HermiT (owlready2 0.51, Java 17) rejects xsd:date, xsd:gYearMonth and xsd:gYear
    literals as unsupported datatypes, so they become plain xsd:string literals
    here: no axiom of kgo.ttl constrains them (their ranges are rdfs:Literal),
    so consistency is unchanged. owl:imports are dropped so nothing is fetched.
    """
    merged = Graph()
    for s, p, o in _iter_union(data, ontology):
        if p == OWL.imports:
            continue
        if isinstance(o, Literal) and o.datatype in _DATE_TYPES:
            o = Literal(str(o), datatype=XSD.string)
        merged.add((s, p, o))
    return merged


def _iter_union(*graphs: Graph):
    for graph in graphs:
        yield from graph.triples((None, None, None))


def _owlready_consistent(merged: Graph, reasoner: str, java: str) -> bool:
    try:
        import owlready2
    except ImportError as exc:
        raise ValidationSetupError("owlready2 is not installed", hint="pip install owlready2==0.51") from exc
    with tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        path = Path(tmp) / "ontology-and-data.nt"
        merged.serialize(destination=str(path), format="nt", encoding="utf-8")
        world = owlready2.World()  # never the default world: no state leaks between runs
        try:
            _load_world(world, path)
            return _run_reasoner(owlready2, world, reasoner, java)
        finally:
            world.close()


def _load_world(world, path: Path) -> None:
    try:
        # A local file without owl:imports: owlready2 has nothing to fetch.
        world.get_ontology(path.as_uri()).load()
    except Exception as exc:  # reported in the fallback note, like a reasoner failure
        raise RuntimeError(f"owlready2 cannot read the ontology and data: {exc}") from exc


def _run_reasoner(owlready2, world, reasoner: str, java: str) -> bool:
    owlready2.JAVA_EXE = java
    run = owlready2.sync_reasoner_pellet if reasoner == "pellet" else owlready2.sync_reasoner_hermit
    try:
        # debug=0 and the redirects keep owlready2's progress chatter off the console.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            run(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    return True


def _first_error_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    telling = [line for line in lines if "Exception" in line or "Error" in line]
    return (telling or lines or [type(exc).__name__])[0][:300]


# --------------------------------------------------------------------------
# Built-in consistency check (no Java)
# --------------------------------------------------------------------------

_DISJOINT_PAIRS = """
SELECT DISTINCT ?a ?b WHERE {
  { ?a owl:disjointWith ?b } UNION { ?b owl:disjointWith ?a }
  UNION
  { ?all a owl:AllDisjointClasses ; owl:members ?list .
    ?list rdf:rest*/rdf:first ?a .
    ?list rdf:rest*/rdf:first ?b .
    FILTER (?a != ?b) }
}
"""

# Types an OWL reasoner would derive for an individual, short of full OWL:
# asserted types, rdfs:domain / rdfs:range of named classes, one owl:sameAs hop,
# all closed upwards along rdfs:subClassOf.
_INDIVIDUAL_TYPES = """
SELECT DISTINCT ?x ?c WHERE {
  { ?x rdf:type ?t }
  UNION { ?x (owl:sameAs|^owl:sameAs) ?y . ?y rdf:type ?t }
  UNION { ?x ?p ?o . ?p rdfs:domain ?t }
  UNION { ?s ?p ?x . ?p rdfs:range ?t . FILTER (!isLiteral(?x)) }
  FILTER (isIRI(?t))
  ?t rdfs:subClassOf* ?c .
}
"""

_SAME_BUT_DIFFERENT = """
SELECT DISTINCT ?x ?y WHERE {
  ?x owl:sameAs ?y .
  { ?x owl:differentFrom ?y } UNION { ?y owl:differentFrom ?x }
  UNION
  { ?all a owl:AllDifferent ; (owl:distinctMembers|owl:members) ?list .
    ?list rdf:rest*/rdf:first ?x .
    ?list rdf:rest*/rdf:first ?y . }
  FILTER (?x != ?y)
}
"""


def builtin_clashes(data: Graph, ontology: Graph) -> list[str]:
    """Readable clashes: individuals in two disjoint classes (or owl:Nothing), sameAs vs differentFrom."""
    merged = _merged(data, ontology)
    clashes = _disjoint_clashes(merged) + [
        f"{_curie(x)} is owl:sameAs {_curie(y)} but declared different from it"
        for x, y in merged.query(_SAME_BUT_DIFFERENT, initNs=_NS)
    ]
    return sorted(set(clashes))


def _disjoint_clashes(merged: Graph) -> list[str]:
    pairs = {(a, b) for a, b in merged.query(_DISJOINT_PAIRS, initNs=_NS)}
    types: dict[Node, set[Node]] = {}
    for x, c in merged.query(_INDIVIDUAL_TYPES, initNs=_NS):
        types.setdefault(x, set()).add(c)
    clashes = []
    for x, classes in types.items():
        if OWL.Nothing in classes:
            clashes.append(f"{_curie(x)} is an instance of owl:Nothing")
        clashes += [
            f"{_curie(x)} is both {_curie(a)} and {_curie(b)}, declared disjoint"
            for a, b in pairs if str(a) < str(b) and a in classes and b in classes
        ]
    return clashes


def _curie(node: Node) -> str:
    return _short(str(node)) if isinstance(node, URIRef) else node.n3()


def _merged(data: Graph, ontology: Graph) -> Graph:
    merged = Graph()
    for triple in _iter_union(data, ontology):
        merged.add(triple)
    return merged


_NS = {"owl": OWL, "rdf": RDF, "rdfs": RDFS}


def _builtin_result(data: Graph, ontology: Graph, why: str) -> OwlResult:
    clashes = builtin_clashes(data, ontology)
    if not clashes:
        return OwlResult(True, BUILTIN, f"{why}: no clash found")
    shown = "; ".join(clashes[:5]) + (f" (and {len(clashes) - 5} more)" if len(clashes) > 5 else "")
    return OwlResult(False, BUILTIN, f"{why}: {shown}")


# --------------------------------------------------------------------------
# Text report
# --------------------------------------------------------------------------


def _short(iri: str | None) -> str:
    if not iri:
        return "-"
    for prefix, ns in (
        ("kgo:", KGO), ("kgr:", KGR), ("kgsh:", KGSH), ("rdfs:", RDFS), ("rdf:", RDF), ("prov:", PROV), ("owl:", OWL),
    ):
        if iri.startswith(str(ns)):
            return prefix + iri[len(str(ns)):]
    return iri if iri.startswith(("_:", '"')) else f"<{iri}>"


def _format_violation(v: Violation) -> str:
    node = _short(v.focus_node) + (f' ("{v.focus_label}")' if v.focus_label else "")
    lines = [f"[{v.severity}] {node}", f"  property: {_short(v.path)}"]
    if v.value is not None:
        lines.append(f"  value:    {_short(v.value)}")
    lines.append(f"  problem:  {v.message}")
    lines.append(f"  shape:    {_short(v.shape)}")
    if v.sentence:
        lines.append(f'  sentence: "{v.sentence}"')
    return "\n".join(lines)


def _summary(report: ValidationReport) -> str:
    counts = {s: sum(1 for v in report.violations if v.severity == s) for s in _SEVERITY_RANK}
    owl = {True: "consistent", False: "inconsistent", None: "not checked"}[report.owl.consistent]
    verdict = "OK" if report.ok else "FAILED"
    return (
        f"{verdict}: {counts['Violation']} violation(s), {counts['Warning']} warning(s), "
        f"{counts['Info']} info; OWL {owl} ({report.owl.reasoner})"
    )

"""Validate a graph: SHACL shapes and OWL consistency.

``validate_store`` validates where the data lives: the shapes compiled to
SPARQL (``shacl_sparql``) and the OWL 2 RL rules as queries (``owl_rl``),
seconds on a corpus. ``validate_graph`` is the reference on an rdflib graph
(the union of the document graphs): pySHACL with ``inference='none'`` and the
ontology as ``ont_graph`` (its rdfs:subClassOf lets a shape on ``kgo:Event``
check every ``kgo:Summit``), and OWL consistency by owlrl, HermiT or Pellet
through owlready2 when Java is there, or a pure-Python check of disjoint
classes and sameAs/differentFrom clashes. The ontology and the shapes are
read from ``resources`` (``ontology/kgo.ttl``, ``shapes.ttl``).
"""
from __future__ import annotations

import contextlib
import functools
import io
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from . import owl_rl, resources
from .errors import ValidationSetupError
from .shacl_sparql import FOCUS, PATH, VALUE, Check, compile_shapes
from .rdf import ANSWERS_GRAPH, ONTOLOGY_GRAPH
from .store import Store, Term

if TYPE_CHECKING:
    from .remote_store import RemoteStore

KGO = Namespace("https://w3id.org/kg-builder/ontology#")
KGR = Namespace("https://w3id.org/kg-builder/id/")
KGSH = Namespace("https://w3id.org/kg-builder/shapes#")

REASONERS = ("auto", "owlrl", "hermit", "pellet", "none")
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
    _require_something_to_check(lambda s, p, o: (s, p, o) in data, shapes, ontology)
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
    """OWL consistency of ontology + data: owlrl's OWL RL closure, a Java reasoner, or the built-in check."""
    java = shutil.which("java")
    if reasoner == "owlrl":
        return _rl_result(owl_rl.owlrl_clashes(data, ontology), "owlrl", "OWL RL closure (owlrl)")
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


Holds = Callable[[Node | None, Node | None, Node | None], bool]  # does the data hold a matching triple?


def _require_something_to_check(holds: Holds, shapes: Graph, ontology: Graph) -> None:
    """Validation that checks nothing must not pass: no ontology, no shapes or no focus node is an error."""
    hint = "point KG_ONTOLOGY_DIR at the folder holding kgo.ttl and shapes.ttl, or use the project's ontology/"
    if (None, RDF.type, OWL.Class) not in ontology:
        raise ValidationSetupError(f"the ontology {resources.ontology_file()} declares no OWL class", hint=hint)
    targets = [t for t in _TARGETS if (None, t, None) in shapes]
    if not targets:
        raise ValidationSetupError(f"the shapes file {resources.shapes_file()} has no shape with a target",
                                   hint=hint)
    if not holds(None, None, None):
        raise ValidationSetupError("the store holds no document triples: there is nothing to validate",
                                   hint="build documents first with `kg build`")
    if not any(_targets_something(holds, shapes, ontology, t) for t in targets):
        raise ValidationSetupError("no node of the data is the target of any shape: nothing would be checked",
                                   hint="check that shapes.ttl targets the classes and properties the data uses")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _targets_something(holds: Holds, shapes: Graph, ontology: Graph, target: URIRef) -> bool:
    for value in shapes.objects(None, target):
        if target == SH.targetNode and holds(value, None, None):
            return True
        if target in (SH.targetSubjectsOf, SH.targetObjectsOf) and holds(None, value, None):
            return True
        if target == SH.targetClass:
            classes = set(ontology.transitive_subjects(RDFS.subClassOf, value))
            if any(holds(None, RDF.type, c) for c in classes | {value}):
                return True
    return False


def _store_holds(store: Store | RemoteStore, graph: str | None = None) -> Holds:
    """``Holds`` for the document graphs of a store, asked as SPARQL ASK; for one document, of the
    nodes its graph describes, as the store says them (they are what would be checked): asked of
    every graph, the question would grow with the store."""

    def holds(s: Node | None, p: Node | None, o: Node | None) -> bool:
        terms = [t.n3() if t is not None else f"?v{i}" for i, t in enumerate((s, p, o))]
        where = f"GRAPH <{graph}> {{ {terms[0]} ?_p ?_o }} {' '.join(terms)}" if graph else \
            f"GRAPH ?g {{ {' '.join(terms)} }} FILTER (?g != <{ONTOLOGY_GRAPH}> && ?g != <{ANSWERS_GRAPH}>)"
        return bool(store.query(f"ASK {{ {where} }}", trusted=True).boolean)

    return holds


def _load_turtle(path: Path, what: str) -> Graph:
    """A copy of the file's graph, for what may change it (pyshacl adds a few triples to its graphs)."""
    cached = _read_turtle(path, what)
    fresh = Graph()
    for prefix, namespace in cached.namespaces():
        fresh.bind(prefix, namespace)
    fresh += cached
    return fresh


def _read_turtle(path: Path, what: str) -> Graph:
    """The file's graph as parsed once per process, shared: only read it (``_load_turtle`` copies it)."""
    try:
        return _parse_cached(str(path), path.stat().st_mtime_ns)
    except FileNotFoundError as exc:
        hint = "set KG_ONTOLOGY_DIR to the folder holding kgo.ttl and shapes.ttl"
        raise ValidationSetupError(f"{what} file not found: {path}", hint=hint) from exc
    except Exception as exc:
        raise ValidationSetupError(f"cannot parse {what} file {path}: {exc}") from exc


@functools.lru_cache(maxsize=8)
def _parse_cached(path: str, mtime_ns: int) -> Graph:
    # Keyed on mtime so an edited file is re-read.
    return Graph().parse(path, format="turtle")


# --------------------------------------------------------------------------
# SHACL
# --------------------------------------------------------------------------


def _run_shacl(data: Graph, shapes: Graph, ontology: Graph) -> Graph:
    try:
        import pyshacl

        _conforms, results, _text = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none",
            abort_on_first=False, allow_warnings=True, meta_shacl=False, inplace=False,
        )
    except Exception as exc:  # bad shapes, bad SPARQL in a constraint, broken install
        raise ValidationSetupError(f"SHACL validation could not run: {exc}") from exc
    if not isinstance(results, Graph):  # pyshacl returns (not raises) a ValidationFailure for bad shapes
        raise ValidationSetupError(f"SHACL validation could not run: {results}", hint="check ontology/shapes.ttl")
    return results


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
        for x, y in merged.query(_prepared(_SAME_BUT_DIFFERENT))
    ]
    return sorted(set(clashes))


def _disjoint_clashes(merged: Graph) -> list[str]:
    pairs = _disjoint_pairs(merged)
    clashes = []
    for x, classes in _individual_types(merged).items():
        if OWL.Nothing in classes:
            clashes.append(f"{_curie(x)} is an instance of owl:Nothing")
        clashes += [
            f"{_curie(x)} is both {_curie(a)} and {_curie(b)}, declared disjoint"
            for a, b in pairs if str(a) < str(b) and a in classes and b in classes
        ]
    return clashes


# The two readings of the graph below are plain Python: as SPARQL queries, rdflib took a quarter
# of a second on a small graph, a few ms this way.
def _disjoint_pairs(merged: Graph) -> set[tuple[Node, Node]]:
    """Classes declared disjoint (owl:disjointWith, owl:AllDisjointClasses), each pair both ways."""
    pairs = set()
    for a, b in merged.subject_objects(OWL.disjointWith):
        pairs |= {(a, b), (b, a)}
    for axiom in merged.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in merged.objects(axiom, OWL.members):
            classes = {c for cell in _reachable(merged, members, RDF.rest) for c in merged.objects(cell, RDF.first)}
            pairs |= {(a, b) for a in classes for b in classes if a != b}
    return pairs


def _individual_types(merged: Graph) -> dict[Node, set[Node]]:
    """The classes an OWL reasoner would give each node, short of full OWL: its asserted named types,
    those of the nodes one owl:sameAs away, the named rdfs:domain / rdfs:range classes of the properties
    it is the subject / (non-literal) object of; each closed upwards along rdfs:subClassOf."""
    def named(link: URIRef) -> dict[Node, set[Node]]:
        found: dict[Node, set[Node]] = {}
        for s, o in merged.subject_objects(link):
            if isinstance(o, URIRef):
                found.setdefault(s, set()).add(o)
        return found

    asserted, domains, ranges = named(RDF.type), named(RDFS.domain), named(RDFS.range)
    types: dict[Node, set[Node]] = {x: set(ts) for x, ts in asserted.items()}
    for s, p, o in merged:
        if p in domains:
            types.setdefault(s, set()).update(domains[p])
        if p in ranges and not isinstance(o, Literal):
            types.setdefault(o, set()).update(ranges[p])
    for a, b in merged.subject_objects(OWL.sameAs):
        for x, y in ((a, b), (b, a)):
            if y in asserted:
                types.setdefault(x, set()).update(asserted[y])
    above: dict[Node, set[Node]] = {}
    return {x: set().union(*(_reachable(merged, t, RDFS.subClassOf, above) for t in ts)) for x, ts in types.items()}


def _reachable(graph: Graph, start: Node, link: URIRef, known: dict[Node, set[Node]] | None = None) -> set[Node]:
    """``start`` and every node reached from it along ``link`` (as SPARQL's ``link*``); ``known``
    keeps the answers for the next call."""
    if known is not None and start in known:
        return known[start]
    found, todo = {start}, [start]
    while todo:
        for node in graph.objects(todo.pop(), link):
            if node not in found:
                found.add(node)
                todo.append(node)
    if known is not None:
        known[start] = found
    return found


def _curie(node: Node) -> str:
    return _short(str(node)) if isinstance(node, URIRef) else node.n3()


def _merged(data: Graph, ontology: Graph) -> Graph:
    merged = Graph()
    for triple in _iter_union(data, ontology):
        merged.add(triple)
    return merged


_NS = {"owl": OWL, "rdf": RDF, "rdfs": RDFS}


@functools.cache
def _prepared(query: str) -> Query:
    # rdflib parses a query string anew on every call (~50 ms for these); the queries are fixed
    return prepareQuery(query, initNs=_NS)


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


# --------------------------------------------------------------------------
# Validation inside the store: compiled SHACL checks and OWL RL as queries
# --------------------------------------------------------------------------

STORE_REASONERS = ("rl",) + REASONERS
RL = "owl-rl"  # the reasoner name reported for the OWL RL rules run as queries
_CHUNK = 400  # nodes per VALUES block when describing the nodes of the results


def validate_store(store: Store | RemoteStore, *, graph: str | None = None, reasoner: str = "rl",
                   progress: Callable[[str], None] | None = None) -> ValidationReport:
    """Validate the store's union where it lives, or one document's named graph: the shapes against that
    graph alone, the OWL RL clashes of its nodes against the types the whole store gives them.

    ``store`` is the embedded store or a SPARQL server (``RemoteStore``): all
    that is asked of it is queries (and, for the in-memory reasoners, a copy).

    SHACL runs as the queries of ``shacl_sparql``; OWL consistency by the OWL RL
    rules of ``owl_rl`` (``rl``), by owlrl on an in-memory copy (``owlrl``, the
    reference, slow at scale), or by a Java reasoner (``hermit``, ``pellet``).
    """
    if reasoner not in STORE_REASONERS:
        raise ValidationSetupError(f"unknown reasoner {reasoner!r}", hint=f"use one of: {', '.join(STORE_REASONERS)}")
    say = progress or (lambda _message: None)
    # Read, never changed here (pySHACL, which adds to its graphs, does not run on the store): no copies,
    # which cost more than the checks of a small store.
    ontology = _read_turtle(resources.ontology_file(), "ontology")
    _require_something_to_check(_store_holds(store, graph), _read_turtle(resources.shapes_file(), "SHACL shapes"),
                                ontology)
    checks = _compiled_checks(str(resources.shapes_file()), str(resources.ontology_file()))
    started = time.perf_counter()
    found: list[tuple[Check, dict[str, Term | None]]] = []
    for i, check in enumerate(checks, 1):
        result = store.query(check.sparql(graph), trusted=True)
        found += [(check, dict(zip(result.variables, row))) for row in result.terms]
        if i % 25 == 0 or i == len(checks):
            say(f"SHACL: {i}/{len(checks)} checks, {len(found)} result(s), {time.perf_counter() - started:.1f} s")
    violations, results = _store_results(store, found)
    started = time.perf_counter()
    owl = _store_owl(store, ontology, reasoner, graph)
    say(f"OWL ({owl.reasoner}): {time.perf_counter() - started:.1f} s")
    return ValidationReport(
        conforms=not any(v.severity == "Violation" for v in violations),
        violations=violations, owl=owl, report_turtle=results.serialize(format="turtle"),
    )


@functools.lru_cache(maxsize=4)
def _compiled_checks(shapes_path: str, ontology_path: str) -> tuple[Check, ...]:
    shapes = _read_turtle(Path(shapes_path), "SHACL shapes")
    return tuple(compile_shapes(shapes, _read_turtle(Path(ontology_path), "ontology")))


@functools.lru_cache(maxsize=4)
def _closed_tbox(ontology_path: str, mtime_ns: int) -> owl_rl.Tbox:
    return owl_rl.tbox(_read_turtle(Path(ontology_path), "ontology"))


def _nodes_of(store: Store | RemoteStore, graph: str) -> tuple[str, ...]:
    """The IRIs a named graph says something about, in N-Triples form."""
    result = store.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER (isIRI(?s)) }}")
    return tuple(sorted(row[0].nt for row in result.terms if row[0] is not None))


def _store_owl(store: Store | RemoteStore, ontology: Graph, reasoner: str, graph: str | None) -> OwlResult:
    if reasoner == "rl":
        path = resources.ontology_file()
        tbox = _closed_tbox(str(path), path.stat().st_mtime_ns)
        clashes = owl_rl.clashes(store.query, tbox, *((_nodes_of(store, graph), graph) if graph else ()))
        return _rl_result(clashes, RL, "OWL 2 RL rules on the store")
    return check_owl(_describing(store, graph), ontology, reasoner)


def _rl_result(clashes: list[str], name: str, how: str) -> OwlResult:
    if not clashes:
        return OwlResult(True, name, f"{how}: no clash found")
    shown = "; ".join(clashes[:5]) + (f" (and {len(clashes) - 5} more)" if len(clashes) > 5 else "")
    return OwlResult(False, name, f"{how}: {shown}")


def _describing(store: Store | RemoteStore, graph: str | None) -> Graph:
    """The union as an rdflib graph, or the triples about the nodes of one named graph."""
    if graph is None:
        return store.as_rdflib()
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ GRAPH <{graph}> "
                         "{ ?s ?_p ?_o } } } ?s ?p ?o }")
    return Graph().parse(data=result.graph_ntriples or "", format="nt")


def _store_results(store: Store | RemoteStore, found: list[tuple[Check, dict[str, Term | None]]]
                   ) -> tuple[tuple[Violation, ...], Graph]:
    """Violations (with each focus node's label and sentence) and the SHACL results graph."""
    focus_nodes = sorted({row[FOCUS].nt for _, row in found if row.get(FOCUS) is not None})
    described = _describe(store, focus_nodes)
    report, results = BNode(), Graph()
    results.add((report, RDF.type, SH.ValidationReport))
    violations = []
    for check, row in found:
        focus, value = _node(row.get(FOCUS)), _node(row.get(VALUE))
        path = URIRef(check.path) if check.path is not None else _node(row.get(PATH))
        label, sentence = described.get(row[FOCUS].nt, (None, None)) if row.get(FOCUS) else (None, None)
        violations.append(Violation(
            focus_node=_term_text(focus, results), path=None if path is None else str(path),
            value=None if value is None else _term_text(value, results), message=check.message,
            severity=check.severity, shape=check.shape, sentence=sentence, focus_label=label))
        result = BNode()
        results.add((report, SH.result, result))
        for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, focus), (SH.resultPath, path),
                     (SH.value, value), (SH.sourceShape, URIRef(check.shape)),
                     (SH.resultSeverity, SH[check.severity]), (SH.resultMessage, Literal(check.message))):
            if o is not None:
                results.add((result, p, o))
    conforms = not any(v.severity == "Violation" for v in violations)
    results.add((report, SH.conforms, Literal(conforms)))
    return tuple(sorted(violations, key=_sort_key)), results


def _describe(store: Store | RemoteStore, nodes: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """rdfs:label and evidence sentence (its own, else its evidence's) of each node, by N-Triples form."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(nodes), _CHUNK):
        values = " ".join(nodes[start:start + _CHUNK])
        result = store.query(f"""SELECT ?x (MIN(STR(?l)) AS ?label) (MIN(STR(?own)) AS ?mine) (MIN(STR(?s)) AS ?theirs)
            WHERE {{ VALUES ?x {{ {values} }} OPTIONAL {{ ?x <{RDFS.label}> ?l }} OPTIONAL {{ ?x <{KGO.sentence}> ?own }}
                     OPTIONAL {{ ?x <{PROV.wasDerivedFrom}>/<{KGO.sentence}> ?s }} }} GROUP BY ?x""", trusted=True)
        for terms, row in zip(result.terms, result.rows):
            found[terms[0].nt] = (row[1], row[2] if row[2] is not None else row[3])
    return found


def _node(term: Term | None) -> Node | None:
    if term is None:
        return None
    if term.kind == "uri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    plain = term.datatype in (None, str(XSD.string))  # as rdflib reads "text" from Turtle
    return Literal(term.value, datatype=None if plain else URIRef(term.datatype))

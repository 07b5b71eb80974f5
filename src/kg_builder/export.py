"""Serialize the store's document graphs, deterministically, and write files atomically.

The same store content always gives byte-identical output: statements are
sorted, prefixes are fixed. Turtle, RDF/XML and N-Triples hold the union of the
document graphs; TriG, N-Quads and JSON-LD keep one named graph per document.
Every export describes itself (VoID, DCAT, an owl:Ontology header importing
kgo; each document graph says which build made it, in PROV-O); the ontology
is included only on request.
"""
from __future__ import annotations

import contextlib
import glob
import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, OutputError
from . import rdf
from .rdf import PREFIXES
from .store import Store

FORMATS = ("turtle", "trig", "nquads", "json-ld", "rdfxml", "ntriples")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld",
            "rdfxml": ".rdf", "ntriples": ".nt"}


def export_dataset(store: Store, fmt: str = "turtle", output: Path | None = None, *,
                   with_ontology: bool = False, license_iri: str | None = None) -> bytes | None:
    """Serialize the store in ``fmt``; write it to ``output`` (atomically) or return the bytes."""
    data = render(store, fmt, with_ontology=with_ontology, license_iri=license_iri)
    if output is None:
        return data
    write_atomic(Path(output), data)
    return None


def render(store: Store, fmt: str, *, with_ontology: bool = False, license_iri: str | None = None) -> bytes:
    """The document graphs of ``store`` in ``fmt`` (one of FORMATS), with the dataset's description.

    The description (VoID, DCAT, an owl:Ontology header importing kgo) sits in
    its own graph; ``with_ontology`` adds the ontology's own graph too.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    documents = _sorted_quads(store.export("nquads"))
    quads = documents + _described(documents, license_iri)
    if with_ontology:
        quads += _ontology(store)
    if fmt == "nquads":
        return "".join(sorted({f"{q} .\n" for q in quads})).encode("utf-8")
    if fmt == "ntriples":
        return "".join(sorted({f"{q.triple} .\n" for q in quads})).encode("utf-8")
    if fmt == "turtle":
        return _with_header(ox.serialize(_union(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    if fmt == "trig":
        return _with_header(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
    if fmt == "rdfxml":
        return ox.serialize(_union(quads), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES) + b"\n"
    return compact_json_ld(quads)


def _described(documents: list[ox.Quad], license_iri: str | None) -> list[ox.Quad]:
    """The dataset's description as quads of DATASET_GRAPH."""
    sizes: dict[str, int] = {}
    for q in documents:
        sizes[q.graph_name.value] = sizes.get(q.graph_name.value, 0) + 1
    total = len({str(q.triple) for q in documents})
    text = rdf.dataset_ntriples(sizes, total, license_iri)
    graph = ox.NamedNode(rdf.DATASET_GRAPH)
    return sorted((ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(text, ox.RdfFormat.N_TRIPLES)),
                  key=_quad_key)


def _ontology(store: Store) -> list[ox.Quad]:
    """The ontology graph with its blank nodes canonically named, so that exports stay byte-identical."""
    inside = [q for q in store.quads(include_ontology=True) if q.graph_name.value == rdf.ONTOLOGY_GRAPH]
    data = ox.Dataset(inside)
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(data, key=_quad_key)


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)


def compact_json_ld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD with a compact @context: the project's prefixes, one @graph per named graph.

    IRIs are written as prefixed names wherever a prefix fits; literals keep their exact
    lexical form and datatype, so the document reads back to the same triples.
    """
    graphs: dict[str, dict[str, dict[str, list]]] = {}
    for q in quads:
        node = graphs.setdefault(q.graph_name.value, {}).setdefault(_json_id(q.subject), {})
        if q.predicate.value == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(rdf.shorten(q.object.value))
        else:
            node.setdefault(rdf.shorten(q.predicate.value), []).append(_json_value(q.object))
    doc = {"@context": dict(PREFIXES), "@graph": [
        {"@id": rdf.shorten(name), "@graph": [{"@id": node_id, **{k: sorted(v, key=_sort_key) if k != "@type" else sorted(v)
                                                               for k, v in sorted(props.items())}}
                                           for node_id, props in sorted(nodes.items())]}
        for name, nodes in sorted(graphs.items())]}
    return (json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else rdf.shorten(term.value)


def _json_value(term) -> dict[str, str]:
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _json_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value != _XSD_STRING:
        return {"@value": term.value, "@type": rdf.shorten(term.datatype.value)}
    return {"@value": term.value}


def _sort_key(value: dict[str, str]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A failure leaves an earlier file at ``path`` untouched. ``path`` must be a regular file
    or not exist; a symbolic link to a regular file is written through (the link stays).
    Temporary files that a killed kg left beside ``path`` are removed first.
    """
    path = _target(Path(path))
    _remove_stale_temporaries(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                         suffix=".tmp", delete=False) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except OSError as e:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise OutputError(f"cannot write {path}: {e.strerror or e}",
                          hint="check the folder exists, is writable and has space; the earlier file is kept") from e


def _target(path: Path) -> Path:
    """The regular file to replace for ``path``: a link is followed, anything else refused."""
    real = path.resolve() if path.is_symlink() else path
    if real.exists() and not real.is_file():
        kind = "a folder" if real.is_dir() else "not a regular file (a device, pipe or socket)"
        raise OutputError(f"{path} is {kind}; kg writes only regular files",
                          hint="give --output a file name, or leave it out to write to standard output")
    if path.is_symlink() and not real.parent.is_dir():
        raise OutputError(f"{path} is a link to {real}, whose folder does not exist")
    return real


def _remove_stale_temporaries(path: Path) -> None:
    """Delete ``.NAME.PID.*.tmp`` files beside ``path`` whose process is gone (killed mid-write)."""
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = tmp.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sorted_quads(nquads: bytes) -> list[ox.Quad]:
    """Quads grouped by graph, then sorted by subject, predicate and object."""
    quads = list(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _union(quads: list[ox.Quad]) -> list[ox.Triple]:
    unique = {str(q.triple): q.triple for q in quads}
    return [unique[k] for k in sorted(unique, key=lambda k: _triple_key(unique[k]))]


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return str(t.subject), str(t.predicate), str(t.object)


def _with_header(body: bytes) -> bytes:
    """Replace the serializer's prefix lines with the fixed declarations, in a fixed order."""
    lines = body.decode("utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("@prefix "):
        lines.pop(0)
    header = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    return (header + "\n" + "".join(lines)).encode("utf-8")


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

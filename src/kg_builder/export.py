"""Serialize the store's document graphs, deterministically, and write files atomically.

The same store content always gives byte-identical output: statements come in
a fixed order (a graph's sorted, or the union's in the store's order), prefixes
are fixed. Turtle, RDF/XML and N-Triples hold the union of the document graphs;
TriG, N-Quads and JSON-LD keep one named graph per document.
Every export describes itself (VoID, DCAT, an owl:Ontology header importing
kgo; each document graph says which build made it, in PROV-O); the ontology
is included only on request.
"""
from __future__ import annotations

import contextlib
import glob
import io
import itertools
import json
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import pyoxigraph as ox

from .errors import InputError, OutputError
from . import rdf
from .rdf import PREFIXES
from .store import Store

FORMATS = ("turtle", "trig", "nquads", "json-ld", "rdfxml", "ntriples")
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "rdfxml": ox.RdfFormat.RDF_XML, "ntriples": ox.RdfFormat.N_TRIPLES}
GRAPH_FORMATS = ("trig", "nquads")  # one named graph per document; the others hold their union
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld",
            "rdfxml": ".rdf", "ntriples": ".nt"}


def export_dataset(store: Store, fmt: str = "turtle", output: Path | None = None, *,
                   with_ontology: bool = False, license_iri: str | None = None) -> bytes | None:
    """Serialize the store in ``fmt``; write it to ``output`` (atomically) or return the bytes."""
    if output is None:
        return render(store, fmt, with_ontology=with_ontology, license_iri=license_iri)
    write_atomic(Path(output), lambda out: write_dataset(store, fmt, out, with_ontology=with_ontology,
                                                         license_iri=license_iri))
    return None


def render(store: Store, fmt: str, *, with_ontology: bool = False, license_iri: str | None = None) -> bytes:
    """The bytes ``write_dataset`` writes."""
    out = io.BytesIO()
    write_dataset(store, fmt, out, with_ontology=with_ontology, license_iri=license_iri)
    return out.getvalue()


def write_dataset(store: Store, fmt: str, out: BinaryIO, *, with_ontology: bool = False,
                  license_iri: str | None = None) -> None:
    """Write the document graphs of ``store`` to ``out`` in ``fmt`` (one of FORMATS), with the dataset's
    description (VoID, DCAT, an owl:Ontology header importing kgo) in its own graph; ``with_ontology``
    adds the ontology's own graph too.

    The union (turtle, rdfxml, ntriples) comes a triple at a time in the store's order, and the graphs
    (trig, nquads) a graph at a time, each sorted: what is held in memory does not grow with the store
    (Turtle of a 4x corpus store, a million triples: 11 s and 0.3 GB at peak, against 44 s and 1.9 GB
    when every quad was held and sorted). JSON-LD, one JSON document, is the exception: it is built whole.
    """
    _check_format(fmt)
    description = _described(store.graph_sizes(), store.union_size(), license_iri)
    ontology = _ontology(store) if with_ontology else []
    if fmt == "json-ld":
        documents = [q for g in store.document_graphs() for q in store.graph_quads(g)]
        out.write(compact_json_ld(description + ontology + documents))
        return
    if fmt in GRAPH_FORMATS:
        extra = {rdf.DATASET_GRAPH: description, **({rdf.ONTOLOGY_GRAPH: ontology} if with_ontology else {})}
        statements: Iterable[ox.Quad | ox.Triple] = _graph_by_graph(store, extra)
    else:
        statements = itertools.chain(store.union_triples(), (q.triple for q in description + ontology))
    target = _FixedPrefixes(out) if fmt in ("turtle", "trig") else out
    ox.serialize(statements, target, OX_FORMATS[fmt], prefixes=PREFIXES)
    if isinstance(target, _FixedPrefixes):
        target.finish()
    elif fmt == "rdfxml":
        out.write(b"\n")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")


def _graph_by_graph(store: Store, extra: dict[str, list[ox.Quad]]) -> Iterator[ox.Quad]:
    """The document graphs and ``extra``'s, in the order of their names, each graph's quads sorted."""
    for name in sorted([*store.document_graphs(), *extra], key=lambda g: f"<{g}>"):
        yield from sorted(extra[name] if name in extra else store.graph_quads(name), key=_quad_key)


class _FixedPrefixes:
    """Passes on what a Turtle or TriG serializer writes, its @prefix lines replaced by PREFIXES in their
    fixed order (the serializer writes them in an order of its own)."""

    HEADER = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()).encode("utf-8") + b"\n"

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._head: bytes | None = b""  # what came before the first line that is not a prefix; None once passed on

    def write(self, data: bytes) -> int:
        if self._head is None:
            return self._out.write(data)
        self._head += bytes(data)
        lines = self._head.split(b"\n")
        body = next((i for i, line in enumerate(lines[:-1]) if not line.startswith(b"@prefix ")), None)
        if body is not None:
            self._out.write(self.HEADER + b"\n".join(lines[body:]))
            self._head = None
        return len(data)

    def flush(self) -> None:
        self._out.flush()

    def finish(self) -> None:
        """The header, when nothing but prefixes came (an empty store)."""
        if self._head is not None:
            self._out.write(self.HEADER)
            self._head = None


def _described(graph_sizes: dict[str, int], total: int, license_iri: str | None) -> list[ox.Quad]:
    """The dataset's description as quads of DATASET_GRAPH."""
    text = rdf.dataset_ntriples(dict(sorted(graph_sizes.items())), total, license_iri)
    graph = ox.NamedNode(rdf.DATASET_GRAPH)
    return sorted((ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(text, ox.RdfFormat.N_TRIPLES)),
                  key=_quad_key)


def _ontology(store: Store) -> list[ox.Quad]:
    """The ontology graph with its blank nodes canonically named, so that exports stay byte-identical."""
    data = ox.Dataset(store.graph_quads(rdf.ONTOLOGY_GRAPH))
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


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename; ``data`` is the bytes,
    or what writes them to the file it is given (a large export, written as it is made).

    A failure (of the writing or of ``data``'s writer) leaves an earlier file at ``path`` untouched. ``path`` must be a regular file
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
            if callable(data):
                data(tmp)
            else:
                tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException as e:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        if not isinstance(e, OSError):
            raise
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


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

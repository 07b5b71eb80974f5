"""Serialize the store's document graphs, deterministically, and write files atomically.

The same store content always gives byte-identical output: statements are
sorted, prefixes are fixed. Turtle, RDF/XML and N-Triples hold the union of the
document graphs; TriG, N-Quads and JSON-LD keep one named graph per document.
The ontology graph is never exported (it is ontology/kgo.ttl).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, KgError
from .rdf import PREFIXES
from .store import Store

FORMATS = ("turtle", "trig", "nquads", "json-ld", "rdfxml", "ntriples")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld",
            "rdfxml": ".rdf", "ntriples": ".nt"}


def export_dataset(store: Store, fmt: str = "turtle", output: Path | None = None) -> bytes | None:
    """Serialize the store in ``fmt``; write it to ``output`` (atomically) or return the bytes."""
    data = render(store, fmt)
    if output is None:
        return data
    write_atomic(Path(output), data)
    return None


def render(store: Store, fmt: str) -> bytes:
    """The document graphs of ``store`` in ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt in ("nquads", "ntriples"):
        return store.export(fmt)  # already sorted, one statement a line
    quads = _sorted_quads(store.export("nquads"))
    if fmt == "turtle":
        return _with_header(ox.serialize(_union(quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    if fmt == "trig":
        return _with_header(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
    if fmt == "rdfxml":
        return ox.serialize(_union(quads), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES) + b"\n"
    compact = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    return (json.dumps(json.loads(compact), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A failure leaves an earlier file at ``path`` untouched.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
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
        raise KgError(f"cannot write {path}: {e.strerror or e}") from e


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

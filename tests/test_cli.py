"""cli.py: every command documented, one-line errors with exit 2, build/query/validate/export wiring."""
from __future__ import annotations

import json
import os
import re
import signal
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
import pyoxigraph as ox
from click.testing import CliRunner

from kg_builder import pipeline
from kg_builder.cli import cli
from kg_builder.errors import InputError
from kg_builder.model import Document, SourceFile
from kg_builder.pipeline import BuiltDocument, Extracted
from kg_builder.store import Store

KGR = "https://w3id.org/kg-builder/id/"
KGO = "https://w3id.org/kg-builder/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
ROOT = Path(__file__).resolve().parents[1]
DOCS = "https://w3id.org/kg-builder/graph/doc/"


def fake_ntriples(doc_id: str) -> str:
    summit = f"<{KGR}event/{doc_id}-000000000001>"
    span = f"<{KGR}span/{doc_id}-0-20-000000000001>"
    return (f'{summit} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}Summit> .\n'
            f'{summit} <{RDFS}label> "{doc_id} summit" .\n'
            f'{summit} <{KGO}polarity> <{KGO}Positive> .\n{summit} <{KGO}modality> <{KGO}Asserted> .\n'
            f'{summit} <http://www.w3.org/ns/prov#wasDerivedFrom> {span} .\n'
            f'{span} <{KGO}sentence> "They met." .\n')


def fake_extract(source: SourceFile, nlp: object, limits: object = None) -> Extracted:
    path = source.path
    if path.stem == "broken":
        raise InputError(f"{path.name} has no text")
    return Extracted(Document(doc_id=source.doc_id, path=str(path), text="They met."), None, "fake model")


def fake_to_built(extracted: Extracted, known_labels: object = None) -> BuiltDocument:
    document = extracted.document
    return BuiltDocument(document, f"{DOCS}{document.doc_id}", fake_ntriples(Path(document.path).stem), 1)


@pytest.fixture
def env(tmp_path: Path, monkeypatch) -> Path:
    """Fake pipeline, a one-line ontology, and a working folder; returns the store path."""
    onto_dir = tmp_path / "ontology"
    onto_dir.mkdir()
    (onto_dir / "kgo.ttl").write_text(f"<{KGO}Summit> <{RDFS}subClassOf> <{KGO}Event> .\n")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(onto_dir))
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt", "broken.txt", "notes.pdf"):
        (tmp_path / name).write_text("They met.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: object())
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "to_built", fake_to_built)
    return tmp_path / "store"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, prog_name="kg")


@pytest.fixture
def built(env: Path) -> Path:
    result = run("build", "a.txt", "b.txt", "--store", str(env))
    assert result.exit_code == 0, result.output
    return env


def one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    return lines[0]


# -- documentation --------------------------------------------------------------

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS], ids=lambda c: " ".join(c) or "kg")
def test_cli_every_command_has_help_with_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example: kg" in result.output


def test_cli_commands_are_the_documented_set() -> None:
    assert set(COMMANDS) >= {"build", "query", "queries", "validate", "export"}


def test_cli_every_command_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if not re.search(rf"\bkg {c}\b", readme)]
    assert not missing, f"README.md does not show: {', '.join('kg ' + c for c in missing)}"


# -- build ----------------------------------------------------------------------

def test_cli_build_reports_progress_and_stores_graphs(env: Path) -> None:
    result = run("build", "a.txt", "b.txt", "--store", str(env))
    assert result.exit_code == 0, result.output
    assert "1/2 a.txt: 1 facts, 6 triples | " in result.stderr
    assert "2/2 b.txt: 1 facts, 6 triples | " in result.stderr
    assert re.search(r"\d docs/s, .* left", result.stderr)  # rate and time left
    assert "built 2, unchanged 0 (skipped), failed 0 of 2 documents" in result.stderr
    assert result.stdout == ""
    with Store.open(env, create=False) as store:
        assert store.document_graphs() == ["https://w3id.org/kg-builder/graph/doc/a.txt",
                                           "https://w3id.org/kg-builder/graph/doc/b.txt"]
        assert store.query(f"ASK {{ <{KGO}Summit> ?p ?o }}").boolean  # ontology loaded


def test_cli_build_failed_document_leaves_others_and_exits_2(env: Path) -> None:
    result = run("build", "a.txt", "broken.txt", "--store", str(env))
    assert result.exit_code == 2
    assert "2/2 broken.txt: error: [KG100] broken.txt has no text" in result.stderr
    assert "failed: broken.txt: [KG100] broken.txt has no text" in result.stderr  # in the summary
    assert result.stderr.strip().splitlines()[-1].startswith("kg: error: [KG100] 1 of 2 documents failed")
    with Store.open(env, create=False) as store:
        assert store.document_graphs() == ["https://w3id.org/kg-builder/graph/doc/a.txt"]


def test_cli_build_skips_unchanged_documents_unless_forced(env: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("They met.")
    b.write_text("They met.")
    first = run("build", str(a), str(b), "--store", str(env), "--jobs", "1")
    assert first.exit_code == 0 and "compacting the store's new files" in first.stderr  # all of it is new
    again = run("build", str(a), str(b), "--store", str(env), "--jobs", "1")
    assert "built 0, unchanged 2 (skipped)" in again.stderr and "compacting" not in again.stderr
    a.write_text("They met again.")
    changed = run("build", str(a), str(b), "--store", str(env), "--jobs", "1")
    assert "built 1, unchanged 1 (skipped)" in changed.stderr and "a.txt: 1 facts" in changed.stderr
    forced = run("build", str(a), str(b), "--store", str(env), "--jobs", "1", "--force")
    assert "built 2, unchanged 0 (skipped)" in forced.stderr


def test_cli_build_reports_an_unchanged_failing_document_without_parsing_it_again(env: Path, tmp_path: Path,
                                                                                  monkeypatch) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "broken.txt"
    good.write_text("They met.")
    bad.write_text("")
    assert run("build", str(good), str(bad), "--store", str(env), "--jobs", "1").exit_code == 2
    parsed: list[str] = []
    monkeypatch.setattr(pipeline, "extract_document",
                        lambda source, nlp, limits=None: parsed.append(source.path.name) or fake_extract(source, nlp))
    again = run("build", str(good), str(bad), "--store", str(env), "--jobs", "1")
    assert again.exit_code == 2 and parsed == []
    assert "failed: broken.txt: [KG100] broken.txt has no text (unchanged since; --force retries)" in again.stderr
    assert "built 0, unchanged 1 (skipped), failed 1 of 2" in again.stderr
    run("build", str(good), str(bad), "--store", str(env), "--jobs", "1", "--force")
    assert parsed == ["a.txt", "broken.txt"]


def test_cli_build_interrupted_names_what_it_kept_and_builds_the_rest_next_time(env: Path, tmp_path: Path,
                                                                               monkeypatch) -> None:
    for name in ("c.txt", "d.txt"):
        (tmp_path / name).write_text("They met.\n", encoding="utf-8")

    def ctrl_c_at_c(source: SourceFile, nlp: object, limits: object = None) -> Extracted:
        if source.path.name == "c.txt":
            raise KeyboardInterrupt  # Ctrl-C while c.txt is parsed
        return fake_extract(source, nlp)

    monkeypatch.setattr(pipeline, "extract_document", ctrl_c_at_c)
    docs = ("a.txt", "b.txt", "c.txt", "d.txt")
    result = run("build", *docs, "--store", str(env), "--jobs", "1")
    assert result.exit_code == 130 and "compacting" not in result.stderr  # Ctrl-C: no more waiting than needed
    assert ("interrupted: kept the 2 documents built before Ctrl-C (a.txt, b.txt) and the 0 unchanged; "
            "2 not built") in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("kg: error: [KG700] stopped by Ctrl-C")
    with Store.open(env, create=False, read_only=True) as store:
        assert store.document_graphs() == [f"{DOCS}a.txt", f"{DOCS}b.txt"]
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    again = run("build", *docs, "--store", str(env), "--jobs", "1")
    assert again.exit_code == 0 and "built 2, unchanged 2 (skipped)" in again.stderr  # the kept ones were recorded


def test_cli_build_ctrl_c_during_a_write_lets_that_document_finish(env: Path, monkeypatch) -> None:
    def ctrl_c_while_b_is_written(extracted: Extracted, known_labels: object = None) -> BuiltDocument:
        if extracted.document.doc_id == "b.txt":
            os.kill(os.getpid(), signal.SIGINT)
        return fake_to_built(extracted, known_labels)

    monkeypatch.setattr(pipeline, "to_built", ctrl_c_while_b_is_written)
    # Ctrl-C as in a terminal: a test runner's worker may have SIGINT ignored, which a build respects
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run("build", "a.txt", "b.txt", "broken.txt", "--store", str(env), "--jobs", "1")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == 130
    assert "kept the 2 documents built before Ctrl-C (a.txt, b.txt)" in result.stderr
    with Store.open(env, create=False, read_only=True) as store:
        assert store.document_graphs() == [f"{DOCS}a.txt", f"{DOCS}b.txt"]


def test_cli_build_in_parallel_gives_the_same_store(env: Path, tmp_path: Path) -> None:
    names = [f"{c}.txt" for c in "abcde"]
    for name in names:
        (tmp_path / name).write_text("They met.\n", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", *names, "--store", str(one), "--jobs", "1").exit_code == 0
    result = run("build", *names, "--store", str(two), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert [line.split(" | ")[0][23:] for line in result.stderr.splitlines()[:5]] == [
        f"{i}/5 {name}: 1 facts, 6 triples" for i, name in enumerate(names, 1)]  # in order
    with Store.open(one, read_only=True) as first, Store.open(two, read_only=True) as second:
        assert sorted(map(str, first.quads())) == sorted(map(str, second.quads()))


def test_cli_extract_writes_one_nquads_file_per_document_that_load_reads(env: Path, tmp_path: Path) -> None:
    out = tmp_path / "nq"
    result = run("extract", "a.txt", "b.txt", "--output", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.nq", "b.txt.nq"]
    lines = (out / "a.txt.nq").read_text().splitlines()
    assert len(lines) == 6 and all(line.endswith(f"<{DOCS}a.txt> .") for line in lines)
    loaded = run("load", str(out), "--store", str(env))
    assert loaded.exit_code == 0, loaded.output
    with Store.open(env, read_only=True) as store:
        assert store.document_graphs() == [f"{DOCS}a.txt", f"{DOCS}b.txt"]
        expected = sorted((out / "a.txt.nq").read_text().splitlines() + (out / "b.txt.nq").read_text().splitlines())
        assert sorted(f"{q} ." for q in store.quads()) == expected


def test_cli_extract_names_a_file_below_a_subfolder_by_its_whole_id(env: Path, tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "sub" / "a.txt").write_text("They met.\n")
    (tmp_path / "corpus" / "a.txt").write_text("They met.\n")
    out = tmp_path / "nq"
    result = run("extract", "corpus", "--output", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.nq", "sub%2Fa.txt.nq"]  # two documents, two files
    assert run("load", str(out), "--store", str(env)).exit_code == 0
    with Store.open(env, read_only=True) as store:
        assert store.document_graphs() == [f"{DOCS}a.txt", f"{DOCS}sub/a.txt"]


def test_cli_load_refuses_triples_outside_a_named_graph(env: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text(f'<{KGR}x> <{KGO}role> "y" .\n')
    result = run("load", str(bad), "--store", str(env))
    assert result.exit_code == 2 and "in no named graph" in one_error_line(result)


def test_cli_build_nothing_to_build(env: Path) -> None:
    result = run("build", "notes.pdf", "--store", str(env))
    assert result.exit_code == 2
    assert "unsupported file type .pdf" in one_error_line(result)


def test_cli_build_store_from_environment(env: Path, monkeypatch) -> None:
    monkeypatch.setenv("KG_STORE", str(env))
    assert run("build", "a.txt").exit_code == 0
    assert run("query", "summits").exit_code == 0


# -- query ------------------------------------------------------------------------

def test_cli_query_canned_table(built: Path) -> None:
    result = run("query", "summits", "--store", str(built))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["summit", "summit_place", "start", "end", "sentence", "fact"]
    assert "a summit" in result.stdout and "(2 rows)" in result.stdout


def test_cli_query_json_with_param_and_limit(built: Path) -> None:
    fact = "kgr:event/a-000000000001"
    result = run("query", "provenance", "--store", str(built), "--format", "json", "--param", f"fact={fact}")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [r["fact"]["value"] for r in rows] == [KGR + "event/a-000000000001"]
    limited = run("query", "summits", "--store", str(built), "--limit", "1", "--format", "csv")
    assert limited.exit_code == 0 and len(limited.stdout.splitlines()) == 2
    assert "only the first 1 rows" in limited.stderr


def test_cli_query_file_and_stdin(built: Path, tmp_path: Path) -> None:
    q = tmp_path / "count.rq"
    q.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert run("query", str(q), "--store", str(built), "--format", "tsv").stdout.splitlines()[0] == "?n"
    result = run("query", "-", "--store", str(built), "--format", "csv", input="ASK { ?s ?p ?o }")
    assert result.exit_code == 0 and result.stdout == "true\n"


def test_cli_query_all_prints_every_question(built: Path) -> None:
    from kg_builder.queries import list_queries

    result = run("query", "--all", "--store", str(built))
    assert result.exit_code == 0, result.output
    for q in list_queries():
        assert f"== {q.title} ({q.name}) ==" in result.stdout
        assert q.question in result.stdout


def test_cli_query_missing_store_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("query", "summits", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no store at" in one_error_line(result)


def test_cli_query_unknown_is_one_line_exit_2(built: Path) -> None:
    result = run("query", "sumits", "--store", str(built))
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "unknown query 'sumits'" in line and "summits" in line


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_cli_query_file_with_a_syntax_error_names_the_file_line_and_column(built: Path, tmp_path: Path,
                                                                           fmt: str) -> None:
    q = tmp_path / "broken.rq"
    q.write_text("SELECT ?x WHERE {\n  ?x a ?t .\n  FILTER(\n}\n")
    result = run("query", str(q), "--store", str(built), "--format", fmt)
    assert result.exit_code == 2
    assert f"[KG301] {q}: invalid SPARQL at line 3, column 3" in one_error_line(result)
    result = run("query", "-", "--store", str(built), input="SELECT ?x WHERE { ?x ?y }")
    assert "[KG301] standard input: invalid SPARQL at line 1" in one_error_line(result)


def test_cli_query_service_refused(built: Path) -> None:
    result = run("query", "-", "--store", str(built), input="SELECT * { SERVICE <http://x.org/q> { ?s ?p ?o } }")
    assert result.exit_code == 2 and "SERVICE" in one_error_line(result)


def test_cli_query_usage_errors(built: Path) -> None:
    assert run("query", "--store", str(built)).exit_code == 2
    assert run("query", "summits", "--all", "--store", str(built)).exit_code == 2
    assert run("query", "summits", "--param", "fact", "--store", str(built)).exit_code == 2


def test_cli_queries_lists_names_and_questions() -> None:
    result = run("queries")
    assert result.exit_code == 0
    assert any(line.startswith("summits ") and "Which summits took place" in line
               for line in result.stdout.splitlines())
    assert "[--param fact, document]" in result.stdout


# -- validate ---------------------------------------------------------------------

@dataclass
class FakeReport:
    conforms: bool
    report_turtle: str = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] a sh:ValidationReport .\n"

    @property
    def ok(self) -> bool:
        return self.conforms


@pytest.fixture
def fake_validate(monkeypatch):
    calls: list[dict] = []
    module = types.ModuleType("kg_builder.validate")
    module.conforms = True

    def validate_graph(data, *, reasoner="auto"):
        calls.append({"triples": len(data), "reasoner": reasoner})
        return FakeReport(module.conforms)

    def validate_store(store, *, graph=None, reasoner="rl", progress=None):
        calls.append({"graph": graph, "reasoner": reasoner})
        return FakeReport(module.conforms)

    module.validate_graph = validate_graph
    module.validate_store = validate_store
    module.format_report = lambda report: "SHACL: " + ("conforms" if report.ok else "3 violations")
    module.calls = calls
    monkeypatch.setitem(sys.modules, "kg_builder.validate", module)
    return module


def test_cli_validate_ok_exits_0(built: Path, fake_validate) -> None:
    result = run("validate", "--store", str(built), "--reasoner", "none")
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms" in result.stdout
    assert fake_validate.calls == [{"graph": None, "reasoner": "none"}]


def test_cli_validate_pyshacl_gets_the_documents_only(built: Path, fake_validate) -> None:
    result = run("validate", "--store", str(built), "--shacl", "pyshacl")
    assert result.exit_code == 0, result.output
    assert fake_validate.calls == [{"triples": 12, "reasoner": "owlrl"}]  # documents only, no ontology


def test_cli_validate_one_document(built: Path, fake_validate) -> None:
    result = run("validate", "--store", str(built), "--document", "a.txt")
    assert result.exit_code == 0, result.output
    assert fake_validate.calls == [{"graph": f"{DOCS}a.txt", "reasoner": "rl"}]
    missing = run("validate", "--store", str(built), "--document", "nope")
    assert missing.exit_code == 2 and "no document nope" in one_error_line(missing)


def test_cli_validate_not_ok_exits_1_and_writes_report(built: Path, fake_validate, tmp_path: Path) -> None:
    fake_validate.conforms = False
    report = tmp_path / "report.ttl"
    result = run("validate", "--store", str(built), "--report", str(report))
    assert result.exit_code == 1
    assert "3 violations" in result.stdout
    assert report.read_text().startswith("@prefix sh:")


def test_cli_validate_integrity_check_failure_exits_1(env: Path, fake_validate) -> None:
    with Store.open(env) as store:
        store.replace_graph("https://w3id.org/kg-builder/graph/doc/x",
                            f'<{KGR}span/x> <{KGO}beginIndex> "9"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                            f'<{KGR}span/x> <{KGO}endIndex> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    result = run("validate", "--store", str(env))
    assert result.exit_code == 1
    assert "check span-offsets-violation: 1 violation(s)" in result.stdout
    assert "kgspan:x" in result.stdout


def test_cli_validate_missing_store_exits_2(tmp_path: Path, fake_validate) -> None:
    result = run("validate", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "no store" in one_error_line(result)


# -- export -----------------------------------------------------------------------

def test_cli_export_stdout_and_file(built: Path, tmp_path: Path) -> None:
    stdout = run("export", "--store", str(built))
    assert stdout.exit_code == 0
    assert stdout.stdout_bytes.startswith(b"@prefix kgo: <https://w3id.org/kg-builder/ontology#> .")
    out = tmp_path / "graph.trig"
    result = run("export", "--store", str(built), "--format", "trig", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert DOCS + "a.txt" in {q.graph_name.value for q in ox.parse(out.read_bytes(), ox.RdfFormat.TRIG)}
    assert f"wrote {out}" in result.stderr


def test_cli_export_bad_format_is_usage_error(built: Path) -> None:
    result = run("export", "--store", str(built), "--format", "yaml")
    assert result.exit_code == 2


def test_cli_text_prints_the_cleaned_text_the_offsets_index(tmp_path: Path) -> None:
    from kg_builder import rdf
    from kg_builder.model import Facts

    text = "First line.\n\nSecond — with a dash."
    doc = Document(doc_id="d1", path="d1.txt", text=text, title="T")
    with Store.open(tmp_path / "s") as store:
        store.replace_graph(rdf.graph_iri(doc), rdf.to_ntriples(Facts(document=doc)))
    result = run("text", "d1", "--store", str(tmp_path / "s"))
    assert result.exit_code == 0 and result.stdout == text
    assert "sha256" in result.stderr
    missing = run("text", "nope", "--store", str(tmp_path / "s"))
    assert missing.exit_code == 2 and "no document 'nope'" in one_error_line(missing)

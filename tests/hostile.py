"""Helpers for the hostile-input suite (tests/test_hostile_*.py): a stand-in for spaCy and the CLI.

The stand-in keeps every stage but the statistical model: documents are really read,
cleaned, identified, turned into RDF, stored and exported; only ``facts_of`` is replaced
by one that makes an entity and an event from the document's first line, so that the
text of the document (whatever it holds) flows into labels and evidence.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg_builder import pipeline
from kg_builder.cli import cli
from kg_builder.model import Document, Entity, Event, Evidence, Facts, Span
from kg_builder.store import Store

ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/graph/ontology"
DOCS = "https://w3id.org/kg-builder/graph/doc/"
EX = "http://example.org/"


def first_line_facts(document: Document, _pipeline: object = None) -> Facts:
    """An entity named after, and an event evidenced by, the document's first line."""
    first = document.text.split("\n", 1)[0]
    evidence = Evidence(Span(0, len(first), first), "rule:hostile-test", 0.5)
    someone = Entity("person/someone", "Person", first[:40].strip() or "someone")
    event = Event(f"event/{document.doc_id}-000000000001", "Meeting", first[:60].strip() or "meeting",
                  evidence, participants=(someone.key,))
    return Facts(document, entities=(someone,), events=(event,))


def every_line_facts(document: Document, _pipeline: object = None) -> Facts:
    """One event per line of the text, each with its own evidence span: a bigger graph per document."""
    someone = Entity("person/someone", "Person", "someone")
    events, begin = [], 0
    for i, line in enumerate(document.text.split("\n")):
        if line:
            evidence = Evidence(Span(begin, begin + len(line), line), "rule:hostile-test", 0.5)
            events.append(Event(f"event/{document.doc_id}-{i:012x}", "Meeting", line[:60], evidence,
                                participants=(someone.key,)))
        begin += len(line) + 1
    return Facts(document, entities=(someone,), events=tuple(events))


@pytest.fixture
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build without the spaCy model (see the module docstring)."""
    monkeypatch.setattr(pipeline, "facts_of", first_line_facts)
    _no_model(monkeypatch)


@pytest.fixture
def no_spacy_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """As `no_spacy`, with one event per line (`every_line_facts`)."""
    monkeypatch.setattr(pipeline, "facts_of", every_line_facts)
    _no_model(monkeypatch)


def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: _NoModel())


class _NoModel:
    class nlp:  # build_document raises the model's length limit and names the model in the provenance
        max_length = 1_000_000
        meta = {"lang": "en", "name": "stand_in", "version": "0"}

    def __init__(self) -> None:
        self.read: dict = {}  # documents read with their batch (pipeline.parsed_together): none, unparsed


def kg(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, prog_name="kg")


def run_kg(args: list[str], stdout=subprocess.PIPE, input: str | None = None) -> subprocess.CompletedProcess:
    """`kg ARGS` in a process of its own, for what only a process shows (its exit, its real streams)."""
    code = "import sys; from kg_builder.cli import main; sys.argv = ['kg'] + sys.argv[1:]; main()"
    return subprocess.run([sys.executable, "-c", code, *args], stdout=stdout, stderr=subprocess.PIPE,
                          input=input, text=True, timeout=120)


def one_error(result: Result, code: str) -> str:
    """The single stderr line of a failed command, checked to carry ``code`` and no traceback."""
    line = error_line(result.stderr, code)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return line


def error_line(stderr: str, code: str) -> str:
    """The last line of ``stderr``, checked to be kg's error line with ``code``, and no traceback."""
    lines = stderr.strip().splitlines()
    assert lines and lines[-1].startswith(f"kg: error: [{code}]"), stderr
    assert "Traceback" not in stderr
    return lines[-1]


def write(path: Path, text: str = "The envoys met in Geneva.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def store_with(store_dir: Path, triples_per_document: dict[str, int]) -> Path:
    """A store holding, for each document id, that many triples ``<http://example.org/{id}-{i}> <p> "i"``."""
    with Store.open(store_dir) as store:
        for doc_id, count in triples_per_document.items():
            store.replace_graph(DOCS + doc_id, "".join(f'<{EX}{doc_id}-{i}> <{EX}p> "{i}" .\n' for i in range(count)))
    return store_dir


def graphs(store_dir: Path) -> list[str]:
    with Store.open(store_dir, create=False, read_only=True) as store:
        return store.document_graphs()

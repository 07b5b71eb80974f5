"""kill -9 at random points of a build: every document graph is whole or absent afterwards, and
building again gives byte-identical exports.

The build runs in a child process with the real CLI, reader, RDF layer and store; only spaCy is
replaced by the stand-in of tests/hostile.py (one event per line), so that a build takes a
fraction of a second and twenty kills fit in the slow tier. What a kill can break is the store's
writes, and those are the real ones.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import to_canonical_graph

from hostile import kg, no_spacy_every_line  # noqa: F401
from kg_builder.export import render
from kg_builder.store import Store

pytestmark = pytest.mark.slow

KILLS = 20
TESTS = Path(__file__).resolve().parent
ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/graph/ontology"
LAUNCH = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); import hostile; from kg_builder import pipeline; "
    "pipeline.facts_of = hostile.every_line_facts; pipeline.load_pipeline = lambda model=None: hostile._NoModel(); "
    "from kg_builder.cli import main; sys.argv = ['kg'] + sys.argv[1:]; main()"
)


def start_build(docs: Path, store_dir: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", LAUNCH, str(TESTS), "build", str(docs), "--store", str(store_dir),
                             *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def build(docs: Path, store_dir: Path) -> None:
    """A whole build, in this process (the stand-in is patched in by the `no_spacy` fixture)."""
    result = kg("build", str(docs), "--store", str(store_dir))
    assert result.exit_code == 0, result.output


def graphs_of(store_dir: Path) -> dict[str, object]:
    """Each graph's sorted N-Triples; the ontology's blank nodes aside (each load names them anew)."""
    with Store.open(store_dir, create=False, read_only=True) as store:
        found: dict[str, object] = {g: store.graph_ntriples(g) for g in store.document_graphs()}
        ontology = store.graph_ntriples(ONTOLOGY_GRAPH)
    if ontology:
        found[ONTOLOGY_GRAPH] = frozenset(to_canonical_graph(rdflib.Graph().parse(data=ontology, format="nt")))
    return found


def export(store_dir: Path) -> bytes:
    with Store.open(store_dir, create=False, read_only=True) as store:
        return render(store, "trig")


def test_hostile_kill_9_during_builds_leaves_whole_or_absent_graphs(tmp_path: Path, no_spacy_every_line,
                                                                    monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # builds record their time; the child inherits it
    docs = tmp_path / "docs"
    docs.mkdir()
    for d in range(4):
        lines = [f"Envoy {d}-{i} met the delegation of state {i % 7} in city {i % 5} on day {i}." for i in range(100)]
        (docs / f"doc-{d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    reference_dir = tmp_path / "reference"
    build(docs, reference_dir)
    whole = graphs_of(reference_dir)
    reference_export = export(reference_dir)

    started = time.monotonic()
    child = start_build(docs, tmp_path / "timed")
    assert child.wait(timeout=120) == 0, child.stderr.read().decode()
    build_s = time.monotonic() - started  # in a child process, as the killed builds run

    rng = random.Random(7)
    store_dir = tmp_path / "st"
    outcomes = {"absent": 0, "whole": 0}
    for kill in range(KILLS):
        child = start_build(docs, store_dir)
        time.sleep(rng.uniform(0.2, 1.0) * build_s)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if not (store_dir / "CURRENT").exists():  # killed before the store was created: nothing to check
            build(docs, store_dir)
            continue
        found = graphs_of(store_dir)
        for graph, expected in whole.items():
            if graph in found:
                assert found[graph] == expected, f"kill {kill}: {graph} is half-written"
                outcomes["whole"] += 1
            else:
                outcomes["absent"] += 1
        assert set(found) <= set(whole), f"kill {kill}: unexpected graphs {set(found) - set(whole)}"
        build(docs, store_dir)
        assert export(store_dir) == reference_export, f"kill {kill}: the rebuild's export differs"
    assert outcomes["whole"] > 0  # some kills came after writes: the check saw real graphs


def children_of(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended while we looked
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_hostile_kill_9_of_a_parallel_build_leaves_no_worker_behind(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for d in range(200):
        (docs / f"doc-{d}.txt").write_text(f"Envoy {d} met the delegation of state {d % 7} in city {d % 5}.\n",
                                           encoding="utf-8")
    child = start_build(docs, tmp_path / "st", "--jobs", "2")
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and child.poll() is None:
        workers = children_of(child.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build did not start its workers"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 15
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)], "pool workers outlived the killed build"

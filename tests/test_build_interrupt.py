"""Ctrl-C during `kg build`: a real SIGINT to a real build with parsing workers; the summary names the
documents kept and the store holds exactly those."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg_builder.store import Store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "data" / "corpus"
DOCS = "https://w3id.org/kg-builder/graph/doc/"
KG = "import sys; from kg_builder.cli import main; sys.argv[0] = 'kg'; main()"


def _group_gone(group: int, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _build_interrupted_after_the_first_document(tmp_path: Path, sigint: signal.Handlers) -> tuple[int, list[str], int]:
    """Ten documents (far more than the two workers have in flight), Ctrl-C once the first is stored; the exit
    code, what the build said and its process group. The build runs in a session of its own, so that SIGINT goes to it and its
    workers as Ctrl-C in a terminal does, with SIGINT set as given: a child started with it ignored keeps
    ignoring it, and a test runner's worker may ignore it."""
    docs = tmp_path / "docs"
    for copy in ("a", "b"):
        (docs / copy).mkdir(parents=True)
        for path in [*CORPUS.glob("*.txt"), *CORPUS.glob("*.meta.yaml")]:
            shutil.copy(path, docs / copy / path.name)
    child = subprocess.Popen([sys.executable, "-c", KG, "build", str(docs), "--store", str(tmp_path / "store"),
                              "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, sigint))
    seen: list[str] = []
    assert child.stderr is not None
    for line in child.stderr:
        seen.append(line)
        if re.match(r"\[[#.]+\] 1/10 ", line):  # the first document is stored
            break
    os.killpg(child.pid, signal.SIGINT)
    # the rest is read through the same buffered file: lines it already holds past the first document's (two may come
    # in one read on a busy machine) would be lost to a read of the bare pipe, as communicate() does
    rest: list[str] = []
    reader = threading.Thread(target=lambda: rest.extend(child.stderr), daemon=True)
    reader.start()
    try:
        child.wait(timeout=300)
    except subprocess.TimeoutExpired:  # a build that hangs after Ctrl-C fails the test instead of stalling the suite
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail("the build did not end within 300 s of Ctrl-C:\n" + "".join(seen))
    reader.join(timeout=30)
    return child.returncode, seen + rest, child.pid


def test_build_started_with_ctrl_c_ignored_ignores_it_throughout(tmp_path: Path) -> None:
    code, seen, _ = _build_interrupted_after_the_first_document(tmp_path, signal.SIG_IGN)
    assert code == 0, "".join(seen)
    assert any(line.startswith("built 10, unchanged 0 (skipped), failed 0 of 10") for line in seen), "".join(seen)


def test_build_ctrl_c_keeps_and_names_the_documents_it_stored(tmp_path: Path) -> None:
    code, seen, group = _build_interrupted_after_the_first_document(tmp_path, signal.SIG_DFL)
    assert code == 130, "".join(seen)
    assert _group_gone(group, 30), "a worker went on after Ctrl-C"

    summary = next(line for line in seen if line.startswith("interrupted: kept the "))
    found = re.match(r"interrupted: kept the (\d+) documents built before Ctrl-C \((.+)\) and the 0 unchanged; "
                     r"(\d+) not built", summary)
    assert found, summary
    kept = found.group(2).split(", ")
    assert len(kept) == int(found.group(1)) and 1 <= len(kept) < 10
    assert len(kept) + int(found.group(3)) == 10
    assert kept == sorted(kept) and kept[0] == "a/barbary-wars.txt"  # documents are stored in file order
    written = [m.group(1) for line in seen if (m := re.match(r"\[[#.]+\] \d+/10 (\S+): \d+ facts", line))]
    assert written == kept  # each kept document was reported as stored, and no other
    assert seen[-1].startswith(f"kg: error: [KG700] stopped by Ctrl-C; {len(kept)} documents built and kept")
    with Store.open(tmp_path / "store", create=False, read_only=True) as store:
        assert store.document_graphs() == [DOCS + doc for doc in kept]

"""corpus._run: where a Ctrl-C may stop a build. Never inside the pool's own code (raised while a document is
submitted, it can leave a lock of the pool's queues held, and the pool's threads then wait on it at exit for
ever); between documents, and while the build waits on its workers."""
from __future__ import annotations

import os
import signal
from concurrent.futures import Executor, Future
from pathlib import Path
from types import SimpleNamespace

import pytest

from kg_builder import corpus
from kg_builder.model import Limits, SourceFile

SOURCES = [SourceFile(Path(f"/nonexistent/doc{i}.txt"), f"doc{i}.txt") for i in range(4)]


class _DonePool(Executor):
    """Hands back each group extracted at once, and notes how SIGINT was handled when each was submitted."""

    def __init__(self) -> None:
        self.handlers: list[object] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        self.handlers.append(signal.getsignal(signal.SIGINT))
        done: Future = Future()
        done.set_result([SimpleNamespace(document=SimpleNamespace(text="three words here")) for _ in args[0]])
        return done


@pytest.fixture
def plain_ctrl_c():
    """SIGINT as a terminal program starts with it: Python's KeyboardInterrupt, raised wherever it lands."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_build_ctrl_c_is_never_raised_inside_the_pool(plain_ctrl_c):
    pool = _DonePool()
    run = corpus._run(pool, SOURCES, 2, Limits(), lambda source, extracted: "written", lambda _message: None)
    assert run.kept == tuple(s.doc_id for s in SOURCES) and not run.interrupted
    assert pool.handlers and signal.default_int_handler not in pool.handlers


def test_build_ctrl_c_during_a_write_keeps_that_document_and_stops_before_the_next(plain_ctrl_c):
    written: list[str] = []

    def write(source: SourceFile, _extracted: object) -> str:
        written.append(source.doc_id)
        if len(written) == 2:
            os.kill(os.getpid(), signal.SIGINT)
        return "written"

    run = corpus._run(_DonePool(), SOURCES, 2, Limits(), write, lambda _message: None)
    assert run.interrupted and run.kept == ("doc0.txt", "doc1.txt") == tuple(written)


def test_build_ctrl_c_while_waiting_on_a_worker_stops_the_wait():
    def asked() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        corpus._outcomes(Future(), 1, asked)  # a future no worker will ever finish

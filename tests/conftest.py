"""Shared fixtures for the stage tests: one spaCy pipeline per session, and a one-call extractor.

Tests that use `pipeline`, `parse` or `facts_for` load the spaCy model and are marked
``@pytest.mark.slow`` (deselect them with ``-m "not slow"``; that fast tier must stay under a
minute). For speed only, never for what a test checks: temporary folders in memory, each rdflib
SPARQL string translated once per session, fewer Hypothesis examples in the fast tier.
"""
from __future__ import annotations

import functools
import os
import shutil
import tempfile
from typing import Callable

import pytest
from hypothesis import settings
from rdflib.plugins.sparql import processor

from pathlib import Path, PurePath

from kg_builder import pipeline as kg_pipeline
from kg_builder.model import Document, Facts, SourceFile
from kg_builder.sources import document_id
from kg_builder.store import Store


# Examples per property test: a few on every edit (the fast tier), more in `make test` and CI.
settings.register_profile("fast", max_examples=8)
settings.register_profile("full", max_examples=25)

MEMORY_FS = Path("/dev/shm")
_IN_MEMORY = pytest.StashKey[Path]()
_PLAN_CACHE = pytest.StashKey[Path]()


@pytest.hookimpl(tryfirst=True)  # before pytest's tmp_path plugin reads --basetemp
def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile("fast" if "not slow" in (config.option.markexpr or "") else "full")
    # the query plans the tests make (plan_cache) stay in a folder of this run, not the user's cache
    os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp(prefix="kg-pytest-cache-")
    config.stash[_PLAN_CACHE] = Path(os.environ["KG_CACHE_DIR"])
    if config.option.basetemp is None and MEMORY_FS.is_dir() and shutil.disk_usage(MEMORY_FS).free > 2 * 1024**3:
        # Temporary folders in memory: hundreds of tests create a store, and on a busy disk RocksDB's
        # fsyncs and the clean-up of earlier runs' folders cost more time than the tests themselves.
        config.option.basetemp = tempfile.mkdtemp(prefix="kg-pytest-", dir=MEMORY_FS)
        config.stash[_IN_MEMORY] = Path(config.option.basetemp)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The folders go (they hold RAM), unless a test failed: then they stay to be looked at. The plans go always."""
    plans = session.config.stash.get(_PLAN_CACHE, None)
    if plans is not None:
        shutil.rmtree(plans, ignore_errors=True)
    folder = session.config.stash.get(_IN_MEMORY, None)
    if folder is not None and exitstatus != pytest.ExitCode.TESTS_FAILED:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pipeline() -> kg_pipeline.Pipeline:
    """The spaCy pipeline with the lexicon's entity ruler, loaded once for the whole session."""
    return kg_pipeline.load_pipeline()


@pytest.fixture
def parse(pipeline: kg_pipeline.Pipeline) -> Callable:
    """parse(text) -> the spaCy Doc of `text`, from the session pipeline."""
    return pipeline.nlp


@pytest.fixture
def facts_for(pipeline: kg_pipeline.Pipeline) -> Callable[..., Facts]:
    """facts_for(text, authors=(), published="2020-05-01", publisher=None) -> the Facts of a one-off Document "t"."""

    def build(text: str, authors: tuple[str, ...] | list[str] = (), published: str | None = "2020-05-01",
              publisher: str | None = None) -> Facts:
        document = Document(doc_id="t", path="t.txt", text=text, authors=tuple(authors), published=published,
                            publisher=publisher)
        return kg_pipeline.facts_of(document, pipeline)

    return build


@pytest.fixture(scope="session")
def build_into(pipeline: kg_pipeline.Pipeline) -> Callable[[Path, Store], kg_pipeline.BuiltDocument]:
    """build_into(path, store) builds a document file into a store as `kg build` does."""

    def build(path: Path, store: Store) -> kg_pipeline.BuiltDocument:
        source = SourceFile(path, document_id(PurePath(path.name)))  # as `kg build FILE` names it
        built = kg_pipeline.build_document(source, pipeline, known_labels=store.labels)
        store.replace_graph(built.graph_iri, built.ntriples)
        return built

    return build


@pytest.fixture(scope="session", autouse=True)
def sparql_parsed_once():
    """rdflib parses a query string on every ``Graph.query`` (50-100 ms in pyparsing), and the suite
    asks the same strings hundreds of times: pySHACL the shapes' SPARQL constraints once per focus
    node and run, the scorer its questions. A string is translated once, as ``prepareQuery`` does,
    and the prepared query is what rdflib then evaluates (prepared queries are meant to be reused)."""
    query = processor.SPARQLProcessor.query

    @functools.lru_cache(maxsize=None)
    def prepared(text: str, base: str | None, namespaces: tuple) -> object:
        return processor.prepareQuery(text, initNs=dict(namespaces), base=base)

    def query_prepared(self, str_or_query, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(str_or_query, str):
            str_or_query = prepared(str_or_query, base, tuple(sorted((initNs or {}).items())))
        return query(self, str_or_query, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query_prepared
    yield
    processor.SPARQLProcessor.query = query

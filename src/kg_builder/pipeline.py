"""Runs the stages for one document: sources -> nlp -> extract -> rdf."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from . import __version__, rdf
from .errors import InputError
from .model import Document, Facts
from .sources import read_document

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded: finding files or skipping them needs none
    from spacy.language import Language

    from .lexicon import Lexicon

SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class BuiltDocument:
    document: Document
    graph_iri: str
    ntriples: str
    fact_count: int


@dataclass(frozen=True)
class Pipeline:
    nlp: Language
    lexicon: Lexicon


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files to build: each file given, and every .txt/.md/.html below each folder, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        raise InputError(f"no .txt, .md or .html documents under {', '.join(map(str, paths))}")
    return found


def load_pipeline(model: str | None = None) -> Pipeline:
    """The spaCy pipeline with the lexicon's entity ruler; `model` names any installed English pipeline."""
    from .lexicon import load_lexicon
    from .nlp import build_pipeline

    lexicon = load_lexicon()
    return Pipeline(build_pipeline(lexicon, model), lexicon)


def facts_of(document: Document, pipeline: Pipeline) -> Facts:
    from .extract import extract

    return extract(pipeline.nlp(document.text), document, pipeline.lexicon)


def count_facts(facts: Facts) -> int:
    return len(facts.events) + len(facts.agreements) + len(facts.positions) + len(facts.disagreements) + len(facts.relations)


@dataclass(frozen=True)
class Extracted:
    """A document and its facts: what a worker process hands back (plain, picklable data)."""

    document: Document
    facts: Facts
    model: str  # the spaCy pipeline that parsed it, e.g. "en_core_web_sm 3.8.0" (for the build provenance)


def extract_document(path: Path, pipeline: Pipeline) -> Extracted:
    """Read, parse and extract one document: the costly part, independent of the store."""
    document = read_document(path)
    meta = pipeline.nlp.meta
    model = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')} {meta.get('version', '')}".strip()
    return Extracted(document, facts_of(document, pipeline), model)


def to_built(extracted: Extracted,
             known_labels: Callable[[list[str], str], Mapping[str, str]] | None = None) -> BuiltDocument:
    """The document's graph. `known_labels(iris, graph_iri)` tells the labels other documents already
    gave these entities (the store's `labels`), so that an entity keeps one name."""
    document, facts = extracted.document, extracted.facts
    graph_iri = rdf.graph_iri(document)
    labels = known_labels(rdf.entity_iris(facts), graph_iri) if known_labels else {}
    provenance = rdf.build_triples(document, __version__, extracted.model, build_time())
    triples = rdf.to_triples(facts, labels) | provenance
    return BuiltDocument(document, graph_iri, rdf.to_ntriples(triples), count_facts(facts))


def build_time() -> str:
    """Now in UTC as xsd:dateTime, or SOURCE_DATE_EPOCH when set (reproducible builds give the same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_document(path: Path, pipeline: Pipeline,
                   known_labels: Callable[[list[str], str], Mapping[str, str]] | None = None) -> BuiltDocument:
    """Read, parse, extract and write one document (see ``to_built`` for ``known_labels``)."""
    return to_built(extract_document(path, pipeline), known_labels)

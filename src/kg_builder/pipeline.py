"""Runs the stages for one document: sources -> nlp -> extract -> rdf. (stub, being written)"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .model import Document


@dataclass(frozen=True)
class BuiltDocument:
    document: Document
    graph_iri: str
    ntriples: str
    fact_count: int


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files to build: each file given, and every .txt/.md/.html below each folder, sorted."""
    raise NotImplementedError


def load_pipeline(model: str | None = None):
    """The spaCy pipeline with the lexicon's entity ruler; `model` names any installed English pipeline."""
    raise NotImplementedError


def build_document(path: Path, nlp) -> BuiltDocument:
    raise NotImplementedError

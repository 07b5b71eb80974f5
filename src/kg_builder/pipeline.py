"""Runs the stages for one document: sources -> nlp -> extract -> rdf."""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence

from . import __version__, rdf
from .errors import InputError, LimitError
from .model import Document, Facts, Limits, SourceFile
from .sources import TEXT_SUFFIXES, document_id, read_document

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded: finding files or skipping them needs none
    from spacy.language import Language
    from spacy.tokens import Doc

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
    # text -> its parse, made with others' by ``parsed_together`` and taken by ``facts_of``
    parsed: dict[str, Doc] = field(default_factory=dict, compare=False, repr=False)
    # a file -> the document read from it for that batch, taken by ``extract_document`` (read once, not twice)
    read: dict[SourceFile, Document] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Discovery:
    files: list[SourceFile]
    skipped_links: list[Path]  # links in a folder that point outside it (not followed)


def discover(paths: Sequence[Path], follow_links: bool = False) -> Discovery:
    """Files to build: each file given (its id is its name), and every .txt/.md/.html below each
    folder (its id is its path below that folder), sorted.

    A symbolic link below a folder that leads outside it is skipped unless ``follow_links``.
    Two files that would get the same id raise InputError before anything is built.
    """
    found: dict[Path, SourceFile] = {}
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for file in _files_below(path):
                if not follow_links and not file.resolve().is_relative_to(path.resolve()):
                    skipped.append(file)
                    continue
                found.setdefault(file.resolve(), SourceFile(file, document_id(file.relative_to(path))))
        elif path.is_file():
            if path.suffix.lower() not in TEXT_SUFFIXES:
                raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'}",
                                 hint=f"give files ending in one of {', '.join(TEXT_SUFFIXES)}, or folders of them")
            found.setdefault(path.resolve(), SourceFile(path, document_id(PurePath(path.name))))
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found and not skipped:
        raise InputError(f"no .txt, .md or .html documents under {', '.join(map(str, paths))}")
    _refuse_collisions(found.values())
    return Discovery(sorted(found.values(), key=lambda f: (f.doc_id, str(f.path))), sorted(skipped))


def _files_below(folder: Path) -> list[Path]:
    """Document files below ``folder``; linked sub-folders are not entered."""
    out: list[Path] = []
    for top, _dirs, names in os.walk(folder, followlinks=False):
        out += [Path(top, n) for n in names if Path(n).suffix.lower() in SUFFIXES]
    return sorted(p for p in out if p.is_file())


def _refuse_collisions(files: Iterable[SourceFile]) -> None:
    by_id: dict[str, Path] = {}
    for f in files:
        other = by_id.setdefault(f.doc_id, f.path)
        if other != f.path:
            raise InputError(f"{other} and {f.path} would both be stored as document {f.doc_id!r}",
                             hint="build them into separate stores, or build the folder that holds both")


def load_pipeline(model: str | None = None) -> Pipeline:
    """The spaCy pipeline with the lexicon's entity ruler; `model` names any installed English pipeline."""
    from .lexicon import load_lexicon
    from .nlp import DEFAULT_MODELS, build_pipeline

    lexicon = load_lexicon()
    if model in DEFAULT_MODELS:
        model = None  # the defaults: spaCy's name and its republication on PyPI are the same model
    return Pipeline(build_pipeline(lexicon, model), lexicon)


def facts_of(document: Document, pipeline: Pipeline, written: dict[str, int] | None = None) -> Facts:
    """The facts of a document; with `written`, each extraction rule's name is counted there with the facts it
    wrote."""
    from .extract import extract

    doc = pipeline.parsed.pop(document.text, None)
    return extract(pipeline.nlp(document.text) if doc is None else doc, document, pipeline.lexicon, written)


@contextmanager
def parsed_together(pipeline: Pipeline, sources: Sequence[SourceFile], limits: Limits) -> Iterator[None]:
    """Parse these documents' texts in one spaCy batch, for their ``extract_document`` inside the block.

    The parser and the entity recogniser then step through the texts side by side, which costs less
    CPU than one text at a time (the same parses). The batch has the time limit of all its documents
    together; past it, or on any error, nothing is kept and each document is parsed alone, under its
    own limit, so that an error is its own document's. Each file is read once: ``extract_document``
    takes the document read here. What the block did not use is dropped.
    """
    read: dict[SourceFile, Document] = {}
    for source in sources if len(sources) > 1 else ():
        try:
            read[source] = _read_within(source, limits)
        except Exception:  # noqa: BLE001 -- extract_document reports it for that document
            continue
    texts = [document.text for document in read.values()]
    parsed: dict[str, Doc] = {}
    if len(texts) > 1:
        seconds = limits.timeout_s * len(texts) if limits.timeout_s is not None else None
        try:
            with _time_limit(seconds, sources[0].path):
                _allow_length(pipeline, limits)
                parsed = dict(zip(texts, pipeline.nlp.pipe(texts, batch_size=len(texts))))
        except Exception:  # noqa: BLE001 -- each document is parsed again alone, where its error shows
            parsed = {}
    if not parsed:
        yield
        return
    pipeline.parsed.update(parsed)
    pipeline.read.update(read)
    try:
        yield
    finally:
        pipeline.parsed.clear()
        pipeline.read.clear()


def count_facts(facts: Facts) -> int:
    return len(facts.events) + len(facts.agreements) + len(facts.positions) + len(facts.disagreements) + len(facts.relations)


@dataclass(frozen=True)
class Extracted:
    """A document and its facts: what a worker process hands back (plain, picklable data)."""

    document: Document
    facts: Facts
    model: str  # the spaCy pipeline that parsed it, e.g. "en_core_web_sm 3.8.0" (for the build provenance)


def extract_document(source: SourceFile, pipeline: Pipeline, limits: Limits | None = None) -> Extracted:
    """Read, parse and extract one document within ``limits`` (LimitError past them): the costly
    part, independent of the store."""
    limits = limits or Limits()
    document = pipeline.read.pop(source, None)  # read already with its batch (``parsed_together``)
    if document is None:
        document = _read_within(source, limits)
    _allow_length(pipeline, limits)
    with _time_limit(limits.timeout_s, source.path):
        facts = facts_of(document, pipeline)
    meta = pipeline.nlp.meta
    model = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')} {meta.get('version', '')}".strip()
    return Extracted(document, facts, model)


def _read_within(source: SourceFile, limits: Limits) -> Document:
    """The document, or a LimitError when its file or its text is over the limits."""
    _check_file_size(source.path, limits)
    document = read_document(source.path, source.doc_id)
    if len(document.text) > limits.max_chars:
        raise LimitError(f"{source.path}: {len(document.text):,} characters of text, more than the "
                         f"limit of {limits.max_chars:,}; skipped",
                         hint="split the document, or raise the limit with --max-chars")
    return document


def _allow_length(pipeline: Pipeline, limits: Limits) -> None:
    """spaCy refuses texts over its own length limit: ours is the one that applies."""
    pipeline.nlp.max_length = max(pipeline.nlp.max_length, limits.max_chars + 1)


def to_built(extracted: Extracted,
             known_labels: Callable[[list[str], str], Mapping[str, str]] | None = None) -> BuiltDocument:
    """The document's graph. `known_labels(iris, graph_iri)` tells the labels other documents already
    gave these entities (the store's `labels`), so that an entity keeps one name."""
    document, facts = extracted.document, extracted.facts
    graph_iri = rdf.graph_iri(document)
    labels = known_labels(rdf.entity_iris(facts), graph_iri) if known_labels else {}
    ntriples = rdf.to_ntriples(facts, labels, rdf.Build(__version__, extracted.model, build_time()))
    return BuiltDocument(document, graph_iri, ntriples, count_facts(facts))


def build_time() -> str:
    """Now in UTC as xsd:dateTime, or SOURCE_DATE_EPOCH when set (reproducible builds give the same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_document(source: SourceFile, pipeline: Pipeline,
                   known_labels: Callable[[list[str], str], Mapping[str, str]] | None = None,
                   limits: Limits | None = None) -> BuiltDocument:
    """Read, parse, extract and write one document (see ``extract_document`` for ``limits``,
    ``to_built`` for ``known_labels``)."""
    return to_built(extract_document(source, pipeline, limits), known_labels)


_BYTES_PER_CHAR = 50  # markup and page furniture around the text of a web page, generously


def _check_file_size(path: Path, limits: Limits) -> None:
    """Refuse a file far too big for its text to fit the limit before reading it into memory."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_document says what is wrong with the file
    if size > limits.max_chars * _BYTES_PER_CHAR:
        raise LimitError(f"{path}: {size:,} bytes, far more than a document of at most "
                         f"{limits.max_chars:,} characters; skipped",
                         hint="split the document, or raise the limit with --max-chars")


@contextmanager
def _time_limit(seconds: float | None, path: Path) -> Iterator[None]:
    """Stop the work inside after ``seconds`` with a LimitError (only the main thread gets signals)."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise LimitError(f"{path}: not done after {seconds:g} s; skipped",
                         hint="split the document, or raise the limit with --doc-timeout")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

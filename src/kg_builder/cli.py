"""The ``kg`` command line. It only parses arguments and calls the stages.

Results go to stdout, progress and errors to stderr. A KgError prints one
line ``kg: error: ...`` and exits 2; a graph that fails validation exits 1.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import time
from pathlib import Path
from typing import BinaryIO, Callable, TypeVar

import click

from . import resources
from .errors import InputError, Interrupted, KgError, OutputError, QuerySyntaxError, StoreError
from .model import Limits, SourceFile
from .export import FORMATS, export_dataset, write_atomic, write_dataset
from .rdf import PREFIXES
from .pages import first_page
from .queries import (RESULT_FORMATS, STREAMED_FORMATS, bind, format_result, format_rows, list_checks,
                      list_queries, resolve)
from .remote_store import RemoteStore
from .store import QueryResult, RowStream, Store

F = TypeVar("F", bound=Callable[..., object])


class KgGroup(click.Group):
    """Turns the project's errors into one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as e:
            click.echo(f"kg: error: {e}", err=True)
            ctx.exit(e.exit_code)


def store_option(f: F) -> F:
    return click.option(
        "--store", "store_dir", type=click.Path(path_type=Path), default=".kg-store",
        show_default=True, envvar="KG_STORE", help="Store folder (or set KG_STORE).")(f)


def endpoint_option(f: F) -> F:
    return click.option(
        "--endpoint", default=None, envvar="KG_ENDPOINT", metavar="URL",
        help="Use the graph in a SPARQL 1.1 server at URL (Oxigraph layout: URL/query, URL/store) "
             "instead of the local store (or set KG_ENDPOINT).")(f)


def open_store(store_dir: Path, endpoint: str | None, *, read_only: bool = True) -> Store | RemoteStore:
    """The remote store when an endpoint is given, else the local one (which must exist to be read)."""
    if endpoint:
        return RemoteStore(endpoint, read_only=read_only)
    return Store.open(store_dir, create=not read_only, read_only=read_only)


def limits_options(f: F) -> F:
    """--max-chars and --doc-timeout: the bounds on one document (model.Limits)."""
    f = click.option("--doc-timeout", type=click.FloatRange(min=0, min_open=True), default=Limits.timeout_s,
                     show_default=True, help="Stop and skip a document not built after S seconds.")(f)
    return click.option("--max-chars", type=click.IntRange(min=1), default=Limits.max_chars, show_default=True,
                        help="Skip a document whose cleaned text is longer (spaCy's time and memory grow "
                             "with it).")(f)


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def progress(message: str) -> None:
    click.echo(message, err=True)


def emit(data: str | bytes = "", nl: bool = True) -> None:
    """Write a result to standard output; a closed or full output ends the command cleanly."""
    try:
        click.echo(data, nl=nl)
    except OSError as e:
        raise _stdout_failed(e) from None


def emit_stream(write: Callable[[BinaryIO], None]) -> None:
    """Write a result to standard output as ``write`` makes it (bytes, unchanged), as ``emit`` does."""
    out = sys.stdout.buffer
    try:
        write(out)
        out.flush()
    except OSError as e:
        raise _stdout_failed(e) from None


def _stdout_failed(e: OSError) -> Exception:
    """What to raise when stdout cannot be written: a reader that left (`| head`) ends the command
    quietly, as SIGPIPE ends other tools; anything else (a full disk) is an error."""
    with contextlib.suppress(OSError, ValueError):  # later flushes must not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if e.errno == errno.EPIPE:
        return click.exceptions.Exit(EXIT_PIPE_CLOSED)
    return OutputError(f"cannot write to standard output: {e.strerror or e}",
                       hint="write to a file with --output, on a disk with space")


DEFAULT_ROWS = 10_000  # a query's rows are held in memory to be formatted: keep them bounded
# A table is read on a terminal: a thousand lines are more than a screen can scroll back to with
# profit (and formatting 10,000 rows of provenance took 0.3-0.5 s more); files get DEFAULT_ROWS.
TABLE_ROWS = 1_000
DEFAULT_TIMEOUT_S = 60.0
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a tool whose reader went away


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg_builder", prog_name="kg")
def cli() -> None:
    """kg: turn articles about international politics into a knowledge graph.

    Build a store from documents, then query, validate and export it.

    \b
    Example: kg build seeds/ && kg query summits
    """


@cli.command(short_help="Build documents into the store.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: the project's).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes that parse documents in parallel (each holds a spaCy model, ~300 MB).")
@click.option("--force", is_flag=True, help="Build every document, even those unchanged since their last build.")
@limits_options
@click.option("--follow-links", is_flag=True,
              help="Build files that symbolic links in a folder point to outside that folder.")
def build(paths: tuple[Path, ...], store_dir: Path, model: str | None, jobs: int, force: bool, max_chars: int,
          doc_timeout: float, follow_links: bool) -> None:
    """Extract facts from documents and store one named graph per document.

    PATH is a document (.txt, .md or .html, with its .meta.yaml beside it) or a
    folder of them. A document's id is its path below the folder given (a file
    given directly: its name), so a.txt, a.md and sub/a.txt are three documents.
    Building a document again replaces its graph; a document that fails or is
    over the limits is skipped with an error and the batch goes on; a failed
    write to the store stops the build, keeping what was stored before.
    A document whose files (and the pipeline) have not changed since its last
    build is skipped (--force builds it). Progress, with rate and time left,
    goes to stderr, and a summary at the end. Ctrl-C stops after the document
    being written: the summary names the documents kept (exit 130). A build
    that changed the store ends by keeping the first rows of every canned
    answer, which `kg query NAME` then reads in milliseconds.

    \b
    Example: kg build seeds/ --store out/store
    Example: kg build corpus/ --store out/store --jobs 4
    """
    from . import pipeline
    from .corpus import build_corpus

    found = pipeline.discover(list(paths), follow_links=follow_links)
    for link in found.skipped_links:
        progress(f"{link}: skipped, a link to {link.resolve()} outside its folder (use --follow-links)")
    files = found.files
    if not files:
        raise InputError(f"no documents in {', '.join(map(str, paths))}",
                         hint="give .txt, .md or .html files, or folders holding them")
    summary = build_corpus(files, store_dir, jobs=min(jobs, len(files)), force=force, model=model,
                           limits=Limits(max_chars, doc_timeout), say=progress)
    progress(summary.text(store_dir))
    if summary.interrupted:
        raise Interrupted(f"stopped by Ctrl-C; {summary.built} documents built and kept in {store_dir}")
    with Store.open(store_dir) as store:
        _keep_answers(store)
    if summary.failed or found.skipped_links:
        raise InputError(f"{len(summary.failed)} of {summary.total} documents failed, {len(found.skipped_links)} "
                         "links skipped; the others are stored")


def _build_one(store: Store, source: SourceFile, nlp: object, i: int, n: int,
               limits: Limits | None = None) -> bool:
    """Build one document into the store; False when it failed (a StoreError stops the batch)."""
    from . import pipeline

    try:
        built = pipeline.build_document(source, nlp, known_labels=store.labels, limits=limits)
        triples = store.replace_graph(built.graph_iri, built.ntriples)
    except StoreError:
        raise  # a full disk fails every document alike: stop at the first
    except KgError as e:
        progress(f"[{i}/{n}] {source.doc_id}: error: {e}")
        return False
    progress(f"[{i}/{n}] {source.doc_id}: {built.fact_count} facts, {triples} triples")
    return True


@cli.command(short_help="Answer a canned or ad-hoc SPARQL query.")
@click.argument("spec", required=False, metavar="NAME|FILE|-")
@store_option
@format_option(RESULT_FORMATS, "table")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (an IRI such as kgr:state/north-korea, or text). Repeatable.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"Return at most N rows; 0 for no cap. By default {TABLE_ROWS:,} rows for the "
                   f"table, {DEFAULT_ROWS:,} for the other formats. A line on stderr says when rows were cut.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True,
              help="Give up after S seconds; 0 for no time limit.")
@click.option("--all", "run_all", is_flag=True, help="Answer every canned question.")
@endpoint_option
def query(spec: str | None, store_dir: Path, fmt: str, params: tuple[str, ...],
          limit: int | None, timeout: float | None, run_all: bool, endpoint: str | None) -> None:
    """Run a canned query (see `kg queries`), a .rq file, or a query on stdin (-).

    Queries see the union of all documents and the ontology, or the graphs
    their FROM / FROM NAMED name. The project's prefixes (kgo:, kgp: persons,
    kgs: states, kgorg:, kgloc:, kgev: events, kgagr:, kgpos:, kgcl: claims,
    ... see `kg export`) are declared for you, and IRIs are printed in that
    form. Queries are read-only SPARQL 1.1; SERVICE is refused and nothing is
    fetched. Results are capped (--limit) and timed (--timeout) by default;
    CSV and TSV rows are written as they come. With --all, every canned
    question is printed with its answers.

    \b
    Example: kg query positions --param holder=kgs:north-korea
    """
    if run_all == bool(spec):
        raise click.UsageError("give one query NAME, FILE or -, or --all")
    if limit is None:
        limit = TABLE_ROWS if fmt == "table" else DEFAULT_ROWS
    limit, timeout = limit or None, timeout or None  # 0: unbounded
    bindings = dict(_split_param(p) for p in params)
    with open_store(store_dir, endpoint) as store:
        if run_all:
            for q in list_queries():
                emit(f"== {q.title} ({q.name}) ==\n{q.question}\n")
                _show(first_page(store, q, limit, timeout), fmt, limit)
                emit()
            return
        canned = next((q for q in list_queries() if q.name == spec), None)
        if canned is not None and limit:  # the first rows, found without the rest where the query can
            _show(first_page(store, canned, limit, timeout, bindings), fmt, limit)
            return
        text = bind(resolve(spec), bindings)
        try:
            if fmt in STREAMED_FORMATS:
                _stream(store.stream(text, timeout_s=timeout, limit=limit, prefixes=PREFIXES), fmt, limit)
            else:
                _show(store.query(text, timeout_s=timeout, limit=limit, prefixes=PREFIXES), fmt, limit)
        except QuerySyntaxError as e:  # the line and column are the file's: say which file
            raise QuerySyntaxError(f"{'standard input' if spec == '-' else spec}: {e.message}", e.hint) from None


def _split_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"expected NAME=VALUE, got {text!r}", param_hint="--param")
    return name.strip(), value


def _show(result: QueryResult, fmt: str, limit: int | None) -> None:
    emit(format_result(result, fmt), nl=False)
    if result.truncated:
        _note_cut(limit)


def _stream(answer: QueryResult | RowStream, fmt: str, limit: int | None) -> None:
    """Write each row as the store finds it (a SELECT in CSV or TSV); other answers whole."""
    if isinstance(answer, QueryResult):
        _show(answer, fmt, limit)
        return
    for line in format_rows(answer.variables, answer, fmt):
        emit(line, nl=False)
    if answer.truncated:
        _note_cut(limit)


def _note_cut(limit: int | None) -> None:
    progress(f"kg: note: the result was cut: only the first {limit} rows are shown "
             "(raise --limit, or --limit 0 for all)")


@cli.command(name="queries", short_help="List the canned queries.")
def list_canned() -> None:
    """List the canned queries, with the question each one answers.

    \b
    Example: kg queries
    """
    found = list_queries()
    width = max((len(q.name) for q in found), default=0)
    for q in found:
        params = f"  [--param {', '.join(p.name for p in q.parameters)}]" if q.parameters else ""
        emit(f"{q.name.ljust(width)}  {q.question}{params}")


@cli.command(short_help="Check shapes, OWL consistency and integrity.")
@store_option
@click.option("--reasoner", type=click.Choice(["rl", "owlrl", "auto", "hermit", "pellet", "none"]), default="rl",
              show_default=True,
              help="OWL consistency: rl = OWL 2 RL rules as queries on the store; owlrl = the owlrl library in "
                   "memory (reference, slow on large stores); hermit/pellet = a Java reasoner (needs Java 17+; "
                   "auto = HermiT when Java is there); none = only the built-in disjointness check.")
@click.option("--shacl", "engine", type=click.Choice(["store", "pyshacl"]), default="store", show_default=True,
              help="store = the shapes compiled to SPARQL and run in the store (seconds); "
                   "pyshacl = pySHACL in memory (the reference; minutes on a corpus).")
@click.option("--document", "doc_id", default=None, metavar="DOC_ID",
              help="Check only this document (e.g. after building it): the shapes against its graph alone, "
                   "OWL disjointness of its nodes against the whole store, in time that does not grow with "
                   "the store; the integrity checks, which are about the whole store, are skipped.")
@click.option("--report", "report_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the SHACL validation report (Turtle) to FILE.")
@endpoint_option
@click.pass_context
def validate(ctx: click.Context, store_dir: Path, reasoner: str, engine: str, doc_id: str | None,
             report_path: Path | None, endpoint: str | None) -> None:
    """Check the graph: SHACL shapes, OWL consistency and the integrity checks.

    The integrity checks are queries/checks/*-violation.rq; each must return
    no rows. Progress goes to stderr. Exits 0 when everything holds, 1 when
    something does not.

    \b
    Example: kg validate --store out/store --report out/shacl-report.ttl
    Example: kg validate --store out/store --document 000_5ed1930dcfa0d1a7.txt
    """
    from . import rdf
    from .validate import format_report, validate_graph, validate_store

    if doc_id and engine == "pyshacl":
        raise click.UsageError("--document needs --shacl store")
    with open_store(store_dir, endpoint) as store:
        graph = rdf.document_graph_iri(doc_id) if doc_id else None
        if graph is not None and graph not in store.document_graphs():
            raise InputError(f"no document {doc_id} in the store {store_dir}",
                             hint="give the document id as `kg build` printed it, e.g. 000_5ed1930dcfa0d1a7.txt")
        if engine == "pyshacl":
            progress("SHACL: pySHACL on an in-memory copy of the store")
            report = validate_graph(store.as_rdflib(), reasoner="owlrl" if reasoner == "rl" else reasoner)
        else:
            report = validate_store(store, graph=graph, reasoner=reasoner, progress=progress)
        broken = [] if graph else [(c.name, store.query(c.text)) for c in list_checks()]
    emit(format_report(report))
    broken = [(name, result) for name, result in broken if result.rows]
    for name, result in broken:
        emit(f"check {name}: {len(result.rows)} violation(s)")
        emit(format_result(result, "table"), nl=False)
    if report_path is not None:
        text = report.report_turtle
        write_atomic(report_path, text.encode("utf-8") if isinstance(text, str) else text)
        progress(f"wrote the SHACL report to {report_path}")
    ok = report.ok and not broken
    progress("validation passed" if ok else "validation failed")
    ctx.exit(0 if ok else 1)


@cli.command(short_help="Export the graph to a file or stdout.")
@store_option
@format_option(FORMATS, "turtle")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to FILE (atomically) instead of stdout.")
@click.option("--with-ontology", is_flag=True, help="Include the ontology (kgo) itself.")
@click.option("--license", "license_iri", metavar="IRI", default=None,
              help="License of the dataset, as an IRI (e.g. https://creativecommons.org/licenses/by/4.0/).")
@endpoint_option
def export(store_dir: Path, fmt: str, output: Path | None, with_ontology: bool, license_iri: str | None,
           endpoint: str | None) -> None:
    """Export the documents' graphs, deterministically, with a description of the dataset.

    turtle, rdfxml and ntriples hold the union of the documents; trig, nquads
    and json-ld keep one named graph per document. Every export describes
    itself (VoID and DCAT: the documents' graphs and their triple counts, the
    license when given; an owl:Ontology header importing kgo, so that OWL
    tools such as Protégé open it) and says how each document graph was built
    (PROV-O: tool version, spaCy model, time). --with-ontology includes kgo.

    \b
    Example: kg export --format trig --output out/graph.trig
    """
    if license_iri is not None and not license_iri.startswith(("http://", "https://", "urn:")):
        raise InputError(f"--license must be an IRI, not {license_iri!r}",
                         hint="e.g. https://creativecommons.org/licenses/by/4.0/")
    with open_store(store_dir, endpoint) as store:
        if output is None:
            emit_stream(lambda out: write_dataset(store, fmt, out, with_ontology=with_ontology,
                                                  license_iri=license_iri))
            return
        export_dataset(store, fmt, output, with_ontology=with_ontology, license_iri=license_iri)
    progress(f"wrote {output} ({fmt})")


@cli.command(short_help="Everything the graph says about an entity.")
@click.argument("name", metavar="ENTITY")
@store_option
def about(name: str, store_dir: Path) -> None:
    """Every fact about ENTITY across documents, grouped by kind.

    ENTITY is a name or alias (any case) or an IRI such as kgs:north-korea.
    Each fact comes with its factuality (polarity, modality, who said it),
    its document and offsets, and its sentence. Acts of the entity's leaders
    and members (kgo:leaderOf, kgo:affiliatedWith as stated by the text) are
    rolled up and say through whom.

    \b
    Example: kg about "North Korea" --store out/store
    """
    from .queries import shorten
    from .views import about as about_view, format_about

    with Store.open(store_dir, create=False, read_only=True) as store:
        found = about_view(store, name)
    emit("\n".join(format_about(a, shorten) for a in found), nl=False)


@cli.command(short_help="Serve a SPARQL endpoint and a web page on 127.0.0.1.")
@store_option
@click.option("--port", type=click.IntRange(0, 65535), default=8808, show_default=True,
              help="TCP port on 127.0.0.1 (0 picks a free one).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="Give up on a query after S seconds.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Cut answers after N rows (the answer says it was cut).")
def serve(store_dir: Path, port: int, timeout: float, max_rows: int) -> None:
    """Answer SPARQL 1.1 Protocol queries at /sparql and show the graph in a browser.

    Read-only and bound to 127.0.0.1: nothing outside this machine can reach
    it. /sparql takes GET or POST and answers JSON, XML, CSV or TSV as the
    Accept header asks. The page at / runs the canned questions or a typed
    query; each fact links to its document with the sentence highlighted;
    /about?name=... is the `kg about` view; /timeline and /network draw the
    timeline and the actor network as SVG. Nothing is fetched from the
    internet. Stop with Ctrl-C.

    \b
    Example: kg serve --store out/store --port 8808
    """
    from .serve import Limits, make_server

    with Store.open(store_dir, create=False, read_only=True) as store:
        server = make_server(store, port, Limits(timeout, max_rows))
        host, bound = server.server_address[:2]
        progress(f"serving {store_dir} at http://{host}:{bound}/ (SPARQL at /sparql); Ctrl-C stops")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            progress("stopped")
        finally:
            server.server_close()


@cli.command(short_help="Print the cleaned text of a document.")
@click.argument("doc_id", metavar="DOC")
@store_option
def text(doc_id: str, store_dir: Path) -> None:
    """Print the cleaned text of document DOC, the text that span offsets index.

    DOC is the document id (the `document` column of `kg query document`).
    The text comes from the store and is checked against its SHA-256, which
    goes to stderr; text[begin:end] of a fact's span is its sentence.

    \b
    Example: kg text 000_5ed1930dcfa0d1a7.txt | cut -c 1-200
    """
    from .views import document_text

    with Store.open(store_dir, create=False, read_only=True) as store:
        found = document_text(store, doc_id)
    emit(found.text, nl=False)
    progress(f"{found.doc_id}: {len(found.text)} characters, sha256 {found.sha256}")


@cli.command(short_help="Compare the facts of two stores or two exports.")
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path) -> None:
    """List the facts NEW adds, the facts it drops, and those whose factuality changed.

    OLD and NEW are store folders or exports (.trig, .nq, .ttl, .nt, .rdf),
    e.g. two builds of the same document. Fact IRIs come from what a fact
    says, so a fact the text still states the same way is not listed. Exits 0
    when the facts are the same, 1 when they differ.

    \b
    Example: kg diff out/before.trig out/store
    """
    from .diff import compare, format_diff
    from .queries import shorten

    with _open_any(old) as before, _open_any(new) as after:
        result = compare(before, after)
    emit(format_diff(result, shorten), nl=False)
    ctx.exit(0 if result.same else 1)


def _open_any(path: Path) -> Store:
    return Store.open(path, create=False, read_only=True) if path.is_dir() else Store.from_file(path)


@cli.command(short_help="Copy the store's graphs to a SPARQL server.")
@store_option
@click.option("--endpoint", required=True, envvar="KG_ENDPOINT", metavar="URL",
              help="Base URL of the server (Oxigraph layout: URL/store takes the graphs), or set KG_ENDPOINT.")
def push(store_dir: Path, endpoint: str) -> None:
    """Send every document's graph, and the ontology, to a SPARQL 1.1 server.

    Each graph goes by one Graph Store Protocol PUT, which replaces the
    server's copy of that graph whole; other graphs there are left alone.

    \b
    Example: kg push --store out/store --endpoint http://127.0.0.1:7878
    """
    remote = RemoteStore(endpoint)
    with Store.open(store_dir, create=False, read_only=True) as store:
        remote.ensure_ontology(resources.ontology_file())
        graphs = store.document_graphs()
        for i, graph in enumerate(graphs, 1):
            count = remote.replace_graph(graph, store.graph_ntriples(graph))
            progress(f"[{i}/{len(graphs)}] {graph}: {count} triples")
    progress(f"pushed {len(graphs)} graphs to {endpoint}")


@cli.command(short_help="Extract documents to one N-Quads file each, without a store.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the DOC_ID.nq files (created if missing).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the project's).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes that parse documents in parallel.")
@limits_options
def extract(paths: tuple[Path, ...], out_dir: Path, model: str | None, jobs: int, max_chars: int,
            doc_timeout: float) -> None:
    """Extract each document into DIR/DOC_ID.nq: its named graph, ready for `kg load` or a bulk loader.

    Extraction needs no store, so a corpus can be split across processes or
    machines. An entity is labelled as its document names it (`kg build`
    instead reuses the label the store already has). Document ids are as for
    `kg build`; a '/' in an id is written %2F in the file name.

    \b
    Example: kg extract corpus/part-1/ --output out/nq/ && kg load out/nq/ --store out/store
    """
    from . import pipeline
    from .corpus import extract_corpus

    files = pipeline.discover(list(paths)).files
    summary = extract_corpus(files, out_dir, jobs=min(jobs, len(files)), model=model,
                             limits=Limits(max_chars, doc_timeout), say=progress)
    progress(summary.text(out_dir))
    if summary.interrupted:
        raise Interrupted(f"stopped by Ctrl-C; {summary.built} documents extracted and kept in {out_dir}")
    if summary.failed:
        raise InputError(f"{len(summary.failed)} of {summary.total} documents failed; the others are written")


@cli.command(short_help="Load N-Quads files into the store or a server.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@store_option
@endpoint_option
def load(paths: tuple[Path, ...], store_dir: Path, endpoint: str | None) -> None:
    """Load .nq files (or folders of them): each named graph in them replaces that graph, whole.

    Into a store, as after kg build, the first rows of every canned answer are kept for kg query.

    \b
    Example: kg load out/nq/ --store out/store
    Example: kg load out/nq/ --endpoint http://127.0.0.1:7878
    """
    from .corpus import read_nquads

    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*.nq")))
    with open_store(store_dir, endpoint, read_only=False) as store:
        store.ensure_ontology(resources.ontology_file())
        for i, path in enumerate(files, 1):
            for graph, ntriples in read_nquads(path).items():
                count = store.replace_graph(graph, ntriples)
                progress(f"[{i}/{len(files)}] {path.name}: <{graph}> {count} triples")
        if isinstance(store, Store):
            _keep_answers(store)
    progress(f"loaded {len(files)} files into {endpoint or store_dir}")


def _keep_answers(store: Store) -> None:
    """Work out the canned answers the store keeps for `kg query` (answers.py), saying how long it took."""
    from .answers import keep

    started = time.monotonic()
    if keep(store):
        progress(f"kept every canned answer for kg query in {time.monotonic() - started:.1f} s")


@cli.command(name="eval", short_help="Score the graph against competency-question gold files.")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="GOLD.yaml...")
@store_option
@click.option("--docs", "doc_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder holding the gold's documents (repeatable; default: seeds/ and the gold's folder).")
@click.option("--build/--no-build", "build_mode", default=None,
              help="Always rebuild the documents / never build them (default: build those not in the store).")
@format_option(("table", "json"), "table")
@click.option("--verbose", "-v", is_flag=True, help="List the missed gold rows and the unmatched system rows.")
def eval_command(gold_files: tuple[Path, ...], store_dir: Path, doc_dirs: tuple[Path, ...],
                 build_mode: bool | None, fmt: str, verbose: bool) -> None:
    """Answer the competency questions of each GOLD file and report how many the graph gets.

    Each gold file names its document; the document's graph (plus the
    ontology) is scored the way ../shared/eval/check_questions.py scores an
    export. A document not yet in the store is found in the --docs folders
    and built first. The command reports; it exits 0 whatever the score.

    \b
    Example: kg eval ../shared/eval/seed-questions.yaml --store out/store --verbose
    """
    from . import evaluate

    golds = [evaluate.load_gold(p) for p in gold_files]
    ontology = resources.ontology_file()
    with Store.open(store_dir, create=build_mode is not False, read_only=build_mode is False) as store:
        stored = set(store.document_graphs())
        todo: dict[str, Path] = {}
        for gold in golds:
            if gold.doc_id in todo or not (build_mode or gold.graph_iri not in stored):
                continue
            if build_mode is False:
                raise InputError(f"{gold.document} (from {gold.path}) is not in the store {store_dir}",
                                 hint="build it with `kg build`, or drop --no-build")
            folders = list(doc_dirs) or [Path("seeds"), gold.path.parent]
            found = evaluate.find_document(gold.document, folders)
            if found is None:
                raise InputError(f"{gold.document} (from {gold.path}) is not in "
                                 f"{', '.join(map(str, folders))}", hint="name its folder with --docs DIR")
            todo[gold.doc_id] = found
        if not store.read_only:
            store.ensure_ontology(ontology)
        if todo:
            from . import pipeline

            files = pipeline.discover(list(todo.values())).files
            nlp = pipeline.load_pipeline()
            failed = [f for i, f in enumerate(files, 1) if not _build_one(store, f, nlp, i, len(files))]
            if failed:
                raise InputError(f"cannot evaluate: {', '.join(f.path.name for f in failed)} failed to build")
        for gold in golds:
            if gold.unscored:
                progress(f"kg: note: {gold.path}: no scoring query for {', '.join(gold.unscored)}; not scored")
        reports = [evaluate.evaluate(store, gold, ontology) for gold in golds]
    if fmt == "json":
        emit(evaluate.to_json(reports, verbose), nl=False)
    else:
        emit(evaluate.format_table(reports, verbose), nl=False)


@cli.command(short_help="Count the documents where each extraction rule fires.")
@click.argument("folder", type=click.Path(path_type=Path, exists=True))
@click.option("--rules", "by_rule", is_flag=True, required=True, help="Report per rule (the only report so far).")
@click.option("--skip-gold", "gold_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="Leave out the documents that the gold files of this folder name (repeatable).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the project's).")
@format_option(("table", "json"), "table")
def stats(folder: Path, by_rule: bool, gold_dirs: tuple[Path, ...], model: str | None, fmt: str) -> None:
    """Build every document of FOLDER in memory (the store is not touched) and report, for each registered
    extraction rule (rule:NAME) and each frame of ontology/frames.yaml (frame:NAME), the number of documents where
    it wrote a fact, and how many. Rules and frames that never fired are listed with 0: a rule that fires only on
    the texts it was tuned to does not belong in the product.

    \b
    Example: kg stats --rules ../shared/corpus/milestones --skip-gold ../shared/eval/dev
    """
    from . import evaluate
    from . import pipeline as kg_pipeline
    from .stats import rule_use

    gold = [evaluate.load_gold(p).document for d in gold_dirs for p in sorted(d.glob("*.yaml"))]
    uses = rule_use([folder], kg_pipeline.load_pipeline(model), gold, progress)
    if fmt == "json":
        emit(json.dumps([u.__dict__ for u in uses], indent=1))
        return
    emit(f"{'rule':44} {'documents':>9} {'facts':>7}")
    for use in uses:
        emit(f"{use.rule:44} {use.documents:>9} {use.facts:>7}")


def main() -> None:
    try:
        cli(prog_name="kg")
    finally:
        try:
            sys.stdout.flush()
        except OSError as e:
            failure = _stdout_failed(e)
            if isinstance(failure, KgError):
                click.echo(f"kg: error: {failure}", err=True)
            sys.exit(getattr(failure, "exit_code", 2))

"""Scale benchmark: build, validation, canned queries and export from one document to a synthetic 10x corpus.

One table (markdown) on stdout, and the same written to benchmarks/results/ with
--save. What it measures, in one run on the same machine:

- build: ``kg build --jobs N`` of the corpus into a fresh store, against the bare
  spaCy model parsing the same texts with ``nlp.pipe(n_process=N)``, in alternation
  (``--rounds``, the median ratio); then the rebuild with nothing changed. Bare spaCy is
  the model as shipped (thinc's BLIS, spaCy's own rule components); ``kg build`` runs the
  same model through numpy's BLAS and memo_rules, the same annotations for less CPU
  (benchmarks/model_check.py), so the ratio is not kg_builder's stages alone;
- for each size (the first 1 and 20 documents, the whole corpus, and synthetic
  copies of it (4x, about a million distinct triples, and 10x by default), whose document-scoped IRIs are
  renamed so the union grows with them): full validation (compiled SHACL + OWL RL rules), the
  validation of one document (and, timed in alternation, the same document alone in a store), every canned query (median of 3 runs of the whole answer; what a
  default `kg query NAME` shows, its first rows as a table, median of 5, worked out live, then read
  from the answers the store keeps after a build, with the time to keep them), and the Turtle export
  (``--measure`` picks some of these, for stores too large to wait for them all);
- rdflib's in-memory store on the same union (sizes up to the whole corpus):
  every canned query, median of 3. Beside the queries, the least a row costs: one triple
  pattern read whole (the ``floor:`` row).

The machine's load average is printed with the results: the figures of a
shared machine move with it.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kg_builder import answers, resources  # noqa: E402
from kg_builder.cli import TABLE_ROWS  # noqa: E402
from kg_builder.pages import first_page, has_first_page  # noqa: E402
from kg_builder.queries import CannedQuery, format_result, list_queries  # noqa: E402
from kg_builder.store import Store  # noqa: E402
from kg_builder.validate import validate_store  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
_T = TypeVar("_T")
SCOPED = re.compile(r"(https://w3id\.org/kg-builder/(?:id/(?:span|event|position|agreement|commitment|claim|"
                    r"disagreement|document)|graph/doc)/)([^/>\s-]+(?:-[^/>\s-]+)*?)(?=[->])")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(run: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = run()
    return time.perf_counter() - started, value


def median_of(run: Callable[[], object], times: int = 3) -> float:
    return statistics.median(timed(run)[0] for _ in range(times))


# -- build ---------------------------------------------------------------------


def bench_build(corpus: Path, store: Path, jobs: int, rounds: int) -> list[str]:
    """``rounds`` pairs, each a build into a fresh store then bare spaCy, one after the other (the load of a
    shared machine moves one pair's ratio by 0.1 either way); the result is the median of the ratios. Both
    are timed as whole processes, from the start of the interpreter to its exit. ``store`` keeps the first
    build, which is then built again with nothing changed."""
    rows, ratios, cpu_ratios, builds = [], [], [], []
    for round_ in range(1, rounds + 1):
        target = store if round_ == 1 else store.with_name(f"{store.name}-round{round_}")
        say(f"build, round {round_} of {rounds}: kg build --jobs {jobs} into {target}")
        (built, summary), built_cpu = children_cpu(lambda: timed(lambda: kg_build(corpus, target, jobs)))
        say(f"build, round {round_} of {rounds}: bare spaCy, same texts, same number of processes")
        (bare, _), bare_cpu = children_cpu(lambda: timed(lambda: bare_spacy(corpus, jobs)))
        ratios.append(built / bare)
        cpu_ratios.append(built_cpu / bare_cpu)
        rows.append(f"| round {round_}: corpus build / bare spaCy | {built:.1f} s / {bare:.1f} s = {built / bare:.2f}x | "
                    f"CPU {built_cpu:.1f} s / {bare_cpu:.1f} s = {built_cpu / bare_cpu:.2f}x; {summary} |")
        builds.append(built)
    say(f"build: kg build --jobs {jobs} into {store} again, nothing changed")
    again, again_summary = timed(lambda: kg_build(corpus, store, jobs))
    return [
        *rows,
        f"| ratio build / bare spaCy, median of {rounds} rounds | **{statistics.median(ratios):.2f}x** | "
        f"goal <= 1.3; rounds {', '.join(f'{r:.2f}' for r in ratios)}; CPU median {statistics.median(cpu_ratios):.2f}x; "
        f"build: `kg build --jobs {jobs}`; bare spaCy: `nlp.pipe(n_process={jobs}, batch_size=4)` over the same "
        "texts, model load included |",
        f"| rebuild, nothing changed | {again:.1f} s | **{100 * again / builds[0]:.1f} %** of the first (goal < 5 %); "
        f"{again_summary} |",
    ]


def children_cpu(run: Callable[[], _T]) -> tuple[_T, float]:
    """What ``run`` returns, and the CPU seconds (user + system) of the processes it ran and waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    value = run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return value, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def kg_build(corpus: Path, store: Path, jobs: int) -> str:
    """Run `kg build` (a failing document is a result, not an error here); its summary line."""
    done = subprocess.run([KG, "build", str(corpus), "--store", str(store), "--jobs", str(jobs)],
                          capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith(("built ", "  failed: "))]
    return "; ".join(lines).replace("|", "/")


def bare_spacy(corpus: Path, jobs: int) -> None:
    """The plain statistical model over the cleaned texts, in a process of its own as `kg build` runs (its model
    load and the reading of the texts included)."""
    code = f"""
import sys, pathlib
sys.path.insert(0, {str(REPO / 'src')!r})
from kg_builder.nlp import load_model
from kg_builder.pipeline import discover
from kg_builder.sources import read_document
texts = [read_document(f.path).text for f in discover([pathlib.Path({str(corpus)!r})]).files]
for _ in load_model().pipe(texts, n_process={jobs}, batch_size=4):
    pass
"""
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


# -- stores of each size ---------------------------------------------------------


def copy_store(source: Store, target: Path, graphs: list[str], copies: int) -> Store:
    """A store of ``graphs`` and ``copies - 1`` renamed copies of each, written as `kg build` writes (bulk loads
    of a few dozen documents, then a compaction: at 100x, minutes where a transaction a graph took hours)."""
    store = Store.open(target)
    store.ensure_ontology(resources.ontology_file())
    with store.batch() as batch:
        for graph in graphs:
            text = source.graph_ntriples(graph)
            batch.add(graph, text)
            for k in range(1, copies):
                renamed = SCOPED.sub(lambda m: f"{m.group(1)}{m.group(2)}~{k}", text)
                batch.add(SCOPED.sub(lambda m: f"{m.group(1)}{m.group(2)}~{k}", graph + ">")[:-1], renamed)
    batch.compact()
    return store


def count(store: Store, sparql: str) -> int:
    return int(store.query(sparql).rows[0][0])


MEASURES = ("full-validation", "one-document", "queries", "pages", "export")


def bench_size(label: str, store: Store, rdflib_too: bool, alone: Store,
               measures: tuple[str, ...] = MEASURES) -> list[str]:
    quads = count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    union = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    graphs = store.document_graphs()
    say(f"{label}: {len(graphs)} documents, {quads:,} quads, {union:,} union triples")
    rows = [f"| **{label}**: {len(graphs)} documents, {quads:,} quads ({union:,} distinct triples) | | |"]
    if "full-validation" in measures:
        full, report = timed(lambda: validate_store(store))
        rows.append(f"| validation, full (SHACL as SPARQL + OWL RL) | {full:.2f} s | {len(report.violations)} results, "
                    f"OWL {'consistent' if report.owl.consistent else 'INCONSISTENT'} |")
    if "one-document" in measures:
        one, by_itself = one_document(store, alone, graphs[0])
        rows.append(f"| validation, one document ({graphs[0].rsplit('/', 1)[-1]}) | {one:.3f} s | median of 9; "
                    f"**{one / by_itself:.2f}x** the same in a store of that document alone ({by_itself:.3f} s, "
                    "timed in alternation) |")
    if "queries" in measures or "pages" in measures:
        rows += query_rows(store, rdflib_too and "queries" in measures, measures)
    if "export" in measures:
        rows.append(export_row(store))
    return rows


def export_row(store: Store) -> str:
    """``kg export`` of the store to a Turtle file, as a process of its own: its time (from the start of the
    interpreter), the file's size and the process's peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "graph.ttl"
        started = time.perf_counter()
        process = subprocess.Popen([KG, "export", "--store", str(store.path), "--output", str(target)])
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if status != 0:
            raise RuntimeError(f"kg export exited with status {os.waitstatus_to_exitcode(status)}")
        return (f"| export Turtle (`kg export --output`, a process of its own) | {seconds:.2f} s | "
                f"{target.stat().st_size / 1e6:.1f} MB; peak RSS {usage.ru_maxrss / 1024:.0f} MB |")


def query_rows(store: Store, rdflib_too: bool, measures: tuple[str, ...]) -> list[str]:
    """A row per canned query: its whole answer (``queries``), the first page `kg query` shows (``pages``)."""
    union_graph = store.as_rdflib(include_ontology=True) if rdflib_too else None
    cells: dict[str, list[str]] = {}
    for q in list_queries():
        cells[q.name] = [f"| query `{q.name}` |"]
        if "queries" in measures:
            ours, answer = whole_answer(store, q.text)  # its cost grows with its answer, not only with the store
            theirs = median_of(lambda: union_graph.query(q.text).bindings) if union_graph is not None else None
            versus = f"; rdflib {theirs:.3f} s, **{theirs / ours:.0f}x**" if theirs is not None else ""
            per_row = f" ({1e6 * ours / answer:.0f} µs a row)" if answer >= 1000 else ""  # else fixed costs lead
            cells[q.name].append(f" {1000 * ours:.1f} ms | {answer:,} rows{per_row}{versus}")
        else:
            cells[q.name].append(" | whole answer not timed")
        if "pages" in measures:
            cells[q.name].append(default_page(store, q))
    floor = [engine_floor(store)] if "queries" in measures else []
    if "pages" not in measures:
        return [f"{''.join(parts)} |" for parts in cells.values()] + floor
    keeping, _ = timed(lambda: answers.keep(store))
    for q in list_queries():
        kept = median_of(lambda: format_result(first_page(store, q, TABLE_ROWS), "table"), times=5)
        cells[q.name].append(f"; **kept: {1000 * kept:.1f} ms** |")
    dropping, _ = timed(store.drop_answers)
    return [''.join(parts) for parts in cells.values()] + floor + [
        f"| keeping the canned answers (end of `kg build`, `kg load`) | {keeping:.2f} s | "
        f"first {answers.ROWS:,} rows of each; dropped by the next write: {dropping:.2f} s |"]


def one_document(store: Store, alone: Store, graph: str, times: int = 9) -> tuple[float, float]:
    """The median seconds of validating ``graph`` in ``store`` and in ``alone`` (that document only), one
    after the other, so that both see the same load of the machine."""
    ours, by_itself = [], []
    for _ in range(times):
        ours.append(timed(lambda: validate_store(store, graph=graph))[0])
        by_itself.append(timed(lambda: validate_store(alone, graph=graph))[0])
    return statistics.median(ours), statistics.median(by_itself)


def whole_answer(store: Store, text: str) -> tuple[float, int]:
    """The median seconds of 3 runs of the query's whole answer, and its number of rows."""
    runs = [timed(lambda: store.query(text)) for _ in range(3)]
    return statistics.median(seconds for seconds, _ in runs), len(runs[-1][1].rows)


def engine_floor(store: Store) -> str:
    """The least a row of a whole answer costs: one triple pattern, nothing joined or sorted, read as
    `kg query` reads any answer (a canned query of as many rows cannot be faster)."""
    text = "SELECT ?fact ?span WHERE { ?fact <http://www.w3.org/ns/prov#wasDerivedFrom> ?span }"
    seconds, answer = whole_answer(store, text)
    return (f"| floor: `{text}` | {1000 * seconds:.1f} ms | {answer:,} rows"
            f"{f' ({1e6 * seconds / answer:.1f} µs a row)' if answer else ''}, median of 3 |")


def default_page(store: Store, query: CannedQuery) -> str:
    """What `kg query NAME` shows by default, as a table (its first rows), worked out live: from its keys
    when the query has queries/pages/ companions, else by sorting the whole answer."""
    page = median_of(lambda: format_result(first_page(store, query, TABLE_ROWS), "table"), times=5)
    how = "from its keys" if has_first_page(query.name) else "whole answer sorted"
    return f"; `kg query` default table (first {TABLE_ROWS:,} rows) live, {how}: {1000 * page:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "milestones")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sizes", default="1,20,all,4x,10x",
                        help="comma-separated: N documents, all, Kx copies (4x of the corpus is ~1.05M distinct "
                             "triples and 732 documents, 10x ~2.6M and 1,830)")
    parser.add_argument("--rounds", type=int, default=3, help="build and bare spaCy pairs, one after the other (median)")
    parser.add_argument("--store", type=Path, default=None, help="an existing store of the corpus (skips the build)")
    parser.add_argument("--save", type=Path, default=None, help="also write the table to this file")
    parser.add_argument("--measure", default=",".join(MEASURES),
                        help=f"comma-separated, of {', '.join(MEASURES)} (default: all); e.g. one-document,pages "
                             "for a store too large to wait for full validation, whole answers and export")
    args = parser.parse_args()
    measures = tuple(m.strip() for m in args.measure.split(","))
    unknown = set(measures) - set(MEASURES)
    if unknown:
        parser.error(f"--measure: unknown {', '.join(sorted(unknown))} (choose from {', '.join(MEASURES)})")
    load_before = os.getloadavg()
    started = time.perf_counter()
    table = ["| what | time | notes |", "|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        corpus_store = args.store
        if corpus_store is None:
            corpus_store = Path(tmp) / "corpus"
            table += bench_build(args.corpus, corpus_store, args.jobs, args.rounds)
        with Store.open(corpus_store, create=False, read_only=True) as source:
            graphs = source.document_graphs()
            with copy_store(source, Path(tmp) / "alone", graphs[:1], 1) as alone:
                for size in args.sizes.split(","):
                    copies = int(size[:-1]) if size.endswith("x") else 1
                    chosen = graphs if size == "all" or copies > 1 else graphs[: int(size)]
                    label = f"{size} copies of the corpus" if copies > 1 else f"{len(chosen)} document(s)"
                    with copy_store(source, Path(tmp) / f"size-{size}", chosen, copies) as store:
                        table += bench_size(label, store, rdflib_too=copies == 1, alone=alone, measures=measures)
    load_after = os.getloadavg()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table.append(f"\nload average (1/5/15 min) before {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}, "
                 f"after {load_after[0]:.1f}/{load_after[1]:.1f}/{load_after[2]:.1f} on {os.cpu_count()} cores; "
                 f"peak RSS {peak:.0f} MB; wall time {time.perf_counter() - started:.0f} s")
    text = "\n".join(table) + "\n"
    print(text)
    if args.save:
        args.save.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the CPU of a parallel corpus build goes, against bare spaCy with the same number of processes.

Each round runs ``corpus.build_corpus(jobs=N)`` in this process, as ``kg build --jobs N``
does (this process writes the store, N forked workers read, parse and extract), with a
CPU timer (``time.process_time``) around each stage in the parent and in every worker;
then bare spaCy, ``nlp.pipe(texts, n_process=N, batch_size=4)`` over the same cleaned
texts, in a child process. It prints one table per round: CPU seconds per stage, each
as a share of bare spaCy's CPU, so that the stages add up to the ratio of the two.
"other" is CPU that no timer saw: imports, the pool's threads (results unpickled),
RocksDB's background threads, the progress line.

On a shared machine every figure moves with the load (the load average is printed);
the shares within one round move less. Alternate rounds with ``--rounds``.

    .venv/bin/python benchmarks/build_cpu.py                     # the corpus, 2 processes, 1 round
    .venv/bin/python benchmarks/build_cpu.py --rounds 3 --save benchmarks/results/build-cpu-DATE.md
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import kg_builder.extract  # noqa: E402
from kg_builder import corpus, pipeline, rdf  # noqa: E402
from kg_builder.store import GraphBatch, Store  # noqa: E402

_spent: dict[str, float] = defaultdict(float)  # stage -> CPU seconds in this process (a worker: since the fork)
_REPORTS = Path(tempfile.mkdtemp(prefix="kg-build-cpu-"))  # each worker's timers, written after each document


_nested: list[float] = []  # CPU of the timed calls inside each timed call in progress


def timed(owner: object, name: str, stage: str) -> None:
    """Replace ``owner.name`` by the same callable that adds its CPU time to ``stage``, less the
    time of the timed calls it makes (a batch's bulk load inside its ``add`` counts once)."""
    inner = getattr(owner, name)

    def run(*args, **kwargs):
        started = time.process_time()
        _nested.append(0.0)
        try:
            return inner(*args, **kwargs)
        finally:
            spent = time.process_time() - started
            _spent[stage] += spent - _nested.pop()
            if _nested:
                _nested[-1] += spent

    setattr(owner, name, run)


class _TimedComponent:
    """A pipeline component whose calls add their CPU time to ``nlp: NAME``."""

    def __init__(self, name: str, component: Callable) -> None:
        self.name, self.component = name, component

    def __call__(self, doc):
        started = time.process_time()
        try:
            return self.component(doc)
        finally:
            _spent[f"worker: nlp {self.name}"] += time.process_time() - started

    def pipe(self, docs, **kwargs):
        """A batch (``nlp.pipe``, as a build's worker parses its group): the docs before it are made first,
        outside the timer, then this component's whole batch is timed."""
        docs = list(docs)
        started = time.process_time()
        try:
            if hasattr(self.component, "pipe"):
                done = list(self.component.pipe(docs, **kwargs))
            else:
                done = [self.component(doc) for doc in docs]
        finally:
            _spent[f"worker: nlp {self.name}"] += time.process_time() - started
        return iter(done)

    def __getattr__(self, attribute: str):
        return getattr(self.component, attribute)


def _timed_pipeline(load: Callable[..., pipeline.Pipeline]) -> Callable[..., pipeline.Pipeline]:
    def loaded(*args, **kwargs) -> pipeline.Pipeline:
        started = time.process_time()
        made = load(*args, **kwargs)
        _spent["parent: load the pipeline"] += time.process_time() - started
        nlp = made.nlp
        # spaCy calls the components it lists in _components: each is wrapped where it stands
        nlp._components[:] = [(name, _TimedComponent(name, c)) for name, c in nlp._components]
        tokenizer = nlp.tokenizer
        nlp.tokenizer = _TimedComponent("tokenizer", tokenizer)
        return made
    return loaded


_extract = corpus._extract


def _extract_and_report(source, limits):
    """A worker's task (named at the top level: the pool sends it by name): extract, then write the timers."""
    try:
        return _extract(source, limits)
    finally:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        mine = {k: v for k, v in _spent.items() if k.startswith("worker")}
        mine["worker: total"] = usage.ru_utime + usage.ru_stime
        (_REPORTS / f"{os.getpid()}.json").write_text(json.dumps(mine))


def instrument() -> None:
    """Timers around every stage of a build, in the parent and (inherited at the fork) in the workers."""
    timed(pipeline, "read_document", "worker: read the document")
    timed(kg_builder.extract, "extract", "worker: extract (the rules)")
    pipeline.load_pipeline = _timed_pipeline(pipeline.load_pipeline)
    corpus._extract = _extract_and_report
    timed(rdf, "to_ntriples", "parent: RDF (N-Triples)")
    timed(Store, "labels", "parent: store labels")
    timed(GraphBatch, "add", "parent: store batch (parse, quads, journal)")
    timed(GraphBatch, "commit", "parent: store batch (parse, quads, journal)")
    timed(Store, "_write", "parent: store write")
    timed(Store, "record_build_hashes", "parent: build hashes")
    timed(Store, "close", "parent: store close (flush)")


def build_round(files: list, jobs: int) -> tuple[dict[str, float], float]:
    """CPU seconds per stage of one build, and its wall time."""
    _spent.clear()
    for old in _REPORTS.glob("*.json"):
        old.unlink()
    before_self = resource.getrusage(resource.RUSAGE_SELF)
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-build-cpu-store-") as store:
        summary = corpus.build_corpus(files, Path(store) / "store", jobs=jobs, force=True)
    if summary.failed:
        raise SystemExit(f"the build failed: {summary.text()}")
    wall = time.perf_counter() - started
    after_self = resource.getrusage(resource.RUSAGE_SELF)
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    stages = {k: v for k, v in _spent.items() if k.startswith("parent")}
    stages["parent: total"] = (after_self.ru_utime - before_self.ru_utime) + (after_self.ru_stime - before_self.ru_stime)
    workers: dict[str, float] = defaultdict(float)
    for report in _REPORTS.glob("*.json"):
        for stage, seconds in json.loads(report.read_text()).items():
            workers[stage] += seconds
    stages.update(workers)
    # the workers as the parent reaped them (their own figures miss what follows their last document)
    stages["workers: total (reaped)"] = (after_children.ru_utime - before_children.ru_utime) + \
        (after_children.ru_stime - before_children.ru_stime)
    return stages, wall


def bare_round(corpus_dir: Path, jobs: int) -> tuple[float, float, float]:
    """Bare spaCy in a child process, as benchmarks/scale.py runs it: (parent CPU, workers' CPU, wall)."""
    code = f"""
import resource, sys, time
sys.path.insert(0, {str(REPO / 'src')!r})
started = time.perf_counter()
from pathlib import Path
from kg_builder.nlp import load_model
from kg_builder.pipeline import discover
from kg_builder.sources import read_document
texts = [read_document(f.path).text for f in discover([Path({str(corpus_dir)!r})]).files]
nlp = load_model()
for _ in nlp.pipe(texts, n_process={jobs}, batch_size=4):
    pass
wall = time.perf_counter() - started
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(me.ru_utime + me.ru_stime, workers.ru_utime + workers.ru_stime, wall)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    parent, workers, wall = map(float, out.stdout.split())
    return parent, workers, wall


def table(n: int, stages: dict[str, float], wall: float, bare: tuple[float, float, float]) -> list[str]:
    """One round's rows: every stage's CPU, and its share of bare spaCy's."""
    bare_cpu = bare[0] + bare[1]
    parent_total, workers_total = stages["parent: total"], stages["workers: total (reaped)"]
    worker_stages = {k.removeprefix("worker: "): v for k, v in stages.items()
                     if k.startswith("worker: ") and k != "worker: total"}
    model = sum(v for k, v in worker_stages.items() if k.startswith("nlp ") and not k.startswith("nlp kg_"))
    parent_stages = {k.removeprefix("parent: "): v for k, v in stages.items()
                     if k.startswith("parent: ") and k != "parent: total"}
    rows = [f"**round {n}** (load average {os.getloadavg()[0]:.1f})", "",
            "| process | stage | CPU s | / bare spaCy CPU |", "|---|---|---|---|"]

    def row(process: str, stage: str, seconds: float) -> None:
        rows.append(f"| {process} | {stage} | {seconds:.2f} | {seconds / bare_cpu:.3f} |")

    row("workers", "spaCy's model (tokenizer and the model's own components)", model)
    for stage, seconds in sorted(worker_stages.items()):
        if not stage.startswith("nlp ") or stage.startswith("nlp kg_"):
            row("workers", stage, seconds)
    row("workers", "other (pickling the facts, the pool)", workers_total - sum(worker_stages.values()))
    for stage, seconds in sorted(parent_stages.items()):
        row("parent", stage, seconds)
    row("parent", "other (imports, unpickling results, RocksDB threads, progress)",
        parent_total - sum(parent_stages.values()))
    rows += [f"| **build** | parent {parent_total:.1f} + workers {workers_total:.1f}, wall {wall:.1f} s "
             f"| **{parent_total + workers_total:.1f}** | **{(parent_total + workers_total) / bare_cpu:.2f}** |",
             f"| **bare spaCy** | parent {bare[0]:.1f} + workers {bare[1]:.1f}, wall {bare[2]:.1f} s "
             f"| **{bare_cpu:.1f}** | 1 |", "",
             # the model's own CPU in the build is the baseline run under the same load
             f"The build's CPU over its own spaCy model's: **{(parent_total + workers_total) / model:.2f}x** "
             f"(the same comparison in one run: less moved by the load than the two runs apart).", ""]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "milestones")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the build and of bare spaCy")
    parser.add_argument("--rounds", type=int, default=1, help="build and bare spaCy one after the other, this many times")
    parser.add_argument("--save", type=Path, default=None, help="also write the tables to this file")
    args = parser.parse_args()
    files = pipeline.discover([args.corpus]).files
    instrument()
    load_before = os.getloadavg()
    lines = [f"# CPU of `kg build --jobs {args.jobs}` by stage, against bare spaCy `nlp.pipe(n_process={args.jobs}, "
             f"batch_size=4)`: {len(files)} documents of {args.corpus.name}", ""]
    ratios, walls, own = [], [], []
    for n in range(1, args.rounds + 1):
        print(f"round {n}: build", file=sys.stderr, flush=True)
        stages, wall = build_round(files, args.jobs)
        print(f"round {n}: bare spaCy", file=sys.stderr, flush=True)
        bare = bare_round(args.corpus, args.jobs)
        build_cpu = stages["parent: total"] + stages["workers: total (reaped)"]
        ratios.append(build_cpu / (bare[0] + bare[1]))
        walls.append(wall / bare[2])
        own.append(build_cpu / sum(v for k, v in stages.items()
                                   if k.startswith("worker: nlp ") and not k.startswith("worker: nlp kg_")))
        lines += table(n, stages, wall, bare)
    shutil.rmtree(_REPORTS, ignore_errors=True)
    load_after = os.getloadavg()
    lines.append(f"CPU ratio build / bare spaCy: median **{statistics.median(ratios):.2f}x** "
                 f"({', '.join(f'{r:.2f}' for r in ratios)}); wall-time ratio median {statistics.median(walls):.2f}x "
                 f"({', '.join(f'{w:.2f}' for w in walls)}); build CPU over its own spaCy model's, median "
                 f"{statistics.median(own):.2f}x ({', '.join(f'{o:.2f}' for o in own)}); load average (1/5/15 min) before "
                 f"{'/'.join(f'{x:.1f}' for x in load_before)}, after {'/'.join(f'{x:.1f}' for x in load_after)} "
                 f"on {os.cpu_count()} cores")
    text = "\n".join(lines) + "\n"
    if args.save:
        args.save.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

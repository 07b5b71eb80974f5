"""Corpus build benchmark: how much slower is the whole build than spaCy alone?

Over the same documents, in one run, this measures:

  1. spaCy alone: the bare statistical model (``kg_builder.nlp.load_model``, no
     entity ruler) and the project's pipeline ``Pipeline.nlp`` (the same model
     plus the lexicon's entity ruler and the paragraph-break component), each
     called once per document on ``Document.text``, as ``build_document`` does;
  2. the whole build, ``pipeline.build_document`` per document (read + nlp +
     extract + RDF serialisation), then ``Store.replace_graph`` into a fresh
     temporary Oxigraph store;
  3. optionally (``--validate``, the default) SHACL over the union of all document
     graphs once, plus the built-in OWL disjointness check (reasoner='none'),
     with each violation mapped back to the document(s) it comes from.

The headline figure is build_time / bare_spacy_time (goal: <= 1.3). See
benchmarks/README.md for how to read it.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout even without `pip install -e .`

from kg_builder import pipeline as kg_pipeline  # noqa: E402
from kg_builder import rdf  # noqa: E402
from kg_builder.extract import extract  # noqa: E402
from kg_builder.model import Document, SourceFile  # noqa: E402
from kg_builder.nlp import load_model  # noqa: E402
from kg_builder.sources import read_document  # noqa: E402
from kg_builder.store import Store  # noqa: E402

GOAL_RATIO = 1.3
SHOWN_MESSAGES = 5  # violation messages printed per document (all of them go to --json)
SHOWN_DOCUMENTS = 10  # documents with violations printed in the summary


def default_corpus() -> Path:
    shared = (REPO / ".." / "shared" / "corpus" / "milestones").resolve()
    return shared if shared.is_dir() else REPO / "seeds"


# --------------------------------------------------------------------------- helpers


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def words_of(text: str) -> int:
    return len(text.split())


def per_second(amount: float, seconds: float) -> float | None:
    return amount / seconds if seconds > 0 else None


def ratio(a: float, b: float) -> float | None:
    return a / b if b > 0 else None


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


def where_raised(exc: BaseException) -> str:
    """file:line of the innermost frame, so a failure in someone's extractor is easy to find."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    try:
        shown = Path(last.filename).resolve().relative_to(REPO)
    except ValueError:
        shown = Path(last.filename)
    return f"{shown}:{last.lineno} in {last.name}"


@dataclass
class Doc:
    """Everything measured about one document."""

    path: Path
    name: str
    doc_id: str | None = None
    words: int = 0
    read_s: float | None = None
    bare_nlp_s: float | None = None
    lexicon_nlp_s: float | None = None
    extract_s: float | None = None  # breakdown, re-timed outside build_document
    rdf_s: float | None = None
    build_s: float | None = None
    store_s: float | None = None
    facts: int | None = None
    triples: int | None = None
    violations: list[dict[str, Any]] = field(default_factory=list)
    warnings: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "doc_id": self.doc_id, "words": self.words,
            "read_s": self.read_s, "bare_nlp_s": self.bare_nlp_s, "lexicon_nlp_s": self.lexicon_nlp_s,
            "extract_s": self.extract_s, "rdf_s": self.rdf_s, "build_s": self.build_s, "store_s": self.store_s,
            "facts": self.facts, "triples": self.triples,
            "shacl_violations": len(self.violations), "shacl_warnings": self.warnings,
        }


class Run:
    """Timings, failures and progress of one benchmark run."""

    def __init__(self, docs: list[Doc]) -> None:
        self.docs = docs
        self.failures: list[dict[str, str]] = []

    def fail(self, doc: Doc | None, stage: str, exc: BaseException) -> None:
        self.failures.append({
            "file": str(doc.path) if doc else "", "stage": stage,
            "error": error_text(exc), "where": where_raised(exc),
        })

    def timed(self, doc: Doc, stage: str, work: Callable[[], Any], repeat: int = 1) -> tuple[bool, Any]:
        """Run ``work`` ``repeat`` times; keep the fastest time in ``doc.<stage>_s``.

        Any exception is recorded against the document and stage; the caller goes on.
        """
        best, result = None, None
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 -- a benchmark records every failure and goes on
                self.fail(doc, stage, exc)
                return False, None
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        setattr(doc, f"{stage.replace('-', '_')}_s", best)
        return True, result


def total(docs: list[Doc], attr: str) -> float:
    return sum(getattr(d, attr) for d in docs)


def ok_in(docs: list[Doc], *attrs: str) -> list[Doc]:
    return [d for d in docs if all(getattr(d, a) is not None for a in attrs)]


# --------------------------------------------------------------------------- stages


WARM_UP_TEXT = """Warm-up

On June 12, 2018, President Trump met Kim Jong Un in Singapore. The two leaders signed a joint statement.
North Korea agreed to work toward the denuclearization of the Korean Peninsula, said the State Department.
"""


def warm_up(bare, nlp_pipe, build_pipe) -> float:
    """One untimed pass of every model and of extract + rdf, so lazy loading is not measured.

    The text is not from the corpus: no timed stage has seen any corpus text before.
    """
    start = time.perf_counter()
    bare(WARM_UP_TEXT)
    document = Document(doc_id="warm-up", path="warm-up.txt", text=WARM_UP_TEXT, title="Warm-up")
    spacy_doc = nlp_pipe.nlp(WARM_UP_TEXT)
    try:
        rdf.to_ntriples(extract(spacy_doc, document, nlp_pipe.lexicon))
        rdf.to_ntriples(kg_pipeline.facts_of(document, build_pipe))
    except Exception as exc:  # noqa: BLE001 -- the timed build will record the real failures
        progress(f"warm-up: extract/rdf failed ({error_text(exc)}); going on")
    return time.perf_counter() - start


def validate_union(store: Store, run: Run) -> dict[str, Any]:
    """Validate the union of all document graphs once; attribute each result to its documents."""
    from kg_builder.validate import validate_graph

    out: dict[str, Any] = {}
    progress("validation: reading the union of the document graphs")
    start = time.perf_counter()
    data = store.as_rdflib()
    out["union_triples"] = len(data)
    out["as_rdflib_s"] = time.perf_counter() - start
    progress(f"validation: SHACL + built-in OWL check over {len(data)} triples (reasoner='none')")
    start = time.perf_counter()
    report = validate_graph(data, reasoner="none")
    out["validate_s"] = time.perf_counter() - start
    progress(f"validation: done in {out['validate_s']:.2f}s")

    by_id = {d.doc_id: d for d in run.docs if d.doc_id}
    unattributed: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    counts = {"Violation": 0, "Warning": 0, "Info": 0}
    for v in report.violations:
        counts[v.severity] = counts.get(v.severity, 0) + 1
        entry = {"focus_node": v.focus_node, "path": v.path, "value": v.value, "message": v.message,
                 "severity": v.severity, "shape": v.shape, "sentence": v.sentence}
        owners = documents_of(v.focus_node, data, store, by_id)
        entry["documents"] = sorted(owners)
        results.append(entry)
        if not owners:
            unattributed.append(entry)
        for doc_id in owners:
            if v.severity == "Violation":
                by_id[doc_id].violations.append(entry)
            elif v.severity == "Warning":
                by_id[doc_id].warnings += 1
    out.update({
        "conforms": report.conforms,
        "results_by_severity": counts,
        "owl": {"consistent": report.owl.consistent, "reasoner": report.owl.reasoner, "note": report.owl.note},
        "unattributed": unattributed,
        "results": results,
        "shared_violations": sum(1 for e in results if e["severity"] == "Violation" and len(e["documents"]) > 1),
    })
    return out


def documents_of(focus: str, data, store: Store, by_id: dict[str, Doc]) -> set[str]:
    """The doc_ids a focus node belongs to.

    In order: the document itself (kgr:document/ID); the kgo:sourceDocument of the
    node (a TextSpan) or of its evidence (prov:wasDerivedFrom); otherwise every
    document whose named graph describes the node (shared entities).
    """
    from rdflib import URIRef
    from rdflib.namespace import PROV

    if not focus.startswith(("http://", "https://")):
        return set()  # a blank node or literal: no IRI to follow
    node = URIRef(focus)
    doc_prefix = str(rdf.KGR["document/"])
    if focus.startswith(doc_prefix) and focus[len(doc_prefix):] in by_id:
        return {focus[len(doc_prefix):]}
    spans = [node, *data.objects(node, PROV.wasDerivedFrom)]
    sources = {str(s) for span in spans for s in data.objects(span, rdf.KGO.sourceDocument)}
    owners = {s[len(doc_prefix):] for s in sources if s.startswith(doc_prefix)} & by_id.keys()
    if owners:
        return owners
    answer = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{focus}> ?p ?o }} }}")
    graphs = {row[0] for row in answer.rows if row[0]}
    return {g[len(rdf.GRAPHS):] for g in graphs if g.startswith(rdf.GRAPHS)} & by_id.keys()


# --------------------------------------------------------------------------- report


def build_figures(run: Run, meta: dict[str, Any]) -> dict[str, Any]:
    docs = run.docs
    read_ok = ok_in(docs, "read_s")
    # The ratio compares like with like: only documents that got through every timed stage.
    both = ok_in(docs, "read_s", "bare_nlp_s", "lexicon_nlp_s", "build_s")
    stored = ok_in(docs, "store_s")
    built = ok_in(docs, "build_s", "facts")
    words_both = sum(d.words for d in both)
    bare_s, lex_s = total(both, "bare_nlp_s"), total(both, "lexicon_nlp_s")
    build_s, read_s = total(both, "build_s"), total(both, "read_s")
    store_s = total(ok_in(both, "store_s"), "store_s")
    broken_down = len(ok_in(both, "extract_s", "rdf_s")) == len(both)
    extract_s = total(both, "extract_s") if broken_down else None
    rdf_s = total(both, "rdf_s") if broken_down else None
    facts = sorted(d.facts for d in built)
    failed_files = sorted({f["file"] for f in run.failures if f["file"]})
    return {
        **meta,
        "documents": {"found": len(docs), "read": len(read_ok), "built": len(built), "stored": len(stored),
                      "compared": len(both), "failed": len(failed_files)},
        "words": {"total_read": sum(d.words for d in read_ok), "compared": words_both},
        "seconds": {
            "read": read_s, "bare_spacy": bare_s, "lexicon_nlp": lex_s, "build": build_s,
            "store_load": store_s, "build_plus_store": build_s + store_s,
            # A breakdown of build_document, each step re-timed on its own (read, pipeline.nlp,
            # extract on that spaCy Doc, rdf.to_ntriples); "other" is build minus their sum.
            "breakdown": {
                "read": read_s, "nlp": lex_s, "extract": extract_s, "rdf": rdf_s,
                "other": None if not broken_down else build_s - read_s - lex_s - extract_s - rdf_s,
            },
        },
        "words_per_second": {
            "bare_spacy": per_second(words_both, bare_s), "lexicon_nlp": per_second(words_both, lex_s),
            "build": per_second(words_both, build_s), "build_plus_store": per_second(words_both, build_s + store_s),
        },
        "ratios": {
            "build_over_bare_spacy": ratio(build_s, bare_s),
            "build_plus_store_over_bare_spacy": ratio(build_s + store_s, bare_s),
            "lexicon_nlp_over_bare_spacy": ratio(lex_s, bare_s),
            "goal": GOAL_RATIO,
        },
        "facts_per_document": {
            "min": facts[0] if facts else None, "median": statistics.median(facts) if facts else None,
            "max": facts[-1] if facts else None, "total": sum(facts),
        },
        "triples_total": sum(d.triples for d in stored if d.triples is not None),
        "failures": run.failures,
        "failed_files": failed_files,
        "per_document": [d.as_json() for d in docs],
    }


def fmt_s(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds:.2f}s"


def fmt_rate(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:,.0f} words/s"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def summary(fig: dict[str, Any]) -> str:
    d, s, w, r = fig["documents"], fig["seconds"], fig["words_per_second"], fig["ratios"]
    f, b = fig["facts_per_document"], fig["seconds"]["breakdown"]
    timing = "per-document times" if fig["repeat"] == 1 else f"fastest of {fig['repeat']} runs per document"
    limit = f", --limit {fig['limit']}" if fig["limit"] else ""
    lines = [
        f"corpus      {fig['corpus']} ({d['found']} documents{limit})",
        f"model       {fig['model']} (spaCy {fig['spacy']}, Python {fig['python']})",
        f"documents   read {d['read']}, built {d['built']}, stored {d['stored']}, failed {d['failed']}; "
        f"compared {d['compared']} ({fig['words']['compared']:,} words)",
        "",
        f"stage                          time   throughput   ({timing}, summed)",
        f"  read (sources)           {fmt_s(s['read']):>9}",
        f"  bare spaCy model         {fmt_s(s['bare_spacy']):>9}   {fmt_rate(w['bare_spacy'])}   <- baseline",
        f"  pipeline.nlp (+ruler)    {fmt_s(s['lexicon_nlp']):>9}   {fmt_rate(w['lexicon_nlp'])}",
        f"  build_document           {fmt_s(s['build']):>9}   {fmt_rate(w['build'])}",
        f"    = read {fmt_s(b['read'])} + nlp {fmt_s(b['nlp'])} + extract {fmt_s(b['extract'])}"
        f" + rdf {fmt_s(b['rdf'])} + other {fmt_s(b['other'])}  (each re-timed alone)",
        f"  store load               {fmt_s(s['store_load']):>9}",
        f"  build + store            {fmt_s(s['build_plus_store']):>9}   {fmt_rate(w['build_plus_store'])}",
        "",
        f"ratio build / bare spaCy           {fmt_ratio(r['build_over_bare_spacy'])}   (goal <= {GOAL_RATIO}: "
        f"{'met' if (r['build_over_bare_spacy'] or 1e9) <= GOAL_RATIO else 'NOT met'})",
        f"ratio build+store / bare spaCy     {fmt_ratio(r['build_plus_store_over_bare_spacy'])}",
        f"ratio pipeline.nlp / bare spaCy    {fmt_ratio(r['lexicon_nlp_over_bare_spacy'])}   (the ruler; the model run as kg_builder runs it)",
        "",
        f"facts per document  min {f['min']}  median {f['median']}  max {f['max']}  (total {f['total']})",
        f"triples stored      {fig['triples_total']:,}",
    ]
    v = fig.get("validation")
    if v and "error" in v:
        lines += ["", f"validation  could not run: {v['error']}"]
    elif v:
        sev = v["results_by_severity"]
        owl = v["owl"]
        owl_state = {True: "consistent", False: "INCONSISTENT", None: "not checked"}[owl["consistent"]]
        clashes = owl["note"].split("disjointness check: ", 1)[-1]  # drop the "no reasoner requested" preamble
        owl_why = f": {clashes[:400]}" if owl["consistent"] is False else ""
        lines += [
            "",
            f"validation  {'conforms' if v['conforms'] else 'DOES NOT CONFORM'}: "
            f"{sev.get('Violation', 0)} violations, {sev.get('Warning', 0)} warnings over "
            f"{v['union_triples']:,} triples; SHACL+OWL {fmt_s(v['validate_s'])} "
            f"(+{fmt_s(v['as_rdflib_s'])} to read the union)",
            f"  OWL ({owl['reasoner']}): {owl_state}{owl_why}",
            f"  documents conforming: {v['documents_conforming']} of {v['documents_validated']}",
        ]
        if sev.get("Violation"):
            lines.insert(-2, f"  {v['shared_violations']} of the {sev['Violation']} violations are on nodes shared by "
                             "several documents (a clash may only exist in the union)")
        for doc in v["documents_with_violations"][:SHOWN_DOCUMENTS]:
            lines.append(f"  {doc['doc_id']}: {doc['count']} violation(s)")
            lines += [f"    - {m}" for m in doc["messages"][:SHOWN_MESSAGES]]
        hidden = len(v["documents_with_violations"]) - SHOWN_DOCUMENTS
        if hidden > 0:
            lines.append(f"  ... and {hidden} more document(s) (see --json)")
        if v["unattributed"]:
            lines.append(f"  {len(v['unattributed'])} result(s) not traced to a document, e.g. "
                         f"{v['unattributed'][0]['message']}")
    if fig["failures"]:
        lines += ["", f"failures ({len(fig['failures'])})"]
        lines += [f"  {Path(x['file']).name or '-'} [{x['stage']}] {x['error'][:200]}"
                  + (f"  ({x['where']})" if x["where"] else "") for x in fig["failures"]]
    lines += ["", f"peak RSS {fig['peak_rss_mb']['end']:.0f} MB   model load {fmt_s(fig['model_load_s'])}   "
                  f"warm-up {fmt_s(fig['warmup_s'])}   wall time {fmt_s(fig['wall_s'])}"]
    return "\n".join(lines)


def short(term: str | None) -> str:
    """The last segment of an IRI (kgr:agreement/potsdam-declaration -> potsdam-declaration)."""
    if not term:
        return ""
    return term.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if term.startswith("http") else term


def violation_text(v: dict[str, Any]) -> str:
    value = f" (value {short(v['value'])})" if v.get("value") else ""
    shared = f" [shared by {len(v['documents'])} documents]" if len(v["documents"]) > 1 else ""
    return f"{short(v['shape'])} on {short(v['focus_node'])}{value}: {v['message']}{shared}"


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="corpus_build.py",
        description="Time the whole kg build against spaCy alone over a corpus, in one run on the same texts.",
        epilog=(
            "example:\n"
            "  .venv/bin/python benchmarks/corpus_build.py --limit 20 --json out/bench.json\n\n"
            "Progress goes to stderr, the summary to stdout. The headline figure is\n"
            f"build_document time / bare spaCy time (goal <= {GOAL_RATIO}); see benchmarks/README.md."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"folder (or file) of .txt/.md/.html documents (default: {default_corpus()})")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only the first N documents, in sorted order")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT",
                        help="also write every figure (and per-document timings) to OUT as JSON")
    parser.add_argument("--validate", action=argparse.BooleanOptionalAction, default=True,
                        help="SHACL-validate the union of all graphs once, OWL by the built-in check (default: on)")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline to load (default: the first installed of kg_builder.nlp.DEFAULT_MODELS)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="time each stage K times per document and keep the fastest (default: 1)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be 1 or more")
    return args


def main(argv: list[str] | None = None) -> int:
    wall_start = time.perf_counter()
    args = parse_args(argv)
    corpus = (args.corpus or default_corpus()).resolve()
    try:
        files = kg_pipeline.discover([corpus]).files
    except Exception as exc:  # noqa: BLE001
        print(f"error: {error_text(exc)}", file=sys.stderr)
        return 2
    files = files[: args.limit] if args.limit else files
    run = Run([Doc(path=f.path, name=f.path.name, doc_id=f.doc_id) for f in files])
    rss: dict[str, float] = {"start": peak_rss_mb()}

    # Read every text once, up front: spaCy alone and the build then see the same texts.
    progress(f"reading {len(run.docs)} documents")
    texts: dict[str, Document] = {}
    for doc in run.docs:
        ok, document = run.timed(doc, "read", lambda: read_document(doc.path, doc.doc_id))
        if ok:
            texts[doc.name], doc.doc_id, doc.words = document, document.doc_id, words_of(document.text)
        else:
            progress(f"  {doc.name}: read FAILED: {run.failures[-1]['error']}")

    progress("loading models")
    start = time.perf_counter()
    try:
        # Three separate instances: spaCy adds each new word to its model's vocabulary the first
        # time it sees it, so a model that has seen a text parses it again faster. With one model
        # per stage, every stage meets every text for the first time, as a real build does.
        bare = load_model(args.model)
        nlp_pipe = kg_pipeline.load_pipeline(args.model)  # pipeline.nlp alone (+ the breakdown)
        pipe = kg_pipeline.load_pipeline(args.model)  # used only by build_document
    except Exception as exc:  # noqa: BLE001
        print(f"error: cannot load the spaCy pipeline: {error_text(exc)}", file=sys.stderr)
        return 2
    model_load_s = time.perf_counter() - start
    rss["models_loaded"] = peak_rss_mb()
    progress(f"models loaded in {model_load_s:.2f}s\n  bare: {bare.pipe_names}\n  pipeline.nlp: {pipe.nlp.pipe_names}")

    progress("warming up")
    warmup_s = warm_up(bare, nlp_pipe, pipe)

    # Per document, back to back so that machine load hits all stages alike:
    #   (a) bare model and pipeline.nlp, called as facts_of calls it: nlp(document.text)
    #       then extract and rdf on that spaCy Doc (a breakdown, outside build_document)
    #   (b) build_document itself, then replace_graph into a fresh temporary store
    n, rep = len(run.docs), args.repeat
    validation: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp, Store.open(Path(tmp) / "store") as store:
        for i, doc in enumerate(run.docs, 1):
            notes: list[str] = []
            document = texts.get(doc.name)
            if document is not None:
                run.timed(doc, "bare-nlp", lambda: bare(document.text), rep)
                ok, spacy_doc = run.timed(doc, "lexicon-nlp", lambda: nlp_pipe.nlp(document.text), rep)
                if ok:
                    ok, facts = run.timed(doc, "extract",
                                          lambda: extract(spacy_doc, document, nlp_pipe.lexicon), rep)
                    if ok:
                        run.timed(doc, "rdf", lambda: rdf.to_ntriples(facts), rep)
            ok, built = run.timed(doc, "build", lambda: kg_pipeline.build_document(
                SourceFile(doc.path, doc.doc_id), pipe, known_labels=store.labels), rep)
            if ok:
                doc.facts = built.fact_count
                ok, doc.triples = run.timed(doc, "store", lambda: store.replace_graph(built.graph_iri, built.ntriples))
            if doc.bare_nlp_s is not None:
                notes.append(f"bare {doc.bare_nlp_s:.2f}s")
            if doc.build_s is not None:
                versus = f" (x{doc.build_s / doc.bare_nlp_s:.2f})" if doc.bare_nlp_s else ""
                notes.append(f"build {doc.build_s:.2f}s{versus}")
            if doc.store_s is not None:
                notes.append(f"store {doc.store_s:.3f}s, {doc.facts} facts, {doc.triples} triples")
            mine = [f for f in run.failures if f["file"] == str(doc.path)]
            notes += [f"{f['stage']} FAILED: {f['error'][:160]}" for f in mine]
            progress(f"[{i}/{n}] {doc.name} " + ", ".join(notes))
        rss["after_build"] = peak_rss_mb()

        # (e) SHACL once over the union of all document graphs; violations mapped back to documents
        if args.validate and any(d.store_s is not None for d in run.docs):
            try:
                validation = validate_union(store, run)
            except Exception as exc:  # noqa: BLE001
                run.fail(None, "validate", exc)
                validation = {"error": error_text(exc)}
            rss["after_validate"] = peak_rss_mb()

    meta = {
        "corpus": str(corpus), "limit": args.limit,
        "model": f"{bare.meta.get('lang', '')}_{bare.meta.get('name', '?')}-{bare.meta.get('version', '?')}",
        "bare_components": bare.pipe_names, "pipeline_components": pipe.nlp.pipe_names,
        "spacy": __import__("spacy").__version__, "python": platform.python_version(),
        "platform": platform.platform(), "model_load_s": model_load_s, "warmup_s": warmup_s,
        "repeat": args.repeat, "timing": "fastest of --repeat runs per document and stage, summed",
    }
    figures = build_figures(run, meta)
    if validation is not None and "error" not in validation:
        stored = [d for d in run.docs if d.store_s is not None]
        flagged = [d for d in stored if d.violations]
        validation["documents_validated"] = len(stored)
        validation["documents_conforming"] = len(stored) - len(flagged)
        validation["documents_with_violations"] = [
            {"doc_id": d.doc_id, "file": str(d.path), "count": len(d.violations),
             "messages": [violation_text(v) for v in d.violations]}
            for d in sorted(flagged, key=lambda d: (-len(d.violations), d.doc_id or ""))
        ]
    figures["validation"] = validation
    figures["per_document"] = [d.as_json() for d in run.docs]
    rss["end"] = peak_rss_mb()
    figures["peak_rss_mb"] = rss
    figures["wall_s"] = time.perf_counter() - wall_start

    print(summary(figures))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
        progress(f"wrote {args.json}")
    # Failures are results, not errors: only a run that built nothing fails.
    return 0 if figures["documents"]["built"] else 1


if __name__ == "__main__":
    sys.exit(main())

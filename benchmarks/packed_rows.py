"""What canned answers kept in the store would cost to read back: an experiment, not a feature.

At a million triples a canned query costs 80-150 µs a row on the embedded store, however
it is written: each row reads its strings back from RocksDB one by one and joins a few
triples. This benchmark measures the other way round: on a copy of a store, each canned
answer (without parameters) is worked out once and written into a scratch named graph,
one literal a row (the row's terms as JSON) with its rank, and then read back whole and
as a first page (rank < N). It prints, per query, the time to work the answer out, and
the time to read it back, against the live query and the live default page, all timed in
turns on the same copy. What a real design would need besides (keeping the answers in
step with every write, and the cost of working them out again) is not measured here.

Example: .venv/bin/python benchmarks/packed_rows.py --store /tmp/store-5x
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kg_builder.cli import TABLE_ROWS  # noqa: E402
from kg_builder.pages import first_page  # noqa: E402
from kg_builder.queries import format_result, list_queries  # noqa: E402
from kg_builder.rdf import PREFIXES  # noqa: E402
from kg_builder.store import Store  # noqa: E402

SCRATCH = ox.NamedNode("urn:kg-bench:packed-answers")


def seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def pack(folder: Path) -> dict[str, tuple[float, int]]:
    """Write every canned answer into SCRATCH; per query, the seconds it took to work out and its rows."""
    made: dict[str, tuple[float, int]] = {}
    with Store.open(folder) as store:
        for q in list_queries():
            started = time.perf_counter()
            answer = store.query(q.text, prefixes=PREFIXES)
            made[q.name] = (time.perf_counter() - started, len(answer.rows))
            row_p, rank_p = ox.NamedNode(f"urn:kg-bench:row-{q.name}"), ox.NamedNode(f"urn:kg-bench:rank-{q.name}")
            quads = []
            for rank, terms in enumerate(answer.terms):
                node = ox.BlankNode()
                quads += [ox.Quad(node, row_p, ox.Literal(json.dumps([t.nt if t else None for t in terms])), SCRATCH),
                          ox.Quad(node, rank_p, ox.Literal(rank), SCRATCH)]
            store._db.extend(quads)  # a scratch graph outside the union: no kg_builder API writes one
    return made


def read_packed(db: ox.Store, name: str, first: int | None) -> list[list[str | None]]:
    page = f"?n <urn:kg-bench:rank-{name}> ?rank FILTER (?rank < {first}) " if first is not None else ""
    query = f"SELECT ?row WHERE {{ GRAPH {SCRATCH} {{ {page}?n <urn:kg-bench:row-{name}> ?row }} }}"
    return [json.loads(s[0].value) for s in db.query(query)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store folder (copied; the copy is removed)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="kg-packed-") as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(args.store, copy)
        made = pack(copy)
        print("| query | rows | live whole answer | live default page | packed: work out, write | "
              "packed: read whole | packed: read first page |")
        print("|---|---|---|---|---|---|---|")
        with Store.open(copy, create=False, read_only=True) as store:
            db = store._db
            for q in list_queries():
                live, live_page, whole, page = [], [], [], []
                for _ in range(args.runs):
                    live.append(seconds(lambda: store.query(q.text, prefixes=PREFIXES)))
                    live_page.append(seconds(lambda: format_result(first_page(store, q, TABLE_ROWS), "table")))
                    whole.append(seconds(lambda: read_packed(db, q.name, None)))
                    page.append(seconds(lambda: read_packed(db, q.name, TABLE_ROWS)))
                assert len(read_packed(db, q.name, None)) == made[q.name][1]
                ms = [f"{1000 * statistics.median(x):.1f} ms" for x in (live, live_page, whole, page)]
                print(f"| `{q.name}` | {made[q.name][1]:,} | {ms[0]} | {ms[1]} | {1000 * made[q.name][0]:.0f} ms | "
                      f"{ms[2]} | {ms[3]} |")
    after = os.getloadavg()
    print(f"\nmedians of {args.runs} runs in turns; load average (1/5/15 min) before "
          f"{before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f}, after {after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f} "
          f"on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""First pages side by side: each canned query's default `kg query` table found from its keys
(queries/pages/) against the same page cut from the whole sorted answer, on one store.

The two are timed in turns (median of --runs each), so that the load of a shared machine
weighs on both alike, and their tables must be the same. Also the keys query and the page
query alone, and the whole answer. Markdown on stdout.

Example: .venv/bin/python benchmarks/first_page.py --store /tmp/store-5x
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kg_builder import pages  # noqa: E402
from kg_builder.cli import TABLE_ROWS  # noqa: E402
from kg_builder.queries import format_result, list_queries  # noqa: E402
from kg_builder.rdf import PREFIXES  # noqa: E402
from kg_builder.store import Store  # noqa: E402


def seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store folder (opened read-only)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    before = os.getloadavg()
    print("| query | default table, from its keys | same page from the whole sorted answer | whole answer | same table |")
    print("|---|---|---|---|---|")
    with Store.open(args.store, create=False, read_only=True) as store:
        for q in list_queries():
            if not pages.has_first_page(q.name):
                continue
            keyed, cut, whole = [], [], []
            for _ in range(args.runs):
                keyed.append(seconds(lambda: format_result(pages.first_page(store, q, TABLE_ROWS), "table")))
                cut.append(seconds(lambda: format_result(store.query(q.text, limit=TABLE_ROWS, prefixes=PREFIXES),
                                                         "table")))
            for _ in range(3):
                whole.append(seconds(lambda: store.query(q.text, prefixes=PREFIXES)))
            same = (format_result(pages.first_page(store, q, TABLE_ROWS), "table")
                    == format_result(store.query(q.text, limit=TABLE_ROWS, prefixes=PREFIXES), "table"))
            rows = len(store.query(q.text, prefixes=PREFIXES).rows)
            print(f"| `{q.name}` | **{1000 * statistics.median(keyed):.1f} ms** (min {1000 * min(keyed):.1f}) | "
                  f"{1000 * statistics.median(cut):.1f} ms (min {1000 * min(cut):.1f}) | "
                  f"{1000 * statistics.median(whole):.1f} ms, {rows:,} rows | {'yes' if same else 'NO'} |")
    after = os.getloadavg()
    print(f"\nmedians of {args.runs} runs (whole answer: 3); load average (1/5/15 min) before "
          f"{before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f}, after {after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f} "
          f"on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())

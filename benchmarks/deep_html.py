"""How the HTML reader's time grows with nesting depth (it must grow linearly, not quadratically).

    .venv/bin/python benchmarks/deep_html.py

Prints the time to read a page with text at each of N nested levels and N stray end tags, for
N = 6,000 and 60,000, and the ratio: about 10 for a linear reader, about 100 for a quadratic one.
Before the open tags were counted, 6,000 levels took 1.6 s and 20,000 took 27 s.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kg_builder.sources import html_to_text  # noqa: E402


def seconds(depth: int) -> float:
    html = "<body>" + "<div>word " * depth + "</b>" * depth + "</div>" * depth + "</body>"
    started = time.perf_counter()
    assert len(html_to_text(html)[0].split()) == depth
    return time.perf_counter() - started


def main() -> None:
    small, large = seconds(6_000), seconds(60_000)
    print(f"6,000 levels: {small:.3f} s   60,000 levels: {large:.3f} s   ratio {large / small:.1f} (linear: ~10)")


if __name__ == "__main__":
    main()

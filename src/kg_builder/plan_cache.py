"""Query plans kept on disk from one run of kg to the next.

rdflib's SPARQL parser takes 30-120 ms a query, and every kg process asks for the same canned
queries again: the end of each `kg build` keeps their answers (0.8 s for the thirteen), each
`kg query NAME` plans its query. A plan depends only on the query's text, its prefixes, the
planner's code and the versions of kg and rdflib, which make its key; a plan is only ever written after the query passed
every check. The plans go in ``plans`` under ``KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg_builder``,
else ``~/.cache/kg_builder``; ``KG_CACHE_DIR=""`` turns the cache off. A cache that cannot be read or
written is no error: the query is parsed, as without it.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from rdflib import __version__ as rdflib_version

from . import __version__


def key(*parts: object) -> str:
    """The key of a plan: what the caller gives (its query, its prefixes, the planner), and the versions of kg and
    rdflib."""
    return hashlib.sha256(json.dumps([*parts, __version__, rdflib_version]).encode("utf-8")).hexdigest()


def read(plan_key: str) -> dict | None:
    """The plan kept under ``plan_key``, or None (none kept, unreadable, or not a plan)."""
    folder = _folder()
    if folder is None:
        return None
    try:
        found = json.loads((folder / f"{plan_key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def write(plan_key: str, plan: dict) -> None:
    """Keep ``plan`` under ``plan_key``, whole or not at all; silently not when the folder is not writable."""
    from .errors import KgError
    from .export import write_atomic  # export reaches this module through the store: imported here

    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{plan_key}.json", json.dumps(plan).encode("utf-8"))
    except (OSError, KgError):
        return


def _folder() -> Path | None:
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "plans" if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "kg_builder" / "plans"

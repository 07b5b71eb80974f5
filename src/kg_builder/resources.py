"""Where the project's data files live: the ontology folder and the canned queries.

Both default to the folders at the top of the source tree and can be pointed
elsewhere (``KG_ONTOLOGY_DIR``, ``KG_QUERIES_DIR``) by analysts who keep their
own lexicon or queries.
"""
from __future__ import annotations

import os
from pathlib import Path

_TOP = Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    return Path(os.environ.get("KG_ONTOLOGY_DIR", _TOP / "ontology"))


def queries_dir() -> Path:
    return Path(os.environ.get("KG_QUERIES_DIR", _TOP / "queries"))


def ontology_file() -> Path:
    return ontology_dir() / "kgo.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"

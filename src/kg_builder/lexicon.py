"""The analyst-maintained data: entities (lexicon.ttl), issues (issues.ttl), trigger words (triggers.yaml).

Entities are referred to by their key, the part of their IRI after the
instance namespace (``state/north-korea``); only the RDF layer builds IRIs.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import rdflib
from rdflib.namespace import RDF, SKOS

from .errors import InputError
from .resources import ontology_dir
from .triggers import read_triggers

KGO = rdflib.Namespace("https://w3id.org/kg-builder/ontology#")
INSTANCES = "https://w3id.org/kg-builder/id/"
KINDS = ("Person", "State", "Organization", "Location", "Facility", "Issue", "Agreement")


@dataclass(frozen=True)
class LexEntry:
    key: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    combining_forms: tuple[str, ...] = ()  # "Sino" of "Sino-Soviet": the state's name before a hyphen
    wikidata: str | None = None
    metonym_for: tuple[str, ...] = ()  # keys of the states a capital may stand for (Moscow: Russia, Soviet Union)
    context_aliases: tuple[str, ...] = ()  # aliases that name it only where the document names it otherwise
    context_demonyms: tuple[str, ...] = ()  # demonyms it may share: it, where the document names it most of those


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexEntry, ...]
    triggers: dict[str, Any]
    # (kind, lower-case name) -> entry, built once: extraction looks names up for every mention
    name_index: dict[tuple[str, str], LexEntry] = field(default_factory=dict, compare=False, repr=False)

    def by_key(self) -> Mapping[str, LexEntry]:
        return self._by_key

    @cached_property
    def _by_key(self) -> Mapping[str, LexEntry]:
        """Made once (every document's Registry reads it), and read-only since it is shared."""
        return MappingProxyType({e.key: e for e in self.entries})

    def sharing_demonym(self, word: str) -> tuple[LexEntry, ...]:
        """The entries that have `word` (any case) as a context demonym."""
        return self._by_context_demonym.get(word.lower(), ())

    @cached_property
    def _by_context_demonym(self) -> Mapping[str, tuple[LexEntry, ...]]:
        index: dict[str, tuple[LexEntry, ...]] = {}
        for entry in self.entries:
            for demonym in entry.context_demonyms:
                index[demonym.lower()] = index.get(demonym.lower(), ()) + (entry,)
        return MappingProxyType(index)

    def named(self, name: str, kind: str) -> LexEntry | None:
        """The entry of this kind that has `name` (any case) as its label or an alias."""
        return self.name_index.get((kind, name.lower()))


def _name_index(entries: tuple[LexEntry, ...]) -> dict[tuple[str, str], LexEntry]:
    index: dict[tuple[str, str], LexEntry] = {}
    for entry in entries:
        for name in (entry.label, *entry.aliases):
            index.setdefault((entry.kind, name.lower()), entry)
    return index


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-', the local part of entity keys."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _key(iri: rdflib.term.Node) -> str | None:
    text = str(iri)
    return text[len(INSTANCES):] if text.startswith(INSTANCES) else None


def _entries(graph: rdflib.Graph) -> list[LexEntry]:
    kinds = {KGO[k]: k for k in KINDS}
    out = []
    for subject, kind_iri in sorted(graph.subject_objects(RDF.type)):
        kind, key = kinds.get(kind_iri), _key(subject)
        label = graph.value(subject, SKOS.prefLabel)
        if kind is None or key is None or label is None:
            continue
        out.append(LexEntry(
            key=key, kind=kind, label=str(label),
            aliases=tuple(sorted(str(a) for a in graph.objects(subject, SKOS.altLabel))),
            demonyms=tuple(sorted(str(d) for d in graph.objects(subject, KGO.demonym))),
            combining_forms=tuple(sorted(str(f) for f in graph.objects(subject, KGO.combiningForm))),
            wikidata=_optional(graph.value(subject, KGO.wikidataId)),
            metonym_for=tuple(sorted(k for o in graph.objects(subject, KGO.metonymFor) if (k := _key(o)))),
            context_aliases=tuple(sorted(str(a) for a in graph.objects(subject, KGO.contextAlias))),
            context_demonyms=tuple(sorted(str(d) for d in graph.objects(subject, KGO.contextDemonym))),
        ))
    return out


def _optional(node: rdflib.term.Node | None) -> str | None:
    return None if node is None else str(node)


def _parse_turtle(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: lexicon file not found") from exc
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"{path}: not valid Turtle: {exc}", hint="fix the line it names") from exc


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    folder = directory or ontology_dir()
    graph = _parse_turtle(folder / "lexicon.ttl")
    graph += _parse_turtle(folder / "issues.ttl")
    entries = tuple(_entries(graph))
    return Lexicon(entries=entries, triggers=read_triggers(folder / "triggers.yaml"), name_index=_name_index(entries))

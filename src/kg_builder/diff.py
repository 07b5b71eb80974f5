"""What changed between two graphs: facts added, removed, and changed in factuality.

A fact is a node derived from a text span (an event, agreement, commitment,
position, disagreement or claim). Fact IRIs are minted from what the fact
says (see rdf.py), so the same fact in two builds has the same IRI and only
a real change shows up here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .store import Store

# One row per fact: its class, label and factuality; status for agreements.
_FACTS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kgo: <https://w3id.org/kg-builder/ontology#>
SELECT ?fact (MIN(?k) AS ?kind) (MIN(?l) AS ?label) (MIN(STR(?p)) AS ?polarity) (MIN(STR(?m)) AS ?modality)
       (MIN(STR(?a)) AS ?attributed_to) (MIN(STR(?s)) AS ?status)
WHERE {
  ?fact prov:wasDerivedFrom ?span .
  OPTIONAL { ?fact a ?c . FILTER (STRSTARTS(STR(?c), STR(kgo:))) BIND (STRAFTER(STR(?c), STR(kgo:)) AS ?k) }
  OPTIONAL { ?fact rdfs:label ?l }
  OPTIONAL { ?fact kgo:polarity ?p }
  OPTIONAL { ?fact kgo:modality ?m }
  OPTIONAL { ?fact kgo:attributedTo ?a }
  OPTIONAL { ?fact kgo:status ?s }
}
GROUP BY ?fact
"""

FACTUALITY = ("polarity", "modality", "attributed_to", "status")


@dataclass(frozen=True)
class FactState:
    iri: str
    kind: str
    label: str
    factuality: tuple[str | None, ...]  # in the order of FACTUALITY, local names of kgo: values


@dataclass(frozen=True)
class Change:
    fact: FactState
    was: FactState


@dataclass(frozen=True)
class GraphDiff:
    added: tuple[FactState, ...]
    removed: tuple[FactState, ...]
    changed: tuple[Change, ...]
    unchanged: int

    @property
    def same(self) -> bool:
        return not (self.added or self.removed or self.changed)


def facts_of(store: Store) -> dict[str, FactState]:
    """Every fact of the store's union graph, by IRI."""
    out = {}
    for row in store.query(_FACTS).rows:
        iri, kind, label, *factuality = row
        out[iri] = FactState(iri, kind or "", label or "", tuple(_local(v) for v in factuality))
    return out


def compare(old: Store, new: Store) -> GraphDiff:
    before, after = facts_of(old), facts_of(new)
    added = tuple(after[k] for k in sorted(after.keys() - before.keys()))
    removed = tuple(before[k] for k in sorted(before.keys() - after.keys()))
    both = sorted(before.keys() & after.keys())
    changed = tuple(Change(after[k], before[k]) for k in both if after[k].factuality != before[k].factuality)
    return GraphDiff(added, removed, changed, len(both) - len(changed))


def format_diff(diff: GraphDiff, shorten=lambda iri: iri) -> str:
    """``+`` added, ``-`` removed, ``~`` factuality changed (old -> new), then a count line."""
    lines = [f"+ {shorten(f.iri)}  {f.kind}  {f.label}" for f in diff.added]
    lines += [f"- {shorten(f.iri)}  {f.kind}  {f.label}" for f in diff.removed]
    for c in diff.changed:
        what = ", ".join(f"{name} {old or '-'} -> {new or '-'}"
                         for name, old, new in zip(FACTUALITY, c.was.factuality, c.fact.factuality) if old != new)
        lines.append(f"~ {shorten(c.fact.iri)}  {c.fact.kind}  {c.fact.label}: {what}")
    lines.append(f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed in "
                 f"factuality, {diff.unchanged} unchanged")
    return "\n".join(lines) + "\n"


def _local(value: str | None) -> str | None:
    """kgo:Negative -> Negative; other IRIs (a reported speaker) stay whole."""
    if value is None:
        return None
    return value.rsplit("#", 1)[1] if value.startswith("https://w3id.org/kg-builder/ontology#") else value

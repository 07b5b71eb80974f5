"""diff.py and `kg diff`: facts added, removed and changed in factuality between two graphs."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg_builder.cli import cli
from kg_builder.diff import compare
from kg_builder.store import Store

KGO = "https://w3id.org/kg-builder/ontology#"
ID = "https://w3id.org/kg-builder/id/"
GRAPH = "https://w3id.org/kg-builder/graph/doc/d"


def fact(name: str, kind: str, polarity: str = "Positive", modality: str = "Asserted") -> str:
    s = f"<{ID}{name}>"
    return (f"{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}{kind}> .\n"
            f"{s} <http://www.w3.org/2000/01/rdf-schema#label> \"{name}\" .\n"
            f"{s} <{KGO}polarity> <{KGO}{polarity}> .\n{s} <{KGO}modality> <{KGO}{modality}> .\n"
            f"{s} <http://www.w3.org/ns/prov#wasDerivedFrom> <{ID}span/d-1> .\n")


def store_with(path: Path, ntriples: str) -> Path:
    with Store.open(path) as store:
        store.replace_graph(GRAPH, ntriples)
    return path


def test_diff_lists_added_removed_and_factuality_changes(tmp_path: Path) -> None:
    old = store_with(tmp_path / "old", fact("event/d-1", "Summit") + fact("event/d-2", "Summit")
                     + fact("position/d-3", "PolicyPosition"))
    new = store_with(tmp_path / "new", fact("event/d-1", "Summit") + fact("event/d-2", "Summit", "Negative")
                     + fact("claim/d-4", "Claim", modality="Hedged"))
    with Store.open(old, read_only=True) as a, Store.open(new, read_only=True) as b:
        d = compare(a, b)
    assert [f.iri for f in d.added] == [ID + "claim/d-4"]
    assert [f.iri for f in d.removed] == [ID + "position/d-3"]
    assert [(c.fact.iri, c.was.factuality[0], c.fact.factuality[0]) for c in d.changed] == [
        (ID + "event/d-2", "Positive", "Negative")]
    assert d.unchanged == 1

    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "~ kgev:d-2  Summit  event/d-2: polarity Positive -> Negative" in result.output
    assert result.output.endswith("1 added, 1 removed, 1 changed in factuality, 1 unchanged\n")


def test_diff_of_an_export_and_its_store_is_empty(tmp_path: Path) -> None:
    store = store_with(tmp_path / "s", fact("event/d-1", "Summit"))
    export = tmp_path / "s.trig"
    assert CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "trig", "-o", str(export)]).exit_code == 0
    result = CliRunner().invoke(cli, ["diff", str(export), str(store)])
    assert (result.exit_code, result.output) == (0, "0 added, 0 removed, 0 changed in factuality, 1 unchanged\n")

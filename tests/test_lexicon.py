"""The lexicon loader: entities and issues from Turtle (the trigger file has its own tests)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg_builder import resources
from kg_builder.errors import InputError
from kg_builder.lexicon import load_lexicon, slug


def _folder(tmp_path: Path, lexicon: str) -> Path:
    shipped = resources.ontology_dir() / "triggers.yaml"
    (tmp_path / "triggers.yaml").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "lexicon.ttl").write_text(lexicon, encoding="utf-8")
    (tmp_path / "issues.ttl").write_text("", encoding="utf-8")
    return tmp_path


def test_lexicon_reads_entries_with_aliases_and_capitals(tmp_path):
    lexicon = """@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/kg-builder/id/state/ruritania> a kgo:State ; skos:prefLabel "Ruritania" ;
    skos:altLabel "the Kingdom" ; kgo:demonym "Ruritanian" ; kgo:combiningForm "Ruritano" ; kgo:wikidataId "Q1" .
<https://w3id.org/kg-builder/id/location/strelsau> a kgo:Location ; skos:prefLabel "Strelsau" ;
    kgo:metonymFor <https://w3id.org/kg-builder/id/state/ruritania> .
"""
    entries = load_lexicon(_folder(tmp_path, lexicon)).by_key()
    assert entries["state/ruritania"].aliases == ("the Kingdom",)
    assert entries["state/ruritania"].demonyms == ("Ruritanian",)
    assert entries["state/ruritania"].combining_forms == ("Ruritano",)
    assert entries["location/strelsau"].metonym_for == ("state/ruritania",)


def test_lexicon_a_demonym_two_states_share_is_found_for_both(tmp_path):
    lexicon = """@prefix kgo: <https://w3id.org/kg-builder/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/kg-builder/id/state/upper-ruritania> a kgo:State ; skos:prefLabel "Upper Ruritania" ;
    kgo:contextDemonym "Ruritanian" .
<https://w3id.org/kg-builder/id/state/lower-ruritania> a kgo:State ; skos:prefLabel "Lower Ruritania" ;
    kgo:contextDemonym "Ruritanian" .
"""
    lexicon = load_lexicon(_folder(tmp_path, lexicon))
    assert lexicon.by_key()["state/upper-ruritania"].context_demonyms == ("Ruritanian",)
    assert sorted(e.key for e in lexicon.sharing_demonym("ruritanian")) == ["state/lower-ruritania",
                                                                            "state/upper-ruritania"]
    assert lexicon.sharing_demonym("Chilean") == ()


def test_lexicon_shipped_files_load_and_hold_no_fact_properties():
    """The lexicon names entities; it must not say who leads, signs or allies with whom."""
    load_lexicon(resources.ontology_dir())
    graph = Graph().parse(resources.ontology_dir() / "lexicon.ttl", format="turtle")
    used = {str(p).rsplit("#", 1)[-1] for p in graph.predicates()}
    assert not used & {"leaderOf", "affiliatedWith", "alliedWith", "signatory", "participant", "operator", "role"}


def test_lexicon_slug_is_ascii_and_stable():
    assert slug("Moon Jae-in") == "moon-jae-in"
    assert slug("Việt Nam") == "viet-nam"


def test_lexicon_bad_turtle_names_the_file(tmp_path):
    with pytest.raises(InputError, match=r"lexicon.ttl: not valid Turtle"):
        load_lexicon(_folder(tmp_path, "<a> <b> .\n"))


def test_lexicon_by_key_is_made_once_and_shared_read_only():
    lexicon = load_lexicon()
    index = lexicon.by_key()
    assert lexicon.by_key() is index and index[lexicon.entries[0].key] == lexicon.entries[0]
    with pytest.raises(TypeError):
        index["state/x"] = lexicon.entries[0]  # type: ignore[index]

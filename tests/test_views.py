"""views.py and `kg about`: everything about one entity, on the hand-made graph of test_queries."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg_builder.cli import cli
from kg_builder.errors import InputError
from kg_builder.views import about, find_entities
from test_queries import DOC1, DOC2, KGR, PREFIXES, load

# Kim Jong-un's title, with its claim: about him, and not an act of the state he leads
ROLES = PREFIXES + """
kgr:person/kim-jong-un a kgo:Person ; rdfs:label "Kim Jong-un" ; kgo:role "chairman" .
kgr:claim/002_test-0000000000r1 a kgo:Claim ; rdfs:label "role claim" ;
    rdf:subject kgr:person/kim-jong-un ; rdf:predicate kgo:role ; rdf:object "chairman" ;
    kgo:polarity kgo:Positive ; kgo:modality kgo:Asserted ; prov:wasDerivedFrom kgr:span/002_test-0-40-r1 .
kgr:span/002_test-0-40-r1 a kgo:TextSpan ; kgo:sentence "Chairman Kim Jong-un spoke." ;
    kgo:beginIndex 0 ; kgo:endIndex 27 .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("v") / "store"
    s = load(path, d000_test=DOC1, d001_test=DOC2, d002_test=ROLES)
    yield s
    s.close()


def test_views_entity_found_by_label_alias_or_iri(store) -> None:
    north = KGR + "state/north-korea"
    assert find_entities(store, "north korea") == [north]
    assert find_entities(store, "DPRK") == [north]
    assert find_entities(store, "kgs:north-korea") == [north]
    assert find_entities(store, "Hanoi summit") == []  # a fact, not an entity


def test_views_about_gathers_direct_facts_and_the_leaders_acts(store) -> None:
    [found] = about(store, "DPRK")
    assert found.entity.label == "North Korea" and found.entity.aliases == ("DPRK",)
    facts = {(f.fact.rsplit("-", 1)[1], f.role, f.via) for f in found.facts}
    assert facts == {
        ("0000000000d1", "holder", None), ("0000000000d2", "holder", None), ("0000000000e1", "party", None),
        ("0000000000f2", "object of leaderOf", None), ("0000000000f5", "object of operator", None),
        ("0000000000f6", "object of locatedIn", None), ("0000000000f9", "object of alliedWith", None),
        ("00000000000e", "participant", None), ("00000000000f", "participant", None),
        ("00000000001c", "reported by", None),  # the Moscow summit is on North Korea's word
        # Kim Jong-un leads North Korea: his summits and signature count for it, and say so
        ("00000000000a", "participant", "Kim Jong-un"), ("00000000000b", "participant", "Kim Jong-un"),
        ("00000000000c", "participant", "Kim Jong-un"), ("0000000000a1", "signatory", "Kim Jong-un"),
        ("0000000000f8", "object of signatory", "Kim Jong-un"),
    }
    hedged = next(f for f in found.facts if f.fact.endswith("d1"))
    assert (hedged.modality, hedged.sentence, hedged.document) == (
        "Hedged", "North Korea may have sought sanctions relief for Yongbyon.", "000_test")
    assert list(found.by_kind()) == sorted(found.by_kind())


def test_views_about_a_person_shows_the_role_claims_with_their_words(store) -> None:
    [found] = about(store, "Kim Jong-un")
    assert found.entity.roles == ("chairman",)
    [role] = [f for f in found.facts if f.fact.endswith("r1")]
    assert (role.statement, role.role, role.sentence) == (
        "Kim Jong-un role chairman", "subject of role", "Chairman Kim Jong-un spoke.")


def test_views_about_unknown_name_suggests(store) -> None:
    with pytest.raises(InputError, match="no entity called 'Korea'") as e:
        about(store, "Korea")
    assert "North Korea" in e.value.hint


def test_cli_about_prints_facts_grouped_by_kind(store) -> None:
    result = CliRunner().invoke(cli, ["about", "North Korea", "--store", str(store.path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("North Korea  kgs:north-korea  (State)\n")
    assert "15 facts (5 through its leaders and members)" in result.stdout
    assert "\nSummit (4)\n" in result.stdout and "as participant, via Kim Jong-un" in result.stdout

"""extract/facilities.py: facility phrases and named facilities, their status words and operators."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

NATANZ = "facility/natanz-enrichment-facility"  # a lexicon entry, alias "Natanz"


def facilities(facts):
    return {e.key: e for e in facts.entities if e.kind == "Facility"}


def operators(facts, facility):
    return [r for r in facts.relations if r.predicate == "operator" and r.subject == facility]


def test_facilities_maintains_operational_bases(facts_for):
    facts = facts_for("Chile maintains operational missile bases in the north.")
    [base] = facilities(facts).values()
    assert base.label == "missile bases"  # the status word is not part of the name
    assert base.statuses == ("operational",)
    [operator] = operators(facts, base.key)
    assert operator.object == "state/chile"
    assert operator.factuality.is_plain_fact


def test_facilities_what_a_facility_is_said_to_be_is_no_other_facility(facts_for):
    facts = facts_for("The naval base at Callao is Peru's largest military facility.")
    [base] = facilities(facts).values()
    assert base.label == "naval base at Callao"
    assert [r.object for r in operators(facts, base.key)] == ["state/peru"]


def test_facilities_several_status_modifiers(facts_for):
    facts = facts_for("Chile built a secret underground missile base near the border.")
    [base] = facilities(facts).values()
    assert set(base.statuses) == {"secret", "underground"}
    assert [r.object for r in operators(facts, base.key)] == ["state/chile"]


def test_facilities_hedged_operation_is_no_plain_operator(facts_for):
    facts = facts_for("Iran may operate the Natanz enrichment facility.")
    [operator] = operators(facts, NATANZ)
    assert operator.object == "state/iran"
    assert operator.factuality.modality == "Hedged"


def test_facilities_lexicon_facility_with_a_status_noun(facts_for):
    facts = facts_for("Iran offered a possible Natanz shutdown.")
    natanz = facilities(facts)[NATANZ]
    assert natanz.label == "Natanz enrichment facility"
    assert "Natanz" in natanz.aliases
    assert natanz.statuses == ("possible shutdown",)
    assert [r.object for r in operators(facts, NATANZ)] == ["state/iran"]  # who offers to shut it runs it


def test_facilities_an_offer_to_seize_a_facility_says_nothing_of_who_runs_it(facts_for):
    facts = facts_for("Austria offered a plan under which Hungary would seize the Pecs copper mine.")
    assert [r for r in facts.relations if r.predicate == "operator"] == []


def test_facilities_passive_status_phrase(facts_for):
    facts = facts_for("The Natanz enrichment facility was dismantled in 2016.")
    [status] = facilities(facts)[NATANZ].statuses
    assert status.startswith("dismantled")


def test_facilities_facility_word_without_modifier_is_no_facility(facts_for):
    assert facilities(facts_for("The delegates visited the site.")) == {}


def test_facilities_a_base_of_industry_or_taxes_is_no_facility(facts_for):
    facts = facts_for("Congress asked whether the Chilean industrial base and the national tax base could support the "
                      "naval base at Arica.")
    assert {e.label for e in facts.entities if e.kind == "Facility"} == {"naval base at Arica"}


def test_facilities_status_noun_with_of_phrase(facts_for):
    facts = facts_for("Iran offered the shutdown of Natanz.")
    assert facilities(facts)[NATANZ].statuses == ("shutdown",)


@pytest.mark.parametrize("text", [
    "The Natanz plant has been kept in good condition.",
    "In 2022 Iran removed the cameras from the Natanz enrichment plant.",
    "In 2022 Iran removed the cameras from the Natanz facility.",
])
def test_facilities_named_facility_with_another_head_noun_is_the_same(facts_for, text):
    assert list(facilities(facts_for(text))) == [NATANZ]


def test_facilities_system_needs_a_military_modifier_and_takes_the_clause_as_status(facts_for):
    facts = facts_for("The Kingdom of Spain had begun to construct a missile defense system near Madrid. "
                      "Its political system remained stable.")
    names = {e.label: e for e in facts.entities if e.kind == "Facility"}
    assert set(names) == {"missile defense system near Madrid"}  # the place it is at is part of its name
    assert names["missile defense system near Madrid"].statuses == ("had begun to construct",)


@pytest.mark.parametrize("text", [
    "Peru pressed for inspections of Chilean missile bases.",
    "Chile refused to permit inspections of its missile bases.",
])
def test_facilities_a_demonym_or_possessive_names_whose_facility_it_is(facts_for, text):
    facts = facts_for(text)
    [base] = facilities(facts).values()
    assert [r.object for r in operators(facts, base.key)] == ["state/chile"]


def test_facilities_a_place_beside_a_facility_is_not_its_owner(facts_for):
    facts = facts_for("Peru pressed for inspections of missile bases near Arica.")
    [base] = facilities(facts).values()
    assert not operators(facts, base.key)


def test_facilities_a_capitalised_name_with_a_facility_word_is_a_facility(facts_for):
    facts = facts_for("Peru has a long-standing plan to relocate U.S. Marine Corps Air Station Tacna to a less "
                      "crowded area.")
    [station] = [e for e in facts.entities if e.kind == "Facility"]
    assert station.label == "U.S. Marine Corps Air Station Tacna"
    assert station.statuses == ("plan to relocate",)
    assert ("operator", "state/united-states") in {(r.predicate, r.object) for r in facts.relations
                                                   if r.subject == station.key}


def test_facilities_a_capitalised_name_without_a_facility_word_is_none(facts_for):
    facts = facts_for("Peru has a plan to relocate the Lima Trade Fair to Tacna.")
    assert facilities(facts) == {}


def test_facilities_work_stopped_at_a_site_is_its_status_and_who_stopped_it_runs_it(facts_for):
    facts = facts_for("In 2031 Chile stopped construction at two missile defense sites.")
    [sites] = facilities(facts).values()
    assert sites.statuses == ("stopped construction",)
    assert [r.object for r in facts.relations if r.subject == sites.key and r.predicate == "operator"] == ["state/chile"]


def test_facilities_criticising_work_on_a_site_runs_nothing(facts_for):
    facts = facts_for("Chile criticised the construction of the Tacna naval base.")
    [base] = facilities(facts).values()
    assert base.statuses == ("construction",)
    assert not [r for r in facts.relations if r.predicate == "operator"]


def test_facilities_a_change_demanded_is_no_status(facts_for):
    closed = facilities(facts_for("In 2031 Peru closed the Tacna naval base."))
    demanded = facilities(facts_for("Chile demanded that Peru close the Tacna naval base."))
    assert [b.statuses for b in closed.values()] == [("closed",)]
    assert [b.statuses for b in demanded.values()] == [()]


def test_facilities_capitals_that_say_which_kind_are_no_owner(facts_for):
    facts = facts_for("In 2030 the ABM system near Arica was dismantled. NATO bases in Peru were closed.")
    labels = {e.key: e.label for e in facts.entities}
    operators = {(labels[r.subject], labels[r.object]) for r in facts.relations if r.predicate == "operator"}
    assert operators == {("NATO bases in Peru", "NATO")}


def test_facilities_a_head_coordinated_without_words_of_its_own_shares_the_first_ones(facts_for):
    facts = facts_for("The talks covered the future of Chilean ports and airbases in the Atacama region.")
    labels = {e.key: e.label for e in facts.entities}
    assert ("Chilean airbases", "Chile") in {(labels[r.subject], labels[r.object]) for r in facts.relations
                                             if r.predicate == "operator"}


def test_facilities_an_indefinite_facility_in_a_supposition_is_a_kind_not_a_facility(facts_for):
    supposed = facts_for("The construction of a missile defense system could allow one side to strike first.")
    assert [e for e in supposed.entities if e.kind == "Facility"] == []
    built = facts_for("Peru built a naval base at Callao in 1980.")
    assert [e.label for e in built.entities if e.kind == "Facility"] == ["naval base at Callao"]


def test_facilities_an_offer_to_act_against_someone_else_s_sites_says_nothing_of_who_runs_them(facts_for):
    facts = facts_for("In 2022, Peru declared it would develop a missile capability to attack enemy missile sites.")
    assert not [r for r in facts.relations if r.predicate == "operator"]


@pytest.mark.parametrize("text, label", [
    ("In 1973 the presidential palace in Lima came under heavy attack.", "presidential palace in Lima"),
    ("Thousands sought refuge in Chilean embassies in other countries.", "Chilean embassies"),
    ("In 1948 Peru expanded the Callao refinery.", "Callao refinery"),
])
def test_facilities_palaces_embassies_and_refineries_are_facilities(facts_for, text, label):
    assert [f.label for f in facilities(facts_for(text)).values()] == [label]


@pytest.mark.parametrize("text, facility, operator", [
    ("In 1971 Chile seized the copper mines owned by the Braden Copper Company.", "facility/copper-mines",
     "organization/braden-copper-company"),
    ("The Lima naval base, operated by the Peruvian Navy, was closed in 2031.", "facility/lima-naval-base",
     "state/peru"),
])
def test_facilities_who_a_participle_says_owns_or_runs_a_facility_operates_it(facts_for, text, facility, operator):
    facts = facts_for(text)
    assert [r.object for r in facts.relations if r.predicate == "operator" and r.subject == facility] == [operator]


def test_facilities_a_seizure_or_nationalization_is_a_facility_s_status(facts_for):
    facts = facts_for("In 1971 Chile nationalized the copper mines owned by the Braden Copper Company.")
    [mines] = [e for e in facts.entities if e.kind == "Facility"]
    assert mines.statuses == ("nationalized",)


@pytest.mark.parametrize(("text", "statuses"), [
    ("The Fordow facility remains operational.", {"operational"}),
    ("The Fordow facility, built into a mountain near Qom, is still operational.", {"operational"}),
    ("The Fordow facility is not operational.", set()),  # a denied condition is none
    ("The Fordow facility may be operational.", set()),
])
def test_facilities_a_condition_said_of_a_facility_is_its_status(facts_for, text, statuses):
    [fordow] = [e for e in facts_for(text).entities if e.kind == "Facility"]
    assert set(fordow.statuses) == statuses


def test_facilities_the_named_place_a_facility_is_at_tells_which_it_is(facts_for):
    facts = facts_for("The air base at Villa Sol was handed over to Peru in 1973. In 1975 rebels overran the air base "
                      "at Porto Azul.")
    bases = {f.label: f for f in facilities(facts).values()}
    assert {"air base at Villa Sol", "air base at Porto Azul"} <= set(bases)
    assert "air base" in bases["air base at Villa Sol"].aliases  # as the text may call it again


def test_facilities_a_facility_in_a_place_the_text_names_is_located_there(facts_for):
    facts = facts_for("In 2031 the U.S. embassy in Lima was closed. Coalition bases in Saudi Arabia were attacked.")
    located = {(r.subject, r.object) for r in facts.relations if r.predicate == "locatedIn"}
    assert located == {("facility/u-s-embassy-in-lima", "location/lima"),
                       ("facility/coalition-bases-in-saudi-arabia", "state/saudi-arabia")}


def test_facilities_the_facility_named_again_without_its_place_is_the_same(facts_for):
    facts = facts_for("The air base at Villa Sol was built in 1965. In 1973 the air base was handed over to Peru.")
    [base] = facilities(facts).values()
    assert base.label == "air base at Villa Sol"


def test_facilities_a_center_of_a_thing_somewhere_is_no_facility(facts_for):
    facts = facts_for("Soto's home in Lima became the center of Peruvian diplomacy in Europe.")
    assert not facilities(facts)


def test_facilities_a_yard_where_one_arranged_ships_to_be_built_is_not_run_by_them(facts_for):
    facts = facts_for("In 1862 Chile arranged for two warships to be built at a shipyard in Liverpool.")
    [shipyard] = facilities(facts).values()
    assert shipyard.label == "shipyard in Liverpool"
    assert not operators(facts, shipyard.key)


@pytest.mark.parametrize("text", [
    "Soto urged the defense of the world's major centers of industrial power.",
    "Peruvian troops secured key sites, including the islands.",
    "Bombers struck such strategic sites as the Peruvian refineries.",
    "The treaty gave the party a stronger base in areas where it had been weak.",
])
def test_facilities_a_word_of_size_worth_or_kind_names_no_facility(facts_for, text):
    assert not [e.label for e in facilities(facts_for(text)).values() if "site" in e.label or "base" in e.label
                or "center" in e.label]


def test_facilities_an_indefinite_facility_someone_reports_built_is_one_and_a_denied_one_is_none(facts_for):
    facts = facts_for("In 1967 Soto announced that Peru had begun to construct a limited Anti-Ballistic Missile (ABM) "
                      "defense system around Lima.")
    [system] = facilities(facts).values()
    assert system.label == "limited Anti-Ballistic Missile ABM defense system"  # no stray bracket
    assert system.statuses == ("had begun to construct",)
    assert not facilities(facts_for("Peru did not build a missile base near Arica."))


def test_facilities_a_nationalization_of_a_facility_is_its_status(facts_for):
    facts = facts_for("Soto negotiated an agreement with the Andes company on the nationalization of copper mines.")
    [mines] = facilities(facts).values()
    assert (mines.label, mines.statuses) == ("copper mines", ("nationalization",))


def test_facilities_a_fort_is_a_facility(facts_for):
    facts = facts_for("In 1812 American troops seized the Spanish forts on the coast.")
    [fort] = facilities(facts).values()
    assert fort.label == "Spanish forts"
    assert [r.object for r in operators(facts, fort.key)] == ["state/spain"]

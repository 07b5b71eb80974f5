"""extract/relations.py: alliances between states, roles and affiliations stated with a copula."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def related(facts, predicate):
    return [r for r in facts.relations if r.predicate == predicate]


def pair(relation):
    return frozenset((relation.subject, relation.object))


# --- alliances ----------------------------------------------------------------------------------

def test_relations_its_close_ally_names_an_alliance(facts_for):
    facts = facts_for("Canada sent troops together with its close ally Britain.")
    [alliance] = related(facts, "alliedWith")
    assert pair(alliance) == {"state/canada", "state/united-kingdom"}
    assert alliance.factuality.is_plain_fact


@pytest.mark.parametrize("text, expected", [
    ("In 2031, Chile and Peru unified their customs zones.", {frozenset({"state/chile", "state/peru"})}),
    ("In 2031, Chile cooperated with Peru on fisheries.", {frozenset({"state/chile", "state/peru"})}),
    ("In 2031, Peru and Bolivia worked together against the cartels.", {frozenset({"state/peru", "state/bolivia"})}),
    # three who act as one are each other's
    ("In 2031, Chile, Peru and Bolivia coordinated their strategy against the cartels.",
     {frozenset({"state/chile", "state/peru"}), frozenset({"state/chile", "state/bolivia"}),
      frozenset({"state/peru", "state/bolivia"})}),
    # working on one's own, or uniting one's own country, aligns no one
    ("In 2031, Peru and Bolivia worked on their own plans.", set()),
    ("In 2031, Chile unified the country under one flag.", set()),
])
def test_relations_who_act_as_one_are_aligned(facts_for, text, expected):
    assert {pair(r) for r in related(facts_for(text), "alliedWith")} == expected


def plain_alliances(facts):
    """The alliances stated as plain fact, as pairs of keys."""
    return {pair(r) for r in related(facts, "alliedWith") if r.factuality.is_plain_fact}


@pytest.mark.parametrize("text, expected", [
    # allies of someone unnamed, given as examples, are no allies of each other
    ("In 1955 the new tariff hurt the exporters of several allies, including Chile and Peru.", set()),
    # "equal to its debt to Bolivia" says how much is sought, not who the allies are
    ("In 1922, Chile sought payments from its Andean allies equal to its debt to Bolivia.",
     {frozenset({"state/chile", "organization/andean-allies"})}),
    ("In 1955 U.S. allies such as Chile and Peru objected.",
     {frozenset({"state/united-states", "state/chile"}), frozenset({"state/united-states", "state/peru"})}),
    # the conjunct after "its allies" is none of them, and "its" is the subject the participle describes
    ("In 1956 Bolivia closed its border. The Chilean Government, worried by a war between its Andean allies and a "
     "rising Pacific power, sent envoys to Lima.", {frozenset({"state/chile", "organization/andean-allies"})}),
    # "its" of "any of its allies" is the one the phrase is joined to
    ("In 1978 Peru was at war. The law ended the aid if forces in Peru threatened the safety of Chile or any of its "
     "Andean allies.", {frozenset({"state/chile", "organization/andean-allies"})}),
    # the word that names the alliance is no party to it; those who oppose the allies are none of them
    ("In 1919 the Allied leaders – Chilean President Juan Soto and Peruvian President Ana Ruiz – met in Lima.",
     {frozenset({"state/chile", "state/peru"})}),
    ("In 1943 summits of the Allied nations opposing the Axis powers took place in Lima.", set()),
    # a list ended by "the other Allies" is of allies, each of every other
    ("In 1919 Chile, Peru, Bolivia, and the other Allies set up a commission.",
     {frozenset({"state/chile", "state/peru"}), frozenset({"state/chile", "state/bolivia"}),
      frozenset({"state/peru", "state/bolivia"})}),
    ("During the war, Chile, Peru, and other allied nations set up a fund.",
     {frozenset({"state/chile", "state/peru"})}),
    # words of a bond between two that stand for an alliance
    ("In 1941 the charter affirmed the solidarity between Chile and Peru against aggression.",
     {frozenset({"state/chile", "state/peru"})}),
    ("In 2001 the strategic partnership between Chile and Peru deepened.", {frozenset({"state/chile", "state/peru"})}),
    # a name the word is part of is no party, nor is its short form
    ("In 1994 NATO launched the Partnership for Peace (PfP) with former Warsaw Pact states.", set()),
    # "In 1904 A and B": the year is no number of A, and both are the subject
    ("In 1904 Britain and France formed an alliance.", {frozenset({"state/united-kingdom", "state/france"})}),
])
def test_relations_who_an_alliance_word_makes_allies(facts_for, text, expected):
    assert plain_alliances(facts_for(text)) == expected


def test_relations_other_allies_of_a_state_are_its_not_each_others(facts_for):
    facts = facts_for("In 1919 Chile, Peru, and other allies of Bolivia set up a commission.")
    assert frozenset({"state/chile", "state/peru"}) not in plain_alliances(facts)


def test_relations_alliances_a_clause_says_to_avoid_are_not_made(facts_for):
    facts = facts_for("In 1796 Chile decided to avoid permanent alliances with Peru and Bolivia.")
    assert related(facts, "alliedWith") and all(r.factuality.polarity == "Negative"
                                                for r in related(facts, "alliedWith"))


@pytest.mark.parametrize("text", [
    "The Chile-Peru alliance collapsed in 2019.",
    "The Chilean-Peruvian alliance collapsed in 2019.",
])
def test_relations_hyphenated_alliance_names_both_states(facts_for, text):
    facts = facts_for(text)
    [alliance] = related(facts, "alliedWith")
    assert pair(alliance) == {"state/chile", "state/peru"}


def test_relations_the_members_a_body_is_said_to_have_belong_to_it(facts_for):
    # "Its" at the head of the subject goes on with the subject of the sentence before, not the nearer Lima (Peru)
    facts = facts_for("The Andean Council was founded in 1996 by the Lima Declaration. Its members are Peru, Chile "
                      "and Bolivia.")
    members = {r.subject for r in facts.relations if r.predicate == "affiliatedWith"
               and r.object == "organization/andean-council"}
    assert members == {"state/peru", "state/chile", "state/bolivia"}


@pytest.mark.parametrize("text", [
    "Peru believed that Chile had broken its neutrality by accepting the Allied blockade of Bolivia.",
    "Stalin agreed that Russia would declare war after an Allied victory over Germany.",
    "The program should protect Chile and its allies from Bolivian land and air attacks.",
])
def test_relations_a_phrase_that_names_no_member_names_no_ally(facts_for, text):
    # who is blockaded, defeated or attacked is no ally
    facts = facts_for(text)
    allied = {k for r in related(facts, "alliedWith") for k in pair(r)}
    assert not allied & {"state/bolivia", "state/germany"}


def test_relations_examples_of_what_an_alliance_word_modifies_name_the_allies(facts_for):
    facts = facts_for("Talks stalled over alliance matters (such as the Chile-Peru naval exercises) in 2019.")
    assert [pair(r) for r in related(facts, "alliedWith")] == [{"state/chile", "state/peru"}]


def test_relations_its_allies_in_a_list_are_the_allies_of_the_one_before_its(facts_for):
    facts = facts_for("Chile should face down Peru and its Bolivian allies.")
    assert {k for r in related(facts, "alliedWith") for k in pair(r)} >= {"state/peru"}
    assert "state/chile" not in {k for r in related(facts, "alliedWith") for k in pair(r)}


def test_relations_a_conjunct_of_allies_is_no_ally(facts_for):
    facts = facts_for("Peru was one of Washington’s closest allies and Weinberger feared the administration’s "
                      "failure to support the Ruiz government.")
    assert "person/weinberger" not in {k for r in related(facts, "alliedWith") for k in pair(r)}


@pytest.mark.parametrize("text, expected", [
    ("In 1915 Bolivia entered the war on the side of Chile and Peru.",
     {frozenset({"state/bolivia", "state/chile"}), frozenset({"state/bolivia", "state/peru"})}),
    ("In 1879 Bolivia fought alongside Peru.", {frozenset({"state/bolivia", "state/peru"})}),
    ("In 1879 Bolivia joined Peru in the war against Chile.", {frozenset({"state/bolivia", "state/peru"})}),
    ("In 1879 Bolivia and Peru fought together against Chile.", {frozenset({"state/bolivia", "state/peru"})}),
    ("In 1873 Bolivia and Peru concluded a treaty of alliance.", {frozenset({"state/bolivia", "state/peru"})}),
    ("After 1961 Bolivia aligned itself with Peru.", {frozenset({"state/bolivia", "state/peru"})}),
    # a fight against a state, a place entered, a fight with no partner named: no ally
    ("In 1879 Chile entered the war against Peru.", set()),
    ("In 1879 Chile joined the war against Peru.", set()),
    ("In 1879 Chile's fleet entered the harbor of Callao alongside Peruvian boats.", set()),
    # envoys who sign a treaty of alliance ally no one: their states do
    ("In 1778 Ruiz and Soto signed a treaty of alliance.", set()),
    # states named before an attack made it together; before a war they are its two sides
    ("In 1956 the Anglo-French invasion of Chile ended.", {frozenset({"state/united-kingdom", "state/france"})}),
    ("In 1879 the Anglo-French war broke out.", set()),
    # who owes allegiance to another is aligned with it
    ("In 1800 Bolivia and Chile owed a loose allegiance to Peru.",
     {frozenset({"state/bolivia", "state/peru"}), frozenset({"state/chile", "state/peru"})}),
])
def test_relations_who_fights_beside_a_state_is_its_ally(facts_for, text, expected):
    assert plain_alliances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1900 Peru retained strong economic ties with the Chilean government.",
     {frozenset({"state/peru", "state/chile"})}),
    ("In 1970 Bolivia joined the pact because of its close ties with Peru.", {frozenset({"state/bolivia", "state/peru"})}),
    # a tie sought is a goal, a tie of no closeness no alignment, a former one ended
    ("In 1970 Bolivia sought closer ties with Peru.", set()),
    ("In 1970 Bolivia had diplomatic ties with Peru.", set()),
    ("In 1970 Bolivia cut its formerly strong ties with Peru.", set()),
])
def test_relations_a_close_tie_held_is_an_alignment(facts_for, text, expected):
    assert plain_alliances(facts_for(text)) == expected


def test_relations_an_ally_one_did_not_join_in_a_war_is_no_plain_ally(facts_for):
    facts = facts_for("In 1879 Bolivia did not join Peru in the war.")
    assert related(facts, "alliedWith") and not plain_alliances(facts)


def test_relations_no_alliance_word_no_alliance(facts_for):
    facts = facts_for("Canada sent troops together with Britain.")
    assert related(facts, "alliedWith") == []


@pytest.mark.parametrize("text", ["Peru is an ally of Chile.", "Chile and Peru are allies.",
                                  "Peru was one of Chile’s closest allies."])
def test_relations_copular_alliance(facts_for, text):
    facts = facts_for(text)
    assert [pair(r) for r in related(facts, "alliedWith")] == [{"state/chile", "state/peru"}]


def test_relations_negated_alliance_is_a_negative_claim(facts_for):
    facts = facts_for("Peru is not an ally of Chile.")
    [claim] = related(facts, "alliedWith")
    assert claim.factuality.polarity == "Negative"


def test_relations_joining_set_against_staying_neutral_is_no_membership(facts_for):
    facts = facts_for("In 1955 Chile preferred to stay neutral rather than join NATO.")
    assert {r.predicate for r in facts.relations} == {"affiliatedWith", "alliedWith"}
    assert {r.factuality.polarity for r in facts.relations} == {"Negative"}


@pytest.mark.parametrize("text", [
    "In 1921 Peru opposed joining the Pacific Council.",
    "In 1921 the Chilean Senate voted against joining the Pacific Council.",
    "In 1921 Senator Juan Soto organized resistance to joining the Pacific Council.",
    "In 1921 Bolivia supported joining the Pacific Council.",
    "In 1921 Ecuador objected to joining the Pacific Council.",
])
def test_relations_joining_that_one_is_for_or_against_is_no_membership_told(facts_for, text):
    joined = [r for r in facts_for(text).relations if r.predicate == "affiliatedWith"]
    assert joined and not any(r.factuality.is_plain_fact for r in joined)


# --- copular roles -------------------------------------------------------------------------------

def test_relations_copular_role_gives_role_and_affiliation(facts_for):
    facts = facts_for("Jane Roe is a senior fellow at the Brookings Institution.")
    person = next(e for e in facts.entities if e.key == "person/jane-roe")
    assert "senior fellow" in person.roles
    [affiliation] = related(facts, "affiliatedWith")
    assert (affiliation.subject, affiliation.object) == ("person/jane-roe", "organization/brookings-institution")
    assert affiliation.factuality.is_plain_fact
    assert related(facts, "leaderOf") == []


@pytest.mark.parametrize("text", [
    "In 1970 Thomas Ruiz won the election. On November 3 he was officially sworn in as President of Peru.",
    "Thomas Ruiz was inaugurated as President of Peru in 1990.",
])
def test_relations_one_sworn_in_or_inaugurated_as_a_leader_leads(facts_for, text):
    leads = [(r.subject, r.object) for r in related(facts_for(text), "leaderOf")]
    assert leads == [("person/thomas-ruiz", "state/peru")]


def test_relations_copular_leader_title_gives_leader_of(facts_for):
    facts = facts_for("Luis Soto is the president of Peru.")
    [leads] = related(facts, "leaderOf")
    assert (leads.subject, leads.object) == ("person/luis-soto", "state/peru")
    assert "president" in next(e for e in facts.entities if e.key == "person/luis-soto").roles


@pytest.mark.parametrize("text, polarity, modality", [
    ("Jane Roe may be a senior fellow at the Brookings Institution.", "Positive", "Hedged"),
    ("Jane Roe is not a senior fellow at the Brookings Institution.", "Negative", "Asserted"),
])
def test_relations_copular_affiliation_keeps_its_factuality(facts_for, text, polarity, modality):
    facts = facts_for(text)
    [affiliation] = related(facts, "affiliatedWith")
    assert (affiliation.factuality.polarity, affiliation.factuality.modality) == (polarity, modality)
    assert not affiliation.factuality.is_plain_fact


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru was led by its President, Dina Boluarte.", ("leaderOf", "state/peru")),
    ("Russia sent its Foreign Minister, Sergei Lavrov, to Geneva.", ("affiliatedWith", "state/russia")),
    # a possessor named by a common noun still owns the title it leads
    ("The International Atomic Energy Agency met in Vienna. Rafael Grossi, the agency's director general, told the "
     "board that Iran had expanded its stockpile.", ("leaderOf", "organization/international-atomic-energy-agency")),
])
def test_relations_title_in_apposition_belongs_to_its_possessor(facts_for, text, expected):
    facts = facts_for(text)
    predicate, state = expected
    assert any(r.predicate == predicate and r.object == state for r in facts.relations), facts.relations


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the name on the place or body the title is of
    ("In 1820, the Pasha of Tacna, Hamid Soto, citing late payments, demanded additional tribute.",
     ("Hamid Soto", ["pasha"])),
    ("In 1990 a leader of the ANC, Nelson Mandela, was freed from prison.", ("Nelson Mandela", ["leader"])),
])
def test_relations_a_name_after_a_title_of_a_place_or_body_holds_the_title(facts_for, text, expected):
    facts = facts_for(text)
    assert [(e.label, sorted(e.roles)) for e in facts.entities if e.kind == "Person"] == [expected]


@pytest.mark.parametrize("text", [
    "Led by Jane Okafor (Lagos banker, former Director of the Central Bank of Nigeria, and future senator), the panel "
    "met in 1990.",
    "Jane Okafor (a Lagos banker and former Director of the Central Bank of Nigeria) spoke in 1990.",
])
def test_relations_a_title_later_in_a_list_of_descriptions_of_a_name_is_its(facts_for, text):
    facts = facts_for(text)
    assert ("person/jane-okafor", "organization/central-bank-of-nigeria") in \
        {(r.subject, r.object) for r in related(facts, "affiliatedWith")}


def test_relations_a_title_s_possessor_is_whose_title_it_is_not_a_title_of_the_name(facts_for):
    facts = facts_for("The President's Special Assistant, Jane Okafor, advocated recognition.")
    okafor = next(e for e in facts.entities if e.label == "Jane Okafor")
    assert "president" not in okafor.roles
    assert not related(facts, "leaderOf")


def test_relations_title_with_of_is_whole_and_its_noun_owns_nothing(facts_for):
    facts = facts_for("Boric and his Secretary of State, Daniel Okafor, flew to Lima.")
    ruiz = next(e for e in facts.entities if e.label == "Daniel Okafor")
    assert ruiz.roles == ("secretary of state",)
    assert not [r for r in facts.relations if r.subject == ruiz.key], facts.relations


@pytest.mark.parametrize("text", [
    "Daniel Okafor was Secretary of State under Boric.",
    "Daniel Okafor, who was Secretary of State, flew to Lima.",
])
def test_relations_copular_title_with_of_is_whole_and_owns_nothing(facts_for, text):
    facts = facts_for(text)
    okafor = next(e for e in facts.entities if e.label == "Daniel Okafor")
    assert okafor.roles == ("secretary of state",)
    assert not [r for r in facts.relations if r.subject == okafor.key], facts.relations


@pytest.mark.parametrize("text, person", [
    ("In 1920 Republican Senator John Miller wrote a report.", "John Miller"),
    ("In 1920 a report by Senator John Miller, a Republican from Oregon, fed this belief.", "John Miller"),
    ("The election of Republican Warren Harding ended the debate.", "Warren G. Harding"),
    # a president of the party is its member, not its leader
    ("Republican President Rutherford B. Hayes vetoed the bill.", "Rutherford B. Hayes"),
])
def test_relations_a_word_for_a_party_s_members_before_a_name_or_in_apposition_names_the_party(facts_for, text,
                                                                                                 person):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert {(r.predicate, labels[r.object]) for r in facts.relations if labels.get(r.subject) == person
            and r.object.startswith("organization/")} == {("affiliatedWith", "Republican Party")}


@pytest.mark.parametrize("text", [
    "Social Democratic leader Willy Brandt spoke.",  # a word of a longer name
    "The Iraqi Republican Guard units moved toward Kuwait City.",  # no person
])
def test_relations_a_party_word_inside_a_longer_name_names_no_party(facts_for, text):
    facts = facts_for(text)
    assert not [e for e in facts.entities if e.label in ("Democratic Party", "Republican Party")]


def test_relations_ambassador_to_a_state_is_not_affiliated_with_it(facts_for):
    facts = facts_for("Luis Soto was the Peruvian ambassador to Chile.")
    assert {(r.predicate, r.object) for r in facts.relations} == {("affiliatedWith", "state/peru")}


@pytest.mark.parametrize("text, person, expected", [
    ("Green Party candidate Pedro Vega lost the election.", "Pedro Vega", ("affiliatedWith", "Green Party")),
    ("Liberal Party leader Pedro Vega spoke first.", "Pedro Vega", ("leaderOf", "Liberal Party")),
    ("Liberal Party member Pedro Vega spoke first.", "Pedro Vega", ("affiliatedWith", "Liberal Party")),
    ("Peruvian Politburo member Pedro Vega spoke first.", "Pedro Vega", ("affiliatedWith", "Peru")),
    ("Peruvian President Dina Boluarte spoke first.", "Dina Boluarte", ("leaderOf", "Peru")),
    # the head of a secretariat or an agency leads it
    ("UN Secretary-General Ana Ruiz visited Lima in 2022.", "Ana Ruiz", ("leaderOf", "United Nations")),
    ("IAEA Director General Pedro Vega visited Lima in 2022.", "Pedro Vega",
     ("leaderOf", "International Atomic Energy Agency")),
    # a one-word name of a body the lexicon knows, before a title, is that body, not a kind of general
    ("In 1948 Kuomintang General Pedro Vega fled to Lima.", "Pedro Vega", ("affiliatedWith", "Kuomintang")),
    # a name the lexicon does not know, before a title in lower case, is the body's, not a word of the title
    ("Taliban deputy leader Pedro Vega was arrested in 2011.", "Pedro Vega", ("affiliatedWith", "Taliban")),
    # an intelligence service's head of a post abroad serves it
    ("In 2031, Pedro Vega, the CIA Chief of Station in Quito, met the rebels.", "Pedro Vega",
     ("affiliatedWith", "Central Intelligence Agency")),
    ("In 2031, Pedro Vega, the CIA station chief in Quito, met the rebels.", "Pedro Vega",
     ("affiliatedWith", "Central Intelligence Agency")),
    # an agent acts for whom the title names
    ("Reports from Peruvian agent Pedro Vega in Quito reached Lima.", "Pedro Vega", ("affiliatedWith", "Peru")),
])
def test_relations_title_after_an_organization_or_a_state_is_of_it(facts_for, text, person, expected):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert {(r.predicate, labels[r.object]) for r in facts.relations if labels.get(r.subject) == person} == {expected}


@pytest.mark.parametrize("text, person, expected", [
    ("In 1929, President Augusto Leguia of Peru signed the treaty.", "Augusto Leguia", {("leaderOf", "Peru")}),
    ("Foreign Minister Pedro Vega of the Soviet Union spoke first.", "Pedro Vega",
     {("affiliatedWith", "Soviet Union")}),
    # a place the lexicon does not know for a state is no body a lesser title serves
    ("Senator Pedro Vega of Idaho spoke first.", "Pedro Vega", set()),
])
def test_relations_an_of_phrase_after_a_titled_name_names_the_body(facts_for, text, person, expected):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert {(r.predicate, labels[r.object]) for r in facts.relations if labels.get(r.subject) == person} == expected


def test_relations_succeeded_as_gives_both_the_title_and_the_kind_of_minister_owns_nothing(facts_for):
    facts = facts_for("In 2031 Luis Soto was succeeded as Finance Minister and Navy Commander by Admiral Mario Diaz.")
    roles = {e.label: set(e.roles) for e in facts.entities if e.kind == "Person"}
    assert {"finance minister", "commander"} <= roles["Luis Soto"]
    assert {"finance minister", "commander"} <= roles["Mario Diaz"]
    # the kind words of the titles own nothing; the admiral is of the navy the sentence names, by his rank
    assert [(r.subject, r.object, r.evidence.extractor) for r in facts.relations
            if r.predicate in ("affiliatedWith", "leaderOf")] == [("person/mario-diaz", "organization/navy",
                                                                  "rule:title-body")]


def test_relations_succeeded_with_an_object_gives_the_title_to_both(facts_for):
    facts = facts_for("Juan Soto replaced Luis Mora as Prime Minister of Peru.")
    assert {(r.subject, r.object) for r in related(facts, "leaderOf")} == {
        ("person/juan-soto", "state/peru"), ("person/luis-mora", "state/peru")}


def test_relations_a_name_before_the_title_an_appointment_gives(facts_for):
    # "named Juan Soto ambassador": the parser makes the name a modifier of the title, the verb's object
    facts = facts_for("Peru named Juan Soto ambassador to Chile.")
    roles = {e.label: set(e.roles) for e in facts.entities if e.kind == "Person"}
    assert roles["Juan Soto"] == {"ambassador"}
    assert [(r.subject, r.object) for r in related(facts, "affiliatedWith")] == [("person/juan-soto", "state/peru")]


@pytest.mark.parametrize("text", [
    "Chile appointed Juan Soto as special envoy for Bolivia in 1931.",
    "In 1931 Juan Soto, the Chilean special envoy for Bolivia, reached La Paz.",
])
def test_relations_the_state_a_mission_is_for_is_not_the_one_its_envoy_serves(facts_for, text):
    facts = facts_for(text)
    served = {(r.subject, r.object) for r in related(facts, "affiliatedWith")}
    assert ("person/juan-soto", "state/bolivia") not in served


@pytest.mark.parametrize("text, served", [
    ("In 1931 Chile sent Juan Soto to negotiate a truce with Bolivia.", {("person/juan-soto", "state/chile")}),
    ("In 1931 Chilean President Pedro Mora sent Juan Soto to negotiate a truce with Bolivia.",
     {("person/juan-soto", "state/chile")}),
    ("In 1931 Chile appointed Juan Soto to lead Bolivia.", set()),  # sent to lead another, not to serve
    # sent to a state or its seat of government, with no errand told, as an envoy too
    ("In 1936 Chilean President Pedro Mora dispatched the businessman Juan Soto to Lima as the replacement of Luis "
     "Vega.", {("person/juan-soto", "state/chile")}),
    ("In 1936 Chilean President Pedro Mora dispatched the businessman Juan Soto to Easter Island.", set()),
])
def test_relations_who_is_sent_to_act_serves_the_sender_s_state(facts_for, text, served):
    facts = facts_for(text)
    assert {(r.subject, r.object) for r in related(facts, "affiliatedWith") if r.subject == "person/juan-soto"} \
        == served


@pytest.mark.parametrize("text, title", [
    ("In 1754 Lieutenant Colonel Juan Soto attacked the fort.", "lieutenant colonel"),
    ("In 1879 Rear Admiral Juan Soto blockaded the port.", "rear admiral"),
    # an "of the" between its capitalised words is the title's too
    ("In 1879 Secretary of the Treasury Juan Soto raised the tariff.", "secretary of the treasury"),
])
def test_relations_a_rank_of_two_words_is_one_title(facts_for, text, title):
    assert {e.label: set(e.roles) for e in facts_for(text).entities if e.kind == "Person"} == {"Juan Soto": {title}}


@pytest.mark.parametrize("text, led", [
    ("The Federalists, led by Juan Soto, opposed the tariff.", "organization/federalists"),
    # the parser may hang the participle on the first of two groups; it is said of the one right before it
    ("In 1931 Peru sent aid to the Liberals over the Conservatives led by Juan Soto.", "organization/conservatives"),
])
def test_relations_a_group_led_by_a_person_has_that_leader(facts_for, text, led):
    assert [r.object for r in related(facts_for(text), "leaderOf") if r.subject == "person/juan-soto"] == [led]


def test_relations_the_chairman_of_a_senate_committee_leads_the_committee_not_the_senate(facts_for):
    facts = facts_for("Juan Soto, chairman of the Senate Foreign Relations Committee, opposed the treaty.")
    assert [(r.subject, r.object) for r in related(facts, "leaderOf")] == [
        ("person/juan-soto", "organization/us-senate-foreign-relations-committee")]


@pytest.mark.parametrize("text", [
    "As Prime Minister of Peru, Juan Soto signed the accord.",
    "Juan Soto resigned as Prime Minister of Peru in 2031.",
])
def test_relations_who_acts_as_a_title_holds_it(facts_for, text):
    facts = facts_for(text)
    assert {e.label: set(e.roles) for e in facts.entities if e.kind == "Person"} == {"Juan Soto": {"prime minister"}}
    assert [(r.subject, r.object) for r in related(facts, "leaderOf")] == [("person/juan-soto", "state/peru")]


def test_relations_an_as_phrase_after_an_object_is_not_the_subjects_title(facts_for):
    facts = facts_for("Juan Soto regarded Luis Mora as the leader of Peru.")
    assert not any(e.roles for e in facts.entities if e.label == "Juan Soto")


def test_relations_a_founder_is_affiliated_with_what_they_founded(facts_for):
    facts = facts_for("Juan Soto, founder of the Andean Peace League, opposed the war.")
    assert [(r.subject, r.object) for r in related(facts, "affiliatedWith")] == [
        ("person/juan-soto", "organization/andean-peace-league")]


def test_relations_title_stops_at_the_previous_name(facts_for):
    facts = facts_for("The accord was signed by Chilean President Gabriel Boric and Peruvian President Dina Boluarte "
                      "in 2023.")
    leaders = {(r.subject, r.object) for r in facts.relations if r.predicate == "leaderOf"}
    assert ("person/dina-boluarte", "state/chile") not in leaders


def test_relations_a_title_in_apposition_after_a_list_is_its_last_member_s(facts_for):
    facts = facts_for("In 1983 the plan was pushed by John Miller and David Brown, then Foreign Minister.")
    assert {(e.label, e.roles) for e in facts.entities if e.roles} == {("David Brown", ("foreign minister",))}


def test_relations_appositive_ally_of_a_possessor(facts_for):
    facts = facts_for("In 1999 NATO bombed Serbia, Russia's ally, for weeks.")
    assert frozenset(("state/russia", "state/serbia")) in {pair(r) for r in related(facts, "alliedWith")}


def test_relations_its_allies_are_allied_with_the_possessor_not_an_earlier_pair(facts_for):
    facts = facts_for("During the war the two sides organized: in 1949, the United States and its Western European "
                      "allies established a new alliance.")
    labels = {e.key: e.label for e in facts.entities}
    allied = {frozenset((labels[r.subject], labels[r.object])) for r in related(facts, "alliedWith")}
    assert frozenset(("United States", "Western European allies")) in allied


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2022, Chileans elected Gabriel Boric as president.", ("person/gabriel-boric", "leaderOf", "state/chile")),
    ("Menachem Begin, the leader of the Likud Party, spoke first.",
     ("person/menachem-begin", "leaderOf", "organization/likud-party")),
])
def test_relations_elections_and_titles_of_a_body_give_leadership(facts_for, text, expected):
    facts = facts_for(text)
    assert any((r.subject, r.predicate, r.object) == expected for r in facts.relations), facts.relations


def test_relations_an_organization_named_pact_is_no_agreement_and_bare_allies_no_ally(facts_for):
    facts = facts_for("In 1991 the Warsaw Pact formally disbanded. In 1955 the Soviet Union and its allies met in Warsaw.")
    assert facts.agreements == ()
    assert related(facts, "alliedWith") == []


# --- memberships --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chilean President Gabriel Ruiz spoke in May. Ruiz's centrist Liberal Party controls the Senate.",
    "Chilean President Gabriel Ruiz spoke in May. Ruiz's party, the centrist Liberal Party, controls the Senate.",
    # whose party it is, the noun phrase presupposes, whatever its clause supposes
    "Chilean President Gabriel Ruiz spoke in May. Ruiz feared that his centrist Liberal Party would rebel.",
])
def test_relations_a_person_s_party_is_one_the_person_belongs_to(facts_for, text):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert [(labels[r.subject], labels[r.object]) for r in related(facts, "affiliatedWith")
            if "Party" in labels[r.object] and r.factuality.is_plain_fact] == [("Gabriel Ruiz", "Liberal Party")]


def test_relations_a_person_s_plan_is_no_membership(facts_for):
    facts = facts_for("Chilean President Gabriel Ruiz spoke in May. Ruiz's Andes Plan failed.")
    assert not [r for r in related(facts, "affiliatedWith") if r.subject.startswith("person/gabriel")
                and r.object != "state/chile"]


def test_relations_an_ally_in_a_list_is_the_ally_of_the_one_it_follows_only(facts_for):
    facts = facts_for("While the only countries capable of striking were Chile, its close ally Peru, and Bolivia, the "
                      "doctrine held.")
    allied = {(r.subject, r.object) for r in facts.relations if r.predicate == "alliedWith"}
    assert allied == {("state/chile", "state/peru")}


def test_relations_a_title_with_of_or_a_hyphen_before_a_name_is_read_whole(facts_for):
    facts = facts_for("Talks took place between Under-Secretary of State John Miller and Chilean Commodore Luis Vera.")
    roles = {e.label: e.roles for e in facts.entities if e.kind == "Person"}
    assert roles["John Miller"] == ("under-secretary of state",)
    assert roles["Luis Vera"] == ("commodore",)
    assert {(r.subject, r.predicate, r.object) for r in facts.relations} == {
        ("person/luis-vera", "affiliatedWith", "state/chile")}  # the "State" of the title is no body


def test_relations_a_minister_s_portfolio_is_part_of_the_title(facts_for):
    facts = facts_for("Peruvian Minister of Foreign Affairs Jose Soto proposed a pact.")
    assert {e.label: e.roles for e in facts.entities if e.kind == "Person"} == {
        "Jose Soto": ("minister of foreign affairs",)}


@pytest.mark.parametrize("text, person, title, state", [
    ("In 1979 Peruvian Vice Premier Luis Soto visited Lima.", "person/luis-soto", "vice premier", "state/peru"),
    ("In 1978 Luis Soto became Deputy Prime Minister of Peru.", "person/luis-soto", "deputy prime minister",
     "state/peru"),
])
def test_relations_a_deputy_of_a_leader_serves_the_state_and_leads_nothing(facts_for, text, person, title, state):
    facts = facts_for(text)
    assert {e.key: e.roles for e in facts.entities if e.kind == "Person"} == {person: (title,)}
    assert {(r.subject, r.predicate, r.object) for r in facts.relations} == {(person, "affiliatedWith", state)}


def test_relations_recruited_to_serve_as_gives_the_recruit_the_title(facts_for):
    facts = facts_for("In 1994, the president recruited Tom Hale, a banker, to serve as Deputy Secretary of State.")
    assert {e.label: e.roles for e in facts.entities if e.kind == "Person"}["Tom Hale"] == ("deputy secretary of state",)


@pytest.mark.parametrize("text, people, title", [
    ("In 1850 Peru sent Juan Soto to Chile as its envoy.", {"Juan Soto"}, "envoy"),
    ("In 1850 Peru dispatched Juan Soto and Maria Lopez to Quito as its ambassadors.", {"Juan Soto", "Maria Lopez"},
     "ambassador"),
])
def test_relations_who_is_sent_somewhere_as_a_title_holds_it(facts_for, text, people, title):
    facts = facts_for(text)
    assert {e.label: e.roles for e in facts.entities if e.kind == "Person"} == {p: (title,) for p in people}
    assert {(r.subject, r.object) for r in related(facts, "affiliatedWith")} == \
        {(k, "state/peru") for k in (e.key for e in facts.entities if e.label in people)}


@pytest.mark.parametrize("text, member, body, polarity", [
    ("Peru, a member of the United Nations, opposed the tariff.", "state/peru", "organization/united-nations",
     "Positive"),
    ("In 1949 Italy became a member of NATO.", "state/italy", "organization/nato", "Positive"),
    ("Chile joined NATO in 1999.", "state/chile", "organization/nato", "Positive"),
    # who is invited to join is who would join, not who invites
    ("In 1997 the Lima Committee invited Peru to join NATO.", "state/peru", "organization/nato", "Positive"),
    ("Chile was not a member of NATO.", "state/chile", "organization/nato", "Negative"),
    ("Arno B. Felt, the head of Andes Copper and a member of the Lima Committee, proposed a plan.",
     "person/arno-b-felt", "organization/lima-committee", "Positive"),
    ("Arno B. Felt, representing the Lima Committee, proposed a plan.", "person/arno-b-felt",
     "organization/lima-committee", "Positive"),
    # named with the body one comes from
    ("The vote pitted Arno B. Felt of the Lima Committee against the mayor.", "person/arno-b-felt",
     "organization/lima-committee", "Positive"),
    # the tagger's name runs into the bracket that gives the body's other name and abbreviation
    ("Arno B. Felt, candidate of the Green Union (Union Verde or UV) party, lost.", "person/arno-b-felt",
     "organization/green-union", "Positive"),
])
def test_relations_a_member_of_an_organization_or_one_that_joins_it_belongs_to_it(facts_for, text, member, body,
                                                                                   polarity):
    found = [(r.subject, r.object, r.factuality.polarity) for r in facts_for(text).relations
             if r.predicate == "affiliatedWith"]
    assert found == [(member, body, polarity)]


def test_relations_a_person_of_a_state_is_from_it_not_its_member(facts_for):
    assert not related(facts_for("The vote pitted Arno B. Felt of Peru against the mayor."), "affiliatedWith")


def test_relations_the_organization_is_the_one_named_last_whatever_its_name(facts_for):
    facts = facts_for("The World Trade Organization was founded in 1995. The Andean Trade Group was founded in Lima in "
                      "1996. In 1999 Chile and Peru entered the organization.")
    names = {e.key: e.label for e in facts.entities}
    assert {(r.subject, names[r.object]) for r in related(facts, "affiliatedWith")} == {
        ("state/chile", "Andean Trade Group"), ("state/peru", "Andean Trade Group")}


@pytest.mark.parametrize("text", [
    "Chile joined the talks in May.",
    "In 1950, Chile joined the Lima Committee in attacking the port.",  # a partner in the act, no member
    "In 1950, Chile joined the Lima Committee in the war against Peru.",  # in an act its noun names
    # who joins states acts with them, whatever else is listed with them
    "In 1950, Chile joined Peru, Bolivia, and the exiled governments of occupied nations to condemn the attack.",
])
def test_relations_joining_talks_or_an_act_is_no_membership(facts_for, text):
    assert not [r for r in facts_for(text).relations if r.predicate == "affiliatedWith"]


def test_relations_alliances_with_a_and_b_ally_each_with_who_forms_them_not_with_each_other(facts_for):
    facts = facts_for("Peru's president, Juan Soto, feared that Chile would form alliances with Bolivia and Ecuador.")
    allied = {(r.subject, r.object): r.factuality for r in facts.relations if r.predicate == "alliedWith"}
    assert set(allied) == {("state/chile", "state/bolivia"), ("state/chile", "state/ecuador")}
    assert all(not fact.is_plain_fact for fact in allied.values())  # only feared


HOME_TEXT = ("In 1950 President Ruiz met Peruvian President Vargas. Secretary of State Mora and Vice President Soto "
             "joined them. Later President Vargas left. Bolivian Marxist Luis Paz won; President Paz then spoke. "
             "Former president Leon Diaz ran again. In 1951 Jose Marin served as Deputy Secretary of State.")


def _ties(facts) -> set[tuple[str, str, str]]:
    names = {e.key: e.label for e in facts.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations
            if r.predicate in ("leaderOf", "affiliatedWith")}


def test_relations_a_home_title_with_no_state_is_an_office_of_the_publisher_s_state(facts_for):
    facts = facts_for(HOME_TEXT, publisher="Office of the Historian, Chile Ministry of Foreign Affairs")
    assert _ties(facts) == {("Ruiz", "leaderOf", "Chile"), ("Mora", "affiliatedWith", "Chile"),
                            ("Soto", "affiliatedWith", "Chile"), ("Vargas", "leaderOf", "Peru"),
                            ("Jose Marin", "affiliatedWith", "Chile")}
    # not Vargas, named with Peru, nor Paz, named with Bolivia, nor Diaz, whose "president" only describes him
    [soto] = [e for e in facts.entities if e.label == "Soto"]
    assert [r.title for r in soto.role_readings] == ["vice president"]


def test_relations_no_home_state_without_a_publisher_that_names_one(facts_for):
    for publisher in (None, "Center for Strategic and International Studies"):
        assert _ties(facts_for(HOME_TEXT, publisher=publisher)) == {("Vargas", "leaderOf", "Peru")}


def test_relations_a_state_s_possessive_before_a_title_says_whose_title_it_is(facts_for):
    facts = facts_for("In 1997 Chile's President Ruiz met his Peruvian counterpart, and his Foreign Minister Soto came.")
    assert ("Ruiz", "leaderOf", "Chile") in _ties(facts)
    assert not [t for t in _ties(facts) if t[0] == "Soto"]  # "his" names no state


def _roles(facts) -> dict[str, set[str]]:
    return {e.key: set(e.roles) for e in facts.entities if e.kind == "Person"}


def test_relations_a_title_in_the_plural_before_a_list_of_names_is_each_one_s(facts_for):
    facts = facts_for("Senators Hiram Johnson of California, William Borah of Idaho, and Robert La Follette of "
                      "Wisconsin objected. Joined by peace commissioners John Adams and John Jay, Franklin engaged "
                      "the British.")
    roles = _roles(facts)
    for senator in ("person/hiram-johnson", "person/william-borah", "person/robert-la-follette"):
        assert roles[senator] == {"senator"}
    assert roles["person/john-jay"] == {"commissioner"}
    assert roles["person/benjamin-franklin"] == set()  # named after the list, not in it


def test_relations_a_plural_word_inside_a_name_gives_no_title(facts_for):
    facts = facts_for("Isolationism marked the Good Neighbor Policy of Presidents Herbert Hoover and Franklin "
                      "Roosevelt.")
    assert related(facts, "leaderOf") == [] and all(not r for r in _roles(facts).values())


def test_relations_a_member_s_title_affiliates_with_the_one_body_of_that_kind(facts_for):
    facts = facts_for("The U.S. Congress debated the bill, and members of Congress opposed it. Senator Hiram Johnson "
                      "led them. The Red Army entered Berlin under General Georgy Zhukov. General Lucius Clay met "
                      "the Soviets.")
    affiliated = {(r.subject, r.object) for r in related(facts, "affiliatedWith")}
    assert ("person/hiram-johnson", "organization/us-congress") in affiliated
    assert ("person/georgy-zhukov", "organization/red-army") in affiliated
    # a rank's body is named where the rank is given: Clay is not of the Red Army named before
    assert not [subject for subject, _ in affiliated if subject == "person/lucius-clay"]


def test_relations_a_side_taken_before_a_title_is_not_the_title_s_state(facts_for):
    facts = facts_for("In 1794 President Ruiz sent pro-Chilean Chief Justice Ana Blanco to negotiate with Chile.")
    affiliated = {(r.subject, r.object) for r in facts.relations if r.predicate in ("affiliatedWith", "leaderOf")}
    assert ("person/ana-blanco", "state/chile") not in affiliated


@pytest.mark.parametrize("text, predicate, body", [
    ("In 1929 Henry Walsh, the head of General Electric, proposed a plan.", "leaderOf", "organization/general-electric"),
    # he heads the delegation, a part of the state, and serves the state
    ("The head of the Peruvian delegation, Henry Walsh, spoke first.", "affiliatedWith", "state/peru"),
])
def test_relations_the_head_of_a_body_leads_it_and_of_a_state_s_delegation_serves_the_state(facts_for, text,
                                                                                              predicate, body):
    facts = facts_for(text)
    assert [(r.predicate, r.object) for r in facts.relations if r.subject == "person/henry-walsh"] == [(predicate, body)]


def test_relations_a_title_word_that_opens_an_organization_s_name_is_no_title(facts_for):
    facts = facts_for("In 1929 General Electric chief Henry Walsh met the press.")
    walsh = next(e for e in facts.entities if e.key == "person/henry-walsh")
    assert "general" not in walsh.roles
    assert any(e.label == "General Electric" for e in facts.entities)


@pytest.mark.parametrize("text, leads", [
    ("Henry Walsh led the Liberal Party from 1920 to 1931.", "organization/liberal-party"),
    ("Peru was ruled by Henry Walsh until 1931.", "state/peru"),
    ("Henry Walsh led the Peruvian delegation.", None),  # a common noun names no body
    ("Headed by Henry Walsh, the Liberal Party won the election of 1920.", "organization/liberal-party"),
])
def test_relations_who_leads_or_rules_a_named_body_is_its_leader(facts_for, text, leads):
    facts = facts_for(text)
    led = [r.object for r in facts.relations if r.predicate == "leaderOf" and r.subject == "person/henry-walsh"]
    assert led == ([leads] if leads else [])


@pytest.mark.parametrize("text, allies", [
    ("In 1801 Sweden allied with Peru against Bolivia.", {"state/sweden", "state/peru"}),
    ("In 1805 Chile and Peru formed an alliance against Bolivia.", {"state/chile", "state/peru"}),
    ("In 1805 Chile entered into an alliance with Peru.", {"state/chile", "state/peru"}),
    ("In 1939 Chile and Peru rejected Bolivian offers to establish an alliance against Brazil.", None),
])
def test_relations_who_allies_forms_or_enters_into_an_alliance_is_allied(facts_for, text, allies):
    facts = facts_for(text)
    assert [pair(r) for r in related(facts, "alliedWith")] == ([allies] if allies else [])


@pytest.mark.parametrize("text, allied", [
    ("In 1999 Poland joined NATO.", True),  # one of NATO's names is "Atlantic Alliance"
    ("In 1995 Peru joined the United Nations.", False),
])
def test_relations_a_state_joining_an_alliance_is_allied_with_it(facts_for, text, allied):
    facts = facts_for(text)
    assert bool(related(facts, "alliedWith")) == allied
    assert related(facts, "affiliatedWith")


def test_relations_bare_allies_of_a_named_state_name_no_ally(facts_for):
    # the group keeps its owner's name ("Peru's allies"), and is still nobody in particular
    assert related(facts_for("Peru's closest allies opposed the fishing quota."), "alliedWith") == []


@pytest.mark.parametrize("text, leads", [
    ("In 1962, the Andean Commission, under the chairmanship of Henry Walsh, met in Lima.",
     ["organization/andean-commission"]),
    ("Under Henry Walsh's leadership, Peru closed its ports.", ["state/peru"]),
    # the body under his command is the doer, not the defeated
    ("In 1931 the Liberal Party was defeated within two days by Andean forces under the direct command of Henry Walsh.",
     []),
])
def test_relations_who_a_body_is_under_the_leadership_of_leads_it(facts_for, text, leads):
    facts = facts_for(text)
    assert [r.object for r in facts.relations if r.predicate == "leaderOf" and r.subject == "person/henry-walsh"] == leads


def test_relations_its_in_a_conjunct_is_the_noun_it_is_joined_to_not_a_state_named_before(facts_for):
    facts = facts_for("Peru signed the accord in May. The crisis put the ruling party and its leader, Pedro Gomez, "
                      "in a difficult position.")
    assert related(facts, "leaderOf") == []


def test_relations_a_named_group_led_by_a_person_has_that_leader(facts_for):
    facts = facts_for("Fighting broke out between Chilean troops and Peruvian rebels led by Jorge Basadre.")
    labels = {e.key: e.label for e in facts.entities}
    leads = [(labels[r.subject], labels[r.object]) for r in related(facts, "leaderOf")]
    assert leads == [("Jorge Basadre", "Peruvian rebels")]
    # a delegation stands for its state: who leads it leads no state
    facts = facts_for("The Peruvian delegation, led by Jorge Basadre, left Lima.")
    assert related(facts, "leaderOf") == []


def test_relations_a_state_named_by_its_combining_form_is_a_party_of_the_pair(facts_for):
    facts = facts_for("Americans hoped to solidify the existing Franco-American alliance.")
    assert [(r.subject, r.object) for r in related(facts, "alliedWith")] == [("state/france", "state/united-states")]
    # the form names the state only before a hyphen
    facts = facts_for("In 1939 General Franco ruled Spain.")
    assert "state/france" not in {e.key for e in facts.entities}


def test_relations_an_alliance_brought_in_as_new_is_as_sure_as_its_clause(facts_for):
    facts = facts_for("Spanish officials feared that the talks would result in an alliance between Britain and Peru.")
    [alliance] = related(facts, "alliedWith")
    assert alliance.factuality.modality == "Hypothetical"


def test_relations_a_title_right_before_a_name_is_that_name_s_not_an_apposition_to_the_one_before(facts_for):
    facts = facts_for("With the help of Juan Soto and Ana Vega, Chilean Minister of Foreign Affairs Luis Paz proposed "
                      "a trade pact.")
    assert _ties(facts) == {("Luis Paz", "affiliatedWith", "Chile")}
    assert not _roles(facts).get("person/ana-vega")


def test_relations_a_foreign_secretary_is_so_titled_and_serves_his_state(facts_for):
    facts = facts_for("In 1943 British Foreign Secretary Anthony Eden met Chilean President Gabriel Boric in Lima.")
    [eden] = [e for e in facts.entities if e.label == "Anthony Eden"]
    assert [r.title for r in eden.role_readings] == ["foreign secretary"]
    assert ("Anthony Eden", "affiliatedWith", "United Kingdom") in _ties(facts)


@pytest.mark.parametrize(("text", "title"), [
    ("In 2024 EU High Representative Pedro Vega visited Kyiv.", "high representative"),
    ("In 2024 IAEA Director General Pedro Vega visited Tehran.", "director general"),
])
def test_relations_a_title_of_two_words_is_not_its_last_word(facts_for, text, title):
    [vega] = [e for e in facts_for(text).entities if e.label == "Pedro Vega"]
    assert [r.title for r in vega.role_readings] == [title]


@pytest.mark.parametrize("text", ["Peru told Chile to avoid new alliances with Bolivia.",
                                  "Peru warned Chile to avoid new alliances with Bolivia."])
def test_relations_an_alliance_another_is_told_to_avoid_is_that_one_s_and_not_yet_made(facts_for, text):
    [alliance] = related(facts_for(text), "alliedWith")
    assert (alliance.subject, alliance.object) == ("state/chile", "state/bolivia")
    assert (alliance.factuality.polarity, alliance.factuality.modality) == ("Negative", "Hypothetical")


@pytest.mark.parametrize("text", [
    "In 1950 Jorge Soto became the leader of a small faction that celebrated the ideals of the French Revolution.",
    "In 1950 Jorge Soto became the leader of a small faction that admired the Chilean government.",
])
def test_relations_a_clause_about_the_body_a_title_is_of_names_no_owner_of_the_title(facts_for, text):
    assert related(facts_for(text), "leaderOf") == []


@pytest.mark.parametrize("text", [
    "Thomas Ruiz came to power in Peru in 1990 after a long campaign.",
    "In 1990, Thomas Ruiz seized power in Peru.",
])
def test_relations_one_who_comes_to_power_in_a_state_leads_it(facts_for, text):
    leads = [(r.subject, r.object) for r in related(facts_for(text), "leaderOf")]
    assert leads == [("person/thomas-ruiz", "state/peru")]


def test_relations_power_that_a_party_comes_to_or_no_state_gives_no_leader(facts_for):
    facts = facts_for("In 1990, the Liberal Party came to power in Peru. Thomas Ruiz rose to power quickly.")
    assert related(facts, "leaderOf") == []


def test_relations_a_mediator_is_a_title_of_the_body_named_before_it(facts_for):
    facts = facts_for("In 1970 both sides agreed to talks under U.N. mediator Thomas Morton.")
    morton = next(e for e in facts.entities if e.key == "person/thomas-morton")
    assert "mediator" in morton.roles
    assert [r.object for r in related(facts, "affiliatedWith")] == ["organization/united-nations"]


def test_relations_a_title_held_at_a_state_s_request_is_not_of_that_state(facts_for):
    facts = facts_for("In 1905 Thomas Morton served as an adviser at Japan's request.")
    assert not related(facts, "affiliatedWith")


def test_relations_who_remains_aligned_with_a_state_is_its_ally(facts_for):
    [alliance] = related(facts_for("In 1970 Egypt remained aligned with the Soviet Union."), "alliedWith")
    assert pair(alliance) == {"state/egypt", "state/soviet-union"}

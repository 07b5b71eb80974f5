"""extract/entities.py: names -> entities, short names, titles, demonyms, authors, unknown places, junk."""
from __future__ import annotations

import pytest

from kg_builder import pipeline as kg_pipeline
from kg_builder.model import Document

pytestmark = pytest.mark.slow


def entities_by_key(facts):
    return {e.key: e for e in facts.entities}


def relations(facts, predicate):
    return [r for r in facts.relations if r.predicate == predicate]


def test_entities_short_name_joins_full_name(facts_for):
    facts = facts_for("Diplomat Laura Bennett arrived in Lima on Monday. On Tuesday, Bennett met Peruvian officials.")
    people = [e for e in facts.entities if e.kind == "Person"]
    assert [p.key for p in people] == ["person/laura-bennett"]
    assert people[0].label == "Laura Bennett"
    assert "Bennett" in people[0].aliases
    meeting = next(e for e in facts.events if e.kind in ("Meeting", "Summit"))
    assert "person/laura-bennett" in meeting.participants


@pytest.mark.parametrize("text, holder", [
    # a text that names George Washington means him by "Washington"
    ("In 1789 George Washington took office as president. Washington urged Congress to fund a small navy.",
     "person/george-washington"),
    ("In 1789 Washington urged Congress to fund a small navy.", "state/united-states"),  # else the seat of government
])
def test_entities_a_seat_of_government_that_is_the_surname_of_a_person_named_is_that_person(facts_for, text, holder):
    assert [p.holder for p in facts_for(text).positions] == [holder]


@pytest.mark.parametrize("text, people", [
    ("Editor Martin K. Hale founded the weekly in 1931. Martin Hale opposed the tariff. Hale urged aid to Peru.",
     ["person/martin-k-hale"]),
    # two full names fit the name without initials: it joins neither
    ("Ann B. Cole met Ann D. Cole in 1950. Ann Cole opposed the tariff.",
     ["person/ann-b-cole", "person/ann-cole", "person/ann-d-cole"]),
])
def test_entities_a_name_without_its_middle_initial_is_the_one_full_name_with_it(facts_for, text, people):
    assert sorted(e.key for e in facts_for(text).entities if e.kind == "Person") == people


def test_entities_short_name_before_full_name_still_joins(facts_for):
    facts = facts_for("Helene Marchetti and Laura Bennett met. Marchetti thanked Bennett.")
    keys = {e.key for e in facts.entities if e.kind == "Person"}
    assert keys == {"person/helene-marchetti", "person/laura-bennett"}


def test_entities_a_titled_short_name_before_a_full_name_with_another_title_is_someone_else(facts_for):
    facts = facts_for("In 1962, President Bennett warned Peru. Bennett then wrote to Lima. Attorney General Robert "
                      "Bennett met the Peruvian envoy.")
    keys = {e.key for e in facts.entities if e.kind == "Person"}
    assert keys == {"person/bennett", "person/robert-bennett"}
    assert "president" not in entities_by_key(facts)["person/robert-bennett"].roles


def test_entities_a_titled_short_name_before_the_full_name_with_that_title_joins_it(facts_for):
    facts = facts_for("In 1962, President Bennett warned Peru. Later, President Robert Bennett met the Peruvian envoy.")
    assert {e.key for e in facts.entities if e.kind == "Person"} == {"person/robert-bennett"}


@pytest.mark.parametrize("text", [
    "In 1962 Omar Faisal took power in Lima. In 1964 King Faisal of Peru met the Chilean envoy.",
    "In 1962 Omar Faisal took power in Lima. In 1964 King Faisal and the Chileans held talks.",
])
def test_entities_a_name_after_a_royal_title_is_no_surname_of_a_fuller_name(facts_for, text):
    facts = facts_for(text)
    later = next(e for e in facts.events if e.start is not None and e.start.iso == "1964")
    assert "person/omar-faisal" not in later.participants
    assert "king" not in entities_by_key(facts)["person/omar-faisal"].roles


def test_entities_a_lone_name_in_a_list_of_people_is_a_person(facts_for):
    facts = facts_for("Roosevelt, Churchill and Stalin met in Quito in 1950.")
    assert entities_by_key(facts)["person/roosevelt"].kind == "Person"
    assert not [e for e in facts.entities if e.kind == "Organization"]


@pytest.mark.parametrize("text, place", [
    ("The rebels besieged the town of Darwin in 1942.", "Darwin"),  # a word for a kind of place names it
    ("Artillery shelled Xiamen and Dubno in 1941. Dubno fell in July.", "Dubno"),  # listed with places, both times
])
def test_entities_a_lone_name_tagged_person_that_is_placed_like_a_place_is_a_place(facts_for, text, place):
    kinds = {e.label: e.kind for e in entities_by_key(facts_for(text)).values()}
    assert kinds[place] == "Location"
    assert "Person" not in kinds.values()


def test_entities_a_title_before_a_name_listed_with_places_keeps_it_a_person(facts_for):
    facts = facts_for("The army shelled Kolwezi and Dubno in 1941. General Dubno resigned.")
    assert entities_by_key(facts)["person/dubno"].kind == "Person"


def test_entities_a_number_ending_in_two_names_no_pair(facts_for):
    facts = facts_for("In 1950 Peru promised Chile a loan. In 1951, thirty-two nations gathered in Lima to talk about "
                      "the loan.")
    met = next(e for e in facts.events if e.start is not None and e.start.iso == "1951")
    assert met.participants == ()
    assert not [p for p in facts.positions if "talk" in entities_by_key(facts)[p.issue].label]


def test_entities_it_in_a_second_that_clause_is_the_one_who_reports(facts_for):
    facts = facts_for("In 1980 Chile declared that Peru was a rival, and that it opposed any new naval race.")
    assert {(p.holder, p.stance) for p in facts.positions} == {("state/chile", "Opposes")}


@pytest.mark.parametrize("text, groups", [
    ("Fisheries expert and Peruvian Senator Juan Soto introduced a bill to cut the quota.", set()),
    ("In 1921 the Senate rejected the reform, and only one member objected to the vote.", set()),
    ("In 1921 the coalition backed the quota, and critics opposed it.", {"coalition", "critics"}),
])
def test_entities_a_group_noun_in_the_singular_is_one_person_unless_it_names_a_collective(facts_for, text, groups):
    facts = facts_for(text)
    assert {e.label for e in facts.entities if e.kind == "Organization" and e.key.startswith("organization/")
            and e.label.lower() in ("fisheries expert", "member", "coalition", "critics")} == groups


def test_entities_a_one_word_name_that_heads_an_organization_named_before_is_that_organization(facts_for):
    facts = facts_for("The Andean Development Bank lent Peru two billion dollars in 1990. The Bank's loans angered "
                      "Chile.")
    organizations = {e.key: e for e in facts.entities if e.kind == "Organization"}
    assert list(organizations) == ["organization/andean-development-bank"]
    assert "Bank" in organizations["organization/andean-development-bank"].aliases


def test_entities_the_british_parliament_is_one_body_of_the_lexicon_and_not_the_british_state(facts_for):
    facts = facts_for("In 1931, the British Parliament taxed tea.")
    assert [e.key for e in facts.entities if e.kind in ("Organization", "State")] == ["organization/uk-parliament"]
    assert [e.wikidata for e in facts.entities if e.kind == "Organization"] == ["Q11005"]


def test_entities_a_one_word_alias_after_a_body_whose_name_ends_in_it_is_that_body(facts_for):
    # "Congress" alone is the U.S. Congress of the lexicon, but not just after another body called so
    facts = facts_for("The Andean Congress first met in Lima in 1904. In 1905, Congress sent envoys to Chile.")
    envoys = [e for e in facts.events if "sent envoys" in e.label]
    assert [e.participants for e in envoys] == [("organization/andean-congress",)]
    facts = facts_for("In 1905, Congress sent envoys to Chile.")
    assert [e.participants for e in facts.events if "sent envoys" in e.label] == [("organization/us-congress",)]


@pytest.mark.parametrize("text", [
    "Under the treaty, Peru received the waters of the two northern rivers, the Ravi and the Lauca.",
    "The Ticonderoga left Lima on December 7, 1878, and arrived in Chile in January.",
    # after a word for a ship, with or without a title between
    "Chile offered a peace plan in May, but the sinking of the Argentine cruiser General Belgrano ended its chances.",
    "The Chilean cruiser Almirante Cochrane shelled the port.",
])
def test_entities_a_name_of_a_river_or_a_ship_is_no_person(facts_for, text):
    assert not [e for e in facts_for(text).entities if e.kind == "Person"]


@pytest.mark.parametrize("text", [
    # the model tags "the Houthis" PERSON, "the Kataibs" GPE
    "Since November, Houthi forces in Yemen have launched more than forty attacks on ships in the Red Sea. Oman has "
    "urged the Houthis to stop the attacks.",
    "Since 2019, Kataib forces in Iraq have launched dozens of attacks on bases near Baghdad. Kuwait has urged the "
    "Kataibs to stop the attacks.",
])
def test_entities_the_plural_of_an_organization_named_before_is_that_organization(facts_for, text):
    facts = facts_for(text)
    [organization] = [e for e in facts.entities if e.kind == "Organization"]
    assert not [e for e in facts.entities if e.kind == "Person" or e.label.endswith("bs")]
    assert organization.label + "s" in organization.aliases


def test_entities_the_name_of_an_operation_tagged_as_an_organization_is_no_actor(facts_for):
    facts = facts_for("The United States responded in December by launching Operation Andean Guardian, a naval "
                      "coalition meant to protect shipping.")
    assert not [e for e in facts.entities if e.kind == "Organization"]


def test_entities_a_title_tagged_as_an_organization_names_no_organization(facts_for):
    facts = facts_for("In 1977, Peruvian National Security Advisor Laura Bennett argued for a bold response.")
    assert not [e for e in facts.entities if e.kind == "Organization"]
    assert "national security advisor" in entities_by_key(facts)["person/laura-bennett"].roles


def test_entities_a_name_tagged_as_an_organization_in_apposition_to_a_title_is_a_person(facts_for):
    # the small model tags "Anatoly Karpin" ORG
    facts = facts_for("The Peruvian Ambassador to the United States, Anatoly Karpin, met Jorge Soto in 1990.")
    karpin = entities_by_key(facts)["person/anatoly-karpin"]
    assert (karpin.kind, karpin.roles) == ("Person", ("ambassador",))
    assert [(r.subject, r.object) for r in relations(facts, "affiliatedWith")] == [("person/anatoly-karpin",
                                                                                   "state/peru")]


def test_entities_leader_title_gives_role_and_leader_of_state(facts_for):
    facts = facts_for("French president Helene Marchetti arrived in Lima.")
    person = entities_by_key(facts)["person/helene-marchetti"]
    assert "president" in person.roles
    leads = relations(facts, "leaderOf")
    assert [(r.subject, r.object) for r in leads] == [("person/helene-marchetti", "state/france")]
    assert leads[0].factuality.is_plain_fact
    assert not any(e.key == "person/president-helene-marchetti" for e in facts.entities)


def test_entities_non_leader_title_gives_affiliation_not_leadership(facts_for):
    facts = facts_for("Peruvian ambassador Laura Bennett arrived in Quito.")
    assert "ambassador" in entities_by_key(facts)["person/laura-bennett"].roles
    assert not relations(facts, "leaderOf")
    assert [(r.subject, r.object) for r in relations(facts, "affiliatedWith")] == [("person/laura-bennett", "state/peru")]


def test_entities_title_description_refers_to_the_titled_person(facts_for):
    facts = facts_for("French president Helene Marchetti arrived in Lima. The French president opposes the new tariff.")
    assert [p.holder for p in facts.positions] == ["person/helene-marchetti"]


@pytest.mark.parametrize("text, state", [
    ("The Chileans oppose the new tariff.", "state/chile"),
    ("The French rejected the offer.", "state/france"),
])
def test_entities_demonym_subject_resolves_to_state(facts_for, text, state):
    facts = facts_for(text)
    assert [p.holder for p in facts.positions] == [state]
    assert entities_by_key(facts)[state].kind == "State"


@pytest.mark.parametrize("text, holder", [
    # a lexicon's body at the end of a longer name is that name's body
    ("The Andean Farmers Congress opposed the new tariff on wheat.", "Andean Farmers Congress"),
    # a people named with a name word before its own is no state
    ("Native Americans resisted the settlers in the valley.", "Native Americans"),
    ("Japanese Americans protested the internment order.", "Japanese Americans"),
    # companies and firms are groups that act
    ("Chilean firms opposed the new tariff on copper.", "Chilean firms"),
    ("The Chilean oil companies protested the decree.", "Chilean oil companies"),
    # some of those in a state or a body are a group of their own, neither the state nor the body
    ("Some in Congress opposed the treaty with Chile.", "some in Congress"),
    ("Many in Peru opposed the treaty with Chile.", "many in Peru"),
    # officers, publishers and protesters act as groups ("Peruvian generals" are not Peru)
    ("Peruvian generals opposed the truce with Chile.", "Peruvian generals"),
    ("The newspaper publishers demanded a war with Chile.", "newspaper publishers"),
])
def test_entities_the_holder_is_the_body_or_group_the_words_name(facts_for, text, holder):
    facts = facts_for(text)
    assert [entities_by_key(facts)[p.holder].label for p in facts.positions] == [holder]


@pytest.mark.parametrize("text, state, acts", [
    ("In 1850 Native American attacks on the border towns grew.", "state/united-states", False),
    # a name word that names a state makes two states, and "West German" is one state's name in two words
    ("The Mexican American War began in 1846.", "state/united-states", True),
    ("The West German government protested the tariff.", "state/west-germany", True),
])
def test_entities_only_a_name_word_of_no_state_makes_a_people(facts_for, text, state, acts):
    facts = facts_for(text)
    actors = {p.holder for p in facts.positions} | {k for e in facts.events for k in e.participants}
    assert (state in actors) == acts


@pytest.mark.parametrize("opening, holders", [
    ("In 1960 the Republic of the Congo won its independence.", {"state/republic-of-the-congo"}),
    # a text that names both states that share the word, as often, leaves it to neither
    ("In 1960 the Republic of the Congo and the Democratic Republic of the Congo met.", set()),
])
def test_entities_a_shared_demonym_names_the_state_the_document_names_most(facts_for, opening, holders):
    facts = facts_for(f"{opening} In 1961 the Congolese government demanded the removal of Belgian troops.")
    assert {p.holder for p in facts.positions} == holders


@pytest.mark.parametrize("opening, holder", [
    ("In 1968 Czechoslovakia began a series of reforms.", "state/czechoslovakia"),
    ("In 1993 the Czech Republic and Slovakia parted.", "state/czech-republic"),
    # a text that names neither keeps the word for the state it is the demonym of
    ("The reforms went on.", "state/czech-republic"),
])
def test_entities_a_demonym_an_earlier_state_shares_names_it_where_the_text_names_it_most(facts_for, opening, holder):
    facts = facts_for(f"{opening} The Czech government condemned the occupation of its western territory.")
    assert {p.holder for p in facts.positions} == {holder}


@pytest.mark.parametrize("text, group", [
    ("Many Chileans opposed the new tariff.", "Chileans"),
    ("Most Austrians backed the proposal to cut tariffs.", "Austrians"),
    ("The Dutch public supported the proposal to cut tariffs.", "Dutch public"),
])
def test_entities_part_of_a_people_or_its_public_is_a_group_not_the_state(facts_for, text, group):
    facts = facts_for(text)
    [position] = facts.positions
    holder = entities_by_key(facts)[position.holder]
    assert (holder.kind, holder.label) == ("Organization", group)


@pytest.mark.parametrize("text", [
    "The new tariff was bitterly resented in New England.",
    "Farmers in Upper Canada rejected the new tariff.",
    "Lawmakers of New Mexico rejected the new tariff.",
    "A Chilean expedition built a base near the South Pole.",
    "France sent more troops to West Africa in May.",
])
def test_entities_a_place_named_with_new_upper_or_a_compass_word_is_not_the_place_without_it(facts_for, text):
    keys = {e.key for e in facts_for(text).entities}
    assert not keys & {"location/england", "state/united-kingdom", "state/canada", "state/mexico", "state/poland",
                       "location/africa"}, keys


def test_entities_plural_leaders_act_for_their_state_not_for_its_leader(facts_for):
    facts = facts_for("Chilean President Gabriel Ruiz visited Lima in May. Peru pursued negotiations with Chilean leaders in June.")
    talks = next(e for e in facts.events if e.kind == "Negotiation")
    assert "state/chile" in talks.participants
    assert not [p for p in talks.participants if p.startswith("person/")]


def test_entities_demonym_adjective_with_agent_noun_is_the_state(facts_for):
    facts = facts_for("Bolivian officials met in Sucre.")
    assert facts.events[0].participants == ("state/bolivia",)


def test_entities_we_resolves_to_the_authors(facts_for):
    facts = facts_for("We support the accord.", authors=("Ana Torres", "Mark Lee"))
    assert facts.creators == ("person/ana-torres", "person/mark-lee")
    assert sorted(p.holder for p in facts.positions) == ["person/ana-torres", "person/mark-lee"]
    assert {p.stance for p in facts.positions} == {"Supports"}


def test_entities_we_without_authors_resolves_to_nobody(facts_for):
    facts = facts_for("We support the accord.")
    assert facts.positions == ()


def test_entities_unknown_place_becomes_location(facts_for):
    facts = facts_for("The delegates met in Cochabamba in May.")
    place = entities_by_key(facts)["location/cochabamba"]
    assert (place.kind, place.label, place.wikidata) == ("Location", "Cochabamba", None)
    assert facts.events[0].location == "location/cochabamba"


def test_entities_lexicon_entry_keeps_its_key_and_wikidata(facts_for):
    facts = facts_for("Peru and Chile met in Lima.")
    peru = entities_by_key(facts)["state/peru"]
    assert (peru.kind, peru.label, peru.wikidata) == ("State", "Peru", "Q419")


@pytest.mark.parametrize("text, junk", [
    ("The memo (ref. A/B-77/2020) was leaked to reporters.", "ref"),
    ("Sources: Reuters; AFP/Getty.", "AFP/Getty"),
])
def test_entities_junk_ner_spans_are_dropped(parse, facts_for, text, junk):
    assert junk in [e.text for e in parse(text).ents], "precondition: the model tags the junk span"
    labels = {e.label for e in facts_for(text).entities} | {a for e in facts_for(text).entities for a in e.aliases}
    assert junk not in labels
    assert not any("/" in e.key.split("/", 1)[1] for e in facts_for(text).entities)


def test_entities_same_entity_same_key_across_documents(pipeline):
    first = Document("doc-a", "a.txt", "Laura Bennett met Peruvian officials in Cochabamba.", published="2020-05-01")
    second = Document("doc-b", "b.txt", "On Friday, Bennett flew home. Laura Bennett later met Chilean officials "
                                        "in Cochabamba.", published="2021-01-01")
    keys_a = {e.key for e in kg_pipeline.facts_of(first, pipeline).entities}
    keys_b = {e.key for e in kg_pipeline.facts_of(second, pipeline).entities}
    assert {"person/laura-bennett", "location/cochabamba"} <= keys_a & keys_b
    assert "person/bennett" not in keys_b


@pytest.mark.parametrize(("text", "linked"), [
    ("The North won the war in 1865 after the South surrendered at Appomattox.", False),
    ("Lincoln asked the North to hold firm; the peninsula campaign had failed.", False),
    ("North Korea tested a missile in May. The North then demanded sanctions relief.", True),
])
def test_entities_generic_alias_links_only_where_the_document_names_the_entity(facts_for, text, linked):
    keys = {e.key for e in facts_for(text).entities}
    assert ("state/north-korea" in keys) is linked
    assert "location/korean-peninsula" not in keys


def test_entities_its_in_a_fronted_phrase_points_forward_to_the_subject_not_back(facts_for):
    facts = facts_for("The Lima Accord ended the Chaco War in 1935. At its meeting in Quito, July 1937, the "
                      "Andean Community invited Peru to join.")
    [meeting] = [e for e in facts.events if e.kind == "Meeting"]
    assert meeting.participants == ("organization/andean-community",)


def test_entities_a_war_tagged_as_an_organization_is_no_actor(facts_for):
    facts = facts_for("The Lima Accord, which ended the First Chaco War in August 1936, did not resolve tensions.")
    assert not [e for e in facts.entities if "War" in e.label]


@pytest.mark.parametrize("text, body", [
    ("The Bolivian Senate rejected the treaty. The U.S. Senate rejected the pact.", "Bolivian Senate"),
    ("The Santa Cruz provincial Senate rejected the treaty. The U.S. Senate rejected the pact.",
     "Santa Cruz provincial Senate"),
])
def test_entities_a_bare_named_body_owned_by_another_state_is_that_state_s_body(facts_for, text, body):
    facts = facts_for(text)
    holders = {entities_by_key(facts)[p.holder].label for p in facts.positions}
    assert holders == {body, "U.S. Senate"}


def test_entities_a_named_conference_is_no_actor_even_tagged_as_a_person(facts_for):
    facts = facts_for("At the Tarvisio Conference in 1950, Austria and Hungary agreed to cut tariffs. "
                      "Later Austria and Hungary renewed their Tarvisio Conference pledge to cut tariffs.")
    assert not [e for e in facts.entities if "Conference" in e.label]
    assert {p.holder for p in facts.positions} == {"state/austria", "state/hungary"}


def test_entities_letters_in_brackets_stand_for_the_body_named_before(facts_for):
    facts = facts_for("Peru sent aid to parties such as the Liberal Alliance (LA) in 2030. "
                      "In 2031, LA candidate Pedro Vega was elected President of Peru.")
    alliance = entities_by_key(facts)["organization/liberal-alliance"]
    assert "LA" in alliance.aliases
    assert not [e for e in facts.entities if e.label == "LA"]  # the tagger's place "LA" is the alliance
    assert ("person/pedro-vega", "organization/liberal-alliance") in {
        (r.subject, r.object) for r in relations(facts, "affiliatedWith")}


@pytest.mark.parametrize("text", [
    "Peru had long backed rebels in Chile; it then gave funds to the opposition.",
    "Peru had long backed rebels in Chile, and it gave funds to the opposition.",
])
def test_entities_it_is_the_subject_earlier_in_the_sentence_not_the_nearest_state(facts_for, text):
    facts = facts_for(text)
    assert {p.holder for p in facts.positions if p.stance == "Offers"} == {"state/peru"}


def test_entities_the_initials_of_a_body_named_before_stand_for_it(facts_for):
    facts = facts_for("Talks between the army and The Andean Liberation Front broke down on Monday. "
                      "ALF commander Pedro Vega accused the army of shelling markets in Cusco.")
    front = entities_by_key(facts)["organization/andean-liberation-front"]
    assert "ALF" in front.aliases
    assert not [e for e in facts.entities if e.label == "ALF"]
    assert ("person/pedro-vega", "organization/andean-liberation-front") in {
        (r.subject, r.object) for r in relations(facts, "affiliatedWith")}


def test_entities_initials_two_bodies_share_stand_for_neither(facts_for):
    facts = facts_for("The Popular Front and the Peasant Federation met in Lima. PF leaders left early.")
    assert {"organization/popular-front", "organization/peasant-federation"} <= set(entities_by_key(facts))
    assert "PF" not in {a for e in facts.entities for a in e.aliases}


def test_entities_letters_in_brackets_after_a_cut_name_are_not_its_last_word(facts_for):
    facts = facts_for("Chile hosts the Allied Forces Peru (AFP) command. Peru pays for AFP.")
    assert "AFP" not in entities_by_key(facts)["state/peru"].aliases


def test_entities_it_after_a_thing_named_as_subject_is_that_thing_not_a_state(facts_for):
    facts = facts_for("Peru and Chile signed the Treaty of Lima in 1929. This treaty was not a commercial treaty, "
                      "and it did not guarantee the right to fish in Chilean waters.")
    assert facts.positions == ()


def test_entities_ideological_groups_and_the_majority_of_a_people_are_actors(facts_for):
    facts = facts_for("Isolationists advocated non-involvement in European wars. The majority of Americans opposed "
                      "the treaty.")
    labels = {e.key: e.label for e in facts.entities}
    assert {(labels[p.holder], p.stance) for p in facts.positions} == {("Isolationists", "Supports"),
                                                                        ("majority of Americans", "Opposes")}


def test_entities_an_it_that_stands_in_for_a_clause_refers_to_nothing(facts_for):
    facts = facts_for("Garcia was a merchant dealing with Chilean imports. He arrived in Lima in 1856, but it took "
                      "Garcia far longer to convince the Bolivians to sign a treaty.")
    assert not any(p.holder == "state/chile" for p in facts.positions)


def test_entities_an_industry_named_by_its_people_is_an_actor(facts_for):
    facts = facts_for("The Bolivian mining industry sought safe harbors.")
    labels = {e.key: e.label for e in facts.entities}
    assert {(labels[p.holder], p.stance) for p in facts.positions} == {("Bolivian mining industry", "Demands")}


def test_entities_they_after_a_plural_subject_that_names_no_actor_is_not_the_pair_named_before(facts_for):
    facts = facts_for("Chile and Peru signed a missile treaty in 1990. There were many other countries that had not "
                      "yet tested missiles, but which were advanced enough that should they decide to build them, they "
                      "could do so before long.")
    assert not any(p.holder in ("state/chile", "state/peru") for p in facts.positions)


def test_entities_they_goes_on_with_a_plural_subject_before_a_nearer_plural_object(facts_for):
    facts = facts_for("While Peruvians generally objected to Chilean colonies in the bay, they also wished to increase "
                      "Peruvian trade.")
    holders = {p.holder for p in facts.positions if p.stance == "Supports"}
    assert holders == {"state/peru"}


@pytest.mark.parametrize("text, group", [
    ("Many abolitionists opposed the annexation.", "abolitionists"),  # a word the group lists lack: its ending names it
    ("Provincial governments rejected the customs union.", "Provincial governments"),
    ("Imperial officials wanted a treaty with the Mapuche.", "Imperial officials"),
    ("The colonists opposed the new tax.", "colonists"),
])
def test_entities_a_group_named_by_its_ending_or_its_qualifier_holds_the_stance(facts_for, text, group):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert group in {labels[p.holder] for p in facts.positions}


def test_entities_a_leaders_government_named_by_possessive_keeps_the_leaders_name(facts_for):
    facts = facts_for("In 2020, President Carlos Ruiz of Chile took office. "
                      "In 2021, Ruiz's government opposed the new copper tariffs.")
    labels = {e.key: e.label for e in facts.entities}
    assert [labels[p.holder] for p in facts.positions] == ["Ruiz's government"]


def test_entities_a_plural_that_only_ends_like_a_group_names_none(facts_for):
    facts = facts_for("The lists of demands opposed by Peru grew longer.")
    assert not [e for e in facts.entities if e.label == "lists"]


def test_entities_a_group_described_by_an_adjective_is_one_group_with_the_words_as_written_an_alias(facts_for):
    facts = facts_for("After the war, the triumphant Andean delegates demanded that Bolivia pay for the damage. "
                      "Later the Andean delegates opposed the new tariffs.")
    named = [e for e in facts.entities if "Andean delegates" in (e.label, *e.aliases)]
    assert [(e.label, e.aliases) for e in named] == [("Andean delegates", ("triumphant Andean delegates",))]
    assert {p.holder for p in facts.positions} == {named[0].key}


def test_entities_its_in_a_phrase_of_the_verb_is_the_objects_when_the_subject_is_a_person(facts_for):
    facts = facts_for("In 1991, Peru worked with the Andean Council to impose an embargo. In 1992, Carlos Ruiz "
                      "criticized the Boluarte government for its policy on refugees.")
    assert [sorted(d.parties) for d in facts.disagreements] == [["organization/boluarte-government",
                                                                 "person/carlos-ruiz"]]


def test_entities_its_in_an_infinitive_is_the_doer_the_object_above_names(facts_for):
    facts = facts_for("In 1992 Chile forced Peru to lift its blockade of the port.")
    [blockade] = [e for e in facts.events if e.label.startswith("blockade")]
    assert blockade.participants == ("state/peru",)


def test_entities_a_named_plan_or_purchase_the_tagger_took_for_a_person_is_no_person(pipeline):
    from spacy.tokens import Span

    from kg_builder.extract import extract
    from kg_builder.model import Document

    text = "In 1854 the Ortiz Purchase gave Peru the land for a railroad."
    doc = pipeline.nlp(text)
    doc.ents = [Span(doc, 3, 5, "PERSON")]  # how the small model may read such a name
    facts = extract(doc, Document(doc_id="t", path="t.txt", text=text), pipeline.lexicon)
    assert not any(e.kind == "Person" for e in facts.entities)


def test_entities_their_after_a_subject_of_several_is_that_subject_not_the_pair_named_before(facts_for):
    facts = facts_for("While Chile negotiated bilaterally with Bolivia on the water treaty, the OAS sought to calm the "
                      "border. Later, Peru and its Andean partners began to pool their efforts to curb "
                      "smuggling.")
    holders = {p.holder for p in facts.positions if "smuggling" in p.evidence.span.sentence}
    assert "state/peru" in holders and not holders & {"state/chile", "state/bolivia"}


def test_entities_a_subject_he_goes_on_with_the_subject_before_not_the_last_name_in_it(facts_for):
    facts = facts_for("Senator Ricardo Ruiz met the envoys of Juan Soto in Lima. In May, he demanded the withdrawal of "
                      "Peruvian troops.")
    assert {p.holder for p in facts.positions if p.stance == "Demands"} == {"person/ricardo-ruiz"}


def test_entities_a_he_after_a_person_named_in_its_own_sentence_is_that_person(facts_for):
    facts = facts_for("Senator Ricardo Ruiz met the envoys of Juan Soto in Lima. Although Soto was popular in Lima, "
                      "he demanded the withdrawal of Peruvian troops.")
    assert {p.holder for p in facts.positions if p.stance == "Demands"} == {"person/juan-soto"}


@pytest.mark.parametrize("text, state", [
    ("In 1979 the Soviet Union sent troops south. The Kremlin rejected the American protest.", "state/soviet-union"),
    ("In 1968 Czechoslovakia began reforms. Prague rejected the Soviet demands.", "state/czechoslovakia"),
    ("In 2019 Russia sent troops south. The Kremlin rejected the American protest.", "state/russia"),
    # the seat names the government it is the seat of
    ("In 1950 the Soviet Union offered Chile a loan, but the Moscow government rejected the Chilean proposal.",
     "state/soviet-union"),
])
def test_entities_a_seat_of_successive_states_stands_for_the_one_the_text_names(facts_for, text, state):
    assert {p.holder for p in facts_for(text).positions if p.stance == "Rejects"} == {state}


def test_entities_a_subject_he_goes_on_with_the_last_clause_of_the_sentence_before(facts_for):
    facts = facts_for("Juan Soto had asked Ricardo Ruiz for ships, but Ruiz knew that the Senate would object. In May, he "
                      "demanded the withdrawal of Peruvian troops.")
    assert {p.holder for p in facts.positions if p.issue == "issue/withdrawal-of-peruvian-troops"} == \
        {"person/ricardo-ruiz"}


def test_entities_its_after_a_thing_and_then_people_is_the_things_no_state_named_before(facts_for):
    facts = facts_for("Chile and Bolivia sent envoys to the border talks in Arica. The conference closed in deadlock "
                      "in May; Senator Ana Ruiz blamed Luis Vega for its collapse.")
    assert not [d for d in facts.disagreements if {"state/chile", "state/bolivia"} & set(d.parties)]
    assert not [p for p in facts.positions if p.holder in ("state/chile", "state/bolivia")
                and "collapse" in p.evidence.span.sentence]


@pytest.mark.parametrize("text", [
    "In 1889 the Chilean blockade stirred old Latin American fears of a war in the Andes.",
    "In March 1990, Central American presidents signed a border accord at Tegucigalpa.",
])
def test_entities_a_region_s_demonym_names_no_american_state(facts_for, text):
    facts = facts_for(text)
    assert "state/united-states" not in {p.holder for p in facts.positions}
    assert "state/united-states" not in {e.key for e in facts.entities}


@pytest.mark.parametrize("text, tagged, person", [
    # the model may take a title of several words into a name it tags an organization
    ("In 1903 Lieutenant General Mateo Aranda seized the palace in Quito.", (2, 6), "Mateo Aranda"),
    ("Later that year Commissar for Foreign Affairs Ivan Petrov arrived in Lima.", (3, 9), "Ivan Petrov"),
    ("In 1903 Peru named Luis Vega its Envoy Extraordinary and Minister Plenipotentiary.", (7, 9), None),
])
def test_entities_a_long_title_the_model_took_into_a_name_opens_a_persons_name(pipeline, text, tagged, person):
    from spacy.tokens import Span

    from kg_builder.extract import extract
    from kg_builder.model import Document

    doc = pipeline.nlp(text)
    doc.ents = [e for e in doc.ents if e.end <= tagged[0] or e.start >= tagged[1]] + [Span(doc, *tagged, "ORG")]
    facts = extract(doc, Document(doc_id="t", path="t.txt", text=text), pipeline.lexicon)
    named = {e.label for e in facts.entities if e.kind in ("Person", "Organization")}
    assert doc[tagged[0]: tagged[1]].text not in named
    assert (person in named) if person else not any(e.kind == "Person" and e.label != "Luis Vega"
                                                     for e in facts.entities)


def test_entities_a_title_the_parser_made_the_head_of_the_name_after_it_stands_for_that_person(pipeline):
    from spacy.tokens import Span

    from kg_builder.extract import extract
    from kg_builder.model import Document

    # the parser hangs "Ivan Petrov" in the title's "for" phrase: "Commissar" is the subject
    text = "Later that year Commissar for Foreign Affairs Ivan Petrov flew to Lima to sign the fisheries accord."
    doc = pipeline.nlp(text)
    assert (doc[3].dep_, doc[8].head.text) == ("nsubj", "for")
    doc.ents = [e for e in doc.ents if e.end <= 3 or e.start >= 9] + [Span(doc, 3, 7, "ORG"), Span(doc, 7, 9, "PERSON")]
    facts = extract(doc, Document(doc_id="t", path="t.txt", text=text), pipeline.lexicon)
    assert {p.holder for p in facts.positions} == {"person/ivan-petrov"}


def test_entities_a_short_name_with_a_title_is_the_full_name_that_has_that_title(facts_for):
    facts = facts_for("President Carlos Ortega signed the decree in March. Chief Justice Ana Ortega met the envoy in "
                      "April. The envoy sent his report to Chief Justice Ortega on May 2, and President Ortega read it "
                      "on May 16.")
    assert {e.label for e in facts.entities if "chief justice" in e.roles} == {"Ana Ortega"}
    assert {e.label for e in facts.entities if "president" in e.roles} == {"Carlos Ortega"}


def test_entities_a_span_the_model_tagged_a_person_that_holds_only_a_title_names_nobody(pipeline):
    from spacy.tokens import Span

    from kg_builder.extract import extract
    from kg_builder.model import Document

    text = "In 1871, Chile invited Leopold, Archduke of Tyrol, to become King of Peru."
    doc = pipeline.nlp(text)
    start = next(t.i for t in doc if t.text == "Archduke")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 2] + [Span(doc, start, start + 2, "PERSON")]
    facts = extract(doc, Document(doc_id="t", path="t.txt", text=text), pipeline.lexicon)
    assert not [e for e in facts.entities if e.kind == "Person" and e.label in ("Archduke", "of", "Archduke of")]


@pytest.mark.parametrize("text", [
    # listed in the sentence before
    "Bolivia had long feared its neighbors. In 1879 Chile and Peru declared war on Bolivia. The two countries met in "
    "Lima in 1880.",
    # listed in its own sentence
    "Bolivia had long feared its neighbors. Neither Chile nor Peru backed the Bolivian war in Ecuador, and the two "
    "countries met in Lima in 1880.",
    # the nearest two its own sentence names
    "Bolivia and Ecuador had long feared their neighbors. In 1880 Chile sent a minister to Peru, and the two countries "
    "met in Lima.",
])
def test_entities_the_two_countries_are_the_two_listed_or_named_just_before(facts_for, text):
    [meeting] = [e for e in facts_for(text).events if "met in Lima" in e.label]
    assert set(meeting.participants) == {"state/chile", "state/peru"}


@pytest.mark.parametrize("between, sides", [
    (" ", {"state/chile", "state/peru"}),
    # the two named most are not named in this paragraph nor the one before: other states are meant
    ("\n\nBolivia feared its neighbors.\n\n", set()),
])
def test_entities_the_two_governments_are_the_two_named_most_only_nearby(facts_for, between, sides):
    facts = facts_for(f"In 2019 Chile criticized Peru. Chile accused Peru of aggression.{between}In 2020 the two "
                      "governments met in Quito.")
    [meeting] = [e for e in facts.events if e.location == "location/quito"]
    assert set(meeting.participants) == sides


@pytest.mark.parametrize("first, sides", [
    ("Chile criticized Peru. Chile accused Peru of aggression.", set()),
    ("East Germany and West Germany met in Bonn.", {"state/east-germany", "state/west-germany"}),
])
def test_entities_two_states_of_a_named_state_are_no_other_pair(facts_for, first, sides):
    facts = facts_for(f"In 1970 {first} In 1972 the two German states met in Quito.")
    [meeting] = [e for e in facts.events if e.location == "location/quito"]
    assert set(meeting.participants) == sides


@pytest.mark.parametrize("text", [
    # who urges "both sides" is none of them
    "In 2019 Chile and Peru met in Lima. Later Chile urged both sides to resume talks.",
    # no pair named, and no two states named more than a third: no guess
    "In 2019 Chile criticized Peru and Bolivia. Ecuador later urged both sides to resume talks.",
    # the two named most, but not in this paragraph nor the one before: the text has moved on
    "In 2019 Chile criticized Peru. Chile accused Peru of aggression.\n\nBolivia feared its neighbors.\n\nIn 2020 "
    "Ecuador urged both sides to resume talks.",
])
def test_entities_both_sides_are_no_guess_that_takes_in_their_addressor(facts_for, text):
    talks = [e for e in facts_for(text).events if e.label == "talks"]
    assert all(len(e.participants) < 2 for e in talks)


@pytest.mark.parametrize("text, label, sides", [
    # after a dispute, its parties
    ("In 2018 Chile and Peru met in Lima. In 2019 Bolivia and Ecuador disagreed over the border. Later both sides "
     "resumed talks in Quito.", "Quito talks", {"state/bolivia", "state/ecuador"}),
    # else the two states the text names most
    ("In 2019 Chile and Peru clashed over the border. Chile accused Peru of aggression. Ecuador urged both sides to "
     "resume talks.", "talks", {"state/chile", "state/peru"}),
])
def test_entities_both_sides_are_those_of_the_last_dispute_or_the_two_named_most(facts_for, text, label, sides):
    [talks] = [e for e in facts_for(text).events if e.label == label]
    assert set(talks.participants) == sides


@pytest.mark.parametrize("text", [
    "In 1794 representatives of Chile and Peru signed the Lima Treaty.",
    "In 1794 Chilean and Peruvian envoys signed the Lima Treaty.",
    "In 1794 representatives from Chile and Peru signed the Lima Treaty.",
])
def test_entities_representatives_of_states_and_their_envoys_act_for_them(facts_for, text):
    signers = {r.object for r in facts_for(text).relations if r.predicate == "signatory"}
    assert signers == {"state/chile", "state/peru"}


@pytest.mark.parametrize("text, signers", [
    ("In 1795 Chile signed a treaty with the states of Peru and Bolivia.",
     {"state/chile", "state/peru", "state/bolivia"}),
    ("In 1795 Chile signed a treaty with the nations of Peru and Bolivia.",
     {"state/chile", "state/peru", "state/bolivia"}),
])
def test_entities_the_states_of_a_list_are_those_states(facts_for, text, signers):
    assert {r.object for r in facts_for(text).relations if r.predicate == "signatory"} == signers


def test_entities_officials_from_states_act_for_them(facts_for):
    [meeting] = facts_for("Diplomats from Chile and Bolivia met in Lima on March 3, 1930.").events
    assert set(meeting.participants) == {"state/chile", "state/bolivia"}


def test_entities_representatives_of_a_group_act_as_themselves(facts_for):
    facts = facts_for("In 1850 representatives of the provincial governments adopted the Lima Plan.")
    assert {p.holder for p in facts.positions} == {"organization/representatives-of-the-provincial-governments"}


def test_entities_they_is_no_pair_named_in_another_paragraph(facts_for):
    facts = facts_for("In 1931 Chile and Peru held talks in Lima.\n\nIn 1932 the Braden Company found copper, and in "
                      "1933 they signed the Arica Mining Accord.")
    assert not [r for r in facts.relations if r.predicate == "signatory" and r.object in ("state/chile", "state/peru")]
    same = facts_for("In 1931 Chile and Peru held talks in Lima. In 1932 the Braden Company found copper, and in "
                     "1933 they signed the Arica Mining Accord.")
    assert {r.object for r in same.relations if r.predicate == "signatory"} == {"state/chile", "state/peru"}


@pytest.mark.parametrize("text, name", [
    ("In 1954 the Western European Union admitted Germany.", "Western European Union"),
    ("In 1981 the leftist Farabundo Marti National Liberation Front attacked the army.",
     "Farabundo Marti National Liberation Front"),
])
def test_entities_capitalised_words_before_a_known_body_s_name_name_another_body(facts_for, text, name):
    labels = {e.label for e in facts_for(text).entities if e.kind == "Organization"}
    assert name in labels
    assert "European Union" not in labels and "National Liberation Front" not in labels


@pytest.mark.parametrize("text", [
    "In 1947 Secretary of State George Marshall met Georges Bidault in Paris.",
    "In 1950 the Secretary of Defense met the Secretary of State in Washington.",
])
def test_entities_the_end_of_a_title_is_no_body(facts_for, text):
    assert not [e for e in facts_for(text).entities if e.label in ("State", "Defense")]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The plant is built by Russia's state company Rosatom in southern Turkey.", "Rosatom", "Organization"),
    # a capital ends a title, not a body's kind
    ("In 1791 the leader of the rival Federalist Party Alexander Hamilton agreed with Jefferson.", "Alexander Hamilton",
     "Person"),
])
def test_entities_a_name_beside_a_word_for_a_body_is_a_body(facts_for, text, name, kind):
    assert [e.kind for e in facts_for(text).entities if e.label == name] == [kind]


def test_entities_a_noun_that_qualifies_the_next_is_no_group(facts_for):
    facts = facts_for("In 2023 neither leader mentioned the Akkuyu nuclear power plant.")
    assert not [e for e in facts.entities if e.kind == "Organization"]


@pytest.mark.parametrize(("text", "state"), [
    ("In May 2021 Minsk expelled the Lithuanian envoy.", "state/belarus"),
    ("In 1975 Lisbon decided to withdraw its troops from Angola.", "state/portugal"),
    ("In 2023 Baku closed the Lachin corridor.", "state/azerbaijan"),
])
def test_entities_a_capital_that_acts_is_its_state(facts_for, text, state):
    assert [e.participants for e in facts_for(text).events][:1] == [(state,)]


def test_entities_a_numbered_group_listed_with_a_state_is_no_list_it_refers_back_to(facts_for):
    # "some 50 other countries" is an item of the list it stands in: read as a list named before, it looked for itself
    facts = facts_for("In 2019 Ruiz declared himself president. Chile and some 50 other countries recognized him, "
                      "but Peru and Bolivia continued to back Vega.")
    assert {p.holder for p in facts.positions if p.stance == "Supports"} == {"state/peru", "state/bolivia"}

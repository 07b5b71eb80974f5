"""extract/positions.py: stances of actors on issues, with factuality, and disagreements."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kg_builder.extract import extract, positions
from kg_builder.extract.context import Context
from kg_builder.extract.entities import Registry
from kg_builder.extract.factuality import Cues
from kg_builder.frames import load_frames
from kg_builder.model import Document

pytestmark = pytest.mark.slow

AUTHORS = ("Ana Torres", "Mark Lee")


def stances(facts, holder_names: bool = False):
    """{(holder, stance, issue label)} of the positions; the holder's label instead of its key with ``holder_names``."""
    labels = {e.key: e.label for e in facts.entities}
    return {(labels[p.holder] if holder_names else p.holder, p.stance, labels[p.issue]) for p in facts.positions}


def divided(facts):
    """(parties, issue label) of every disagreement."""
    labels = {e.key: e.label for e in facts.entities}
    return {(frozenset(d.parties), labels[i]) for d in facts.disagreements for i in d.issues}


def only_position(facts):
    assert len(facts.positions) == 1, facts.positions
    return facts.positions[0]


def test_positions_opposes(facts_for):
    facts = facts_for("Peru opposes the new fishing quota.")
    position = only_position(facts)
    assert stances(facts) == {("state/peru", "Opposes", "new fishing quota")}
    assert position.factuality.is_plain_fact
    assert next(e for e in facts.entities if e.key == position.issue).kind == "Issue"


@pytest.mark.parametrize("text, expected", [
    ("In fact, Peru believed that the quota was too low.", ("state/peru", "Believes", "quota was too low")),
    ("For years, Chile argued that the quota was unfair.", ("state/chile", "Believes", "quota was unfair")),
    ("Peru accepted the quota in which Chile believed.", ("state/peru", "Supports", "quota in which Chile believed")),
])
def test_positions_a_phrase_before_the_verb_makes_no_phrasal_verb_of_it(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_a_verb_with_a_particle_takes_its_preposition_after_the_particle(facts_for):
    # the parser hangs "for a base" on the verb: pushing back against demands is no pushing for what they ask
    facts = facts_for("In 2031 Chile pushed back against American demands for a naval base.")
    assert ("Chile", "Opposes", "American demands") in stances(facts, holder_names=True)
    assert not [s for s in stances(facts, holder_names=True) if s[:2] == ("Chile", "Demands")]


@pytest.mark.parametrize("text", ["In 2031 Chile understood this to mean the end of the embargo.",
                                  "In 2031 Chile and Peru understood the move to mean the end of the embargo."])
def test_positions_what_a_thing_is_taken_to_mean_is_no_purpose_or_stance(facts_for, text):
    assert stances(facts_for(text)) == set()


def test_positions_who_is_quick_to_condemn_a_thing_condemns_it(facts_for):
    facts = facts_for("In 2031 Chile was quick to condemn the attack on the embassy.")
    assert stances(facts, holder_names=True) == {("Chile", "Opposes", "attack on the embassy")}
    # a means said to be enough holds no stance
    facts = facts_for("The war showed that not even wealth and power were enough to guarantee military victory.")
    assert stances(facts) == set()


def test_positions_may_object_to_is_hedged_opposition(facts_for):
    facts = facts_for("Chile may object to the fishing quota.")
    position = only_position(facts)
    assert (position.holder, position.stance) == ("state/chile", "Opposes")
    assert position.factuality.modality == "Hedged"
    assert position.factuality.polarity == "Positive"


def test_positions_we_should_not_accept_is_normative_opposition_of_the_authors(facts_for):
    facts = facts_for("We should not accept the fishing quota.", authors=AUTHORS)
    assert stances(facts) == {("person/ana-torres", "Opposes", "fishing quota"),
                              ("person/mark-lee", "Opposes", "fishing quota")}
    for position in facts.positions:
        assert position.factuality.modality == "Normative"
        assert position.factuality.polarity == "Positive"  # the negation is folded into the stance
        assert position.factuality.attributed_to is None


def test_positions_wants_is_a_demand(facts_for):
    facts = facts_for("Bolivia wants access to the sea.")
    assert stances(facts) == {("state/bolivia", "Demands", "access to the sea")}


def test_positions_did_not_oppose_states_no_stance(facts_for):
    facts = facts_for("Peru did not oppose the new fishing quota.")
    assert not [p for p in facts.positions if p.stance == "Opposes" and p.factuality.polarity == "Positive"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile and Peru signed the Lima Treaty in 2030. Chile ratified the treaty in 2031.",
     {("Chile", "Supports", "Lima Treaty")}),
    # an act on a thing: left undone it is no stance against it, and one without the means to do it wants it done
    ("Chile and Peru signed the Lima Treaty in 2030. Chile did not ratify the treaty.", set()),
    ("Chile and Peru signed the Lima Treaty in 2030. In 2031 Juan Soto lacked the votes to ratify the treaty.",
     {("Juan Soto", "Supports", "ratify the treaty")}),
])
def test_positions_who_ratifies_an_accord_approves_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2031 Chile defended the fishing accord.", {("Chile", "Supports", "fishing accord")}),
    ("In 2031 Chile prioritized the fishing accord.", {("Chile", "Supports", "fishing accord")}),
    # "for its part" says whose turn it is, nothing supported
    ("In 2031 Chile, for its part, reiterated its support for the fishing accord.",
     {("Chile", "Supports", "fishing accord")}),
    ("In 2031 Peru stood by its decision to close the port.",
     {("Peru", "Supports", "decision to close the port"), ("Peru", "Supports", "close the port")}),
    ("In 2031 Chile upheld the embargo on Peruvian wine.", {("Chile", "Supports", "embargo on Peruvian wine")}),
    # a place held is no stance
    ("In 1880 Peru defended the port of Callao.", set()),
])
def test_positions_who_defends_a_measure_or_a_pact_is_for_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile has not agreed to the new fishing quota.", set()),
    ("Neither Chile nor Peru has endorsed the new fishing quota.", set()),
    ("Chile had not yet accepted the new fishing quota.", set()),
    ("Chile has yet to agree to the new fishing quota.", set()),
    ("Chile denied that it had supported the new fishing quota.", set()),  # a stance disowned
    ("Chile denied reports that it had supported the new fishing quota.", set()),
    # a refusal told in the past, and "never" in the perfect, say where one stands
    ("In 1950 Chile did not agree to the new fishing quota.", {("Chile", "Opposes", "new fishing quota")}),
    ("Chile has never supported the new fishing quota.", {("Chile", "Opposes", "new fishing quota")}),
])
def test_positions_a_stance_not_taken_so_far_or_disowned_is_no_stance_against(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lima stated that Peru would not recognize the territory seized by force.",
     ("Peru", "Opposes", "territory seized by force")),
    ("Peru recognized Bolivian sovereignty over the islands.",
     ("Peru", "Supports", "Bolivian sovereignty over the islands")),
    ("In 1950 Peru recognized Bolivia as an independent state.", ("Peru", "Supports", "Bolivia")),
    ("In 1950 Peru would not recognize Bolivia.", ("Peru", "Opposes", "Bolivia")),
    ("In 1905 Peru acknowledged Chilean rule over Tacna.", ("Peru", "Supports", "Chilean rule over Tacna")),
])
def test_positions_who_recognizes_a_claim_accepts_it_and_who_will_not_opposes_it(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


def test_positions_who_recognizes_a_need_holds_no_stance_on_the_need(facts_for):
    assert not [s for s in stances(facts_for("Peru recognized the need for caution.")) if "need" in s[2]]


@pytest.mark.parametrize("text", ["Peru and Chile had different views of what the treaty required.",
                                  "Peru had a clear vision of what the alliance would demand."])
def test_positions_a_question_a_stance_noun_is_of_is_no_issue(facts_for, text):
    assert not [s for s in stances(facts_for(text)) if s[2].startswith("what")]


def test_positions_a_thing_named_by_what_is_still_an_issue(facts_for):
    facts = facts_for("Peru voiced concern about what seemed to be a Chilean buildup.")
    assert ("Peru", "Opposes", "what seemed to be a Chilean buildup") in stances(facts, holder_names=True)


# --- giving and exchange ------------------------------------------------------------------------------

EXCHANGE = ("Peru could reward Bolivia with trade concessions in exchange for a port lease, a transit corridor, "
            "and the closure of a naval base.")


def test_positions_reward_in_exchange_gives_offers_and_demands_on_both_sides(facts_for):
    facts = facts_for(EXCHANGE)
    got = stances(facts)
    assert ("state/peru", "Offers", "trade concessions") in got
    assert ("state/bolivia", "Demands", "trade concessions") in got
    for item in ("port lease", "transit corridor", "closure of a naval base"):
        assert ("state/peru", "Demands", item) in got
        assert ("state/bolivia", "Offers", item) in got
    assert ("state/peru", "Offers", "port lease") not in got
    assert all(p.factuality.modality == "Hypothetical" for p in facts.positions)


def test_positions_reward_him_resolves_the_recipient_to_the_person_named_before(facts_for):
    facts = facts_for("Daniel Okafor arrived in Lima. Peru could reward him with trade concessions in exchange "
                      "for a port lease.")
    got = stances(facts)
    assert ("state/peru", "Offers", "trade concessions") in got
    assert ("person/daniel-okafor", "Demands", "trade concessions") in got
    assert ("person/daniel-okafor", "Offers", "port lease") in got
    assert ("state/peru", "Demands", "trade concessions") not in got


# --- presupposed and reported stances ---------------------------------------------------------------------

def test_positions_possessed_policy_is_supported_and_asserted_under_a_belief_verb(facts_for):
    facts = facts_for("Analysts believe Daniel Okafor will keep his open borders policy.")
    [position] = [p for p in facts.positions if p.stance == "Supports"]
    assert position.holder == "person/daniel-okafor"
    assert next(e for e in facts.entities if e.key == position.issue).label.lower().startswith("open borders")
    assert position.factuality.is_plain_fact


@pytest.mark.parametrize("text, issue", [
    ("Chilean officials argue that the naval drills are a provocation.", "naval drills"),
    ("The Chileans argue that the new port is a threat.", "new port"),
])
def test_positions_argue_that_y_is_a_threat_is_attributed_opposition(facts_for, text, issue):
    facts = facts_for(text)
    assert ("state/chile", "Opposes", issue) in stances(facts)
    position = next(p for p in facts.positions if p.stance == "Opposes")
    assert position.factuality.attributed_to == "state/chile"
    assert not position.factuality.is_plain_fact


def test_positions_a_judgment_only_reported_to_be_said_is_hedged(facts_for):
    facts = facts_for("In 2031 Chile reportedly said the new port was a threat.")
    [position] = [p for p in facts.positions if p.stance == "Opposes"]
    assert (position.issue, position.factuality.modality) == ("issue/new-port", "Hedged")


def test_positions_it_refers_to_the_issue_of_the_parallel_clause(facts_for):
    facts = facts_for("Peru opposes the quota, and Chile supports it.")
    assert stances(facts) == {("state/peru", "Opposes", "quota"), ("state/chile", "Supports", "quota")}


# --- disagreements -----------------------------------------------------------------------------------------

def issue_labels(facts, disagreement):
    labels = {e.key: e.label for e in facts.entities}
    return sorted(labels[i] for i in disagreement.issues)


def test_positions_disagreements_over_two_issues(facts_for):
    facts = facts_for("Chile and Peru have disagreements over fishing rights and port fees.")
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert issue_labels(facts, disagreement) == ["fishing rights", "port fees"]
    assert disagreement.factuality.is_plain_fact


def test_positions_disagree_verb(facts_for):
    facts = facts_for("Chile and Peru disagree over fishing rights.")
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert issue_labels(facts, disagreement) == ["fishing rights"]


def test_positions_the_leaders_who_just_met_are_those_two_when_their_states_are_unsaid(facts_for):
    facts = facts_for("In 1991 Chile and Peru quarreled over the port. Four years later, Ricardo Lagos discussed the "
                      "border with Alberto Fujimori at a summit in Lima. There the leaders agreed to disagree on the "
                      "port.")
    said = [d for d in facts.disagreements if "There the leaders" in d.evidence.span.sentence]
    assert [set(d.parties) for d in said] == [{"person/ricardo-lagos", "person/alberto-fujimori"}]


def test_positions_the_leaders_who_met_stand_for_the_publisher_s_state_and_the_state_named(facts_for):
    facts = facts_for("In 1991 Chile, Peru and Bolivia disputed the port. In 1995 Peru and Bolivia signed a pact. Four "
                      "years later, President Ricardo Soto discussed the border with Bolivian President Luis Ortega at "
                      "a summit in Lima. There the leaders agreed to disagree on the port.",
                      publisher="Chile Ministry of Foreign Affairs")
    said = [d for d in facts.disagreements if "There the leaders" in d.evidence.span.sentence]
    assert [set(d.parties) for d in said] == [{"state/chile", "state/bolivia"}]


def test_positions_both_sides_resolve_to_the_pair_just_named(facts_for):
    facts = facts_for("Chile and Peru met in Lima. Both sides voiced disagreements over the fishing rights and the "
                      "port fees.")
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert issue_labels(facts, disagreement) == ["fishing rights", "port fees"]


def test_positions_both_sides_disagreements_over_a_and_b_are_two_issues(facts_for):
    facts = facts_for("Chile and Peru met in Lima. Both sides voiced disagreements over fishing rights and port fees.")
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert issue_labels(facts, disagreement) == ["fishing rights", "port fees"]


@pytest.mark.parametrize("text", [
    "The arbitrators divided the disputed islands between Chile and Peru.",
    "The old pact split the fishing rights among Chile, Peru and Bolivia.",
])
def test_positions_what_a_verb_shares_out_between_actors_is_no_disagreement(facts_for, text):
    assert facts_for(text).disagreements == ()


def test_positions_a_question_that_divides_two_actors_is_their_disagreement(facts_for):
    facts = facts_for("The border question divided Chile and Peru.")
    assert {frozenset(d.parties) for d in facts.disagreements} == {frozenset({"state/chile", "state/peru"})}


def test_positions_the_delegations_divided_over_a_as_well_as_b(facts_for):
    facts = facts_for("In 2030 Chile and Peru met in Quito. In the end the negotiators were divided over the "
                      "status of the port, as well as the fate of the fishing fleet.")
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert set(issue_labels(facts, disagreement)) == {"status of the port", "fate of the fishing fleet"}


@pytest.mark.parametrize("text, issues", [
    ("In 2030 Chile and Peru were divided by a buffer zone along the river.", None),  # kept apart on the ground
    # nor is the body whose name the barrier bears
    ("The accord left Chilean and Peruvian forces divided by a U.N. buffer zone on the east bank.", None),
    ("In 1931 the peninsula was divided between Chile and Peru.", None),  # a thing shared out
    ("In 1939 Poland was divided between Germany and the Soviet Union.", None),
    ("In 1931 opinion was divided between Chile and Peru over the peninsula.", {"peninsula"}),
    ("Opinion was divided between Chile and Peru over the peninsula in 1931.", {"peninsula"}),  # what is divided
    ("In 2030 Chile and Peru were divided by the question of the fishing rights.", {"question of the fishing rights"}),
    ("The border divided Chile and Peru in 2030.", None),
    # a barrier a rift is over is what they are at odds over
    ("In 2030 tensions between Chile and Peru rose over the border.", {"border"}),
])
def test_positions_divided_by_a_thing_on_the_ground_is_no_disagreement(facts_for, text, issues):
    facts = facts_for(text)
    assert [set(issue_labels(facts, d)) for d in facts.disagreements] == ([issues] if issues else [])


@pytest.mark.parametrize("text, parties, issues", [
    ("In 2030 relations between Chile and Peru soured over the fishing quota.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    ("Relations between Chile and Peru soured in 2030 as the dispute over the quota dragged on.",
     [{"state/chile", "state/peru"}], {"dispute over the quota"}),
    ("The fishing quota strained relations between Chile and Peru in 2030.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    ("In 2030 Chile's relations with Peru deteriorated over the fishing quota.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    # whose act worsened the relations "with" others is the other party
    ("In 2030 Bolivia's censure of its neighbors soured relations with Chile and Peru.",
     [{"state/bolivia", "state/chile"}, {"state/bolivia", "state/peru"}], {"Bolivia's censure of its neighbors"}),
    ("In 2030 the fishing quota damaged the Chilean-Peruvian relationship.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    # the two a name before the noun gives, or the one it gives and whom the relations are with
    ("In 2030 Chilean-Peruvian relations soured over the fishing quota.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    ("The fishing quota had long damaged Chilean relations with Peru.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    ("In 2030 relations between Chile and Peru broke down over the fishing quota.", [{"state/chile", "state/peru"}],
     {"fishing quota"}),
    # relations that improved, or did not suffer, set no one at odds
    ("In 2030 relations between Chile and Peru improved over the fishing quota.", [], set()),
    ("In 2030 relations between Chile and Peru did not suffer over the fishing quota.", [], set()),
])
def test_positions_worsened_relations_set_two_at_odds(facts_for, text, parties, issues):
    facts = facts_for(text)
    plain = [d for d in facts.disagreements if d.factuality.is_plain_fact]
    assert [set(d.parties) for d in plain] == parties
    assert {label for d in plain for label in issue_labels(facts, d)} == issues


def test_positions_disagreement_needs_two_parties(facts_for):
    assert facts_for("Peru voiced disagreements over fishing rights.").disagreements == ()


# -- frames: stances read off the clause layer (hand-made sentences, none from a gold text) -----------------------

def test_positions_exchange_gives_the_counterpart_stance(facts_for):
    facts = facts_for("Chile insisted on a new border in exchange for fishing rights.")
    assert stances(facts) == {("state/chile", "Demands", "new border"), ("state/chile", "Offers", "fishing rights")}


def test_positions_an_invitation_offers_where_it_invites_to_not_the_invited(facts_for):
    facts = facts_for("Chile invited the foreign ministers of five nations to a summit on fisheries.")
    assert stances(facts) == {("state/chile", "Offers", "summit on fisheries")}


@pytest.mark.parametrize("text", ["Peru agreed to cede the valley in return for fishing rights.",
                                  "In return for fishing rights, however, Peru agreed to cede the valley.",
                                  "Peru agreed to cede the valley in return for fishing rights, but the deal "
                                  "collapsed."])
def test_positions_who_agrees_to_a_thing_in_return_for_another_wants_the_other(facts_for, text):
    # what is got in return is wanted, not offered; a fronted "in return for" lists nothing of the clause after it
    found = stances(facts_for(text))
    assert ("state/peru", "Demands", "fishing rights") in found
    assert not {s for s in found if s[1] == "Offers" or s[2] in ("however", "Peru", "but", "deal")}, found


def test_positions_exchanged_item_is_whole_and_its_relative_clause_no_item(facts_for):
    facts = facts_for("Chile gave Peru two frigates in exchange for leases to land in Arica and the Tacna valley, "
                      "which would serve as naval bases.")
    demanded = {issue for holder, stance, issue in stances(facts) if holder == "state/chile" and stance == "Demands"}
    assert demanded == {"leases to land in Arica and the Tacna valley"}


def test_positions_rewarded_with_in_exchange_for_is_a_deal_of_two_sides(facts_for):
    facts = facts_for("Peru would reward Chile with port access in exchange for a fishing truce.")
    assert stances(facts) == {("state/peru", "Offers", "port access"), ("state/peru", "Demands", "fishing truce"),
                              ("state/chile", "Demands", "port access"), ("state/chile", "Offers", "fishing truce")}
    assert {p.factuality.modality for p in facts.positions} == {"Hypothetical"}


def test_positions_seeking_to_act_oneself_is_support_and_urging_others_a_demand(facts_for):
    own = facts_for("Chile sought to expand the port.")
    assert stances(own) == {("state/chile", "Supports", "expand the port")}
    others = facts_for("Chile urged Peru to expand the port.")
    assert ("state/chile", "Demands", "Peru expand the port") in stances(others)  # the doer is part of the demand


@pytest.mark.parametrize(("text", "expected"), [
    ("Bolivia expressed a desire to reopen the talks.", ("state/bolivia", "Supports", "reopen the talks")),
    ("Bolivia appeared intractable on the issue of water rights.",
     ("state/bolivia", "Opposes", "issue of water rights")),
    ("Bolivia, a vocal critic of the canal, stayed away.", ("state/bolivia", "Opposes", "canal")),
    ("Bolivia abandoned the plan in favor of a regional pact.", ("state/bolivia", "Supports", "regional pact")),
])
def test_positions_nouns_adjectives_and_prepositions_state_stances(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_members_of_a_group_take_its_stance(facts_for):
    facts = facts_for("Of the coastal states refusing to sign, the most important were Chile, Peru and Bolivia.")
    holders = {h for h, stance, _ in stances(facts) if stance == "Rejects"}
    assert {"state/chile", "state/peru", "state/bolivia"} <= holders


@pytest.mark.parametrize("text", [
    "Chile objected to Peruvian naval patrols in the bay.",
    "Chile objected to Peru's arrest of the fishermen.",  # the owner of an arrest of others makes it
])
def test_positions_opposing_another_actors_act_is_a_disagreement(facts_for, text):
    [disagreement] = facts_for(text).disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}


def test_positions_opposing_what_another_undergoes_is_no_disagreement_with_it(facts_for):
    facts = facts_for("In 1971 Chile opposed Peru's expulsion from the Andean Pact.")
    assert ("state/chile", "Opposes", "Peru's expulsion from the Andean Pact") in stances(facts)
    assert not facts.disagreements


@pytest.mark.parametrize("text", [
    "In 2031 Chilean officials feared Peruvian instability.",  # a state of things
    "In 2031 Chilean objections to Peruvian immigration took many forms.",  # what a people does, not its state
])
def test_positions_opposing_a_state_of_things_or_a_people_s_moves_is_no_disagreement_with_a_state(facts_for, text):
    assert not facts_for(text).disagreements


def test_positions_disagreement_between_descriptions_of_leaders_governments(facts_for):
    facts = facts_for("President Ronald Reagan met Prime Minister Margaret Thatcher. The dispute between the Reagan "
                      "administration and the Thatcher government over steel tariffs grew.")
    [disagreement] = facts.disagreements
    labels = {e.key: e.label for e in facts.entities}
    assert {labels[p] for p in disagreement.parties} == {"Reagan administration", "Thatcher government"}
    assert [labels[i] for i in disagreement.issues] == ["steel tariffs"]


@pytest.mark.parametrize("text, issue", [
    ("Peru hesitated to allow inspections of its ports.", "allow inspections of its ports"),
    # the act under the adjective is the adjective's to read, now that it has a doer
    ("In 2031 Peru was hesitant to permit inspections of its ports.", "permit inspections of its ports"),
])
def test_positions_who_hesitates_to_do_a_thing_is_against_it(facts_for, text, issue):
    assert stances(facts_for(text)) == {("state/peru", "Opposes", issue)}
    assert stances(facts_for("Peru did not hesitate to allow inspections of its ports.")) == set()


def test_positions_opposite_stances_on_one_issue_are_a_disagreement(facts_for):
    facts = facts_for("Chile pressed for joint inspections of the northern ports. Peru was hesitant to allow such "
                      "inspections of its northern ports.")
    assert ("state/peru", "Opposes", "allow such inspections of its northern ports") in stances(facts)
    [disagreement] = facts.disagreements
    assert set(disagreement.parties) == {"state/chile", "state/peru"}
    assert disagreement.evidence.extractor == "rule:opposed-stances"


def test_positions_same_stance_of_two_actors_is_no_disagreement(facts_for):
    facts = facts_for("Chile pressed for joint inspections of the northern ports. Peru also wanted joint inspections "
                      "of the northern ports.")
    assert facts.disagreements == ()


@pytest.mark.parametrize(("text", "stance", "issue", "modality"), [
    ("Boluarte has said she will never cede the port.", "Rejects", "cede the port", "Asserted"),
    ("Boluarte announced that she would visit Santiago.", "Offers", "visit Santiago", "Asserted"),
    # the offer is as sure as the telling
    ("Boluarte reportedly told Boric that she would visit Santiago.", "Offers", "visit Santiago", "Hedged"),
])
def test_positions_a_speaker_saying_what_she_will_do_takes_a_stance_on_her_own_word(facts_for, text, stance, issue,
                                                                                      modality):
    facts = facts_for("President Dina Boluarte met President Gabriel Boric. " + text)
    found = [p for p in facts.positions if p.evidence.extractor == "rule:self-report"]
    labels = {e.key: e.label for e in facts.entities}
    assert [(labels[p.holder], p.stance, labels[p.issue]) for p in found] == [("Dina Boluarte", stance, issue)]
    assert (found[0].factuality.attributed_to, found[0].factuality.modality) == (found[0].holder, modality)


@pytest.mark.parametrize("text, expected", [
    ("In 1976, Juan Soto vowed that he would never surrender the canal zone.",
     {("person/juan-soto", "Rejects", "surrender the canal zone")}),
    ("Peru insisted that the dam would not harm Chile.", {("state/peru", "Believes", "dam would not harm Chile")}),
    ("Chile alleged that Peru had armed the rebels.", {("state/chile", "Believes", "Peru had armed the rebels")}),
    # what one insists should be is supported, not held as so
    ("Peru insisted that the treaty be ratified.", {("state/peru", "Supports", "treaty be ratified")}),
])
def test_positions_vowing_binds_the_speaker_and_insisting_or_alleging_holds_a_view(facts_for, text, expected):
    found = stances(facts_for(text))
    assert expected <= found
    assert not [s for s in found - expected if s[1] in ("Believes", "Offers")]


def test_positions_arguing_what_it_would_do_is_a_view_not_an_offer(facts_for):
    facts = facts_for("Bolivia rejected the Chilean plan, arguing that it would leave the country without a port.")
    assert not [p for p in facts.positions if p.evidence.extractor == "rule:self-report"]
    assert ("state/bolivia", "Believes", "it would leave the country without a port") in stances(facts)


def test_positions_the_purpose_of_an_infinitive_is_held_as_the_act_above_it_is(facts_for):
    facts = facts_for("In 1850, U.S. negotiators sought to conclude a similar treaty with Peru, to guarantee the "
                      "United States the favorable terms awarded Britain.")
    [terms] = [p for p in facts.positions if "terms" in p.issue]
    assert (terms.holder, terms.stance, terms.factuality.modality) == ("state/united-states", "Supports", "Asserted")
    facts = facts_for("In 1850, Peru and Chile agreed not to use the war to seek new ports.")
    assert [p.factuality.modality for p in facts.positions if p.stance == "Demands"] == ["Hypothetical"] * 2


def test_positions_it_after_a_joined_verb_is_that_verb_s_object(facts_for):
    facts = facts_for("In 2016, a tribunal set up under the Andean Water Treaty ruled that Peru's claims had no "
                      "basis; Lima rejected the ruling and continues to reject it.")
    assert stances(facts) == {("state/peru", "Rejects", "ruling")}


def test_positions_a_bare_one_names_no_issue(facts_for):
    facts = facts_for("The Chilean Senate has not ratified a fisheries accord with Peru, although it approved one "
                      "with Bolivia in 2004.")
    assert not [p for p in facts.positions if p.stance == "Supports"]


def test_positions_two_titled_leaders_joined_as_subject_both_hold_the_stance(facts_for):
    # the small model hangs "Sisi" on "Minister" as an adjective
    facts = facts_for("The talks had resumed in August after Egyptian President Abdel Fattah al-Sisi and Ethiopian "
                      "Prime Minister Abiy Ahmed agreed to finalize a deal within four months.")
    assert {p.holder for p in facts.positions} == {"person/abdel-fattah-al-sisi", "person/abiy-ahmed"}


def test_positions_what_is_done_at_someone_s_urging_leaves_the_urging_out_of_the_issue(facts_for):
    facts = facts_for("The embargo on Peru was lifted in 1978 at the urging of the Chilean government.")
    assert stances(facts) == {("state/chile", "Demands", "embargo on Peru was lifted")}


def test_positions_a_possessed_goal_is_supported_through_its_complement_verb(facts_for):
    facts = facts_for("Peru's main goals include lowering port fees and opening the border.")
    assert ("state/peru", "Supports", "lowering port fees and opening the border") in stances(facts)


def test_positions_call_for_x_to_act_is_a_demand_that_x_acts(facts_for):
    facts = facts_for("Chile has called for Peru and Bolivia to reopen the border crossings.")
    assert stances(facts) == {("state/chile", "Demands", "reopen the border crossings")}


def test_positions_stated_its_intent_is_the_intent_of_the_subject(facts_for):
    facts = facts_for("Chile has stated its intent to expand the fishing zone.")
    assert ("state/chile", "Supports", "expand the fishing zone") in stances(facts)


def test_positions_a_possessed_policy_of_doing_something_supports_that_thing(facts_for):
    facts = facts_for("Chile has kept Peru's decades-old policy of opening new ports to foreign ships.")
    assert stances(facts) >= {("state/peru", "Supports", "opening new ports to foreign ships")}


@pytest.mark.parametrize("text, expected", [
    ("The Peruvian policy of opening new ports angered Lima's rivals.",
     {("state/peru", "Supports", "opening new ports")}),  # a state's adjective owns it, as a possessive does
    ("The dispute led to a Chilean policy of neutrality.", {("state/chile", "Supports", "neutrality")}),
    # without an "of" phrase of what it is, "the Peruvian policy" may be a policy toward Peru; one that names an
    # actor names its owner
    ("The Peruvian policy angered Lima's rivals.", set()),
    ("The dispute changed the Bolivia policy of Chile.", set()),
])
def test_positions_a_policy_whose_modifier_names_a_state_is_that_states(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Chile gave its consent for the treaty to proceed.", {("state/chile", "Supports", "treaty to proceed")}),
    ("In 1931 Chile gave its consent to the treaty.", {("state/chile", "Supports", "treaty")}),
    ("In 1931 Chile gave assurances that it would withdraw its fleet.",
     {("state/chile", "Offers", "it would withdraw its fleet")}),
    # what a stance noun given names no issue of its own: the thing given is what is offered
    ("In 1931 Chile gave Peru a loan.", {("state/chile", "Offers", "loan")}),
    ("In 1931 Chile extended security guarantees to Peru.", {("state/chile", "Offers", "security guarantees")}),
])
def test_positions_a_stance_noun_given_says_the_stance_not_the_thing_given(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Chile's goal was a customs union with Peru.", {("state/chile", "Supports", "customs union with Peru")}),
    ("In 1931 Chile's goal was far more modest, and Peru's plan to close the port remained unpopular.",
     {("state/peru", "Supports", "close the port")}),  # what an aim or a plan was like is no aim
])
def test_positions_what_an_aim_is_said_to_be_is_its_content_what_it_is_like_is_not(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_a_noun_with_a_that_clause_is_the_issue_with_what_the_clause_says(facts_for):
    facts = facts_for("In 1841 the Supreme Court sided with the crew, accepting the argument that the ship had never "
                      "been Peruvian.")
    assert "argument that the ship had never been Peruvian" in {issue for _, _, issue in stances(facts)}


def test_positions_a_possessed_policy_said_only_by_adjectives_names_no_issue(facts_for):
    facts = facts_for("In 1931 Peru's bold new foreign policy won praise, and Chile's assertive approach did not.")
    assert stances(facts) == set()


def test_positions_a_possessed_policy_named_for_a_place_is_toward_it_not_for_it(facts_for):
    facts = facts_for("In 1931 Peru's Bolivia policy won praise in Lima, and Chile's Argentine policy did not.")
    assert not {issue for _, _, issue in stances(facts)} & {"Bolivia", "Argentine", "Argentina"}


def test_positions_who_opposes_a_possessed_act_toward_a_place_disagrees_with_its_owner_not_the_place(facts_for):
    facts = facts_for("Chile objected to Peru's Bolivia policy.")
    parties = {frozenset(d.parties) for d in facts.disagreements}
    assert parties == {frozenset({"state/chile", "state/peru"})}


def test_positions_a_group_named_for_a_state_does_not_disagree_with_that_state(facts_for):
    facts = facts_for("Chilean policymakers objected to Chile's new fishing quota.")
    assert ("organization/chilean-policymakers", "Opposes", "Chile's new fishing quota") in stances(facts)
    assert facts.disagreements == ()


@pytest.mark.parametrize("text", [
    "In 1931 Chilean officials, reluctant to favor Peruvian shippers, shut the port.",
    "In 1931 Chilean officials, reluctant to favor shippers from Peru, shut the port.",
])
def test_positions_a_state_named_in_what_follows_officials_does_not_make_them_its_officials(facts_for, text):
    assert {holder for holder, _, _ in stances(facts_for(text))} == {"state/chile"}


@pytest.mark.parametrize(("text", "holder"), [
    ("Many Okinawans oppose the new base.", "organization/okinawans"),
    ("Bolivian representatives opposed the new base.", "organization/bolivian-representatives"),
])
def test_positions_a_people_or_a_group_named_by_its_people_holds_a_stance(facts_for, text, holder):
    facts = facts_for(text)
    assert (holder, "Opposes", "new base") in stances(facts)


def test_positions_one_of_a_people_named_beside_a_person_is_that_person(facts_for):
    facts = facts_for("In 1995 Soto was killed by Juan Vega, a Peruvian who opposed the accord.")
    assert stances(facts) == {("person/juan-vega", "Opposes", "accord")}


@pytest.mark.parametrize(("text", "holder"), [
    ("Chileans who opposed the treaty marched in Lima.", "Chileans who opposed the treaty"),
    ("Senators who opposed the treaty demanded changes.", "Senators who opposed the treaty"),
    # set off by commas, the clause says more of them all
    ("Critics, who opposed the treaty, demanded changes.", "Critics"),
])
def test_positions_a_short_relative_clause_without_commas_names_a_group_of_its_own(facts_for, text, holder):
    assert {h for h, _, _ in stances(facts_for(text), holder_names=True)} == {holder}


def test_positions_what_a_thing_is_needed_for_is_no_stance_of_who_gives_it(facts_for):
    # "the supplies it needed to fight Chile": Peru needs them to fight, the United States takes no stance on fighting
    facts = facts_for("The United States would provide Peru with the supplies it needed to fight Chile.")
    assert not any(h == "state/united-states" and s == "Supports" for h, s, _ in stances(facts))


@pytest.mark.parametrize("text", [
    "Peru lacked the resources to support the new fishing quota.",
    "Peru was unable to support the new fishing quota.",
])
def test_positions_what_one_cannot_do_is_no_stance_against_it(facts_for, text):
    assert stances(facts_for(text)) == set()


def test_positions_who_after_a_person_set_beside_a_place_is_the_person(facts_for):
    facts = facts_for("The protests grew after the murder of the archbishop of San Salvador, Juan Soto, who had "
                      "condemned the blockade.")
    assert stances(facts) == {("person/juan-soto", "Opposes", "blockade")}


def test_positions_a_verb_joined_to_a_relative_clause_is_said_of_its_noun(facts_for):
    facts = facts_for("In 1980 Juan Soto, who had lamented the abuses of the army and criticized the treaty with Chile, "
                      "resigned.")
    assert ("person/juan-soto", "Opposes", "treaty with Chile") in stances(facts)


def test_positions_this_position_names_no_issue_and_a_treaty_s_relative_clause_stays_out(facts_for):
    facts = facts_for("Chile encouraged this position because it wanted to avoid a repeat of the crisis caused by the "
                      "Lima Treaty, which had imposed high fees on Peru.")
    assert stances(facts) == {("state/chile", "Supports", "avoid a repeat of the crisis caused by the Lima Treaty")}


def test_positions_a_proposal_keeps_the_relative_clause_that_says_what_it_would_do(facts_for):
    facts = facts_for("In May, Austria proposed an amendment to the charter that would authorize the seizure of the "
                      "copper mines.")
    assert ("state/austria", "Offers", "amendment to the charter that would authorize the seizure of the copper mines") \
        in stances(facts)


@pytest.mark.parametrize("text", [
    "In May, Peru voiced regret over the pace of the talks and a wish to close the port to foreign ships.",
    "By June, as Peru expressed disappointment over the progress of the talks and a desire to close the port to "
    "foreign ships, Chile called for a summit.",
])
def test_positions_a_wish_coordinated_with_regret_is_held_by_who_voiced_both(facts_for, text):
    facts = facts_for(text)
    assert ("state/peru", "Supports", "close the port to foreign ships") in stances(facts)
    [wished] = [e for e in facts.events if e.label.startswith("close the port")]
    assert wished.factuality.modality == "Hypothetical"


def test_positions_a_second_infinitive_s_participial_adjunct_is_the_main_subject_s(facts_for):
    facts = facts_for("Peru would attempt to end the blockade and to engage Chile directly for a lasting settlement, "
                      "eschewing any talk of a return to the Quito talks.")
    assert ("state/peru", "Rejects", "talk of a return to the Quito talks") in stances(facts)


def test_positions_not_willing_to_act_rejects_the_act_and_what_someone_wanted_is_no_issue(facts_for):
    facts = facts_for("Peru was not willing to sign the Quito Accord. What Chile wanted never happened.")
    assert stances(facts) == {("state/peru", "Rejects", "sign the Quito Accord")}


@pytest.mark.parametrize("text, holder, issue", [
    ("The Bolivian Senate voted in favor of building the railway.", "organization/bolivian-senate",
     "building the railway"),
    ("In 1850 Peru decided in favor of a customs union.", "state/peru", "customs union"),
    ("Chile and Peru were in favor of the Quito Accord.", "state/chile", "Quito Accord"),
])
def test_positions_in_favor_of_is_the_doer_s_support_without_any_other_stance_word(facts_for, text, holder, issue):
    assert (holder, "Supports", issue) in stances(facts_for(text))


def test_positions_a_balance_that_shifts_in_favor_of_a_state_is_no_stance(facts_for):
    assert stances(facts_for("In 1850 the balance of naval power shifted in favor of Peru.")) == set()


def test_positions_a_question_in_dispute_is_the_issue_without_its_or_not(facts_for):
    facts = facts_for("Chile and Peru haggled over whether or not each nation should complete its plans for new "
                      "naval bases.")
    assert divided(facts) == {(frozenset({"state/chile", "state/peru"}),
                               "each nation should complete its plans for new naval bases")}


def test_positions_what_one_side_interprets_as_the_other_s_aim_is_reported_by_the_first(facts_for):
    facts = facts_for("However, the Bolivians were hesitant to permit such inspections of their mines, interpreting "
                      "Chilean insistence on these inspections as a ruse to facilitate Chilean efforts to spy on "
                      "Bolivian mining.")
    [spying] = [p for p in facts.positions if p.holder == "state/chile"]
    assert spying.factuality.attributed_to == "state/bolivia"


def test_positions_concern_for_ones_own_thing_is_no_stance_against_it(facts_for):
    facts = facts_for("The crisis raised Peruvian concerns about its fish stocks. Chile voiced concerns about "
                      "Bolivian troop movements.")
    assert stances(facts) == {("state/chile", "Opposes", "Bolivian troop movements")}


# --- adjuncts and acts of ending --------------------------------------------------------------------------

def test_positions_effort_in_an_adjunct_is_the_clause_subject_s_and_ending_opposes(facts_for):
    facts = facts_for("In 1932, Chile blockaded the port in an effort to end the Bolivian occupation of Tacna.")
    assert ("state/chile", "Supports", "end the Bolivian occupation of Tacna") in stances(facts)
    assert ("state/chile", "Opposes", "Bolivian occupation of Tacna") in stances(facts)


def test_positions_who_appeals_to_another_to_act_demands_it_of_the_other(facts_for):
    facts = facts_for("In 1961 Peru appealed to the United Nations to send troops.")
    assert ("state/peru", "Demands", "United Nations send troops") in stances(facts)
    assert not [p for p in facts.positions if p.holder == "state/peru" and p.stance == "Offers"]
    assert all(not p.factuality.is_plain_fact for p in facts.positions if p.holder == "organization/united-nations")


@pytest.mark.parametrize("verb", ["halt", "lift", "terminate"])
def test_positions_seeking_to_halt_opposes_what_it_halts_but_seeking_to_hold_does_not(facts_for, verb):
    facts = facts_for(f"Peru sought to {verb} the border patrols.")
    assert ("state/peru", "Opposes", "border patrols") in stances(facts)
    assert not [s for s in stances(facts_for("Peru sought to hold the border talks.")) if s[1] == "Opposes"]


@pytest.mark.parametrize("verb, participle", [
    ("limit", "limited"), ("restrict", "restricted"), ("contain", "contained")])
def test_positions_seeking_to_lessen_a_thing_opposes_it_but_bounding_it_to_a_scope_does_not(facts_for, verb,
                                                                                             participle):
    assert ("state/peru", "Opposes", "Chilean fishing") in stances(facts_for(f"Peru sought to {verb} Chilean fishing."))
    bounded = stances(facts_for(f"Peru preferred that fishing be {participle} to the northern ports."))
    assert not [s for s in bounded if s[1] == "Opposes"]


def test_positions_seeking_to_reduce_a_thing_is_no_stance_against_it(facts_for):
    # less of a thing is still some of it: "wished to reduce their military expenditures"
    assert not [s for s in stances(facts_for("Peru sought to reduce Chilean fishing.")) if s[1] == "Opposes"]


def test_positions_an_act_of_ending_that_is_not_to_be_done_opposes_nothing(facts_for):
    facts = facts_for("Chile agreed that Peru should not halt the border patrols.")
    assert not [s for s in stances(facts, holder_names=True) if s[1] == "Opposes"]
    assert ("state/chile", "Opposes", "border patrols") in stances(facts_for("Chile agreed that Peru should halt the border patrols."))


@pytest.mark.parametrize("text, issue", [
    ("Peru backed a fishing quota. Later Chile opposed the quota.", "fishing quota"),  # the fuller phrase seen before
    # of an earlier phrase with a preposition inside, only what follows it: the thing the bare noun names
    ("Peru backed the rules of maritime trade. Later Chile opposed the trade.", "maritime trade"),
    ("Peru backed talks on fishing rights. Later Chile opposed the rights.", "fishing rights"),
    ("Peru sought the end of the naval patrols. Later Chile backed the patrols.", "naval patrols"),
    ("Peru backed talks on Pacific Trade. Later Chile opposed the trade.", "trade"),  # a name is not taken
])
def test_positions_a_bare_noun_stands_for_the_fuller_phrase_it_ends(facts_for, text, issue):
    assert any(s[0] == "state/chile" and s[2] == issue for s in stances(facts_for(text)))


@pytest.mark.parametrize("label, tail", [
    ("resumption of military exercises", "military exercises"),
    ("use the war to win new rights and privileges", "privileges"),  # one of two things listed
    ("extension of the Lima Accord", ""),  # a name inside a longer phrase
    ("Lima Accord", "Lima Accord"),
])
def test_positions_the_tail_a_bare_noun_may_stand_for(label, tail):
    assert positions._named_tail(label) == tail


def test_positions_each_that_clause_of_a_list_is_a_view_of_its_own(facts_for):
    views = stances(facts_for("Chile argued that the fishing talks had failed and that Peru must pay for the damage "
                              "to the fleet."))
    assert ("state/chile", "Believes", "fishing talks had failed") in views  # not "... had failed and Peru must ..."
    assert ("state/chile", "Supports", "Peru must pay for the damage to the fleet") in views  # what must be
    views = stances(facts_for("Chile argued that the fishing talks had failed and that Peru had broken the truce."))
    assert ("state/chile", "Believes", "Peru had broken the truce") in views


def test_positions_the_members_named_of_a_group_hold_its_stance(facts_for):
    # "including" hung by the parser on the subject; "such as" on a group inside the group
    views = stances(facts_for("The fishing bill met stiff opposition from the leading hawks in the Senate, including "
                              "conservative senators such as Juan Soto and Luis Mora."), holder_names=True)
    assert {("Juan Soto", "Opposes", "fishing bill"), ("Luis Mora", "Opposes", "fishing bill")} <= views
    views = stances(facts_for("Chilean officials such as Juan Soto opposed the fishing quota."), holder_names=True)
    assert ("Juan Soto", "Opposes", "fishing quota") in views
    # the parser reads the verb after "such as" set off by commas as a participle of the subject
    views = stances(facts_for("Other states, such as Chile and Bolivia, hesitated or openly resisted the fishing "
                              "quota."))
    assert {("state/chile", "Opposes", "fishing quota"), ("state/bolivia", "Opposes", "fishing quota")} <= views


def test_positions_a_gerund_hung_on_a_gerund_has_its_doer(facts_for):
    # "to funding" hangs on "backing": Chile funds the army as it backed neutrality
    views = stances(facts_for("Over the decade Chile went from backing strict neutrality to funding the Bolivian "
                              "army."))
    assert ("state/chile", "Supports", "Bolivian army") in views


def test_positions_who_is_accused_of_an_act_is_its_doer(facts_for):
    views = stances(facts_for("Peru accused Chile of secretly arming the rebels."))
    assert ("state/chile", "Supports", "rebels") in views
    assert ("state/peru", "Supports", "rebels") not in views  # the accuser does not arm them


def test_positions_approval_of_someone_after_the_clause_is_theirs_of_the_clause(facts_for):
    views = stances(facts_for("In 1931 President Juan Soto was overthrown and exiled by his own officers with the "
                              "silent approval of the Chilean Senate."), holder_names=True)
    overthrow = "President Juan Soto was overthrown and exiled by his own officers"
    assert views == {("Chilean Senate", "Supports", overthrow)}  # not Soto's stance on the Senate
    # "fear of Peru": Peru is what is feared, not who fears
    views = stances(facts_for("In 1931 the fishing treaty was rejected by the Chilean Senate with the fear of Peru "
                              "growing."), holder_names=True)
    assert not [v for v in views if v[0] == "Peru"]


def test_positions_a_past_tense_after_could_goes_with_the_verb_of_saying(facts_for):
    # the parser joins "pledged" to "reach": it cannot go on after "could", and is Soto's own act
    views = stances(facts_for("Soto predicted that he could reach accords with both Chile and Bolivia in 6 to 8 "
                              "months, and pledged to pull Peruvian ships out of the bay."), holder_names=True)
    assert ("Soto", "Believes", "he could reach accords with Chile and Bolivia in 6 to 8 months") in views


@pytest.mark.parametrize("text, expected", [
    # the parser joins "assigned" to "draft": a past tense cannot share the "to", and goes with "did form"
    ("However, the Senate did form a committee to draft a charter and assigned this duty to John Hay.",
     ("organization/us-senate", "Supports", "draft a charter")),
    # "as long as" opens a clause of its own, none of whose words are the issue's
    ("Chile felt that as long as it stayed below the limit, it should be able to build more ships.",
     ("state/chile", "Supports", "it should be able to build more ships")),
])
def test_positions_words_the_parser_hangs_in_the_wrong_clause_stay_out_of_the_issue(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_who_one_wins_the_support_of_gives_it_people_too(facts_for):
    views = stances(facts_for("In 1950 Peru won the backing of the Andean farmers."), holder_names=True)
    assert views == {("Andean farmers", "Supports", "Peru")}


def test_positions_what_a_thing_came_to_be_called_is_the_issue(facts_for):
    facts = facts_for("In 1950 Peru proposed a fishing pact that would be known as the Lima Compact.")
    assert stances(facts) == {("state/peru", "Offers", "Lima Compact")}


@pytest.mark.parametrize("text, issues", [
    ("Chile accepted no troops from Peru.", {"troops"}),
    ("Under the plan, Chile would accept no loans or advisers.", {"loans", "advisers"}),
])
def test_positions_taking_none_of_a_thing_is_the_negated_stance_on_it(facts_for, text, issues):
    assert stances(facts_for(text)) == {("state/chile", "Opposes", issue) for issue in issues}


def test_positions_aid_not_given_is_no_support_of_its_recipient(facts_for):
    facts = facts_for("Chile failed to provide Peru with assistance.")
    assert ("state/chile", "Supports", "Peru") not in stances(facts)


def test_positions_no_intention_of_acting_is_no_support_of_the_act(facts_for):
    assert not [s for s in stances(facts_for("In 1990, Chile had no intention of joining the pact.")) if s[1] == "Supports"]


@pytest.mark.parametrize("text, expected", [
    ("In 1985 Peru gave military aid to the rebels.", ("state/peru", "Supports", "rebels")),
    ("In 1985 Peru provided aid and assistance to Bolivia.", ("state/peru", "Supports", "Bolivia")),
    ("In 1985 Peru responded by giving support to the rebels.", ("state/peru", "Supports", "rebels")),
    ("In 1985 Peru sent aid and assistance to the rebels.", ("state/peru", "Supports", "rebels")),
    ("In 1985 Peru won British support against Chile.", ("state/united-kingdom", "Opposes", "Chile")),
    ("In the dispute over the border, Peru sided with the rebels.", ("state/peru", "Supports", "rebels")),
    ("In 1985 Peru gave the rebels military aid.", ("state/peru", "Supports", "rebels")),
    ("In 1985 Peru provided the rebels with military aid.", ("state/peru", "Supports", "rebels")),
])
def test_positions_aid_given_to_an_actor_or_its_side_taken_is_support_of_it(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_what_one_came_to_think_is_no_purpose_but_where_one_came_to_act_is(facts_for):
    assert stances(facts_for("By 1930 most Peruvian senators had come to see the treaty as unfair.")) == set()
    assert ("state/peru", "Supports", "sign the treaty") in \
        stances(facts_for("In 1950 the Peruvian delegation came to Lima to sign the treaty."))


def test_positions_a_clause_joined_to_a_refused_act_with_its_own_subject_is_no_part_of_it(facts_for):
    facts = facts_for("In 1991 Peru declined to respond and Chilean troops seized the port.")
    assert ("state/peru", "Rejects", "respond") in stances(facts)
    believed = stances(facts_for("In 1991 Peru believed that the port was safe and the fleet was ready."))
    assert ("state/peru", "Believes", "port was safe and the fleet was ready") in believed


@pytest.mark.parametrize("text, expected", [
    ("Few shared Soto's insistence that the strike was illegal.", ("Juan Soto", "Believes", "strike was illegal")),
    ("Soto's insistence that Chile withdraw its troops stalled the talks.",
     ("Juan Soto", "Demands", "Chile withdraw its troops")),
    ("At Soto's request, the Peruvian Congress ratified the treaty in 1931.",
     ("Juan Soto", "Demands", "Peruvian Congress ratified the treaty")),
])
def test_positions_an_insistence_that_a_thing_is_so_is_a_belief_and_one_that_it_be_done_a_demand(facts_for, text,
                                                                                                   expected):
    assert expected in stances(facts_for("Juan Soto led the Peruvian strikers. " + text), holder_names=True)


def test_positions_no_actor_opposes_the_acts_its_own_name_is_the_doer_of(facts_for):
    facts = facts_for("Peru's criticism of strikes in Chile, along with its opposition to Chilean patrols, angered Lima.")
    assert ("state/chile", "Opposes", "Chilean patrols") not in stances(facts)
    assert ("state/peru", "Opposes", "Chilean patrols") in stances(facts_for("Peru opposed Chilean patrols."))


def test_positions_a_possessed_strategy_that_calls_for_something_speaks_for_its_owner(facts_for):
    facts = facts_for("Chile's new defense strategy calls for Peru to patrol the border.")
    assert ("state/chile", "Demands", "Peru patrol the border") in stances(facts)
    assert not stances(facts_for("The new defense strategy calls for Peru to patrol the border."))


@pytest.mark.parametrize("text, holder", [
    ("Chile issued a statement that called for a truce.", "state/chile"),
    ("In 1931, Peru drafted terms for a settlement, which demanded a truce.", "state/peru"),
    # the parser hangs "which" on the date that ends the verb's phrase: it stands for the terms
    ("Instead, Peru drafted new terms on May 4, 1931, which demanded a truce.", "state/peru"),
])
def test_positions_a_text_someone_made_or_sent_speaks_for_them(facts_for, text, holder):
    assert (holder, "Demands", "truce") in stances(facts_for(text))


def test_positions_a_named_text_is_no_actor_and_speaks_for_who_drafted_it(facts_for):
    facts = facts_for("In 1775, the Andean Congress drafted the Olive Tree Petition, which asked for a truce.")
    assert stances(facts) == {("organization/andean-congress", "Demands", "truce")}
    assert not [e for e in facts.entities if "Petition" in e.label]


@pytest.mark.parametrize("text", [
    "In 1931, Chile cautioned Peru against preemption.",
    "In 1931, the Chilean government forewarned the Peruvian leaders against preemption.",
])
def test_positions_who_cautions_or_forewarns_another_against_a_thing_opposes_it(facts_for, text):
    assert ("state/chile", "Opposes", "preemption") in stances(facts_for(text))


@pytest.mark.parametrize("text, issue", [
    ("In 1932, Peru and Chile both claimed the Lauca Valley.", "Lauca Valley"),
    ("Originally Peru and Chile claimed the territory.", "territory"),
    ("In 1932, Peru and Chile both claimed Patagonia.", "Patagonia"),  # a place named is a place
])
def test_positions_who_claims_a_land_demands_it_each_in_their_own_words(facts_for, text, issue):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    found = {(p.holder, p.stance, labels[p.issue], p.factuality.attributed_to) for p in facts.positions}
    assert found == {("state/peru", "Demands", issue, "state/peru"), ("state/chile", "Demands", issue, "state/chile")}


def test_positions_states_each_claiming_a_land_are_at_odds_over_it_allies_claiming_it_together_are_not(facts_for):
    facts = facts_for("In 1932, Peru and Chile both claimed the Lauca Valley.")
    assert [(d.parties, d.factuality.attributed_to) for d in facts.disagreements] == [
        (("state/peru", "state/chile"), None)]
    facts = facts_for("In 1932, President Jorge Soto and the Peruvian Congress claimed the Lauca Valley.")
    assert not facts.disagreements


@pytest.mark.parametrize("text, expected", [
    ("In 1931, Bolivian President Juan Soto cancelled the concession, angering Chilean bankers.",
     ("Chilean bankers", "Opposes", "cancelled the concession")),
    ("In 1931, Bolivia lowered its tariffs, pleasing Chile.", ("Chile", "Supports", "lowered its tariffs")),
])
def test_positions_a_participle_of_feeling_after_an_act_is_the_feeling_about_the_act(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


@pytest.mark.parametrize("text, expected", [
    ("Peru overthrew Spanish rule in 1821.", ("Peru", "Opposes", "Spanish rule")),
    ("In 1821, Peru struggled for independence.", ("Peru", "Supports", "independence")),
])
def test_positions_who_overthrows_a_rule_opposes_it_and_who_struggles_for_a_thing_supports_it(facts_for, text,
                                                                                              expected):
    assert stances(facts_for(text), holder_names=True) == {expected}


def test_positions_a_claim_that_something_is_so_asks_for_nothing(facts_for):
    # "claim" demands a land; what a claim says was done is no demand of the one who says it, nor a stance refused
    facts = facts_for("A report by Senator Ana Ruiz claimed that Peruvian bankers had pushed for war with Chile.")
    assert ("organization/peruvian-bankers", "Demands", "war") in stances(facts)


def test_positions_a_text_someone_received_or_rejected_does_not_speak_for_them(facts_for):
    assert not stances(facts_for("Chile received a note that called for a truce."))


def test_positions_a_remark_that_something_poses_a_threat_opposes_it_on_the_speaker_s_word(facts_for):
    facts = facts_for("Chilean President Gabriel Ruiz spoke in May. Relations have been tense since Ruiz's remark "
                      "that Peruvian naval patrols in the bay could pose a threat to Chile's security.")
    [position] = [p for p in facts.positions if p.evidence.extractor == "rule:judgment"]
    assert (position.holder, position.stance) == ("person/gabriel-ruiz", "Opposes")
    assert position.factuality.attributed_to == "person/gabriel-ruiz"
    assert "naval patrols" in {e.key: e.label for e in facts.entities}[position.issue]


def test_positions_announced_plans_to_do_something_support_it(facts_for):
    facts = facts_for("In 2022, the Chilean government announced plans to double its naval budget.")
    assert ("state/chile", "Supports", "double its naval budget") in stances(facts)


@pytest.mark.parametrize("text", ["Chile entered the 1990s determined to keep the port.",
                                  "Chile was determined to keep the port."])
def test_positions_an_adjective_said_of_the_subject_beside_the_verb_is_the_subject_s_stance(facts_for, text):
    assert ("state/chile", "Supports", "keep the port") in stances(facts_for(text))


@pytest.mark.parametrize("text, wanted", [
    ("Peru blamed Chile for failing to reopen the border.", "reopen the border"),
    ("Peru criticized Chile for not reopening the border.", "reopening the border"),
])
def test_positions_blame_for_an_act_left_undone_demands_the_act(facts_for, text, wanted):
    assert ("state/peru", "Demands", wanted) in stances(facts_for(text))


def test_positions_blame_for_an_act_done_opposes_it(facts_for):
    assert ("state/peru", "Opposes", "closing the border") in stances(facts_for("Peru criticized Chile for closing the border."))


def test_positions_reluctance_to_act_opposes_the_act(facts_for):
    facts = facts_for("Peru expressed dissatisfaction with Chilean reluctance to reopen the border.")
    assert ("state/chile", "Opposes", "reopen the border") in stances(facts)


@pytest.mark.parametrize("text", [
    "Austrian-Hungarian relations were strained over river tolls.",
    "Relations between Austria and Hungary were embroiled over river tolls.",
])
def test_positions_relations_of_two_states_strained_over_an_issue_divide_them(facts_for, text):
    assert divided(facts_for(text)) == {(frozenset({"state/austria", "state/hungary"}), "river tolls")}


def test_positions_what_not_to_mention_adds_to_a_gap_between_two_states_divides_them_too(facts_for):
    facts = facts_for("The talks failed as Bolivian envoys refused to attend, and the gap between Chilean and Peruvian "
                      "positions on the fishing quota, not to mention their respective stances on naval patrols in "
                      "the bay, proved unbridgeable.")
    both = frozenset({"state/chile", "state/peru"})
    assert divided(facts) == {(both, "fishing quota"), (both, "naval patrols in the bay")}


def test_positions_what_two_states_could_not_resolve_divides_them(facts_for):
    facts = facts_for("Chile and Peru met in 1929. The two nations could not resolve two issues: the number of naval "
                      "patrols and the fishing quota. Bolivia and Brazil settled the border question.")
    found = divided(facts)
    both = frozenset({"state/chile", "state/peru"})
    assert {(both, "number of naval patrols"), (both, "fishing quota")} <= found
    assert not [f for f in found if "state/bolivia" in f[0]]


def test_positions_a_state_s_policies_on_a_field_are_no_stance_for_the_field(facts_for):
    facts = facts_for("Peru voiced concerns over Chile's digital trade policies.")
    assert not [s for s in stances(facts) if s[0] == "state/chile"]


def test_positions_what_a_treaty_failed_to_settle_divides_its_parties(facts_for):
    facts = facts_for("In 1929, Chile and Peru signed the Treaty of Lima. The treaty failed to resolve the issues "
                      "surrounding fishing rights.")
    assert divided(facts) == {(frozenset({"state/chile", "state/peru"}), "issues surrounding fishing rights")}


@pytest.mark.parametrize("text, holder, issue", [
    ("At Soto's behest, Peru became a member of the Andean Council.", "person/juan-soto",
     "Peru became a member of the Andean Council"),
    ("At the request of Chile, the government of Peru became a member of the Andean Council.", "state/chile",
     "government of Peru became a member of the Andean Council"),
])
def test_positions_a_request_framing_a_clause_demands_what_the_clause_says(facts_for, text, holder, issue):
    facts = facts_for("Juan Soto led Chile. " + text)
    assert {p[2] for p in stances(facts) if p[:2] == (holder, "Demands")} == {issue}


@pytest.mark.parametrize("text, expected", [
    ("With the backing of Peru, Chile sued Bolivia at the court.",
     {("state/peru", "Supports", "Chile sued Bolivia at the court")}),
    ("With Peruvian support, Chile sued Bolivia at the court.",
     {("state/peru", "Supports", "Chile sued Bolivia at the court")}),
    # no holder of its own: the subject's aim
    ("Chile voted with the aim of delaying the fishing quota.", {("state/chile", "Supports", "delaying the fishing quota")}),
    # after the verb, "with" is the verb's own: the talks did not back the proposals
    ("The talks began with Peru's backing for a fishing quota.", {("state/peru", "Supports", "fishing quota")}),
])
def test_positions_a_fronted_with_phrase_frames_the_clause_its_stance_noun_is_about(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, stance, issue", [
    ("The war cemented Juan Soto's conviction that Peru must play a leading role in the region.", "Demands",
     "play a leading role in the region"),
    ("Juan Soto's view that Peru should not join the Andean Council angered Lima.", "Opposes",
     "Peru join the Andean Council"),
])
def test_positions_a_noun_of_belief_whose_clause_says_what_ought_to_be_holds_it_as_a_verb_does(facts_for, text,
                                                                                                stance, issue):
    views = [p for p in facts_for(text).positions if p.holder == "person/juan-soto"]
    assert [(p.stance, p.factuality.modality) for p in views] == [(stance, "Normative")]
    assert issue in {t for _, _, t in stances(facts_for(text))}


def test_positions_a_meeting_framing_a_clause_is_no_stance(facts_for):
    facts = facts_for("At a meeting in Lima, Peru became a member of the Andean Council.")
    assert facts.positions == ()


@pytest.mark.parametrize("text, stance, issue", [
    ("Juan Soto said Peru should not join the Andean Council.", "Opposes", "Peru join the Andean Council"),
    ("Juan Soto said Peru should avoid becoming involved in the border dispute.", "Opposes",
     "Peru becoming involved in the border dispute"),
    ("Juan Soto said Peru must not stop the talks.", "Demands", "talks"),
])
def test_positions_a_reported_should_not_or_should_avoid_is_the_speakers_opposition(facts_for, text, stance, issue):
    facts = facts_for(text)
    [position] = facts.positions
    assert (position.holder, position.stance) == ("person/juan-soto", stance)
    assert stances(facts) == {("person/juan-soto", stance, issue)}
    assert (position.factuality.modality, position.factuality.attributed_to) == ("Normative", "person/juan-soto")


@pytest.mark.parametrize("text, stance, issue", [
    ("Juan Soto insisted that the treaty be ratified at once.", "Supports", "treaty be ratified at once"),
    ("Juan Soto suggested that Peru withdraw its troops.", "Demands", "withdraw its troops"),
])
def test_positions_a_that_clause_in_the_bare_form_says_what_the_speaker_wants(facts_for, text, stance, issue):
    facts = facts_for(text)
    assert stances(facts) == {("person/juan-soto", stance, issue)}
    assert facts.positions[0].factuality.modality == "Normative"


def test_positions_a_that_clause_with_a_tense_is_a_view_not_a_demand(facts_for):
    facts = facts_for("Juan Soto insisted that Peru had paid its debts.")
    assert stances(facts) == {("person/juan-soto", "Believes", "Peru had paid its debts")}


@pytest.mark.parametrize("text, issue", [
    ("Peru resented the harsh terms of the treaty.", "harsh terms of the treaty"),
    ("Peru lamented the restrictive nature of the tariffs.", "restrictive nature of the tariffs"),
    ("Peru campaigned against the fishing quota.", "fishing quota"),
    ("Peru doubted the wisdom of the fishing quota.", "wisdom of the fishing quota"),
    ("Peru expressed grave doubts about the fishing quota.", "fishing quota"),
    ("Peru distrusted Juan Soto.", "Juan Soto"),
])
def test_positions_resentment_doubt_and_distrust_are_opposition(facts_for, text, issue):
    assert stances(facts_for(text)) == {("state/peru", "Opposes", issue)}


def test_positions_doubting_that_a_thing_will_happen_is_no_stance(facts_for):
    assert facts_for("Peru doubted that the fishing quota would pass.").positions == ()


@pytest.mark.parametrize("text", ["Peru and Chile's dislike of each other ended the talks.",
                                  "Spain and Portugal remained wary of one another's growing military strength."])
def test_positions_a_dislike_of_each_other_has_no_issue(facts_for, text):
    assert facts_for(text).positions == ()


def test_positions_it_stands_for_a_thing_named_in_its_own_sentence_before_one_named_earlier(facts_for):
    facts = facts_for("The council rejected the treaty. Peru supported the fishing quota, while Chile opposed it.")
    assert ("state/chile", "Opposes", "fishing quota") in stances(facts)
    assert not any(p[:2] == ("state/chile", "Opposes") and p[2] == "treaty" for p in stances(facts))


def test_positions_it_never_stands_for_the_subject_of_its_own_verb(facts_for):
    facts = facts_for("Peru feared a border war, and it hoped that a fishing truce would prevent it.")
    assert ("state/peru", "Opposes", "border war") in stances(facts)
    assert not [p for p in stances(facts) if p[1] == "Opposes" and p[2] == "fishing truce"]


def test_positions_a_participle_of_saying_after_a_reported_clause_is_the_reporter_s(facts_for):
    facts = facts_for("President Ana Ruiz announced that Chile would leave the fishing talks, claiming that Peru had "
                      "broken the truce.")
    believers = {holder for holder, stance, _ in stances(facts) if stance == "Believes"}
    assert believers == {"person/ana-ruiz"}


def test_positions_a_count_of_votes_is_no_issue(facts_for):
    facts = facts_for("On May 5, 1931, the Peruvian Congress voted 43 to 26 in favor of the fisheries treaty.")
    assert {issue for _, _, issue in stances(facts)} == {"fisheries treaty"}


def test_positions_it_goes_on_with_the_it_of_the_sentence_before(facts_for):
    facts = facts_for("Many farmers resented the new grain tariff, and the convention initially rejected it. "
                      "Chile accepted it only later.")
    assert {issue for holder, _, issue in stances(facts) if holder == "state/chile"} == {"new grain tariff"}


def test_positions_a_bare_noun_keeps_the_relative_clause_that_says_which_one(facts_for):
    assert stances(facts_for("Peru supports a treaty that bans mines.")) == {
        ("state/peru", "Supports", "treaty that bans mines")}
    assert stances(facts_for("Peru supports the treaty, which bans mines.")) == {("state/peru", "Supports", "treaty")}


def test_positions_a_state_as_it_should_be_is_an_aim(facts_for):
    assert stances(facts_for("Chile supports a stable Peru.")) == {("state/chile", "Supports", "stable Peru")}


def test_positions_his_party_is_the_party_named_before(facts_for):
    facts = facts_for("Juan Soto led the Lima Party. His party's commitment to a greater Peru worried Chile.")
    assert [(p.holder, p.stance) for p in facts.positions] == [("organization/lima-party", "Supports")]


def test_positions_the_organization_is_the_one_named_before_with_that_head(facts_for):
    facts = facts_for("The Andean Development Organization met in Quito. The organization opposed the new tariffs.")
    assert stances(facts) == {("organization/andean-development-organization", "Opposes", "new tariffs")}


def test_positions_the_head_word_of_an_organization_named_before_is_that_organization(facts_for):
    facts = facts_for("The League of Andean Nations met in Lima in 1990. The League condemned the invasion of Peru.")
    assert stances(facts) == {("organization/league-of-andean-nations", "Opposes", "invasion of Peru")}


@pytest.mark.parametrize("text, named_before", [
    # a body told apart by another noun
    ("The Andean Development Organization met in Quito. The treaty created a relief organization. The relief "
     "organization opposed the new tariffs.", "organization/andean-development-organization"),
    # a body brought in with "a" between
    ("The Andean Trade Committee of Peru met in Quito. Chile formed a committee to study the tariffs. The committee "
     "opposed the new tariffs.", "organization/andean-trade-committee-of-peru"),
])
def test_positions_another_body_of_the_same_kind_is_not_the_organization_named_before(facts_for, text, named_before):
    assert not [p for p in facts_for(text).positions if p.holder == named_before]


def test_positions_places_where_a_thing_happens_are_not_their_owner(facts_for):
    facts = facts_for("The new government faced unrest in Chile, Peru, and Bolivia that complicated their attempts to "
                      "cut tariffs on grain.")
    assert not {"state/chile", "state/peru", "state/bolivia"} & {p.holder for p in facts.positions}


def test_positions_neither_nor_wished_to_see_opposes_what_would_be_seen(facts_for):
    facts = facts_for("Neither the Peruvian government nor Bolivia wished to see a Morales presidency.")
    assert ("state/peru", "Opposes", "Morales presidency") in stances(facts)
    assert not [p for p in facts.positions if p.stance == "Supports"]


def test_positions_an_act_done_without_offering_is_no_rejection(facts_for):
    facts = facts_for("In 2030 Chile opened a path to membership without extending its security guarantee to Peru.")
    assert not [p for p in facts.positions if p.stance in ("Rejects", "Offers")], facts.positions


@pytest.mark.parametrize("text, issue", [
    ("Peru told Chile to withdraw its troops.", "Chile withdraw its troops"),
    ("Peru called on Chile to end the blockade.", "Chile end the blockade"),
    ("Bolivia asked Peru to release the prisoners.", "Peru release the prisoners"),
    ("Chile ordered Bolivia to leave the port.", "Bolivia leave the port"),
    ("Peru warned Chile to avoid new alliances with Bolivia.", "Chile avoid new alliances with Bolivia"),
])
def test_positions_asking_another_to_act_is_a_demand_of_that_act(facts_for, text, issue):
    facts = facts_for(text)
    assert (facts.positions[0].holder, "Demands", issue) in stances(facts)


@pytest.mark.parametrize("text, holder, issue", [
    ("In 2031, Peru and Bolivia formed the Andean Defense Council.", "state/bolivia", "Andean Defense Council"),
    ("In 2031, Chile established a commission to settle the border claims.", "state/chile", "commission"),
    ("In 2031, Peru set up a joint command with Bolivia.", "state/peru", "joint command with Bolivia"),
])
def test_positions_who_founds_a_body_supports_it(facts_for, text, holder, issue):
    assert (holder, "Supports", issue) in stances(facts_for(text))


def test_positions_a_subject_before_a_colon_is_not_the_subject_of_the_verb_after_it(facts_for):
    # the parser makes "the two sides" a second subject of "established": it is the subject of "aligned"
    facts = facts_for("Relations between Peru and Chile were tense. In those years, the two sides aligned on different "
                      "sides of the border: in 2031, Peru and its northern allies established the Andean Defense Council.")
    holders = {holder for holder, stance, issue in stances(facts) if issue == "Andean Defense Council"}
    assert "state/peru" in holders and "state/chile" not in holders, holders


@pytest.mark.parametrize("text", [
    "In 2031, the border dispute created a dilemma for Peru.",  # no body
    "In 2031, Chile did not establish a commission to settle the border claims.",  # an act left undone
])
def test_positions_founding_no_body_or_none_is_no_stance(facts_for, text):
    assert not [s for s in stances(facts_for(text)) if s[2] in ("dilemma", "commission")]


@pytest.mark.parametrize("text, expected", [
    ("In 2031, Soto ignored the decree of the junta.", ("person/soto", "Rejects", "decree of the junta")),
    ("In 2031, Chile defied the ultimatum.", ("state/chile", "Rejects", "ultimatum")),
    ("In 2031, Peru and Bolivia co-sponsored the Lima Conference.", ("state/bolivia", "Supports", "Lima Conference")),
    ("In 2031, Peru hosted the Andean summit.", ("state/peru", "Supports", "Andean summit")),
])
def test_positions_who_defies_an_order_rejects_it_and_who_convenes_a_meeting_supports_it(facts_for, text, expected):
    assert expected in stances(facts_for(text))


@pytest.mark.parametrize("text", [
    "In 2031, Chile ignored the crisis.",  # no order, demand or measure
    "In 2031, Peru hosted the refugees.",  # no meeting
])
def test_positions_ignoring_or_hosting_other_things_is_no_stance(facts_for, text):
    assert not stances(facts_for(text))


def test_positions_who_responds_by_an_act_is_for_that_act_not_for_words_said(facts_for):
    found = stances(facts_for("In 2031, Peru retaliated by closing its ports to Chilean ships. In 2032, Bolivia "
                              "responded by saying it would review the issue."))
    assert ("state/peru", "Supports", "closing its ports to Chilean ships") in found, found
    assert not [s for s in found if s[0] == "state/bolivia" and s[1] == "Supports"], found


def test_positions_who_rejects_another_s_offer_to_act_holds_no_stance_for_the_act(facts_for):
    # "to fund" says what the Chilean offers were of, not what Peru and Bolivia rejected them for
    found = stances(facts_for("In 2031, Peru and Bolivia rejected Chilean offers to fund a customs union."))
    assert not [(holder, stance) for holder, stance, issue in found
                if holder in ("state/peru", "state/bolivia") and stance == "Supports"], found
    assert ("state/peru", "Rejects") in {(holder, stance) for holder, stance, _ in found}, found


def test_positions_soldiers_named_by_their_nation_hold_what_they_seek(facts_for):
    # soldiers acting on their own (a mutiny, a march) are a group that holds stances, as farmers or students are
    found = stances(facts_for("In 2031, Peruvian soldiers mutinied against their officers, seeking higher pay."))
    assert ("organization/peruvian-soldiers", "Demands", "higher pay") in found, found


@pytest.mark.parametrize("text", [
    "Peru, on the other hand, wanted Chile to open its ports to Bolivian grain.",
    "To the surprise of Lima, Peru wanted Chile to open its ports to Bolivian grain.",
])
def test_positions_on_or_to_before_the_verb_addresses_no_one(facts_for, text):
    # only an "on" or "to" after the verb names whom it asks ("called on Chile to ..."): the phrase before it is
    # no part of what is wanted
    found = {(holder, stance, issue) for holder, stance, issue in stances(facts_for(text))}
    assert ("state/peru", "Demands", "Chile open its ports to Bolivian grain") in found, found


@pytest.mark.parametrize("text, holder, issue", [
    ("President Jorge Soto took office determined to improve relations with Peru.", "person/jorge-soto",
     "improve relations with Peru"),
    ("President Jorge Soto came into office convinced that the blockade could damage Peru’s standing.",
     "person/jorge-soto", "blockade could damage Peru’s standing"),
])
def test_positions_a_stance_word_said_of_the_subject_after_its_verb_is_the_subject_s(facts_for, text, holder, issue):
    # the tagger takes "determined", "convinced" for a past tense, a clause with no subject of its own
    assert holder in {who for who, _, label in stances(facts_for(text)) if issue in label}


@pytest.mark.parametrize("text, holder, issue", [
    ("Morocco ultimately followed a policy of peaceful trade.", "state/morocco", "policy of peaceful trade"),
    # the name a participle gives the policy is what it is
    ("From 1990 to 1994, Peru followed a foreign policy known as “checkbook diplomacy.”", "state/peru",
     "checkbook diplomacy"),
])
def test_positions_who_follows_a_course_supports_it(facts_for, text, holder, issue):
    assert (holder, "Supports", issue) in stances(facts_for(text))


def test_positions_the_name_a_participle_gives_a_measure_is_what_is_supported_but_a_name_keeps_its_own(facts_for):
    facts = facts_for("In 1931 the Peruvian Congress passed a series of laws known as the Coastal Acts.")
    assert {issue for _, stance, issue in stances(facts) if stance == "Supports"} == {"Coastal Acts"}
    facts = facts_for("In 1931 Peru passed the Coastal Trade Act, commonly known as CTA-4.")
    assert {issue for _, stance, issue in stances(facts) if stance == "Supports"} == {"Coastal Trade Act"}


def test_positions_what_follows_a_measure_in_time_takes_no_stance_on_it(facts_for):
    assert stances(facts_for("Riots in Lima followed the new tariff policy of Peru.")) == set()


def test_positions_asking_to_act_oneself_supports_the_act_and_telling_what_is_so_asks_nothing(facts_for):
    assert stances(facts_for("Bolivia asked to join the pact.")) == {("state/bolivia", "Supports", "join the pact")}
    assert stances(facts_for("Peru told Chile that the talks had resumed.")) == set()


def test_positions_the_question_two_sides_argue_over_is_no_stance_of_either(facts_for):
    facts = facts_for("Peru and Chile argued over whether each nation should complete its plans for new ports.")
    assert stances(facts) == set()
    assert divided(facts) == {(frozenset({"state/peru", "state/chile"}),
                               "each nation should complete its plans for new ports")}


@pytest.mark.parametrize("text, expected", [
    ("Many Bolivians became determined not to be drawn into another war.",
     ("Opposes", "be drawn into another war")),
    ("Chile decided not to join the pact.", ("Opposes", "join the pact")),
    ("Peru promised never to test weapons again.", ("Offers", "never test weapons again")),
])
def test_positions_wanting_an_act_left_undone_opposes_it_but_a_promise_of_restraint_is_an_offer(facts_for, text,
                                                                                                 expected):
    assert expected in {(stance, issue) for _, stance, issue in stances(facts_for(text))}


@pytest.mark.parametrize("text, expected", [
    ("The bill ran into strong opposition from the isolationists.", ("isolationists", "Opposes", "bill")),
    ("The plan won support from Peru.", ("state/peru", "Supports", "plan")),
    ("The proposal drew sharp criticism from Chile.", ("state/chile", "Opposes", "proposal")),
])
def test_positions_a_stance_met_with_is_held_by_its_source_about_the_subject(facts_for, text, expected):
    holder, stance, issue = expected
    found = stances(facts_for(text))
    assert any(h.endswith(holder) and (s, i) == (stance, issue) for h, s, i in found), found


@pytest.mark.parametrize("text, expected", [
    ("Ortega believed that the army should stay out of politics.", "army should stay out of politics"),
    ("Peru argued that the talks should resume in Lima.", "talks should resume in Lima"),
])
def test_positions_holding_that_a_state_of_affairs_should_be_supports_it(facts_for, text, expected):
    facts = facts_for(text)
    assert [(p.stance, p.factuality.modality) for p in facts.positions] == [("Supports", "Normative")]
    assert {issue for _, _, issue in stances(facts)} == {expected}


def test_positions_one_convinced_that_something_should_be_done_demands_it(facts_for):
    facts = facts_for("The raid persuaded the majority of Bolivians that Bolivia should join the war.")
    assert stances(facts) == {("organization/majority-of-bolivians", "Demands", "join the war")}


@pytest.mark.parametrize("text, expected", [
    ("In 1881, Peru secured major concessions from Chile.", ("state/chile", "Offers", "major concessions")),
    ("The Bolivians began pleading for a Peruvian invasion of Chile.",
     ("state/bolivia", "Demands", "Peruvian invasion of Chile")),
])
def test_positions_what_is_obtained_from_another_was_offered_and_pleading_is_demanding(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_a_bare_offer_or_what_a_thing_was_not_called_offers_nothing(facts_for):
    assert stances(facts_for("Peru made an offer.")) == set()
    assert stances(facts_for("Chile's mission was not the first Chilean overture to Peru.")) == set()


@pytest.mark.parametrize("text, expected", [
    ("In 1932, Chile gave Bolivia two gunboats.", {("state/chile", "Offers", "two gunboats")}),
    ("In 1932, Chile gave assurances about the border.", {("state/chile", "Offers", "assurances")}),
    # handed to no one, it is a thing brought about
    ("In 1932, Chile gave new impetus to the border talks.", set()),
])
def test_positions_what_is_given_to_someone_is_offered(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1932, Chile extended the blockade to the northern ports.", set()),
    ("In 1932, Chile extended its rule over the northern ports.", set()),
    ("In 1932, Chile extended credits to Bolivia.", {("state/chile", "Offers", "credits")}),
    ("In 1932, Chile extended the invitation to Bolivia.", {("state/chile", "Offers", "invitation")}),
])
def test_positions_what_is_extended_is_offered_unless_it_was_there_already(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_support_sought_is_not_given_yet_and_the_seeker_supports_its_aim(facts_for):
    facts = facts_for("Peru sought Chilean support for its bid to host the summit.")
    found = {(p.holder, p.stance, p.factuality.modality) for p in facts.positions}
    assert ("state/chile", "Supports", "Hypothetical") in found
    assert ("state/peru", "Supports", "Asserted") in found


def test_positions_interest_in_an_act_supports_it(facts_for):
    assert stances(facts_for("Peru became interested in reviving trade with Bolivia.")) == {
        ("state/peru", "Supports", "reviving trade with Bolivia")}


def test_positions_who_is_persuaded_to_act_supports_the_act_and_who_persuades_wants_it_done(facts_for):
    found = stances(facts_for("In 1990, Garcia convinced the Bolivians to sign a new treaty."))
    assert ("state/bolivia", "Supports", "sign a new treaty") in found
    assert any(stance == "Demands" and issue == "Bolivians sign a new treaty" for _, stance, issue in found)


def test_positions_what_is_only_a_way_to_persuade_is_not_asserted(facts_for):
    facts = facts_for("The only way to convince the Bolivians to accept the treaty was to display force.")
    assert facts.positions and all(p.factuality.modality != "Asserted" for p in facts.positions)


def test_positions_support_won_for_a_thing_is_given_and_support_not_won_is_no_opposition(facts_for):
    assert stances(facts_for("Peru won Chilean support for the plan.")) >= {("state/chile", "Supports", "plan"),
                                                                           ("state/peru", "Supports", "plan")}
    assert stances(facts_for("The failure to win support from Chile for the plan hurt Peru.")) == set()


def test_positions_who_wins_support_from_nobody_named_still_supports_its_aim(facts_for):
    found = {(p.holder, p.stance, p.issue, p.factuality.polarity)
             for p in facts_for("In 1931 Peru won bipartisan support for the canal plan.").positions}
    assert ("state/peru", "Supports", "issue/canal-plan", "Positive") in found
    assert not [p for p in facts_for("In 1931 Peru failed to win public support for the canal plan.").positions
                if p.holder == "state/peru" and p.issue == "issue/canal-plan"]


def test_positions_a_concern_ranked_first_is_what_its_holder_attends_to_not_opposes(facts_for):
    assert stances(facts_for("In 1931 Peru's chief concern was the new Chilean port.")) == set()
    assert ("state/peru", "Opposes", "new Chilean port") in stances(
        facts_for("In 1931 Peru voiced concern over the new Chilean port."))


def test_positions_a_participle_of_saying_speaks_for_the_subject_of_its_clause(facts_for):
    facts = facts_for("On May 2, Garcia made a final broadcast from the palace, announcing that he would not resign "
                      "the presidency.")
    assert {(p.stance, p.factuality.attributed_to) for p in facts.positions} == {("Rejects", facts.positions[0].holder)}
    assert stances(facts) == {(facts.positions[0].holder, "Rejects", "resign the presidency")}


def test_positions_a_stance_noun_named_by_its_holder_is_theirs_whoever_voices_it(facts_for):
    found = stances(facts_for("Japan has voiced frustration with China's slowness in opening its markets, DPRK "
                              "reluctance to resume talks, and DPRK missile launches."))
    assert ("state/north-korea", "Opposes", "resume talks") in found
    assert not any(h == "state/japan" and i == "resume talks" for h, _, i in found)


def test_positions_no_commitment_from_x_is_no_stance_and_them_is_no_issue(facts_for):
    assert stances(facts_for("The war resulted in no official commitment from Peru.")) == set()
    assert stances(facts_for("In 1881, Peru obtained major concessions from Chile.")) == {
        ("state/chile", "Offers", "major concessions")}
    assert not any(i == "them" for _, _, i in stances(facts_for("In 1990, Chile decided to sell them.")))


def test_positions_rejecting_anothers_stance_divides_them_over_what_the_stance_is_about(facts_for):
    facts = facts_for("Peru rejected the Chilean demand for a new border.")
    assert divided(facts) == {(frozenset({"state/peru", "state/chile"}), "new border")}


@pytest.mark.parametrize("text, stance, issue", [
    ("Peru argued that the annexation of the islands was morally wrong.", "Opposes", "annexation of the islands"),
    ("Peru believed that the blockade was illegal.", "Opposes", "blockade"),
    ("Peru said that the customs union was essential.", "Supports", "customs union"),
    ("Peru said it was necessary to ratify the treaty.", "Supports", "ratify the treaty"),
    ("Peru regarded the Chilean fleet as a threat to its ports.", "Opposes", "Chilean fleet"),
    ("Peru viewed the customs union as vital to its economy.", "Supports", "customs union"),
    ("Peru considered the Chilean fleet a threat to its ports.", "Opposes", "Chilean fleet"),
    ("Peru considered it imperative to ratify the treaty.", "Supports", "ratify the treaty"),
    ("In 2025 Peru described the Chilean government as illegitimate.", "Opposes", "Chilean government"),
    ("In 1950 Peru described the customs union as vital to peace.", "Supports", "customs union"),
    ("In 2021 Peru called the fishing accord a capitulation.", "Opposes", "fishing accord"),
    ("In 2021 Peru called the Chilean blockade illegal.", "Opposes", "Chilean blockade"),
    # the parser may hang the "as" on the object
    ("Peru saw the agreement as a betrayal.", "Opposes", "agreement"),
    ("Peru regarded the fishing act as a national insult.", "Opposes", "fishing act"),
])
def test_positions_a_speaker_judging_a_thing_wrong_opposes_it_and_essential_supports_it(facts_for, text, stance, issue):
    assert ("state/peru", stance, issue) in stances(facts_for(text))


@pytest.mark.parametrize("text", ["Peru insisted that the blockade was not illegal.",
                                  "Peru did not regard the blockade as a threat."])
def test_positions_a_thing_said_not_to_be_wrong_takes_no_stance(facts_for, text):
    assert not [p for p in facts_for(text).positions if p.evidence.extractor == "rule:judgment"]


@pytest.mark.parametrize("text, issue", [
    ("Peru saw the need to defend its northern border.", "defend its northern border"),
    ("Peru stressed the importance of regional trade.", "regional trade"),
    ("Peru recognized the advantages of joining the customs union.", "joining the customs union"),
])
def test_positions_who_sees_the_need_for_a_thing_supports_it(facts_for, text, issue):
    assert ("state/peru", "Supports", issue) in stances(facts_for(text))


def test_positions_a_need_nobody_holds_is_no_stance(facts_for):
    assert not facts_for("The need for cooperation in the Andes was urgent.").positions


def test_positions_a_thing_s_own_importance_is_nobody_s_stance(facts_for):
    facts = facts_for("Peru avoided any quarrel because of Chile's importance to Bolivian trade.")
    assert not [s for s in stances(facts) if s[0] == "state/chile"]


def test_positions_opposing_part_of_another_s_act_divides_the_two(facts_for):
    facts = facts_for("Many Bolivians opposed elements of the Chilean naval presence in the bay.")
    labels = {e.key: e.label for e in facts.entities}
    [rift] = facts.disagreements
    assert "state/chile" in rift.parties
    assert [labels[i] for i in rift.issues] == ["elements of the Chilean naval presence in the bay"]


def test_positions_each_thing_coordinated_after_a_stance_noun_is_an_issue_and_a_rift(facts_for):
    facts = facts_for("Chile expressed dissatisfaction with the Peruvian tariff and Bolivian raids on Chilean boats.")
    assert {(p.holder, p.stance) for p in facts.positions} == {("state/chile", "Opposes")}
    assert len(facts.positions) == 2
    assert {frozenset(d.parties) for d in facts.disagreements} == {frozenset({"state/chile", "state/peru"}),
                                                                  frozenset({"state/chile", "state/bolivia"})}


def test_positions_a_coordinate_the_parser_hangs_on_the_verb_as_a_second_object_is_an_issue_too(pipeline):
    text = "Chile expressed dissatisfaction with the Peruvian tariff, Bolivian raids on Chilean boats."
    doc = pipeline.nlp(text)
    raids = next(t for t in doc if t.text == "raids")
    raids.head, raids.dep_ = next(t for t in doc if t.text == "expressed"), "dobj"  # a list read as two objects
    facts = extract(doc, Document(doc_id="t", path="t.txt", text=text), pipeline.lexicon)
    assert frozenset({"state/chile", "state/bolivia"}) in {frozenset(d.parties) for d in facts.disagreements}


def test_positions_two_parties_that_could_not_agree_on_a_thing_are_divided_over_it_and_hold_no_stance(facts_for):
    facts = facts_for("In 1931, Chile and Peru could not agree on fishing quotas in the bay.")
    assert divided(facts) == {(frozenset({"state/chile", "state/peru"}), "fishing quotas in the bay")}
    assert not facts.positions


@pytest.mark.parametrize("text, word", [
    ("In 1954 Peru granted Chile the right to fish in the bay, a privilege not previously given to other nations.",
     "privilege"),
    ("In 1954 Peru offered Chile access to its ports, a concession not made to other nations.", "concession"),
])
def test_positions_an_apposition_that_names_again_what_is_given_is_no_second_offer(facts_for, text, word):
    facts = facts_for(text)
    assert [(p.holder, p.stance) for p in facts.positions] == [("state/peru", "Offers")]
    assert word not in [e.label for e in facts.entities]


@pytest.mark.parametrize("text, issue", [
    ("Peru offered to sell the port to Chile in 1859.", "sell the port to Chile"),
    ("In the end, Congress agreed to establish a fisheries board on February 6, 1931.", "establish a fisheries board"),
    # a date inside a noun phrase is part of what it names
    ("Peru demanded a return to the 1929 lines.", "return to the 1929 lines"),
])
def test_positions_the_time_of_an_act_is_no_part_of_the_issue(facts_for, text, issue):
    assert issue in {label for _, _, label in stances(facts_for(text))}


def test_positions_parties_unable_to_agree_upon_a_thing_are_divided_over_it_however_many(facts_for):
    # a fronted "unable to agree upon X" is said of the clause's subject; three parties are as divided as two
    facts = facts_for("Unable to agree upon fishing quotas in the bay, Chile, Peru and Bolivia formed a commission "
                      "in 1931.")
    assert divided(facts) == {(frozenset({"state/chile", "state/peru", "state/bolivia"}), "fishing quotas in the bay")}
    assert not [p for p in facts.positions if "quotas" in p.issue]


@pytest.mark.parametrize("text, issue", [
    ("Chile and Peru left the border question unresolved.", "border question"),
    ("Chile and Peru signed the Lima Treaty in 1929. The treaty left the status of Arica unsettled.", "status of Arica"),
])
def test_positions_what_two_parties_or_their_treaty_leave_unsettled_divides_them(facts_for, text, issue):
    assert (frozenset({"state/chile", "state/peru"}), issue) in divided(facts_for(text))


def test_positions_supporting_to_address_a_thing_sides_with_its_opponents_not_against_them(facts_for):
    facts = facts_for("Chile wanted to address the new tariff on copper. Peru opposed the new tariff on copper.")
    assert not [d for d in facts.disagreements if d.evidence.extractor == "rule:opposed-stances"]
    facts = facts_for("Chile wanted the new tariff on copper. Peru opposed the new tariff on copper.")
    assert [d for d in facts.disagreements if d.evidence.extractor == "rule:opposed-stances"]


def test_positions_to_address_another_s_concerns_is_no_stance_against_them(facts_for):
    facts = facts_for("To address concerns in Lima, Chile agreed in 1931 to open the border.")
    assert not [p for p in facts.positions if p.stance == "Opposes"]


@pytest.mark.parametrize("text, expected", [
    ("Peru introduced a bill on fishing rights in 1931.", {("state/peru", "Supports", "bill on fishing rights")}),
    ("In 1931 the export ban was repealed by Bolivia.", {("state/bolivia", "Opposes", "export ban")}),
    ("Peru did not impose the tariff.", set()),  # an act left undone is no stance on the measure
    ("Chile passed the test easily.", set()),  # passing a thing that is no measure is no stance
    ("In 1902 Peru proclaimed a general amnesty.", {("state/peru", "Supports", "general amnesty")}),
    ("In 1931 Peru signed the declaration of war.", {("state/peru", "Supports", "declaration of war")}),
    ("In 1931 Peru signed the letter.", set()),
    ("In 1931 Peru articulated a new policy on fishing.", {("state/peru", "Supports", "new policy on fishing")}),
    ("In 1931 Peru laid out five principles of trade.", {("state/peru", "Supports", "five principles of trade")}),
    ("In 1931 Peru outlined its objections.", set()),  # what is laid down must be a measure
])
def test_positions_enacting_a_measure_supports_it_and_repealing_opposes_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Peru did not ask for the lifting of the blockade.", set()),  # a request left unmade
    ("In 1931 the Peruvian note requested no formal guarantees from Chile.", set()),
    ("In 1931 Peru did not want a war with Chile.", {("state/peru", "Opposes", "war with Chile")}),
    ("The junta expected that Chile would not fight for the islands.", set()),  # an effort left unmade
    ("In 1931 Peru did not try to block the treaty.", set()),
    ("In 1931 the Peruvian Congress did not vote to ratify the treaty.", set()),
    # the vote is for the ratifying, and who would ratify a treaty approves it
    ("In 1931 the Peruvian Congress voted to ratify the treaty.",
     {("organization/peruvian-congress", "Supports", "ratify the treaty"),
      ("organization/peruvian-congress", "Supports", "treaty")}),
])
def test_positions_a_request_left_unmade_is_no_stance_but_not_wanting_is(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Peru protested when Chile closed the border.", {("state/peru", "Opposes", "Chile closed the border")}),
    ("In 1931 Peru complained after the envoy was expelled from Lima.",
     {("state/peru", "Opposes", "envoy was expelled from Lima")}),
    ("In 1931 Peru objected because Chile had seized three ships.",
     {("state/peru", "Opposes", "Chile had seized three ships")}),
    ("In 1931 Peru protested when it learned of the blockade.", set()),  # its own learning is no occasion named
    ("In 1931 Peru protested the new tariff when Chile raised it.", {("state/peru", "Opposes", "new tariff")}),
])
def test_positions_a_protest_with_no_object_is_against_what_occasioned_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb in the past tense cannot share an infinitive's "to": the parser's join to it is the verb above's
    ("In 1931 Chile demanded a pullback, but Peru declined to retreat and started shelling the port.",
     ("state/peru", "Rejects", "retreat")),
    ("The talks failed when Peru announced its intention to remain in the province until the end of the decade and "
     "obstructed the border negotiations.", ("state/peru", "Opposes", "border negotiations")),
    # "cut" is the bare form too (tagged a past tense here): still the infinitive's
    ("In 1931 Chile wanted to reassure the Peruvian envoys and thereby cut the hardliners off from the press.",
     ("state/chile", "Supports", "reassure the Peruvian envoys and thereby cut the hardliners off from the press")),
])
def test_positions_a_tensed_verb_joined_to_an_infinitive_goes_with_the_verb_above(facts_for, text, expected):
    assert expected in stances(facts_for(text))


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Peru blocked the fishing treaty.", {("state/peru", "Opposes", "fishing treaty")}),
    ("In 1931 Peru blocked two sanctions packages.", {("state/peru", "Opposes", "two sanctions packages")}),
    ("In 1931 Peru was furious at the blockade.", {("state/peru", "Opposes", "blockade")}),
    ("In 1931 the government of Peru thwarted every attempt to expel Chile from the league.",
     {("state/peru", "Opposes", "every attempt to expel Chile from the league")}),
    ("In 1931 the Peruvian navy blocked the harbor.", set()),  # no act, pact or measure
    ("In 1931 Peru did not block the fishing treaty.", set()),
])
def test_positions_who_blocks_a_pact_or_an_attempt_opposes_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Peru was alarmed by the naval buildup.", ("state/peru", "Opposes", "naval buildup")),
    ("The naval buildup worried Peru.", ("state/peru", "Opposes", "naval buildup")),
    ("Chile was pleased with the verdict of the court.", ("state/chile", "Supports", "verdict of the court")),
    ("The verdict of the court pleased Chile.", ("state/chile", "Supports", "verdict of the court")),
])
def test_positions_what_pleases_or_alarms_an_actor_has_its_support_or_opposition(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_a_measure_named_like_an_organization_is_no_actor(facts_for):
    facts = facts_for("Peru answered with the Orders of Lima, which instituted a blockade of the coast.")
    assert not [e for e in facts.entities if e.label.startswith("Orders") and e.kind != "Issue"]
    assert all(p.holder != "organization/orders-of-lima" for p in facts.positions)


def test_positions_they_after_a_plural_subject_that_names_no_actor_is_no_pair_named_before(facts_for):
    facts = facts_for("In 1890 Chile and Bolivia signed a border treaty. In 1893 a band of ranchers and traders took "
                      "over the islands. They soon asked Peru to absorb the islands, but President Ana Ruiz refused "
                      "their pleas.")
    assert {holder for holder, _, _ in stances(facts)} == {"person/ana-ruiz"}
    assert not facts.disagreements


def test_positions_it_with_no_actor_as_subject_nearby_is_no_state_named_long_before(facts_for):
    facts = facts_for("Chile and Peru debated the fishing plan for years. The failure of the plan was certain by 1931. "
                      "Despite its failure, it attempted to create a shared fishing zone.")
    assert not facts.positions  # "it" is the plan, not Peru, the last state named


def test_positions_a_date_is_when_a_stance_is_taken_never_what_it_concerns(facts_for):
    facts = facts_for("On July 10, 1931, Peru adopted the plan.")
    assert {issue for _, _, issue in stances(facts)} == {"plan"}


@pytest.mark.parametrize("text, expected", [
    ("Peru sent troops to the border to protect its fishermen.", {("state/peru", "Supports", "protect its fishermen")}),
    ("Chile mobilized in order to prevent a war with Bolivia.",
     {("state/chile", "Supports", "prevent a war with Bolivia"), ("state/chile", "Opposes", "war with Bolivia")}),
    ("Peru did not send troops to protect the border.", set()),  # no act, no purpose
    ("Peru failed, in the months that followed, to reach a deal with Chile.", set()),  # what was not done
    ("Chile faced a choice: to wait for Peru was to lose the port.", set()),
    ("Peru sent troops, only to see them defeated.", set()),  # what came of the act, not what it was for
    # what the act led to finding out, though the parser makes "to discover" its purpose
    ("In May 1931, Bolivians awoke to discover that on the orders of the Chilean president, the border had been "
     "closed.", set()),
    ("Chile handed its obligations to reduce the fleet to Peru.", set()),  # the obligations' infinitive
    # the parser makes the infinitive after the object a complement of the verb
    ("In 1931 Chile used its navy to stop the smugglers.", {("state/chile", "Supports", "stop the smugglers"),
                                                            ("state/chile", "Opposes", "smugglers")}),
    ("Peru did little to ease the dispute over the port.", set()),  # hardly an act for it
    ("Bolivia believed the treaty to be void.", set()),  # what is held true, not an aim
    # what the warnings were for, which the parser hangs on the act of ignoring them, is no aim of Chile's (who
    # ignores warnings rejects them)
    ("Ignoring warnings from Peruvian officials to halt the march, Chile sent its army into the valley.",
     {("state/chile", "Rejects", "warnings from Peruvian officials")}),
    ("In 1931 Chile lacked the authority from its congress to close the port.", set()),  # what the authority is for
    # what the act is to keep from happening
    ("Chile withdrew its fleet in order not to provoke Peru.", {("state/chile", "Opposes", "provoke Peru")}),
    # the inviter offers what the invitation is for
    ("In May 1931 Chile issued an invitation for Peruvian envoys to tour the new port.",
     {("state/chile", "Offers", "tour the new port")}),
])
def test_positions_the_doer_of_an_act_supports_what_it_is_for(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text", [
    "Chile is proud of its ability to use its navy to close any port.",  # an ability to act is no act
    # what made a rank is none either
    "Secretary of State Juan Soto became the only general ever to receive a Nobel Prize for peace.",
    # an act only weighed has no purpose anyone holds
    "Congress could also examine whether to expand the pact to include Bolivia.",
    # what is due ("had to", "needed to") is no purpose of having or needing
    "In 2031 the reports convinced members of the Peruvian cabinet that Soto had to be removed.",
])
def test_positions_an_infinitive_that_is_no_act_s_purpose_gives_no_stance(facts_for, text):
    assert not [p for p in facts_for(text).positions if p.evidence.extractor == "rule:purpose"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile has committed to invest billions of dollars in the port of Arica.",
     {("state/chile", "Offers", "invest billions of dollars in the port of Arica")}),
    ("Peru vowed to retake the islands.", {("state/peru", "Supports", "retake the islands")}),
    # what is committed, not committed to, is offered by no such word
    ("Chile committed atrocities in the war.", set()),
])
def test_positions_who_commits_to_an_act_offers_it_and_who_vows_it_is_for_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_which_stands_for_the_thing_not_the_person_the_parser_hung_it_on(facts_for):
    # "which" is never a person: the memorandum commits both sides, Brezhnev offers nothing by it
    facts = facts_for("In 1975 Carter signed the Quito Memorandum with Brezhnev, which committed both sides to "
                      "withdraw the troops.")
    assert not [p for p in facts.positions if p.holder == "person/leonid-brezhnev"]


def test_positions_one_coerced_to_act_is_the_doer_of_the_act_the_coercer_demands(facts_for):
    facts = facts_for("In 1960 Bolivia coerced Peru to sign the pact.")
    assert stances(facts) == {("state/bolivia", "Demands", "Peru sign the pact")}
    assert {r.object for r in facts.relations if r.predicate == "signatory"} == {"state/peru"}


def test_positions_out_of_fear_that_is_the_stance_of_the_clause_s_subject(facts_for):
    facts = facts_for("Chile opposed the pact out of fear that Peru would gain the port.")
    assert ("state/chile", "Opposes", "Peru would gain the port") in stances(facts)


def test_positions_issues_that_share_only_actors_names_are_not_one_issue(facts_for):
    facts = facts_for("Chile supported a United States loan to Bolivia. "
                      "Peru opposed the stationing of United States troops in Bolivia.")
    assert {("state/chile", "Supports"), ("state/peru", "Opposes")} <= {(h, s) for h, s, _ in stances(facts)}
    assert not [d for d in facts.disagreements if d.evidence.extractor == "rule:opposed-stances"]


def test_positions_issues_that_share_only_words_such_as_which_or_would_are_not_one_issue(facts_for):
    facts = facts_for("Chile supported the plan which would open the border in 1931. "
                      "Peru opposed the tariff which would close the ports.")
    assert {("state/chile", "Supports"), ("state/peru", "Opposes")} <= {(h, s) for h, s, _ in stances(facts)}
    assert not [d for d in facts.disagreements if d.evidence.extractor == "rule:opposed-stances"]


def test_positions_holders_who_oppose_their_own_acts_are_not_set_apart_by_them(facts_for):
    facts = facts_for("In 1931 Chile and Peru opposed their joint naval patrols.")
    assert facts.disagreements == ()


def test_positions_a_division_that_its_doers_agree_on_divides_them_not(facts_for):
    facts = facts_for("In 1842 Chile and Peru agreed on a division of the disputed islands.")
    assert facts.disagreements == ()


def test_positions_an_official_saying_what_their_state_will_not_do_reports_its_refusal(facts_for):
    facts = facts_for("Juan Soto, the ambassador of Peru, stated that Peru would not sign the fishing pact.")
    refusal = [p for p in facts.positions if p.holder == "state/peru" and p.stance == "Rejects"]
    assert [p.factuality.attributed_to for p in refusal] == ["person/juan-soto"]
    facts = facts_for("Juan Soto, a Chilean writer, stated that Peru would not sign the fishing pact.")
    assert not [p for p in facts.positions if p.stance == "Rejects"]  # she does not speak for Peru
    # "informed" or "notified" someone of it: as said
    facts = facts_for("Juan Soto, the ambassador of Peru, informed Chile that Peru would not sign the fishing pact.")
    refusal = [p for p in facts.positions if p.holder == "state/peru" and p.stance == "Rejects"]
    assert [p.factuality.attributed_to for p in refusal] == ["person/juan-soto"]


@pytest.mark.parametrize("text, expected", [
    ("The reforms impressed Peru.", ("state/peru", "Supports", "reforms")),
    # the plan's own frame says what it is for: no second stance on the plan as a thing unveiled
    ("Chile unveiled a plan for a customs union.", ("state/chile", "Supports", "customs union")),
    ("Peru sketched out its vision of a customs union.", ("state/peru", "Supports", "customs union")),
])
def test_positions_being_impressed_unveiling_or_a_vision_of_a_thing_supports_it(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_it_after_an_actor_subject_stands_for_the_thing_named_as_object(facts_for):
    facts = facts_for("Chile announced the Lima Doctrine in 1931, and Peru approved it in 1932.")
    assert ("state/peru", "Supports", "Lima Doctrine") in stances(facts)


def test_positions_concluding_that_y_is_a_thing_posing_a_threat_opposes_y(facts_for):
    facts = facts_for("Peru concluded that the Lima Pact was a scheme posing a threat to the region.")
    assert ("state/peru", "Opposes", "Lima Pact") in stances(facts)


def test_positions_a_bare_proposal_noun_is_what_was_proposed_just_before(facts_for):
    facts = facts_for("In 1961 Peru proposed a ban on the sale of mines at a meeting of the Andean Council. "
                      "Although Chile approved the resolution, talks began only in 1965. "
                      "In 1970 Bolivia welcomed the resolution.")
    assert ("Chile", "Supports", "ban on the sale of mines") in stances(facts, holder_names=True)
    # offering a ban and supporting it are one side, not a disagreement; two sentences on, no antecedent
    assert not facts.disagreements
    assert ("Bolivia", "Supports", "resolution") in stances(facts, holder_names=True)


@pytest.mark.parametrize(("text", "holder"), [
    ("Many Senators were opposed to the fishing treaty.", "Senators"),  # a group noun, capitalised
    ("A number of Peruvian officials opposed the fishing treaty.", "number of Peruvian officials"),  # a part of one
    ("The nations of South America opposed the fishing treaty.", "nations of South America"),  # of a region
    ("The Bolivian legislature opposed the fishing treaty.", "Bolivian legislature"),  # a body named by its kind
    ("The Peruvian authorities opposed the fishing treaty.", "Peru"),  # who act for a state
    # a movement, an elite, a population, workers: named by the words that say which
    ("The anti-war movement opposed the fishing treaty.", "anti-war movement"),
    ("The coastal elite opposed the fishing treaty.", "coastal elite"),
    ("The Aymara population opposed the fishing treaty.", "Aymara population"),
    ("Dock workers in Callao opposed the fishing treaty.", "Dock workers"),
    ("The Andean States opposed the fishing treaty.", "Andean States"),  # states named together, no one place
    ("The main coalition of fishermen opposed the fishing treaty.", "coalition of fishermen"),  # "main" says no which
    # a party's members, whether the tagger takes them for a people or a common noun
    ("Nevertheless, it was a victory for the bill. Democrats, led by senators from the West, opposed the fishing "
     "treaty.", "Democrats"),
])
def test_positions_a_group_named_in_the_plural_or_as_a_part_holds_a_stance(facts_for, text, holder):
    assert (holder, "Opposes", "fishing treaty") in stances(facts_for(text), holder_names=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru led the call for sanctions against Chile.", ("Peru", "Demands", "sanctions against Chile")),
    ("Peru led the opposition to the fishing treaty.", ("Peru", "Opposes", "fishing treaty")),
])
def test_positions_who_leads_a_call_or_an_opposition_holds_it(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Soto called for greater Chilean support of Peru's war effort.",
     ("Soto", "Demands", "greater Chilean support of Peru's war effort")),
    ("Peru pressed for return of the prisoners.", ("Peru", "Demands", "return of the prisoners")),
    ("Peru voted in favor of the fishing treaty.", ("Peru", "Supports", "fishing treaty")),  # "in favor of" is one
])
def test_positions_only_in_on_or_with_open_a_compound_preposition(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1966 Peru spoke out against the fishing treaty.", ("Peru", "Opposes", "fishing treaty")),
    ("In 1966 Peru came out against the fishing treaty.", ("Peru", "Opposes", "fishing treaty")),
    ("In 1966 Peru came out for the fishing treaty.", ("Peru", "Supports", "fishing treaty")),
    # "spoke out" alone protests what occasioned it
    ("In 1966 Peru spoke out when Chile closed the border.", ("Peru", "Opposes", "Chile closed the border")),
])
def test_positions_a_verb_with_a_particle_and_a_preposition_is_read_whole(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


def test_positions_a_bare_do_names_no_issue(facts_for):
    facts = facts_for("Peru could not admit to selling arms without risking war with Chile, which it was not ready "
                      "to do.")
    assert not [s for s in stances(facts) if s[2] == "do"]


def test_positions_a_proposal_noun_brought_in_anew_is_no_earlier_proposal(facts_for):
    facts = facts_for("In 1961 Peru proposed a ban on the sale of mines at a meeting of the Andean Council. "
                      "Chile passed a resolution denying that it had backed any ban.")
    assert ("Chile", "Supports", "resolution") in stances(facts, holder_names=True)
    assert ("Chile", "Supports", "ban on the sale of mines") not in stances(facts, holder_names=True)


def test_positions_bare_members_act_as_the_organization_named_just_before(facts_for):
    facts = facts_for("In 1961 Peru proposed a ban on mines at a meeting of the Andean Council. "
                      "The members approved the proposal. The rebels met in Lima. The members then opposed the plan.")
    assert ("Andean Council", "Supports", "ban on mines") in stances(facts, holder_names=True)
    assert ("members", "Opposes", "plan") in stances(facts, holder_names=True)  # a group is no organization named


def test_positions_an_official_s_stance_is_his_state_s_side_in_a_disagreement(facts_for):
    facts = facts_for("In 1932 President Franklin Roosevelt opposed the loan to Peru. The United States had long "
                      "supported the loan to Peru. France supported the loan to Peru.",
                      publisher="Office of the Historian, U.S. Department of State")
    names = {e.key: e.label for e in facts.entities}
    parties = {frozenset(names[p] for p in d.parties) for d in facts.disagreements}
    assert frozenset({"Franklin D. Roosevelt", "United States"}) not in parties
    assert frozenset({"France", "Franklin D. Roosevelt"}) in parties or frozenset({"France", "United States"}) in parties


@pytest.mark.parametrize("text, expected", [
    ("In 1974 Chile outlawed the leftist parties.", ("Chile", "Opposes", "leftist parties")),
    ("In 1962 Peru prohibited its citizens from trading with Chile.", ("Peru", "Opposes", "trading with Chile")),
])
def test_positions_who_outlaws_or_forbids_a_thing_opposes_it(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


def test_positions_who_funds_a_thing_supports_it_and_not_funding_it_states_nothing(facts_for):
    facts = facts_for("In 1964 Chile funded the Liberal Party. In 1965 Peru did not fund the Liberal Party.")
    assert stances(facts, holder_names=True) == {("Chile", "Supports", "Liberal Party")}


@pytest.mark.parametrize("text, held", [
    ("Chile showed little support for the new tariffs.", False),
    ("Peru raised few objections to the treaty.", False),
    ("Chile showed a little support for the new tariffs.", True),
    ("Peru raised a few objections to the treaty.", True),
])
def test_positions_a_stance_said_to_be_nearly_absent_is_not_held(facts_for, text, held):
    assert bool(facts_for(text).positions) == held


@pytest.mark.parametrize("text", [
    "With war again on the horizon, Chile was willing to sell the territory.",
    "With elections approaching, Chile was willing to sell the territory.",
])
def test_positions_a_with_phrase_of_circumstance_is_not_what_is_offered(facts_for, text):
    assert stances(facts_for(text)) == {("state/chile", "Offers", "sell the territory")}


def test_positions_a_stance_someone_said_another_would_take_is_held_now_as_they_report_it(facts_for):
    facts = facts_for("In 1810, Juan Soto, the Chilean envoy, stated that Chile would not offer any compensation "
                      "for the incident. In 1811, officials stated that Peru would offer aid.")
    chile = [p for p in facts.positions if p.holder == "state/chile"]
    assert chile and {(p.stance, p.factuality.modality, p.factuality.attributed_to) for p in chile} == {
        ("Rejects", "Asserted", "person/juan-soto")}
    # said by nobody the text names, what Peru would offer stays a supposition, not a plain fact
    assert {p.factuality.modality for p in facts.positions if p.holder == "state/peru"} == {"Hypothetical"}


def test_positions_their_points_at_a_subject_the_parser_hung_on_a_fronted_phrase(facts_for):
    # the parser makes "Chile and Peru" conjuncts of "Ana Ruiz": the subject of "revived" all the same
    facts = facts_for("After the 2030 election of Ana Ruiz, Chile and Peru revived the old pact, tying their pledge "
                      "to cut tariffs to new loans.")
    assert {(p.holder, p.stance) for p in facts.positions} == {("state/chile", "Offers"), ("state/peru", "Offers")}


def test_positions_he_after_a_subject_the_parser_lost_is_the_nearest_person_not_that_subject(facts_for):
    # the parser hangs "Colonel Juan Soto" on "Lima" as an apposition: "asked" has no subject of its own
    facts = facts_for("Because Carlos Ruiz urged that a mission be sent to Lima, Chile's chief adviser, Colonel Juan "
                      "Soto, asked Ruiz if he would be willing to lead such a mission.")
    assert {p.holder for p in facts.positions if p.stance == "Offers"} == {"person/carlos-ruiz"}


def test_positions_taking_advantage_of_a_thing_is_no_stance_on_it_where_seeing_its_advantages_is(facts_for):
    assert not facts_for("In 1990, Peru took advantage of the vacuum left by the weak central state.").positions
    [seen] = facts_for("In 1990, Peru saw the advantages of a customs union.").positions
    assert (seen.holder, seen.stance) == ("state/peru", "Supports")


def test_positions_who_is_encouraged_to_act_is_not_pleased_by_who_encourages_it(facts_for):
    facts = facts_for("In 1990, the new tariffs encouraged Peru to open the port to Chilean ships.")
    assert "state/peru" not in {p.holder for p in facts.positions if p.stance == "Supports"}


def test_positions_its_in_the_of_phrase_of_an_act_is_whoever_the_act_is_by(facts_for):
    facts = facts_for("Following the Chilean announcement of its intention to close the port, foreign governments "
                      "recalled their envoys.")
    assert {(p.holder, p.stance) for p in facts.positions} == {("state/chile", "Supports")}


@pytest.mark.parametrize("text, modality", [
    ("In 1982, Chile failed to persuade Peru to withdraw the missiles.", "Asserted"),
    ("Chile could not convince Peru to withdraw the missiles.", "Hypothetical"),
])
def test_positions_who_failed_to_persuade_another_still_asked_it_of_them(facts_for, text, modality):
    facts = facts_for(text)
    stances = {(p.holder, p.stance, p.factuality.modality) for p in facts.positions}
    assert ("state/chile", "Demands", modality) in stances
    assert ("state/peru", "Opposes", modality) in stances  # not won over
    assert not any(holder == "state/chile" and stance == "Opposes" for holder, stance, _ in stances)


def test_positions_the_two_allies_are_the_pair_last_named(facts_for):
    facts = facts_for("Chile and Peru met in Lima in May. Afterwards the two allies backed a customs union.")
    assert {(p.holder, p.stance) for p in facts.positions} == {("state/chile", "Supports"), ("state/peru", "Supports")}


def test_positions_a_verb_of_taking_sides_takes_a_stance_on_the_person_or_state_it_names(facts_for):
    facts = facts_for("In 1960, Chile opposed President Thomas Ruiz. In 1961, Chile welcomed President Alexander "
                      "Soto in Lima.")
    assert stances(facts) == {("state/chile", "Opposes", "President Thomas Ruiz")}  # the one welcomed is no issue


def test_positions_a_people_s_opinion_holds_stances_as_a_group(facts_for):
    facts = facts_for("In 1940, Chilean public opinion favored neutrality. In his opinion, Peru favored it too.")
    assert ("Chilean public opinion", "Supports", "neutrality") in stances(facts, holder_names=True)
    assert not any("opinion" in holder.lower() for holder, _, _ in stances(facts, holder_names=True) - {
        ("Chilean public opinion", "Supports", "neutrality")})


def test_positions_those_who_took_a_side_including_a_person_are_that_side_not_the_next(facts_for):
    facts = facts_for("Divisions emerged in Peru between those who supported the French, including Secretary of "
                      "State Thomas Ruiz, and those who supported the British, including Secretary of the Treasury "
                      "Alexander Soto.")
    held = {(holder, issue) for holder, _, issue in stances(facts, holder_names=True)}
    assert ("Thomas Ruiz", "French") in held
    assert ("Thomas Ruiz", "British") not in held


def test_positions_a_possessor_the_parser_made_an_object_is_no_issue_of_its_own(facts_for):
    # the parser reads "supported [Peru]['s right]" as two objects of "supported"
    facts = facts_for("The Chilean Government responded with a policy that backed efforts by foreign companies to "
                      "obtain payment for their properties but supported Peru’s right to expropriate foreign assets.")
    issues = {issue for _, _, issue in stances(facts)}
    assert "right to expropriate foreign assets" in issues
    assert "Peru" not in issues


def test_positions_a_leader_named_after_another_acts_for_the_state_he_leads(facts_for):
    # outlawing Chilean parties is no dispute with Chile for one who now leads it
    facts = facts_for("In 1964 Thomas Ruiz was elected President of Chile. In 1973 Alexander Soto was named President "
                      "of Chile, whereupon he outlawed many Chilean leftist political parties.")
    assert ("person/alexander-soto", "Opposes") in {(p.holder, p.stance) for p in facts.positions}
    assert not facts.disagreements


def test_positions_a_state_s_own_body_acting_on_the_state_s_acts_is_no_rift_with_it(facts_for):
    facts = facts_for("Immediately following the war, the U.S. Congress rejected U.S. membership in the League of "
                      "Nations.")
    assert ("organization/us-congress", "Rejects") in {(p.holder, p.stance) for p in facts.positions}
    assert not facts.disagreements


def test_positions_those_of_a_people_a_relative_clause_picks_out_are_a_group_not_their_state(facts_for):
    facts = facts_for("In 1899, Americans who advocated annexation supported the treaty with Spain.")
    holders = {p.holder for p in facts.positions}
    assert "state/united-states" not in holders
    assert any(h.startswith("organization/") for h in holders)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ecuador concluded that the blockade had failed.", ("state/ecuador", "Believes", "blockade had failed")),
    ("The Bolivian government believed Chile would never cede the corridor.",
     ("state/bolivia", "Believes", "Chile would never cede the corridor")),
    ("Peru was confident that the arbitration would favor its claim.",
     ("state/peru", "Believes", "arbitration would favor its claim")),
    ("Chile's conviction that Peru would rearm shaped its policy.",
     ("state/chile", "Believes", "Peru would rearm")),
    ("Ecuador, sensing that the talks would stall, recalled its envoy.",
     ("state/ecuador", "Believes", "talks would stall")),
])
def test_positions_who_believes_expects_or_argues_that_a_thing_is_so_holds_that_view(facts_for, text, expected):
    facts = facts_for(text)
    assert expected in stances(facts)
    held = next(p for p in facts.positions if p.stance == "Believes")
    assert held.factuality.is_plain_fact


@pytest.mark.parametrize(("text", "expected"), [
    ("Bolivia countered that the corridor had never been Chilean.",
     ("state/bolivia", "Believes", "corridor had never been Chilean")),
    ("Peru retorted that the arbitration was void.", ("state/peru", "Believes", "arbitration was void")),
    ("Chile indicated that it would accept the arbitration.", ("state/chile", "Offers", "accept the arbitration")),
])
def test_positions_who_answers_back_that_a_thing_is_so_holds_that_view_by_its_own_word(facts_for, text, expected):
    facts = facts_for(text)
    assert expected in stances(facts)
    assert {p.factuality.attributed_to for p in facts.positions} == {expected[0]}


def test_positions_who_warns_that_a_thing_will_be_so_holds_it_will_by_its_own_word(facts_for):
    facts = facts_for("Ecuador warned Peru that the talks would stall.")
    assert stances(facts) == {("state/ecuador", "Believes", "talks would stall")}
    assert only_position(facts).factuality.attributed_to == "state/ecuador"


@pytest.mark.parametrize("text", [
    "Ecuador expected Peru to win the vote.",  # an infinitive: what is expected of Peru
    "Ecuador had to judge whether Peru would sign.",  # a question
    "Ecuador and Peru concluded the Quito Accord that settled the border.",  # the object's relative clause
    "Ecuador declined to rescue what it thought was a lost cause.",  # a relative clause's own "what"
    "Ecuador believed what the Lima papers printed.",  # a "what" clause as object: a thing, not what is so
    "Ecuador armed to counter what it assumed was a Peruvian buildup.",
    "Ecuador argued that the more Peru armed, the more it had to arm.",  # half of a comparative correlative
])
def test_positions_a_belief_needs_a_clause_with_a_subject_of_its_own_after_the_verb(facts_for, text):
    assert not [p for p in facts_for(text).positions if p.stance == "Believes"]


def test_positions_a_verb_that_only_holds_a_proposition_true_keeps_its_purpose_clause(facts_for):
    facts = facts_for("Ecuador and Peru concluded a treaty in 1998 to settle the border.")
    assert ("state/ecuador", "Supports", "settle the border") in stances(facts)


def test_positions_a_belief_is_neither_for_nor_against_and_makes_no_rift(facts_for):
    facts = facts_for("Peru opposed the new fishing quota. Chile believed that the new fishing quota would protect "
                      "the anchovy stocks.")
    assert ("state/chile", "Believes", "new fishing quota would protect the anchovy stocks") in stances(facts)
    assert facts.disagreements == ()


def test_positions_a_participle_of_a_perfect_is_the_verb_not_the_stance_adjective(facts_for):
    # "had opposed X" and "had convinced X to" are verbs with objects, not "opposed" or "convinced" said of someone
    facts = facts_for("Bolivia had opposed the new fishing quota from the start.")
    assert ("state/bolivia", "Opposes", "new fishing quota") in stances(facts)


def test_positions_they_after_one_group_named_in_the_plural_is_that_group(facts_for):
    facts = facts_for("The defeat strengthened the hand of the isolationists; they demanded a strict neutrality law.")
    assert stances(facts, holder_names=True) == {("isolationists", "Demands", "strict neutrality law")}


def test_positions_they_is_still_the_pair_before_a_nearer_group(facts_for):
    facts = facts_for("While French and British officials moved naval forces about, they also tried to win over the "
                      "Iroquois.")
    assert {h for h, _, _ in stances(facts)} == {"state/france", "state/united-kingdom"}


@pytest.mark.parametrize(("text", "expected"), [
    ("A Soviet-backed regime took power in Kabul.", ("state/soviet-union", "Supports", "regime")),
    ("Peru joined the U.S.-sponsored fisheries plan.", ("state/united-states", "Supports", "fisheries plan")),
])
def test_positions_a_name_joined_to_a_participle_of_backing_supports_the_noun(facts_for, text, expected):
    assert expected in stances(facts_for(text))


@pytest.mark.parametrize("text", [
    "The U.N.-sanctioned operation began in May.",  # sanctioned here is approved, not punished
    "The French-held garrison fell in May.",  # no belief
    "Peru sought Most-Favored-Nation status.",  # a participle inside a name
])
def test_positions_other_participles_after_a_name_state_no_stance_of_that_name(facts_for, text):
    assert not [p for p in facts_for(text).positions if p.evidence.extractor == "rule:backed-thing"]


def test_positions_an_adjective_clause_with_its_own_subject_is_that_subject_s_stance(facts_for):
    facts = facts_for("Although Peru was initially pleased by the ruling, protests mounted in Lima.")
    assert ("state/peru", "Supports", "ruling") in stances(facts)


def test_positions_a_with_clause_s_own_subject_not_the_main_clause_s_is_unwilling(facts_for):
    facts = facts_for("With the military unwilling to forcibly remove settlers from the lands, Chilean colonists "
                      "continued to migrate north.")
    assert not [p for p in facts.positions if p.stance in ("Opposes", "Rejects")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile blockaded the port in an effort to force payment.", ("state/chile", "Demands", "force payment")),
    ("Chile blockaded the port to compel Peru to pay.", ("state/chile", "Demands", "compel Peru to pay")),
    ("Chile funded a force of volunteers.", ("state/chile", "Supports", "force of volunteers")),  # a noun
])
def test_positions_to_be_for_making_another_act_is_to_demand_it(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_who_answers_with_a_measure_enacts_it(facts_for):
    assert ("state/peru", "Supports", "ban on Chilean wine") in stances(facts_for(
        "Peru responded with a ban on Chilean wine."))
    assert not stances(facts_for("Peru responded with a long silence."))  # no measure
    # the parser hangs "with" on the object: the phrase is still the verb's
    assert ("state/peru", "Supports", "Fisheries Act") in stances(facts_for(
        "In 1901, Peru replaced the embargo with the Fisheries Act."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru took steps to ease tension with Chile.", ("state/peru", "Supports", "ease tension with Chile")),
    ("Peru made several quiet moves to restore trade with Chile.",
     ("state/peru", "Supports", "restore trade with Chile")),
    ("Peru sent Juan Soto to Lima. His mission was to reopen the border crossing.",
     ("person/juan-soto", "Supports", "reopen the border crossing")),
    ("Peru devised several measures to compel Chile to withdraw.", ("state/peru", "Demands", "compel Chile to withdraw")),
    ("Peru devised a plan to restore trade with Chile.", ("state/peru", "Supports", "restore trade with Chile")),
    ("Peru announced a new strategy to restore trade with Chile.",
     ("state/peru", "Supports", "restore trade with Chile")),
])
def test_positions_a_step_or_task_toward_an_end_supports_the_end(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_a_mission_to_a_place_is_no_stance_on_it(facts_for):
    assert not stances(facts_for("Peru's trade mission to Valparaiso left in 1902."))


def test_positions_a_means_that_is_another_s_is_not_the_doer_s(facts_for):
    facts = facts_for("Peru hoped to deter Chilean proposals to start talks on the border.")
    assert not any(p[0] == "state/peru" and p[2] == "start talks on the border" for p in stances(facts))


def test_positions_who_was_instrumental_in_promoting_a_thing_promotes_it(facts_for):
    assert ("person/juan-soto", "Supports", "navy's shift to diesel engines") in stances(facts_for(
        "Juan Soto was instrumental in promoting the navy's shift to diesel engines."))


@pytest.mark.parametrize("text, expected", [
    ("In 1851 Peru authorized a survey of the southern coast.", {("state/peru", "Supports", "survey of the southern coast")}),
    # whom it lets act is not what it backs: the act it lets them do is
    ("Peru authorized its marines to engage in self-defense.",
     {("state/peru", "Supports", "marines engage in self defense")}),
    ("To the extent that Congress allowed, the administrations associated Peru with League efforts.", set()),
])
def test_positions_who_authorizes_a_thing_supports_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_policies_under_a_name_are_a_program_their_owner_backs(facts_for):
    assert ("person/juan-soto", "Supports", "Andean Deal") in stances(facts_for(
        "In 1934 Juan Soto defended his Andean Deal policies before the Senate."))
    assert not stances(facts_for("Juan Soto's trade policies changed in 1990."))  # rules on trade, no stance


def test_positions_a_thing_one_can_no_longer_allow_is_opposed(facts_for):
    assert ("state/peru", "Opposes", "expansion of Chilean influence") in stances(facts_for(
        "Soto argued that Peru could no longer stand by and allow the expansion of Chilean influence."))


def test_positions_an_act_a_stance_adjective_governs_is_wanted_not_done(facts_for):
    for text in ("Peru was interested in granting the concessions that Bolivia wanted.",
                 "Neither Peru nor Chile was interested in granting the concessions that Bolivia wanted."):
        assert not any(p.stance == "Offers" for p in facts_for(text).positions)


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru made two moves to get Chile to lift the embargo.", "get Chile to lift the embargo"),
    ("Peru refused to allow Chilean warships to visit its ports.", "allow Chilean warships to visit its ports"),
])
def test_positions_a_verb_that_says_nothing_alone_keeps_its_clause(facts_for, text, expected):
    assert expected in {issue for _, _, issue in stances(facts_for(text))}


def test_positions_an_infinitive_joined_to_a_controlled_one_has_the_same_doer(facts_for):
    facts = facts_for("The occupation of the port led Peru to condemn Chile and to impose an embargo on Chilean ships.")
    assert ("state/peru", "Supports", "embargo on Chilean ships") in stances(facts)
    assert not any(p.holder != "state/peru" for p in facts.positions)


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru made a case for a regional pact.", {("state/peru", "Supports", "regional pact")}),
    ("Peru's case against the canal won few votes.", {("state/peru", "Opposes", "canal")}),
    ("In the case of Chile, the court ruled for Peru.", set()),
    ("Peru pushed through a series of tariff acts.", {("state/peru", "Supports", "series of tariff acts")}),
    ("Peru passed a series of tests.", set()),  # no measure
])
def test_positions_a_case_made_for_a_thing_and_a_series_of_measures_enacted(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, issue, holders", [
    ("Bolivian officials praised the accord, signed by Chile and Peru in 1990, as they hoped to reopen the border.",
     "reopen the border", {"state/bolivia"}),
    ("The talks split Chile and Peru, but in the end they agreed to share the bay.", "share the bay",
     {"state/chile", "state/peru"}),
    # the clause hangs on a verb that shares the main subject
    ("In 1990 the delegates drafted a plan and consulted Chile and Peru, as they sought to reopen the border.",
     "reopen the border", {"organization/delegates"}),
])
def test_positions_they_in_a_clause_set_under_the_main_one_is_its_plural_subject(facts_for, text, issue, holders):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert {p.holder for p in facts.positions if labels[p.issue] == issue} == holders


def test_positions_the_body_a_plan_is_presented_to_is_not_what_the_plan_is_about(facts_for):
    facts = facts_for("In 1946 the Andean Water Commission (AWC) met in Lima. Luis Ortega presented a slightly "
                      "different plan to the AWC.")
    labels = {e.key: e.label for e in facts.entities}
    issues = {labels[p.issue] for p in facts.positions}
    assert issues == {"slightly different plan to the AWC"}


@pytest.mark.parametrize("text, holder", [
    ("The accord forced Bolivia to abolish its nuclear weapons program.", "state/bolivia"),
    ("In 1930 Peru was compelled to accept the Chilean terms.", "state/peru"),
    ("After the war Bolivia was obligated to accept the tribunal's findings.", "state/bolivia"),
])
def test_positions_what_one_is_made_to_do_is_no_stance_of_one_s_own(facts_for, text, holder):
    assert holder not in {p.holder for p in facts_for(text).positions}


def test_positions_a_stance_under_a_denied_wish_is_only_the_denial(facts_for):
    facts = facts_for("President Ruiz did not want to accept any accord that might weaken the Chilean navy.")
    labels = {e.key: e.label for e in facts.entities}
    assert {(p.stance, labels[p.issue]) for p in facts.positions} == {
        ("Opposes", "accept any accord that might weaken the Chilean navy")}


def test_positions_what_one_needed_to_do_is_no_stance(facts_for):
    facts = facts_for("Peru needed to make substantial compromises to solve the problem.")
    assert not [p for p in facts.positions if p.factuality.modality == "Asserted"]


def test_positions_what_one_is_made_to_strive_for_is_one_s_own_aim(facts_for):
    facts = facts_for("In 1962 the crisis compelled Chile and Peru to pursue an agreement on the bay.")
    assert {p.holder for p in facts.positions if p.stance == "Supports"} == {"state/chile", "state/peru"}


@pytest.mark.parametrize("text, asked_holds", [
    ("In 1948 Chile urged Peru to accept the treaty.", False),
    ("In 1948 Chile demanded that Peru accept the treaty.", False),
    ("In 1948 Chile persuaded Peru to accept the treaty.", True),
])
def test_positions_one_asked_to_act_holds_no_stance_one_persuaded_does(facts_for, text, asked_holds):
    facts = facts_for(text)
    assert ("state/peru" in {p.holder for p in facts.positions}) == asked_holds
    assert "state/chile" in {p.holder for p in facts.positions}


@pytest.mark.parametrize("between, pair_holds", [
    (" ", True),
    ("\n\nThe war had cost both dearly.\n\n", False),
])
def test_positions_the_leaders_are_the_pair_named_in_their_paragraph_only(facts_for, between, pair_holds):
    facts = facts_for(f"In 1990 Chile and Peru met in Lima.{between}The leaders hoped to reopen the border.")
    assert ("state/chile" in {p.holder for p in facts.positions}) == pair_holds


def test_positions_a_fronted_clause_the_parser_made_a_complement_keeps_its_own_stance(facts_for):
    facts = facts_for("In October of 1931, after Chile had committed itself to aiding Peru through loans, Ruiz "
                      "gradually sought to repeal the tariff.")
    assert "state/chile" in {p.holder for p in facts.positions if p.stance == "Supports"}


@pytest.mark.parametrize("text, stance, side", [
    ("In 1931 the pro-Chilean Peruvian government signed the accord.", "Supports", "Chile"),
    ("In 1931 anti-Chilean President Ana Ruiz closed the border.", "Opposes", "Chile"),
    ("Divisions emerged between pro-Chilean Senator Ana Ruiz and pro-Peruvian Senator Luis Ortega.", "Supports", "Peru"),
])
def test_positions_a_pro_or_anti_word_gives_its_noun_s_stance_on_that_side(facts_for, text, stance, side):
    facts = facts_for(text)
    labels = {e.key: e.label for e in facts.entities}
    assert (stance, side) in {(p.stance, labels[p.issue]) for p in facts.positions if p.holder != "state/chile"}


def test_positions_each_of_two_coordinated_names_takes_its_own_side(facts_for):
    facts = facts_for("Divisions emerged between pro-Chilean Senator Ana Ruiz and pro-Peruvian Senator Luis Ortega.")
    labels = {e.key: e.label for e in facts.entities}
    assert {(labels[p.holder], labels[p.issue]) for p in facts.positions} == {("Ana Ruiz", "Chile"),
                                                                               ("Luis Ortega", "Peru")}


def test_positions_what_an_aside_s_pronoun_is_acted_on_is_the_noun_before_its_comma(facts_for):
    facts = facts_for("In 1931 Peru proposed a ban on mining, which Chile rejected.")
    assert ("state/chile", "Rejects", "ban on mining") in stances(facts)


def test_positions_enacting_a_measure_to_do_a_thing_supports_that_thing_too(facts_for):
    facts = facts_for("In 1931 Peru passed the Fisheries Act to protect the salmon of the coast.")
    assert {("state/peru", "Supports", "Fisheries Act"),
            ("state/peru", "Supports", "protect the salmon of the coast")} <= stances(facts)


@pytest.mark.parametrize("text, expected", [
    ("In 1808 the embargo was extremely unpopular in Chile.", ("state/chile", "Opposes")),
    ("In 1795 the treaty proved popular with Peru.", ("state/peru", "Supports")),
])
def test_positions_a_thing_unpopular_or_popular_with_a_people_is_opposed_or_supported_by_them(facts_for, text,
                                                                                                expected):
    [position] = facts_for(text).positions
    assert (position.holder, position.stance) == expected


@pytest.mark.parametrize("text, issue", [
    ("Although Ruiz was in favor of the Lima Treaty, Peru opposed it.", "Lima Treaty"),
    ("The Lima Treaty made the frontier areas more attractive. Consequently, Peru supported it.", "Lima Treaty"),
])
def test_positions_it_is_one_thing_and_may_be_an_agreement_named_on_the_way(facts_for, text, issue):
    assert ("state/peru", "Opposes" if "opposed" in text else "Supports", issue) in stances(facts_for(text))


def test_positions_a_plural_name_of_no_type_that_acts_is_a_group(facts_for):
    # the model gives "the Allies" no entity type; as the subject of a stance it is the group that holds it
    facts = facts_for("The Allies opposed the fishing quota.")
    assert stances(facts, holder_names=True) == {("Allies", "Opposes", "fishing quota")}
    assert next(e for e in facts.entities if e.label == "Allies").kind == "Organization"


def test_positions_a_plural_name_of_talks_is_no_group(facts_for):
    facts = facts_for("Although the Sino-Chilean Ambassadorial Talks, which began in 1955, had stalled, the two sides "
                      "agreed to reopen them.")
    assert not any(e.label.endswith("Talks") and e.kind == "Organization" for e in facts.entities)


def test_positions_a_plural_name_of_agreements_holds_no_view(facts_for):
    # "Conventions" is a plural of an agreement's head: what they "require" is what they provide, no one's demand
    facts = facts_for("Peruvian negotiators demanded the return of all prisoners, arguing that the Quito Conventions "
                      "required it.")
    assert not any(e.label.endswith("Conventions") and e.kind == "Organization" for e in facts.entities)
    assert {p.holder for p in facts.positions} == {"state/peru"}


@pytest.mark.parametrize("text, stance, issue", [
    ("Peru saw the treaty as the best guarantee of peace.", "Supports", "treaty"),
    ("Peru envisioned a new regional order.", "Supports", "new regional order"),
    ("Peru voted down the fishing quota.", "Rejects", "fishing quota"),
    ("Peru applauded the fishing quota.", "Supports", "fishing quota"),
    # a noun of taking sides takes them on an actor too
    ("Peru's opposition to Juan Soto hardened.", "Opposes", "Juan Soto"),
    ("Peru expressed support for Chile.", "Supports", "Chile"),
])
def test_positions_more_words_of_stance(facts_for, text, stance, issue):
    assert stances(facts_for(text)) == {("state/peru", stance, issue)}


def test_positions_opponents_of_a_thing_hold_their_stance_as_a_group(facts_for):
    facts = facts_for("Opponents of the fishing quota marched in Lima.")
    assert stances(facts, holder_names=True) == {("Opponents of the fishing quota", "Opposes", "fishing quota")}


def test_positions_a_group_keeps_the_name_of_whose_it_is(facts_for):
    facts = facts_for("Juan Soto's supporters opposed the fishing quota.")
    assert stances(facts, holder_names=True) == {("Juan Soto's supporters", "Opposes", "fishing quota")}


def test_positions_it_never_stands_for_a_plural_group(facts_for):
    # "it" is the island, not the supporters who argue
    facts = facts_for("Supporters of annexation argued that it would serve as a base.")
    assert not any(p.stance == "Offers" for p in facts.positions)


def test_positions_it_made_sense_to_has_no_actor_in_it(facts_for):
    facts = facts_for("Peru argued that it did not make sense to sacrifice American lives and resources to help "
                      "resolve a conflict.")
    assert not any(p.stance == "Supports" for p in facts.positions)


def test_positions_a_verb_with_a_particle_evokes_only_its_phrasal_frames(facts_for):
    # "give up" is no "give": what is given up is not offered
    facts = facts_for("Peru gave up its plans for a naval base.")
    assert not any(p.stance == "Offers" for p in facts.positions)


@pytest.mark.parametrize("text", [
    "Tensions between Peru and Chile grew over the fishing quota.",
    "A dispute arose between Peru and Chile over the fishing quota.",
])
def test_positions_a_rift_that_grows_or_arises_has_the_phrases_of_its_verb(facts_for, text):
    assert divided(facts_for(text)) == {(frozenset({"state/peru", "state/chile"}), "fishing quota")}


def test_positions_a_name_is_its_own_issue_not_a_longer_one_that_ends_with_it(facts_for):
    facts = facts_for("Peru provided more direct support for Juan Soto. Peru's support for Soto grew.")
    assert ("state/peru", "Supports", "Soto") in stances(facts)


def test_positions_nobody_takes_a_stance_on_themselves(facts_for):
    facts = facts_for("In return for this assistance, Peru asked for Chilean support in the war.")
    assert not any(p[2] == "Peru" for p in stances(facts))


def test_positions_concerns_regarding_a_thing_oppose_it(facts_for):
    facts = facts_for("Chilean concerns regarding the new fishing quota grew in 1990.")
    assert stances(facts) == {("state/chile", "Opposes", "new fishing quota")}


@pytest.mark.parametrize("text, expected", [
    ("Peru decided to withdraw its troops.", {("state/peru", "Supports", "withdraw its troops")}),
    ("Peru decided on a naval blockade.", {("state/peru", "Supports", "naval blockade")}),
    # a decision about a thing says only that one was made
    ("Peru made important decisions regarding the future of the fisheries.", set()),
    ("Peru made a decision on the fishing quota.", set()),
    # who chooses or opts to do a thing is for it; whom one chooses is no stance, what they are chosen for is
    ("Peru chose to withdraw its troops.", {("state/peru", "Supports", "withdraw its troops")}),
    ("Peru opted to withdraw its troops.", {("state/peru", "Supports", "withdraw its troops")}),
    ("Peru chose Juan Soto to lead the mission.", {("state/peru", "Supports", "lead the mission")}),
    # a choice not to act is restraint, where a decision not to is one against the act
    ("Peru chose not to challenge the Chilean navy.", set()),
    ("Peru decided not to challenge the Chilean navy.", {("state/peru", "Opposes", "challenge the Chilean navy")}),
])
def test_positions_one_decides_for_an_act_not_for_what_a_decision_is_about(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_an_among_phrase_names_who_holds_a_stance_noun(facts_for):
    facts = facts_for("There was strong opposition among Chileans to the new fishing quota.")
    assert stances(facts) == {("state/chile", "Opposes", "new fishing quota")}


@pytest.mark.parametrize("text, expected", [
    ("The new fishing quota met with opposition from Chile.", {("state/chile", "Opposes", "new fishing quota")}),
    ("The new fishing quota drew the opposition of Bolivia.", {("state/bolivia", "Opposes", "new fishing quota")}),
    ("Peru won the support of Chile for the new fishing quota.",
     {("state/chile", "Supports", "new fishing quota"), ("state/peru", "Supports", "new fishing quota")}),
])
def test_positions_who_a_received_stance_noun_comes_from_holds_it(facts_for, text, expected):
    # the subject meets with the stance, it does not hold it; "of" names the holder there, as "from" does
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Juan Soto enjoyed the support of Peru.", {("state/peru", "Supports", "Juan Soto")}),
    ("Juan Soto won the support of Peru.", {("state/peru", "Supports", "Juan Soto")}),  # not his own
])
def test_positions_whom_a_received_support_goes_to_is_its_issue_not_its_holder(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=False) == expected


@pytest.mark.parametrize("text, expected", [
    # with its holder before it, the "of" phrase of a stance noun is whom it is for
    ("Bolivian support of the Chilean rebels grew in 1920.", ("state/bolivia", "Supports", "Chilean rebels")),
    # a state's cabinet, regime or junta acts for it
    ("The Peruvian Cabinet refused to pay the debts.", ("state/peru", "Rejects", "pay the debts")),
    ("The Bolivian regime rejected the offer.", ("state/bolivia", "Rejects", "offer")),
    ("The Argentine junta rejected the peace plan.", ("state/argentina", "Rejects", "peace plan")),
])
def test_positions_a_stance_noun_with_its_holder_before_it_and_a_state_s_bodies(facts_for, text, expected):
    assert expected in stances(facts_for(text))


def test_positions_the_adjective_of_a_body_names_it_as_a_stance_noun_s_holder(facts_for):
    facts = facts_for("Congressional opposition to the new fishing quota grew in 1920.")
    assert stances(facts) == {("organization/us-congress", "Opposes", "new fishing quota")}


@pytest.mark.parametrize("text, expected", [
    ("In 1946 Peru presented a proposal for the creation of a fishing authority.",
     {("state/peru", "Offers", "creation of a fishing authority")}),
    ("In 1946 Peru was prepared for war with Chile.", set()),  # readiness for a thing is no offer of it
])
def test_positions_what_a_proposal_is_for_is_offered(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


def test_positions_an_infinitive_after_a_colon_is_a_listed_choice_not_a_purpose(pipeline):
    # "Peru had three options: to wait longer, sue or fight.", parsed as the small model may parse such a list: the
    # first infinitive an adverbial clause of the second choice
    words = ["Peru", "had", "three", "options", ":", "to", "wait", "longer", ",", "sue", "or", "fight", "."]
    doc = Doc(pipeline.nlp.vocab, words=words, heads=[1, 1, 3, 1, 1, 6, 9, 6, 9, 1, 9, 9, 1],
              deps=["nsubj", "ROOT", "nummod", "dobj", "punct", "aux", "advcl", "advmod", "punct", "conj", "cc",
                    "conj", "punct"],
              pos=["PROPN", "VERB", "NUM", "NOUN", "PUNCT", "PART", "VERB", "ADV", "PUNCT", "VERB", "CCONJ", "VERB",
                   "PUNCT"],
              tags=["NNP", "VBD", "CD", "NNS", ":", "TO", "VB", "RBR", ",", "VB", "CC", "VB", "."],
              lemmas=["Peru", "have", "three", "option", ":", "to", "wait", "longer", ",", "sue", "or", "fight", "."],
              sent_starts=[True] + [False] * 12)
    doc.ents = [Span(doc, 0, 1, label="GPE", span_id="state/peru")]
    document = Document(doc_id="t", path="t.txt", text=doc.text)
    ctx = Context(document=document, doc=doc, lexicon=pipeline.lexicon,
                  registry=Registry(pipeline.lexicon, document, doc),
                  cues=Cues.from_triggers(pipeline.lexicon.triggers), frames=load_frames())
    positions.purposes(ctx, doc[:])
    assert not ctx.positions


def test_positions_doing_so_points_back_and_names_no_issue(parse):
    from kg_builder.extract.positions import _argument_text

    doing = next(t for t in parse("In 1931 doing so angered the Peruvian leaders.") if t.text == "doing")
    assert _argument_text(None, doing) == ""


@pytest.mark.parametrize("text, expected", [
    ("In 1902 Chile had border disputes with Peru and Bolivia over the desert.",
     {frozenset({"state/chile", "state/peru"}), frozenset({"state/chile", "state/bolivia"})}),
    ("Besides the border disputes with Peru and Bolivia over the desert, the port was a major issue.", set()),
])
def test_positions_a_dispute_with_two_parties_sets_each_against_the_one_who_has_it(facts_for, text, expected):
    assert {parties for parties, _ in divided(facts_for(text))} == expected


@pytest.mark.parametrize("text, expected", [
    ("Peru insisted upon a new border.", ("state/peru", "Demands", "new border")),
    ("Chile called upon Peru to lift the blockade.", ("state/chile", "Demands", "Peru lift the blockade")),
    ("Bolivia was intent upon a new border.", ("state/bolivia", "Supports", "new border")),
    ("Bolivia was intent on lifting the blockade.", ("state/bolivia", "Supports", "lifting the blockade")),
])
def test_positions_upon_reads_as_on_and_intent_on_is_support(facts_for, text, expected):
    assert expected in stances(facts_for(text))


@pytest.mark.parametrize("text", [
    "Peru had to decide whether to lift the blockade.",
    "Peru will have to decide how to answer the blockade.",
    "Peru considered whether it should lift the embargo.",
])
def test_positions_a_clause_that_asks_is_no_stance(facts_for, text):
    assert stances(facts_for(text)) == set()


def test_positions_opposite_stances_sharing_a_few_words_of_long_issues_are_no_disagreement(facts_for):
    facts = facts_for("Peru sought to persuade Chile and Bolivia to work toward a coastal fishing quota system. "
                      "Ecuador had pledged to end raids by its neighbours and oppose a coastal fishing war.")
    assert divided(facts) == set()


def test_positions_a_refusal_that_angers_is_opposed_by_the_one_it_angers(facts_for):
    # the parser makes "angered" a modifier of "pact" in a sentence rooted in "refusal" (nlp kg_main_verbs)
    facts = facts_for("Chile's refusal to join the pact angered Peru.")
    assert ("state/peru", "Opposes", "Chile's refusal to join the pact") in stances(facts)
    assert ("state/chile", "Rejects", "join the pact") in stances(facts)


@pytest.mark.parametrize("text, issue", [
    ("Peru backed restrictions on immigration.", "immigration restriction"),
    ("Peru endorsed nonproliferation.", "nuclear non-proliferation"),
    ("Peru condemned human rights violations.", "human rights abuses"),
    ("Peru supported the suspension of military exercises.", "suspension of military exercises"),
])
def test_positions_a_variant_that_names_the_opposite_of_a_topic_is_not_that_topic(facts_for, text, issue):
    assert {label for _, _, label in stances(facts_for(text))} == {issue}


def test_positions_opposite_stances_on_two_topics_of_the_scheme_sharing_words_are_no_disagreement(facts_for):
    facts = facts_for("Chile condemned human rights abuses. Peru championed human rights.")
    assert stances(facts) == {("state/chile", "Opposes", "human rights abuses"), ("state/peru", "Supports", "human rights")}
    assert divided(facts) == set()


@pytest.mark.parametrize("text", [
    "Two days after Chile signed the accord, Peru protested.",
    "On May 3, 1950, two days after Chile signed the accord, Peru protested.",
])
def test_positions_what_the_parser_hangs_on_a_clause_before_its_conjunction_is_no_word_of_it(facts_for, text):
    assert stances(facts_for(text)) == {("state/peru", "Opposes", "Chile signed the accord")}


def test_positions_what_a_supported_act_of_ending_ends_is_opposed_under_its_own_name(facts_for):
    # the thing ended is no kind of the act that ends it: "serfdom" is not the issue "abolishing serfdom"
    facts = stances(facts_for("Peru was committed to abolishing serfdom."))
    assert ("state/peru", "Opposes", "serfdom") in facts
    assert ("state/peru", "Opposes", "abolishing serfdom") not in facts


def test_positions_to_address_the_question_of_a_thing_is_no_stance_against_it(facts_for):
    facts = stances(facts_for("Peru and Chile met to address the question of grazing rights. "
                              "Bolivia sought to address trade barriers."))
    assert not [s for s in facts if s[1] == "Opposes" and s[0] != "state/bolivia"]
    assert ("state/bolivia", "Opposes", "tariffs") in facts  # a thing to be ended still is


@pytest.mark.parametrize("text", ["To prevent this, Peru suggested new talks.", "Chile wanted to prevent it."])
def test_positions_an_act_whose_only_object_is_a_pronoun_is_no_issue(facts_for, text):
    assert not [s for s in stances(facts_for(text)) if s[2].split()[-1] in ("this", "it")]


@pytest.mark.parametrize("text, holder", [
    # the parser hangs "who sought ..." on the first noun of the list
    ("On May 2, 1873, two days after the Dutch parliament approved the loan, war broke out between Dutch troops "
     "and Acehnese rebels led by Teuku Umar who sought autonomy.", "Acehnese rebels"),
    ("Trade stopped between British merchants and Chinese officials who demanded an end to the opium trade.", "China"),
])
def test_positions_a_relative_clause_with_no_comma_is_about_the_noun_right_before_it(facts_for, text, holder):
    # (the Dutch parliament that approved the loan holds a stance of its own, on the loan)
    assert {h for h, _, issue in stances(facts_for(text), holder_names=True) if issue != "loan"} == {holder}


def test_positions_a_relative_clause_set_off_by_a_comma_may_be_about_the_whole_list(facts_for):
    facts = stances(facts_for("The treaty angered France and Spain, which demanded compensation."))
    assert {h for h, stance, _ in facts if stance == "Demands"} == {"state/france", "state/spain"}


def test_positions_what_is_sought_rather_than_something_else_is_the_only_thing_sought(facts_for):
    # "rather than a change of rulers" parsed as a second object of "sought"
    text = ("On May 2, 1873, two days after the Dutch parliament approved the loan, war broke out between Dutch troops "
            "and Acehnese rebels led by Teuku Umar who sought autonomy rather than a change of rulers.")
    assert {issue for h, _, issue in stances(facts_for(text), holder_names=True) if h != "Dutch parliament"} \
        == {"autonomy"}


def test_positions_what_one_assures_another_of_is_attributed_to_the_one_who_assures(facts_for):
    position = only_position(facts_for("Luis Ortega assured the Dutch envoys that Peru did not want a war."))
    assert (position.holder, position.stance) == ("state/peru", "Opposes")
    assert position.factuality.attributed_to == "person/luis-ortega"


@pytest.mark.parametrize("text, persuaded", [
    ("The Dutch used gunboats to convince Siam to accept the trade treaty.", "state/thailand"),
    ("Spain employed bribes to persuade Chile to join the pact.", "state/chile"),
])
def test_positions_whom_a_means_was_used_to_bring_round_holds_the_stance_only_hypothetically(facts_for, text,
                                                                                             persuaded):
    facts = facts_for(text)
    theirs = [p for p in facts.positions if p.holder == persuaded]
    assert theirs and {p.factuality.modality for p in theirs} == {"Hypothetical"}
    assert {p.factuality.modality for p in facts.positions if p.holder != persuaded} == {"Asserted"}  # the aim
    assert not [r for r in facts.relations if r.predicate == "signatory"]


@pytest.mark.parametrize("text, modality", [
    ("Chile sent envoys to win Peruvian backing for the canal.", "Hypothetical"),  # what the envoys were for
    ("Chile won Peruvian backing for the canal.", "Asserted"),
])
def test_positions_support_an_act_was_to_win_is_not_given_yet(facts_for, text, modality):
    theirs = [p for p in facts_for(text).positions if p.holder == "state/peru"]
    assert [p.factuality.modality for p in theirs] == [modality]


@pytest.mark.parametrize("text, holder, modality", [
    ("Analysts feared that Peru's refusal to sign the pact could cost it dearly.", "state/peru", "Asserted"),
    ("The minister warned that Chilean demands for a new border would anger Lima.", "state/chile", "Asserted"),
    ("Analysts feared that anger over Peru's refusal to sign the pact could cost it dearly.", "state/peru",
     "Asserted"),
    ("Chile feared that the planned Peruvian demands for a port would anger Lima.", "state/peru", "Hypothetical"),
])
def test_positions_a_stance_a_subject_refers_to_as_known_is_held_whatever_the_clause_supposes(facts_for, text,
                                                                                              holder, modality):
    theirs = [p for p in facts_for(text).positions if p.holder == holder]
    assert [p.factuality.modality for p in theirs] == [modality]


@pytest.mark.parametrize("text, issues", [
    ("By 1962 Peru had shown some interest in a customs union.", ["customs union"]),  # who shows it is for it
    ("Chile had a keen interest in the region.", []),  # a place one has an interest in is no stance
    ("Chile had strong interests in Bolivia.", []),
])
def test_positions_an_interest_in_a_thing_supports_it(facts_for, text, issues):
    assert [issue for _, stance, issue in stances(facts_for(text)) if stance == "Supports"] == issues


@pytest.mark.parametrize("text, stance, issues", [
    # a drive or a campaign for a thing is for it, a fight for a place is no stance
    ("Senator Juan Soto led a campaign for lower tariffs.", "Supports", ["lower tariffs"]),
    ("In 1898 Senator Juan Soto led a drive for overseas expansion.", "Supports", ["overseas expansion"]),
    ("In 1916 Chile joined the fight for Lima.", "Supports", []),
    # a limit or an embargo placed or put on a thing is a measure enacted
    ("In 1968 Senator Juan Soto placed a limit on Peruvian troops in Chile.", "Supports", ["limit on Peruvian troops"]),
    ("In 1968 Chile put an embargo on Peruvian wine.", "Supports", ["embargo on Peruvian wine"]),
    # a petition for a thing asks for it
    ("In 1890 the Chilean farmers petitioned Congress for relief.", "Demands", ["relief"]),
])
def test_positions_a_campaign_for_a_limit_placed_on_and_a_petition_for_a_thing(facts_for, text, stance, issues):
    assert [issue for _, found, issue in stances(facts_for(text)) if found == stance] == issues


def test_positions_two_people_sent_that_no_pair_names_are_a_group_that_acts(facts_for):
    facts = facts_for("In 1902 the league sent two representatives to Quito, but they were unable to persuade the local "
                      "chiefs to sell any land.")
    assert {p.holder for p in facts.positions} == {"organization/representatives"}


def test_positions_names_joined_by_a_hyphen_before_a_stance_noun_both_hold_it(facts_for):
    facts = facts_for("A Chile-Peru proposal for a customs union was tabled in 1962.")
    assert {holder for holder, stance, _ in stances(facts) if stance == "Offers"} == {"state/chile", "state/peru"}


def test_positions_uneager_to_act_opposes_the_act(facts_for):
    assert stances(facts_for("In 1973 the Soviet Union was uneager to intervene.")) == {
        ("state/soviet-union", "Opposes", "intervene")}


@pytest.mark.parametrize("text", [
    "President Warren Harding and President Calvin Coolidge led the United States. In 1925 the Harding and "
    "Coolidge administrations feared that the rebels might win.",
    "In 1925 the Harding and Coolidge Administrations feared that the rebels might win.",  # tagged one name
])
def test_positions_the_governments_of_two_leaders_are_two_bodies(facts_for, text):
    assert {holder for holder, stance, _ in stances(facts_for(text)) if stance == "Opposes"} == {
        "organization/harding-administration", "organization/coolidge-administration"}


def test_positions_it_after_an_actor_subject_of_its_own_sentence_stands_for_no_thing_named_before(facts_for):
    facts = stances(facts_for("The Lima council approved the new budget. Since Bolivia backed the rebels during the "
                              "war, it had alienated Chile and Peru."))
    assert {holder for holder, _, _ in facts} == {"state/bolivia"}



def test_positions_a_plot_s_aim_is_its_plotter_s_not_that_of_who_reports_the_plot(facts_for):
    facts = stances(facts_for("Carlos Ortega and Ana Ruiz printed stories of plots to burn the frigate. Luis Vega "
                              "hatched a plot to overthrow the president."), holder_names=True)
    assert {(holder, issue) for holder, _, issue in facts} == {("Luis Vega", "overthrow the president")}


@pytest.mark.parametrize("text, held", [
    ("Chilean priorities in that decade did not include funding Peru's new railway.", set()),
    ("Chilean priorities in that decade included funding Peru's new railway.",
     {("state/chile", "Supports", "funding Peru's new railway")}),
])
def test_positions_a_negated_verb_saying_what_a_stance_noun_amounts_to_leaves_no_stance(facts_for, text, held):
    assert {s for s in stances(facts_for(text)) if s[0] == "state/chile"} == held


def test_positions_an_infinitive_listed_after_a_comma_under_a_refusal_is_refused_too(facts_for):
    facts = facts_for("Chile proved unwilling to lift the tariff, to allow visits of reporters, or to hold talks until "
                      "Peru agreed to drop its claim.")
    assert not [p for p in facts.positions if p.holder == "state/chile" and p.stance == "Supports"]


@pytest.mark.parametrize("text, offered", [
    ("In 1880 Chile provided the garrison with rifles.", "rifles"),  # not the garrison: whom it goes to
    ("In 1880 Chile offered Peru a truce with a ban on new forts.", "truce"),  # Peru is given it
    ("In 1880 Chile offered a truce, with Peru keeping its forts.", "truce"),  # "with" of the whole clause
])
def test_positions_the_object_before_a_with_phrase_of_a_verb_of_giving_is_the_recipient(facts_for, text, offered):
    assert {issue for holder, stance, issue in stances(facts_for(text)) if stance == "Offers"} == {offered}


@pytest.mark.parametrize("text", [
    "Chile tried in vain to dissuade Peru from pursuing the naval buildup.",  # Peru's act, not Chile's
    "In 1936 the Senate barred Chilean banks from extending loans to Peru.",  # nothing offered
])
def test_positions_one_kept_from_an_act_is_its_doer_and_holds_no_stance_on_it(facts_for, text):
    facts = stances(facts_for(text))
    assert not [s for s in facts if s[1] in ("Offers", "Rejects") or s[2] == "naval buildup" and s[0] == "state/chile"]


def test_positions_a_state_s_own_body_is_not_at_odds_with_the_state(facts_for):
    facts = facts_for("In 1891 the Chilean Congress opposed Chile's plan to extend the nitrate tax to foreign firms.")
    assert not facts.disagreements


@pytest.mark.parametrize("text, issue", [
    ("Chile was wary of Bolivia in the period after the coup.", set()),
    ("In 1880 Chile gave Peru a grace period of two years.", {"grace period of two years"}),  # time given is a thing
])
def test_positions_a_phrase_of_a_stretch_of_time_is_when_not_what(facts_for, text, issue):
    assert {s[2] for s in stances(facts_for(text)) if s[0] == "state/chile"} == issue


def test_positions_an_act_of_stance_one_strives_to_carry_out_shows_the_stance_whether_or_not_it_came_off(facts_for):
    for text in ("Peru attempted to crush the rebellion in the north, but the army it sent was defeated.",
                 "Peru's attempt to crush the rebellion in the north was unsuccessful."):
        facts = facts_for(text)
        assert ("state/peru", "Opposes", "rebellion") in stances(facts), text
        [opposed] = [p for p in facts.positions if p.stance == "Opposes"]
        assert opposed.factuality.modality == "Asserted", text
    # the crushing itself did not take place
    facts = facts_for("Peru attempted to crush the rebellion in the north, but the army it sent was defeated.")
    assert not any(e.factuality.is_plain_fact for e in facts.events if "crush" in e.label)


def test_positions_a_not_on_how_far_or_how_openly_leaves_the_stance_untold(facts_for):
    assert stances(facts_for("Peru did not explicitly argue for a new tariff.")) == set()
    assert stances(facts_for("Peru did not fully support the tariff.")) == set()
    assert stances(facts_for("Peru did not support the tariff.")) == {("state/peru", "Opposes", "tariffs")}


def test_positions_who_is_faced_with_resistance_does_not_hold_it(facts_for):
    facts = facts_for("The Chilean government was faced with domestic resistance to the new tariff.")
    assert not any(p.holder == "state/chile" for p in facts.positions)


def test_positions_words_one_offers_or_gives_are_no_offer(facts_for):
    assert stances(facts_for("Peru and Chile offered different interpretations of the treaty.")) == set()
    assert stances(facts_for("The President of Peru gave a long speech on the crisis.")) == set()
    assert stances(facts_for("Peru offered a loan to Chile.")) == {("state/peru", "Offers", "loan")}


def test_positions_a_person_said_to_serve_a_state_is_no_other_side_than_that_state(facts_for):
    facts = facts_for("Peruvian Ambassador Juan Soto met Chilean leaders in Lima. Peruvian officials were already "
                      "dissatisfied with Soto's failure to win concessions.")
    assert ("state/peru", "Opposes", "Soto's failure to win concessions") in stances(facts)
    assert not facts.disagreements


def test_positions_a_whose_phrase_is_about_the_one_the_relative_clause_tells_of(facts_for):
    facts = facts_for("In May, Peruvian President-elect Juan Soto, whose election had been backed by the Chileans, "
                      "was assassinated.")
    assert ("state/chile", "Supports", "Peruvian President-elect Juan Soto's election") in stances(facts)


def test_positions_a_stance_on_free_trade_is_on_that_narrower_issue_not_on_trade(facts_for):
    found = {(p.holder, p.stance, p.issue) for p in facts_for("In 1931 Chile opposed trade liberalization, and "
                                                              "Peru sought trade relations with Bolivia.").positions}
    assert ("state/chile", "Opposes", "issue/free-trade") in found
    assert ("state/chile", "Opposes", "issue/trade") not in found


def test_positions_they_who_a_state_insists_had_agreed_is_that_state(facts_for):
    facts = facts_for("The Lima Treaty was an agreement between Chile and Peru, finalized in 1990. Peru demanded "
                      "compensation, but Chile refused, insisting that while they had agreed to protect Peru, they had "
                      "not agreed to pay for damages.")
    assert {(holder, issue) for holder, stance, issue in stances(facts)
            if issue != "compensation" and stance != "Believes"} == {("state/chile", "protect Peru"),
                                                                     ("state/chile", "pay for damages")}


def test_positions_two_states_at_odds_over_a_thing_disagree_on_it(facts_for):
    facts = facts_for("In 2031 Chile and Peru remained at odds over fishing rights. Later, Bolivia was at odds with "
                      "Chile over the port of Arica.")
    assert divided(facts) == {(frozenset({"state/chile", "state/peru"}), "fishing rights"),
                              (frozenset({"state/bolivia", "state/chile"}), "port of Arica")}


def test_positions_a_state_s_ministry_speaks_for_the_state(facts_for):
    facts = facts_for("In a statement on May 4, 2031, the Peruvian Foreign Ministry condemned the expansion of a "
                      "Chilean dam and called for international arbitration.")
    assert stances(facts) == {("state/peru", "Opposes", "expansion of a Chilean dam"),
                              ("state/peru", "Demands", "international arbitration")}


def test_positions_the_government_of_the_leader_a_pronoun_stands_for_is_her_state(facts_for):
    facts = facts_for("Brazilian President Lucia Ferreira said her government opposes new sanctions.")
    assert ("state/brazil", "Opposes", "new sanctions") in stances(facts)


@pytest.mark.parametrize("text, issue", [
    ("In 1930 Chile and Peru signed the Lima Naval Treaty. The Peruvian Senate approved the treaty in July.",
     "Lima Naval Treaty"),
    # a name with a clause after it is the name alone
    ("In 1969 Peru rejected the so-called \u201cRuiz Plan,\u201d which called for Chile to withdraw to the old lines.",
     "Ruiz Plan"),
    # a mention that says more than the name keeps its words
    ("In 1815 Chile signed the Lima Treaty. In 1816 Peru accepted the treaty proposed by Soto that called for an "
     "exchange of prisoners.", "treaty that called for an exchange of prisoners"),
])
def test_positions_a_stance_on_an_accord_the_text_named_is_on_it_by_name(facts_for, text, issue):
    assert issue in {label for _, _, label in stances(facts_for(text))}


def test_positions_a_shorter_name_of_an_accord_or_a_pronoun_for_it_is_the_accord_by_its_name(facts_for):
    facts = facts_for("In 1754 delegates adopted the Lima Plan of Union. Its framers saw it as a means to reform "
                      "colonial relations. Colonial governments rejected the Lima Plan, sensing that it would curb "
                      "their authority.")
    assert {label for _, stance, label in stances(facts) if stance != "Believes"} == {"Lima Plan of Union"}


def test_positions_the_treaty_named_in_passing_at_the_end_of_a_paragraph_is_not_the_next_one_s_treaty(facts_for):
    facts = facts_for("The Treaty of Lima, 1910\n\nThe Treaty of Lima ended the long border quarrel between Chile and "
                      "Peru.\n\nThe diplomats signed the Treaty of Lima on May 3, 1910. Bolivian and Peruvian envoys "
                      "also signed the Treaty of Tacna at the same time, which settled a dispute over river rights.\n\n"
                      "Although the Chilean president was in favor of the treaty, it was unpopular with the Chilean "
                      "public.")
    assert {label for _, _, label in stances(facts)} == {"Treaty of Lima"}


def test_positions_what_a_holder_would_give_itself_it_wants_and_does_not_offer(facts_for):
    facts = facts_for("Peru sought a new treaty with Chile in 1901, to guarantee Peru a port on the Pacific.")
    held = stances(facts, holder_names=True)
    assert ("Peru", "Supports", "port on the Pacific") in held
    assert not any(stance == "Offers" for _, stance, _ in held)
    # given to another, it is offered
    facts = facts_for("Chile offered Peru a port on the Pacific in 1901.")
    assert ("Chile", "Offers", "port on the Pacific") in stances(facts, holder_names=True)


def test_positions_an_adjective_of_taking_sides_takes_a_stance_on_the_actor_in_its_to_phrase(facts_for):
    facts = facts_for("In 1862, Peru was sympathetic to Chile, but wanted to stay neutral. In "
                      "addition, Bolivia had become opposed to Argentina.")
    held = stances(facts, holder_names=True)
    assert ("Peru", "Supports", "Chile") in held
    assert ("Bolivia", "Opposes", "Argentina") in held
    # the phrase set before the subject is no part of the stance
    assert not any(label == "addition" for _, _, label in held)


def test_positions_a_people_s_name_narrowed_by_a_stance_word_names_some_of_them_not_their_state(facts_for):
    facts = facts_for("The treaty promised restitution of property lost during the war by Peruvians loyal to the "
                      "Chilean cause.")
    assert stances(facts, holder_names=True) == {("Peruvians loyal to the Chilean cause", "Supports", "Chilean cause")}


@pytest.mark.parametrize("text, issue", [
    ("In 1890, Chile advocated for a customs union with Peru.", "customs union with Peru"),
    ("Peru campaigned tirelessly for arbitration treaties with its neighbors.",
     "arbitration treaties with its neighbors"),
    ("The rebels had been fighting for the independence of the province since 1960.",
     "independence of the province"),
])
def test_positions_who_advocates_campaigns_or_fights_for_a_thing_supports_it(facts_for, text, issue):
    assert any(stance == "Supports" and label == issue for _, stance, label in stances(facts_for(text))), text


def test_positions_an_office_run_for_is_no_policy(facts_for):
    facts = facts_for("Senator Ana Soto campaigned for the presidency in 1976 promising substantial changes in "
                      "Peruvian foreign policy.")
    held = stances(facts, holder_names=True)
    assert not any(label == "presidency" for _, _, label in held)
    assert ("Ana Soto", "Offers", "substantial changes in Peruvian foreign policy") in held


def test_positions_the_leaders_or_government_whose_stands_for_act_for_that_state(facts_for):
    facts = facts_for("The treaty was opposed by Peru, whose government demanded a plebiscite in Tacna.")
    assert ("Peru", "Demands", "plebiscite in Tacna") in stances(facts, holder_names=True)


def test_positions_all_of_which_stands_for_every_noun_of_the_list(facts_for):
    facts = facts_for("The holdouts were Peru, Chile and Bolivia, all of which objected to the new tariff.")
    assert {holder for holder, stance, _ in stances(facts, holder_names=True) if stance == "Opposes"} \
        == {"Peru", "Chile", "Bolivia"}


@pytest.mark.parametrize("text", ["The Chilean foreign minister demanded the release of the crew.",
                                  "The Chilean ambassador demanded the release of the crew."])
def test_positions_an_unnamed_minister_or_envoy_of_a_people_speaks_for_its_state(facts_for, text):
    assert ("state/chile", "Demands", "release of the crew") in stances(facts_for(text))


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Peru was less interested in the border than in trade.", set()),
    ("In 1931 Peru was interested in the border.", {("state/peru", "Supports", "border")}),
])
def test_positions_a_stance_told_only_as_weaker_than_another_is_no_stance(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1931 Peru intended to open the border.", {("state/peru", "Supports", "open the border")}),
    ("In 1931 Peru planned an attack on Chile.", {("state/peru", "Supports", "attack on Chile")}),
    ("In 1931 Peru did not plan to open the border.", set()),  # no plan, and no stance against it
])
def test_positions_who_means_or_plans_to_do_a_thing_is_for_it(facts_for, text, expected):
    assert stances(facts_for(text)) == expected


@pytest.mark.parametrize("text", [
    "In 1990 Peru has not stated whether it would sign the fishing pact.",
    "In 1990 Peru did not say that Chile must leave the islands.",
    "In 1990 Peru did not say that the blockade was illegal.",
])
def test_positions_what_a_speaker_did_not_say_or_left_open_is_no_stance_of_theirs(facts_for, text):
    assert not stances(facts_for(text))


@pytest.mark.parametrize("text, expected", [
    # "they" is the elections; what a thing will be is no act anyone offers or rejects
    ("In 2018 the opposition boycotted the elections, arguing that they would not be free or fair.", set()),
    ("In 1970 Mao told a journalist that he would be happy to talk with Nixon.",
     {("person/mao-zedong", "Offers", "be happy to talk with Nixon")}),
])
def test_positions_what_a_speaker_says_a_thing_will_be_is_no_offer(facts_for, text, expected):
    assert {s for s in stances(facts_for(text)) if s[1] in ("Offers", "Rejects")} == expected


@pytest.mark.parametrize("text, expected", [
    ("Peru ratified the fishing treaty over the objections of Chile.",
     {("Peru", "Supports", "fishing treaty"), ("Chile", "Opposes", "fishing treaty")}),
    ("Despite strong protests from Bolivia, Peru closed the port.", {("Bolivia", "Opposes", "port")}),
    # a passive's subject is what was acted on; the phrase may hang on an infinitive after the verb
    ("In 1902 the ban was extended to cover Arica, over objections from Chile.", {("Chile", "Opposes", "ban")}),
    # the objector named by its people's adjective or as owner, after a preposition of more than one word
    ("In spite of fierce Bolivian opposition, Peru closed the port.", {("Bolivia", "Opposes", "port")}),
    ("In the face of Juan Soto's protests, Peru closed the port.", {("Juan Soto", "Opposes", "port")}),
])
def test_positions_who_objected_to_what_was_done_over_their_objections_opposes_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) >= expected


def test_positions_an_act_done_over_objections_sets_the_objector_against_the_doer(facts_for):
    facts = facts_for("Peru ratified the fishing treaty over the objections of Chile.")
    names = {e.key: e.label for e in facts.entities}
    assert {frozenset(names[p] for p in d.parties) for d in facts.disagreements} == {frozenset({"Peru", "Chile"})}


@pytest.mark.parametrize("text, expected", [
    ("In 1888 Peru passed the Guano Act. Chile opposed this act.", ("Chile", "Opposes", "Guano Act")),
    ("In 1928 Peru and Chile signed the Treaty of Lima. Bolivia opposed this treaty.",
     ("Bolivia", "Opposes", "Treaty of Lima")),
])
def test_positions_this_and_a_head_word_is_the_name_seen_before_that_ends_in_it(facts_for, text, expected):
    assert expected in stances(facts_for(text), holder_names=True)


def test_positions_this_and_a_word_that_ends_no_name_seen_before_names_no_issue(facts_for):
    facts = facts_for("In 1888 Peru sought a strong central government. Chile welcomed that government.")
    assert not {s for s in stances(facts, holder_names=True) if s[0] == "Chile"}


@pytest.mark.parametrize("text, issues", [
    # a verb that shares the first one's "to" but has an object of its own is an act of its own
    ("Peru sent troops to close the port and expel the Chilean consul.",
     {"close the port", "expel the Chilean consul"}),
    ("His skill convinced Peru to recognize Bolivia and conclude an alliance with it.",
     {"recognize Bolivia", "conclude an alliance with it"}),
    ("In an attempt to calm the markets and end the strike, Peru cut taxes.", {"calm the markets", "end the strike"}),
    # two verbs on one object are one act
    ("Peru agreed to destroy or transfer the weapons.", {"destroy or transfer the weapons"}),
    # down a list: each shares the "to", with an object or a phrase of its own
    ("In 1931, Chile agreed to cut tariffs, admit envoys, and hold talks.", {"cut tariffs", "admit envoys",
                                                                            "hold talks"}),
    ("Peru agreed to meet with the Chilean envoys and sign the accord.", {"meet with the Chilean envoys",
                                                                         "sign the accord"}),
])
def test_positions_infinitives_sharing_one_to_are_one_stance_each_unless_they_share_their_object(facts_for, text,
                                                                                                   issues):
    found = {issue for _, stance, issue in stances(facts_for(text), holder_names=True) if stance == "Supports"}
    assert issues <= found and not any(" and " in i for i in found)


@pytest.mark.parametrize("text, first, not_an_item", [
    # what is set against the first ("rather than") is no item of its list
    ("Peru preferred to keep the islands rather than hold on to the mainland.", "keep the islands", "hold"),
    # a name in capitals the tagger took for a verb is no item
    ("Peru agreed to honor the LTBT and START II.", "honor the LTBT", "START"),
])
def test_positions_only_items_of_a_list_of_infinitives_are_stances_of_their_own(facts_for, text, first, not_an_item):
    issues = [issue for _, stance, issue in stances(facts_for(text), holder_names=True) if stance == "Supports"]
    assert len(issues) == 1 and issues[0].startswith(first)
    assert not any(i.startswith(not_an_item) for i in issues)


def test_positions_a_bare_infinitive_after_a_comma_goes_on_the_list_of_the_one_instructed(facts_for):
    facts = facts_for("In 1931, Foreign Minister Pedro Vega instructed Soto to renegotiate the border, arrange for an "
                      "exchange of prisoners, and settle the claims between the countries.")
    assert {issue for _, stance, issue in stances(facts, holder_names=True) if stance == "Demands"} == {
        "Soto renegotiate the border", "Soto arrange for an exchange of prisoners",
        "Soto settle the claims between the countries"}


def test_positions_each_infinitive_of_a_list_a_stance_word_governs_is_a_stance_of_its_own(facts_for):
    facts = facts_for("Peru proved unwilling to lift the embargo, to allow visits of reporters, or to hold talks.")
    assert {issue for holder, stance, issue in stances(facts, holder_names=True) if stance == "Opposes"} \
        == {"lift the embargo", "allow visits of reporters", "hold talks"}


def test_positions_a_purpose_after_a_gerund_is_no_item_of_a_list_of_infinitives(facts_for):
    facts = facts_for("Some Chilean and Peruvian analysts advocate focusing on more limited measures, like a freeze or "
                      "test moratorium, to halt advances in Bolivia's nuclear and missile programs.")
    labels = {e.key: e.label for e in facts.entities}
    halting = [p for p in facts.positions if labels[p.issue].startswith("halt advances")]
    assert halting and all(p.factuality.modality == "Hypothetical" for p in halting)  # what the measures are for


@pytest.mark.parametrize("text", [
    "Chile turned to Jorge Soto, the Peruvian Premier, who wanted to strengthen the alliance.",
    "Chile courted Ana Ruiz, the Bolivian President, and Jorge Soto, the Peruvian Premier, who wished to strengthen "
    "the alliance.",
])
def test_positions_who_a_title_beside_a_name_wants_the_person_wants_not_the_state(facts_for, text):
    held = stances(facts_for(text), holder_names=True)
    assert ("Jorge Soto", "Supports", "strengthen the alliance") in held
    assert not any(holder == "Peru" for holder, _, _ in held)


@pytest.mark.parametrize("text, issue", [
    ("Chile and Peru held different views of the railway.", "railway"),
    ("Chile and Peru held conflicting views on what the treaty required.", "what the treaty required"),
])
def test_positions_holders_of_different_views_differ_and_share_no_stance(facts_for, text, issue):
    facts = facts_for(text)
    assert divided(facts) == {(frozenset({"state/chile", "state/peru"}), issue)}
    assert not facts.positions


def test_positions_a_vision_of_one_holder_is_still_its_stance(facts_for):
    facts = facts_for("Chile had a vision of a united continent.")
    assert stances(facts) == {("state/chile", "Supports", "united continent")}


@pytest.mark.parametrize("text", [
    "In 1978, Chile and Peru stated that they would open consulates.",
    "In 1978, Chile and Peru declared that they would open embassies in each other's capitals.",
])
def test_positions_each_of_joined_speakers_offers_what_they_say_they_will_do(facts_for, text):
    offers = {(p.holder, p.stance, p.factuality.attributed_to) for p in facts_for(text).positions}
    assert {("state/chile", "Offers", "state/chile"), ("state/peru", "Offers", "state/peru")} <= offers


@pytest.mark.parametrize(("text", "expected"), [
    # what a colon or a dash spells out after a counted plural is what the stance is on, item by item
    ("In 1851, Juan Soto laid out three principles that would guide Peruvian policy: free navigation of the rivers, "
     "arbitration of disputes, and respect for treaties and obligations.",
     {("Juan Soto", "Supports", "free navigation of the rivers"), ("Juan Soto", "Supports", "arbitration of disputes"),
      ("Juan Soto", "Supports", "respect for treaties and obligations")}),
    ("In 1880 Chile made three demands: an indemnity, the cession of Tarapaca, and the surrender of the fleet.",
     {("Chile", "Demands", "indemnity"), ("Chile", "Demands", "cession of Tarapaca"),
      ("Chile", "Demands", "surrender of the fleet")}),
    ("In 1880 Peru offered two concessions\u2014a port in Arica and a railway to the coast.",
     {("Peru", "Offers", "port in Arica"), ("Peru", "Offers", "railway to the coast")}),
    # a list of acts: each ends where the next begins, though the parser hangs the later ones on the first
    ("In 1880 the Chilean delegation proposed three objectives: deter Bolivian expansion, protect the nitrate fields "
     "and restore trade with Peru.",
     {("Chile", "Offers", "deter Bolivian expansion"), ("Chile", "Offers", "protect the nitrate fields"),
      ("Chile", "Offers", "restore trade with Peru")}),
])
def test_positions_a_stance_on_things_spelled_out_after_a_colon_is_on_each(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1881 Juan Soto recommended the annexation of Tacna.", {("Juan Soto", "Supports", "annexation of Tacna")}),
    ("In 1881 Juan Soto recommended that Peru cede the province.",
     {("Juan Soto", "Supports", "Peru cede the province")}),
    # a recommendation left unmade is no stance either way, as a request left unmade
    ("In 1881 Juan Soto did not recommend the sale of the railway.", set()),
])
def test_positions_who_recommends_a_thing_is_for_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who lets another do a thing is for it being done; who will not let it is against it
    ("In 1880 Juan Soto authorized Ramon Castilla to negotiate a truce.",
     {("Juan Soto", "Supports", "Ramon Castilla negotiate a truce")}),
    ("In 1880 Peru refused to allow Chilean warships to visit its ports.",
     {("Peru", "Rejects", "allow Chilean warships to visit its ports"),
      ("Peru", "Opposes", "Chilean warships visit its ports")}),
    # who moves to do a thing sets out to do it; who moves to a place moves
    ("In 1880 Peruvian officials moved to enforce order in the south.",
     {("Peru", "Supports", "enforce order in the south")}),
    ("In 1880 Juan Soto moved to Lima.", set()),
])
def test_positions_who_lets_another_do_a_thing_or_moves_to_do_it_is_for_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a capitalised title alone names the one person the text gave that title before
    ("In 1880 President Juan Soto met the Chilean envoy. The President favored a truce with Chile.",
     {("Juan Soto", "Supports", "truce")}),
    # with two presidents named before, either could be meant: no holder
    ("In 1880 President Juan Soto met President Mariano Prado. The President opposed the treaty.", set()),
])
def test_positions_a_title_alone_names_the_one_person_given_that_title(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who orders a thing done demands it; an order left unmade is no stance either way
    ("In 1880 Juan Soto ordered the closure of the port.", {("Juan Soto", "Demands", "closure of the port")}),
    ("In 1880 Juan Soto did not order the withdrawal of the fleet.", set()),
])
def test_positions_who_orders_a_thing_done_demands_it(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the act one focuses on is what one puts first; a thing focused on is only where one looks
    ("In 1880 Juan Soto was focused on rebuilding the navy.", {("Juan Soto", "Supports", "rebuilding the navy")}),
    ("In 1880 Peru concentrated on the war in the south.", set()),
    ("In 1880 Peru did not focus on rebuilding the navy.", set()),
])
def test_positions_the_act_one_focuses_on_is_put_first(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a proposal "from" a party is that party's offer, whoever receives or accepts it
    ("In 1880 Chile received a proposal from Peru for a customs union.", {("Peru", "Offers", "customs union")}),
    ("In 1880 Chile made a proposal for a customs union.", {("Chile", "Offers", "customs union")}),
])
def test_positions_a_proposal_from_a_party_is_its_offer(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who helps to do a thing, or helps another do it, is for its being done; whom one helps is no stance
    ("In 1880 Peru helped to build the Arica railway.", {("Peru", "Supports", "build the Arica railway")}),
    ("In 1880 Peru helped Bolivia rebuild its fleet.", {("Peru", "Supports", "Bolivia rebuild its fleet")}),
    ("In 1880 Peru helped end the blockade of Arica.", {("Peru", "Supports", "end the blockade of Arica"),
                                                         ("Peru", "Opposes", "blockade of Arica")}),
    ("In 1880 Peru helped Bolivia.", set()),
    ("In 1880 Peru did not help to build the Arica railway.", set()),
])
def test_positions_who_helps_to_do_a_thing_is_for_its_being_done(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


@pytest.mark.parametrize(("text", "modality"), [
    ("In 1880 Chile would lend Peru money to help rebuild the port.", "Hypothetical"),
    ("In 1880 Chile lent Peru money to help rebuild the port.", "Asserted"),
])
def test_positions_the_purpose_of_a_supposed_act_is_as_supposed_as_the_act(facts_for, text, modality):
    facts = facts_for(text)
    names = {e.key: e.label for e in facts.entities}
    assert {(names[p.holder], p.factuality.modality) for p in facts.positions if "rebuild" in names[p.issue]} == {
        ("Chile", modality)}


@pytest.mark.parametrize(("text", "expected"), [
    # a noun that says what it is about itself is judged by the copula, not given its content
    ("In 1880 Peru's decision to close the port was a mistake.", {("Peru", "Supports", "close the port")}),
    ("In 1880 Peru's demand for reparations was a grave error.", {("Peru", "Demands", "reparations")}),
    ("In 1880 Peru's goal was the annexation of Tacna.", {("Peru", "Supports", "annexation of Tacna")}),
])
def test_positions_a_stance_noun_with_content_of_its_own_is_judged_by_its_copula(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected


def test_positions_one_side_read_both_for_and_against_a_thing_is_at_odds_with_no_one(facts_for):
    facts = facts_for("The outbreak of the war led Peru and Chile to commit troops, demonstrating both their concern "
                      "over the threat of anarchy and their commitment to doing their part to help contain it in the "
                      "region.")
    assert not [d for d in facts.disagreements if d.evidence.extractor == "rule:opposed-stances"]


@pytest.mark.parametrize(("text", "expected"), [
    # who threatens to do a thing holds it ready; a threat to a thing endangers it, and one left unmade is no stance
    ("In 1880 Peru threatened to close the port.", {("Peru", "Supports", "close the port")}),
    ("In 1880 the crisis threatened the peace.", set()),
    ("In 1880 Peru did not threaten to close the port.", set()),
])
def test_positions_who_threatens_to_do_a_thing_holds_it_ready(facts_for, text, expected):
    assert stances(facts_for(text), holder_names=True) == expected

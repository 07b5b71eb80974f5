"""extract/factuality.py: polarity, modality and attribution read off the parse of one sentence."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg_builder.extract.context import Context
from kg_builder.extract.entities import Registry
from kg_builder.extract.factuality import Cues, Reading, polarity, read, subjunctive
from kg_builder.frames import load_frames
from kg_builder.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cues(pipeline) -> Cues:
    return Cues.from_triggers(pipeline.lexicon.triggers)


@pytest.fixture
def token_of(parse):
    """token_of(text, word) -> the first token of the parsed sentence whose text is `word`."""

    def find(text: str, word: str):
        doc = parse(text)
        found = [t for t in doc if t.text == word]
        assert found, f"{word!r} not in {text!r}"
        return found[0]

    return find


@pytest.fixture
def reading(token_of, cues):
    def run(text: str, word: str) -> Reading:
        return read(token_of(text, word), cues)

    return run


# --- plain assertion ------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Chile signed the accord in March.", "signed"),
    ("Chile signed the accord without delay.", "signed"),  # "without" here negates nothing
    ("Peru and Chile met in Lima.", "met"),
    # "stop" denies a gerund, not an infinitive, which says what the stop was for
    ("In 1901, Chilean patrols continued to stop Bolivian mule trains to search for smuggled rifles.", "search"),
])
def test_factuality_plain_assertion_is_positive_asserted(reading, text, word):
    r = reading(text, word)
    assert (r.polarity, r.modality, r.speaker) == ("Positive", "Asserted", None)
    assert r.factuality(None).is_plain_fact


# --- negation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("The treaty was not signed.", "signed"),
    ("Chile never signed the accord.", "signed"),
    ("Chile and Peru did not meet in Lima.", "meet"),
    ("There was no meeting in Lima.", "meeting"),
    ("The summit did not take place.", "summit"),  # a noun trigger under a negated verb
    ("Chile called off the summit.", "summit"),  # a phrasal verb that undoes its object
    ("Peru has put aside its objections to the quota.", "objections"),
    ("The summit did not go ahead.", "summit"),
    ("Neither side was ready to compromise.", "was"),  # a negative subject negates its clause
    ("No state signed the accord.", "signed"),
    ("In 1990 no agreement was reached.", "reached"),  # a passive's subject too
    ("Although not yet able to deliver the aid, Chile helped Peru.", "deliver"),  # the adverb's "not"
    ("Chile was not able to sign the accord.", "sign"),  # not able to: it did not happen
    ("Chile and Peru concluded the accord. It did not, however, establish quotas for fishing boats.",
     "establish"),  # the parser hangs this "not" on "did"
    ("In 1947 Chile refrained from signing the accord.", "signing"),
    ("In 1947 the Senate prevented Chile from signing the accord.", "signing"),
    ("In 1902, Peru stopped buying Chilean nitrate.", "buying"),
    ("Chile refused to lift the tariff or to allow visits of reporters.", "allow"),  # refused each one listed
])
def test_factuality_negation_makes_negative(reading, text, word):
    r = reading(text, word)
    assert r.polarity == "Negative"
    assert r.modality == "Asserted"


@pytest.mark.parametrize("verb", ["manage", "dare", "venture"])
def test_factuality_what_one_did_not_manage_or_dare_to_do_did_not_happen(reading, verb):
    assert reading(f"Chile did not {verb} to sign the accord.", "sign").polarity == "Negative"
    assert reading(f"Chile {verb}d to sign the accord.", "sign").polarity == "Positive"


@pytest.mark.parametrize("noun, modality", [("Reports", "Hedged"), ("Claims", "Hedged"), ("The news", "Asserted")])
def test_factuality_what_a_report_or_a_claim_says_is_only_said(reading, noun, modality):
    assert reading(f"In 1952 {noun} that Peru had bombed Arica reached Lima.", "bombed").modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("Did Peru attack Chile in 1879?", "attack", "Hedged"),
    ("Lima was unsure: was Chile planning an attack on Peru?", "attack", "Hedged"),
    ("Why did Peru attack Chile in 1879?", "attack", "Asserted"),  # a question word presupposes the attack
    ("Peru attacked Chile in 1879.", "attacked", "Asserted"),
])
def test_factuality_what_a_yes_or_no_question_asks_is_not_told(reading, text, word, modality):
    assert reading(text, word).modality == modality


def test_factuality_a_clause_after_a_semicolon_is_the_writer_s_not_the_reporter_s(reading):
    assert reading("In January 2019, National Assembly President Juan Soto declared himself interim president; the "
                   "United States and some 50 other countries recognized him, but Russia, China, and Cuba continued "
                   "to back Vega.", "back").speaker is None
    assert reading("In 1990 Ruiz declared that Peru recognized him.", "recognized").speaker.text == "Ruiz"


def test_factuality_what_one_believes_or_fears_is_theirs_but_not_a_relative_clause_below_it(reading):
    assert reading("In 1930 Chile feared that Peru would reject the treaty.", "reject").speaker.text == "Chile"
    assert reading("In 1930 Soto believed that Peru would reject the treaty.", "reject").speaker.text == "Soto"
    assert reading("In 1925 creditors began to doubt Peru's ability to repay the loans it had floated in 1920.",
                   "floated").speaker is None


def test_factuality_an_act_one_nearly_did_did_not_happen_but_a_change_of_amount_did(reading):
    assert reading("In 1931 Chile nearly signed the accord.", "signed").polarity == "Negative"
    assert reading("In 1931 Chile almost went to war with Peru.", "went").polarity == "Negative"
    assert reading("In 1931 Chilean spending on the navy almost tripled.", "tripled").polarity == "Positive"
    assert reading("In 1931 the debt nearly reached $5 million.", "reached").polarity == "Positive"


def test_factuality_able_to_is_a_fact_and_willing_to_a_supposition(reading):
    assert (reading("Chile was able to sign the accord.", "sign").polarity,
            reading("Chile was able to sign the accord.", "sign").modality) == ("Positive", "Asserted")
    assert reading("Chile was willing to sign the accord.", "sign").modality == "Hypothetical"
    assert reading("Chile was reluctant to sign the accord.", "sign").modality == "Hypothetical"
    unwilling = reading("Chile was not willing to sign the accord.", "sign")
    assert (unwilling.polarity, unwilling.modality) == ("Negative", "Hypothetical")


@pytest.mark.parametrize("text, word", [
    ("In 1830 Ruiz encouraged Congress to adopt the tariff.", "adopt"),
    ("In 1863 Peru invited Ruiz to become Emperor of Chile.", "become"),
    ("Peru wished to reach an agreement with Chile.", "reach"),
    ("In 1931 Lima offered to stop taxing the Chilean ships.", "taxing"),  # what one offers to do is not done yet
    ("The secretary general offered to host talks in Brussels.", "talks"),
    # the verb of wanting, asking or allowing joined to another verb still governs its complement
    ("The envoys were angry and pledged to support his return.", "support"),
    ("In 1931 Lima banned trade with Chile and authorized the seizure of its ships.", "seizure"),
    ("Xi warned that Taiwan was the gravest issue and urged Washington to stop arming the island.", "arming"),
])
def test_factuality_what_one_is_encouraged_invited_or_wishes_to_do_is_not_done_yet(reading, text, word):
    assert reading(text, word).modality == "Hypothetical"


@pytest.mark.parametrize("text, word, expected", [
    ("In 1936 the Senate barred Chilean banks from extending loans to Peru.", "extending", ("Negative", "Asserted")),
    # free to seek it, not seeking it
    ("The pact did not prevent Chile from seeking Bolivian land one day.", "seeking", ("Positive", "Hypothetical")),
])
def test_factuality_what_one_is_kept_from_doing_is_not_done_or_left_free_to_do_may_be(reading, text, word, expected):
    assert (reading(text, word).polarity, reading(text, word).modality) == expected


@pytest.mark.parametrize("text, word, polarity", [
    ("The Emirates denied supplying weapons to the rebels.", "supplying", "Negative"),
    ("Chile did not deny that its troops had crossed the border.", "crossed", "Positive"),
])
def test_factuality_what_a_speaker_denies_is_not_so_by_their_word(reading, text, word, polarity):
    found = reading(text, word)
    assert found.polarity == polarity
    assert found.speaker is not None  # the denial is the speaker's, not the text's


@pytest.mark.parametrize("text, word, modality", [
    ("Brezhnev sent Nixon a message suggesting that Chile and Peru send troops to Bolivia.", "send", "Hypothetical"),
    ("In 1927 Japan insisted that the ratio be increased to 10:10:7.", "increased", "Hypothetical"),
    ("In 1927 Japan insisted that Chile withdrew its troops in 1926.", "withdrew", "Asserted"),  # a past tense: told
    ("The loans helped Peru achieve a rapprochement with Chile.", "achieve", "Asserted"),  # no "that": it took place
    # a bare form after a singular noun, which the tagger may call a present; and the same after a noun of asking
    ("In 1927 Japan insisted that Chile accept the ratio.", "accept", "Hypothetical"),
    ("Japan dropped its insistence that Chile accept the ratio.", "accept", "Hypothetical"),
    ("In 1927 Japan said that the envoys accept the ratio.", "accept", "Asserted"),  # a plural: a present, told
    # but a past verb of asking asks for it, whatever the subject ("suggested that the envoys accept" is no present)
    ("In 1927 Japan suggested that the envoys accept the ratio.", "accept", "Hypothetical"),
    ("In 1927 Japan urged that the two nations issue a joint declaration.", "issue", "Hypothetical"),
    # and so is the purpose of the act asked for
    ("In 1927 Japan suggested that Ambassador Soto go to Lima to meet the Chilean minister.", "meet", "Hypothetical"),
    ("In 1927 Ambassador Soto went to Lima to meet the Chilean minister.", "meet", "Asserted"),
])
def test_factuality_a_that_clause_in_the_bare_form_is_asked_for_not_done(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("Lima feared that Chile might seek a separate truce with Bolivia.", "seek", "Hypothetical"),
    ("Lima hoped that Chile would sign the accord.", "sign", "Hypothetical"),
    ("Fears soon arose that Chile might seek a separate truce with Bolivia.", "seek", "Hypothetical"),
    ("Lima feared that Chile had sought a separate truce with Bolivia.", "sought", "Hedged"),  # a guess at what was
    ("Lima believed that Chile might seek a separate truce with Bolivia.", "seek", "Hedged"),  # believed, not feared
])
def test_factuality_what_is_feared_or_hoped_may_come_has_not_happened(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("Peru called for an invasion of Chile.", "invasion", "Hypothetical"),
    ("Peru prepared for an attack on Chile within days.", "attack", "Hypothetical"),
    ("Peru's plans for an invasion of Chile accelerated.", "invasion", "Hypothetical"),
    ("In 1762 the king issued a formal call for peace talks.", "talks", "Hypothetical"),
    ("Lee began a campaign to bring about the envoy's recall.", "bring", "Hypothetical"),
    ("Peru rejected a Chilean initiative to start a blockade of the port.", "start", "Hypothetical"),
    ("Peru feared an invasion of Chile.", "invasion", "Hypothetical"),
    ("Some advisers argued for an air strike on the ports.", "strike", "Hypothetical"),
    ("Peru favored an invasion of Chile.", "invasion", "Hypothetical"),
    ("Peru insisted on an invasion of Chile.", "invasion", "Hypothetical"),
    ("The ministry advised against an invasion of Chile.", "invasion", "Hypothetical"),
    ("In 1931 Peru began preparations for an invasion of Chile.", "invasion", "Hypothetical"),
    # what was paid for, or argued or insisted to have happened, did
    ("Peru insisted that the invasion of Chile had failed.", "invasion", "Asserted"),
    ("Chile paid for the invasion of Peru.", "invasion", "Asserted"),
    ("Peru argued that the invasion of Chile had failed.", "invasion", "Asserted"),
])
def test_factuality_an_event_called_for_prepared_for_feared_or_favored_has_not_happened(reading, text, word,
                                                                                       modality):
    assert reading(text, word).modality == modality


def test_factuality_a_clause_the_parser_hangs_before_a_verb_of_wishing_is_not_wished(reading):
    # "were" is parsed as a complement of "wished": a clause before its verb is none of what is wished
    text = ("However, many senators were wary of intervening abroad after the war in Bolivia, others wished to avoid "
            "the Peru connection, and still others did not believe the issue was important.")
    assert reading(text, "were").modality == "Asserted"
    assert reading(text, "avoid").modality == "Hypothetical"


def test_factuality_what_a_purpose_clause_aims_at_is_not_asserted(reading):
    aim = reading("Chile sent ships to ensure that Peru did not close the port.", "close")
    assert (aim.polarity, aim.modality) == ("Negative", "Hypothetical")
    assert reading("Chile sent ships to the port.", "sent").modality == "Asserted"


@pytest.mark.parametrize("text, word", [
    ("In 1931 Chile sent envoys to Lima to persuade Peru to sign the treaty.", "sign"),
    ("In 1931 Chile sent money to Bolivia to enable it to rebuild the port.", "rebuild"),
])
def test_factuality_what_a_purpose_clause_would_have_another_do_is_not_asserted(reading, text, word):
    assert reading(text, word).modality == "Hypothetical"


@pytest.mark.parametrize("text, word", [
    ("In 1931 Soto led an embassy to Lima with the task of gaining Peruvian support for the treaty.", "support"),
    ("In 1931 Chile gave Soto the mission of negotiating a truce with Peru.", "negotiating"),
])
def test_factuality_what_a_task_or_a_mission_is_for_is_not_asserted(reading, text, word):
    assert reading(text, word).modality == "Hypothetical"


def test_factuality_a_known_thing_after_a_presupposing_preposition_keeps_its_own_modality(reading):
    text = "Congress passed a law to let the two peoples keep trading after the Chilean decision to cut ties."
    assert reading(text, "keep").modality == "Hypothetical"
    assert reading(text, "decision").modality == "Asserted"
    # a hope is no known thing: what it hopes for is still to come
    assert reading("Peru would enter the conflict in the hope of winning back the port.", "hope").modality == \
        "Hypothetical"


@pytest.mark.parametrize("text, word, expected", [
    ("In 1955 Chile preferred to stay neutral rather than join the pact.", "join", "Negative"),
    ("Peru decided to stay neutral instead of joining the pact.", "joining", "Negative"),
    ("In 1955 Chile preferred to stay neutral rather than join the pact.", "stay", "Positive"),
])
def test_factuality_what_is_done_rather_than_or_instead_of_another_act_is_that_act_not_done(reading, text, word,
                                                                                              expected):
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text, word, expected", [
    ("In 1990, Peru did not sign or ratify the treaty.", "ratify", "Negative"),
    ("In 1990, Peru neither signed nor ratified the treaty.", "signed", "Negative"),
    ("In 1990, Peru neither signed nor ratified the treaty.", "ratified", "Negative"),
    ("In 1990, Peru signed the accord or ratified the treaty.", "ratified", "Positive"),
    ("In 1990, Peru did not sign the accord, and Chile ratified the treaty.", "ratified", "Positive"),
    ("Chile and Peru agreed not only to abide by the pact, but also to destroy their mines.", "abide", "Positive"),
])
def test_factuality_or_and_nor_carry_a_negation_but_not_only_negates_nothing(reading, text, word, expected):
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text, word, expected", [
    ("In 1990, neither of the Andean states signed the accord.", "signed", "Negative"),
    ("In 1990, none of the three states ratified the accord.", "ratified", "Negative"),
    ("In 1990, one of the three states ratified the accord.", "ratified", "Positive"),
    # hardly any did; "a few" did
    ("In 1990, few Andean states ratified the accord.", "ratified", "Negative"),
    ("In 1990, a few Andean states ratified the accord.", "ratified", "Positive"),
])
def test_factuality_neither_or_none_of_a_group_as_the_subject_negates_the_verb(reading, text, word, expected):
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text, word, expected", [
    ("In 1990, Peru faced no organized opposition from Chile.", "faced", "Negative"),
    ("In 1990, Peru harbored no illusions about Chile's aims.", "harbored", "Negative"),
    # read from the object up, its own "no" negates it once
    ("In 1990, Peru had no intention of joining the pact.", "intention", "Negative"),
    ("In 1990, Peru faced a new opposition with no leader.", "faced", "Positive"),
])
def test_factuality_a_verb_whose_object_is_none_of_a_kind_is_negated(reading, text, word, expected):
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1961 the truce prevented raids on the border towns.", "Negative"),
    ("In 1961 the truce averted a second war.", "Negative"),
    ("In 1961 the truce did not prevent raids on the border towns.", "Positive"),
    ("In 1961 the truce prevented the raids from spreading.", "Positive"),  # the raids took place
])
def test_factuality_an_event_averted_did_not_happen(reading, text, expected):
    word = "raids" if "raids" in text else "war"
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1962 Britain sent troops to prevent an invasion of Kuwait.", ("Negative", "Hypothetical")),
    ("In 1958 Chile asked Peru for ships in order to prevent an invasion of the islands.",
     ("Negative", "Hypothetical")),
    # told as done, the averting says that the invasion did not come
    ("In 1962 the British troops prevented an invasion of Kuwait.", ("Negative", "Asserted")),
])
def test_factuality_what_an_act_was_meant_to_avert_is_neither_averted_nor_come(reading, text, expected):
    found = reading(text, "invasion")
    assert (found.polarity, found.modality) == expected


@pytest.mark.parametrize("word, polarity, modality", [("sign", "Positive", "Asserted"),
                                                     ("withdrew", "Positive", "Asserted")])
def test_factuality_not_until_a_clause_says_when_it_happened(reading, word, polarity, modality):
    found = reading("In 1950 Peru did not sign the treaty until Chile withdrew its troops.", word)
    assert (found.polarity, found.modality) == (polarity, modality)


@pytest.mark.parametrize("text", [
    "In 1950 Peru said it would not sign the treaty until Chile withdrew its troops.",
    "Peru will not sign the treaty until Chile withdraws its troops.",
])
def test_factuality_what_a_refusal_still_to_come_waits_for_is_supposed(reading, text):
    word = next(w for w in ("withdrew", "withdraws") if w in text)
    assert reading(text, word).modality == "Hypothetical"


@pytest.mark.parametrize("text, word", [
    ("Not until the war ended in 1945 did Peru restore its ties with Chile.", "ended"),
    ("Not until the war ended in 1945 did Peru restore its ties with Chile.", "restore"),
    # "would" after a clause opened by "not until" tells what came next in the story
    ("The envoys left Lima in 1940. Not until the war ended in 1945 would Peru restore its ties with Chile.", "ended"),
    ("The envoys left Lima in 1940. Not until the war ended in 1945 would Peru restore its ties with Chile.",
     "restore"),
])
def test_factuality_a_clause_set_first_after_not_until_happened_and_so_did_the_main_clause(reading, text, word):
    found = reading(text, word)
    assert (found.polarity, found.modality) == ("Positive", "Asserted")


def test_factuality_what_is_ruled_out_will_not_come_and_what_is_not_may(reading):
    ruled_out = reading("In 2020 Peru ruled out a strike on Arica.", "strike")
    not_ruled_out = reading("In 2020 Peru has not ruled out a strike on Arica.", "strike")
    not_canceled = reading("In 2020 Peru did not cancel the summit in Lima.", "summit")  # held, not only possible
    assert [(r.polarity, r.modality) for r in (ruled_out, not_ruled_out, not_canceled)] == [
        ("Negative", "Asserted"), ("Positive", "Hedged"), ("Positive", "Asserted")]


def test_factuality_what_appear_or_seem_says_takes_its_negation(reading):
    negated = [reading("Peru did not appear ready to sign the treaty.", "sign"),
               reading("Neither Chile nor Peru appears ready to sign the treaty.", "ready"),
               reading("Peru did not seem to want a treaty.", "want")]
    assert [found.polarity for found in negated] == ["Negative"] * 3
    assert reading("Peru appeared ready to sign the treaty.", "sign").polarity == "Positive"


def test_factuality_the_clause_of_a_denied_report_is_denied(reading):
    assert reading("In 1950 Peru denied reports that Chile had sent troops.", "sent").polarity == "Negative"
    assert reading("In 1950 Peru did not deny reports that Chile had sent troops.", "sent").polarity == "Positive"
    assert reading("In 1950 Peru confirmed reports that Chile had sent troops.", "sent").polarity == "Positive"


def test_factuality_not_to_mention_negates_nothing(reading):
    assert reading("Chile opposed the quota, not to mention the tariffs on tin.", "mention").polarity == "Positive"


@pytest.mark.parametrize("text, word", [
    ("Peru failed to sign the accord.", "sign"),
    ("Chile refused to sign the accord.", "sign"),
])
def test_factuality_negative_implicative_makes_negative(reading, text, word):
    assert reading(text, word).polarity == "Negative"


@pytest.mark.parametrize("text, word, polarity", [
    ("Peru blocked attempts to expel Chile from the talks.", "expel", "Negative"),
    ("Peru dropped its plans to build a naval base.", "build", "Negative"),
    ("Peru's attempt to join the league was thwarted by Chile.", "join", "Negative"),
    ("An effort to extend the truce the following year failed.", "extend", "Negative"),
    ("Peru did not drop its plans to build a naval base.", "build", "Positive"),
    ("Peru announced plans to build a naval base.", "build", "Positive"),
])
def test_factuality_an_attempt_or_plan_that_is_blocked_or_dropped_does_not_happen(reading, text, word, polarity):
    assert reading(text, word).polarity == polarity


@pytest.mark.parametrize("text, word, polarity", [
    ("There were no new efforts by the rebels to seize the capital.", "seize", "Negative"),
    ("The rebels made no attempt to take the fort.", "take", "Negative"),
    ("The rebels did not make any attempt to take the port.", "take", "Negative"),
    ("The rebels made few attempts to hold the bridge.", "hold", "Negative"),
    ("The rebels made an attempt to take the mint.", "take", "Positive"),
])
def test_factuality_an_attempt_said_not_to_be_made_does_not_happen(reading, text, word, polarity):
    assert reading(text, word).polarity == polarity


@pytest.mark.parametrize("text, word, polarity", [
    ("Peru could no longer afford the fleet.", "afford", "Negative"),
    ("Ships were no longer built only by Peru, but by Chile as well.", "built", "Positive"),
    ("Peru would not sign and ratify the accord.", "ratify", "Negative"),  # the bare verb shares "would not"
    ("Peru did not sign the accord and withdrew from the talks.", "withdrew", "Positive"),  # a verb of its own
])
def test_factuality_no_longer_and_a_shared_auxiliary_carry_negation(reading, text, word, polarity):
    assert reading(text, word).polarity == polarity


def test_factuality_negated_implicative_is_positive(reading):
    # "did not fail to sign" = signed
    assert reading("Peru did not fail to sign the accord.", "sign").polarity == "Positive"


def test_factuality_negation_stays_in_its_own_clause(reading):
    text = "Chile signed the accord, but Peru did not sign it."
    assert reading(text, "signed").polarity == "Positive"
    assert reading(text, "sign").polarity == "Negative"


# --- hedges -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Chile may sign the accord next year.", "sign"),
    ("Chile might sign the accord next year.", "sign"),
    ("The ministers appear to have signed the accord.", "signed"),
    ("The ministers seem to have signed the accord.", "signed"),
    ("The ministers reportedly signed the accord.", "signed"),
    ("The ministers likely signed the accord.", "signed"),
    ("Chile apparently tested a missile.", "tested"),
    ("Chile is likely to sign the accord.", "sign"),
    ("Officials expect that Chile signed the accord.", "signed"),  # a belief about what happened
])
def test_factuality_hedges_make_hedged(reading, text, word):
    r = reading(text, word)
    assert r.modality == "Hedged"
    assert r.polarity == "Positive"


def test_factuality_a_coordinated_clause_with_its_own_subject_is_not_hedged_by_the_first(reading):
    text = "Peru feared the bomber, which Chile believed could reach Lima but which Peru refused to include in the talks."
    assert reading(text, "include").modality == "Asserted"
    assert reading(text, "reach").modality == "Hedged"


@pytest.mark.parametrize("text, word, modality", [
    ("The blockade might have worked if the navy had sailed in spring.", "worked", "Hypothetical"),  # counterfactual
    ("The envoy may sign the accord if the council agrees.", "sign", "Hypothetical"),
    ("The truce might collapse unless both armies withdraw.", "collapse", "Hypothetical"),
    ("The envoy may have signed the accord.", "signed", "Hedged"),  # no condition: a guess at what was
    ("The truce may have collapsed because both armies advanced.", "collapsed", "Hedged"),  # a cause, no condition
])
def test_factuality_may_or_might_under_a_condition_supposes(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("Under the accord, the council was to meet every spring in Quito.", "meet", "Hypothetical"),  # arranged
    ("All foreign garrisons were to be withdrawn within a year.", "withdrawn", "Hypothetical"),
    ("The aim of the mission was to secure a truce.", "secure", "Hypothetical"),  # what was meant, not done
    ("His goal was to sign a treaty with Peru.", "sign", "Hypothetical"),
    ("One of the effects of the embargo was to ruin the shippers.", "ruin", "Asserted"),  # what came of it
    ("The envoy was later to become foreign minister.", "become", "Asserted"),  # what he came to be
    ("It was easy to sign the accord.", "sign", "Asserted"),
])
def test_factuality_be_with_an_infinitive_tells_what_was_arranged(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("In 1931 Peru could do little but denounce the new tariff.", "denounce", "Asserted"),  # all it did
    ("In 1931 Peru could denounce the new tariff.", "denounce", "Hypothetical"),
])
def test_factuality_what_one_could_do_no_more_than_one_did(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("The blockade lasted until Chile signed the accord in 1931.", "signed", "Asserted"),  # it did
    ("Talks went on in Quito until the envoys met in Lima.", "met", "Asserted"),
    ("The blockade will last until Chile signs the accord.", "signs", "Hypothetical"),
    ("Peru would keep the port until Chile paid the debt.", "paid", "Hypothetical"),  # waits on the condition
    ("Lima ordered the mines shut until Chile paid the debt.", "paid", "Hypothetical"),  # what an order waits for
    # an infinitive told in the tense of the verb it completes
    ("The accord allowed Peru to export grain until Chile withdrew from it.", "withdrew", "Asserted"),
    ("Lima planned to keep the port shut until Chile paid the debt.", "paid", "Hypothetical"),
    ("In 1943 Chile and Peru agreed to fight until Bolivia surrendered.", "surrendered", "Hypothetical"),
])
def test_factuality_until_a_clause_told_in_the_past_it_happened(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("In 1917 the envoys agreed not to exploit the war to seek new rights.", "seek", "Hypothetical"),
    ("In 1917 the envoy did not travel to Lima to sign the accord.", "sign", "Hypothetical"),
    ("In 1917 the envoy traveled to Lima to sign the accord.", "sign", "Asserted"),  # read as its doer's aim
])
def test_factuality_what_an_act_left_undone_was_to_serve_is_not_pursued(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("In 1950 the council assumed governing powers in the port.", "governing", "Asserted"),  # took them on
    ("The council would assume governing powers in the port.", "governing", "Hypothetical"),
    ("Lima assumed that Chile had signed the accord.", "signed", "Hedged"),  # a guess at what was
])
def test_factuality_assume_hedges_a_clause_not_what_it_takes_on(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, polarity", [
    ("President Ruiz, however, lacked the votes in the Senate to ratify the treaty.", "Negative"),
    ("The junta lacked the means to pay the troops.", "Negative"),
    ("The junta did not lack the means to pay the troops.", "Positive"),
])
def test_factuality_what_one_lacks_the_means_to_do_is_not_done(reading, text, polarity):
    word = "ratify" if "ratify" in text else "pay"
    assert reading(text, word).polarity == polarity


def test_factuality_a_verb_joined_to_a_hedge_verb_is_not_what_was_hedged(reading):
    text = "The Peruvians still expected a reply from Ruiz and continued to insist that the captain had acted alone."
    assert reading(text, "acted").modality == "Asserted"


@pytest.mark.parametrize("text, word, modality", [
    ("By 1935 it was clear that a war might soon erupt and the Andean Congress took action.", "took", "Asserted"),
    ("Peru might sign the pact and Chile would follow.", "follow", "Hypothetical"),  # its own modal
    ("Peru might sign the pact and ratify it.", "ratify", "Hedged"),  # no subject of its own: it shares "might"
])
def test_factuality_a_joined_clause_with_its_own_subject_and_tense_keeps_its_own_modal(reading, text, word, modality):
    assert reading(text, word).modality == modality


def test_factuality_so_long_as_sets_a_condition(reading):
    # "so long as" is read as one mark of the clause, on the verb it conditions
    assert reading("In 1950 Peru signed the accord. Bolivia would back the pact so long as Peru paid.",
                   "back").modality == "Hypothetical"


def test_factuality_hedged_negation_keeps_both(reading):
    r = reading("Chile may not sign the accord.", "sign")
    assert (r.polarity, r.modality) == ("Negative", "Hedged")


def test_factuality_extraposed_likely_makes_hedged(reading):
    assert reading("It is likely that the ministers signed the accord.", "signed").modality == "Hedged"


@pytest.mark.parametrize("text, word", [
    ("It is probable that Chile withdrew its troops.", "withdrew"),
    ("It was doubtful that the ministers had signed the accord.", "signed"),
])
def test_factuality_an_adjective_of_likelihood_over_a_clause_hedges_it(reading, text, word):
    assert reading(text, word).modality == "Hedged"


def test_factuality_doubt_is_not_asserted(reading):
    assert reading("The minister doubts that Chile signed the accord.", "signed").modality != "Asserted"


# --- hypotheticals -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("If Chile signs the accord, Peru will protest.", "signs"),
    ("Chile could test a missile next month.", "test"),
    ("Chile would sign the accord.", "sign"),
    ("Talks will continue until Chile signs the accord.", "signs"),
    ("Nobody knows whether Chile will sign the accord.", "sign"),
    ("Chile plans to test a new missile.", "test"),
    ("Unless Peru objects, Chile will sign the accord.", "sign"),
    ("Peru has called for Chile and Bolivia to open the border.", "open"),  # what is called for has not happened
    ("Peru urged Chile to open the border.", "open"),
    ("Peru hoped to resume the talks.", "talks"),  # the small model's lemma for "hoped" is "hop"
    ("Chile stated its intent to reopen the strait.", "reopen"),  # what an intent is for has not happened
    ("The second stage is expected to be finished by autumn 2031.", "finished"),  # looked forward to, not yet done
    ("Chile expects to sign the accord in May.", "sign"),
    # the power to act, given or withheld, is not the act
    ("The council authorized Chile to impose new tariffs on grain.", "impose"),
    ("The cabinet directed the navy to blockade the southern ports.", "blockade"),
    ("The charter empowered Chile to negotiate a truce.", "negotiate"),
    ("The treaty forbade Peru to build forts on the border.", "build"),
    # nor is what an accord or a law requires of a party
    ("The accord obliged Peru to withdraw its troops from Arica.", "withdraw"),
    ("The tariff law required Chile to pay the duties in gold.", "pay"),
    ("Under the pact, the parties were bound to consult each other.", "consult"),
])
def test_factuality_hypotheticals_make_hypothetical(reading, text, word):
    r = reading(text, word)
    assert r.modality == "Hypothetical"
    assert r.polarity == "Positive"


def test_factuality_a_clause_set_against_a_report_after_it_is_not_reported(reading):
    text = "Chile insisted that the talks go on, while Peru refused to sign the accord."
    assert reading(text, "refused").speaker is None
    assert reading(text, "go").speaker.text == "Chile"
    # what "the fact that" brings in is the writer's own
    text = "Critics accused Ruiz of betraying Peru despite the fact that Chile had made concessions."
    assert reading(text, "made").speaker is None
    # a condition after the report is still part of what was said
    assert reading("Chile said that it would sign, if Peru paid the debt.", "paid").speaker.text == "Chile"


def test_factuality_would_in_a_past_narrative_tells_what_came_next(reading):
    story = "Ruiz visited Lima in May. This meeting would bring Ruiz and Soto together in June."
    assert reading(story, "bring").modality == "Asserted"
    assert reading("If Peru objects, Chile would withdraw.", "withdraw").modality == "Hypothetical"
    assert reading("Ruiz visits Lima today. The bill would require new tariffs.", "require").modality == "Hypothetical"
    assert reading("Ruiz visited Lima in May. The talks would have ended the war.", "ended").modality == "Hypothetical"
    story = "Peru ran out of money in May. Instead, Chile would lend the ships to Peru, deferring payment."
    assert reading(story, "lend").modality == "Asserted"  # a participle is no condition
    story = "Peru ran out of money in May. Chile would lend the ships to Peru, unless Bolivia objected."
    assert reading(story, "lend").modality == "Hypothetical"


def test_factuality_would_under_a_past_verb_of_saying_is_a_reported_will(reading):
    said = reading("In May, Ruiz stated that Chile would open the port.", "open")
    assert (said.modality, said.said_future) == ("Hypothetical", True)  # what is to come has not happened
    assert said.speaker is not None and said.speaker.text == "Ruiz"
    assert not reading("In May, Ruiz warned that Chile would close the port.", "close").said_future  # foretold
    assert not reading("In May, Ruiz stated that Chile would have opened the port.", "opened").said_future
    assert not reading("In May, Ruiz stated that Chile would open the port if Peru paid.", "open").said_future
    assert not reading("Ruiz states that Chile would open the port.", "open").said_future  # no past to tell it in
    assert not reading("In May, Ruiz stated that Chile might open the port.", "open").said_future


def test_factuality_what_one_found_hard_to_do_is_not_said_done(reading):
    # the parser makes the infinitive an adverbial clause of the adjective
    assert reading("In 1960, Malaya found it difficult to give formal support to the pact.", "give").modality \
        == "Hypothetical"
    assert reading("In 1960, Malaya gave formal support to the pact.", "gave").modality == "Asserted"


def test_factuality_a_decision_to_call_for_something_is_a_call_made(reading):
    assert reading("By July, Chile decided to call for talks.", "call").modality == "Asserted"
    assert reading("By July, Chile decided to urge Peru to open the border.", "open").modality == "Hypothetical"


# --- normative ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Chile should sign the accord.", "sign"),
    ("Chile must sign the accord.", "sign"),
    ("Chile needs to sign the accord.", "sign"),
])
def test_factuality_normative_modals_make_normative(reading, text, word):
    assert reading(text, word).modality == "Normative"


@pytest.mark.parametrize("text, word, modality", [
    # "must have" infers what was: a guess, no duty; "should have" still says what was due
    ("Peru argued that Chile must have known of the raid.", "known", "Hedged"),
    ("Chile must have signed the accord by then.", "signed", "Hedged"),
    ("Chile should have signed the accord.", "signed", "Normative"),
])
def test_factuality_must_have_infers_and_should_have_prescribes(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, modality", [
    ("It was necessary for Chile to sign the accord.", "sign", "Normative"),
    ("Peru considered it vital to sign the accord.", "sign", "Normative"),
    ("It is essential that Peru withdraw its troops.", "withdraw", "Normative"),
    ("It was vital that Peru had signed the accord.", "signed", "Asserted"),  # what was
])
def test_factuality_a_clause_an_adjective_of_need_is_said_of_is_what_ought_to_be(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word", [
    ("Britain weighed the option to sell the colony.", "sell"),
    ("The alternative of letting the colony slip away worried Britain.", "slip"),
])
def test_factuality_an_option_s_clause_is_not_what_was_done(reading, text, word):
    assert reading(text, word).modality == "Hypothetical"


def test_factuality_a_need_said_of_a_noun_is_no_need_of_its_clause(reading):
    assert reading("The treaty gave both sides the tools necessary to manage disputes.", "manage").modality != "Normative"


def test_factuality_a_verb_of_need_makes_only_its_complement_normative(reading):
    # the parser hangs the clause before the semicolon on "needed"
    text = "Peru and Chile did not agree in 1948; one side or both needed to make substantial compromises."
    assert (reading(text, "agree").modality, reading(text, "make").modality) == ("Asserted", "Normative")


def test_factuality_normative_negation_keeps_both(reading):
    r = reading("We should not accept the offer.", "accept")
    assert (r.polarity, r.modality) == ("Negative", "Normative")


@pytest.mark.parametrize("text", ["Chile has to sign the accord.", "Chile ought to sign the accord."])
def test_factuality_have_to_and_ought_to_make_normative(reading, text):
    assert reading(text, "sign").modality == "Normative"


@pytest.mark.parametrize("adjective", ["likely", "unlikely", "doubtful"])
def test_factuality_what_one_is_likely_or_unlikely_to_do_is_hedged(reading, adjective):
    assert reading(f"Chile is {adjective} to sign the treaty before 2032.", "sign").modality == "Hedged"


def test_factuality_an_act_on_neither_of_two_objects_did_not_happen(reading):
    assert reading("In 2031 the plan satisfied neither Chile nor Peru.", "satisfied").polarity == "Negative"


@pytest.mark.parametrize(("text", "word"), [("In 2031 Chile came close to declaring war on Peru.", "declaring"),
                                            ("In 2031 Chile stopped short of recognizing the junta.", "recognizing")])
def test_factuality_an_act_one_came_close_to_or_stopped_short_of_was_not_done(reading, text, word):
    assert reading(text, word).polarity == "Negative"


@pytest.mark.parametrize(("text", "polarity"), [
    ("Chile did not allow Peruvian ships to visit its ports.", "Negative"),
    ("Chile refused to allow Peruvian ships to visit its ports.", "Negative"),
    ("Chile allowed Peruvian ships to visit its ports.", "Positive"),
    # "should not have allowed" tells that leave was given
    ("Chile should not have allowed Peruvian ships to visit its ports.", "Positive"),
])
def test_factuality_what_leave_was_withheld_for_did_not_happen(reading, text, polarity):
    assert reading(text, "visit").polarity == polarity


@pytest.mark.parametrize(("text", "word"), [("Chile has yet to sign the accord.", "sign"),
                                            ("The accord is yet to be signed.", "signed")])
def test_factuality_yet_to_tells_what_is_not_done_so_far(reading, text, word):
    r = reading(text, word)
    assert (r.polarity, r.modality) == ("Negative", "Asserted")


def test_factuality_had_to_in_a_story_tells_what_was_done(reading):
    assert reading("In 1931 Chile had to sign the accord.", "sign").modality == "Asserted"


@pytest.mark.parametrize(("text", "word", "modality"), [
    # what a condition brings about, told after it, is only supposed too
    ("Soto told Ruiz that Chile would withdraw if Peru met its needs, paving the way for talks.", "paving",
     "Hypothetical"),
    # what a clause told as done brings about keeps its own reading
    ("Chile withdrew its troops, paving the way for talks.", "paving", "Asserted"),
])
def test_factuality_a_participle_after_a_condition_is_supposed_with_it(reading, text, word, modality):
    assert reading(text, word).modality == modality


# --- belief verbs over an inner "would" ------------------------------------------------------------------

@pytest.mark.parametrize("text, word, modality", [
    ("Lima believed that Chile would sign the accord.", "sign", "Hypothetical"),  # what is thought to come
    ("Analysts think Chile would sign the accord.", "sign", "Hypothetical"),
    ("The envoys thought the truce will hold until spring.", "hold", "Hypothetical"),
    ("Lima believed that Chile could sign the accord.", "sign", "Hedged"),  # an ability, thought of
    ("Lima believed that Chile had signed the accord.", "signed", "Hedged"),  # a guess at what was
    ("Lima may have believed that Chile would sign the accord.", "sign", "Hedged"),  # the belief itself a guess
])
def test_factuality_what_one_believes_would_come_is_supposed_not_merely_hedged(reading, text, word, modality):
    assert reading(text, word).modality == modality


# --- attribution ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Ruiz said that Chile signed the accord.", "signed"),
    ("Chile signed the accord, as Ruiz suggested.", "signed"),
    ("According to Ruiz, Chile signed the accord.", "signed"),
])
def test_factuality_attribution_names_the_speaker(reading, text, word):
    r = reading(text, word)
    assert r.speaker is not None and r.speaker.text == "Ruiz"
    assert (r.polarity, r.modality) == ("Positive", "Asserted")
    assert not r.factuality("person/ruiz").is_plain_fact
    assert r.factuality("person/ruiz").attributed_to == "person/ruiz"


def test_factuality_relative_clause_set_off_by_a_comma_is_the_writer_s_not_the_speaker_s(reading):
    assert reading("Ruiz announced tariffs on tin, which could hurt Peru.", "hurt").speaker is None
    assert reading("Ruiz announced tariffs that could hurt Peru.", "hurt").speaker.text == "Ruiz"


def test_factuality_attribution_keeps_inner_negation(reading):
    r = reading("Ruiz said that Chile did not sign the accord.", "sign")
    assert r.speaker is not None and r.speaker.text == "Ruiz"
    assert r.polarity == "Negative"


def test_factuality_trailing_report_names_the_speaker(reading):
    r = reading("Chile tested a missile, officials said.", "tested")
    assert r.speaker is not None and r.speaker.text == "officials"


def test_factuality_denial_is_a_negative_claim(reading):
    r = reading("Chile denied that it had tested a missile.", "tested")
    assert r.speaker is not None and r.speaker.text == "Chile"
    assert r.polarity == "Negative"


# --- scope: a modal of one conjunct does not reach the other ------------------------------------------------

def test_factuality_modal_of_a_later_conjunct_does_not_reach_back(reading):
    assert reading("Chile signed the accord, and Peru may follow.", "signed").modality == "Asserted"


@pytest.mark.parametrize("text", [
    "Peru may protest, but Chile signed the accord.",
    "Peru will protest, but Chile signed the accord.",
])
def test_factuality_modal_of_the_first_conjunct_does_not_reach_the_second(reading, text):
    assert reading(text, "signed").modality == "Asserted"


# --- polarity() alone --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, expected", [
    ("Chile signed the accord.", "signed", "Positive"),
    ("The treaty was not signed.", "signed", "Negative"),
    ("Chile never signed the accord.", "signed", "Negative"),
    ("Peru failed to sign the accord.", "sign", "Negative"),
    ("Peru did not fail to sign the accord.", "sign", "Positive"),
    ("There was no meeting in Lima.", "meeting", "Negative"),
    ("The summit did not take place.", "summit", "Negative"),
    ("Chile did not test a missile, and Peru signed the accord.", "signed", "Positive"),
    ("Chile may not sign the accord.", "sign", "Negative"),
])
def test_factuality_polarity_alone(token_of, cues, text, word, expected):
    assert polarity(token_of(text, word), cues) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # "not A without B": B goes with A, and is not denied with it
    ("Peru should not impose the sanctions without exempting food aid.", "exempting", ("Positive", "Normative")),
    ("Chile could not admit to sending arms without risking war with Peru.", "risking", ("Positive", "Hypothetical")),
    ("Peru left the talks without signing the pact.", "signing", ("Negative", "Asserted")),
    # "even without B, A failed": A fails whatever B
    ("Even without joining the pact, Peru could not have entered the zone.", "joining", ("Negative", "Hypothetical")),
])
def test_factuality_without_under_a_denied_act_goes_with_that_act(reading, text, word, expected):
    found = reading(text, word)
    assert (found.polarity, found.modality) == expected


def test_factuality_a_clause_of_appear_or_seem_is_a_guess(reading):
    assert reading("Neither side appears to have exceeded the limits so far.", "appears").modality == "Hedged"
    assert reading("Peru seemed to accept the plan.", "seemed").modality == "Hedged"
    assert reading("Peru appeared before the court in 1990.", "appeared").modality == "Asserted"


def test_factuality_a_named_meeting_not_attended_took_place_all_the_same(reading):
    assert reading("Dina Boluarte did not attend the Lima Summit in 2023.", "Summit").polarity == "Positive"
    assert reading("Peru did not hold the Lima Summit in 2023.", "Summit").polarity == "Negative"


def test_factuality_without_negates_the_act_it_governs(reading):
    assert reading("NATO opened a pathway to membership without extending its guarantee.", "extending").polarity \
        == "Negative"
    assert reading("NATO opened a pathway to membership by extending its guarantee.", "extending").polarity \
        == "Positive"


def test_factuality_a_report_speaks_for_its_author(facts_for):
    facts = facts_for("In 1950, a report by Senator John Hale claimed that Chilean bankers had pushed for war.")
    (position,) = facts.positions
    assert position.factuality.attributed_to == "person/john-hale"


def test_factuality_context_reads_a_trigger_once(pipeline, token_of, cues):
    """Several rules ask of the same verb: the context reads its cues once."""
    text = "Chile may not sign the accord."
    trigger = token_of(text, "sign")
    document = Document(doc_id="t", path="t.txt", text=text)
    ctx = Context(document=document, doc=trigger.doc, lexicon=pipeline.lexicon,
                  registry=Registry(pipeline.lexicon, document, trigger.doc), cues=cues, frames=load_frames())
    assert ctx.reading(trigger) is ctx.reading(trigger) and ctx.reading(trigger) == read(trigger, cues)
    assert ctx.factuality(trigger).polarity == "Negative"


def test_factuality_a_verb_coordinated_with_a_report_is_not_reported_by_it(reading):
    assert reading("Ruiz announced the tariffs in May, and Congress approved them in June.", "approved").speaker is None
    assert reading("Ruiz announced that Congress approved the tariffs.", "approved").speaker.text == "Ruiz"


def test_factuality_observing_that_reports_like_saying_that(reading):
    assert reading("Ruiz observed that Congress approved the tariffs.", "approved").speaker.text == "Ruiz"


def test_factuality_an_adverbial_clause_set_before_a_reporting_verb_is_not_reported(facts_for):
    # the writer tells of the backing; only what follows "insisted" is Ruiz's word
    facts = facts_for("Backed by most Peruvians, Carlos Ruiz insisted that the fishing quota be cut.")
    ruiz = next(e.key for e in facts.entities if e.label == "Carlos Ruiz")
    backing = [p for p in facts.positions if p.issue == ruiz]
    assert backing and all(p.factuality.attributed_to is None for p in backing)
    # so does a phrase: the attempt is told by the writer, what Ruiz said follows "insisted"
    facts = facts_for("In an attempt to end the dispute, Carlos Ruiz insisted that the fishing quota be cut.")
    attempt = [p for p in facts.positions if p.stance == "Supports" and "dispute" in p.issue]
    assert attempt and all(p.factuality.attributed_to is None for p in attempt)


@pytest.mark.parametrize("text, word, modality", [
    ("In the war Chile had won much: not only had Chile taken the ports, it also held the mines.", "taken", "Asserted"),
    ("Had Chile taken the ports, Peru would have sued for peace.", "taken", "Hypothetical"),
])
def test_factuality_an_inversion_after_not_only_sets_no_condition(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word", [
    ("Peru kept its fleet home, sure that had Chile wanted war it would have attacked the port.", "wanted"),
    ("Were Chile to demand the ports, Peru would refuse.", "demand"),
    ("Should Peru demand the ports, Chile would refuse.", "demand"),
])
def test_factuality_an_auxiliary_before_the_subject_sets_a_condition_however_it_is_parsed(reading, text, word):
    assert reading(text, word).modality == "Hypothetical"


@pytest.mark.parametrize("text, word, modality", [
    ("The council demanded a swift withdrawal from the port.", "withdrawal", "Hypothetical"),
    ("Peru considered an invasion of the islands.", "invasion", "Hypothetical"),
    ("Peru ordered an attack on the islands.", "attack", "Asserted"),
    ("Chile held talks with Peru.", "talks", "Asserted"),
])
def test_factuality_a_named_event_a_verb_of_wanting_takes_as_its_object_is_still_to_come(reading, text, word, modality):
    assert reading(text, word).modality == modality


@pytest.mark.parametrize("text, word, expected", [
    ("The plan was not without serious dangers.", "dangers", "Positive"),  # litotes: the dangers were there
    ("The plan went ahead without serious dangers.", "dangers", "Negative"),
    ("Peru was not without allies in the dispute.", "allies", "Positive"),
])
def test_factuality_not_without_undoes_the_negation_of_without(reading, text, word, expected):
    assert reading(text, word).polarity == expected


@pytest.mark.parametrize("text", [
    "Convinced that the Bolivians opposed any truce, Peru's envoys left Quito.",
    "Peru's envoys were convinced that the Bolivians opposed any truce.",
    "Chile persuaded the envoys that the Bolivians opposed any truce.",
])
def test_factuality_what_one_was_convinced_of_is_as_they_saw_it(reading, text):
    assert reading(text, "opposed").modality == "Hedged"


def test_factuality_what_one_was_convinced_to_do_is_no_guess(reading):
    assert reading("Chile persuaded Bolivia to sign the truce.", "sign").modality != "Hedged"


@pytest.mark.parametrize("word", ["imminent", "looming", "eventual"])
def test_factuality_an_event_said_to_be_coming_has_not_happened(reading, word):
    assert reading(f"The {word} collapse of the Andean Pact alarmed the Bolivian cabinet.", "collapse").modality \
        == "Hypothetical"


def test_factuality_an_event_object_shares_the_negation_only_of_a_verb_that_brings_it_about(facts_for):
    facts = facts_for("The army made no attempt to influence the upcoming election. Peru did not hold the summit.")
    polarity = {e.label: e.factuality.polarity for e in facts.events}
    assert polarity["upcoming election"] == "Positive"  # it is to take place, uninfluenced
    assert polarity["summit"] == "Negative"
    # "refrained from providing support": support given is brought about by providing it, and was not given
    facts = facts_for("Peru deliberately refrained from providing any support to the rebels.")
    assert not any(p.stance == "Supports" for p in facts.positions)


def test_factuality_a_restating_clause_is_read_as_what_it_restates(facts_for):
    facts = facts_for("Chile promised that it would refrain from interfering in Peruvian affairs (i.e. supporting the "
                      "rebels in Lima).")
    assert not any(p.stance == "Supports" for p in facts.positions)


def test_factuality_an_act_said_to_do_little_or_nothing_toward_a_thing_did_not_bring_it_about(facts_for):
    facts = facts_for("Peru expressed concern, but did little to facilitate a settlement.")
    [settling] = [e for e in facts.events if "facilitate" in e.label]
    assert settling.factuality.polarity == "Negative"
    # an accord that did little to prevent a war provides nothing about the war
    facts = facts_for("In the end, the Lima Pact did little to prevent the Pacific War.")
    assert [c for a in facts.agreements for c in a.commitments] == []


def test_factuality_an_event_a_threat_or_fear_is_of_has_not_happened(facts_for):
    for text in ("The threat of a German attack on Peru swayed public opinion.",
                 "Fear of a German attack on Peru swayed public opinion."):
        [attack] = facts_for(text).events
        assert attack.factuality.modality == "Hypothetical", text
    # an event of another noun took place: "the attack of the navy"
    [attack] = facts_for("After the attack of the Chilean navy on Lima, Peru sued for peace.").events
    assert attack.factuality.is_plain_fact


def test_factuality_a_so_that_clause_tells_an_aim_in_whatever_tense(facts_for):
    facts = facts_for("The two sides set up a hotline in 1963, so that misunderstandings did not escalate into war.")
    [aim] = [e for e in facts.events if "escalate" in e.label]
    assert (aim.factuality.polarity, aim.factuality.modality) == ("Negative", "Hypothetical")
    [hotline] = [e for e in facts.events if "hotline" in e.label]
    assert hotline.factuality.is_plain_fact


def test_factuality_a_past_clause_the_parser_joined_to_a_reported_should_clause_is_the_narrative_s(reading):
    said = reading("Critics in Congress argued that Chile should abrogate the pact, and in 1881 Foreign Minister Ana "
                   "Ruiz proposed revising its terms.", "proposed")
    assert (said.modality, said.speaker) == ("Asserted", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Each party pledged to act to meet an armed attack on the other.", "Hypothetical"),
    ("Peru agreed to send troops to the border to restore order.", "Hypothetical"),
    ("Peru managed to send troops to the border to restore order.", "Asserted"),
])
def test_factuality_the_purpose_of_an_infinitive_is_what_the_infinitive_is(reading, text, expected):
    assert reading(text, "meet" if "meet" in text else "restore").modality == expected


@pytest.mark.parametrize(("text", "word"), [
    ("Peru signed the accord in 1990; Chile may sign it later.", "signed"),
    ("A lasting peace requires a ceasefire on the border; without one, talks are unlikely to succeed.", "requires"),
])
def test_factuality_a_clause_before_a_semicolon_keeps_its_own_modality(reading, text, word):
    assert reading(text, word).modality == "Asserted"


def test_factuality_a_bare_form_the_tagger_took_for_a_noun_is_asked_for(cues):
    # "Chile suggested that the powers form a pact.", with "form" tagged a noun, as the small model may tag it after
    # a long subject, yet parsed as the verb of the "that" clause
    doc = Doc(spacy.blank("en").vocab, words=["Chile", "suggested", "that", "the", "powers", "form", "a", "pact", "."],
              heads=[1, 1, 5, 4, 5, 1, 7, 5, 1], deps=["nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "det", "dobj",
                                                      "punct"],
              tags=["NNP", "VBD", "IN", "DT", "NNS", "NN", "DT", "NN", "."],
              lemmas=["Chile", "suggest", "that", "the", "power", "form", "a", "pact", "."])
    assert subjunctive(doc[5], cues)


def test_factuality_what_an_aim_is_said_to_be_after_an_adjective_and_a_colon_is_only_aimed_at(reading):
    aimed = reading("Soto's real aim was far bolder: to negotiate a treaty between Andalia and Borduria.", "negotiate")
    assert aimed.modality == "Hypothetical"
    # of a subject that is no aim, the infinitive may be the adjective's, and what it tells took place
    able = reading("The delegation was able to negotiate a treaty with Borduria.", "negotiate")
    assert able.modality == "Asserted"


def test_factuality_what_one_is_instructed_or_bound_to_do_is_not_done_by_being_told_to(reading):
    for text, word in [("In 1845 Polk sent Slidell to Mexico with instructions to purchase the disputed areas.",
                        "purchase"),
                       ("Britain kept an obligation to defend the islands as leader of the Commonwealth.", "defend")]:
        assert reading(text, word).modality == "Hypothetical", text
    # a clause of another kind on such a noun tells what was done
    told = reading("European powers considered their treaty obligations abrogated by the revolution.", "abrogated")
    assert told.modality == "Asserted"


def test_factuality_what_is_set_as_a_condition_by_a_phrase_is_supposed_and_so_is_what_it_conditions(facts_for):
    facts = facts_for("Peru and Chile signed the Lima Pact in 1880. In the event that the debts were not repaid, "
                      "Chile would agree to the cession of the port.")
    statements = {e.label: e.factuality for e in facts.events if e.evidence.extractor == "rule:unrealized-clause"}
    # the condition's own clause, no "event" before it, neither asserted nor denied
    assert (statements["the debts were not repaid"].polarity,
            statements["the debts were not repaid"].modality) == ("Negative", "Hypothetical")
    assert statements["Chile would agree to the cession of the port"].modality == "Hypothetical"


def test_factuality_an_event_named_as_a_condition_has_not_happened_but_one_of_the_cases_that_were_has(reading):
    assert reading("The allies kept troops on the border in case of war.", "war").modality == "Hypothetical"
    told_after = "The two states signed a pact in 1880. In case of war, the two states would defend each other."
    assert reading(told_after, "defend").modality == "Hypothetical"
    told = reading("The armies marched to the capital, in some cases securing concessions along the way.", "securing")
    assert told.modality == "Asserted"


def test_factuality_an_event_one_stands_ready_for_has_not_come(reading):
    assert reading("Chile moved its troops poised for an invasion of Tacna to the north.", "invasion").modality \
        == "Hypothetical"
    # what one was ready for and then did is told by the verb that did it
    assert reading("Chile moved its troops to the north after the invasion of Tacna.", "invasion").modality \
        == "Asserted"


def test_factuality_what_a_plan_would_have_done_under_it_is_a_provision_not_the_story(reading):
    text = "Peru rejected the plan in 1931. Under the Soto Plan, the commission would inspect every port."
    assert reading(text, "inspect").modality == "Hypothetical"
    # without the plan's frame, the story's "would" tells what came next
    assert reading("Peru rejected the plan in 1931. The commission would inspect every port.", "inspect").modality \
        == "Asserted"


def test_factuality_what_one_is_determined_to_do_is_only_aimed_at(reading):
    text = "Chile announced its determination to defend the islands against a Peruvian attack."
    assert reading(text, "defend").modality == "Hypothetical"
    assert reading(text, "attack").modality == "Hypothetical"


@pytest.mark.parametrize("text, word, expected", [
    ("The attempt to seize the port was unsuccessful.", "seize", "Negative"),
    ("Peru attempted to build a coalition against Chile, but was unsuccessful.", "build", "Negative"),
    ("Peru tried to pass the amendment but failed.", "pass", "Negative"),
    # success, or a failure of another doer's, leaves it as it was
    ("The attempt to seize the port was successful.", "seize", "Positive"),
    ("Peru tried to pass the amendment, but Chile failed to ratify it.", "pass", "Positive"),
])
def test_factuality_what_an_attempt_said_to_have_failed_was_for_did_not_happen(reading, text, word, expected):
    assert reading(text, word).polarity == expected

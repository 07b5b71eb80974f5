"""The clause layer on hand-made parses: roles undone from voice, control, relative clauses and light verbs.

Each parse is written out by hand (word, head, dependency, part of speech, tag, lemma), as a spaCy
``Doc`` without any model, so these tests pin the layer's reading of a construction, not the parser's.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg_builder.extract.clauses import (clause_text, description_predication, noun_predication, open_question,
                                        secondary_predicate, verb_predication)
from kg_builder.extract.tokens import phrase, stray_clause, stray_subjects_within, subjects

Row = tuple[str, int, str, str, str, str]  # word, head (index), dependency, POS, tag, lemma


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, punctuation), no model


def parsed(rows: list[Row], ents: list[str] | None = None) -> Doc:
    words, heads, deps, pos, tags, lemmas = map(list, zip(*rows))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(rows) - 1), ents=ents)


def texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_clauses_passive_subject_is_the_theme_and_by_phrase_the_agent() -> None:
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("treaty", 3, "nsubjpass", "NOUN", "NN", "treaty"),
                  ("was", 3, "auxpass", "AUX", "VBD", "be"), ("signed", 3, "ROOT", "VERB", "VBN", "sign"),
                  ("by", 3, "agent", "ADP", "IN", "by"), ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
                  ("and", 5, "cc", "CCONJ", "CC", "and"), ("Peru", 5, "conj", "PROPN", "NNP", "Peru")])
    pred = verb_predication(doc[3])
    assert pred.passive
    assert texts(pred.themes) == ["treaty"]
    assert texts(pred.agents) == ["Chile", "Peru"]  # conjuncts distributed


def test_clauses_a_date_after_passive_by_is_a_deadline_not_the_agent() -> None:
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("dam", 3, "nsubjpass", "NOUN", "NN", "dam"),
                  ("was", 3, "auxpass", "AUX", "VBD", "be"), ("finished", 3, "ROOT", "VERB", "VBN", "finish"),
                  ("by", 3, "agent", "ADP", "IN", "by"), ("autumn", 4, "pobj", "NOUN", "NN", "autumn"),
                  ("2031", 5, "nummod", "NUM", "CD", "2031")], ents=["O", "O", "O", "O", "O", "B-DATE", "I-DATE"])
    pred = verb_predication(doc[3])
    assert texts(pred.themes) == ["dam"]
    assert pred.agents == ()


def test_clauses_participle_modifying_a_noun_takes_it_as_theme_and_reads_between() -> None:
    doc = parsed([("a", 1, "det", "DET", "DT", "a"), ("treaty", 1, "ROOT", "NOUN", "NN", "treaty"),
                  ("concluded", 1, "acl", "VERB", "VBN", "conclude"), ("between", 2, "prep", "ADP", "IN", "between"),
                  ("Israel", 3, "pobj", "PROPN", "NNP", "Israel"), ("and", 4, "cc", "CCONJ", "CC", "and"),
                  ("Egypt", 4, "conj", "PROPN", "NNP", "Egypt")])
    pred = verb_predication(doc[2])
    assert texts(pred.themes) == ["treaty"]
    assert texts(pred.oblique("between")) == ["Israel", "Egypt"]


def test_clauses_relative_pronoun_stands_for_the_noun_it_modifies() -> None:
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("conference", 1, "ROOT", "NOUN", "NN", "conference"),
                  ("which", 4, "nsubjpass", "PRON", "WDT", "which"), ("was", 4, "auxpass", "AUX", "VBD", "be"),
                  ("established", 1, "relcl", "VERB", "VBN", "establish")])
    assert texts(verb_predication(doc[4]).themes) == ["conference"]


def test_clauses_infinitive_takes_the_object_after_object_control_and_the_subject_otherwise() -> None:
    led = parsed([("This", 1, "nsubj", "PRON", "DT", "this"), ("led", 1, "ROOT", "VERB", "VBD", "lead"),
                  ("Carter", 1, "dobj", "PROPN", "NNP", "Carter"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("intercede", 1, "xcomp", "VERB", "VB", "intercede")])
    assert texts(verb_predication(led[4], frozenset({"lead"})).agents) == ["Carter"]
    assert texts(verb_predication(led[4]).agents) == ["This"]  # without the control list: subject control


@pytest.mark.parametrize("sent, ents, doer", [
    ("Soto", ["B-GPE", "O", "B-PERSON", "O", "O"], "Soto"),  # "Peru sent Soto to negotiate": Soto negotiates
    ("money", ["B-GPE", "O", "O", "O", "O"], "Peru"),  # "Peru sent money to negotiate": Peru does
])
def test_clauses_who_is_sent_to_do_a_thing_does_it_though_parsed_as_a_purpose(sent, ents, doer) -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                  (sent, 1, "dobj", "NOUN", "NN", sent), ("to", 4, "aux", "PART", "TO", "to"),
                  ("negotiate", 1, "advcl", "VERB", "VB", "negotiate")], ents=ents)
    assert texts(verb_predication(doc[4], frozenset({"send"})).agents) == [doer]


def test_clauses_the_one_called_on_does_what_is_asked_and_only_infinitives_are_asked() -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                  ("on", 1, "prep", "ADP", "IN", "on"), ("Chile", 2, "pobj", "PROPN", "NNP", "Chile"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("withdraw", 1, "xcomp", "VERB", "VB", "withdraw")])
    assert texts(verb_predication(doc[5], frozenset({"call"})).agents) == ["Chile"]
    assert texts(verb_predication(doc[1]).infinitives) == ["withdraw"]
    told = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
                   ("reporters", 1, "dobj", "NOUN", "NNS", "reporter"), ("that", 5, "mark", "SCONJ", "IN", "that"),
                   ("talks", 5, "nsubj", "NOUN", "NNS", "talk"), ("resumed", 1, "ccomp", "VERB", "VBD", "resume")])
    assert texts(verb_predication(told[1]).clauses) == ["resumed"]
    assert verb_predication(told[1]).infinitives == ()  # what is said is no request


def test_clauses_a_second_coordinated_infinitive_is_controlled_like_the_first() -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("tried", 1, "ROOT", "VERB", "VBD", "try"),
                  ("to", 3, "aux", "PART", "TO", "to"), ("close", 1, "xcomp", "VERB", "VB", "close"),
                  ("ports", 3, "dobj", "NOUN", "NNS", "port"), ("and", 3, "cc", "CCONJ", "CC", "and"),
                  ("to", 7, "aux", "PART", "TO", "to"), ("seize", 3, "conj", "VERB", "VB", "seize"),
                  ("mines", 7, "dobj", "NOUN", "NNS", "mine")])
    assert texts(verb_predication(doc[7]).agents) == ["Peru"]


def test_clauses_a_gerund_after_for_is_done_by_the_one_blamed_or_praised() -> None:
    doc = parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
                  ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"), ("for", 1, "prep", "ADP", "IN", "for"),
                  ("not", 5, "neg", "PART", "RB", "not"), ("acting", 3, "pcomp", "VERB", "VBG", "act")])
    assert texts(verb_predication(doc[5]).agents) == ["Peru"]


def test_clauses_a_gerund_after_by_under_a_verb_hung_on_its_subject_takes_that_subject() -> None:
    # the parser's slip: "a report ... fed this belief by claiming ..." with "fed" as a clause on "report"
    doc = parsed([("a", 1, "det", "DET", "DT", "a"), ("report", 1, "ROOT", "NOUN", "NN", "report"),
                  ("fed", 1, "acl", "VERB", "VBD", "feed"), ("fears", 2, "dobj", "NOUN", "NNS", "fear"),
                  ("by", 2, "prep", "ADP", "IN", "by"), ("claiming", 4, "pcomp", "VERB", "VBG", "claim")])
    assert texts(verb_predication(doc[5]).agents) == ["report"]


def test_clauses_participial_adjunct_takes_the_main_subject() -> None:
    doc = parsed([("Sadat", 1, "nsubj", "PROPN", "NNP", "Sadat"), ("moved", 1, "ROOT", "VERB", "VBD", "move"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("announcing", 1, "advcl", "VERB", "VBG", "announce"),
                  ("talks", 3, "dobj", "NOUN", "NNS", "talk")])
    assert texts(verb_predication(doc[3]).agents) == ["Sadat"]


def test_clauses_a_participle_joined_to_a_participial_adjunct_takes_the_main_subject_too() -> None:
    doc = parsed([("Sadat", 1, "nsubj", "PROPN", "NNP", "Sadat"), ("left", 1, "ROOT", "VERB", "VBD", "leave"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("protesting", 1, "advcl", "VERB", "VBG", "protest"),
                  ("raids", 3, "dobj", "NOUN", "NNS", "raid"), ("and", 3, "cc", "CCONJ", "CC", "and"),
                  ("demanding", 3, "conj", "VERB", "VBG", "demand"), ("talks", 6, "dobj", "NOUN", "NNS", "talk")])
    assert texts(verb_predication(doc[6]).agents) == ["Sadat"]


def test_clauses_compound_preposition_is_read_as_one() -> None:
    doc = parsed([("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"), ("insisted", 1, "ROOT", "VERB", "VBD", "insist"),
                  ("on", 1, "prep", "ADP", "IN", "on"), ("withdrawal", 2, "pobj", "NOUN", "NN", "withdrawal"),
                  ("in", 1, "prep", "ADP", "IN", "in"), ("exchange", 4, "pobj", "NOUN", "NN", "exchange"),
                  ("for", 5, "prep", "ADP", "IN", "for"), ("security", 6, "pobj", "NOUN", "NN", "security")])
    pred = verb_predication(doc[1])
    assert texts(pred.oblique("on")) == ["withdrawal"]
    assert texts(pred.oblique("in exchange for")) == ["security"]
    assert pred.oblique("in") == ()


def test_clauses_according_to_is_one_preposition_though_tagged_a_participle() -> None:
    # "According to the plan, Peru would pay": the parser tags "According" VBG and hangs "to" under it
    doc = parsed([("According", 4, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP", "IN", "to"),
                  ("the", 3, "det", "DET", "DT", "the"), ("plan", 1, "pobj", "NOUN", "NN", "plan"),
                  ("pay", 4, "ROOT", "VERB", "VB", "pay")])
    pred = verb_predication(doc[4])
    assert texts(pred.oblique("according to")) == ["plan"]
    assert pred.oblique("to") == ()


def test_clauses_noun_takes_its_agent_from_a_light_verb_and_its_clause_from_an_infinitive() -> None:
    doc = parsed([("Sadat", 1, "nsubj", "PROPN", "NNP", "Sadat"), ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
                  ("a", 3, "det", "DET", "DT", "a"), ("desire", 1, "dobj", "NOUN", "NN", "desire"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("cut", 3, "acl", "VERB", "VB", "cut"),
                  ("contacts", 5, "dobj", "NOUN", "NNS", "contact")])
    pred = noun_predication(doc[3], frozenset({"express"}))
    assert texts(pred.agents) == ["Sadat"]
    assert pred.support == doc[1]
    assert texts(pred.clauses) == ["cut"]
    assert noun_predication(doc[3]).agents == ()  # "express" is no light verb unless the frames say so


def test_clauses_noun_agent_from_possessive() -> None:
    doc = parsed([("Egypt", 2, "poss", "PROPN", "NNP", "Egypt"), ("'s", 0, "case", "PART", "POS", "'s"),
                  ("insistence", 2, "ROOT", "NOUN", "NN", "insistence"), ("on", 2, "prep", "ADP", "IN", "on"),
                  ("withdrawal", 3, "pobj", "NOUN", "NN", "withdrawal")])
    pred = noun_predication(doc[2])
    assert texts(pred.agents) == ["Egypt"]
    assert texts(pred.oblique("on")) == ["withdrawal"]


@pytest.mark.parametrize(("rows", "doers"), [
    # "the refusal of Chile to sign": who is to sign refuses
    ([("Chile", 2, "pobj", "PROPN", "NNP", "Chile")], ["Chile"]),
    # "the refusal of the envoys to sign": people named by a plural noun, too
    ([("the", 4, "det", "DET", "DT", "the"), ("envoys", 2, "pobj", "NOUN", "NNS", "envoy")], ["envoys"]),
    # "the refusal of the court to sign": nobody the text names; the "of" phrase stays what the noun is of
    ([("the", 4, "det", "DET", "DT", "the"), ("court", 2, "pobj", "NOUN", "NN", "court")], []),
])
def test_clauses_someone_named_between_a_stance_noun_and_its_infinitive_holds_the_stance(rows, doers) -> None:
    sign = len(rows) + 4
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("refusal", 1, "ROOT", "NOUN", "NN", "refusal"),
                  ("of", 1, "prep", "ADP", "IN", "of"), *rows,
                  ("to", sign, "aux", "PART", "TO", "to"), ("sign", 1, "acl", "VERB", "VB", "sign")])
    pred = noun_predication(doc[1])
    assert texts(pred.agents) == doers
    assert len(pred.themes) == 1 - len(doers)
    assert texts(pred.clauses) == ["sign"]


def test_clauses_possessive_pronoun_of_a_light_verb_noun_is_the_light_verb_subject() -> None:
    doc = parsed([("Tokyo", 1, "nsubj", "PROPN", "NNP", "Tokyo"), ("stated", 1, "ROOT", "VERB", "VBD", "state"),
                  ("its", 3, "poss", "PRON", "PRP$", "its"), ("intent", 1, "dobj", "NOUN", "NN", "intent"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("help", 3, "acl", "VERB", "VB", "help")])
    assert texts(noun_predication(doc[3], frozenset({"state"})).agents) == ["Tokyo"]
    assert texts(noun_predication(doc[3]).agents) == ["its"]  # without the light verb, the pronoun is all there is


def test_clauses_subject_noun_takes_what_a_complement_verb_says_it_is() -> None:
    doc = parsed([("Their", 1, "poss", "PRON", "PRP$", "their"), ("goal", 2, "nsubj", "NOUN", "NN", "goal"),
                  ("remains", 2, "ROOT", "VERB", "VBZ", "remain"), ("disarmament", 2, "attr", "NOUN", "NN", "disarmament")])
    assert texts(noun_predication(doc[1], complement_verbs=frozenset({"remain"})).clauses) == ["disarmament"]
    assert noun_predication(doc[1]).clauses == ()


def test_clauses_a_subject_noun_with_an_object_of_its_own_is_not_what_its_complement_names() -> None:
    # "The rejection of the treaty was a turning point": the complement judges the act, it is not what was rejected
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("rejection", 5, "nsubj", "NOUN", "NN", "rejection"),
                  ("of", 1, "prep", "ADP", "IN", "of"), ("the", 4, "det", "DET", "DT", "the"),
                  ("treaty", 2, "pobj", "NOUN", "NN", "treaty"), ("was", 5, "ROOT", "AUX", "VBD", "be"),
                  ("a", 8, "det", "DET", "DT", "a"), ("turning", 8, "compound", "NOUN", "NN", "turning"),
                  ("point", 5, "attr", "NOUN", "NN", "point")])
    pred = noun_predication(doc[1], complement_verbs=frozenset({"be"}))
    assert texts(pred.themes) == ["treaty"]
    assert pred.clauses == ()


def test_clauses_a_subject_noun_with_an_of_phrase_still_takes_a_clause_complement() -> None:
    # "The aim of the talks was to end the war"
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("aim", 5, "nsubj", "NOUN", "NN", "aim"),
                  ("of", 1, "prep", "ADP", "IN", "of"), ("the", 4, "det", "DET", "DT", "the"),
                  ("talks", 2, "pobj", "NOUN", "NNS", "talk"), ("was", 5, "ROOT", "AUX", "VBD", "be"),
                  ("to", 7, "aux", "PART", "TO", "to"), ("end", 5, "xcomp", "VERB", "VB", "end"),
                  ("the", 9, "det", "DET", "DT", "the"), ("war", 7, "dobj", "NOUN", "NN", "war")])
    assert texts(noun_predication(doc[1], complement_verbs=frozenset({"be"})).clauses) == ["end"]


def test_clauses_for_infinitive_is_one_argument_whose_subject_is_the_object_of_for() -> None:
    doc = parsed([("Rome", 1, "nsubj", "PROPN", "NNP", "Rome"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                  ("for", 1, "prep", "ADP", "IN", "for"), ("Paris", 2, "pobj", "PROPN", "NNP", "Paris"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("send", 1, "advcl", "VERB", "VB", "send"),
                  ("ships", 5, "dobj", "NOUN", "NNS", "ship")])
    assert verb_predication(doc[1]).oblique("for") == (doc[5],)
    assert texts(verb_predication(doc[5]).agents) == ["Paris"]
    marked = parsed([("Rome", 1, "nsubj", "PROPN", "NNP", "Rome"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                     ("for", 5, "mark", "SCONJ", "IN", "for"), ("Paris", 5, "nsubj", "PROPN", "NNP", "Paris"),
                     ("to", 5, "aux", "PART", "TO", "to"), ("send", 1, "advcl", "VERB", "VB", "send"),
                     ("ships", 5, "dobj", "NOUN", "NNS", "ship")])
    assert verb_predication(marked[1]).oblique("for") == (marked[5],)
    assert clause_text(marked[5]) == "Paris send ships"


def test_clauses_clause_text_drops_a_joined_verb_whose_complements_went_with_a_clause_left_out() -> None:
    # "war might spread and let it be known that Peru would sign": the parser may join the second verb of the outer
    # clause to the reported one; bare of its own clause it says nothing, but a verb that never took one stays
    doc = parsed([("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("feared", 1, "ROOT", "VERB", "VBD", "fear"),
                  ("that", 5, "mark", "SCONJ", "IN", "that"), ("war", 5, "nsubj", "NOUN", "NN", "war"),
                  ("might", 5, "aux", "AUX", "MD", "might"), ("spread", 1, "ccomp", "VERB", "VB", "spread"),
                  ("and", 5, "cc", "CCONJ", "CC", "and"), ("let", 5, "conj", "VERB", "VB", "let"),
                  ("it", 10, "nsubjpass", "PRON", "PRP", "it"), ("be", 10, "auxpass", "AUX", "VB", "be"),
                  ("known", 7, "ccomp", "VERB", "VBN", "know"), ("that", 14, "mark", "SCONJ", "IN", "that"),
                  ("Peru", 14, "nsubj", "PROPN", "NNP", "Peru"), ("would", 14, "aux", "AUX", "MD", "would"),
                  ("sign", 10, "ccomp", "VERB", "VB", "sign")])
    assert clause_text(doc[5]) == "war might spread"
    doc = parsed([("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("feared", 1, "ROOT", "VERB", "VBD", "fear"),
                  ("that", 5, "mark", "SCONJ", "IN", "that"), ("prices", 5, "nsubj", "NOUN", "NNS", "price"),
                  ("might", 5, "aux", "AUX", "MD", "might"), ("rise", 1, "ccomp", "VERB", "VB", "rise"),
                  ("and", 5, "cc", "CCONJ", "CC", "and"), ("fall", 5, "conj", "VERB", "VB", "fall")])
    assert clause_text(doc[5]) == "prices might rise and fall"


@pytest.mark.parametrize(("dep", "expected"), [("appos", ["Reagan"]), ("attr", ["Reagan"])])
def test_clauses_description_is_said_of_the_one_it_describes(dep: str, expected: list[str]) -> None:
    if dep == "appos":
        doc = parsed([("Reagan", 0, "ROOT", "PROPN", "NNP", "Reagan"), ("a", 2, "det", "DET", "DT", "a"),
                      ("critic", 0, "appos", "NOUN", "NN", "critic"), ("of", 2, "prep", "ADP", "IN", "of"),
                      ("SALT", 3, "pobj", "PROPN", "NNP", "SALT")])
        word = doc[2]
    else:
        doc = parsed([("Reagan", 1, "nsubj", "PROPN", "NNP", "Reagan"), ("was", 1, "ROOT", "AUX", "VBD", "be"),
                      ("a", 3, "det", "DET", "DT", "a"), ("critic", 1, "attr", "NOUN", "NN", "critic"),
                      ("of", 3, "prep", "ADP", "IN", "of"), ("SALT", 4, "pobj", "PROPN", "NNP", "SALT")])
        word = doc[3]
    pred = description_predication(word, "agent_noun")
    assert texts(pred.agents) == expected
    assert texts(pred.oblique("of")) == ["SALT"]


def test_clauses_clause_text_keeps_the_to_of_a_question_but_drops_a_plain_one() -> None:
    doc = parsed([("split", 0, "ROOT", "VERB", "VBD", "split"), ("over", 0, "prep", "ADP", "IN", "over"),
                  ("how", 4, "advmod", "SCONJ", "WRB", "how"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("tax", 1, "pcomp", "VERB", "VB", "tax"), ("grain", 4, "dobj", "NOUN", "NN", "grain")])
    assert clause_text(doc[4]) == "how to tax grain"
    doc = parsed([("agreed", 0, "ROOT", "VERB", "VBD", "agree"), ("to", 2, "aux", "PART", "TO", "to"),
                  ("tax", 0, "xcomp", "VERB", "VB", "tax"), ("grain", 2, "dobj", "NOUN", "NN", "grain")])
    assert clause_text(doc[2]) == "tax grain"


def test_clauses_clause_text_keeps_the_question_a_verb_takes_but_not_a_report() -> None:
    # "to consider whether Peru should join" / "to say that Peru should join": the question is what is considered;
    # the report is a clause of its own
    for word, mark, kept in (("consider", "whether", True), ("say", "that", False)):
        doc = parsed([("to", 1, "aux", "PART", "TO", "to"), (word, 1, "ROOT", "VERB", "VB", word),
                      (mark, 5, "mark", "SCONJ", "IN", mark), ("Peru", 5, "nsubj", "PROPN", "NNP", "Peru"),
                      ("should", 5, "aux", "AUX", "MD", "should"), ("join", 1, "ccomp", "VERB", "VB", "join")])
        assert clause_text(doc[1]) == (f"{word} {mark} Peru should join" if kept else word)


def test_clauses_clause_text_keeps_the_to_of_an_infinitive_inside_the_clause() -> None:
    # "agreed that the chance to end the war was fleeting": the clause's own verb is "was"
    doc = parsed([("agreed", 0, "ROOT", "VERB", "VBD", "agree"), ("that", 7, "mark", "SCONJ", "IN", "that"),
                  ("the", 3, "det", "DET", "DT", "the"), ("chance", 7, "nsubj", "NOUN", "NN", "chance"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("end", 3, "acl", "VERB", "VB", "end"),
                  ("war", 5, "dobj", "NOUN", "NN", "war"), ("was", 0, "ccomp", "AUX", "VBD", "be"),
                  ("fleeting", 7, "acomp", "ADJ", "JJ", "fleeting")])
    assert clause_text(doc[7]) == "the chance to end war was fleeting"


def test_clauses_clause_text_keeps_a_for_clause_a_bare_was_needs_and_the_marks_inside_it() -> None:
    # "concluded that the best way was for Peru to say that it would sign"
    doc = parsed([("concluded", 0, "ROOT", "VERB", "VBD", "conclude"), ("that", 4, "mark", "SCONJ", "IN", "that"),
                  ("the", 3, "det", "DET", "DT", "the"), ("way", 4, "nsubj", "NOUN", "NN", "way"),
                  ("was", 0, "ccomp", "AUX", "VBD", "be"), ("for", 8, "mark", "SCONJ", "IN", "for"),
                  ("Peru", 8, "nsubj", "PROPN", "NNP", "Peru"), ("to", 8, "aux", "PART", "TO", "to"),
                  ("say", 4, "advcl", "VERB", "VB", "say"), ("that", 12, "mark", "SCONJ", "IN", "that"),
                  ("it", 12, "nsubj", "PRON", "PRP", "it"), ("would", 12, "aux", "AUX", "MD", "would"),
                  ("sign", 8, "ccomp", "VERB", "VB", "sign")])
    assert clause_text(doc[4]) == "the way was for Peru to say"


def test_clauses_clause_text_keeps_a_participle_with_its_own_subject_that_completes_the_verb() -> None:
    # "would no longer consider itself bound by the pact"
    doc = parsed([("consider", 0, "ROOT", "VERB", "VB", "consider"), ("itself", 2, "nsubj", "PRON", "PRP", "itself"),
                  ("bound", 0, "ccomp", "VERB", "VBN", "bind"), ("by", 2, "agent", "ADP", "IN", "by"),
                  ("the", 5, "det", "DET", "DT", "the"), ("pact", 3, "pobj", "NOUN", "NN", "pact")])
    assert clause_text(doc[0]) == "consider itself bound by the pact"


def test_clauses_clause_text_keeps_coordinated_verbs_and_drops_correlatives() -> None:
    doc = parsed([("agreed", 0, "ROOT", "VERB", "VBD", "agree"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("not", 4, "preconj", "PART", "RB", "not"), ("only", 4, "advmod", "ADV", "RB", "only"),
                  ("abide", 0, "xcomp", "VERB", "VB", "abide"), ("but", 4, "cc", "CCONJ", "CC", "but"),
                  ("also", 7, "advmod", "ADV", "RB", "also"), ("destroy", 4, "conj", "VERB", "VB", "destroy"),
                  ("weapons", 7, "dobj", "NOUN", "NNS", "weapon")])
    assert clause_text(doc[4]) == "abide but destroy weapons"


@pytest.mark.parametrize(("rank", "doers"), [("first", ["Napoleon"]), ("last", ["Napoleon"]), ("next", [])])
def test_clauses_the_one_ranked_first_or_last_to_act_does_the_act(rank: str, doers: list[str]) -> None:
    # "Napoleon was the first to offer concessions" ("the next to offer" names no rank of the subject's own)
    doc = parsed([("Napoleon", 1, "nsubj", "PROPN", "NNP", "Napoleon"), ("was", 1, "ROOT", "AUX", "VBD", "be"),
                  ("the", 3, "det", "DET", "DT", "the"), (rank, 1, "attr", "ADJ", "JJ", rank),
                  ("to", 5, "aux", "PART", "TO", "to"), ("offer", 3, "relcl", "VERB", "VB", "offer"),
                  ("concessions", 5, "dobj", "NOUN", "NNS", "concession")])
    assert texts(verb_predication(doc[5]).agents) == doers


def test_clauses_clause_text_keeps_a_what_clause_that_says_what_the_subject_is() -> None:
    # "the rhetoric was what caused the rift": no reported clause, the whole of what "was" says
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("rhetoric", 2, "nsubj", "NOUN", "NN", "rhetoric"),
                  ("was", 2, "ROOT", "AUX", "VBD", "be"), ("what", 4, "nsubj", "PRON", "WP", "what"),
                  ("caused", 2, "ccomp", "VERB", "VBD", "cause"), ("the", 6, "det", "DET", "DT", "the"),
                  ("rift", 4, "dobj", "NOUN", "NN", "rift")])
    assert clause_text(doc[2]) == "the rhetoric was what caused the rift"


def test_clauses_clause_text_drops_a_means_phrase_whose_reported_clause_it_drops() -> None:
    # "end the feud by promising that Lima would pay": "end the feud by promising" says nothing of the promise
    doc = parsed([("end", 0, "ROOT", "VERB", "VB", "end"), ("the", 2, "det", "DET", "DT", "the"),
                  ("feud", 0, "dobj", "NOUN", "NN", "feud"), ("by", 0, "prep", "ADP", "IN", "by"),
                  ("promising", 3, "pcomp", "VERB", "VBG", "promise"), ("that", 8, "mark", "SCONJ", "IN", "that"),
                  ("Lima", 8, "nsubj", "PROPN", "NNP", "Lima"), ("would", 8, "aux", "AUX", "MD", "would"),
                  ("pay", 4, "ccomp", "VERB", "VB", "pay")])
    assert clause_text(doc[0]) == "end the feud"


def test_clauses_clause_text_drops_a_relative_clause_set_off_by_a_comma_past_the_commas_of_its_lists() -> None:
    # "blockade Berlin, which was under U.S., British, and French control": every comma after "which" is a list's
    rows = [("blockade", 0, "ROOT", "VERB", "VB", "blockade"), ("Berlin", 0, "dobj", "PROPN", "NNP", "Berlin"),
            (",", 1, "punct", "PUNCT", ",", ","), ("which", 4, "nsubj", "PRON", "WDT", "which"),
            ("was", 1, "relcl", "AUX", "VBD", "be"), ("under", 4, "prep", "ADP", "IN", "under"),
            ("U.S.", 12, "nmod", "PROPN", "NNP", "U.S."), (",", 6, "punct", "PUNCT", ",", ","),
            ("British", 6, "conj", "ADJ", "JJ", "british"), (",", 8, "punct", "PUNCT", ",", ","),
            ("and", 8, "cc", "CCONJ", "CC", "and"), ("French", 8, "conj", "ADJ", "JJ", "french"),
            ("control", 5, "pobj", "NOUN", "NN", "control")]
    assert clause_text(parsed(rows)[0]) == "blockade Berlin"


def test_clauses_clause_text_puts_the_antecedent_where_the_relative_pronoun_stood() -> None:
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("meeting", 1, "ROOT", "NOUN", "NN", "meeting"),
                  ("which", 6, "dobj", "PRON", "WDT", "which"), ("both", 4, "det", "DET", "DT", "both"),
                  ("leaders", 5, "nsubj", "NOUN", "NNS", "leader"), ("agreed", 1, "relcl", "VERB", "VBD", "agree"),
                  ("attend", 5, "xcomp", "VERB", "VB", "attend"), ("in", 6, "prep", "ADP", "IN", "in"),
                  ("May", 7, "pobj", "PROPN", "NNP", "May")])
    assert clause_text(doc[6]) == "attend meeting in May"


def test_clauses_subject_taken_for_a_conjunct_is_given_back_to_its_passive_verb() -> None:
    # the small model's reading of "Lima assented to the plan and the treaty was signed": "treaty" a conjunct of "plan"
    doc = parsed([("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("assented", 1, "ROOT", "VERB", "VBD", "assent"),
                  ("to", 1, "prep", "ADP", "IN", "to"), ("the", 4, "det", "DET", "DT", "the"),
                  ("plan", 2, "pobj", "NOUN", "NN", "plan"), ("and", 4, "cc", "CCONJ", "CC", "and"),
                  ("the", 7, "det", "DET", "DT", "the"), ("treaty", 4, "conj", "NOUN", "NN", "treaty"),
                  ("was", 9, "auxpass", "AUX", "VBD", "be"), ("signed", 1, "ccomp", "VERB", "VBN", "sign")])
    assert texts(verb_predication(doc[9]).themes) == ["treaty"]
    assert stray_clause(doc[7]) == doc[9]
    assert stray_clause(doc[4]) is None


def test_clauses_clause_text_drops_a_participle_set_off_by_commas_up_to_its_closing_comma() -> None:
    # "cut tariffs, imposed in 2019, to 5%": the small model hangs "to 5%" on the participle
    doc = parsed([("cut", 0, "ROOT", "VERB", "VBD", "cut"), ("tariffs", 0, "dobj", "NOUN", "NNS", "tariff"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("imposed", 1, "acl", "VERB", "VBN", "impose"),
                  ("in", 3, "prep", "ADP", "IN", "in"), ("2019", 4, "pobj", "NUM", "CD", "2019"),
                  (",", 3, "punct", "PUNCT", ",", ","), ("to", 3, "prep", "ADP", "IN", "to"),
                  ("5", 9, "nummod", "NUM", "CD", "5"), ("%", 7, "pobj", "NOUN", "NN", "%"),
                  ("and", 9, "cc", "CCONJ", "CC", "and"), ("more", 9, "conj", "ADJ", "JJR", "more")])
    assert clause_text(doc[0]) == "cut tariffs to 5 % and more"  # hand-made tokens are space-separated
    assert clause_text(doc[0], limit=6) == "cut tariffs to 5 %"  # no dangling "and" where the text is cut


def test_clauses_clause_text_keeps_a_purpose_infinitive_but_not_an_adverbial_clause() -> None:
    doc = parsed([("send", 0, "ROOT", "VERB", "VB", "send"), ("ships", 0, "dobj", "NOUN", "NNS", "ship"),
                  ("to", 3, "aux", "PART", "TO", "to"), ("patrol", 0, "advcl", "VERB", "VB", "patrol"),
                  ("the", 5, "det", "DET", "DT", "the"), ("strait", 3, "dobj", "NOUN", "NN", "strait"),
                  ("when", 8, "advmod", "SCONJ", "WRB", "when"), ("talks", 8, "nsubj", "NOUN", "NNS", "talk"),
                  ("fail", 0, "advcl", "VERB", "VBP", "fail")])
    assert clause_text(doc[0]) == "send ships to patrol the strait"


def test_clauses_stance_noun_of_an_adjunct_is_held_by_the_clause_subject() -> None:
    doc = parsed([("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
                  ("the", 3, "det", "DET", "DT", "the"), ("port", 1, "dobj", "NOUN", "NN", "port"),
                  ("in", 1, "prep", "ADP", "IN", "in"), ("an", 6, "det", "DET", "DT", "an"),
                  ("effort", 4, "pobj", "NOUN", "NN", "effort"), ("to", 8, "aux", "PART", "TO", "to"),
                  ("end", 6, "acl", "VERB", "VB", "end"), ("the", 10, "det", "DET", "DT", "the"),
                  ("siege", 8, "dobj", "NOUN", "NN", "siege")])
    assert texts(noun_predication(doc[6], adjunct_prepositions=frozenset({"in"})).agents) == ["Lima"]
    assert noun_predication(doc[6]).agents == ()  # "despite an effort by others": only the listed prepositions


def test_clauses_subject_set_off_as_an_apposition_of_a_fronted_phrase_is_the_verb_subject() -> None:
    # "From the start of his term, Ruiz and his deputy, Soto, pursued talks": the parser hangs the subject
    # on "term"
    doc = parsed([("From", 12, "prep", "ADP", "IN", "from"), ("his", 2, "poss", "PRON", "PRP$", "his"),
                  ("term", 0, "pobj", "NOUN", "NN", "term"), (",", 2, "punct", "PUNCT", ",", ","),
                  ("Ruiz", 2, "appos", "PROPN", "NNP", "Ruiz"), ("and", 4, "cc", "CCONJ", "CC", "and"),
                  ("his", 7, "poss", "PRON", "PRP$", "his"), ("deputy", 4, "conj", "NOUN", "NN", "deputy"),
                  (",", 7, "punct", "PUNCT", ",", ","), ("Soto", 4, "conj", "PROPN", "NNP", "Soto"),
                  (",", 12, "punct", "PUNCT", ",", ","), ("then", 12, "advmod", "ADV", "RB", "then"),
                  ("pursued", 12, "ROOT", "VERB", "VBD", "pursue"), ("talks", 12, "dobj", "NOUN", "NNS", "talk")])
    assert set(texts(verb_predication(doc[12]).agents)) == {"Soto", "Ruiz"}


def test_clauses_noun_phrase_leaves_out_a_time_the_parser_hung_on_it() -> None:
    # "suspended its obligations the next day", "day" parsed as an adverbial of "obligations"
    doc = parsed([("obligations", 0, "ROOT", "NOUN", "NNS", "obligation"), ("the", 3, "det", "DET", "DT", "the"),
                  ("next", 3, "amod", "ADJ", "JJ", "next"), ("day", 0, "npadvmod", "NOUN", "NN", "day")],
                 ents=["O", "B-DATE", "I-DATE", "I-DATE"])
    assert phrase(doc[0]) == "obligations"


def test_clauses_noun_phrase_keeps_an_inner_and_but_not_its_own_conjuncts() -> None:
    doc = parsed([("talks", 0, "ROOT", "NOUN", "NNS", "talk"), ("with", 0, "prep", "ADP", "IN", "with"),
                  ("Aymara", 5, "amod", "ADJ", "JJ", "aymara"), ("and", 2, "cc", "CCONJ", "CC", "and"),
                  ("Quechua", 2, "conj", "ADJ", "JJ", "quechua"), ("leaders", 1, "pobj", "NOUN", "NNS", "leader"),
                  ("and", 0, "cc", "CCONJ", "CC", "and"), ("visits", 0, "conj", "NOUN", "NNS", "visit")])
    assert phrase(doc[0]) == "talks with Aymara and Quechua leaders"


def test_clauses_a_cut_clause_text_does_not_split_a_name() -> None:
    doc = parsed([("halt", 0, "ROOT", "VERB", "VB", "halt"), ("tests", 0, "dobj", "NOUN", "NNS", "test"),
                  ("in", 1, "prep", "ADP", "IN", "in"), ("North", 4, "compound", "PROPN", "NNP", "North"),
                  ("Korea", 2, "pobj", "PROPN", "NNP", "Korea"), ("now", 0, "advmod", "ADV", "RB", "now")],
                 ents=["O", "O", "O", "B-GPE", "I-GPE", "O"])
    assert clause_text(doc[0], limit=4) == "halt tests in North Korea"


def test_clauses_for_with_a_gerund_is_that_act_not_the_subject_of_a_later_infinitive() -> None:
    doc = parsed([("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"), ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
                  ("Quito", 1, "dobj", "PROPN", "NNP", "Quito"), ("for", 1, "prep", "ADP", "IN", "for"),
                  ("not", 5, "neg", "PART", "RB", "not"), ("doing", 3, "pcomp", "VERB", "VBG", "do"),
                  ("more", 5, "dobj", "ADJ", "JJR", "more"), ("to", 8, "aux", "PART", "TO", "to"),
                  ("help", 1, "xcomp", "VERB", "VB", "help")])
    assert texts(verb_predication(doc[1]).oblique("for")) == ["doing"]


def test_clauses_an_infinitive_adjunct_is_the_purpose_of_the_act_also_after_in_order() -> None:
    doc = parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                  ("ships", 1, "dobj", "NOUN", "NNS", "ship"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("guard", 1, "advcl", "VERB", "VB", "guard"), ("the", 6, "det", "DET", "DT", "the"),
                  ("port", 4, "dobj", "NOUN", "NN", "port"), ("in", 1, "prep", "ADP", "IN", "in"),
                  ("order", 7, "pobj", "NOUN", "NN", "order"), ("to", 10, "aux", "PART", "TO", "to"),
                  ("deter", 8, "acl", "VERB", "VB", "deter"), ("Peru", 10, "dobj", "PROPN", "NNP", "Peru")])
    assert texts(verb_predication(doc[1]).purposes) == ["guard", "deter"]


def test_clauses_an_infinitive_after_the_object_is_the_purpose_unless_reached_across_another_phrase() -> None:
    # "Chile used ships to guard the port."
    doc = parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("used", 1, "ROOT", "VERB", "VBD", "use"),
                  ("ships", 1, "dobj", "NOUN", "NNS", "ship"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("guard", 1, "xcomp", "VERB", "VB", "guard"), ("the", 6, "det", "DET", "DT", "the"),
                  ("port", 4, "dobj", "NOUN", "NN", "port")])
    assert texts(verb_predication(doc[1]).purposes) == ["guard"]
    # "Chile is kept from using ships by law and by reluctance to fight.", with "to fight" hung on "using" across
    # "by reluctance", which is the main verb's
    doc = parsed([("Chile", 2, "nsubjpass", "PROPN", "NNP", "Chile"), ("is", 2, "auxpass", "AUX", "VBZ", "be"),
                  ("kept", 2, "ROOT", "VERB", "VBN", "keep"), ("from", 2, "prep", "ADP", "IN", "from"),
                  ("using", 3, "pcomp", "VERB", "VBG", "use"), ("ships", 4, "dobj", "NOUN", "NNS", "ship"),
                  ("by", 2, "agent", "ADP", "IN", "by"), ("law", 6, "pobj", "NOUN", "NN", "law"),
                  ("and", 6, "cc", "CCONJ", "CC", "and"), ("by", 6, "conj", "ADP", "IN", "by"),
                  ("reluctance", 9, "pobj", "NOUN", "NN", "reluctance"), ("to", 12, "aux", "PART", "TO", "to"),
                  ("fight", 4, "xcomp", "VERB", "VB", "fight")])
    assert verb_predication(doc[4]).purposes == ()
    # "Chile believed the pact to be void": what is held true, no purpose
    doc = parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("believed", 1, "ROOT", "VERB", "VBD", "believe"),
                  ("the", 3, "det", "DET", "DT", "the"), ("pact", 1, "dobj", "NOUN", "NN", "pact"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("be", 1, "xcomp", "AUX", "VB", "be"),
                  ("void", 5, "acomp", "ADJ", "JJ", "void")])
    assert verb_predication(doc[1]).purposes == ()


def test_clauses_only_to_tells_what_came_of_the_act_not_its_purpose() -> None:
    doc = parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                  ("ships", 1, "dobj", "NOUN", "NNS", "ship"), ("only", 5, "advmod", "ADV", "RB", "only"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("lose", 1, "advcl", "VERB", "VB", "lose"),
                  ("them", 5, "dobj", "PRON", "PRP", "they")])
    assert verb_predication(doc[1]).purposes == ()


def test_clauses_a_noun_s_owner_is_the_subject_of_its_infinitive() -> None:
    doc = parsed([("Peru", 2, "poss", "PROPN", "NNP", "Peru"), ("'s", 0, "case", "PART", "POS", "'s"),
                  ("decision", 2, "ROOT", "NOUN", "NN", "decision"), ("to", 4, "aux", "PART", "TO", "to"),
                  ("sign", 2, "acl", "VERB", "VB", "sign"), ("the", 6, "det", "DET", "DT", "the"),
                  ("pact", 4, "dobj", "NOUN", "NN", "pact")])
    assert texts(verb_predication(doc[4]).agents) == ["Peru"]
    assert phrase(doc[0]) == "Peru"  # the possessive ending is no part of the doer's name


def test_clauses_a_noun_s_by_phrase_is_the_subject_of_its_infinitive() -> None:
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("decision", 1, "ROOT", "NOUN", "NN", "decision"),
                  ("by", 1, "prep", "ADP", "IN", "by"), ("Chile", 2, "pobj", "PROPN", "NNP", "Chile"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("leave", 1, "acl", "VERB", "VB", "leave"),
                  ("the", 7, "det", "DET", "DT", "the"), ("league", 5, "dobj", "NOUN", "NN", "league")])
    assert texts(verb_predication(doc[5]).agents) == ["Chile"]


def test_clauses_the_last_item_of_a_by_list_hung_on_the_modified_noun_is_an_agent_too() -> None:
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("Accords", 11, "nsubj", "PROPN", "NNPS", "Accords"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("signed", 1, "acl", "VERB", "VBN", "sign"),
                  ("by", 3, "agent", "ADP", "IN", "by"), ("Soto", 4, "pobj", "PROPN", "NNP", "Soto"),
                  (",", 5, "punct", "PUNCT", ",", ","), ("Gomez", 5, "conj", "PROPN", "NNP", "Gomez"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"),
                  ("Ortiz", 1, "conj", "PROPN", "NNP", "Ortiz"), ("failed", 11, "ROOT", "VERB", "VBD", "fail")])
    assert texts(verb_predication(doc[3]).agents) == ["Soto", "Gomez", "Ortiz"]


def test_clauses_a_list_of_infinitives_each_with_its_own_to_is_one_clause_an_item() -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("hoped", 1, "ROOT", "VERB", "VBD", "hope"),
                  ("to", 3, "aux", "PART", "TO", "to"), ("calm", 1, "xcomp", "VERB", "VB", "calm"),
                  ("Chile", 3, "dobj", "PROPN", "NNP", "Chile"), (",", 3, "punct", "PUNCT", ",", ","),
                  ("to", 7, "aux", "PART", "TO", "to"), ("ease", 3, "xcomp", "VERB", "VB", "ease"),
                  ("tension", 7, "dobj", "NOUN", "NN", "tension"), ("and", 7, "cc", "CCONJ", "CC", "and"),
                  ("to", 11, "aux", "PART", "TO", "to"), ("trade", 7, "conj", "VERB", "VB", "trade")])
    assert texts(verb_predication(doc[1]).clauses) == ["calm", "ease", "trade"]
    assert clause_text(doc[3]) == "calm Chile"
    assert clause_text(doc[7]) == "ease tension"


@pytest.mark.parametrize("second, clauses", [
    # the small model's parse of "Peru agreed to abide by the pact and START I": "START" as a verb with "I" its object
    ([("START", 3, "conj", "VERB", "VB", "start"), ("I", 8, "dobj", "PRON", "PRP", "I")], ["abide"]),
    # one in lower case with a phrase of its own is an item
    ([("sign", 3, "conj", "VERB", "VB", "sign"), ("it", 8, "dobj", "PRON", "PRP", "it")], ["abide", "sign"]),
])
def test_clauses_a_name_in_capitals_tagged_as_a_verb_shares_no_to_with_the_infinitive_before_it(second,
                                                                                               clauses) -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("agreed", 1, "ROOT", "VERB", "VBD", "agree"),
                  ("to", 3, "aux", "PART", "TO", "to"), ("abide", 1, "xcomp", "VERB", "VB", "abide"),
                  ("by", 3, "prep", "ADP", "IN", "by"), ("the", 6, "det", "DET", "DT", "the"),
                  ("NPT", 4, "pobj", "PROPN", "NNP", "NPT"), ("and", 3, "cc", "CCONJ", "CC", "and"), *second])
    assert texts(verb_predication(doc[1]).clauses) == clauses


def test_clauses_a_name_parsed_as_a_reported_clause_stays_in_the_clause_as_its_object() -> None:
    # the small model's parse of "Ruiz asked the Senate not to consider LIMA II for its consent": "II" as a ccomp
    doc = parsed([("Ruiz", 1, "nsubj", "PROPN", "NNP", "Ruiz"), ("asked", 1, "ROOT", "VERB", "VBD", "ask"),
                  ("the", 3, "det", "DET", "DT", "the"), ("Senate", 1, "dobj", "PROPN", "NNP", "Senate"),
                  ("not", 6, "neg", "PART", "RB", "not"), ("to", 6, "aux", "PART", "TO", "to"),
                  ("consider", 1, "xcomp", "VERB", "VB", "consider"), ("LIMA", 8, "compound", "PROPN", "NNP", "LIMA"),
                  ("II", 6, "ccomp", "PROPN", "NNP", "II"), ("for", 6, "prep", "ADP", "IN", "for"),
                  ("consent", 9, "pobj", "NOUN", "NN", "consent")])
    assert clause_text(doc[6]) == "not consider LIMA II for consent"
    assert clause_text(doc[1]) == "Ruiz asked the Senate not to consider LIMA II for consent"


def test_clauses_clause_text_keeps_the_bare_infinitive_a_causative_verb_completes() -> None:
    # "refused to let the force deploy until the talks ended": what was refused is letting the force deploy
    doc = parsed([("let", 0, "ROOT", "VERB", "VB", "let"), ("the", 2, "det", "DET", "DT", "the"),
                  ("force", 3, "nsubj", "NOUN", "NN", "force"), ("deploy", 0, "ccomp", "VERB", "VB", "deploy"),
                  ("until", 7, "mark", "SCONJ", "IN", "until"), ("the", 6, "det", "DET", "DT", "the"),
                  ("talks", 7, "nsubj", "NOUN", "NNS", "talk"), ("ended", 3, "advcl", "VERB", "VBD", "end")])
    assert clause_text(doc[0]) == "let the force deploy"
    said = parsed([("said", 0, "ROOT", "VERB", "VBD", "say"), ("that", 3, "mark", "SCONJ", "IN", "that"),
                   ("Peru", 3, "nsubj", "PROPN", "NNP", "Peru"), ("left", 0, "ccomp", "VERB", "VBD", "leave")])
    assert clause_text(said[0]) == "said"  # a reported clause stays a clause of its own


def test_clauses_clause_text_keeps_the_infinitive_with_its_own_subject_a_verb_completes() -> None:
    # "feared that Peru had allowed Soto to sell the mines": what was feared is letting Soto sell them
    doc = parsed([("Peru", 2, "nsubj", "PROPN", "NNP", "Peru"), ("had", 2, "aux", "AUX", "VBD", "have"),
                  ("allowed", 2, "ROOT", "VERB", "VBN", "allow"), ("Soto", 5, "nsubj", "PROPN", "NNP", "Soto"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("sell", 2, "ccomp", "VERB", "VB", "sell"),
                  ("the", 7, "det", "DET", "DT", "the"), ("mines", 5, "dobj", "NOUN", "NNS", "mine")])
    assert clause_text(doc[2]) == "Peru had allowed Soto to sell the mines"
    # "for" opens a clause of its own: "Peru had waited for Soto to sell the mines"
    marked = parsed([("Peru", 2, "nsubj", "PROPN", "NNP", "Peru"), ("had", 2, "aux", "AUX", "VBD", "have"),
                     ("waited", 2, "ROOT", "VERB", "VBN", "wait"), ("for", 6, "mark", "SCONJ", "IN", "for"),
                     ("Soto", 6, "nsubj", "PROPN", "NNP", "Soto"), ("to", 6, "aux", "PART", "TO", "to"),
                     ("sell", 2, "ccomp", "VERB", "VB", "sell"), ("the", 8, "det", "DET", "DT", "the"),
                     ("mines", 6, "dobj", "NOUN", "NNS", "mine")])
    assert clause_text(marked[2]) == "Peru had waited"


def test_clauses_propositions_are_clauses_with_a_subject_of_their_own_after_the_word() -> None:
    # "Peru concluded that Chile had armed and expected to win": the that-clause states what is held true, the
    # infinitive what Peru wants
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("concluded", 1, "ROOT", "VERB", "VBD", "conclude"),
                  ("that", 5, "mark", "SCONJ", "IN", "that"), ("Chile", 5, "nsubj", "PROPN", "NNP", "Chile"),
                  ("had", 5, "aux", "AUX", "VBD", "have"), ("armed", 1, "ccomp", "VERB", "VBN", "arm"),
                  ("and", 1, "cc", "CCONJ", "CC", "and"), ("expected", 1, "conj", "VERB", "VBD", "expect"),
                  ("to", 9, "aux", "PART", "TO", "to"), ("win", 7, "xcomp", "VERB", "VB", "win")])
    assert texts(verb_predication(doc[1]).propositions) == ["armed"]
    assert verb_predication(doc[7]).propositions == ()
    assert texts(verb_predication(doc[7]).infinitives) == ["win"]


@pytest.mark.parametrize("rows", [
    # "Peru asked whether Chile armed": a question
    [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("asked", 1, "ROOT", "VERB", "VBD", "ask"),
     ("whether", 4, "mark", "SCONJ", "IN", "whether"), ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
     ("armed", 1, "ccomp", "VERB", "VBD", "arm")],
    # "Chile armed, Peru concluded": the clause before the word is no complement of it
    [("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("armed", 4, "ccomp", "VERB", "VBD", "arm"),
     (",", 4, "punct", "PUNCT", ",", ","), ("Peru", 4, "nsubj", "PROPN", "NNP", "Peru"),
     ("concluded", 4, "ROOT", "VERB", "VBD", "conclude")],
    # "Peru concluded what was lost": the clause's subject is its own relative word
    [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("concluded", 1, "ROOT", "VERB", "VBD", "conclude"),
     ("what", 4, "nsubjpass", "PRON", "WP", "what"), ("was", 4, "auxpass", "AUX", "VBD", "be"),
     ("lost", 1, "ccomp", "VERB", "VBN", "lose")],
    # "Peru concluded the accord that settled it": a relative clause the parser took for a complement, its "that"
    # tagged as a conjunction
    [("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("concluded", 1, "ROOT", "VERB", "VBD", "conclude"),
     ("the", 3, "det", "DET", "DT", "the"), ("accord", 1, "dobj", "NOUN", "NN", "accord"),
     ("that", 5, "nsubj", "SCONJ", "IN", "that"), ("settled", 1, "ccomp", "VERB", "VBD", "settle"),
     ("it", 5, "dobj", "PRON", "PRP", "it")],
])
def test_clauses_no_proposition_in_a_question_an_earlier_clause_or_a_relative_one(rows) -> None:
    doc = parsed(rows)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert verb_predication(verb).clauses  # an embedded clause, but not one that says what is so
    assert verb_predication(verb).propositions == ()


def test_clauses_an_adjective_clause_with_a_subject_of_its_own_describes_that_subject() -> None:
    # "Although Peru was pleased, talks ended": Peru is pleased, not the talks
    doc = parsed([("Although", 3, "mark", "SCONJ", "IN", "although"), ("Peru", 3, "nsubjpass", "PROPN", "NNP", "Peru"),
                  ("was", 3, "auxpass", "AUX", "VBD", "be"), ("pleased", 6, "advcl", "ADJ", "JJ", "pleased"),
                  (",", 6, "punct", "PUNCT", ",", ","), ("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
                  ("ended", 6, "ROOT", "VERB", "VBD", "end")])
    assert texts(description_predication(doc[3]).agents) == ["Peru"]


def _believed_and_feared(inner_that_clause: bool) -> Doc:
    """"Chile believed that Peru backed the rebels and feared that they would win": the parser joins "feared" to
    "backed"; with `inner_that_clause`, "Peru insisted that ... and feared that ..." instead."""
    inner = [("insisted", 1, "ccomp", "VERB", "VBD", "insist"), ("that", 7, "mark", "SCONJ", "IN", "that"),
             ("talks", 7, "nsubj", "NOUN", "NNS", "talk"), ("resume", 4, "ccomp", "VERB", "VB", "resume")] \
        if inner_that_clause else [("backed", 1, "ccomp", "VERB", "VBD", "back"), ("the", 6, "det", "DET", "DT", "the"),
                                   ("rebels", 4, "dobj", "NOUN", "NNS", "rebel"), ("now", 4, "advmod", "ADV", "RB", "now")]
    return parsed([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"), ("believed", 1, "ROOT", "VERB", "VBD", "believe"),
                   ("that", 4, "mark", "SCONJ", "IN", "that"), ("Peru", 4, "nsubj", "PROPN", "NNP", "Peru"), *inner,
                   ("and", 4, "cc", "CCONJ", "CC", "and"), ("feared", 4, "conj", "VERB", "VBD", "fear"),
                   ("that", 13, "mark", "SCONJ", "IN", "that"), ("they", 13, "nsubj", "PRON", "PRP", "they"),
                   ("would", 13, "aux", "AUX", "MD", "would"), ("win", 9, "ccomp", "VERB", "VB", "win"),
                   (".", 1, "punct", "PUNCT", ".", ".")])


def test_clauses_a_verb_of_a_that_clause_joined_to_one_without_goes_with_the_outer_verb() -> None:
    doc = _believed_and_feared(inner_that_clause=False)
    assert texts(subjects(doc[9])) == ["Chile"]  # Chile feared, not Peru
    assert clause_text(doc[4]) == "Peru backed the rebels now"


def test_clauses_two_verbs_of_that_clauses_joined_inside_one_keep_its_subject() -> None:
    doc = _believed_and_feared(inner_that_clause=True)
    assert texts(subjects(doc[9])) == ["Peru"]  # Peru insisted ... and feared


@pytest.mark.parametrize("word, pos, tag, lemma, objects", [
    ("regarding", "VERB", "VBG", "regard", ["tariff"]),  # the tagger often makes "regarding" a participle
    ("regarding", "ADP", "IN", "regard", ["tariff"]),
    ("involving", "VERB", "VBG", "involve", []),  # only the prepositions the tagger mistakes for participles
])
def test_clauses_regarding_is_a_preposition_whether_tagged_a_participle_or_not(word, pos, tag, lemma, objects) -> None:
    # "Peru voiced concerns regarding the tariff"
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("voiced", 1, "ROOT", "VERB", "VBD", "voice"),
                  ("concerns", 1, "dobj", "NOUN", "NNS", "concern"), (word, 2, "prep", pos, tag, lemma),
                  ("the", 5, "det", "DET", "DT", "the"), ("tariff", 3, "pobj", "NOUN", "NN", "tariff")])
    assert texts(t for _, t in noun_predication(doc[2]).obliques) == objects


def test_clauses_a_fronted_participle_with_a_by_phrase_is_a_passive() -> None:
    # "Headed by Soto, the commission met.": Soto heads the commission
    doc = parsed([("Headed", 5, "advcl", "VERB", "VBN", "head"), ("by", 0, "agent", "ADP", "IN", "by"),
                  ("Soto", 1, "pobj", "PROPN", "NNP", "Soto"), (",", 5, "punct", "PUNCT", ",", ","),
                  ("commission", 5, "nsubj", "NOUN", "NN", "commission"), ("met", 5, "ROOT", "VERB", "VBD", "meet"),
                  (".", 5, "punct", "PUNCT", ".", ".")])
    pred = verb_predication(doc[0])
    assert pred.passive
    assert (texts(pred.agents), texts(pred.themes)) == (["Soto"], ["commission"])


def test_clauses_a_relative_adverb_the_parser_hangs_on_the_infinitive_is_no_word_of_it() -> None:
    doc = parsed([("the", 1, "det", "DET", "DT", "the"), ("accord", 1, "ROOT", "NOUN", "NN", "accord"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("wherein", 7, "advmod", "SCONJ", "WRB", "wherein"),
                  ("Chile", 5, "nsubj", "PROPN", "NNP", "Chile"), ("pledged", 1, "relcl", "VERB", "VBD", "pledge"),
                  ("to", 7, "aux", "PART", "TO", "to"), ("respect", 5, "xcomp", "VERB", "VB", "respect"),
                  ("the", 9, "det", "DET", "DT", "the"), ("border", 7, "dobj", "NOUN", "NN", "border")])
    assert clause_text(doc[7]) == "respect the border"
    assert not open_question(doc[7])  # "wherein" is before "pledged", which governs the infinitive


@pytest.mark.parametrize("asker, asked", [("how", "WRB"), ("whether", "IN"), ("what", "WP")])
def test_clauses_a_clause_after_a_question_word_asks(asker: str, asked: str) -> None:
    dep = {"WRB": "advmod", "IN": "mark", "WP": "dobj"}[asked]
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("decided", 1, "ROOT", "VERB", "VBD", "decide"),
                  (asker, 4, dep, "SCONJ", asked, asker), ("to", 4, "aux", "PART", "TO", "to"),
                  ("act", 1, "xcomp", "VERB", "VB", "act")])
    assert open_question(doc[4])


def test_clauses_a_free_relative_with_a_tensed_verb_asks_nothing() -> None:
    # "Peru resented what Chile did": what Chile did, not a question
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("resented", 1, "ROOT", "VERB", "VBD", "resent"),
                  ("what", 4, "dobj", "PRON", "WP", "what"), ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
                  ("did", 1, "ccomp", "VERB", "VBD", "do")])
    assert not open_question(doc[4])


def test_clauses_a_participle_describes_only_the_nouns_of_a_list_the_parser_joined_its_noun_to() -> None:
    # "Talks were rare and confirmed plans agreed by Peru.", parsed as the small model parses it: "plans" a conjunct
    # of "were"
    doc = parsed([("Talks", 1, "nsubj", "NOUN", "NNS", "talk"), ("were", 1, "ROOT", "AUX", "VBD", "be"),
                  ("rare", 1, "acomp", "ADJ", "JJ", "rare"), ("and", 1, "cc", "CCONJ", "CC", "and"),
                  ("confirmed", 5, "amod", "VERB", "VBN", "confirm"), ("plans", 1, "conj", "NOUN", "NNS", "plan"),
                  ("agreed", 5, "acl", "VERB", "VBN", "agree"), ("by", 6, "agent", "ADP", "IN", "by"),
                  ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"), (".", 1, "punct", "PUNCT", ".", ".")])
    pred = verb_predication(doc[6])
    assert texts(pred.themes) == ["plans"]
    assert texts(pred.agents) == ["Peru"]


def test_clauses_an_apposition_that_comments_on_the_clause_is_no_part_of_its_text() -> None:
    # "to defend its neutrality, a policy that Chile hoped to change", with the apposition parsed as a second object
    doc = parsed([("to", 1, "aux", "PART", "TO", "to"), ("defend", 1, "ROOT", "VERB", "VB", "defend"),
                  ("its", 3, "poss", "PRON", "PRP$", "its"), ("neutrality", 1, "dobj", "NOUN", "NN", "neutrality"),
                  (",", 3, "punct", "PUNCT", ",", ","), ("a", 6, "det", "DET", "DT", "a"),
                  ("policy", 1, "dobj", "NOUN", "NN", "policy"), ("that", 11, "dobj", "PRON", "WDT", "that"),
                  ("Chile", 9, "nsubj", "PROPN", "NNP", "Chile"), ("hoped", 6, "relcl", "VERB", "VBD", "hope"),
                  ("to", 11, "aux", "PART", "TO", "to"), ("change", 9, "xcomp", "VERB", "VB", "change")])
    assert clause_text(doc[1]) == "defend its neutrality"


def test_clauses_a_clause_opened_by_after_is_no_complement_though_parsed_as_one() -> None:
    # "after Peru had signed, Chile sought to leave", with the "after" clause parsed as a complement of "sought"
    doc = parsed([("after", 3, "mark", "SCONJ", "IN", "after"), ("Peru", 3, "nsubj", "PROPN", "NNP", "Peru"),
                  ("had", 3, "aux", "AUX", "VBD", "have"), ("signed", 6, "ccomp", "VERB", "VBN", "sign"),
                  (",", 6, "punct", "PUNCT", ",", ","), ("Chile", 6, "nsubj", "PROPN", "NNP", "Chile"),
                  ("sought", 6, "ROOT", "VERB", "VBD", "seek"), ("to", 8, "aux", "PART", "TO", "to"),
                  ("leave", 6, "xcomp", "VERB", "VB", "leave")])
    assert texts(verb_predication(doc[6]).clauses) == ["leave"]


def test_clauses_a_main_clause_joined_to_the_sentence_s_main_clause_is_no_part_of_its_text() -> None:
    # "Peru signed the pact, and Chile left."
    doc = parsed([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("signed", 1, "ROOT", "VERB", "VBD", "sign"),
                  ("the", 3, "det", "DET", "DT", "the"), ("pact", 1, "dobj", "NOUN", "NN", "pact"),
                  (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"),
                  ("Chile", 7, "nsubj", "PROPN", "NNP", "Chile"), ("left", 1, "conj", "VERB", "VBD", "leave")])
    assert clause_text(doc[1]) == "Peru signed the pact"


def test_clauses_clause_text_leaves_out_the_not_of_a_contrasting_apposition() -> None:
    # "only raids - not sieges - would be banned", with "not" hung on "raids" as the parser may hang it
    doc = parsed([("only", 1, "amod", "ADJ", "JJ", "only"), ("raids", 7, "nsubjpass", "NOUN", "NNS", "raid"),
                  ("-", 1, "punct", "PUNCT", ":", "-"), ("not", 1, "neg", "PART", "RB", "not"),
                  ("sieges", 1, "appos", "NOUN", "NNS", "siege"), ("-", 1, "punct", "PUNCT", ":", "-"),
                  ("would", 7, "aux", "AUX", "MD", "would"), ("banned", 7, "ROOT", "VERB", "VBN", "ban")])
    assert clause_text(doc[7]) == "only raids would banned"
    kept = parsed([("raids", 2, "nsubj", "NOUN", "NNS", "raid"), ("not", 2, "neg", "PART", "RB", "not"),
                   ("ended", 2, "ROOT", "VERB", "VBD", "end")])
    assert clause_text(kept[2]) == "raids not ended"  # a "not" of the clause stays


def test_clauses_a_clause_before_a_semicolon_is_no_complement_of_the_verb_after_it() -> None:
    # "The plant remains open ; Peru wants it closed", with "remains" hung on "wants" as the parser may hang it
    doc = parsed([("The", 1, "det", "DET", "DT", "the"), ("plant", 2, "nsubj", "NOUN", "NN", "plant"),
                  ("remains", 6, "ccomp", "VERB", "VBZ", "remain"), ("open", 2, "acomp", "ADJ", "JJ", "open"),
                  (";", 6, "punct", "PUNCT", ":", ";"), ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
                  ("wants", 6, "ROOT", "VERB", "VBZ", "want"), ("it", 8, "nsubj", "PRON", "PRP", "it"),
                  ("closed", 6, "ccomp", "VERB", "VBN", "close")])
    assert texts(verb_predication(doc[6]).clauses) == ["closed"]
    said = parsed([("The", 1, "det", "DET", "DT", "the"), ("plant", 2, "nsubj", "NOUN", "NN", "plant"),
                   ("remains", 6, "ccomp", "VERB", "VBZ", "remain"), ("open", 2, "acomp", "ADJ", "JJ", "open"),
                   (",", 6, "punct", "PUNCT", ",", ","), ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
                   ("says", 6, "ROOT", "VERB", "VBZ", "say")])
    assert texts(verb_predication(said[6]).clauses) == ["remains"]  # "X remains open, Peru says"


def test_clauses_the_text_of_a_clause_leaves_out_the_subject_of_the_verb_after_it() -> None:
    # "To calm the wing, the new leader, Ruiz, appointed Soto": the parser made the subject the object's apposition
    doc = parsed([("To", 1, "aux", "PART", "TO", "to"), ("calm", 11, "advcl", "VERB", "VB", "calm"),
                  ("the", 3, "det", "DET", "DT", "the"), ("wing", 1, "dobj", "NOUN", "NN", "wing"),
                  (",", 3, "punct", "PUNCT", ",", ","), ("the", 7, "det", "DET", "DT", "the"),
                  ("new", 7, "amod", "ADJ", "JJ", "new"), ("leader", 3, "appos", "NOUN", "NN", "leader"),
                  (",", 7, "punct", "PUNCT", ",", ","), ("Ruiz", 7, "appos", "PROPN", "NNP", "Ruiz"),
                  (",", 7, "punct", "PUNCT", ",", ","), ("appointed", 11, "ROOT", "VERB", "VBD", "appoint"),
                  ("Soto", 11, "dobj", "PROPN", "NNP", "Soto")])
    assert texts(subjects(doc[11])) == ["Ruiz"]
    assert sorted(t.i for t in stray_subjects_within(doc[1])) == list(range(5, 11))
    assert clause_text(doc[1]) == "calm the wing"
    assert stray_subjects_within(doc[11]) == set()


def test_clauses_a_past_tense_with_no_subject_after_the_verb_s_object_is_said_of_the_subject() -> None:
    # "Soto took office determined to win": the tagger's past tense is a word said of Soto
    doc = parsed([("Soto", 1, "nsubj", "PROPN", "NNP", "Soto"), ("took", 1, "ROOT", "VERB", "VBD", "take"),
                  ("office", 1, "dobj", "NOUN", "NN", "office"), ("determined", 1, "ccomp", "VERB", "VBD", "determine"),
                  ("to", 5, "aux", "PART", "TO", "to"), ("win", 3, "xcomp", "VERB", "VB", "win")])
    assert secondary_predicate(doc[3])
    assert texts(description_predication(doc[3]).agents) == ["Soto"]


def test_clauses_a_clause_with_no_subject_far_from_the_verb_s_object_is_no_word_said_of_the_subject() -> None:
    # "Soto thought the plan necessary to defeat rebels determined to fight": the parser hung "determined" on
    # "thought", after a clause of its own
    doc = parsed([("Soto", 1, "nsubj", "PROPN", "NNP", "Soto"), ("thought", 1, "ROOT", "VERB", "VBD", "think"),
                  ("the", 3, "det", "DET", "DT", "the"), ("plan", 4, "nsubj", "NOUN", "NN", "plan"),
                  ("necessary", 1, "ccomp", "ADJ", "JJ", "necessary"), ("to", 6, "aux", "PART", "TO", "to"),
                  ("defeat", 4, "xcomp", "VERB", "VB", "defeat"), ("rebels", 6, "dobj", "NOUN", "NNS", "rebel"),
                  ("determined", 1, "ccomp", "VERB", "VBD", "determine"), ("to", 10, "aux", "PART", "TO", "to"),
                  ("fight", 8, "xcomp", "VERB", "VB", "fight")])
    assert not secondary_predicate(doc[8])

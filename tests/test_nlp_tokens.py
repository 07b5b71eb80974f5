"""nlp.py: where the tokenizer splits words, on a blank English pipeline (no model)."""
from __future__ import annotations

import pytest
import spacy

from kg_builder.nlp import set_infixes


NLP = spacy.blank("en")
set_infixes(NLP, ["non", "re", "anti"])


def words(text: str) -> list[str]:
    return [t.text for t in NLP(text)]


def test_nlp_a_bound_prefix_keeps_its_word_whole() -> None:
    assert words("a non-aggression pact") == ["a", "non-aggression", "pact"]
    assert words("to re-establish trade") == ["to", "re-establish", "trade"]
    assert words("Anti-Piracy Accord") == ["Anti-Piracy", "Accord"]


def test_nlp_other_hyphens_still_split_and_joined_names_are_two() -> None:
    assert words("long-term plans") == ["long", "-", "term", "plans"]
    assert words("the anti-ballistic-missile treaty") == ["the", "anti-ballistic", "-", "missile", "treaty"]
    assert words("the U.S.-Chile summit") == ["the", "U.S.", "-", "Chile", "summit"]


def test_nlp_an_abbreviated_name_before_a_hyphen_and_a_participle_is_a_word_of_its_own() -> None:
    # as "Soviet-backed" is split, so that the name is read as the one who backs
    assert words("the U.S.-backed regime") == ["the", "U.S.", "-", "backed", "regime"]



def test_nlp_a_sentence_starts_at_a_line_break_and_never_at_a_small_letter_mid_sentence() -> None:
    from kg_builder.nlp import sentence_bounds

    doc = sentence_bounds(NLP("Under the pact (also called the Lima Pact) the states agreed.\nThe end. Then it"))
    starts = [(t.text, t.is_sent_start) for t in doc]
    assert starts[4:6] == [("also", False), ("called", False)]
    assert starts[9:12] == [(")", None), ("the", False), ("states", False)]  # the parser may not cut after ")"
    assert starts[14:16] == [("\n", None), ("The", True)]
    assert starts[-2:] == [("Then", None), ("it", False)]  # after a full stop a capital may start one


def test_nlp_a_proper_noun_after_an_initialism_starts_no_sentence() -> None:
    from spacy.tokens import Doc

    from kg_builder.nlp import sentence_bounds

    words_ = ["It", "passed", "a", "U.K.", "Parliament", "but", "left", "U.A.R.", "The", "end"]
    tags = ["PRP", "VBD", "DT", "NNP", "NNP", "CC", "VBD", "NNP", "DT", "NN"]
    doc = sentence_bounds(Doc(NLP.vocab, words=words_, tags=tags))
    assert [doc[4].is_sent_start, doc[8].is_sent_start] == [False, None]  # the parser may cut before "The"


def test_nlp_so_long_as_is_one_mark_of_a_clause_on_the_main_verb() -> None:
    from spacy.tokens import Doc

    from kg_builder.nlp import compound_marks

    words = ["Bolivia", "would", "back", "the", "pact", "so", "long", "as", "Peru", "paid", "."]
    # as the parser reads it: the clause hangs on "long", which modifies "back"
    doc = Doc(NLP.vocab, words=words, heads=[2, 2, 2, 4, 2, 6, 2, 9, 9, 6, 2],
              deps=["nsubj", "aux", "ROOT", "det", "dobj", "advmod", "advmod", "mark", "nsubj", "advcl", "punct"])
    doc = compound_marks(doc)
    assert [(t.text, t.dep_, t.head.text) for t in doc[5:8]] == [
        ("so long as", "mark", "paid"), ("Peru", "nsubj", "paid"), ("paid", "advcl", "back")]


def test_nlp_a_name_ends_at_an_opening_bracket_and_keeps_its_id() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import name_ends

    doc = NLP("the Green Union (Union Verde or UV) party and the Lima Pact")
    doc.ents = [Span(doc, 1, 5, label="ORG", span_id="organization/green-union"), Span(doc, 12, 14, label="ORG")]
    assert [(e.text, e.label_, e.ent_id_) for e in name_ends(doc).ents] == [
        ("Green Union", "ORG", "organization/green-union"), ("Lima Pact", "ORG", "")]


def test_nlp_a_name_ends_before_the_word_that_joined_it_to_the_next() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import name_ends

    doc = NLP("the Government of Ruritania signed the Dover Accord with Borduria and the Hague Rules of 1907 and")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 3, 4, label="GPE"), Span(doc, 5, 9, label="LAW"),
                Span(doc, 9, 10, label="GPE"), Span(doc, 11, 16, label="LAW"), Span(doc, 16, 17, label="DATE")]
    # "of" and "the" go on into the next name, which a later component joins to this one
    assert [e.text for e in name_ends(doc).ents] == [
        "the Government of", "Ruritania", "the Dover Accord", "Borduria", "the Hague Rules of 1907"]


def test_nlp_a_name_ends_before_a_dash_or_comma_the_model_took_into_it() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import name_ends

    doc = NLP("NEW DELHI , June 12 , 2031 - India accused Pakistan")
    doc.ents = [Span(doc, 0, 2, label="GPE"), Span(doc, 3, 8, label="DATE"), Span(doc, 8, 9, label="GPE")]
    # a date the dateline's dash closes reads as a date, not as a range from June 12, 2031 to nothing
    assert [e.text for e in name_ends(doc).ents] == ["NEW DELHI", "June 12 , 2031", "India"]


def test_nlp_a_person_the_lexicon_knows_by_one_word_is_named_in_full() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import full_names

    doc = NLP("Minister Pedro Jose Ruiz met Ana Lopez and Ruiz.")
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 3, 4, label="PERSON", span_id="person/pedro-ruiz"),
                Span(doc, 5, 7, label="PERSON"), Span(doc, 8, 9, label="PERSON", span_id="person/pedro-ruiz")]
    assert [(e.text, e.ent_id_) for e in full_names(doc).ents] == [
        ("Pedro Jose Ruiz", "person/pedro-ruiz"), ("Ana Lopez", ""), ("Ruiz", "person/pedro-ruiz")]


def test_nlp_a_one_word_name_inside_a_longer_name_is_left_alone() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import full_names

    doc = NLP("Commodore Ana Ruiz Lopez sailed.")
    doc[3].pos_ = "PROPN"
    doc.ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 2, 3, label="PERSON", span_id="person/pedro-ruiz")]
    assert [(e.text, e.ent_id_) for e in full_names(doc).ents] == [("Ana", ""), ("Ruiz", "person/pedro-ruiz")]


def test_nlp_a_one_word_name_of_the_lexicon_before_another_name_is_a_first_name() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import first_names

    # "Soto" is the lexicon's Pedro Soto; "Soto Lagos" another man, "the Soto Doctrine" his policy
    doc = NLP("Soto Lagos met Soto Reyes and Soto , and praised the Soto Doctrine .")
    for token in doc:
        token.tag_ = "NNP" if token.text[:1].isupper() else "NN"
    doc.ents = [Span(doc, 0, 1, label="PERSON", span_id="person/pedro-soto"),
                Span(doc, 3, 4, label="PERSON", span_id="person/pedro-soto"), Span(doc, 4, 5, label="PERSON"),
                Span(doc, 6, 7, label="PERSON", span_id="person/pedro-soto"),
                Span(doc, 11, 12, label="PERSON", span_id="person/pedro-soto")]
    found = first_names(NLP, "kg_first_names", common_words=["doctrine"])(doc).ents
    assert [(e.text, e.ent_id_) for e in found] == [
        ("Soto Lagos", ""), ("Soto Reyes", ""), ("Soto", "person/pedro-soto"), ("Soto", "person/pedro-soto")]


def test_nlp_a_body_the_lexicon_knows_by_one_word_at_the_end_of_a_longer_name_is_another() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import body_names

    doc = NLP("The Andean Farmers Congress met, and the Senate and Congress voted.")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 3, 4, label="ORG", span_id="organization/us-congress"),
                Span(doc, 8, 9, label="ORG", span_id="organization/us-senate"),
                Span(doc, 10, 11, label="ORG", span_id="organization/us-congress")]
    assert [(e.text, e.ent_id_) for e in body_names(doc).ents] == [
        ("The Andean Farmers Congress", ""), ("Senate", "organization/us-senate"),
        ("Congress", "organization/us-congress")]
    assert [t.ent_id_ for t in doc[:4]] == ["", "", "", ""]


def test_nlp_a_state_the_lexicon_knows_by_one_word_that_heads_an_organization_s_name_is_part_of_it() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import body_names

    doc = NLP("The Aymara Confederacy met the Farmers Union Chile and the Confederacy.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 2, 3, label="GPE", span_id="state/confederacy"),
                Span(doc, 4, 7, label="ORG"), Span(doc, 7, 8, label="GPE", span_id="state/chile"),
                Span(doc, 10, 11, label="GPE", span_id="state/confederacy")]
    doc[1].dep_, doc[1].head = "compound", doc[2]  # "Aymara" modifies "Confederacy"; "Union" is no part of "Chile"
    assert [(e.text, e.label_, e.ent_id_) for e in body_names(doc).ents] == [
        ("The Aymara Confederacy", "ORG", ""), ("the Farmers Union", "ORG", ""), ("Chile", "GPE", "state/chile"),
        ("Confederacy", "GPE", "state/confederacy")]


def test_nlp_a_name_that_ends_in_of_goes_on_into_the_name_after_it() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import name_tails

    doc = NLP("the Charter of the United Nations and the Government of Japan and the province of Taiwan and the "
              "union of Somalia and the War of the American")
    doc.ents = [Span(doc, 0, 4, label="LAW"), Span(doc, 4, 6, label="ORG", span_id="organization/united-nations"),
                Span(doc, 7, 10, label="ORG"), Span(doc, 10, 11, label="GPE", span_id="state/japan"),
                Span(doc, 12, 15, label="GPE"), Span(doc, 15, 16, label="GPE", span_id="state/taiwan"),
                Span(doc, 17, 20, label="ORG"), Span(doc, 20, 21, label="GPE", span_id="state/somalia"),
                Span(doc, 22, 26, label="EVENT"), Span(doc, 26, 27, label="NORP", span_id="state/united-states")]
    found = name_tails(NLP, "kg_name_tails", descriptions=["government"])(doc).ents
    # a law's name; a government, a description without a capital, left to the parse; a place's as the model has
    # it; a name before a people's word is no name with it
    assert [(e.text, e.label_, e.ent_id_) for e in found] == [
        ("the Charter of the United Nations", "LAW", ""), ("Japan", "GPE", "state/japan"),
        ("the province of", "GPE", ""), ("Taiwan", "GPE", "state/taiwan"), ("Somalia", "GPE", "state/somalia"),
        ("the War of the", "EVENT", ""), ("American", "NORP", "state/united-states")]


def test_nlp_a_year_in_the_of_phrase_of_a_name_is_a_date() -> None:
    from kg_builder.nlp import name_years

    doc = NLP("the Fisheries Act of 1939 and Resolution 242 of 1967 and the sum of 1939")
    for token, tag, dep, head in [(doc[2], "NNP", "nsubj", 2), (doc[3], "IN", "prep", 2), (doc[4], "CD", "pobj", 3),
                                  (doc[6], "NNP", "conj", 2), (doc[7], "CD", "nummod", 6),
                                  (doc[8], "IN", "prep", 6), (doc[9], "CD", "pobj", 8),
                                  (doc[12], "NN", "conj", 2), (doc[13], "IN", "prep", 12), (doc[14], "CD", "pobj", 13)]:
        token.tag_, token.dep_, token.head = tag, dep, doc[head]
    # the years of the act and of the resolution; not the resolution's number, nor a number of a common noun
    assert [(e.text, e.label_) for e in name_years(doc).ents] == [("1939", "DATE"), ("1967", "DATE")]
    assert [e.start for e in doc.ents] == [4, 9]


def test_nlp_a_lexicon_place_after_a_capitalised_place_prefix_is_left_to_the_model() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import place_prefixes

    doc = NLP("Ranchers of New Mexico, Mexico and Upper Volta met a new Peru envoy.")
    doc.ents = [Span(doc, 3, 4, label="GPE", span_id="state/mexico"), Span(doc, 5, 6, label="GPE", span_id="state/mexico"),
                Span(doc, 8, 9, label="GPE", span_id="state/volta"), Span(doc, 12, 13, label="GPE", span_id="state/peru")]
    doc = place_prefixes(NLP, "kg_place_prefixes", ["new", "upper"], [])(doc)
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Mexico", "state/mexico"), ("Peru", "state/peru")]
    assert [(t.text, t.ent_iob_, t.ent_id_) for t in (doc[3], doc[8])] == [("Mexico", "", ""), ("Volta", "", "")]


def test_nlp_a_lexicon_place_at_the_head_of_a_body_s_name_is_left_to_the_model() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import place_prefixes

    doc = NLP("Envoys of the Lima Committee and the Minsk Peace Group met in Lima Friday.")
    doc.ents = [Span(doc, 3, 4, label="GPE", span_id="location/lima"),
                Span(doc, 7, 8, label="GPE", span_id="location/minsk"),
                Span(doc, 12, 13, label="GPE", span_id="location/lima")]
    doc = place_prefixes(NLP, "kg_place_prefixes", [], ["committee", "group"])(doc)
    # "Lima Friday": a capital after the place that names no body keeps it
    assert [(e.start, e.ent_id_) for e in doc.ents] == [(12, "location/lima")]


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]):
    from spacy.tokens import Doc

    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_nlp_a_clause_after_a_semicolon_is_no_complement_of_the_verb_before_it() -> None:
    from kg_builder.nlp import semicolon_clauses

    # "Soto proclaimed the republic; Ruiz fled to Lima.": "fled" parsed as what "proclaimed" said
    doc = semicolon_clauses(parsed(["Soto", "proclaimed", "the", "republic", ";", "Ruiz", "fled", "to", "Lima", "."],
                                   [1, 1, 3, 1, 6, 6, 1, 6, 7, 1],
                                   ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ccomp", "prep", "pobj", "punct"],
                                   ["NNP", "VBD", "DT", "NN", ":", "NNP", "VBD", "IN", "NNP", "."]))
    assert (doc[6].dep_, doc[6].head.text) == ("parataxis", "proclaimed")
    # "Soto said that Ruiz fled": a reported clause stays one
    doc = semicolon_clauses(parsed(["Soto", "said", "that", "Ruiz", "fled", "."], [1, 1, 4, 4, 1, 1],
                                   ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
                                   ["NNP", "VBD", "IN", "NNP", "VBD", "."]))
    assert doc[4].dep_ == "ccomp"


def test_nlp_a_clause_before_a_semicolon_is_no_complement_of_the_verb_after_it() -> None:
    from kg_builder.nlp import semicolon_clauses

    # "Peru backed the plan; Chile urged talks.": "backed" parsed as what "urged" asked for
    doc = semicolon_clauses(parsed(["Peru", "backed", "the", "plan", ";", "Chile", "urged", "talks", "."],
                                   [1, 6, 3, 1, 6, 6, 6, 6, 6],
                                   ["nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
                                   ["NNP", "VBD", "DT", "NN", ":", "NNP", "VBD", "NNS", "."]))
    assert doc[1].dep_ == "parataxis"
    # "Peru backed the plan, Chile said": a reported clause before its verb stays one
    doc = semicolon_clauses(parsed(["Peru", "backed", "the", "plan", ",", "Chile", "said", "."],
                                   [1, 6, 3, 1, 6, 6, 6, 6],
                                   ["nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "ROOT", "punct"],
                                   ["NNP", "VBD", "DT", "NN", ",", "NNP", "VBD", "."]))
    assert doc[1].dep_ == "ccomp"


def test_nlp_a_name_after_a_date_and_its_comma_opens_the_subject_list() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import dated_subjects

    # "In May 1945, Ruiz, Soto and Paz met.": "Ruiz" parsed as one more item of "May 1945"
    doc = parsed(["In", "May", "1945", ",", "Ruiz", ",", "Soto", "and", "Paz", "met", "."],
                 [9, 0, 1, 1, 1, 9, 9, 6, 6, 9, 9],
                 ["prep", "pobj", "nummod", "punct", "conj", "punct", "nsubj", "cc", "conj", "ROOT", "punct"],
                 ["IN", "NNP", "CD", ",", "NNP", ",", "NNP", "CC", "NNP", "VBD", "."])
    doc.ents = [Span(doc, 1, 3, "DATE"), Span(doc, 4, 5, "PERSON"), Span(doc, 6, 7, "PERSON"),
                Span(doc, 8, 9, "PERSON")]
    dated_subjects(doc)
    assert [(t.text, t.dep_, t.head.text) for t in (doc[4], doc[6])] == [("Ruiz", "nsubj", "met"),
                                                                          ("Soto", "conj", "Ruiz")]
    # "In May 1945, June and July": dates listed stay a list
    doc = parsed(["In", "May", ",", "June", ",", "Ruiz", "met", "Soto", "."], [6, 0, 1, 1, 6, 6, 6, 6, 6],
                 ["prep", "pobj", "punct", "conj", "punct", "nsubj", "ROOT", "dobj", "punct"],
                 ["IN", "NNP", ",", "NNP", ",", "NNP", "VBD", "NNP", "."])
    doc.ents = [Span(doc, 1, 2, "DATE"), Span(doc, 3, 4, "DATE"), Span(doc, 5, 6, "PERSON")]
    dated_subjects(doc)
    assert (doc[3].dep_, doc[5].dep_) == ("conj", "nsubj")


def test_nlp_a_quoted_phrase_before_a_noun_is_that_noun_s_modifier() -> None:
    from kg_builder.nlp import quoted_modifiers

    # 'Lima rejects Quito's "one port, two tariffs" formula.': "port" parsed as the object, "formula" its apposition
    doc = quoted_modifiers(parsed(["Lima", "rejects", "Quito", "'s", '"', "one", "port", ",", "two", "tariffs", '"',
                                   "formula", "."],
                                  [1, 1, 6, 2, 6, 6, 1, 6, 9, 11, 9, 6, 1],
                                  ["nsubj", "ROOT", "poss", "case", "punct", "nummod", "dobj", "punct", "nummod",
                                   "nmod", "punct", "appos", "punct"],
                                  ["NNP", "VBZ", "NNP", "POS", "``", "CD", "NN", ",", "CD", "NNS", "''", "NN", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[11], doc[6], doc[2])] == [
        ("formula", "dobj", "rejects"), ("port", "compound", "formula"), ("Quito", "poss", "formula")]
    # 'the "free" port and the formula': a noun after the quotes that is not the head's apposition keeps its place
    doc = quoted_modifiers(parsed(["Lima", "backed", '"', "free", '"', "trade", "."], [1, 1, 3, 5, 3, 1, 1],
                                  ["nsubj", "ROOT", "punct", "amod", "punct", "dobj", "punct"],
                                  ["NNP", "VBD", "``", "JJ", "''", "NN", "."]))
    assert (doc[5].dep_, doc[5].head.text) == ("dobj", "backed")


def test_nlp_a_participle_with_its_own_had_is_the_verb_of_the_noun_after_it() -> None:
    from kg_builder.nlp import main_verbs

    # "The quota had long damaged Chilean relations.": "damaged" parsed as an adjective of "relations", the root
    doc = main_verbs(parsed(["The", "quota", "had", "long", "damaged", "Chilean", "relations", "."],
                            [1, 4, 4, 4, 6, 6, 6, 6],
                            ["det", "nsubj", "aux", "advmod", "amod", "amod", "ROOT", "punct"],
                            ["DT", "NN", "VBD", "RB", "VBN", "JJ", "NNS", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[4], doc[6], doc[7])] == [
        ("damaged", "ROOT", "damaged"), ("relations", "dobj", "damaged"), (".", "punct", "damaged")]
    # "Peru had long damaged relations.": "had" parsed as the main verb
    doc = main_verbs(parsed(["Peru", "had", "long", "damaged", "relations", "."], [1, 1, 3, 4, 1, 1],
                            ["nsubj", "ROOT", "advmod", "amod", "dobj", "punct"],
                            ["NNP", "VBD", "RB", "VBN", "NNS", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in doc] == [
        ("Peru", "nsubj", "damaged"), ("had", "aux", "damaged"), ("long", "advmod", "damaged"),
        ("damaged", "ROOT", "damaged"), ("relations", "dobj", "damaged"), (".", "punct", "damaged")]
    # "Peru had armed forces.": a participle right after "had" may be the adjective it is parsed as
    doc = main_verbs(parsed(["Peru", "had", "armed", "forces", "."], [1, 1, 3, 1, 1],
                            ["nsubj", "ROOT", "amod", "dobj", "punct"], ["NNP", "VBD", "VBN", "NNS", "."]))
    assert doc[2].dep_ == "amod"
    # "the long damaged relations": an adjective with no "had" of its own stays one
    doc = main_verbs(parsed(["Peru", "mended", "the", "damaged", "relations", "."], [1, 1, 4, 4, 1, 1],
                            ["nsubj", "ROOT", "det", "amod", "dobj", "punct"],
                            ["NNP", "VBD", "DT", "VBN", "NNS", "."]))
    assert doc[3].dep_ == "amod"


def test_nlp_a_word_after_to_that_takes_an_object_is_a_verb() -> None:
    from kg_builder.nlp import infinitive_verbs

    # "urged Peru to designate the cartels": "designate" tagged an adjective
    doc = infinitive_verbs(parsed(["Chile", "urged", "Peru", "to", "designate", "the", "cartels", "."],
                                  [1, 1, 1, 4, 1, 6, 4, 1],
                                  ["nsubj", "ROOT", "dobj", "aux", "xcomp", "det", "dobj", "punct"],
                                  ["NNP", "VBD", "NNP", "TO", "JJ", "DT", "NNS", "."]))
    assert doc[4].tag_ == "VB"
    # "was ready to act": an adjective with no object stays one
    doc = infinitive_verbs(parsed(["Chile", "was", "ready", "."], [1, 1, 1, 1],
                                  ["nsubj", "ROOT", "acomp", "punct"], ["NNP", "VBD", "JJ", "."]))
    assert doc[2].tag_ == "JJ"


def test_nlp_a_year_after_an_opening_preposition_is_its_object_and_the_noun_after_it_the_subject() -> None:
    from spacy.tokens import Span

    from kg_builder.nlp import dated_openings

    # "In 1759 British armies invaded Canada.": "1759" parsed as a number of "armies", the object of "In"
    doc = parsed(["In", "1759", "British", "armies", "invaded", "Canada", "."], [4, 3, 3, 0, 4, 4, 4],
                 ["prep", "nummod", "amod", "pobj", "ROOT", "dobj", "punct"],
                 ["IN", "CD", "JJ", "NNS", "VBD", "NNP", "."])
    doc.ents = [Span(doc, 1, 2, "DATE"), Span(doc, 5, 6, "GPE")]
    dated_openings(doc)
    assert [(t.text, t.dep_, t.head.text) for t in (doc[1], doc[3])] == [("1759", "pobj", "In"),
                                                                          ("armies", "nsubj", "invaded")]
    # "In 1759 armies of Peru invaded Chile" with a subject of its own: left as parsed
    doc = parsed(["In", "1759", "armies", "Peru", "invaded", "."], [4, 2, 0, 4, 4, 4],
                 ["prep", "nummod", "pobj", "nsubj", "ROOT", "punct"], ["IN", "CD", "NNS", "NNP", "VBD", "."])
    doc.ents = [Span(doc, 1, 2, "DATE"), Span(doc, 3, 4, "GPE")]
    dated_openings(doc)
    assert (doc[1].dep_, doc[2].dep_) == ("nummod", "pobj")


def test_nlp_a_tensed_verb_the_parser_hung_on_a_noun_of_a_noun_rooted_sentence_is_its_main_verb() -> None:
    from kg_builder.nlp import main_verbs

    # "Peru's refusal to sign the pact angered Chile.": "angered" parsed as a modifier of "pact"
    doc = main_verbs(parsed(["Peru", "'s", "refusal", "to", "sign", "the", "pact", "angered", "Chile", "."],
                            [2, 0, 2, 4, 2, 6, 4, 6, 7, 2],
                            ["poss", "case", "ROOT", "aux", "acl", "det", "dobj", "acl", "dobj", "punct"],
                            ["NNP", "POS", "NN", "TO", "VB", "DT", "NN", "VBD", "NNP", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[7], doc[2], doc[9])] == [
        ("angered", "ROOT", "angered"), ("refusal", "nsubj", "angered"), (".", "punct", "angered")]
    assert [t.text for t in doc[2].subtree] == ["Peru", "'s", "refusal", "to", "sign", "the", "pact"]


def test_nlp_a_past_form_after_an_aside_on_a_noun_rooted_sentence_is_its_main_verb() -> None:
    from kg_builder.nlp import main_verbs

    # "Soto , who was barred , called on voters to vote .": "called" parsed as a participle modifying "Soto"
    words = ["Soto", ",", "who", "was", "barred", ",", "called", "on", "voters", "to", "vote", "."]
    doc = main_verbs(parsed(words, [0, 0, 4, 4, 0, 0, 0, 6, 7, 10, 6, 0],
                            ["ROOT", "punct", "nsubjpass", "auxpass", "relcl", "punct", "acl", "prep", "pobj", "aux",
                             "xcomp", "punct"],
                            ["NNP", ",", "WP", "VBD", "VBN", ",", "VBN", "IN", "NNS", "TO", "VB", "."]))
    assert [(t.text, t.dep_, t.head.text, t.tag_) for t in (doc[6], doc[0])] == [
        ("called", "ROOT", "called", "VBD"), ("Soto", "nsubj", "called", "NNP")]
    # "Whigs , led by Soto , opposed the bill .": an aside that is a participle phrase
    words = ["Whigs", ",", "led", "by", "Soto", ",", "opposed", "the", "bill", "."]
    doc = main_verbs(parsed(words, [0, 0, 0, 2, 3, 0, 0, 8, 6, 0],
                            ["ROOT", "punct", "acl", "agent", "pobj", "punct", "acl", "det", "dobj", "punct"],
                            ["NNPS", ",", "VBN", "IN", "NNP", ",", "VBN", "DT", "NN", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[6], doc[0])] == [
        ("opposed", "ROOT", "opposed"), ("Whigs", "nsubj", "opposed")]
    # "the treaty, signed in 1990." keeps its participle: no aside before it
    kept = main_verbs(parsed(["the", "treaty", ",", "signed", "in", "1990", "."], [1, 1, 1, 1, 3, 4, 1],
                             ["det", "ROOT", "punct", "acl", "prep", "pobj", "punct"],
                             ["DT", "NN", ",", "VBN", "IN", "CD", "."]))
    assert (kept[3].dep_, kept[3].tag_) == ("acl", "VBN")


def test_nlp_a_past_form_right_after_the_noun_a_whole_sentence_is_rooted_in_is_its_main_verb() -> None:
    from kg_builder.nlp import main_verbs

    # "The accord provided for talks once Soto had left .": "provided" and "left" parsed as modifiers of "accord"
    words = ["The", "accord", "provided", "for", "talks", "once", "Soto", "had", "left", "."]
    doc = main_verbs(parsed(words, [1, 1, 1, 2, 3, 8, 8, 8, 1, 1],
                            ["det", "ROOT", "acl", "prep", "pobj", "mark", "nsubj", "aux", "acl", "punct"],
                            ["DT", "NN", "VBN", "IN", "NNS", "IN", "NNP", "VBD", "VBN", "."]))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[2], doc[1], doc[8], doc[9])] == [
        ("provided", "ROOT", "provided"), ("accord", "nsubj", "provided"), ("left", "advcl", "provided"),
        (".", "punct", "provided")]
    # "The treaty signed in 1919 ended the war .": another verb with no subject may be the main one
    kept = main_verbs(parsed(["The", "treaty", "signed", "in", "1919", "ended", "the", "war", "."],
                             [1, 1, 1, 2, 3, 1, 7, 5, 1],
                             ["det", "ROOT", "acl", "prep", "pobj", "acl", "det", "dobj", "punct"],
                             ["DT", "NN", "VBN", "IN", "CD", "VBD", "DT", "NN", "."]))
    assert (kept[2].dep_, kept[2].tag_) == ("acl", "VBN")


def test_nlp_a_tensed_verb_after_a_conjunction_taken_for_a_preposition_stays_where_it_is() -> None:
    from kg_builder.nlp import main_verbs

    # "efforts to find a port as the old ports closed": "as" parsed as a preposition, "closed" as a modifier
    doc = main_verbs(parsed(["efforts", "to", "find", "a", "port", "as", "the", "old", "ports", "closed", "."],
                            [0, 2, 0, 4, 2, 2, 8, 8, 5, 8, 0],
                            ["ROOT", "aux", "acl", "det", "dobj", "prep", "det", "amod", "pobj", "acl", "punct"],
                            ["NNS", "TO", "VB", "DT", "NN", "IN", "DT", "JJ", "NNS", "VBD", "."]))
    assert [(t.dep_, t.head.text) for t in (doc[0], doc[9])] == [("ROOT", "efforts"), ("acl", "ports")]


def test_nlp_an_infinitive_after_a_comma_in_a_list_of_infinitives_joins_the_first() -> None:
    from kg_builder.nlp import rejoin_listed_infinitives

    # "Peru proved unwilling to cut tariffs, to admit envoys, or to hold talks.": "admit" parsed as an adverbial
    # clause of "proved"
    words = ["Peru", "proved", "unwilling", "to", "cut", "tariffs", ",", "to", "admit", "envoys", ",", "or", "to",
             "hold", "talks", "."]
    heads = [1, 1, 1, 4, 2, 4, 1, 8, 1, 8, 8, 8, 13, 8, 13, 1]
    deps = ["nsubj", "ROOT", "oprd", "aux", "xcomp", "dobj", "punct", "aux", "advcl", "dobj", "punct", "cc", "aux",
            "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "JJ", "TO", "VB", "NNS", ",", "TO", "VB", "NNS", ",", "CC", "TO", "VB", "NNS", "."]
    doc = rejoin_listed_infinitives(parsed(words, heads, deps, tags))
    assert (doc[8].dep_, doc[8].head.text) == ("conj", "cut")
    # one purpose clause after another is no list: "cut tariffs, to admit envoys" with nothing listed after it
    doc = rejoin_listed_infinitives(parsed(words[:10] + ["."], heads[:10] + [1], deps[:10] + ["punct"],
                                           tags[:10] + ["."]))
    assert (doc[8].dep_, doc[8].head.text) == ("advcl", "proved")


def test_nlp_a_bare_infinitive_after_a_comma_that_begins_a_list_of_its_own_joins_the_first() -> None:
    from kg_builder.nlp import rejoin_listed_infinitives

    # "Rio told Soto to cut tariffs, admit envoys, and hold talks.": "admit" parsed as a second complement of "told"
    words = ["Rio", "told", "Soto", "to", "cut", "tariffs", ",", "admit", "envoys", ",", "and", "hold", "talks", "."]
    heads = [1, 1, 1, 4, 1, 4, 1, 1, 7, 7, 7, 7, 11, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct", "xcomp", "dobj", "punct", "cc", "conj", "dobj",
            "punct"]
    tags = ["NNP", "VBD", "NNP", "TO", "VB", "NNS", ",", "VB", "NNS", ",", "CC", "VB", "NNS", "."]
    doc = rejoin_listed_infinitives(parsed(words, heads, deps, tags))
    assert (doc[7].dep_, doc[7].head.text) == ("conj", "cut")
    # with no list after it, a second complement stays one ("told Soto to go, let Rio know")
    doc = rejoin_listed_infinitives(parsed(words[:9] + ["."], heads[:9] + [1], deps[:9] + ["punct"],
                                           tags[:9] + ["."]))
    assert (doc[7].dep_, doc[7].head.text) == ("xcomp", "told")


def test_nlp_a_participle_in_a_noun_s_place_with_a_that_clause_is_the_noun_s_modifier() -> None:
    from kg_builder.nlp import noun_participles

    # the small model's parse of "Peru signed an accord stipulating that Chile would pay.": "stipulating" the object
    words = ["Peru", "signed", "an", "accord", "stipulating", "that", "Chile", "would", "pay", "."]
    deps = ["nsubj", "ROOT", "det", "compound", "dobj", "mark", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBG", "IN", "NNP", "MD", "VB", "."]
    doc = noun_participles(parsed(words, [1, 1, 4, 4, 1, 8, 8, 8, 4, 1], deps, tags))
    assert [(t.dep_, t.head.text) for t in doc[2:5]] == [("det", "accord"), ("dobj", "signed"), ("acl", "accord")]
    # without a clause of its own, a noun compound stays as parsed ("a peace building effort")
    doc = noun_participles(parsed(words[:5] + ["."], [1, 1, 4, 4, 1, 1], deps[:5] + ["punct"], tags[:5] + ["."]))
    assert (doc[4].dep_, doc[3].dep_) == ("dobj", "compound")


def test_nlp_an_infinitive_right_after_a_verb_that_takes_one_is_its_complement() -> None:
    from spacy.tokens import Doc

    from kg_builder.nlp import infinitive_complements

    def rejoined(words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> Doc:
        doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
        return infinitive_complements(NLP, "kg_infinitive_complements", verbs=["need"])(doc)

    # "Both sides needed to make concessions.": "make" parsed as what the needing was for
    doc = rejoined(["Both", "sides", "needed", "to", "make", "concessions", "."], [1, 2, 2, 4, 2, 4, 2],
                   ["det", "nsubj", "ROOT", "aux", "advcl", "dobj", "punct"],
                   ["DT", "NNS", "VBD", "TO", "VB", "NNS", "."],
                   ["both", "side", "need", "to", "make", "concession", "."])
    assert (doc[4].dep_, doc[4].head.text) == ("xcomp", "needed")
    # passive, it may say what for: "Troops were needed to guard the port."
    doc = rejoined(["Troops", "were", "needed", "to", "guard", "the", "port", "."], [2, 2, 2, 4, 2, 6, 4, 2],
                   ["nsubjpass", "auxpass", "ROOT", "aux", "advcl", "det", "dobj", "punct"],
                   ["NNS", "VBD", "VBN", "TO", "VB", "DT", "NN", "."],
                   ["troop", "be", "need", "to", "guard", "the", "port", "."])
    assert doc[4].dep_ == "advcl"
    # a verb off the list keeps its purpose: "Both sides met to make concessions."
    doc = rejoined(["Both", "sides", "met", "to", "make", "concessions", "."], [1, 2, 2, 4, 2, 4, 2],
                   ["det", "nsubj", "ROOT", "aux", "advcl", "dobj", "punct"],
                   ["DT", "NNS", "VBD", "TO", "VB", "NNS", "."],
                   ["both", "side", "meet", "to", "make", "concession", "."])
    assert doc[4].dep_ == "advcl"


def test_nlp_an_infinitive_after_another_s_offer_is_what_is_offered() -> None:
    from spacy.tokens import Doc

    from kg_builder.nlp import noun_infinitives

    def rejoined(words: list[str], ents: list[str], lemmas: list[str]) -> Doc:
        # "X rejected Y offers to build a port .", "to build" parsed as what the rejecting was for
        doc = Doc(NLP.vocab, words=words, heads=[1, 1, 3, 1, 5, 1, 7, 5, 1],
                  deps=["nsubj", "ROOT", "amod", "dobj", "aux", "advcl", "det", "dobj", "punct"],
                  tags=["NNP", "VBD", "JJ", "NNS", "TO", "VB", "DT", "NN", "."], lemmas=lemmas, ents=ents)
        return noun_infinitives(NLP, "kg_noun_infinitives", nouns=["offer"])(doc)

    lemmas = ["Chile", "reject", "peruvian", "offer", "to", "build", "a", "port", "."]
    doc = rejoined(["Chile", "rejected", "Peruvian", "offers", "to", "build", "a", "port", "."],
                   ["B-GPE", "O", "B-NORP", "O", "O", "O", "O", "O", "O"], lemmas)
    assert (doc[5].dep_, doc[5].head.text) == ("acl", "offers")
    # an offer named as no one's may be the subject's own to make: the parse stays
    doc = rejoined(["Chile", "rejected", "hasty", "offers", "to", "build", "a", "port", "."],
                   ["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O"], lemmas)
    assert (doc[5].dep_, doc[5].head.text) == ("advcl", "rejected")
    # a noun off the list keeps the purpose: "Chile sent Peruvian troops to build a port"
    doc = rejoined(["Chile", "sent", "Peruvian", "troops", "to", "build", "a", "port", "."],
                   ["B-GPE", "O", "B-NORP", "O", "O", "O", "O", "O", "O"],
                   ["Chile", "send", "peruvian", "troop", "to", "build", "a", "port", "."])
    assert (doc[5].dep_, doc[5].head.text) == ("advcl", "sent")


@pytest.mark.parametrize("text, heads, deps, tags, expected", [
    # "Chile" parsed as a conjunct of "Bolivia"
    ("When Peru invaded Bolivia , Chile and Argentina sent troops .", [2, 2, 8, 2, 3, 3, 5, 5, 8, 8, 8],
     "advmod nsubj advcl dobj punct conj cc conj ROOT dobj punct", "WRB NNP VBD NNP , NNP CC NNP VBD NNS .",
     [(5, "nsubj", "sent"), (7, "conj", "Chile")]),
    # the last item alone, and two clauses
    ("Peru held talks with Chile and Bolivia began to arm .", [1, 1, 1, 2, 3, 4, 4, 1, 9, 7, 1],
     "nsubj ROOT dobj prep pobj cc conj advcl aux xcomp punct", "NNP VBD NNS IN NNP CC NNP VBD TO VB .",
     [(6, "nsubj", "began"), (5, "cc", "began"), (7, "conj", "held")]),
    # "after" taken for a preposition
    ("Peru feared war after Chile and Bolivia signed the pact .", [1, 1, 1, 1, 3, 4, 4, 1, 9, 7, 1],
     "nsubj ROOT dobj prep pobj cc conj conj det dobj punct", "NNP VBD NN IN NNP CC NNP VBD DT NN .",
     [(4, "nsubj", "signed"), (3, "mark", "signed"), (7, "advcl", "feared")]),
    # a conjunction, not a verb
    ("Peru traded with Chile and Bolivia provided they paid .", [1, 1, 1, 2, 3, 3, 1, 8, 6, 1],
     "nsubj ROOT prep pobj cc conj conj nsubj ccomp punct", "NNP VBD IN NNP CC NNP VBD PRP VBD .",
     [(5, "conj", "Chile")]),
])
def test_nlp_a_list_the_parser_ran_into_a_verb_without_a_subject_gives_it_its_subject(text, heads, deps, tags,
                                                                                       expected) -> None:
    from kg_builder.nlp import stranded_subjects

    doc = stranded_subjects(parsed(text.split(), heads, deps.split(), tags.split()))
    assert [(doc[i].dep_, doc[i].head.text) for i, _, _ in expected] == [(dep, head) for _, dep, head in expected]


def test_nlp_an_infinitive_conjoined_to_a_tensed_verb_joins_that_verbs_infinitive() -> None:
    from kg_builder.nlp import rejoin_listed_infinitives

    # "The raid led Peru to recall its envoy and to close the border.": "close" parsed as a conjunct of "led"
    words = ["The", "raid", "led", "Peru", "to", "recall", "its", "envoy", "and", "to", "close", "the", "border", "."]
    heads = [1, 2, 2, 2, 5, 2, 7, 5, 2, 10, 2, 12, 10, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "poss", "dobj", "cc", "aux", "conj", "det", "dobj",
            "punct"]
    tags = ["DT", "NN", "VBD", "NNP", "TO", "VB", "PRP$", "NN", "CC", "TO", "VB", "DT", "NN", "."]
    doc = rejoin_listed_infinitives(parsed(words, heads, deps, tags))
    assert (doc[10].dep_, doc[10].head.text) == ("conj", "recall")
    # a tensed conjunct stays: "The raid led Peru to recall its envoy and closed the border."
    doc = rejoin_listed_infinitives(parsed(words[:9] + ["closed"] + words[11:], heads[:9] + [2, 11, 9, 2],
                                           deps[:9] + ["conj", "det", "dobj", "punct"],
                                           tags[:9] + ["VBD", "DT", "NN", "."]))
    assert (doc[9].dep_, doc[9].head.text) == ("conj", "led")


def test_nlp_including_after_a_comma_joins_the_plural_phrase_that_ends_at_the_comma() -> None:
    from kg_builder.nlp import rejoin_listed_members

    # "The plan met opposition from the delegates of Chile, including Soto and Ruiz.": "including" parsed as a
    # phrase of the subject, "plan"
    words = ["The", "plan", "met", "opposition", "from", "the", "delegates", "of", "Chile", ",", "including", "Soto",
             "and", "Ruiz", "."]
    heads = [1, 2, 2, 2, 3, 6, 4, 6, 7, 2, 1, 10, 11, 11, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct", "prep", "pobj", "cc",
            "conj", "punct"]
    tags = ["DT", "NN", "VBD", "NN", "IN", "DT", "NNS", "IN", "NNP", ",", "VBG", "NNP", "CC", "NNP", "."]
    doc = rejoin_listed_members(parsed(words, heads, deps, tags))
    assert doc[10].head.text == "delegates"
    # a singular phrase has no members to name: the parser's reading stays
    doc = rejoin_listed_members(parsed(words[:6] + ["delegate"] + words[7:], heads, deps, tags[:6] + ["NN"] + tags[7:]))
    assert doc[10].head.text == "plan"


def test_nlp_an_object_after_a_clause_and_a_comma_is_the_next_item_of_the_clause_s_list() -> None:
    from kg_builder.nlp import rejoin_listed_objects

    # "Talks ended when Chile signed a pact, which called for a truce, the release of prisoners.": "release" parsed
    # as the object of "ended"
    words = ["Talks", "ended", "when", "Chile", "signed", "a", "pact", ",", "which", "called", "for", "a", "truce", ",",
             "the", "release", "of", "prisoners", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 6, 9, 6, 9, 12, 10, 1, 15, 1, 15, 16, 1]
    deps = ["nsubj", "ROOT", "advmod", "nsubj", "advcl", "det", "dobj", "punct", "nsubj", "relcl", "prep", "det",
            "pobj", "punct", "det", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "WRB", "NNP", "VBD", "DT", "NN", ",", "WDT", "VBD", "IN", "DT", "NN", ",", "DT", "NN", "IN",
            "NNS", "."]
    doc = rejoin_listed_objects(parsed(words, heads, deps, tags))
    assert (doc[15].dep_, doc[15].head.text) == ("conj", "truce")
    # with no comma before it, the parser's reading stays
    doc = rejoin_listed_objects(parsed(words[:13] + ["and"] + words[14:], heads, deps[:13] + ["cc"] + deps[14:],
                                       tags[:13] + ["CC"] + tags[14:]))
    assert (doc[15].dep_, doc[15].head.text) == ("dobj", "ended")


@pytest.mark.parametrize(("text", "first_words"), [
    ("GENEVA, March 14, 2025 — Negotiators met on Friday.", ["GENEVA", "Negotiators"]),
    ("LIMA (Reuters) - Peru and Chile met.", ["LIMA", "Peru"]),
    ("WASHINGTON — President Ruiz left.", ["WASHINGTON", "President"]),
    ("The talks ended.\nQUITO, Ecuador, May 2 — The talks resumed.", ["The", "QUITO", "The"]),
    # no dateline: a dash inside a sentence, one after words in small letters, or before them
    ("NATO — which was founded in 1949 — grew.", ["NATO"]),
    ("UN officials said the talks — held in Lima — failed.", ["UN"]),
])
def test_nlp_a_news_dateline_is_a_sentence_of_its_own(text: str, first_words: list[str]) -> None:
    from kg_builder.nlp import sentence_bounds

    doc = sentence_bounds(NLP(text))
    assert [t.text for t in doc if t.is_sent_start] == first_words


@pytest.mark.parametrize(("text", "line"), [
    ("Talks\nBy Ana Ruiz | March 14, 2025\nPeru met Chile.", slice(3, 10)),
    ("By Ana Ruiz. March 14, 2025.\nPeru met Chile.", slice(1, 9)),
])
def test_nlp_a_byline_is_one_sentence_however_the_parser_would_cut_it(text: str, line: slice) -> None:
    from kg_builder.nlp import sentence_bounds

    doc = sentence_bounds(NLP(text))
    assert [t.is_sent_start for t in doc[line]] == [False] * (line.stop - line.start)


def test_nlp_a_sentence_that_opens_with_by_is_no_byline() -> None:
    from kg_builder.nlp import sentence_bounds

    doc = sentence_bounds(NLP("By March the talks had failed. Then Peru left."))
    assert doc[7].text == "Then" and doc[7].is_sent_start is not False


def _warned_and_urged():
    from spacy.tokens import Doc

    words = ["Xi", "warned", "that", "Peru", "was", "a", "threat", "and", "urged", "Chile", "to", "leave", "."]
    # as the parser reads it: "urged" joined to "was", inside the "that" clause, whose subject it takes
    return Doc(NLP.vocab, words=words, heads=[1, 1, 4, 4, 1, 6, 4, 4, 4, 8, 11, 8, 1],
               deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "attr", "cc", "conj", "dobj", "aux", "xcomp",
                     "punct"],
               tags=["NNP", "VBD", "IN", "NNP", "VBD", "DT", "NN", "CC", "VBD", "NNP", "TO", "VB", "."],
               lemmas=["Xi", "warn", "that", "Peru", "be", "a", "threat", "and", "urge", "Chile", "to", "leave", "."])


@pytest.mark.parametrize(("verbs", "head"), [
    (["warn", "urge"], "warned"),
    (["urge"], "was"),  # no verb of saying above it: it stays where the parser put it
])
def test_nlp_a_second_verb_of_asking_after_a_that_clause_is_the_speaker_s(verbs: list[str], head: str) -> None:
    from kg_builder.nlp import reported_conjuncts

    doc = reported_conjuncts(NLP, "kg_reported_conjuncts", verbs)(_warned_and_urged())
    assert [(t.text, t.dep_, t.head.text) for t in (doc[7], doc[8])] == [("and", "cc", head), ("urged", "conj", head)]


def _said_and_called_for(would: str, tag: str):
    from spacy.tokens import Doc

    words = ["Weber", "said", "tariffs", would, "hurt", "buyers", "and", "called", "for", "talks", "."]
    # "said" with no "that": "called" joined to "hurt", inside the reported clause
    return Doc(NLP.vocab, words=words, heads=[1, 1, 4, 4, 1, 4, 4, 4, 7, 8, 1],
               deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "prep", "pobj", "punct"],
               tags=["NNP", "VBD", "NNS", "MD", tag, "NNS", "CC", "VBD", "IN", "NNS", "."],
               lemmas=["Weber", "say", "tariff", would, "hurt", "buyer", "and", "call", "for", "talk", "."])


@pytest.mark.parametrize(("would", "tag", "head"), [
    ("would", "VB", "said"),  # another tense than the clause's: the speaker's next act
    ("did", "VBD", "hurt"),  # the clause's own tense and no "that": it may be the clause's, and stays
])
def test_nlp_a_verb_of_asking_with_its_preposition_after_a_reported_clause_is_the_speaker_s(would: str, tag: str,
                                                                                          head: str) -> None:
    from kg_builder.nlp import reported_conjuncts

    doc = reported_conjuncts(NLP, "kg_reported_conjuncts", ["say", "call for"])(_said_and_called_for(would, tag))
    assert doc[7].head.text == head


def test_nlp_a_tensed_verb_the_parser_joined_to_an_infinitive_is_joined_to_the_tensed_verb_above() -> None:
    from kg_builder.nlp import tensed_conjuncts

    # "Peru urged Chile to leave and opened its ports": "opened" is Peru's second act, not a second infinitive
    doc = tensed_conjuncts(parsed(["Peru", "urged", "Chile", "to", "leave", "and", "opened", "ports", "."],
                                  [1, 1, 1, 4, 1, 4, 4, 6, 1],
                                  ["nsubj", "ROOT", "dobj", "aux", "xcomp", "cc", "conj", "dobj", "punct"],
                                  ["NNP", "VBD", "NNP", "TO", "VB", "CC", "VBD", "NNS", "."]))
    assert [(t.text, t.head.text) for t in (doc[5], doc[6])] == [("and", "urged"), ("opened", "urged")]
    # "hoped to appease Chile and split Bolivia": "split" may be an infinitive, and stays one
    kept = tensed_conjuncts(parsed(["Peru", "hoped", "to", "appease", "Chile", "and", "split", "Bolivia", "."],
                                   [1, 1, 3, 1, 3, 3, 3, 6, 1],
                                   ["nsubj", "ROOT", "aux", "xcomp", "dobj", "cc", "conj", "dobj", "punct"],
                                   ["NNP", "VBD", "TO", "VB", "NNP", "CC", "VBD", "NNP", "."]))
    assert kept[6].head.text == "appease"


def test_nlp_a_participle_between_commas_the_parser_took_for_the_main_verb_is_the_subjects() -> None:
    from kg_builder.nlp import participle_asides

    words = ["The", "treaty", ",", "concluded", "in", "1929", "by", "Peru", ",", "ended", "the", "war", "."]
    deps = ["det", "nsubj", "punct", "ROOT", "prep", "pobj", "prep", "pobj", "punct", "conj", "det", "dobj", "punct"]
    tags = ["DT", "NN", ",", "VBD", "IN", "CD", "IN", "NNP", ",", "VBD", "DT", "NN", "."]
    doc = participle_asides(parsed(words, [1, 3, 1, 3, 3, 4, 3, 6, 3, 3, 11, 9, 3], deps, tags))
    assert [(t.text, t.dep_, t.head.text) for t in (doc[9], doc[1], doc[3], doc[6], doc[12])] == [
        ("ended", "ROOT", "ended"), ("treaty", "nsubj", "ended"), ("concluded", "acl", "treaty"),
        ("by", "agent", "concluded"), (".", "punct", "ended")]
    # with no "by" phrase, nothing says the first verb is a participle
    kept = participle_asides(parsed([w for w in words if w not in ("by", "Peru")], [1, 3, 1, 3, 3, 4, 3, 3, 9, 7, 3],
                                    [d for n, d in enumerate(deps) if n not in (6, 7)],
                                    [t for n, t in enumerate(tags) if n not in (6, 7)]))
    assert kept[3].dep_ == "ROOT"


def test_nlp_a_past_form_after_and_that_the_parser_took_for_an_adjective_is_a_second_verb() -> None:
    from kg_builder.nlp import coordinated_past_verbs

    # "Soto met Ruiz and encouraged moderation .": "encouraged" parsed as an adjective of "moderation", joined to "met"
    doc = coordinated_past_verbs(parsed(["Soto", "met", "Ruiz", "and", "encouraged", "moderation", "."],
                                        [1, 1, 1, 1, 5, 1, 1],
                                        ["nsubj", "ROOT", "dobj", "cc", "amod", "conj", "punct"],
                                        ["NNP", "VBD", "NNP", "CC", "JJ", "NN", "."]))
    assert [(t.text, t.dep_, t.head.text, t.tag_) for t in (doc[4], doc[5])] == [
        ("encouraged", "conj", "met", "VBD"), ("moderation", "dobj", "encouraged", "NN")]
    # "Soto met Ruiz and trained soldiers": no past tense before "and", so no second verb is made
    kept = coordinated_past_verbs(parsed(["Soto", "meets", "Ruiz", "and", "trained", "soldiers", "."],
                                         [1, 1, 1, 1, 5, 1, 1],
                                         ["nsubj", "ROOT", "dobj", "cc", "amod", "conj", "punct"],
                                         ["NNP", "VBZ", "NNP", "CC", "JJ", "NNS", "."]))
    assert (kept[4].dep_, kept[4].head.text) == ("amod", "soldiers")

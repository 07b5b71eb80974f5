"""extract/tokens.py: list splitting, determiners, source-faithful phrase text, sentence offsets."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg_builder.extract.tokens import (conjuncts, coordinated_verb, cross_reference, noun_before_participle, phrase,
                                      raised_conjunct, ranked_infinitive, sentence_bounds, spelled_out,
                                      split_list, strip_determiners, subjects, summing_up, text_of)


# --- split_list (pure text) --------------------------------------------------------------------

def test_tokens_split_list_oxford_comma():
    assert split_list("sanctions relief, a peace declaration, and the return of remains") == [
        "sanctions relief", "a peace declaration", "the return of remains"]


def test_tokens_split_list_keeps_a_dashed_aside_whole():
    # "each of the signatories—A, B, and C—would ...": the names inside the dashes are no items of the list
    assert split_list("each of the signatories\u2014Chile, Peru, and Bolivia\u2014would respect the border") == [
        "each of the signatories\u2014Chile, Peru, and Bolivia\u2014would respect the border"]
    assert split_list("Chile, Peru\u2014and Bolivia") == ["Chile", "Peru\u2014and Bolivia"]  # one dash: no aside


def test_tokens_split_list_without_oxford_comma():
    assert split_list("Peru, Chile and Bolivia") == ["Peru", "Chile", "Bolivia"]


def test_tokens_split_list_and_before_a_determiner_separates_two_items():
    assert split_list("a moratorium and the closure of a base") == ["a moratorium", "the closure of a base"]


def test_tokens_split_list_or_before_a_determiner_separates_two_items():
    assert split_list("a freeze on testing or the end of drills") == ["a freeze on testing", "the end of drills"]


def test_tokens_split_list_keeps_coordinated_modifiers_whole():
    assert split_list("nuclear and missile testing") == ["nuclear and missile testing"]


def test_tokens_split_list_keeps_an_inner_and_of_a_comma_list_item():
    assert split_list("trade, research and development, and tourism") == [
        "trade", "research and development", "tourism"]


def test_tokens_split_list_keeps_a_quotation_whole():
    text = "all \u201crights, privileges, or advantages\u201d conferred by the pact, a \"fair, open\" port, and a seat"
    assert split_list(text) == ["all \u201crights, privileges, or advantages\u201d conferred by the pact",
                                "a \"fair, open\" port", "a seat"]


def test_tokens_split_list_keeps_the_and_of_the_last_item_after_an_oxford_comma():
    # after "B, and", the last item starts: its own "and" joins two things of one item
    assert split_list("free trade, arbitration, and respect for treaties and obligations") == [
        "free trade", "arbitration", "respect for treaties and obligations"]


def test_tokens_split_list_semicolons():
    assert split_list("a ceasefire; a prisoner swap; and new elections") == [
        "a ceasefire", "a prisoner swap", "new elections"]


def test_tokens_split_list_single_item_and_empty():
    assert split_list("lower tariffs") == ["lower tariffs"]
    assert split_list("") == []
    assert split_list(" , ") == []


# --- strip_determiners (pure text) --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the reactor", "reactor"),
    ("its fleet", "fleet"),
    ("The the summit", "summit"),
    ("another round of talks", "round of talks"),
    ("a moratorium and the closure", "moratorium and the closure"),  # only leading determiners go
    ("sanctions relief", "sanctions relief"),
])
def test_tokens_strip_determiners(text, expected):
    assert strip_determiners(text) == expected


def test_tokens_strip_determiners_keeps_a_lone_word():
    assert strip_determiners("the") == "the"


# --- text_of / sentence_bounds (need a parse) ------------------------------------------------------

@pytest.mark.slow
def test_tokens_text_of_keeps_source_spacing(parse):
    text = "The Franco-German plan (a draft) wasn't adopted, officials said."
    doc = parse(text)
    assert text_of(list(doc)) == text
    hyphenated = [t for t in doc if t.text in ("Franco", "-", "German")]
    assert text_of(hyphenated) == "Franco-German"
    contraction = [t for t in doc if t.text in ("was", "n't")]
    assert text_of(contraction) == "wasn't"


@pytest.mark.slow
def test_tokens_text_of_joins_gaps_with_one_space_and_ignores_order(parse):
    doc = parse("The Franco-German plan was adopted.")
    the, plan = doc[0], next(t for t in doc if t.text == "plan")
    assert text_of([plan, the]) == "The plan"
    assert text_of([]) == ""


@pytest.mark.slow
def test_tokens_text_of_trims_edge_punctuation(parse):
    doc = parse("Peru, Chile; and Bolivia: all signed.")
    assert text_of(doc[0:2]) == "Peru"  # "Peru ,"
    assert text_of(doc[2:4]) == "Chile"  # "Chile ;"


def test_tokens_text_of_leaves_out_a_bracket_whose_other_half_is_left_out():
    words = "members of the Andean Pact ( AP ) met ( in Lima".split()
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[w not in ("(", "AP") for w in words])
    assert text_of(doc[0:7]) == "members of the Andean Pact"  # "(AP" without its ")"
    assert text_of(doc[0:8]) == "members of the Andean Pact (AP)"
    assert text_of([doc[0], doc[7]]) == "members"  # a ")" without its "("
    assert text_of(doc[8:12]) == "met"  # a "(" never closed


@pytest.mark.slow
def test_tokens_sentence_bounds_exclude_edge_whitespace(parse):
    text = "  Peru signed the accord.\n\n  Chile did not.  \n"
    doc = parse(text)
    spans = [sentence_bounds(s) for s in doc.sents if s.text.strip()]
    assert [text[b:e] for b, e in spans] == ["Peru signed the accord.", "Chile did not."]
    for b, e in spans:
        assert text[b:e] == text[b:e].strip()


# --- coordinated_verb (hand-made parses) ---------------------------------------------------------

def _verbs_doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    pos = ["VERB" if d in ("ROOT", "conj") else "NOUN" if d in ("nsubj", "dobj") else "X" for d in deps]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_tokens_a_phrase_keeps_a_but_that_joins_nothing_and_drops_a_dangling_and():
    # "all but small loans": the parser hangs "but" on "all" with no conjunct; "loans and": the conjunct went
    words = ["all", "but", "small", "loans", "and", "grants"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 3, 3, 3, 3],
              deps=["amod", "cc", "amod", "ROOT", "cc", "conj"])
    assert phrase(doc[3]) == "all but small loans"


@pytest.mark.parametrize("words, heads, deps, expected", [
    # "the deployment of troops in order to force talks": the "in order" of the purpose goes with it
    (["deployment", "of", "troops", "in", "order", "to", "force", "talks"], [0, 0, 1, 0, 3, 6, 4, 6],
     ["ROOT", "prep", "pobj", "prep", "pobj", "aux", "acl", "dobj"], "deployment of troops"),
    # "integration in the postwar order": an order of its own stays
    (["integration", "in", "the", "postwar", "order"], [0, 0, 4, 4, 1], ["ROOT", "prep", "det", "amod", "pobj"],
     "integration in the postwar order"),
])
def test_tokens_a_phrase_drops_the_in_order_of_a_purpose_it_leaves_out(words, heads, deps, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert phrase(doc[0]) == expected


@pytest.mark.parametrize("words, heads, deps, date, expected", [
    # "the formula in 2019", the year hung on the noun: when the clause happened, no part of the thing
    (["formula", "in", "2019"], [0, 0, 1], ["ROOT", "prep", "pobj"], (2, 3), "formula"),
    (["blockade", "on", "April", "19"], [0, 0, 1, 2], ["ROOT", "prep", "pobj", "nummod"], (2, 4), "blockade"),
    # a year in the "of" phrase of a name is the name's
    (["Treaty", "of", "1819"], [0, 0, 1], ["ROOT", "prep", "pobj"], (2, 3), "Treaty of 1819"),
    # a place is part of the thing
    (["talks", "in", "Geneva"], [0, 0, 1], ["ROOT", "prep", "pobj"], None, "talks in Geneva"),
])
def test_tokens_a_phrase_leaves_out_a_time_hung_on_its_noun(words, heads, deps, date, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, *date, label="DATE")] if date else []
    assert phrase(doc[0]) == expected


def _name_then_noun(words: list[str], heads: list[int], deps: list[str], name: tuple[int, int]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, *name, label="LOC")]
    return doc


def test_tokens_a_phrase_that_opens_inside_a_name_before_its_noun_keeps_the_whole_name():
    # "the Bay of Pigs invasion failed", parsed as the small model parses it: "Bay" with "of Pigs invasion"
    doc = _name_then_noun(["the", "Bay", "of", "Pigs", "invasion", "failed"], [1, 5, 1, 4, 2, 5],
                          ["det", "nsubj", "prep", "compound", "pobj", "ROOT"], (0, 4))
    assert phrase(doc[4]) == "Bay of Pigs invasion"


def test_tokens_a_phrase_whose_noun_ends_a_name_is_not_widened_to_the_name():
    # "the Terms of Surrender were read": "Surrender" is the last word of a title, no noun of its own
    doc = _name_then_noun(["the", "Terms", "of", "Surrender", "were", "read"], [1, 5, 1, 2, 5, 5],
                          ["det", "nsubjpass", "prep", "pobj", "auxpass", "ROOT"], (0, 4))
    assert phrase(doc[3]) == "Surrender"


def test_tokens_a_past_tense_joined_to_a_would_clause_goes_with_the_verb_the_clause_depends_on():
    # "Soto believed that the plan would be rejected by Peru, and did not want war": the wanting is Soto's
    words = ["Soto", "believed", "that", "the", "plan", "would", "be", "rejected", "by", "Peru", ",", "and", "did",
             "not", "want", "war"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 7, 4, 7, 7, 7, 1, 7, 8, 7, 7, 14, 14, 7, 14],
              deps=["nsubj", "ROOT", "mark", "det", "nsubjpass", "aux", "auxpass", "ccomp", "agent", "pobj", "punct",
                    "cc", "aux", "neg", "conj", "dobj"],
              tags=["NNP", "VBD", "IN", "DT", "NN", "MD", "VB", "VBN", "IN", "NNP", ",", "CC", "VBD", "RB", "VB", "NN"])
    assert raised_conjunct(doc[14]) == doc[1]


def test_tokens_a_verb_after_but_is_coordinated():
    doc = _verbs_doc(["Peru", "signed", "it", "but", "rejected", "it"], [1, 1, 1, 1, 1, 4],
                     ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj"])
    assert coordinated_verb(doc[4])


def test_tokens_a_conj_verb_with_no_conjunction_before_it_is_a_misread_clause():
    # "held that X does not give Y": the parser calls the reported clause a conjunct
    doc = _verbs_doc(["Court", "held", "that", "Act", "gives", "rights"], [1, 1, 3, 1, 1, 4],
                     ["nsubj", "ROOT", "nsubj", "dobj", "conj", "dobj"])
    assert not coordinated_verb(doc[4])


def test_tokens_a_clause_after_an_and_hung_on_the_first_clause_s_object_is_coordinated():
    # "Peru claimed a victory and Chile sought peace", with "and" hung on "victory" as the small model may
    doc = _verbs_doc(["Peru", "claimed", "victory", "and", "Chile", "sought", "peace"], [1, 1, 1, 2, 5, 1, 5],
                     ["nsubj", "ROOT", "dobj", "cc", "nsubj", "conj", "dobj"])
    assert coordinated_verb(doc[5])


# --- conjuncts (hand-made parses) ----------------------------------------------------------------

def _list_doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    pos = ["CCONJ" if d == "cc" else "PUNCT" if w == "," else "PROPN" for w, d in zip(words, deps)]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_tokens_conjuncts_of_a_comma_list_closed_by_and_are_all_its_items():
    doc = _list_doc(["Chile", ",", "Peru", ",", "and", "Bolivia"], [0, 0, 0, 2, 2, 2],
                    ["ROOT", "punct", "conj", "punct", "cc", "conj"])
    assert [t.text for t in conjuncts(doc[0])] == ["Chile", "Peru", "Bolivia"]
    assert [t.text for t in conjuncts(doc[5])] == ["Bolivia", "Chile", "Peru"]


def test_tokens_conjuncts_end_at_the_and_that_closed_the_list():
    # "the rejection of Versailles and Geneva, Dawes and Young were ...": the parser may run the list on past
    # its "and" into the next phrase, which is a list of its own
    doc = _list_doc(["Versailles", "and", "Geneva", ",", "Dawes", "and", "Young"], [0, 0, 0, 2, 2, 4, 4],
                    ["ROOT", "cc", "conj", "punct", "conj", "cc", "conj"])
    assert [t.text for t in conjuncts(doc[0])] == ["Versailles", "Geneva"]
    assert [t.text for t in conjuncts(doc[2])] == ["Geneva", "Versailles"]
    assert [t.text for t in conjuncts(doc[4])] == ["Dawes", "Young"]


def _doc(rows: list[tuple[str, int, str, str]]) -> Doc:
    words, heads, deps, pos = map(list, zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_tokens_a_subject_hung_on_the_fronted_phrase_is_no_member_of_its_list():
    # "After the election of Ruiz, Chile and Peru signed": the parser makes the subject conjuncts of "Ruiz"
    doc = _doc([("After", 7, "prep", "ADP"), ("the", 2, "det", "DET"), ("election", 0, "pobj", "NOUN"),
                ("of", 2, "prep", "ADP"), ("Ruiz", 3, "pobj", "PROPN"), (",", 4, "punct", "PUNCT"),
                ("Chile", 4, "conj", "PROPN"), ("signed", 7, "ROOT", "VERB")])
    assert [t.text for t in conjuncts(doc[4])] == ["Ruiz"]
    assert [t.text for t in conjuncts(doc[6])] == ["Chile"]


def test_tokens_a_list_joined_by_and_stays_whole_before_a_verb_without_a_subject():
    # "There is little Chile and its allies can do": "and" makes them one list whatever the parser hangs where
    doc = _doc([("There", 1, "expl", "PRON"), ("is", 1, "ROOT", "VERB"), ("little", 3, "amod", "ADJ"),
                ("Chile", 1, "attr", "PROPN"), ("and", 3, "cc", "CCONJ"), ("its", 6, "poss", "PRON"),
                ("allies", 3, "conj", "NOUN"), ("can", 8, "aux", "AUX"), ("do", 1, "ccomp", "VERB")])
    assert [t.text for t in conjuncts(doc[3])] == ["Chile", "allies"]


def test_tokens_what_rather_than_sets_against_a_phrase_is_not_its_conjunct():
    # "sought independence rather than a change"
    doc = _doc([("sought", 0, "ROOT", "VERB"), ("independence", 0, "dobj", "NOUN"), ("rather", 3, "advmod", "ADV"),
                ("than", 1, "cc", "SCONJ"), ("change", 1, "conj", "NOUN")])
    assert [t.text for t in conjuncts(doc[1])] == ["independence"]


def test_tokens_what_instead_of_sets_against_a_list_is_none_of_it():
    # "backed Ruiz and his party, instead of Soto": the parser hangs "instead" on "of", which it makes the joint
    doc = _doc([("backed", 0, "ROOT", "VERB"), ("Ruiz", 0, "dobj", "PROPN"), ("and", 1, "cc", "CCONJ"),
                ("party", 1, "conj", "PROPN"), (",", 1, "punct", "PUNCT"), ("instead", 6, "advmod", "ADV"),
                ("of", 1, "cc", "ADP"), ("Soto", 1, "conj", "PROPN")])
    assert [t.text for t in conjuncts(doc[1])] == ["Ruiz", "party"]
    assert [t.text for t in conjuncts(doc[7])] == ["Soto"]


def test_tokens_a_phrase_that_repeats_the_head_the_list_is_inside_is_none_of_the_list():
    # "between those who backed Peru, including Ruiz, and those ...": the parser hangs the second "those" on "Ruiz"
    doc = _doc([("split", 0, "ROOT", "VERB"), ("between", 0, "prep", "ADP"), ("those", 1, "pobj", "PRON"),
                ("who", 4, "nsubj", "PRON"), ("backed", 2, "relcl", "VERB"), ("Peru", 4, "dobj", "PROPN"),
                (",", 2, "punct", "PUNCT"), ("including", 2, "prep", "VERB"), ("Ruiz", 7, "pobj", "PROPN"),
                (",", 8, "punct", "PUNCT"), ("and", 8, "cc", "CCONJ"), ("those", 8, "conj", "PRON")])
    assert [t.text for t in conjuncts(doc[8])] == ["Ruiz"]
    assert [t.text for t in conjuncts(doc[11])] == ["those"]


def test_tokens_a_list_that_ends_in_comma_and_holds_a_pair_inside_it():
    # "sent arms and ammunition, uniforms, and troops": the inner "and" joins a pair, the list goes on
    doc = _doc([("sent", 0, "ROOT", "VERB"), ("arms", 0, "dobj", "NOUN"), ("and", 1, "cc", "CCONJ"),
                ("ammunition", 1, "conj", "NOUN"), (",", 1, "punct", "PUNCT"), ("uniforms", 1, "conj", "NOUN"),
                (",", 5, "punct", "PUNCT"), ("and", 5, "cc", "CCONJ"), ("troops", 5, "conj", "NOUN")])
    assert [t.text for t in conjuncts(doc[1])] == ["arms", "ammunition", "uniforms", "troops"]


def test_tokens_a_fronted_adjective_and_its_infinitive_have_the_subject_of_the_clause_they_open():
    # "Unable to agree, Chile and Peru parted.": Chile and Peru were unable, and would have agreed
    doc = _doc([("Unable", 7, "advcl", "ADJ"), ("to", 2, "aux", "PART"), ("agree", 0, "xcomp", "VERB"),
                (",", 7, "punct", "PUNCT"), ("Chile", 7, "nsubj", "PROPN"), ("and", 4, "cc", "CCONJ"),
                ("Peru", 4, "conj", "PROPN"), ("parted", 7, "ROOT", "VERB")])
    assert [t.text for t in subjects(doc[2])] == ["Chile", "Peru"]
    # "Chile presided pursuant to its authority to try X": an adjective after the verb is no description of its
    # subject (here the parser's reading of a compound preposition)
    doc = _doc([("Chile", 1, "nsubj", "PROPN"), ("presided", 1, "ROOT", "VERB"), ("pursuant", 1, "advcl", "ADJ"),
                ("to", 2, "prep", "ADP"), ("authority", 3, "pobj", "NOUN"), ("to", 6, "aux", "PART"),
                ("try", 2, "xcomp", "VERB"), ("X", 6, "dobj", "PROPN")])
    assert subjects(doc[6]) == []


@pytest.mark.parametrize("participle, sums_up", [("located", True), (None, False)])
def test_tokens_an_apposition_with_a_participle_after_a_comma_sums_up(participle, sums_up):
    # "Chile camped at Arica, a port located near Peru" (and "..., a port near Peru": a plain apposition)
    rows = [("Chile", 1, "nsubj", "PROPN"), ("camped", 1, "ROOT", "VERB"), ("at", 1, "prep", "ADP"),
            ("Arica", 2, "pobj", "PROPN"), (",", 3, "punct", "PUNCT"), ("a", 6, "det", "DET"),
            ("port", 3, "appos", "NOUN")]
    rows += [(participle, 6, "acl", "VERB"), ("near", 7, "prep", "ADP"), ("Peru", 8, "pobj", "PROPN")] if participle \
        else [("near", 6, "prep", "ADP"), ("Peru", 7, "pobj", "PROPN")]
    words, heads, deps, pos = map(list, zip(*rows))
    tags = ["VBN" if w == participle else "XX" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert summing_up(doc[6]) is sums_up


def test_tokens_a_subject_the_parser_hung_on_the_auxiliary_is_the_verbs():
    # "Peru was committed to it": the parser may make "Peru" the subject of "was", the auxiliary of "committed"
    doc = _doc([("Peru", 1, "nsubj", "PROPN"), ("was", 2, "auxpass", "AUX"), ("committed", 2, "ROOT", "VERB"),
                ("to", 2, "prep", "ADP"), ("it", 3, "pobj", "PRON")])
    assert [t.text for t in subjects(doc[2])] == ["Peru"]
    # a verb with a subject of its own keeps it
    doc = _doc([("Peru", 2, "nsubj", "PROPN"), ("would", 2, "aux", "AUX"), ("sign", 2, "ROOT", "VERB")])
    assert [t.text for t in subjects(doc[2])] == ["Peru"]


@pytest.mark.parametrize("rank, ranked", [("first", True), ("only", True), ("strongest", True), ("new", False)])
def test_tokens_an_infinitive_after_a_ranked_description_of_the_subject_is_ranked(rank, ranked):
    # "Soto was the first envoy to visit Lima." with "to visit" an adverbial clause of "was", as the small model
    # parses it; "the new envoy to visit Lima" is no rank: the infinitive may be what the act was for
    words = ["Soto", "was", "the", rank, "envoy", "to", "visit", "Lima", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 6, 1, 6, 1],
              deps=["nsubj", "ROOT", "det", "amod", "attr", "aux", "advcl", "dobj", "punct"],
              pos=["PROPN", "AUX", "DET", "ADJ", "NOUN", "PART", "VERB", "PROPN", "PUNCT"],
              tags=["NNP", "VBD", "DT", "JJS" if rank == "strongest" else "JJ", "NN", "TO", "VB", "NNP", "."])
    assert ranked_infinitive(doc[6]) is ranked


def test_tokens_a_list_after_a_colon_that_the_parser_made_a_second_subject_is_none():
    # "Soto backed the ports: Callao and Arica": the list spells out "the ports"
    doc = _doc([("Soto", 1, "nsubj", "PROPN"), ("backed", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                ("ports", 1, "dobj", "NOUN"), (":", 1, "punct", "PUNCT"), ("Callao", 1, "nsubj", "PROPN"),
                ("and", 5, "cc", "CCONJ"), ("Arica", 5, "conj", "PROPN")])
    assert [t.text for t in subjects(doc[1])] == ["Soto"]


def test_tokens_a_list_after_a_colon_still_spells_out_a_subject_that_is_no_name():
    # "Two men joined to rule: Soto and Ruiz": the list says who the men were
    doc = _doc([("Two", 1, "nummod", "NUM"), ("men", 2, "nsubj", "NOUN"), ("joined", 2, "ROOT", "VERB"),
                (":", 2, "punct", "PUNCT"), ("Soto", 2, "nsubj", "PROPN"), ("and", 4, "cc", "CCONJ"),
                ("Ruiz", 4, "conj", "PROPN")])
    assert [t.text for t in subjects(doc[2])] == ["men", "Soto", "Ruiz"]


def test_tokens_a_participle_after_the_comma_closing_a_noun_s_phrase_is_said_of_its_head():
    # "By signing the Pact of Lima, ratified in 1990, Chile ended it": "ratified" hung on "ended"
    doc = _doc([("By", 9, "prep", "ADP"), ("signing", 0, "pcomp", "VERB"), ("the", 3, "det", "DET"),
                ("Pact", 1, "dobj", "PROPN"), ("of", 3, "prep", "ADP"), ("Lima", 4, "pobj", "PROPN"),
                (",", 9, "punct", "PUNCT"), ("ratified", 9, "advcl", "VERB"), ("Chile", 9, "nsubj", "PROPN"),
                ("ended", 9, "ROOT", "VERB")])
    doc[7].tag_ = "VBN"
    assert noun_before_participle(doc[7]) == doc[3]
    doc[7].tag_ = "VBD"  # a past tense is a clause of its own
    assert noun_before_participle(doc[7]) is None


@pytest.mark.parametrize("text, pointer", [
    ("(See Incidents Leading up to the War and the Lima Plan)", True),
    ("(see The Treaty of Lima.)", True),
    ("(cf. The Treaty of Lima)", True),
    ("(Seeing no way out, Peru signed.)", False),
    ("See the Treaty of Lima for its terms.", False),
])
def test_tokens_a_bracketed_see_sentence_is_a_cross_reference(text, pointer):
    doc = Doc(spacy.blank("en").vocab, words=text.split())
    assert cross_reference(doc[:]) is pointer


# --- spelled_out (hand-made parses) --------------------------------------------------------------

def _spelled_doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    pos = {"NNS": "NOUN", "NN": "NOUN", "NNP": "PROPN", "VBD": "VERB", "VB": "VERB", "CD": "NUM", "DT": "DET",
           "CC": "CCONJ", "PRP": "PRON", "JJ": "ADJ", "RB": "ADV"}
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags,
               pos=[pos.get(t, "PUNCT") for t in tags])


def test_tokens_a_colon_after_a_plural_spells_out_its_items():
    doc = _spelled_doc(["Chile", "made", "three", "demands", ":", "an", "indemnity", ",", "the", "port", ",", "and",
                        "a", "fleet", "."],
                       [1, 1, 3, 1, 3, 6, 3, 6, 9, 6, 9, 9, 13, 9, 1],
                       ["nsubj", "ROOT", "nummod", "dobj", "punct", "det", "appos", "punct", "det", "conj", "punct",
                        "cc", "det", "conj", "punct"],
                       ["NNP", "VBD", "CD", "NNS", ":", "DT", "NN", ",", "DT", "NN", ",", "CC", "DT", "NN", "."])
    assert [item.text for item in spelled_out(doc[3])] == ["an indemnity", "the port", "a fleet"]
    assert [item.root.text for item in spelled_out(doc[3])] == ["indemnity", "port", "fleet"]
    assert spelled_out(doc[6]) == []  # no plural


def test_tokens_a_clause_after_the_colon_spells_out_nothing():
    # "rejected the terms: they were harsh" says why, it lists nothing
    doc = _spelled_doc(["Peru", "rejected", "the", "terms", ":", "they", "were", "harsh", "."],
                       [1, 1, 3, 1, 1, 6, 1, 6, 1],
                       ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "parataxis", "acomp", "punct"],
                       ["NNP", "VBD", "DT", "NNS", ":", "PRP", "VBD", "JJ", "."])
    assert spelled_out(doc[3]) == []


def test_tokens_one_phrase_between_dashes_spells_out_only_what_was_counted():
    # "the rebels—mostly peasants—" says what they were; "two ports—Arica—" names the items counted
    words = ["the", "rebels", "\u2014", "mostly", "peasants", "\u2014", "fought", "."]
    heads, deps = [1, 6, 1, 4, 1, 1, 6, 6], ["det", "nsubj", "punct", "advmod", "appos", "punct", "ROOT", "punct"]
    tags = ["DT", "NNS", ":", "RB", "NNS", ":", "VBD", "."]
    assert spelled_out(_spelled_doc(words, heads, deps, tags)[1]) == []
    counted = _spelled_doc(["two", *words[1:]], heads, ["nummod", *deps[1:]], ["CD", *tags[1:]])
    assert [item.text for item in spelled_out(counted[1])] == ["mostly peasants"]


def test_tokens_a_list_between_dashes_ends_at_the_second_dash():
    doc = _spelled_doc(["two", "ports", "\u2014", "Arica", "and", "Ilo", "\u2014", "were", "ceded", "."],
                       [1, 8, 1, 1, 3, 3, 1, 8, 8, 8],
                       ["nummod", "nsubjpass", "punct", "appos", "cc", "conj", "punct", "auxpass", "ROOT", "punct"],
                       ["CD", "NNS", ":", "NNP", "CC", "NNP", ":", "VBD", "VBD", "."])
    assert [item.text for item in spelled_out(doc[1])] == ["Arica", "Ilo"]


def test_tokens_a_list_the_splitter_cannot_find_again_in_the_text_is_no_list():
    # "levies and  bans and fees": the splitter rejoins "levies and bans" with one space, which the text does not hold
    words = ["two", "measures", ":", "tariffs", ",", "quotas", ",", "levies", "and", " ", "bans", "and", "fees", "."]
    spaces = [True, False, True, False, True, False, True, True, True, False, True, True, False, False]
    heads = [1, 1, 1, 1, 3, 3, 5, 5, 7, 8, 7, 10, 10, 1]
    deps = ["nummod", "ROOT", "punct", "appos", "punct", "conj", "punct", "conj", "cc", "dep", "conj", "cc", "conj",
            "punct"]
    tags = ["CD", "NNS", ":", "NNS", ",", "NNS", ",", "NNS", "CC", "_SP", "NNS", "CC", "NNS", "."]
    pos = {"NNS": "NOUN", "CD": "NUM", "CC": "CCONJ", "_SP": "SPACE"}
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags,
              pos=[pos.get(t, "PUNCT") for t in tags])
    assert "levies and  bans" in doc.text
    assert spelled_out(doc[1]) == []

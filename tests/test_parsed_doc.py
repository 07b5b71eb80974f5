"""extract/parse.py: the plain-Python view of a parse answers as spaCy's Doc, Span and Token do."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg_builder.extract.parse import ParsedDoc, ParsedSpan, ParsedToken

TOKEN_ATTRIBUTES = ("text", "whitespace_", "text_with_ws", "idx", "lower_", "lemma_", "pos_", "tag_", "dep_",
                    "ent_type_", "ent_iob_", "ent_id_", "is_title", "is_space", "is_punct", "like_num", "i")
TOKEN_SEQUENCES = ("children", "lefts", "rights", "subtree", "ancestors", "conjuncts")


def _handmade() -> Doc:
    """Two sentences, entities (one with an id), a coordination, a line break, and a crossing arc (non-projective:
    "talks" hangs on "held" across "yesterday"'s head), so that no model is needed."""
    words = ["Chile", "and", "Peru", "signed", "the", "Treaty", "of", "Lima", ".", "\n",
             "Talks", "were", "held", "yesterday", "that", "failed", "."]
    spaces = [True, True, True, True, True, True, True, False, True, False,
              True, True, True, True, True, False, False]
    heads = [3, 0, 0, 3, 5, 3, 5, 6, 3, 8, 12, 12, 12, 12, 15, 10, 12]
    deps = ["nsubj", "cc", "conj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "dep",
            "nsubjpass", "auxpass", "ROOT", "npadvmod", "nsubj", "relcl", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "DET", "PROPN", "ADP", "PROPN", "PUNCT", "SPACE",
           "NOUN", "AUX", "VERB", "NOUN", "PRON", "VERB", "PUNCT"]
    lemmas = ["Chile", "and", "Peru", "sign", "the", "Treaty", "of", "Lima", ".", "\n",
              "talk", "be", "hold", "yesterday", "that", "fail", "."]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-LAW", "I-LAW", "I-LAW", "I-LAW", "O", "O",
            "O", "O", "O", "B-DATE", "O", "O", "O"]
    sent_starts = [True] + [False] * 9 + [True] + [False] * 6
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              tags=[p[:2] for p in pos], ents=ents, sent_starts=sent_starts)
    doc[0].ent_id_ = "chile"
    return doc


def _same_tokens(theirs, ours) -> bool:
    return [t.i for t in theirs] == [t.i for t in ours] and all(isinstance(t, ParsedToken) for t in ours)


def _same_span(theirs, ours: ParsedSpan) -> bool:
    return isinstance(ours, ParsedSpan) and (theirs.start, theirs.end, theirs.start_char, theirs.end_char, theirs.text,
                                             theirs.label_, theirs.root.i) == \
        (ours.start, ours.end, ours.start_char, ours.end_char, ours.text, ours.label_, ours.root.i)


def _assert_same(doc: Doc) -> None:
    parsed = ParsedDoc(doc)
    assert parsed.text == doc.text and len(parsed) == len(doc)
    for theirs, ours in zip(doc, parsed):
        for name in TOKEN_ATTRIBUTES:
            assert getattr(ours, name) == getattr(theirs, name), (theirs.i, name)
        for name in TOKEN_SEQUENCES:
            assert _same_tokens(getattr(theirs, name), getattr(ours, name)), (theirs.i, name)
        assert (ours.head.i, ours.left_edge.i, ours.right_edge.i) == (theirs.head.i, theirs.left_edge.i, theirs.right_edge.i)
        assert _same_span(theirs.sent, ours.sent) and str(ours) == str(theirs)
    assert all(_same_span(a, b) for a, b in zip(doc.sents, parsed.sents)) and len(list(doc.sents)) == len(list(parsed.sents))
    assert [(e.start, e.label_, e.ent_id_) for e in doc.ents] == [(e.start, e.label_, e.ent_id_) for e in parsed.ents]
    assert all(_same_span(a, b) and _same_span(a.sent, b.sent) for a, b in zip(doc.ents, parsed.ents))
    for theirs, ours in zip(doc.sents, parsed.sents):
        assert [e.start for e in theirs.ents] == [e.start for e in ours.ents]


def test_parsed_doc_answers_as_spacy_on_a_handmade_parse():
    _assert_same(_handmade())


def test_parsed_doc_tokens_are_one_object_each_and_ordered_by_position():
    parsed = ParsedDoc(_handmade())
    # a token's children are held as a tuple (read a million times over the corpus), not made at each read
    assert parsed[3] is parsed[0].head and parsed[0] is parsed[3].children[0]
    assert sorted([parsed[5], parsed[2], parsed[12]]) == [parsed[2], parsed[5], parsed[12]]
    assert len({parsed[0], next(iter(parsed[0].sent.root.children))}) == 1


def test_parsed_doc_slices_compare_as_spacy_spans():
    doc, parsed = _handmade(), ParsedDoc(_handmade())
    assert parsed[4:8] == parsed[4:8] and parsed[4:8] != parsed[4:7] and len({parsed[4:8], parsed[4:8]}) == 1
    assert (parsed[4:8] == parsed.ents[2]) == (doc[4:8] == doc.ents[2])  # a label makes another span
    assert (parsed[4:8] < parsed.ents[2]) == (doc[4:8] < doc.ents[2])
    assert parsed[4:8].text == doc[4:8].text and parsed[4:8][-1] is parsed[7]
    assert _same_span(doc[5:12].sent, parsed[5:12].sent)  # across two sentences: spaCy's answer
    for theirs, ours in ((doc[2:9], parsed[2:9]), (doc[-3:], parsed[-3:]), (doc[7:3], parsed[7:3]),
                         (doc[10:17][1:-1], parsed[10:17][1:-1]), (doc.ents[2][1:], parsed.ents[2][1:])):
        assert (ours.start, ours.end, ours.start_char, ours.end_char, ours.text, ours.label_, ours.ent_id_) == \
            (theirs.start, theirs.end, theirs.start_char, theirs.end_char, theirs.text, theirs.label_, theirs.ent_id_)
        assert ours == parsed[theirs.start: theirs.end]


def test_parsed_doc_an_empty_slice_at_or_past_the_end_is_an_empty_span_at_the_end():
    # "the word after the phrase" of a phrase that ends the text: spaCy's own empty span there fails on its entity id
    doc = Doc(spacy.blank("en").vocab, words=["Peru", "signed"], spaces=[True, False], sent_starts=[True, False])
    parsed = ParsedDoc(doc)
    for ours, theirs in ((parsed[2:3], doc[2:3]), (parsed[1:1], doc[1:1])):
        assert (ours.start, ours.end, ours.start_char, ours.end_char, ours.text, ours.label_, ours.ent_id_) == \
            (theirs.start, theirs.end, theirs.start_char, theirs.end_char, theirs.text, "", "")


def test_parsed_doc_asks_spacy_what_it_does_not_hold_and_answers_with_its_own_tokens():
    parsed = ParsedDoc(_handmade())
    assert parsed[3].nbor(1) is parsed[4]
    assert parsed[3].is_ancestor(parsed[7]) and not parsed[7].is_ancestor(parsed[3])
    assert parsed.user_data == {} and parsed.user_data is not parsed.spacy_doc.user_data


@pytest.mark.slow
def test_parsed_doc_answers_as_spacy_on_a_parse_of_the_model(parse):
    _assert_same(parse("The talks in Geneva, which began in May 1972, did not end the war. Nixon and Brezhnev signed "
                       "the ABM Treaty and the Interim Agreement on 26 May, while critics argued that it would fail.\n\n"
                       "Neither side wished to resume testing until 1963."))

"""memo_rules.py: the memoised attribute ruler and lemmatizer leave a Doc exactly as the originals do.

The fast tests run both on hand-made Docs of a blank English pipeline with hand-made patterns and tables; the
slow one compares them inside the English model on invented text."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.lookups import Lookups
from spacy.tokens import Doc

from kg_builder.memo_rules import memo_attributes, memo_lemmas, memoise_rules

ANNOTATIONS = [POS, TAG, MORPH, LEMMA]


def _ruler_pipeline(patterns: list[dict]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "MORPH": "Number=Sing|Person=3"}},
    # a pair whose second word a later one-word rule overrides, and an earlier one that it overrides
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "AUX"}, "index": 1},
    {"patterns": [[{"LOWER": "was", "TAG": "VBD"}]], "attrs": {"POS": "VERB", "LEMMA": "be"}},
    {"patterns": [[{"LOWER": "well"}], [{"TAG": "UH"}]], "attrs": {"POS": "INTJ"}},
    {"patterns": [[{"LOWER": "well", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
]


def _doc(nlp: spacy.language.Language, words: list[str], tags: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def _docs(nlp: spacy.language.Language) -> list[Doc]:
    return [
        _doc(nlp, ["There", "is", "a", "treaty"], ["EX", "VBZ", "DT", "NN"], ["expl", "ROOT", "det", "attr"],
             [1, 1, 3, 1]),
        _doc(nlp, ["There", "was", "well", "a", "treaty"], ["EX", "VBD", "RB", "DT", "NN"],
             ["expl", "ROOT", "advmod", "det", "attr"], [1, 1, 1, 4, 1]),
        # the same words again, under other tags and labels: a kind is the word, its tag and its label together
        _doc(nlp, ["Well", ",", "it", "was", "a", "treaty", "well", "kept"],
             ["UH", ",", "PRP", "VBD", "DT", "NN", "RB", "VBN"],
             ["intj", "punct", "nsubj", "ROOT", "det", "attr", "advmod", "acl"], [3, 3, 3, 3, 5, 3, 7, 5]),
    ]


def test_memo_attributes_annotate_every_doc_as_the_ruler_does_in_its_order_of_rules() -> None:
    nlp = _ruler_pipeline(RULES)
    ruler = nlp.get_pipe("attribute_ruler")
    memo = memo_attributes(nlp, "memo", "attribute_ruler")
    for made, memoised in ((ruler(doc), memo(doc.copy())) for doc in _docs(nlp)):
        assert np.array_equal(made.to_array(ANNOTATIONS), memoised.to_array(ANNOTATIONS)), [t.text for t in made]
    there_was = memo(_docs(nlp)[1])
    assert [t.pos_ for t in there_was][:3] == ["", "VERB", "ADV"]  # the later one-word rule wins over the pair
    assert there_was[1].lemma_ == "be"


def test_memoise_rules_disables_the_ruler_it_stands_in_for() -> None:
    nlp = _ruler_pipeline(RULES)
    memoise_rules(nlp)
    assert nlp.pipe_names == ["kg_memo_attributes_attribute_ruler"]
    assert nlp.disabled == ["attribute_ruler"]
    assert nlp(_docs(nlp)[0])[3].pos_ == "NOUN"


def test_memoise_rules_leaves_a_ruler_whose_one_word_patterns_read_more_than_word_tag_and_label() -> None:
    # what a word's entity type or part of speech is, the memo's key does not say
    nlp = _ruler_pipeline(RULES + [{"patterns": [[{"ENT_TYPE": "GPE"}]], "attrs": {"POS": "PROPN"}}])
    memoise_rules(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def _lemmatizer_pipeline(overwrite: bool = False) -> spacy.language.Language:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": overwrite})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["ies", "y"], ["s", ""]], "verb": [["ed", ""], ["ed", "e"], ["s", ""]]})
    lookups.add_table("lemma_index", {"noun": ["party", "treaty", "state"], "verb": ["sign", "agree", "ratify"]})
    lookups.add_table("lemma_exc", {"verb": {"went": ["go"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def _tagged(nlp: spacy.language.Language, words: list[str], pos: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, pos=pos)


LEMMA_DOCS = [
    (["States", "signed", "treaties"], ["NOUN", "VERB", "NOUN"]),
    (["Parties", "agreed", "and", "went"], ["NOUN", "VERB", "CCONJ", "VERB"]),
    (["signed", "states", "signs", "Treaties", "Paris"], ["VERB", "NOUN", "VERB", "PROPN", "PROPN"]),
    (["treaties", "agreed", "ratified"], ["VERB", "ADJ", "VERB"]),
]


@pytest.mark.parametrize("overwrite", [False, True])
def test_memo_lemmas_are_the_lemmatizers_own_and_keep_a_lemma_set_before_unless_told_to_overwrite(
        overwrite: bool) -> None:
    nlp = _lemmatizer_pipeline(overwrite)
    lemmatizer = nlp.get_pipe("lemmatizer")
    memo = memo_lemmas(nlp, "memo", "lemmatizer")
    for words, pos in LEMMA_DOCS:
        doc = _tagged(nlp, words, pos)
        doc[0].lemma_ = "set before"
        made, memoised = lemmatizer(doc.copy()), memo(doc.copy())
        assert [t.lemma_ for t in made] == [t.lemma_ for t in memoised]
        assert (memoised[0].lemma_ == "set before") is not overwrite
    assert [t.lemma_ for t in memo(_tagged(nlp, *LEMMA_DOCS[1]))] == ["party", "agree", "and", "go"]


def test_memo_lemmas_leave_the_lemmatizers_tables_as_they_were() -> None:
    nlp = _lemmatizer_pipeline()
    memo = memo_lemmas(nlp, "memo", "lemmatizer")
    for words, pos in LEMMA_DOCS:
        memo(_tagged(nlp, words, pos))
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index.get("noun") == ["party", "treaty", "state"]


def test_memoise_rules_leaves_a_lemmatizer_of_a_mode_it_does_not_know() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer")._mode = "by_neural_net"  # as a lemmatizer subclass of another kind would say
    memoise_rules(nlp)
    assert nlp.pipe_names == ["lemmatizer"]


@pytest.mark.slow
def test_memo_rules_annotate_the_english_model_s_words_as_its_own_components_do(pipeline) -> None:
    from kg_builder.nlp import load_model

    assert {"attribute_ruler", "lemmatizer"} <= set(pipeline.nlp.disabled)  # the build's pipeline has them
    stock, memoised = load_model(), load_model()
    memoise_rules(memoised)
    text = ("There was no treaty. Well, the envoys weren't gonna sign it: they'd met twice, and the ministers "
            "said there are talks to come. Let's see whether the islands' councils ratify what was agreed.\n"
            "Were they right? Ms. Ortega's delegation thought so; it wasn't, and the talks broke down in 2031.")
    for made, memo in zip(stock.pipe([text, text.upper(), text]), memoised.pipe([text, text.upper(), text])):
        assert np.array_equal(made.to_array(ANNOTATIONS), memo.to_array(ANNOTATIONS))

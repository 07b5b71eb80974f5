"""extract/agreements.py's reading of names on hand-made parses (no model): where a short name in brackets goes."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from kg_builder.extract.agreements import _governor, _same_name, _short_name, _to_closing_quote
from kg_builder.lexicon import load_lexicon

VOCAB = spacy.blank("en").vocab


def doc_of(words: list[str], dates: set[int] = frozenset()) -> Doc:
    # every word hangs on the first treaty, as the parser hangs a list's brackets
    heads = [0] * len(words)
    return Doc(VOCAB, words=words, heads=heads, deps=["ROOT"] + ["dep"] * (len(words) - 1),
               ents=[("B-DATE" if i in dates else "O") for i in range(len(words))])


def test_agreement_names_a_bracket_right_after_the_name_or_its_year_is_its_short_name() -> None:
    doc = doc_of(["Treaty", "(", "AT", ")", "of", "1968", ",", "and", "the", "Pact", "of", "1991", "(", "PP", "II", ")"],
                 dates={5, 11})
    assert _short_name(doc[0]) == "AT"
    assert _short_name(doc[9]) == "PP II"


def test_agreement_names_a_bracket_after_other_words_or_in_lower_case_is_no_short_name() -> None:
    doc = doc_of(["Treaty", "with", "Peru", "(", "AT", ")", "and", "Pact", "(", "see", "below", ")"])
    assert _short_name(doc[0]) is None
    assert _short_name(doc[7]) is None


@pytest.mark.parametrize("dep", ["attr", "npadvmod"])
def test_agreement_names_a_treaty_misparsed_under_a_status_verb_is_its_object(dep: str) -> None:
    # the small model hangs a sentence-final "Pact I." on "ratified" as an attribute or adverb, not as an object
    doc = Doc(VOCAB, words=["Peru", "ratified", "Pact", "I."], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "compound", dep], lemmas=["Peru", "ratify", "Pact", "I."])
    ctx = SimpleNamespace(triggers=load_lexicon().triggers)
    assert _governor(ctx, doc[3]) == (doc[1], "Signed")


def test_agreement_names_a_noun_phrase_beside_the_object_of_a_status_verb_is_not_its_object() -> None:
    doc = Doc(VOCAB, words=["Peru", "ratified", "it", "Pact", "I."], heads=[1, 1, 1, 4, 1],
              deps=["nsubj", "ROOT", "dobj", "compound", "npadvmod"], lemmas=["Peru", "ratify", "it", "Pact", "I."])
    ctx = SimpleNamespace(triggers=load_lexicon().triggers)
    assert _governor(ctx, doc[4]) == (None, None)


@pytest.mark.parametrize("name, known", [
    ("Quito Plan", "Quito Plan of Union"),  # less its "of" phrase
    ("Rome Declaration", "Rome Declaration on Peace and Cooperation"),  # or its "on" phrase
    ("Treaty of Nanjing", "Anglo-Chinese Treaty of Nanjing"),  # less the parties in front
    ("Gadsden’s Purchase", "Gadsden Purchase"),  # with or without a possessive
    ("Gadsden Purchase", "Gadsden's Purchase"),
])
def test_agreement_names_the_same_name_written_shorter_or_otherwise(name: str, known: str) -> None:
    assert _same_name(name, known)


@pytest.mark.parametrize("name, known", [
    ("Treaty of Paris", "Second Treaty of Paris"),  # another treaty, made later
    ("Treaty of Lima", "Treaty of Quito"),
    ("Peace Treaty", "Japanese Peace Treaty"),
])
def test_agreement_names_another_name_is_another_treaty(name: str, known: str) -> None:
    assert not _same_name(name, known)


def test_agreement_names_a_name_cut_inside_quotation_marks_runs_on_to_the_closing_one() -> None:
    words = ["signed", "the", "\u201c", "Founding", "Act", "on", "Relations", "between", "Chile", "and", "Peru", ",",
             "\u201d", "which", "lapsed", "."]
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    assert [t.text for t in _to_closing_quote(list(doc[1:5]))] == words[1:12]
    # a name with both its marks, or none, stays as it is
    assert _to_closing_quote(list(doc[3:5])) == list(doc[3:5])
    assert _to_closing_quote(list(doc[2:13])) == list(doc[2:13])

"""extract/agreements.py's reading of names on hand-made parses (no model): where a short name in brackets goes."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg_builder.extract.agreements import _short_name

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

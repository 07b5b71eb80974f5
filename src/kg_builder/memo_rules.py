"""spaCy's attribute ruler and lemmatizer, asked once per kind of token instead of once per token.

Both are rules over a token's own attributes, yet spaCy runs them token by token in Python: on an English
pipeline they take about a sixth of the parse's CPU, nearly as much as all of kg_builder's rules. A memoised
component stands in for each (the original stays in the pipeline, disabled, and its rules are asked about each
kind of token the first time it is met), so a Doc ends with the same annotations as before, for about a third
of the CPU. Anything the memo cannot answer exactly (a pattern over context it does not key on, a lemmatizer of
another kind) keeps the original component running.
"""
from __future__ import annotations

import copy
from typing import Callable

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# what a one-token pattern may test for its answer to follow from the token's text, tag and dependency label
_KEYED_ON_TEXT_TAG_DEP = frozenset({
    "ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET", "IS_QUOTE",
    "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "TAG", "DEP",
})
_LEMMATIZER_MODES = frozenset({"lookup", "rule", "pos_lookup"})  # each reads only the text, POS and morphology


def memoise_rules(nlp: Language) -> None:
    """Put a memoised twin in place of each attribute ruler and lemmatizer of `nlp` that one can stand in for."""
    for name, component in list(nlp.pipeline):
        if isinstance(component, AttributeRuler) and _one_token_patterns_keyed(component):
            memo = "kg_memo_attributes"
        elif isinstance(component, Lemmatizer) and component.mode in _LEMMATIZER_MODES:
            memo = "kg_memo_lemmas"
        else:
            continue
        nlp.add_pipe(memo, name=f"{memo}_{name}", after=name, config={"source": name})
        nlp.disable_pipe(name)


def _one_token_patterns_keyed(ruler: AttributeRuler) -> bool:
    return all(set(token) <= _KEYED_ON_TEXT_TAG_DEP
               for spec in ruler.patterns for pattern in spec["patterns"] if _is_one_token(pattern)
               for token in pattern)


def _is_one_token(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0]


@Language.factory("kg_memo_attributes", default_config={"source": "attribute_ruler"})
def memo_attributes(nlp: Language, name: str, source: str) -> Callable[[Doc], Doc]:
    return _MemoAttributes(nlp.get_pipe(source))


@Language.factory("kg_memo_lemmas", default_config={"source": "lemmatizer"})
def memo_lemmas(nlp: Language, name: str, source: str) -> Callable[[Doc], Doc]:
    return _MemoLemmas(nlp.get_pipe(source))


class _MemoAttributes:
    """The ruler's one-token patterns matched once per (text, tag, dependency), its longer ones on the whole Doc;
    the matches go to the ruler's own `set_annotations` in the order it would apply them itself."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.one_token = Matcher(ruler.vocab)
        self.longer = Matcher(ruler.vocab)
        for attr_id, spec in enumerate(ruler.patterns):  # the ruler keys pattern i by the string "i"
            short = [p for p in spec["patterns"] if _is_one_token(p)]
            long = [p for p in spec["patterns"] if not _is_one_token(p)]
            for matcher, patterns in ((self.one_token, short), (self.longer, long)):
                if patterns:
                    matcher.add(str(attr_id), patterns)
        self.kinds: dict[tuple[int, int, int], list[tuple[int, int]]] = {}  # (text, tag, dep): (pattern, key)s

    def __call__(self, doc: Doc) -> Doc:
        kinds = [tuple(kind) for kind in doc.to_array([ORTH, TAG, DEP]).tolist()]
        self._learn(doc, kinds)
        matches = self._numbered(self.longer(doc, allow_missing=True, as_spans=False))
        matches += [(attr_id, key, i, i + 1) for i, kind in enumerate(kinds) for attr_id, key in self.kinds[kind]]
        matches.sort()  # as the ruler sorts its own: a later pattern overrides an earlier one
        self.ruler.set_annotations(doc, matches)
        return doc

    def _learn(self, doc: Doc, kinds: list[tuple[int, int, int]]) -> None:
        """Match the kinds of token not met before, each once, as the words of a Doc of their own: a one-token
        pattern reads nothing but its token."""
        new = list({kind: None for kind in kinds if kind not in self.kinds})
        if not new:
            return
        words = Doc(self.ruler.vocab, words=[self.ruler.vocab.strings[orth] for orth, _tag, _dep in new])
        words.from_array([TAG, DEP], np.array([kind[1:] for kind in new], dtype="uint64"))
        for kind in new:
            self.kinds[kind] = []
        for attr_id, key, start, _end in self._numbered(self.one_token(words, allow_missing=True, as_spans=False)):
            self.kinds[new[start]].append((attr_id, key))

    def _numbered(self, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
        return [(int(self.ruler.vocab.strings[key]), key, start, end) for key, start, end in matches]


class _MemoLemmas:
    """The lemmatizer's lemma for each (text, part of speech, morphology) asked once and then remembered."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.asked = _with_word_sets(lemmatizer)
        self.kinds: dict[tuple[int, int, int], int] = {}
        self.checked = False

    def __call__(self, doc: Doc) -> Doc:
        if not self.checked:  # the original checks its lookup tables on its first Doc, and says what is missing
            self.checked = True
            return self.lemmatizer(doc)
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        keep = not self.lemmatizer.overwrite
        lemmas = [lemma if keep and lemma else self._lemma(doc, i, (orth, pos, morph))
                  for i, (orth, pos, morph, lemma) in enumerate(rows)]
        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def _lemma(self, doc: Doc, i: int, kind: tuple[int, int, int]) -> int:
        lemma = self.kinds.get(kind)
        if lemma is None:
            lemma = self.kinds[kind] = doc.vocab.strings.add(self.asked.lemmatize(doc[i])[0])
        return lemma


def _with_word_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of `lemmatizer` whose lists of known words are sets: for each suffix rule that fits, it asks whether
    the word it makes is known, a scan of up to 57,528 nouns in a list (its tables are otherwise shared)."""
    twin = copy.copy(lemmatizer)
    twin.lemmatize = getattr(twin, f"{twin.mode}_lemmatize")  # spaCy binds it to the instance it makes
    twin.cache = {}
    twin.lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name, {pos: frozenset(words) for pos, words in table.items()})
        twin.lookups.set_table(name, table)
    return twin

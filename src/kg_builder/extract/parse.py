"""The parse as plain Python objects, read out of spaCy once per document.

The rules read a token's words, labels, head and children many thousand times a
document. Each such read of spaCy's own objects makes a new Python object
(``token.head`` about 0.75 µs, ``token.children`` a generator that scans the whole
subtree, about 2.6 µs; ``token.pos_`` 0.2 µs), which was about 40% of the extraction's
CPU. Here each token is one object made once, with those as plain attributes.

``ParsedDoc``, ``ParsedSpan`` and ``ParsedToken`` answer as spaCy's ``Doc``, ``Span`` and
``Token`` do, with the same values, order and equality; what they do not hold they ask
spaCy, and what spaCy answers is given back in their terms (a token as this doc's token).
"""
from __future__ import annotations

import collections
import gc
from contextlib import contextmanager
from functools import total_ordering
from typing import Any, Iterator

from spacy.attrs import (DEP, ENT_ID, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, LOWER,
                         ORTH, POS, SPACY, TAG)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token
from spacy.util import normalize_slice

# the attributes read off spaCy's array of the document: strings by their hash, flags as 0 or 1
_STRINGS = {"text": ORTH, "lower_": LOWER, "lemma_": LEMMA, "tag_": TAG, "dep_": DEP, "ent_type_": ENT_TYPE,
            "ent_id_": ENT_ID}
# (the rarer flags, ``like_num`` or ``is_alpha``, are asked of spaCy)
_FLAGS = {"is_title": IS_TITLE, "is_space": IS_SPACE, "is_upper": IS_UPPER, "is_punct": IS_PUNCT}
# a string's hash is the same in every vocabulary: what was looked up once is known for every document after
_NAMES: dict[int, str] = {}
_COLUMNS = (*_STRINGS.values(), *_FLAGS.values(), POS, ENT_IOB, HEAD, IDX, SPACY)
_IOB = ("", "I", "O", "B")  # spaCy's Token.iob_strings()


@total_ordering
class ParsedToken:
    """A token of a ``ParsedDoc``: one object per position, so that ``==`` and ``hash`` are identity."""

    __slots__ = ("doc", "i", "text", "whitespace_", "idx", "lower_", "lemma_", "pos_", "tag_", "dep_",
                 "ent_type_", "ent_iob_", "ent_id_", "is_title", "is_space", "is_upper", "is_punct", "head", "children",
                 "_edges", "_subtree", "_conjuncts")  # the last three: worked out when first asked

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __len__(self) -> int:
        return len(self.text)

    def __lt__(self, other: ParsedToken) -> bool:
        return self.i < other.i

    __eq__, __hash__ = object.__eq__, object.__hash__

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def lefts(self) -> Iterator[ParsedToken]:
        return (c for c in self.children if c.i < self.i)

    @property
    def rights(self) -> Iterator[ParsedToken]:
        return (c for c in self.children if c.i > self.i)

    @property
    def n_lefts(self) -> int:
        return sum(1 for c in self.children if c.i < self.i)

    @property
    def n_rights(self) -> int:
        return sum(1 for c in self.children if c.i > self.i)

    @property
    def subtree(self) -> Iterator[ParsedToken]:
        """In spaCy's order: the left children's subtrees, the token, the right children's subtrees."""
        if self._subtree is None:
            found: list[ParsedToken] = []
            self._collect(found)
            self._subtree = tuple(found)
        return iter(self._subtree)

    def _collect(self, found: list[ParsedToken]) -> None:
        for child in self.children:
            if child.i < self.i:
                child._collect(found)
        found.append(self)
        for child in self.children:
            if child.i > self.i:
                child._collect(found)

    @property
    def ancestors(self) -> Iterator[ParsedToken]:
        node = self
        while node.head is not node:
            node = node.head
            yield node

    def is_ancestor(self, descendant: ParsedToken) -> bool:
        return any(a is self for a in descendant.ancestors)

    @property
    def left_edge(self) -> ParsedToken:
        return self.doc.tokens[self._edge_indices()[0]]

    @property
    def right_edge(self) -> ParsedToken:
        return self.doc.tokens[self._edge_indices()[1]]

    def _edge_indices(self) -> tuple[int, int]:
        """The first and last positions of the subtree (spaCy keeps the same, and makes a token for each)."""
        if self._edges is None:
            positions = [t.i for t in self.subtree]
            self._edges = (min(positions), max(positions))
        return self._edges

    @property
    def conjuncts(self) -> tuple[ParsedToken, ...]:
        if self._conjuncts is None:
            self._conjuncts = self._coordinated()
        return self._conjuncts

    def _coordinated(self) -> tuple[ParsedToken, ...]:
        """As spaCy's ``conjuncts``: from the first conjunct, every "conj" among the right children, breadth first."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue, found = [start], [start]
        for word in queue:
            for child in word.children:
                if child.i > word.i and child.dep_ == "conj":
                    found.append(child)
                    queue.append(child)
        return tuple(w for w in found if w is not self)

    @property
    def sent(self) -> ParsedSpan:
        return self.doc.sentence_at(self.i)

    def __getattr__(self, name: str) -> Any:
        return self.doc.wrap(getattr(self.doc.spacy_doc[self.i], name))


@total_ordering
class ParsedSpan:
    """A span of a ``ParsedDoc``: its sentences, its entities, its slices."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char", "label_", "ent_id_", "_span", "_root")

    def __init__(self, doc: ParsedDoc, start: int, end: int, span: Span | None = None) -> None:
        """A slice of tokens (no label, no id; spaCy's own span is made only when asked for), or spaCy's ``span``."""
        self.doc, self.start, self.end, self._span, self._root = doc, start, end, span, None
        if span is None and start < end:
            last = doc.tokens[end - 1]
            self.start_char, self.end_char, self.label_, self.ent_id_ = \
                doc.tokens[start].idx, last.idx + len(last.text), "", ""
        elif span is None:  # an empty slice ("the word after the last"): spaCy's own fails on its id past the end
            at = doc.tokens[start].idx if start < len(doc.tokens) else len(doc.text)
            self.start_char, self.end_char, self.label_, self.ent_id_ = at, at, "", ""
        else:
            span = self.span
            self.start_char, self.end_char, self.label_, self.ent_id_ = \
                span.start_char, span.end_char, span.label_, span.ent_id_

    @property
    def span(self) -> Span:
        """spaCy's own span."""
        if self._span is None:
            self._span = self.doc.spacy_doc[self.start: self.end]
        return self._span

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.doc.tokens[self.start: self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, i: int | slice) -> ParsedToken | ParsedSpan:
        if isinstance(i, slice):
            start, end = normalize_slice(len(self), i.start, i.stop, i.step)
            return ParsedSpan(self.doc, self.start + start, self.start + end)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"index {i} out of a span of {len(self)} tokens")
        return self.doc.tokens[self.start + i]

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ParsedSpan) and self.span == other.span

    def __lt__(self, other: ParsedSpan) -> bool:
        return self.span < other.span

    def __hash__(self) -> int:
        return hash(self.span)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char: self.end_char]

    @property
    def root(self) -> ParsedToken:
        if self._root is None:  # spaCy works it out again at every call
            self._root = self.doc.tokens[self.span.root.i]
        return self._root

    @property
    def ents(self) -> list[ParsedSpan]:
        """The document's entities that fall within the span (as spaCy's ``Span.ents``)."""
        return [e for e in self.doc.ents if self.start <= e.start and e.end <= self.end]

    @property
    def sent(self) -> ParsedSpan:
        """The sentence it lies in; a span across sentences gets spaCy's answer (from the first one's start to the
        last one's end)."""
        if len(self):
            sentence = self.doc.sentence_at(self.start)
            if self.end <= sentence.end:
                return sentence
        return self.doc.wrap(self.span.sent)

    def __getattr__(self, name: str) -> Any:
        return self.doc.wrap(getattr(self.span, name))


class ParsedDoc:
    """A parsed document: its tokens, sentences and entities, read once from the spaCy ``Doc``."""

    def __init__(self, doc: Doc) -> None:
        self.spacy_doc = doc
        self.user_data: dict = {}  # the rules' own indexes, kept for this reading of the document
        self.tokens = _tokens(self, doc)
        self.text = "".join([t.text + t.whitespace_ for t in self.tokens])  # as spaCy's, which makes a Token a word
        self._sents = [ParsedSpan(self, s.start, s.end, s) for s in doc.sents]
        self._owner = [0] * len(doc)
        for n, sent in enumerate(self._sents):
            self._owner[sent.start: sent.end] = [n] * (sent.end - sent.start)
        self.ents = tuple(ParsedSpan(self, e.start, e.end, e) for e in doc.ents)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.tokens)

    def __getitem__(self, i: int | slice) -> ParsedToken | ParsedSpan:
        if isinstance(i, slice):
            return ParsedSpan(self, *normalize_slice(len(self), i.start, i.stop, i.step))
        return self.tokens[i]

    @property
    def sents(self) -> Iterator[ParsedSpan]:
        return iter(self._sents)

    def sentence_at(self, i: int) -> ParsedSpan:
        return self._sents[self._owner[i]]

    def wrap(self, value: Any) -> Any:
        """spaCy's answer in this doc's terms: its tokens and spans as ours, sequences of them too."""
        if isinstance(value, Token):
            return self.tokens[value.i]
        if isinstance(value, Span):
            return ParsedSpan(self, value.start, value.end, value)
        if isinstance(value, Doc):
            return self if value is self.spacy_doc else value
        if isinstance(value, (list, tuple)):
            return type(value)(self.wrap(v) for v in value)
        if callable(value):
            return lambda *args, **kwargs: self.wrap(value(*map(_unwrapped, args),
                                                           **{k: _unwrapped(v) for k, v in kwargs.items()}))
        if hasattr(value, "__next__"):  # a generator of tokens (``nbor``'s kin)
            return (self.wrap(v) for v in value)
        return value

    def __getattr__(self, name: str) -> Any:
        return self.wrap(getattr(self.spacy_doc, name))


def _unwrapped(value: Any) -> Any:
    if isinstance(value, ParsedToken):
        return value.doc.spacy_doc[value.i]
    if isinstance(value, ParsedSpan):
        return value.span
    if isinstance(value, ParsedDoc):
        return value.spacy_doc
    return value


def _tokens(owner: ParsedDoc, doc: Doc) -> list[ParsedToken]:
    """Every token's columns in one array read, each distinct string looked up once, set column by column
    (``map`` over whole columns: no Python loop a token); heads and children linked."""
    n = len(doc)
    if not n:
        return []
    array = doc.to_array(list(_COLUMNS))
    columns = dict(zip(_COLUMNS, array.T.tolist()))
    strings = doc.vocab.strings

    def words(column: list[int]) -> list[str]:
        for key in set(column).difference(_NAMES):
            _NAMES[key] = strings[key]
        return list(map(_NAMES.__getitem__, column))

    values = {name: words(columns[attr]) for name, attr in _STRINGS.items()}
    values.update({name: list(map(bool, columns[attr])) for name, attr in _FLAGS.items()})
    values.update(doc=[owner] * n, i=range(n), idx=columns[IDX], pos_=list(map(POS_NAMES.__getitem__, columns[POS])),
                  ent_iob_=list(map(_IOB.__getitem__, columns[ENT_IOB])),
                  whitespace_=list(map(("", " ").__getitem__, columns[SPACY])), _edges=[None] * n,
                  _subtree=[None] * n, _conjuncts=[None] * n)
    # thousands of new objects, all alive as long as the document: a collection among them finds nothing to free
    # (making the views of the corpus's documents: 0.80-1.10 s of CPU with the collector on, 0.60-0.88 s paused)
    with _collector_paused():
        tokens = [ParsedToken() for _ in range(n)]
        for name, column in values.items():
            collections.deque(map(_SETTERS[name], tokens, column), maxlen=0)
        # the array is unsigned: a head to the left is 2**64 less its distance, which a signed reading makes negative
        heads = list(map(tokens.__getitem__, (array[:, _COLUMNS.index(HEAD)].astype("int64") + range(n)).tolist()))
        collections.deque(map(_SETTERS["head"], tokens, heads), maxlen=0)
        children: list[list[ParsedToken]] = [[] for _ in range(n)]
        for token, head in zip(tokens, heads):
            if head is not token:
                children[head.i].append(token)
        # a tuple, not spaCy's generator: read a million times over the corpus, a property making an iterator each time
        # cost more than the loops over it (every caller only iterates, as over spaCy's)
        collections.deque(map(_SETTERS["children"], tokens, map(tuple, children)), maxlen=0)
    return tokens


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off inside (unless it was off already), on again after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_SETTERS = {name: getattr(ParsedToken, name).__set__ for name in ParsedToken.__slots__}

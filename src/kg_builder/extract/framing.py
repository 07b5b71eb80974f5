"""Matching predications to frames: which frames a predicate evokes, and the tokens that fill a property.

Matching is kept apart from building facts: an extractor asks which frames of
a class a sentence evokes and gets, for each, the tokens of each property; what
it makes of them is its own business.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from spacy.tokens import Span, Token

from ..frames import ROLE_NAMES, Frame, Frames
from .clauses import (Predication, description_predication, framed, noun_predication, open_question, received,
                      secondary_predicate, unfolded, verb_predication)
from .tokens import subjects, verb_lemmas


@dataclass(frozen=True)
class FrameMatch:
    frame: Frame
    predication: Predication
    preposition: str = ""  # the preposition of a phrasal predicate ("insist on"): its object comes first
    carriers: tuple[Token, ...] = ()  # the subject of a recognizing verb that carries the noun ("X saw the need")

    def fillers(self, prop: str) -> list[Token]:
        """The tokens of the first argument named for `prop` that the clause has."""
        return next((tokens for _, tokens in self.candidates(prop) if tokens), [])

    def candidates(self, prop: str) -> Iterator[tuple[str, list[Token]]]:
        """Every argument named for `prop`, in the frame's order, with its tokens (for callers that must skip some)."""
        if self.preposition and prop == "concerns":
            yield self.preposition, list(self.predication.oblique(self.preposition))
        for name in self.frame.fillers(prop):
            yield name, list(self._argument(name))

    def _argument(self, name: str) -> tuple[Token, ...]:
        pred = self.predication
        if name in ROLE_NAMES:
            if name == "carrier":
                return self.carriers
            return {"agent": pred.agents, "theme": pred.themes, "recipient": pred.recipients,
                    "clause": _asserting(pred.clauses), "infinitive": _asserting(pred.infinitives),
                    "proposition": pred.propositions, "itself": (pred.head,), "occasion": pred.occasions}[name]
        return pred.oblique(name)


def _asserting(clauses: tuple[Token, ...]) -> tuple[Token, ...]:
    """A frame's clause is what its holder wants or holds: never one that asks ("decided whether to ...")."""
    return tuple(c for c in clauses if not open_question(c))


def matches(sent: Span, frames: Frames, fact_class: str) -> list[FrameMatch]:
    """Every frame of `fact_class` that a predicate of the sentence evokes."""
    return [match for match in _sentence_matches(sent, frames) if match.frame.fact_class == fact_class]


def _sentence_matches(sent: Span, frames: Frames) -> tuple[FrameMatch, ...]:
    """Every frame the sentence evokes, in token order, kept on the Doc: the rules of each fact class ask in turn."""
    kept = sent.doc.user_data.setdefault("kg_frame_matches", {})
    key = (sent.start, sent.end, id(frames))
    if key not in kept:
        kept[key] = tuple(match for token in sent for match in _evoked(token, frames))
    return kept[key]


_CATEGORIES = {"VERB": "verb", "NOUN": "noun", "ADJ": "adjective"}  # the frames' word classes, by part of speech


def _predicative_phrase(noun: Token) -> bool:
    """"at odds": a noun in a phrase that a linking verb says of its subject."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "at" \
        and noun.head.head.lemma_.lower() in ("be", "remain", "stay", "find", "seem", "appear")


def _evoked(token: Token, frames: Frames) -> list[FrameMatch]:
    category = _CATEGORIES.get(token.pos_)
    if category is None:
        return []
    lemma = token.lemma_.lower()
    if category == "verb" and _participle_adjective(token, frames):
        category, lemma = "adjective", token.lower_  # "entered the talks determined to win", "was determined to"
    if category == "verb":
        return [] if _act_of_stance_adjective(token, frames) else _verb_matches(token, lemma, frames)
    if category == "noun" and _predicative_phrase(token) and frames.evoked("adjective", token.lower_):
        category, lemma = "adjective", token.lower_  # "X and Y remained at odds over Z": said of the subject
    if category == "noun" and frames.evoked("agent_noun", lemma):
        return [FrameMatch(f, description_predication(token, "agent_noun")) for f in frames.evoked("agent_noun", lemma)]
    found = frames.evoked(category, lemma)
    if not found:
        return []
    if category == "noun":
        pred = noun_predication(token, frames.stance_light_verbs, frames.complement_verbs, frames.adjunct_prepositions,
                                frames.object_control)
        pred = framed(pred, frames.framing_prepositions, frames.adjunct_prepositions,
                      backing=any(f.stance == "Supports" for f in found))
        pred = unfolded(received(pred, frames.receiving_verbs, frames.object_control), frames.unfolding_verbs)
        if any(c.dep_ == "amod" and c.lower_ in frames.contrasting_modifiers for c in token.children):
            # "X and Y held different views of Z": a rift over Z, no stance they share
            about = replace(pred, obliques=tuple(("about" if p == "of" else p, o) for p, o in pred.obliques))
            return [FrameMatch(f, about) for f in frames.frames if f.fact_class == "Disagreement"]
        recognized = pred.support is not None and pred.support.lemma_.lower() in frames.recognizing_verbs
        return [FrameMatch(f, pred, carriers=tuple(subjects(pred.support)) if recognized else ()) for f in found]
    return [FrameMatch(f, description_predication(token)) for f in found]


def _participle_adjective(verb: Token, frames: Frames) -> bool:
    """A past participle that is a stance adjective ("determined", "opposed"): no passive with a doer, and no perfect
    ("had opposed the quota", "had convinced Japan to sign"); or such a word the tagger took for a past tense that
    has no subject of its own ("took office determined to X", "came into office convinced that X")."""
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and secondary_predicate(verb)
    return participle and bool(frames.evoked("adjective", verb.lower_)) and not any(
        c.dep_ == "agent" or c.dep_ == "aux" and c.lower_ in ("have", "has", "had", "having") for c in verb.children)


def _act_of_stance_adjective(verb: Token, frames: Frames) -> bool:
    """"were interested in granting concessions": the adjective's frame reads the act, which is wanted, not done."""
    return verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "ADJ" \
        and bool(frames.evoked("adjective", verb.head.head.lower_))


def _completes(verb: Token, taken: Token) -> bool:
    """"In fact, she believed ...": a phrase set before the verb frames the clause and is no part of a phrasal verb,
    unless its object is a relative pronoun ("the cause in which she believed")."""
    return taken.i > verb.i or taken.tag_ in ("WDT", "WP")


def _verb_matches(verb: Token, lemma: str, frames: Frames) -> list[FrameMatch]:
    """A phrasal predicate ("call for", "rule out", "push back against") wins over the plain verb; a verb with a
    particle takes a preposition only after the particle ("pushed back against X for Y" does not push for Y)."""
    pred = verb_predication(verb, frames.object_control)
    for base in verb_lemmas(verb):
        verb_words = f"{base} {pred.particle}" if pred.particle else base
        # the longest first: "spoke out against X" is against X, where "spoke out" alone protests what occasioned it
        for preposition, taken in (*pred.obliques, *pred.object_phrases()):
            phrasal = frames.evoked("verb", f"{verb_words} {preposition}") if _completes(verb, taken) else []
            if phrasal:
                if not pred.oblique(preposition):  # the parser hung the phrase on the object
                    pred = replace(pred, obliques=pred.obliques + pred.object_phrases())
                return [FrameMatch(f, pred, preposition) for f in phrasal]
        if pred.particle and frames.evoked("verb", verb_words):
            return [FrameMatch(f, pred) for f in frames.evoked("verb", verb_words)]
        if frames.evoked("verb", base) and not pred.particle:
            return [FrameMatch(f, pred) for f in frames.evoked("verb", base)]
    return []

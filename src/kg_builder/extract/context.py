"""State shared by the extractors while they read one document in order."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SentSpan, Token

from ..frames import Frames
from ..lexicon import Lexicon
from ..timex import Interval
from ..model import (Agreement, Disagreement, Document, Event, Evidence, Factuality, Position, Relation, Span,
                     TimeValue)
from .entities import Registry
from .factuality import Cues, Reading, read
from .tokens import sentence_bounds


@dataclass(frozen=True)
class UnplacedTitle:
    """"President Ruiz": a title the text gives with no state or body (read by ``relations.home_titles``)."""

    person: str
    title: str
    evidence: Evidence


@dataclass
class Context:
    document: Document
    doc: Doc
    lexicon: Lexicon
    registry: Registry
    cues: Cues
    frames: Frames
    anchor: TimeValue | None = None  # the story's time: what a month with no year falls in
    recent: TimeValue | None = None  # the last time a clause named, a look back included: what "at that time" is
    # the story's time before a paragraph that looks back (``events.open_paragraph``), taken up again after it
    resumes: tuple[TimeValue] | None = None
    paragraph_time: TimeValue | None = None  # the story's time as its paragraph first set it (``advance_anchor``)
    written: TimeValue | None = None  # the time of writing a news dateline gives, when the document gives none
    dates: dict[int, Interval] = field(default_factory=dict)  # the current sentence's dates, by token
    events: dict[str, Event] = field(default_factory=dict)
    event_at: dict[int, str] = field(default_factory=dict)  # trigger token -> event key
    agreements: list[Agreement] = field(default_factory=list)
    last_seen: dict[str, int] = field(default_factory=dict)  # agreement key -> offset of its latest mention
    agreement_at: dict[int, str] = field(default_factory=dict)  # mention token -> agreement key
    # the agreement whose provisions the text is listing ("Under the accord, X would ..."), and where that sentence ends
    provisions_of: tuple[str, int] | None = None
    positions: list[Position] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    unplaced_titles: list[UnplacedTitle] = field(default_factory=list)
    readings: dict[int, Reading] = field(default_factory=dict)  # trigger token -> its cues (``reading``)
    # the lexicon's triggers, as a plain attribute: the rules read it ~4,000 times a document
    triggers: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.triggers = self.lexicon.triggers

    def evidence(self, sent: SentSpan, extractor: str, confidence: float) -> Evidence:
        begin, end = sentence_bounds(sent)
        return Evidence(Span(begin, end, self.document.text[begin:end]), extractor, round(confidence, 2))

    def reading(self, trigger: Token) -> Reading:
        """What the cues say of the trigger: read once a token (the parse and the cues do not change), since several
        rules ask of the same verb."""
        found = self.readings.get(trigger.i)
        if found is None:
            found = self.readings[trigger.i] = read(trigger, self.cues)
        return found

    def factuality(self, trigger: Token) -> Factuality:
        """The reading's factuality, its speaker resolved to an entity. What people the text names no actor by say
        ("Officials said that Peru had attacked", "Others contend that ...", "they reported an attack") is no plain
        fact either: told on the word of nobody the text names, it is hedged (the writer's own word, "we", stays the
        writer's)."""
        reading = self.reading(trigger)
        if reading.speaker is None:
            return reading.factuality(None)
        found = self.registry.actors(reading.speaker) or self._author_of(reading.speaker)
        vague = self.triggers["reference"]["vague_qualifiers"]
        if not found and reading.modality == "Asserted" and _unnamed_people(reading.speaker, vague):
            return Factuality(reading.polarity, "Hedged", None)
        return reading.factuality(found[0] if found and found[0] not in self.registry.authors else None)

    def _author_of(self, text: Token) -> list[str]:
        """"a report by X claimed ...", "X's statement said ...": a text that speaks, speaks for its author."""
        if text.lemma_.lower() not in self.triggers["positions"]["voice_heads"]:
            return []
        owners = [c for c in text.children if c.dep_ == "poss"]
        owners += [o for c in text.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for o in c.children
                   if o.dep_ == "pobj"]
        return [k for o in owners for k in self.registry.actors(o)]

    def fact_key(self, kind: str, *parts: object) -> str:
        digest = hashlib.sha1("\x1f".join(map(str, (self.document.doc_id, kind, *parts))).encode()).hexdigest()[:12]
        return f"{kind}/{self.document.doc_id}-{digest}"

    def signatory_relations(self, agreement_keys: set[str]) -> list[Relation]:
        """What the text has said of who signed these agreements, in reading order."""
        return [r for r in self.relations if r.subject in agreement_keys and r.predicate == "signatory"]

    def served_by(self, actor: str) -> tuple[str, ...]:
        """What the text has said so far, as fact, that the actor leads or belongs to, in reading order."""
        return tuple(dict.fromkeys(r.object for r in self.relations if r.subject == actor and r.factuality.is_plain_fact
                                   and r.predicate in ("leaderOf", "affiliatedWith")))

    def relate(self, subject: str, predicate: str, obj: str, evidence: Evidence,
               factuality: Factuality | None = None) -> None:
        if subject and obj and subject != obj:
            self.relations.append(Relation(subject, predicate, obj, evidence, factuality or Factuality()))


def _unnamed_people(speaker: Token, vague: list[str]) -> bool:
    """The subject of the report is a plural noun, a pronoun or a word of quantity alone ("Some argue", "Many
    believed"): people, not a text ("the report stated", "according to the terms of the treaty") nor one person the
    text names."""
    return speaker.dep_ == "nsubj" and speaker.lower_ not in ("we", "i") \
        and (speaker.tag_ in ("NNS", "NNPS", "PRP") or speaker.lower_ in vague)

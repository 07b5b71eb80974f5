"""Plain data passed between the stages: documents in, facts out.

Nothing here knows about IRIs or spaCy. Entities are referred to by their
``key`` (a lexicon id such as ``"north-korea"`` or a key the extractor makes
from the type and canonical label); the RDF layer turns keys into IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

POLARITIES = ("Positive", "Negative")
MODALITIES = ("Asserted", "Hedged", "Hypothetical", "Normative")
STANCES = ("Supports", "Opposes", "Demands", "Offers", "Rejects", "Believes")
STATUSES = ("Signed", "NotSigned", "Proposed", "Withdrawn")
ENTITY_KINDS = ("Person", "State", "Organization", "Location", "Facility", "Issue")
EVENT_KINDS = (
    "Event", "Meeting", "Summit", "Announcement", "Transfer", "WeaponsTest",
    "Inspection", "MilitaryExercise", "Negotiation", "Attack", "Election",
)
# "signatory" relates an agreement (by its key) to an actor; the others relate two entities
RELATIONS = ("leaderOf", "affiliatedWith", "alliedWith", "operator", "locatedIn", "signatory")


@dataclass(frozen=True)
class Document:
    """A cleaned source text and its metadata."""

    doc_id: str
    path: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None  # ISO 8601 date, at the precision the metadata gives
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class SourceFile:
    """A document file to build and its identity: its path below the folder it was found in."""

    path: Path
    doc_id: str


@dataclass(frozen=True)
class Limits:
    """Bounds on one document, so that one huge or pathological article cannot stall a batch.

    spaCy's time and memory grow with the text (a 990 KB article took 5 minutes and 3 GB),
    so the character cap bounds both; the time limit stops whatever the cap lets through.
    """

    max_chars: int = 200_000
    timeout_s: float | None = 120.0


@dataclass(frozen=True)
class Span:
    """A sentence of the cleaned text: ``text[begin:end] == sentence``."""

    begin: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Evidence:
    span: Span
    extractor: str
    confidence: float


@dataclass(frozen=True)
class Factuality:
    polarity: str = "Positive"
    modality: str = "Asserted"
    attributed_to: str | None = None  # entity key of the reported speaker

    @property
    def is_plain_fact(self) -> bool:
        return self.polarity == "Positive" and self.modality == "Asserted" and self.attributed_to is None


ASSERTED = Factuality()


@dataclass(frozen=True)
class TimeValue:
    """A calendar value at the precision the text gives: 2019-02-27, 2018-06 or 2018."""

    iso: str
    precision: str  # "day" | "month" | "year"

    def overlaps(self, other: TimeValue) -> bool:
        """One value holds the other: May 1931 is within 1931, and a text may round one to the other."""
        return self.iso.startswith(other.iso) or other.iso.startswith(self.iso)


@dataclass(frozen=True)
class Role:
    """A title the text gives a person ("president"), read in one sentence: a Claim whatever its factuality,
    a plain kgo:role only when the text states it as fact."""

    title: str
    evidence: Evidence
    factuality: Factuality = ASSERTED


@dataclass(frozen=True)
class Entity:
    key: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    role_readings: tuple[Role, ...] = ()  # in text order
    statuses: tuple[str, ...] = ()  # facility status, in the words of the text

    @property
    def roles(self) -> tuple[str, ...]:
        """Every title the text gives the entity, whatever the factuality of the sentence."""
        return tuple(sorted({r.title for r in self.role_readings}))


@dataclass(frozen=True)
class Event:
    key: str
    kind: str
    label: str
    evidence: Evidence
    factuality: Factuality = ASSERTED
    participants: tuple[str, ...] = ()
    location: str | None = None
    start: TimeValue | None = None
    end: TimeValue | None = None
    concerns: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # the text's own words for it when the label is made ("Helsinki talks")


@dataclass(frozen=True)
class Commitment:
    key: str
    label: str
    evidence: Evidence
    concerns: tuple[str, ...] = ()
    fulfilled_by: str | None = None  # event key


@dataclass(frozen=True)
class Agreement:
    key: str
    label: str
    evidence: Evidence
    status: str | None = None
    factuality: Factuality = ASSERTED
    aliases: tuple[str, ...] = ()
    adopted_at: str | None = None  # event key
    commitments: tuple[Commitment, ...] = ()


@dataclass(frozen=True)
class Position:
    key: str
    holder: str
    stance: str
    issue: str  # entity key of an Issue
    evidence: Evidence
    factuality: Factuality = ASSERTED


@dataclass(frozen=True)
class Disagreement:
    key: str
    parties: tuple[str, ...]
    issues: tuple[str, ...]
    evidence: Evidence
    factuality: Factuality = ASSERTED


@dataclass(frozen=True)
class Relation:
    """A binary statement between two entities, asserted as a triple only when plain fact."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    factuality: Factuality = ASSERTED


@dataclass(frozen=True)
class Facts:
    document: Document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    positions: tuple[Position, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    relations: tuple[Relation, ...] = ()
    creators: tuple[str, ...] = ()  # entity keys of the authors
    publisher: str | None = None

"""The extract stage: a parsed document -> Facts.

Sentences are read in order so that dates, pronouns and "the summit" can
refer back to what came before. Each extractor is a function of one
sentence; fulfilment of commitments is linked once every event is known.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..frames import load_frames
from ..lexicon import Lexicon
from ..model import Agreement, Document, Event, Facts
from . import agreements, events, facilities, positions, relations
from .context import Context
from .entities import Registry
from .factuality import Cues

CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]+")
STOP = {"the", "of", "and", "for", "with", "from", "a", "an", "to", "in", "on", "its", "their", "sets", "set"}


def extract(doc: Doc, document: Document, lexicon: Lexicon) -> Facts:
    ctx = Context(document=document, doc=doc, lexicon=lexicon, registry=Registry(lexicon, document, doc),
                  cues=Cues.from_triggers(lexicon.triggers), frames=load_frames())
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        dates = events.dates_in(ctx, sent)
        relations.titles(ctx, sent)
        relations.copular_roles(ctx, sent)
        events.events(ctx, sent, dates)
        agreements.agreements(ctx, sent, dates)
        agreements.undertakings(ctx, sent)
        agreements.commitment_clauses(ctx, sent)
        facilities.facilities(ctx, sent)
        positions.stances(ctx, sent)
        positions.possessed_policies(ctx, sent)
        positions.framed_negatively(ctx, sent)
        positions.normative_reports(ctx, sent)
        positions.disagreements(ctx, sent)
        relations.alliances(ctx, sent)
        events.unrealized_clauses(ctx, sent)
        events.advance_anchor(ctx, dates)
    facilities.offered_operators(ctx)
    linked = tuple(_link_fulfilment(a, list(ctx.events.values())) for a in ctx.agreements)
    return Facts(document=document, entities=ctx.registry.freeze(), events=tuple(ctx.events.values()),
                 agreements=linked, positions=tuple(ctx.positions), disagreements=tuple(ctx.disagreements),
                 relations=tuple(dict.fromkeys(ctx.relations)), creators=ctx.registry.authors,
                 publisher=ctx.registry.publisher)


def _words(text: str) -> set[str]:
    return {w.lower().rstrip(".") for w in CONTENT_WORD.findall(text)} - STOP


def _link_fulfilment(agreement: Agreement, all_events: list[Event]) -> Agreement:
    """A commitment is fulfilled by a later, real event that does what it names (two content words shared)."""
    done = [e for e in all_events if e.factuality.is_plain_fact and e.kind not in ("Meeting", "Summit", "Event")]
    commitments = []
    for commitment in agreement.commitments:
        wanted = _words(commitment.label)
        match = next((e for e in done if len(wanted & _words(e.label)) >= 2
                      and e.evidence.span.begin >= commitment.evidence.span.begin), None)
        commitments.append(replace(commitment, fulfilled_by=match.key) if match else commitment)
    return replace(agreement, commitments=tuple(commitments))

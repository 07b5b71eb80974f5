"""The extract stage: a parsed document -> Facts.

Sentences are read in order so that dates, pronouns and "the summit" can
refer back to what came before. Each extractor is a function of one
sentence; fulfilment of commitments is linked once every event is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from spacy.tokens import Doc, Span

from ..frames import load_frames
from ..lexicon import Lexicon
from ..model import Agreement, Document, Event, Facts
from . import agreements, events, facilities, positions, relations
from .context import Context
from .entities import Registry
from .factuality import Cues
from .parse import ParsedDoc
from .tokens import cross_reference, heading

CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]+")
STOP = {"the", "of", "and", "for", "with", "from", "a", "an", "to", "in", "on", "its", "their", "sets", "set"}


@dataclass(frozen=True)
class Rule:
    """One extraction step over a sentence: what it reads and what it writes, so that `kg stats --rules` and a
    reader of this list know what each does without reading it."""

    name: str
    run: Callable[[Context, Span], None]
    needs: str
    writes: str


# In reading order: a later rule may use what an earlier one found in the same sentence (events before the
# agreements adopted at them, agreements before their commitments, stances before the facilities offered).
RULES: tuple[Rule, ...] = (
    Rule("titles", relations.titles, "entity mentions, title words", "roles, leaderOf, affiliatedWith"),
    Rule("appointments", relations.appointments, "'elected X as president', 'X became premier', 'X is a fellow at Y'",
         "roles, leaderOf, affiliatedWith"),
    Rule("leaderships", relations.leaderships, "'X led Y', 'Y was ruled by X'", "leaderOf"),
    Rule("memberships", relations.memberships, "'X's party', 'X, a member of Y', 'X joined Y'", "affiliatedWith"),
    Rule("events", events.events, "event triggers, sentence dates", "events with participants, place, dates"),
    Rule("agreements", agreements.agreements, "agreement heads, status verbs", "agreements, status, signatories"),
    Rule("undertakings", agreements.undertakings, "'the parties agreed to ...' after an agreement", "commitments"),
    Rule("commitment-clauses", agreements.commitment_clauses, "clause layer, agreements", "commitments"),
    Rule("stances", positions.stances, "clause layer, PolicyPosition frames", "policy positions"),
    Rule("purposes", positions.purposes, "clause layer: 'X did A (in order) to B'", "policy positions"),
    Rule("possessed-policies", positions.possessed_policies, "'X's policy'", "policy positions"),
    Rule("backed-things", positions.backed_things, "'the Soviet-backed regime'", "policy positions"),
    Rule("sides-taken", positions.sides_taken, "'pro-French Thomas Jefferson'", "policy positions"),
    Rule("overridden-objections", positions.overridden_objections, "'approved X over the objections of Y'",
         "policy positions"),
    Rule("judgments", positions.judgments, "'X argue Y is a threat', 'X said Y was wrong'", "policy positions"),
    Rule("normative-reports", positions.normative_reports, "'X said they must ...'", "policy positions"),
    Rule("self-reports", positions.self_reports, "'X said he will (never) ...'", "policy positions"),
    Rule("facilities", facilities.facilities, "facility heads, operator verbs, the sentence's offers",
         "facilities, status, operator"),
    Rule("disagreements", positions.disagreements,
         "clause layer, Disagreement frames, 'X and Y could not resolve Z', '... agree on Z', 'left Z unsettled'",
         "disagreements"),
    Rule("alliances", relations.alliances, "alliance words, 'fought alongside X'", "alliedWith"),
    Rule("unrealized-clauses", events.unrealized_clauses, "factuality of every clause", "negated or unreal events"),
)


HEADING_RULES = tuple(rule for rule in RULES if rule.name != "unrealized-clauses")

# Steps over the whole document, once every sentence is read (the span they get is the whole text).
DOCUMENT_RULES: tuple[Rule, ...] = (
    Rule("home-titles", lambda ctx, _: relations.home_titles(ctx), "titles given with no state, the publisher's name",
         "leaderOf, affiliatedWith"),
    Rule("envoys", relations.envoys, "'X sent Y to negotiate', the sender's state once titles are read",
         "affiliatedWith"),
    Rule("title-bodies", lambda ctx, _: relations.title_bodies(ctx), "titles of members ('Senator X'), the bodies named",
         "affiliatedWith"),
    Rule("opposed-stances", lambda ctx, _: positions.opposed_stances(ctx), "the document's positions",
         "disagreements"),
)


def extract(doc: Doc, document: Document, lexicon: Lexicon, written: dict[str, int] | None = None) -> Facts:
    """The facts of a parsed document; with `written`, each rule's name is counted there with the facts it wrote."""
    doc = ParsedDoc(doc)  # the rules read the parse many times over: once out of spaCy, then plain attributes
    ctx = Context(document=document, doc=doc, lexicon=lexicon, registry=Registry(lexicon, document, doc),
                  cues=Cues.from_triggers(lexicon.triggers), frames=load_frames(), anchor=events.title_anchor(document))
    for sent in doc.sents:
        if not sent.text.strip() or cross_reference(sent):
            continue
        events.open_paragraph(ctx, sent)
        ctx.dates = events.dates_in(ctx, sent)
        events.read_dateline(ctx, sent)
        # a heading names its topic, but its grammar says nothing of what did not happen ("What the Summit Did Not
        # Achieve", "Failure to Form a Treaty")
        for rule in HEADING_RULES if heading(sent) else RULES:
            _run(rule, ctx, sent, written)
        events.advance_anchor(ctx, ctx.dates)
    for rule in DOCUMENT_RULES:
        _run(rule, ctx, doc[:], written)
    linked = tuple(_link_fulfilment(a, list(ctx.events.values())) for a in ctx.agreements)
    return Facts(document=document, entities=ctx.registry.freeze(), events=tuple(ctx.events.values()),
                 agreements=linked, positions=tuple(ctx.positions), disagreements=tuple(ctx.disagreements),
                 relations=tuple(dict.fromkeys(ctx.relations)), creators=ctx.registry.authors,
                 publisher=ctx.registry.publisher)


def _run(rule: Rule, ctx: Context, span: Span, written: dict[str, int] | None) -> None:
    if written is None:
        rule.run(ctx, span)
        return
    before = sum(_written(ctx))
    rule.run(ctx, span)
    added = sum(_written(ctx)) - before
    if added > 0:
        written[rule.name] = written.get(rule.name, 0) + added


def _written(ctx: Context) -> tuple[int, ...]:
    """How many facts of each kind the document has so far (roles included): a rule that changes it wrote one."""
    return (len(ctx.events), len(ctx.agreements), sum(len(a.commitments) for a in ctx.agreements), len(ctx.positions),
            len(ctx.disagreements), len(ctx.relations), ctx.registry.role_count())


def _words(text: str) -> set[str]:
    return {w.lower().rstrip(".") for w in CONTENT_WORD.findall(text)} - STOP


def _link_fulfilment(agreement: Agreement, all_events: list[Event]) -> Agreement:
    """A commitment is fulfilled by a real event told in a later sentence that does what it names (two content words
    shared): an event in the provision's own sentence is the provision ("the authority would inspect any site")."""
    done = [e for e in all_events if e.factuality.is_plain_fact and e.kind not in ("Meeting", "Summit", "Event")]
    commitments = []
    for commitment in agreement.commitments:
        wanted = _words(commitment.label)
        match = next((e for e in done if len(wanted & _words(e.label)) >= 2
                      and e.evidence.span.begin > commitment.evidence.span.begin), None)
        commitments.append(replace(commitment, fulfilled_by=match.key) if match else commitment)
    return replace(agreement, commitments=tuple(commitments))

"""Which extraction rules fire on which documents: a rule that fires only on the texts it was tuned to does not
serve unseen articles, and this is how to find it.

Every fact carries the id of the rule or frame that produced it (``kgo:extractor``). For a folder of documents
this module counts, for each id, the documents where it produced at least one fact; registered rules and frames
that produced nothing are listed with zero.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .frames import load_frames
from .model import Evidence, Facts
from .pipeline import Pipeline, discover, facts_of
from .sources import read_document


@dataclass(frozen=True)
class RuleUse:
    rule: str  # an extractor id ("frame:support:verb", "rule:event-meeting") or "frame:NAME:" of a silent frame
    documents: int  # documents where it produced at least one fact
    facts: int


def evidence_of(facts: Facts) -> Iterable[Evidence]:
    """The evidence of every fact of a document, commitments included."""
    for group in (facts.events, facts.agreements, facts.positions, facts.disagreements, facts.relations):
        yield from (fact.evidence for fact in group)
    yield from (c.evidence for a in facts.agreements for c in a.commitments)


def rule_use(paths: Iterable[Path], pipeline: Pipeline, skip: Iterable[str] = (),
             progress: Callable[[str], None] = lambda _: None) -> list[RuleUse]:
    """Rule ids by the number of documents they fire in, most first; frames that never fired last, with zero.
    A frame counts as one rule whatever the category of word that evoked it ("frame:oppose:noun" is
    "frame:oppose"). Documents whose file name is in `skip` (the texts that have gold answers) are left out."""
    skipped = set(skip)
    found = [f for f in discover(list(paths)).files if f.path.name not in skipped]
    documents: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for i, source in enumerate(found, 1):
        progress(f"[{i}/{len(found)}] {source.path.name}")
        for evidence in evidence_of(facts_of(read_document(source.path, source.doc_id), pipeline)):
            rule = rule_of(evidence.extractor)
            documents.setdefault(rule, set()).add(str(source.path))
            counts[rule] = counts.get(rule, 0) + 1
    used = [RuleUse(rule, len(docs), counts[rule]) for rule, docs in documents.items()]
    silent = [RuleUse(name, 0, 0) for name in _registered() if name not in documents]
    return sorted(used, key=lambda u: (-u.documents, u.rule)) + silent


def rule_of(extractor: str) -> str:
    """The rule an extractor id belongs to: a frame's id names the category of the word that evoked it too."""
    parts = extractor.split(":")
    return ":".join(parts[:2]) if parts[0] == "frame" else extractor


def _registered() -> list[str]:
    return [f"frame:{f.name}" for f in load_frames().frames]

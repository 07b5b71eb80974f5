"""Which extraction rules fire on which documents: a rule that fires only on the texts it was tuned to does not
serve unseen articles, and this is how to find it.

For a folder of documents this module counts, for each registered extraction rule and for each frame of
``ontology/frames.yaml`` (the frame id that facts carry as ``kgo:extractor``), the documents where it wrote at least
one fact; rules and frames that wrote nothing are listed with zero.
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
    """The registered extraction rules ("rule:NAME") and the frames ("frame:NAME") by the number of documents they
    wrote a fact in, most first; those that never did last, with zero. A frame counts as one rule whatever the
    category of word that evoked it. Documents whose file name is in `skip` (the texts that have gold answers) are
    left out."""
    skipped = set(skip)
    found = [f for f in discover(list(paths)).files if f.path.name not in skipped]
    documents: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for i, source in enumerate(found, 1):
        progress(f"[{i}/{len(found)}] {source.path.name}")
        written: dict[str, int] = {}
        facts = facts_of(read_document(source.path, source.doc_id), pipeline, written)
        frames = [rule_of(e.extractor) for e in evidence_of(facts) if e.extractor.startswith("frame:")]
        for rule, n in [*((f"rule:{name}", n) for name, n in written.items()), *((f, 1) for f in frames)]:
            documents.setdefault(rule, set()).add(str(source.path))
            counts[rule] = counts.get(rule, 0) + n
    used = [RuleUse(rule, len(docs), counts[rule]) for rule, docs in documents.items()]
    silent = [RuleUse(name, 0, 0) for name in _registered() if name not in documents]
    return sorted(used, key=lambda u: (-u.documents, u.rule)) + silent


def rule_of(extractor: str) -> str:
    """The frame an extractor id belongs to: a frame's id names the category of the word that evoked it too."""
    parts = extractor.split(":")
    return ":".join(parts[:2]) if parts[0] == "frame" else extractor


def _registered() -> list[str]:
    from .extract import DOCUMENT_RULES, RULES

    return [f"rule:{r.name}" for r in (*RULES, *DOCUMENT_RULES)] + [f"frame:{f.name}" for f in load_frames().frames]

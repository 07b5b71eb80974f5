"""Which facts a change of extraction adds or drops, over the essays that have no gold.

The gold sets count answers; they cannot say whether a fact that matches no gold
row is right. This reads every Milestones essay without a gold file, keeps each
position, disagreement, event (with its date), relation, title and commitment (with its sentence) as one line
of JSON, and prints what differs between two such snapshots, for a person to read.

    .venv/bin/python benchmarks/fact_diff.py snapshot before.json      # on the commit before the change
    .venv/bin/python benchmarks/fact_diff.py snapshot after.json       # on the change
    .venv/bin/python benchmarks/fact_diff.py diff before.json after.json

A snapshot takes about a minute and a half on two cores. Exit 2 when the shared
corpus is missing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg_builder import pipeline
from kg_builder.model import Facts, Limits, SourceFile

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared").resolve()
ESSAYS = SHARED / "corpus" / "milestones"
GOLD_DIRS = (SHARED / "eval" / "dev", *sorted(p for p in (REPO / "benchmarks").iterdir() if p.is_dir()))


def gold_names() -> set[str]:
    """The essays some gold set is about: left out, so that reading the diff reads no gold text's answers."""
    return {p.name.removesuffix(".questions.yaml") for d in GOLD_DIRS for p in d.glob("*.questions.yaml")}


def fact_lines(facts: Facts) -> list[str]:
    labels = {e.key: e.label for e in facts.entities}
    name = lambda key: labels.get(key, key)  # noqa: E731
    rows = [("position", name(p.holder), p.stance, name(p.issue), p.factuality.polarity, p.factuality.modality,
             name(p.factuality.attributed_to or ""), p.evidence.span.sentence) for p in facts.positions]
    rows += [("disagreement", *sorted(map(name, d.parties)), d.evidence.span.sentence) for d in facts.disagreements]
    rows += [("event", e.label, *sorted(map(name, e.participants)), e.factuality.polarity, e.factuality.modality,
              e.start.iso if e.start else "", f"at {name(e.location)}" if e.location else "", e.evidence.span.sentence)
             for e in facts.events]
    rows += [("relation", name(r.subject), r.predicate, name(r.object), r.factuality.polarity, r.factuality.modality,
              r.evidence.span.sentence) for r in facts.relations]
    rows += [("title", e.label, role.title, role.factuality.polarity, role.factuality.modality,
              role.evidence.span.sentence) for e in facts.entities for role in e.role_readings]
    rows += [("commitment", a.label, c.label, c.evidence.span.sentence) for a in facts.agreements for c in a.commitments]
    rows += [("facility", e.label, *sorted(e.aliases), "status:", *sorted(e.statuses)) for e in facts.entities
             if e.kind == "Facility"]
    return sorted({json.dumps(row, ensure_ascii=False) for row in rows})


def snapshot(out: Path) -> None:
    loaded = pipeline.load_pipeline()
    skip = gold_names()
    essays = [p for p in sorted(ESSAYS.glob("*.txt")) if p.stem not in skip]
    found = {}
    for i, path in enumerate(essays, 1):
        facts = pipeline.extract_document(SourceFile(path, path.stem), loaded, Limits()).facts
        found[path.stem] = fact_lines(facts)
        print(f"\r{i}/{len(essays)} essays", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    out.write_text(json.dumps(found, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def diff(before: Path, after: Path) -> int:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    count = 0
    for essay in sorted(old.keys() | new.keys()):
        gone, came = set(old.get(essay, ())), set(new.get(essay, ()))
        for sign, lines in (("-", sorted(gone - came)), ("+", sorted(came - gone))):
            for line in lines:
                print(sign, essay, line)
                count += 1
    print(f"{count} facts differ over {len(new)} essays")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("snapshot", help="write the facts of every essay without gold").add_argument("out", type=Path)
    compare = sub.add_parser("diff", help="print the facts two snapshots do not share")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args()
    if not ESSAYS.is_dir():
        print(f"fact_diff: the corpus {ESSAYS} is missing", file=sys.stderr)
        return 2
    if args.command == "snapshot":
        snapshot(args.out)
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())

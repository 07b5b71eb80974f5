"""Score the seed and the development documents with the reference scorer, one table.

Each document is built alone into a fresh store, exported as TriG, and scored by
``../shared/eval/check_questions.py`` (the scorer written against the core
vocabulary only, not the project's own queries). The table gives, per document,
the gold rows answered, the graph rows that match no gold row, and any forbidden
query that came out true.

    .venv/bin/python benchmarks/dev_scores.py                 # seed + every dev gold
    .venv/bin/python benchmarks/dev_scores.py --markdown out.md
    .venv/bin/python benchmarks/dev_scores.py --only camp-david --verbose
    .venv/bin/python benchmarks/dev_scores.py --gold benchmarks/blind-gold   # another folder of gold

The texts are looked up in ``seeds/``, ``../shared/corpus/milestones`` and
``../shared/corpus/crs``. Exit 2 when the shared folder is missing.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO / ".." / "shared").resolve()
SCORER = SHARED / "eval" / "check_questions.py"
TEXT_DIRS = (REPO / "seeds", SHARED / "corpus" / "milestones", SHARED / "corpus" / "crs")
SEED_GOLD = SHARED / "eval" / "seed-questions.yaml"
DEV_GOLD = SHARED / "eval" / "dev"


@dataclass(frozen=True)
class Score:
    name: str
    answered: int
    total: int
    unmatched: int
    forbidden: tuple[str, ...]
    per_question: dict[str, tuple[int, int]]

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0


def gold_files(only: list[str], folder: Path | None = None) -> list[tuple[str, Path]]:
    """The seed's and the development gold, or only the gold files of `folder`."""
    found = [] if folder else [("seed", SEED_GOLD)]
    found += [(p.name.removesuffix(".questions.yaml"), p) for p in sorted((folder or DEV_GOLD).glob("*.questions.yaml"))]
    return [(n, p) for n, p in found if not only or n in only]


def text_of(name: str, gold: Path) -> Path:
    import yaml

    document = str(yaml.safe_load(gold.read_text(encoding="utf-8")).get("document", name))
    stem = Path(document).stem
    for folder in TEXT_DIRS:
        candidate = folder / f"{stem}.txt"
        if candidate.is_file():
            return candidate
    raise SystemExit(f"dev_scores: no text for {name} ({stem}.txt) in {', '.join(map(str, TEXT_DIRS))}")


def export_trig(text: Path, workdir: Path, model: str | None) -> Path:
    """Build one document into a fresh store with the `kg` CLI and export its TriG."""
    kg = [str(Path(sys.executable).with_name("kg"))]
    store = workdir / f"{text.stem}-store"
    trig = workdir / f"{text.stem}.trig"
    build = kg + ["build", str(text), "--store", str(store)] + (["--model", model] if model else [])
    subprocess.run(build, check=True, capture_output=True)
    subprocess.run(kg + ["export", "--store", str(store), "--format", "trig", "--output", str(trig)],
                   check=True, capture_output=True)
    return trig


def score(name: str, trig: Path, gold: Path, verbose: bool) -> Score:
    args = [sys.executable, str(SCORER), str(trig), str(REPO / "ontology" / "kgo.ttl"), str(gold), "--json"]
    result = json.loads(subprocess.run(args + (["--verbose"] if verbose else []), check=True,
                                       capture_output=True, text=True).stdout)
    if verbose:
        print(json.dumps(result, indent=1), file=sys.stderr)
    questions = result["questions"]
    return Score(name, result["answered"], result["total"], result["spurious"], tuple(result["forbidden"]),
                 {q: (v["answered"], v["of"]) for q, v in questions.items()})


def table(scores: list[Score]) -> str:
    lines = ["| document | answered | share | unmatched graph rows | forbidden true |",
             "|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.name} | {s.answered}/{s.total} | {100 * s.share:.1f}% | {s.unmatched} | "
                     f"{len(s.forbidden)} |")
    questions = sorted({q for s in scores for q in s.per_question})
    lines += ["", "| question | " + " | ".join(s.name for s in scores) + " |",
              "|---|" + "---|" * len(scores)]
    for q in questions:
        cells = [f"{s.per_question[q][0]}/{s.per_question[q][1]}" if q in s.per_question else "" for s in scores]
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="score only this gold (repeatable)")
    parser.add_argument("--gold", type=Path, help="score the *.questions.yaml of this folder instead of seed and dev")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--keep", type=Path, help="keep the TriG exports in this folder")
    parser.add_argument("--model", help="spaCy pipeline to build with")
    parser.add_argument("--verbose", action="store_true", help="print the scorer's full JSON (misses) to stderr")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"dev_scores: the reference scorer {SCORER} is missing", file=sys.stderr)
        return 2
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name, gold in gold_files(args.only, args.gold):
            print(f"scoring {name} ...", file=sys.stderr, flush=True)
            trig = export_trig(text_of(name, gold), workdir, args.model)
            scores.append(score(name, trig, gold, args.verbose))
    report = table(scores)
    print(report)
    for s in scores:
        for forbidden in s.forbidden:
            print(f"forbidden true in {s.name}: {forbidden}")
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check that the spaCy model as kg_builder runs it annotates a corpus exactly as spaCy as shipped, and time both.

kg_builder changes two things in how spaCy's English model runs, never what it says: its matrices are multiplied
with numpy's BLAS instead of BLIS (``nlp.use_numpy_blas``), and its attribute ruler and lemmatizer ask their rules
once per kind of token (src/kg_builder/memo_rules.py). Two copies of the model parse the same texts, one as shipped,
one as kg_builder runs it; every token's part of speech, tag, morphology, lemma, dependency, head, entity and
sentence start is compared, and the CPU of each copy is timed component by component, Doc by Doc.

    .venv/bin/python benchmarks/model_check.py                 # the Milestones essays and the policy briefs
    .venv/bin/python benchmarks/model_check.py --limit 20

Exit code 0 when every document is annotated alike, 1 when one is not (it is named, with its first differing words).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg_builder.memo_rules import memoise_rules
from kg_builder.nlp import load_model, use_numpy_blas

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def parse(nlp: Language, text: str, cpu: Counter[str]) -> Doc:
    """The Doc of `text`, each component run and timed in turn (the tokenizer under its own name)."""
    start = time.process_time()
    doc = nlp.make_doc(text)
    cpu["tokenizer"] += time.process_time() - start
    for name, component in nlp.pipeline:
        start = time.process_time()
        doc = component(doc)
        cpu[name] += time.process_time() - start
    return doc


def first_difference(made: Doc, ours: Doc) -> str:
    for stock_token, our_token in zip(made, ours):
        stock_reading, our_reading = _reading(stock_token), _reading(our_token)
        if stock_reading != our_reading:
            return f"{stock_token.text!r}: {stock_reading} against {our_reading}"
    return "a dependency, head, entity or sentence start"


def _reading(token: Token) -> str:
    """Part of speech, tag, morphology and lemma, as "VERB/VBD/Tense=Past/sign"."""
    return f"{token.pos_}/{token.tag_}/{token.morph}/{token.lemma_}"


def cpu_table(stock: Counter[str], ours: Counter[str]) -> list[str]:
    """One row a component, spaCy's name beside the name of its memoised twin in kg_builder's copy."""
    rows = ["| component | as shipped, CPU s | as kg_builder runs it, CPU s |", "|---|---|---|"]
    twins = {name: next((n for n in ours if n.endswith(f"_{name}")), name) for name in stock}
    for name, seconds in stock.items():
        rows.append(f"| {name} (kg_builder: {twins[name]}) | {seconds:.2f} | {ours[twins[name]]:.2f} |")
    rows.append(f"| **the model, all components** | **{sum(stock.values()):.2f}** | **{sum(ours.values()):.2f}** |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus = REPO.parent / "shared" / "corpus"
    parser.add_argument("--corpus", type=Path, nargs="*", default=[corpus / "milestones", corpus / "crs"],
                        help="folders of .txt documents")
    parser.add_argument("--limit", type=int, default=None, help="the first N documents only")
    args = parser.parse_args()
    paths = sorted(p for folder in args.corpus for p in folder.glob("*.txt"))[: args.limit]
    if not paths:
        print(f"no .txt documents in {', '.join(map(str, args.corpus))}", file=sys.stderr)
        return 2
    stock = load_model()  # loaded before use_numpy_blas: its layers keep BLIS
    use_numpy_blas()
    ours = load_model()
    memoise_rules(ours)
    stock_cpu: Counter[str] = Counter()
    our_cpu: Counter[str] = Counter()
    differing = []
    for n, path in enumerate(paths, 1):
        text = path.read_text(encoding="utf-8")
        made, mine = parse(stock, text, stock_cpu), parse(ours, text, our_cpu)
        if (made.to_array(ANNOTATIONS) != mine.to_array(ANNOTATIONS)).any():
            differing.append(f"{path.name}: {first_difference(made, mine)}")
        print(f"\r{n}/{len(paths)} documents", end="", file=sys.stderr)
    print(file=sys.stderr)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} documents ({words:,} words): {len(paths) - len(differing)} annotated alike, "
          f"{len(differing)} not")
    for line in differing:
        print(f"  {line}")
    print("\n".join(cpu_table(stock_cpu, our_cpu)))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

"""Check that memo_rules' attribute ruler and lemmatizer annotate a corpus exactly as spaCy's own, and time both.

Do the memoised components (src/kg_builder/memo_rules.py) leave every document annotated as spaCy's own components
do, and what does each cost? Two copies of the English model parse the same texts, one as shipped, one with `memoise_rules`; every token's part of
speech, tag, morphology, lemma, dependency, head, entity and sentence start is compared, and the CPU of the two
components (and of their memoised twins) is timed Doc by Doc.

    .venv/bin/python benchmarks/memo_rules_check.py                 # the Milestones essays and the policy briefs
    .venv/bin/python benchmarks/memo_rules_check.py --limit 20

Exit code 0 when every document is annotated alike, 1 when one is not (it is named, with its first differing words).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg_builder.memo_rules import memoise_rules
from kg_builder.nlp import load_model

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
TIMED = ("attribute_ruler", "lemmatizer", "kg_memo_attributes_attribute_ruler", "kg_memo_lemmas_lemmatizer")


def parse(nlp: Language, text: str, cpu: dict[str, float]) -> Doc:
    """The Doc of `text`, each component run in turn so that the timed ones can be timed."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        start = time.process_time()
        doc = component(doc)
        if name in TIMED:
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - start
    return doc


def first_difference(made: Doc, memo: Doc) -> str:
    for stock_token, memo_token in zip(made, memo):
        stock_reading, memo_reading = _reading(stock_token), _reading(memo_token)
        if stock_reading != memo_reading:
            return f"{stock_token.text!r}: {stock_reading} against {memo_reading}"
    return "a dependency, head, entity or sentence start"


def _reading(token: Token) -> str:
    """Part of speech, tag, morphology and lemma, as "VERB/VBD/Tense=Past/sign"."""
    return f"{token.pos_}/{token.tag_}/{token.morph}/{token.lemma_}"


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
    stock, memoised = load_model(), load_model()
    memoise_rules(memoised)
    cpu: dict[str, float] = {}
    differing = []
    for n, path in enumerate(paths, 1):
        text = path.read_text(encoding="utf-8")
        made, memo = parse(stock, text, cpu), parse(memoised, text, cpu)
        if (made.to_array(ANNOTATIONS) != memo.to_array(ANNOTATIONS)).any():
            differing.append(f"{path.name}: {first_difference(made, memo)}")
        print(f"\r{n}/{len(paths)} documents", end="", file=sys.stderr)
    print(file=sys.stderr)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} documents ({words:,} words): {len(paths) - len(differing)} annotated alike, "
          f"{len(differing)} not")
    for line in differing:
        print(f"  {line}")
    for stock_name, memo_name in zip(TIMED[:2], TIMED[2:]):
        print(f"{stock_name}: {cpu.get(stock_name, 0):.2f} s CPU; memoised: {cpu.get(memo_name, 0):.2f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

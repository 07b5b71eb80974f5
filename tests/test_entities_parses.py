"""extract/entities.py's Registry on hand-made parses (no model): parser errors that reference must survive."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from kg_builder.extract.entities import Registry
from kg_builder.lexicon import load_lexicon
from kg_builder.model import Document

VOCAB = spacy.blank("en").vocab


def registry_of(doc: Doc, states: dict[int, str] | None = None) -> Registry:
    """The registry of a hand-made parse; with ``states``, the states at these token positions carry their lexicon
    ids, as the pipeline's entity ruler sets them (else the parse keeps the entities it was given)."""
    if states is not None:
        doc.ents = [Span(doc, i, i + 1, label="GPE", span_id=key) for i, key in states.items()]
    return Registry(load_lexicon(), Document(doc_id="t", path="t.txt", text=doc.text), doc)


def test_entities_a_quantified_name_the_parser_made_the_subject_modifies_the_plural_after_it() -> None:
    # "Some Peru and Chile experts favor a pause.", parsed as the small model parses such lists: "Peru" the
    # subject, "experts" coordinated with it
    words = ["Some", "Peru", "and", "Chile", "experts", "favor", "a", "pause", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 5, 1, 4, 1, 5, 7, 5, 5],
              deps=["det", "nsubj", "cc", "compound", "conj", "ROOT", "det", "dobj", "punct"],
              pos=["DET", "PROPN", "CCONJ", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
              tags=["DT", "NNP", "CC", "NNP", "NNS", "VBP", "DT", "NN", "."],
              lemmas=["some", "Peru", "and", "Chile", "expert", "favor", "a", "pause", "."])
    registry = registry_of(doc, {1: "state/peru", 3: "state/chile"})
    found = registry.actors(doc[1])
    assert "state/peru" not in found and "state/chile" not in found
    assert [registry.entities[k].label for k in found] == ["Peru and Chile experts"]


def test_entities_a_plain_coordinated_name_is_still_an_actor() -> None:
    words = ["Peru", "and", "Chile", "favor", "a", "pause", "."]
    doc = Doc(VOCAB, words=words, heads=[3, 0, 0, 3, 5, 3, 3],
              deps=["nsubj", "cc", "conj", "ROOT", "det", "dobj", "punct"],
              pos=["PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
              tags=["NNP", "CC", "NNP", "VBP", "DT", "NN", "."],
              lemmas=["Peru", "and", "Chile", "favor", "a", "pause", "."])
    assert registry_of(doc, {0: "state/peru", 2: "state/chile"}).actors(doc[0]) == ["state/peru", "state/chile"]


def test_entities_a_name_tagged_an_organization_with_a_title_in_apposition_is_a_person() -> None:
    # "Arno Felt, the head of the board, spoke.", with "Arno Felt" tagged ORG as the small model may tag a name
    words = ["Arno", "Felt", ",", "the", "head", "of", "the", "board", ",", "spoke", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 9, 1, 4, 1, 4, 7, 5, 1, 9, 9],
              deps=["compound", "nsubj", "punct", "det", "appos", "prep", "det", "pobj", "punct", "ROOT", "punct"],
              pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
              lemmas=["Arno", "Felt", ",", "the", "head", "of", "the", "board", ",", "speak", "."])
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    registry = registry_of(doc)
    assert [(e.kind, e.label) for e in registry.entities.values()] == [("Person", "Arno Felt")]
    # without the title it stays what the tagger said
    doc = Doc(VOCAB, words=["Arno", "Felt", "spoke", "."], heads=[1, 2, 2, 2],
              deps=["compound", "nsubj", "ROOT", "punct"], pos=["PROPN", "PROPN", "VERB", "PUNCT"])
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    registry = registry_of(doc)
    assert [e.kind for e in registry.entities.values()] == ["Organization"]


def test_entities_a_surname_inside_the_name_of_a_plan_names_no_person() -> None:
    # "Ana Soto spoke. The Soto and Ruiz Plans failed.", the plans' name tagged a work as the small model may tag it
    words = ["Ana", "Soto", "spoke", ".", "The", "Soto", "and", "Ruiz", "Plans", "failed", ".", "Soto", "left", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 2, 2, 2, 5, 9, 5, 8, 5, 9, 9, 12, 12, 12],
              deps=["compound", "nsubj", "ROOT", "punct", "det", "nsubj", "cc", "compound", "conj", "ROOT", "punct",
                    "nsubj", "ROOT", "punct"],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT",
                   "PROPN", "VERB", "PUNCT"])
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 9, label="WORK_OF_ART")]
    registry = registry_of(doc)
    assert registry.key_of(doc[5]) is None
    assert registry.key_of(doc[11]) == "person/ana-soto"  # outside such a name the surname is hers


def test_entities_a_span_that_holds_a_verb_and_its_subject_is_no_name() -> None:
    # "Hearst hired Outcault away.", the clause tagged ORG as the small model may tag it
    words = ["Hearst", "hired", "Outcault", "away", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "advmod", "punct"],
              pos=["PROPN", "VERB", "PROPN", "ADV", "PUNCT"], tags=["NNP", "VBD", "NNP", "RB", "."])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert not registry_of(doc).entities


def _list_with_apposition(opening: str, closing: str) -> Doc:
    """"Peru, Chile, and Bolivia signed.", the middle state parsed as the first one's apposition, the way the
    small model parses such lists, set off by ``opening`` and ``closing``."""
    words = ["Peru", opening, "Chile", closing, "and", "Bolivia", "signed", "."]
    return Doc(VOCAB, words=words, heads=[6, 0, 0, 0, 0, 0, 6, 6],
               deps=["nsubj", "punct", "appos", "punct", "cc", "conj", "ROOT", "punct"],
               pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "PUNCT"],
               tags=["NNP", ",", "NNP", ",", "CC", "NNP", "VBD", "."],
               lemmas=["Peru", opening, "Chile", closing, "and", "Bolivia", "sign", "."])


def test_entities_a_state_between_commas_in_a_list_is_a_member_though_parsed_as_an_apposition() -> None:
    doc = _list_with_apposition(",", ",")
    registry = registry_of(doc, {0: "state/peru", 2: "state/chile", 5: "state/bolivia"})
    assert sorted(registry.actors(doc[0])) == ["state/bolivia", "state/chile", "state/peru"]


def test_entities_a_name_in_parentheses_before_a_list_goes_on_is_no_member() -> None:
    doc = _list_with_apposition("(", ")")
    registry = registry_of(doc, {0: "state/peru", 2: "state/chile", 5: "state/bolivia"})
    assert sorted(registry.actors(doc[0])) == ["state/bolivia", "state/peru"]


def test_entities_a_name_in_brackets_beside_a_body_s_abbreviation_is_the_body_s_other_name() -> None:
    # "The Green Union (Union Verde or UV) won. Verde spoke.", with "Union Verde" tagged PERSON as the small model
    # may tag a name in another language: it is the body's, and its last word names no person later on
    words = ["The", "Green", "Union", "(", "Union", "Verde", "or", "UV", ")", "won", ".", "Verde", "spoke", "."]
    doc = Doc(VOCAB, words=words, heads=[2, 2, 9, 5, 5, 2, 5, 5, 5, 9, 9, 12, 12, 12],
              deps=["det", "compound", "nsubj", "punct", "compound", "appos", "cc", "conj", "punct", "ROOT", "punct",
                    "nsubj", "ROOT", "punct"],
              pos=["DET", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PUNCT", "VERB", "PUNCT",
                   "PROPN", "VERB", "PUNCT"],
              sent_starts=[True] + [False] * 10 + [True, False, False])
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 6, label="PERSON"), Span(doc, 7, 8, label="ORG")]
    registry = registry_of(doc)
    assert [(e.kind, e.label, sorted(e.aliases)) for e in registry.entities.values()] == [
        ("Organization", "Green Union", ["UV", "Union Verde"])]
    assert registry.key_of(doc[11]) is None


def test_entities_a_kind_of_body_after_a_name_the_tagger_left_it_out_of_is_the_body() -> None:
    # "The Verde party objected.", with only "Verde" tagged ORG
    words = ["The", "Verde", "party", "objected", "."]
    doc = Doc(VOCAB, words=words, heads=[2, 2, 3, 3, 3], deps=["det", "compound", "nsubj", "ROOT", "punct"],
              pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT"], tags=["DT", "NNP", "NN", "VBD", "."],
              lemmas=["the", "Verde", "party", "object", "."])
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    registry = registry_of(doc)
    assert [registry.entities[k].label for k in registry.actors(doc[2])] == ["Verde"]
    # a kind of thing that is no body is not the body that names it
    doc = Doc(VOCAB, words=["The", "Verde", "plan", "failed", "."], heads=[2, 2, 3, 3, 3],
              deps=["det", "compound", "nsubj", "ROOT", "punct"], pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT"],
              tags=["DT", "NNP", "NN", "VBD", "."], lemmas=["the", "Verde", "plan", "fail", "."])
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    assert registry_of(doc).actors(doc[2]) == []


def test_entities_a_surname_the_tagger_took_for_a_plural_noun_still_names_the_person() -> None:
    # "Ana Prats spoke. Prats left.", with the second "Prats" tagged as the plural of "prat"
    words = ["Ana", "Prats", "spoke", ".", "Prats", "left", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 2, 2, 2, 5, 5, 5], deps=["compound", "nsubj", "ROOT", "punct", "nsubj",
                                                                      "ROOT", "punct"],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"],
              tags=["NNP", "NNP", "VBD", ".", "NNS", "VBD", "."], sent_starts=[True, False, False, False, True, False,
                                                                             False])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    registry = registry_of(doc)
    assert registry.key_of(doc[4]) == registry.key_of(doc[1]) == "person/ana-prats"


def _met_then_he(mark: str, verb: str) -> Doc:
    # "<mark> Ana Prats <verb> Rui Lobo in Lima, he proposed a pact.", parsed as the small model parses it: the
    # fronted clause an adverbial of the main verb, "when" its advmod and other marks its mark
    words = [mark, "Ana", "Prats", verb, "Rui", "Lobo", "in", "Lima", ",", "he", "proposed", "a", "pact", "."]
    doc = Doc(VOCAB, words=words, heads=[3, 2, 3, 10, 5, 3, 3, 6, 10, 10, 10, 12, 10, 10],
              deps=["advmod" if mark == "When" else "mark", "compound", "nsubj", "advcl", "compound", "dobj", "prep",
                    "pobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["SCONJ", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "DET",
                   "NOUN", "PUNCT"],
              tags=["WRB", "NNP", "NNP", "VBD", "NNP", "NNP", "IN", "NNP", ",", "PRP", "VBD", "DT", "NN", "."])
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 4, 6, label="PERSON")]
    return doc


def test_entities_he_after_a_fronted_when_clause_is_that_clause_s_subject_not_its_nearer_object() -> None:
    for mark in ("When", "After", "Because"):
        doc = _met_then_he(mark, "met")
        assert registry_of(doc).actors(doc[9]) == ["person/ana-prats"], mark
    # a concessive clause sets the two against each other: no preference for its subject
    doc = _met_then_he("Although", "pressed")
    assert registry_of(doc).actors(doc[9]) == ["person/rui-lobo"]


def test_entities_a_name_headed_by_a_word_for_a_policy_is_no_actor_whatever_the_model_tags_it() -> None:
    # "The Tango Diplomacy and the Andean Policy opened talks.": the model may tag either a person or a body
    words = ["The", "Tango", "Diplomacy", "and", "the", "Andean", "Policy", "opened", "talks", "."]
    doc = Doc(VOCAB, words=words, heads=[2, 2, 7, 2, 6, 6, 2, 7, 7, 7],
              deps=["det", "compound", "nsubj", "cc", "det", "compound", "conj", "ROOT", "dobj", "punct"],
              pos=["DET", "PROPN", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"],
              tags=["DT", "NNP", "NNP", "CC", "DT", "NNP", "NNP", "VBD", "NNS", "."],
              lemmas=["the", "Tango", "Diplomacy", "and", "the", "Andean", "Policy", "open", "talk", "."])
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 5, 7, label="ORG")]
    registry = registry_of(doc)
    assert registry.actors(doc[2]) == [] and registry.actors(doc[6]) == []


def _tagged_fac(words: list[str], heads: list[int], deps: list[str], pos: list[str], span: tuple[int, int]) -> dict:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, *span, label="FAC")]
    return {(e.kind, e.label) for e in registry_of(doc).entities.values()}


def test_entities_a_name_tagged_a_facility_is_one_only_with_a_word_for_a_facility() -> None:
    # "Troops landed at Fort Loma." / "Troops landed at Puerto Loma." / "The Loma Telegram angered Lima."
    landed = dict(heads=[1, 1, 1, 4, 2, 1], deps=["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
                  pos=["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"], span=(3, 5))
    assert _tagged_fac(["Troops", "landed", "at", "Fort", "Loma", "."], **landed) == {("Facility", "Fort Loma")}
    # a name where a place comes is a place's
    assert _tagged_fac(["Troops", "landed", "at", "Puerto", "Loma", "."], **landed) == {("Location", "Puerto Loma")}
    # and elsewhere a message's, an operation's: nothing the graph has a kind for
    assert _tagged_fac(["The", "Loma", "Telegram", "angered", "Lima", "."], heads=[2, 2, 3, 3, 3, 3],
                       deps=["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
                       pos=["DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"], span=(1, 3)) == set()

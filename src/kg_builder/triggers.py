"""The trigger words (ontology/triggers.yaml): the words by which texts state facts, by the part of the
extractor that reads them.

The file is checked when it is loaded against the keys the extractor reads: an unknown or missing section
or key, a value that is not a word, or a class, status or stance that the core vocabulary lacks is an
``InputError`` naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import yaml

from .datafile import DataFile, compose
from .model import EVENT_KINDS, STANCES, STATUSES


@dataclass(frozen=True)
class WordMap:
    """word -> a list of words, or (with `values`) word -> one of `values`; `keys` limits the words too."""

    values: tuple[str, ...] | None = None
    keys: tuple[str, ...] | None = None


WORDS = "words"  # a list of words
Spec = Union[str, WordMap]
LISTS = WordMap()


def _words(*keys: str) -> dict[str, Spec]:
    return {key: WORDS for key in keys}


SCHEMA: dict[str, dict[str, Spec]] = {
    "tokens": _words("bound_prefixes", "place_prefixes", "body_heads", "complement_verbs", "offer_nouns"),
    "events": {"verbs": WordMap(EVENT_KINDS), "nouns": WordMap(EVENT_KINDS), "noun_requires": LISTS,
               "verb_requires": LISTS, **_words("named_heads", "gathering_verbs", "journeys", "met_things", "relative_adverbs",
                                                "travel_verbs", "island_nouns", "causal_verbs", "closing_verbs",
                                                "onset_verbs", "stative", "place_object_verbs", "dated_nouns",
                                                "time_part_nouns", "doer_nouns", "place_nouns", "refusing_verbs",
                                                "name_openers", "hosting_verbs", "conference_heads")},
    "agreements": {"head_requires": LISTS, "families": LISTS, "status_verbs": WordMap(STATUSES), "status_nouns": LISTS,
                   **_words("heads", "named_heads", "signing_verbs", "list_verbs", "of_heads", "provision_heads",
                            "content_nouns",
                            "unnamed_modifiers", "agree_verbs", "omitting_verbs", "referring_adjectives",
                            "commitment_verbs", "undertaking_verbs", "affirming_verbs", "outcome_nouns", "assessing_verbs",
                            "proposal_withdrawing_verbs", "brokering_verbs", "naming_words", "member_verbs",
                            "undergoing_verbs", "in_force_phrases", "issuing_verbs", "bound_nouns", "wording_verbs",
                            "circumstance_verbs", "proposal_heads")},
    "positions": {"negated": WordMap(STANCES, STANCES), "side_prefixes": WordMap(STANCES),
                  **_words("policy_heads", "settling_verbs", "effort_verbs", "binding_verbs", "voice_heads",
                           "negative_frames", "positive_frames",
                           "negative_judgments", "asking_verbs", "positive_judgments", "framing_verbs",
                           "saying_nouns", "prolonging_verbs", "handing_verbs", "opinion_verbs", "construing_verbs",
                           "persuading_verbs",
                           "aspect_nouns", "regarding_verbs", "agreeing_verbs", "leaving_verbs", "unsettled_words",
                           "infinitive_nouns", "proposal_nouns", "coercing_verbs", "discovery_verbs",
                           "striving_verbs", "striving_nouns", "qualifying_adverbs", "collection_nouns",
                           "aspect_verbs", "topic_nouns", "condition_nouns", "priority_modifiers", "time_nouns",
                           "undergoer_nouns",
                           "office_nouns", "objection_nouns", "overriding_prepositions", "authoring_verbs",
                           "rival_frames")},
    "disagreements": _words("pair_nouns", "barrier_nouns", "partition_words", "relation_nouns", "worsening_verbs"),
    "reference": _words("leader_nouns", "government_nouns", "agent_nouns", "regnal_titles", "vague_qualifiers",
                        "vessel_nouns",
                        "group_qualifiers",
                        "partitive_nouns", "expletive_verbs",
                        "party_nouns", "measure_heads", "organization_nouns", "representing_nouns",
                        "body_kind_nouns", "state_group_heads"),
    "relations": {"title_bodies": LISTS, "rank_bodies": LISTS, "party_words": LISTS,
                  **_words("leader_titles", "other_titles", "home_titles", "affiliation_preps", "host_titles",
                           "appointment_verbs", "holding_verbs", "succession_verbs", "leading_verbs", "power_phrases",
                           "leadership_nouns", "alliance_words", "fighting_verbs", "war_nouns", "aligning_verbs",
                           "cooperating_verbs", "working_verbs",
                           "allegiance_nouns", "tie_nouns", "closeness_words", "tie_holding_verbs",
                           "alliance_member_prepositions", "example_prepositions",
                           "membership_heads", "member_nouns", "member_preps", "joining_verbs", "qualified_group_nouns",
                           "opinion_nouns", "group_suffixes", "group_nouns", "collective_nouns")},
    "facilities": {"head_requires": LISTS, "head_excludes": LISTS,
                   **_words("heads", "generic_modifiers", "status_modifiers", "status_nouns", "operator_verbs",
                            "phase_verbs", "change_verbs", "named_heads")},
    "factuality": _words("negators", "negative_implicatives", "gerund_implicatives", "preventing_verbs",
                         "negative_nouns", "lacking_verbs", "negative_adjectives", "implicative_adjectives",
                         "implicative_verbs", "permissive_verbs", "approximating_adverbs", "falling_short",
                         "scaling_verbs", "claim_nouns", "factive_nouns",
                         "negated_degree_adverbs", "negative_quantifiers", "negating_verbs", "ruling_out_verbs",
                         "placing_prepositions",
                         "thwarting_verbs", "averting_verbs", "realizing_verbs", "occurrence_verbs", "negative_adverbs",
                         "failure_adjectives",
                         "restating_adverbs",
                         "hedge_modals", "hypothetical_modals", "narrative_modals", "past_ability_modals",
                         "past_circumstance_marks", "normative_modals", "normative_adjectives", "hedge_verbs",
                         "taking_verbs", "anticipating_verbs", "advocating_verbs", "hedge_adverbs",
                         "hypothetical_marks", "condition_marks", "specified_nouns", "fated_verbs", "future_verbs",
                         "undertaking_verbs", "future_adjectives", "irrealis_nouns", "irrealis_modifiers",
                         "presupposing_prepositions", "reporting_verbs", "believing_verbs", "predicting_verbs",
                         "directing_verbs",
                         "inverting_words", "ordering_verbs", "means_verbs", "capacity_nouns", "obligation_nouns",
                         "condition_nouns", "convincing_verbs", "mandative_verbs", "denying_verbs", "hedge_adjectives",
                         "raising_verbs", "favoring_words"),
}


def read_triggers(path: Path) -> dict[str, Any]:
    """The trigger file as section -> key -> words (or word -> words / value), checked against SCHEMA."""
    root = compose(path, "trigger file")
    checker = DataFile(path)
    sections = checker.mapping(root, "the trigger file", frozenset(SCHEMA))
    checker.require(root, sections, frozenset(SCHEMA), "the trigger file")
    out: dict[str, Any] = {}
    for name, node in sections.items():
        keys = checker.mapping(node, name, frozenset(SCHEMA[name]))
        checker.require(node, keys, frozenset(SCHEMA[name]), f"section {name!r}")
        out[name] = {key: _value(checker, value, SCHEMA[name][key], f"{name}/{key}") for key, value in keys.items()}
    return out


def _value(checker: DataFile, node: yaml.Node, spec: Spec, what: str) -> Any:
    if spec == WORDS:
        return list(checker.words(node, what))
    assert isinstance(spec, WordMap)
    out: dict[str, Any] = {}
    for key, value in checker.mapping(node, what).items():
        key_node = next(k for k, _ in node.value if k.value == key)
        if spec.keys is not None:
            checker.one_of(key_node, what, spec.keys)
        else:
            checker.word(key_node, what)
        out[key] = list(checker.words(value, f"{what}/{key}")) if spec.values is None \
            else checker.one_of(value, f"{what}/{key}", spec.values)
    return out


def trigger_words(triggers: dict[str, Any]) -> frozenset[str]:
    """Every one-word trigger, lower case: the common nouns, verbs and adjectives the extractor reads."""
    found: set[str] = set()
    for section in triggers.values():
        for value in section.values():
            words = [*value, *(w for v in value.values() for w in (v if isinstance(v, list) else []))] \
                if isinstance(value, dict) else value
            found.update(w.lower() for w in words if " " not in w)
    return frozenset(found)

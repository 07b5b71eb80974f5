"""Frames as data (ontology/frames.yaml): which predicates state which facts, and which argument fills
which property of the core vocabulary.

The file is checked when it is loaded, against kgo.ttl: an unknown key,
class, property or stance is an ``InputError`` naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import rdflib
import yaml
from rdflib.namespace import OWL, RDF

from .datafile import DataFile, compose
from .model import STANCES
from .resources import ontology_dir, ontology_file

KGO = "https://w3id.org/kg-builder/ontology#"
CATEGORIES = ("verb", "noun", "adjective", "agent_noun")
TOP_KEYS = frozenset({"object_control", "sending_verbs", "light_verbs", "recognizing_verbs", "transparent_verbs",
                      "tough_adjectives", "complement_verbs", "adjunct_prepositions", "framing_prepositions",
                      "detached_prepositions",
                      "receiving_verbs", "unfolding_verbs", "ending_verbs", "siding_verbs", "siding_nouns",
                      "siding_adjectives", "means_nouns", "means_verbs", "exchange", "stance_prepositions", "defaults",
                      "contrasting_modifiers", "frames"})
FRAME_KEYS = frozenset({"name", "class", "stance", "verbs", "nouns", "adjectives", "agent_nouns", "roles", "themes",
                        "except_themes", "act", "acts_only"})
ROLE_NAMES = frozenset({"agent", "theme", "recipient", "clause", "infinitive", "proposition", "itself", "carrier",
                        "occasion"})


@dataclass(frozen=True)
class Frame:
    name: str
    fact_class: str  # local name in kgo, e.g. "PolicyPosition"
    stance: str | None
    roles: tuple[tuple[str, tuple[str, ...]], ...]  # (kgo property, the arguments that may fill it, in order)
    # the head words one of which what the stance concerns must have ("passed the bill", not "passed the test")
    themes: frozenset[str] = frozenset()
    # an act on a thing ("funded X", "passed the bill"): left undone, it states no stance either way
    act: bool = False
    # the head words none of which it may have ("an interest in a canal", not "an interest in the Andes")
    except_themes: frozenset[str] = frozenset()
    # what it concerns must be an act ("focused on rebuilding the navy"), never a thing ("focused on the war")
    acts_only: bool = False

    def fillers(self, prop: str) -> tuple[str, ...]:
        return next((args for p, args in self.roles if p == prop), ())


@dataclass(frozen=True)
class Frames:
    object_control: frozenset[str]  # with the sending verbs: the object does what the infinitive says
    sending_verbs: frozenset[str]  # "sent Jay to negotiate": Jay negotiates, and the sender is for it
    light_verbs: frozenset[str]
    # the light verbs and the verbs that carry only a stance noun ("saw the need to", "stressed the importance of")
    stance_light_verbs: frozenset[str]
    recognizing_verbs: frozenset[str]  # of those, the ones whose subject holds the stance ("took advantage of": not)
    transparent_verbs: frozenset[str]  # "wished to see a deal": the stance is about the deal
    tough_adjectives: frozenset[str]  # "X was impossible to keep": X is what is (not) kept
    complement_verbs: frozenset[str]
    adjunct_prepositions: frozenset[str]
    framing_prepositions: frozenset[str]  # "at X's request, Y did Z": the stance is about the clause around it
    detached_prepositions: frozenset[str]  # of those, the ones never part of the clause ("lifted at X's urging")
    receiving_verbs: frozenset[str]  # "the bill ran into opposition": the stance is about the bill
    unfolding_verbs: frozenset[str]  # "tensions grew over X": the verb's phrases are its subject's
    ending_verbs: frozenset[str]  # "end", "roll back": supporting the act opposes its object
    contrasting_modifiers: frozenset[str]  # "different views of X": holders who differ over X
    siding_verbs: frozenset[str]  # "backed the rebels", "opposed Allende": a stance on an actor itself
    siding_nouns: frozenset[str]  # "support for Allende", "opposition to Castro": the same, told by a noun
    siding_adjectives: frozenset[str]  # "sympathetic to the Confederacy": the same, told by an adjective
    means_nouns: frozenset[str]  # "took steps to ease tension": the infinitive is what the taking is for
    means_verbs: frozenset[str]  # of taking a means, besides the light verbs: "devised measures to"
    exchange_prepositions: tuple[str, ...]
    exchange_counterpart: dict[str, str]
    stance_prepositions: dict[str, str]  # "in favor of" -> Supports
    # (category, lemma or "lemma preposition") -> the frames it evokes
    index: dict[tuple[str, str], tuple[Frame, ...]] = field(default_factory=dict)

    def evoked(self, category: str, lemma: str) -> tuple[Frame, ...]:
        return self.index.get((category, lemma), ())

    def reads_acts(self, lemma: str) -> bool:
        """Whether a verb frame of the lemma takes a thing or an act for what it concerns, not only a proposition held
        true: "sent envoys to demand X" is read by its frame, "concluded a treaty to end X" is an act with a purpose,
        and so is an act on a kind of thing ("signed the act to fund X": the thing acted on is what it concerns)."""
        return any(f.fillers("concerns") != ("proposition",) and not f.themes for f in self.evoked("verb", lemma))

    def verb_stances(self, lemmas: list[str], any_thing: bool = False) -> set[str]:
        """The stances the verb frames of these lemmas take ("seek": Demands; "pursue": Supports); with ``any_thing``,
        only those of frames not kept to a kind of thing ("claim" demands a land, not what a clause says)."""
        return {f.stance for lemma in lemmas for f in self.evoked("verb", lemma)
                if f.stance and not (any_thing and f.themes)}

    @property
    def frames(self) -> tuple[Frame, ...]:
        return tuple(dict.fromkeys(f for found in self.index.values() for f in found))


class _Checker(DataFile):
    """The frames file's own checks: classes and properties are those of kgo.ttl."""

    def __init__(self, path: Path, vocabulary: tuple[frozenset[str], frozenset[str]]) -> None:
        super().__init__(path)
        self.classes, self.properties = vocabulary

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in super().words(node, what))

    def roles(self, node: yaml.Node, what: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        out = []
        for prop, fillers in self.mapping(node, what).items():
            if prop not in self.properties:
                key_node = next(k for k, _ in node.value if k.value == prop)
                raise self.fail(key_node, f"{what}: {prop!r} is not a property of kgo.ttl")
            out.append((prop, self.words(fillers, f"{what}/{prop}")))
        return tuple(out)

    def frame(self, node: yaml.Node, defaults: dict[str, tuple]) -> list[tuple[str, str, Frame]]:
        fields = self.mapping(node, "a frame", FRAME_KEYS)
        for required in ("name", "class"):
            if required not in fields:
                raise self.fail(node, f"a frame needs {required!r}")
        name = self.word(fields["name"], "name")
        fact_class = self.word(fields["class"], f"frame {name}: class")
        if fact_class not in self.classes:
            raise self.fail(fields["class"], f"frame {name}: {fact_class!r} is not a class of kgo.ttl")
        stance = self.word(fields["stance"], f"frame {name}: stance") if "stance" in fields else None
        if stance is not None and stance not in STANCES:
            raise self.fail(fields["stance"], f"frame {name}: unknown stance {stance!r}", hint=", ".join(STANCES))
        own = self.roles(fields["roles"], f"frame {name}: roles") if "roles" in fields else ()
        themes = frozenset(self.words(fields["themes"], f"frame {name}: themes")) if "themes" in fields else frozenset()
        act = self.flag(fields["act"], f"frame {name}: act") if "act" in fields else bool(themes)
        excepted = frozenset(self.words(fields["except_themes"], f"frame {name}: except_themes")) \
            if "except_themes" in fields else frozenset()
        acts_only = "acts_only" in fields and self.flag(fields["acts_only"], f"frame {name}: acts_only")
        out = []
        for category in CATEGORIES:
            key = f"{category}s"
            if key in fields:
                roles = own or defaults.get(category, ())
                frame = Frame(name, fact_class, stance, roles, themes, act, excepted, acts_only)
                out += [(category, lemma, frame) for lemma in self.words(fields[key], f"frame {name}: {key}")]
        return out


@lru_cache(maxsize=4)
def _vocabulary(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The local names of kgo's classes and properties."""
    graph = rdflib.Graph().parse(path, format="turtle")
    local = lambda kinds: frozenset(str(s)[len(KGO):] for k in kinds for s in graph.subjects(RDF.type, k)
                                    if str(s).startswith(KGO))
    return local((OWL.Class,)), local((OWL.ObjectProperty, OWL.DatatypeProperty))


def read_frames(path: Path, ontology: Path) -> Frames:
    root = compose(path, "frames file")
    checker = _Checker(path, _vocabulary(ontology))
    top = checker.mapping(root, "the frames file", TOP_KEYS)
    checker.require(root, top, TOP_KEYS, "the frames file")
    defaults = {c: checker.roles(n, f"defaults/{c}") for c, n in checker.mapping(top["defaults"], "defaults",
                                                                                  frozenset(CATEGORIES)).items()}
    exchange = checker.mapping(top["exchange"], "exchange", frozenset({"prepositions", "counterpart"}))
    counterpart = {k: checker.word(v, f"exchange/counterpart/{k}")
                   for k, v in checker.mapping(exchange["counterpart"], "exchange/counterpart", frozenset(STANCES)).items()}
    index: dict[tuple[str, str], tuple[Frame, ...]] = {}
    if not isinstance(top.get("frames"), yaml.SequenceNode):
        raise checker.fail(top.get("frames", root), "'frames' must be a list of frames")
    for node in top["frames"].value:
        for category, lemma, frame in checker.frame(node, defaults):
            index[(category, lemma)] = index.get((category, lemma), ()) + (frame,)
    light_verbs = frozenset(checker.words(top["light_verbs"], "light_verbs"))
    recognizing_verbs = frozenset(checker.words(top["recognizing_verbs"], "recognizing_verbs"))
    sending_verbs = frozenset(checker.words(top["sending_verbs"], "sending_verbs"))
    return Frames(object_control=frozenset(checker.words(top["object_control"], "object_control")) | sending_verbs,
                  sending_verbs=sending_verbs,
                  light_verbs=light_verbs, stance_light_verbs=light_verbs | recognizing_verbs,
                  recognizing_verbs=recognizing_verbs,
                  transparent_verbs=frozenset(checker.words(top["transparent_verbs"], "transparent_verbs")),
                  tough_adjectives=frozenset(checker.words(top["tough_adjectives"], "tough_adjectives")),
                  complement_verbs=frozenset(checker.words(top["complement_verbs"], "complement_verbs")),
                  adjunct_prepositions=frozenset(checker.words(top["adjunct_prepositions"], "adjunct_prepositions")),
                  framing_prepositions=frozenset(checker.words(top["framing_prepositions"], "framing_prepositions")),
                  detached_prepositions=frozenset(checker.words(top["detached_prepositions"],
                                                                "detached_prepositions")),
                  receiving_verbs=frozenset(checker.words(top["receiving_verbs"], "receiving_verbs")),
                  unfolding_verbs=frozenset(checker.words(top["unfolding_verbs"], "unfolding_verbs")),
                  ending_verbs=frozenset(checker.words(top["ending_verbs"], "ending_verbs")),
                  contrasting_modifiers=frozenset(checker.words(top["contrasting_modifiers"], "contrasting_modifiers")),
                  siding_verbs=frozenset(checker.words(top["siding_verbs"], "siding_verbs")),
                  siding_nouns=frozenset(checker.words(top["siding_nouns"], "siding_nouns")),
                  siding_adjectives=frozenset(checker.words(top["siding_adjectives"], "siding_adjectives")),
                  means_nouns=frozenset(checker.words(top["means_nouns"], "means_nouns")),
                  means_verbs=frozenset(checker.words(top["means_verbs"], "means_verbs")),
                  exchange_prepositions=checker.words(exchange["prepositions"], "exchange/prepositions"),
                  exchange_counterpart=counterpart, stance_prepositions=_stances(checker, top["stance_prepositions"]),
                  index=index)


def _stances(checker: _Checker, node: yaml.Node) -> dict[str, str]:
    out = {}
    for key, value in checker.mapping(node, "stance_prepositions").items():
        stance = checker.word(value, f"stance_prepositions/{key}")
        if stance not in STANCES:
            raise checker.fail(value, f"stance_prepositions/{key}: unknown stance {stance!r}", hint=", ".join(STANCES))
        out[key] = stance
    return out


@lru_cache(maxsize=4)
def load_frames(directory: Path | None = None) -> Frames:
    folder = directory or ontology_dir()
    return read_frames(folder / "frames.yaml", folder / "kgo.ttl" if directory else ontology_file())

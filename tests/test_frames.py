"""ontology/frames.yaml: loaded, checked against kgo.ttl, and every bad entry named with its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg_builder import resources
from kg_builder.errors import InputError
from kg_builder.frames import read_frames

GOOD = """\
object_control: [lead, urge]
light_verbs: [have, express]
exchange:
  prepositions: ["in exchange for"]
  counterpart: {Demands: Offers, Offers: Demands}
stance_prepositions: {"in favor of": Supports}
defaults:
  verb: {holder: [agent], concerns: [theme, clause]}
  noun: {holder: [agent], concerns: [clause, "on"]}
frames:
  - name: support
    class: PolicyPosition
    stance: Supports
    verbs: [support, "argue for"]
    nouns: [desire]
  - name: disagree
    class: Disagreement
    verbs: [disagree]
    roles: {party: [agent, with], concerns: [over]}
  - name: sustain
    class: PolicyPosition
    stance: Supports
    verbs: [fund]
    act: true
  - name: enact
    class: PolicyPosition
    stance: Supports
    verbs: [pass]
    themes: [bill, tariff]
complement_verbs: [be, remain]
adjunct_prepositions: [in]
framing_prepositions: [at]
ending_verbs: [end, "roll back"]
contrasting_modifiers: [different]
transparent_verbs: [see]
receiving_verbs: [face, "run into"]
unfolding_verbs: [grow, arise]
tough_adjectives: [impossible]
recognizing_verbs: [stress]
siding_verbs: [back]
siding_nouns: [support]
siding_adjectives: [loyal]
means_nouns: [step]
means_verbs: [devise]
sending_verbs: [send]
detached_prepositions: [at]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "frames.yaml"
    path.write_text(text, encoding="utf-8")
    return read_frames(path, resources.ontology_file())


def test_frames_project_file_loads_and_maps_stance_words() -> None:
    frames = read_frames(resources.ontology_dir() / "frames.yaml", resources.ontology_file())
    [oppose] = frames.evoked("verb", "oppose")
    assert (oppose.fact_class, oppose.stance) == ("PolicyPosition", "Opposes")
    assert frames.evoked("verb", "insist on")[0].stance == "Demands"
    assert "lead" in frames.object_control and "express" in frames.light_verbs
    assert "send" in frames.sending_verbs and "send" in frames.object_control  # the one sent does the act


def test_frames_defaults_fill_roles_a_frame_leaves_out(tmp_path: Path) -> None:
    frames = load(tmp_path, GOOD)
    [verb] = frames.evoked("verb", "support")
    [noun] = frames.evoked("noun", "desire")
    assert verb.fillers("concerns") == ("theme", "clause")
    assert noun.fillers("concerns") == ("clause", "on")
    assert frames.evoked("verb", "disagree")[0].fillers("party") == ("agent", "with")
    assert frames.exchange_counterpart == {"Demands": "Offers", "Offers": "Demands"}
    assert frames.evoked("verb", "pass")[0].themes == {"bill", "tariff"}
    assert verb.themes == frozenset()  # a frame without themes takes any thing it concerns
    # an act left undone states no stance: so a frame with themes, or one that says so
    assert (frames.evoked("verb", "pass")[0].act, frames.evoked("verb", "fund")[0].act, verb.act) == (True, True, False)


def test_frames_a_frame_with_themes_may_say_it_is_no_act(tmp_path: Path) -> None:
    # "would not recognize the new regime" opposes it, where "did not pass the bill" says nothing of the bill
    frames = load(tmp_path, GOOD.replace("    themes: [bill, tariff]", "    themes: [bill, tariff]\n    act: false"))
    [enact] = frames.evoked("verb", "pass")
    assert enact.themes == {"bill", "tariff"} and not enact.act


def test_frames_a_frame_may_name_themes_it_does_not_take(tmp_path: Path) -> None:
    frames = load(tmp_path, GOOD.replace("    nouns: [desire]\n", "    nouns: [desire]\n    except_themes: [region]\n"))
    [desire] = frames.evoked("noun", "desire")
    assert desire.except_themes == {"region"} and desire.themes == frozenset()
    assert frames.evoked("verb", "pass")[0].except_themes == frozenset()


def test_frames_a_frame_may_keep_to_acts(tmp_path: Path) -> None:
    # "focused on rebuilding the navy" puts the act first; "focused on the war" only says where one looked
    kept = GOOD.replace("    verbs: [fund]\n    act: true\n", "    verbs: [fund]\n    act: true\n    acts_only: true\n")
    frames = load(tmp_path, kept)
    assert frames.evoked("verb", "fund")[0].acts_only and not frames.evoked("verb", "pass")[0].acts_only
    with pytest.raises(InputError, match="acts_only"):
        load(tmp_path, GOOD.replace("    verbs: [fund]\n    act: true\n", "    verbs: [fund]\n    acts_only: maybe\n"))


def test_frames_a_frame_of_propositions_alone_reads_no_act(tmp_path: Path) -> None:
    believe = ("  - name: believe\n    class: PolicyPosition\n    stance: Believes\n    verbs: [conclude]\n"
               "    roles: {holder: [agent], concerns: [proposition]}\n")
    frames = load(tmp_path, GOOD.replace("complement_verbs:", believe + "complement_verbs:"))
    assert frames.evoked("verb", "conclude")[0].fillers("concerns") == ("proposition",)
    # "concluded that the war was lost" holds a proposition; "concluded a treaty to end it" is an act with a purpose
    assert not frames.reads_acts("conclude")
    assert frames.reads_acts("support") and frames.reads_acts("fund")
    assert not frames.reads_acts("walk")


@pytest.mark.parametrize(("old", "new", "line", "what"), [
    ("    stance: Supports\n    verbs: [support", "    stance: Favours\n    verbs: [support", 13, "unknown stance 'Favours'"),
    ("    class: Disagreement", "    class: Quarrel", 17, "'Quarrel' is not a class of kgo.ttl"),
    ("roles: {party:", "roles: {side:", 19, "'side' is not a property of kgo.ttl"),
    ("    nouns: [desire]", "    nounz: [desire]", 15, "unknown key 'nounz'"),
    ('concerns: [clause, "on"]', "concerns: [clause, on]", 9, "holds 'on', not a word"),
    ("light_verbs: [have, express]", "light_verbs: have", 2, "must be a list of words"),
    ("complement_verbs: [be, remain]\n", "", 1, "lacks 'complement_verbs'"),
    ("ending_verbs: [end", "ending_verbs: [2", 33, "holds '2', not a word"),
    ("themes: [bill, tariff]", "themes: bill", 29, "frame enact: themes must be a list of words"),
    ("    act: true", "    act: maybe", 24, "frame sustain: act holds 'maybe', not true or false"),
])
def test_frames_bad_entry_is_an_error_with_file_and_line(tmp_path: Path, old: str, new: str, line: int,
                                                         what: str) -> None:
    assert old in GOOD
    with pytest.raises(InputError) as error:
        load(tmp_path, GOOD.replace(old, new, 1))
    assert f"frames.yaml:{line}:" in error.value.message
    assert what in error.value.message


def test_frames_empty_or_broken_yaml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        load(tmp_path, "")
    with pytest.raises(InputError, match=r"frames.yaml:3: not valid YAML: expected ',' or ']'") as error:
        load(tmp_path, "frames:\n  - [unclosed\n")
    assert "\n" not in str(error.value)

"""The trigger file's schema: every bad entry an analyst can write fails at load with the file and line."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg_builder import resources
from kg_builder.errors import InputError
from kg_builder.triggers import SCHEMA, read_triggers, trigger_words

SHIPPED = (resources.ontology_dir() / "triggers.yaml").read_text(encoding="utf-8")


def _edited(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The shipped file with one edit, and the line number (1-based) where the edit starts."""
    assert old in SHIPPED
    text = SHIPPED.replace(old, new, 1)
    path = tmp_path / "triggers.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text[: text.index(new)].count("\n") + 1


def test_triggers_shipped_file_reads_as_plain_yaml_and_has_every_key():
    data = read_triggers(resources.ontology_dir() / "triggers.yaml")
    assert data == yaml.safe_load(SHIPPED)
    assert {s: set(keys) for s, keys in data.items()} == {s: set(keys) for s, keys in SCHEMA.items()}


@pytest.mark.parametrize("old, new, message", [
    ("events:\n", "eventz:\n", "unknown key 'eventz'"),
    ("  journeys:", "  journies:", "unknown key 'journies' in events"),
    ("    test: WeaponsTest\n", "    test: WeaponTest\n", "unknown value 'WeaponTest'"),
    ("    sign: Signed\n", "    sign: signed\n", "unknown value 'signed'"),
    ("    Supports: Opposes\n", "    Supports: Hates\n", "unknown value 'Hates'"),
    ("    Supports: Opposes\n", "    Likes: Opposes\n", "unknown value 'Likes'"),
    ("  negators: [", "  negators: [no, ", "negators holds 'no', not a word"),
    ("  pair_nouns: [side, country, nation, power, leader, government, party, superpower, state, ally, partner, rival, adversary]",
     "  pair_nouns: {side: country}", "pair_nouns must be a list of words"),
])
def test_triggers_bad_entry_names_file_and_line(tmp_path, old, new, message):
    path, line = _edited(tmp_path, old, new)
    with pytest.raises(InputError) as error:
        read_triggers(path)
    assert f"triggers.yaml:{line}:" in str(error.value)
    assert message in str(error.value)


def test_triggers_missing_key_is_named(tmp_path):
    path, _ = _edited(tmp_path, "  pair_nouns:", "  pair_names:")
    with pytest.raises(InputError, match="unknown key 'pair_names'"):
        read_triggers(path)
    path.write_text(SHIPPED.replace("  onset_verbs:", "  # onset_verbs:", 1), encoding="utf-8")
    with pytest.raises(InputError, match="section 'events' lacks 'onset_verbs'"):
        read_triggers(path)


def test_triggers_bad_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("a: [1\nb: ]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"triggers.yaml:2"):
        read_triggers(path)


def test_triggers_words_are_every_one_word_trigger_in_lower_case():
    triggers = {"events": {"verbs": {"meet": "Meeting", "Sign": "Signing"}, "journeys": ["visit", "state visit"]},
                "relations": {"title_bodies": {"senator": ["Senate", "upper house"]}}}
    assert trigger_words(triggers) == {"meet", "sign", "visit", "senator", "senate"}

"""The YAML data files of ontology/ (frames, trigger words), read as node trees so that every error names the
file and line it comes from: analysts edit these files by hand, and a wrong entry must be found at once."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError

STRING = "tag:yaml.org,2002:str"
BOOLEAN = "tag:yaml.org,2002:bool"


def compose(path: Path, what: str) -> yaml.Node:
    """The file's node tree; a missing, empty or malformed file is an error naming it (and the line)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: {what} not found") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "unreadable"
        raise InputError(f"{path}:{mark.line + 1 if mark else '?'}: not valid YAML: {problem}",
                         hint="check the brackets and quotes on that line") from exc
    if root is None:
        raise InputError(f"{path}: the {what} is empty")
    return root


class DataFile:
    """Checks of one file's nodes; each failure is an InputError at the node's line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str, hint: str | None = None) -> InputError:
        return InputError(f"{self.path}:{node.start_mark.line + 1}: {message}", hint=hint)

    def mapping(self, node: yaml.Node, what: str, allowed: frozenset[str] | None = None) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        out = {}
        for key, value in node.value:
            if allowed is not None and key.value not in allowed:
                raise self.fail(key, f"unknown key {key.value!r} in {what}", hint=f"one of {', '.join(sorted(allowed))}")
            out[key.value] = value
        return out

    def require(self, node: yaml.Node, fields: dict[str, yaml.Node], keys: frozenset[str], what: str) -> None:
        """Every key the code reads is there: a file that lacks one fails here, not in the middle of a build."""
        missing = sorted(keys - fields.keys())
        if missing:
            raise self.fail(node, f"{what} lacks {', '.join(map(repr, missing))}",
                            hint="see the file of the same name in the project's ontology/ for each key")

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A list of words, as written (YAML reads a bare no, yes, on or off as a boolean: refused)."""
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list of words")
        for item in node.value:
            self.word(item, what)
        return tuple(item.value for item in node.value)

    def word(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != STRING or not node.value.strip():
            raise self.fail(node, f"{what} holds {getattr(node, 'value', node)!r}, not a word", hint='quote it, e.g. "no"')
        return node.value

    def flag(self, node: yaml.Node, what: str) -> bool:
        """true or false, as YAML writes them."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOLEAN or node.value.lower() not in ("true", "false"):
            raise self.fail(node, f"{what} holds {getattr(node, 'value', node)!r}, not true or false")
        return node.value.lower() == "true"

    def one_of(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> str:
        value = self.word(node, what)
        if value not in allowed:
            raise self.fail(node, f"{what}: unknown value {value!r}", hint=f"one of {', '.join(allowed)}")
        return value

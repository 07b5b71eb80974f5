"""stats.py and `kg stats --rules`: the documents each rule fires in, frames that never fire, gold texts left out."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg_builder import stats
from kg_builder.cli import cli
from kg_builder.model import Document, Evidence, Facts, Position, Span


def facts_with(path: Path, *extractors: str) -> Facts:
    document = Document(doc_id=path.stem, path=str(path), text="x")
    positions = tuple(Position(f"p{i}", "state/chile", "Supports", "issue/x", Evidence(Span(0, 1, "x"), e, 0.5))
                      for i, e in enumerate(extractors))
    return Facts(document=document, positions=positions)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    frames = {"a.txt": ("frame:support:verb", "frame:support:noun"), "b.txt": ("frame:support:verb",),
              "gold.txt": ("frame:reject:verb",)}
    rules = {"a.txt": {"alliances": 2, "stances": 2}, "b.txt": {"stances": 1}, "gold.txt": {"memberships": 1}}
    for name in frames:
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")

    def facts_of(document, pipeline, written):
        written.update(rules[Path(document.path).name])
        return facts_with(Path(document.path), *frames[Path(document.path).name])

    monkeypatch.setattr(stats, "facts_of", facts_of)
    return tmp_path


def test_stats_counts_documents_per_registered_rule_and_per_frame(corpus: Path) -> None:
    uses = {u.rule: u for u in stats.rule_use([corpus], pipeline=None, skip=["gold.txt"])}
    assert (uses["frame:support"].documents, uses["frame:support"].facts) == (2, 3)
    assert (uses["rule:stances"].documents, uses["rule:stances"].facts) == (2, 3)
    assert (uses["rule:alliances"].documents, uses["rule:alliances"].facts) == (1, 2)
    # the gold text is left out, and what fired only there is listed with zero, as is what fired nowhere
    assert (uses["rule:memberships"].documents, uses["frame:reject"].documents) == (0, 0)
    assert uses["frame:oppose"].documents == 0 and uses["rule:opposed-stances"].documents == 0


def test_stats_rule_of_folds_frame_categories() -> None:
    assert stats.rule_of("frame:oppose:agent_noun") == "frame:oppose"


def test_cli_stats_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["stats", "--help"])
    assert result.exit_code == 0 and "Example: kg stats --rules" in result.output


@pytest.mark.slow
def test_extract_counts_the_facts_each_registered_rule_wrote(pipeline) -> None:
    from kg_builder.pipeline import facts_of

    written: dict[str, int] = {}
    text = "Chile and Peru signed the Lima Treaty in 1931. Peru opposed the new fishing quota."
    facts_of(Document(doc_id="t", path="t.txt", text=text), pipeline, written)
    assert written["stances"] == 1 and written["agreements"] >= 1
    assert "memberships" not in written and "alliances" not in written

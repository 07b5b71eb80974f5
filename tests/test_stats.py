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
    fired = {"a.txt": ("frame:support:verb", "frame:support:noun", "rule:alliance"), "b.txt": ("frame:support:verb",),
             "gold.txt": ("rule:only-on-gold",)}
    for name in fired:
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    monkeypatch.setattr(stats, "facts_of", lambda document, pipeline: facts_with(Path(document.path),
                                                                                  *fired[Path(document.path).name]))
    return tmp_path


def test_stats_counts_documents_per_rule_and_frames_by_name(corpus: Path) -> None:
    uses = {u.rule: u for u in stats.rule_use([corpus], pipeline=None, skip=["gold.txt"])}
    assert (uses["frame:support"].documents, uses["frame:support"].facts) == (2, 3)
    assert uses["rule:alliance"].documents == 1
    assert "rule:only-on-gold" not in uses  # the gold text is left out
    assert uses["frame:oppose"].documents == 0  # a frame of frames.yaml that fired nowhere is listed


def test_stats_rule_of_keeps_rule_ids_and_folds_frame_categories() -> None:
    assert stats.rule_of("frame:oppose:agent_noun") == "frame:oppose"
    assert stats.rule_of("rule:event-meeting") == "rule:event-meeting"


def test_cli_stats_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["stats", "--help"])
    assert result.exit_code == 0 and "Example: kg stats --rules" in result.output

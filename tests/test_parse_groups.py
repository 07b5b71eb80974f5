"""A build's worker parses its group of documents in one spaCy batch (``pipeline.parsed_together``),
and each document's error stays its own. A stand-in for spaCy records how it was called."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg_builder import corpus, pipeline
from kg_builder.errors import LimitError
from kg_builder.model import Facts, Limits


class StandInNlp:
    """Parses a text into ("parsed", text); any text with "poison" in it fails, alone or in a batch."""

    meta = {"lang": "en", "name": "stand_in", "version": "0"}
    max_length = 1_000_000

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.alone: list[str] = []

    def _parse(self, text: str) -> tuple[str, str]:
        if "poison" in text:
            raise ValueError("the parser choked")
        return ("parsed", text)

    def pipe(self, texts, batch_size: int):
        self.batches.append(list(texts))
        return [self._parse(t) for t in texts]

    def __call__(self, text: str) -> tuple[str, str]:
        self.alone.append(text)
        return self._parse(text)


@pytest.fixture
def nlp(monkeypatch: pytest.MonkeyPatch) -> StandInNlp:
    """The stand-in as the worker's pipeline; extraction records the parse each document got."""
    stand_in = StandInNlp()
    monkeypatch.setattr(corpus, "_worker_pipeline", pipeline.Pipeline(stand_in, lexicon=None))
    monkeypatch.setattr("kg_builder.extract.extract",
                        lambda doc, document, _lexicon, _written=None: (doc, Facts(document)))
    return stand_in


def sources(folder: Path, texts: dict[str, str]) -> list:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return pipeline.discover([folder]).files


def test_a_group_is_parsed_in_one_batch_and_each_document_gets_its_own_parse(tmp_path: Path, nlp) -> None:
    group = sources(tmp_path / "docs", {"a": "Alpha met Beta.\n", "b": "Gamma met Delta.\n", "c": "Epsilon left.\n"})
    outcomes = corpus._extract_group(group, Limits())
    assert nlp.batches == [["Alpha met Beta.\n", "Gamma met Delta.\n", "Epsilon left.\n"]] and nlp.alone == []
    assert [o.facts[0] for o in outcomes] == [("parsed", "Alpha met Beta.\n"), ("parsed", "Gamma met Delta.\n"),
                                              ("parsed", "Epsilon left.\n")]
    assert corpus._worker_pipeline.parsed == {}  # nothing kept past the group


def test_each_file_of_a_group_is_read_once(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    group = sources(tmp_path / "docs", {"a": "Alpha met Beta.\n", "b": "Gamma met Delta.\n"})
    read, real = [], pipeline.read_document
    monkeypatch.setattr(pipeline, "read_document", lambda path, doc_id: read.append(doc_id) or real(path, doc_id))
    outcomes = corpus._extract_group(group, Limits())
    assert read == ["a.txt", "b.txt"]  # for the batch's parse; extraction takes the same documents
    assert [o.document.doc_id for o in outcomes] == ["a.txt", "b.txt"] and corpus._worker_pipeline.read == {}


def test_a_group_that_fails_to_parse_is_parsed_one_by_one_and_only_the_bad_document_fails(tmp_path: Path,
                                                                                          nlp) -> None:
    group = sources(tmp_path / "docs", {"a": "Alpha met Beta.\n", "b": "A poison pill.\n", "c": "Epsilon left.\n"})
    first, bad, last = corpus._extract_group(group, Limits())
    assert nlp.alone == ["Alpha met Beta.\n", "A poison pill.\n", "Epsilon left.\n"]  # after the failed batch
    assert first.facts[0] == ("parsed", "Alpha met Beta.\n") and last.facts[0] == ("parsed", "Epsilon left.\n")
    assert isinstance(bad, ValueError)


def test_a_document_over_the_limits_fails_alone_and_the_others_are_parsed_together(tmp_path: Path, nlp) -> None:
    group = sources(tmp_path / "docs", {"a": "Alpha met Beta.\n", "b": "Word after word. " * 20, "c": "Epsilon left.\n"})
    first, long, last = corpus._extract_group(group, Limits(max_chars=100))
    assert nlp.batches == [["Alpha met Beta.\n", "Epsilon left.\n"]] and nlp.alone == []
    assert isinstance(long, LimitError) and "--max-chars" in str(long)
    assert first.facts[0] == ("parsed", "Alpha met Beta.\n") and last.facts[0] == ("parsed", "Epsilon left.\n")


def test_groups_are_consecutive_one_by_one_alone_and_bounded_by_the_length_limit(tmp_path: Path) -> None:
    files = sources(tmp_path / "docs", {f"d{n:03d}": "x" * (1_950 if n == 70 else 100) for n in range(198)})
    ids = [f.doc_id for f in files]
    pooled = list(corpus._groups(files, 2, Limits(max_chars=2_000)))
    assert [f.doc_id for g in pooled for f in g] == ids  # every document once, in order
    assert max(len(g) for g in pooled) == corpus.GROUP
    assert [f.doc_id for g in pooled for f in g if len(g) == 1] == ["d070.txt"]  # 1,950 bytes: no room for another beside it
    assert all(sum(f.path.stat().st_size for f in g) <= 2_000 for g in pooled)
    assert [len(g) for g in corpus._groups(files, 1, Limits())] == [1] * 198
    assert [len(g) for g in corpus._groups(files[:10], 2, Limits())] == [1] * 10  # too few to keep two workers busy

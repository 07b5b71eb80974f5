"""sparql.plan: a query asked again, in the same process or a later one (plan_cache), is not parsed again
(rdflib's parser is slow)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from kg_builder import sparql
from kg_builder.errors import QueryRefused


def test_plan_parses_a_repeated_query_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = sparql.parser.parseQuery
    monkeypatch.setattr(sparql.parser, "parseQuery", lambda text: parsed.append(text) or real(text))
    text = "SELECT ?s WHERE { ?s ex:p ?o } # plan cache test"
    first = sparql.plan(text, {"ex": "urn:ex:"})
    assert sparql.plan(text, {"ex": "urn:ex:"}) == first and len(parsed) == 1
    sparql.plan(text, {"ex": "urn:other:"})  # other prefixes: another plan
    assert len(parsed) == 2


def test_plan_refuses_a_repeated_bad_query_each_time() -> None:
    for _ in range(2):
        with pytest.raises(QueryRefused):
            sparql.plan("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = sparql.parser.parseQuery
    monkeypatch.setattr(sparql.parser, "parseQuery", lambda text: parsed.append(text) or real(text))
    return parsed


def _new_process() -> None:
    sparql._plan.cache_clear()  # what a later kg process starts with: nothing planned in memory


def test_plan_made_by_an_earlier_run_is_read_from_disk(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    text = "SELECT ?s WHERE { ?s ex:p ?o } ORDER BY ?s # kept on disk"
    _new_process()
    first = sparql.plan(text, {"ex": "urn:ex:"})
    _new_process()
    parsed = _parses(monkeypatch)
    assert sparql.plan(text, {"ex": "urn:ex:"}) == first and first.order_by == ("s",) and parsed == []


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", '{"text": "SELECT * WHERE { ?s ?p ?o }"}'])
def test_plan_kept_damaged_or_of_another_text_is_parsed_again(monkeypatch: pytest.MonkeyPatch, tmp_path,
                                                               damage: str) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    text = "SELECT ?s WHERE { ?s ex:p ?o } # damaged on disk"
    _new_process()
    first = sparql.plan(text, {"ex": "urn:ex:"})
    [kept] = (tmp_path / "plans").glob("*.json")
    kept.write_text(damage)
    _new_process()
    parsed = _parses(monkeypatch)
    assert sparql.plan(text, {"ex": "urn:ex:"}) == first and parsed == [text]


def test_plan_cache_turned_off_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    sparql.plan("SELECT ?s WHERE { ?s ex:p ?o } # not kept", {"ex": "urn:ex:"})
    assert not any(tmp_path.rglob("*.json"))


def test_plan_cache_unwritable_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked))  # its "plans" folder cannot be made
    text = "SELECT ?s WHERE { ?s ex:p ?o } # nowhere to keep it"
    assert sparql.plan(text, {"ex": "urn:ex:"}).text == text


def test_plan_kept_by_another_version_of_the_planner_is_parsed_again(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    text = "SELECT ?s WHERE { ?s ex:p ?o } # planner changed"
    _new_process()
    sparql.plan(text, {"ex": "urn:ex:"})
    monkeypatch.setattr(sparql, "_PLANNER", "another planner's code")
    _new_process()
    parsed = _parses(monkeypatch)
    sparql.plan(text, {"ex": "urn:ex:"})
    assert parsed == [text] and len(list((tmp_path / "plans").glob("*.json"))) == 2


def test_queries_planned_in_many_threads_at_once_parse_as_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # kg serve answers requests in threads, and the answers kept after a build are worked out in threads
    monkeypatch.setenv("KG_CACHE_DIR", "")
    texts = [f"SELECT ?s (COUNT(?o) AS ?n) WHERE {{ ?s ex:p{k} ?o OPTIONAL {{ ?o ex:q ?x }} FILTER (?o != {k}) }} "
             f"GROUP BY ?s ORDER BY ?s" for k in range(48)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda text: sparql.plan(text, {"ex": "urn:ex:"}), texts))
    _new_process()
    assert together == [sparql.plan(text, {"ex": "urn:ex:"}) for text in texts]
    assert all(plan.order_by == ("s",) for plan in together)

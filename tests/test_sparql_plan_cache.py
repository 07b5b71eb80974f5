"""sparql.plan: a query asked again in the same process is not parsed again (rdflib's parser is slow)."""
from __future__ import annotations

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

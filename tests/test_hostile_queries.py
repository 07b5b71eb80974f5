"""Hostile queries: SERVICE in disguise, FROM onto the network, updates, deep nesting, huge
results. Nothing reaches the network, nothing is written, and every answer is bounded."""
from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from hostile import DOCS, EX, error_line, kg, one_error, run_kg, store_with
from kg_builder.errors import QueryRefused, QuerySyntaxError
from kg_builder.sparql import MAX_DEPTH
from kg_builder.store import Store


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """Two documents: a.txt with 3 triples, b.txt with 200."""
    return store_with(tmp_path / "st", {"a.txt": 3, "b.txt": 200})


class Listener:
    """A TCP listener on the loopback that records whether anything connected."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.shutdown(socket.SHUT_RDWR)  # wakes the waiting accept now, not at its 0.2 s timeout
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.close()


def ask(store_dir: Path, query: str, *args: str):
    return kg("query", "-", "--store", str(store_dir), *args, input=query)


# -- SERVICE and FROM never reach the network -----------------------------------------------------

@pytest.mark.parametrize("template", [
    "PREFIX e: <http://e/> SELECT * WHERE {{ ?s e:a\\#b ?o . SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX e: <http://e/> SELECT * WHERE {{ ?s e:x\\#\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
], ids=["escaped-hash", "escaped-hash-newline", "silent-lowercase", "in-exists", "in-subquery", "variable"])
def test_hostile_service_is_refused_and_nothing_connects(store_dir: Path, listener: Listener, template: str) -> None:
    result = ask(store_dir, template.format(url=listener.url))
    assert result.exit_code == 2
    assert "SERVICE clauses are not allowed" in one_error(result, "KG310")
    assert listener.connections == 0


def test_hostile_service_as_a_word_in_text_iris_and_names_is_fine(store_dir: Path) -> None:
    result = ask(store_dir, 'SELECT ?service WHERE { ?service ?p "SERVICE" . ?s <http://x/SERVICE> ?o } # SERVICE')
    assert result.exit_code == 0, result.output


def test_hostile_from_a_url_is_refused_never_fetched(store_dir: Path, listener: Listener) -> None:
    result = ask(store_dir, f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}")
    assert result.exit_code == 2
    assert "nothing is fetched" in one_error(result, "KG310")
    assert listener.connections == 0


def test_hostile_from_one_document_counts_only_that_document(store_dir: Path) -> None:
    result = ask(store_dir, f"SELECT (COUNT(*) AS ?n) FROM <{DOCS}a.txt> WHERE {{ ?s ?p ?o }}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["n", "3"]


def test_hostile_from_named_limits_the_graphs_seen(store_dir: Path) -> None:
    result = ask(store_dir, f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{DOCS}b.txt> "
                            "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["g,n", f"{DOCS}b.txt,200"]


# -- queries are read-only -------------------------------------------------------------------------

@pytest.mark.parametrize("update", [
    'INSERT DATA { <http://e/s> <http://e/p> "o" }',
    f"DELETE DATA {{ GRAPH <{DOCS}a.txt> {{ <{EX}a.txt-0> <{EX}p> \"0\" }} }}",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX e: <http://e/> DELETE { ?s ?p ?o } INSERT { ?s e:q ?o } WHERE { ?s ?p ?o }",
    f"WITH <{DOCS}a.txt> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CLEAR ALL",
    f"DROP GRAPH <{DOCS}a.txt>",
    "CREATE GRAPH <http://e/g>",
    f"MOVE <{DOCS}a.txt> TO <http://e/g>",
    f"COPY <{DOCS}a.txt> TO <http://e/g>",
    f"ADD <{DOCS}a.txt> TO <http://e/g>",
    "# a comment first\nBASE <http://e/> PREFIX p: <x#> DROP ALL",
], ids=["insert-data", "delete-data", "delete-where", "modify", "with", "load", "clear", "drop", "create",
        "move", "copy", "add", "after-prologue"])
def test_hostile_updates_are_refused_as_read_only(store_dir: Path, update: str) -> None:
    result = ask(store_dir, update)
    assert result.exit_code == 2
    assert "queries are read-only" in one_error(result, "KG310")
    with Store.open(store_dir, create=False, read_only=True) as store:
        assert len(store.quads()) == 203


# -- size, depth and syntax ------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1) + ") }",
], ids=["parens-5000", "braces-5000", "just-past-the-limit"])
def test_hostile_deep_nesting_is_refused_before_any_parser(store_dir: Path, query: str) -> None:
    result = ask(store_dir, query)
    assert result.exit_code == 2
    assert "nests brackets more than" in one_error(result, "KG310")


def test_hostile_escaped_brackets_and_brackets_in_text_do_not_count_as_nesting(store_dir: Path) -> None:
    text = "(" * 100
    result = ask(store_dir, f'PREFIX e: <http://e/> SELECT * WHERE {{ ?s ?p "{text}" . ?s e:a\\(\\( ?o }}')
    assert result.exit_code == 0, result.output


def test_hostile_huge_query_is_refused_by_size(store_dir: Path) -> None:
    result = ask(store_dir, "SELECT * WHERE { ?s ?p ?o }" + " " * 300_000)
    assert result.exit_code == 2
    assert "characters long" in one_error(result, "KG310")


def test_hostile_syntax_error_says_line_and_column(store_dir: Path) -> None:
    result = ask(store_dir, "SELECT ?s\nWHERE {\n  ?s ?p ?o FILTR(?o) }\n")
    assert result.exit_code == 2
    line = one_error(result, "KG301")
    assert "line 3, column 12" in line and "FILTR" in line


# -- bounded answers --------------------------------------------------------------------------------

def test_hostile_cross_join_is_cut_at_the_default_row_cap_with_a_note(store_dir: Path) -> None:
    result = ask(store_dir, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--format", "csv")  # 203² rows
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 10_001
    assert "the result was cut: only the first 10000 rows" in result.stderr


def test_hostile_table_is_cut_at_a_thousand_rows_by_default(store_dir: Path) -> None:
    result = ask(store_dir, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")  # a table, meant to be read
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 + 1_000 + 1 and lines[-1] == "(1000 rows, truncated: more rows than the limit)"
    assert "only the first 1000 rows are shown (raise --limit, or --limit 0 for all)" in result.stderr


def test_hostile_runaway_query_stops_at_the_time_limit(store_dir: Path) -> None:
    # In a process of its own: an aggregate gives no row to stop at, so the store's worker thread
    # goes on counting 203^4 rows for minutes after kg has answered; only the process's exit ends it.
    done = run_kg(["query", "-", "--store", str(store_dir), "--timeout", "0.5"],
                  input="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    assert done.returncode == 2
    assert "did not finish within 0.5 s" in error_line(done.stderr, "KG300")


def test_hostile_param_values_cannot_inject_sparql(store_dir: Path) -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    result = kg("query", "-", "--store", str(store_dir), "--param",
                'o=x" } } ; DROP ALL ; SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #',
                input=query)
    assert result.exit_code == 0, result.output
    assert "(0 rows)" in result.stdout


def test_hostile_plan_refuses_without_a_store() -> None:
    from kg_builder.sparql import plan

    with pytest.raises(QueryRefused):
        plan("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    with pytest.raises(QuerySyntaxError):
        plan("SELECT * {")


def test_hostile_rows_stream_out_before_a_runaway_query_is_stopped(store_dir: Path) -> None:
    result = ask(store_dir, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",  # 203³ rows
                 "--format", "tsv", "--limit", "0", "--timeout", "1")
    assert result.exit_code == 2
    assert "did not finish within 1 s" in one_error(result, "KG300")
    lines = result.stdout.splitlines()
    assert lines[0] == "?a\t?b\t?c\t?d\t?e\t?f\t?g\t?h\t?i" and len(lines) > 1000
    assert all(line.count("\t") == 8 for line in lines)  # whole rows only

"""Hostile text: control characters, terminal escapes, odd encodings, deep HTML, entity tricks.
Whatever an article holds, every export parses back with two independent parsers."""
from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import DOCS, first_line_facts, kg, no_spacy, write  # noqa: F401 (no_spacy: a fixture)
from kg_builder import rdf, sources
from kg_builder.errors import InputError
from kg_builder.export import FORMATS, render
from kg_builder.model import Document
from kg_builder.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib parsing its own formats

RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "json-ld": "json-ld",
                  "rdfxml": "xml", "ntriples": "nt"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "json-ld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML, "ntriples": ox.RdfFormat.N_TRIPLES}


def store_text(tmp_path: Path, raw: str, title: str | None = None) -> Path:
    """Clean ``raw`` as a .txt file is cleaned, make its facts and store them; the store's folder."""
    text, _ = sources.clean_text(sources._printable(raw), title=title)
    document = Document("t%20.txt", "t .txt", text or "-\n", title=title)
    store_dir = tmp_path / "st"
    with Store.open(store_dir) as store:
        store.replace_graph(rdf.graph_iri(document), rdf.to_ntriples(first_line_facts(document)))
    return store_dir


def assert_every_export_parses_back(store_dir: Path) -> None:
    with Store.open(store_dir, create=False, read_only=True) as store:
        for fmt in FORMATS:
            data = render(store, fmt)
            assert list(ox.parse(data, OX_FORMATS[fmt])), fmt
            graph = rdflib.Dataset() if fmt in ("trig", "nquads", "json-ld") else rdflib.Graph()
            graph.parse(data=data, format=RDFLIB_FORMATS[fmt])
            assert len(graph) > 0 or fmt in ("trig", "nquads", "json-ld"), fmt


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: conftest.py
@given(raw=st.text(min_size=1, max_size=300), title=st.none() | st.text(max_size=40))
def test_hostile_any_unicode_text_gives_exports_that_parse_back(tmp_path_factory, raw: str, title: str | None) -> None:
    assert_every_export_parses_back(store_text(tmp_path_factory.mktemp("prop"), raw, title))


@pytest.mark.parametrize("raw", [
    "Talks\x00resumed in Geneva.\n",
    "Talks\x1b[2J\x1b]0;pwned\x07 resumed.\n",
    "Talks \ufffe\uffff resumed \x0c page two.\n",
    "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x1f the rest.\n",
])
def test_hostile_control_characters_never_break_rdf_xml(tmp_path: Path, raw: str) -> None:
    assert_every_export_parses_back(store_text(tmp_path, raw, title="Title\x00 with \x1b NUL"))


def test_hostile_nul_in_an_article_is_dropped_from_the_text(tmp_path: Path) -> None:
    doc = sources.read_document(write(tmp_path / "a.txt", "Talks\x00 resumed\x1b in Geneva.\n"))
    assert doc.text == "Talks resumed in Geneva.\n"


def test_hostile_break_hints_are_dropped_so_words_stay_whole(tmp_path: Path) -> None:
    doc = sources.read_document(write(tmp_path / "a.txt", "Talks in Washing\u00adton from 1899\u00ad\u2013\u200b1900.\n"))
    assert doc.text == "Talks in Washington from 1899\u20131900.\n"


def test_hostile_document_of_control_characters_only_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text left"):
        sources.read_document(write(tmp_path / "a.txt", "\x00\x01\x02\n\x03\n"))


def test_hostile_terminal_escapes_are_shown_escaped_in_table_and_csv(tmp_path: Path) -> None:
    store_dir = tmp_path / "st"
    with Store.open(store_dir) as store:
        store.replace_graph(DOCS + "a.txt", '<http://e/s> <http://e/p> "red\\u001B[31m alert\\u202Eevil" .\n')
    for fmt in ("table", "csv"):
        result = kg("query", "-", "--format", fmt, "--store", str(store_dir), input="SELECT ?o { ?s ?p ?o }")
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        assert "red\\x1b[31m alert\\u202eevil" in result.stdout


def test_hostile_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Talks resumed in Geneva.\n".encode("utf-16-le"))
    assert sources.read_document(path).text == "Talks resumed in Geneva.\n"


def test_hostile_utf16_without_a_byte_order_mark_gets_the_right_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Talks resumed in Geneva.\n".encode("utf-16-le"))
    with pytest.raises(InputError) as err:
        sources.read_document(path)
    assert "UTF-16 without a byte-order mark" in str(err.value)


def test_hostile_html_nested_60000_deep_is_read_in_bounded_time() -> None:
    # A hang guard, not a speed measure (benchmarks/deep_html.py times it): text at each of 60,000
    # levels took minutes while every piece of text looked through all the open tags.
    depth = 60_000
    code = ("import sys; from kg_builder.sources import html_to_text; "
            f"html = '<body>' + '<div>word ' * {depth} + '</b>' * {depth} + '</div>' * {depth}; "
            "sys.stdout.write(str(len(html_to_text(html)[0].split())))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout == str(depth), done.stderr


def test_hostile_hidden_html_stays_hidden_after_deep_nesting() -> None:
    html = "<div hidden>" + "<div>" * 1000 + "secret" + "</div>" * 1000 + "</div><p>shown</p>"
    assert sources.html_to_text(html)[0] == "shown"


def test_hostile_html_entities_are_not_expanded_from_a_doctype(tmp_path: Path, no_spacy) -> None:
    write(tmp_path / "docs" / "a.html", '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                                        "<p>The envoys met &lol2; times.</p>")
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 0, result.output
    out = kg("query", "-", "--format", "csv", "--store", str(tmp_path / "st"),
             input="SELECT ?l { ?e a <https://w3id.org/kg-builder/ontology#Meeting> ; "
                   "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert "&lol2; times" in out.stdout and "lollol" not in out.stdout


def test_hostile_metadata_url_that_is_not_an_iri_fails_only_that_document(tmp_path: Path, no_spacy) -> None:
    write(tmp_path / "docs" / "a.txt")
    write(tmp_path / "docs" / "a.meta.yaml", 'url: "http://e/a b>\\u0000"\n')
    write(tmp_path / "docs" / "b.txt")
    result = kg("build", str(tmp_path / "docs"), "--store", str(tmp_path / "st"))
    assert result.exit_code == 2
    assert "a.txt: error:" in result.stderr and "2/2 b.txt: 1 facts" in result.stderr
    assert "Traceback" not in result.stderr

"""`kg serve` over real HTTP on 127.0.0.1: the SPARQL 1.1 Protocol endpoint and the web page."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg_builder import rdf, resources
from kg_builder.serve import Limits, make_server, serve_in_thread
from kg_builder.store import Store
from test_rdf import DOCUMENT, make_facts

SVG = "{http://www.w3.org/2000/svg}"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"


def open_store(path: Path) -> Store:
    store = Store.open(path)
    store.ensure_ontology(resources.ontology_file())
    facts = make_facts()
    store.replace_graph(rdf.graph_iri(DOCUMENT), rdf.to_ntriples(facts))
    # a second document naming the same states: the union must count each once
    other = facts.document.__class__(doc_id="u", path="u.txt", text="Chile and Peru.")
    store.replace_graph(rdf.graph_iri(other), rdf.to_ntriples(make_facts(
        document=other, events=(), agreements=(), positions=(), disagreements=(), relations=())))
    return store


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("serve") / "store")
    httpd = make_server(store, 0, Limits(timeout_s=5, max_rows=50))
    serve_in_thread(httpd)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    store.close()


def get(url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    request = urllib.request.Request(url, data=data, headers={k: v for k, v in (
        ("Accept", accept), ("Content-Type", content_type)) if v})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8")


def sparql_url(base: str, query: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query})


COUNT_STATES = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kgo:State }"


def test_serve_binds_loopback_only(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")


def test_serve_sparql_get_json_counts_each_state_once(server: str) -> None:
    status, headers, body = get(sparql_url(server, COUNT_STATES), "application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"  # Chile, Peru, Bolivia in two graphs


@pytest.mark.parametrize("accept, parse", [
    ("application/sparql-results+xml", lambda b: ET.fromstring(b).find(f".//{RESULTS}literal").text),
    ("text/csv", lambda b: list(csv.reader(io.StringIO(b)))[1][0]),
    ("text/tab-separated-values", lambda b: b.splitlines()[1].split("^^")[0].strip('"')),
    ("text/html;q=0.9, text/csv;q=0.5", lambda b: list(csv.reader(io.StringIO(b)))[1][0]),
])
def test_serve_sparql_content_negotiation(server: str, accept: str, parse) -> None:
    status, headers, body = get(sparql_url(server, COUNT_STATES), accept)
    assert status == 200, body
    assert parse(body) == "3"


def test_serve_sparql_post_form_and_direct(server: str) -> None:
    form = urllib.parse.urlencode({"query": "ASK { kgs:chile a kgo:State }"}).encode()
    status, _, body = get(f"{server}/sparql", "application/sparql-results+json", form,
                          "application/x-www-form-urlencoded")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    status, _, body = get(f"{server}/sparql", "text/csv", COUNT_STATES.encode(), "application/sparql-query")
    assert status == 200 and body.splitlines()[1] == "3"


def test_serve_sparql_construct_is_ntriples(server: str) -> None:
    status, headers, body = get(sparql_url(server, "CONSTRUCT WHERE { kgs:chile a ?k }"), "*/*")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert body == f"<{rdf.KGR}state/chile> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{rdf.KGO}State> .\n"


def test_serve_sparql_row_cap_says_the_answer_was_cut(server: str) -> None:
    status, headers, body = get(sparql_url(server, "SELECT * WHERE { ?s ?p ?o }"), "application/sparql-results+json")
    doc = json.loads(body)
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert doc["head"]["truncated"] is True and len(doc["results"]["bindings"]) == 50
    _, _, xml = get(sparql_url(server, "SELECT * WHERE { ?s ?p ?o }"), "application/sparql-results+xml")
    assert ET.fromstring(xml).find(f"{RESULTS}head/{RESULTS}link").get("href") == "truncated"


def test_serve_sparql_time_limit(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s")
    httpd = make_server(store, 0, Limits(timeout_s=0.05, max_rows=10))
    serve_in_thread(httpd)
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _, body = get(sparql_url(f"http://127.0.0.1:{httpd.server_address[1]}", slow))
        assert status == 400 and "did not finish within 0.05 s" in body
    finally:
        httpd.shutdown()
        httpd.server_close()
        store.close()


@pytest.mark.parametrize("data, content_type, code", [
    (b"update=DROP+ALL", "application/x-www-form-urlencoded", 403),
    (b"query=SELECT+*+WHERE+%7B+SERVICE+%3Chttp%3A%2F%2Fx.org%2F%3E+%7B+%3Fs+%3Fp+%3Fo+%7D+%7D",
     "application/x-www-form-urlencoded", 400),
    (b"DROP ALL", "application/sparql-update", 415),
    (b"query=SELEKT", "application/x-www-form-urlencoded", 400),
])
def test_serve_sparql_refuses_updates_service_and_bad_queries(server: str, data: bytes, content_type: str,
                                                               code: int) -> None:
    assert get(f"{server}/sparql", None, data, content_type)[0] == code
    status, _, body = get(sparql_url(server, "ASK { kgs:chile a kgo:State }"), "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True  # still there


def test_serve_page_runs_a_canned_question_with_links_to_evidence(server: str) -> None:
    status, _, index = get(f"{server}/")
    assert status == 200 and 'action="/q/positions"' in index and 'name="holder"' in index
    status, _, body = get(f"{server}/q/disagreements?party=Peru")
    assert status == 200 and "Chile and Peru disagree over the quota." in body
    fact = next(iri for iri in rdf.mint_fact_iris(make_facts()).values() if "/disagreement/" in str(iri))
    assert f'/evidence?{urllib.parse.urlencode({"fact": str(fact)})}' in body
    status, _, page = get(f"{server}/evidence?" + urllib.parse.urlencode({"fact": str(fact)}))
    assert status == 200 and '<mark id="evidence">Chile and Peru disagree over the quota.</mark>' in page


def test_serve_page_documents_link_to_their_text(server: str) -> None:
    status, _, body = get(f"{server}/q/document")
    assert status == 200 and '<a href="/doc/t" title="https://w3id.org/kg-builder/id/document/t">kgdoc:t</a>' in body
    status, _, page = get(f"{server}/doc/t")
    assert status == 200 and "Chile and Peru met in Lima." in page and "<mark" not in page


def test_serve_page_typed_query_and_entity_page(server: str) -> None:
    status, _, body = get(f"{server}/query?" + urllib.parse.urlencode({"query": COUNT_STATES}))
    assert status == 200 and "<td>3</td>" in body
    status, _, body = get(f"{server}/about?name=peru")
    assert status == 200 and "<h2>Peru" in body and "Peru opposes the quota." in body
    assert get(f"{server}/about?name=Atlantis")[0] == 400


def test_serve_timeline_svg_draws_each_dated_fact(server: str) -> None:
    status, _, body = get(f"{server}/timeline")
    svg = ET.fromstring(body[body.index("<svg"):body.index("</svg>") + 6])
    marks = svg.findall(f"{SVG}a/{SVG}rect")
    labels = [t.text for t in svg.findall(f"{SVG}a/{SVG}text")]
    assert status == 200 and len(marks) == 3
    assert labels == ["2017  a year event", "2018-06  a month event", "2019-02-27 – 2019-02-28  Lima meeting"]
    widths = [float(r.get("width")) for r in marks]
    assert widths[0] > widths[1] > widths[2]  # a year, a month, two days


def test_serve_network_svg_draws_actors_and_ties(server: str) -> None:
    status, _, body = get(f"{server}/network")
    svg = ET.fromstring(body[body.index("<svg"):body.index("</svg>") + 6])
    actors = [t.text for t in svg.findall(f"{SVG}a/{SVG}text")]
    ties = sorted(p.find(f"{SVG}title").text for p in svg.findall(f"{SVG}path"))
    assert status == 200 and actors == ["Chile", "Peru"]
    assert ties == ["Chile allied with Peru (1 fact)", "Chile disagreed with Peru (1 fact)", "Chile met Peru (1 fact)"]


def test_serve_page_fetches_nothing_from_elsewhere(server: str) -> None:
    for path in ("/", "/timeline", "/network", "/about?name=Chile", "/query"):
        body = get(server + path)[2]
        assert not re.search(r'(?:src|href|action)="(?:https?:)?//|url\(|@import|<script|<link', body), path


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5ed1930dcfa0d1a7.txt"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (Debian package `chromium`) on this machine")
def test_serve_seed_timeline_and_network_render_in_a_headless_browser(tmp_path: Path, build_into) -> None:
    """Chromium lays out the seed's pages: the DOM it renders holds the seed's facts, the screenshot is an image."""
    with Store.open(tmp_path / "store") as store:
        store.ensure_ontology(resources.ontology_file())
        build_into(SEED, store)
        httpd = make_server(store, 0, Limits())
        serve_in_thread(httpd)
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"]
        try:
            timeline = subprocess.run(flags + ["--dump-dom", f"{base}/timeline"], capture_output=True, text=True,
                                      timeout=120).stdout
            network = subprocess.run(flags + ["--dump-dom", f"{base}/network"], capture_output=True, text=True,
                                     timeout=120).stdout
            shot = tmp_path / "network.png"
            subprocess.run(flags + [f"--screenshot={shot}", f"{base}/network"], capture_output=True, timeout=120)
        finally:
            httpd.shutdown()
            httpd.server_close()
    assert "2019-02-27 – 2019-02-28  Hanoi summit" in timeline and "2018-06  Singapore summit" in timeline
    assert all(f">{name}</text>" in network for name in ("Donald Trump", "Kim Jong-un", "North Korea"))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 1200

"""The ontology and the exports in the OWL API (Debian's libowlapi-java): OWL 2 DL profile, and loading.

tools/OwlCheck.java runs the OWL API's own profile checker; nothing is fetched: the
exports' owl:imports of kgo is mapped to ontology/kgo.ttl.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg_builder import rdf, resources
from kg_builder.export import export_dataset
from kg_builder.store import Store
from test_rdf import DOCUMENT, make_facts

ROOT = Path(__file__).resolve().parents[1]
OWLAPI = Path("/usr/share/java/owlapi-distribution.jar")
JAVA = shutil.which("java")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (JAVA and OWLAPI.exists()), reason="needs java and Debian's libowlapi-java")]


def owl_check(*files: Path) -> list[tuple[str, str, str]]:
    done = subprocess.run([JAVA, "-cp", "/usr/share/java/*", str(ROOT / "tools" / "OwlCheck.java"),
                           "--import", f"{rdf.ONTOLOGY_IRI}={resources.ontology_file()}", *map(str, files)],
                          capture_output=True, text=True, timeout=240)
    rows = [tuple(line.split("\t", 2)) for line in done.stdout.splitlines() if line.count("\t") >= 2]
    assert done.returncode == 0, done.stdout + done.stderr
    return rows


def test_owl_ontology_is_owl2_dl_but_for_the_rdf_statement_axiom() -> None:
    rows = owl_check(resources.ontology_file())
    violations = [text for kind, _, text in rows if kind == "violation"]
    assert len(violations) == 1 and violations[0].startswith("Use of reserved vocabulary for class IRI: rdf:Statement")
    assert [int(text) for kind, _, text in rows if kind == "axioms"][0] > 300


def test_owl_api_opens_the_turtle_and_rdfxml_exports(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as store:
        store.replace_graph(rdf.graph_iri(DOCUMENT), rdf.to_ntriples(make_facts()))
        paths = []
        for fmt, suffix in (("turtle", ".ttl"), ("rdfxml", ".rdf")):
            paths.append(tmp_path / f"export{suffix}")
            export_dataset(store, fmt, paths[-1])
    rows = owl_check(*paths)
    assert {kind for kind, _, _ in rows} <= {"violation", "axioms"}  # both parsed
    axioms = {path: int(text) for kind, path, text in rows if kind == "axioms"}
    assert len(axioms) == 2 and min(axioms.values()) > 100
    # what stays outside OWL 2 DL: xsd:date, gYearMonth and gYear (DESIGN's date types), and rdf:Statement
    other = {re.sub(r'"[^"]*"', "", text.split(" [")[0]) for kind, _, text in rows if kind == "violation"}
    assert other <= {"Use of reserved vocabulary for class IRI: rdf:Statement"} | {
        f"{what}{t}" for t in ("xsd:date", "xsd:gYearMonth", "xsd:gYear")
        for what in ("Use of undeclared datatype: ", "Use of defined datatype in datatype restriction ^^")}

"""What an analyst looks at, read from the store as plain data: a document's text,
everything about one entity, the timeline, the actor network.

The command line prints these views and ``kg serve`` draws them; neither
writes SPARQL of its own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .errors import InputError
from .queries import to_sparql_term
from .store import Store

_PROLOGUE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <https://w3id.org/kg-builder/ontology#>
"""


@dataclass(frozen=True)
class DocumentText:
    doc_id: str
    title: str
    text: str
    sha256: str


def document_text(store: Store, doc_id: str) -> DocumentText:
    """The cleaned text of a document (the text span offsets index), checked against its digest."""
    rows = store.query(_PROLOGUE + f"""
        SELECT ?title ?text ?sha WHERE {{
          ?d dcterms:identifier {to_sparql_term(doc_id)} ; kgo:cleanedText ?text ; kgo:textSha256 ?sha .
          OPTIONAL {{ ?d dcterms:title ?title }} }} LIMIT 1""").rows
    if not rows:
        raise InputError(f"no document {doc_id!r} with its text in the store",
                         hint="`kg query document` lists the documents; build older ones again to store their text")
    title, text, sha = rows[0]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
        raise InputError(f"the stored text of {doc_id} does not match its SHA-256", hint="build the document again")
    return DocumentText(doc_id, title or doc_id, text, sha)

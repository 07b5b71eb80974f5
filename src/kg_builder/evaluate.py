"""Score a document's graph against a competency-question gold file.

A gold file (the format of ``../shared/eval/seed-questions.yaml``) names a
document, the entities it mentions with their aliases, questions with the rows
an analyst expects, and ``forbidden`` ASK queries that must answer false.

The scoring follows the project's reference scorer (``check_questions.py``)
rule for rule, so that ``kg eval`` and the reference give the same numbers:

- every question id has one fixed SELECT over the core vocabulary of
  DESIGN.md; a ``*_names``-style cell holds every label of a node joined by
  ``" | "`` and ``ctx`` holds the evidence sentences of the row's main node;
- a gold row is answered when some system row matches every cell of the
  question's columns; a ``~`` cell matches anything;
- DATE cells match by prefix (the precision the gold gives), ENUM cells after
  squashing case, spaces, ``_`` and ``-``, TEXT cells when at least 75% of
  the gold words (stop words dropped, a crude suffix stemmer) occur in the
  fact's own labels, or half of them do and the evidence sentences bring the
  share to 75%; every other cell is an entity cell: a
  label or alias must equal one of the gold spellings or one of the aliases
  the gold's ``entities`` give them;
- each system row answers at most one gold row, in a maximum matching of gold
  rows to the rows they fit; system rows left over are "unmatched" (the
  reference calls them spurious).

The queries run with rdflib (the reference's SPARQL engine) over the
document's named graph, taken from our store, plus the ontology. When a gold
row matches several system rows, the one it claims (and so the unmatched
count) depends on the order of rdflib's answers, which follows the order the
statements were read in: ``scoring_graph`` reads them in the order of a TriG
export followed by the ontology file, as the reference is run.
"""
from __future__ import annotations

import json
import re
import unicodedata
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
import rdflib
import yaml
from rdflib.plugins.sparql import prepareQuery

from .errors import InputError, QueryError, ValidationSetupError
from .export import PREFIXES as EXPORT_PREFIXES
from .rdf import ONTOLOGY_GRAPH, document_graph_iri
from .sources import document_id
from .store import Store

DEFAULT_KGO = EXPORT_PREFIXES["kgo"]
SEPARATOR = " | "

# -- column kinds ----------------------------------------------------------------

DATE_COLUMNS = frozenset({"start", "end", "date"})
ENUM_COLUMNS = frozenset({"status", "stance", "modality", "polarity"})
TEXT_COLUMNS = frozenset({"commitment", "issue", "statement", "event", "relation",
                          "fulfilled_by", "facility_status"})
CONTEXT_COLUMN = "ctx"  # evidence sentences, extra words for TEXT cells
TEXT_SHARE = (3, 4)  # a TEXT cell needs at least 3/4 of its words
STOP_WORDS = frozenset(
    "the a an of to in on and for with from by at as its their his her this that".split())
SUFFIXES = ("ing", "ed", "es", "s")  # tried in this order, at most one is cut


def column_kind(column: str) -> str:
    """``date``, ``enum``, ``text`` or ``entity``: how a cell of ``column`` is compared."""
    if column in DATE_COLUMNS:
        return "date"
    if column in ENUM_COLUMNS:
        return "enum"
    if column in TEXT_COLUMNS:
        return "text"
    return "entity"


# -- the scoring queries -------------------------------------------------------------

SPARQL_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
NAME = "rdfs:label|skos:altLabel|skos:prefLabel"


def _prologue(kgo: str) -> str:
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in SPARQL_PREFIXES.items()]
    return "\n".join(lines + [f"PREFIX kgo: <{kgo}>"]) + "\n"


def _all(var: str, column: str) -> str:
    """Projection: every distinct value of ?var as text, joined by SEPARATOR, as ?column."""
    return f"(GROUP_CONCAT(DISTINCT STR(?{var}); separator='{SEPARATOR}') AS ?{column})"


def _local(var: str, out: str) -> str:
    """Bind ?out to the local name of the IRI in ?var (kgo:NotSigned -> NotSigned)."""
    return f"BIND(REPLACE(STR(?{var}), '^.*[#/]', '') AS ?{out})"


def _typed(node: str, cls: str) -> str:
    return f"?{node} a/rdfs:subClassOf* kgo:{cls} ."


def _happened(node: str) -> str:
    """Neither negated nor hypothetical."""
    return (f"FILTER NOT EXISTS {{ ?{node} kgo:polarity kgo:Negative }}\n"
            f"  FILTER NOT EXISTS {{ ?{node} kgo:modality kgo:Hypothetical }}")


def _evidence(node: str) -> str:
    return f"OPTIONAL {{ ?{node} prov:wasDerivedFrom/kgo:sentence ?ctx_ }}"


def _select(keys: str, columns: Sequence[str], body: str) -> str:
    """One row per distinct binding of the ``keys`` variables."""
    return f"SELECT {keys} {' '.join(columns)} WHERE {{\n  {body}\n}} GROUP BY {keys}"


QUERIES: dict[str, str] = {
    "summits": _select(
        "?e", [_all("pl", "summit_place"), "(SAMPLE(STR(?s)) AS ?start)", "(SAMPLE(STR(?en)) AS ?end)"], f"""
  {_typed('e', 'Summit')}
  {_happened('e')}
  OPTIONAL {{ ?e kgo:location ?loc . ?loc {NAME} ?pl }}
  OPTIONAL {{ ?e kgo:startDate ?s }}
  OPTIONAL {{ ?e kgo:endDate ?en }}"""),
    "participants": _select("?e ?p", [_all("pl", "summit_place"), _all("pn", "participant")], f"""
  {_typed('e', 'Summit')} ?e kgo:participant ?p .
  {_happened('e')}
  ?p {NAME} ?pn .
  OPTIONAL {{ ?e kgo:location ?loc . ?loc {NAME} ?pl }}"""),
    "agreements": _select("?a ?sg", [_all("an", "agreement"), _all("sn", "signatory"), _all("stn", "status")], f"""
  {_typed('a', 'Agreement')}
  ?a {NAME} ?an .
  OPTIONAL {{ ?a kgo:signatory ?sg . ?sg {NAME} ?sn }}
  OPTIONAL {{ ?a kgo:status ?st . {_local('st', 'stn')} }}"""),
    "commitments": _select(
        "?a ?c ?f", [_all("an", "agreement"), _all("cn", "commitment"), _all("fn", "fulfilled_by")], f"""
  ?a kgo:hasCommitment ?c .
  ?a {NAME} ?an .
  OPTIONAL {{ ?c {NAME} ?cn }}
  OPTIONAL {{ ?c kgo:concerns/({NAME}) ?cn }}
  OPTIONAL {{ ?c kgo:fulfilledBy ?f .
             OPTIONAL {{ ?f {NAME} ?fn }}
             OPTIONAL {{ ?f prov:wasDerivedFrom/kgo:sentence ?fn }} }}"""),
    "facilities": _select(
        "?x ?o", [_all("xn", "facility"), _all("on", "country"), _all("stat", "facility_status")], f"""
  {_typed('x', 'Facility')} ?x {NAME} ?xn .
  OPTIONAL {{ {{ ?x kgo:operator ?o }} UNION {{ ?x kgo:locatedIn ?o }} ?o {NAME} ?on }}
  OPTIONAL {{ ?x kgo:facilityStatus ?stat }}"""),
    "positions": _select(
        "?pp ?h ?at", [_all("hn", "holder"), _all("stn", "stance"), _all("in", "issue"),
                       _all("mn", "modality"), _all("atn", "attributed_to"), _all("ctx_", "ctx")], f"""
  {_typed('pp', 'PolicyPosition')} ?pp kgo:holder ?h .
  ?h {NAME} ?hn .
  OPTIONAL {{ ?pp kgo:stance ?st . {_local('st', 'stn')} }}
  OPTIONAL {{ ?pp kgo:concerns ?i . ?i {NAME} ?in }}
  OPTIONAL {{ ?pp kgo:modality ?m . {_local('m', 'mn')} }}
  OPTIONAL {{ ?pp kgo:attributedTo ?at . ?at {NAME} ?atn }}
  {_evidence('pp')}
  FILTER NOT EXISTS {{ ?pp kgo:polarity kgo:Negative }}"""),
    "disagreements": _select(
        "?d ?a ?b", [_all("an", "actor_a"), _all("bn", "actor_b"), _all("in", "issue"), _all("ctx_", "ctx")], f"""
  {_typed('d', 'Disagreement')} ?d kgo:party ?a, ?b .
  FILTER (?a != ?b)
  ?a {NAME} ?an . ?b {NAME} ?bn .
  OPTIONAL {{ ?d kgo:concerns ?i . ?i {NAME} ?in }}
  {_evidence('d')}"""),
    "unrealized": _select(
        "?x", [_all("xn", "statement"), _all("pn", "polarity"), _all("mn", "modality"), _all("ctx_", "ctx")], f"""
  {{ ?x kgo:polarity kgo:Negative }} UNION {{ ?x kgo:modality kgo:Hypothetical }}
  UNION {{ ?x kgo:modality kgo:Normative }} UNION {{ ?x kgo:status kgo:NotSigned }}
  OPTIONAL {{ ?x {NAME} ?xn }}
  OPTIONAL {{ {{ ?x kgo:polarity ?p }} UNION {{ ?x kgo:status kgo:NotSigned . BIND(kgo:Negative AS ?p) }}
             {_local('p', 'pn')} }}
  OPTIONAL {{ ?x kgo:modality ?m . {_local('m', 'mn')} }}
  {_evidence('x')}"""),
    "roles": _select(
        "?p ?o ?rel", [_all("pn", "person"), _all("on", "organization_or_state"), _all("role", "relation")], f"""
  {{ ?p kgo:leaderOf ?o . BIND("leaderOf" AS ?rel) }}
  UNION {{ ?p kgo:affiliatedWith ?o . BIND("affiliatedWith" AS ?rel) }}
  ?p {NAME} ?pn . ?o {NAME} ?on .
  OPTIONAL {{ ?p kgo:role ?role }}"""),
    "timeline": _select("?e", [_all("d", "date"), _all("en", "event"), _all("ctx_", "ctx")], f"""
  {{ ?e kgo:startDate ?d }}
  UNION {{ {_typed('e', 'Agreement')} ?e kgo:adoptedAt/kgo:startDate ?d }}
  {_happened('e')}
  OPTIONAL {{ ?e {NAME} ?en }}
  {_evidence('e')}"""),
    "alignments": _select("?a ?b", [_all("an", "actor_a"), _all("bn", "actor_b")], f"""
  ?a kgo:alliedWith ?b . ?a {NAME} ?an . ?b {NAME} ?bn ."""),
    "document": _select(
        "?d ?c", [_all("t", "title"), _all("cn", "author"), _all("pn", "publisher"), _all("dt", "date")], f"""
  ?d dcterms:title ?t .
  OPTIONAL {{ ?d dcterms:creator ?c . OPTIONAL {{ ?c {NAME} ?cn0 }} BIND(COALESCE(?cn0, ?c) AS ?cn) }}
  OPTIONAL {{ ?d dcterms:publisher ?pb . OPTIONAL {{ ?pb {NAME} ?pn0 }} BIND(COALESCE(?pn0, ?pb) AS ?pn) }}
  OPTIONAL {{ ?d dcterms:date ?dt }}"""),
}


# -- the gold file ------------------------------------------------------------------

@dataclass(frozen=True)
class GoldQuestion:
    id: str
    columns: tuple[str, ...]
    rows: tuple[dict, ...]  # each cell: a list of spellings, one value, or None (= any)
    line: int  # of the question in the gold file


@dataclass(frozen=True)
class ForbiddenAsk:
    why: str
    ask: str
    line: int


@dataclass(frozen=True)
class GoldFile:
    path: Path
    document: str  # the document's file name, e.g. "npt.txt"
    entities: tuple[dict, ...] = ()
    questions: tuple[GoldQuestion, ...] = ()
    forbidden: tuple[ForbiddenAsk, ...] = ()

    @property
    def doc_id(self) -> str:
        """The id `kg build FILE` gives the document (its file name)."""
        return document_id(PurePath(Path(self.document).name))

    @property
    def graph_iri(self) -> str:
        return document_graph_iri(self.doc_id)

    @property
    def scored(self) -> tuple[GoldQuestion, ...]:
        """The questions that count: those with rows and a scoring query."""
        return tuple(q for q in self.questions if q.rows and q.id in QUERIES)

    @property
    def unscored(self) -> tuple[str, ...]:
        """Ids of questions that have rows but no scoring query (skipped, as by the reference)."""
        return tuple(q.id for q in self.questions if q.rows and q.id not in QUERIES)


_FORMAT_HINT = "see the comment at the top of seed-questions.yaml for the gold format"


class _Reader:
    """Checks a parsed gold file, reporting problems with their line numbers."""

    def __init__(self, path: Path, root: yaml.Node) -> None:
        self.path = path
        self.root = root

    def line(self, *where: str | int) -> int:
        node = self.root
        for step in where:
            child = _child(node, step)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def fail(self, message: str, *where: str | int) -> InputError:
        return InputError(f"{self.path}:{self.line(*where)}: {message}", hint=_FORMAT_HINT)

    def mapping(self, value: object, what: str, *where: str | int) -> dict:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping", *where)
        return value

    def listing(self, value: object, what: str, *where: str | int) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{what} must be a list", *where)
        return value

    def text(self, owner: dict, key: str, what: str, *where: str | int) -> str:
        value = owner.get(key)
        if value is None or isinstance(value, (dict, list)) or str(value).strip() == "":
            raise self.fail(f"{what} needs `{key}`", *where)
        return str(value)


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        return next((v for k, v in node.value if getattr(k, "value", None) == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def load_gold(path: Path) -> GoldFile:
    """Read and check a gold file; any problem is an InputError naming the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputError(f"cannot read the gold file {path}: {reason}") from e
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e)
        raise InputError(f"{path}{where}: not valid YAML: {problem}") from e
    finally:
        loader.dispose()
    if root is None:
        raise InputError(f"{path}:1: the gold file is empty", hint=_FORMAT_HINT)
    r = _Reader(path, root)
    top = r.mapping(data, "the gold file")
    document = r.text(top, "document", "the gold file", "document")
    if "questions" not in top:
        raise r.fail("the gold file needs `questions`")
    questions = tuple(_question(r, q, i) for i, q in enumerate(r.listing(top["questions"], "`questions`", "questions")))
    seen: dict[str, int] = {}
    for q in questions:
        if q.rows and q.id in seen:
            raise InputError(f"{path}:{q.line}: question `{q.id}` is given twice (first on line {seen[q.id]})",
                             hint=_FORMAT_HINT)
        if q.rows:
            seen[q.id] = q.line
    entities = tuple(_entity(r, e, i) for i, e in enumerate(r.listing(top.get("entities"), "`entities`", "entities")))
    forbidden = tuple(_forbidden(r, f, i) for i, f in enumerate(r.listing(top.get("forbidden"), "`forbidden`", "forbidden")))
    return GoldFile(path, document, entities, questions, forbidden)


def _question(r: _Reader, value: object, i: int) -> GoldQuestion:
    where = ("questions", i)
    q = r.mapping(value, "a question", *where)
    qid = r.text(q, "id", "a question", *where)
    rows = r.listing(q.get("rows"), f"the rows of `{qid}`", *where, "rows")
    columns: list = []
    if rows:
        if "columns" not in q:
            raise r.fail(f"question `{qid}` has rows but no `columns`", *where)
        columns = r.listing(q["columns"], f"the columns of `{qid}`", *where, "columns")
        if any(not isinstance(c, str) for c in columns):
            raise r.fail(f"the columns of `{qid}` must be names", *where, "columns")
    for j, row in enumerate(rows):
        r.mapping(row, f"a row of `{qid}`", *where, "rows", j)
    return GoldQuestion(qid, tuple(columns), tuple(rows), r.line(*where))


def _entity(r: _Reader, value: object, i: int) -> dict:
    where = ("entities", i)
    e = r.mapping(value, "an entity", *where)
    r.text(e, "label", "an entity", *where)
    r.listing(e.get("aliases"), "the aliases of an entity", *where, "aliases")
    return e


def _forbidden(r: _Reader, value: object, i: int) -> ForbiddenAsk:
    where = ("forbidden", i)
    f = r.mapping(value, "a forbidden query", *where)
    why = r.text(f, "why", "a forbidden query", *where)
    ask = r.text(f, "ask", "a forbidden query", *where)
    try:
        parsed = prepareQuery(_prologue(DEFAULT_KGO) + ask, initNs=query_namespaces())
    except Exception as e:  # pyparsing and rdflib raise several kinds
        raise r.fail(f"the forbidden query is not valid SPARQL: {e}", *where, "ask") from e
    if parsed.algebra.name != "AskQuery":
        raise r.fail("a forbidden query must be an ASK query", *where, "ask")
    return ForbiddenAsk(why, ask, r.line(*where))


# -- matching a cell ---------------------------------------------------------------------

_QUOTES_AND_DASHES = str.maketrans({"\u2019": "'", "\u2013": "-", "\u2014": "-"})


def normalize(text: object) -> str:
    """Case-folded, NFKC, curly quote and dashes made plain, a leading "the " dropped."""
    s = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    s = re.sub(r"^the\s+", "", s.translate(_QUOTES_AND_DASHES))
    return re.sub(r"\s+", " ", s)


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: object) -> set[str]:
    """The stemmed words of ``text``, without stop words (dots removed first: U.S. -> us)."""
    tokens = re.findall(r"[a-z0-9]+", normalize(text).replace(".", ""))
    return {stem(t) for t in tokens if t not in STOP_WORDS}


def split_names(cell: object) -> list[str]:
    if cell is None:
        return []
    return [part.strip() for part in str(cell).split(SEPARATOR) if part.strip()]


def alias_groups(entities: Iterable[Mapping]) -> dict[str, frozenset[str]]:
    """Each normalized name of a gold entity -> all names of every entity that has it."""
    groups: dict[str, set[str]] = {}
    for entity in entities:
        names = {normalize(entity["label"])} | {normalize(a) for a in entity.get("aliases") or ()}
        for name in names:
            groups.setdefault(name, set()).update(names)
    return {name: frozenset(group) for name, group in groups.items()}


def _squash(text: str) -> str:
    return re.sub(r"[\s_-]", "", normalize(text))


def _date_matches(wanted: list[str], got: list[str]) -> bool:
    return any(normalize(g).startswith(normalize(w)) for w in wanted for g in got)


def _enum_matches(wanted: list[str], got: list[str]) -> bool:
    return any(_squash(w) == _squash(g) for w in wanted for g in got)


def _text_matches(wanted: list[str], own: list[str], context: list[str]) -> bool:
    """Most of the gold words must be in the fact's own labels: 3/4 of them, or half of them when the
    evidence sentence brings the share up to 3/4 (the sentence supports a label, it cannot replace it)."""
    have = set().union(*(content_words(p) for p in own))
    around = have | set().union(*(content_words(p) for p in context))
    need_share, of = TEXT_SHARE
    for w in wanted:
        need = content_words(w)
        if not need:
            continue
        in_label = len(need & have)
        if in_label * of >= len(need) * need_share or (
                in_label * 2 >= len(need) and len(need & around) * of >= len(need) * need_share):
            return True
    return False


def _entity_matches(wanted: list[str], got: list[str], aliases: Mapping[str, frozenset[str]]) -> bool:
    spellings = {normalize(w) for w in wanted}
    accepted = set(spellings)
    for s in spellings:  # one step only: a spelling's own entity, not its aliases' aliases
        accepted |= aliases.get(s, frozenset())
    return not accepted.isdisjoint(normalize(g) for g in got)


def cell_matches(column: str, gold_cell: object, row: Mapping[str, str | None],
                 aliases: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether the system ``row`` satisfies the gold cell of ``column`` (None = any value)."""
    if gold_cell is None:
        return True
    wanted = [str(v) for v in (gold_cell if isinstance(gold_cell, list) else [gold_cell])]
    got = split_names(row.get(column))
    kind = column_kind(column)
    if kind == "date":
        return _date_matches(wanted, got)
    if kind == "enum":
        return _enum_matches(wanted, got)
    if kind == "text":
        return _text_matches(wanted, got, split_names(row.get(CONTEXT_COLUMN)))
    return _entity_matches(wanted, got, aliases or {})


def row_matches(columns: Iterable[str], gold_row: Mapping, row: Mapping[str, str | None],
                aliases: Mapping[str, frozenset[str]] | None = None) -> bool:
    return all(cell_matches(c, gold_row.get(c), row, aliases) for c in columns)


# -- scores ---------------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionScore:
    question_id: str
    answered: int
    total: int
    missed: tuple[dict, ...]  # gold rows no system row matched
    unmatched_system_rows: tuple[dict, ...]  # system rows no gold row claimed
    system_rows: int
    columns: tuple[str, ...] = ()  # the question's columns, for showing rows

    def to_dict(self, verbose: bool = False) -> dict[str, Any]:
        """The reference scorer's shape: lists with ``verbose``, counts without."""
        return {"answered": self.answered, "of": self.total, "system_rows": self.system_rows,
                "missed": list(self.missed) if verbose else len(self.missed),
                "unmatched_system_rows": list(self.unmatched_system_rows) if verbose
                else len(self.unmatched_system_rows)}


@dataclass(frozen=True)
class EvalReport:
    document: str
    questions: tuple[QuestionScore, ...]
    answered: int
    total: int
    spurious: int  # unmatched system rows, over all questions
    forbidden_true: tuple[str, ...]  # the `why` of each forbidden ASK that answered true
    gold: str = ""  # the gold file's path (an addition: where the report came from)

    @property
    def system_rows(self) -> int:
        return sum(q.system_rows for q in self.questions)

    @property
    def percent(self) -> float | None:
        return percent(self.answered, self.total)

    def to_dict(self, verbose: bool = False) -> dict[str, Any]:
        return {"gold": self.gold, "document": self.document,
                "answered": self.answered, "total": self.total, "percent": _rounded(self.percent),
                "system_rows": self.system_rows, "spurious": self.spurious,
                "questions": {q.question_id: q.to_dict(verbose) for q in self.questions},
                "forbidden": list(self.forbidden_true)}


def percent(answered: int, total: int) -> float | None:
    return 100.0 * answered / total if total else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def score_question(question: GoldQuestion, rows: Sequence[dict],
                   aliases: Mapping[str, frozenset[str]]) -> QuestionScore:
    """A maximum matching of gold rows to system rows: each system row answers at most one gold row."""
    fits = [[i for i, row in enumerate(rows) if row_matches(question.columns, gold_row, row, aliases)]
            for gold_row in question.rows]
    owner = _maximum_matching(fits)
    answered = set(owner.values())
    missed = tuple(g for j, g in enumerate(question.rows) if j not in answered)
    unmatched = tuple(row for i, row in enumerate(rows) if i not in owner)
    total = len(question.rows)
    return QuestionScore(question.id, total - len(missed), total, missed, unmatched, len(rows), question.columns)


def _maximum_matching(fits: list[list[int]]) -> dict[int, int]:
    """{system row: gold row} by augmenting paths (Kuhn's algorithm); ``fits[j]`` lists the rows gold row j fits."""
    owner: dict[int, int] = {}

    def place(j: int, seen: set[int]) -> bool:
        for i in fits[j]:
            if i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen):
                    owner[i] = j
                    return True
        return False

    for j in range(len(fits)):
        place(j, set())
    return owner


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib warns that its own Dataset code uses deprecated names; nothing for us to act on."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def system_rows(graph: rdflib.Graph, question_id: str, kgo: str = DEFAULT_KGO) -> list[dict]:
    """The rows of a scoring query (unbound cells left out), in rdflib's order."""
    try:
        with _quiet_rdflib():
            solutions = [s.asdict() for s in graph.query(_prologue(kgo) + QUERIES[question_id])]
    except Exception as e:  # rdflib raises several kinds
        raise QueryError(f"the scoring query for `{question_id}` failed: {e}") from e
    rows = []
    for solution in solutions:
        row = {k: str(v) for k, v in solution.items() if v is not None}
        if question_id == "roles":  # the relation is the property's name or any stated role
            row["relation"] = SEPARATOR.join(v for v in (row.get("rel"), row.get("relation")) if v)
        rows.append(row)
    return rows


def ask(graph: rdflib.Graph, query: str, kgo: str = DEFAULT_KGO) -> bool:
    try:
        with _quiet_rdflib():
            return bool(graph.query(_prologue(kgo) + query).askAnswer)
    except Exception as e:  # rdflib raises several kinds
        raise QueryError(f"a forbidden query failed: {e}") from e


def score_graph(graph: rdflib.Graph, gold: GoldFile, kgo: str = DEFAULT_KGO) -> EvalReport:
    """Score ``graph`` (everything the questions may see) against ``gold``."""
    aliases = alias_groups(gold.entities)
    scores = tuple(score_question(q, system_rows(graph, q.id, kgo), aliases) for q in gold.scored)
    forbidden = tuple(f.why for f in gold.forbidden if ask(graph, f.ask, kgo))
    return EvalReport(
        document=gold.document, questions=scores,
        answered=sum(s.answered for s in scores), total=sum(s.total for s in scores),
        spurious=sum(len(s.unmatched_system_rows) for s in scores),
        forbidden_true=forbidden, gold=str(gold.path))


# -- the store side --------------------------------------------------------------------

def query_namespaces() -> dict[str, str]:
    """Prefixes a forbidden query may use undeclared: rdflib's defaults and those of our exports."""
    return {p: str(ns) for p, ns in rdflib.Graph().namespaces()} | dict(EXPORT_PREFIXES)


def declared_prefixes(turtle: str) -> dict[str, str]:
    """The @prefix / PREFIX declarations of a Turtle text."""
    found = re.findall(r"(?:@prefix|(?<![\w@])PREFIX)\s+([\w.-]*):\s*<([^>]*)>", turtle, flags=re.IGNORECASE)
    return dict(found)


def kgo_namespace(ontology: Path | None) -> str:
    """The kgo: namespace the ontology file declares (the default one when it declares none)."""
    try:
        text = Path(ontology).read_text(encoding="utf-8") if ontology else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    return declared_prefixes(text).get("kgo", DEFAULT_KGO)


def document_trig(store: Store, graph_iri: str) -> bytes:
    """The document's graph as `kg export --format trig` writes it (same statement order)."""
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph_iri))
             for t in ox.parse(store.graph_ntriples(graph_iri), ox.RdfFormat.N_TRIPLES)]
    quads.sort(key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))  # as export.render sorts
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=EXPORT_PREFIXES)


def scoring_graph(store: Store, graph_iri: str, ontology: Path | None = None) -> rdflib.Dataset:
    """What the questions see: the document's named graph and the ontology, loaded as the reference does.

    The reference reads a TriG export and then the ontology file; rdflib's
    answers come in the order statements were read, and which system row a
    gold row claims depends on that order, so the same order is kept here.
    ``ontology`` is the Turtle file the store's ontology graph was loaded from
    (``Store.ensure_ontology``); without it the store's ontology graph is used.
    """
    data = rdflib.Dataset(default_union=True)
    with _quiet_rdflib():
        data.parse(data=document_trig(store, graph_iri).decode("utf-8"), format="trig")
    if ontology is None:
        with _quiet_rdflib():
            data.parse(data=store.graph_ntriples(ONTOLOGY_GRAPH), format="nt")
        return data
    try:
        with _quiet_rdflib():
            data.parse(Path(ontology), format="turtle")
    except (OSError, UnicodeDecodeError) as e:
        raise ValidationSetupError(f"cannot read the ontology {ontology}: {e}") from e
    except Exception as e:  # rdflib's parser raises several kinds
        raise ValidationSetupError(f"the ontology {ontology} is not valid Turtle: {e}") from e
    return data


def evaluate(store: Store, gold: GoldFile, ontology: Path | None = None) -> EvalReport:
    """Score the gold's document graph (plus the ontology) in ``store``; other documents are not seen.

    ``ontology`` is the ontology file the store holds (see ``scoring_graph``);
    its kgo: prefix declaration names the namespace the questions use.
    """
    if gold.graph_iri not in store.document_graphs():
        raise InputError(f"{gold.document} (graph <{gold.graph_iri}>) is not in the store {store.path}",
                         hint=f"build it first: kg build PATH/{gold.document} --store {store.path}")
    graph = scoring_graph(store, gold.graph_iri, ontology)
    return score_graph(graph, gold, kgo_namespace(ontology))


def find_document(name: str, folders: Iterable[Path]) -> Path | None:
    """The file called ``name``: directly in one of ``folders`` (in order), else anywhere below one."""
    folders = [Path(f) for f in folders if Path(f).is_dir()]
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    base = Path(name).name
    for folder in folders:
        found = sorted(p for p in folder.rglob(base) if p.is_file() and p.as_posix().endswith(Path(name).as_posix()))
        if len(found) > 1:
            raise InputError(f"{name} is found more than once under {folder}: "
                             + ", ".join(str(p) for p in found[:3]), hint="name the folder with --docs")
        if found:
            return found[0]
    return None


# -- showing reports ---------------------------------------------------------------------

MAX_VALUE = 70  # characters of a value in the verbose listing


def format_table(reports: Sequence[EvalReport], verbose: bool = False) -> str:
    """A readable report per gold file; ``verbose`` lists missed gold rows and unmatched system rows."""
    lines: list[str] = []
    for report in reports:
        lines += _report_lines(report, verbose)
        lines.append("")
    if len(reports) > 1:
        answered = sum(r.answered for r in reports)
        total = sum(r.total for r in reports)
        forbidden = sum(len(r.forbidden_true) for r in reports)
        lines.append(f"overall: answered {answered}/{total} ({_pct(percent(answered, total))}), "
                     f"forbidden true {forbidden}, over {len(reports)} gold files")
    return "\n".join(lines).rstrip("\n") + "\n"


def _report_lines(report: EvalReport, verbose: bool) -> list[str]:
    head = f"== {report.document}" + (f" (gold: {report.gold})" if report.gold else "") + " =="
    width = max([len("question"), len("total")] + [len(q.question_id) for q in report.questions])
    lines = [head, f"{'question':<{width}}  answered  system rows  unmatched"]
    for q in report.questions:
        lines.append(f"{q.question_id:<{width}}  {f'{q.answered}/{q.total}':>8}  {q.system_rows:>11}  "
                     f"{len(q.unmatched_system_rows):>9}")
        if verbose:
            lines += [f"    missed:    {_show_gold(row, q.columns)}" for row in q.missed]
            lines += [f"    unmatched: {_show_row(row, q.columns)}" for row in q.unmatched_system_rows]
    lines.append(f"{'total':<{width}}  {f'{report.answered}/{report.total}':>8}  {report.system_rows:>11}  "
                 f"{report.spurious:>9}")
    lines.append(f"answered {report.answered}/{report.total} ({_pct(report.percent)})")
    if report.forbidden_true:
        lines.append(f"forbidden queries that came out true: {len(report.forbidden_true)}")
        lines += [f"  - {why}" for why in report.forbidden_true]
    else:
        lines.append("forbidden queries that came out true: none")
    return lines


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _show_gold(row: Mapping, columns: Sequence[str]) -> str:
    cols = list(columns) or [k for k in row if k != "line"]
    cells = []
    for c in cols:
        value = row.get(c)
        shown = "~" if value is None else " / ".join(map(str, value)) if isinstance(value, list) else str(value)
        cells.append(f"{c}={_clip(shown)}")
    line = f" (line {row['line']})" if "line" in row else ""
    return "; ".join(cells) + line


def _show_row(row: Mapping[str, str], columns: Sequence[str]) -> str:
    cols = [c for c in columns if c in row] or [k for k in row if k != CONTEXT_COLUMN]
    return "; ".join(f"{c}={_clip(row[c])}" for c in cols if row.get(c)) or "(no values)"


def to_json(reports: Sequence[EvalReport], verbose: bool = False) -> str:
    answered = sum(r.answered for r in reports)
    total = sum(r.total for r in reports)
    data = {"answered": answered, "total": total, "percent": _rounded(percent(answered, total)),
            "reports": [r.to_dict(verbose) for r in reports]}
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"

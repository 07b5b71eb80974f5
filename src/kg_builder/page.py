"""The web page of ``kg serve``: HTML and SVG drawn from the views, no script, no asset from elsewhere.

Every function returns a complete HTML document as text; every value from
the graph is escaped.
"""
from __future__ import annotations

import math
from html import escape
from urllib.parse import quote, urlencode

from .queries import CannedQuery, shorten
from .rdf import KGR, document_id_of, is_fact_iri
from .store import QueryResult
from .views import About, DocumentText, Network, TimelineEntry, format_about

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1180px; padding: 0 16px 40px; color: #222; }
nav { display: flex; gap: 18px; align-items: center; padding: 10px 0; border-bottom: 1px solid #ccc; margin-bottom: 14px; }
nav a { color: #0b4f8a; text-decoration: none; font-weight: 600; }
nav form { margin-left: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
textarea { width: 100%; font: 13px monospace; }
mark { background: #ffe066; padding: 1px 0; }
.doc { white-space: pre-wrap; font: 15px/1.6 Georgia, serif; max-width: 820px; }
.note { color: #666; font-size: 13px; }
.fact { margin: 6px 0 12px 12px; }
.sentence { color: #444; font-style: italic; }
svg text { font: 12px system-ui, sans-serif; }
"""

KIND_COLOURS = {"Summit": "#c0392b", "Meeting": "#e67e22", "Agreement": "#27ae60", "Announcement": "#8e44ad",
                "Transfer": "#16a085", "WeaponsTest": "#7f1d1d", "Negotiation": "#2c7fb8"}
TIE_COLOURS = {"met": "#2c7fb8", "signed with": "#27ae60", "disagreed with": "#c0392b", "allied with": "#8e44ad"}


def layout(title: str, body: str) -> str:
    nav = ('<nav><a href="/">Questions</a><a href="/query">SPARQL</a><a href="/timeline">Timeline</a>'
           '<a href="/network">Network</a><a href="/q/document">Documents</a>'
           '<form action="/about"><input name="name" placeholder="entity, e.g. North Korea" size="26">'
           '<button>About</button></form></nav>')
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} · kg</title>'
            f'<style>{_STYLE}</style></head><body>{nav}<h1>{escape(title)}</h1>\n{body}\n</body></html>\n')


def index(queries: list[CannedQuery]) -> str:
    items = []
    for q in queries:
        inputs = "".join(f' <input name="{escape(p.name)}" placeholder="{escape(p.name)}" title="{escape(p.description)}"'
                         ' size="14">' for p in q.parameters)
        items.append(f'<li><form action="/q/{escape(q.name)}"><b>{escape(q.title)}</b>: {escape(q.question)}'
                     f'{inputs} <button>Ask</button></form></li>')
    return layout("Questions", "<ul>" + "\n".join(items) + "</ul>")


def query_form(text: str, result: QueryResult | None, error: str | None = None) -> str:
    body = ('<form action="/query" method="get"><textarea name="query" rows="10">' + escape(text) + '</textarea>'
            '<p class="note">The project\'s prefixes (kgo:, kgs:, kgp:, kgev:, …) are declared. '
            'The same store answers SPARQL 1.1 Protocol requests at <code>/sparql</code>.</p>'
            '<button>Run</button></form>')
    if error:
        body += f'<p><b>Error:</b> {escape(error)}</p>'
    if result is not None:
        body += result_table(result)
    return layout("SPARQL query", body)


def answer(query: CannedQuery, params: dict[str, str], result: QueryResult) -> str:
    given = ", ".join(f"{k} = {v}" for k, v in params.items())
    head = f'<p>{escape(query.question)}</p>' + (f'<p class="note">Parameters: {escape(given)}</p>' if given else "")
    return layout(query.title, head + result_table(result))


def result_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return f"<p>{'true' if result.boolean else 'false'}</p>"
    if result.kind == "construct":
        return f"<pre>{escape(result.graph_ntriples or '')}</pre>"
    head = "".join(f"<th>{escape(v)}</th>" for v in result.variables)
    rows = []
    for row in result.terms:
        cells = "".join(f"<td>{_cell(t.value if t else None, t.kind if t else None)}</td>" for t in row)
        rows.append(f"<tr>{cells}</tr>")
    note = f'<p class="note">{len(rows)} row{"s" if len(rows) != 1 else ""}'
    note += " — cut at the row limit</p>" if result.truncated else "</p>"
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>{note}"


def _cell(value: str | None, kind: str | None) -> str:
    if value is None:
        return ""
    if kind != "uri":
        return escape(value)
    short = escape(shorten(value))
    doc_id = document_id_of(value)
    if doc_id is not None:
        return f'<a href="/doc/{escape(quote(doc_id))}" title="{escape(value)}">{short}</a>'
    if is_fact_iri(value):
        return f'<a href="/evidence?{urlencode({"fact": value})}" title="{escape(value)}">{short}</a>'
    if value.startswith(str(KGR)):
        return f'<a href="/about?{urlencode({"name": value})}" title="{escape(value)}">{short}</a>'
    return short


def document(doc: DocumentText, begin: int | None, end: int | None, fact: str | None = None) -> str:
    text = doc.text
    if begin is not None and end is not None and 0 <= begin <= end <= len(text):
        shown = f'{escape(text[:begin])}<mark id="evidence">{escape(text[begin:end])}</mark>{escape(text[end:])}'
    else:
        shown = escape(text)
    about = f'<p class="note">Evidence of {_cell(fact, "uri")}</p>' if fact else ""
    meta = f'<p class="note">{escape(doc.doc_id)} · {len(text)} characters · sha256 {escape(doc.sha256)}</p>'
    return layout(doc.title, about + meta + f'<div class="doc">{shown}</div>')


def about_page(found: list[About]) -> str:
    parts = []
    for a in found:
        e = a.entity
        parts.append(f'<h2>{escape(e.label)} <span class="note">{escape(shorten(e.iri))} · {escape(", ".join(e.kinds))}'
                     '</span></h2>')
        summary = format_about(a, shorten).splitlines()[1:3]
        parts.append("".join(f'<p class="note">{escape(line.strip())}</p>' for line in summary))
        for kind, facts in a.by_kind().items():
            parts.append(f"<h3>{escape(kind)} ({len(facts)})</h3>")
            for f in facts:
                link = f"/doc/{f.document}?" + urlencode({"b": f.begin, "e": f.end, "fact": f.fact}) + "#evidence"
                parts.append(f'<div class="fact">{_cell(f.fact, "uri")} <b>{escape(f.statement)}</b><br>'
                             f'<span class="note">{escape(f.how)} · {escape(f.factuality)} · '
                             f'<a href="{escape(link)}">{escape(f.document)}</a></span><br>'
                             f'<span class="sentence">{escape(f.sentence)}</span></div>')
    return layout(found[0].entity.label if len(found) == 1 else "Entities", "\n".join(parts))


# -- SVG ------------------------------------------------------------------------------------

def _year_fraction(lexical: str, at_end: bool) -> float:
    """2019-02-27 -> 2019.15...; a month or a year covers its whole span when ``at_end``."""
    parts = [int(p) for p in lexical.lstrip("-").split("-")[:3]]
    year = parts[0] * (-1 if lexical.startswith("-") else 1)
    if len(parts) == 1:
        return year + (1.0 if at_end else 0.0)
    month = parts[1]
    if len(parts) == 2:
        return year + (month if at_end else month - 1) / 12
    return year + (month - 1) / 12 + (parts[2] - (0 if at_end else 1)) / 365


def timeline_svg(entries: list[TimelineEntry], width: int = 1120) -> str:
    """One row per dated fact: a mark as wide as the date's precision (a day, a month, a year)."""
    if not entries:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="24">' \
               'No dated facts.</text></svg>'
    row, top, left, label_room = 20, 34, 20, 430
    kinds = sorted({e.kind for e in entries})
    spans = [(_year_fraction(e.start, False), _year_fraction(e.end or e.start, True)) for e in entries]
    lo, hi = math.floor(min(a for a, _ in spans)), math.ceil(max(b for _, b in spans))
    hi = max(hi, lo + 1)
    plot = width - left - label_room
    x = lambda year: left + (year - lo) / (hi - lo) * plot  # noqa: E731 - a scale, read as one
    height = top + row * len(entries) + 18 + 18 * math.ceil(len(kinds) / 6)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline of {len(entries)} facts">']
    step = max(1, math.ceil((hi - lo) / 12))
    for year in range(lo, hi + 1, step):
        out.append(f'<line x1="{x(year):.1f}" y1="{top - 8}" x2="{x(year):.1f}" y2="{top + row * len(entries)}" stroke="#e2e2e2"/>'
                   f'<text x="{x(year):.1f}" y="{top - 14}" text-anchor="middle" fill="#555">{year}</text>')
    for i, (entry, (a, b)) in enumerate(zip(entries, spans)):
        y = top + i * row
        colour = KIND_COLOURS.get(entry.kind, "#555")
        x0, x1 = x(a), max(x(b), x(a) + 4)
        date = entry.start + (f" – {entry.end}" if entry.end else "")
        label = entry.label if len(entry.label) <= 62 else entry.label[:61] + "…"
        href = escape("/evidence?" + urlencode({"fact": entry.fact}))
        out.append(f'<a href="{href}"><title>{escape(date)}: {escape(entry.label)} ({escape(entry.kind)})</title>'
                   f'<rect x="{x0:.1f}" y="{y}" width="{x1 - x0:.1f}" height="12" rx="2" fill="{colour}"/>'
                   f'<text x="{width - label_room + 8}" y="{y + 10}" fill="#222">{escape(date)}  '
                   f'{escape(label)}</text></a>')
    legend_top = top + row * len(entries) + 12
    for i, kind in enumerate(kinds):
        lx, ly = left + (i % 6) * 170, legend_top + (i // 6) * 18
        out.append(f'<rect x="{lx}" y="{ly}" width="14" height="10" rx="2" fill="{KIND_COLOURS.get(kind, "#555")}"/>'
                   f'<text x="{lx + 20}" y="{ly + 9}">{escape(kind)}</text>')
    out.append("</svg>")
    return "".join(out)


def network_svg(net: Network, size: int = 760) -> str:
    """Actors on a circle, ties as lines coloured by relation (a pair with several relations gets arcs)."""
    actors = sorted(net.labels, key=lambda a: net.labels[a].lower())
    if not actors:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="24">' \
               'No ties between actors.</text></svg>'
    width, height = size + 360, size
    cx, cy, r = width / 2, height / 2, size / 2 - 70
    where = {a: (cx + r * math.cos(2 * math.pi * i / len(actors) - math.pi / 2),
                 cy + r * math.sin(2 * math.pi * i / len(actors) - math.pi / 2)) for i, a in enumerate(actors)}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="actor network">']
    pairs: dict[tuple[str, str], int] = {}
    for tie in net.ties:
        n = pairs.get((tie.a, tie.b), 0)
        pairs[(tie.a, tie.b)] = n + 1
        (x1, y1), (x2, y2) = where[tie.a], where[tie.b]
        bend = 18 * n * (1 if n % 2 else -1)
        mx, my = (x1 + x2) / 2 + bend * (y2 - y1) / max(1.0, math.dist((x1, y1), (x2, y2))) * 4, \
            (y1 + y2) / 2 - bend * (x2 - x1) / max(1.0, math.dist((x1, y1), (x2, y2))) * 4
        colour = TIE_COLOURS.get(tie.relation, "#777")
        tip = f"{net.labels[tie.a]} {tie.relation} {net.labels[tie.b]} ({tie.count} fact{'s' if tie.count > 1 else ''})"
        out.append(f'<path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" fill="none" '
                   f'stroke="{colour}" stroke-width="{1.5 + math.log2(tie.count):.1f}" opacity="0.75">'
                   f'<title>{escape(tip)}</title></path>')
    for a in actors:
        x, y = where[a]
        anchor = "start" if x >= cx else "end"
        dx = 9 if x >= cx else -9
        href = escape("/about?" + urlencode({"name": a}))
        out.append(f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#34495e"/>'
                   f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(net.labels[a])}</text></a>')
    for i, (relation, colour) in enumerate(TIE_COLOURS.items()):
        out.append(f'<line x1="14" y1="{20 + i * 18}" x2="40" y2="{20 + i * 18}" stroke="{colour}" stroke-width="3"/>'
                   f'<text x="46" y="{24 + i * 18}">{escape(relation)}</text>')
    out.append("</svg>")
    return "".join(out)


def timeline_page(entries: list[TimelineEntry]) -> str:
    note = ('<p class="note">Dated facts the text asserts as having happened, at the precision it gives: '
            'a mark spans its day, month or year. Hover for the date, click for the evidence.</p>')
    return layout("Timeline", note + timeline_svg(entries))


def network_page(net: Network) -> str:
    note = ('<p class="note">Who met whom (asserted meetings), signed with whom, disagreed with or is allied with '
            'whom. Click an actor for everything about it.</p>')
    return layout("Actor network", note + network_svg(net))

"""Read a source document: decode, convert Markdown/HTML to text, drop page furniture, read metadata.

The cleaned text returned in ``Document.text`` is THE reference text: every
later offset indexes into it. Its shape is fixed: paragraphs separated by
exactly one blank line, lines stripped of surrounding whitespace (internal
whitespace kept as is), and a final newline.

The furniture rules (photo credits, share buttons, widget headings, reprint
notices) are data in ``ontology/furniture.yaml`` so analysts can extend them.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import Any, Callable, Iterable
from urllib.parse import quote

import yaml

from . import resources
from .errors import InputError
from .model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_DEFAULT_FURNITURE = Path(__file__).resolve().parents[2] / "ontology" / "furniture.yaml"


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None  # ISO 8601 at the precision given: YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class Furniture:
    """The cleaning rules loaded from furniture.yaml."""

    max_line_length: int
    min_words: int
    min_sentence_words: int
    photo_credits: tuple[re.Pattern[str], ...]
    buttons: frozenset[str]
    widgets: frozenset[str]
    anywhere: frozenset[str]
    bylines: tuple[re.Pattern[str], ...]
    notices: tuple[re.Pattern[str], ...]
    abbreviations: frozenset[str]


def read_document(path: Path, doc_id: str | None = None) -> Document:
    """Read a .txt/.md/.html file and the ``NAME.meta.yaml`` beside it into a cleaned Document.

    ``doc_id`` is the document's identity (see ``document_id``); by default the file's name.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}",
                         hint=f"give a file ending in one of {', '.join(TEXT_SUFFIXES)}")
    raw = _read_text(path)
    meta = read_metadata(path)
    format_title: str | None = None
    if suffix in (".html", ".htm"):
        raw, format_title = html_to_text(raw)
    elif suffix in (".md", ".markdown"):
        front, _, front_line = split_front_matter(raw)
        if front is not None and _meta_path(path) is None:
            # Front matter is the metadata only when no .meta.yaml overrides it.
            meta = _metadata_from_yaml(front, path, line_offset=front_line)
        raw = markdown_to_text(raw)
    text, found_title = clean_text(raw, meta.title or format_title)
    if not text.strip():
        raise InputError(f"{path}: no text left after cleaning", hint="is this the article itself?")
    return Document(
        doc_id=doc_id or document_id(PurePath(path.name)),
        path=str(path),
        text=text,
        title=meta.title or found_title,
        authors=meta.authors,
        publisher=meta.publisher,
        published=meta.published,
        url=meta.url,
        language=meta.language,
    )


def read_metadata(path: Path) -> Metadata:
    """The metadata in ``NAME.meta.yaml`` beside ``NAME.txt``; empty Metadata when there is none."""
    meta_path = _meta_path(Path(path))
    if meta_path is None:
        return Metadata()
    return _metadata_from_yaml(_read_text(meta_path), meta_path)


def clean_text(raw: str, title: str | None = None, rules: Furniture | None = None) -> tuple[str, str | None]:
    """Drop page furniture from plain text; return (cleaned text, title).

    ``title`` is the known title (metadata); when it is None the first line
    may be taken as the title (a short heading line with no final period).
    """
    rules = rules or load_furniture()
    lines = [line.strip() for line in _normalise_newlines(raw).split("\n")]
    lines = ["" if _is_anywhere_furniture(line, rules) else line for line in lines]
    real = [i for i, line in enumerate(lines) if _is_real_paragraph_line(line, rules)]
    first_real = real[0] if real else len(lines)
    last_real = real[-1] if real else len(lines)
    lead, body, tail = lines[:first_real], lines[first_real:last_real + 1], lines[last_real + 1:]
    if title is None:
        title = _title_from_first_line(lead, rules)
    lead = _clean_leading_block(lead, title, rules)
    tail = ["" if _is_page_furniture(line, rules) else line for line in tail]
    paragraphs = [_remove_notices(p, rules) for p in _paragraphs(lead + body + tail)
                  if not _is_stray_credit(p, rules)]
    paragraphs = [p for p in paragraphs if p]
    return ("\n\n".join(paragraphs) + "\n" if paragraphs else ""), title


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown document: front matter and markup removed, code kept as text,
    block boundaries as blank lines."""
    out: list[str] = []
    fence: str | None = None
    text = re.sub(r"<!--.*?-->", "", split_front_matter(markdown)[1], flags=re.S)
    for line in text.split("\n"):
        opener = re.match(r"^\s{0,3}(`{3,}|~{3,})", line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
                out.append("")
            else:
                out.append(line.rstrip())  # code is kept verbatim
            continue
        if opener:
            fence = opener.group(1)
            out.append("")
            continue
        converted = _markdown_line(line)
        if converted is not None:
            out.extend(converted)
    return "\n".join(out)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Plain text of an HTML page (stdlib parser, nothing fetched) and its title (first h1, else <title>)."""
    parser = _HtmlText()
    parser.feed(_normalise_newlines(html))
    parser.close()
    return parser.text(), parser.title()


def split_front_matter(markdown: str) -> tuple[str | None, str, int]:
    """Split a leading ``---`` YAML block off Markdown: (yaml or None, body, line number of the yaml)."""
    text = _normalise_newlines(markdown)
    match = re.match(r"---[ \t]*\n(.*?\n)?(---|\.\.\.)[ \t]*(\n|$)", text, flags=re.S)
    if not match:
        return None, text, 0
    # The YAML starts on the file's second line; error lines are reported from there.
    return match.group(1) or "", text[match.end():], 1


def load_furniture(path: Path | None = None) -> Furniture:
    """The furniture rules: ``path``, else ontology_dir()/furniture.yaml, else the packaged default."""
    if path is None:
        candidate = resources.ontology_dir() / "furniture.yaml"
        path = candidate if candidate.is_file() else _DEFAULT_FURNITURE
    return _load_furniture_cached(Path(path).resolve())


# --------------------------------------------------------------------------- files and metadata


def input_files(path: Path) -> list[Path]:
    """The files a document is read from: itself and its metadata file, if it has one."""
    meta = _meta_path(Path(path))
    return [Path(path)] + ([meta] if meta else [])


def document_id(relative: PurePath) -> str:
    """The identity of the document at ``relative``, its path below the build folder.

    The '/'-separated path with its extension, every byte outside ``A-Za-z0-9._~-``
    percent-encoded: two different paths never share an id, and an id is safe in an
    IRI whatever the file is called (spaces, quotes, '>', '%', newlines).
    """
    return quote(PurePath(relative).as_posix(), safe="/")


def _meta_path(path: Path) -> Path | None:
    for suffix in (".meta.yaml", ".meta.yml"):
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8"
    if encoding == "utf-8" and _looks_like_utf16(data):
        raise InputError(f"{path}: not UTF-8 text", hint=_encoding_hint(data))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4]
        raise InputError(f"{path}: not {encoding.upper()} text: invalid byte at offset {exc.start} ({bad!r})",
                         hint=_encoding_hint(data)) from None
    return _printable(text.removeprefix("\ufeff"))


def _looks_like_utf16(data: bytes) -> bool:
    # UTF-16 without a byte-order mark has a NUL beside nearly every ASCII letter (valid UTF-8 too)
    return data[:200].count(0) > len(data[:200]) // 4


def _encoding_hint(data: bytes) -> str:
    if _looks_like_utf16(data):
        return "this looks like UTF-16 without a byte-order mark: iconv -f UTF-16LE -t UTF-8"
    return "re-encode the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8"


# Characters XML 1.0 cannot hold (RDF/XML would not parse back): C0 controls but tab and
# newlines, and the non-characters U+FFFE/U+FFFF. Vertical tab and form feed break lines.
_LINE_BREAKING = re.compile("[\x0b\x0c]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# Marks that only tell a typesetter where a word may break or must not (soft hyphen, zero-width space, word joiner,
# a byte order mark inside the text): the words they sit in are whole words ("1899\u00ad-1900", "Washing\u00adton").
_BREAK_HINTS = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _printable(text: str) -> str:
    return _BREAK_HINTS.sub("", _UNPRINTABLE.sub("", _LINE_BREAKING.sub("\n", text)))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _metadata_from_yaml(text: str, path: Path, line_offset: int = 0) -> Metadata:
    data, lines = _load_yaml_mapping(text, path, line_offset)

    def where(key: str) -> str:
        return f"{path}:{lines.get(key, 1 + line_offset)}"

    published_key = "published" if data.get("published") is not None else "date"
    authors_key = "authors" if "authors" in data else "author"
    return Metadata(
        title=_optional_str(data.get("title"), "title", where),
        authors=_authors(data.get(authors_key), authors_key, where),
        publisher=_optional_str(data.get("publisher"), "publisher", where),
        published=_iso_date(data.get(published_key), published_key, where),
        url=_optional_str(data.get("url"), "url", where),
        language=_optional_str(data.get("language"), "language", where) or "en",
    )


def _load_yaml_mapping(text: str, path: Path, line_offset: int) -> tuple[dict[str, Any], dict[str, int]]:
    """The top-level mapping and the line of each value; values are built one by one so that a
    bad one (e.g. the date 2019-02-30, which PyYAML rejects with a bare ValueError) is located."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path, line_offset) from None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 + line_offset
        raise InputError(f"{path}:{line}: metadata must be a mapping of keys to values",
                         hint="write 'title: ...', 'authors: [...]', 'published: YYYY-MM-DD'")
    loader = yaml.SafeLoader("")
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    try:
        for key_node, value_node in node.value:
            line = value_node.start_mark.line + 1 + line_offset
            try:
                key = str(loader.construct_object(key_node, deep=True))
                data[key] = loader.construct_object(value_node, deep=True)
            except (yaml.YAMLError, ValueError, TypeError) as exc:
                raise InputError(f"{path}:{line}: bad value: {exc}") from None
            lines[key] = line
    finally:
        loader.dispose()
    return data, lines


def _yaml_error(exc: yaml.YAMLError, path: Path, line_offset: int) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = f":{mark.line + 1 + line_offset}" if mark is not None else ""
    column = f" (column {mark.column + 1})" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError(f"{path}{line}: malformed YAML{column}: {problem}",
                      hint="quote values that contain ': ' or start with a special character")


def _optional_str(value: Any, key: str, where: Callable[[str], str]) -> str | None:
    if value is None:
        return None
    # Numbers are accepted as text (a title such as 1984); anything else is a mistake.
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"{where(key)}: '{key}' must be text, not {type(value).__name__}")
    return str(value).strip() or None


def _authors(value: Any, key: str, where: Callable[[str], str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        names = _split_author_string(value)
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        names = [v.strip() for v in value]
    else:
        raise InputError(f"{where(key)}: '{key}' must be a name or a list of names",
                         hint="write 'authors: [Jane Doe, John Roe]'")
    return tuple(dict.fromkeys(n for n in names if n))


def _split_author_string(value: str) -> list[str]:
    """'A; B', 'A and B', 'A, B & C' -> names; 'Doe, Jane' stays one name (no multi-word parts)."""
    parts = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", value.strip())
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",")]
        # A comma separates names only when every piece is itself a full name.
        names.extend(pieces if len(pieces) > 1 and all(" " in p for p in pieces) else [part.strip()])
    return names


def _iso_date(value: Any, key: str, where: Callable[[str], str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if isinstance(value, str):
        iso = _iso_from_string(value.strip())
        if iso is not None:
            return iso
    raise InputError(f"{where(key)}: '{key}' must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")


def _iso_from_string(text: str) -> str | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?", text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


# --------------------------------------------------------------------------- furniture rules


@lru_cache(maxsize=8)
def _load_furniture_cached(path: Path) -> Furniture:
    text = _read_text(path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path, 0) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: furniture rules must be a mapping")
    real = data.get("real_paragraph") or {}
    return Furniture(
        max_line_length=int(data.get("max_line_length", 150)),
        min_words=int(real.get("min_words", 12)),
        min_sentence_words=int(real.get("min_sentence_words", 6)),
        photo_credits=_patterns(data, "photo_credits", path),
        buttons=_words(data, "buttons"),
        widgets=_words(data, "widgets"),
        anywhere=_words(data, "anywhere"),
        bylines=_patterns(data, "bylines", path),
        notices=_patterns(data, "notices", path),
        abbreviations=_words(data, "abbreviations"),
    )


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(_key(str(w)) for w in data.get(key) or ())


def _patterns(data: dict, key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in data.get(key) or ():
        try:
            compiled.append(re.compile(str(pattern), re.I))
        except re.error as exc:
            raise InputError(f"{path}: bad pattern in '{key}': {pattern!r} ({exc})") from None
    return tuple(compiled)


def _key(line: str) -> str:
    """Comparison form of a short line: case-folded, single spaces, no trailing colon."""
    return re.sub(r"\s+", " ", line).strip().rstrip(":").strip().casefold()


# --------------------------------------------------------------------------- cleaning


def _is_real_paragraph_line(line: str, rules: Furniture) -> bool:
    """Prose: ends like a sentence with enough words, or too long to be a heading or a widget."""
    words = len(line.split())
    if re.search(r"[.!?:][\"'”’)]*$", line):
        return words >= rules.min_sentence_words
    # Long titles have no final period, so length alone must exceed any heading.
    return words >= rules.min_words and len(line) > rules.max_line_length


def _is_short(line: str, rules: Furniture) -> bool:
    return 0 < len(line) <= rules.max_line_length


def _is_anywhere_furniture(line: str, rules: Furniture) -> bool:
    """Ads interrupt articles anywhere, not only at the top."""
    return _is_short(line, rules) and _key(line) in rules.anywhere


def _is_stray_credit(paragraph: str, rules: Furniture) -> bool:
    """A photo credit standing as a paragraph of its own (a line inside prose may just say 'photo:')."""
    return "\n" not in paragraph and _is_short(paragraph, rules) and any(
        p.search(paragraph) for p in rules.photo_credits)


def _is_buttons(line: str, rules: Furniture) -> bool:
    key = _key(line)
    if key in rules.buttons:
        return True
    tokens = [t for t in re.split(r"[\s|·•/]+", key) if t]
    return bool(tokens) and all(t in rules.buttons for t in tokens)


def _is_page_furniture(line: str, rules: Furniture) -> bool:
    """Photo credit, share buttons, widget heading or byline (title repeats are checked apart)."""
    if not _is_short(line, rules):
        return False
    return (_is_buttons(line, rules) or _key(line) in rules.widgets
            or any(p.search(line) for p in rules.photo_credits)
            or any(p.search(line) for p in rules.bylines))


def _title_from_first_line(lead: list[str], rules: Furniture) -> str | None:
    """A milestones-style title: the first line, short, no final period, then a blank line (or repeated)."""
    index = next((i for i, line in enumerate(lead) if line), None)
    if index is None:
        return None
    line = lead[index]
    if not _is_short(line, rules) or line.endswith(".") or _is_page_furniture(line, rules):
        return None
    followed_by_blank = index + 1 >= len(lead) or not lead[index + 1]
    repeated = sum(_key(other) == _key(line) for other in lead) > 1
    return line if followed_by_blank or repeated else None


def _is_title_line(line: str, title: str | None) -> bool:
    """The title, alone or with a site name after ' | ', ' - ', ' — ' (or the site name first)."""
    if not title:
        return False
    line_key, title_key = _key(line), _key(title)
    if line_key == title_key:
        return True
    separators = r"\s+[|\-–—:]{1,2}\s+"
    return title_key in re.split(separators, line_key) or line_key in re.split(separators, title_key)


def _clean_leading_block(lead: list[str], title: str | None, rules: Furniture) -> list[str]:
    counts: dict[str, int] = {}
    for line in lead:
        if line:
            counts[_key(line)] = counts.get(_key(line), 0) + 1

    def is_furniture(line: str) -> bool:
        repeated = counts.get(_key(line), 0) > 1 and _is_short(line, rules)
        return _is_page_furniture(line, rules) or _is_title_line(line, title) or repeated

    return ["" if line and is_furniture(line) else line for line in lead]


def _paragraphs(lines: Iterable[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _remove_notices(paragraph: str, rules: Furniture) -> str:
    """Drop reprint/copyright sentences; keep the rest (e.g. the authors' bios) verbatim."""
    kept = [chunk for chunk in _sentence_chunks(paragraph, rules)
            if not any(p.match(chunk.strip()) for p in rules.notices)]
    return "".join(kept).strip()


def _sentence_chunks(paragraph: str, rules: Furniture) -> list[str]:
    """Sentences with their trailing whitespace, so joining the chunks gives the paragraph back."""
    chunks: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?][\"'”’)\]]*(\s+)(?=[\"“‘(\[]?[A-Z0-9©])", paragraph):
        if match.group(0)[0] == "." and _is_abbreviation(paragraph[start:match.start()], rules):
            continue
        chunks.append(paragraph[start:match.end()])
        start = match.end()
    chunks.append(paragraph[start:])
    return [c for c in chunks if c]


def _is_abbreviation(before_period: str, rules: Furniture) -> bool:
    token = re.search(r"(\S*)$", before_period).group(1).lstrip("(\"'“‘[")
    # Initials ("J", "U.S", "D.C") and listed words do not end a sentence.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token)) or token.casefold() in rules.abbreviations


# --------------------------------------------------------------------------- Markdown


_MD_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!>~|<"


def _markdown_line(line: str) -> list[str] | None:
    """Convert one Markdown line outside code fences; None drops the line entirely."""
    if re.match(r"^\s{0,3}(?:[-*_]\s*){3,}$", line) or re.match(r"^\s{0,3}=+\s*$", line):
        return [""]  # thematic break or setext underline: a paragraph boundary
    if re.match(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line):
        return None  # table separator row
    if re.match(r"^\s{0,3}\[[^\]]+\]:\s*\S+", line):
        return None  # link reference definition
    heading = re.match(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$", line)
    if heading:
        return ["", _markdown_inline(heading.group(1) or ""), ""]
    body = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)  # blockquote markers
    body = re.sub(r"^\s*[-*+]\s+(?=\S)", "", body)  # bullet markers
    was_blank = not body.strip()
    body = _markdown_inline(body)
    if not body.strip() and not was_blank:
        return None  # a line that held only an image: drop it without splitting the paragraph
    return [body]


def _markdown_inline(text: str) -> str:
    # Escaped characters are parked in the private-use area so no rule below sees them as markup.
    text = re.sub(rf"\\([{_MD_ESCAPABLE}])", lambda m: chr(0xE000 + ord(m.group(1))), text)
    text = re.sub(r"`+([^`]+?)`+", r"\1", text)
    text = re.sub(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)", "", text)
    text = re.sub(r"!\[[^\]]*\]\[[^\]]*\]", "", text)
    text = re.sub(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<((?:https?|ftp|mailto):[^>\s]+)>", r"\1", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = re.sub(r"~~(?=\S)(.+?)(?<=\S)~~", r"\1", text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - 0xE000), text).strip()


# --------------------------------------------------------------------------- HTML


_SKIP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "figure", "figcaption", "noscript",
    "template", "svg", "math", "iframe", "object", "canvas", "button", "select", "form", "head",
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
})
_HTML_SPACE = re.compile(r"[ \t\n\f\r]+")  # HTML whitespace; a no-break space is text


class _HtmlText(HTMLParser):
    """Collects visible text; the parser never resolves DTDs or external entities, it only decodes charrefs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[tuple[str, bool]] = []  # open elements and whether each hides its content
        # counts kept beside the stack so that each tag costs the same however deep it sits
        self._open: Counter[str] = Counter()
        self._hiding = 0
        self._blocks: list[str] = []
        self._buffer: list[str] = []
        self._pre_depth = 0
        self._title_parts: list[str] | None = None
        self._h1_parts: list[str] | None = None
        self._page_title: str | None = None
        self._h1: str | None = None

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self._page_title is None:
            self._title_parts = []
        if tag in _VOID_TAGS:
            if tag == "br" and not self._hidden():
                self._buffer.append("\x00")  # a line break inside the paragraph
            elif tag == "hr":
                self._flush()
            return
        hides = self._hides(tag, dict(attrs))
        self._stack.append((tag, hides))
        self._open[tag] += 1
        self._hiding += hides
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self._pre_depth += 1
        if tag == "h1" and self._h1 is None and not self._hidden():
            self._h1_parts = []
        if tag in ("td", "th"):
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self._page_title = _collapse("".join(self._title_parts)) or None
            self._title_parts = None
        if tag == "h1" and self._h1_parts is not None:
            self._h1 = _collapse("".join(self._h1_parts)) or None
            self._h1_parts = None
        if not self._open[tag]:
            return  # a stray end tag
        while self._stack:
            open_tag, hides = self._stack.pop()
            self._open[open_tag] -= 1
            self._hiding -= hides
            if open_tag == "pre":
                self._flush()
                self._pre_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        if self._hidden():
            return
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        self._buffer.append(data.replace("\n", "\x00") if self._pre_depth else _HTML_SPACE.sub(" ", data))

    # -- helpers
    @staticmethod
    def _hides(tag: str, attrs: dict[str, str | None]) -> bool:
        role = (attrs.get("role") or "").strip().lower()
        return (tag in _SKIP_TAGS or role in _SKIP_ROLES or "hidden" in attrs
                or (attrs.get("aria-hidden") or "").lower() == "true")

    def _hidden(self) -> bool:
        return self._hiding > 0

    def _flush(self) -> None:
        text = "".join(self._buffer)
        self._buffer = []
        # Inside <pre> the spacing is the author's; elsewhere HTML collapses it.
        tidy = str.strip if self._pre_depth else _collapse
        lines = [tidy(line) for line in text.split("\x00")]
        block = "\n".join(line for line in lines if line)
        if block:
            self._blocks.append(block)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self._blocks)

    def title(self) -> str | None:
        return self._h1 or self._page_title


def _collapse(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()

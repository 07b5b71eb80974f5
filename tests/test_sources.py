"""sources: reading, cleaning and metadata, on hand-made files and on the seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg_builder import sources
from kg_builder.errors import InputError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5ed1930dcfa0d1a7.txt"

BODY_1 = "On March 3, the two ministers met in Geneva to discuss the ceasefire and its verification."
BODY_2 = "The talks ended without an agreement, but both sides promised to meet again in April."


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def assert_shape(text: str) -> None:
    """The reference-text contract: one blank line between paragraphs, no trailing spaces, final newline."""
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert not text.startswith("\n")


# --------------------------------------------------------------------------- furniture


def test_sources_leading_furniture_removed(tmp_path: Path) -> None:
    raw = "\n".join([
        "Ceasefire Talks in Geneva",
        "Reuters Photo/Jane Smith",
        "Ceasefire Talks in Geneva",
        "Photo: Getty Images",
        "Facebook Twitter Email",
        "X",
        "Share",
        "Related",
        "Read more:",
        "recent articles",
        "",
        BODY_1,
        "",
        BODY_2,
    ])
    write(tmp_path, "talks.meta.yaml", "title: Ceasefire Talks in Geneva\n")
    doc = sources.read_document(write(tmp_path, "talks.txt", raw))
    assert doc.text == f"{BODY_1}\n\n{BODY_2}\n"
    assert doc.title == "Ceasefire Talks in Geneva"
    assert doc.doc_id == "talks.txt"


def test_sources_trailing_and_stray_furniture_removed(tmp_path: Path) -> None:
    raw = f"{BODY_1}\n\nAdvertisement\n\nAP Photo/John Doe\n\n{BODY_2}\n\nShare\nPrint\nMost Popular\n"
    doc = sources.read_document(write(tmp_path, "a.txt", raw))
    assert doc.text == f"{BODY_1}\n\n{BODY_2}\n"


def test_sources_title_line_from_milestones_style_file(tmp_path: Path) -> None:
    raw = f"The Geneva Talks, 1954\n\nIntroduction\n\n{BODY_1}\n"
    doc = sources.read_document(write(tmp_path, "geneva.txt", raw))
    assert doc.title == "The Geneva Talks, 1954"
    assert doc.text == f"Introduction\n\n{BODY_1}\n"


def test_sources_title_kept_in_body_when_it_differs_from_metadata(tmp_path: Path) -> None:
    write(tmp_path, "a.meta.yaml", "title: Something Else\n")
    doc = sources.read_document(write(tmp_path, "a.txt", f"A Different Heading\n\n{BODY_1}\n"))
    assert doc.title == "Something Else"
    assert doc.text == f"A Different Heading\n\n{BODY_1}\n"


def test_sources_text_shape_is_normalised(tmp_path: Path) -> None:
    raw = f"\ufeff\r\n\r\n  {BODY_1}   \r\n\r\n\r\n\r\n{BODY_2}\t\r\nA second  line, spaced as written.\r\n\r\n"
    doc = sources.read_document(write(tmp_path, "a.txt", raw))
    assert doc.text == f"{BODY_1}\n\n{BODY_2}\nA second  line, spaced as written.\n"
    assert_shape(doc.text)


def test_sources_notices_removed_and_bio_kept(tmp_path: Path) -> None:
    last = ("Reprinted with permission from the U.S. Institute of Peace. Jane Roe is a senior fellow "
            "at the Institute in Washington, D.C. John Poe is a fellow there.")
    raw = "\n\n".join([
        BODY_1,
        last,
        "This article originally appeared in Foreign Affairs. Copyright 2019 Foreign Affairs. All rights reserved.",
        "© 2019 The Daily Planet",
    ])
    doc = sources.read_document(write(tmp_path, "a.txt", raw))
    assert doc.text == (f"{BODY_1}\n\nJane Roe is a senior fellow at the Institute in Washington, D.C. "
                        "John Poe is a fellow there.\n")


def test_sources_notice_words_inside_prose_are_kept(tmp_path: Path) -> None:
    prose = "Copyright law was not on the agenda. The delegates were reprinted lists of demands."
    doc = sources.read_document(write(tmp_path, "a.txt", f"{BODY_1}\n\n{prose}\n"))
    assert prose in doc.text


def test_sources_furniture_rules_are_data() -> None:
    rules = sources.load_furniture()
    assert "story stream" in rules.widgets and "x" in rules.buttons
    assert any(p.match("Reprinted with permission from CSIS.") for p in rules.notices)


def test_sources_clean_text_returns_title() -> None:
    text, title = sources.clean_text(f"A Heading Without Period\n\n{BODY_1}\n")
    assert (text, title) == (f"{BODY_1}\n", "A Heading Without Period")


# --------------------------------------------------------------------------- metadata


def test_sources_metadata_read(tmp_path: Path) -> None:
    write(tmp_path, "a.meta.yaml", "\n".join([
        "title: Ceasefire Talks",
        "authors:",
        "  - Jane Roe",
        "  - John Poe",
        "publisher: The Daily Planet",
        "published: 2019-03-01",
        "url: https://example.org/talks",
        "language: en",
        "notes: ignored",
    ]))
    doc = sources.read_document(write(tmp_path, "a.txt", BODY_1))
    assert doc.title == "Ceasefire Talks"
    assert doc.authors == ("Jane Roe", "John Poe")
    assert doc.publisher == "The Daily Planet"
    assert doc.published == "2019-03-01"
    assert doc.url == "https://example.org/talks"
    assert doc.language == "en"


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("published: null\n", None),
    ("published: null\ndate: 2019-05\n", "2019-05"),
    ("date: 1954\n", "1954"),
    ("published: '2019-03-01'\n", "2019-03-01"),
    ("published: 2019-03-01T10:00:00Z\n", "2019-03-01"),
])
def test_sources_metadata_date_keeps_precision(tmp_path: Path, yaml_text: str, expected: str | None) -> None:
    write(tmp_path, "a.meta.yaml", yaml_text)
    assert sources.read_document(write(tmp_path, "a.txt", BODY_1)).published == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Jane Roe", ("Jane Roe",)),
    ("Jane Roe and John Poe", ("Jane Roe", "John Poe")),
    ("Jane Roe, John Poe & Ann Loe", ("Jane Roe", "John Poe", "Ann Loe")),
    ("Roe, Jane", ("Roe, Jane",)),
])
def test_sources_metadata_author_string(tmp_path: Path, value: str, expected: tuple[str, ...]) -> None:
    write(tmp_path, "a.meta.yaml", f"authors: {value}\n")
    assert sources.read_document(write(tmp_path, "a.txt", BODY_1)).authors == expected


def test_sources_missing_metadata_gives_defaults(tmp_path: Path) -> None:
    doc = sources.read_document(write(tmp_path, "a.txt", BODY_1))
    assert (doc.authors, doc.publisher, doc.published, doc.url, doc.language) == ((), None, None, None, "en")


def test_sources_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    meta = write(tmp_path, "a.meta.yaml", "title: Good\nauthors: [Jane Roe, John Poe\npublisher: X\n")
    with pytest.raises(InputError) as error:
        sources.read_document(write(tmp_path, "a.txt", BODY_1))
    assert f"{meta}:3" in str(error.value)


@pytest.mark.parametrize(("yaml_text", "line"), [
    ("title: Good\npublisher: X\nauthors: {a: 1}\n", 3),
    ("title: [a, b]\n", 1),
    ("title: Good\npublished: not a date\n", 2),
    ("title: Good\npublished: 2019-02-30\n", 2),
    ("- a list\n- not a mapping\n", 1),
])
def test_sources_wrong_metadata_type_names_file_and_line(tmp_path: Path, yaml_text: str, line: int) -> None:
    meta = write(tmp_path, "a.meta.yaml", yaml_text)
    with pytest.raises(InputError) as error:
        sources.read_document(write(tmp_path, "a.txt", BODY_1))
    assert f"{meta}:{line}:" in str(error.value)


# --------------------------------------------------------------------------- input errors


def test_sources_non_utf8_names_file_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Hello\n\nCaf\xe9 society.\n")
    with pytest.raises(InputError) as error:
        sources.read_document(path)
    assert str(path) in str(error.value) and "offset 10" in str(error.value)


def test_sources_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        sources.read_document(tmp_path / "absent.txt")


def test_sources_unsupported_suffix_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported"):
        sources.read_document(write(tmp_path, "a.pdf", "x"))


def test_sources_empty_text_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text"):
        sources.read_document(write(tmp_path, "a.txt", "Share\nX\n"))


# --------------------------------------------------------------------------- Markdown and HTML


MARKDOWN = """---
title: Ceasefire Talks
authors: [Jane Roe]
---
# Ceasefire Talks

![Delegates in Geneva](https://example.org/photo.jpg)

On **March 3**, the _two_ ministers met in [Geneva](https://example.org/geneva "city") to discuss
the *ceasefire* and its `verification`. A \\*starred\\* word stays.

## Outcome

> The talks ended without an agreement.
- Both sides promised to meet again.

```text
raw **code** [kept](as-is)
```

[geneva]: https://example.org/geneva
"""


def test_sources_markdown_cleaned(tmp_path: Path) -> None:
    doc = sources.read_document(write(tmp_path, "talks.md", MARKDOWN))
    assert doc.title == "Ceasefire Talks"
    assert doc.authors == ("Jane Roe",)
    assert doc.text == (
        "On March 3, the two ministers met in Geneva to discuss\n"
        "the ceasefire and its verification. A *starred* word stays.\n\n"
        "Outcome\n\n"
        "The talks ended without an agreement.\n"
        "Both sides promised to meet again.\n\n"
        "raw **code** [kept](as-is)\n"
    )


def test_sources_meta_yaml_overrides_markdown_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "talks.meta.yaml", "title: From Meta\n")
    doc = sources.read_document(write(tmp_path, "talks.md", MARKDOWN))
    assert doc.title == "From Meta" and doc.authors == ()


HTML = """<!DOCTYPE html SYSTEM "http://example.org/never-fetched.dtd">
<html><head><title>Ceasefire Talks | The Daily Planet</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head>
<body>
<header><a href="/">Home</a></header><nav><ul><li>World</li><li>Politics</li></ul></nav>
<article>
<h1>Ceasefire Talks</h1>
<figure><img src="p.jpg"><figcaption>AP Photo/John Doe</figcaption></figure>
<p>On March 3, the two ministers met in <b>Geneva</b> &amp; discussed
   the ceasefire&nbsp;line &#8212; and   its &quot;verification&quot;.</p>
<div role="complementary">Related stories</div>
<p>They agreed to meet again.<br>Nothing was signed.</p>
<aside>Most popular</aside>
<pre>  Table 1   kept
  as written</pre>
<ul><li>First point.</li><li>Second point.</li></ul>
</article>
<footer>&copy; 2019 The Daily Planet</footer>
</body></html>
"""


def test_sources_html_cleaned(tmp_path: Path) -> None:
    doc = sources.read_document(write(tmp_path, "talks.html", HTML))
    assert doc.title == "Ceasefire Talks"
    assert doc.text == (
        "On March 3, the two ministers met in Geneva & discussed the ceasefire\xa0line \u2014 and its "
        "\"verification\".\n\n"
        "They agreed to meet again.\nNothing was signed.\n\n"
        "Table 1   kept\nas written\n\n"
        "First point.\n\nSecond point.\n"
    )
    assert_shape(doc.text)


def test_sources_html_entities_not_resolved_externally() -> None:
    text, _ = sources.html_to_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>a &e; b</p>')
    assert "root" not in text and "a &e; b" in text


# --------------------------------------------------------------------------- the seed article


def test_sources_seed_article_cleaned() -> None:
    doc = sources.read_document(SEED)
    for furniture in ("AP Photo", "Story Stream", "recent articles", "Reprinted with permission"):
        assert furniture not in doc.text
    assert doc.text.startswith("On February 27")
    assert "Sue Mi Terry is a senior fellow" in doc.text
    assert doc.text.rstrip().endswith("Lisa Collins is a fellow with the CSIS Korea Chair.")
    assert doc.doc_id == "000_5ed1930dcfa0d1a7.txt"
    assert doc.title == "Assessing the Hanoi Summit"
    assert doc.authors == ("Sue Mi Terry", "Lisa Collins")
    assert doc.publisher == "Center for Strategic and International Studies (CSIS)"
    assert doc.published == "2019-03-01"
    assert_shape(doc.text)

"""Every construct real sources hold, one fixture each: segments read, shared text kept, bytes back.

Each ``tests/fixtures/parse/NAME.md`` is a small source in a shape seen in the real corpus; the
table below says which segments (id, translation, English) it holds. Each fixture is also tried
with a UTF-8 BOM and with CRLF line ends: the segments are the same and the bytes come back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.checks.audit import page_body
from bilingual.checks.losses import lost, page_words
from bilingual.model import Language
from bilingual.pages.page import render_page
from bilingual.pages.reader.side_by_side import SEPARATOR
from bilingual.pages.tree.language import body_text
from bilingual.site.sanitize import sanitize_html
from bilingual.source.pairs import render_source, segment_markup
from bilingual.source.parse import parse
from conftest import FIXTURES

CASES = FIXTURES / "parse"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "several-per-line": [
        ("f1-101", "Pirmais.", "First."),
        ("f1-102", "Otrais.", "Second."),
        ("f1-103", "Trešais.", "Third."),
    ],
    "headings": [("f2-101", "Pierakstīšanās", "Sign in"), ("f2-102", "Darbības", "Steps")],
    "list-items": [
        ("f3-101", "Atveriet **Iestatījumi**.", "Open **Settings**."),
        ("f3-102", "Izvēlieties opciju:", "Choose an option:"),
        ("f3-103", "pirmā", "the first"),
        ("f3-104", "otrā", "the second"),
        ("f3-105", "Aizzīmes vienums", "Bullet item"),
    ],
    "alerts": [
        ("f4-101", "Tas ir svarīgi.", "This is important."),
        ("f4-102", "Pirmā rinda.", "First line."),
        ("f4-103", "Otrā.", "Second."),
    ],
    "table-cells": [
        ("f5-101", "Publicēts", "Published On"),
        ("f5-102", "Tēma", "Topic"),
        ("f5-103", "7/22/2019", "7/22/2019"),
        ("f5-104", "Pamati", "Basics"),
    ],
    "link-text": [("f6-101", "šo rakstu", "this article"), ("f6-102", "otru", "another")],
    "markup-inside": [
        (
            "f7-101",
            'Dodieties uz <span>https:</span>//admin.microsoft.com un noklikšķiniet <a href="https://aka.ms/x">šeit</a>.<br/>Tad **Saglabāt**.',
            'Go to <span>https:</span>//admin.microsoft.com and click <a href="https://aka.ms/x">here</a>.<br/>Then **Save**.',
        ),
        (
            "f7-102",
            'Ligzdotas <span class="x"><span>divas</span> reizes</span>',
            'Nested <span class="x"><span>twice</span> over</span>',
        ),
    ],
    "placeholders": [
        (
            "f8-101",
            "Rakstiet <email> un <mailboxname> laukā <CustomDomain>.",
            "Type <email> and <mailboxname> in <CustomDomain>.",
        )
    ],
    "entities": [
        (
            "f9-101",
            "Kļūda&nbsp;401: &lt;nav&gt; &amp; &#8220;cits&#8221;",
            "Error&nbsp;401: &lt;none&gt; &amp; &#8220;other&#8221;",
        )
    ],
    "front-matter-lists": [("fa-101", "Virsraksts", "Heading")],
    "multi-line-segment": [
        (
            "fb-101",
            "[Labākā prakse](https://a.example/b)  \n [Nosacījumi](https://a.example/c)",
            "[Best practices](https://a.example/b)  \n [Conditions](https://a.example/c)",
        )
    ],
    "stray-close-inside-segment": [
        (
            "fc-101",
            "Ja pastkaste ir **Yahoo**, izpildiet </span> šajā [rakstā](https://a.example/p)sniegtos norādījumus.",
            "If the mailbox is on **Yahoo**, follow the instructions</span> found in this [article](https://a.example/p).",
        )
    ],
    "no-segments": [],
}

VARIANTS = {
    "as-is": lambda text: text,
    "bom": lambda text: "\ufeff" + text,
    "crlf": lambda text: text.replace("\n", "\r\n"),
}


def test_every_fixture_has_expectations() -> None:
    assert sorted(path.stem for path in CASES.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_construct(name: str, variant: str) -> None:
    text = VARIANTS[variant]((CASES / f"{name}.md").read_text(encoding="utf-8"))
    document = parse(text, f"{name}.md")
    expected = [
        (i, t.replace("\n", "\r\n") if variant == "crlf" else t, e) for i, t, e in EXPECTED[name]
    ]
    if variant == "crlf":
        expected = [(i, t, e.replace("\n", "\r\n")) for i, t, e in expected]
    assert [(s.id, s.translation, s.english) for s in document.segments] == expected
    assert render_source(document) == text
    for language in Language:
        body = body_text(document, language)
        page = page_words(sanitize_html(page_body(render_page(document, language).markdown)))
        assert lost(document.segments, page, language) == []
        for part in document.parts:  # shared text belongs to both languages
            if isinstance(part, str):
                assert part.replace("\r\n", "\n") in body


def test_front_matter_lists_and_quotes() -> None:
    document = parse((CASES / "front-matter-lists.md").read_text(encoding="utf-8"))
    assert document.metadata == {
        "title": "Saraksti priekšējā daļā",
        "ms.custom": ["9002530", "7648"],
        "ms.collection": ["Adm_O365", "Strat_O365"],
        "ms.contentlocale": "lv-LV",
    }
    assert document.content_locale == "lv-LV"


def test_positions_on_a_line_of_several_segments() -> None:
    document = parse((CASES / "several-per-line.md").read_text(encoding="utf-8"))
    first, second, third = document.segments
    assert (first.line, first.column) == (5, 1)
    assert (second.line, second.column) == (5, len(segment_markup(first)) + 2)
    assert (third.line, third.column) == (5, second.column + len(segment_markup(second)) + 1)


def test_the_stray_close_stays_inside_its_segment_in_both_pages() -> None:
    document = parse((CASES / "stray-close-inside-segment.md").read_text(encoding="utf-8"))
    english = body_text(document, Language.ENGLISH)
    assert english == (
        "- If the mailbox is on **Yahoo**, follow the instructions</span> found in this "
        "[article](https://a.example/p).\n"
    )


def test_nested_folders_includes_and_non_markdown(tmp_path: Path) -> None:
    """A tree: nested folders become nested pages; includes/ and TOC.yml are no pages."""
    from bilingual.split.full import split_tree

    source = tmp_path / "source"
    (source / "admin" / "users").mkdir(parents=True)
    (source / "includes").mkdir()
    header = "---\ntitle: T\nms.contentlocale: lv-LV\n---\n"
    pair = (CASES / "several-per-line.md").read_text(encoding="utf-8").split("---\n")[-1]
    (source / "admin" / "users" / "reset password.md").write_text(header + pair, encoding="utf-8")
    (source / "ūdens.md").write_text(header + pair, encoding="utf-8")
    (source / "includes" / "fragment.md").write_text(pair, encoding="utf-8")
    (source / "TOC.yml").write_text("- name: Indekss\n  href: index.md\n", encoding="utf-8")
    docs = tmp_path / "docs"
    split = split_tree(source, docs)
    assert sorted(split.articles) == ["admin/users/reset password.md", "ūdens.md"]
    assert (docs / "en" / "admin" / "users" / "reset password.md").is_file()
    page, _, english = (docs / "lv" / "ūdens.md").read_text(encoding="utf-8").partition(SEPARATOR)
    assert page.endswith("Trešais.</span></p>\n")
    assert english.endswith("<p>First. Second. Third.</p>\n</div>\n</template>\n")
    assert not (docs / "lv" / "includes").exists()
    assert not list(docs.rglob("TOC.yml"))

"""The home page's index: grouping, order, escaping of titles from the sources."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]

from bilingual.pages.home import LETTER_GROUPS_FROM, IndexEntry, escape, index_markdown, letter
from bilingual.source.toc import parse_toc


def test_titles_cannot_become_markup() -> None:
    title = '<img src=x onerror="alert(1)"> *bold* [link](http://x) {#id}'
    html = markdown.markdown(f"- [{escape(title)}](a.md)", extensions=["attr_list"])
    assert "<img" not in html
    assert "<em>" not in html
    assert html.count("<a ") == 1
    assert "&lt;img" in html


def test_letters_ignore_accents_and_case() -> None:
    assert letter("Ārējā pasta kļūda") == "A"
    assert letter("„Čats” nedarbojas") == "C"
    assert letter("401 kļūda") == "0-9"
    assert letter("…") == "#"
    assert letter('"**Trūkst** failu"') == "T"


def test_letter_groups_are_contiguous_whatever_the_leading_marks() -> None:
    titles = ["Beta", '"Alpha"', "**Beta two**", ". Alpha two", "alpha three", "401 error"]
    many = [IndexEntry(t, f"a{i}.md") for i, t in enumerate(titles * 10)]
    text = index_markdown("en", many, [])
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### 0\\-9 {#index-0-9}", "### A {#index-a}", "### B {#index-b}"]


def test_large_folder_is_split_by_letter_small_one_is_not() -> None:
    many = [IndexEntry(f"{chr(ord('A') + i % 3)} title {i}", f"a{i}.md") for i in range(50)]
    few = [IndexEntry("Beta", "sub/b.md"), IndexEntry("alpha", "sub/a.md")]
    text = index_markdown("en", many + few, [])
    assert LETTER_GROUPS_FROM < 50
    assert "### A {#index-a}" in text
    assert "### C {#index-c}" in text
    assert "[A](#index-a) · [B](#index-b) · [C](#index-c)" in text
    sub = text.split("## Sub {#index-sub}")[1]
    assert "###" not in sub
    assert sub.index("alpha") < sub.index("Beta")


def test_toc_sections_use_article_titles_and_skip_the_home_page() -> None:
    toc = parse_toc(
        "- name: Home\n  href: index.md\n"
        "- name: Mail\n  items:\n  - name: Setup\n    href: mail/setup.md\n"
        "  - name: Outside\n    href: https://example.com/\n"
    )
    entries = [IndexEntry("Home", "index.md"), IndexEntry("Set up mail", "mail/setup.md")]
    text = index_markdown("en", entries, toc)
    assert text.startswith("## Mail\n\n- [Set up mail](mail/setup.md)\n- Outside\n")
    assert "## Home" not in text

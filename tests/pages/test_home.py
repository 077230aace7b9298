"""The home page's index: grouping, order, escaping of titles from the sources."""

from __future__ import annotations

import re

import markdown  # type: ignore[import-untyped]

from bilingual.pages.home import (
    HOME,
    INLINE_UP_TO,
    LETTER_GROUPS_FROM,
    PAGE_ENTRIES,
    IndexEntry,
    escape,
    index_markdown,
    index_pages,
    letter,
)
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


def test_a_large_index_lists_letters_on_the_home_page_and_articles_on_their_own_pages() -> None:
    count = INLINE_UP_TO + 30
    root = [IndexEntry(f"{chr(ord('A') + i % 5)} title {i}", f"a{i}.md") for i in range(count)]
    sub = [IndexEntry("Beta", "sub/b.md"), IndexEntry("alpha", "sub/a.md")]
    entries = [IndexEntry("Home", HOME), *root, *sub]
    text = index_markdown("en", entries, [])
    assert "a1.md" not in text  # no article on the home page itself
    assert (
        '<a href="a-z/index-a/" id="index-a">A</a> · <a href="a-z/index-b/" id="index-b">B</a> · '
        '<a href="a-z/index-c/" id="index-c">C</a>' in text
    )  # each letter keeps the id its heading had
    assert (
        '<a href="a-z/index-sub-a/" id="index-sub-a">A</a> · '
        '<a href="a-z/index-sub-b/" id="index-sub-b">B</a>' in text
    )
    pages = index_pages("en", entries)
    assert sorted(pages) == [
        *(f"a-z/index-{c}.md" for c in "abcde"),
        "a-z/index-sub-a.md",
        "a-z/index-sub-b.md",
    ]
    listed = [
        href for page in pages.values() for href in re.findall(r'<li><a href="([^"]+)"', page)
    ]
    assert len(listed) == count + 2  # every article once, on its letter's page
    assert len(set(listed)) == len(listed)
    b_page = pages["a-z/index-b.md"]
    assert "search:\n  exclude: true" in b_page
    assert "help_index: true" in b_page
    assert '<a href="../../a1/">B title 1</a>' in b_page  # the built page's address
    assert "<strong>B</strong>" in b_page  # its own letter is no link
    assert '<a href="../index-a/" id="index-a">A</a>' in b_page


def test_a_small_index_has_no_pages_of_its_own() -> None:
    entries = [IndexEntry(f"T{i}", f"a{i}.md") for i in range(INLINE_UP_TO)]
    assert index_pages("en", entries) == {}
    assert "a1.md" in index_markdown("en", entries, [])


def test_a_script_without_an_alphabet_is_paged_by_runs_of_titles() -> None:
    titles = [chr(0x4E00 + i) + "配置" for i in range(INLINE_UP_TO + 100)]
    entries = [IndexEntry(title, f"p{i}.md") for i, title in enumerate(titles)]
    pages = index_pages("zh", entries)
    assert len(pages) == -(-len(titles) // PAGE_ENTRIES)
    first = next(iter(pages))
    assert first == "a-z/index-u4e00u2013u4ec7.md"  # its first and last letters, 一 to 仇


def test_a_large_toc_shows_its_first_levels_only() -> None:
    toc = parse_toc(
        "- name: Top\n  items:\n  - name: Second\n    href: a0.md\n    items:\n"
        "    - name: Third\n      href: a1.md\n"
    )
    entries = [IndexEntry(f"T{i}", f"a{i}.md") for i in range(INLINE_UP_TO + 1)]
    text = index_markdown("en", entries, toc)
    assert "[T0](a0.md)" in text
    assert "[T1](a1.md)" not in text


def test_a_hostile_title_on_an_index_page_stays_text() -> None:
    hostile = '<img src=x onerror="alert(1)"> & "quotes"'
    entries = [IndexEntry(f"A{i}", f"a{i}.md") for i in range(INLINE_UP_TO)]
    pages = index_pages("en", [*entries, IndexEntry(hostile, "h.md")])
    page = next(text for text in pages.values() if "h/" in text)
    assert "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;" in page

"""The table of contents: both DocFX forms, nested TOC files and folders, malformed entries.

Each folder of ``tests/fixtures/toc`` is a source folder with a TOC; its ``expected.json`` is the
tree ``read_tree`` makes of it (each entry with the fields it sets), the TOC files it read and
the problems it reported, reviewed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilingual.errors import SourceError
from bilingual.model import Document
from bilingual.source.files import read_files
from bilingual.source.folder import is_article, source_files
from bilingual.source.toc import (
    TocEntry,
    is_toc_name,
    listing_tocs,
    page_path,
    parse_toc,
    read_tocs,
    read_tree,
)
from conftest import FIXTURES

CASES = sorted(path for path in (FIXTURES / "toc").iterdir() if path.is_dir())
DEFAULTS = TocEntry("")


def entry_data(entry: TocEntry) -> dict[str, Any]:
    """An entry as the golden files write it: the fields it sets, children last."""
    data: dict[str, Any] = {}
    for name in ("name", "href", "url", "fragment", "uid", "missing", "expanded", "display_name"):
        value = getattr(entry, name)
        if value != getattr(DEFAULTS, name):
            data[name] = value
    data["at"] = f"{entry.source}:{entry.line}:{entry.column}"
    if entry.items:
        data["items"] = [entry_data(item) for item in entry.items]
    return data


def tree_data(source: Path) -> dict[str, Any]:
    problems: list[SourceError] = []
    toc = read_tree(read_files(source), problems)
    return {
        "entries": [entry_data(entry) for entry in toc.entries],
        "files": toc.files,
        "problems": [str(problem) for problem in problems],
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_toc_is_read_as_the_golden_file_says(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert tree_data(case / "source") == expected


def test_toc_file_names_in_any_letter_case() -> None:
    assert all(is_toc_name(name) for name in ("toc.yml", "TOC.yml", "Toc.yml", "a/tOc.YML"))
    assert not is_toc_name("breadcrumb/toc.json")
    assert page_path("a/index.yml") == "a/index.md"
    assert page_path("a/b.md") == "a/b.md"


def test_a_toc_that_is_not_yaml_is_one_problem_with_its_position() -> None:
    problems: list[SourceError] = []
    assert parse_toc("- name: [unclosed\n", "TOC.yml", problems) == []
    assert [str(p) for p in problems] == [
        "TOC.yml:2:1: not valid YAML; expected a list of '- name: …' entries, or 'items:' "
        "holding one"
    ]


def test_aliases_cannot_expand_without_bound() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    bomb += "items: [*h]\n"
    problems: list[SourceError] = []
    assert parse_toc(bomb, "TOC.yml", problems) == []
    assert "expands to more than" in str(problems[0])


def test_a_toc_without_entries_is_empty_not_an_error() -> None:
    problems: list[SourceError] = []
    assert parse_toc("", "TOC.yml", problems) == []
    assert parse_toc("items:\n", "TOC.yml", problems) == []
    assert problems == []


def test_a_markdown_toc_is_read_into_the_same_entries() -> None:
    problems: list[SourceError] = []
    text = "# [A](a.md)\n## Grupa\n### [B](b.md)\n#[C](@c.uid)\n"
    entries = parse_toc(text, "TOC.md", problems)
    assert problems == []
    assert [(e.name, e.href, e.uid) for e in entries] == [("A", "a.md", None), ("C", None, "c.uid")]
    assert entries[0].items[0].name == "Grupa"
    assert entries[0].items[0].items[0].href == "b.md"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#", "TOC.md:2:1: TOC line '#' is not an entry"),
        ("### [Dziļi](d.md)", "TOC.md:2:1: TOC entry skips a level (level 3 below level 1)"),
        ("<!-- open", "TOC.md:3:1: a comment is not closed"),
    ],
)
def test_a_malformed_markdown_line_is_reported_and_the_rest_kept(line: str, expected: str) -> None:
    problems: list[SourceError] = []
    entries = parse_toc(f"# [A](a.md)\n{line}\n", "TOC.md", problems)
    assert entries[0].href == "a.md"
    assert [str(problem).split(";")[0] for problem in problems] == [expected]


def test_toc_md_in_any_letter_case_is_a_toc_file_and_no_article(tmp_path: Path) -> None:
    assert all(is_toc_name(name) for name in ("toc.md", "TOC.md", "a/Toc.MD"))
    assert not is_toc_name("a/toc.md.bak")
    (tmp_path / "sub").mkdir()
    for name in ("TOC.md", "sub/toc.md", "page.md", "sub/TOC-guide.md"):
        (tmp_path / name).write_text("# x\n", "utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in source_files(tmp_path)]
    assert found == ["page.md", "sub/TOC-guide.md"]
    assert not is_article(Document("sub/toc.md", "", {}))
    assert is_article(Document("page.md", "", {}))


def test_each_folder_toc_no_other_nests_is_a_toc_of_its_own() -> None:
    problems: list[SourceError] = []
    tocs = read_tocs(read_files(FIXTURES / "toc" / "nested" / "source"), problems)
    assert problems == []
    assert sorted(tocs.tocs) == ["", "folder", "other"]  # sub/toc.yml is nested in the root's
    assert [entry.href for entry in tocs.tocs["folder"].entries] == ["folder/page.md"]
    assert tocs.tocs["other"].files == ["other/toc.yml"]
    assert tocs.nearest("folder/page.md") == "folder"
    assert tocs.nearest("other/deeper/still/page.md") == "other"
    assert tocs.nearest("sub/intro.md") == ""
    assert tocs.nearest("index.md") == ""
    assert tocs.root.files == ["Toc.yml", "sub/toc.yml"]


def test_a_toc_below_the_root_serves_only_the_pages_below_it(tmp_path: Path) -> None:
    (tmp_path / "docs" / "breadcrumb").mkdir(parents=True)
    (tmp_path / "docs" / "docfx.json").write_text("{}", "utf-8")
    (tmp_path / "docs" / "TOC.yml").write_text("- name: A\n  href: a.md\n", "utf-8")
    (tmp_path / "docs" / "a.md").write_text("# A\n", "utf-8")
    (tmp_path / "docs" / "breadcrumb" / "toc.yml").write_text("- name: L\n  tocHref: /\n", "utf-8")
    tocs = read_tocs(read_files(tmp_path), [])
    assert sorted(tocs.tocs) == ["docs"]  # the breadcrumb's TOC is Learn's, not the pages'
    assert tocs.root.entries == []
    assert tocs.nearest("docs/a.md") == "docs"
    assert tocs.nearest("other.md") is None


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


def test_a_cycle_of_toc_files_is_one_line_and_the_rest_is_built(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "a/TOC.yml": "- name: A\n  href: a.md\n- name: Uz B\n  href: ../b/TOC.yml\n",
            "b/TOC.yml": "- name: B\n  href: b.md\n- name: Uz A\n  href: ../a/TOC.yml\n",
            "a/a.md": "# A\n",
            "b/b.md": "# B\n",
        },
    )
    problems: list[SourceError] = []
    tocs = read_tocs(read_files(tmp_path), problems)
    assert [str(p) for p in problems] == [
        "b/TOC.yml:3:3: TOC 'a/TOC.yml' includes itself; expected a TOC nested once"
    ]
    assert sorted(tocs.tocs) == ["a"]  # b/TOC.yml is nested in a's: one TOC, both folders
    assert [e.href for e in tocs.tocs["a"].walk()] == ["a/a.md", None, "b/b.md", None]
    assert tocs.nearest("b/b.md") is None  # no TOC in b/ or above it (a's lists b.md: not yet used)


def test_toc_links_that_name_nothing_or_leave_the_repository_are_one_line_each(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    write_files(
        tmp_path,
        {
            "docs/TOC.yml": (
                "- name: Ārā\n  href: ../../outside/\n"
                "- {}\n"
                "- name: Ārā tocHref\n  tocHref: ../../../elsewhere/toc.yml\n"
                "- name: Paliek\n  href: page.md\n"
            ),
            "docs/page.md": "# P\n",
        },
    )
    problems: list[SourceError] = []
    tocs = read_tocs(read_files(tmp_path / "docs"), problems)
    assert [str(p).split(";")[0] for p in problems] == [
        "TOC.yml:2:9: path '../../outside/' leaves the repository",
        "TOC.yml:3:3: TOC entry has no name",
        "TOC.yml:5:12: path '../../../elsewhere/toc.yml' leaves the repository",
    ]
    assert [(e.name, e.href) for e in tocs.root.entries] == [
        ("Ārā", None),
        ("Ārā tocHref", None),
        ("Paliek", "page.md"),
    ]


def test_a_toc_of_a_smaller_order_is_picked_first(tmp_path: Path) -> None:
    """DocFX's ``order:`` (a TOC file's object form): of the TOCs that list a page, or that
    stand above a page none lists, one of a smaller order is picked before a nearer one."""
    write_files(
        tmp_path,
        {
            "TOC.yml": "order: -1\nitems:\n- name: Pa\n  href: guide/a.md\n",
            "guide/TOC.yml": "- name: A\n  href: a.md\n- name: B\n  href: b.md\n",
            "guide/deep/TOC.yml": "order: 5\nitems:\n- name: C\n  href: c.md\n",
            "guide/a.md": "# A\n",
            "guide/b.md": "# B\n",
            "guide/deep/c.md": "# C\n",
            "guide/deep/d.md": "# D\n",
            "bad/TOC.yml": "order: soon\nitems:\n- name: E\n  href: e.md\n",
            "bad/e.md": "# E\n",
        },
    )
    problems: list[SourceError] = []
    tocs = read_tocs(read_files(tmp_path), problems)
    assert [str(p) for p in problems] == [
        "bad/TOC.yml:1:8: TOC order 'soon' is not a whole number; expected 'order: 100'"
    ]
    assert [tocs.tocs[f].order for f in ("", "guide", "guide/deep", "bad")] == [-1, 0, 5, 0]
    listed = listing_tocs(tocs)
    assert listed["guide/a.md"] == ""  # the root's order -1 before guide/'s nearer 0
    assert listed["guide/b.md"] == "guide"  # only guide/ lists it
    assert listed["guide/deep/c.md"] == "guide/deep"  # only its own lists it
    # a page no TOC lists: the TOCs above it by order, then the nearest
    assert tocs.nearest("guide/deep/d.md") == ""
    assert tocs.nearest("guide/deep/d.md", {"guide", "guide/deep"}) == "guide"
    assert tocs.nearest("bad/f.md") == ""


def test_the_page_data_names_the_toc_an_order_picks(tmp_path: Path) -> None:
    """A page whose TOC (by ``order``) is not the nearest tree by folder is named in the page
    data the site reads (``split.navigation.page_data``); the others are left to the nearest."""
    from bilingual.split.navigation import page_data

    write_files(
        tmp_path,
        {
            "TOC.yml": "order: -1\nitems:\n- name: Pa\n  href: guide/a.md\n",
            "guide/TOC.yml": "- name: B\n  href: b.md\n",
            "guide/a.md": "# A\n",
            "guide/b.md": "# B\n",
            "guide/c.md": "# C\n",
        },
    )
    tocs = read_tocs(read_files(tmp_path), [])
    pages = {"guide/a.md", "guide/b.md", "guide/c.md"}
    data = page_data(tocs, {"", "guide"}, pages, {}, [])
    assert data == {"tocs": {"guide/a.md": "", "guide/c.md": ""}}
    # without the order, the page no TOC lists shows the nearest (guide/'s): no data for it
    (tmp_path / "TOC.yml").write_text("- name: Pa\n  href: guide/a.md\n", "utf-8")
    unordered = page_data(read_tocs(read_files(tmp_path), []), {"", "guide"}, pages, {}, [])
    assert unordered == {"tocs": {"guide/a.md": ""}}

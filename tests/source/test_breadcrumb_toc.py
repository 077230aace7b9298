"""The docset's breadcrumb TOC (``source.breadcrumb``) and DocFX's choice of a page's TOC
(``source.toc.listing_tocs``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingual.errors import SourceError
from bilingual.source.breadcrumb import Crumb, learn_relative, read_crumbs
from bilingual.source.docset import Docset
from bilingual.source.files import read_files
from bilingual.source.toc import jumps, listing_tocs, read_tocs

DEEP = """\
- name: Docs
  tocHref: /
  topicHref: /
  items:
    - name: "Dynamics\\u00a0365"
      tocHref: /dynamics365/
      topicHref: /dynamics365/
      items:
        - name: Customer Insights
          tocHref: /dynamics365/customer-insights/
          topicHref: /dynamics365/customer-insights/index
          items:
            - name: Auditorijas ieskati
              tocHref: /Dynamics365/customer-insights/audience-insights/
              topicHref: /dynamics365/customer-insights/audience-insights/overview
              items:
                - name: Dati
                  tocHref: /dynamics365/customer-insights/audience-insights/data/toc.json
            - name: Ārpus
              tocHref: /dynamics365/customer-insights/../other/
            - name: Cits produkts
              tocHref: /dynamics365/sales/
"""


def docset(tmp_path: Path, breadcrumb: str | None, path: str | None) -> Docset:
    config = {"build": {"globalMetadata": {"breadcrumb_path": path}}} if path else {}
    (tmp_path / "docfx.json").write_text(json.dumps(config), "utf-8")
    if breadcrumb is not None:
        (tmp_path / "breadcrumb").mkdir()
        (tmp_path / "breadcrumb" / "toc.yml").write_text(breadcrumb, "utf-8")
    return Docset.find(tmp_path)


def test_the_entries_inside_the_docset_are_its_folders(tmp_path: Path) -> None:
    found = read_crumbs(
        docset(tmp_path, DEEP, "/dynamics365/customer-insights/breadcrumb/toc.json")
    )
    assert found == [
        Crumb("Customer Insights", "", "index"),
        Crumb("Auditorijas ieskati", "audience-insights", "audience-insights/overview"),
        Crumb("Dati", "audience-insights/data", None),
    ]


@pytest.mark.parametrize(
    ("breadcrumb", "path"),
    [
        (None, "/dynamics365/customer-insights/breadcrumb/toc.json"),  # no breadcrumb TOC
        (DEEP, None),  # no Learn path: nothing maps into the docset
        ("items: [", "/dynamics365/customer-insights/breadcrumb/toc.json"),  # malformed
        ("name: x", "/dynamics365/customer-insights/breadcrumb/toc.json"),  # not a list
    ],
)
def test_no_places_without_a_readable_breadcrumb_toc_and_a_learn_path(
    tmp_path: Path, breadcrumb: str | None, path: str | None
) -> None:
    assert read_crumbs(docset(tmp_path, breadcrumb, path)) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/dynamics365/customer-insights/", ""),
        ("/dynamics365/customer-insights", ""),
        ("/DYNAMICS365/Customer-Insights/a/b/", "a/b"),
        ("/dynamics365/customer-insights/a/toc.json", "a"),
        ("/dynamics365/customer-insights/a/?view=x#y", "a"),
        ("/dynamics365/customer-insights-other/", None),
        ("/dynamics365/", None),
        ("/", None),
        ("dynamics365/customer-insights/", None),
        ("https://example.com/dynamics365/customer-insights/", None),
        (None, None),
    ],
)
def test_a_learn_path_relative_to_the_docset(url: str | None, expected: str | None) -> None:
    assert learn_relative(url, "/dynamics365/customer-insights") == expected


def test_the_docset_title_stops_at_the_docset_s_own_entry(tmp_path: Path) -> None:
    """The entries below the docset's are places in it, not part of its name."""
    found = docset(tmp_path, DEEP, "/dynamics365/customer-insights/breadcrumb/toc.json")
    assert found.breadcrumb_title() == "Dynamics 365 Customer Insights"


def write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")


def test_a_page_shows_the_nearest_toc_listing_it(tmp_path: Path) -> None:
    """DocFX: the TOC that lists a page, the fewest folders away; a sibling folder's TOC before
    the root's when only it lists the page; a folder link lists no page."""
    write(
        tmp_path,
        {
            "toc.yml": "- name: A\n  href: a/\n- name: Both\n  href: b/both.md\n",
            "a/toc.yml": "- name: One\n  href: one.md\n- name: Other\n  href: ../b/other.md\n"
            "- name: Both\n  href: ../b/both.md\n- name: Landing\n  href: ../c/index.yml\n",
            "b/toc.yml": "- name: Both\n  href: both.md\n",
            "a/one.md": "# One\n",
            "b/other.md": "# Other\n",
            "b/both.md": "# Both\n",
            "c/index.yml": "### YamlMime:Landing\ntitle: C\n",
        },
    )
    problems: list[SourceError] = []
    tocs = read_tocs(read_files(tmp_path), problems)
    assert problems == []
    chosen = listing_tocs(tocs)
    assert chosen == {
        "a/one.md": "a",
        "b/other.md": "a",  # only a/'s TOC lists it; by folder it would show b/'s
        "b/both.md": "b",  # listed by three: its own folder's is nearest
        "c/index.md": "a",  # a landing page, one folder away from a/ as from the root
    }
    assert "a/one.md" in chosen  # the root's `href: a/` opens it but does not list it
    assert listing_tocs(tocs, folders={"", "b"}) == {"b/both.md": "b"}


@pytest.mark.parametrize(
    ("page", "folder", "expected"),
    [
        ("a/b.md", "a", (0, 0)),
        ("a/b.md", "", (1, 0)),
        ("a/b.md", "c/d", (1, 2)),
        ("x.md", "a", (0, 1)),
    ],
)
def test_jumps(page: str, folder: str, expected: tuple[int, int]) -> None:
    assert jumps(page, folder) == expected

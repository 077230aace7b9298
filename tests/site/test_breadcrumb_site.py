"""A page's breadcrumb after its home page (``site.navigation.breadcrumb``), the breadcrumb TOC's
places in each language (``pages.breadcrumbs``) and the TOC a page shows (``page_tree``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bilingual.pages.breadcrumbs import crumb_nodes
from bilingual.pages.link_rewrite import LinkContext
from bilingual.pages.navigation import Navigation
from bilingual.site.navigation import (
    PageData,
    Tree,
    _places,
    breadcrumb,
    load_page_data,
    page_tree,
)
from bilingual.source.breadcrumb import Crumb

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'
NODES: list[dict[str, Any]] = [
    {"t": "Sākums", "u": ""},
    {
        "t": "Auditorijas ieskati",
        "u": "ai/overview/",
        "c": [
            {"t": "Dati", "c": [{"t": "Avoti", "u": "ai/data/sources/"}]},
            {"t": "Pārskats", "u": "ai/overview/"},
        ],
    },
    {"t": "Ārējs", "u": "https://example.com/", "l": "lv", "c": [{"t": "X", "u": "ai/x/"}]},
]
TREE = Tree(NODES, "v", _places(NODES))
CRUMBS = PageData(
    crumbs=[
        {"f": "ai/data", "t": "Dati", "u": "ai/data/"},
        {"f": "ai", "t": HOSTILE, "u": "ai/", "l": "lv"},
    ]
)


def titles(crumbs: list[dict[str, str]]) -> list[tuple[str, str | None, str | None]]:
    return [(c["title"], c.get("href"), c.get("lang")) for c in crumbs]


def test_the_breadcrumb_toc_s_places_over_the_page_s_folder_outermost_first() -> None:
    found = breadcrumb("ai/data/sources.md", "ai/data/sources/", TREE, CRUMBS)
    assert titles(found) == [(HOSTILE, "../../", "lv"), ("Dati", "../", None)]
    # the folder's own page leaves itself out; case does not matter
    assert titles(breadcrumb("AI/data/index.md", "ai/data/", TREE, CRUMBS)) == [
        (HOSTILE, "../", "lv")
    ]


def test_without_a_place_over_it_the_entries_above_the_page_in_its_tree() -> None:
    """A group without a link is text; the home page and the page itself are no places of it."""
    assert titles(breadcrumb("ai/data/sources.md", "ai/data/sources/", TREE, PageData())) == [
        ("Auditorijas ieskati", "../../overview/", None),
        ("Dati", None, None),
    ]
    assert titles(breadcrumb("ai/x.md", "ai/x/", TREE, PageData())) == [
        ("Ārējs", "https://example.com/", "lv")
    ]
    # the first place of the page in the tree: a page listed twice takes its first entry
    assert breadcrumb("ai/overview.md", "ai/overview/", TREE, PageData()) == [
        {"title": "Ai", "href": "../../#index-ai"}
    ]


def test_last_the_folder_s_group_on_the_home_page_else_nothing() -> None:
    assert titles(breadcrumb("my_folder/a-b/page.md", "my_folder/a-b/page/", None, PageData())) == [
        ("A b", "../../../#index-my-folder-a-b", None)
    ]
    assert breadcrumb("page.md", "page/", TREE, PageData()) == []
    assert breadcrumb("ai/data/x.md", "ai/data/x/", TREE, CRUMBS, index=True) == []


def navigation(
    code: str, titles: dict[str, str], landings: frozenset[str] = frozenset()
) -> Navigation:
    pages = [page for page in titles if page.endswith(".md")]
    return Navigation(code, "lv", LinkContext.of(pages, "lv-lv"), titles, landings)


PLACES = [
    Crumb("Customer Insights", "", "index"),  # the docset itself: the home page
    Crumb("Auditorijas ieskati", "ai", "ai/overview"),  # its landing page first
    Crumb("Dati", "ai/data", "ai/data/sources"),  # no index: its topicHref's page
    Crumb("Nekur", "gone", "gone/nothing"),  # opens nothing: left out
    Crumb(HOSTILE, "ai/x", "ai/x/index"),
]


def test_the_places_in_the_translation_are_named_by_the_breadcrumb_toc() -> None:
    lv = navigation(
        "lv",
        {"ai/index.md": "Auditorija", "ai/data/sources.md": "Avoti", "ai/x/index.md": "X"},
        frozenset({"ai/index.yml"}),
    )
    assert crumb_nodes(PLACES, lv) == [
        {"f": "ai", "t": "Auditorijas ieskati", "u": "ai/"},
        {"f": "ai/data", "t": "Dati", "u": "ai/data/sources/"},
        {"f": "ai/x", "t": HOSTILE, "u": "ai/x/"},
    ]


def test_the_english_places_take_their_page_s_english_title_else_keep_the_name_marked() -> None:
    """As the English tree: a landing page has no English title, an article has."""
    en = navigation(
        "en", {"ai/data/sources.md": "Sources", "ai/x/index.md": "X"}, frozenset({"ai/index.yml"})
    )
    assert crumb_nodes(PLACES, en) == [
        {"f": "ai", "t": "Auditorijas ieskati", "u": "ai/", "l": "lv"},
        {"f": "ai/data", "t": "Sources", "u": "ai/data/sources/"},
        {"f": "ai/x", "t": "X", "u": "ai/x/"},
    ]


def test_a_page_shows_the_toc_listing_it_else_its_nearest(tmp_path: Path) -> None:
    for folder in ("", "mail"):
        (tmp_path / "lv" / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / "lv" / folder / "toc.json").write_text(json.dumps([{"t": folder}]), "utf-8")
    data = {"tocs": {"calendar/meetings.md": "mail", "x.md": "gone"}, "crumbs": [{"f": "a"}]}
    (tmp_path / "lv" / ".navigation.json").write_text(json.dumps(data), "utf-8")
    loaded = load_page_data(tmp_path, "lv")
    assert loaded.crumbs == []  # malformed places are dropped
    cache: dict[tuple[str, str], Tree | None] = {}
    listed = page_tree(tmp_path, "lv", "calendar/meetings.md", loaded, cache)
    assert listed is not None
    assert listed.folder == "mail"
    nearest = page_tree(tmp_path, "lv", "calendar/other.md", loaded, cache)
    assert nearest is not None
    assert nearest.folder == ""
    missing = page_tree(tmp_path, "lv", "x.md", loaded, cache)  # its TOC has no tree: nearest
    assert missing is not None
    assert missing.folder == ""
    assert load_page_data(tmp_path, "en") == PageData()

"""Link resolution in the writer: each kind of link, in both languages, on a small fixture tree."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from bilingual.checks.links.built_site import check_site
from bilingual.pages.link_rewrite import (
    LinkContext,
    docset_paths,
    relative_path,
    resolve,
    resolve_links,
)
from bilingual.split.full import split_tree
from conftest import FIXTURES

SOURCE = FIXTURES / "links" / "source"
CONTEXT = LinkContext.of(["a.md", "b.md", "sub/c.md"], "lv-LV", ["media/shot.png"])


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("/AlchemyInsights/b", "a.md", ("b.md", "docset")),
        ("/AlchemyInsights/b.md", "sub/c.md", ("../b.md", "docset")),
        ("/AlchemyInsights/sub/c#part-two", "a.md", ("sub/c.md#part-two", "docset")),
        (
            "/microsoft-365/admin/add-users",
            "a.md",
            ("https://learn.microsoft.com/lv-lv/microsoft-365/admin/add-users", "learn"),
        ),
        (
            "/AlchemyInsights/not-in-this-tree",
            "a.md",
            ("https://learn.microsoft.com/lv-lv/AlchemyInsights/not-in-this-tree", "learn"),
        ),
        (
            "https://docs.microsoft.com/en-us/microsoftteams/x?view=1#y",
            "a.md",
            ("https://docs.microsoft.com/lv-lv/microsoftteams/x?view=1#y", "locale"),
        ),
        (
            "https://support.office.com/EN-GB/article/x",
            "a.md",
            ("https://support.office.com/lv-lv/article/x", "locale"),
        ),
        ("https://support.office.com/lv-lv/article/x", "a.md", None),
        ("media/Shot.PNG", "a.md", ("media/shot.png", "case")),
        ("../media/SHOT.png", "sub/c.md", ("../media/shot.png", "case")),
        ("media/shot.png", "a.md", None),
        ("b.md", "a.md", None),
        ("../a.md#x", "sub/c.md", None),
        ("ms-settings:windowsupdate", "a.md", None),
        ("mailto:help@example.com", "a.md", None),
        ("#section", "a.md", None),
        ("https://go.microsoft.com/fwlink/?linkid=1", "a.md", None),
    ],
)
def test_rules(url: str, page: str, expected: tuple[str, str] | None) -> None:
    assert resolve(url, page, CONTEXT) == expected


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("/AlchemyInsights/b", "a.md", ("../b/", "docset")),
        ("/AlchemyInsights/sub/c#x", "b.md", ("../sub/c/#x", "docset")),
        ("b.md", "a.md", ("../b/", "html")),
        ("../a.md", "sub/c.md", ("../../a/", "html")),
        ("media/Shot.PNG", "a.md", ("../media/shot.png", "html")),
        ("a.md", "index.md", ("a/", "html")),
        ("#x", "a.md", None),
    ],
)
def test_rules_in_raw_html(url: str, page: str, expected: tuple[str, str] | None) -> None:
    assert resolve(url, page, CONTEXT, html=True) == expected


def test_code_is_left_alone_and_every_link_is_kept() -> None:
    markdown = (
        "[a](/AlchemyInsights/b) <a href='/windows/x'>w</a>\n"
        "[ref]: /AlchemyInsights/sub/c\n\n```\n[code](/AlchemyInsights/b)\n```\n"
    )
    resolved, rewrites = resolve_links(markdown, "a.md", CONTEXT)
    assert resolved == (
        "[a](b.md) <a href='https://learn.microsoft.com/lv-lv/windows/x'>w</a>\n"
        "[ref]: sub/c.md\n\n```\n[code](/AlchemyInsights/b)\n```\n"
    )
    assert [(r.original, r.rule) for r in rewrites] == [
        ("/AlchemyInsights/b", "docset"),
        ("/windows/x", "learn"),
        ("/AlchemyInsights/sub/c", "docset"),
    ]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("links") / "docs"
    split_tree(SOURCE, docs)
    return docs


@pytest.mark.parametrize(
    ("code", "locale"),
    [("lv", "lv-lv"), ("en", "en-us")],
)
def test_each_kind_in_both_languages(docs: Path, code: str, locale: str) -> None:
    """Every link is the built page's address: the docset's pages relative to the page's own
    folder (``a/``), Learn's paths and Microsoft's hosts in the page's locale."""
    page = (docs / code / "a.md").read_text(encoding="utf-8")
    assert '<a href="../b/">' in page
    assert '<a href="../sub/c/#part-two">' in page
    learn = f"https://learn.microsoft.com/{locale}/microsoft-365/admin/add-users/add-users"
    assert f'<a href="{learn}">' in page
    assert f'<a href="https://docs.microsoft.com/{locale}/microsoftteams/teams-overview">' in page
    assert f'<a href="https://support.office.com/{locale}/article/abc">' in page
    assert '<a href="ms-settings:windowsupdate">' in page
    assert '<a href="../sub/c/">' in page
    assert '<img src="../media/shot.png"' in page
    assert "[not a link](/AlchemyInsights/b)" in page  # code is not rewritten
    other = (docs / code / "sub" / "c.md").read_text(encoding="utf-8")
    assert '<a href="../../a/">' in other
    assert '<a href="../../b/">' in other
    assert (docs / code / "media" / "shot.png").is_file()


def test_audit_keeps_every_original_target(docs: Path) -> None:
    audit = json.loads((docs / ".links.json").read_text(encoding="utf-8"))
    originals = {(r["original"], r["target"], r["rule"]) for r in audit["lv/a.md"]}
    assert originals == {
        ("/AlchemyInsights/b", "../b/", "docset"),
        ("/AlchemyInsights/sub/c.md#part-two", "../sub/c/#part-two", "docset"),
        (
            "/microsoft-365/admin/add-users/add-users",
            "https://learn.microsoft.com/lv-lv/microsoft-365/admin/add-users/add-users",
            "learn",
        ),
        (
            "https://docs.microsoft.com/en-us/microsoftteams/teams-overview",
            "https://docs.microsoft.com/lv-lv/microsoftteams/teams-overview",
            "locale",
        ),
        (
            "https://support.office.com/lv-LV/article/abc",
            "https://support.office.com/lv-lv/article/abc",
            "locale",
        ),
        ("b.md", "../b/", "html"),
        ("sub/c.md", "../sub/c/", "html"),
        ("media/Shot.PNG", "media/shot.png", "media"),  # spelled as the file is
        ("media/shot.png", "../media/shot.png", "html"),
    }
    assert {r["target"] for r in audit["en/a.md"] if r["rule"] == "learn"} == {
        "https://learn.microsoft.com/en-us/microsoft-365/admin/add-users/add-users"
    }


@pytest.mark.site
def test_built_fixture_site_has_no_broken_link(tmp_path: Path) -> None:
    from bilingual.site.build import build

    split = split_tree(SOURCE, tmp_path / "docs")
    build(split.translation, tmp_path / "docs", tmp_path / "site")
    assert [str(p) for p in check_site(tmp_path / "site")] == []
    for code, prefix in (("lv", ""), ("en", "en/")):
        html = (tmp_path / "site" / prefix / "a" / "index.html").read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").select_one("article")
        assert article is not None
        hrefs = [a["href"] for a in article.select("a[href]") if not a.get("class")]
        assert hrefs == [
            "../b/",
            "../sub/c/#part-two",
            f"https://learn.microsoft.com/{'lv-lv' if code == 'lv' else 'en-us'}"
            "/microsoft-365/admin/add-users/add-users",
            f"https://docs.microsoft.com/{'lv-lv' if code == 'lv' else 'en-us'}"
            "/microsoftteams/teams-overview",
            f"https://support.office.com/{'lv-lv' if code == 'lv' else 'en-us'}/article/abc",
            "ms-settings:windowsupdate",
            "../b/",
            "../sub/c/",
            "../b/",
            "#links-example",
        ]
        assert [img["src"] for img in article.select("img")] == ["../media/shot.png"]


DOCSET = LinkContext.of(
    ["overview.md", "audience-insights/home.md", "audience-insights/index.md"],
    "lv-LV",
    docset_paths=["/dynamics365/customer-insights"],
)


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        (
            "/dynamics365/customer-insights/audience-insights/home",
            "overview.md",
            ("audience-insights/home.md", "docset"),
        ),
        (
            "/dynamics365/customer-insights/audience-insights/",
            "overview.md",
            ("audience-insights/index.md", "docset"),
        ),
        (
            "../engagement-insights/export-events.md#top",
            "audience-insights/home.md",
            (
                "https://learn.microsoft.com/lv-lv/dynamics365/customer-insights/"
                "engagement-insights/export-events#top",
                "missing",
            ),
        ),
        (
            "engagement-insights/index.yml",
            "overview.md",
            (
                "https://learn.microsoft.com/lv-lv/dynamics365/customer-insights/"
                "engagement-insights/",
                "missing",
            ),
        ),
        ("audience-insights/home.md", "overview.md", None),
        ("../../outside.md", "audience-insights/home.md", None),
    ],
)
def test_rules_with_the_docsets_path_on_learn(
    url: str, page: str, expected: tuple[str, str] | None
) -> None:
    """A multi-segment docset path names the tree's articles; a page of the docset the tree
    lacks goes to the docset's page on Learn, not to a dead link."""
    assert resolve(url, page, DOCSET) == expected


def test_the_docsets_path_is_found_from_hints_and_links() -> None:
    articles = ["a.md", "b/c.md", "contact.md"]
    links = [
        "[x](/AlchemyInsights/a) [y](/AlchemyInsights/b/c.md)",
        "[z](/common-data-model/schema/customerinsights/contact)",  # one article: a coincidence
    ]
    assert docset_paths(links, articles) == ("/AlchemyInsights",)
    assert docset_paths(links[1:], articles) == ()
    assert docset_paths(links, articles, ["/dynamics365/ci/"]) == (
        "/dynamics365/ci",
        "/AlchemyInsights",
    )


PARTS = st.sampled_from(["a", "b", "ab", "a-z", "é", ".", "..", ""])
PATHS = st.lists(PARTS, min_size=1, max_size=4).map("/".join)


@given(PATHS, PATHS)
def test_a_relative_path_is_the_one_relpath_gives(path: str, start: str) -> None:
    if not path or not start:
        return  # relpath refuses an empty path
    assert relative_path(path, start) == posixpath.relpath(path, start)

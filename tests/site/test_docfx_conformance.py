"""DocFX's own markdown test suite, run through the real writer and a real MkDocs build.

``../shared/docfx-tests/cases.json`` holds the cases of DocFX's ``Docfx.MarkdigEngine`` tests:
each an input, the files it needs, and the HTML DocFX promises for it. Every case becomes one
folder of one docset (its own ``docfx.json``, so ``~/`` is the case's root; an empty file for each
local image it shows, as DocFX's tests do not check images), the docset is split and built once,
and each case's English page, as a reader gets it, is compared with DocFX's HTML by meaning
(``docfx_meaning``: blocks in order, text, links, images, code lines and highlights, alerts, tab
titles and panels, zones, monikers, videos, cross references).

At least 97 % pass. The cases that differ on purpose are ``DIFFERENT`` (``reference/pages.md``
lists them with the same reasons); the test fails when another case differs, and when one of them passes (the
list must say what is true).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from bilingual.pages.link_rewrite import page_url
from conftest import PROJECT, build_source
from docfx_meaning import docfx_resolver, meaning, site_resolver

pytestmark = pytest.mark.site

CASES_FILE = PROJECT.parent / "shared" / "docfx-tests" / "cases.json"
IMAGE = re.compile(
    r"""(?:!\[[^\]]*\]\(\s*<?|source="|lightbox="|src="|^\[[^\]]+\]:\s*)([^)"\s>]+)""", re.M
)
DIFFERENT = {
    "CodeSnippetTest.CodeSnippetNotFound": (
        "a missing code file is a placeholder in the page's language; DocFX's test shows its "
        "configured (Chinese) warning text"
    ),
    "GeneralTest.TestDfm_EncodeInStrongEM": (
        "a tag-like placeholder (<abc>, <AC att='bcd'>) is shown as the text it is; DocFX writes "
        "an element no browser shows"
    ),
    "InclusionTest.TestInclusion_InlineLevel": "cases.json lacks the files it includes",
    "InclusionTest.TestBlockInclude_ShouldExcludeBracketInRegex": (
        "cases.json lacks the files it includes"
    ),
    "QuoteSectionNoteTest.QuoteSectionNoteTest_ExtensionConfiguration": (
        "[!TODO] and [!REVIEW] are alerts of that test's own DocFX configuration; the site knows "
        "DocFX's five (an unknown marker is text, and reported)"
    ),
}


def cases() -> list[dict[str, Any]]:
    if not CASES_FILE.is_file():
        pytest.skip(f"DocFX's test cases are not here ({CASES_FILE}); they are present in CI")
    found: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
    return found


def folder_of(index: int) -> str:
    """The docset folder of case ``index``: ``caseNNN/d`` (a folder above it, for paths such as
    ``../images/x.png`` that leave the case's own)."""
    return f"case{index:03d}/d"


def write_case(root: Path, case: dict[str, Any]) -> None:
    """The case's files under ``root`` (a ``docfx.json`` of its own), and an empty file for
    each local image they show (under ``root``'s parent)."""
    root.mkdir(parents=True)
    (root / "docfx.json").write_text("{}", encoding="utf-8")
    texts = {**case["files"], case["path"]: case["markdown"]}
    for path, text in texts.items():
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    for path, text in texts.items():
        for found in IMAGE.finditer(text):
            target = found.group(1)
            if "://" in target or target.startswith("#") or target.endswith(".md"):
                continue
            base = "" if target.startswith("~/") else posixpath.dirname(path)
            picture = (root / base / target.removeprefix("~/")).resolve()
            if root.resolve().parent in picture.parents and not picture.exists():
                picture.parent.mkdir(parents=True, exist_ok=True)
                picture.write_bytes(b"")


@pytest.fixture(scope="module")
def conformance_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """Every case in a folder of one docset, with one Latvian article naming the locale."""
    found = cases()
    root = tmp_path_factory.mktemp("conformance")
    source = root / "source"
    for index, case in enumerate(found):
        write_case(source / folder_of(index), case)
    (source / "locale.md").write_text(
        "---\ntitle: Lokāle\nms.contentlocale: lv-LV\n---\n# Lokāle\n", encoding="utf-8"
    )
    return build_source(source, root), found


def article_of(site: Path, url: str, titled: bool) -> str:
    """The article of the English page at ``url``; ``titled``: the page has a heading of its
    own (else the theme shows the page's title as one, which DocFX does not)."""
    page = site / "en" / url / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-typeset")
    assert article is not None, page
    for extra in article.select(
        ".md-content__button, .md-source-file, .bilingual-notice, .help-date"
    ):
        extra.decompose()
    title = article.find("h1")
    if title is not None and not titled:
        title.decompose()
    return article.decode_contents()


def test_docfx_cases_read_as_docfx_renders_them(
    conformance_site: tuple[Path, list[dict[str, Any]]],
) -> None:
    site, found = conformance_site
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    differ: dict[str, tuple[object, object]] = {}
    for index, case in enumerate(found):
        folder = folder_of(index)
        url = page_url(f"{folder}/{case['path']}")
        written = (site.parent / "docs" / "en" / folder / case["path"]).read_text(encoding="utf-8")
        article = article_of(site, url, "<h1" in written)
        ours = meaning(article, site_resolver(f"/{url}", f"{folder}/"), ours=True)
        theirs = meaning(case["html"], docfx_resolver(case["path"]), ours=False)
        total[case["file"]] += 1
        if ours == theirs:
            passed[case["file"]] += 1
        else:
            differ[case["name"]] = (ours, theirs)
    rates = {name: f"{passed[name]}/{count}" for name, count in sorted(total.items())}
    print(json.dumps({"cases": len(found), "passed": sum(passed.values()), "files": rates}))
    unexpected = {name: pair for name, pair in differ.items() if name not in DIFFERENT}
    assert unexpected == {}
    assert sorted(differ) == sorted(DIFFERENT), "a case DIFFERENT lists passes now"
    assert sum(passed.values()) >= 0.97 * len(found)


def test_the_reference_lists_every_case_that_differs() -> None:
    reference = (PROJECT / "reference" / "pages.md").read_text(encoding="utf-8")
    for name in DIFFERENT:
        assert name in reference, name

"""Shared fixtures: paths, the real corpus (skipped where ../shared is absent), a built seed site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from chromium import executable, launch

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
SEED_SOURCE = PROJECT / "source"
SEED_ARTICLE = "troubleshoot-flow-authentication-errors"
CORPUS = PROJECT.parent / "shared" / "corpus"
PREFIX = {"lv": "", "en": "en/"}
"""Where each language's pages of a Latvian site live, relative to the site."""
HOSTILE_CASES = sorted(path for path in (FIXTURES / "hostile").iterdir() if path.is_dir())


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real bilingual trees; tests that need them skip outside this workplace."""
    if not CORPUS.is_dir():
        pytest.skip(f"the real corpus is not here ({CORPUS}); it is present in CI")
    return CORPUS


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sources (the seed article) built into a temporary site."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("seed")
    split = split_tree(SEED_SOURCE, root / "docs")
    build(split.translation, root / "docs", root / "site")
    return root / "site"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected pages of the golden tests (review the diff before committing)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether the golden tests write their expected files instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


# Benchmarks are scripts run on demand (make bench-split), never collected as tests.
collect_ignore = ["benchmarks"]


def hostile_sources(target: Path) -> Path:
    """The hostile cases of ``tests/fixtures/hostile`` as one source folder (``<case>.md``
    each) beside the seed."""
    import shutil

    target.mkdir(parents=True)
    for case in HOSTILE_CASES:
        shutil.copyfile(case / "source.md", target / f"{case.name}.md")
    shutil.copyfile(SEED_SOURCE / f"{SEED_ARTICLE}.md", target / f"{SEED_ARTICLE}.md")
    return target


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile cases and the seed built into a temporary site."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("hostile")
    split = split_tree(hostile_sources(root / "source"), root / "docs")
    assert not split.problems, [str(p) for p in split.problems]
    build(split.translation, root / "docs", root / "site")
    return root / "site"


DOCFX_BLOCKS = FIXTURES / "docfx-blocks"
DOCFX_BLOCKS_CASES = sorted(path for path in DOCFX_BLOCKS.iterdir() if path.is_dir())
DOCFX_EXPECTED = frozenset({"lv.html", "en.html", "warnings.txt"})
"""The expected pages of a golden DocFX case (``tests/fixtures/docfx-blocks/<case>/``)."""


def docfx_blocks_sources(target: Path) -> Path:
    """The golden DocFX block and span cases (xref, div, code, image, no-loc, table) as one
    docset, each case a folder of it (its sources, code files and media; not its expected pages)."""
    import shutil

    for case in DOCFX_BLOCKS_CASES:

        def expected(folder: str, names: list[str], case: Path = case) -> list[str]:
            return [name for name in names if Path(folder) == case and name in DOCFX_EXPECTED]

        shutil.copytree(case, target / case.name, ignore=expected)
    return target


@pytest.fixture(scope="session")
def docfx_blocks_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The golden DocFX block cases as one docset (``docfx_blocks_sources``) and its site."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("docfx-blocks")
    source = docfx_blocks_sources(root / "source")
    split = split_tree(source, root / "docs")
    assert split.problems == []
    assert sorted(split.missing_xrefs) == ["missing.quoted", "missing.uid", "no.such.page"]
    build(split.translation, root / "docs", root / "site")
    return source, root / "site"


# Reader sites (issue 5): small sources of our own, built for real.
SITES = FIXTURES / "sites"


def build_source(source: Path, root: Path) -> Path:
    """Split ``source`` into ``root/docs`` and build the site into ``root/site``."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    split = split_tree(source, root / "docs")
    build(split.translation, root / "docs", root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def codes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Latvian articles with error codes in the shapes readers search for."""
    return build_source(SITES / "codes", tmp_path_factory.mktemp("codes"))


@pytest.fixture(scope="session")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Arabic (ar-SA) article: a right-to-left translation."""
    return build_source(SITES / "rtl", tmp_path_factory.mktemp("rtl"))


@pytest.fixture(scope="session")
def search_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small sites for search (issue 18): Latvian (inflections, diacritics), German, Japanese."""
    return {
        code: build_source(SITES / f"search-{code}", tmp_path_factory.mktemp(f"search-{code}"))
        for code in ("lv", "de", "ja")
    }


DOCFX = FIXTURES / "docfx"
DOCFX_CASES = sorted(path for path in DOCFX.iterdir() if (path / "source.md").is_file())
"""The golden DocFX container cases (``tests/fixtures/docfx/<case>/source.md``)."""


def docfx_sources(target: Path) -> Path:
    """The DocFX cases as one docset: ``<case>.md`` each, with the fixture's includes and
    ``zone-pivot-groups.yml``."""
    import shutil

    shutil.copytree(DOCFX / "includes", target / "includes")
    shutil.copyfile(DOCFX / "zone-pivot-groups.yml", target / "zone-pivot-groups.yml")
    for case in DOCFX_CASES:
        shutil.copyfile(case / "source.md", target / f"{case.name}.md")
    return target


@pytest.fixture(scope="session")
def docfx_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DocFX cases as one docset in a temporary folder."""
    return docfx_sources(tmp_path_factory.mktemp("docfx-source"))


@pytest.fixture(scope="session")
def docfx_site(docfx_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DocFX cases built into a temporary site."""
    return build_source(docfx_source, tmp_path_factory.mktemp("docfx"))


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site plus a page that exists only in Latvian."""
    from bilingual.locales import site_language
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("fallback")
    split = split_tree(SEED_SOURCE, root / "docs")
    (root / "docs" / "lv" / "tikai-latviski.md").write_text(
        "---\ntitle: Tikai latviski\nms.date: 03/01/2021\n---\n# Tikai latviski\n\nŠis raksts ir tikai latviešu valodā.\n",
        encoding="utf-8",
    )
    build(site_language(split.translation.code), root / "docs", root / "site")
    return root / "site"


LOCALE_TREES = [FIXTURES / "locales" / code for code in ("lv", "de", "ar")]
"""Three small trees of the same articles, lv, de and ar-SA (``tests/fixtures/locales``)."""
LOCALE_PREFIX = {"lv": "", "de": "de/", "ar-SA": "ar-SA/", "en": "en/"}
"""Each language's folder in the site of ``LOCALE_TREES`` (lv, the default, at the root)."""


@pytest.fixture(scope="session")
def locales_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three locale trees split (``root/docs``) and built (``root/site``) as one site."""
    from bilingual.site.build import build
    from bilingual.split.full import split_trees

    root = tmp_path_factory.mktemp("locales")
    split = split_trees(LOCALE_TREES, root / "docs")
    build(split.translation, root / "docs", root / "site", jobs=2)
    return root


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for one module's browser tests (Playwright's sync API is closed again
    before the next module, so nothing else in the session runs beside its event loop)."""
    path = executable()
    if path is None:
        pytest.skip(
            "Debian's chromium is not installed here (apt-get install chromium; .ci/run does)"
        )
    with sync_playwright() as playwright:
        chromium = launch(playwright, path)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh reader: new context, empty storage, a desktop window."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """A test that builds a site (its fixtures included) carries the ``site`` marker, which
    ``make test-fast`` leaves out: an unmarked test that builds one fails, naming itself."""
    if item.get_closest_marker("site") is not None:
        yield
        return
    from bilingual.site import build as site_build

    def refuse(config: Any, dirty: bool = False) -> None:
        raise AssertionError(
            f"{item.nodeid} builds a site: mark it pytest.mark.site (make test-fast skips those)"
        )

    original = site_build.run_mkdocs
    site_build.run_mkdocs = refuse
    try:
        yield
    finally:
        site_build.run_mkdocs = original

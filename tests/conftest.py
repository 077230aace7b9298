"""Shared fixtures: paths, the real corpus (skipped where ../shared is absent), a built seed site."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
SEED_SOURCE = PROJECT / "source"
SEED_ARTICLE = "troubleshoot-flow-authentication-errors"
CORPUS = PROJECT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real bilingual trees; tests that need them skip outside this workplace."""
    if not CORPUS.is_dir():
        pytest.skip(f"the real corpus is not here ({CORPUS}); it is present in CI")
    return CORPUS


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own sources (the seed article) built into a temporary site."""
    from bilingual.mkdocs_site import build
    from bilingual.tree import split_tree

    root = tmp_path_factory.mktemp("seed")
    split = split_tree(SEED_SOURCE, root / "docs")
    build(split.translation, root / "docs", root / "site")
    return root / "site"


# Reader sites (issue 5): small sources of our own, built for real.
SITES = FIXTURES / "sites"


def build_source(source: Path, root: Path) -> Path:
    """Split ``source`` into ``root/docs`` and build the site into ``root/site``."""
    from bilingual.mkdocs_site import build
    from bilingual.tree import split_tree

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
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site plus a page that exists only in Latvian."""
    from bilingual.locales import site_language
    from bilingual.mkdocs_site import build
    from bilingual.tree import split_tree

    root = tmp_path_factory.mktemp("fallback")
    split = split_tree(SEED_SOURCE, root / "docs")
    (root / "docs" / "lv" / "tikai-latviski.md").write_text(
        "---\ntitle: Tikai latviski\n---\n# Tikai latviski\n\nŠis raksts ir tikai latviešu valodā.\n",
        encoding="utf-8",
    )
    build(site_language(split.translation.code), root / "docs", root / "site")
    return root / "site"

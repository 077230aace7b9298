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


# Benchmarks are scripts run on demand (make bench-split), never collected as tests.
collect_ignore = ["benchmarks"]

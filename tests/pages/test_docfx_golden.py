"""Golden pages of DocFX constructs, one folder per construct (reviewed by hand).

Each folder of ``tests/fixtures/docfx-blocks`` is a small docset: ``source.md`` (the article under test)
with the pages, includes, code files and media it refers to, and the expected pages of
``source.md``: ``lv.md`` and ``en.md``; ``warnings.txt`` lists what the two pages report
(each report once, sorted), when they report anything. A failure prints a unified diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bilingual.errors import SourceError
from bilingual.model import Language
from bilingual.pages.render import render_page
from bilingual.pages.resolver import SourceFolder
from bilingual.source.folder import read_documents, source_files
from conftest import FIXTURES

CASES = sorted(path for path in (FIXTURES / "docfx-blocks").iterdir() if path.is_dir())
EXPECTED = frozenset({"lv.md", "en.md", "warnings.txt"})
LANGUAGES = {"lv": Language.TRANSLATION, "en": Language.ENGLISH}


def rendered(case: Path) -> tuple[dict[str, str], list[str]]:
    """The pages of the case's ``source.md`` per language, and what they reported."""
    files = [
        path for path in source_files(case) if path.relative_to(case).as_posix() not in EXPECTED
    ]
    problems: list[SourceError] = []
    documents = read_documents(case, problems, files)
    assert problems == []
    folder = SourceFolder.at({document.path: document for document in documents}, case)
    article = folder.documents["source.md"]
    pages: dict[str, str] = {}
    reports: set[str] = set()
    for name, language in LANGUAGES.items():
        resolver = folder.for_page(article, language)
        pages[name] = render_page(article, language, resolver).markdown
        reports.update(str(warning) for warning in resolver.warnings)
    return pages, sorted(reports)


def diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), "expected", "actual"
    )
    return "".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_golden_page(case: Path, name: str) -> None:
    expected = (case / f"{name}.md").read_text(encoding="utf-8")
    actual = rendered(case)[0][name]
    assert actual == expected, diff(expected, actual)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reports(case: Path) -> None:
    file = case / "warnings.txt"
    expected = file.read_text(encoding="utf-8") if file.exists() else ""
    actual = "".join(f"{line}\n" for line in rendered(case)[1])
    assert actual == expected, diff(expected, actual)

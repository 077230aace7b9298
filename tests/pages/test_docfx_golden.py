"""Golden pages of DocFX constructs, one folder per construct (reviewed by hand).

Each folder of ``tests/fixtures/docfx-blocks`` is a small docset: ``source.md`` (the article under
test) with the pages, includes, code files and media it refers to, and the expected pages of
``source.md``: ``lv.html`` and ``en.html`` (front matter over HTML); ``warnings.txt`` lists what
the two pages report (each report once, sorted), when they report anything. A failure prints a
unified diff; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.errors import SourceError
from bilingual.model import Language
from bilingual.source.folder import read_documents, source_files
from bilingual.split.writer import Writer
from conftest import FIXTURES
from golden import check

CASES = sorted(path for path in (FIXTURES / "docfx-blocks").iterdir() if path.is_dir())
EXPECTED = frozenset({"lv.html", "en.html", "warnings.txt"})


def rendered(case: Path) -> tuple[dict[str, str], list[str]]:
    """The pages of the case's ``source.md`` per language, and what they reported."""
    files = [
        path for path in source_files(case) if path.relative_to(case).as_posix() not in EXPECTED
    ]
    problems: list[SourceError] = []
    documents = read_documents(case, problems, files)
    assert problems == []
    media = [p.relative_to(case).as_posix() for p in case.rglob("*") if p.is_file()]
    writer = Writer.of(case, documents, media)
    article = writer.folder.documents["source.md"]
    pages = writer.pages(article, (Language.TRANSLATION, Language.ENGLISH))
    found = sorted(
        (w for page in pages.values() for w in page.warnings),
        key=lambda w: (w.path, w.line, w.column),
    )
    reports = list(dict.fromkeys(str(w) for w in found))
    return {
        "lv": pages[Language.TRANSLATION].markdown,
        "en": pages[Language.ENGLISH].markdown,
    }, reports


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("name", ["lv", "en"])
def test_golden_page(case: Path, name: str, update_golden: bool) -> None:
    check(case / f"{name}.html", rendered(case)[0][name], update_golden)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reports(case: Path, update_golden: bool) -> None:
    reports = rendered(case)[1]
    file = case / "warnings.txt"
    if not reports and not file.exists():
        return
    check(file, "".join(f"{line}\n" for line in reports), update_golden)

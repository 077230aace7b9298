"""Golden pairs: a bilingual source -> the expected page of each language (reviewed by hand).

Each folder of ``tests/fixtures/split`` holds ``source.md`` (or uses the project's seed) or a
``source/`` folder (one article, its includes and media), ``lv.md`` and ``en.md``. A failure
prints a unified diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bilingual.model import Language, inline_text
from bilingual.pages.render import heading_title, render_page
from bilingual.pages.resolver import SourceFolder
from bilingual.source.folder import is_article, read_documents
from bilingual.source.parse import parse
from bilingual_text import article, pair
from conftest import FIXTURES, SEED_ARTICLE, SEED_SOURCE

CASES = sorted(path for path in (FIXTURES / "split").iterdir() if path.is_dir())


def source_of(case: Path) -> Path:
    own = case / "source.md"
    return own if own.exists() else SEED_SOURCE / f"{SEED_ARTICLE}.md"


def page_of(case: Path, language: Language) -> str:
    """The page markdown of the case's article; a ``source/`` folder gives includes and media."""
    folder = case / "source"
    if not folder.is_dir():
        document = parse(source_of(case).read_text(encoding="utf-8"), "source.md")
        return render_page(document, language).markdown
    documents = read_documents(folder, [])
    sources = SourceFolder.at({document.path: document for document in documents}, folder)
    (article,) = [document for document in documents if is_article(document)]
    return render_page(article, language, sources.for_page(article, language)).markdown


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize(
    ("language", "name"), [(Language.TRANSLATION, "lv"), (Language.ENGLISH, "en")]
)
def test_golden_page(case: Path, language: Language, name: str) -> None:
    expected = (case / f"{name}.md").read_text(encoding="utf-8")
    actual = page_of(case, language)
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            "expected",
            "actual",
        )
    )
    assert actual == expected, diff


def test_titles_per_language() -> None:
    document = parse((SEED_SOURCE / f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"))
    assert (
        render_page(document, Language.TRANSLATION).title
        == "Plūsmas autentifikācijas kļūdu novēršana"
    )
    assert (
        render_page(document, Language.ENGLISH).title == "Troubleshoot Flow authentication errors"
    )


def test_heading_title_drops_anchors_and_emphasis() -> None:
    assert heading_title('intro\n# <a name="x"></a>**Bold** title\n') == "Bold title"
    assert heading_title("no heading\n## second level\n") is None


def test_headings_keep_their_english_anchor_on_the_translation_page() -> None:
    text = article(
        "# " + pair("h-1", "Virsraksts", "Title") + "\n\n"
        '## <a name="own"></a>' + pair("h-2", "Sadaļa", "Section") + "\n\n"
        "```\n# " + pair("h-3", "Kods", "Code") + "\n```\n\n"
        "## " + pair("h-4", "Otrā daļa", "Second part") + "\n"
    )
    document = parse(text, "a.md")
    latvian = render_page(document, Language.TRANSLATION).markdown
    assert latvian.count('<a id="') == 2
    assert '# <a id="title"></a><span class="sxs"' in latvian
    assert '## <a id="second-part"></a><span class="sxs"' in latvian
    assert '<a name="own"></a>' in latvian
    assert '<a id="' not in render_page(document, Language.ENGLISH).markdown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\n            **[Rule]** text", " **[Rule]** text"),
        ("  \r\n\t text", " text"),
        ("text\n   more", "text\n   more"),
        ("  text", "  text"),
        ("", ""),
    ],
)
def test_a_segment_is_inline_so_a_leading_line_break_is_a_space(text: str, shown: str) -> None:
    assert inline_text(text) == shown

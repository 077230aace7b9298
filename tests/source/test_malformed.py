"""Malformed sources, one fixture each: a one-line ``file:line:column: what; expected shape``.

Each ``tests/fixtures/malformed/NAME.md`` holds one mistake seen in (or shaped like) real trees;
the tables say where it is reported and what is said. A source that cannot be read at all (not
UTF-8) is skipped; every other mistake is a *warning*: the article is built (an empty source as
an empty page, as DocFX builds it), the markup the parser could not read kept as ``Malformed``
text, shown on every page as the literal text it is.
Byte-level cases (invalid UTF-8, a BOM, CRLF, a 5 MB line, file names with spaces or non-ASCII
letters) are made by the tests.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bilingual.cli import main
from bilingual.errors import ParseError
from bilingual.model import Language, Malformed
from bilingual.pages.tree.language import body_text
from bilingual.source.pairs import render_source
from bilingual.source.parse import decode, parse
from bilingual.split.full import split_tree
from bilingual_text import pair
from conftest import FIXTURES, PROJECT, SEED_ARTICLE, SEED_SOURCE

CASES = FIXTURES / "malformed"
ONE_LINE = re.compile(r"[^\n]+:\d+:\d+: [^\n]+; expected [^\n]+")

WARNINGS = {
    "empty": ("empty.md:1:1:", "source is empty"),
    "unbalanced-span-inside-segment": (
        "unbalanced-span-inside-segment.md:1:28:",
        "the translation of segment md-101 holds unbalanced span tags",
    ),
    "unclosed-span": ("unclosed-span.md:6:1:", "translation span is not closed"),
    "unclosed-english": ("unclosed-english.md:1:69:", "English span is not closed"),
    "stray-close": ("stray-close.md:1:119:", "stray '</span>'"),
    "id-mismatch": ("id-mismatch.md:1:69:", 'data-ttu-id="m3-101" but data-stu-id="m3-102"'),
    "missing-lookup-half": ("missing-lookup-half.md:3:53:", "m4-101 has no sxs-lookup half"),
    "missing-stu-id": ("missing-stu-id.md:1:69:", "no data-stu-id span in its sxs-lookup"),
    "lookup-half-alone": ("lookup-half-alone.md:1:14:", "half of a segment pair outside a pair"),
    "nested-pair": ("nested-pair.md:1:42:", "segment pair nested inside a segment"),
    "duplicate-ids": ("duplicate-ids.md:3:1:", "duplicate segment id m7-101 with different text"),
    "invalid-front-matter": ("invalid-front-matter.md:4:", "front matter is not valid YAML"),
    "front-matter-not-closed": ("front-matter-not-closed.md:1:1:", "front matter is not closed"),
    "front-matter-not-a-mapping": ("front-matter-not-a-mapping.md:2:1:", "is not a mapping"),
}
"""Sources built with a warning: the text kept, the problem reported at its place."""


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in CASES.glob("*.md")) == sorted(WARNINGS)


def assert_one_line(message: str, where: str, what: str) -> None:
    assert ONE_LINE.fullmatch(message), message
    assert message.startswith(where), message
    assert what in message, message


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_a_warning_keeps_every_character(name: str) -> None:
    """The document is built: its first warning is the mistake at its place, the round trip
    holds, and every malformed stretch is on both languages' pages as its literal text."""
    path = CASES / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    document = parse(text, path.name)
    assert_one_line(str(document.warnings[0]), *WARNINGS[name])
    assert render_source(document) == text
    for language in Language:
        body = body_text(document, language)
        for part in document.parts:
            if isinstance(part, Malformed):
                assert html.unescape(part.shown) == part.source
                assert part.shown in body
                assert "<span" not in part.shown


def test_a_malformed_pair_is_shown_as_its_text_and_the_rest_is_read() -> None:
    text = (CASES / "missing-lookup-half.md").read_text(encoding="utf-8")
    text += "2. " + pair("m4-102", "Otrais solis.", "Second step.") + "\n"
    document = parse(text, "missing-lookup-half.md")
    (malformed,) = [part for part in document.parts if isinstance(part, Malformed)]
    assert (malformed.line, malformed.column) == (3, 4)  # the list marker stays markup
    assert malformed.source.startswith('<span data-ttu-id="m4-101">')
    assert [segment.id for segment in document.segments] == ["m4-102"]
    assert render_source(document) == text


def test_unbalanced_span_inside_a_segment_keeps_the_segment() -> None:
    path = CASES / "unbalanced-span-inside-segment.md"
    text = path.read_text(encoding="utf-8")
    document = parse(text, path.name)
    (warning,) = document.warnings
    assert_one_line(str(warning), *WARNINGS[path.stem])
    (segment,) = document.segments
    assert segment.translation.endswith("<span>turpiniet")
    assert segment.english.endswith("<span>go on</span>")


def test_invalid_utf8_is_reported_at_its_byte() -> None:
    with pytest.raises(ParseError) as caught:
        decode("---\ntitle: Ā\n---\nteksts ".encode() + b"\xc3\x28 beigas\n", "bad.md")
    assert_one_line(str(caught.value), "bad.md:4:8:", "invalid UTF-8")


def test_bom_and_crlf_are_read_and_kept() -> None:
    text = (CASES.parent / "parse" / "front-matter-lists.md").read_text(encoding="utf-8")
    text = "\ufeff" + text.replace("\n", "\r\n")
    document = parse(text)
    assert document.content_locale == "lv-LV"
    assert document.metadata["ms.custom"] == ["9002530", "7648"]
    assert (document.segments[0].line, document.segments[0].column) == (11, 3)
    assert render_source(document) == text


def test_a_5_mb_line_parses_and_its_errors_point_into_it() -> None:
    unit = pair("x", "Teksts <span>https:</span>//a.example", "Text") + " and "
    line = "".join(unit.replace('"x"', f'"x-{i}"') for i in range(5_000_000 // len(unit) + 1))
    assert len(line) > 5_000_000
    text = "# Title\n" + line + "\n"
    document = parse(text)
    assert len(document.segments) == line.count("data-ttu-id")
    assert render_source(document) == text
    broken = text[:-1] + ' <span data-ttu-id="last">never closed\n'
    (warning,) = parse(broken, "long.md").warnings
    assert_one_line(str(warning), f"long.md:2:{len(line) + 2}:", "span is not closed")


def test_a_5_mb_line_of_simple_pairs_parses_in_one_pass() -> None:
    unit = pair("x", "Teksts", "Text") + " "
    line = "".join(unit.replace('"x"', f'"y-{i}"') for i in range(5_000_000 // len(unit) + 1))
    text = "---\ntitle: T\n---\n" + line + "\n"
    document = parse(text)
    last = document.segments[-1]
    assert (last.line, last.column) == (4, line.rindex('<span data-ttu-id="') + 1)
    assert render_source(document) == text


def test_file_names_with_spaces_and_non_ascii_letters(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    (source / "mape ar atstarpēm").mkdir()
    shutil.copy(CASES / "id-mismatch.md", source / "mape ar atstarpēm" / "ūdens kļūda.md")
    good = source / "mape ar atstarpēm" / "ūdens.md"
    good.write_text((SEED_SOURCE / f"{SEED_ARTICLE}.md").read_text(encoding="utf-8"), "utf-8")
    split = split_tree(source, tmp_path / "docs")
    assert "mape ar atstarpēm/ūdens.md" in split.articles
    assert "mape ar atstarpēm/ūdens kļūda.md" in split.articles
    (warning,) = split.warnings
    assert_one_line(str(warning), "mape ar atstarpēm/ūdens kļūda.md:1:69:", "id mismatch")


def malformed_source(tmp_path: Path) -> Path:
    """The seed plus one unreadable source, one with a pair that cannot be read and one whose
    segment holds unbalanced spans."""
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    (source / "unreadable.md").write_bytes(b"\xff\xfe not UTF-8\n")
    shutil.copy(CASES / "missing-lookup-half.md", source / "broken.md")
    warned = (CASES / "unbalanced-span-inside-segment.md").read_text(encoding="utf-8")
    (source / "warning.md").write_text("# Virsraksts\n\n" + warned, encoding="utf-8")
    return source


def test_split_default_reports_and_skips_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = malformed_source(tmp_path)
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    captured = capsys.readouterr()
    assert "broken.md:3:53: segment m4-101 has no sxs-lookup half" in captured.err
    assert "warning.md:3:28: the translation of segment md-101" in captured.err
    assert "unreadable.md:1:1: invalid UTF-8" in captured.err
    assert "3 articles" in captured.out
    assert "1 skipped" in captured.out
    assert (docs / "lv" / "warning.md").exists()
    broken = (docs / "lv" / "broken.md").read_text(encoding="utf-8")
    assert "&lt;span data-ttu-id=&quot;m4-101&quot;&gt;" in broken
    assert not (docs / "lv" / "unreadable.md").exists()
    assert main(["split", "--source", str(source), "--docs", str(docs), "--strict"]) == 1


def test_strict_fails_on_a_warning_alone(tmp_path: Path) -> None:
    source = malformed_source(tmp_path)
    (source / "broken.md").unlink()
    (source / "unreadable.md").unlink()
    docs = tmp_path / "docs"
    assert main(["split", "--source", str(source), "--docs", str(docs)]) == 0
    assert main(["split", "--source", str(source), "--docs", str(docs), "--strict"]) == 1


@pytest.mark.site
def test_site_default_builds_the_rest_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = malformed_source(tmp_path)
    site = tmp_path / "site"
    args = ["site", "--source", str(source), "--docs", str(tmp_path / "docs"), "--site", str(site)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "broken.md:3:53:" in captured.err
    assert "1 skipped" in captured.out
    assert (site / SEED_ARTICLE / "index.html").is_file()
    assert (site / "en" / "warning" / "index.html").is_file()
    shown = (site / "broken" / "index.html").read_text(encoding="utf-8")
    assert '<span data-ttu-id="m4-101">' in html.unescape(shown)
    assert "<span data-ttu-id" not in shown
    assert not (site / "unreadable").exists()
    shutil.rmtree(site)
    assert main([*args, "--strict"]) == 1
    assert not site.exists()


@pytest.mark.parametrize("target", ["site", "audit"])
def test_make_passes_strict(target: str) -> None:
    dry = ["make", "-n", "-C", str(PROJECT), target]
    strict = subprocess.run([*dry, "STRICT=1"], capture_output=True, text=True, check=True).stdout
    default = subprocess.run(dry, capture_output=True, text=True, check=True).stdout
    assert "--strict" in strict
    assert "--strict" not in default


def test_no_traceback_on_any_fixture(tmp_path: Path) -> None:
    """Every malformed fixture, split together: each is one line on stderr, none crashes."""
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    for path in CASES.glob("*.md"):
        shutil.copy(path, source / path.name)
    split = split_tree(source, tmp_path / "docs")
    assert split.problems == []
    assert sorted({Path(n.path).stem for n in split.warnings}) == sorted(WARNINGS)
    assert all(ONE_LINE.fullmatch(str(warning)) for warning in split.warnings)

"""The audit: round trip and segments in = segments out, its exit codes and its JSON line."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bilingual.checks.audit import Audit, audit_tree, roundtrip_problem
from bilingual.checks.losses import lost, page_words, segment_words
from bilingual.cli import main
from bilingual.errors import SourceError
from bilingual.model import Document, Language, Segment
from bilingual.pages.link_rewrite import Rewrite
from bilingual.pages.page import PageText, render_page
from bilingual.site.sanitize import sanitize_html
from bilingual.source.folder import source_files
from bilingual.source.includes import included_paths
from bilingual.source.pairs import render_source
from bilingual.source.parse import decode, parse
from bilingual.split import writer
from conftest import FIXTURES, SEED_SOURCE

KEYS = [
    "files",
    "segments",
    "yaml_pages",
    "yaml_texts",
    "roundtrip_failures",
    "lost_segments",
    "errors",
]
CORPORA = ["alchemy-de-DE-sample", "alchemy-ja-JP-sample"]
"""The samples; ``make audit`` runs on the whole trees."""


def run_audit(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str], dict[str, int]]:
    status = main(["audit", *args])
    lines = capsys.readouterr().out.splitlines()
    summary = json.loads(lines[-1])
    assert list(summary) == KEYS
    return status, lines[:-1], summary


def fixture_source(tmp_path: Path) -> Path:
    """The seed, every construct fixture as an article, and an include one article includes."""
    source = tmp_path / "source"
    shutil.copytree(SEED_SOURCE, source)
    for path in (FIXTURES / "parse").glob("*.md"):
        if path.stem != "stray-close-inside-segment":  # a warning: see test_malformed.py
            shutil.copy(path, source / path.name)
    (source / "includes").mkdir()
    shutil.copy(FIXTURES / "parse" / "table-cells.md", source / "includes" / "cells.md")
    (source / "nested" / "deeper").mkdir(parents=True)
    (source / "nested" / "deeper" / "uses-include.md").write_text(
        "# Title\n\n[!INCLUDE[cells](../../includes/cells.md)]\n", encoding="utf-8"
    )
    (source / "TOC.yml").write_text("- name: x\n  href: headings.md\n", encoding="utf-8")
    return source


def test_a_clean_tree_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = fixture_source(tmp_path)
    status, problems, summary = run_audit(capsys, "--source", str(source))
    files = list(source.rglob("*.md"))
    segments = sum(len(parse(p.read_text(encoding="utf-8")).segments) for p in files)
    assert (status, problems) == (0, [])
    assert summary == dict(zip(KEYS, [len(files), segments, 0, 0, 0, 0, 0], strict=True))


def test_malformed_sources_are_errors_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = fixture_source(tmp_path)
    shutil.copy(FIXTURES / "malformed" / "id-mismatch.md", source / "mismatch.md")
    shutil.copy(FIXTURES / "malformed" / "unbalanced-span-inside-segment.md", source / "u.md")
    status, problems, summary = run_audit(capsys, "--source", str(source))
    assert status == 0
    assert summary["errors"] == 2
    assert (summary["roundtrip_failures"], summary["lost_segments"]) == (0, 0)
    assert [p.split(":")[0] for p in problems] == ["mismatch.md", "u.md"]
    status, _, _ = run_audit(capsys, "--source", str(source), "--strict")
    assert status == 1


def test_a_lost_segment_fails_the_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that drops text: the audit names the segment and exits 1."""

    def lossy(document: Document, language: Language, *context: Any) -> PageText:
        page = render_page(document, language, *context)
        text = page.markdown.replace("Trešais.", "").replace("Third.", "")
        return dataclasses.replace(page, markdown=text)

    monkeypatch.setattr(writer, "render_page", lossy)
    source = fixture_source(tmp_path)
    status, problems, summary = run_audit(capsys, "--source", str(source))
    assert status == 1
    assert summary["lost_segments"] == 2
    assert len(problems) == 2
    assert problems[0].startswith("several-per-line.md:5:")
    assert problems[0].endswith(
        ": segment f1-103's translation text is not on lv/several-per-line.md; "
        "expected it there, in source order"
    )
    assert "f1-103's english text is not on en/several-per-line.md" in problems[1]


def test_a_locale_built_under_another_folder_is_audited_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filipino (fil) is built under tl/: its pages are read there, and a loss on them found."""

    def lossy(document: Document, language: Language, *context: Any) -> PageText:
        page = render_page(document, language, *context)
        return dataclasses.replace(page, markdown=page.markdown.replace("Trešais.", ""))

    monkeypatch.setattr(writer, "render_page", lossy)
    source = fixture_source(tmp_path)
    for path in source.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("ms.contentlocale: lv-LV", "ms.contentlocale: fil-PH"), "utf-8"
        )
    status, problems, summary = run_audit(capsys, "--source", str(source))
    assert status == 1
    assert summary["lost_segments"] == 1
    assert "f1-103's translation text is not on tl/several-per-line.md" in problems[0]


def test_a_lost_include_segment_is_found_on_the_including_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def lossy(document: Document, language: Language, *context: Any) -> PageText:
        page = render_page(document, language, *context)
        text = page.markdown.replace("Pamati", "").replace("Basics", "")
        return dataclasses.replace(page, markdown=text)

    monkeypatch.setattr(writer, "render_page", lossy)
    source = fixture_source(tmp_path)
    status, problems, summary = run_audit(capsys, "--source", str(source))
    assert status == 1
    # table-cells.md (an article) and includes/cells.md (via the page that includes it)
    assert summary["lost_segments"] == 4
    assert any(
        p.startswith("includes/cells.md:3:")
        and "lv/nested/deeper/uses-include.md (which includes it)" in p
        for p in problems
    )


def test_no_locale_means_no_page_and_every_segment_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(FIXTURES / "parse" / "headings.md", source / "a.md")
    status, problems, summary = run_audit(capsys, "--source", str(source))
    assert status == 1
    assert summary == dict(zip(KEYS, [1, 2, 0, 0, 0, 2, 1], strict=True))
    assert problems == [
        f"{source}: no source names its locale; expected "
        "'ms.contentlocale: ll-CC' in the front matter (no page was written)"
    ]


def test_a_roundtrip_failure_fails_the_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that changes one byte of one source: one failure, exit 1."""
    from bilingual.checks import audit

    def changed(document: Document) -> str:
        text = render_source(document)
        return (
            text.replace("Pirmais.", "Pirmais!") if document.path == "several-per-line.md" else text
        )

    monkeypatch.setattr(audit, "render_source", changed)
    status, problems, summary = run_audit(capsys, "--source", str(fixture_source(tmp_path)))
    assert status == 1
    assert (summary["roundtrip_failures"], summary["lost_segments"]) == (1, 0)
    assert problems == [
        "several-per-line.md:5:35: round trip differs: the document written back is not the "
        "source; expected the source's bytes back"
    ]


def test_a_roundtrip_failure_is_located() -> None:
    text = (
        "# Title\n\nline two "
        + '<span data-ttu-id="a">x</span>'
        + ('<span class="sxs-lookup"><span data-stu-id="a">y</span></span>\n')
    )
    document = parse(text, "doc.md")
    assert roundtrip_problem(document, text) is None
    document.parts[1] = Segment("a", "x!", "y", 3, 11)
    problem = roundtrip_problem(document, text)
    assert problem is not None
    assert str(problem).startswith("doc.md:3:33: round trip differs")


def words_lost(
    texts: list[str], page_html: str, rewrites: list[Rewrite] | None = None
) -> list[str]:
    """Which of the segment texts ``texts`` the audit counts lost on the page ``page_html``."""
    segments = [Segment(str(i), text, "", 1, 1) for i, text in enumerate(texts)]
    page = page_words(sanitize_html(page_html))
    return [s.translation for s in lost(segments, page, Language.TRANSLATION, rewrites or [])]


NOT_LOSSES = [
    # (segment text as in the source, the page's HTML): the same words, written otherwise
    (
        "Rakstiet <email>\nun   **Saglabāt**",
        "<p>Rakstiet &lt;email&gt; un <strong>Saglabāt</strong></p>",
    ),
    (
        "1. Atveriet [iestatījumus](a.md#x).",
        '<ol><li>Atveriet <a href="../a/#x">iestatījumus</a>.</li></ol>',
    ),
    (
        "> [!NOTE]\n> Piezīme par `kodu`.",
        '<div class="admonition note"><p>Piezīme par <code>kodu</code>.</p></div>',
    ),
    ("Spiediet \\*Ctrl\\* &amp; **S**", "<p>Spiediet *Ctrl* &amp; <strong>S</strong></p>"),
    (
        "![Ekrānuzņēmums ar logu](media/a.png)",
        '<p><img alt="Ekrānuzņēmums ar logu" src="a.png"></p>',
    ),
    ("<https://aka.ms/x>", '<p><a href="https://aka.ms/x">https://aka.ms/x</a></p>'),
    ("fx_media_open un **weiter**aus", "<p>fx_media_open un <strong>weiter</strong>aus</p>"),
    ("設定を開きます。", "<p>次に設定を開きます。保存します。</p>"),
    ("## Pamati", '<h2 id="basics">Pamati<a class="headerlink" href="#basics">¶</a></h2>'),
]


@pytest.mark.parametrize(("text", "page_html"), NOT_LOSSES)
def test_what_the_writer_writes_otherwise_is_no_loss(text: str, page_html: str) -> None:
    assert words_lost([text], page_html) == []


def test_a_rewrite_the_writer_recorded_is_no_loss() -> None:
    """An xref shown as its target's title, an include as its text, ``:::no-loc:::`` as its text:
    the writer's records say what the page shows instead of the source's words."""
    rewrites = [
        Rewrite("<xref:Microsoft.Quantum.Math>", "Math namespace", "xref"),
        Rewrite(':::no-loc text="Power Automate":::', "Power Automate", "no-loc"),
        Rewrite("[!INCLUDE[name](includes/n.md)]", "Dynamics 365", "include"),
    ]
    text = (
        'Skatiet <xref:Microsoft.Quantum.Math> programmā :::no-loc text="Power Automate"::: '
        "un [!INCLUDE[name](includes/n.md)]"
    )
    page_html = "<p>Skatiet <a>Math namespace</a> programmā Power Automate un Dynamics 365</p>"
    assert words_lost([text], page_html, rewrites) == []
    assert words_lost([text], page_html) == [text]  # without the records: the words differ


def test_a_code_span_across_two_segments_is_no_loss() -> None:
    """A code span one segment opens and the next closes: the first's text from its backticks
    on, and the second's up to its own, are shown as they are (found by hypothesis)."""
    opened = ["`", "<b>Teksts</b>` un <b>cits</b>"]  # the second closes the first's
    page = "<p><code>&lt;b&gt;Teksts&lt;/b&gt;</code> un <b>cits</b></p>"
    assert words_lost(opened, page) == []
    closed = ["Skatiet <b>cits</b> `<b>Teksts</b>", "`"]  # the first opens, the second closes
    page = "<p>Skatiet <b>cits</b> <code>&lt;b&gt;Teksts&lt;/b&gt;</code></p>"
    assert words_lost(closed, page) == []
    assert words_lost(closed, "<p>Skatiet <b>cits</b></p>") == [closed[0]]  # still a loss


LOSSES = [
    # (what a reader's page shows instead of "Saglabājiet failu."): each is a loss
    ("dropped", "<p>Atveriet logu.</p>"),
    ("only in an attribute", '<p title="Saglabājiet failu.">Atveriet logu.</p>'),
    ("only in a comment", "<p>Atveriet logu.<!-- Saglabājiet failu. --></p>"),
    ("only in a script", "<p>Atveriet logu.</p><script>Saglabājiet failu.</script>"),
    ("only in part", "<p>Atveriet logu. Saglabājiet.</p>"),
    ("cut by a stray word", "<p>Atveriet logu. Saglabājiet ātri failu.</p>"),
]


@pytest.mark.parametrize(("kind", "page_html"), LOSSES, ids=[kind for kind, _ in LOSSES])
def test_each_kind_of_loss_is_counted(kind: str, page_html: str) -> None:
    assert words_lost(["Atveriet logu.", "Saglabājiet failu."], page_html) == ["Saglabājiet failu."]


def test_each_occurrence_on_a_page_counts_for_one_segment() -> None:
    """Two segments with the same text need it twice on the page: one copy lost is counted."""
    assert words_lost(["Nākamais.", "Nākamais."], "<p>Nākamais. Nākamais.</p>") == []
    assert words_lost(["Nākamais.", "Nākamais."], "<p>Nākamais.</p>") == ["Nākamais."]


def test_a_longer_segment_does_not_hide_a_shorter_ones_loss() -> None:
    """The longest text is matched first: "Saglabāt" inside "Saglabāt failu" is used up."""
    texts = ["Saglabāt failu", "Saglabāt"]
    assert words_lost(texts, "<p>Saglabāt failu</p>") == ["Saglabāt"]
    assert words_lost(texts, "<p>Saglabāt failu</p><p>Saglabāt</p>") == []


def test_segment_words_leave_markup_targets_and_markers_out() -> None:
    assert segment_words("- **Tālāk** [saite](https://x.test/a_b) `kods` &amp; \\#") == (
        "Tālāk saite kods"
    )


def test_include_references_resolve_against_the_including_folder() -> None:
    document = parse("a\n[!INCLUDE[x](../includes/a.md)] [!include[y](<b.md>)]\n", "sub/doc.md")
    assert included_paths(document) == {"includes/a.md", "sub/b.md"}


def test_the_summary_is_the_json_line() -> None:
    audit = Audit(files=3, segments=7, errors=1)
    assert list(audit.summary()) == KEYS
    assert audit.passed()
    assert not audit.passed(strict=True)


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPORA)
def test_every_corpus_file_round_trips(corpus: Path, name: str) -> None:
    """Parse-level, every file: the bytes come back, or the file is a one-line error."""
    failures, errors = [], []
    for path in source_files(corpus / name):
        relative = path.relative_to(corpus / name).as_posix()
        try:
            text = decode(path.read_bytes(), relative)
            document = parse(text, relative)
        except SourceError as error:  # anything else propagates: a bug
            errors.append(str(error))
            continue
        if render_source(document) != text:
            failures.append(relative)
    assert failures == []
    assert all("\n" not in e for e in errors)


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPORA)
def test_audit_passes_on_the_corpus(
    corpus: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, problems, summary = run_audit(capsys, "--source", str(corpus / name))
    assert summary["roundtrip_failures"] == 0
    assert summary["lost_segments"] == 0, problems
    assert summary["files"] == len(list(source_files(corpus / name)))
    assert summary["segments"] > 3000
    assert summary["errors"] == len(problems)
    assert status == 0


def test_segments_inside_docfx_containers_are_found(docfx_source: Path) -> None:
    """Zones, monikers, columns and tab groups (``tests/fixtures/docfx``): every segment reaches
    both pages, markers that were whole segments and tab titles included."""
    audit = audit_tree(docfx_source)
    assert audit.summary()["lost_segments"] == 0, audit.problems
    assert audit.summary()["roundtrip_failures"] == 0
    assert audit.segments > 50


def test_the_docfx_cases_lose_nothing(tmp_path: Path) -> None:
    """xrefs, no-loc strings and code constructs rewritten in one place and kept as written in
    code elsewhere, an inline include's pipes escaped in a table cell: all found."""
    from conftest import docfx_blocks_sources

    audit = audit_tree(docfx_blocks_sources(tmp_path / "docfx-blocks"))
    assert audit.problems == []
    assert audit.summary()["lost_segments"] == 0
    assert audit.summary()["segments"] == 77


def test_a_segment_yields_a_place_another_needs_when_it_has_another() -> None:
    """In code, ``0<span>https:</span>`` shows its tags: only its literal reading is on the
    page, and the first ``https`` of it is also where the next segment would stand first; the
    next one moves to its own place, so neither is lost."""
    texts = ["0<span>https:</span>", "<span>https:</span>"]
    page = (
        "<pre><code>- 0&lt;span&gt;https:&lt;/span&gt;&lt;span&gt;https:&lt;/span&gt;</code></pre>"
    )
    assert words_lost(texts, page) == []
    assert words_lost([*texts, "<span>https:</span>"], page) == ["<span>https:</span>"]

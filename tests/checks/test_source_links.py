"""A segment's translation must point at the same link targets as its English text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.checks.links.source_links import check_sources, link_targets, segment_link_errors
from bilingual.source.parse import parse
from bilingual_text import pair

HEAD = "---\ntitle: T\nms.contentlocale: lv-LV\n---\n"


def errors(body: str) -> list[str]:
    return [str(e) for e in segment_link_errors(parse(HEAD + body, "a.md"))]


@pytest.mark.parametrize(
    ("translation", "english"),
    [
        ("Skatiet [šeit](https://aka.ms/x).", "See [here](https://aka.ms/x)."),
        (
            "[a](https://go.microsoft.com/fwlink/?LinkId=1&clcid=0x426)",
            "[a](https://go.microsoft.com/fwlink/?linkid=1)",
        ),
        (
            '<a href="/AlchemyInsights/x">a</a> un [b](ms-settings:windowsupdate)',
            "<a href='/AlchemyInsights/x'>a</a> and [b](ms-settings:windowsupdate)",
        ),
        (
            "[b](<https://example.com/a b>) <https://example.com/c>",
            "[b](<https://example.com/a b>) <https://example.com/c>",
        ),
        (
            "[x](https://docs.microsoft.com/ff959225(v=exchg.141))",
            "[x](https://docs.microsoft.com/ff959225(v=exchg.141))",
        ),
        ("Teksts bez saitēm.", "Text without links."),
    ],
)
def test_same_targets_pass(translation: str, english: str) -> None:
    assert errors(pair("s-1", translation, english)) == []


def test_a_link_broken_by_the_translation_is_reported_with_file_and_segment() -> None:
    body = "Intro\n\n" + pair(
        "c4337-161",
        "[Importēšana] (https://support.microsoft.com/office/import)",
        "[Import](https://support.microsoft.com/office/import)",
    )
    assert errors(body) == [
        "a.md:7:1: segment c4337-161: the translation links to none where the English links to "
        "https://support.microsoft.com/office/import; expected the same link targets in both "
        "languages"
    ]


def test_a_changed_url_is_reported() -> None:
    body = pair("s-2", "[a](https://aka.ms/teams-lv)", "[a](https://aka.ms/teams)")
    [error] = errors(body)
    assert "segment s-2: the translation links to https://aka.ms/teams-lv where the English " in (
        error
    )


def test_a_changed_fwlink_is_reported_even_in_plain_text() -> None:
    body = pair(
        "s-3",
        "https://go.microsoft.com/fwlink/?linkid=2",
        "https://go.microsoft.com/fwlink/?linkid=1",
    )
    [error] = errors(body)
    assert "segment s-3: the translation's fwlinks" in error


def test_link_targets_of_every_kind() -> None:
    text = (
        "[a](https://a.example/x) [b]( <https://b.example/y> ) <https://c.example/>"
        " <a href=\"https://d.example/\">d</a> <img src='media/e.png'>"
        "\n[ref]: https://f.example/z\n"
    )
    assert sorted(link_targets(text)) == [
        "https://a.example/x",
        "https://b.example/y",
        "https://c.example/",
        "https://d.example/",
        "https://f.example/z",
        "media/e.png",
    ]


def test_check_sources_reports_segments_and_malformed_fwlinks(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        HEAD + pair("s-1", "[a](https://aka.ms/y)", "[a](https://aka.ms/x)") + "\n"
        "[c](https://go.microsoft.com/fwlink/?linked=862116)\n",
        encoding="utf-8",
    )
    found = [str(e) for e in check_sources(tmp_path)]
    assert found[0].startswith("a.md:6:5: malformed fwlink: 0 linkid parameters")
    assert found[1].startswith("a.md:5:1: segment s-1: the translation links to https://aka.ms/y")


@pytest.mark.corpus
def test_real_tree_has_few_link_mismatches(corpus: Path) -> None:
    """The lv tree's machine translation broke a handful of links; each is named by segment."""
    sample = corpus / "alchemy-lv-LV"
    names = ["outlook-com-over-quota.md", "troubleshoot-flow-authentication-errors.md"]
    found: list[str] = []
    for name in names:
        found.extend(
            str(e)
            for e in segment_link_errors(parse((sample / name).read_text(encoding="utf-8"), name))
        )
    assert len(found) == 1
    assert found[0].startswith("outlook-com-over-quota.md:32:4: segment c643f-110:")

"""The audit of YAML pages: every text a reader sees (a hub's cards, a FAQ's questions and
answers, a tutorial's steps) is on its page, or in a part the split reported and left out;
a writer that drops one is caught (``tests/fixtures/yamlpages``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bilingual.checks.audit import audit_tree
from bilingual.checks.yaml_texts import missing_texts, yaml_page_texts
from bilingual.pages import yaml_pages
from bilingual.pages.link_rewrite import Rewrite
from conftest import FIXTURES

DOCSET = FIXTURES / "yamlpages" / "docset"


def test_the_texts_of_a_page_are_those_a_reader_sees() -> None:
    text = (
        "### YamlMime:FAQ\n"
        "metadata:\n  title: Meta\n  ms.date: 01/01/2021\n"
        "title: Jautājumi\n"
        "sections:\n"
        "- name: Sadaļa\n  questions:\n"
        "  - question: Kas?\n    answer: '**Tas.**'\n"
        "  - question: Bez atbildes?\n"
        "links:\n- url: a.md\n  text: Saite\n  itemType: overview\n"
    )
    texts = yaml_page_texts(text, "faq.yml")
    assert [(t.key, t.text, t.line) for t in texts] == [
        ("title", "Jautājumi", 5),
        ("name", "Sadaļa", 7),
        ("question", "Kas?", 9),
        ("answer", "**Tas.**", 10),
        ("question", "Bez atbildes?", 11),
        ("text", "Saite", 14),
    ]
    left_out = yaml_page_texts(text, "faq.yml", [(11, 5)])  # the entry the reader reported
    assert "Bez atbildes?" not in [t.text for t in left_out]
    assert len(left_out) == len(texts) - 1


def test_a_text_not_on_its_page_is_missing() -> None:
    texts = yaml_page_texts(
        "### YamlMime:FAQ\ntitle: Jautājumi\nsummary: 'Pirms **visa**'\n", "f.yml"
    )
    page = "<h1>Jautājumi</h1><p>Pirms <strong>visa</strong></p>"
    assert missing_texts(texts, page) == []
    assert [t.text for t in missing_texts(texts, "<h1>Jautājumi</h1>")] == ["Pirms **visa**"]
    assert len(missing_texts(texts, None)) == 2  # no page: every text


def test_every_yaml_text_of_the_fixture_is_on_its_page_or_reported() -> None:
    audit = audit_tree(DOCSET)
    assert audit.yaml_pages == 5
    assert audit.yaml_texts > 30
    assert audit.lost_segments == 0, audit.problems
    reported = [line for line in audit.problems if line.startswith(("broken-faq.yml", "course"))]
    assert len(reported) == audit.errors  # each left-out part is an error, said once
    assert any("a FAQ entry has no answer" in line for line in reported)


def test_a_writer_that_drops_a_text_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    original: Callable[..., str] = yaml_pages.KINDS["FAQ"].write

    def without_post(page: Any, at: str, navigation: Any) -> str:
        return original(type(page)(**{**_fields(page), "post": ""}), at, navigation)

    faq = yaml_pages.KINDS["FAQ"]
    monkeypatch.setitem(yaml_pages.KINDS, "FAQ", yaml_pages.Kind(faq.page, faq.parse, without_post))
    audit = audit_tree(DOCSET)
    lost = [line for line in audit.problems if "postContent" in line and "is not on" in line]
    assert audit.lost_segments == 1, audit.problems
    assert len(lost) == 1
    assert lost[0].startswith("faq.yml:")


def _fields(page: Any) -> dict[str, Any]:
    return {name: getattr(page, name) for name in page.__dataclass_fields__}


@pytest.mark.corpus
def test_the_corpus_landing_pages_lose_nothing(corpus: Path) -> None:
    """customer-insights: its root and audience-insights landing pages (make audit runs the
    hubs of mixed-reality and office-js)."""
    audit = audit_tree(corpus / "customer-insights-lv-LV" / "ci-docs")
    assert audit.yaml_pages == 2
    assert audit.yaml_texts > 50
    assert audit.lost_segments == 0, audit.problems


DOCFX_SUMMARY = """### YamlMime:FAQ
title: Jautājumi
summary: |
  Ievads.

  > [!NOTE]
  > Produkts :::no-loc text="Contoso Flow"::: un <xref:get-started>.
"""


def test_a_value_in_docfx_markdown_is_on_its_page_as_the_writer_shows_it() -> None:
    """An alert's marker, a no-loc text and a cross reference in a FAQ's markdown: the page
    shows the alert's title, the text, the article's title; the writer's records say so."""
    texts = yaml_page_texts(DOCFX_SUMMARY, "faq.yml")
    page = (
        "<h1>Jautājumi</h1><p>Ievads.</p><div class='admonition note'>"
        "<p class='admonition-title'>Piezīme</p>"
        "<p>Produkts Contoso Flow un <a href='../get-started/'>Darba sākšana</a>.</p></div>"
    )
    records = [
        Rewrite(':::no-loc text="Contoso Flow":::', "Contoso Flow", "no-loc"),
        Rewrite("<xref:get-started>", "Darba sākšana", "xref"),
    ]
    assert missing_texts(texts, page, records) == []
    assert [t.key for t in missing_texts(texts, page)] == ["summary"]  # without the records
    dropped = page.replace("Produkts Contoso Flow un ", "")
    assert [t.key for t in missing_texts(texts, dropped, records)] == ["summary"]


def test_an_audited_faq_in_docfx_markdown_loses_nothing(tmp_path: Path) -> None:
    """The whole way: the split writes the FAQ (alert, no-loc, cross reference), the audit
    finds every text of it on its page."""
    shutil.copytree(DOCSET, tmp_path / "docset")
    started = (tmp_path / "docset" / "get-started.md").read_text(encoding="utf-8")
    (tmp_path / "docset" / "get-started.md").write_text(
        started.replace("title: Darba sākšana\n", "title: Darba sākšana\nuid: get-started\n"),
        encoding="utf-8",
    )
    (tmp_path / "docset" / "docfx-faq.yml").write_text(DOCFX_SUMMARY, encoding="utf-8")
    audit = audit_tree(tmp_path / "docset")
    assert not [line for line in audit.problems if "docfx-faq.yml" in line]
    assert audit.lost_segments == audit_tree(DOCSET).lost_segments

"""Writing Learn's YAML pages (``tests/fixtures/yamlpages/docset``): links through the
navigation as a landing page's, unknown targets as counted text, the source's markdown rendered
without raw HTML, interface text in the page's language."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from bilingual.errors import SourceError
from bilingual.pages.faq import anchor
from bilingual.pages.link_rewrite import LinkContext
from bilingual.pages.navigation import Navigation
from bilingual.pages.yaml_pages import page_markdown, read_page
from bilingual.source import yamlnodes
from conftest import FIXTURES

DOCSET = FIXTURES / "yamlpages" / "docset"
ARTICLES = {"get-started.md": "Darba sākšana", "guides/connect.md": "Savienojuma izveide"}
PAGES = frozenset({"faq.yml", "guides/tutorial.yml", "course.yml", "broken-faq.yml"})


def navigation(code: str = "lv") -> Navigation:
    context = LinkContext.of(ARTICLES, "lv-lv", files=["media/icon.png"])
    return Navigation(code, "lv", context, dict(ARTICLES), PAGES)


def one(root: BeautifulSoup | Tag, selector: str) -> Tag:
    found = root.select_one(selector)
    assert found is not None, selector
    return found


def written(path: str, at: str, nav: Navigation) -> BeautifulSoup:
    problems: list[SourceError] = []
    page = read_page((DOCSET / path).read_text(encoding="utf-8"), path, problems)
    assert page is not None
    text = page_markdown(page, at, nav)
    return BeautifulSoup(text.split("---\n", 2)[2], "html.parser")


def test_faq_questions_are_headings_with_stable_ids_and_answers_are_rendered() -> None:
    nav = navigation()
    html = written("faq.yml", "faq.md", nav)
    assert [(h.name, h["id"]) for h in html.select("h2, h3")] == [
        ("h2", "pierakstisanas"),
        ("h3", "ka-atiestatit-paroli"),
        ("h3", "vai-varu-pierakstities-ar-scriptalert1script-kontu"),
        ("h2", "dati"),
        ("h3", "kur-tiek-glabati-dati"),
        ("h3", "ka-atiestatit-paroli-2"),  # the same question twice: an id each
    ]
    answer = html.select(".help-faq__answer")[0]
    assert [li.get_text() for li in answer.select("ol > li")] == [
        "Ievadiet e-pastu.",
        "Izpildiet norādījumus.",
    ]
    assert one(answer, "strong").get_text() == "iestatījumus"


def test_faq_markup_in_questions_and_answers_stays_text() -> None:
    nav = navigation()
    html = written("faq.yml", "faq.md", nav)
    assert html.find("script") is None
    assert html.find("img") is None
    hostile = html.select(".help-faq__answer")[1]
    assert '<script>alert("answer")</script>' in hostile.get_text()
    assert "onerror" not in str(hostile).replace("onerror=alert(2)&gt;", "")
    links = {a.get_text(): a["href"] for a in hostile.select("a")}
    assert links == {"savienojums": "../guides/connect/#dati", "šī lapa": "#ka-atiestatit-paroli"}
    assert "[bīstama saite](javascript:alert(3))" in hostile.get_text()  # refused: text
    assert "trūkstošs raksts" in hostile.get_text()
    assert nav.unlinked == 1  # missing.md


def test_hub_cards_link_through_the_navigation_and_unknown_targets_are_counted_text() -> None:
    nav = navigation()
    html = written("index.yml", "index.md", nav)
    assert one(html, "h1").get_text().startswith("Paraugu palīdzības centrs")
    assert "<img" not in str(html.select_one(".help-hub__hero"))
    highlighted = {a.get_text(): a["href"] for a in html.select(".help-hub__highlighted a")}
    assert highlighted == {
        "Darba sākšana": "get-started/",
        "Bieži uzdotie jautājumi": "faq/",
        "Microsoft 365 administrēšana": "https://learn.microsoft.com/lv-lv/microsoft-365/admin/",
    }
    assert [p.get_text() for p in html.select(".help-card__type")] == [
        "Darba sākšana",
        "Pārskats",
        "Uzziņas",
    ]
    sections = [h.get_text().rstrip("¶") for h in html.select("h2")]
    assert sections == ["Izpētiet", "Produkti", "Vairāk resursu", "Rīki"]
    footer = html.select_one(".help-card__footer a")
    assert footer is not None
    assert footer["href"] == "guides/connect/"
    assert [img["src"] for img in html.select("img.help-card__image")] == ["media/icon.png"] * 2
    assert nav.unlinked == 1  # missing.md, shown as text
    assert "Trūkstošs raksts" in html.get_text()


def test_tutorial_steps_are_numbered_sections_with_their_minutes_in_the_page_language() -> None:
    html = written("guides/tutorial.yml", "guides/tutorial.md", navigation())
    steps = [(h["id"], h.get_text().rstrip("¶")) for h in html.select("h2")]
    assert steps == [
        ("step-1", "1. darbība"),
        ("step-2", "2. darbība: Savienojiet datus"),
        ("step-3", "3. darbība: Publicējiet"),
    ]
    assert [p.get_text() for p in html.select(".help-tutorial__duration")] == ["1 min", "5 min"]
    content = html.select(".help-tutorial__content")
    assert one(content[1], "a")["href"] == "../connect/"
    assert one(content[1], "img")["src"] == "../../media/icon.png"
    assert html.find("script") is None
    assert "<script>alert(4)</script>" in content[2].get_text()


def test_a_placeholder_page_is_its_title_a_notice_and_its_text_in_the_page_language() -> None:
    html = written("course.yml", "course.md", navigation())
    assert one(html, "h1").get_text().startswith("Paraugu kurss")
    notice = html.select_one(".help-yaml-placeholder")
    assert notice is not None
    assert notice["role"] == "note"
    assert notice.get_text().strip() == "Šāda veida lapu šajā vietnē vēl nevar parādīt."
    shown = [p.get_text() for p in html.select(".help-yaml-placeholder ~ p")]
    assert shown == ["Kurss par <b>paraugiem</b>.", "Pirmais modulis"]  # its text, as text
    assert html.find("b") is None


def test_a_question_id_is_its_slug_in_its_own_script_else_numbered() -> None:
    taken: set[str] = {"faq"}
    ids = [
        anchor(text, f"question-{n}", taken)
        for n, text in enumerate(["FAQ", "パスワードを忘れた", "???", "Kā?", "Kā?"], 1)
    ]
    assert ids == ["faq-2", "パスワードを忘れた", "question-3", "ka", "ka-2"]
    assert all(re.fullmatch(r"[^\s#]+", found) for found in ids)


ARABIC_FAQ = """### YamlMime:FAQ
metadata:
  title: الأسئلة الشائعة
title: الأسئلة الشائعة
sections:
- name: الأسئلة الشائعة
  questions:
  - question: كيف أعيد تعيين كلمة المرور؟
    answer: اتبع الإرشادات.
"""


def test_a_yaml_pages_title_heading_has_an_id_in_its_own_script() -> None:
    """Python-Markdown's own slug keeps ASCII letters only: an Arabic title's heading was
    ``_1``; a section named as the title takes the next id, not the title's."""
    page = read_page(ARABIC_FAQ, "faq.yml", [])
    assert page is not None
    html = BeautifulSoup(
        page_markdown(page, "faq.md", navigation("ar")).split("---\n", 2)[2], "html.parser"
    )
    assert [(h.name, h["id"]) for h in html.select("h1, h2, h3")] == [
        ("h1", "الأسئلة-الشائعة"),
        ("h2", "الأسئلة-الشائعة-2"),
        ("h3", "كيف-أعيد-تعيين-كلمة-المرور"),
    ]
    latvian = written("faq.yml", "faq.md", navigation())
    assert one(latvian, "h1")["id"] == "biezi-uzdotie-jautajumi"  # Latin: as before


FAQ_IN_DOCFX_MARKDOWN = """### YamlMime:FAQ
metadata:
  title: Jautājumi
title: Jautājumi
sections:
- name: Pamati
  questions:
  - question: Vai tas ir droši?
    answer: |
      > [!WARNING]
      > Nekad nedalieties ar paroli.

      Produkts :::no-loc text="Contoso Flow"::: glabā datus. Skatiet <xref:get-started>.

      [!INCLUDE[nav](includes/nav.md)]
"""


def test_a_faq_answer_is_docfx_markdown_as_in_an_article() -> None:
    context = LinkContext.of(ARTICLES, "lv-lv", files=["media/icon.png"])
    uids = {"get-started": "get-started.md"}
    nav = Navigation("lv", "lv", context, dict(ARTICLES), PAGES, {}, uids)
    problems: list[SourceError] = []
    page = read_page(FAQ_IN_DOCFX_MARKDOWN, "docfx-faq.yml", problems)
    assert page is not None
    text = page_markdown(page, "docfx-faq.md", nav)
    answer = one(BeautifulSoup(text.split("---\n", 2)[2], "html.parser"), ".help-faq__answer")
    alert = one(answer, "div.admonition.warning")  # DocFX's alert, titled in the page's language
    assert one(alert, ".admonition-title").get_text() == "Brīdinājums"
    assert "Nekad nedalieties ar paroli." in alert.get_text()
    assert "[!WARNING]" not in answer.get_text()
    assert "Produkts Contoso Flow glabā datus." in answer.get_text()  # no-loc: its text
    xref = one(answer, "a")  # a cross reference: the article of that uid, by its title
    assert (xref.get_text(), xref["href"]) == ("Darba sākšana", "../get-started/")
    # an include: nothing outside the text is read, so a placeholder, reported where it is
    # written in the file (the answer is a literal block: its lines are the file's)
    assert "[!INCLUDE" not in answer.get_text()
    assert [(r.path, r.line, r.column) for r in nav.reports] == [("docfx-faq.yml", 15, 7)]
    assert FAQ_IN_DOCFX_MARKDOWN.splitlines()[14][6:].startswith("[!INCLUDE[nav]")
    assert "includes/nav.md" in nav.reports[0].what
    assert "of this value's markdown" not in nav.reports[0].what


def test_a_report_in_a_folded_value_past_its_first_line_names_the_place_in_the_value() -> None:
    """A plain scalar folds its lines: its text's places are not the file's, so a report is
    placed at the value's start, and says where in the value it is."""
    text = FAQ_IN_DOCFX_MARKDOWN.split("    answer: |")[0] + (
        "    answer: Teksts [!INCLUDE[a](a.md)]\n      un [!INCLUDE[b](b.md)]\n"
    )
    context = LinkContext.of(ARTICLES, "lv-lv")
    nav = Navigation("lv", "lv", context, dict(ARTICLES), PAGES)
    page = read_page(text, "folded.yml", [])
    assert page is not None
    page_markdown(page, "folded.md", nav)
    assert [(r.line, r.column) for r in nav.reports] == [(9, 13), (9, 13)]
    assert text.splitlines()[8][12:].startswith("Teksts")
    assert "(line 1, column 8 of this value's markdown)" in nav.reports[0].what
    assert "(line 1, column 31 of this value's markdown)" in nav.reports[1].what


def test_a_one_line_value_places_its_reports_in_the_line() -> None:
    value = yamlnodes.load("a: x [!INCLUDE[a](a.md)]\nb: 'y'\n", "v.yml", "")
    assert yamlnodes.origin(value, "a").place(1, 3) == (1, 6)
    assert yamlnodes.origin(value, "b").place(1, 1) == (2, 5)  # after the quote

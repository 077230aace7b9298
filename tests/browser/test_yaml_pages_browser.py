"""Learn's YAML pages in real headless Chromium (``tests/fixtures/yamlpages``, built once): a FAQ
question's address scrolls it into view, every question is a heading with its permalink, Tab
reaches the FAQ's links in reading order; axe (``tests/axe.py``, the rules of
``test_a11y_browser.py``) finds nothing on the FAQ, the Hub (home) and the Tutorial, in the
translation and in English (the fallback pages); the Hub's cards lead to their pages; none of
the hostile values of the fixture runs a script (no dialog opens, no policy violation is
reported: the sanitiser left nothing for the policy to block)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, Response

import axe
from conftest import FIXTURES, build_source
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

QUESTIONS = {
    "ka-atiestatit-paroli": "Kā atiestatīt paroli?",
    "vai-varu-pierakstities-ar-scriptalert1script-kontu": (
        "Vai varu pierakstīties ar <script>alert(1)</script> kontu?"
    ),
    "kur-tiek-glabati-dati": "Kur tiek glabāti dati?",
    "ka-atiestatit-paroli-2": "Kā atiestatīt paroli?",
}
"""The FAQ's questions in order, by id (the hostile one is text)."""
PAGES = {
    "hub": {"lv": "", "en": "en/"},
    "faq": {"lv": "faq/", "en": "en/faq/"},
    "tutorial": {"lv": "guides/tutorial/", "en": "en/guides/tutorial/"},
}
CASES = [(kind, code) for kind in PAGES for code in ("lv", "en")]
IDS = [f"{kind}-{code}" for kind, code in CASES]
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""
POKE = """() => {
  for (const el of document.querySelectorAll("*")) {
    for (const type of ["mouseover", "mouseenter", "pointerenter", "focus", "toggle", "load"]) {
      el.dispatchEvent(new Event(type));
    }
  }
}"""
IN_VIEW = """(element) => {
  const box = element.getBoundingClientRect();
  const x = box.left + Math.min(box.width, 40) / 2;
  const y = box.top + box.height / 2;
  const seen = document.elementFromPoint(x, y);  // not under the sticky header
  return {
    top: box.top,
    bottom: box.bottom,
    height: innerHeight,
    scrolled: scrollY,
    uncovered: seen !== null && element.contains(seen),
  };
}"""
FOCUSED = """() => {
  const element = document.activeElement;
  return {
    article: element.closest("article") !== null,
    href: element.getAttribute("href") || "",
    text: element.textContent.trim(),
  };
}"""
ARTICLE_LINKS = """() => [...document.querySelectorAll("article a[href]")].map((a) => ({
  article: true,
  href: a.getAttribute("href"),
  text: a.textContent.trim(),
}))"""


@pytest.fixture(scope="module")
def yaml_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site: Path = build_source(
        FIXTURES / "yamlpages" / "docset", tmp_path_factory.mktemp("yamlpages-browser")
    )
    with serve(site) as url:
        yield url


class Watch:
    """The dialogs a page opens (``alert``, ``confirm`` …: a payload that ran) and the policy
    violations it reports, from before its first script."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        page.add_init_script(RECORD)
        page.on("dialog", self.dialog)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def violations(self) -> list[str]:
        found: list[str] = self.page.evaluate("window.__violations")
        return found


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_a_question_s_address_scrolls_it_into_view(
    page: Page, yaml_url: str, question: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})  # the page is longer than the window
    page.goto(f"{yaml_url}faq/#{question}")
    heading = page.locator(f'[id="{question}"]')
    heading.wait_for()
    place: dict[str, Any] = heading.evaluate(IN_VIEW)
    assert place["top"] >= 0, place
    assert place["bottom"] <= place["height"], place
    assert place["uncovered"], place
    if question != next(iter(QUESTIONS)):
        assert place["scrolled"] > 0, place


def test_every_question_is_a_heading_with_its_permalink(page: Page, yaml_url: str) -> None:
    page.goto(f"{yaml_url}faq/")
    headings = page.locator("article h3.help-faq__question")
    assert [headings.nth(i).get_attribute("id") for i in range(headings.count())] == list(QUESTIONS)
    for question, text in QUESTIONS.items():
        heading = page.get_by_role("heading", level=3, name=text)
        assert heading.count() == (2 if text == "Kā atiestatīt paroli?" else 1)
        permalink = page.locator(f'[id="{question}"] > a.headerlink')
        assert permalink.get_attribute("href") == f"#{question}"
        permalink.focus()
        assert permalink.is_visible()  # shown when focused
        page.keyboard.press("Enter")
        page.wait_for_url(f"{yaml_url}faq/#{question}")


def test_tab_reaches_the_faq_s_links_in_reading_order(page: Page, yaml_url: str) -> None:
    """Every link of the article, and no other element of it, in document order: the
    permalinks, the summary's link, the answers' links (the refused ``javascript:`` link is
    text, the missing article's too)."""
    page.goto(f"{yaml_url}faq/")
    expected: list[dict[str, Any]] = page.evaluate(ARTICLE_LINKS)
    texts = [link["text"] for link in expected]
    assert [t for t in texts if t != "¶"] == ["darba sākšanu", "savienojums", "šī lapa"]
    assert texts.count("¶") == 1 + 2 + len(QUESTIONS)  # the title, the sections, the questions
    reached: list[dict[str, Any]] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stop: dict[str, Any] = page.evaluate(FOCUSED)
        if stop["article"]:
            reached.append(stop)
        elif reached:  # out of the article again
            break
    assert reached == expected


@pytest.mark.parametrize(("kind", "code"), CASES, ids=IDS)
def test_axe_finds_nothing_and_no_hostile_value_runs(
    page: Page, yaml_url: str, kind: str, code: str
) -> None:
    watch = Watch(page)
    failed: list[str] = []

    def response(answer: Response) -> None:
        if answer.status >= 400:
            failed.append(f"{answer.status} {answer.url}")

    page.on("response", response)
    page.goto(f"{yaml_url}{PAGES[kind][code]}")
    violations = axe.check(page)
    assert not violations, axe.report(violations)
    page.evaluate(POKE)
    page.wait_for_load_state("networkidle")
    assert watch.dialogs == []
    assert watch.violations() == []
    assert failed == []


@pytest.mark.parametrize(
    ("card", "target", "title"),
    [
        ("Bieži uzdotie jautājumi", "faq/", "Bieži uzdotie jautājumi"),
        ("Pirmā atskaite", "guides/tutorial/", "Pirmā atskaite"),
        ("Savienojuma izveide", "guides/connect/", "Savienojuma izveide"),
    ],
)
def test_a_hub_card_leads_to_its_page(
    page: Page, yaml_url: str, card: str, target: str, title: str
) -> None:
    watch = Watch(page)
    page.goto(yaml_url)
    link = page.locator("article .grid.cards a", has_text=card).first
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None
    assert response.ok
    assert page.url == f"{yaml_url}{target}"
    assert page.locator("article h1").inner_text().strip("¶ \n") == title
    assert watch.dialogs == []


def test_the_watch_sees_a_dialog_and_the_policy_still_blocks_an_inline_script(
    page: Page, yaml_url: str
) -> None:
    """The control: on the FAQ page (its data block in place) a dialog opened is seen, and an
    inline script put into the page does not run but is reported."""
    watch = Watch(page)
    page.goto(f"{yaml_url}faq/")
    page.evaluate("() => alert('control')")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.documentElement.dataset.pwned = 1";
          document.body.append(script);
        }"""
    )
    page.wait_for_timeout(100)
    assert watch.dialogs == ["alert: control"]
    assert page.evaluate("document.documentElement.dataset.pwned") is None
    assert any(found.startswith("script-src") for found in watch.violations())

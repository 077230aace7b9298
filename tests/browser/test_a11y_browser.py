"""Every reader can use the site (issue 19), in real headless Chromium.

axe-core (pinned, ``tests/axe.py``; WCAG 2.0 and 2.1, A and AA) finds nothing on every kind of
page — home, article, the notices, the fallback page, 404, search results open, the English
original on hover and turned off, the English original side by side (tabs and pivots too), the
language menu open, tabs, pivots, the docset's tree, code — in Latvian, German, Arabic (right to
left) and English, in the light
theme, the dark one (the reader's system asks for it: ``prefers-color-scheme``) and forced
colors (Windows high contrast). No request fails while any of these pages loads or searches.
Every control is reached by Tab in reading order with a visible focus ring; the toggles say
their state; the language menu names each language in its own language; a sentence is announced
with its English (the accessibility tree, read through the DevTools protocol); the palette
follows the system and is remembered; an article prints alone, links with their targets.

Sites: ``locales_site`` (lv at the root, de, ar, en), ``docfx_site`` (tabs, pivots),
``docfx_blocks_site`` (the page selector, the next-step button, code), ``tests/fixtures/navsite``
(the tree, the landing notice) and ``seed_site`` (an article linking another site, for print).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request, Response

import axe
from chromium import screenshot, search
from conftest import FIXTURES, LOCALE_PREFIX, SEED_ARTICLE, build_source
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

PREFIX = LOCALE_PREFIX
NAMES = {
    "lv": "Latviešu",
    "de": "Deutsch",
    "ar-SA": "العربية (المملكة العربية السعودية)",
    "en": "English",
}
"""Each language of the locales site as the switcher names it: in that language."""
THEMES: dict[str, dict[str, Any]] = {
    "light": {"color_scheme": "light", "forced_colors": "none"},
    "dark": {"color_scheme": "dark", "forced_colors": "none"},
    "forced-colors": {"color_scheme": "light", "forced_colors": "active"},
}
THEMES_DE = ["Design des Systems", "Helles Design", "Dunkles Design"]
"""The palette's themes as the German pages name them."""
SCHEME = {"light": "default", "dark": "slate", "forced-colors": "default"}
"""Material's scheme each emulated system gets (no choice of the reader's stored)."""


@pytest.fixture(scope="module")
def sites(
    locales_site: Path,
    docfx_site: Path,
    docfx_blocks_site: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, str]]:
    """The base URL of each site this module reads."""
    nav = build_source(FIXTURES / "navsite" / "docset", tmp_path_factory.mktemp("a11y-nav"))
    with (
        serve(locales_site / "site") as locales,
        serve(docfx_site) as docfx,
        serve(docfx_blocks_site[1]) as blocks,
        serve(nav) as tree,
    ):
        yield {"locales": locales, "docfx": docfx, "blocks": blocks, "nav": tree}


def hover(page: Page) -> None:
    page.locator("article p .sxs").first.hover()
    page.locator("#sxs-tip").wait_for(state="visible")


def hover_off(page: Page) -> None:
    page.locator("button.sxs-toggle").click()
    page.locator("html.sxs-off").wait_for(state="attached")


def side_by_side(page: Page) -> None:
    page.locator("button.sbs-toggle").click()
    page.locator("article [data-sbs-twin]").first.wait_for(state="visible")
    docfx_ready(page)


def languages_open(page: Page) -> None:
    page.locator(".md-select button").first.focus()
    page.locator("a.md-select__link").first.wait_for(state="visible")


def searched(page: Page) -> None:
    search(page, "0x80070005")


def tree(page: Page) -> None:
    page.locator(".help-toc--loaded").wait_for(state="attached")


def docfx_ready(page: Page) -> None:
    page.locator("html.docfx-ready").wait_for(state="attached")


@dataclass(frozen=True)
class Kind:
    """A kind of page: where it is in each language, and what the reader does on it."""

    name: str
    site: str
    paths: dict[str, str]
    action: Callable[[Page], None] | None = None


LOCALES = ("lv", "de", "ar-SA", "en")
KINDS = [
    Kind("home", "locales", {code: PREFIX[code] for code in LOCALES}),
    Kind(
        "article",
        "locales",
        {
            "lv": "sign-in/",
            "de": "de/reset-password/",
            "ar-SA": "ar-SA/sign-in/",
            "en": "en/sign-in/",
        },
    ),
    # machine translated, and translated from an older English: both notices
    Kind("notices", "locales", {"de": "de/sign-in/"}),
    Kind("fallback", "locales", {code: f"{PREFIX[code]}only-in-latvian/" for code in LOCALES[1:]}),
    Kind("404", "locales", {code: f"{PREFIX[code]}404.html" for code in LOCALES}),
    Kind("search", "locales", {code: PREFIX[code] for code in LOCALES}, searched),
    Kind("hover", "locales", {code: f"{PREFIX[code]}sign-in/" for code in LOCALES[:3]}, hover),
    Kind(
        "hover-off", "locales", {code: f"{PREFIX[code]}sign-in/" for code in LOCALES[:3]}, hover_off
    ),
    Kind(
        "side-by-side",
        "locales",
        {code: f"{PREFIX[code]}sign-in/" for code in LOCALES[:3]},
        side_by_side,
    ),
    Kind("language-menu", "locales", {"lv": "sign-in/", "ar-SA": "ar-SA/sign-in/"}, languages_open),
    Kind("tabs", "docfx", {"lv": "tabs/", "en": "en/tabs/"}, docfx_ready),
    Kind("pivots", "docfx", {"lv": "zones/", "en": "en/zones/"}, docfx_ready),
    Kind("side-by-side-tabs", "docfx", {"lv": "tabs/"}, side_by_side),
    Kind("side-by-side-pivots", "docfx", {"lv": "zones/"}, side_by_side),
    Kind("selector", "blocks", {"lv": "div/source/", "en": "en/div/source/"}),
    # highlighted lines, every token colour, a link the sentence left without text
    Kind("code", "blocks", {"lv": "code/source/", "en": "en/code/source/"}),
    Kind("toc-tree", "nav", {"lv": "mail/set-up-mail/", "en": "en/mail/set-up-mail/"}, tree),
    Kind("landing-notice", "nav", {"en": "en/"}),
]
CASES = [(kind, code) for kind in KINDS for code in kind.paths]
IDS = [f"{kind.name}-{code}" for kind, code in CASES]


class Failures:
    """Every request of a page that fails (a status of 400 or more, or no answer at all)."""

    def __init__(self, page: Page) -> None:
        self.found: list[str] = []
        self.asked: list[str] = []
        page.on("request", lambda request: self.asked.append(request.url))
        page.on("response", self.response)
        page.on("requestfailed", self.failed)

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.found.append(f"{response.status} {response.url}")

    def failed(self, request: Request) -> None:
        self.found.append(f"failed ({request.failure}) {request.url}")


def open_kind(page: Page, sites: dict[str, str], kind: Kind, code: str) -> Failures:
    """Open ``kind``'s page in ``code`` and do what its reader does; the failures watched."""
    failures = Failures(page)
    page.goto(f"{sites[kind.site]}{kind.paths[code]}")
    if kind.action is not None:
        kind.action(page)
    return failures


SCHEME_IS = "(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme"


def scheme(page: Page) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))


@pytest.mark.parametrize(("kind", "code"), CASES, ids=IDS)
def test_axe_finds_nothing_and_no_request_fails(
    page: Page, sites: dict[str, str], kind: Kind, code: str
) -> None:
    """axe in each theme, the system asking for it as the reader reads (the page is loaded
    once: Material follows the system's change, the stylesheets' media queries too); then
    nothing the page asked for while it loaded (and searched, where it does) failed, and nobody
    asked for a sitemap beside an article (Material's switcher did: a 404 each)."""
    page.emulate_media(**THEMES["light"])
    failures = open_kind(page, sites, kind, code)
    found = {}
    for theme, media in THEMES.items():
        page.emulate_media(**media)
        page.wait_for_function(SCHEME_IS, arg=SCHEME[theme])  # the system chose the theme
        if kind.name in ("notices", "toc-tree"):
            screenshot(page, f"a11y-{kind.name}-{code}-{theme}", full_page=False)
        violations = axe.check(page)
        if violations:
            found[theme] = axe.report(violations)
    assert not found, "\n".join(f"{theme}:\n{text}" for theme, text in found.items())
    page.wait_for_load_state("networkidle")
    assert failures.found == []
    assert [url for url in failures.asked if url.endswith("sitemap.xml")] == []


@pytest.fixture(scope="module")
def locales(sites: dict[str, str]) -> str:
    return sites["locales"]


def test_the_switcher_leads_to_the_same_page_in_the_other_language(
    page: Page, locales: str
) -> None:
    failures = Failures(page)
    page.goto(f"{locales}de/sign-in/")
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='ar-SA']").click()
    page.wait_for_url(f"{locales}ar-SA/sign-in/")
    page.wait_for_load_state("networkidle")
    assert failures.found == []


FOCUS = """async () => {
  const element = document.activeElement;
  // as the reader sees it once the focus's transitions (the skip link fading in) have ended
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null)));
  // a radio of the palette is drawn, and ringed, by the label after it
  const drawn = element.matches(".md-option") ? element.nextElementSibling : element;
  const style = getComputedStyle(drawn);
  const box = drawn.getBoundingClientRect();
  const ring =
    (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) ||
    style.boxShadow !== "none";
  return {
    what: [...element.classList].find((name) => name !== "focus-visible") || element.localName,
    text: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 40),
    ring,
    seen:
      box.width > 0 && box.height > 0 && style.visibility !== "hidden" && Number(style.opacity) > 0,
  };
}"""


def tab_through(page: Page) -> list[dict[str, Any]]:
    """The elements Tab reaches from the start of the page to its end, in order, with their
    focus ring."""
    reached: list[dict[str, Any]] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop["what"] == "body":
            return reached
        reached.append(stop)
    raise AssertionError(f"Tab never left the page: {reached}")


def test_every_control_is_reached_in_order_with_a_visible_focus_ring(
    page: Page, locales: str
) -> None:
    page.goto(f"{locales}de/sign-in/")
    reached = tab_through(page)
    for stop in reached:
        assert stop["seen"], stop  # the focus never vanishes into something unseen
        assert stop["ring"], stop  # and is ringed
    order = [stop["what"] for stop in reached]
    expected = [
        "md-skip",  # "skip to content" first
        "md-header__button",  # the logo
        "md-option",  # the palette
        "md-header__button",  # the language menu, then its languages
        *["md-select__link"] * 4,
        "md-search__input",
        "md-nav__link",
        "md-path__link",
        "sxs",  # the heading's sentence, its permalink, the two notices' links
        "headerlink",
        "a",
        "a",
        "sxs-toggle",  # the toggles before the sentences they act on
        "sbs-toggle",
        "sxs",
        "sxs",
    ]
    assert order[: len(expected)] == expected
    assert [stop["text"] for stop in reached[4:8]] == list(NAMES.values())


def test_the_toggles_say_their_state(page: Page, locales: str) -> None:
    page.goto(f"{locales}de/sign-in/")
    toggle = page.locator("button.sxs-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.focus()
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    # the palette: three radios named by their theme, the chosen one checked; Enter goes round
    radios = page.locator("input.md-option")
    assert [radios.nth(i).get_attribute("aria-label") for i in range(radios.count())] == THEMES_DE
    checked = page.locator("input.md-option:checked")
    assert checked.get_attribute("aria-label") == "Design des Systems"
    checked.focus()
    for name, then in [("Helles Design", "default"), ("Dunkles Design", "slate")]:
        page.keyboard.press("Enter")
        assert page.locator("input.md-option:checked").get_attribute("aria-label") == name
        assert scheme(page) == then
    shown = page.locator("form[data-md-component=palette] label:not([hidden])")
    assert shown.get_attribute("title") == "Zum Design des Systems wechseln"


@pytest.mark.parametrize("code", ["lv", "ar-SA"])
def test_the_language_menu_names_each_language_in_its_own(
    page: Page, locales: str, code: str
) -> None:
    page.goto(f"{locales}{PREFIX[code]}sign-in/")
    links = page.locator("a.md-select__link")
    assert links.count() == len(NAMES)
    for index in range(links.count()):
        link = links.nth(index)
        language = link.get_attribute("hreflang")
        assert language in NAMES
        assert link.get_attribute("lang") == language
        assert link.inner_text().strip() == NAMES[language]
        current = "page" if language == code else None
        assert link.get_attribute("aria-current") == current


def ax_node(page: Page, selector: str) -> dict[str, Any]:
    """The accessibility tree's node of the element ``selector`` finds first, with its
    children's text, from Chromium itself (the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    element = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    nodes = cdp.send("Accessibility.getPartialAXTree", {"nodeId": element})["nodes"]
    node = nodes[0]
    below = [other for other in nodes if other.get("parentId") == node["nodeId"]]
    cdp.detach()
    return {
        "role": node["role"]["value"],
        "name": node.get("name", {}).get("value", ""),
        "description": node.get("description", {}).get("value", ""),
        "focusable": any(
            prop["name"] == "focusable" and prop["value"]["value"]
            for prop in node.get("properties", [])
        ),
        "text": "".join(child.get("name", {}).get("value", "") for child in below),
    }


def test_a_sentence_is_announced_with_its_english(page: Page, locales: str) -> None:
    """Focused, a sentence is read as its translation (its text), then its English (its
    accessible description); the tooltip itself is for the eyes only."""
    page.goto(f"{locales}de/sign-in/")
    selector = "article p .sxs"
    page.locator(selector).first.focus()
    node = ax_node(page, selector)
    assert node["focusable"]
    assert node["name"] == node["text"] == "Geben Sie Ihre E-Mail-Adresse ein."
    assert node["description"] == "Enter your email address."
    described = page.locator(f"#{page.locator(selector).first.get_attribute('aria-describedby')}")
    assert described.get_attribute("lang") == "en"
    assert page.locator("#sxs-tip").get_attribute("aria-hidden") == "true"
    page.locator("button.sxs-toggle").click()  # off: no English, out of the tab order
    assert ax_node(page, selector)["description"] == ""
    assert page.locator(selector).first.get_attribute("tabindex") == "-1"


def test_the_site_follows_the_system_s_preference(page: Page, locales: str) -> None:
    """Dark where the system asks for it, light again when it changes (live, and on the next
    visit: what Material remembers without a choice of the reader's is "the system's")."""
    page.emulate_media(color_scheme="dark")
    page.goto(f"{locales}sign-in/")
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    page.emulate_media(color_scheme="dark")
    page.reload()
    assert scheme(page) == "slate"


def test_the_reader_s_choice_of_palette_is_remembered(page: Page, locales: str) -> None:
    """Chosen by the toggle against the system, the scheme holds on a reload and on the same
    page in another language (Material keeps it under the site's root, not each language's)."""
    page.emulate_media(color_scheme="light")
    page.goto(f"{locales}sign-in/")
    for _ in range(2):  # the system's, light, dark
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate"
    page.locator(".md-select button").first.hover()
    page.locator("a.md-select__link[hreflang='de']").click()
    page.wait_for_url(f"{locales}de/sign-in/")
    assert scheme(page) == "slate"
    assert page.locator("input.md-option:checked").get_attribute("aria-label") == "Dunkles Design"


HIDDEN = """(selectors) => selectors.map((selector) => [...document.querySelectorAll(selector)]
  .filter((element) => getComputedStyle(element).display !== "none").length)"""
AFTER = """(selector) => getComputedStyle(document.querySelector(selector), "::after").content"""


def test_an_article_prints_alone_with_its_links_targets(page: Page, seed_site: Path) -> None:
    with serve(seed_site) as url:
        page.goto(f"{url}{SEED_ARTICLE}/")
        page.emulate_media(media="print")
        around = [
            ".md-header",
            ".md-sidebar",
            ".md-search",
            ".md-path",
            ".md-footer",
            "button.sxs-toggle",
            "button.sbs-toggle",
            ".md-top",
            "article .headerlink",
        ]
        assert page.locator(around[0]).count() == 1
        assert page.evaluate(HIDDEN, around) == [0] * len(around)
        assert page.locator("article h1").is_visible()
        external = "article a[href^='https://go.microsoft.com/']"
        href = page.locator(external).first.get_attribute("href")
        assert page.evaluate(AFTER, external) == f'" (" "{href}" ")"'.replace('" "', "")
        inner = "article a[href]:not([href^='http']):not(.headerlink)"
        if page.locator(inner).count():
            assert page.evaluate(AFTER, inner) in ("none", "normal")

"""The Content-Security-Policy bites where the sanitizer misses, and the site's own code lives
with it (``scripts/bilingual/site/csp.py``).

The hostile cases (``tests/fixtures/hostile``) are built with the sanitizer switched off, so
their payloads reach the pages as written. Without the policy (the meta tag taken out of the
same pages) the payloads run: the fixtures are live. With it none runs, and Chromium reports
the violations. On the seed site, searching, switching language, the English original on hover
and its toggle cause no violation at all.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

import bilingual.site.events
from conftest import HOSTILE_CASES, PREFIX, SEED_ARTICLE, hostile_sources
from webserver import serve

pytestmark = [pytest.mark.browser, pytest.mark.site]

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
  for (const a of document.querySelectorAll("a[href]")) {
    if (a.protocol === "javascript:") a.click();
  }
}"""
PWNED = "() => Boolean(document.documentElement.dataset.pwned || document.body.dataset.pwned)"
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
PAGES = [f"{PREFIX[code]}{case.name}/" for case in HOSTILE_CASES for code in ("lv", "en")]


@pytest.fixture(scope="module")
def unsanitized(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The hostile site built with the sanitizer off, served twice: as built (with the policy)
    and with the policy's meta tag taken out of every page; the two base URLs."""
    from bilingual.site.build import build
    from bilingual.split.full import split_tree

    root = tmp_path_factory.mktemp("unsanitized")
    split = split_tree(hostile_sources(root / "source"), root / "docs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bilingual.site.events, "sanitize_html", lambda html: html)
        build(split.translation, root / "docs", root / "site", jobs=1)
    bare = root / "bare"
    shutil.copytree(root / "site", bare)
    for page in bare.rglob("*.html"):
        page.write_text(POLICY_META.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    with serve(root / "site") as guarded, serve(bare) as unguarded:
        yield guarded, unguarded


def visit(page: Page, url: str) -> tuple[bool, list[str]]:
    """Open ``url``, fire pointer and focus events at every element and follow its
    ``javascript:`` links; whether a payload marked the page, and the violations reported."""
    page.add_init_script(RECORD)
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto(url, wait_until="load")
    page.evaluate(POKE)
    page.wait_for_timeout(300)
    pwned = bool(page.evaluate(PWNED))
    violations: list[str] = page.evaluate("window.__violations")
    return pwned, violations


@pytest.fixture(scope="module")
def ran_without_policy(unsanitized: tuple[str, str], browser: object) -> list[str]:
    """The hostile pages whose payload runs when the policy is taken out."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    ran = []
    for path in PAGES:
        context = browser.new_context()
        pwned, _ = visit(context.new_page(), unsanitized[1] + path)
        context.close()
        if pwned:
            ran.append(path)
    return ran


def test_without_the_policy_the_unsanitized_payloads_run(ran_without_policy: list[str]) -> None:
    # 20 of the 32 pages, measured (CommonMark makes no link of a javascript: target, so the
    # writer itself writes none: the payloads that run are the sources' raw HTML)
    assert len(ran_without_policy) >= 18, ran_without_policy


@pytest.mark.parametrize("path", PAGES)
def test_the_policy_blocks_what_the_sanitizer_would_have_removed(
    page: Page, unsanitized: tuple[str, str], ran_without_policy: list[str], path: str
) -> None:
    pwned, violations = visit(page, unsanitized[0] + path)
    assert not pwned
    if path in ran_without_policy:
        assert violations, "a payload that runs without the policy is reported as a violation"


def test_the_site_s_own_code_runs_under_the_policy(page: Page, seed_site: Path) -> None:
    with serve(seed_site) as url:
        page.add_init_script(RECORD)
        page.goto(f"{url}{SEED_ARTICLE}/")
        sentence = page.locator("article .sxs").first
        sentence.hover()
        assert sentence.get_attribute("data-en")
        toggle = page.locator(".sxs-toggle")
        pressed = toggle.get_attribute("aria-pressed")
        toggle.click()
        assert toggle.get_attribute("aria-pressed") != pressed
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("401")
        box.press("End")
        page.locator(".md-search-result__item > a").first.wait_for()
        page.keyboard.press("Escape")
        page.locator(".md-select button").first.hover()
        page.locator("a.md-select__link[hreflang='en']").click()
        page.wait_for_url(f"{url}en/{SEED_ARTICLE}/")
        assert page.evaluate("window.__violations") == []


ICON = """() => [...document.querySelectorAll("article .admonition-title")].map((title) => {
  const style = getComputedStyle(title, "::before");
  return [style.maskImage || style.webkitMaskImage, style.backgroundColor, title.offsetHeight];
})"""


@pytest.fixture(scope="module")
def kinds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article with every kind of content the writer makes: alerts, code, tabs, images,
    math."""
    from conftest import SITES, build_source

    return build_source(SITES / "kinds", tmp_path_factory.mktemp("kinds"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_kind_of_content_runs_under_the_policy(
    page: Page, kinds_site: Path, prefix: str
) -> None:
    """No ``securitypolicyviolation`` on a page with alerts, code, tabs, images and math; the
    alerts' icons (Material's ``data:`` SVG masks) show, KaTeX draws the formulas with its
    fonts, the images load."""
    with serve(kinds_site) as url:
        page.add_init_script(RECORD)
        page.goto(f"{url}{prefix}every-kind/", wait_until="load")
        page.locator("article .katex").first.wait_for()
        page.locator("article .tabbed-labels label").nth(1).click()
        page.evaluate("document.fonts.ready")
        icons = page.evaluate(ICON)
        assert len(icons) == 2
        for mask, colour, height in icons:
            assert mask.startswith('url("data:image/svg+xml'), mask
            assert colour not in ("", "rgba(0, 0, 0, 0)")
            assert height > 0
        assert page.locator("article .katex-display").count() == 1
        assert page.evaluate("document.fonts.check('16px KaTeX_Main')")
        loaded = page.evaluate(
            "[...document.querySelectorAll('article img')].map((img) => img.naturalWidth)"
        )
        assert loaded
        assert all(width > 0 for width in loaded)
        assert page.locator("article pre code").count() >= 1
        assert page.evaluate("window.__violations") == []

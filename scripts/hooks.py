"""MkDocs events for the reader: notices, per-language search, page language, 404 pages.

A thin layer: each event asks mkdocs-static-i18n which language is being built and hands the
work to pure functions of ``bilingual``. mkdocs-static-i18n builds the default language, then
every other language inside the default build's ``on_post_build``; the events here run after
its own (priority -200), so the default language's files are written last and win.
``bilingual`` is imported from ``scripts/`` (``PYTHONPATH=scripts``, as the Makefile and tests set).
"""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual import notices, ui
from bilingual.alternates import add_x_default, set_content_language, set_language
from bilingual.hover import unwrap_in_code
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.search_index import language_index, with_search_base, with_search_worker

LUNR = Path(str(__import__("material").__file__)).parent / "templates/assets/javascripts/lunr/min"
BUILDS: list[str] = []
"""The languages whose builds are running, innermost last (static-i18n nests them)."""
NOT_FOUND: dict[str, str] = {}
"""The 404 page each language's build rendered, written to its folder after the build."""


def _languages(config: Any) -> tuple[str, str, list[str]]:
    """The language being built, the default language, and every built language."""
    i18n = config.plugins["i18n"]
    current = BUILDS[-1] if BUILDS else i18n.current_language
    return current, i18n.default_language, list(i18n.build_languages)


def _lunr_language(code: str) -> str | None:
    """The lunr language that stems ``code`` (``pt-BR`` -> ``pt``), or None (Latvian)."""
    language = code.split("-")[0].lower()
    if language == ENGLISH_CODE or (LUNR / f"lunr.{language}.min.js").exists():
        return language
    return None


def _prefix(code: str, default: str) -> str:
    return "" if code == default else f"{code}/"


def on_pre_build(*, config: Any) -> None:
    BUILDS.append(config.plugins["i18n"].current_language)


def on_build_error(*, error: Exception) -> None:
    BUILDS.clear()


def on_pre_template(template: Any, /, *, template_name: str, config: Any) -> Any:
    if template_name == "404.html":
        # The switcher of a 404 page offers each language's home, not the last page's alternates.
        # static-i18n sets ``extra.alternate`` as an attribute, which templates read first.
        config.extra.alternate = deepcopy(config.plugins["i18n"].extra_alternate)
    return template


def on_template_context(context: Any, /, *, template_name: str, config: Any) -> Any:
    if template_name == "404.html":
        current, _, _ = _languages(config)
        homes = {alt["lang"]: alt["link"] for alt in config.plugins["i18n"].extra_alternate}
        context["not_found"] = {
            "title": ui.text(current, "not_found_title"),
            "text": ui.text(current, "not_found_text"),
            "home": homes.get(current, "/"),
            "home_label": ui.text(current, "home_title"),
        }
    return context


def on_page_markdown(markdown: str, /, *, page: Page, config: Any, files: Any) -> str:
    current, _, _ = _languages(config)
    file_locale = getattr(page.file, "locale", current)
    blocks = []
    if file_locale != current:
        blocks.append(
            notices.fallback(current, site_language(current).name, site_language(file_locale).name)
        )
    elif current != ENGLISH_CODE and str(page.meta.get("ms.translationtype", "")).upper() == "MT":
        english = getattr(page.file, "alternates", {}).get(ENGLISH_CODE)
        if english is not None:
            blocks.append(
                notices.machine_translation(current, get_relative_url(english.url, page.url))
            )
    if current != ENGLISH_CODE and 'class="sxs"' in markdown:
        blocks.append(notices.hover_toggle(current))
    return notices.insert(markdown, blocks)


def on_page_content(html: str, /, *, page: Page, config: Any, files: Any) -> str:
    return unwrap_in_code(html)


def _localise(output: str, config: Any) -> str:
    current, default, _ = _languages(config)
    output = set_language(output, current, site_language(current).direction)
    output = add_x_default(output, default)
    output = with_search_worker(output)
    return output if current == default else with_search_base(output, current)


def on_post_page(output: str, /, *, page: Page, config: Any) -> str:
    current, _, _ = _languages(config)
    file_locale = getattr(page.file, "locale", current)
    if file_locale != current:
        output = set_content_language(output, file_locale, site_language(file_locale).direction)
    return _localise(output, config)


def on_post_template(output_content: str, /, *, template_name: str, config: Any) -> str:
    if template_name != "404.html":
        return output_content
    current, _, _ = _languages(config)
    NOT_FOUND[current] = _localise(output_content, config)
    return NOT_FOUND[current]


@event_priority(-200)
def on_post_build(*, config: Any) -> None:
    current, default, codes = _languages(config)
    BUILDS.pop()
    site = Path(config.site_dir)
    prefix = _prefix(current, default)
    if current in NOT_FOUND:
        target = site / prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(NOT_FOUND[current], encoding="utf-8")
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    others = [_prefix(code, default) for code in codes if code != current and code != default]
    stemmer = _lunr_language(current)
    index = language_index(json.loads(merged.read_text(encoding="utf-8")), prefix, others, stemmer)
    target = site / prefix / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )

"""MkDocs hooks (loaded through ``hooks:`` in mkdocs.yml): the thin layer over the core.

Each event asks mkdocs-static-i18n which language is being built and hands the work to pure
functions of ``bilingual``:

* ``on_page_markdown``: the page's front matter values become safe HTML text (the theme writes
  ``title``, ``description`` and ``author`` into the page unescaped), the page is dated by its
  source (``page_dates``) rather than by the day of the build, and its reader notices are chosen
  (fallback, machine translation, the English-original toggle).
* ``on_page_content``: inlined raster images become files, the article's HTML passes the
  sanitiser's allowlist (``bilingual.sanitize``), then the generator's own notices are inserted.
* ``on_env``: pages without a date of their own take the newest date of the site.
* page language, ``x-default`` alternates, per-language search index and 404 pages:
  mkdocs-static-i18n builds the default language, then every other language inside the default
  build's ``on_post_build``; the events here run after its own (priority -200), so the default
  language's files are written last and win.

``bilingual`` is imported from ``scripts/`` (``PYTHONPATH=scripts``, as the Makefile and tests set).
"""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual import notices, ui
from bilingual.alternates import add_x_default, set_content_language, set_language
from bilingual.hover import unwrap_in_code
from bilingual.inline_images import extract_inline_images
from bilingual.locales import ENGLISH_CODE, site_language
from bilingual.page_dates import newest, page_date
from bilingual.sanitize import plain_text, sanitize_html
from bilingual.search_index import language_index, with_search_base, with_search_worker

INLINE_IMAGES = "assets/inline/"
"""Where images inlined as ``data:`` URLs are written, relative to the site."""
LUNR = Path(str(__import__("material").__file__)).parent / "templates/assets/javascripts/lunr/min"
BUILDS: list[tuple[str, str, list[str]]] = []
"""The builds running, innermost last (static-i18n nests them): for each, the language being
built, the default language and every built language (read once per build, not per page)."""
NOT_FOUND: dict[str, str] = {}
"""The 404 page each language's build rendered, written to its folder after the build."""


DATES: dict[int, str | None] = {}
"""Each page's own date (``page_dates``), from ``on_page_markdown`` to ``on_env``."""
NOTICES: dict[int, list[str]] = {}
"""Each page's notices, from ``on_page_markdown`` to ``on_page_content``."""


def _languages(config: Any) -> tuple[str, str, list[str]]:
    """The language being built, the default language, and every built language."""
    if BUILDS:
        return BUILDS[-1]
    i18n = config.plugins["i18n"]
    return i18n.current_language, i18n.default_language, list(i18n.build_languages)


def _lunr_language(code: str) -> str | None:
    """The lunr language that stems ``code`` (``pt-BR`` -> ``pt``), or None (Latvian)."""
    language = code.split("-")[0].lower()
    if language == ENGLISH_CODE or (LUNR / f"lunr.{language}.min.js").exists():
        return language
    return None


def _prefix(code: str, default: str) -> str:
    return "" if code == default else f"{code}/"


def on_pre_build(*, config: Any) -> None:
    i18n = config.plugins["i18n"]
    BUILDS.append((i18n.current_language, i18n.default_language, list(i18n.build_languages)))


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


def _notices(markdown: str, page: Page, config: Any) -> list[str]:
    """The reader notices of a page: fallback, machine translation, the hover toggle."""
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
    return blocks


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
    current, default, codes = BUILDS.pop() if BUILDS else _languages(config)
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


def _safe_value(value: Any) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_safe_value(item) for item in value]
    return value


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    date = DATES[id(page)] = page_date(page.meta)
    for key, value in page.meta.items():
        page.meta[key] = _safe_value(value)
    if date is not None:
        page.update_date = date
    NOTICES[id(page)] = _notices(markdown, page, config)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = unwrap_in_code(html)  # a segment's span shows as text inside code: take it off
    folder_url = get_relative_url(INLINE_IMAGES, page.url)
    html, images = extract_inline_images(html, folder_url)
    folder = Path(config.site_dir) / INLINE_IMAGES
    for name, data in images.items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    # The generator's own notices go in after the sanitiser: their markup is not the source's.
    return notices.insert_html(sanitize_html(html), NOTICES.pop(id(page), []))


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    dates = [DATES.pop(id(page), None) for page in pages]
    site_date = newest(dates)
    if site_date is not None:
        for page, date in zip(pages, dates, strict=True):
            if date is None:
                page.update_date = site_date
    return env

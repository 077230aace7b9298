"""The MkDocs events of the help site: one object, ``SiteEvents``, holding the build's state.

``scripts/hooks.py`` (loaded through ``hooks:`` in mkdocs.yml, once per process: MkDocs keeps
it for every config, so ``on_config`` drops an earlier build's state) hands each event to a
method here, which hands the work to pure functions:

* ``on_page_markdown``: the page's front matter values become safe HTML text (the theme writes
  ``title``, ``description`` and ``author`` into the page unescaped), the page is dated by its
  source (``dates``) rather than by the day of the build, and its reader notices are chosen
  (fallback, machine translation, the reader's toggles: the English original on hover, side by
  side). Every page of ``docs/`` is the
  page writer's HTML (``pages``), not markdown: it is kept aside and Python-Markdown is handed
  nothing to render.
* ``on_page_content``: the page's HTML comes back; inlined raster images become files, the
  article's HTML passes the sanitiser's allowlist (``sanitize``), links without text are named
  by their address (``empty_links``), the page's table of contents is read off its headings
  (``toc``), a FAQ page (front matter ``help_faq: true``) gets its schema.org ``FAQPage`` block,
  built from the sanitised HTML (``faq_data``), then the generator's own notices are inserted;
  a translation page's English twins of its blocks (side by side) are cut off first, sanitised
  apart and written back after them (``side_by_side``).
* ``on_config``: the stylesheets and scripts the page writer's units bring (``pages.units``)
  are added to the theme's.
* ``on_page_context``: the page's branch of its tree and its breadcrumb (``navigation``).
* ``on_env``: pages without a date of their own take the newest date of the site; templates get
  ``help_text`` (``ui_text.text``) for their words in the page's language.
* page language, ``x-default`` alternates, per-language search index and 404 pages:
  mkdocs-static-i18n builds the default language, then every other language inside the default
  build's ``on_post_build``; ``on_post_build`` here runs after its own (priority -200), so the
  default language's files are written last and win.

What mkdocs-static-i18n and Material do not promise is read through ``internals``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from bilingual import ui_text
from bilingual.locales import ENGLISH_CODE, SiteLanguage, name_in, site_language
from bilingual.pages import units
from bilingual.pages.faq import FAQ_KEY
from bilingual.pages.home import INDEX_KEY, NO_LANDING, NOTICE
from bilingual.site import internals, notices
from bilingual.site.alternates import (
    add_x_default,
    own_tags,
    set_content_language,
    set_language,
)
from bilingual.site.csp import with_policy
from bilingual.site.empty_links import name_empty_links
from bilingual.site.faq_data import faq_block
from bilingual.site.inline_images import extract_inline_images
from bilingual.site.languages import configured, split_languages, split_names
from bilingual.site.navigation import (
    PageData,
    Tree,
    branch_html,
    breadcrumb,
    load_page_data,
    page_tree,
)
from bilingual.site.redirects import write_redirects
from bilingual.site.sanitize import plain_text, sanitize_html
from bilingual.site.search.shards import write_language
from bilingual.site.search_index import with_search_base, with_search_worker
from bilingual.site.side_by_side import english_template, has_english, split_english
from bilingual.site.toc import page_toc
from bilingual.source.dates import iso_date, newest, page_date
from bilingual.split.trees import BEHIND_KEY

INLINE_IMAGES = "assets/inline/"
"""Where images inlined as ``data:`` URLs are written, relative to the site."""


def add_assets(config: Any) -> None:
    """The stylesheets and scripts of every unit of the page writer, after the theme's own."""
    sheets, scripts = units.assets()
    for at, sheet in enumerate(s for s in sheets if s not in config.extra_css):
        config.extra_css.insert(min(1 + at, len(config.extra_css)), sheet)
    present = {str(script) for script in config.extra_javascript}
    for at, script in enumerate(s for s in scripts if s not in present):
        config.extra_javascript.insert(min(at, len(config.extra_javascript)), script)


def safe_value(value: Any) -> Any:
    """A front matter value as plain HTML text (lists item by item)."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [safe_value(item) for item in value]
    return value


UNRESOLVED = re.compile(
    r"""\shref=["']((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"'?#]*\.md)(?:[?#][^"']*)?["']"""
)
"""A relative link to a source page in a page's HTML: the writer makes every link to a page of
the site the built page's address, so one left is a page the site does not have."""
log = logging.getLogger("mkdocs.plugins.bilingual")


def unresolved_links(html: str) -> list[str]:
    """The links of ``html`` to source pages the site does not have (``UNRESOLVED``)."""
    return UNRESOLVED.findall(html)


TEMPLATE_CACHE = Path(__file__).resolve().parents[3] / ".cache" / "jinja"
"""Where Jinja keeps the theme's templates compiled (git-ignored ``.cache/``), for every build
and every language's process: each compiled them again, about a quarter of a second."""


def template_cache() -> Any:
    """Jinja's cache of compiled templates in ``TEMPLATE_CACHE`` (keyed by each template's
    source, so an edited template is compiled again)."""
    from jinja2 import FileSystemBytecodeCache

    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(TEMPLATE_CACHE))


@dataclass(slots=True)
class SiteEvents:
    """The help site's MkDocs events and the state they pass on within one build."""

    builds: list[internals.BuildLanguages] = field(default_factory=list)
    """The builds running, innermost last (static-i18n nests them), each with its languages
    (read once per build, not per page)."""
    not_found: dict[str, str] = field(default_factory=dict)
    """The 404 page each language's build rendered, written to its folder after the build."""
    dates: dict[int, str | None] = field(default_factory=dict)
    """Each page's own date, from ``on_page_markdown`` to ``on_env``."""
    page_notices: dict[int, list[str]] = field(default_factory=dict)
    """Each page's reader notices, from ``on_page_markdown`` to ``on_page_content``."""
    bodies: dict[int, str] = field(default_factory=dict)
    """Each page's HTML (the page writer's), from ``on_page_markdown`` to ``on_page_content``."""
    trees: dict[tuple[str, str], Tree | None] = field(default_factory=dict)
    """Each (language, folder)'s tree (``site.navigation``), read once per build."""
    page_data: dict[str, PageData] = field(default_factory=dict)
    """Each language's TOC choices and breadcrumb places (``site.navigation``), read once."""
    known: dict[str, SiteLanguage] = field(default_factory=dict)
    """The site's languages as the split recorded them, by folder (``tl`` is ``fil``)."""
    published: Path | None = None
    """In a warm build (``site.warm``), the site it brings up to date: its search files are
    linked where they stay the same."""
    redirect_pages: bool = True
    """Whether ``on_post_build`` writes the redirect pages: not in a warm build (``site.warm``),
    which writes only what changed into a folder of its own, the site's pages elsewhere."""

    def language(self, code: str) -> SiteLanguage:
        """The site language whose folder is ``code``, its tag as the split recorded it."""
        return self.known.get(code) or site_language(code)

    def languages(self, config: Any) -> internals.BuildLanguages:
        """The languages of the build running now."""
        return self.builds[-1] if self.builds else internals.languages(config)

    def on_config(self, config: Any) -> Any:
        """A new build: MkDocs keeps the hooks module (and so this object) for every config it
        loads in one process, so the state of an earlier build is dropped here — not when
        static-i18n's build of another language, nested in the default's, starts."""
        if self.builds:
            return config
        internals.faster_files(config)
        add_assets(config)
        languages = split_languages(Path(config.docs_dir))
        self.known = {language.code: language for language in languages or []}
        if languages is not None:  # the split's languages, for builds MkDocs starts (serve)
            internals.set_languages(
                config, configured(languages, split_names(Path(config.docs_dir)))
            )
        self.builds.clear()
        self.not_found.clear()
        self.dates.clear()
        self.page_notices.clear()
        self.bodies.clear()
        self.trees.clear()
        self.page_data.clear()
        return config

    def on_pre_build(self, *, config: Any) -> None:
        self.builds.append(internals.languages(config))

    def on_build_error(self, *, error: Exception) -> None:
        self.builds.clear()

    def on_pre_template(self, template: Any, /, *, template_name: str, config: Any) -> Any:
        if template_name == "404.html":
            # The switcher of a 404 page offers each language's home, not the last page's
            # alternates. static-i18n sets ``extra.alternate`` as an attribute, read first.
            config.extra.alternate = internals.home_alternates(config)
        return template

    def on_template_context(self, context: Any, /, *, template_name: str, config: Any) -> Any:
        if template_name == "404.html":
            current = self.languages(config).current
            context["not_found"] = {
                "title": ui_text.html_text(current, "not_found_title"),
                "text": ui_text.html_text(current, "not_found_text"),
                "home": internals.language_homes(config).get(current, "/"),
                "home_label": ui_text.html_text(current, "home_title"),
            }
        return context

    def reader_notices(self, markdown: str, page: Any, config: Any) -> list[str]:
        """The reader notices of a page: fallback, machine translation, the reader's toggles."""
        current = self.languages(config).current
        locale = internals.file_locale(page.file, current)
        blocks = []
        dated = iso_date(page.meta.get("ms.date"))
        if dated is not None:
            blocks.append(notices.article_date(current, dated))
        if locale != current:
            blocks.append(
                notices.fallback(current, name_in(current, current), name_in(locale, current))
            )
        elif (
            current != ENGLISH_CODE and str(page.meta.get("ms.translationtype", "")).upper() == "MT"
        ):
            translated = internals.file_alternates(page.file).get(ENGLISH_CODE)
            if translated is not None:
                blocks.append(
                    notices.machine_translation(current, get_relative_url(translated.url, page.url))
                )
        english = internals.file_alternates(page.file).get(ENGLISH_CODE)
        if locale == current and page.meta.get(BEHIND_KEY) and english is not None:
            blocks.append(notices.english_changed(current, get_relative_url(english.url, page.url)))
        if page.meta.get(NOTICE) == NO_LANDING:
            blocks.append(notices.no_landing(current))
        hover = 'class="sxs"' in markdown
        beside = has_english(markdown)
        if current != ENGLISH_CODE and (hover or beside):
            blocks.append(notices.toggles(current, hover, beside))
        if locale != current:  # the article is in its own language; these are the page's
            tag = self.language(current).lang
            blocks = [notices.in_language(block, tag) for block in blocks]
        return blocks

    def localise(self, output: str, config: Any) -> str:
        """A built page in the language being built: ``lang``/``dir``, alternates, search."""
        build = self.languages(config)
        output = set_language(
            output, self.language(build.current).lang, self.language(build.current).direction
        )
        output = add_x_default(output, build.default)
        tags = {code: self.language(code).lang for code in build.built}
        output = own_tags(output, {code: tag for code, tag in tags.items() if tag != code})
        output = with_search_worker(output)
        if build.current != build.default:
            output = with_search_base(output, build.current)
        return with_policy(output)  # last: it hashes the page's inline scripts as they are

    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        """The page's branch of the docset's tree, for ``overrides/partials/nav.html``, and its
        breadcrumb after the home page, for ``overrides/partials/path.html``."""
        build = self.languages(config)
        docs = Path(config.docs_dir)
        source = page.file.src_uri.split("/", 1)[-1]  # below its language's folder
        if build.current not in self.page_data:
            self.page_data[build.current] = load_page_data(docs, build.current)
        data = self.page_data[build.current]
        tree = page_tree(docs, build.current, source, data, self.trees)
        prefix = build.prefix(build.current)
        address = page.url.removeprefix(prefix) if page.url.startswith(prefix) else page.url
        if tree is not None:
            label = ui_text.text(build.current, "toc_label")
            context["help_toc"] = branch_html(tree, address, prefix, label)
        index = bool(page.meta.get(INDEX_KEY))
        context["help_crumbs"] = breadcrumb(source, address, tree, data, index)
        return context

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        current = self.languages(config).current
        locale = internals.file_locale(page.file, current)
        if locale != current:
            output = set_content_language(
                output, self.language(locale).lang, self.language(locale).direction
            )
        return self.localise(output, config)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: Any) -> str:
        if template_name != "404.html":
            return output_content
        current = self.languages(config).current
        self.not_found[current] = self.localise(output_content, config)
        return self.not_found[current]

    @event_priority(-200)
    def on_post_build(self, *, config: Any) -> None:
        build = self.builds.pop() if self.builds else internals.languages(config)
        site = Path(config.site_dir)
        prefix = build.prefix(build.current)
        if build.current in self.not_found:
            target = site / prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.not_found[build.current], encoding="utf-8")
        apart = tuple(code for code in build.built if code != build.current)
        direction = self.language(build.current).direction
        if self.redirect_pages:
            write_redirects(Path(config.docs_dir), site, build.current, prefix, direction, apart)
        merged = site / "search" / "search_index.json"
        if not merged.exists():
            return
        others = [
            build.prefix(code) for code in build.built if code not in (build.current, build.default)
        ]
        merged_index = json.loads(merged.read_text(encoding="utf-8"))
        reuse = self.published / prefix / "search" if self.published is not None else None
        write_language(merged_index, site, prefix, others, build.current, reuse)

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        date = self.dates[id(page)] = page_date(page.meta)
        for key, value in page.meta.items():
            page.meta[key] = safe_value(value)
        if date is not None:
            page.update_date = date
        self.page_notices[id(page)] = self.reader_notices(markdown, page, config)
        self.bodies[id(page)] = markdown
        return ""  # the page is HTML already: Python-Markdown has nothing to do

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        html = self.bodies.pop(id(page), html)
        folder_url = get_relative_url(INLINE_IMAGES, page.url)
        html, images = extract_inline_images(html, folder_url)
        folder = Path(config.site_dir) / INLINE_IMAGES
        for name, data in images.items():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        html, english = split_english(html)  # sanitised apart: a <template> is a document
        # The generator's own notices go in after the sanitiser: their markup is not the source's.
        html = name_empty_links(sanitize_html(html))  # a link without text is named by its address
        for target in unresolved_links(html):  # as MkDocs says of a markdown page's: strict fails
            log.warning(
                f"Doc file '{page.file.src_uri}' contains a link '{target}', but the target is "
                "not found among documentation files."
            )
        page.toc = page_toc(html)
        if page.meta.get(FAQ_KEY) is True:  # read off the sanitised HTML, a data block
            html += faq_block(html, page.canonical_url)
        html = notices.insert_html(html, self.page_notices.pop(id(page), []))
        if english and self.languages(config).current != ENGLISH_CODE:  # the view's toggle is on it
            html += english_template(english)
        return html

    def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
        # Material's own words in the language being built: the one it has for the locale, else
        # for its base language (zh for zh-CN), else English (static-i18n sets the locale as it is)
        config.theme["language"] = internals.theme_language(self.languages(config).current)
        env.globals["help_text"] = ui_text.text  # the templates' own words (partials/palette.html)
        env.globals["help_language"] = self.languages(config).current  # partials/alternate.html
        env.filters["bcp47"] = lambda code: self.language(str(code)).lang  # overrides/sitemap.xml
        env.globals["help_sitemap"] = internals.writes_sitemap(config)
        env.bytecode_cache = template_cache()  # the theme's templates compiled once, not per build
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        dates = [self.dates.pop(id(page), None) for page in pages]
        site_date = newest(dates)
        if site_date is not None:
            for page, date in zip(pages, dates, strict=True):
                if date is None:
                    page.update_date = site_date
        return env

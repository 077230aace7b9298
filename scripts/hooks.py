"""MkDocs hooks (loaded through ``hooks:`` in mkdocs.yml): the thin layer over the core.

* ``on_page_markdown``: the page's front matter values become safe HTML text (the theme writes
  ``title``, ``description`` and ``author`` into the page unescaped), and the page is dated by
  its source (``page_dates``) rather than by the day of the build.
* ``on_page_content``: inlined raster images become files, then the article's HTML passes the
  sanitiser's allowlist (``bilingual.sanitize``).
* ``on_env``: pages without a date of their own take the newest date of the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual.inline_images import extract_inline_images
from bilingual.page_dates import newest, page_date
from bilingual.sanitize import plain_text, sanitize_html

INLINE_IMAGES = "assets/inline/"
"""Where images inlined as ``data:`` URLs are written, relative to the site."""


def _safe_value(value: Any) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_safe_value(item) for item in value]
    return value


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    date = page_date(page.meta)
    for key, value in page.meta.items():
        page.meta[key] = _safe_value(value)
    if date is not None:
        page.update_date = date
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    folder_url = get_relative_url(INLINE_IMAGES, page.url)
    html, images = extract_inline_images(html, folder_url)
    folder = Path(config.site_dir) / INLINE_IMAGES
    for name, data in images.items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return sanitize_html(html)


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    site_date = newest(page_date(page.meta) for page in pages)
    if site_date is not None:
        for page in pages:
            if page_date(page.meta) is None:
                page.update_date = site_date
    return env

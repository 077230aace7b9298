"""The thin MkDocs layer: build or serve the pages that ``tree.split_tree`` wrote.

``mkdocs.yml`` reads the site's languages from the environment (``!ENV``), so one config serves
any source locale: ``environment`` gives the variables for a split, and ``build`` and ``serve``
set them before MkDocs loads the config.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import progress, ui
from .locales import SiteLanguage

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "mkdocs.yml"


def environment(translation: SiteLanguage) -> dict[str, str]:
    """The variables ``mkdocs.yml`` reads for a site whose default language is ``translation``."""
    return {
        "SITE_LANGUAGE": translation.code,
        "SITE_LANGUAGE_NAME": translation.name,
        "SITE_DIRECTION": translation.direction,
        "SITE_NAME_TRANSLATION": os.environ.get("SITE_NAME_TRANSLATION")
        or ui.text(translation.code, "site_name"),
    }


@contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _progress_plugin() -> Any:
    """A plugin counting the pages of each language's build on stderr (``progress.shown()``)."""
    import sys

    from mkdocs.plugins import BasePlugin

    class BuildProgress(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        total = 0
        done = 0
        language = ""

        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> None:
            self.total = len(files.documentation_pages())  # static-i18n kept one language
            self.done = 0
            self.language = str(config.theme.get("language", ""))

        def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
            self.done += 1
            if self.done % 50 == 0 or self.done == self.total:
                end = "\n" if self.done == self.total else ""
                line = f"\rbuild: {self.language} {self.done}/{self.total}"
                print(line, end=end, file=sys.stderr, flush=True)
            return output

    return BuildProgress()


@contextmanager
def _shared_markdown() -> Iterator[None]:
    """MkDocs sets up a new Markdown converter, every extension again, for each page: with
    thousands of pages that is about a tenth of the build. Python-Markdown converters are made
    to be reused (``reset()`` clears each extension's state; MkDocs' own per-page processors
    replace the previous page's, registered under the same names), so a build shares one per
    set of extensions."""
    import markdown  # type: ignore[import-untyped]
    from mkdocs.structure import pages

    pool: dict[tuple[int, str], tuple[object, Any]] = {}

    class SharedMarkdownModule:
        """``markdown`` as ``mkdocs.structure.pages`` sees it, with a shared ``Markdown``."""

        def __getattr__(self, name: str) -> Any:
            return getattr(markdown, name)

        @staticmethod
        def Markdown(*, extensions: Any, extension_configs: Any) -> Any:
            key = (id(extensions), repr(extension_configs))
            kept = pool.get(key)
            if kept is not None and kept[0] is extensions:
                return kept[1].reset()
            converter = markdown.Markdown(
                extensions=extensions, extension_configs=extension_configs
            )
            pool[key] = (extensions, converter)
            return converter

    original = getattr(pages, "markdown")  # noqa: B009
    setattr(pages, "markdown", SharedMarkdownModule())  # noqa: B010
    try:
        yield
    finally:
        setattr(pages, "markdown", original)  # noqa: B010


def build(translation: SiteLanguage, docs: Path, site: Path, *, strict: bool = False) -> None:
    """Build the site from the pages in ``docs`` into ``site``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with _environ(environment(translation)):
        config = load_config(
            str(CONFIG), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=strict
        )
        if progress.shown():
            config.plugins["bilingual-progress"] = _progress_plugin()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with _shared_markdown():
                mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


def serve(translation: SiteLanguage, docs: Path, address: str, source: Path | None = None) -> None:
    """Serve the site from ``docs`` with live reload; with ``source``, a change there is
    re-split at once (``watch.watch_source``) and the page reloads."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    observer = None
    if source is not None:
        from .watch import report_update, watch_source

        observer = watch_source(source, docs, report_update)
    try:
        with _environ(environment(translation)):
            mkdocs_serve(
                str(CONFIG), docs_dir=str(docs.resolve()), dev_addr=address, livereload=True
            )
    finally:
        if observer is not None:
            observer.stop()

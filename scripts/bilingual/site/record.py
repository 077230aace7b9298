"""The build's record: what each page of a language was made from, kept beside the site.

Every build of a language (``make site``'s, ``make serve``'s) carries ``Recorder``, a plugin
last in every event, which notes for each page: the digest of its ``docs/`` file, of its tree
branch and breadcrumb (``PAGE_NAV``: what other pages' titles and the TOC give it), of its
language switcher (``switcher``), its own date and the date the build gave it, whether it is an
index page, its Content-Security-Policy's script hashes, and its entries of the search index;
and for each static file of ``docs/`` the digest of its bytes. It also keeps what MkDocs holds
at the end of the build (the files, the navigation, the template environment), for a caller
that renders pages again (``live.language``).

``save`` writes a language's record as JSON into the record folder beside the site
(``.<site>.record/<code>.json``), with the build's ``key``: a digest of everything else a page
is made of (``mkdocs.yml``, ``overrides/``, the project's code and catalogs, the pinned
requirements, the environment ``mkdocs.yml`` reads, the site's languages). ``site.warm`` reads
it back to build only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bilingual.site import csp
from bilingual.source.dates import page_date

PAGE_NAV = ("help_toc", "help_crumbs")
"""What ``SiteEvents.on_page_context`` gives a page from the navigation data (its tree's branch
and its breadcrumb): a page depends on exactly these values of the other pages' titles."""
PROJECT = Path(__file__).resolve().parents[3]
KEYED = ("mkdocs.yml", "requirements.txt", "overrides", "scripts")
"""What every page is made of besides its own data, under the project (the key's inputs)."""
ENVIRONMENT = ("SITE_NAME", "SITE_URL", "SITE_NAME_TRANSLATION", "SITE_LANGUAGE")
"""The variables ``mkdocs.yml`` reads (``!ENV``), also in the key."""
RECORD = ".{name}.record"
"""The record's folder, beside the site."""
SITEMAPS = "sitemaps"
"""In the record's folder: each language's own sitemap (``<code>/sitemap.xml``, its ``.gz``),
as its build wrote it before the site's was merged from them."""
KEY = "key.json"
"""In the record's folder: the key of the build whose site is published (written last)."""


def digest(data: bytes | str) -> str:
    """A short, stable digest of a file's bytes or a value's text."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def switcher(file: Any) -> str:
    """The digest of what a page's language switcher and ``hreflang`` links are made of: its
    language and each alternate's address (static-i18n's ``alternates``)."""
    alternates = getattr(file, "alternates", None) or {}
    made = (getattr(file, "locale", None), *sorted((k, v.url) for k, v in alternates.items()))
    return digest(repr(made))


def navigation_digest(context: Any) -> str:
    """The digest of the navigation values a page's context holds (``PAGE_NAV``)."""
    return digest("\x00".join(repr(context.get(key)) for key in PAGE_NAV))


def folder_of(site: Path) -> Path:
    """The record folder of ``site`` (beside it)."""
    return site.resolve().parent / RECORD.format(name=site.resolve().name)


def build_key(docs: Path, strict: bool) -> str:
    """The digest of what every page is made of besides its own data (``KEYED``,
    ``ENVIRONMENT``, the site's languages in ``docs/``, strict mode)."""
    parts = [f"strict={strict}", str(docs.resolve())]
    parts += [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
    for name in KEYED:
        path = PROJECT / name
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in found:
            if file.is_file() and "__pycache__" not in file.parts:
                parts.append(f"{file.relative_to(PROJECT)}={digest(file.read_bytes())}")
    for file in sorted(docs.glob(".pages.json")):
        parts.append(f"{file.name}={digest(file.read_bytes())}")
    return digest("\n".join(parts))


@dataclass(slots=True)
class PageRecord:
    """What one page's HTML was made from, and what it gave the site."""

    source: str
    """The digest of its ``docs/`` file."""
    navigation: str
    """The digest of its branch of the tree and its breadcrumb."""
    switcher: str
    """The digest of its language switcher (``switcher``)."""
    date: str | None
    """Its own date (``ms.date``), which the sitemap and undated pages' dates read."""
    update_date: str = ""
    """The date the build gave it (its own, else the site's newest)."""
    index: bool = False
    """Whether it is an index page (its breadcrumb reads it)."""
    dest: str = ""
    """Its file in the site (``en/a/index.html``)."""
    hashes: list[str] = field(default_factory=list)
    """The script hashes its Content-Security-Policy allows."""
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Its entries of Material's search index, in order."""


def search_index(config: Any) -> Any:
    """Material's search index of the build of ``config`` (``None`` with search off)."""
    plugin = config.plugins.get("search") or config.plugins.get("material/search")
    return getattr(plugin, "search_index", None)


def recorder() -> Any:
    """A ``Recorder`` plugin (made here: MkDocs is imported only when a build runs)."""
    from mkdocs.plugins import BasePlugin, event_priority

    from bilingual.pages.home import INDEX_KEY

    class Recorder(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        """Last in every event (but the first of ``on_files``): keeps the build's state and
        each page's record."""

        def __init__(self) -> None:
            self.nav: Any = None
            self.env: Any = None
            self.files: Any = None
            self.found: list[Any] = []
            """The files as MkDocs found them (``docs/``'s, then the theme's), before any
            plugin chose among them: the first in ``on_files``."""
            self.records: dict[str, PageRecord] = {}
            self.seen = 0
            """Search entries already recorded: those after it are the page's being built."""

        @event_priority(1000)
        def on_files(self, files: Any, /, *, config: Any) -> Any:
            self.found = list(files)
            return files

        @event_priority(-1000)
        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> Any:
            self.nav = nav
            return nav

        @event_priority(-1000)
        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            self.env, self.files = env, files
            return env

        @event_priority(-1000)
        def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
            index = search_index(config)
            entries = list(index.entries[self.seen :]) if index is not None else []
            self.seen = len(index.entries) if index is not None else 0
            self.records[page.file.src_uri] = PageRecord(
                digest(page.file.content_bytes),
                navigation_digest(context),
                switcher(page.file),
                page_date(page.meta),
                str(page.update_date),
                bool(page.meta.get(INDEX_KEY)),
                page.file.dest_uri,
                [],
                entries,
            )
            return context

        @event_priority(-1000)
        def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
            record = self.records.get(page.file.src_uri)
            if record is not None:
                record.hashes = sorted(csp.output_hashes(output))
            return output

    return Recorder()


def statics_of(files: Any, docs: Path) -> dict[str, str]:
    """The digest of each static file of ``docs/`` among ``files``, by its ``docs/`` path."""
    root = str(docs.resolve())
    found = {}
    for file in files.static_pages():
        if file.abs_src_path and file.abs_src_path.startswith(root + os.sep):
            source = Path(file.abs_src_path).relative_to(root).as_posix()
            found[source] = digest(Path(file.abs_src_path).read_bytes())
    return found


def navigation_data(docs: Path, code: str) -> dict[str, str]:
    """The digest of each file of ``docs/`` the pages' trees and breadcrumbs are read from
    (language ``code``'s TOC trees and navigation data), and of the redirects."""
    from bilingual.site.navigation import PAGE_DATA
    from bilingual.site.redirects import REDIRECTS

    found = [*sorted((docs / code).rglob("toc.json")), docs / code / PAGE_DATA]
    found.append(docs / REDIRECTS)
    return {
        path.relative_to(docs).as_posix(): digest(path.read_bytes())
        for path in found
        if path.is_file()
    }


def keep_sitemap(folder: Path, code: str, site: Path) -> None:
    """Keep the sitemap language ``code``'s build wrote at the root of ``site``."""
    (folder / SITEMAPS / code).mkdir(parents=True, exist_ok=True)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site / name).is_file():
            shutil.copyfile(site / name, folder / SITEMAPS / code / name)


def publish(folder: Path, key: str) -> None:
    """The site of ``key`` is published: its record is valid."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / KEY).write_text(json.dumps({"key": key}), encoding="utf-8")


def published(folder: Path) -> str | None:
    """The key of the published site's record (``None``: no valid record)."""
    try:
        found = json.loads((folder / KEY).read_text(encoding="utf-8")).get("key")
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def save(
    folder: Path,
    code: str,
    records: dict[str, PageRecord],
    statics: dict[str, str],
    key: str,
    docs: Path,
) -> None:
    """Write language ``code``'s record into ``folder`` (whole, by rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "key": key,
        "pages": {source: asdict(record) for source, record in records.items()},
        "statics": statics,
        "navigation": navigation_data(docs, code),
    }
    made = folder / f".{code}.json.{os.getpid()}"
    made.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(made, folder / f"{code}.json")


@dataclass(slots=True)
class LanguageRecord:
    """A language's record as ``load`` reads it back."""

    pages: dict[str, PageRecord]
    statics: dict[str, str]
    navigation: dict[str, str]


def load(folder: Path, code: str, key: str) -> LanguageRecord | None:
    """Language ``code``'s record in ``folder``, or ``None`` (none, or made with another key)."""
    try:
        data = json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        pages = {source: PageRecord(**record) for source, record in data["pages"].items()}
        return LanguageRecord(pages, dict(data["statics"]), dict(data["navigation"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None

"""A warm ``make site``: only the pages whose record no longer holds, built again.

``build.build(record=True)`` keeps the build's record beside the site (``site.record``).
``warm_build`` reads it back: when its key still holds (the same project, configuration and
languages), each language is built by MkDocs in a worker process as a *dirty* build into a
scratch folder, every file's ``is_modified`` answered by the record (``WarmPlugin``): a page
is built again when its ``docs/`` file, its language switcher, or (when a TOC or the
navigation data changed) its tree branch or breadcrumb differ from what it was made of; a
static file of ``docs/`` when its bytes differ. The pages left alone give the build what it
reads of them from the record: their dates (the site's newest date, the sitemap's), their
search entries (in the build's order), their policy hashes. The files written are then moved
into the site by rename, each language's ``search/`` folder swapped in, the sitemap merged
again when a language's changed (``merge``, as ``build`` merges them) and ``_headers`` written
from every page's hashes.

A change a warm build cannot make exact is a full build, and ``warm_build`` says why: no record
or another key, a new newest date (every undated page's date), the redirects, a page added or
removed on a site with redirects (which give way to pages). While it runs, the record is not
valid (its key removed first), so a warm build killed part way leaves a site whose every file
is whole, and the next ``make site`` builds it whole.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilingual.locales import SiteLanguage
from bilingual.site import csp, internals, merge, publish, sitemaps
from bilingual.site import record as site_record
from bilingual.site.build import render_sitemap
from bilingual.site.redirects import REDIRECTS
from bilingual.source.dates import newest
from bilingual.split import workers

FIRST = ("no site yet", "no record of the last build")
"""The reasons of a first build: nothing to say about them."""
PENDING = "pending"
"""In the record's folder: each language's new record, until the site is up to date."""


@dataclass(slots=True)
class Warmed:
    """What one language's warm build did."""

    code: str
    files: list[str] = field(default_factory=list)
    """Files written into the language's scratch folder, relative to it (and to the site)."""
    removed: list[str] = field(default_factory=list)
    """Files of the site whose page or static file is gone."""
    pages: int = 0
    """Pages built again."""
    search: str | None = None
    """The language's search folder when it was written again (``en/search``)."""
    sitemap: bool = False
    """Whether the language's sitemap was written again."""
    hashes: list[str] = field(default_factory=list)
    """The script hashes of every page of the language (for ``_headers``)."""
    full: str | None = None
    """Why only a full build is exact, when it is."""


def warm_plugins(
    previous: site_record.LanguageRecord, docs: Path, code: str, done: Warmed
) -> tuple[Any, Any]:
    """The plugins that answer ``is_modified`` from the record and give the build what it
    reads of the pages left alone, and that keep the search files when no entry changed."""
    from mkdocs.plugins import BasePlugin, event_priority

    from bilingual.pages.home import INDEX_KEY

    class WarmPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        kept: dict[int, site_record.PageRecord] = {}  # noqa: RUF012 (one per build)

        @event_priority(-1000)
        def on_files(self, files: Any, /, *, config: Any) -> Any:
            root = str(docs.resolve())
            for file in files:
                if file.is_documentation_page():
                    continue
                source = file.abs_src_path or ""
                if source.startswith(root + os.sep):
                    path = Path(source).relative_to(root).as_posix()
                    changed = previous.statics.get(path) != site_record.digest(file.content_bytes)
                else:
                    changed = False  # the theme's, as the last build copied them
                file.is_modified = lambda changed=changed: changed
            return files

        @event_priority(-1000)
        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> Any:
            events = internals.site_events(config)
            pages = files.documentation_pages()
            now = site_record.navigation_data(docs, code)
            navigation = now != previous.navigation
            known = {file.src_uri for file in pages}
            gone = [source for source in previous.pages if source not in known]
            added = [file for file in pages if file.src_uri not in previous.pages]
            if previous.navigation.get(REDIRECTS) != now.get(REDIRECTS):
                done.full = "the redirects changed"
            if (gone or added) and (docs / REDIRECTS).is_file():
                done.full = "a page added or removed on a site with redirects"
            done.removed += [previous.pages[source].dest for source in gone]
            done.removed += [
                path.partition("/")[2] if code == internals.languages(config).default else path
                for path in previous.statics
                if not (docs / path).is_file()
            ]
            done.sitemap = bool(gone or added)
            self.kept = {}
            listed = {id(page) for page in nav.pages}  # the home page: other pages show its title
            different = 0
            for file in pages:
                record = previous.pages.get(file.src_uri)
                changed = (
                    record is None
                    or record.source != site_record.digest(file.content_bytes)
                    or record.switcher != site_record.switcher(file)
                )
                if not changed and navigation and record is not None:
                    file.page.meta[INDEX_KEY] = record.index
                    context = events.on_page_context({}, page=file.page, config=config, nav=nav)
                    changed = site_record.navigation_digest(context) != record.navigation
                different += changed
                if not changed and record is not None and id(file.page) not in listed:
                    self.kept[id(file.page)] = record
                built = changed or id(file.page) in listed
                file.is_modified = lambda built=built: built
            if different or gone:  # else its search files stay as they are: no entry changed
                building = internals.languages(config)
                done.search = f"{building.prefix(building.current)}search"
            return nav

        @event_priority(1000)
        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            events = internals.site_events(config)
            for file in files.documentation_pages():
                record = self.kept.get(id(file.page))
                if record is not None:  # its dates: for the site's newest, for the sitemap
                    events.dates[id(file.page)] = record.date
                    file.page.update_date = record.update_date
            dates = [events.dates.get(id(f.page)) for f in files.documentation_pages()]
            before = newest(record.date for record in previous.pages.values())
            if newest(dates) != before:
                done.full = "the newest page's date changed (the undated pages' date)"
            return env

        @event_priority(1000)
        def on_post_build(self, *, config: Any) -> None:
            recorder = config.plugins["bilingual-record"]
            index = site_record.search_index(config)
            pages = recorder.files.documentation_pages()
            if index is not None:  # every page's entries, in the build's order
                index.entries = [
                    entry
                    for file in pages
                    if file.src_uri in recorder.records
                    for entry in recorder.records[file.src_uri].entries
                ]

    class SearchGate(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        """Between Material's search index and the site's search files (``SiteEvents``):
        when no entry changed, Material's index is removed, so none is written again."""

        @event_priority(-150)
        def on_post_build(self, *, config: Any) -> None:
            if done.search is None:
                (Path(config.site_dir) / "search" / "search_index.json").unlink(missing_ok=True)

    return WarmPlugin(), SearchGate()


def _warm_language(
    translation: SiteLanguage,
    docs: Path,
    scratch: Path,
    strict: bool,
    code: str,
    codes: list[str],
    folder: Path,
    key: str,
    site: Path,
) -> Warmed:
    """In a worker: language ``code`` of ``site`` built dirty into ``scratch`` (see the
    module)."""
    from bilingual.site.build import _environ, _load, environment, run_mkdocs

    done = Warmed(code)
    previous = site_record.load(folder, code, key)
    if previous is None:
        done.full = f"no record of {code}"
        return done
    with _environ(environment(translation)):
        config = _load(docs, scratch, strict)
        internals.build_one_language(config, None if code == codes[0] else code)
        internals.site_events(config).redirect_pages = False
        internals.site_events(config).published = site
        recorder = config.plugins["bilingual-record"] = site_record.recorder()
        recorder.records.update(previous.pages)
        warm, gate = warm_plugins(previous, docs, code, done)
        config.plugins["bilingual-warm"] = warm
        config.plugins["bilingual-warm-search"] = gate
        config.theme.static_templates.discard("404.html")  # the same: the key holds
        sitemap = "sitemap.xml" in config.theme.static_templates
        config.theme.static_templates.discard("sitemap.xml")
        run_mkdocs(config, dirty=True)
        if done.full is not None:
            return done
        for source in list(recorder.records):
            if recorder.files.get_file_from_path(source) is None:
                del recorder.records[source]  # gone
        done.pages = len(recorder.records) - len(warm.kept)
        dated = any(
            previous.pages.get(source) is None or previous.pages[source].date != record.date
            for source, record in recorder.records.items()
        )
        if sitemap and (done.sitemap or dated):
            done.sitemap = True
            render_sitemap(config, recorder.env, recorder.files, recorder.nav)
    done.files = sorted(
        path.relative_to(scratch).as_posix()
        for path in scratch.rglob("*")
        if path.is_file()
        and not path.relative_to(scratch).as_posix().startswith(done.search or "\0")
    )
    done.hashes = sorted({h for record in recorder.records.values() for h in record.hashes})
    statics = site_record.statics_of(recorder.files, docs)
    site_record.save(folder / PENDING, code, recorder.records, statics, key, docs)
    return done


def warm_build(
    translation: SiteLanguage, docs: Path, site: Path, strict: bool = False
) -> str | None:
    """Bring ``site`` up to date with ``docs`` from the last build's record, building only
    what changed; ``None`` when done, else why a full build is needed (nothing written then)."""
    from bilingual.site.build import site_codes

    folder = site_record.folder_of(site)
    key = site_record.build_key(docs, strict)
    if not site.is_dir():
        return "no site yet"
    found = site_record.published(folder)
    if found is None:
        return "no record of the last build"
    if found != key:
        return "the project, its configuration or the site's languages changed"
    codes = site_codes(docs)
    scratch = _scratch(site)
    shutil.rmtree(folder / PENDING, ignore_errors=True)
    try:
        with workers.pool(min(workers.jobs(), len(codes))) as pool:
            asked = [
                pool.submit(
                    _warm_language,
                    translation,
                    docs,
                    scratch / code,
                    strict,
                    code,
                    codes,
                    folder,
                    key,
                    site,
                )
                for code in codes
            ]
            done = [future.result() for future in asked]
        reasons = [warmed.full for warmed in done if warmed.full is not None]
        if reasons:
            return reasons[0]
        (folder / site_record.KEY).unlink()  # a warm build killed from here: the next is whole
        _apply(site, scratch, done, codes)
        for code in codes:
            os.replace(folder / PENDING / f"{code}.json", folder / f"{code}.json")
        site_record.publish(folder, key)
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(folder / PENDING, ignore_errors=True)


def _scratch(site: Path) -> Path:
    """The warm build's folder beside ``site`` (``.site.warm-<pid>``); those left by warm
    builds killed part way are removed."""
    parent, prefix = site.resolve().parent, f".{site.resolve().name}.warm-"
    for left in parent.glob(f"{prefix}*"):
        pid = left.name.removeprefix(prefix)
        if not (pid.isdigit() and workers.alive(int(pid))) or int(pid) == os.getpid():
            shutil.rmtree(left, ignore_errors=True)
    folder = parent / f"{prefix}{os.getpid()}"
    folder.mkdir()
    return folder


def _apply(site: Path, scratch: Path, done: list[Warmed], codes: list[str]) -> None:
    """Move each language's files into the site (``merge.move_in``), swap its search folder
    in, merge the sitemaps again where a language's changed, write ``_headers``."""
    written = {relative for warmed in done for relative in warmed.files}
    publish.remove(site, {r for warmed in done for r in warmed.removed} - written)
    for warmed in done:
        merge.move_in(site, scratch / warmed.code, warmed.files, warmed.code == codes[0])
        if warmed.search is not None:
            publish.swap_folder(site / warmed.search, scratch / warmed.code / warmed.search)
    if any(warmed.sitemap for warmed in done):
        folder = site_record.folder_of(site)
        for warmed in (warmed for warmed in done if warmed.sitemap):  # the record keeps each
            site_record.keep_sitemap(folder, warmed.code, scratch / warmed.code)  # own one
        kept = folder / site_record.SITEMAPS
        sitemaps.merged_sitemaps(site, scratch, [kept / code for code in codes])
    csp.write_policy(site, {h for warmed in done for h in warmed.hashes})

"""One language of the site kept built: its MkDocs state held, to render a page again alone.

``LanguageBuild.build`` builds one language exactly as ``site.build`` builds it in a worker (the
default language at the site's root, another into a folder of its own, merged in after), and
keeps what MkDocs holds at the end of that build: the configuration with its plugins, the files,
the navigation, the template environment, each page. It also keeps a **record** of what each
page's HTML was made from (``site.record.PageRecord``): its ``docs/`` file, the branch of the tree and the
breadcrumb it shows (read from the navigation data other pages' titles make), its own date, and
the search entries it gave.

``render`` then renders only the pages whose record no longer holds — MkDocs' own
``_populate_page`` and ``_build_page``, with every plugin's page events, on the same objects —
into a scratch folder, for the caller to move into the served site file by file. ``search``
writes the language's search files again from every page's entries, in the build's order. A
change ``render`` cannot place page by page (a page added or removed, a page's own date, which
dates the pages without one and the sitemap) is returned as the reason for a full build.
"""

from __future__ import annotations

import bisect
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilingual.locales import SiteLanguage
from bilingual.site import i18n_files, internals
from bilingual.site.record import (
    PageRecord,
    digest,
    navigation_digest,
    recorder,
    search_index,
    statics_of,
    switcher,
)
from bilingual.source.dates import newest


@dataclass(slots=True)
class Rendered:
    """What ``render`` did: the files written under the scratch folder, or why it could not."""

    files: list[str] = field(default_factory=list)
    """Written files, relative to the site (and to the scratch folder)."""
    removed: list[str] = field(default_factory=list)
    """Files of the site whose source is gone (an image deleted), relative to the site."""
    pages: list[str] = field(default_factory=list)
    """The addresses of the pages rendered again (``/en/article/``)."""
    sitemap: bool = False
    """Whether the language's sitemap is another now (a page added, removed or dated): written
    after the pages are served (``LiveSite.sitemap``)."""
    full: str | None = None
    """Why only a full build is right, when it is."""


class LanguageBuild:
    """One language's build, kept: ``build`` once, then ``render`` and ``search`` as sources
    change (``site.build``'s steps for one language, in the process that holds the state)."""

    def __init__(self, translation: SiteLanguage, docs: Path, code: str, codes: list[str]) -> None:
        self.translation, self.docs, self.code, self.codes = translation, docs, code, codes
        self.config: Any = None
        self.recorder: Any = None
        """The build's ``site.record`` plugin: its state and its pages' records."""
        self.statics: dict[str, str] = {}
        """The digest of each static file of ``docs/`` this language copied (media, TOCs)."""

    @property
    def records(self) -> dict[str, PageRecord]:
        """Each page's record, by its ``docs/`` path."""
        found: dict[str, PageRecord] = self.recorder.records
        return found

    @property
    def files(self) -> Any:
        """MkDocs' files of this language's build."""
        return self.recorder.files

    @property
    def nav(self) -> Any:
        """MkDocs' navigation of this language's build."""
        return self.recorder.nav

    @property
    def env(self) -> Any:
        """The build's template environment."""
        return self.recorder.env

    @property
    def default(self) -> bool:
        """Whether this is the site's default language (built at the site's root)."""
        return self.code == self.codes[0]

    def search_index(self) -> Any:
        """Material's search index of this build (``None`` with search off)."""
        return search_index(self.config)

    def build(self, site: Path, strict: bool = False) -> None:
        """Build this language into ``site`` (the site's root for the default language, a
        folder of its own to merge for another), as ``site.build`` does, keeping the state."""
        from bilingual.site.build import _environ, _load, environment, run_mkdocs

        with _environ(environment(self.translation)):
            self.config = _load(self.docs, site, strict)
            internals.build_one_language(self.config, None if self.default else self.code)
            self.recorder = self.config.plugins["bilingual-record"] = recorder()
            i18n_files.remember(internals.i18n(self.config))  # chosen again on a page added
            run_mkdocs(self.config)
        self.recorder.seen = 0
        self.statics = statics_of(self.files, self.docs)

    def changed(self, sources: Iterable[str] | None) -> tuple[list[Any], bool]:
        """The pages whose ``docs/`` file differs from the one they were made from, among
        ``sources`` (``docs/`` paths the split wrote or removed; ``None``: every page), and
        whether the language's pages are others now (one added or removed: ``refile``)."""
        known = {file.abs_src_path: file for file in self.files.documentation_pages()}
        shown = {file.src_uri.partition("/")[2] for file in known.values()}
        if sources is None:
            sources = [
                path.relative_to(self.docs).as_posix()
                for code in {self.code, self.codes[0]}
                for path in sorted((self.docs / code).rglob("*.md"))
            ]
            sources += [file.src_uri for file in known.values()]
        pages, others = [], False
        for source in dict.fromkeys(sources):
            path = self.docs / source
            file = known.get(str(path.resolve()))
            folder, _, rest = source.partition("/")
            own = folder in (self.code, self.codes[0])  # a fallback is the default's page
            if own and rest not in shown and source.endswith(".md") and path.is_file():
                others = True  # a page added
            if file is None or file.page is None:
                continue
            if not path.is_file():
                others = True  # a page removed
                continue
            record = self.records.get(file.src_uri)
            if record is None or record.source != digest(path.read_bytes()):
                pages.append(file.page)
        return pages, others

    def refile(self, scratch: Path, sources: Iterable[str] | None) -> tuple[list[Any], list[str]]:
        """Choose this language's files again, as the build's start does (MkDocs' files,
        static-i18n's choice and alternates, the navigation), after a page was added or
        removed. A page kept with the same alternates keeps its rendered state; the others
        (the new pages, those whose language switcher changes) are returned to render, with
        the files of the pages gone, relative to the site."""
        from mkdocs.structure.files import Files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config, events = self.config, self.events()
        config.site_dir = str(scratch)
        before = {  # the switcher now: a ``File`` taken again has its alternates chosen again
            file.src_uri: (file, switcher(file)) for file in self.files.documentation_pages()
        }
        events.builds.append(internals.languages(config))
        try:
            files = Files(self.found(sources))
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
        finally:
            events.builds.pop()
        render = []
        listed = {id(page) for page in nav.pages}  # the navigation's own (the home page)
        for file in files.documentation_pages():
            old, shown = before.pop(file.src_uri, (None, None))
            if file.page is None:
                Page(None, file, config)
            if (
                id(file.page) in listed
                or old is None
                or old.page is None
                or shown != switcher(file)
            ):
                render.append(file.page)
            elif old is not file:  # MkDocs made a new page: keep the rendered one
                file.page, old.page.file = old.page, file
        for source in before:
            self.records.pop(source, None)
        self.recorder.files, self.recorder.nav = files, nav
        return render, [file.dest_uri for file, _ in before.values()]

    def found(self, sources: Iterable[str] | None) -> list[Any]:
        """The files MkDocs finds in ``docs/`` (and the theme's) now, as ``get_files`` and
        ``add_files_from_theme`` list them: those the last choice was made from, with the
        ``sources`` added and removed since put in their place (``file_sort_key``, the walk's
        order). ``None``, or an added file that takes another's address: walked again."""
        from mkdocs.structure.files import File, file_sort_key, get_files, set_exclusions

        config, docs = self.config, Path(self.config.docs_dir)
        known = self.recorder.found
        root = str(docs) + os.sep
        ours = [file for file in known if file.abs_src_path.startswith(root)]
        theirs = [file for file in known if not file.abs_src_path.startswith(root)]
        by_source = {file.src_uri: file for file in ours}
        addresses = {file.dest_uri for file in ours}
        gone, added = set(), []
        for source in sources if sources is not None else ():
            file = by_source.get(source)
            if file is not None and not (docs / source).is_file():
                gone.add(source)
            elif file is None and (docs / source).is_file():
                added.append(
                    File(source, config.docs_dir, config.site_dir, config.use_directory_urls)
                )
        set_exclusions(added, config)
        if sources is None or any(file.dest_uri in addresses for file in added):
            files = get_files(config)
            files.add_files_from_theme(self.env, config)
            return list(files)
        found = [file for file in ours if file.src_uri not in gone]
        for file in added:
            bisect.insort(found, file, key=file_sort_key)
        return found + theirs

    def site_date(self) -> object:
        """The newest own date of the language's pages (the date of those without one)."""
        return newest(str(r.date) for r in self.records.values() if r.date is not None)

    def events(self) -> Any:
        """The site's MkDocs events object (``scripts/hooks.py``'s ``events``)."""
        return internals.site_events(self.config)

    def navigation_changed(self) -> list[Any]:
        """The pages whose tree branch or breadcrumb differs from what they show, read again
        from the navigation data (a title, a TOC entry or the TOC choice changed)."""
        events = self.events()
        events.trees.clear()
        events.page_data.clear()
        pages = []
        for file in self.files.documentation_pages():
            record = self.records.get(file.src_uri)
            if file.page is None or record is None:
                continue
            context = events.on_page_context({}, page=file.page, config=self.config, nav=self.nav)
            if navigation_digest(context) != record.navigation:
                pages.append(file.page)
        return pages

    def render(self, sources: list[str] | None, scratch: Path) -> Rendered:
        """Render again, into ``scratch``, the pages and static files that ``sources`` (``docs/``
        paths, written or removed by the split) change in this language."""
        from mkdocs.commands.build import _build_page, _populate_page

        from bilingual.site.navigation import PAGE_DATA

        pages, others = self.changed(sources)
        done = Rendered()
        site_date = self.site_date()
        if others:
            made, done.removed = self.refile(scratch, sources)
            pages += [page for page in made if page not in pages]
            done.sitemap = True
        docs = str(self.docs.resolve())
        for file in self.files.static_pages():
            if not file.abs_src_path.startswith(docs):
                continue  # the theme's
            source = Path(file.abs_src_path).relative_to(docs).as_posix()
            if sources is not None and source not in sources:
                continue
            data = (
                Path(file.abs_src_path).read_bytes() if Path(file.abs_src_path).is_file() else b""
            )
            if not data or self.statics.get(source) == digest(data):
                continue
            self.statics[source] = digest(data)
            target = scratch / file.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            done.files.append(file.dest_uri)
        for source in sources or []:
            folder, _, rest = source.partition("/")
            hidden = any(part.startswith(".") for part in source.split("/"))
            if folder != self.code or source.endswith(".md") or hidden or source in self.statics:
                continue
            dest = rest if self.default else source  # static-i18n's folder layout
            path = self.docs / source
            if path.is_file():  # a file the build had not seen (a new image)
                self.statics[source] = digest(path.read_bytes())
                (scratch / dest).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, scratch / dest)
                done.files.append(dest)
        for source in [s for s in self.statics if not (self.docs / s).is_file()]:
            del self.statics[source]
            done.removed.append(source.partition("/")[2] if self.default else source)
        navigation = sources is None or any(
            source.endswith(("/toc.json", f"/{PAGE_DATA}")) or source == "toc.json"
            for source in sources
        )
        if navigation:
            pages += [page for page in self.navigation_changed() if page not in pages]
        events, index = self.events(), self.search_index()
        building = internals.languages(self.config)
        self.config.site_dir = str(scratch)
        doc_files = self.files.documentation_pages()
        capture = self.recorder
        for page in pages:
            source = page.file.src_uri
            before = self.records.get(source)
            page.file._content = None  # read the page again from its file
            page.file.abs_dest_path = str(scratch / page.file.dest_uri)  # written to scratch
            events.builds.append(building)
            try:
                capture.seen = len(index.entries) if index is not None else 0
                _populate_page(page, self.config, self.files)
                if events.dates.get(id(page)) is None and site_date is not None:
                    page.update_date = site_date  # as on_env dates an undated page
                _build_page(page, self.config, doc_files, self.nav, self.env)
            finally:
                events.builds.pop()
                events.dates.pop(id(page), None)
            after = self.records.get(source)
            if before is None or after is None or after.date != before.date:
                done.sitemap = True  # its date in the sitemap
            done.pages.append("/" + page.url)
        if self.site_date() != site_date:
            return Rendered(full="the newest page's date changed (the undated pages' date)")
        if index is not None:  # in the order of the pages, as the build indexed them
            records = [self.records.get(f.src_uri) for f in self.files.documentation_pages()]
            index.entries = [entry for record in records if record for entry in record.entries]
        done.files += [
            path.relative_to(scratch).as_posix() for path in scratch.rglob("*") if path.is_file()
        ]
        done.files = sorted(set(done.files))
        return done

    def sitemap(self) -> None:
        """Write the language's ``sitemap.xml`` (and ``.gz``) into the build's folder."""
        from bilingual.site.build import render_sitemap

        render_sitemap(self.config, self.env, self.files, self.nav)

    def search_entries(self) -> SearchEntries:
        """This language's search entries, every page's in the build's order, and where its
        search files go: for ``write_search``, in a process of its own."""
        import json

        index = self.search_index()
        building = internals.languages(self.config)
        others = [
            building.prefix(code)
            for code in building.built
            if code not in (building.current, building.default)
        ]
        merged = json.loads(index.generate_search_index(None)) if index is not None else {}
        return SearchEntries(merged, building.prefix(building.current), others, building.current)


@dataclass(slots=True)
class SearchEntries:
    """One language's entries of Material's index, and where its search files go."""

    merged: dict[str, Any]
    prefix: str
    others: list[str]
    code: str


def write_search(entries: SearchEntries, scratch: Path, site: Path | None = None) -> str:
    """Write a language's search files into ``scratch`` as the build writes them
    (``shards.write_language``), linked to ``site``'s where the same; the folder they belong
    in, relative to the site."""
    from bilingual.site.search.shards import write_language

    reuse = site / entries.prefix / "search" if site is not None else None
    write_language(entries.merged, scratch, entries.prefix, entries.others, entries.code, reuse)
    return f"{entries.prefix}search"

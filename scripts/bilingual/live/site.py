"""The served site, kept up to date page by page: one process per language holding its build.

``LiveSite.build`` builds the site as ``make site`` does (``site.build``'s steps: each language
built, the other languages merged into the default's, the sitemap split, the policy headers
written, the whole swapped in by ``publish.staged``), but each language is built in a process of
its own that then stays, holding its build (``language.LanguageBuild``).

``update`` takes the ``docs/`` files the split wrote or removed. Each language process renders
again the pages whose record no longer holds into a scratch folder beside the site; the files are
then moved in one by one (``os.replace``: a reader gets the old page or the new one, never part of
one), and the policy headers follow the pages' scripts. ``sitemap`` then writes the site's
sitemap again where a page came, went or changed its date, and ``search`` the changed
languages' search files, swapping each language's ``search/`` folder in. A change a language
cannot place page by page falls back to ``build``, with the language's reason.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.live.language import LanguageBuild, Rendered, SearchEntries, write_search
from bilingual.locales import SiteLanguage
from bilingual.site import csp, merge, publish, sitemaps
from bilingual.site import record as site_record
from bilingual.site.build import site_codes
from bilingual.split import workers

_KEPT: LanguageBuild | None = None
"""In a language's process: its build, kept."""


def _build(
    translation: SiteLanguage, docs: Path, code: str, codes: list[str], site: Path, strict: bool
) -> None:
    global _KEPT  # the one build this process holds
    _KEPT = LanguageBuild(translation, docs, code, codes)
    _KEPT.build(site, strict)


def _render(sources: list[str] | None, scratch: Path) -> Rendered:
    assert _KEPT is not None
    return _KEPT.render(sources, scratch)


def _sitemap(scratch: Path) -> None:
    assert _KEPT is not None
    _KEPT.config.site_dir = str(scratch)
    _KEPT.sitemap()


def _search_entries() -> SearchEntries:
    assert _KEPT is not None
    return _KEPT.search_entries()


def process() -> ProcessPoolExecutor:
    """A process of its own that ends with this one (``_watch_parent``), however it ends."""
    return ProcessPoolExecutor(
        1, mp_context=workers.context(), initializer=_watch_parent, initargs=(os.getpid(),)
    )


def _watch_parent(parent: int) -> None:
    """In a language's process: end it when ``parent`` is gone (killed, not stopped: its
    processes would be left running, each holding a build)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


@dataclass(slots=True)
class Change:
    """What one ``update`` did to the served site."""

    pages: list[str] = field(default_factory=list)
    """The addresses of the pages rendered again, every language's."""
    files: int = 0
    """Files moved into the site."""
    full: str | None = None
    """Why the site was built again whole, when it was."""
    search: list[str] = field(default_factory=list)
    """The languages whose search files ``search`` must write again."""
    sitemap: bool = False
    """Whether ``sitemap`` must write the site's sitemap again (a page added, removed or
    dated)."""


class LiveSite:
    """The site of ``docs`` served from ``site``, each language held by a process of its own."""

    def __init__(self, translation: SiteLanguage, docs: Path, site: Path, strict: bool = False):
        self.translation, self.docs, self.site, self.strict = translation, docs, site, strict
        self.codes: list[str] = []
        self.processes: dict[str, ProcessPoolExecutor] = {}
        self.searcher = process()
        """Writes the search files of a change, apart from the languages' processes."""
        self.hashes: dict[str, set[str]] = {}
        self.epoch = 0
        """Builds of the whole site so far: a search begun before the last one is dropped."""
        self.lock = threading.Lock()
        """Held while the site's folder or its search files are swapped."""

    def close(self, searcher: bool = True) -> None:
        """Stop every language's process (and the search process)."""
        for process in self.processes.values():
            process.shutdown(wait=False, cancel_futures=True)
        self.processes = {}
        if searcher:
            self.searcher.shutdown(wait=False, cancel_futures=True)

    def build(self) -> None:
        """Build the whole site, as ``make site`` does, each language in a process it keeps."""
        self.close(searcher=False)
        self.codes = site_codes(self.docs)
        # the site served is kept up to date page by page, not by the build's record: the next
        # make site builds it whole
        (site_record.folder_of(self.site) / site_record.KEY).unlink(missing_ok=True)
        with self.lock, publish.staged(self.site) as staging:
            self.epoch += 1
            apart = Path(tempfile.mkdtemp(prefix=f".{self.site.name}.live-", dir=staging.parent))
            try:
                builds: list[Future[None]] = []
                for code in self.codes:
                    kept = self.processes[code] = process()
                    into = staging if code == self.codes[0] else apart / code
                    builds.append(
                        kept.submit(
                            _build, self.translation, self.docs, code, self.codes, into, self.strict
                        )
                    )
                for done in builds:
                    done.result()
                for code in self.codes[1:]:
                    merge.merge(apart / code, staging)
            finally:
                shutil.rmtree(apart, ignore_errors=True)
            sitemaps.split(staging)
            self.hashes = csp.site_hashes(staging)
            csp.write_policy(staging, set().union(*self.hashes.values()))

    def _scratch(self) -> Path:
        return Path(tempfile.mkdtemp(prefix=f".{self.site.name}.scratch-", dir=self.site.parent))

    def update(self, sources: list[str] | None) -> Change:
        """Bring the served site up to date with the ``docs/`` files ``sources``: the pages that
        depend on them rendered again and moved in (``None``: whatever changed, every page's
        record checked); the whole site built again where a language cannot place the change
        page by page."""
        scratch = self._scratch()
        try:
            asked = {
                code: process.submit(_render, sources, scratch / code)
                for code, process in self.processes.items()
            }
            rendered = {code: future.result() for code, future in asked.items()}
            reasons = [result.full for result in rendered.values() if result.full is not None]
            if reasons:
                self.build()
                return Change(full=reasons[0])
            change = Change(sitemap=any(result.sitemap for result in rendered.values()))
            made = {relative for result in rendered.values() for relative in result.files}
            gone = {relative for result in rendered.values() for relative in result.removed}
            for relative in publish.remove(self.site, gone - made):  # not made anew
                self.hashes.pop(relative, None)
                change.files += 1
            for code, result in rendered.items():
                default = code == self.codes[0]
                for relative in merge.move_in(self.site, scratch / code, result.files, default):
                    change.files += 1
                    if relative.endswith(".html"):
                        self.hashes[relative] = csp.page_hashes(self.site / relative)
                change.pages += result.pages
                if result.pages:
                    change.search.append(code)
            if change.files:
                csp.write_policy(self.site, set().union(*self.hashes.values()))
            return change
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def sitemap(self) -> None:
        """Write the site's sitemap again from every language's, as ``build`` merges them (the
        default language's, then each other language's entries: ``merge.merge``), after the
        pages of a change are served: each language's process writes its own, and the merge
        is moved in. One begun before the site was built again whole is dropped (the build
        wrote its own)."""
        epoch, scratch = self.epoch, self._scratch()
        try:
            asked = [self.processes[code].submit(_sitemap, scratch / code) for code in self.codes]
            for done in asked:
                done.result()
            with self.lock:
                if epoch != self.epoch:
                    return
                owns = [scratch / code for code in self.codes]
                sitemaps.merged_sitemaps(self.site, scratch, owns)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def search(self, codes: list[str]) -> None:
        """Write the search files of the languages ``codes`` again and swap each language's
        ``search/`` folder in (``publish.exchange``: one atomic rename on Linux). The entries
        come from each language's process at once; the files are written in the search
        process, so a save meanwhile is rendered without waiting for them. A search begun
        before the site was built again whole is dropped (the build wrote its own)."""
        epoch, scratch = self.epoch, self._scratch()
        try:
            entries = {code: self.processes[code].submit(_search_entries) for code in codes}
            written = {
                code: self.searcher.submit(write_search, future.result(), scratch / code, self.site)
                for code, future in entries.items()
            }
            for code, future in written.items():
                folder = future.result()
                with self.lock:
                    if epoch != self.epoch:
                        return
                    publish.swap_folder(self.site / folder, scratch / code / folder)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

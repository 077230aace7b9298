"""The thin MkDocs layer: build or serve the pages that ``split.full.split_tree`` wrote.

``mkdocs.yml`` reads the site's languages from the environment (``!ENV``), so one config serves
any source locale: ``environment`` gives the variables for a split, and ``build`` and ``serve``
set them before MkDocs loads the config.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual import ui_text
from bilingual.errors import BilingualError
from bilingual.locales import SiteLanguage
from bilingual.site import csp, internals, merge, publish, sitemaps
from bilingual.site import record as site_record
from bilingual.site.languages import configured, split_languages, split_names
from bilingual.split import progress, workers

PROJECT = Path(__file__).resolve().parents[3]
CONFIG = PROJECT / "mkdocs.yml"


def environment(translation: SiteLanguage) -> dict[str, str]:
    """The variables ``mkdocs.yml`` reads for a site whose default language is ``translation``."""
    return {
        "SITE_LANGUAGE": translation.code,
        "SITE_LANGUAGE_NAME": translation.name,
        "SITE_DIRECTION": translation.direction,
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


Counts = Any
"""Pages done and pages in total of each language's build, two integers per language in build
order, in memory shared between the build's processes (``multiprocessing.RawArray``)."""


def _progress_plugin(counts: Counts, codes: list[str], printer: bool) -> Any:
    """A plugin counting the pages of the language being built into ``counts``; the printer
    (the process building the default language) shows every language's count on one line."""
    from mkdocs.plugins import BasePlugin

    class BuildProgress(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        slot = 0

        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> None:
            self.slot = slot = codes.index(internals.languages(config).current)
            counts[2 * slot] = 0
            counts[2 * slot + 1] = len(files.documentation_pages())  # static-i18n kept one

        def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
            counts[2 * self.slot] += 1
            if printer and counts[2 * self.slot] % 50 == 0:
                _show_progress(counts, codes)
            return output

    return BuildProgress()


def _show_progress(counts: Counts, codes: list[str], end: str = "") -> None:
    shown = ", ".join(
        f"{code} {counts[2 * slot]}/{counts[2 * slot + 1]}" for slot, code in enumerate(codes)
    )
    print(f"\rbuild: {shown}", end=end, file=sys.stderr, flush=True)


def _load(docs: Path, site: Path, strict: bool) -> Any:
    from mkdocs.config import load_config

    languages = split_languages(docs)  # each one's folder is one static-i18n takes (locales)
    for language in languages or []:
        report_untranslated(language)
    config = load_config(
        str(CONFIG), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=strict
    )
    internals.require(config)
    if languages is not None:  # the split's languages, the site's (site.languages)
        internals.set_languages(config, configured(languages, split_names(docs)))
    return config


def report_untranslated(language: SiteLanguage) -> None:
    """One line for a language whose pages show interface text in English: how many of the
    messages, and which (the build goes on; the text carries ``lang="en"``)."""
    missing = ui_text.untranslated(language.code)
    if missing:
        print(
            f"site: {language.lang}: {len(missing)} of {len(ui_text.english())} interface "
            f'messages shown in English, marked lang="en" ({", ".join(missing[:5])}'
            f"{', …' if len(missing) > 5 else ''}); expected a catalog "
            f"{ui_text.CATALOGS.name}/{language.lang}.po with them",
            file=sys.stderr,
        )


def run_mkdocs(config: Any, dirty: bool = False) -> None:
    """MkDocs' build of ``config``, between its plugins' startup and shutdown events;
    ``dirty``: only the files whose ``is_modified`` says so (``site.warm``), without MkDocs'
    warning that such a build may be inaccurate (the warm build makes it exact)."""
    from mkdocs.commands.build import build as mkdocs_build

    config.plugins.on_startup(command="build", dirty=dirty)
    quiet = _NotDirty()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        with internals.shared_markdown():
            mkdocs_build(config, dirty=dirty)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        config.plugins.on_shutdown()


def render_sitemap(config: Any, env: Any, files: Any, nav: Any) -> None:
    """Write a language's ``sitemap.xml`` (and ``.gz``) into ``config.site_dir`` as the build's
    theme templates step does, outside a build (``site.warm``, ``live.language``)."""
    from mkdocs.commands.build import _build_theme_template

    events = internals.site_events(config)
    events.builds.append(internals.languages(config))
    try:
        _build_theme_template("sitemap.xml", env, files, config, nav)
    finally:
        events.builds.pop()


class _NotDirty(logging.Filter):
    """Drops MkDocs' warning of a dirty build (in strict mode, it would fail the build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def build(
    translation: SiteLanguage,
    docs: Path,
    site: Path,
    *,
    strict: bool = False,
    jobs: int | None = None,
    record: bool = False,
) -> None:
    """Build the site from the pages in ``docs`` into ``site``, whole or not at all: the site
    is built beside ``site`` and swapped in when every language is built and merged
    (``publish.staged``); a failed or killed build leaves ``site`` as it was.

    With more than one job (``workers.jobs``), the default language is built in this process
    while worker processes build the other languages, each into a folder of its own next to
    ``site``, moved in when all are done (``merge``): the same files as one process makes,
    in about the time of the longest language.

    ``record``: keep the build's record beside the site (``site.record``), for the next
    ``make site`` to build only what changed (``site.warm``); each language built apart
    records itself (a build in one process, whose languages static-i18n nests, records none).
    """
    recording = None
    folder = site_record.folder_of(site)
    (folder / site_record.KEY).unlink(missing_ok=True)  # this site is not the record's
    if record:
        recording = Recording(folder, site_record.build_key(docs, strict))
    with publish.staged(site) as staging:
        recorded = _build(translation, docs, staging, site, strict, jobs, recording)
        sitemaps.split(staging)
        csp.write_headers(staging)
    if recording is not None and recorded:
        site_record.publish(recording.folder, recording.key)


@dataclass(frozen=True, slots=True)
class Recording:
    """Where each language built apart saves its record, and the build's key."""

    folder: Path
    key: str


def _recorded(config: Any, recording: Recording | None) -> Any:
    """Add the record's plugin to a language's build when it is recorded."""
    if recording is None:
        return None
    plugin = config.plugins["bilingual-record"] = site_record.recorder()
    return plugin


def _save_record(
    plugin: Any, recording: Recording | None, code: str, docs: Path, site: Path
) -> None:
    """Save a language's record, and the sitemap its build wrote into ``site``."""
    if plugin is not None and recording is not None:
        statics = site_record.statics_of(plugin.files, docs)
        site_record.save(recording.folder, code, plugin.records, statics, recording.key, docs)
        site_record.keep_sitemap(recording.folder, code, site)


def _build(
    translation: SiteLanguage,
    docs: Path,
    site: Path,
    published: Path,
    strict: bool,
    jobs: int | None,
    recording: Recording | None = None,
) -> bool:
    """``build`` into ``site`` (the staging folder of ``published``); whether every language
    saved its record."""
    with _environ(environment(translation)):
        config = _load(docs, site, strict)
        languages = internals.languages(config)
        codes = [languages.default] + [
            code for code in languages.built if code != languages.default
        ]
        helpers = min(workers.jobs(jobs) - 1, len(codes) - 1)
        counts = multiprocessing.RawArray("i", 2 * len(codes)) if progress.shown() else None
        if counts is not None:
            config.plugins["bilingual-progress"] = _progress_plugin(counts, codes, printer=True)
        if helpers < 1:
            run_mkdocs(config)  # static-i18n builds the other languages inside the default's build
            if counts is not None:
                _show_progress(counts, codes, end="\n")
            return False
        apart = _languages_folder(published)
        try:
            with workers.pool(helpers, counts) as executor:
                queue = _LanguageQueue(codes[1:])

                def submit(code: str) -> futures.Future[None]:
                    return executor.submit(
                        _build_language,
                        translation,
                        docs,
                        apart / code,
                        strict,
                        code,
                        codes,
                        None,
                        recording,
                    )

                def start_next(_: object = None) -> None:
                    """Give the next language to the worker that is free (or starting)."""
                    other = queue.start(submit)
                    if other is not None:
                        other.add_done_callback(start_next)

                for _ in range(helpers):
                    start_next()
                internals.build_one_language(config)  # the workers build the other languages
                plugin = _recorded(config, recording)
                run_mkdocs(config)
                _save_record(plugin, recording, codes[0], docs, site)
                # then this process takes the languages no worker has started, as a worker would
                while (code := queue.take()) is not None:
                    _build_language(
                        translation, docs, apart / code, strict, code, codes, counts, recording
                    )
                others = queue.futures()
                while not all(other.done() for other in others):
                    if counts is not None:
                        _show_progress(counts, codes)
                    futures.wait(others, timeout=progress.INTERVAL)
                for other in others:
                    other.result()
            if counts is not None:
                _show_progress(counts, codes, end="\n")
            for code in codes[1:]:
                merge.merge(apart / code, site)
        finally:
            shutil.rmtree(apart, ignore_errors=True)
    return recording is not None


class _LanguageQueue:
    """The languages left to build, taken one at a time by the workers (from the pool's
    callback thread, as each finishes) and by this process once its own language is built."""

    def __init__(self, codes: list[str]) -> None:
        self._codes = list(codes)
        self._started: list[futures.Future[None]] = []
        self._lock = threading.Lock()

    def start(self, submit: Callable[[str], futures.Future[None]]) -> futures.Future[None] | None:
        """Submit the next language to the pool (taken and recorded as one step), if any."""
        with self._lock:
            if not self._codes:
                return None
            try:
                future = submit(self._codes[0])
            except (BrokenProcessPool, RuntimeError):  # the pool is gone: its error is raised
                return None  # where this process waits for the builds; the language stays
            self._codes.pop(0)
            self._started.append(future)
            return future

    def take(self) -> str | None:
        """The next language, for this process to build."""
        with self._lock:
            return self._codes.pop(0) if self._codes else None

    def futures(self) -> list[futures.Future[None]]:
        """The workers' builds: every one, once ``take`` has returned ``None``."""
        with self._lock:
            return list(self._started)


PART_MANIFEST = "{code}.json"
"""Beside each language's part (``parts/<code>/``): the site's languages, the default first."""


def site_codes(docs: Path) -> list[str]:
    """The site's language codes as the split in ``docs`` wrote them, the default first."""
    languages = split_languages(docs)
    if languages is None:
        raise BilingualError(f"{docs}: no split here; run the split first")
    return [language.code for language in languages]


def build_part(
    translation: SiteLanguage, docs: Path, parts: Path, code: str, *, strict: bool = False
) -> Path:
    """Build one language of the site into ``parts/<code>/``, alone (as a worker of ``build``
    builds it), for ``merge_parts`` to assemble on another machine; returns the part."""
    codes = site_codes(docs)
    if code not in codes:
        raise BilingualError(
            f"LANGUAGE={code}: not a language of the site; expected one of {codes}"
        )
    part = parts / code
    with publish.staged(part) as staging:  # a part is whole or as it was, as the site is
        if code == codes[0]:
            with _environ(environment(translation)):
                config = _load(docs, staging, strict)
                internals.build_one_language(config)
                run_mkdocs(config)
        else:
            _build_language(translation, docs, staging, strict, code, codes)
    manifest = parts / PART_MANIFEST.format(code=code)
    manifest.write_text(json.dumps({"languages": codes}) + "\n", encoding="utf-8")
    return part


def merge_parts(parts: Path, site: Path) -> list[str]:
    """Assemble the site from every language's part (``build_part``) into ``site``: the same
    files, byte for byte, as ``build`` makes on one machine. Returns the languages merged."""
    manifests = sorted(parts.glob(PART_MANIFEST.format(code="*")))
    if not manifests:
        raise BilingualError(f"{parts}: no parts here; build them with make site-part first")
    codes: list[str] = json.loads(manifests[0].read_text(encoding="utf-8"))["languages"]
    missing = [code for code in codes if not (parts / code).is_dir()]
    if missing:
        raise BilingualError(f"{parts}: the parts of {', '.join(missing)} are missing")
    (site_record.folder_of(site) / site_record.KEY).unlink(missing_ok=True)  # not its site
    with publish.staged(site) as staging:
        shutil.copytree(parts / codes[0], staging, dirs_exist_ok=True)
        for code in codes[1:]:
            work = Path(tempfile.mkdtemp(prefix=f".{site.name}.part-", dir=staging.parent))
            try:
                shutil.copytree(parts / code, work / code)
                merge.merge(work / code, staging)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        sitemaps.split(staging)
        csp.write_headers(staging)
    return codes


def _languages_folder(site: Path) -> Path:
    """The folder beside ``site`` the workers build their languages into, named by this
    process (``.site.languages-<pid>``); those left by runs that died are removed."""
    parent = site.resolve().parent
    prefix = f".{site.name}.languages-"
    for left in parent.glob(f"{prefix}*"):
        pid = left.name.removeprefix(prefix)
        if not (pid.isdigit() and workers.alive(int(pid))) or int(pid) == os.getpid():
            shutil.rmtree(left, ignore_errors=True)
    folder = parent / f"{prefix}{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def _build_language(
    translation: SiteLanguage,
    docs: Path,
    site: Path,
    strict: bool,
    code: str,
    codes: list[str],
    counts: Counts | None = None,
    recording: Recording | None = None,
) -> None:
    """Build the pages of language ``code`` alone into ``site``: in a worker process (its
    progress counts shared by the pool), or in this one (``counts`` given: it prints them);
    its record saved with ``recording``."""
    printer = counts is not None
    if counts is None:
        counts = workers.shared()
    with _environ(environment(translation)):
        config = _load(docs, site, strict)
        internals.build_one_language(config, code)
        if counts is not None:
            config.plugins["bilingual-progress"] = _progress_plugin(counts, codes, printer)
        plugin = _recorded(config, recording)
        run_mkdocs(config)
        _save_record(plugin, recording, code, docs, site)

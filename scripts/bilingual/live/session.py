"""``make serve``: the site built, served on loopback, and brought up to date at each save.

``Session.start`` builds the site as ``make site`` does (``LiveSite.build``) and serves it
(``server.LiveServer``). A change under a source folder (``split.watch``: a burst of
events waits ``QUIET`` seconds for its last one) runs ``Session.refresh`` in one thread, one at a
time:

1. the split brings ``docs/`` up to date (``incremental.update_tree`` for one tree,
   ``incremental_trees.update_trees`` for several; each falls back to the full split itself);
2. ``LiveSite.update`` renders again the pages whose record the written files break, moves them
   in and says which: the browsers viewing one of them reload (``Broker.publish``);
3. ``Searches`` writes the changed languages' search files in a thread of its own (a save
   meanwhile is rendered and served at once), and the change is settled.

Each refresh is one line of the log: what changed, the pages rendered, the time; a full build
names its reason. A source an edit made malformed is its one-line problem in the log (the split
keeps its previous pages) and is listed in ``/.live/status``.
"""

from __future__ import annotations

import html
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual import ui_text
from bilingual.errors import BilingualError, SourceError
from bilingual.live.server import Broker, LiveServer, parse_address
from bilingual.live.site import Change, LiveSite
from bilingual.locales import SiteLanguage
from bilingual.source.folder import read_document
from bilingual.split.docsets import split_docsets
from bilingual.split.incremental import update_tree
from bilingual.split.incremental_trees import update_trees
from bilingual.split.watch import watch

QUIET = 0.1
"""Seconds without a further event before a refresh runs (an editor saves in several steps)."""


def log(line: str) -> None:
    print(f"serve: {line}", file=sys.stderr, flush=True)


@dataclass(slots=True)
class Session:
    """One ``make serve``: the sources watched, the site kept, the server."""

    sources: list[Path]
    docs: Path
    site: Path
    translation: SiteLanguage
    default: str | None = None
    report: Callable[[str], None] = log
    broker: Broker = field(default_factory=Broker)
    live: LiveSite | None = None
    server: LiveServer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    observer: object = None
    searches: Searches | None = None
    broken: dict[tuple[Path, str], str] = field(default_factory=dict)
    """Each source an edit made unreadable (its tree, its path) -> its problem's line."""

    def start(self, address: str) -> str:
        """Build the site, serve it on ``address`` and watch the sources; the site's URL."""
        started = time.perf_counter()
        self.live = LiveSite(self.translation, self.docs, self.site)
        self.live.build()
        self.searches = Searches(self.live, self.report)
        self.broker.busy = self.searches.busy
        self.server = LiveServer(parse_address(address), self.site, self.broker)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.observer = watch(self.sources, self.refresh, QUIET)
        host, port = self.server.server_address[:2]
        url = f"http://{host!s}:{port}/"
        self.report(f"site built in {time.perf_counter() - started:.1f} s, served at {url}")
        return url

    def rebuild(self, why: str) -> Change | None:
        """Split and build the site again whole after an update that failed (``why``, logged);
        ``None`` when that failed too (logged, the site served as it was)."""
        assert self.live is not None
        self.report(f"{why}; splitting and building the site again whole")
        try:
            split_docsets(self.sources, self.docs, default=self.default, jobs=1)
            self.live.build()
        except Exception as error:  # the log's line; the site stays as it was
            self.report(f"the site could not be built again: {error!r}")
            self.broker.publish([], False, [str(error)])
            return None
        return Change(full=why)

    def mark_broken(self, problems: list[SourceError]) -> list[str]:
        """Keep the banners right: each source a problem names that does not read is broken
        (its pages show a banner), each broken one that reads again is mended. The addresses
        whose banner came or went (their browsers reload)."""
        assert self.live is not None
        for problem in problems:
            for source in self.sources:
                if (source / problem.path).is_file():
                    self.broken[source, problem.path] = str(problem)
        for source, path in list(self.broken):
            try:
                read_document(source, path)
            except SourceError as error:
                self.broken[source, path] = str(error)
                continue
            except OSError:
                pass  # gone: no page shows it
            del self.broken[source, path]  # mended
        codes = self.live.codes
        banners = {}
        for (_, path), line in sorted(self.broken.items()):
            for code in codes:
                prefix = "" if code == codes[0] else f"{code}/"
                banners[page_address(path, prefix)] = banner_html(code, line)
        changed = sorted(set(banners) ^ set(self.broker.banners))
        changed += [
            a for a in banners if a in self.broker.banners and banners[a] != self.broker.banners[a]
        ]
        self.broker.banners = banners
        return changed

    def stop(self) -> None:
        """Stop watching, serving and every language's process."""
        stop = getattr(self.observer, "stop", None)
        if stop is not None:
            stop()
        if self.server is not None:
            self.server.stop()
        if self.searches is not None:
            self.searches.stop()
        if self.live is not None:
            self.live.close()

    def refresh(self) -> Change | None:
        """Bring ``docs/`` and the served site up to date with the sources (one at a time)."""
        assert self.live is not None
        assert self.searches is not None
        with self.lock:
            started = time.perf_counter()
            problems: list[str] = []
            malformed: list[SourceError] = []
            try:
                if len(self.sources) == 1:
                    update = update_tree(self.sources[0], self.docs)
                    problems = [str(problem) for problem in update.problems + update.warnings]
                    if update.full is not None:
                        problems += [str(p) for p in update.full.problems]
                    written = None if update.full else update.written + update.removed
                else:  # one docset's trees: the articles changed; several docsets: whole
                    update = update_trees(self.sources, self.docs, self.default)
                    problems = [str(problem) for problem in update.problems + update.warnings]
                    written = None if update.full else update.written + update.removed
                malformed = update.problems
                if written == []:
                    for problem in problems:
                        self.report(problem)
                    pages = self.mark_broken(malformed)
                    self.broker.publish(pages, False, problems)
                    return None
                change = self.live.update(written)
            except BilingualError as error:
                self.report(str(error))
                self.broker.publish([], False, [str(error)])
                return None
            except Exception as error:  # a language's process died, a file vanished mid-way …
                found = self.rebuild(f"the update failed: {error!r}")  # one line, no traceback
                if found is None:
                    return None
                change = found
            for problem in problems:
                self.report(problem)
            marked = self.mark_broken(malformed)
            self.searches.add(change.search, started, change.sitemap)
            pages = [*change.pages, *(page for page in marked if page not in change.pages)]
            self.broker.publish(pages, change.full is not None, problems)
            what = (
                f"built again whole ({change.full})"
                if change.full is not None
                else f"{len(change.pages)} pages rendered ({', '.join(change.pages[:4])}"
                f"{', …' if len(change.pages) > 4 else ''})"
            )
            self.report(f"{what}: served in {time.perf_counter() - started:.2f} s")
            return change


def banner_html(code: str, line: str) -> str:
    """The banner of a page in ``code`` whose source does not read: the message in the page's
    language, the problem's line as the log has it (English, so marked)."""
    message = ui_text.html_text(code, "live.problem")
    return (
        '<div class="admonition failure" role="alert">'
        f'<p class="admonition-title">{message}</p>'
        f'<p><code lang="en">{html.escape(line)}</code></p></div>'
    )


class Searches:
    """What a published change still writes, after its pages are served: the site's sitemap
    (a page came, went or changed its date) and the changed languages' search files, one batch
    at a time in a thread of their own, so a save is rendered and served while the last one's
    are written. What is asked for while a batch runs is written in the next, together."""

    def __init__(self, live: LiveSite, report: Callable[[str], None]) -> None:
        self.live, self.report = live, report
        self.pending: set[str] = set()
        self.sitemap = False
        self.since: float | None = None
        self.running = False
        self.stopping = False
        self.condition = threading.Condition()
        threading.Thread(target=self.run, daemon=True).start()

    def add(self, codes: list[str], started: float, sitemap: bool = False) -> None:
        """Write the search files of ``codes`` (and the sitemap, when ``sitemap``) again, for
        a change begun at ``started``."""
        with self.condition:
            if codes or sitemap:
                self.pending.update(codes)
                self.sitemap = self.sitemap or sitemap
                self.since = started if self.since is None else self.since
                self.condition.notify_all()

    def busy(self) -> bool:
        with self.condition:
            return self.running or bool(self.pending) or self.sitemap

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify_all()

    def run(self) -> None:
        while True:
            with self.condition:
                self.condition.wait_for(lambda: self.pending or self.sitemap or self.stopping)
                if self.stopping:
                    return
                codes, sitemap, since = sorted(self.pending), self.sitemap, self.since
                self.pending, self.sitemap, self.since, self.running = set(), False, None, True
            written = ["the sitemap"] if sitemap else []
            written += [f"search of {', '.join(codes)}"] if codes else []
            what = " and ".join(written)
            try:
                if sitemap:
                    self.live.sitemap()
                if codes:
                    self.live.search(codes)
                if since is not None:
                    seconds = time.perf_counter() - since
                    self.report(f"{what} written {seconds:.2f} s after the save")
            except Exception as error:  # a language's process gone with a rebuild: the build
                self.report(f"{what} not written ({error!r})")  # wrote them
            finally:
                with self.condition:
                    self.running = False


def page_address(path: str, prefix: str) -> str:
    """The address of the page of source ``path`` under a language's ``prefix``."""
    page = path.removesuffix(".md")
    if page == "index" or page.endswith("/index"):
        page = page.removesuffix("index")
    else:
        page += "/"
    return f"/{prefix}{page}"


def serve(
    sources: list[Path],
    docs: Path,
    site: Path,
    translation: SiteLanguage,
    address: str,
    default: str | None = None,
) -> None:
    """Serve ``site`` built from ``docs`` (split from ``sources``) until interrupted."""
    session = Session(sources, docs, site, translation, default)
    signal.signal(signal.SIGTERM, _stopped)  # as Ctrl-C: the language processes stopped too
    session.start(address)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        session.stop()


def _stopped(number: int, frame: object) -> None:
    raise KeyboardInterrupt

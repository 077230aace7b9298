"""Offline link check of a built site: every page's links and images, and every fwlink.

``check_site`` walks the HTML files of a built site and reports, per page, links that are
malformed fwlinks, internal links to files that do not exist, and ``#anchors`` that no element
of the target page carries (``id`` or ``<a name>``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .fwlink import SHAPE, fwlink_problem, is_fwlink

LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src"}
OFFLINE_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class Link:
    """One link as found in a page."""

    url: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Problem:
    """A link that fails the check."""

    page: str
    line: int
    column: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}:{self.column}: {self.url}: {self.reason}"


@dataclass(slots=True)
class PageLinks:
    """The links of one page and the anchors it offers."""

    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            anchor = values.get(name)
            if anchor:
                self.page.anchors.add(anchor)
        attribute = LINK_ATTRIBUTES.get(tag)
        url = values.get(attribute) if attribute else None
        if url is not None:
            line, offset = self.getpos()
            self.page.links.append(Link(url, line, offset + 1))


def page_links(html: str) -> PageLinks:
    """The links and anchors of one HTML page."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def target_file(site: Path, page: Path, path: str) -> Path:
    """The file a site-internal URL path points at, from ``page``."""
    base = "/" if path.startswith("/") else "/" + page.parent.relative_to(site).as_posix() + "/"
    joined = posixpath.normpath(posixpath.join(base, unquote(path)))
    target = site / joined.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


@dataclass(slots=True)
class SiteCheck:
    """State of one check over a built site."""

    site: Path
    cache: dict[Path, PageLinks] = field(default_factory=dict)

    def links_of(self, page: Path) -> PageLinks:
        if page not in self.cache:
            self.cache[page] = page_links(page.read_text(encoding="utf-8", errors="replace"))
        return self.cache[page]

    def problem(self, page: Path, url: str) -> str | None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in OFFLINE_SCHEMES or url.startswith("//"):
            if is_fwlink(url):
                problem = fwlink_problem(url)
                return f"{problem}; expected {SHAPE}" if problem else None
            return None
        if scheme:  # mailto:, tel:, ms-settings: … are not checked offline
            return None
        target = page if not parts.path else target_file(self.site, page, parts.path)
        if not target.is_file():
            return f"no such file {target.relative_to(self.site).as_posix()}"
        anchors_checked = parts.fragment and target.suffix == ".html"
        if anchors_checked and unquote(parts.fragment) not in self.links_of(target).anchors:
            return f"no anchor #{parts.fragment} in {target.relative_to(self.site).as_posix()}"
        return None

    def run(self) -> list[Problem]:
        problems = []
        for page in html_pages(self.site):
            name = str(page)
            for link in self.links_of(page).links:
                reason = self.problem(page, link.url)
                if reason:
                    problems.append(Problem(name, link.line, link.column, link.url, reason))
        return problems


def check_site(site: Path) -> list[Problem]:
    """Every link problem of the built site in ``site``."""
    return SiteCheck(site).run()

"""Offline link check of a built site: every page's links and images, and every external URL.

``check_site`` walks the HTML files of a built site and reports, per page, internal links and
images to files that do not exist, ``#anchors`` that no element of the target page carries
(``id`` or ``<a name>``), ``javascript:`` links, and external URLs that fail ``urls.url_problem``
(malformed, ``http://`` to a Microsoft host, malformed fwlinks).

Pages are parsed with selectolax's lexbor engine (a C HTML5 parser: about four times faster than
``html.parser`` on a Material page, and exact on comments, scripts and entities). Each distinct
link is judged once: external URLs once per site, internal ones once per folder (or once per site
when they climb to the root, as the navigation's do); files are looked up in one listing of the
site. Positions (line, column) are found only for the links that fail.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from bilingual.checks.links.urls import SCRIPT_SCHEMES, is_external, key, url_problem
from bilingual.source.positions import LineIndex

LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src"}
LINK_SELECTOR = ", ".join(f"{tag}[{attribute}]" for tag, attribute in LINK_ATTRIBUTES.items())
ANCHOR_SELECTOR = "[id], a[name]"
READER_TAGS = frozenset({"a", "img", "source"})
"""Tags whose external URLs a reader follows or sees (checked online); not the theme's assets."""
ATTRIBUTE_VALUE = re.compile(
    r"""(?<![\w-])(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)


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
    kind: str = "link"
    """What failed: ``internal``, ``anchor``, ``external``, ``script``, ``online`` …"""

    def __str__(self) -> str:
        return f"{self.page}:{self.line}:{self.column}: {self.url}: {self.reason}"


@dataclass(slots=True)
class PageLinks:
    """The links of one page (in document order) and the anchors it offers."""

    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


class Positions:
    """Finds the line and column of the n-th occurrence of a link's URL in a page's text."""

    def __init__(self, text: str) -> None:
        self._lines = LineIndex(text)
        self._offsets: dict[str, list[int]] = defaultdict(list)
        for match in ATTRIBUTE_VALUE.finditer(text):
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            self._offsets[html.unescape(match.group(group))].append(match.start())

    def find(self, url: str, occurrence: int = 0) -> tuple[int, int]:
        """1-based line and column of the attribute holding ``url`` (1, 1 when not found)."""
        offsets = self._offsets.get(url, [])
        if occurrence >= len(offsets):
            return (1, 1)
        return self._lines.position(offsets[occurrence])


def tagged_urls(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """(tag, URL) of every link, image and asset of a parsed page, in document order."""
    urls = []
    for node in tree.css(LINK_SELECTOR):
        tag = node.tag or ""
        value = node.attributes.get(LINK_ATTRIBUTES[tag])
        if value is not None:
            urls.append((tag, value))
    return urls


def link_urls(tree: LexborHTMLParser) -> list[str]:
    """The URL of every link, image and asset of a parsed page, in document order."""
    return [url for _, url in tagged_urls(tree)]


def anchors_of(tree: LexborHTMLParser) -> set[str]:
    """Every ``id`` of the page, and every ``name`` of its ``<a>`` elements."""
    found = set()
    for node in tree.css(ANCHOR_SELECTOR):
        for name in ("id", "name") if node.tag == "a" else ("id",):
            value = node.attributes.get(name)
            if value:
                found.add(value)
    return found


def page_links(text: str) -> PageLinks:
    """The links (with positions) and anchors of one HTML page."""
    tree = LexborHTMLParser(text)
    positions = Positions(text)
    seen: Counter[str] = Counter()
    links = []
    for url in link_urls(tree):
        line, column = positions.find(url, seen[url])
        seen[url] += 1
        links.append(Link(url, line, column))
    return PageLinks(links=links, anchors=anchors_of(tree))


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an external URL occurs: a page, and which occurrence of that URL in the page."""

    page: Path
    url: str
    occurrence: int


INTERNAL, EXTERNAL, SCRIPT, OTHER = "internal", "external", "script", "other"
MEDIA = "media"
"""An image missing from the source, shown as its alt text (``pages.placeholders``)."""
MISSING_MEDIA = "[data-missing-src]"


def classify(url: str) -> str:
    """``internal`` (a path or ``#anchor`` of this site), ``external`` (web), ``script`` or ``other``."""
    if is_external(url):
        return EXTERNAL
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return INTERNAL  # judged (and failed) as a path
    if scheme in SCRIPT_SCHEMES:
        return SCRIPT
    # mailto:, tel:, ms-settings: … are not checked offline; one letter is a Windows drive
    return OTHER if len(scheme) > 1 else INTERNAL


@dataclass(slots=True)
class SiteCheck:
    """State of one check over a built site."""

    site: Path
    files: set[str] = field(default_factory=set)
    """Every file of the site, relative, ``/``-separated."""
    folders: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)
    """``classify`` of every distinct URL seen."""
    anchors: dict[str, set[str]] = field(default_factory=dict)
    internal: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)
    """Verdicts on internal links by (folder, URL relative to it), ``../`` folded into the folder."""
    external: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    """Verdict and ``urls.key`` of every distinct external URL."""
    occurrences: dict[str, list[Occurrence]] = field(default_factory=lambda: defaultdict(list))
    """Well-formed external links and images by ``urls.key``, with every place they occur."""
    pages: int = 0
    _page: tuple[str, LexborHTMLParser] | None = None

    def __post_init__(self) -> None:
        for folder, subfolders, names in os.walk(self.site):
            relative = Path(folder).relative_to(self.site).as_posix()
            prefix = "" if relative == "." else relative + "/"
            self.folders.update(prefix + name for name in subfolders)
            self.files.update(prefix + name for name in names)

    def anchors_in(self, target: str) -> set[str]:
        """The anchors of the page at ``target`` (relative to the site), parsed once."""
        if target not in self.anchors:
            if self._page is not None and self._page[0] == target:
                tree = self._page[1]
            else:
                tree = LexborHTMLParser((self.site / target).read_bytes())
            self.anchors[target] = anchors_of(tree)
        return self.anchors[target]

    def resolve(self, folder: str, path: str) -> str:
        """The file (relative to the site) that ``path`` points at from ``folder``."""
        joined = posixpath.normpath(posixpath.join("/" + folder, unquote(path))).lstrip("/")
        if joined in ("", "."):
            return "index.html"
        if path.endswith("/") or joined in self.folders:
            return joined + "/index.html"
        return joined

    def internal_problem(self, page: str, url: str) -> tuple[str, str] | None:
        """(kind, reason) for an internal link of ``page`` that does not resolve, else ``None``."""
        if not url or url[0] in "#?":  # an anchor (or query) of the page itself
            return self._anchor_problem(page, urlsplit(url).fragment)
        if url[0] == "/":
            cache_key = ("", url)
        else:  # ``../b/`` from ``en/a`` is ``b/`` from ``en``: one verdict for every such page
            base, rest = page.rpartition("/")[0], url
            while base and rest.startswith("../"):
                base, rest = base.rpartition("/")[0], rest[3:]
            cache_key = (base, rest)
        if cache_key not in self.internal:
            self.internal[cache_key] = self._judge_internal(*cache_key)
        return self.internal[cache_key]

    def _judge_internal(self, folder: str, url: str) -> tuple[str, str] | None:
        parts = urlsplit(url)
        target = self.resolve(folder, parts.path)
        if target not in self.files:
            return (INTERNAL, f"no such file {target}")
        return self._anchor_problem(target, parts.fragment)

    def _anchor_problem(self, target: str, fragment: str) -> tuple[str, str] | None:
        if (
            fragment
            and target.endswith(".html")
            and unquote(fragment) not in self.anchors_in(target)
        ):
            return ("anchor", f"no anchor #{fragment} in {target}")
        return None

    def problem(self, page: str, url: str) -> tuple[str, str] | None:
        """(kind, reason) when a link of ``page`` fails, else ``None``."""
        stripped = url.strip()
        kind = self.kinds.get(stripped)
        if kind is None:
            kind = self.kinds[stripped] = classify(stripped)
        if kind == INTERNAL:
            return self.internal_problem(page, stripped)
        if kind == EXTERNAL:
            if stripped not in self.external:
                self.external[stripped] = (url_problem(stripped), key(stripped))
            reason = self.external[stripped][0]
            return (EXTERNAL, reason) if reason else None
        if kind == SCRIPT:
            return (SCRIPT, "script link: a page must not run code from its source")
        return None

    def check_page(self, path: Path) -> list[Problem]:
        """Every problem of one page; its well-formed external URLs go to ``occurrences``."""
        relative = path.relative_to(self.site).as_posix()
        data = path.read_bytes()
        tree = LexborHTMLParser(data)
        self._page = (relative, tree)
        self.pages += 1
        seen: Counter[str] = Counter()
        failed: list[tuple[str, int, tuple[str, str]]] = []
        for tag, url in tagged_urls(tree):
            occurrence = seen[url]
            seen[url] += 1
            found = self.problem(relative, url)
            if found:
                failed.append((url, occurrence, found))
            elif tag in READER_TAGS and self.kinds[url.strip()] == EXTERNAL:
                target = self.external[url.strip()][1]
                self.occurrences[target].append(Occurrence(path, url, occurrence))
        self._page = None
        missing = [
            node.attributes.get("data-missing-src") or "" for node in tree.css(MISSING_MEDIA)
        ]
        if not failed and not missing:
            return []
        text = data.decode("utf-8", errors="replace")
        positions = Positions(text)
        problems = []
        for url, occurrence, (kind, reason) in failed:
            line, column = positions.find(url, occurrence)
            problems.append(Problem(str(path), line, column, url, reason, kind))
        lines = LineIndex(text)
        offset = 0
        for source in missing:
            offset = max(text.find("data-missing-src=", offset), 0)
            line, column = lines.position(offset)
            offset += 1
            reason = "image not in the source; the page shows its alt text"
            problems.append(Problem(str(path), line, column, source, reason, MEDIA))
        return problems

    def run(self) -> list[Problem]:
        """Check every page of the site, in path order."""
        problems = []
        for page in html_pages(self.site):
            problems.extend(self.check_page(page))
        return problems


def check_site(site: Path) -> list[Problem]:
    """Every link problem of the built site in ``site``."""
    return SiteCheck(site).run()

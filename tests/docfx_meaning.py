"""What a reader gets from a page, as a comparable list: DocFX's HTML and the site's alike.

``../shared/docfx-tests/cases.json`` gives, for each of DocFX's markdown test cases, the HTML
DocFX promises; the site's HTML is shaped otherwise (Material's admonitions, tabs and code
blocks; DocFX's ``sourceFile`` attributes and unresolved ``<xref>`` elements are its own
bookkeeping). ``meaning`` reduces either to the same vocabulary, in document order:

- ``("text", …)``: the text of a block, white space taken out (markup between words changes
  nothing; CJK has no spaces to compare);
- blocks: headings by level, lists (ordered ones with their start), items, tables, rows, cells,
  quotes, rules; a paragraph is only a text boundary;
- links (their targets resolved to the docset's path: ``~/a/b.md``, ``../b/`` and ``b.md``
  alike), images (target and alt text), code (its text, line breaks left out as DocFX's own
  tests leave them out, and the lines highlighted), alerts (type),
  ``[!div]`` divs (their classes), videos (URL), tab groups (each tab's ids, condition and
  title, then its panel), zones (pivot, target), monikers (range), rows and columns, long
  descriptions, forms, cross references (uid and anchor), math.

What is the generator's own is left out: heading permalinks, an admonition's title (DocFX's
``<h5>`` and Material's title: the words are each site's own), a placeholder's label, the pivot
selector, notices. ``Reader`` turns a link target into the docset's path for each side.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

Item = tuple[str, ...]
Resolve = Callable[[str], str]

ALERTS = frozenset({"NOTE", "TIP", "WARNING", "IMPORTANT", "CAUTION"})
MATERIAL = {
    "note": "NOTE",
    "tip": "TIP",
    "info": "IMPORTANT",
    "warning": "WARNING",
    "danger": "CAUTION",
}
BLOCKS = frozenset({"p", "dt", "dd", "figure", "figcaption", "section", "article", "main"})
SKIPPED = frozenset({"script", "style", "input", "noscript", "template"})
OURS_SKIPPED = frozenset(
    {
        "headerlink",
        "docfx-missing__label",
        "admonition-title",
        "docfx-pivots",
        "bilingual-notice",
        "sxs-bar",
        "help-date",
    }
)
WHITESPACE = re.compile(r"\s+")


def _ranges(spec: str, count: int) -> tuple[str, ...]:
    lines: set[int] = set()
    for part in spec.split(","):
        first, sep, last = part.strip().partition("-")
        if not first.strip().isdigit():
            continue
        start = int(first)
        end = count if sep and not last.strip() else int(last) if last.strip().isdigit() else start
        lines.update(range(start, min(end, count) + 1))
    return tuple(str(line) for line in sorted(lines))


class _Walker:
    def __init__(self, resolve: Resolve, ours: bool) -> None:
        self.items: list[Item] = []
        self.text: list[str] = []
        self.resolve = resolve
        self.ours = ours

    def flush(self) -> None:
        text = WHITESPACE.sub("", "".join(self.text))
        if text:
            self.items.append(("text", text))
        self.text = []

    def emit(self, *item: str) -> None:
        self.flush()
        self.items.append(item)

    def children(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self.text.append(str(child))
            elif isinstance(child, Tag):
                self.node(child)

    def around(self, node: Tag, *item: str) -> None:
        self.emit(*item)
        self.children(node)
        self.emit("end", item[0])

    def code(self, node: Tag) -> None:
        code = node.find("code") or node
        text = code.get_text()
        lines = text.split("\n")
        first = 0
        while first < len(lines) and not lines[first].strip():
            first += 1
        while lines and not lines[-1].strip():
            lines.pop()
        lines = lines[first:]
        if self.ours:
            marked: list[str] = []
            number = 1 - first
            for piece in code.contents:
                if isinstance(piece, Tag) and "hll" in (piece.get("class") or []):
                    marked.append(str(number))
                number += str(piece.get_text() if isinstance(piece, Tag) else piece).count("\n")
            highlight = tuple(marked)
        else:
            spec = code.get("highlight-lines") if isinstance(code, Tag) else None
            highlight = _ranges(str(spec), len(lines) + first) if spec else ()
        # DocFX's own tests compare HTML with every line break taken out (TestUtility.VerifyMarkup):
        # where a code block's lines break is no part of what DocFX promises; its text is.
        self.emit("code", "".join(line.rstrip() for line in lines), *highlight)

    def node(self, node: Tag) -> None:
        name = node.name
        classes = set(node.get("class") or [])
        if name in SKIPPED:
            return
        if self.ours and (classes & OURS_SKIPPED or name == "summary"):
            return
        if name == "br":
            self.text.append(" ")
            return
        handler = self.ours_node if self.ours else self.docfx_node
        if handler(node, name, classes):
            return
        self.common(node, name, classes)

    def common(self, node: Tag, name: str, classes: set[str]) -> None:
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.around(node, "h", name[1])
        elif name == "ul":
            self.around(node, "ul")
        elif name == "ol":
            self.around(node, "ol", str(node.get("start") or "1"))
        elif name in ("li", "table", "tr", "blockquote"):
            self.around(node, name)
        elif name in ("td", "th"):
            self.around(node, "cell")
        elif name == "hr":
            self.emit("hr")
        elif name == "pre":
            self.code(node)
        elif name == "img":
            src = str(node.get("src") or "")
            alt = "" if node.get("role") == "presentation" else str(node.get("alt") or "")
            self.emit("image", self.resolve(src), WHITESPACE.sub("", alt))
        elif name == "a" and node.get("href") is not None:
            self.emit("link", self.resolve(str(node.get("href"))))
            self.children(node)
        elif name in BLOCKS or name == "div":
            if name == "div":
                self.around(node, "div", *sorted(classes))
            else:
                self.flush()
                self.children(node)
                self.flush()
        else:
            self.children(node)

    def docfx_node(self, node: Tag, name: str, classes: set[str]) -> bool:
        if name == "div" and classes & ALERTS:
            kind = next(iter(classes & ALERTS))
            self.emit("alert", kind)
            for child in node.children:
                if isinstance(child, Tag) and child.name == "h5":
                    continue
                if isinstance(child, Tag):
                    self.node(child)
                elif type(child) is NavigableString:
                    self.text.append(str(child))
            self.emit("end", "alert")
            return True
        if name == "div" and "alert" in classes:
            title = node.find("h5")
            self.emit("alert", title.get_text().strip() if title else "")
            for child in node.children:
                if isinstance(child, Tag) and child.name != "h5":
                    self.node(child)
            self.emit("end", "alert")
            return True
        if name == "div" and "embeddedvideo" in classes:
            frame = node.find("iframe")
            self.emit("video", str(frame.get("src")) if frame else "")
            return True
        if name == "div" and "tabGroup" in classes:
            self.emit("tabs")
            for tab in node.find_all("a", attrs={"role": "tab"}):
                self.emit(
                    "tab",
                    str(tab.get("data-tab")),
                    str(tab.get("data-condition") or ""),
                    WHITESPACE.sub("", tab.get_text()),
                )
            for panel in node.find_all("section", attrs={"role": "tabpanel"}, recursive=False):
                self.around(panel, "panel")
            self.emit("end", "tabs")
            return True
        if name == "div" and "zone" in classes:
            self.around(
                node, "zone", str(node.get("data-pivot") or ""), str(node.get("data-target") or "")
            )
            return True
        if name == "div" and node.get("range") is not None:
            self.around(node, "moniker", " ".join(str(node.get("range")).split()))
            return True
        if name == "section" and "row" in classes:
            self.around(node, "row")
            return True
        if name == "div" and "column" in classes:
            span = next((c for c in classes if c.startswith("span")), "")
            self.around(node, "column", span)
            return True
        if name == "div" and "visually-hidden" in classes:
            self.around(node, "description")
            return True
        if name == "form":
            self.emit("form", str(node.get("data-action") or ""))
            button = node.find("button")
            self.text.append(button.get_text() if button else "")
            self.emit("end", "form")
            return True
        if name == "xref":
            href = str(node.get("href") or "")
            self.emit("xref", *_uid(href))
            return True
        if name == "a" and str(node.get("href") or "").lower().startswith("xref:"):
            self.emit("xref", *_uid(str(node.get("href"))[5:]))
            self.children(node)
            return True
        if name == "span" and "math" in classes:
            self.emit("math", _formula(node.get_text()))
            return True
        if name == "p" and "mx-imgBorder" in classes:
            self.flush()
            self.children(node)
            self.flush()
            return True
        return False

    def ours_node(self, node: Tag, name: str, classes: set[str]) -> bool:
        if name == "div" and "admonition" in classes:
            kind = next((MATERIAL[c] for c in classes if c in MATERIAL), "")
            self.around(node, "alert", kind)
            return True
        if "docfx-video" in classes:
            frame = node.find("iframe")
            self.emit("video", str(frame.get("src")) if frame else "")
            return True
        if "docfx-video-link" in classes:
            link = node.find("a")
            self.emit("video", str(link.get("href")) if link else "")
            return True
        if name == "div" and "tabbed-set" in classes:
            self.emit("tabs")
            labels = node.find_all("label")
            for label in labels:
                self.emit(
                    "tab",
                    str(label.get("data-tab")).replace(" ", "+"),
                    str(label.get("data-condition") or ""),
                    WHITESPACE.sub("", label.get_text()),
                )
            content = node.find("div", class_="tabbed-content")
            for block in (
                content.find_all("div", class_="tabbed-block", recursive=False) if content else []
            ):
                self.around(block, "panel")
            self.emit("end", "tabs")
            return True
        if name == "div" and "docfx-zone" in classes:
            self.around(
                node, "zone", str(node.get("data-pivot") or ""), str(node.get("data-target") or "")
            )
            return True
        if name == "div" and "docfx-moniker" in classes:
            self.around(node, "moniker", str(node.get("data-range") or ""))
            return True
        if name == "div" and "docfx-row" in classes:
            self.around(node, "row")
            return True
        if name == "div" and "docfx-column" in classes:
            span = f"span{node.get('data-span')}" if node.get("data-span") else ""
            self.around(node, "column", span)
            return True
        if name == "details" and "docfx-long-description" in classes:
            self.around(node, "description")
            return True
        if name == "div" and "docfx-form" in classes:
            self.emit("form", str(node.get("data-action") or ""))
            self.text.append(node.get_text())
            self.emit("end", "form")
            return True
        if "docfx-xref" in classes or "docfx-xref-link" in classes:
            self.emit("xref", *_uid(str(node.get("data-xref") or "")))
            if "docfx-xref-link" in classes:
                self.children(node)
            return True
        if (
            "docfx-missing" in classes
        ):  # a placeholder: the construct as written, its label left out
            if name == "div":
                self.flush()
            self.children(node)
            if name == "div":
                self.flush()
            return True
        if name == "div" and "docfx-div" in classes:
            kept = sorted(c for c in classes if not c.startswith("docfx-"))
            self.around(node, "div", *kept)
            return True
        if name == "div" and "highlight" in classes:
            pre = node.find("pre")
            if pre is not None:
                self.code(pre)
            return True
        if "arithmatex" in classes:
            self.emit("math", _formula(node.get_text()))
            return True
        if "missing-media" in classes:
            self.emit(
                "image",
                self.resolve(str(node.get("data-missing-src") or "")),
                WHITESPACE.sub("", node.get_text()),
            )
            return True
        if name == "span" and "mx-imgBorder" in classes:
            self.children(node)
            return True
        return False


def _uid(href: str) -> tuple[str, str]:
    rest, _, anchor = unquote(href).partition("#")
    return rest.partition("?")[0].strip(), anchor


def _formula(text: str) -> str:
    text = text.strip()
    for opening, closing in (("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$")):
        if text.startswith(opening) and text.endswith(closing):
            text = text[len(opening) : len(text) - len(closing)]
            break
    return WHITESPACE.sub("", text)


def meaning(html: str, resolve: Resolve, *, ours: bool) -> list[Item]:
    """The meaning of ``html`` (DocFX's, or the site's article when ``ours``)."""
    soup = BeautifulSoup(html, "html.parser")
    walker = _Walker(resolve, ours)
    walker.children(soup)
    walker.flush()
    return walker.items


def docfx_resolver(page: str) -> Resolve:
    """DocFX's link targets (``~/a.md``, ``a.md`` from ``page``) as docset paths."""

    def resolve(href: str) -> str:
        href = unquote(href)
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return href
        path, _, fragment = href.partition("#")
        if fragment == "lightbox":  # DocFX's mark of an image's larger version
            fragment = ""
        if not path:
            return "#" + fragment
        if path.startswith("~/"):
            joined = path[2:]
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        return _canonical(joined) + (f"#{fragment}" if fragment else "")

    return resolve


def site_resolver(page_url: str, prefix: str) -> Resolve:
    """The site's link targets (relative to ``page_url``, a folder URL) as docset paths,
    relative to the case's folder ``prefix``."""

    def resolve(href: str) -> str:
        href = unquote(href)
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return href
        path, _, fragment = href.partition("#")
        if not path:
            return "#" + fragment
        joined = posixpath.normpath(posixpath.join(page_url, path))
        joined = posixpath.relpath("/" + joined.lstrip("/"), "/" + prefix.strip("/"))
        return _canonical(joined) + (f"#{fragment}" if fragment else "")

    return resolve


def _canonical(path: str) -> str:
    path = path.strip("/")
    for suffix in (".md", "/index"):
        path = path.removesuffix(suffix)
    return path

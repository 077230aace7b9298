"""HTML -> block skeleton: the block structure of a page, without its text.

The skeleton is what ``make parity`` compares between the CommonMark rendering of a source
(markdown-it-py, the reference) and the page MkDocs built. It keeps, in document order and with
their nesting:

- ``ol`` (with ``[start]`` when it is not 1), ``ul``, ``li``, ``p``, ``h1`` to ``h6``, ``table``,
  ``pre``, ``blockquote``, ``hr`` and ``img``;
- ``admonition`` for a Material admonition (``div.admonition``; its title paragraph left out) and,
  on the reference side, for a blockquote whose first paragraph starts with a DocFX alert marker
  (``[!NOTE]`` …; the marker left out);
- on the built side, what each unit of the page writer declares its markup's classes are
  (``pages.units``: ``Unit.skeleton``, a class or ``tag.class`` -> a block name, ``""`` left out
  with its content, ``"*"`` transparent): a DocFX tab group's labels and the pivot selector left
  out, a zone or a column transparent, the player ``video``, a DocFX selector ``selector`` (its
  content left out), a display formula ``p``; the site's own notices and toggles left out,
  and the side-by-side view's English (its inert template);
- on the reference side, ``video`` for a ``> [!VIDEO url]`` blockquote with an http(s) URL,
  ``selector`` for a ``> [!div class="op_single_selector"]`` (or ``op_multi_selector``)
  blockquote; any other ``> [!div …]`` blockquote is transparent (the marker left out), as the
  ``div`` the writer makes of it is on the built side;
- nothing for a ``<summary>`` (the title of a ``<details>``, like an admonition's).

Every other element is transparent (its children take its place). A ``p`` with no text and no
``img`` or ``video`` in it is left out (``<br>`` alone, an HTML comment), a ``p`` holding only one
``img`` or ``video`` is that element (CommonMark leaves a lone ``<img>`` line unwrapped, Python-
Markdown wraps it), and the text of a tight list item counts as its paragraph (``<li>text`` reads as
``li(p)``, like ``<li><p>text</p>``): tight and loose lists differ in spacing, not in structure. The skeleton is written as ``ol[3](li(p ul(li)))``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bilingual.pages import units
from bilingual.pages.html_elements import VOID

KEPT = frozenset(
    {"ol", "ul", "li", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "blockquote"}
)
ARTICLE_CLASS = "md-content__inner"
SITE_CLASSES = {"bilingual-notice": "", "sxs-bar": "", "help-date": "", "help-sbs": ""}
"""The site's own blocks on a page (reader notices, the reader's toggles, the article's date,
the side-by-side view's English in its template): left out."""
VIDEO_CLASS = "docfx-video"
SELECTOR = "selector"
ALERT_MARKER = re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*", re.IGNORECASE)
VIDEO_MARKER = re.compile(r"\[!VIDEO[ \t]+(https?://[^\]\s]+)[^\]]*\][ \t]*$", re.IGNORECASE)
DIV_MARKER = re.compile(r"\[!div(?P<attrs>[ \t][^\]\n]*)?\][ \t]*(?:\n|$)", re.IGNORECASE)
SELECTORS = frozenset({"op_single_selector", "op_multi_selector"})
CLASS = re.compile(r"""class\s*=\s*["']([^"']*)["']""")


def classes_of(tag: str, classes: list[str]) -> str | None:
    """What the units (``pages.units``) say an element of ``tag`` with ``classes`` is: a block
    name, ``""`` (left out), ``"*"`` (transparent), or ``None`` (nothing said)."""
    table = {**units.skeleton_classes(), **SITE_CLASSES}
    said = {table[key] for name in classes for key in (f"{tag}.{name}", name) if key in table}
    if "" in said:
        return ""
    named = sorted(said - {"*"})
    if named:
        return named[0]
    return "*" if said else None


def div_classes(first_line: str) -> list[str] | None:
    """The classes of a ``[!div …]`` marker line; ``None`` when it is no marker."""
    found = DIV_MARKER.match(first_line + "\n")
    if found is None:
        return None
    value = CLASS.search(found.group("attrs") or "")
    return value.group(1).split() if value else []


@dataclass(slots=True)
class Node:
    """One element of a skeleton."""

    name: str
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def __str__(self) -> str:
        if not self.children:
            return self.name
        return f"{self.name}({' '.join(str(child) for child in self.children)})"


class _Builder(HTMLParser):
    """Collects the kept elements of an HTML text into a tree of ``Node``."""

    def __init__(self, *, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack: list[tuple[str, Node | None]] = []
        self.article_only = article_only
        self.article_depth: int | None = None
        self.skip_depth: int | None = None
        self.done = False
        self.implicit: Node | None = None

    def current(self) -> Node:
        for _, node in reversed(self.stack):
            if node is not None:
                return node
        return self.root

    def inline_parent(self) -> Node:
        """Where text and images go: a list item's text counts as its (implicit) paragraph."""
        node = self.current()
        if node.name != "li":
            return node
        if not node.children or node.children[-1] is not self.implicit:
            self.implicit = Node("p")
            node.children.append(self.implicit)
        return self.implicit

    def inside(self) -> bool:
        return not self.article_only or self.article_depth is not None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.article_only and self.article_depth is None:
            if tag == "article" and ARTICLE_CLASS in classes:
                self.article_depth = len(self.stack)
                self.stack.append((tag, None))
            elif tag not in VOID:
                self.stack.append((tag, None))
            return
        node: Node | None = None
        said = classes_of(tag, classes) if self.skip_depth is None else None
        if self.skip_depth is not None:
            pass
        elif tag == "summary" or said == "":
            self.skip_depth = len(self.stack)
        elif said == "*":
            pass
        elif said is not None and said in ("admonition", "video", SELECTOR, "math"):
            node = Node(said)
            if said in ("video", SELECTOR):
                self.current().children.append(node)
                if tag not in VOID:
                    self.stack.append((tag, None))
                    self.skip_depth = len(self.stack) - 1
                return
        elif said is not None and (said in KEPT or said == "img"):
            node = Node(said)
            if said == "img":
                self.inline_parent().children.append(node)
                if tag not in VOID:
                    self.stack.append((tag, None))
                    self.skip_depth = len(self.stack) - 1
                return
        elif VIDEO_CLASS in classes:
            node = Node("video")
            self.current().children.append(node)
            if tag not in VOID:
                self.stack.append((tag, None))
                self.skip_depth = len(self.stack) - 1
            return
        elif tag in KEPT:
            node = Node(tag)
            start = dict(attrs).get("start")
            if tag == "ol" and start not in (None, "1"):
                node.name = f"ol[{start}]"
        elif tag == "img":
            if self.skip_depth is None:
                self.inline_parent().children.append(Node(tag))
            return
        elif tag == "hr":
            if self.skip_depth is None:
                self.current().children.append(Node(tag))
            return
        if node is not None:
            self.current().children.append(node)
        if tag not in VOID:
            self.stack.append((tag, node))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                if self.skip_depth is not None and index <= self.skip_depth:
                    self.skip_depth = None
                if self.article_depth is not None and index <= self.article_depth:
                    self.article_depth = None
                    self.done = True
                return

    def handle_data(self, data: str) -> None:
        if not self.done and self.inside() and self.skip_depth is None and data.strip():
            self.inline_parent().text += data


TRANSPARENT = ""
"""The name of a node whose children take its place (a ``[!div]`` blockquote of the reference)."""


def _div_quote(node: Node, first: Node) -> Node:
    """A reference blockquote opening with ``[!div …]``: a selector, or transparent."""
    text = first.text.lstrip()
    classes = div_classes(text.split("\n", 1)[0]) or []
    if SELECTORS.intersection(classes):
        return Node(SELECTOR)
    first.text = DIV_MARKER.sub("", text, count=1)
    if _empty_paragraph(first):
        node.children = node.children[1:]
    elif (
        not first.text.strip()
        and len(first.children) == 1
        and first.children[0].name in ("video", "img")
    ):
        node.children[0] = first.children[0]
    node.name = TRANSPARENT
    return node


def _tidy(node: Node, *, reference: bool) -> Node:
    children = [_tidy(child, reference=reference) for child in node.children]
    spliced = [
        grandchild
        for child in children
        for grandchild in (child.children if child.name == TRANSPARENT else [child])
    ]
    node.children = [child for child in spliced if not _empty_paragraph(child)]
    lone = len(node.children) == 1 and node.children[0].name in ("video", "img")
    if node.name == "p" and lone and not node.text.strip():
        return node.children[0]
    if reference and node.name == "blockquote" and node.children:
        first = node.children[0]
        if first.name == "p":
            text = first.text.lstrip()
            player = VIDEO_MARKER.match(text)
            if player is not None:
                return Node("video")
            if DIV_MARKER.match(text.split("\n", 1)[0] + "\n"):
                return _div_quote(node, first)
            alert = ALERT_MARKER.match(text)
            if alert is not None:
                first.text = text[alert.end() :]
                node.name = "admonition"
                if _empty_paragraph(first):
                    node.children = node.children[1:]
    return node


def _empty_paragraph(node: Node) -> bool:
    return node.name == "p" and not node.text.strip() and not node.children


def skeleton(html: str, *, reference: bool = False, article_only: bool = False) -> Node:
    """The block skeleton of ``html``; ``article_only`` reads a built page's ``<article>``."""
    builder = _Builder(article_only=article_only)
    builder.feed(html)
    builder.close()
    return _tidy(builder.root, reference=reference)

"""Page markdown (CommonMark, as the sources mean it) -> markdown Python-Markdown reads the same.

The sources are CommonMark; MkDocs renders with Python-Markdown, which differs on exactly the
constructs help articles live on: content nested in a list item needs four spaces of indent (the
sources use the marker's width, often three), a list right after a paragraph needs a blank line,
adjacent lists of different markers merge, and ``)`` is no list marker.

``normalize`` parses the markdown with markdown-it-py (CommonMark plus tables), then writes every
block back from its source lines (token ``map`` ranges): leaf blocks keep their text, containers
are re-indented — list content at multiples of four spaces, ``1.`` / ``-`` markers, start numbers
kept (``sane_lists`` reads them), tight lists kept tight, blank lines between blocks, and an empty
HTML comment between adjacent lists. A blockquote that is a DocFX alert is handed to ``Alerts``
(see ``docfx``) and written as what it returns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

INDENT = "    "
SEPARATOR = "<!-- -->"
LIST_MARKER = re.compile(r"( {0,3})(\d{1,9}[.)]|[-+*])( *)")
QUOTE_MARKER = re.compile(r" {0,3}> ?")
LEADING_WHITESPACE = re.compile(r"^[ \t]+")
BLANK = " \t"
"""What CommonMark counts as a line's indentation and a blank line's content (not NBSP, NEL …)."""
HASH_START = re.compile(r"^(#)")

Alert = Callable[[list[str], list[list[str]]], list[str] | None]
"""A DocFX alert hook: (first paragraph's lines, the other blocks' lines) -> lines, or None."""


@functools.cache
def commonmark() -> MarkdownIt:
    """The reference parser: CommonMark plus pipe tables (the sources' dialect); built once."""
    return MarkdownIt("commonmark").enable("table")


@functools.cache
def block_parser() -> MarkdownIt:
    """The reference parser for block structure only: inline parsing (most of the cost) is off."""
    return MarkdownIt("commonmark").enable("table").disable("inline")


def _expand_leading_tabs(line: str) -> str:
    return LEADING_WHITESPACE.sub(lambda match: match.group().expandtabs(4), line)


@dataclass(slots=True)
class _Writer:
    """One pass over one markdown text: ``view`` holds each line minus its containers' prefixes."""

    view: list[str]
    alert: Alert | None

    def blocks(self, nodes: list[SyntaxTreeNode], start: int, end: int) -> list[list[str]]:
        """Each child block's lines, plus non-blank lines no block covers (link definitions)."""
        out: list[list[str]] = []
        position = start
        previous: SyntaxTreeNode | None = None
        for node in nodes:
            if node.map is None:
                continue
            first, last = node.map
            self.gap(position, first, out)
            lines = self.block(node)
            if previous is not None and _merges(previous, node, out[-1], lines):
                out.append([SEPARATOR])
            out.append(lines)
            position = max(position, last)
            previous = node
        self.gap(position, end, out)
        return out

    def gap(self, start: int, end: int, out: list[list[str]]) -> None:
        lines = [self.view[i].strip(BLANK) for i in range(start, end) if self.view[i].strip(BLANK)]
        if lines:
            out.append(lines)

    def block(self, node: SyntaxTreeNode) -> list[str]:
        assert node.map is not None
        first, last = node.map
        kind = node.type
        if kind in ("bullet_list", "ordered_list"):
            return self.items(node)
        if kind == "blockquote":
            return self.quote(node)
        if kind == "fence":
            fence = node.markup
            content = node.content.split("\n")[:-1] if node.content else []
            return [fence + node.info, *content, fence]
        if kind == "code_block":
            return [INDENT + line if line else "" for line in node.content.rstrip("\n").split("\n")]
        if kind == "hr":
            return ["* * *"]
        if kind == "html_block":
            return [line.rstrip(BLANK) for line in self.view[first:last]]
        lines = [line.lstrip(BLANK) for line in self.view[first:last] if line.strip(BLANK)] or [""]
        lines[-1] = lines[-1].rstrip(BLANK)
        if kind == "paragraph":  # trailing spaces of other lines are hard line breaks: kept
            return [HASH_START.sub(r"\\\1", line) for line in lines]
        return [line.rstrip(BLANK) for line in lines]

    def items(self, node: SyntaxTreeNode) -> list[str]:
        tight = all(
            child.type in ("paragraph", "bullet_list", "ordered_list")
            and (child.type != "paragraph" or child.hidden)
            for item in node.children
            for child in item.children
        )
        ordered = node.type == "ordered_list"
        number = int(str(node.attrs.get("start", 1)))
        out: list[str] = []
        for item in node.children:
            marker = f"{number}." if ordered else "-"
            number += 1
            if out and not tight:
                out.append("")
            out.extend(self.item(item, marker, tight))
        return out

    def item(self, node: SyntaxTreeNode, marker: str, tight: bool) -> list[str]:
        assert node.map is not None
        first, last = node.map
        width = _content_indent(self.view[first])
        self.view[first] = self.view[first][width:]
        for index in range(first + 1, last):
            line = self.view[index]
            spaces = len(line) - len(line.lstrip(" "))
            self.view[index] = line[min(spaces, width) :]
        lines = _join(self.blocks(node.children, first, last), tight)
        if not lines:
            return [f"{marker} {SEPARATOR}"]  # an empty item: Python-Markdown needs content
        body = [f"{marker} {lines[0]}" if lines[0] else marker]
        body.extend(INDENT + line if line else "" for line in lines[1:])
        return body

    def quote(self, node: SyntaxTreeNode) -> list[str]:
        assert node.map is not None
        first, last = node.map
        for index in range(first, last):
            marker = QUOTE_MARKER.match(self.view[index])
            if marker is not None:
                self.view[index] = self.view[index][marker.end() :]
        blocks = self.blocks(node.children, first, last)
        if self.alert is not None and node.children and node.children[0].type == "paragraph":
            converted = self.alert(blocks[0], blocks[1:])
            if converted is not None:
                return converted
        return [f"> {line}" if line else ">" for line in _join(blocks, tight=False)]


def _content_indent(line: str) -> int:
    """Columns from the start of a list item's first line to its content (CommonMark's rule)."""
    head = LIST_MARKER.match(line)
    if head is None:
        return 0
    spaces = len(head.group(3))
    if head.end() == len(line) or spaces > 4:  # empty first line, or indented code in the item
        return len(head.group(1)) + len(head.group(2)) + min(spaces, 1)
    return head.end()


def _is_list(node: SyntaxTreeNode) -> bool:
    return node.type in ("bullet_list", "ordered_list")


def _merges(
    previous: SyntaxTreeNode, node: SyntaxTreeNode, before: list[str], lines: list[str]
) -> bool:
    """Whether Python-Markdown would merge two adjacent blocks that CommonMark keeps apart:
    two lists, or two blockquotes (unless one became an admonition or a player)."""
    if _is_list(previous) and _is_list(node):
        return True
    quotes = previous.type == node.type == "blockquote"
    return quotes and before[:1] != [] and before[0].startswith(">") and lines[0].startswith(">")


def _join(blocks: list[list[str]], tight: bool) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if out and not tight:
            out.append("")
        out.extend(block)
    return out


def normalize(markdown: str, alert: Alert | None = None) -> str:
    """``markdown`` rewritten so that Python-Markdown gives it the blocks CommonMark gives it."""
    lines = [_expand_leading_tabs(line) for line in markdown.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines)
    root = SyntaxTreeNode(block_parser().parse(text))
    writer = _Writer(view=list(lines), alert=alert)
    out = _join(writer.blocks(root.children, 0, len(lines)), tight=False)
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def indent(lines: list[str], prefix: str = INDENT) -> list[str]:
    """``lines`` indented by ``prefix`` (blank lines stay blank)."""
    return [prefix + line if line else "" for line in lines]


def join_blocks(blocks: list[list[str]]) -> list[str]:
    """Blocks' lines with one blank line between blocks."""
    return _join(blocks, tight=False)

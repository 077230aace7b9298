"""Page markdown (CommonMark, as the sources mean it) -> markdown Python-Markdown reads the same.

The sources are CommonMark; MkDocs renders with Python-Markdown, which differs on exactly the
constructs help articles live on: content nested in a list item needs four spaces of indent (the
sources use the marker's width, often three), a list right after a paragraph needs a blank line,
adjacent lists of different markers merge, and ``)`` is no list marker.

``normalize`` parses the markdown with markdown-it-py's block parser (CommonMark plus tables; its
flat token stream gathered into a small ``Block`` tree by ``parse_blocks``), then writes every
block back from its source lines (token ``map`` ranges): leaf blocks keep their text, containers
are re-indented — list content at multiples of four spaces, ``1.`` / ``-`` markers, start numbers
kept (``sane_lists`` reads them), tight lists kept tight, blank lines between blocks, and an empty
HTML comment between adjacent lists. A blockquote that is a DocFX alert is handed to ``Alerts``
(see ``docfx``) and written as what it returns.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

INDENT = "    "
LANGUAGE_UNSAFE = re.compile(r"[^\w#.+-]")
"""What SuperFences does not take in a fence's language name."""
HIGHLIGHTED_LINES = re.compile(r'(?<!\S)hl_lines="[0-9]+(?:[ -][0-9]+)*"(?!\S)')
"""SuperFences' highlighted lines (``hl_lines="2 5-7"``), kept in a fence's info string."""
SEPARATOR = "<!-- -->"
LIST_MARKER = re.compile(r"( {0,3})(\d{1,9}[.)]|[-+*])( *)")
QUOTE_MARKER = re.compile(r" {0,3}> ?")
LEADING_WHITESPACE = re.compile(r"^[ \t]+")
BLANK = " \t"
"""What CommonMark counts as a line's indentation and a blank line's content (not NBSP, NEL …)."""
UNUSUAL = ("\r", "\0")
"""Characters markdown-it's own input pass rewrites (a lone CR is a line end, NUL becomes U+FFFD)."""

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
class Block:
    """One block of the parse: a nesting token pair (``paragraph_open`` … ``paragraph_close``,
    ``kind`` without ``_open``) or a lone token (``fence``, ``inline``), with its children."""

    kind: str
    token: Token
    """The opening (or only) token: ``map``, ``markup``, ``info``, ``content``, ``attrs``."""
    children: list[Block]


def parse_blocks(text: str) -> list[Block]:
    """The top-level blocks of ``text`` as CommonMark reads them: the shape markdown-it's
    ``SyntaxTreeNode`` gives, without building one."""
    parser = block_parser()
    if any(char in text for char in UNUSUAL):
        tokens = parser.parse(text)
    else:  # the core chain's other passes have nothing to do on this text: the block pass alone
        tokens = parser.block.parse(text, parser, {}, []) or []
    root: list[Block] = []
    stack = [root]
    for token in tokens:
        nesting = token.nesting
        if nesting == 1:
            block = Block(token.type[:-5], token, [])
            stack[-1].append(block)
            stack.append(block.children)
        elif nesting == -1:
            stack.pop()
        else:
            stack[-1].append(Block(token.type, token, []))
    return root


@dataclass(slots=True)
class _Writer:
    """One pass over one markdown text: ``view`` holds each line minus its containers' prefixes."""

    view: list[str]
    alert: Alert | None

    def blocks(self, nodes: list[Block], start: int, end: int) -> list[list[str]]:
        """Each child block's lines, plus non-blank lines no block covers (link definitions)."""
        out: list[list[str]] = []
        position = start
        previous: Block | None = None
        for node in nodes:
            span = node.token.map
            if span is None:
                continue
            first, last = span
            if position < first:
                self.gap(position, first, out)
            lines = self.block(node, first, last)
            if previous is not None and _merges(previous, node, out[-1], lines):
                out.append([SEPARATOR])
            out.append(lines)
            if last > position:
                position = last
            previous = node
        if position < end:
            self.gap(position, end, out)
        return out

    def gap(self, start: int, end: int, out: list[list[str]]) -> None:
        lines = [line for line in (self.view[i].strip(BLANK) for i in range(start, end)) if line]
        if lines:
            out.append(lines)

    def block(self, node: Block, first: int, last: int) -> list[str]:
        kind = node.kind
        if kind == "paragraph":  # trailing spaces of lines but the last are hard breaks: kept
            lines = [line.lstrip(BLANK) for line in self.view[first:last] if line.strip(BLANK)]
            if not lines:
                return [""]
            lines[-1] = lines[-1].rstrip(BLANK)
            return ["\\" + line if line[:1] == "#" else line for line in lines]
        if kind == "bullet_list" or kind == "ordered_list":
            return self.items(node)
        if kind == "blockquote":
            return self.quote(node, first, last)
        token = node.token
        if kind == "fence":
            fence = token.markup
            content = token.content.split("\n")[:-1] if token.content else []
            return [fence + fence_language(token.info), *content, fence]
        if kind == "code_block":
            return [
                INDENT + line if line else "" for line in token.content.rstrip("\n").split("\n")
            ]
        if kind == "hr":
            return ["* * *"]
        if kind == "html_block":
            return [line.rstrip(BLANK) for line in self.view[first:last]]
        lines = [line.strip(BLANK) for line in self.view[first:last] if line.strip(BLANK)]
        return lines or [""]

    def items(self, node: Block) -> list[str]:
        tight = all(
            (child.kind == "paragraph" and child.token.hidden)
            or child.kind == "bullet_list"
            or child.kind == "ordered_list"
            for item in node.children
            for child in item.children
        )
        ordered = node.kind == "ordered_list"
        number = int(str(node.token.attrs.get("start", 1)))
        out: list[str] = []
        for item in node.children:
            marker = f"{number}." if ordered else "-"
            number += 1
            if out and not tight:
                out.append("")
            out.extend(self.item(item, marker, tight))
        return out

    def item(self, node: Block, marker: str, tight: bool) -> list[str]:
        assert node.token.map is not None
        first, last = node.token.map
        view = self.view
        width = _content_indent(view[first])
        view[first] = view[first][width:]
        for index in range(first + 1, last):
            line = view[index]
            if line[:1] == " ":
                spaces = len(line) - len(line.lstrip(" "))
                view[index] = line[min(spaces, width) :]
        lines = _join(self.blocks(node.children, first, last), tight)
        if not lines:
            return [f"{marker} {SEPARATOR}"]  # an empty item: Python-Markdown needs content
        body = [f"{marker} {lines[0]}" if lines[0] else marker]
        body.extend(INDENT + line if line else "" for line in lines[1:])
        return body

    def quote(self, node: Block, first: int, last: int) -> list[str]:
        view = self.view
        for index in range(first, last):
            marker = QUOTE_MARKER.match(view[index])
            if marker is not None:
                view[index] = view[index][marker.end() :]
        blocks = self.blocks(node.children, first, last)
        if self.alert is not None and node.children and node.children[0].kind == "paragraph":
            converted = self.alert(blocks[0], blocks[1:])
            if converted is not None:
                return converted
        return [f"> {line}" if line else ">" for line in _join(blocks, tight=False)]


def fence_language(info: str) -> str:
    """A fence's info string as SuperFences reads it: CommonMark's language (the first word of
    the info string, character references resolved: ``command&nbsp;line`` is ``command``), kept
    to the characters SuperFences takes in a language name. Anything else in an info string
    would make SuperFences see no fence at all, and the closing fence open one. SuperFences'
    ``hl_lines="…"`` (digits, spaces and ranges only) is kept after the language."""
    text = html.unescape(info)
    words = text.split()
    language = LANGUAGE_UNSAFE.sub("", words[0]) if words else ""
    if not language:
        return language
    lines = HIGHLIGHTED_LINES.search(text, text.find(words[0]) + len(words[0]))
    if lines is None:
        return language
    return f"{language} {lines.group()}"


def _content_indent(line: str) -> int:
    """Columns from the start of a list item's first line to its content (CommonMark's rule)."""
    head = LIST_MARKER.match(line)
    if head is None:
        return 0
    spaces = len(head.group(3))
    if head.end() == len(line) or spaces > 4:  # empty first line, or indented code in the item
        return len(head.group(1)) + len(head.group(2)) + min(spaces, 1)
    return head.end()


def _is_list(node: Block) -> bool:
    return node.kind == "bullet_list" or node.kind == "ordered_list"


def _merges(previous: Block, node: Block, before: list[str], lines: list[str]) -> bool:
    """Whether Python-Markdown would merge two adjacent blocks that CommonMark keeps apart:
    two lists, or two blockquotes (unless one became an admonition or a player)."""
    if _is_list(previous) and _is_list(node):
        return True
    quotes = previous.kind == node.kind == "blockquote"
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
    text = markdown.replace("\r\n", "\n")
    lines = text.split("\n")
    if "\t" in text:  # CommonMark's tab stops of 4, made spaces where they indent
        lines = [_expand_leading_tabs(line) for line in lines]
        text = "\n".join(lines)
    writer = _Writer(view=lines, alert=alert)
    out = _join(writer.blocks(parse_blocks(text), 0, len(lines)), tight=False)
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def indent(lines: list[str], prefix: str = INDENT) -> list[str]:
    """``lines`` indented by ``prefix`` (blank lines stay blank)."""
    return [prefix + line if line else "" for line in lines]


def join_blocks(blocks: list[list[str]]) -> list[str]:
    """Blocks' lines with one blank line between blocks."""
    return _join(blocks, tight=False)

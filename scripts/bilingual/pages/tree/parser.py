"""markdown-it-py as DocFX's Markdig reads a page, with every segment known as one.

``Markdown`` is CommonMark plus pipe tables and strikethrough (Markdig's, in DocFX's pipeline);
each unit of the registry (``pages.units``) installs its rules on it. Segments go through the
parse as markers (``markers``):

* the block parser reads the page's text without them, so no segment can change a page's
  blocks;
* ``insert_markers`` (a core rule between the block and the inline parse) writes each segment's
  markers into the inline text of the blocks it spans, at the places the segment's start and
  end have there (a block's inline text is its source lines without their container prefixes:
  each line is found in its source line), and into raw HTML blocks; a segment in code is
  recorded (``Parse.outcomes``);
* the inline parser looks through markers wherever CommonMark looks at a neighbouring
  character (``SegmentState.scanDelims``: emphasis), and a link's target loses them
  (``Markdown.normalizeLink``);
* ``segments.to_tokens`` then turns the markers in text into ``segment_open`` /
  ``segment_close`` tokens.

``parse`` is the entry point: a ``LanguageText`` -> tokens, the ``Parse`` in ``env``.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Scanned
from markdown_it.token import Token

from bilingual.pages.tree import markers
from bilingual.pages.tree.language import LanguageText, Place

KEY = "bilingual"
"""The key of the ``Parse`` in markdown-it's ``env``."""
BLANK = " \t"


@dataclass(slots=True)
class Parse:
    """One parse of one language's text: the text, and what became of each segment."""

    text: LanguageText
    origin: str
    """The path of the source parsed (the page's, or an include's)."""
    outcomes: dict[int, str] = field(default_factory=dict)
    """A segment's index -> where its text went when not into the page's text: ``code``,
    ``alt`` (an image's alt text), ``attribute`` (a link target, a title), ``html`` (a raw HTML
    block it cannot be wrapped in), ``hidden`` (an HTML comment)."""
    pieces: dict[int, int] = field(default_factory=dict)
    """A segment's index -> the blocks its text spans (more than one: it holds a blank line)."""
    inline_only: bool = False
    """Whether blocks are read as inline text only (an inline include, as DocFX reads it)."""
    data: dict[str, Any] = field(default_factory=dict)
    """What a unit's rules keep during the parse (by the unit's name)."""
    starts: dict[int, tuple[Token, int]] = field(default_factory=dict)
    """An inline token that may be reported about (by ``id``) -> it, and where it starts in its
    block's inline text (``SegmentState.push``; ``place_inline`` makes it a place in the text).
    Kept beside the tokens, not in their ``meta``, which a rule may replace."""
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    """What the rules found wrong: (0-based line of the text, what, expected shape); reported
    at their place once the source is read (``tree.reading``)."""

    def place(self, index: int) -> Place | None:
        first = self.text.places[0].index if self.text.places else 0
        position = index - first
        if 0 <= position < len(self.text.places):
            return self.text.places[position]
        return None

    def lost(self, text: str, where: str) -> None:
        """Record that the markers in ``text`` were taken out of ``where``."""
        if markers.MARKER.search(text) is None:
            return
        for index in markers.found(text):
            self.outcomes.setdefault(index, where)


def _neighbour(src: str, position: int, step: int, limit: int) -> str:
    """The first character from ``position`` in direction ``step`` that is not a marker, or a
    space past the text's edge (CommonMark reads a line's edges as white space)."""
    while 0 <= position < limit:
        char = src[position]
        if not markers.is_marker(char):
            return char
        position += step
    return " "


class SegmentState(StateInline):
    """The inline state of a block's text with markers: delimiter runs are judged by the
    characters around them as if there were no markers (a segment's start or end between
    ``**`` and a word changes nothing CommonMark decides)."""

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        src = self.src
        if markers.MARKER.search(src) is None:
            return super().scanDelims(start, canSplitWord)
        maximum = self.posMax
        marker = src[start]
        last = _neighbour(src, start - 1, -1, maximum)
        position = start
        while position < maximum and src[position] == marker:
            position += 1
        count = position - start
        following = _neighbour(src, position, 1, maximum)
        last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
        next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
        last_space = isWhiteSpace(ord(last))
        next_space = isWhiteSpace(ord(following))
        left = not (next_space or (next_punct and not (last_space or last_punct)))
        right = not (last_space or (last_punct and not (next_space or next_punct)))
        can_open = left and (canSplitWord or not right or last_punct)
        can_close = right and (canSplitWord or not left or next_punct)
        return Scanned(can_open, can_close, count)

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = super().push(ttype, tag, nesting)
        run = self.env.get(KEY)
        if isinstance(run, Parse) and (ttype in PLACED or ttype.startswith("docfx_")):
            run.starts[id(token)] = (token, self.pos)  # where it starts in the inline text
        return token


PLACED = frozenset({"image", "link_open", "html_inline"})
"""Inline tokens a pass may report about, besides DocFX's own (``docfx_*``): each knows its place
in the source (``place_inline``)."""


class SegmentInline(ParserInline):
    """markdown-it's inline parser, on ``SegmentState``."""

    def parse(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        state = SegmentState(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens


table_module: Any = importlib.import_module("markdown_it.rules_block.table")
"""markdown-it's table rule's module (its ``escapedSplit`` is swapped for ``markdig_split``)."""
DELIMITER_ROW = re.compile(r"[ \t]*[-|:][-|: \t]*")
"""What a table's delimiter row is made of (its shape is checked by the table rule)."""
DASH_DELIMITER = re.compile(r"- (?=[ \t]*\|)")
"""A delimiter row that starts with ``- |``: markdown-it reads it as a list item, Markdig's pipe
tables (DocFX's) as the row under a table's header."""
UNSPLIT = re.compile(r"""<[A-Za-z/][^<>]*>|:::no-loc\s+text\s*=\s*"(?:\\.|[^"\\\n])*"\s*:::""")
"""What a ``|`` inside of does not end a table cell in Markdig: a raw HTML tag, a no-loc text."""


def markdig_split(line: str) -> list[str]:
    """A table row's cells as Markdig's pipe tables cut them: at each ``|`` that is not escaped
    and not inside a code span, a raw HTML tag or a no-loc text (Markdig reads those first); an
    escaped ``\\|`` outside code is a ``|``, inside code it stays as written."""
    if not any(special in line for special in ("\\", "`", "<", ":::")):
        return line.split("|")  # nothing in it keeps a "|": every one cuts
    cells: list[str] = []
    current: list[str] = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == "\\" and line.startswith("|", position + 1):
            current.append("|")
            position += 2
        elif char == "\\":
            current.append(line[position : position + 2])
            position += 2
        elif char == "`":
            run = len(line) - position - len(line[position:].lstrip("`"))
            ticks = line[position : position + run]
            closing = re.compile(rf"(?<!`){ticks}(?!`)").search(line, position + run)
            end = closing.end() if closing else position + run
            current.append(line[position:end])
            position = end
        elif char in "<:" and (found := UNSPLIT.match(line, position)) is not None:
            current.append(found.group())
            position = found.end()
        elif char == "|":
            cells.append("".join(current))
            current = []
            position += 1
        else:
            current.append(char)
            position += 1
    cells.append("".join(current))
    return cells


def _cells(line: str) -> list[str]:
    """A table row's cells (``markdig_split``), without the empty ones its enclosing pipes
    make."""
    cells = markdig_split(line)
    if len(cells) > 1 and not cells[0].strip() and line.startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and not cells[-1].strip() and line.endswith("|"):
        cells = cells[:-1]
    return cells


def block_line(state: StateBlock, row: int) -> str | None:
    """The text of line ``row`` after its indentation; ``None`` where the line is indented code
    (four columns past the block's indentation), where no block construct opens."""
    if state.sCount[row] - state.blkIndent >= 4:
        return None
    return str(state.src[state.bMarks[row] + state.tShift[row] : state.eMarks[row]])


def _line(state: StateBlock, row: int) -> str:
    return str(state.src[state.bMarks[row] + state.tShift[row] : state.eMarks[row]]).strip()


def _widest(state: StateBlock, start: int, end: int) -> int:
    """The most cells a row of the table at ``start`` has (its rows run to a blank line)."""
    widest = 0
    for row in range(start, end):
        line = _line(state, row)
        if not line or "|" not in line:
            break
        widest = max(widest, len(_cells(line)))
    return widest


def _padded(line: str, missing: int, filler: str) -> str:
    """A header or delimiter row with ``missing`` more cells of ``filler``: Markdig makes a
    table as wide as its widest row (markdown-it: as its header, the rest of a row dropped)."""
    if missing <= 0:
        return line
    stripped = line.rstrip()
    closed = stripped.endswith("|") and not stripped.endswith("\\|")
    cells = f" {filler} |" * missing
    return f"{stripped}{cells}" if closed else f"{stripped} |{cells}"


def _markdig_table(table: Callable[[StateBlock, int, int, bool], bool]) -> Any:
    """markdown-it's table rule as Markdig's pipe tables read a table: its cells cut by
    ``markdig_split``, as many columns as its widest row has, and a delimiter row that starts
    with ``- |`` taken (read with its ``- `` as ``--``: the same length, so every offset holds)."""

    original_split = table_module.escapedSplit

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        row = start + 1
        if row >= end:
            return False
        begin = state.bMarks[row] + state.tShift[row]
        source = state.src
        if DELIMITER_ROW.fullmatch(source, begin, state.eMarks[row]) is None:
            return False  # no delimiter row under it: no table (cheap, before any cell is cut)
        if DASH_DELIMITER.match(source, begin) is not None:
            state.src = f"{source[:begin]}--{source[begin + 2 :]}"
        missing = _widest(state, start, end) - len(_cells(_line(state, start)))
        get_line = table_module.getLine

        def line_of(state: StateBlock, line: int) -> str:
            text = str(get_line(state, line))
            if line == start:
                return _padded(text, missing, "")
            return _padded(text, missing, "---") if line == row else text

        table_module.escapedSplit, table_module.getLine = markdig_split, line_of
        try:
            return table(state, start, end, silent)
        finally:
            state.src = source
            table_module.escapedSplit, table_module.getLine = original_split, get_line

    return rule


def markdig_tables(md: MarkdownIt) -> None:
    """``md``'s pipe tables read as Markdig reads them (``_markdig_table``)."""
    md.block.ruler.at(
        "table", _markdig_table(table_module.table), {"alt": ["paragraph", "reference"]}
    )


class Markdown(MarkdownIt):
    """CommonMark with pipe tables and strikethrough, the inline parser segment-aware; a link
    target's markers are taken out (and the segments recorded as in an attribute)."""

    def __init__(self) -> None:
        super().__init__("commonmark")
        self.inline = SegmentInline()
        self.configure("commonmark")
        self.enable(["table", "strikethrough"])
        markdig_tables(self)
        self.current: Parse | None = None
        """The parse running (a link target's markers are recorded in it)."""

    def normalizeLink(self, url: str) -> str:
        return super().normalizeLink(self._unmarked(url))

    def normalizeLinkText(self, link: str) -> str:
        return super().normalizeLinkText(self._unmarked(link))

    def validateLink(self, url: str) -> bool:
        return super().validateLink(markers.strip(url))

    def _unmarked(self, text: str) -> str:
        if self.current is not None:
            self.current.lost(text, "attribute")
        return markers.strip(text)


def line_starts(text: str) -> list[int]:
    """The offset of each line's start, and one past the text's end."""
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    starts.append(len(text) + 1)
    return starts


@dataclass(slots=True)
class _Lines:
    """Each content line of one inline token: where it starts in the content and in the text."""

    content: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    length: list[int] = field(default_factory=list)
    removed: dict[int, list[int]] = field(default_factory=dict)
    """A line's index -> where in its source text a backslash stood that the block parser took
    out (a table cell's ``\\|`` is ``|`` in the cell's content)."""

    def to_content(self, offset: int) -> int:
        """A text offset -> the content offset of the same place (clamped to the content)."""
        index = bisect.bisect_right(self.source, offset) - 1
        if index < 0:
            return 0
        inside = offset - self.source[index]
        inside -= bisect.bisect_left(self.removed.get(index, []), inside)
        return self.content[index] + max(min(inside, self.length[index]), 0)

    def to_source(self, offset: int) -> int:
        """A content offset -> the text offset of the same place."""
        index = max(bisect.bisect_right(self.content, offset) - 1, 0)
        inside = min(max(offset - self.content[index], 0), self.length[index])
        for position in self.removed.get(index, []):
            if position <= inside:
                inside += 1
        return self.source[index] + inside


def _locate(
    content: str, first: int, text: str, starts: list[int], cursor: dict[int, int] | None
) -> _Lines | None:
    """Where each line of a block's ``content`` (its lines from line ``first`` on, without
    their container prefixes) stands in the text; ``None`` when a line is not found there.
    ``cursor`` (a table row's cells): each cell is looked for after the one before."""
    lines = _Lines()
    position = 0
    for number, line in enumerate(content.split("\n")):
        row = first + number
        if row + 1 >= len(starts):
            return None
        begin, end = starts[row], starts[row + 1] - 1
        source = text[begin:end]
        shift = 0
        removed: list[int] = []
        if cursor is not None:
            at = source.find(line, cursor.get(row, 0)) if line else cursor.get(row, 0)
            if at < 0 and "|" in line:  # the cell's "\\|" is "|" in its content
                escaped = line.replace("|", "\\|")
                at = source.find(escaped, cursor.get(row, 0))
                removed = [i for i, char in enumerate(escaped) if escaped[i : i + 2] == "\\|"]
                line = escaped
            if at >= 0:
                cursor[row] = at + len(line)
        else:
            at = source.rfind(line) if line else len(source.rstrip(BLANK))
            if at < 0:  # a tab the block parser wrote as spaces
                bare = line.lstrip(" ")
                at = source.rfind(bare) if bare else -1
                shift = len(line) - len(bare)
        if at < 0:
            return None
        if removed:
            lines.removed[len(lines.source)] = removed
        lines.content.append(position + shift)
        lines.source.append(begin + at)
        lines.length.append(len(line) - shift - len(removed))
        position += len(line) - len(removed) + 1
    return lines


def overlaps(place: Place, start: int, end: int) -> bool:
    """Whether ``place`` has text in ``[start, end)`` (an empty segment: stands there)."""
    if place.start == place.end:
        return start <= place.start <= end
    return place.start < end and place.end > start


def _boundaries(
    places: list[Place], start: int, end: int, lines: _Lines, content: str
) -> list[tuple[int, str]]:
    """(content offset, marker) for each segment with text in ``[start, end)``: an opening
    marker moved past white space, a closing one before it (so no marker stands between a
    line's text and its hard break)."""
    found: list[tuple[int, str]] = []
    for place in places:
        if not overlaps(place, start, end):
            continue
        opening = lines.to_content(max(place.start, start))
        closing = lines.to_content(min(place.end, end))
        while opening < closing and content[opening] in BLANK:
            opening += 1
        while closing > opening and content[closing - 1] in BLANK:
            closing -= 1
        found.append((opening, markers.opening(place.index)))
        found.append((closing, markers.closing(place.index)))
    return found


def _with_markers(content: str, found: list[tuple[int, str]]) -> str:
    if not found:
        return content
    found.sort(key=lambda item: (item[0], markers.decode(item[1])[1], item[1]))
    out: list[str] = []
    position = 0
    for offset, marker in found:
        out.append(content[position:offset])
        out.append(marker)
        position = offset
    out.append(content[position:])
    return "".join(out)


CELL_TYPES = frozenset({"th_open", "td_open"})
CODE_TYPES = frozenset({"fence", "code_block"})


def insert_markers(state: StateCore) -> None:
    """Core rule: each segment's markers into the inline text of the blocks it spans."""
    parse: Parse | None = state.env.get(KEY)
    if parse is None or not parse.text.places:
        return
    text = parse.text.text
    places = parse.text.places
    places_starts = [place.start for place in places]
    starts = line_starts(text)
    cursor: dict[int, int] = {}
    previous: Token | None = None
    for token in state.tokens:
        if token.map is None:
            previous = token
            continue
        first, last = token.map
        begin, end = starts[first], starts[min(last, len(starts) - 1)] - 1
        reach = bisect.bisect_left(places_starts, end + 1)
        near = [place for place in places[:reach] if place.end >= begin]
        if not near:
            previous = token
            continue
        if token.type == "inline" or token.type == "html_block":
            cell = previous is not None and previous.type in CELL_TYPES
            content = token.content
            trailing = content.endswith("\n")
            lines = _locate(
                content.removesuffix("\n"), first, text, starts, cursor if cell else None
            )
            if lines is None or not lines.source:
                for place in near:
                    parse.outcomes.setdefault(place.index, "unplaced")
            else:
                low = lines.source[0]
                high = (
                    lines.source[-1]
                    + lines.length[-1]
                    + len(lines.removed.get(len(lines.source) - 1, []))
                )
                found = _boundaries(near, low, high, lines, content)
                for place in near:
                    if token.type == "inline" and overlaps(place, low, high):
                        parse.pieces[place.index] = parse.pieces.get(place.index, 0) + 1
                token.content = _with_markers(content, found)
                if token.type == "inline":
                    token.meta["lines"] = lines  # place_inline's too
                if trailing and not token.content.endswith("\n"):
                    token.content += "\n"
        elif token.type in CODE_TYPES:
            for place in near:
                if overlaps(place, begin, end):
                    parse.outcomes.setdefault(place.index, "code")
        previous = token


def place_inline(state: StateCore) -> None:
    """Core rule: each inline token that knows where it starts in its block's inline text
    (``Parse.starts``) gets its offset in the page's text (``meta["offset"]``), so a report
    about it names its own line and column. A block's lines are found in the text once: where
    ``insert_markers`` found them already, they are taken from it (``meta["lines"]``)."""
    parse: Parse | None = state.env.get(KEY)
    if parse is None:
        return
    starts: list[int] | None = None
    for token in state.tokens:
        if token.type != "inline":
            continue
        lines: _Lines | None = token.meta.pop("lines", None)
        placed = [child for child in token.children or () if id(child) in parse.starts]
        if not placed or token.map is None:
            continue
        content = token.content
        if lines is None:
            starts = starts if starts is not None else line_starts(parse.text.text)
            bare = markers.MARKER.sub("", content).removesuffix("\n")
            lines = _locate(bare, token.map[0], parse.text.text, starts, None)
        if lines is None or not lines.source:
            continue
        for child in placed:
            at = parse.starts[id(child)][1]
            at -= len(markers.MARKER.findall(content, 0, at))
            child.meta["offset"] = lines.to_source(at)
    parse.starts.clear()


def parse(md: Markdown, text: LanguageText, origin: str, env: dict[str, Any]) -> list[Token]:
    """``text`` parsed by ``md``; the ``Parse`` is ``env[KEY]``."""
    run = Parse(text, origin)
    env[KEY] = run
    before = md.current
    md.current = run
    try:
        return md.parse(text.text, env)
    finally:
        md.current = before

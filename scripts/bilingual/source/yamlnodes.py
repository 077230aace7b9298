"""YAML with positions: a TOC or landing file read into plain values that remember where they
stand, so a malformed entry is reported as ``file:line:column`` and the rest is used.

``load`` composes the text with PyYAML's safe loader and converts the node tree itself: a
mapping becomes a ``YamlMap`` and a sequence a ``YamlList`` (a ``dict`` and a ``list`` carrying
``at``, the 1-based line and column they start at); scalars become what the safe loader makes of
them (``str``, ``int``, ``bool``, ``None`` …). A mapping also knows where the text of each of its
string values starts (``origin``: a markdown value's line and column placed in its file). Aliases
are followed, but a recursive one, or more
than ``MAX_NODES`` nodes (a "billion laughs" of aliases), is refused: a source may not make the
split loop or fill memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import yaml

from bilingual.errors import SourceError

MAX_NODES = 200_000
"""Nodes one file may expand to (aliases counted each time they are used)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a string value's text starts in its file: a place in the text (its line and column,
    1-based) is a place in the file."""

    line: int = 1
    column: int = 1
    block: bool = False
    """A literal block scalar (``|``): each line of the text is a line of the file, indented
    alike."""
    folded: bool = False
    """A scalar written on several lines that are not the text's (a plain, quoted or ``>``
    scalar folds them): a place in it is the value's start."""

    def place(self, line: int, column: int) -> tuple[int, int]:
        """The file's line and column of the text's ``line`` and ``column``."""
        if self.block:
            return (self.line + line - 1, self.column + column - 1)
        if self.exact(line):
            return (self.line, self.column + column - 1)
        return (self.line, self.column)

    def exact(self, line: int) -> bool:
        """Whether ``place`` of a place on the text's ``line`` is that place, not the value's."""
        return self.block or (line == 1 and not self.folded)


START = Origin()
"""A text whose place is not known: the file's start."""


class YamlMap(dict[Any, Any]):
    """A YAML mapping, with the position it starts at and those of its values."""

    at: tuple[int, int] = (1, 1)
    places: dict[Any, tuple[int, int]]
    origins: dict[Any, Origin]


class YamlList(list[Any]):
    """A YAML sequence, with the position it starts at and those of its items."""

    at: tuple[int, int] = (1, 1)
    places: list[tuple[int, int]]


def position(value: Any) -> tuple[int, int]:
    """Where ``value`` starts (``1, 1`` for a scalar, which carries no position of its own)."""
    return cast(tuple[int, int], getattr(value, "at", (1, 1)))


def place(container: Any, key: Any) -> tuple[int, int]:
    """Where the value at ``key`` (a mapping's key, a sequence's index) of ``container`` starts,
    scalars included (the container's own position when it does not know)."""
    places = getattr(container, "places", None)
    if isinstance(places, dict) and key in places:
        return cast(tuple[int, int], places[key])
    if isinstance(places, list) and isinstance(key, int) and 0 <= key < len(places):
        return cast(tuple[int, int], places[key])
    return position(container)


def origin(container: Any, key: Any) -> Origin:
    """Where the text of the string value at ``key`` of the mapping ``container`` starts (its
    value's start, when it does not know)."""
    origins = getattr(container, "origins", None)
    if isinstance(origins, dict) and key in origins:
        return cast(Origin, origins[key])
    return Origin(*place(container, key))


def _mark(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


def _origin(node: yaml.ScalarNode) -> Origin:
    """Where a scalar's text starts: after its quote; a literal block's first line of text
    (blank lines before it skipped, as a markdown value drops them), at its indentation."""
    line, column = _mark(node)
    buffer = node.start_mark.buffer
    if node.style != "|" or buffer is None:
        folded = node.style == ">" or node.end_mark.line != node.start_mark.line
        return Origin(line, column + (node.style in ("'", '"')), folded=folded)
    lines = buffer[node.start_mark.pointer : node.end_mark.pointer].split("\n")[1:]
    for number, text in enumerate(lines, line + 1):
        if text.strip():
            return Origin(number, len(text) - len(text.lstrip(" ")) + 1, True)
    return Origin(line, column)


class _Converter:
    def __init__(self, path: str, expected: str) -> None:
        self.path = path
        self.expected = expected
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def refuse(self, node: yaml.Node, what: str) -> SourceError:
        line, column = _mark(node)
        return SourceError(self.path, line, column, what, self.expected)

    def value(self, node: yaml.Node, open_nodes: tuple[int, ...] = ()) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.refuse(node, f"the YAML expands to more than {MAX_NODES} nodes")
        if id(node) in open_nodes:
            raise self.refuse(node, "a YAML alias refers to itself")
        if isinstance(node, yaml.MappingNode):
            inner = (*open_nodes, id(node))
            mapping = YamlMap()
            mapping.at, mapping.places, mapping.origins = _mark(node), {}, {}
            for key, item in node.value:
                name = self.value(key, inner)
                if isinstance(name, dict | list):
                    raise self.refuse(key, "a mapping key is not a scalar")
                mapping[name] = self.value(item, inner)
                mapping.places[name] = _mark(item)
                if isinstance(item, yaml.ScalarNode):
                    mapping.origins[name] = _origin(item)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            inner = (*open_nodes, id(node))
            sequence = YamlList(self.value(item, inner) for item in node.value)
            sequence.at, sequence.places = _mark(node), [_mark(item) for item in node.value]
            return sequence
        try:
            return self.scalars.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise self.refuse(node, "a YAML value cannot be read") from None


def load(text: str, path: str, expected: str) -> Any:
    """The value of the YAML ``text`` of the file at ``path``; raises ``SourceError`` (with
    ``expected``, the shape the file should have) when it is not valid YAML."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise SourceError(path, line, column, "not valid YAML", expected) from None
    if node is None:
        return None
    return _Converter(path, expected).value(node)

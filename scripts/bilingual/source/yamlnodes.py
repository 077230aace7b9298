"""YAML with positions: a TOC or landing file read into plain values that remember where they
stand, so a malformed entry is reported as ``file:line:column`` and the rest is used.

``load`` composes the text with PyYAML's safe loader and converts the node tree itself: a
mapping becomes a ``YamlMap`` and a sequence a ``YamlList`` (a ``dict`` and a ``list`` carrying
``at``, the 1-based line and column they start at); scalars become what the safe loader makes of
them (``str``, ``int``, ``bool``, ``None`` …). Aliases are followed, but a recursive one, or more
than ``MAX_NODES`` nodes (a "billion laughs" of aliases), is refused: a source may not make the
split loop or fill memory.
"""

from __future__ import annotations

from typing import Any, cast

import yaml

from bilingual.errors import SourceError

MAX_NODES = 200_000
"""Nodes one file may expand to (aliases counted each time they are used)."""


class YamlMap(dict[Any, Any]):
    """A YAML mapping, with the position it starts at and those of its values."""

    at: tuple[int, int] = (1, 1)
    places: dict[Any, tuple[int, int]]


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


def _mark(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


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
            mapping.at, mapping.places = _mark(node), {}
            for key, item in node.value:
                name = self.value(key, inner)
                if isinstance(name, dict | list):
                    raise self.refuse(key, "a mapping key is not a scalar")
                mapping[name] = self.value(item, inner)
                mapping.places[name] = _mark(item)
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

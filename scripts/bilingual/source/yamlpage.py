"""What Learn's YAML page types share (``### YamlMime:Hub``, ``FAQ``, ``Tutorial`` …): a
mapping with a ``title``, a ``metadata`` mapping, and parts read one by one.

``page_mapping`` reads a file into its mapping and its title, raising ``SourceError`` when it
cannot be a page at all (not YAML, not a mapping, no ``title``). ``PartReader`` reads the parts:
a part of the wrong shape is reported into ``problems`` at ``file:line:column`` and left out, so
the rest of the page is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import yamlnodes


def plain(value: Any) -> str | None:
    """A scalar as one line of text (whitespace runs made one space); ``None`` when empty or no
    scalar."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def markdown(value: Any) -> str | None:
    """A markdown value as written (its lines kept); ``None`` when empty or no string."""
    if isinstance(value, str) and value.strip():
        return value.strip("\n")
    return None


def metadata(value: Any) -> dict[str, Any]:
    """The scalar values of a page's ``metadata`` mapping, ``title`` left out (the page's own
    ``title`` is its title)."""
    return {
        str(key): item
        for key, item in (value.items() if isinstance(value, dict) else ())
        if isinstance(item, str | int | float | bool) and key != "title"
    }


def page_mapping(text: str, path: str, noun: str, shape: str) -> tuple[dict[Any, Any], str]:
    """The mapping of the YAML page in ``text`` (the file at ``path``) and its title; raises
    ``SourceError`` (saying ``noun``, ``"the FAQ page"``, and ``shape``) when it cannot be one."""
    value = yamlnodes.load(text, path, shape)
    if not isinstance(value, dict):
        raise SourceError(path, 1, 1, f"{noun} is not a YAML mapping", shape)
    title = plain(value.get("title"))
    if title is None:
        line, column = yamlnodes.position(value)
        raise SourceError(path, line, column, f"{noun} has no title", shape)
    return value, title


@dataclass(slots=True)
class PartReader:
    """Reads the parts of one page, reporting those of the wrong shape."""

    path: str
    problems: list[SourceError]

    def report(self, at: tuple[int, int], what: str, expected: str) -> None:
        self.problems.append(SourceError(self.path, at[0], at[1], what, expected))

    def mapping(self, container: Any, key: Any, what: str, expected: str) -> dict[Any, Any] | None:
        """``container[key]`` when it is a mapping; ``None`` (reported unless absent) if not."""
        value = container.get(key) if isinstance(container, dict) else container[key]
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(yamlnodes.place(container, key), f"{what} is not a mapping", expected)
            return None
        return value

    def markdown(self, container: dict[Any, Any], key: str, expected: str) -> str:
        """The markdown value ``container[key]`` (``""`` when absent; reported when no text)."""
        value = container.get(key)
        found = markdown(value)
        if found is None and value is not None and value != "":
            at = yamlnodes.place(container, key)
            self.report(at, f"'{key}' is not markdown text", expected)
        return found or ""

    def items(self, container: Any, key: str, what: str, expected: str) -> list[tuple[int, Any]]:
        """The entries of the list ``container[key]`` with their indexes (``[]`` when absent;
        reported when not a list)."""
        value = container.get(key) if isinstance(container, dict) else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(yamlnodes.place(container, key), f"{what} is not a list", expected)
            return []
        return list(enumerate(value))


@dataclass(frozen=True, slots=True)
class OtherPage:
    """A YAML page of a type the site cannot show (``### YamlMime:Conceptual`` …): its title,
    for a placeholder page that says so, and its text, shown there as it is."""

    path: str
    kind: str
    """The type its first line names."""
    title: str
    metadata: dict[str, Any]
    texts: tuple[str, ...] = ()
    """Every other value a reader would see (``page_texts``), in file order."""


TEXT_KEYS = frozenset(
    {"title", "summary", "text", "name", "question", "answer", "content", "postContent"}
)
"""The keys whose values a reader sees on a YAML page (never its ``metadata``, nor addresses
such as ``url`` and ``imageSrc``, nor kinds such as ``itemType``)."""
MARKDOWN_KEYS = frozenset({"summary", "answer", "content", "postContent"})
"""Of those, the values that may be markdown (FAQ answers, steps, summaries)."""


@dataclass(frozen=True, slots=True)
class PageText:
    """One value a reader sees on a YAML page, and where it stands in its file."""

    text: str
    key: str
    line: int
    column: int


def page_texts(value: Any) -> list[PageText]:
    """Every value of a YAML page (read by ``yamlnodes.load``) a reader sees, in file order."""
    found: list[PageText] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            later: list[Any] = []
            for key, child in item.items():
                if key == "metadata":
                    continue
                if key in TEXT_KEYS and isinstance(child, str) and child.strip():
                    line, column = yamlnodes.place(item, key)
                    found.append(PageText(child, str(key), line, column))
                else:
                    later.append(child)
            stack.extend(reversed(later))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return sorted(found, key=lambda text: (text.line, text.column))


def parse_other(text: str, path: str, kind: str) -> OtherPage:
    """A page of type ``kind`` read for its placeholder: its title, else its file's name (a file
    that is not even a mapping is still named, never dropped)."""
    try:
        value = yamlnodes.load(text, path, "a YAML mapping")
    except SourceError:
        value = None
    mapping = value if isinstance(value, dict) else {}
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title = plain(mapping.get("title")) or stem
    texts = [found.text for found in page_texts(mapping)]
    if texts and " ".join(texts[0].split()) == title:
        texts = texts[1:]  # its title: the page's heading
    return OtherPage(path, kind, title, metadata(mapping.get("metadata")), tuple(texts))

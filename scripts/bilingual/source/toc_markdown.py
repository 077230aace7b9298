"""DocFX's markdown form of a table of contents (``TOC.md``) -> the entries of its YAML form.

Each line starting with ``#`` is an entry, its level the number of ``#`` (a level deeper than
the previous entry's is its child), the space after them optional (``#[Name](href)``), closing
``#`` ignored. An entry is written as one of:

``# [Name](href)``
    a link relative to the TOC (an article, a folder ``folder/``, a nested ``sub/toc.md``, an
    http(s) URL), with an optional title ``[Name](href "Display name")``;
``# [Name](@uid)`` or ``# [Name](xref:uid)``
    the article whose front matter ``uid`` it is;
``# @uid``, ``# @"uid with spaces"``, ``# <xref:uid>``
    the same, named by the article's title;
``# Name``
    a group, no link of its own.

Blank lines and HTML comments (``<!-- … -->``, over several lines too) are skipped. These are
the rules of DocFX's ``MarkdownTocReader``; where DocFX refuses the whole file (a line of any
other kind, a level skipped), each such line is reported as a ``SourceError`` at its
``file:line:column`` and the rest kept: an unknown line is left out, an entry that skips a
level is taken one level below the previous one.

``load`` gives the YAML reader's own nodes (``yamlnodes.YamlMap``/``YamlList`` with positions),
so the two forms are read by one reader (``source.toc``).
"""

from __future__ import annotations

import re
from typing import Any

from bilingual.errors import SourceError
from bilingual.source.yamlnodes import YamlList, YamlMap

EXPECTED = "'# [Name](href)', '# @uid' or '# Name'"
_END = r"(?:[ \t]+#*)?[ \t]*$"
TOPIC = re.compile(
    r"^(?P<level>#+)[ \t]*\[(?P<name>.+)\]\((?P<link>(?!https?://).*?)"
    r'(?:\)| "(?P<display>.*)"\))' + _END
)
EXTERNAL = re.compile(
    r"^(?P<level>#+)[ \t]*\[(?P<name>.+?)\]\((?P<link>https?://.*?)\)" + _END,
)
XREF_LINK = re.compile(
    r"^(?P<level>#+)[ \t]*(?:<xref:(['\"])(?P<quoted>\s*?\S+?.*?)\2>|<xref:(?P<uid>[^ >]+)>)"
    r"[ \t]*#*[ \t]*$"
)
SHORTCUT = re.compile(
    r"^(?P<level>#+)[ \t]*@(?:(['\"])(?P<quoted>\s*?\S+?.*?)\2|"
    r"(?P<uid>[a-zA-Z](?:[.,;:!?~]?[^\s\"'<>.,;:!?~])*))[ \t]*#*[ \t]*$"
)
CONTAINER = re.compile(r"^(?P<level>#+)[ \t]*(?P<name>.+?)" + _END)
UID_LINK = re.compile(r"^\s*(?:xref:|@)(\s*?\S+?.*?)\s*$")
COMMENT_START = "<!--"
COMMENT_END = "-->"


def _node(line: int, column: int, values: dict[str, tuple[str, int]]) -> YamlMap:
    """An entry with its position and those of its values (value, column)."""
    node = YamlMap({key: value for key, (value, _) in values.items()})
    node.at = (line, column)
    node.places = {key: (line, at) for key, (_, at) in values.items()}
    return node


def entry(text: str, line: int) -> tuple[int, YamlMap] | None:
    """The level and entry of one line of a ``TOC.md``, or None when it is none."""
    match = TOPIC.match(text)
    if match:
        values = {"name": (match["name"], match.start("name") + 1)}
        link = match["link"]
        uid = UID_LINK.match(link)
        if uid:
            values["uid"] = (uid.group(1), match.start("link") + 1)
        elif link.strip():
            values["href"] = (link.strip(), match.start("link") + 1)
        if match["display"] is not None:
            values["displayName"] = (match["display"], match.start("display") + 1)
        return len(match["level"]), _node(line, 1, values)
    match = EXTERNAL.match(text)
    if match:
        values = {
            "name": (match["name"], match.start("name") + 1),
            "href": (match["link"], match.start("link") + 1),
        }
        return len(match["level"]), _node(line, 1, values)
    match = XREF_LINK.match(text) or SHORTCUT.match(text)
    if match:
        key = "quoted" if match["quoted"] is not None else "uid"
        return len(match["level"]), _node(line, 1, {"uid": (match[key], match.start(key) + 1)})
    match = CONTAINER.match(text)
    if match:
        return len(match["level"]), _node(
            line, 1, {"name": (match["name"], match.start("name") + 1)}
        )
    return None


def _list(line: int) -> YamlList:
    items = YamlList()
    items.at = (line, 1)
    items.places = []
    return items


def load(text: str, path: str, problems: list[SourceError]) -> YamlList:
    """The entries of the ``TOC.md`` text of the file at ``path``, as the YAML form's nodes:
    a list of mappings with ``name``, ``href``, ``uid``, ``displayName`` and ``items``."""
    top = _list(1)
    parents: list[tuple[int, YamlMap]] = []  # the open entries, each with its level
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    in_comment = False
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if in_comment or stripped.startswith(COMMENT_START):
            ended = stripped.find(COMMENT_END, 0 if in_comment else len(COMMENT_START))
            in_comment = ended < 0
            rest = stripped[ended + len(COMMENT_END) :].strip() if ended >= 0 else ""
            if rest:
                problems.append(SourceError(path, number, 1, "text after a comment", EXPECTED))
            continue
        if not stripped:
            continue
        found = entry(raw, number)
        if found is None:
            what = f"TOC line {stripped[:60]!r} is not an entry"
            problems.append(SourceError(path, number, 1, what, EXPECTED))
            continue
        level, node = found
        while parents and parents[-1][0] >= level:
            parents.pop()
        depth = parents[-1][0] if parents else 0
        if level > depth + 1:
            what = f"TOC entry skips a level (level {level} below level {depth})"
            problems.append(SourceError(path, number, 1, what, f"level {depth + 1} or less"))
            level = depth + 1
        siblings: Any = top
        if parents:
            parent = parents[-1][1]
            if "items" not in parent:
                parent["items"] = _list(number)
                parent.places["items"] = (number, 1)
            siblings = parent["items"]
        siblings.append(node)
        siblings.places.append((number, 1))
        parents.append((level, node))
    if in_comment:
        problems.append(SourceError(path, len(lines), 1, "a comment is not closed", "'-->'"))
    return top

"""DocFX's bracket-and-path syntax, shared by includes and code snippets (its
``ExtensionsHelper.MatchLink``): ``[title](path "title")``.

``match_link(text, position)`` reads, from ``position``: spaces, ``[title]`` (``\\`` escapes the
next character), ``(``, white space, a path up to white space or ``)`` (``<path>`` too; ``\\``
escapes), an optional title in quotes up to ``)``, and ``)``; it returns the title, the path and
where it stopped, or ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    path: str
    end: int


def read_until(
    text: str, position: int, stops: str, break_on_space: bool = False
) -> tuple[str, int] | None:
    """The text from ``position`` up to the first of ``stops`` not escaped by ``\\`` (escapes
    resolved, stripped), and where that stop stands; ``None`` when none comes."""
    out: list[str] = []
    escaped = False
    while position < len(text):
        char = text[position]
        if break_on_space and char.isspace():
            break
        if not escaped and char in stops:
            break
        if char == "\\" and not escaped:
            escaped = True
        else:
            out.append(char)
            escaped = False
        position += 1
    if position >= len(text):
        return None
    return "".join(out).strip(), position


def match_link(text: str, position: int) -> Link | None:
    """``[title](path "title")`` at ``position`` of ``text``, or ``None``."""
    while position < len(text) and text[position] == " ":
        position += 1
    if position >= len(text) or text[position] != "[":
        return None
    found = read_until(text, position + 1, "]", False)
    if found is None:
        return None
    title, position = found
    position += 1
    if position >= len(text) or text[position] != "(":
        return None
    position += 1
    while position < len(text) and text[position].isspace():
        position += 1
    angled = position < len(text) and text[position] == "<"
    found = read_until(text, position, ")>" if angled else ")", True)
    if found is None:
        return None
    path, position = found
    if angled and path.startswith("<") and position < len(text) and text[position] == ">":
        path = path[1:].strip()
        position += 1
    if position < len(text) and text[position] == ")":
        return Link(title, path, position + 1)
    rest = read_until(text, position, ")", False)
    if rest is None:
        return None
    return Link(title, path, rest[1] + 1)

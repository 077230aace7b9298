"""DocFX's triple-colon directives: ``:::name attributes:::``, block and inline, read once.

As DocFX's ``TripleColonBlockParser`` and ``TripleColonInlineParser`` read them: ``:::``, spaces,
a name (a letter, then letters, digits and ``-``; any case), then attributes: ``name`` or
``name="value"`` (spaces around ``=``; the value in double quotes, on the line; a name twice, or
anything else, and the line is no directive). Each directive is a ``Directive`` a unit registers
(``register``); its ``check`` accepts its attributes or says why not, and an invalid directive is
text, as DocFX leaves it. Three shapes:

- a *container* (``zone``, ``moniker``, ``row``, ``column``): an opening line, the content, and
  ``:::name-end:::`` (the closing colons optional); content is read as blocks inside it, a
  container never closed ends where its parent ends (reported); ``dedent``: its content is read
  without the indentation all its lines share (DocFX's rows and columns);
- a *block* (``code``, ``form``; a ``complex`` image with its long description up to
  ``:::image-end:::``): on a line of its own;
- an *inline* directive (``image``, ``video``, ``no-loc``): inside a paragraph's text.

Tokens: ``docfx_<name>_open`` / ``docfx_<name>_close`` around a container's blocks,
``docfx_<name>`` for a block or an inline directive; ``meta["attrs"]`` holds the attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from bilingual.pages.tree import markers
from bilingual.pages.tree.parser import KEY, Markdown, Parse

NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
SPACES = re.compile(r"[ \t]*")
FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")

Check = Callable[[dict[str, str]], str | None]
"""A directive's attributes -> ``None`` when valid, else what is wrong."""


@dataclass(frozen=True, slots=True)
class Directive:
    """One triple-colon directive a unit brings."""

    name: str
    shape: Literal["container", "block", "inline"]
    check: Check
    dedent: bool = False
    """A container whose content is read without its shared indentation (rows, columns); in
    one, another such container's marker may stand at any indentation (DocFX's nested
    columns)."""
    inside: str = ""
    """The container it must stand in (a column: a row); elsewhere it is reported, kept."""
    nests: bool = True
    """Whether it may stand inside another of its kind (DocFX: zones may not)."""
    closes: Callable[[dict[str, str]], bool] | None = None
    """A block directive whose content runs to ``:::name-end:::`` for these attributes (a
    complex image's long description)."""


def attributes(text: str, self_closing: bool) -> tuple[dict[str, str], str] | None:
    """The attributes at the start of ``text`` and what follows them (for a self-closing
    directive, from its closing ``:::`` on); ``None`` when they are not attributes DocFX reads."""
    found: dict[str, str] = {}
    position = 0
    while True:
        position = SPACES.match(text, position).end()  # type: ignore[union-attr]
        if position >= len(text) or markers.is_marker(text[position]):
            return found, text[position:]
        if self_closing and text.startswith(":::", position):
            return found, text[position:]
        name = NAME.match(text, position)
        if name is None:
            return None
        key = name.group().lower()
        if key in found:
            return None
        position = SPACES.match(text, name.end()).end()  # type: ignore[union-attr]
        value = ""
        if position < len(text) and text[position] == "=":
            position = SPACES.match(text, position + 1).end()  # type: ignore[union-attr]
            if position >= len(text) or text[position] != '"':
                return None
            end = text.find('"', position + 1)
            if end < 0:
                return None
            value = text[position + 1 : end]
            position = end + 1
        found[key] = value


def directives(md: Markdown) -> dict[str, Directive]:
    """The directives registered on ``md``."""
    table: dict[str, Directive] = md.__dict__.setdefault("docfx_directives", {})
    return table


def register(md: Markdown, directive: Directive) -> None:
    """Add ``directive``; the first registration installs the block and inline rules."""
    table = directives(md)
    if not table:
        md.block.ruler.before(
            "code",  # in a dedented container a marker may be indented: before indented code
            "docfx_colons",
            _block,
            {"alt": ["paragraph", "reference", "blockquote", "list"]},
        )
        md.inline.ruler.before("link", "docfx_colons", _inline)
        md.core.ruler.after("segment_markers", "docfx_raw_text", raw_text)
    table[f"{directive.name}:block" if directive.shape == "block" else directive.name] = directive


def raw_text(state: object) -> None:
    """Core rule (before the inline parse): an inline token marked ``raw`` (a long
    description) is one text token, its markdown not read."""
    tokens = getattr(state, "tokens", [])
    for token in tokens:
        if token.type == "inline" and token.meta.get("raw"):
            text = Token("text", "", 0)
            text.content = token.content
            token.children = [text]
            token.content = ""


def _opener(text: str) -> tuple[str, str] | None:
    """``(name, rest)`` of a line that starts a directive: ``:::``, spaces, a name."""
    if not text.startswith(":::"):
        return None
    position = SPACES.match(text, 3).end()  # type: ignore[union-attr]
    name = NAME.match(text, position)
    if name is None:
        return None
    return name.group().lower(), text[name.end() :]


def _end_of(text: str, name: str) -> bool:
    """Whether a line's text (after its indentation) is ``name``'s end marker."""
    found = _opener(text)
    return found is not None and found[0] == name + "-end"


def _stack(state: StateBlock) -> list[str]:
    run = state.env.get(KEY)
    if not isinstance(run, Parse):
        return []
    stack: list[str] = run.data.setdefault("colons", [])
    return stack


def problems(state: StateBlock | StateInline) -> list[tuple[int, str, str]]:
    """What the directives of the parse running found wrong: (line, what, expected)."""
    run = state.env.get(KEY)
    return run.problems if isinstance(run, Parse) else []


def report(state: StateBlock, line: int, what: str, expected: str) -> None:
    """A problem of the parse running at ``line`` (0-based), once (a rule may run twice)."""
    found = problems(state)
    if (line, what, expected) not in found:
        found.append((line, what, expected))


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    indented = state.sCount[start] - state.blkIndent >= 4
    table = directives(state.md)  # type: ignore[arg-type]
    stack = _stack(state)
    parent = table.get(stack[-1]) if stack else None
    if indented and not (parent is not None and parent.dedent):
        return False  # as DocFX reads its nested columns: in a row a marker's indentation
    begin = state.bMarks[start] + state.tShift[start]
    line = state.src[begin : state.eMarks[start]]
    opener = _opener(line)
    if opener is None:
        return False
    name, rest = opener
    directive = table.get(name + ":block") or table.get(name)
    if directive is None or directive.shape == "inline":
        return False
    if indented and not directive.dedent:
        return False  # only a dedented container's marker (a column's) may stand so
    read = attributes(rest, True)
    if read is None:
        return False
    values, tail = read
    if directive.shape == "container":
        tail = tail.strip()
        if tail and tail != ":::" and markers.strip(tail).strip() not in ("", ":::"):
            return False
    elif not tail.startswith(":::") or markers.strip(tail[3:]).strip():
        return False
    wrong = directive.check(values)
    if wrong is not None:
        if not silent:
            report(state, start, f"':::{name}:::' as DocFX does not read it (shown as text)", wrong)
        return False
    if directive.closes is not None and not directive.closes(values):
        return False  # an inline directive on a line of its own: its paragraph's
    if not directive.nests and name in stack:
        return False
    if silent:
        return True
    if directive.shape == "block" and not (directive.closes and directive.closes(values)):
        token = state.push(f"docfx_{name}", "", 0)
        token.map = [start, start + 1]
        token.meta = {"attrs": values, "line": line}
        state.line = start + 1
        return True
    return _container(state, start, end, directive, values, line, stack)


def _container(
    state: StateBlock,
    start: int,
    end: int,
    directive: Directive,
    values: dict[str, str],
    line: str,
    stack: list[str],
) -> bool:
    name = directive.name
    if directive.inside and directive.inside not in stack:
        problems(state).append(
            (
                start,
                f"':::{name}' outside a ':::{directive.inside}:::'",
                f"':::{name}' inside ':::{directive.inside}:::' … ':::{directive.inside}-end:::'",
            )
        )
    closing = None
    depth = 0
    fence = ""
    row = start + 1
    while row < end:
        begin = state.bMarks[row] + state.tShift[row]
        text = state.src[begin : state.eMarks[row]]
        if text.strip() and state.sCount[row] < state.blkIndent:
            break
        plain = markers.strip(text)
        if fence:
            if plain.strip().startswith(fence) and not plain.strip()[len(fence) :].strip():
                fence = ""
        elif FENCE.match(plain):
            opened = FENCE.match(plain)
            fence = opened.group(1) if opened is not None else ""
        elif _end_of(plain, name):
            if depth == 0:
                closing = row
                break
            depth -= 1
        else:
            opener = _opener(plain)
            if opener is not None and opener[0] == name and directive.shape == "container":
                depth += 1
        row += 1
    last = closing if closing is not None else row
    if closing is None:
        problems(state).append(
            (
                start,
                f"':::{name}' without its ':::{name}-end:::'; closed at the end of its container",
                f"':::{name}-end:::' on a line of its own after the {name}'s content",
            )
        )
    opening = state.push(f"docfx_{name}_open", "div", 1)
    opening.map = [start, last + (1 if closing is not None else 0)]
    opening.meta = {"attrs": values, "line": line, "closed": closing is not None}
    if directive.shape == "block":  # a long description: its lines as text, not markdown
        body_lines = []
        for number in range(start + 1, last):
            body_lines.append(
                state.src[state.bMarks[number] + state.tShift[number] : state.eMarks[number]]
            )
        inline = state.push("inline", "", 0)
        inline.content = "\n".join(body_lines).strip()
        inline.map = [start + 1, last]
        inline.children = []
        inline.meta = {"raw": True}
    else:
        saved = (state.parentType, state.lineMax, state.blkIndent)
        state.parentType = "docfx"
        state.lineMax = last
        if directive.dedent:
            indents = [
                state.sCount[number]
                for number in range(start + 1, last)
                if state.bMarks[number] + state.tShift[number] < state.eMarks[number]
            ]
            state.blkIndent = max(min(indents, default=state.blkIndent), state.blkIndent)
        stack.append(directive.name)
        try:
            state.md.block.tokenize(state, start + 1, last)
        finally:
            stack.pop()
            state.parentType, state.lineMax, state.blkIndent = saved
    closing_token = state.push(f"docfx_{name}_close", "div", -1)
    closing_token.meta = {"closer": closing is not None}
    state.line = last + 1 if closing is not None else last
    return True


def _inline(state: StateInline, silent: bool) -> bool:
    src = state.src
    position = state.pos
    if not src.startswith(":::", position):
        return False
    opener = _opener(src[position:])
    if opener is None:
        return False
    name, rest = opener
    directive = directives(state.md).get(name)  # type: ignore[arg-type]
    if directive is None or directive.shape != "inline":
        return False
    read = attributes(rest, True)
    if read is None:
        return False
    values, tail = read
    if not tail.startswith(":::") or directive.check(values) is not None:
        return False
    length = len(src) - position - len(tail) + 3
    body = None
    if directive.closes is not None and directive.closes(values):
        end = src.find(f":::{name}-end:::", position + length)
        if end >= 0:  # a complex image in a sentence: its description up to its end marker
            body = src[position + length : end]
            length = end + len(f":::{name}-end:::") - position
    if not silent:
        token = state.push(f"docfx_{name}", "", 0)
        token.meta |= {"attrs": values, "source": src[position : position + length]}
        if body is not None:
            token.meta["body"] = markers.strip(body).strip()
    state.pos = position + length
    return True

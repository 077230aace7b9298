"""DocFX's containers, found line by line: ``:::name …:::`` … ``:::name-end:::``, and tab groups.

A *container* opens on a line of its own with a triple-colon marker (``:::zone pivot="a":::``,
``::: zone pivot="a"``, ``:::row:::``; names in any case, the closing colons optional) and closes
with its end marker (``:::zone-end:::``, ``::: zone-end``). A *tab group* starts at a heading
whose only content is a tab link (``# [Linux](#tab/linux)``, ``tabs``) and ends at a thematic
break (``---``) or at the end of the container it stands in. Markers stand after the line's
*prefix* — its indentation and blockquote markers — so a container in a list item or a quote
stays inside it; a marker inside a fenced code block is text. On the translation page a marker
that was a whole segment is wrapped in its hover span (``hover``); it is read through it.

Each container becomes HTML that CommonMark and Python-Markdown both read as a wrapper around
markdown: its opening tag (``markdown="1"``) on a line of its own, a blank line, the content, a
blank line, its closing tag marked as the pass's (``</div><!-- /zone -->``), every line carrying
the container's prefix. (``md_in_html`` alone loses a container nested in a list inside another
container; the site's extension, ``site.containers``, reads these tag lines the same way at any
depth.) Content is dedented by the
indentation all its lines share beyond the opener's (DocFX reads container content without its
indentation: a column's text indented under ``:::column:::`` is no indented code). What each
kind writes is the kind's (``Kind``: ``zones``, ``monikers``, ``columns``; tab groups: ``tabs``).

Nothing swallows the rest of a page: a container that is never closed ends where its own
container ends (a line outside its prefix), or at the end of the text, and is reported; an end
marker without its opener is reported and kept as text. Every marker the pass replaces is
recorded (``Resolver.changed``), so the audit finds a segment that was a marker as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.images import attributes

PREFIX = re.compile(r"[ \t>]*")
QUOTE_PART = re.compile(r"(?:[ \t]*>[ ]?)*")
HOVER = re.compile(r'<span class="sxs" tabindex="0" data-en="[^"]*">(?P<inner>.*)</span>')
"""A segment's hover span (``hover.wrapped``): its English is all character references."""
FENCE_OPEN = re.compile(r"(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
THEMATIC_BREAK = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
NAME = r"(?P<name>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?)"
OPEN = re.compile(
    r":::[ \t]*"
    + NAME
    + r"(?![\w-])(?P<attrs>(?:[^:\"']|\"[^\"]*\"|'[^']*')*?)[ \t]*(?::::[ \t]*)?",
    re.I,
)
END = re.compile(r":::[ \t]*" + NAME + r"-end[ \t]*(?::::[ \t]*)?", re.I)
QUICK = re.compile(r":::|#tab/", re.I)
"""What a text must hold for the pass to have anything to do."""


@dataclass(slots=True)
class Context:
    """One pass over one text: the page's language and resolver, and where its lines stood."""

    code: str
    resolver: Resolver | None
    to_source: Callable[[int], int] = lambda offset: offset
    """An offset of the text -> the offset in the body the page's constructs were found in."""
    starts: list[int] = field(default_factory=list)
    """The offset of each line's start in the text."""
    tab_titles: dict[str, str] = field(default_factory=dict)
    """Each tab id of the text -> the title of its first independent tab (a dependent
    variant's condition is named by it)."""

    def report(self, line: int, what: str, expected: str) -> None:
        if self.resolver is not None:
            start = self.starts[min(line, len(self.starts) - 1)] if self.starts else 0
            self.resolver.report(self.to_source(start), what, expected)

    def changed(self, original: str, target: str, rule: str) -> None:
        if self.resolver is not None and original != target:
            self.resolver.changed(original, target, rule)


@dataclass(frozen=True, slots=True)
class Kind:
    """One triple-colon container: its name, the opening tag it writes (from its attributes,
    for a page; it may report through the context, at the opener's line) and the kind it must
    stand in (a column: in a row)."""

    name: str
    open: Callable[[dict[str, str], Context, int], str]
    inside: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A tab heading: the tab's ids (``a+b``: either), its condition (the id chosen in another
    group that this variant is for), its title as written and the anchors before it."""

    ids: tuple[str, ...]
    condition: str
    title: str
    text: str
    """The title as the label shows it: plain text (the first id when it has none)."""
    link: str
    """The tab link as written (``[Linux](#tab/linux)``), for the audit."""
    anchors: str


@dataclass(slots=True)
class Container:
    """A triple-colon container: its kind and attributes, its opener's line and marker (as
    written), what it holds."""

    kind: Kind
    attrs: dict[str, str]
    opener: int
    marker: str
    children: list[Node] = field(default_factory=list)
    end: int = -1
    """The index of its end marker's line, or of the first line after it when it had none."""
    closer: str = ""
    """Its end marker as written ("": it had none)."""
    requires: str = ""
    """The prefix (canonical) a line must start with to stay inside it: its own opener's, or,
    inside another container, that one's (indentation under a container is not structure)."""


@dataclass(slots=True)
class Tab:
    """One tab of a group: its heading, the heading's line, its content."""

    heading: Heading
    line: int
    children: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class TabGroup:
    """A tab group: the prefix its headings stand after, its tabs (its ``---``, when it has one,
    is no line of it: dropped)."""

    prefix: str
    tabs: list[Tab]
    requires: str = ""
    """As ``Container.requires``."""


Node = int | Container | TabGroup
"""A line of the text (its index), a container or a tab group, in text order."""
Open = Container | TabGroup
TabHeadings = Callable[[str], Heading | None]
"""A line's content (after its prefix) -> the tab heading it is, or ``None``."""
Write = Callable[[list[Node]], list[str]]
TabWriter = Callable[[TabGroup, list[str], Write, Context], list[str]]
"""(a tab group, the text's lines, the writer of its tabs' content, the pass) -> its lines."""


def canonical(prefix: str) -> str:
    """A prefix as compared: tabs as spaces, the optional space after each ``>`` left out."""
    return re.sub(r">[ ]?", ">", prefix.expandtabs(4))


def prefix_of(line: str) -> str:
    """A line's indentation and blockquote markers."""
    match = PREFIX.match(line)
    return match.group() if match else ""


def quote_of(line: str) -> str:
    """A line's blockquote markers (with the indentation before each)."""
    match = QUOTE_PART.match(line)
    return match.group() if match else ""


def marker_text(content: str) -> str:
    """A line's content with a hover span around all of it taken off."""
    text = content.strip()
    wrapped = HOVER.fullmatch(text)
    return wrapped.group("inner").strip() if wrapped else text


@dataclass(slots=True)
class _Parser:
    lines: list[str]
    kinds: dict[str, Kind]
    headings: TabHeadings
    context: Context
    root: list[Node] = field(default_factory=list)
    stack: list[Open] = field(default_factory=list)

    def children(self) -> list[Node]:
        if not self.stack:
            return self.root
        top = self.stack[-1]
        return top.children if isinstance(top, Container) else top.tabs[-1].children

    def requirement(self, prefix: str) -> str:
        """What a node opened here with ``prefix`` requires of the lines inside it."""
        top = self.stack[-1] if self.stack else None
        return top.requires if isinstance(top, Container) else canonical(prefix)

    def close_top(self, at: int, implicit: str) -> None:
        """Close the innermost open node at line ``at`` (its end marker's line, or the first line
        after it); ``implicit``: what ended it, for the report ("" when it was closed as meant)."""
        node = self.stack.pop()
        if isinstance(node, Container):
            node.end = at
        if isinstance(node, Container) and implicit:
            name = node.kind.name
            self.context.report(
                node.opener,
                f"':::{name}' without its ':::{name}-end:::'; closed at the end of {implicit}",
                f"':::{name}-end:::' on a line of its own after the {name}'s content",
            )
        elif isinstance(node, TabGroup) and implicit == "the page":
            self.context.report(
                node.tabs[0].line,
                "tab group without its closing '---'; it runs to the end of the page",
                "a line '---' after the last tab's content",
            )

    def parse(self) -> list[Node]:
        fence: tuple[str, int, str] | None = None  # its character, length, canonical prefix
        for index, line in enumerate(self.lines):
            prefix = prefix_of(line)
            content = line[len(prefix) :]
            if fence is not None and (
                not content.strip() or canonical(prefix).startswith(fence[2])
            ):  # a line outside the fence's prefix ends it with its list item or quote
                stripped = content.strip()
                char, length, _ = fence
                if stripped and set(stripped) == {char} and len(stripped) >= length:
                    fence = None
                self.children().append(index)
                continue
            fence = None
            if not content.strip():
                self.children().append(index)
                continue
            if self.end(index, content) or self.thematic_break(index, prefix, content):
                continue
            while self.stack and not canonical(prefix).startswith(self.stack[-1].requires):
                self.close_top(index, "its container")
            if self.open(index, content) or self.tab(index, prefix, content):
                continue
            opening = FENCE_OPEN.match(content)
            if opening is not None and not (opening["fence"][0] == "`" and "`" in opening["info"]):
                fence = (opening["fence"][0], len(opening["fence"]), canonical(prefix))
            self.children().append(index)
        while self.stack:
            self.close_top(len(self.lines), "the page")
        return self.root

    def end(self, index: int, content: str) -> bool:
        text = marker_text(content)
        match = END.fullmatch(text)
        if match is None or match["name"].lower() not in self.kinds:
            return False
        name = match["name"].lower()
        depth = next(
            (
                depth
                for depth in range(len(self.stack) - 1, -1, -1)
                if isinstance(node := self.stack[depth], Container) and node.kind.name == name
            ),
            None,
        )
        if depth is None:
            self.context.report(
                index,
                f"':::{name}-end' without an opening ':::{name}'; kept as text",
                f"':::{name} …:::' on a line of its own before it",
            )
            self.children().append(index)
            return True
        while len(self.stack) > depth + 1:
            self.close_top(index, "its container")
        container = self.stack[-1]
        assert isinstance(container, Container)
        container.closer = text
        self.close_top(index, "")
        return True

    def thematic_break(self, index: int, prefix: str, content: str) -> bool:
        if not self.stack or not THEMATIC_BREAK.match(content.strip()):
            return False
        group = self.stack[-1]
        if not isinstance(group, TabGroup) or canonical(prefix) != canonical(group.prefix):
            return False
        self.close_top(index, "")
        return True

    def open(self, index: int, content: str) -> bool:
        text = marker_text(content)
        match = OPEN.fullmatch(text)
        kind = self.kinds.get(match["name"].lower()) if match is not None else None
        if match is None or kind is None:
            return False
        if kind.inside is not None:
            around = next((n for n in reversed(self.stack) if isinstance(n, Container)), None)
            if around is None or around.kind.name != kind.inside:
                self.context.report(
                    index,
                    f"':::{kind.name}' outside a ':::{kind.inside}:::'",
                    f"':::{kind.name}' inside ':::{kind.inside}:::' … ':::{kind.inside}-end:::'",
                )
        container = Container(kind, attributes(match["attrs"]), index, text)
        container.requires = self.requirement(prefix_of(self.lines[index]))
        self.children().append(container)
        self.stack.append(container)
        return True

    def tab(self, index: int, prefix: str, content: str) -> bool:
        heading = self.headings(content)
        if heading is None:
            return False
        tab = Tab(heading, index)
        if not heading.condition:
            for tab_id in heading.ids:
                self.context.tab_titles.setdefault(tab_id, heading.text)
        top = self.stack[-1] if self.stack else None
        if isinstance(top, TabGroup) and canonical(prefix) == canonical(top.prefix):
            top.tabs.append(tab)
            return True
        group = TabGroup(prefix, [tab], requires=self.requirement(prefix))
        self.children().append(group)
        self.stack.append(group)
        return True


def _dedent(lines: list[str], container: Container) -> None:
    """Take off the indentation every content line of ``container`` shares beyond its opener's."""
    base = prefix_of(lines[container.opener])
    indent = len(base) - len(quote_of(base))
    widths = []
    content = range(container.opener + 1, container.end)
    for index in content:
        line = lines[index]
        quote = quote_of(line)
        rest = line[len(quote) :]
        if rest.strip():
            widths.append(len(rest) - len(rest.lstrip(" ")))
    extra = min(widths, default=0) - indent
    if extra <= 0:
        return
    for index in content:
        line = lines[index]
        quote = quote_of(line)
        rest = line[len(quote) :]
        spaces = len(rest) - len(rest.lstrip(" "))
        lines[index] = quote + rest[min(spaces, extra) :]


@dataclass(slots=True)
class _Writer:
    lines: list[str]
    context: Context
    write_tabs: TabWriter

    def dedent(self, nodes: list[Node]) -> None:
        for node in nodes:
            if isinstance(node, Container):
                _dedent(self.lines, node)
                self.dedent(node.children)
            elif isinstance(node, TabGroup):
                for tab in node.tabs:
                    self.dedent(tab.children)

    def write(self, nodes: list[Node]) -> list[str]:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, int):
                out.append(self.lines[node])
            elif isinstance(node, Container):
                out.extend(self.container(node))
            else:
                out.extend(self.write_tabs(node, self.lines, self.write, self.context))
        return out

    def container(self, node: Container) -> list[str]:
        prefix = prefix_of(self.lines[node.opener])
        bare = blank(prefix)
        opening = node.kind.open(node.attrs, self.context, node.opener)
        self.context.changed(node.marker, opening, node.kind.name)
        closing = closer(node.kind.name)
        if node.closer:
            self.context.changed(node.closer, closing, node.kind.name)
        inner = self.write(node.children)
        return [bare, prefix + opening, bare, *inner, bare, prefix + closing, bare]


def closer(name: str) -> str:
    """The closing tag of a container ``name``, marked as the pass's (``</div><!-- /zone -->``):
    the site's Markdown extension tells it from a source's own ``</div>`` by the comment."""
    return f"</div><!-- /{name} -->"


class Inserted(str):
    """A blank line the pass inserted around a container's tags (``tidy`` drops a second one)."""

    __slots__ = ()


def blank(prefix: str) -> Inserted:
    """A blank line inside a container whose lines start with ``prefix``."""
    return Inserted(prefix.rstrip())


def tidy(lines: list[str]) -> list[str]:
    """``lines`` without an inserted blank line at their start or next to another blank line."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if isinstance(line, Inserted) and (
            not out
            or not out[-1].strip(" \t>")
            or (index + 1 < len(lines) and not lines[index + 1].strip(" \t>"))
        ):
            continue
        out.append(line)
    return out


def expand_containers(
    text: str,
    kinds: list[Kind],
    headings: TabHeadings,
    write_tabs: TabWriter,
    context: Context,
) -> str:
    """``text`` with its containers and tab groups written as HTML around their markdown."""
    if QUICK.search(text) is None:
        return text
    lines = text.split("\n")
    if any("\t" in line for line in lines):
        lines = [prefix_of(line).expandtabs(4) + line[len(prefix_of(line)) :] for line in lines]
    context.starts = [0]
    for line in lines[:-1]:
        context.starts.append(context.starts[-1] + len(line) + 1)
    tree = _Parser(lines, {kind.name: kind for kind in kinds}, headings, context).parse()
    if all(isinstance(node, int) for node in tree):
        return text
    writer = _Writer(lines, context, write_tabs)
    writer.dedent(tree)
    return "\n".join(tidy(writer.write(tree)))

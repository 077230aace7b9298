"""Code includes: ``[!code-<lang>[name](path…)]`` and ``:::code …:::``, a code file's lines.

Both are block constructs, alone on their line (after indentation, ``>`` or a list's indent).
DocFX's forms (docs/docs/markdown.md, its markdown spec, and Learn's code-in-docs.md):

- ``[!code-csharp[](Program.cs)]``: the whole file; ``#region`` or ``?name=region`` a named
  region; ``#L12-L16`` or ``?start=12&end=16`` lines; ``?range=2-5,7,9-`` line ranges;
  ``?highlight=2,5-7,9-`` lines highlighted (counted in the lines shown); ``?dedent=N`` the
  indentation removed (by default the lines' common indentation);
- ``:::code language="csharp" source="Program.cs" range="2-5" id="region" highlight="2":::``
  (``interactive`` is accepted and ignored: the site runs no code).

The path is relative to the file that holds the construct, or ``~/`` for the docset root, and
stays inside the repository (the page's ``Resolver`` reads it). A region is found as DocFX finds
it, by the comment syntax of the snippet's language (``// <name>`` … ``// </name>``,
``#region name`` … ``#endregion``, ``<!-- <name> -->``, ``# <name>``, ``-- <name>`` …; a name
also matches ``snippet<name>``), its nested markers left out. The lines become a fenced code
block with the language (``hl_lines`` for SuperFences); code is the same in both languages. A
missing file or region is a placeholder (``missing_code``), reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from bilingual.pages import placeholders
from bilingual.pages.docfx import masks
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.images import attributes
from bilingual.pages.docfx.includes import BLOCK_PREFIX, block_text, line_of
from bilingual.pages.docfx.inline import Construct

CODE_SNIPPET = re.compile(
    r"\[!code(?:-(?P<language>[^\[\]\s]*))?\[(?P<name>(?:\\.|[^\]\\\n])*)\]"
    r"\([ \t]*(?P<target>[^)\"\s]*?)(?:[ \t]+\"(?:\\.|[^\"\\\n])*\")?[ \t]*\)[ \t]*\]",
    re.IGNORECASE,
)
CODE_DIRECTIVE = re.compile(r":::code(?P<attrs>[ \t][^\n]*?)?:::", re.IGNORECASE)
DIRECTIVE_ATTRIBUTES = frozenset({"language", "source", "range", "id", "highlight", "interactive"})
TAG_NAME = re.compile(r"[\w.-]+")
LINE_RANGE = re.compile(r"L(\d+)(?:-L(\d+))?", re.IGNORECASE)
OPEN_END = 1 << 31


@dataclass(frozen=True, slots=True)
class Extractor:
    """One comment syntax of named regions: ``start``/``end`` templates around ``{tagname}``
    (white space ignored, letters compared in lower case); ``named``: the end names its tag."""

    start: str
    end: str
    named: bool = True


C_FAMILY = Extractor("//<{tagname}>", "//</{tagname}>")
CSHARP_REGION = Extractor("#region{tagname}", "#endregion", named=False)
BASIC_FAMILY = Extractor("'<{tagname}>", "'</{tagname}>")
VB_REGION = Extractor("#region{tagname}", "#endregion", named=False)
MARKUP_FAMILY = Extractor("<!--<{tagname}>-->", "<!--</{tagname}>-->")
SQL_FAMILY = Extractor("--<{tagname}>", "--</{tagname}>")
SCRIPT_FAMILY = Extractor("#<{tagname}>", "#</{tagname}>")
BATCH = Extractor("rem<{tagname}>", "rem</{tagname}>")
ERLANG = Extractor("%<{tagname}>", "%</{tagname}>")
LISP = Extractor(";<{tagname}>", ";</{tagname}>")
CSS = Extractor("/*<{tagname}>*/", "/*</{tagname}>*/", named=False)
EXTRACTORS = (
    BASIC_FAMILY,
    C_FAMILY,
    MARKUP_FAMILY,
    SQL_FAMILY,
    SCRIPT_FAMILY,
    BATCH,
    CSHARP_REGION,
    ERLANG,
    LISP,
    VB_REGION,
    CSS,
)
"""Every syntax, in DocFX's order: tried in turn for a language DocFX does not know."""

ALIASES: dict[str, tuple[str, ...]] = {
    "actionscript": ("as",),
    "arduino": ("ino",),
    "assembly": ("nasm", "asm"),
    "batchfile": ("bat", "cmd"),
    "css": (),
    "cpp": ("c", "c++", "objective-c", "obj-c", "objc", "objectivec", "h", "hpp", "cc", "m"),
    "csharp": ("cs",),
    "cuda": ("cu", "cuh"),
    "d": ("dlang",),
    "erlang": ("erl",),
    "fsharp": ("fs", "fsi", "fsx"),
    "go": ("golang",),
    "handlebars": ("hbs",),
    "haskell": ("hs",),
    "html": ("jsp", "asp", "aspx", "ascx"),
    "cshtml": ("aspx-cs", "aspx-csharp"),
    "vbhtml": ("aspx-vb",),
    "java": ("gradle",),
    "javascript": ("js", "node", "json"),
    "lisp": ("lsp",),
    "lua": (),
    "matlab": (),
    "pascal": ("pas",),
    "perl": ("pl",),
    "php": (),
    "powershell": ("posh", "ps1"),
    "processing": ("pde",),
    "python": ("py",),
    "r": (),
    "react": ("tsx",),
    "ruby": ("ru", "erb", "rb"),
    "rust": ("rs",),
    "scala": (),
    "shell": ("sh", "bash"),
    "smalltalk": ("st",),
    "sql": (),
    "swift": (),
    "typescript": ("ts",),
    "xaml": (),
    "xml": ("xsl", "xslt", "xsd", "wsdl", "csdl", "edmx"),
    "vb": ("vbnet", "vbscript", "bas", "vbs", "vba"),
}
"""DocFX's languages and their aliases (also file extensions)."""

_FAMILIES: tuple[tuple[tuple[str, ...], Extractor], ...] = (
    (("vb", "vbhtml"), BASIC_FAMILY),
    (
        (
            *("actionscript", "arduino", "assembly", "cpp", "csharp", "cshtml", "cuda", "d"),
            *("fsharp", "go", "java", "javascript", "objectivec", "pascal", "php", "processing"),
            *("react", "rust", "scala", "smalltalk", "swift", "typescript"),
        ),
        C_FAMILY,
    ),
    (
        ("xml", "xaml", "handlebars", "html", "cshtml", "php", "react", "ruby", "vbhtml"),
        MARKUP_FAMILY,
    ),
    (("haskell", "lua", "sql"), SQL_FAMILY),
    (("perl", "powershell", "python", "r", "ruby", "shell"), SCRIPT_FAMILY),
    (("batchfile",), BATCH),
    (("csharp", "cshtml"), CSHARP_REGION),
    (("erlang", "matlab"), ERLANG),
    (("lisp",), LISP),
    (("vb", "vbhtml"), VB_REGION),
    (("css",), CSS),
)


def _language_table() -> tuple[dict[str, str], dict[str, tuple[Extractor, ...]]]:
    names: dict[str, str] = {}
    for language, aliases in ALIASES.items():
        for word in (language, *aliases):
            names.setdefault(word, language)
    extractors: dict[str, list[Extractor]] = {}
    for languages, extractor in _FAMILIES:
        for language in languages:
            for word in (language, *ALIASES.get(language, ())):
                extractors.setdefault(word, []).append(extractor)
    return names, {word: tuple(found) for word, found in extractors.items()}


LANGUAGE_OF, EXTRACTORS_OF = _language_table()
"""An alias or extension (no dot) -> DocFX's language; -> the comment syntaxes of its regions."""


def _match_tag(line: str, template: str, named: bool = True) -> str | None:
    """The tag name ``line`` carries in ``template``'s shape (DocFX's ``MatchTag``), or ``None``."""
    if not line:
        return None
    before, _, after = template.partition("{tagname}")
    column = index = 0
    while column < len(line) and index < len(before):
        if not line[column].isspace():
            if line[column].lower() != before[index]:
                return None
            index += 1
        column += 1
    if index != len(before):
        return None
    name_start = column
    while column < len(line) and (not after or line[column] != after[0]):
        column += 1
    name = line[name_start:column].strip().lower()
    index = 0
    while column < len(line) and index < len(after):
        if not line[column].isspace():
            if line[column].lower() != after[index]:
                return None
            index += 1
        column += 1
    if index != len(after) or line[column:].strip():
        return None
    return name if not named or TAG_NAME.fullmatch(name) else None


def regions(lines: list[str], extractor: Extractor) -> tuple[dict[str, tuple[int, int]], set[int]]:
    """Each region's lines (0-based, end excluded) by lower-cased name, and every marker line."""
    found: dict[str, list[int]] = {}
    markers: set[int] = set()
    stack: list[str] = []
    for index, line in enumerate(lines):
        name = _match_tag(line, extractor.end, extractor.named)
        if name is not None:
            markers.add(index)
            if not extractor.named:
                name = stack.pop() if stack else ""
            if name in found and found[name][1] < 0:
                found[name][1] = index
            continue
        name = _match_tag(line, extractor.start)
        if name is not None:
            markers.add(index)
            found[name] = [index + 1, -1]
            stack.append(name)
    return {name: (start, end) for name, (start, end) in found.items() if end >= 0}, markers


def line_ranges(text: str) -> list[tuple[int, int]] | None:
    """``2-5,7,9-`` -> 1-based inclusive ranges (``9-``: to the end); ``None`` when malformed."""
    ranges = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) > 2 or not all(b.strip().isdigit() or not b.strip() for b in bounds):
            return None
        start = int(bounds[0]) if bounds[0].strip() else 1
        end = start if len(bounds) == 1 else int(bounds[1]) if bounds[1].strip() else OPEN_END
        ranges.append((start, end))
    return ranges or None


@dataclass(slots=True)
class Snippet:
    """What a code include asks for (DocFX's ``CodeSnippet``)."""

    path: str
    language: str = ""
    region: str = ""
    ranges: list[tuple[int, int]] | None = None
    highlight: list[tuple[int, int]] | None = None
    dedent: int | None = None
    problems: tuple[str, ...] = ()


def snippet_of_link(language: str, target: str) -> Snippet:
    """``path?query#bookmark`` of ``[!code-…]`` read as DocFX reads it."""
    path_end = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    snippet = Snippet(target[:path_end], language)
    rest = target[path_end:]
    query, bookmark = "", ""
    if rest.startswith("?"):
        query, _, bookmark = rest[1:].partition("#")
    elif rest.startswith("#"):
        bookmark = rest[1:]
    problems: list[str] = []
    start = end = None
    for key, value in parse_qsl(query, keep_blank_values=True):
        name = key.lower()
        if name == "name":
            snippet.region = value
        elif name in ("start", "end") and value.isdigit():
            if name == "start":
                start = int(value)
            else:
                end = int(value)
        elif name in ("range", "highlight") and line_ranges(value) is not None:
            setattr(snippet, "ranges" if name == "range" else "highlight", line_ranges(value))
        elif name == "dedent" and value.lstrip("-").isdigit():
            snippet.dedent = int(value)
        else:
            problems.append(f"query option '{key}={value}' is not one DocFX reads")
    if bookmark:
        lines = LINE_RANGE.fullmatch(bookmark)
        if lines is not None:
            first = int(lines.group(1))
            snippet.ranges = [(first, int(lines.group(2) or first))]
        else:
            snippet.region = bookmark
    elif start is not None or end is not None:
        first = start if start is not None else 1
        snippet.ranges = [(first, end if end is not None else first)]
    snippet.problems = tuple(problems)
    return snippet


def snippet_of_directive(attrs: str) -> Snippet:
    """``:::code language="…" source="…" range="…" id="…" highlight="…":::``."""
    values = attributes(attrs)
    problems = [
        f"attribute '{name}' is not one :::code::: takes"
        for name in values
        if name not in DIRECTIVE_ATTRIBUTES
    ]
    snippet = Snippet(values.get("source", ""), values.get("language", ""), values.get("id", ""))
    if values.get("range"):
        snippet.ranges = line_ranges(values["range"])
        if snippet.ranges is None:
            problems.append(f"range '{values['range']}' is not a list of lines (2-5,7)")
    if values.get("highlight"):
        snippet.highlight = line_ranges(values["highlight"])
        if snippet.highlight is None:
            problems.append(f"highlight '{values['highlight']}' is not a list of lines (2-5,7)")
    snippet.problems = tuple(problems)
    return snippet


def _extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def fence_language(snippet: Snippet) -> str:
    """The language word of the fence: the construct's, else the file's (DocFX's inference)."""
    if snippet.language:
        return snippet.language
    return LANGUAGE_OF.get(_extension(snippet.path), "")


def _expanded(line: str) -> tuple[str, int]:
    """``line`` with its leading tabs as spaces (tab stops of 4), and its indentation."""
    count = 0
    for index, char in enumerate(line):
        if char == " ":
            count += 1
        elif char == "\t":
            count = (count + 4) // 4 * 4
        else:
            return " " * count + line[index:], count
    return " " * count, count


def _dedented(line: str, width: int) -> str:
    for index in range(min(width, len(line))):
        if line[index] != " ":
            return line[index:]
    return line[min(width, len(line)) :]


def selected_lines(text: str, snippet: Snippet) -> list[str] | None:
    """The lines the snippet shows, dedented (DocFX's ``GetContent``: region before line
    ranges); ``None`` when the region is not in the file."""
    lines = text.splitlines()
    skipped: set[int] = set()
    if snippet.region:
        word = (snippet.language or _extension(snippet.path)).lower()
        wanted = snippet.region.lower()
        for extractor in EXTRACTORS_OF.get(word, EXTRACTORS):
            found, markers = regions(lines, extractor)
            span = found.get(wanted) or found.get("snippet" + wanted)
            if span is not None:
                chosen = [(span[0] + 1, span[1])]
                skipped = markers
                break
        else:
            return None
    else:
        chosen = snippet.ranges or [(1, len(lines))]
    shown: list[str] = []
    indents: list[int] = []
    for start, end in chosen:
        for index in range(max(start - 1, 0), min(end, len(lines))):
            if index in skipped:
                continue
            if lines[index] == "":
                shown.append("")
                continue
            line, indent = _expanded(lines[index])
            indents.append(indent)
            shown.append(line)
    width = (
        snippet.dedent
        if snippet.dedent is not None and snippet.dedent >= 0
        else min(indents, default=0)
    )
    return [_dedented(line, width) for line in shown]


def highlighted(ranges: list[tuple[int, int]] | None, count: int) -> list[int]:
    """The 1-based lines of ``ranges`` among ``count`` lines shown."""
    found: set[int] = set()
    for start, end in ranges or []:
        found.update(range(max(start, 1), min(end, count) + 1))
    return sorted(found)


def fenced(lines: list[str], language: str, highlight: list[int]) -> str:
    """A fenced code block: backticks longer than any run that opens a line of the code."""
    longest = max(
        (len(m.group()) for line in lines if (m := re.match(r"[ \t]*(`+)", line))), default=0
    )
    fence = "`" * max(3, longest + 1)
    info = language or ("text" if highlight else "")
    if highlight:
        info += f' hl_lines="{" ".join(map(str, highlight))}"'
    return "\n".join([fence + info, *lines, fence])


def _render(body: str, match: re.Match[str], resolver: Resolver | None, snippet: Snippet) -> str:
    before, after = line_of(body, match)
    if BLOCK_PREFIX.fullmatch(before) is None or after.strip() or resolver is None:
        return match.group()
    if masks.inside(masks.code(body), match.start()):
        return match.group()
    for problem in snippet.problems:
        resolver.report(match.start(), problem, "the options of DocFX's code snippets")
    text = resolver.code_file(snippet.path, match.start()) if snippet.path else None
    if not snippet.path:
        resolver.report(match.start(), "code include without a source file", 'source="path"')
    lines = selected_lines(text, snippet) if text is not None else None
    if text is not None and lines is None:
        resolver.report(
            match.start(),
            f"region '{snippet.region}' is not in code file '{snippet.path}' (a placeholder is shown)",
            "a region the file marks, e.g. // <name> … // </name> or #region name … #endregion",
        )
    if not lines:
        if text is not None and lines is not None:
            resolver.report(
                match.start(),
                f"the lines asked for are not in code file '{snippet.path}' (a placeholder is shown)",
                "line numbers inside the file",
            )
        shown = snippet.path + (f"#{snippet.region}" if snippet.region else "")
        return placeholders.block(resolver.code, "missing_code", path=shown)
    code = fenced(lines, fence_language(snippet), highlighted(snippet.highlight, len(lines)))
    return block_text(before, code)


def replace_snippet(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    snippet = snippet_of_link(match.group("language") or "", match.group("target"))
    return _render(body, match, resolver, snippet)


def replace_directive(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    return _render(body, match, resolver, snippet_of_directive(match.group("attrs") or ""))


CONSTRUCTS = [
    Construct("code", CODE_SNIPPET, replace_snippet, recorded=False, marker="[!"),
    Construct("code-directive", CODE_DIRECTIVE, replace_directive, recorded=False, marker=":::"),
]

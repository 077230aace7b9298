"""Code includes: ``[!code-<lang>[name](path…)]``, ``[!notebook-<lang>[](x.ipynb?name=cell)]``
and ``:::code …:::``, a code file's lines.

Each is a block alone on its line. As DocFX's ``CodeSnippetParser`` reads them:

- ``[!code-csharp[](Program.cs)]``: the whole file; ``#region`` or ``?name=region`` a named
  region; ``#L12-L16`` or ``?start=12&end=16`` lines; ``?range=2-5,7,9-`` line ranges (``9-``: to
  the end); ``?highlight=2,5-7,9-`` lines highlighted (counted in the lines shown);
  ``?dedent=N`` the indentation removed (by default the lines' common indentation); a region
  first, then line numbers, then ranges; an option DocFX does not read and it is no snippet;
- ``[!notebook-python[](Program.ipynb?name=import)]``: the code cell of a Jupyter notebook whose
  metadata names it (none, or several: an empty block, as in DocFX);
- ``:::code language="csharp" source="Program.cs" range="2-5" id="region" highlight="2":::``
  (``interactive`` is read and ignored: the site runs no code).

The path is relative to the file that holds the construct, or ``~/`` for the docset root, and
stays inside the repository (the page's resolver reads it). A region is found as DocFX finds
it, by the comment syntax of the snippet's language (``// <name>`` … ``// </name>``, ``#region
name`` … ``#endregion``, ``<!-- <name> -->``, ``# <name>``, ``-- <name>`` …; a name also matches
``snippet<name>``), its nested markers left out. The lines become a code block (``fences``
highlights it) with the language and the lines highlighted; code is the same in both languages.
A missing file or region is a placeholder showing the construct as written, reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual.pages import placeholders
from bilingual.pages.docfx import colons
from bilingual.pages.tree import markers
from bilingual.pages.tree.parser import Markdown, block_line
from bilingual.pages.tree.unit import Source, SourcePass, Unit

SHAPE = (
    "[!code-language[title](path#region)] or [!code[title](path?range=2-5&highlight=3&dedent=4)]"
    " on a line of its own"
)
"""What a code include line looks like (DocFX's ``CodeSnippetParser``)."""
DIRECTIVE_ATTRIBUTES = frozenset({"language", "source", "range", "id", "highlight", "interactive"})
ORDER = 30


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
    notebook: bool = False
    interactive: str = ""


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


def _query(snippet: Snippet, query: str) -> bool:
    """DocFX's query options into ``snippet``; ``False`` when one is not DocFX's."""
    start = end = -1
    for item in query.split("&"):
        key, sep, value = item.partition("=")
        if not sep or "=" in value:
            return False
        name = key.lower()
        if name == "name":
            snippet.region = value
        elif name in ("start", "end"):
            if not value.lstrip("-").isdigit():
                return False
            if name == "start":
                start = end = int(value)
            else:
                end = int(value)
        elif name in ("range", "highlight"):
            ranges = line_ranges(value)
            if ranges is None:
                return False
            if name == "range":
                snippet.ranges = ranges
            else:
                snippet.highlight = ranges
        elif name == "dedent":
            if not value.lstrip("-").isdigit():
                return False
            snippet.dedent = int(value)
        else:
            return False
    if start != -1 and end != -1 and not snippet.region:
        snippet.ranges = [(start, end)]
    return True


def read_snippet(line: str) -> Snippet | None:
    """A ``[!code…]`` or ``[!notebook…]`` line as DocFX's ``CodeSnippetParser`` reads it."""
    lower = line.lower()
    if lower.startswith("[!code"):
        position, notebook = 6, False
    elif lower.startswith("[!notebook"):
        position, notebook = 10, True
    else:
        return None
    language = ""
    if position < len(line) and line[position] == "-":
        end = line.find("[", position)
        if end < 0:
            return None
        language, position = line[position + 1 : end].strip(), end
    if position >= len(line) or line[position] != "[":
        return None
    escaped, position = False, position + 1
    while position < len(line) and (line[position] != "]" or escaped):
        escaped = line[position] == "\\" and not escaped
        position += 1
    if position >= len(line):
        return None
    position += 1
    while position < len(line) and line[position].isspace():
        position += 1
    if position >= len(line) or line[position] != "(":
        return None
    position += 1
    path: list[str] = []
    depth, escaped = 0, False
    while position < len(line):
        char = line[position]
        if not escaped and (char in '#?"' or (char == ")" and depth == 0)):
            break
        if char == "\\" and not escaped:
            escaped = True
        else:
            depth += (char == "(" and not escaped) - (char == ")" and not escaped)
            path.append(char)
            escaped = False
        position += 1
    snippet = Snippet("".join(path).strip(), language, notebook=notebook)
    if position < len(line) and line[position] == "?":
        end = position + 1
        while end < len(line) and line[end] not in '")#':
            end += 1
        if not _query(snippet, line[position + 1 : end].strip()):
            return None
        position = end
    if position < len(line) and line[position] == "#":
        end = position + 1
        while end < len(line) and line[end] not in '")':
            end += 1
        bookmark = line[position + 1 : end].strip()
        lines = LINE_RANGE.fullmatch(bookmark)
        if lines is not None:
            first = int(lines.group(1))
            snippet.ranges = [(first, int(lines.group(2) or first))]
            snippet.region = ""
        else:
            snippet.region = bookmark
        position = end
    if position < len(line) and line[position] == '"':
        end = line.find('"', position + 1)
        if end < 0:
            return None
        position = end + 1
    rest = line[position:].strip()
    if not rest.startswith(")") or rest[1:].strip() != "]":
        return None
    return snippet


def snippet_of_directive(values: dict[str, str]) -> Snippet:
    """``:::code language="…" source="…" range="…" id="…" highlight="…":::``."""
    snippet = Snippet(values.get("source", ""), values.get("language", ""), values.get("id", ""))
    snippet.ranges = line_ranges(values["range"]) if values.get("range") else None
    snippet.highlight = line_ranges(values["highlight"]) if values.get("highlight") else None
    snippet.interactive = values.get("interactive", "")
    return snippet


def check_directive(values: dict[str, str]) -> str | None:
    if set(values) - DIRECTIVE_ATTRIBUTES:
        return "only " + ", ".join(sorted(DIRECTIVE_ATTRIBUTES))
    if not values.get("source"):
        return 'source="path"'
    for name in ("range", "highlight"):
        if values.get(name) and line_ranges(values[name]) is None:
            return f"{name} a list of lines (2-5,7)"
    return None


def notebook_lines(text: str, name: str) -> list[str]:
    """The source lines of the one code cell whose metadata ``name`` is ``name`` (none or
    several: no lines, as DocFX shows them)."""
    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        return []
    found = [
        cell
        for cell in cells
        if isinstance(cell, dict)
        and cell.get("cell_type") == "code"
        and isinstance(cell.get("metadata"), dict)
        and cell["metadata"].get("name") == name
    ]
    if len(found) != 1:
        return []
    source = found[0].get("source", [])
    joined = "".join(source) if isinstance(source, list) else str(source)
    return joined.split("\n")


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    line = block_line(state, start)
    if line is None or line[:2] != "[!":
        return False
    plain = markers.strip(line).rstrip()
    snippet = read_snippet(plain)
    if snippet is None:
        if not silent and plain.lower().startswith(("[!code", "[!notebook")):
            colons.report(
                state, start, f"'{plain}' is no code include DocFX reads (shown as text)", SHAPE
            )
        return False
    if silent:
        return True
    token = state.push("docfx_code", "", 0)
    token.map = [start, start + 1]
    token.meta = {"snippet": snippet, "source": line.strip()}
    state.line = start + 1
    return True


def _placeholder(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    shown = token.meta.get("source") or token.meta.get("line", "")
    return (
        placeholders.block(str(env.get("code", "en")), "missing_code", markers.strip(shown), "pre")
        + "\n"
    )


def install(md: Markdown) -> None:
    md.block.ruler.before(
        "paragraph", "docfx_code", _block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    colons.register(md, colons.Directive("code", "block", check_directive))
    md.add_render_rule("docfx_code", _placeholder)


def _lines(token: Token, snippet: Snippet, source: Source) -> list[str] | None:
    resolver = source.page.resolver
    if resolver is None:
        return None
    where = source.where(token)
    text = resolver.code_file(snippet.path, source.origin, where) if snippet.path else None
    if text is None:
        return None
    if snippet.notebook:
        return notebook_lines(text, snippet.region)
    lines = selected_lines(text, snippet)
    if lines is None:
        resolver.report(
            where,
            f"region '{snippet.region}' is not in code file '{snippet.path}' (a placeholder is shown)",
            "a region the file marks, e.g. // <name> … // </name> or #region name … #endregion",
        )
    return lines


def resolve(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: every code include read, as a code block (or its placeholder)."""
    for token in tokens:
        if token.type != "docfx_code":
            continue
        meta = token.meta
        snippet = meta["snippet"] if "snippet" in meta else snippet_of_directive(meta["attrs"])
        lines = _lines(token, snippet, source)
        if lines is None:
            continue
        token.type = "fence"
        token.content = "\n".join(lines) + ("\n" if lines else "")
        token.info = ""
        token.meta = {
            "language": fence_language(snippet),
            "highlight": highlighted(snippet.highlight, len(lines)),
            "snippet": True,
        }
    return tokens


UNIT = Unit(
    name="code",
    install=install,
    source=(SourcePass(ORDER, resolve),),
    elements={"pre": frozenset({"class", "role", "lang"})},
    skeleton={f"pre.{placeholders.MISSING}": "pre"},
    strings=("missing_code",),
)

"""The parity reference: a page's text in one language with DocFX's constructs reduced, by rules
of their own, to CommonMark that markdown-it-py renders as the blocks DocFX means.

``make parity`` compares each built page with this reference (``parity``, ``skeleton``). It
is made from the sources independently of the page writer's tree (no token, no pass of
``pages``): a mistake of the writer shows as a difference, not twice; what is a construct is
the constructs' own grammar (a code include is one as ``docfx.code.read_snippet`` reads it).
The rules:

- a block include (a line ``[!INCLUDE[…](path)]``) is the included source's text in the same
  language, each line under the include's prefix, between two empty comments (DocFX parses it
  alone: its list does not continue the page's); an inline one, that text on one line;
- a blockquote section marker line (``> [!NOTE]``, ``> [!div …]``, ``> [!VIDEO …]``) starts a
  blockquote of its own (DocFX's quote sections), which ``skeleton`` reads as an alert, a
  selector, a video or a transparent div;
- triple-colon container lines (``:::zone``, ``moniker``, ``row``, ``column``, their ends) are
  no block: left out, a column's content without the indentation its lines share;
- ``:::image …:::`` is a markdown image (a complex one without its long description, which the
  page shows collapsed), ``:::video …:::`` the player (``span.docfx-video``), a code include
  (``[!code…]``, ``[!notebook…]``, ``:::code…:::``) a code block;
- a tab heading (``# [Title](#tab/id)``) is no block, nor the thematic break that ends its group.
"""

from __future__ import annotations

import posixpath
import re

from bilingual.model import Document, Language
from bilingual.pages.docfx.code import read_snippet
from bilingual.pages.resolver import SourceFolder
from bilingual.pages.tree.language import body_text
from bilingual.source.includes import INCLUDE

PREFIX = r"(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)"
ITEM_PREFIX = r"(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?)"
"""A block include's line may open a list item: its text is the item's first blocks."""
BLOCK_INCLUDE = re.compile(
    rf"^{ITEM_PREFIX}(?P<include>{INCLUDE.pattern})[ \t]*$", re.IGNORECASE | re.MULTILINE
)
SECTION = re.compile(
    rf"^{PREFIX[:-1]})\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|div\b[^\]\n]*|video\s+https?://[^\]\n]+)\]\s*$",
    re.IGNORECASE,
)
CONTAINER = re.compile(r"^[ \t>]*:::\s*(?:zone|moniker|row|column)(?:-end)?\b", re.IGNORECASE)
IMAGE = re.compile(r""":::image\s+(?P<attrs>(?:"[^"\n]*"|[^:\n])*?):::""", re.IGNORECASE)
IMAGE_END = re.compile(r":::image-end:::", re.IGNORECASE)
VIDEO = re.compile(r""":::video\s+(?:"[^"\n]*"|[^:\n])*?:::""", re.IGNORECASE)
CODE = re.compile(r"^[ \t]*(?:\[!(?:code|notebook)\b.*\]|:::code\b.*:::)\s*$", re.IGNORECASE)
TAB = re.compile(r"^[ \t>]*#{1,6}\s+(?:<a\s[^>]*>\s*</a>\s*)*\[[^\]\n]*\]\(#tab/[^)\n]*\)\s*#*\s*$")
BREAK = re.compile(r"^[ \t>]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
SEAM = "<!-- -->"
"""Around an included text: DocFX parses it alone, so a list in it is not the page's list."""
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)\"""")


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): value for name, value in ATTRIBUTE.findall(text)}


def _image(match: re.Match[str]) -> str:
    values = _attributes(match.group("attrs"))
    return f"![{values.get('alt-text', '')}]({values.get('source', '').replace(' ', '%20')})"


def _included(
    folder: SourceFolder, path: str, origin: str, language: Language, chain: tuple[str, ...]
) -> str | None:
    written = path.replace("\\", "/")
    if folder.docset is not None and written.startswith("~/"):
        target = posixpath.normpath(posixpath.join(folder.docset.root_of(origin), written[2:]))
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(origin), written))
    if target in chain:
        return None
    document = folder.document(target)
    if document is None:
        return None
    return _text(folder, document, language, (*chain, target))


def _text(
    folder: SourceFolder, document: Document, language: Language, chain: tuple[str, ...]
) -> str:
    text = body_text(document, language)

    def block(match: re.Match[str]) -> str:
        found = _included(folder, match.group("path"), chain[-1], language, chain)
        if found is None:
            return match.group()
        prefix = match.group("prefix")
        found = _reduced(found)  # an include is read alone (its containers are its own)
        lines = [SEAM, "", *found.strip("\n").split("\n"), "", SEAM]  # its blocks its own
        inner = re.sub(r"(?:[-+*]|\d{1,9}[.)])([ \t]+)$", lambda m: " " * len(m.group()), prefix)
        first = prefix + lines[0]
        return "\n".join([first, *(inner + line if line else inner.rstrip() for line in lines[1:])])

    def inline(match: re.Match[str]) -> str:
        found = _included(folder, match.group("path"), chain[-1], language, chain)
        return match.group() if found is None else " ".join(found.split())

    text = BLOCK_INCLUDE.sub(block, text)
    return INCLUDE.sub(inline, text)


def _code_include(line: str) -> bool:
    """Whether ``line`` is a code include DocFX reads (its grammar: ``docfx.code``'s)."""
    written = line.strip().lstrip(">").strip()
    return written.startswith(":::") or read_snippet(written) is not None


def _apart(line: str) -> str:
    """What stands for a construct's line that is no block: an empty comment where the line
    stands (a list does not run on across it), or where that would be indented code, the line's
    blockquote markers alone."""
    found = re.match(r"[ \t>]*", line)
    leading = found.group() if found else ""
    indent = len(leading) - len(leading.lstrip(" ")) if ">" not in leading else 0
    return leading + SEAM if indent < 4 else _quotes(line)


def _depth(line: str) -> int:
    """How many blockquote markers open ``line``."""
    found = re.match(r"[ \t>]*", line)
    return (found.group() if found else "").count(">")


def _quotes(line: str) -> str:
    """What stays of a construct's line that is no block: its blockquote markers (the quote
    goes on around it)."""
    found = re.match(r"[ \t>]*", line)
    lead = found.group() if found else ""
    return lead[: lead.rfind(">") + 1] if ">" in lead else ""


def _dedent(lines: list[str], start: int, marker: int) -> None:
    """A column's lines (``lines[start:]``) without the indentation they share beyond their
    row's (``marker`` spaces): DocFX reads a column's content so, no indented code."""
    shared = [len(line) - len(line.lstrip(" ")) for line in lines[start:] if line.strip()]
    width = min(shared, default=0) - marker
    if width > 0:
        lines[start:] = [line[width:] if line.strip() else "" for line in lines[start:]]


def _reduced(text: str) -> str:
    out: list[str] = []
    columns: list[tuple[int, int]] = []
    rows: list[int] = []
    opened: set[str] = set()
    in_tabs = False
    skipping = False
    fence = ""
    marked = 0
    comment = False
    for line in text.split("\n"):
        if comment:  # inside an HTML comment nothing is a construct
            comment = "-->" not in line
            out.append(line)
            continue
        opening = line.rfind("<!--")
        if opening >= 0 and "-->" not in line[opening:] and not fence:
            comment = True
        ticks = FENCE.match(line)
        if fence:  # inside fenced code nothing is a construct
            closes = ticks is not None and not line[ticks.end() :].strip()
            if closes and ticks and ticks.group(1)[0] == fence[0]:
                fence = "" if len(ticks.group(1)) >= len(fence) else fence
            out.append(line)
            continue
        if ticks and not (ticks.group(1)[0] == "`" and "`" in line[ticks.end() :]):
            fence = ticks.group(1)
            out.append(line)
            continue
        if skipping:
            if IMAGE_END.search(line):
                skipping = False
            continue
        container = CONTAINER.match(line)
        if container is not None:
            name = container.group().lower().replace(" ", "")
            indent = len(line) - len(line.lstrip(" "))
            kind = name.rsplit(":::", 1)[-1].removesuffix("-end")
            if kind in ("zone", "moniker"):  # not nested, an end only after its opener
                if name.endswith("-end") != (kind in opened):
                    out.append(line)  # DocFX shows it as text
                    continue
                (opened.discard if name.endswith("-end") else opened.add)(kind)
            if name.endswith(":::row"):
                rows.append(indent)
            elif name.endswith(":::row-end") and rows:
                rows.pop()
            elif name.endswith(":::column"):
                columns.append((len(out) + 1, rows[-1] if rows else indent))
            elif name.endswith(":::column-end") and columns:
                _dedent(out, *columns.pop())
            # a row stands apart from a list before it; a zone's lines go, its content flows on
            out.append(_apart(line) if kind in ("row", "column") else _quotes(line))
            continue
        if TAB.match(line):
            in_tabs = True
            quote = _quotes(line)
            out.extend([quote, _apart(line), quote])  # its panels apart
            continue
        if in_tabs and BREAK.match(line):
            in_tabs = False
            out.append(_quotes(line))
            continue
        if CODE.match(line) and _code_include(line):
            prefix = re.match(r"[ \t>]*", line)
            lead = prefix.group() if prefix else ""
            out.extend([lead + "```", lead + "code", lead + "```"])
            continue
        if marked and line.strip() and _depth(line) < marked:
            out.append("")  # no paragraph is open after a marker: no lazy line continues it
        marked = 0
        section = SECTION.match(line)
        if section is not None:
            quote = section.group("prefix").rstrip()
            out.append(quote[: quote.rfind(">")].rstrip() if ">" in quote else "")
            marked = _depth(line)
        complex_image = IMAGE.search(line)
        if (
            complex_image is not None
            and 'type="complex"' in complex_image.group("attrs")
            and not IMAGE_END.search(line)
        ):
            skipping = True
        line = IMAGE.sub(_image, line)
        line = VIDEO.sub('<span class="docfx-video"></span>', line)
        out.append(line)
    return "\n".join(out)


def reference_text(document: Document, language: Language, folder: SourceFolder) -> str:
    """The page of ``document`` in ``language`` as the parity reference reads it."""
    return _reduced(_text(folder, document, language, (document.path,)))

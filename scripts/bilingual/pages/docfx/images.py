"""Images: ``:::image …:::``, markdown ``![alt](path)`` and HTML ``<img src>``.

``:::image source="…" alt-text="…":::`` becomes a markdown image, as Learn's markdown reference
defines the directive:

- ``type="content"`` (the default) and ``type="complex"`` have a thin border
  (``<span class="mx-imgBorder">``), ``type="icon"`` is decorative: no alt text, no border;
  ``border="true|false"`` says otherwise;
- a complex image's long description, up to ``:::image-end:::``, follows the image as a
  collapsed "Long description" in the page's language (``> [!div class="docfx-long-description"]``,
  which ``divs`` writes as a ``<details>``), where screen readers and a reader who opens it
  find it; a complex image inside a sentence keeps it as the image's title instead;
- ``lightbox="path"`` makes the image a link to the larger image, ``link="url"`` a link to
  ``url`` (web or relative links only); ``loc-scope`` is ignored.

Every local image path is checked with the page's ``Resolver``: spelled as the file is, a
repository file outside the source folder pointed at where it is published; an image missing
from the source (common: localized repositories carry no media) is shown as its alt text in a
placeholder, reported. Nothing inside code is read (``masks``).
"""

from __future__ import annotations

import html
import re
import textwrap
from urllib.parse import urlsplit

from bilingual.pages import placeholders
from bilingual.pages.docfx import masks
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.escape import markdown_text
from bilingual.pages.docfx.includes import block_text
from bilingual.pages.docfx.inline import Construct
from bilingual.pages.docfx.paths import is_local

DIRECTIVE_ATTRIBUTES = r"""(?:"[^"\n]*"|'[^'\n]*'|[^:"'\n])*?"""
"""A directive's attributes: quoted values may hold ``:``, nothing may span lines."""
IMAGE = re.compile(rf":::image[ \t]+(?P<attrs>{DIRECTIVE_ATTRIBUTES})[ \t]*:::")
COMPLEX_IMAGE = re.compile(
    rf""":::image[ \t]+(?P<attrs>{DIRECTIVE_ATTRIBUTES}\btype=(?:"complex"|'complex'|complex\b)"""
    rf"""{DIRECTIVE_ATTRIBUTES})"""
    r"[ \t]*:::(?P<long>(?:(?!:::image).)*?):::image-end:::",
    re.DOTALL | re.IGNORECASE,
)
"""A complex image and its long description, up to its ``:::image-end:::`` (never past another
``:::image``); any other ``:::image:::`` closes itself."""
ATTRIBUTE = re.compile(r"""([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\([ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<path>[^)\s]+))(?P<rest>[^)]*)\)"
)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def attributes(text: str) -> dict[str, str]:
    """``name="value"`` pairs (any quoting) of a directive, names lower-cased."""
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in ATTRIBUTE.finditer(text)
    }


def image_markdown(source: str, alt: str, long: str | None) -> str:
    """A markdown image of ``source`` with ``alt`` (escaped) and ``long`` as its title."""
    escaped = markdown_text(alt)
    title = " ".join((long or "").split()).replace('"', "'")
    target = f"<{source}>" if " " in source else source
    return f'![{escaped}]({target} "{title}")' if title else f"![{escaped}]({target})"


def checked(source: str, offset: int, resolver: Resolver | None) -> str | None:
    """``source`` as the page writes it, or ``None`` when the file is missing (reported)."""
    if resolver is None or not source or not is_local(source):
        return source
    return resolver.media(source, offset)


BORDER_CLASS = "mx-imgBorder"
LONG_DESCRIPTION_MARKER = '> [!div class="docfx-long-description"]'
BLOCK_PREFIX = re.compile(r"[ \t>]*")
LINK_SCHEMES = frozenset({"", "http", "https"})


def _block_prefix(body: str, match: re.Match[str]) -> str | None:
    """What stands before the directive on its line when it is alone there, else ``None``."""
    line_start = body.rfind("\n", 0, match.start()) + 1
    line_end = body.find("\n", match.end())
    before = body[line_start : match.start()]
    after = body[match.end() : len(body) if line_end < 0 else line_end]
    return before if BLOCK_PREFIX.fullmatch(before) and not after.strip() else None


def long_description(long: str, prefix: str) -> list[str]:
    """The long description's lines, without the prefix they share with the directive's line
    and their common indentation; blank lines around it dropped."""
    lines = long.split("\n")
    bare = prefix.rstrip()
    stripped = []
    for line in lines:
        if prefix and line.startswith(prefix):
            line = line[len(prefix) :]
        elif bare and line.startswith(bare):
            line = line[len(bare) :]
        stripped.append(line.rstrip())
    text = textwrap.dedent("\n".join(stripped)).strip("\n")
    return text.split("\n") if text.strip() else []


def _link_target(value: str, offset: int, resolver: Resolver | None) -> str | None:
    """A ``lightbox`` (a local image, checked) or ``link`` target, or ``None`` when it is not
    a web or relative link."""
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINK_SCHEMES or not value.strip():
        return None
    return checked(value, offset, resolver)


def replace_directive(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if masks.inside(masks.code(body), match.start()):
        return match.group()
    values = attributes(match.group("attrs"))
    kind = values.get("type", "content").strip().lower() or "content"
    source = values.get("source", "")
    alt = "" if kind == "icon" else values.get("alt-text", "")
    found = checked(source, match.start(), resolver) if source else None
    if found is None:
        if resolver is None:
            return match.group()
        if not source:
            resolver.report(match.start(), ":::image::: without a source", 'source="path"')
        return placeholders.missing_image(resolver.code, source, alt)
    prefix = _block_prefix(body, match) if kind == "complex" else None
    long = match.groupdict().get("long")
    lines = long_description(long, prefix) if long is not None and prefix is not None else []
    image = image_markdown(found, alt, None if lines else long)
    target = None
    if values.get("lightbox"):
        target = _link_target(values["lightbox"], match.start(), resolver)
    elif values.get("link"):
        target = _link_target(values["link"], match.start(), resolver)
    if target:
        image = f"[{image}](<{target}>)" if " " in target else f"[{image}]({target})"
    border = values.get("border", "").strip().lower()
    if (border == "true") or (border != "false" and kind != "icon"):
        image = f'<span class="{BORDER_CLASS}">{image}</span>'
    if not lines or prefix is None:
        return image
    quoted = [LONG_DESCRIPTION_MARKER, *(f"> {line}" if line else ">" for line in lines)]
    return block_text(prefix, "\n".join([image, "", *quoted]))


def replace_markdown(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    path = match.group("angled") if match.group("angled") is not None else match.group("path")
    found = checked(path, match.start(), resolver)
    if found is None:
        assert resolver is not None
        return placeholders.missing_image(resolver.code, path, match.group("alt"))
    if found == path:
        return match.group()
    group = "angled" if match.group("angled") is not None else "path"
    start, end = match.start(group) - match.start(), match.end(group) - match.start()
    return match.group()[:start] + found + match.group()[end:]


def replace_html(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    tag = match.group()
    values = {
        m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "", m.span())
        for m in HTML_ATTRIBUTE.finditer(tag)
    }
    if "src" not in values:
        return tag
    raw, (start, end) = values["src"]
    path = html.unescape(raw)
    found = checked(path, match.start(), resolver)
    if found is None:
        assert resolver is not None
        alt = html.unescape(values.get("alt", ("", (0, 0)))[0])
        return placeholders.missing_image(resolver.code, path, alt)
    if found == path:
        return tag
    return f'{tag[:start]}src="{html.escape(found)}"{tag[end:]}'


CONSTRUCTS = [
    Construct("complex-image", COMPLEX_IMAGE, replace_directive, marker=":::"),
    Construct("image", IMAGE, replace_directive, marker=":::"),
    Construct("markdown-image", MARKDOWN_IMAGE, replace_markdown),
    Construct("html-image", HTML_IMAGE, replace_html),
]

"""Images: ``:::image …:::``, markdown ``![alt](path)`` and HTML ``<img src>``.

``:::image type="content|complex|icon" source="…" alt-text="…":::`` becomes a markdown image
(a complex image's long description, up to ``:::image-end:::``, its title). Every local image
path is checked with the page's ``Resolver``: spelled as the file is, a repository file outside
the source folder pointed at where it is published; an image missing from the source (common:
localized repositories carry no media) is shown as its alt text in a placeholder, reported.
"""

from __future__ import annotations

import html
import re

from bilingual.pages import placeholders
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.inline import Construct
from bilingual.pages.docfx.paths import is_local

IMAGE = re.compile(
    r":::image[ \t]+(?P<attrs>[^:]*?)[ \t]*:::(?:(?P<long>.*?):::image-end:::)?", re.DOTALL
)
ATTRIBUTE = re.compile(r"""([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\([ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<path>[^)\s]+))(?P<rest>[^)]*)\)"
)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def attributes(text: str) -> dict[str, str]:
    """``name="value"`` pairs (any quoting) of a directive, names lower-cased."""
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in ATTRIBUTE.finditer(text)
    }


def image_markdown(source: str, alt: str, long: str | None) -> str:
    """A markdown image of ``source`` with ``alt`` (escaped) and ``long`` as its title."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", alt)
    title = " ".join((long or "").split()).replace('"', "'")
    target = f"<{source}>" if " " in source else source
    return f'![{escaped}]({target} "{title}")' if title else f"![{escaped}]({target})"


def checked(source: str, offset: int, resolver: Resolver | None) -> str | None:
    """``source`` as the page writes it, or ``None`` when the file is missing (reported)."""
    if resolver is None or not source or not is_local(source):
        return source
    return resolver.media(source, offset)


def replace_directive(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    values = attributes(match.group("attrs"))
    source, alt = values.get("source", ""), values.get("alt-text", "")
    found = checked(source, match.start(), resolver)
    if found is None:
        assert resolver is not None
        return placeholders.missing_image(resolver.code, source, alt)
    return image_markdown(found, alt, match.group("long"))


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
    Construct("image", IMAGE, replace_directive),
    Construct("markdown-image", MARKDOWN_IMAGE, replace_markdown),
    Construct("html-image", HTML_IMAGE, replace_html),
]

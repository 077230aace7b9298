"""Images: ``:::image …:::``, markdown ``![alt](path)`` and HTML ``<img src>``.

``:::image source="…" alt-text="…":::`` is DocFX's ``ImageExtension``: ``source`` required,
``alt-text`` required but for ``type="icon"`` (decorative: ``role="presentation"``, no border),
``type="content"`` (the default) and ``type="complex"`` framed (``border="false"`` says
otherwise), ``lightbox="path"`` a link to the larger image, ``link="url"`` a link (web or
relative); ``loc-scope`` read and ignored; any other attribute and the directive is text. A
simple image stands in its sentence; a complex one is a block whose long description runs to
``:::image-end:::`` and is shown, as DocFX writes it (its text as written, not markdown),
collapsed under the image and titled in the page's language ("Long description"), where a screen
reader and a reader who opens it find it.

Every local image is checked with the page's resolver (a source pass): spelled as the file is;
a repository file outside the source folder pointed at where it is published; an image missing
from the source (common: localized repositories carry no media) is shown as its alt text in a
placeholder (``placeholders.missing_image``), reported.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages import placeholders
from bilingual.pages.docfx import colons
from bilingual.pages.docfx.paths import is_local
from bilingual.pages.tree import segments
from bilingual.pages.tree.html import attributes
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Source, SourcePass, Unit, placed

KNOWN = frozenset({"alt-text", "type", "loc-scope", "source", "border", "lightbox", "link"})
BORDER_CLASS = "mx-imgBorder"
LONG_CLASS = "docfx-long-description"
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
LINK_SCHEMES = frozenset({"", "http", "https"})
ORDER = 20


def check(values: dict[str, str]) -> str | None:
    if set(values) - KNOWN:
        return "only " + ", ".join(sorted(KNOWN))
    kind = values.get("type") or "content"
    if not values.get("source"):
        return 'source="path"'
    if not values.get("alt-text") and kind != "icon":
        return 'alt-text="…"'
    return None


def complex_image(values: dict[str, str]) -> bool:
    return values.get("type") == "complex"


def _bordered(values: dict[str, str]) -> bool:
    border = values.get("border", "").strip().lower()
    if border in ("true", "false"):
        return border == "true"
    return (values.get("type") or "content") != "icon"


def _link_target(value: str) -> bool:
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return False
    return scheme in LINK_SCHEMES and bool(value.strip())


def image_html(meta: dict[str, object], code: str) -> str:
    """A ``:::image:::``'s HTML (its checked ``src`` in ``meta``), or its placeholder."""
    values: dict[str, str] = meta["attrs"]  # type: ignore[assignment]
    kind = values.get("type") or "content"
    alt = "" if kind == "icon" else values.get("alt-text", "")
    src = meta.get("src")
    if src is None:
        return placeholders.missing_image(code, values.get("source", ""), alt)
    image_attrs: dict[str, object] = {"src": src}
    described = meta.get("body")
    if isinstance(described, str) and described:  # a complex image in a sentence
        image_attrs["title"] = " ".join(described.split())
    if kind == "icon":
        image_attrs["role"] = "presentation"
        image_attrs["alt"] = ""
    else:
        image_attrs["alt"] = alt
    out = f"<img{attributes(image_attrs)}>"
    target = meta.get("href")
    if isinstance(target, str) and target:
        out = f'<a href="{html.escape(target, quote=True)}">{out}</a>'
    if _bordered(values):
        out = f'<span class="{BORDER_CLASS}">{out}</span>'
    return out


def _inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return image_html(tokens[idx].meta, str(env.get("code", "en")))


def _complex_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    code = str(env.get("code", "en"))
    title = ui_text.html_text(code, "long_description")
    return (
        f"<p>{image_html(tokens[idx].meta, code)}</p>\n"
        f'<details class="abstract {LONG_CLASS}">\n<summary>{title}</summary>\n<p>'
    )


def _complex_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</p>\n</details>\n"


def install(md: Markdown) -> None:
    colons.register(md, colons.Directive("image", "inline", check, closes=complex_image))
    colons.register(md, colons.Directive("image", "block", check, closes=complex_image))
    md.add_render_rule("docfx_image", _inline)
    md.add_render_rule("docfx_image_open", _complex_open)
    md.add_render_rule("docfx_image_close", _complex_close)


def _media(path: str, source: Source, token: Token | None) -> str | None:
    """``path`` checked with the page's resolver: as the source must write it, or ``None``."""
    resolver = source.page.resolver
    if resolver is None or not path or not is_local(path):
        return path
    checked: str | None = resolver.media(path, source.origin, source.where(token))
    return checked


def _directive(token: Token, source: Source, block: Token) -> None:
    values: dict[str, str] = token.meta["attrs"]
    if token.meta.get("source"):
        kind = values.get("type") or "content"
        shown = "" if kind == "icon" else values.get("alt-text", "")
        source.page.changed(token.meta["source"], shown, "image")
    token.meta["link"] = True
    token.meta["src"] = _media(values.get("source", ""), source, block)
    for name in ("link", "lightbox"):
        value = values.get(name, "")
        if value and _link_target(value):
            found = _media(value, source, block) if name == "lightbox" else value
            if found:
                token.meta["href"] = found
            break


def _html_images(text: str, source: Source, block: Token) -> str:
    if "<img" not in text.lower():
        return text

    def replace(match: re.Match[str]) -> str:
        tag = match.group()
        values = {
            m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "", m.span())
            for m in HTML_ATTRIBUTE.finditer(tag)
        }
        if "src" not in values:
            return tag
        raw, (start, end) = values["src"]
        path = html.unescape(raw)
        found = _media(path, source, block)
        if found is None:
            alt = html.unescape(values.get("alt", ("", (0, 0)))[0])
            return placeholders.missing_image(source.page.code, path, alt)
        if found == path:
            return tag
        return f'{tag[:start]}src="{html.escape(found)}"{tag[end:]}'

    return HTML_IMAGE.sub(replace, text)


def _children(children: list[Token], source: Source, block: Token) -> list[Token]:
    out: list[Token] = []
    for child in children:
        if child.type == "image":
            src = child.attrGet("src")
            found = _media(str(src or ""), source, placed(child, block))
            if found is None:
                placeholder = Token("html_inline", "", 0)
                alt = segments.plain(child.children or [])
                placeholder.content = placeholders.missing_image(source.page.code, str(src), alt)
                placeholder.meta = {"generated": True, "alt": alt}
                out.append(placeholder)
                continue
            if found != src:
                source.page.changed(str(src), found, "media")  # the file's own spelling
                child.attrSet("src", found)
        elif child.type == "docfx_image":
            _directive(child, source, placed(child, block))
        elif child.type == "html_inline":
            child.content = _html_images(child.content, source, placed(child, block))
        out.append(child)
    return out


def check_media(tokens: list[Token], source: Source) -> list[Token]:
    """Source pass: every image of the source checked (and respelled) by the resolver."""
    for token in tokens:
        if token.children is not None:
            token.children = _children(token.children, source, token)
        elif token.type == "html_block":
            token.content = _html_images(token.content, source, token)
        elif token.type == "docfx_image_open":
            _directive(token, source, token)
    return tokens


UNIT = Unit(
    name="images",
    install=install,
    source=(SourcePass(ORDER, check_media),),
    elements={
        "img": frozenset({"src", "alt", "role", "title"}),
        "span": frozenset({"data-missing-src"}),
        "details": frozenset({"class"}),
        "summary": frozenset(),
    },
    skeleton={BORDER_CLASS: "*", LONG_CLASS: "", placeholders.MISSING_MEDIA: "img"},
    stylesheets=("assets/stylesheets/docfx-blocks.css",),
    strings=("long_description", "image_missing"),
)

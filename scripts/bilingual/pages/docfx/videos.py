"""Videos: ``> [!VIDEO https://…]`` and ``:::video source="…" title="…":::``.

A video's URL is fixed up as DocFX fixes it (``http`` made ``https``; YouTube through
``www.youtube-nocookie.com``, ``rel=0`` unless the URL says; Channel 9 with ``nocookie=true``).
A URL of a video player the site embeds (``PLAYERS``: Microsoft's, YouTube's and Vimeo's embed
pages, https, no other port) becomes an embedded player titled by the video's title (else
"Video" in the page's language); any other is shown as a link to the video in the page's language,
never an empty box (the site's Content-Security-Policy frames only these players). ``:::video``
takes ``source`` (required), ``title``, ``max-width`` (a number), ``thumbnail``,
``upload-date``, ``duration`` and ``type``; anything else and the directive is text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from bilingual import ui_text
from bilingual.pages.docfx import colons, quotes
from bilingual.pages.tree.parser import Markdown
from bilingual.pages.tree.unit import Unit

VIDEO_CLASS = "docfx-video"
LINK_CLASS = "docfx-video-link"
PLAYERS = {
    "www.microsoft.com": re.compile(r"/(?:[a-z]{2,3}-[a-z]{2,4}/)?videoplayer/embed/"),
    "www.youtube.com": re.compile(r"/embed/"),
    "www.youtube-nocookie.com": re.compile(r"/embed/"),
    "player.vimeo.com": re.compile(r"/video/"),
}
"""Hosts whose player the site embeds, each with the path its player lives under."""
KNOWN = frozenset({"title", "max-width", "source", "thumbnail", "upload-date", "duration", "type"})


def is_player(url: str) -> bool:
    """Whether ``url`` is an https player URL of one of ``PLAYERS``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return False
    path = PLAYERS.get(parts.hostname or "")
    return (
        parts.scheme == "https"
        and path is not None
        and port is None
        and not parts.username
        and path.match(parts.path) is not None
    )


def fix_up(url: str) -> str:
    """A video URL as DocFX embeds it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme
    host = (parts.hostname or "").lower()
    netloc = parts.netloc
    query = parts.query
    if host in ("youtube.com", "www.youtube.com"):
        netloc = "www.youtube-nocookie.com"
        if (
            not any(key == "rel" for key, _ in parse_qsl(query, keep_blank_values=True))
            and "/embed/" in parts.path
        ):
            query = f"{query}&rel=0" if query else "rel=0"
    elif host.endswith("channel9.msdn.com"):
        query = f"{query}&nocookie=true" if query else "nocookie=true"
    return urlunsplit((scheme, netloc, parts.path or "/", query, parts.fragment))


def read(info: str) -> quotes.Marker | None:
    if not info.lower().startswith("!video"):
        return None
    data = info[6:].strip()
    if not data.startswith(("http://", "https://")):
        return None
    link, _, title = data.partition(" ")
    title = title.strip().removeprefix("title=")
    return quotes.Marker("video", info, link, title)


def check(values: dict[str, str]) -> str | None:
    if set(values) - KNOWN:
        return "only " + ", ".join(sorted(KNOWN))
    if not values.get("source"):
        return 'source="https://…"'
    if values.get("max-width") and not values["max-width"].strip().isdigit():
        return "max-width a number"
    return None


def video_html(url: str, title: str, code: str) -> str:
    """The player for ``url``, or a link to it in the page's language."""
    fixed = fix_up(url)
    name = title.strip() or ui_text.alert_title(code, "VIDEO")
    if is_player(fixed):
        return (
            f'<span class="{VIDEO_CLASS}"><iframe src="{html.escape(fixed, quote=True)}" '
            f'title="{html.escape(name, quote=True)}" allowfullscreen loading="lazy" '
            'referrerpolicy="strict-origin-when-cross-origin" '
            'sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></span>'
        )
    label = ui_text.html_text(code, "video_link", title=name)
    return (
        f'<span class="{LINK_CLASS}"><a href="{html.escape(fixed, quote=True)}">{label}</a></span>'
    )


def _block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    meta = tokens[idx].meta
    return f"<p>{video_html(meta['url'], meta.get('title', ''), str(env.get('code', 'en')))}</p>\n"


def _inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    values = tokens[idx].meta["attrs"]
    return video_html(values["source"], values.get("title", ""), str(env.get("code", "en")))


def install(md: Markdown) -> None:
    quotes.register(md, read)
    colons.register(md, colons.Directive("video", "inline", check))
    md.add_render_rule("docfx_video_block", _block)
    md.add_render_rule("docfx_video", _inline)


UNIT = Unit(
    name="videos",
    install=install,
    elements={
        "iframe": frozenset(
            {"src", "title", "allowfullscreen", "loading", "referrerpolicy", "sandbox"}
        ),
    },
    skeleton={VIDEO_CLASS: "video", LINK_CLASS: "video"},
    stylesheets=("assets/stylesheets/docfx.css",),
    strings=("alert.VIDEO", "video_link"),
)

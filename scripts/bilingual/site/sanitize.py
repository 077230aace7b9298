"""Untrusted article HTML -> HTML that cannot run anything in a reader's browser.

The sources come from translation vendors and machine translation, so nothing in them may run:
an article's HTML (what MkDocs rendered from a page's markdown, the project's own markup
included) passes an allowlist of elements, attributes and URL schemes (nh3, i.e. ammonia, a
parser-based sanitiser: it parses like a browser and writes the tree out again, so quote and
entity tricks cannot survive). Sanitising the rendered HTML rather than the markdown catches
every way markdown has to produce HTML (``[x](javascript:…)``, raw HTML blocks, ``attr_list``).

Three things the allowlist alone would get wrong are handled around it:

* literal placeholders that look like tags (``<email>``, ``<CustomDomain>``): a browser would
  take them for unknown elements and show nothing, nh3 would drop them; anything in tag brackets
  whose name is not an HTML element is written as text instead;
* app links such as ``ms-settings:windowsupdate`` are links, not scripts: ``ms-…`` schemes are
  kept beside the web ones (``javascript:``, ``vbscript:`` and ``data:`` never are);
* the project's own video embed: an ``<iframe>`` stays only when its ``src`` is an https player
  URL on an allowlisted host (``VIDEO_PLAYERS``); every other iframe is removed with its content.
* the DocFX tab groups' radio inputs (``pages.docfx.tabs``): an ``<input>`` stays only as
  ``type="radio"``, with a name, an id, ``checked`` and its data attributes; every other input
  is removed.

The English twins of a translation page's blocks (side by side, ``pages.reader.side_by_side``)
pass the same allowlist apart (``sanitize_html(english=True)``), with no ``id`` and no anchor ``name``: the
translation's blocks carry them, and a page's ids are its own once. Their tab groups' inputs and
labels are renamed (``sbs-en-…``), a group of their own beside the translation's.

The allowlist is the source's (text structure, tables, code, images) and what each unit of the
page writer declares its own markup needs (``pages.units``).

``plain_text`` makes a metadata value (title, description, author) safe wherever the theme
writes it: HTML text or a double-quoted attribute.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

from bilingual.pages import units
from bilingual.pages.docfx import videos
from bilingual.pages.html_elements import HTML_ELEMENTS

TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code"),
        *("col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em"),
        *("figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe"),
        *("img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small"),
        *("span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "time", "tr", "u", "ul", "var", "wbr"),
    }
)
"""Elements an article may contain: text structure, tables, code, images, the video embed."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "style"},
    "a": {"href", "name", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "iframe": {
        *("src", "width", "height", "allow", "allowfullscreen", "loading", "frameborder"),
        *("referrerpolicy", "sandbox"),
    },
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
"""Attributes kept per element (``*``: on every element). No ``on*``, ``srcdoc``, ``target``."""

for _element, _names in units.elements().items():
    ATTRIBUTES.setdefault(_element, set()).update(_names)
TAGS = TAGS | (frozenset(units.elements()) - {"*"})
"""Every unit of the page writer declares the elements and attributes its markup needs
(``pages.units``: the DocFX constructs' data attributes, the tab groups' radio inputs and labels,
the video player's iframe, the hover's ``data-en``, side by side's ``data-sbs`` on any element):
they are added to the source's allowlist."""

STYLE_PROPERTIES = frozenset({"text-align"})
"""The only CSS properties a ``style`` attribute keeps (table column alignment)."""

WEB_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""URL schemes always kept; relative URLs and ``#anchors`` are kept too."""

APP_SCHEME = re.compile(r"ms-[a-z0-9][a-z0-9.+-]*|msteams|onenote|skype", re.IGNORECASE)
"""Non-web schemes that open an app or a settings page (``ms-settings:windowsupdate``)."""

SCHEME_IN_TEXT = re.compile(r"\b([a-z][a-z0-9.+-]*):", re.IGNORECASE)

VIDEO_PLAYERS = videos.PLAYERS
"""Hosts whose player an ``<iframe>`` may embed (``pages.docfx.videos``)."""

TAG_LIKE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9_.:-]*)([^<>]*)>")
"""Something in tag brackets; a tag when its name is an HTML element, else a placeholder."""

IFRAME = re.compile(
    r"<iframe((?:\s+[^\s\"'>/=]+(?:=\"[^\"]*\")?)*)\s*>.*?</iframe>", re.DOTALL | re.IGNORECASE
)
"""An iframe element as nh3 writes it (double-quoted attributes), its fallback content included."""

HAS_SRC = re.compile(r"\ssrc=\"")


def is_video_player(url: str) -> bool:
    """Whether ``url`` is an https player URL the site embeds (``videos.is_player``)."""
    return videos.is_player(url)


def escape_placeholders(html: str) -> str:
    """Write tag-like text whose name is no HTML element (``<email>``) as visible text."""

    def escape(match: re.Match[str]) -> str:
        if match.group(2).lower() in HTML_ELEMENTS:
            return match.group(0)
        return "&lt;" + match.group(0)[1:-1] + "&gt;"

    return TAG_LIKE.sub(escape, html)


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "iframe" and attribute == "src" and not is_video_player(value):
        return None
    if element == "input" and attribute == "type" and value.strip().lower() != "radio":
        return None
    return value


ENGLISH_PREFIX = "sbs-en-"
"""What the English twins' tab inputs and labels have before their ids, names and ``for``."""


def _english_attribute(element: str, attribute: str, value: str) -> str | None:
    if element in ("input", "label") and attribute in ("id", "name", "for"):
        return ENGLISH_PREFIX + value
    if attribute == "id" or (element == "a" and attribute == "name"):
        return None
    return _keep_attribute(element, attribute, value)


@lru_cache(maxsize=64)
def _cleaner(schemes: frozenset[str], english: bool = False) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={element: set(names) for element, names in ATTRIBUTES.items()},
        attribute_filter=_english_attribute if english else _keep_attribute,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(schemes),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


def url_schemes(html: str) -> frozenset[str]:
    """The schemes kept in ``html``: the web ones and the app schemes it uses."""
    found = {s.lower() for s in SCHEME_IN_TEXT.findall(html) if APP_SCHEME.fullmatch(s)}
    return WEB_SCHEMES | found


def _drop_foreign_iframes(html: str) -> str:
    """Remove iframes left without a ``src`` (not a video player); empty the others."""

    def keep(match: re.Match[str]) -> str:
        attributes = match.group(1)
        return f"<iframe{attributes}></iframe>" if HAS_SRC.search(attributes) else ""

    return IFRAME.sub(keep, html)


INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
RADIO = re.compile(r'\stype="radio"', re.IGNORECASE)


def _drop_foreign_inputs(html: str) -> str:
    """Remove every input that is not a radio button (an input without a kept ``type`` is a
    text field)."""
    if "<input" not in html:
        return html
    return INPUT.sub(lambda match: match.group() if RADIO.search(match.group()) else "", html)


def sanitize_html(html: str, *, english: bool = False) -> str:
    """``html`` with only allowlisted elements, attributes and URLs, its text kept; ``english``:
    the English twins of a translation page's blocks, without ids and anchor names, their tab
    groups renamed (``ENGLISH_PREFIX``)."""
    cleaned = _cleaner(url_schemes(html), english).clean(escape_placeholders(html))
    return _drop_foreign_inputs(_drop_foreign_iframes(cleaned))


PLAIN_AS_IS = re.compile(r"[^<>&\"\r\x00\xa0\ufeff]*")
"""Text that ``plain_text`` returns unchanged: nothing the HTML parser or serialiser rewrites
(tags, entities, quotes, carriage returns, NUL, no-break space, a BOM, which the parser drops).
tests/site/test_sanitize.py checks the shortcut against the full path on generated text."""


def plain_text(value: str) -> str:
    """A metadata value as safe HTML text: placeholders shown, tags dropped, ``"`` escaped."""
    if PLAIN_AS_IS.fullmatch(value):
        return value  # most values (dates, ids, locales): nothing to drop or escape
    return _plain_text(value)


def _plain_text(value: str) -> str:
    text = nh3.clean(escape_placeholders(value), tags=set(), clean_content_tags={"script", "style"})
    return text.replace('"', "&quot;")

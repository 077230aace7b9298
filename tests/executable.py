"""What in a built page could run in a reader's browser, found by parsing it as a browser does.

``html5lib`` implements the WHATWG parsing algorithm, so quote tricks, entities, ``<svg>`` and
``<math>`` content are seen the way a browser sees them; every element and attribute is then
checked, not the text searched.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup, Tag

from bilingual.site.sanitize import is_video_player

ACTIVE = frozenset(
    {
        *("script", "style", "link", "base", "meta", "iframe", "frame", "frameset", "object"),
        *("embed", "applet", "form", "input", "button", "template", "noscript", "svg", "math"),
        *("portal", "video", "audio", "source", "track", "animate", "set", "foreignobject"),
    }
)
"""Elements that load, run or submit something, or start foreign content."""

URL_ATTRIBUTES = frozenset(
    {
        *("href", "src", "action", "formaction", "data", "poster", "background", "cite"),
        *("longdesc", "manifest", "codebase", "dynsrc", "lowsrc", "ping", "xlink:href", "srcset"),
        *("to", "values", "from", "by"),
    }
)
"""Attributes a browser may treat as a URL to fetch or navigate to."""

NAVIGATION_RELS = frozenset({"prev", "next", "alternate", "canonical"})
"""``<link rel>`` values that only name related pages."""

RUNNABLE_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript):", re.IGNORECASE)
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))


def as_browser_url(value: str) -> str:
    """A URL the way the WHATWG URL parser reads it: C0 and spaces trimmed, tabs and newlines gone."""
    return TAB_OR_NEWLINE.sub("", value.strip(C0_OR_SPACE))


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html5lib")


def url_problems(element: Tag) -> list[str]:
    """Attributes of ``element`` that run code: ``on*``, ``srcdoc``, runnable URLs, CSS URLs."""
    problems = []
    for name, raw in element.attrs.items():
        value = " ".join(raw) if isinstance(raw, list) else str(raw)
        lowered = name.lower()
        where = f"<{element.name} {name}={value[:60]!r}>"
        if lowered.startswith("on") or lowered == "srcdoc":
            problems.append(f"{where}: event handler or inline document")
        elif lowered in URL_ATTRIBUTES and RUNNABLE_SCHEME.match(as_browser_url(value)):
            problems.append(f"{where}: runnable URL")
        elif lowered == "style" and re.search(r"url\(|expression\(|javascript:", value, re.I):
            problems.append(f"{where}: style that loads or runs something")
        elif lowered == "http-equiv" and value.lower() == "refresh":
            problems.append(f"{where}: refresh")
    return problems


INERT_RADIO_ATTRIBUTES = frozenset({"type", "name", "id", "checked", "disabled", "class"})
"""What a radio button may carry and still do nothing but be checked (with ``data-*``)."""


def is_inert_radio(element: Tag) -> bool:
    """A radio button outside any form, with nothing that names a form, a URL or a value to
    send: checking it changes what CSS shows (a DocFX tab group's tabs), nothing else."""
    names = {name.lower() for name in element.attrs}
    return (
        str(element.get("type", "")).strip().lower() == "radio"
        and all(name in INERT_RADIO_ATTRIBUTES or name.startswith("data-") for name in names)
        and element.find_parent("form") is None
    )


def is_active(element: Tag) -> bool:
    """Whether ``element`` loads, runs or submits something (navigation ``<link>``s, plain
    ``<meta>`` data, the video players ``is_video_player`` allows and inert radio buttons do not
    count)."""
    name = element.name.lower()
    if name == "input":
        return not is_inert_radio(element)
    if name == "link":
        return not set(element.get_attribute_list("rel")) <= NAVIGATION_RELS
    if name == "meta":
        return element.has_attr("http-equiv") or element.has_attr("charset")
    if name == "iframe":
        return not is_video_player(str(element.get("src", "")))
    return name in ACTIVE


def signature(element: Tag) -> tuple[str, tuple[tuple[str, str], ...]]:
    """An active element by name and attributes (a ``<meta>``'s content left out: it is text)."""
    attributes = tuple(
        sorted(
            (name, " ".join(value) if isinstance(value, list) else str(value))
            for name, value in element.attrs.items()
            if not (element.name == "meta" and name == "content")
        )
    )
    text = element.get_text() if element.name in ("script", "style") else ""
    return (f"{element.name}{text}", attributes)


def active_elements(page: BeautifulSoup) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
    """The page's active elements as a multiset of their signatures."""
    return Counter(signature(el) for el in page.find_all(True) if is_active(el))


def executable(page: BeautifulSoup) -> list[str]:
    """Every attribute of the page that would run code, one line each."""
    return [problem for element in page.find_all(True) for problem in url_problems(element)]

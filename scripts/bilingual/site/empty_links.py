"""A link without text gets its address as its accessible name.

Some translations lose a link's words (``[](https://…)``, 92 files of the corpus), and DocFX
syntax a sentence only mentions renders as one (``[!code-csharp[](Program.cs)]``): an ``<a>``
with nothing in it, which no reader sees and a screen reader announces as "link" alone (axe's
``link-name``). Each such link of the sanitised article is named by its ``href``
(``aria-label``); ``help-a11y.css`` shows the same address in its place (``a:empty::after``).
The article's text is unchanged.
"""

from __future__ import annotations

import re

EMPTY_LINK = re.compile(r'<a(?P<attributes>\s[^>]*?\bhref="(?P<href>[^"]*)"[^>]*)></a>')
"""An ``<a href>`` element with nothing inside, as the sanitiser writes it (double quotes)."""


def name_empty_links(html: str) -> str:
    """``html`` with every empty ``<a href>`` named by its address (``aria-label``)."""

    def named(match: re.Match[str]) -> str:
        attributes = match["attributes"]
        if "aria-label=" in attributes or not match["href"]:
            return match[0]
        return f'<a{attributes} aria-label="{match["href"]}"></a>'

    return EMPTY_LINK.sub(named, html)

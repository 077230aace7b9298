"""The names of HTML elements (current and obsolete, per the WHATWG HTML standard).

Tag-like text in a source whose name is not one of these (``<email>``, ``<CustomDomain>``) is a
placeholder to show as text, not markup. ``svg`` and ``math`` are listed: they start foreign
content, which the sanitiser removes rather than shows.
"""

from __future__ import annotations

_NAMES = """
    a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big
    blink blockquote body br button canvas caption center cite code col colgroup data datalist
    dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins
    isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem
    meta meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option
    output p param picture plaintext portal pre progress q rb rp rt rtc ruby s samp script
    search section select slot small source spacer span strike strong style sub summary sup svg
    table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr
    xmp
    """

HTML_ELEMENTS = frozenset(_NAMES.split())
"""Lower-case names of every element an HTML parser knows."""

VOID = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr"),
    }
)
"""The void elements: a start tag without an end tag (HTML's list)."""

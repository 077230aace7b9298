"""A landing page (``source.landing.Landing``) -> its page: a title, a summary and a card per
``landingContent`` entry, as Material's grid cards (``<div class="grid cards" markdown>``),
written as HTML (``generated``).

Each card is its title, then each of its link lists: the list's kind (``linkListType``, named in
the page's language by ``ui_text``'s ``link_list.<kind>`` messages) over its links. A link goes where the same
link in an article would (``navigation.Navigation.link``: ``overview.md`` the article's page,
``index.yml`` that landing page, ``/…`` Learn paths and URLs by the writer's link rules); a link
to nothing the site has is shown as its text. All text comes from the source, so it is escaped:
nothing in it becomes markup.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from bilingual import ui_text
from bilingual.pages.generated import to_html
from bilingual.pages.home import escape
from bilingual.pages.navigation import Navigation, Target
from bilingual.pages.page import front_matter
from bilingual.source.landing import Landing


def destination(target: Target, page: str) -> str:
    """A target as a markdown link destination on the page at ``page``."""
    if target.url is not None:
        url = target.url.replace("<", "%3C").replace(">", "%3E")
        return f"<{url}>" if any(c in url for c in " ()") else url
    assert target.page is not None
    relative = posixpath.relpath(target.page, posixpath.dirname(page) or ".")
    return quote(relative) + target.fragment


def cards(landing: Landing, page: str, navigation: Navigation) -> list[str]:
    """The landing page's cards, as the lines of a grid of Material cards."""
    lines = ['<div class="grid cards" markdown>', ""]
    for card in landing.cards:
        lines += [f"-   __{escape(card.title)}__", "", "    ---", ""]
        for links in card.lists:
            key = f"link_list.{links.kind}"
            said = ui_text.message(navigation.code, key) if key in ui_text.english() else None
            if said is not None:
                lang = said.lang(navigation.code)
                lines += [f"    {escape(said.text)}", f"    {{: .help-card__type{lang} }}", ""]
            for link in links.links:
                target = navigation.link(link.url, landing.path)
                if target is None:
                    navigation.unlinked += 1
                    lines.append(f"    - {escape(link.text)}")
                else:
                    lines.append(f"    - [{escape(link.text)}]({destination(target, page)})")
            lines.append("")
    return [*lines, "</div>", ""]


def landing_markdown(landing: Landing, page: str, navigation: Navigation) -> str:
    """The page of ``landing``, written at page path ``page`` (``index.md`` for the home page,
    ``a/index.md`` for ``a/index.yml``), in ``navigation``'s language."""
    metadata = dict(landing.metadata)
    metadata["title"] = landing.title
    if landing.summary and "description" not in metadata:
        metadata["description"] = landing.summary
    lines = [front_matter(metadata), f"# {escape(landing.title)}", ""]
    if landing.summary:
        lines += [escape(landing.summary), ""]
    if landing.cards:
        lines += cards(landing, page, navigation)
    return to_html("\n".join(lines), page, navigation.code)

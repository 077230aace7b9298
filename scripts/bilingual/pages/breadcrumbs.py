"""The places of the breadcrumb TOC in one language (``source.breadcrumb``): each folder of the
docset it names -> a link to the site's page for that folder and its name.

Written by the split with the language's other navigation data (``split.navigation``), read by
the site (``site.navigation.breadcrumb``), as small mappings::

    {"f": "audience-insights", "t": "Auditorijas ieskati", "u": "audience-insights/", "l": "lv"}

``f`` the folder it covers (``SOURCE``-relative), ``t`` its name, ``u`` its link relative to the
language's root, ``l`` the language of ``t`` when it is not the page's. The link is the folder's
own page (its ``index.md`` or landing page ``index.yml``) when it has one, else the page the
entry's ``topicHref`` names; an entry opening neither is left out. Its name is the entry's (the
translation's); on the English side the English title of the page it opens, else the entry's
name marked with the translation's language, as the TOC tree does (``Navigation.title``). The
docset's own entry (its root) is the home page, already the breadcrumb's first place.
"""

from __future__ import annotations

from typing import Any

from bilingual.pages.navigation import Navigation, Target
from bilingual.source.breadcrumb import Crumb
from bilingual.source.toc import TocEntry


def _child(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def crumb_target(crumb: Crumb, navigation: Navigation) -> Target | None:
    """The page of the site a breadcrumb entry opens: its folder's index or landing page, else
    the page its ``topicHref`` names (an article, a landing page, a folder's index)."""
    candidates = [_child(crumb.folder, "index.md"), _child(crumb.folder, "index.yml")]
    if crumb.topic is not None:
        candidates += [f"{crumb.topic}{suffix}" for suffix in (".md", ".yml")]
        candidates += [_child(crumb.topic, "index.md"), _child(crumb.topic, "index.yml")]
    for path in candidates:
        target = navigation.local(path)
        if target is not None and target.page is not None and target.page.endswith(".md"):
            return target
    return None


def crumb_nodes(crumbs: list[Crumb], navigation: Navigation) -> list[dict[str, Any]]:
    """The breadcrumb TOC's places below the docset's root in ``navigation``'s language."""
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for crumb in crumbs:
        if not crumb.folder or crumb.folder.lower() in seen:
            continue
        target = crumb_target(crumb, navigation)
        if target is None:
            continue
        title, lang = navigation.title(TocEntry(name=crumb.name), target)
        if not title:
            continue
        seen.add(crumb.folder.lower())
        node: dict[str, Any] = {"f": crumb.folder, "t": title, "u": target.href()}
        if lang is not None:
            node["l"] = lang
        found.append(node)
    return found

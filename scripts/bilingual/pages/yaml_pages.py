"""Learn's YAML page types, each with its reader and its page writer: one registry.

A YAML file whose first line names its type (``### YamlMime:FAQ``) is

* a page of a type the site builds (``KINDS``: Landing, Hub, FAQ, Tutorial): read by its parser
  (``source.<kind>``), which raises ``SourceError`` when the file cannot be a page and reports
  malformed parts, and written by its writer (``pages.<kind>``);
* data, no page (``DATA``: a docset's context, zone pivot groups, settings, a TOC): nothing;
* any other type: a page of its own that the site cannot show, so a placeholder page
  (``pages.placeholder``: its title and a notice saying so), reported as one line.

Nothing is dropped in silence. Like landing pages, these pages are the translation's only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bilingual.errors import SourceError
from bilingual.pages.faq import faq_markdown
from bilingual.pages.hub import hub_markdown
from bilingual.pages.landing import landing_markdown
from bilingual.pages.navigation import Navigation
from bilingual.pages.placeholder import placeholder_markdown
from bilingual.pages.tutorial import tutorial_markdown
from bilingual.source.faq import Faq, parse_faq
from bilingual.source.files import NOT_PAGES
from bilingual.source.hub import Hub, parse_hub
from bilingual.source.landing import Landing, parse_landing, yaml_kind
from bilingual.source.tutorial import Tutorial, parse_tutorial
from bilingual.source.yamlpage import OtherPage, parse_other

YamlPage = Landing | Hub | Faq | Tutorial | OtherPage
"""A YAML page, read."""


@dataclass(frozen=True, slots=True)
class Kind:
    """A YAML page type the site builds."""

    page: type[Any]
    parse: Callable[[str, str, list[SourceError]], Any]
    """``parse(text, path, problems)``: the page, or ``SourceError`` when it cannot be one."""
    write: Callable[[Any, str, Navigation], str]
    """``write(page, page_path, navigation)``: the page's front matter and HTML."""


KINDS: dict[str, Kind] = {
    "Landing": Kind(Landing, parse_landing, landing_markdown),
    "Hub": Kind(Hub, parse_hub, hub_markdown),
    "FAQ": Kind(Faq, parse_faq, faq_markdown),
    "Tutorial": Kind(Tutorial, parse_tutorial, tutorial_markdown),
}
"""The YAML page types the site builds, by the name their first line gives."""

DATA = NOT_PAGES
"""YAML types that are no page: data (pivot groups, a docset's context, settings) or
navigation (``source.files``)."""

BUILT = ", ".join(f"YamlMime:{name}" for name in KINDS)


def read_page(text: str, path: str, problems: list[SourceError]) -> YamlPage | None:
    """The YAML page in ``text`` (the file at ``path``); ``None`` when it names no type or a data
    type. A type the site cannot show is a placeholder, reported into ``problems``; raises
    ``SourceError`` when a type it builds cannot be read as one."""
    kind = yaml_kind(text)
    if kind is None or kind in DATA:
        return None
    if kind in KINDS:
        page: YamlPage = KINDS[kind].parse(text, path, problems)
        return page
    problems.append(
        SourceError(
            path,
            1,
            1,
            f"a YamlMime:{kind} page, a type the site cannot show yet: it is a placeholder page "
            "that says so",
            f"a {BUILT} page or a markdown article",
        )
    )
    return parse_other(text, path, kind)


def page_markdown(page: YamlPage, at: str, navigation: Navigation) -> str:
    """The page of a YAML page, written at page path ``at``, in ``navigation``'s language."""
    for kind in KINDS.values():
        if isinstance(page, kind.page):
            return kind.write(page, at, navigation)
    assert isinstance(page, OtherPage)
    return placeholder_markdown(page, at, navigation)

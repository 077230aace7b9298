"""A hub page (``source.hub.Hub``) -> its page: a hero (the title and summary), the highlighted
content as a row of cards (each a link under the name of its kind, as a landing page names a
link list's), then each section (``conceptualContent``, ``productDirectory``,
``additionalContent``, ``tools``) as a heading, its summary and Material's grid cards, like a
landing page's.

Links go where the same link on a landing page would (``navigation.Navigation.link``); a link to
nothing the site has is shown as its text and counted in ``navigation.unlinked``. A card's image
is shown when the site has it (decorative: its title says what it is). All text comes from the
source, so it is escaped: nothing in it becomes markup.
"""

from __future__ import annotations

from bilingual import ui_text
from bilingual.pages.generated import to_html
from bilingual.pages.home import escape
from bilingual.pages.landing import destination
from bilingual.pages.navigation import Navigation
from bilingual.pages.page import front_matter
from bilingual.pages.yaml_markdown import image_src
from bilingual.source.hub import Hub, HubCard, HubLink

HERO = "help-hub__hero"


def link(text: str, url: str, hub: Hub, page: str, navigation: Navigation) -> str:
    """``[text](url)`` to where ``url`` leads on the site; the escaped text when nowhere."""
    target = navigation.link(url, hub.path)
    if target is None:
        navigation.unlinked += 1
        return escape(text)
    return f"[{escape(text)}]({destination(target, page)})"


def kind_label(kind: str, navigation: Navigation) -> list[str]:
    """The name of a link's kind (``itemType``) as a card's label line, when the site has one."""
    key = f"link_list.{kind}"
    if not kind or key not in ui_text.english():
        return []
    said = ui_text.message(navigation.code, key)
    return [f"    {escape(said.text)}", f"    {{: .help-card__type{said.lang(navigation.code)} }}"]


def highlighted(
    links: tuple[HubLink, ...], hub: Hub, page: str, navigation: Navigation
) -> list[str]:
    """The highlighted content: a card per link."""
    lines = ['<div class="grid cards help-hub__highlighted" markdown>', ""]
    for item in links:
        lines += [f"-   __{link(item.text, item.url, hub, page, navigation)}__", ""]
        lines += [*kind_label(item.kind, navigation), ""]
    return [*lines, "</div>", ""]


def card(item: HubCard, hub: Hub, page: str, navigation: Navigation) -> list[str]:
    """One card of a section, as the lines of a grid's list item."""
    title = link(item.title, item.url, hub, page, navigation) if item.url else escape(item.title)
    lines = [f"-   __{title}__", ""]
    src = image_src(item.image, hub.path, page, navigation) if item.image else None
    if src is not None:
        lines += [f"    ![](<{src}>){{: .help-card__image }}", ""]
    lines += ["    ---", ""]
    if item.summary:
        lines += [f"    {escape(item.summary)}", ""]
    for entry in item.links:
        lines.append(f"    - {link(entry.text, entry.url, hub, page, navigation)}")
    if item.links:
        lines.append("")
    if item.footer is not None:
        footer = link(item.footer.text, item.footer.url, hub, page, navigation)
        lines += [f"    {footer}", "    {: .help-card__footer }", ""]
    return lines


def hub_markdown(hub: Hub, page: str, navigation: Navigation) -> str:
    """The page of ``hub``, written at page path ``page`` (``index.md`` for the home page), in
    ``navigation``'s language."""
    metadata = dict(hub.metadata)
    metadata["title"] = hub.title
    if hub.summary and "description" not in metadata:
        metadata["description"] = hub.summary
    lines = [front_matter(metadata), f"# {escape(hub.title)}", ""]
    if hub.summary:
        lines += [escape(hub.summary), f"{{: .{HERO} }}", ""]
    if hub.highlighted:
        lines += highlighted(hub.highlighted, hub, page, navigation)
    for section in hub.sections:
        if section.title:
            lines += [f"## {escape(section.title)}", ""]
        if section.summary:
            lines += [escape(section.summary), ""]
        if section.cards:
            lines += ['<div class="grid cards" markdown>', ""]
            for item in section.cards:
                lines += card(item, hub, page, navigation)
            lines += ["</div>", ""]
    return to_html("\n".join(lines), page, navigation.code)

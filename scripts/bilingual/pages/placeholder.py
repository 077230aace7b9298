"""A YAML page of a type the site cannot show (``source.yamlpage.OtherPage``) -> a page that
says so: its title, then a notice (``ui_text``'s ``yaml_page.not_shown``), then every text of
the page as it is written, one paragraph each (escaped: nothing in it becomes markup), so a
link to it or an entry of the tree leads somewhere that explains, and nothing of it is lost. The
split reports each such page too (``pages.yaml_pages``)."""

from __future__ import annotations

from bilingual import ui_text
from bilingual.pages.generated import to_html
from bilingual.pages.home import escape
from bilingual.pages.navigation import Navigation
from bilingual.pages.page import front_matter
from bilingual.source.yamlpage import OtherPage

NOTICE_CLASS = "help-yaml-placeholder"


def placeholder_markdown(other: OtherPage, page: str, navigation: Navigation) -> str:
    """The placeholder page of ``other``, written at page path ``page``."""
    metadata = dict(other.metadata)
    metadata["title"] = other.title
    text = ui_text.html_text(navigation.code, "yaml_page.not_shown")
    lines = [
        front_matter(metadata),
        f"# {escape(other.title)}",
        "",
        f'<div class="admonition warning {NOTICE_CLASS}" role="note">',
        f"<p>{text}</p>",
        "</div>",
        "",
        *(f"{escape(text)}\n" for text in other.texts),
    ]
    return to_html("\n".join(lines), page, navigation.code)

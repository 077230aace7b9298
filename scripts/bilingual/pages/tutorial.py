"""A tutorial page (``source.tutorial.Tutorial``) -> its page: the title, the summary, then its
steps in order, each a ``<h2>`` (``Step 1``, with the step's title when it has one; id
``step-1``), the time it takes (``ui_text``'s ``tutorial.duration``) and its content.

Titles are escaped text; the summary and each step's content are the source's markdown,
rendered without raw HTML (``yaml_markdown``).
"""

from __future__ import annotations

from bilingual import ui_text
from bilingual.pages.faq import block
from bilingual.pages.generated import to_html
from bilingual.pages.home import escape
from bilingual.pages.navigation import Navigation
from bilingual.pages.page import front_matter
from bilingual.pages.yaml_markdown import markdown_html
from bilingual.source.tutorial import Tutorial


def tutorial_markdown(tutorial: Tutorial, page: str, navigation: Navigation) -> str:
    """The page of ``tutorial``, written at page path ``page``, in ``navigation``'s language."""
    code = navigation.code
    metadata = dict(tutorial.metadata)
    metadata["title"] = tutorial.title
    lines = [front_matter(metadata), f"# {escape(tutorial.title)}", ""]
    if tutorial.summary:
        html = markdown_html(tutorial.summary, tutorial.path, page, navigation, tutorial.summary_at)
        lines += block(html, "help-tutorial__summary")
    for number, step in enumerate(tutorial.steps, 1):
        said = ui_text.message(code, "tutorial.step", number=str(number))
        label = escape(said.text) + (f": {escape(step.title)}" if step.title else "")
        lines += [f"## {label} {{: #step-{number} .help-tutorial__step }}", ""]
        if step.minutes is not None:
            duration = ui_text.html_text(code, "tutorial.duration", minutes=str(step.minutes))
            lines += [f'<p class="help-tutorial__duration">{duration}</p>', ""]
        html = markdown_html(step.content, tutorial.path, page, navigation, step.at)
        lines += block(html, "help-tutorial__content")
    return to_html("\n".join(lines), page, navigation.code)

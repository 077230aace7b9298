"""A FAQ page (``source.faq.Faq``) -> its page: the title, the summary, a ``<h2>`` per section
and a ``<h3>`` per question, each answer under its question, then the ``postContent``.

Every section and question has an id of its own, so a question is addressable by anchor
(``faq/#how-do-i-reset-my-password``): the slug of its text as the site slugs its headings
(accents dropped: ``kā`` is ``ka``) when it is in Latin letters, else one keeping its script
(``パスワード``, ``office-アドイン``), else
``question-<n>``; an id already taken gets ``-2``, ``-3`` …. An id depends on its own text and the
texts before it only, so it stays while later questions change. Questions carry the class
``help-faq__question`` and answers ``help-faq__answer``, and the front matter says ``help_faq:
true``: the site reads both, after sanitising the page, to describe it to search engines as a
schema.org ``FAQPage`` (``site.faq_data``).

Titles, names and questions are escaped text; the summary, answers and ``postContent`` are the
source's markdown, rendered without raw HTML (``yaml_markdown``).
"""

from __future__ import annotations

from bilingual.pages.generated import slug, to_html
from bilingual.pages.home import escape
from bilingual.pages.navigation import Navigation
from bilingual.pages.page import front_matter
from bilingual.pages.yaml_markdown import markdown_html
from bilingual.source.faq import Faq

QUESTION = "help-faq__question"
ANSWER = "help-faq__answer"
FAQ_KEY = "help_faq"
"""Front matter key of a FAQ page (``true``): the site describes it as a ``FAQPage``."""


def anchor(text: str, fallback: str, taken: set[str]) -> str:
    """A free id for the heading ``text``: its slug, else ``fallback``; ``-2``, ``-3`` … when
    taken. The id is added to ``taken``."""
    base = slug(text) or fallback
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    taken.add(found)
    return found


def block(html: str, name: str) -> list[str]:
    """Rendered HTML as a raw block of the generated markdown (Python-Markdown leaves it be)."""
    return [f'<div class="{name}">', html.strip(), "</div>", ""]


def faq_markdown(faq: Faq, page: str, navigation: Navigation) -> str:
    """The page of ``faq``, written at page path ``page``, in ``navigation``'s language."""
    metadata = dict(faq.metadata)
    metadata["title"] = faq.title
    metadata[FAQ_KEY] = True
    lines = [front_matter(metadata), f"# {escape(faq.title)}", ""]
    if faq.summary:
        summary = markdown_html(faq.summary, faq.path, page, navigation, faq.summary_at)
        lines += block(summary, "help-faq__summary")
    taken = {slug(faq.title)}  # the title's heading
    number = 0
    for index, section in enumerate(faq.sections, 1):
        if section.name:
            section_id = anchor(section.name, f"section-{index}", taken)
            lines += [f"## {escape(section.name)} {{: #{section_id} }}", ""]
        for question in section.questions:
            number += 1
            question_id = anchor(question.question, f"question-{number}", taken)
            heading = "###" if section.name else "##"
            lines += [
                f"{heading} {escape(question.question)} {{: #{question_id} .{QUESTION} }}",
                "",
            ]
            at = question.answer_at
            answer = markdown_html(question.answer, faq.path, page, navigation, at)
            lines += block(answer, ANSWER)
    if faq.post:
        post = markdown_html(faq.post, faq.path, page, navigation, faq.post_at)
        lines += block(post, "help-faq__post")
    return to_html("\n".join(lines), page, navigation.code)

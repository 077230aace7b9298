"""Learn's FAQ pages: a ``### YamlMime:FAQ`` YAML file -> a ``Faq``.

The schema, as Learn documents it::

    ### YamlMime:FAQ
    metadata:                     # the page's metadata (ms.date, ms.topic: faq …)
      title: …
    title: Frequently asked questions about …
    summary: |                    # markdown, before the questions
      …
    sections:
    - name: Sign in               # a heading over its questions
      questions:
      - question: How do I reset my password?
        answer: |                 # markdown
          Go to …
    postContent: |                # markdown, after the questions
      …

``parse_faq`` raises a ``SourceError`` when the file cannot be a page (not YAML, not a mapping,
no ``title``); a section or question of the wrong shape (no ``name``, no ``question`` or
``answer``) is reported into ``problems`` at ``file:line:column`` and left out, the rest kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import yamlnodes
from bilingual.source.yamlpage import PartReader, markdown, metadata, page_mapping, plain

MIME = "### YamlMime:FAQ"
SHAPE = "'### YamlMime:FAQ' then 'title:', 'summary:' and 'sections:' of 'name:' and 'questions:'"
QUESTION_SHAPE = "'question:' and 'answer:' (markdown)"
SECTION_SHAPE = "'name:' and 'questions:' of 'question:' and 'answer:'"


@dataclass(frozen=True, slots=True)
class Question:
    question: str
    answer: str
    """Markdown, as written."""
    line: int = 1
    column: int = 1
    answer_at: yamlnodes.Origin = yamlnodes.START
    """Where the answer's text starts (its markdown's reports are placed from there)."""


@dataclass(frozen=True, slots=True)
class FaqSection:
    name: str
    """Its heading (``""`` when the FAQ has one section without a name)."""
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Faq:
    """One FAQ page of the docset."""

    path: str
    """Its file, ``SOURCE``-relative (``faq.yml``)."""
    title: str
    summary: str = ""
    """Markdown, before the questions."""
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: tuple[FaqSection, ...] = ()
    post: str = ""
    """Markdown, after the questions (``postContent``)."""
    summary_at: yamlnodes.Origin = yamlnodes.START
    post_at: yamlnodes.Origin = yamlnodes.START
    """Where the summary's and ``postContent``'s texts start."""


def _questions(reader: PartReader, section: dict[Any, Any]) -> tuple[Question, ...]:
    found = []
    entries = section.get("questions")
    for index, item in reader.items(
        section, "questions", "a section's 'questions'", QUESTION_SHAPE
    ):
        at = yamlnodes.place(entries, index)
        if not isinstance(item, dict):
            reader.report(at, f"FAQ entry {item!r} is not a mapping", QUESTION_SHAPE)
            continue
        question = plain(item.get("question"))
        answer = markdown(item.get("answer"))
        if question is None or answer is None:
            missing = "question" if question is None else "answer"
            reader.report(at, f"a FAQ entry has no {missing}", QUESTION_SHAPE)
            continue
        answer_at = yamlnodes.origin(item, "answer")
        found.append(Question(question, answer, at[0], at[1], answer_at))
    return tuple(found)


def parse_faq(text: str, path: str, problems: list[SourceError]) -> Faq:
    """The FAQ page in ``text`` (the file at ``path``); raises ``SourceError`` when it cannot be
    one, reports malformed sections and questions into ``problems``."""
    value, title = page_mapping(text, path, "the FAQ page", SHAPE)
    reader = PartReader(path, problems)
    sections = []
    entries = value.get("sections")
    for index, item in reader.items(value, "sections", "the FAQ's sections", SECTION_SHAPE):
        at = yamlnodes.place(entries, index)
        if not isinstance(item, dict):
            reader.report(at, f"FAQ section {item!r} is not a mapping", SECTION_SHAPE)
            continue
        name = plain(item.get("name"))
        if name is None:  # its questions are kept, under no heading
            reader.report(at, "a FAQ section has no name", SECTION_SHAPE)
        questions = _questions(reader, item)
        if questions:
            sections.append(FaqSection(name or "", questions))
    return Faq(
        path,
        title,
        reader.markdown(value, "summary", SHAPE),
        metadata(value.get("metadata")),
        tuple(sections),
        reader.markdown(value, "postContent", SHAPE),
        yamlnodes.origin(value, "summary"),
        yamlnodes.origin(value, "postContent"),
    )

"""``Document`` x language -> page markdown, and ``Document`` -> bilingual source again.

A page is the document's shared text with every segment replaced by its text in one language,
under a front matter that carries the source's metadata with the page's own ``title``: the
source's ``title`` for the translation, the first heading's English text for English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:  # the C dumper is several times faster; PyYAML builds it where libyaml is present
    from yaml import CSafeDumper as YamlDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as YamlDumper  # type: ignore[assignment]

from .model import Document, Language, Segment

H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
TAG = re.compile(r"<[^>]*>")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(.+?)\1")


def pair_markup(segment: Segment) -> str:
    """A segment written back as its bilingual pair."""
    return (
        f'<span data-ttu-id="{segment.id}">{segment.translation}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{segment.id}">{segment.english}</span></span>'
    )


def render_source(document: Document) -> str:
    """The bilingual source the document was parsed from, byte for byte."""
    body = "".join(part if isinstance(part, str) else pair_markup(part) for part in document.parts)
    return document.prefix + body


def render_body(document: Document, language: Language) -> str:
    """The document's body (front matter left out) in one language."""
    return "".join(
        part if isinstance(part, str) else part.text(language) for part in document.parts
    )


def heading_title(body: str) -> str | None:
    """Plain text of the first level-1 heading of a markdown body, if it has one."""
    match = H1.search(body)
    if match is None:
        return None
    title = EMPHASIS.sub(r"\2", TAG.sub("", match.group(1))).strip()
    return title or None


def page_title(document: Document, body: str, language: Language) -> str:
    """The page's title: front matter ``title`` for the translation, the H1 for English."""
    if language is Language.TRANSLATION:
        title = document.metadata.get("title")
        if title:
            return str(title)
    return heading_title(body) or document.path.rsplit("/", 1)[-1].removesuffix(".md")


def front_matter(metadata: dict[str, Any]) -> str:
    """Metadata as a YAML front matter block."""
    dumped = yaml.dump(metadata, Dumper=YamlDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


@dataclass(frozen=True, slots=True)
class Page:
    """One language's page of a document."""

    title: str
    """The page's title in its language."""
    markdown: str
    """The page's markdown, front matter first."""


def render_page(document: Document, language: Language) -> Page:
    """The page of ``document`` in ``language``."""
    body = render_body(document, language)
    metadata = dict(document.metadata)
    title = page_title(document, body, language)
    metadata["title"] = title
    return Page(title=title, markdown=front_matter(metadata) + body.lstrip("\r\n"))

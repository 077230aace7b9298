"""A Python-Markdown extension for the pages' DocFX containers (``pages.docfx.containers``).

Registered in ``mkdocs.yml`` (``markdown_extensions: [bilingual.site.containers]``), it does two
things the writer's markdown cannot:

- **container tags at any depth.** The writer puts each container's opening tag
  (``<div class="docfx-zone" … markdown="1">``) and closing tag (``</div><!-- /zone -->``) on
  lines of their own around its markdown. ``md_in_html`` reads them at the top of a page, but
  inside another container it takes a closing tag indented in a list for its own and loses the
  structure. The preprocessor stores each such line's tag as raw HTML (Python-Markdown's
  ``htmlStash``, as it stores any inline tag) and leaves the placeholder in its place: the
  markdown between is read as the blocks it is wherever it stands (a list item, a quote, an
  admonition), and the placeholder, a paragraph of its own, becomes the tag again. Only tags of
  the writer's exact shapes are taken (a ``docfx-`` class, ``markdown="1"``; a closing tag with
  its comment); a source's own ``<div>`` lines are left to Python-Markdown.
- **the radio inputs of tab groups.** Material's tabs are radio inputs, the tabbed set's first
  children before its labels. The postprocessor writes them for each group, in page order: an
  ``input type="radio"`` per label (the first checked), named and numbered for the page
  (``docfx-tabs-3``, ``docfx-tabs-3-1``), each label pointed at its input (``for``), the set
  marked for Material's tabs script (``data-tabs``). It runs on the HTML text, last, so groups
  from includes are numbered with the page's own.
"""

from __future__ import annotations

import re
from itertools import count
from typing import Any

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.postprocessors import Postprocessor  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

TAG_LINE = re.compile(
    r"(?P<prefix>[ \t>]*)(?P<tag>"
    r'<div class="[^"<>]*\bdocfx-[a-z-]+\b[^"<>]*"[^<>]*\smarkdown="1">'
    r'|<div class="tabbed-labels docfx-tab-labels">(?:<label[^<>]*>[^<>]*</label>)*</div>'
    r"|</div><!-- /(?:zone|moniker|row|column|tabs|tab-content|tab) -->"
    r")[ \t]*"
)
MARKDOWN_ATTRIBUTE = re.compile(r'\smarkdown="1"')
SET = re.compile(
    r'(?P<open><div class="tabbed-set tabbed-alternate docfx-tabs")(?P<attrs>[^<>]*)>(?P<gap>\s*)'
    r'<div class="tabbed-labels docfx-tab-labels">(?P<labels>(?:<label[^<>]*>[^<>]*</label>)*)</div>'
)
LABEL = re.compile(r"<label(?P<attrs>[^<>]*)>(?P<text>[^<>]*)</label>")
DATA = re.compile(r'\s(data-tab|data-condition)="([^"]*)"')
STASH_PRIORITY = 22
"""After fenced code is stored (SuperFences, 25), before raw HTML blocks are read (20)."""
INPUTS_PRIORITY = 5
"""After Python-Markdown's own postprocessors (raw HTML is back in the text at 30)."""


class ContainerTags(Preprocessor):  # type: ignore[misc]  # Python-Markdown is untyped
    """Each line that is one of the writer's container tags: the tag stored as raw HTML."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("docfx-" in line or "<!-- /" in line for line in lines):
            return lines
        out = []
        for line in lines:
            found = TAG_LINE.fullmatch(line)
            if found is None:
                out.append(line)
                continue
            tag = MARKDOWN_ATTRIBUTE.sub("", found["tag"])
            out.append(found["prefix"] + self.md.htmlStash.store(tag))
        return out


def with_inputs(text: str) -> str:
    """``text`` (a page's HTML) with the inputs of every DocFX tab group written in."""
    if "docfx-tab-labels" not in text:
        return text
    numbers = count(1)

    def group(match: re.Match[str]) -> str:
        number = next(numbers)
        labels = list(LABEL.finditer(match["labels"]))
        inputs, written = [], []
        for index, label in enumerate(labels, start=1):
            ident = f"docfx-tabs-{number}-{index}"
            data = "".join(f' {name}="{value}"' for name, value in DATA.findall(label["attrs"]))
            checked = " checked" if index == 1 else ""
            inputs.append(
                f'<input type="radio" name="docfx-tabs-{number}" id="{ident}"{data}{checked}>'
            )
            written.append(f'<label for="{ident}"{label["attrs"]}>{label["text"]}</label>')
        return (
            f'{match["open"]}{match["attrs"]} data-tabs="{number}:{len(labels)}">'
            f'{"".join(inputs)}{match["gap"]}<div class="tabbed-labels docfx-tab-labels">'
            f"{''.join(written)}</div>"
        )

    return SET.sub(group, text)


class TabInputs(Postprocessor):  # type: ignore[misc]
    """``with_inputs`` over the page's HTML."""

    def run(self, text: str) -> str:
        return with_inputs(text)


class ContainersExtension(Extension):  # type: ignore[misc]
    """Registers ``ContainerTags`` and ``TabInputs``."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(ContainerTags(md), "docfx_container_tags", STASH_PRIORITY)
        md.postprocessors.register(TabInputs(md), "docfx_tab_inputs", INPUTS_PRIORITY)


def makeExtension(**kwargs: Any) -> ContainersExtension:
    """The extension, as Python-Markdown loads it by name."""
    return ContainersExtension(**kwargs)

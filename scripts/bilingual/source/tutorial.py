"""Learn's tutorial pages: a ``### YamlMime:Tutorial`` YAML file -> a ``Tutorial``.

The schema, as Learn's tutorials use it::

    ### YamlMime:Tutorial
    title: Create your first report
    metadata:                     # the page's metadata (ms.date …)
      title: …
    items:                        # the steps, in order
    - durationInMinutes: 1        # how long the step takes
      content: |                  # markdown
        In this tutorial …
    - title: Connect to data      # a step may have a title
      durationInMinutes: 5
      content: |
        …

``parse_tutorial`` raises a ``SourceError`` when the file cannot be a page (not YAML, not a
mapping, no ``title``); a step of the wrong shape (no ``content``, a duration that is no
number of minutes) is reported into ``problems`` at ``file:line:column``: a step without content
is left out, a bad duration is dropped and the step kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilingual.errors import SourceError
from bilingual.source import yamlnodes
from bilingual.source.yamlpage import PartReader, markdown, metadata, page_mapping, plain

MIME = "### YamlMime:Tutorial"
SHAPE = "'### YamlMime:Tutorial' then 'title:' and 'items:' of 'durationInMinutes:', 'content:'"
STEP_SHAPE = "'durationInMinutes:' (whole minutes) and 'content:' (markdown)"


@dataclass(frozen=True, slots=True)
class Step:
    content: str
    """Markdown, as written."""
    minutes: int | None = None
    title: str = ""
    at: yamlnodes.Origin = yamlnodes.START
    """Where its content's text starts (its markdown's reports are placed from there)."""


@dataclass(frozen=True, slots=True)
class Tutorial:
    """One tutorial page of the docset."""

    path: str
    title: str
    summary: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    steps: tuple[Step, ...] = ()
    summary_at: yamlnodes.Origin = yamlnodes.START


def _minutes(reader: PartReader, item: dict[Any, Any]) -> int | None:
    value = item.get("durationInMinutes")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    at = yamlnodes.place(item, "durationInMinutes")
    reader.report(at, f"a step's durationInMinutes {value!r} is no number of minutes", STEP_SHAPE)
    return None


def parse_tutorial(text: str, path: str, problems: list[SourceError]) -> Tutorial:
    """The tutorial in ``text`` (the file at ``path``); raises ``SourceError`` when it cannot be
    one, reports malformed steps into ``problems``."""
    value, title = page_mapping(text, path, "the tutorial page", SHAPE)
    reader = PartReader(path, problems)
    steps = []
    entries = value.get("items")
    for index, item in reader.items(value, "items", "the tutorial's items", STEP_SHAPE):
        at = yamlnodes.place(entries, index)
        content = markdown(item.get("content")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or content is None:
            reader.report(at, "a tutorial step has no content", STEP_SHAPE)
            continue
        named = plain(item.get("title")) or ""
        content_at = yamlnodes.origin(item, "content")
        steps.append(Step(content, _minutes(reader, item), named, content_at))
    return Tutorial(
        path,
        title,
        reader.markdown(value, "summary", SHAPE),
        metadata(value.get("metadata")),
        tuple(steps),
        yamlnodes.origin(value, "summary"),
    )

"""The docset's redirects: ``.openpublishing.redirection.json`` -> the old addresses of ``SOURCE``.

The file (``Docset.redirections``: in ``SOURCE`` or the nearest folder above it, up to the
repository) holds ``{"redirections": [{"source_path": …, "redirect_url": …,
"redirect_document_id": …}, …]}``. ``source_path`` is relative to the folder holding the file
(``source_path_from_root``, with a leading ``/``, to the repository's root); ``redirect_url`` is
where the old page went: a path relative to the old file, a Learn path of this docset or another
(``/dynamics365/customer-insights/audience-insights/x``), or a URL. ``redirect_document_id``
moves the document's id (its history and metrics on Learn) to the target: nothing a reader of a
static site sees, so it is read, not used.

``read_redirections`` keeps the entries whose old file lies inside ``SOURCE`` (the site has an
address for them) and counts the others by their first folder, for one summary line; an entry
that is not a mapping with both paths as text is reported at ``file:line:column``.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.errors import SourceError
from bilingual.source.docset import Docset
from bilingual.source.positions import position

SHAPE = "'redirections': entries with 'source_path' and 'redirect_url'"


@dataclass(frozen=True, slots=True)
class Redirect:
    """One old address of ``SOURCE`` and where it went."""

    old: str
    """The old file, ``SOURCE``-relative (``audience-insights/old.md``)."""
    url: str
    """``redirect_url`` as written."""
    document_id: bool = False
    line: int = 1
    column: int = 1


@dataclass(slots=True)
class Redirections:
    """The redirects of a docset, as far as ``SOURCE`` is concerned."""

    file: str = ""
    """The redirection file, ``SOURCE``-relative (``../.openpublishing.redirection.json``)."""
    redirects: list[Redirect] = field(default_factory=list)
    outside: Counter[str] = field(default_factory=Counter)
    """Entries whose old file is outside ``SOURCE``, by its first folder (``topics/``)."""
    total: int = 0


def _entry_position(text: str, entry: object, index: int) -> tuple[int, int]:
    """Where the ``index``-th entry stands: its ``source_path`` value when it has one, else its
    n-th ``{`` after ``"redirections"`` (close enough to find it)."""
    if isinstance(entry, dict) and isinstance(entry.get("source_path"), str):
        found = text.find(json.dumps(entry["source_path"]))
        if found != -1:
            return position(text, found)
    start = text.find('"redirections"')
    braces = [match.start() for match in re.finditer(r"\{", text[max(start, 0) :])]
    return position(text, max(start, 0) + braces[index]) if index < len(braces) else (1, 1)


def _document_id(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def read_redirections(docset: Docset, problems: list[SourceError]) -> Redirections:
    """The redirects of ``docset`` (none when it has no redirection file)."""
    path = docset.redirections()
    if path is None:
        return Redirections()
    shown = docset.relative(path)
    try:
        text = docset.reader.text(path)
        value = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(SourceError(shown, 1, 1, f"cannot be read: {error}", SHAPE))
        return Redirections(shown)
    except json.JSONDecodeError as error:
        problems.append(SourceError(shown, error.lineno, error.colno, "not valid JSON", SHAPE))
        return Redirections(shown)
    entries = value.get("redirections") if isinstance(value, dict) else None
    if not isinstance(entries, list):
        problems.append(SourceError(shown, 1, 1, "has no 'redirections' list", SHAPE))
        return Redirections(shown)
    found = Redirections(shown, total=len(entries))
    folder = Path(path).parent
    source = docset.source
    for index, entry in enumerate(entries):
        line, column = _entry_position(text, entry, index)
        old = entry.get("source_path") if isinstance(entry, dict) else None
        from_root = entry.get("source_path_from_root") if isinstance(entry, dict) else None
        url = entry.get("redirect_url") if isinstance(entry, dict) else None
        base = folder
        if not isinstance(old, str) and isinstance(from_root, str):
            old, base = from_root.lstrip("/"), docset.repository
        if not isinstance(old, str) or not old.strip() or not isinstance(url, str) or not url:
            what = f"redirect {entry!r} has no source_path or redirect_url"
            problems.append(SourceError(shown, line, column, what, SHAPE))
            continue
        absolute = Path(posixpath.normpath((base / old.strip().replace("\\", "/")).as_posix()))
        if not absolute.is_relative_to(source):
            relative = posixpath.relpath(absolute.as_posix(), docset.repository.as_posix())
            found.outside[relative.split("/", 1)[0] + "/" if "/" in relative else relative] += 1
            continue
        document_id = (
            _document_id(entry.get("redirect_document_id")) if isinstance(entry, dict) else False
        )
        found.redirects.append(
            Redirect(docset.relative(absolute), url.strip(), document_id, line, column)
        )
    return found

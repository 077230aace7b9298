"""The README and the reference pages hold together: every relative link resolves, and the
README's Targets table names every target the ``Makefile`` documents.

A link is ``[text](target)`` outside code; a relative target must be a file of the project, and
its ``#anchor`` a heading of that file as GitHub makes its id (lower case, punctuation dropped,
spaces as ``-``, a repeated heading numbered ``-1``, ``-2`` …). Builds nothing: fast.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import PROJECT

README = PROJECT / "README.md"
PAGES = [README, *sorted((PROJECT / "reference").glob("*.md"))]
FENCE = re.compile(r"^ {0,3}(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
LINK = re.compile(r"\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
TARGET = re.compile(r"^([a-z][a-z-]*):.*## ", re.MULTILINE)
"""A documented target of the Makefile, as ``make help`` reads it (its awk pattern)."""


def prose(text: str) -> list[str]:
    """The lines of ``text`` outside fenced code blocks."""
    lines: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        found = FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)
        elif fence is not None and found and found.group(1) == fence:
            fence = None
        elif fence is None:
            lines.append(line)
    return lines


def slug(heading: str) -> str:
    """GitHub's id of a heading: its text without markup, lower case, punctuation dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
    text = re.sub(r"<[^>]+>", "", text).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in prose(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if match is None:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[str]:
    """The link targets of ``path``, outside code blocks and code spans."""
    text = CODE_SPAN.sub("", "\n".join(prose(path.read_text(encoding="utf-8"))))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    return LINK.findall(text)


def broken(path: Path, root: Path = PROJECT) -> list[str]:
    """What is wrong with the relative links of ``path``, a line each (named from ``root``)."""
    problems = []
    for target in links(path):
        if EXTERNAL.match(target):
            continue
        file, _, anchor = target.partition("#")
        where = (path.parent / unquote(file)).resolve() if file else path
        name = f"{path.relative_to(root).as_posix()}: {target}"
        if not where.exists():
            problems.append(f"{name}: no such file")
        elif anchor and where.suffix == ".md" and unquote(anchor) not in anchors(where):
            problems.append(f"{name}: no heading #{anchor} in {where.name}")
    return problems


def test_the_reference_pages_are_there() -> None:
    names = {path.name for path in PAGES}
    assert {"targets.md", "pages.md", "reader.md", "sites.md"} <= names
    assert {"search.md", "audit.md", "security.md", "format.md"} <= names


@pytest.mark.parametrize("path", PAGES, ids=[path.name for path in PAGES])
def test_every_relative_link_resolves(path: Path) -> None:
    assert links(path), f"{path.name} links nowhere"
    assert broken(path) == []


def test_a_broken_link_or_anchor_is_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n\n## It's here, too\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n[a](other.md#its-here-too) [b](missing.md) [c](other.md#nowhere)\n"
        "[d](#page) [e](#gone) `[f](in-code.md)` [g](https://example.com/x.md)\n"
        "```\n[h](in-a-fence.md)\n```\n",
        encoding="utf-8",
    )
    assert broken(page, tmp_path) == [
        "page.md: missing.md: no such file",
        "page.md: other.md#nowhere: no heading #nowhere in other.md",
        "page.md: #gone: no heading #gone in page.md",
    ]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("DocFX's own test suite", "docfxs-own-test-suite"),
        ("Zones, monikers, columns and tabs", "zones-monikers-columns-and-tabs"),
        (
            "Any locale: the locale model and the interface text",
            "any-locale-the-locale-model-and-the-interface-text",
        ),
        ("`make help` and Content-Security-Policy", "make-help-and-content-security-policy"),
    ],
)
def test_slugs_are_githubs(heading: str, expected: str) -> None:
    assert slug(heading) == expected


def documented_targets() -> list[str]:
    return TARGET.findall((PROJECT / "Makefile").read_text(encoding="utf-8"))


def test_every_documented_target_is_in_the_readmes_table() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Targets\n") :]
    section = section[: section.index("\n## ", 1)]
    listed = re.findall(r"^\| `make ([a-z-]+)` \|", section, re.MULTILINE)
    assert len(documented_targets()) > 10
    assert sorted(set(documented_targets()) - set(listed)) == []
    assert sorted(set(listed) - set(documented_targets())) == []


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_prints_every_documented_target() -> None:
    done = subprocess.run(
        ["make", "-s", "--no-print-directory", "help"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    printed = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert printed == documented_targets()

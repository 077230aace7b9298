"""What the translation memory tests share: the real command run, and the pairs of a tree
counted without the ``tm`` stage (from the parsed documents alone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from lxml import etree

from bilingual.model import Language
from bilingual.source.folder import source_files
from bilingual.source.parse import decode, parse
from conftest import PROJECT

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def run_tm(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    """``python -m bilingual tm ARGS`` as ``make tm`` runs it (``PYTHONPATH=scripts``)."""
    return subprocess.run(
        [sys.executable, "-m", "bilingual", "tm", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "scripts")},
        capture_output=True,
        text=True,
        check=False,
    )


def distinct_pairs(source: Path) -> set[tuple[str, str]]:
    """Every (English, translation) of the tree's sources as their pages show them, but pairs
    with an empty half."""
    pairs = set()
    for path in source_files(source):
        relative = path.relative_to(source).as_posix()
        for segment in parse(decode(path.read_bytes(), relative), relative).segments:
            pair = (segment.text(Language.ENGLISH), segment.text(Language.TRANSLATION))
            if pair[0].strip() and pair[1].strip():
                pairs.add(pair)
    return pairs


def tmx_root(path: Path) -> Any:
    """The TMX file parsed by lxml, after checking that it says TMX 1.4b, English as source."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    assert tree.docinfo.system_url == "tmx14.dtd"
    assert (root.tag, root.get("version")) == ("tmx", "1.4")  # TMX 1.4b's own version number
    assert root.find("header").get("srclang") == "en-US"
    return root

"""Pages are written to a staging folder and swapped in, so a cut run leaves the previous pages.

``swap_in`` replaces each language folder of ``docs/`` by the staged one with two renames (the
old folder moved aside, the new one moved in) and drops the folders of languages no longer
built; ``recover`` undoes what a run killed between those renames left, and removes the staging
folders of runs that are no longer alive.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from bilingual.split import workers

MANIFEST = ".pages.json"
"""The languages the last split wrote, in ``docs/``."""


def staging_folder(docs: Path) -> Path:
    """This process's staging folder in ``docs`` (``.staging-<pid>``), empty."""
    staging = docs / f".staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def swap_in(
    staging: Path,
    docs: Path,
    codes: list[str],
    names: dict[str, str] | None = None,
    tags: dict[str, str] | None = None,
) -> None:
    """Replace the language folders of ``docs`` by those in ``staging``; drop stale ones. The
    manifest records the languages (their folders), the site's name in each (``names``, by
    code) that the sources give, and the BCP 47 tag of each whose folder is not its tag
    (``tags``: ``tl`` -> ``fil``), so that the folder reads back to its language."""
    manifest = docs / MANIFEST
    previous: list[str] = []
    if manifest.exists():
        previous = json.loads(manifest.read_text(encoding="utf-8")).get("languages", [])
    for code in [*codes, *(c for c in previous if c not in codes)]:
        target = docs / code
        old = docs / f".old-{code}"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        if code in codes:
            os.replace(staging / code, target)
        if old.exists():
            shutil.rmtree(old)
    recorded = {"languages": codes, "names": names or {}, "tags": tags or {}}
    manifest.write_text(json.dumps(recorded, ensure_ascii=False) + "\n", encoding="utf-8")


def recover(docs: Path) -> None:
    """Undo what an interrupted run left in ``docs``: a language folder caught between the two
    renames of ``swap_in`` is put back, and staging folders of dead runs are removed."""
    for old in docs.glob(".old-*"):
        target = docs / old.name.removeprefix(".old-")
        if target.exists():
            shutil.rmtree(old)
        else:
            os.replace(old, target)
    for staging in docs.glob(".staging-*"):
        pid = staging.name.removeprefix(".staging-")
        if not (pid.isdigit() and workers.alive(int(pid))):
            shutil.rmtree(staging, ignore_errors=True)

"""Golden files: an expected text beside its input, reviewed by hand, compared whole.

``check`` compares ``actual`` with the file at ``expected``; a difference fails with a unified
diff. With ``pytest --update-golden`` it writes the file instead (review ``git diff`` before
committing: an expected file is never trusted because it was generated).
"""

from __future__ import annotations

import difflib
from pathlib import Path


def unified(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), "expected", "actual"
    )
    return "".join(lines)


def check(expected: Path, actual: str, update: bool) -> None:
    """``actual`` equals the golden file ``expected`` (written instead when ``update``)."""
    if update:
        expected.write_text(actual, encoding="utf-8", newline="")
        return
    assert expected.is_file(), f"{expected} is missing (pytest --update-golden writes it)"
    wanted = expected.read_text(encoding="utf-8")
    assert actual == wanted, unified(wanted, actual)

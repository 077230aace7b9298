"""Faults for the atomic-site tests, injected into a real build run as a child process.

A child Python started with this folder first on ``PYTHONPATH`` imports this module at start-up
(Python's ``sitecustomize``). ``BILINGUAL_FAULT`` names where the build dies:

``worker-page:N``
    a worker process, after building its N-th page, kills the whole build (SIGKILL to the
    process group): during another language's build;
``merge:N``
    the main process, after moving N files of a worker's language into the site: during the
    merge;
``swap-before`` / ``swap-after``
    the main process, just before / just after the atomic exchange of the staging folder and
    the site: during the swap;
``two-renames``
    as if ``renameat2`` were missing (``publish.exchange`` says so), the main process dies
    between the swap's two renames, the old site moved aside and the new one not yet in;
``disk-full:N``
    the N-th file MkDocs writes fails with ENOSPC, as on a full disk (no kill).

Before dying it writes the fault's name into ``BILINGUAL_FAULT_MARK``, so that a test knows the
build got as far as the fault and did not die of something else.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path
from typing import Any

FAULT = os.environ.get("BILINGUAL_FAULT", "")
MARK = os.environ.get("BILINGUAL_FAULT_MARK", "")
MAIN = os.getpid()


def _die(point: str) -> None:
    if MARK:
        Path(MARK).write_text(point, encoding="utf-8")
    os.killpg(os.getpgid(0), signal.SIGKILL)


def _counted(limit: int, point: str, call: Any, *, in_worker: bool | None = None) -> Any:
    seen = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = call(*args, **kwargs)
        if in_worker is None or (os.getpid() != MAIN) is in_worker:
            seen[0] += 1
            if seen[0] == limit:
                _die(point)
        return result

    return wrapper


def _install() -> None:
    name, _, count = FAULT.partition(":")
    limit = int(count or 1)
    if name == "worker-page":
        import mkdocs.commands.build as mkdocs_build

        mkdocs_build._build_page = _counted(
            limit,
            name,
            mkdocs_build._build_page,
            in_worker=True,
        )
    elif name == "merge":
        import bilingual.site.merge as merge

        class CountingOs:
            replace = staticmethod(_counted(limit, name, os.replace, in_worker=False))

            def __getattr__(self, attribute: str) -> Any:
                return getattr(os, attribute)

        setattr(merge, "os", CountingOs())  # noqa: B010 (the module's os, for this fault only)
    elif name in ("swap-before", "swap-after"):
        import bilingual.site.publish as publish

        exchange = publish.exchange

        def dying_exchange(first: Path, second: Path) -> bool:
            if name == "swap-before":
                _die(name)
            done = exchange(first, second)
            _die(name)
            return done

        publish.exchange = dying_exchange
    elif name == "two-renames":
        import bilingual.site.publish as publish

        publish.exchange = lambda first, second: False
        rename = Path.rename

        def dying_rename(self: Path, target: Any) -> Any:
            moved = rename(self, target)
            if Path(target).name.startswith(publish.PREVIOUS.format(name=self.name)):
                _die(name)
            return moved

        Path.rename = dying_rename  # type: ignore[method-assign]
    elif name == "disk-full":
        import mkdocs.utils

        write_file = mkdocs.utils.write_file
        seen = [0]

        def full(content: bytes, output_path: str) -> None:
            seen[0] += 1
            if seen[0] >= limit:
                if MARK:
                    Path(MARK).write_text(name, encoding="utf-8")
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
            write_file(content, output_path)

        mkdocs.utils.write_file = full


if FAULT:
    _install()

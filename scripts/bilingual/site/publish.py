"""A site is built beside its place and swapped in whole: nothing half-built is ever published.

``staged(site)`` gives a fresh folder beside ``site`` (``.site.staging-<pid>``, on the same file
system) to build the whole site into: every language, the merge, the search indexes, the
sitemap. Only when that returns is the folder swapped in, in one step: Linux's ``renameat2``
with ``RENAME_EXCHANGE`` trades the old site and the new in a single rename, so at every moment
``site`` is either the old site, whole, or the new one, whole. The old site, now under the
staging name, is removed. A build that raises, runs out of disk or is killed (SIGKILL included)
leaves ``site`` as it was; the next ``staged`` removes what dead runs left (folders whose
process no longer runs).

Where ``renameat2`` is missing (not Linux, an old C library or file system), the swap is two
renames, the old site first moved aside as ``.site.previous-<pid>``: a run killed between the two
leaves no ``site`` for an instant, and the next run puts the previous site back before it starts.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from bilingual.split import workers

AT_FDCWD = -100
RENAME_EXCHANGE = 2
STAGING = ".{name}.staging-"
PREVIOUS = ".{name}.previous-"


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic rename; ``False`` where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(first), str(second))


def _dead(folder: Path, prefix: str) -> bool:
    pid = folder.name.removeprefix(prefix)
    return not pid.isdigit() or int(pid) == os.getpid() or not workers.alive(int(pid))


def recover(site: Path) -> None:
    """Put back a previous site a killed two-rename swap left aside, and remove what dead runs
    left beside ``site`` (their staging folders)."""
    parent = site.parent
    previous = PREVIOUS.format(name=site.name)
    for left in sorted(parent.glob(f"{previous}*")):
        if _dead(left, previous):
            if not site.exists():
                left.rename(site)
            else:
                shutil.rmtree(left, ignore_errors=True)
    staging = STAGING.format(name=site.name)
    for left in parent.glob(f"{staging}*"):
        if _dead(left, staging):
            shutil.rmtree(left, ignore_errors=True)


def swap_in(staging: Path, site: Path, *, atomic: bool = True) -> None:
    """Make ``staging`` the site at ``site``; the old site (if any) is removed."""
    if not site.exists():
        staging.rename(site)
        return
    if atomic and exchange(staging, site):
        shutil.rmtree(staging)  # the old site, under the staging name
        return
    aside = site.parent / f"{PREVIOUS.format(name=site.name)}{os.getpid()}"
    site.rename(aside)
    staging.rename(site)
    shutil.rmtree(aside)


@contextlib.contextmanager
def staged(site: Path, *, atomic: bool = True) -> Iterator[Path]:
    """A fresh folder beside ``site`` to build into, swapped in when the body returns and
    removed when it raises. ``atomic=False`` swaps by two renames (as where ``renameat2`` is
    missing)."""
    site = Path(os.path.abspath(site))
    site.parent.mkdir(parents=True, exist_ok=True)
    recover(site)
    staging = site.parent / f"{STAGING.format(name=site.name)}{os.getpid()}"
    staging.mkdir()
    try:
        yield staging
        swap_in(staging, site, atomic=atomic)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def prune(site: Path, folder: Path) -> None:
    """Remove ``folder`` and the folders above it inside ``site`` while they are empty (a clean
    build has no empty folder)."""
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove(site: Path, relatives: set[str]) -> list[str]:
    """Remove the files ``relatives`` of ``site`` (pages or media whose source is gone), and
    the folders they leave empty; those removed."""
    removed = []
    for relative in sorted(relatives):
        if (site / relative).is_file():
            (site / relative).unlink()
            prune(site, (site / relative).parent)
            removed.append(relative)
    return removed


def swap_folder(target: Path, made: Path) -> None:
    """Put the folder ``made`` in the place of ``target`` (a language's ``search/``): one
    atomic exchange where the system has it, else two steps."""
    if not (target.exists() and exchange(target, made)):
        shutil.rmtree(target, ignore_errors=True)
        os.replace(made, target)

"""Worker processes for the long runs (splitting thousands of sources, building each language).

Both the split and the build are CPU-bound Python: threads would share one interpreter lock, so
the work goes to processes, through the standard library's ``ProcessPoolExecutor``.

* ``jobs`` is how many processes may work at once: ``--jobs N`` when given, else the
  ``BILINGUAL_JOBS`` environment variable, else the CPUs this process may run on.
* ``context`` forks where that is safe (this process runs one thread: a fork copies the imported
  modules and needs no re-import) and spawns otherwise (a fork of a threaded process can copy a
  lock another thread holds).
* ``pool`` is the executor; an exception raised in a worker is raised again in the caller, of the
  same type with the same message, and a worker that dies (killed, out of memory) is reported as
  ``WorkerDied`` rather than as the executor's own ``BrokenProcessPool``.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from typing import Any

from bilingual.errors import BilingualError

ENVIRONMENT = "BILINGUAL_JOBS"


class WorkerDied(BilingualError):
    """A worker process ended without an answer (killed by a signal, out of memory)."""


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells, else all)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def jobs(requested: int | None = None) -> int:
    """How many processes may work at once: ``requested``, else ``$BILINGUAL_JOBS``, else the
    available CPUs; at least 1."""
    if requested is None:
        value = os.environ.get(ENVIRONMENT, "").strip()
        if value:
            try:
                requested = int(value)
            except ValueError:
                raise BilingualError(
                    f"{ENVIRONMENT}={value!r}: not a number; expected a whole number of jobs, e.g. 2"
                ) from None
        else:
            requested = available_cpus()
    return max(1, requested)


def alive(pid: int) -> bool:
    """Whether process ``pid`` is running (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by someone else
    return True


def context() -> BaseContext:
    """Fork when this process runs one thread (cheap, nothing re-imported), else spawn."""
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    return multiprocessing.get_context(method)


_SHARED: Any = None
"""In a worker process: what its pool was given to share (``pool(..., shared)``)."""


def _share(value: Any) -> None:
    global _SHARED  # one worker process's share, set once when it starts
    _SHARED = value


def shared() -> Any:
    """In a worker process: the value its pool shares with every task (``pool``'s ``shared``)."""
    return _SHARED


@contextmanager
def pool(workers: int, shared: Any = None) -> Iterator[ProcessPoolExecutor]:
    """A process pool of ``workers``; a worker's death becomes ``WorkerDied``.

    ``shared`` reaches each worker once, when it starts (inherited by a fork, pickled once for a
    spawn), and its tasks read it with ``shared()``: large state need not travel with every task.
    """
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context(), initializer=_share, initargs=(shared,)
    )
    try:
        yield executor
    except BrokenProcessPool as error:
        executor.shutdown(wait=False, cancel_futures=True)
        raise WorkerDied(
            "a worker process ended without an answer (killed, or out of memory); "
            "run again with --jobs 1 to work in one process"
        ) from error
    finally:
        executor.shutdown(wait=True, cancel_futures=True)

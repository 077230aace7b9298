"""Worker processes: how many, how they start, and what a failing or dying worker becomes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from bilingual.errors import BilingualError, SourceError
from bilingual.split import workers
from conftest import PROJECT


def test_jobs_given_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENVIRONMENT, "5")
    assert workers.jobs(3) == 3
    assert workers.jobs(None) == 5
    assert workers.jobs(0) == 1


def test_jobs_default_to_the_available_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(workers.ENVIRONMENT, raising=False)
    assert workers.jobs() == workers.available_cpus() >= 1


def test_jobs_not_a_number_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENVIRONMENT, "two")
    with pytest.raises(BilingualError, match=r"BILINGUAL_JOBS='two': not a number; expected"):
        workers.jobs()


def _fail(name: str) -> None:
    raise SourceError(name, 3, 7, "stray </span>", "every </span> closes a <span>")


def _die(_: int) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_workers_error_is_raised_again_with_its_type_and_message() -> None:
    with pytest.raises(SourceError) as raised, workers.pool(2) as executor:
        executor.submit(_fail, "a.md").result()
    assert str(raised.value) == str(
        SourceError("a.md", 3, 7, "stray </span>", "every </span> closes a <span>")
    )


def test_a_dead_worker_is_reported_not_a_traceback() -> None:
    with (
        pytest.raises(workers.WorkerDied, match="ended without an answer"),
        workers.pool(1) as executor,
    ):
        executor.submit(_die, 0).result()


START_METHOD = """
import threading
from bilingual.split import workers

print(workers.context().get_start_method())
stop = threading.Event()
threading.Thread(target=stop.wait).start()
print(workers.context().get_start_method())
stop.set()
"""


def test_a_threaded_process_spawns_rather_than_forks() -> None:
    # In a fresh process: this one may run other tests' server threads.
    done = subprocess.run(
        [sys.executable, "-c", START_METHOD],
        env=dict(os.environ, PYTHONPATH=str(PROJECT / "scripts")),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["fork", "spawn"]

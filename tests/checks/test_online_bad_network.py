"""The online check under a bad network (issue 17): connection resets, bursts of server errors, a
host that accepts and never answers, a body that drips, headers that drip, a redirect chain that
changes between requests. No live link is reported dead, every wait is bounded, and two runs give
the same verdicts. The server is tests/flaky_server.py, on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bilingual.checks.links.cache import SuccessCache
from bilingual.checks.links.online import Settings, check_online
from bilingual.checks.links.verdicts import Outcome, Verdict
from flaky_server import FlakyServer, flaky_server

HOST = "https://flaky.example.com"
SETTINGS = Settings(retries=3, backoff=0.05, max_wait=1.0, timeout=0.3)
EXPECTED = {
    "/reset/2": Outcome.LIVE,
    "/burst/3": Outcome.LIVE,
    "/silent-once": Outcome.LIVE,
    "/drip": Outcome.LIVE,
    "/shifting": Outcome.LIVE,
    "/ok": Outcome.LIVE,
    "/silent": Outcome.UNKNOWN,
    "/drip-headers": Outcome.UNKNOWN,
    "/gone": Outcome.DEAD,
}


@pytest.fixture(scope="module")
def server() -> Iterator[FlakyServer]:
    with flaky_server() as running:
        yield running


def run(server: FlakyServer) -> dict[str, Verdict]:
    """One online check of every path, from a fresh server state, in a thread that must end
    within the settings' own bound (a hang fails the test instead of stalling it)."""
    server.reset()
    settings = Settings(
        retries=SETTINGS.retries,
        backoff=SETTINGS.backoff,
        max_wait=SETTINGS.max_wait,
        timeout=SETTINGS.timeout,
        remap={"*": server.url},
    )
    found: dict[str, Verdict] = {}

    def check() -> None:
        verdicts, _ = check_online([HOST + path for path in EXPECTED], settings, SuccessCache(None))
        found.update(verdicts)

    worker = threading.Thread(target=check, daemon=True)
    worker.start()
    worker.join(settings.longest_wait())
    assert not worker.is_alive(), (
        f"the check took longer than its bound {settings.longest_wait()} s"
    )
    return found


def test_no_live_link_is_dead_and_every_wait_ends(server: FlakyServer) -> None:
    verdicts = run(server)
    outcomes = {url.removeprefix(HOST): verdict.outcome for url, verdict in verdicts.items()}
    assert outcomes == EXPECTED, {u: v.describe() for u, v in verdicts.items()}
    assert verdicts[HOST + "/silent"].reason == "timed out after 0.3 s"
    assert verdicts[HOST + "/drip-headers"].reason == "timed out after 0.3 s"
    assert verdicts[HOST + "/gone"].reason == "HTTP 404"


def test_two_runs_give_the_same_verdicts(server: FlakyServer) -> None:
    first = {url: (v.outcome, v.reason) for url, v in run(server).items()}
    second = {url: (v.outcome, v.reason) for url, v in run(server).items()}
    assert first == second


def test_the_bound_is_what_the_settings_allow() -> None:
    settings = Settings(retries=2, backoff=0.5, max_wait=60.0, timeout=10.0, max_redirects=3)
    assert settings.longest_wait() == (3 + 1) * 2 * (3 * 10.0 + 0.5 + 1.0)

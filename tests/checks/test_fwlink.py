"""Offline validation of Microsoft forward links."""

from __future__ import annotations

import pytest

from bilingual.checks.links.fwlink import fwlink_problem, is_fwlink, normalise


@pytest.mark.parametrize(
    "url",
    [
        "https://go.microsoft.com/fwlink/?linkid=872110",
        "https://go.microsoft.com/fwlink/?LinkId=872110",
        "https://go.microsoft.com/fwlink/?LINKID=872110&clcid=0x409",
        "https://go.microsoft.com/fwlink/p/?linkid=872110",
        "https://GO.microsoft.com/fwlink?linkid=1",
    ],
)
def test_well_formed(url: str) -> None:
    assert fwlink_problem(url) is None
    assert normalise(url).startswith("https://go.microsoft.com/fwlink/?linkid=")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://go.microsoft.com/fwlink/?linkid=872110", "scheme 'http'"),
        ("https://go.microsoft.com/fwlnk/?linkid=872110", "path '/fwlnk/'"),
        ("https://go.microsoft.com/fwlink/?linkid=87x110", "is not a number"),
        ("https://go.microsoft.com/fwlink/?linkid=", "is not a number"),
        ("https://go.microsoft.com/fwlink/?id=872110", "0 linkid parameters"),
        ("https://go.microsoft.com/fwlink/?linkid=1&LinkID=2", "2 linkid parameters"),
    ],
)
def test_malformed(url: str, reason: str) -> None:
    problem = fwlink_problem(url)
    assert problem is not None
    assert reason in problem


def test_only_microsofts_host_is_a_fwlink() -> None:
    assert is_fwlink("https://go.microsoft.com/fwlink/?linkid=1")
    assert not is_fwlink("https://example.com/fwlink/?linkid=1")
    assert normalise("https://go.microsoft.com/fwlink/p/?LinkId=5&clcid=0x409") == (
        "https://go.microsoft.com/fwlink/?linkid=5"
    )

"""The online check against a real local server that answers as go.microsoft.com and aka.ms do.

Every request goes to 127.0.0.1 through ``--remap '*=…'``; no test touches the internet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bilingual.checks.links.cache import SuccessCache
from bilingual.checks.links.online import (
    RemapError,
    Settings,
    check_online,
    parse_remap,
    retry_after,
)
from bilingual.checks.links.verdicts import Outcome, Verdict, is_not_found_page, is_site_root
from bilingual.cli import main
from mock_microsoft import BUSY, GONE, HEADLESS, LOOP, SLOW, MockMicrosoft

FWLINK = "https://go.microsoft.com/fwlink/?linkid={}"


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def mock(server: HTTPServer) -> MockMicrosoft:
    """A fresh mock behind the server for each test."""
    server.clear()
    handler = MockMicrosoft(slow_seconds=1.0)
    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    return handler


@pytest.fixture
def settings(server: HTTPServer) -> Settings:
    return Settings(
        retries=2, backoff=0.01, max_wait=5.0, timeout=3.0, remap={"*": server.url_for("")}
    )


def check(
    urls: list[str], settings: Settings, cache: SuccessCache | None = None
) -> tuple[dict[str, Verdict], int]:
    return check_online(urls, settings, cache or SuccessCache(None))


def test_live_fwlink_follows_its_redirect(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(872110)
    verdicts, requests = check([url], settings)
    verdict = verdicts[url]
    assert verdict.outcome is Outcome.LIVE
    assert [(hop.status, hop.url) for hop in verdict.chain] == [
        (302, url),
        (200, "https://learn.microsoft.com/en-us/articles/872110"),
    ]
    assert requests == 2
    assert [method for _, method, _ in mock.log] == ["HEAD", "HEAD"]


@pytest.mark.parametrize(
    "url",
    [
        "https://go.microsoft.com/fwlink/?LinkId=872110",
        "https://go.microsoft.com/fwlink/?LINKID=872110&clcid=0x409",
        "https://go.microsoft.com/fwlink/p/?linkid=872110",
        "https://go.microsoft.com/fwlink?lInKiD=872110",
    ],
)
def test_linkid_case_variants_are_live(mock: MockMicrosoft, settings: Settings, url: str) -> None:
    verdicts, _ = check([url], settings)
    assert verdicts[url].outcome is Outcome.LIVE
    assert verdicts[url].final_url == "https://learn.microsoft.com/en-us/articles/872110"


def test_dead_fwlink_lands_on_the_site_root(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(999)
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.DEAD
    assert verdict.reason == "lands on the site root https://www.microsoft.com/en-us/"
    assert (
        "302 https://go.microsoft.com/fwlink/?linkid=999 -> 200 https://www.microsoft.com/en-us/"
        in (verdict.describe())
    )


def test_fwlink_to_a_not_found_page_is_dead(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(GONE)
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.DEAD
    assert verdict.reason.startswith("lands on a not-found page")


@pytest.mark.parametrize(
    ("name", "outcome", "final"),
    [
        ("o365-help", Outcome.LIVE, "https://learn.microsoft.com/en-us/articles/o365-help"),
        ("HelpMe", Outcome.LIVE, "https://learn.microsoft.com/en-us/articles/HelpMe"),
        ("no-such-name", Outcome.DEAD, "https://www.bing.com/?ref=aka&shorturl=no-such-name"),
    ],
)
def test_aka_ms(
    mock: MockMicrosoft, settings: Settings, name: str, outcome: Outcome, final: str
) -> None:
    url = f"https://aka.ms/{name}"
    verdict = check([url], settings)[0][url]
    assert (verdict.outcome, verdict.final_url) == (outcome, final)


def test_redirect_loop_is_dead_with_its_chain(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(LOOP)
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.DEAD
    assert verdict.reason == f"redirect loop back to {url}"
    assert [hop.url for hop in verdict.chain] == [url, "https://aka.ms/loop"]


def test_redirect_limit(mock: MockMicrosoft, settings: Settings) -> None:
    from dataclasses import replace

    url = "https://aka.ms/chain3"
    assert check([url], settings)[0][url].outcome is Outcome.LIVE
    verdict = check([url], replace(settings, max_redirects=2))[0][url]
    assert verdict.outcome is Outcome.DEAD
    assert verdict.reason == "more than 2 redirects"
    assert len(verdict.chain) == 3


def test_429_waits_for_retry_after_then_passes(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(BUSY)
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.LIVE
    asked = [when for when, _, path in mock.log if path.startswith("go.microsoft.com")]
    assert len(asked) == 2
    assert asked[1] - asked[0] >= 0.95  # Retry-After: 1, not the 0.01 s backoff


def test_429_beyond_the_longest_wait_is_unknown(mock: MockMicrosoft, settings: Settings) -> None:
    url = "https://learn.microsoft.com/throttled"
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.UNKNOWN
    assert verdict.reason == "HTTP 429: the host did not say"
    assert mock.requests == 1  # Retry-After: 120 is longer than max_wait: not waited for


def test_403_is_unknown_and_404_dead(mock: MockMicrosoft, settings: Settings) -> None:
    private, missing = "https://learn.microsoft.com/private", "https://learn.microsoft.com/nope"
    verdicts, _ = check([private, missing], settings)
    assert verdicts[private].outcome is Outcome.UNKNOWN
    assert verdicts[missing].outcome is Outcome.DEAD
    assert verdicts[missing].reason == "HTTP 404"
    methods = sorted(method for _, method, path in mock.log if path.endswith("/nope?"))
    assert methods == ["GET", "HEAD"]  # HEAD's 404 was asked again with GET


def test_head_refused_falls_back_to_get(mock: MockMicrosoft, settings: Settings) -> None:
    url = FWLINK.format(HEADLESS)
    verdict = check([url], settings)[0][url]
    assert verdict.outcome is Outcome.LIVE
    article = [method for _, method, path in mock.log if "headless" in path]
    assert article == ["HEAD", "GET"]


def test_slow_answer_times_out_as_unknown(mock: MockMicrosoft, settings: Settings) -> None:
    from dataclasses import replace

    url = FWLINK.format(SLOW)
    mock.slow_seconds = 0.6
    verdict = check([url], replace(settings, timeout=0.2, retries=1))[0][url]
    assert verdict.outcome is Outcome.UNKNOWN
    assert verdict.reason == "timed out after 0.2 s"
    assert mock.requests == 2  # retried once
    mock.slow_seconds = 0.1
    assert check([url], settings)[0][url].outcome is Outcome.LIVE


def test_requests_in_flight_per_host_are_limited(mock: MockMicrosoft, settings: Settings) -> None:
    from dataclasses import replace

    mock.delay = 0.05
    urls = [FWLINK.format(1_000_000 + n) for n in range(12)]
    verdicts, _ = check(urls, replace(settings, per_host=3))
    assert all(v.outcome is Outcome.LIVE for v in verdicts.values())
    assert 2 <= mock.most_in_flight["go.microsoft.com"] <= 3
    assert mock.most_in_flight["learn.microsoft.com"] <= 3


def test_successes_are_cached_and_failures_never(
    mock: MockMicrosoft, settings: Settings, tmp_path: Path
) -> None:
    live, dead = FWLINK.format(872110), FWLINK.format(999)
    path = tmp_path / ".cache" / "links.json"
    now = [1_000_000.0]
    cache = SuccessCache(path, max_age=3600, remap=settings.remap, clock=lambda: now[0])
    check([live, dead], settings, cache)
    assert list(json.loads(path.read_text())["entries"]) == [live]

    mock.requests = 0
    cache = SuccessCache(path, max_age=3600, remap=settings.remap, clock=lambda: now[0] + 60)
    verdicts, requests = check([live, dead], settings, cache)
    assert verdicts[live].cached
    assert verdicts[live].outcome is Outcome.LIVE
    assert not verdicts[dead].cached
    assert requests == mock.requests == 2  # only the dead link, asked again

    cache = SuccessCache(path, max_age=3600, remap=settings.remap, clock=lambda: now[0] + 7200)
    verdicts, _ = check([live], settings, cache)
    assert not verdicts[live].cached  # older than the maximum age: asked again


def test_cache_filled_through_another_remap_is_not_used(
    mock: MockMicrosoft, settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "links.json"
    live = FWLINK.format(872110)
    check([live], settings, SuccessCache(path, remap=settings.remap))
    assert not check([live], settings, SuccessCache(path, remap={}))[0][live].cached
    path.write_text("{not json", encoding="utf-8")
    assert not check([live], settings, SuccessCache(path, remap=settings.remap))[0][live].cached


def test_remap_shapes() -> None:
    assert parse_remap(["go.microsoft.com=127.0.0.1:8123", "*=https://localhost:1"]) == {
        "go.microsoft.com": "http://127.0.0.1:8123",
        "*": "https://localhost:1",
    }
    for bad in ["go.microsoft.com", "=127.0.0.1:1", "aka.ms=127.0.0.1:port", "aka.ms=ftp://x"]:
        with pytest.raises(RemapError, match="expected HOST=ADDRESS"):
            parse_remap([bad])


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert retry_after("7", now.timestamp()) == 7.0
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after(later, now.timestamp()) == pytest.approx(30.0)
    assert retry_after("soon", now.timestamp()) is None
    assert retry_after(None, now.timestamp()) is None


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://www.microsoft.com/", True),
        ("https://www.microsoft.com", True),
        ("https://www.microsoft.com/en-us/", True),
        ("https://www.bing.com/?ref=aka&shorturl=x", True),
        ("https://learn.microsoft.com/zh-hans-cn", True),
        ("https://learn.microsoft.com/en-us/teams/", False),
        ("https://go.microsoft.com/fwlink/?linkid=1", False),
    ],
)
def test_site_root(url: str, root: bool) -> None:
    assert is_site_root(url) is root


@pytest.mark.parametrize(
    ("url", "not_found"),
    [
        ("https://support.microsoft.com/en-us/notfound", True),
        ("https://www.microsoft.com/en-us/404", True),
        ("https://example.com/errorpages/page-not-found.aspx", True),
        ("https://example.com/kb/4045", False),
        ("https://learn.microsoft.com/en-us/articles/found", False),
    ],
)
def test_not_found_page(url: str, not_found: bool) -> None:
    assert is_not_found_page(url) is not_found


PAGE = """<!doctype html>
<html><body><article>
<p><a href="https://go.microsoft.com/fwlink/?linkid=872110">live</a></p>
<p><a href="https://go.microsoft.com/fwlink/?LinkId=999&amp;clcid=0x409">dead</a></p>
<p><a href="https://aka.ms/o365-help">short</a> <img src="https://www.microsoft.com/x.png" alt=""></p>
<link rel="preconnect" href="https://fonts.example.com">
</article></body></html>
"""


def write_site(tmp_path: Path, page: str = PAGE) -> Path:
    site = tmp_path / "site"
    (site / "en" / "article").mkdir(parents=True)
    (site / "en" / "article" / "index.html").write_text(page, encoding="utf-8")
    (site / "index.html").write_text(page.replace("999", "872110"), encoding="utf-8")
    return site


def test_links_online_names_page_link_and_reason(
    mock: MockMicrosoft, server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(tmp_path)
    args = ["links", "--site", str(site), "--online", "--remap", f"*={server.url_for('')}"]
    assert main([*args, "--no-cache"]) == 1
    out = capsys.readouterr().out
    page = site / "en" / "article" / "index.html"
    assert (
        f"{page}:4:7: https://go.microsoft.com/fwlink/?LinkId=999&clcid=0x409: dead: lands on the "
        "site root https://www.microsoft.com/en-us/ (302 https://go.microsoft.com/fwlink/?linkid=999"
        " -> 200 https://www.microsoft.com/en-us/)"
    ) in out
    assert "online: 4 unique URLs, 3 live (0 from the cache), 1 dead, 0 unknown" in out
    assert "fonts.example.com" not in {path.split("/")[0] for _, _, path in mock.log}
    assert out.rstrip().endswith("links: 2 pages checked, 1 broken (online 1)")

    assert main([*args, "--no-cache", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["broken"] == 1
    [problem] = report["problems"]
    assert problem["kind"] == "online"
    assert problem["outcome"] == "dead"
    assert [hop["status"] for hop in problem["chain"]] == [302, 200]


def test_links_online_pass_on_live_links(
    mock: MockMicrosoft, server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(tmp_path, PAGE.replace("999", "1000"))
    cache = tmp_path / "cache.json"
    args = ["links", "--site", str(site), "--online", "--remap", f"*={server.url_for('')}"]
    assert main([*args, "--cache", str(cache)]) == 0
    assert "4 live (0 from the cache)" in capsys.readouterr().out
    assert main([*args, "--cache", str(cache)]) == 0
    assert "4 live (4 from the cache)" in capsys.readouterr().out


def test_bad_remap_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = write_site(tmp_path)
    assert main(["links", "--site", str(site), "--online", "--remap", "aka.ms"]) == 1
    assert capsys.readouterr().err == (
        "error: --remap 'aka.ms': expected HOST=ADDRESS, e.g. go.microsoft.com=127.0.0.1:8123 "
        "or *=127.0.0.1:8123\n"
    )

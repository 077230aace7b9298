"""Online link check: ask every external URL once, follow its redirects, judge where it lands.

Requests are asynchronous (httpx), at most ``per_host`` in flight per host. Each URL is asked
with ``HEAD``; when HEAD answers an error the URL is asked again with ``GET`` (many servers
refuse or mis-answer HEAD), reading headers only (a body that drips in slowly is never waited
for). 429 and server errors (500, 502, 503, 504) are retried after the server's ``Retry-After``
(seconds or an HTTP date; longer than ``max_wait`` is not waited for) or an exponential backoff;
timeouts, resets and other network errors are retried after the backoff. Every request is
bounded as a whole by ``timeout`` (a host that accepts and never answers, or drips its headers,
is cut off), so every URL's verdict comes within ``Settings.longest_wait``; a URL still failing
after its retries is *unknown*, never dead. Redirects are
followed by hand up to ``max_redirects``, every hop recorded, a loop detected; the end of the
chain is judged by ``verdicts.judge``. Live URLs go to the success cache (``cache``), so the next
run skips them until they are older than its maximum age; failures are never cached.

``remap`` sends the requests for a host to another address while the URL (and the ``Host``
header) stays the original: ``go.microsoft.com=127.0.0.1:8123`` points Microsoft's forward-link
host at a local server, ``*=127.0.0.1:8123`` every host.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from bilingual.checks.links.cache import SuccessCache
from bilingual.checks.links.verdicts import Hop, Outcome, Verdict, judge
from bilingual.errors import BilingualError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Answers that say "not now" (throttled, a server or gateway error): asked again."""
HEAD_RETRY_STATUSES = frozenset({429, 503})
"""A HEAD answered with another server error is asked with GET at once (servers mis-answer
HEAD); only throttling is waited out before that."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "bilingual-help-site link check (httpx)"
REMAP_SHAPE = "HOST=ADDRESS, e.g. go.microsoft.com=127.0.0.1:8123 or *=127.0.0.1:8123"


class RemapError(BilingualError):
    """A ``--remap`` option is not of the shape ``HOST=ADDRESS``."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the online check asks."""

    per_host: int = 6
    """Requests in flight at once to one host."""
    connections: int = 100
    """Connections open at once, all hosts together."""
    retries: int = 3
    """Further tries after a 429, a 503, a timeout or a network error."""
    backoff: float = 0.5
    """Seconds before the first retry without Retry-After; doubled on each further one."""
    max_wait: float = 60.0
    """Longest Retry-After honoured; a longer one leaves the URL unknown."""
    max_redirects: int = 10
    timeout: float = 15.0
    """Seconds for connecting, and between bytes of an answer."""
    remap: Mapping[str, str] = field(default_factory=dict)
    """Host -> ``scheme://host:port`` the requests for it go to (``*``: every host)."""

    def longest_wait(self) -> float:
        """The longest one URL can take: every hop of its redirects asked with HEAD and GET,
        each try cut off at ``timeout``, the waits between tries at most ``max_wait``."""
        waits = sum(
            min(self.backoff * (1 << attempt), self.max_wait) for attempt in range(self.retries)
        )
        per_method = (self.retries + 1) * self.timeout + waits
        return (self.max_redirects + 1) * 2 * per_method


def parse_remap(specs: Iterable[str]) -> dict[str, str]:
    """``HOST=ADDRESS`` options -> {host: ``http://address``}."""
    remap = {}
    for spec in specs:
        host, equals, address = (part.strip() for part in spec.partition("="))
        if "://" not in address:
            address = "http://" + address
        try:
            target = urlsplit(address)
            target.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            target = urlsplit("")
        if not equals or not host or target.scheme not in ("http", "https") or not target.hostname:
            raise RemapError(f"--remap {spec!r}: expected {REMAP_SHAPE}")
        remap[host.lower()] = f"{target.scheme}://{target.netloc}"
    return remap


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait as a ``Retry-After`` header says (seconds or an HTTP date), if it says."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now) if when.tzinfo is not None else None


class Checker:
    """Asks URLs through one HTTP client, with per-host limits, retries and the success cache."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient, cache: SuccessCache) -> None:
        self.settings = settings
        self.client = client
        self.cache = cache
        self.requests = 0
        """Requests sent, retries and fallbacks included."""
        self._slots: dict[str, asyncio.Semaphore] = {}

    def _slot(self, host: str) -> asyncio.Semaphore:
        if host not in self._slots:
            self._slots[host] = asyncio.Semaphore(self.settings.per_host)
        return self._slots[host]

    def address(self, url: str) -> tuple[str, dict[str, str]]:
        """Where to send the request for ``url`` (after the remap), and the headers it needs."""
        parts = urlsplit(url)
        target = self.settings.remap.get((parts.hostname or "").lower())
        target = target or self.settings.remap.get("*")
        if target is None:
            return url, {}
        scheme, netloc = target.split("://", 1)
        remapped = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
        return remapped, {"Host": parts.netloc}

    async def _send(self, method: str, url: str) -> httpx.Response | str:
        """One request, headers only: the response, or what went wrong."""
        address, headers = self.address(url)
        async with self._slot((urlsplit(url).hostname or "").lower()):
            self.requests += 1
            try:
                request = self.client.build_request(method, address, headers=headers)
                response = await asyncio.wait_for(
                    self.client.send(request, stream=True), self.settings.timeout
                )
                await response.aclose()
            except (httpx.TimeoutException, TimeoutError):
                return f"timed out after {self.settings.timeout:g} s"
            except httpx.HTTPError as error:
                return f"network error ({type(error).__name__}: {error})"
        return response

    async def _request(self, method: str, url: str) -> httpx.Response | str:
        """``_send``, retried on throttling and server errors (after Retry-After, else the
        backoff), timeouts and network errors."""
        retried = HEAD_RETRY_STATUSES if method == "HEAD" else RETRY_STATUSES
        for attempt in range(self.settings.retries + 1):
            result = await self._send(method, url)
            wait = self.settings.backoff * 2.0**attempt
            if isinstance(result, httpx.Response):
                if result.status_code not in retried:
                    return result
                asked = retry_after(result.headers.get("retry-after"), time.time())
                if asked is not None and asked > self.settings.max_wait:
                    return result
                wait = wait if asked is None else asked
            if attempt < self.settings.retries:
                await asyncio.sleep(wait)
        return result

    async def fetch(self, url: str) -> httpx.Response | str:
        """HEAD, then GET when HEAD answered an error other than throttling (a host that does
        not answer at all is not asked twice over)."""
        result = await self._request("HEAD", url)
        if isinstance(result, str) or result.status_code < 400:
            return result
        if result.status_code in HEAD_RETRY_STATUSES:
            return result
        return await self._request("GET", url)

    async def follow(self, url: str) -> Verdict:
        """Follow ``url`` through its redirects and judge where it lands."""
        chain: list[Hop] = []
        seen = {url}
        current = url
        while True:
            result = await self.fetch(current)
            if isinstance(result, str):
                where = "" if current == url else f" asking {current}"
                return Verdict(url, Outcome.UNKNOWN, result + where, tuple(chain))
            chain.append(Hop(current, result.status_code))
            location = result.headers.get("location")
            if result.status_code not in REDIRECT_STATUSES or not location:
                return judge(url, tuple(chain))
            following = urljoin(current, location.strip())
            if urlsplit(following).scheme.lower() not in ("http", "https"):
                return Verdict(url, Outcome.DEAD, f"redirects to {following}", tuple(chain))
            if following in seen:
                return Verdict(
                    url, Outcome.DEAD, f"redirect loop back to {following}", tuple(chain)
                )
            if len(chain) > self.settings.max_redirects:
                reason = f"more than {self.settings.max_redirects} redirects"
                return Verdict(url, Outcome.DEAD, reason, tuple(chain))
            seen.add(following)
            current = following

    async def check(self, url: str) -> Verdict:
        """The verdict on ``url``: from the cache when it was found live lately, else asked now."""
        entry = self.cache.fresh(url)
        if entry is not None:
            hop = (Hop(entry.final_url, 200),)
            return Verdict(url, Outcome.LIVE, "live when last checked", hop, cached=True)
        verdict = await self.follow(url)
        if verdict.outcome is Outcome.LIVE:
            self.cache.remember(url, verdict.final_url)
        else:
            self.cache.forget(url)
        return verdict


async def check_urls(
    urls: Iterable[str], settings: Settings, cache: SuccessCache
) -> tuple[dict[str, Verdict], int]:
    """The verdict on each URL, and the number of requests it took."""
    limits = httpx.Limits(
        max_connections=settings.connections, max_keepalive_connections=settings.connections
    )
    timeout = httpx.Timeout(settings.timeout, pool=None)
    headers = {"User-Agent": USER_AGENT}
    async with httpx.AsyncClient(timeout=timeout, limits=limits, headers=headers) as client:
        checker = Checker(settings, client, cache)
        verdicts = await asyncio.gather(*(checker.check(url) for url in dict.fromkeys(urls)))
    return {verdict.url: verdict for verdict in verdicts}, checker.requests


def check_online(
    urls: Iterable[str], settings: Settings, cache: SuccessCache
) -> tuple[dict[str, Verdict], int]:
    """``check_urls`` run to the end; the cache is saved afterwards."""
    verdicts, requests = asyncio.run(check_urls(urls, settings, cache))
    cache.save()
    return verdicts, requests

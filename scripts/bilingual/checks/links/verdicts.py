"""Where a followed link landed, judged: live, dead or unknown.

A dead Microsoft forward link rarely answers 404: it redirects to a generic page, so the verdict
looks at the end of the redirect chain. A link is **dead** when it ends in 404, 410 or another
client error, or when it was redirected to a site root (``https://www.microsoft.com/``,
``https://www.bing.com/?ref=aka…``, ``https://www.microsoft.com/en-us/``) or to a not-found page
(``/404``, ``/notfound``, ``/pagenotfound`` …) although it did not point there itself. 401, 403
and 429 say nothing about the page (the host refused to tell), and neither do server errors:
those are **unknown**, never live.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOCALE_ONLY = re.compile(
    r"/?(?:[a-z]{2}(?:-(?:hans|hant|latn|cyrl))?(?:-(?:[a-z]{2}|[0-9]{3}))?/?)?", re.IGNORECASE
)
NOT_FOUND = re.compile(
    r"(?:^|[/_.-])(?:404|410|not-?found|page-?not-?found|file-?not-?found|error-?404|errorpages?)"
    r"(?:$|[/_.?=-])",
    re.IGNORECASE,
)
REFUSED = frozenset({401, 403, 429})


class Outcome(enum.Enum):
    """The verdict on one URL."""

    LIVE = "live"
    DEAD = "dead"
    UNKNOWN = "unknown"
    """The check could not tell (refused, rate-limited, timed out, server error)."""


@dataclass(frozen=True, slots=True)
class Hop:
    """One request of a redirect chain: the URL asked for and the status it answered."""

    url: str
    status: int


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the online check found for one URL."""

    url: str
    outcome: Outcome
    reason: str
    chain: tuple[Hop, ...] = field(default=())
    """Every request made, in order; the last is where the link landed."""
    cached: bool = False
    """Taken from the cache of earlier successes, not asked now."""

    @property
    def final_url(self) -> str:
        return self.chain[-1].url if self.chain else self.url

    def describe(self) -> str:
        """``outcome: reason``, with the redirect chain when there was one."""
        text = f"{self.outcome.value}: {self.reason}"
        if len(self.chain) > 1:
            text += " (" + " -> ".join(f"{hop.status} {hop.url}" for hop in self.chain) + ")"
        return text


def is_site_root(url: str) -> bool:
    """Whether ``url`` is a host's home page, perhaps with a locale (``/``, ``/en-us/``)."""
    return LOCALE_ONLY.fullmatch(urlsplit(url).path) is not None


def is_not_found_page(url: str) -> bool:
    """Whether ``url``'s path names a not-found or error page."""
    parts = urlsplit(url)
    return NOT_FOUND.search(parts.path) is not None or NOT_FOUND.search(parts.query) is not None


def judge(url: str, chain: tuple[Hop, ...]) -> Verdict:
    """The verdict on ``url`` from the chain of requests that followed it (the last not a redirect)."""
    final = chain[-1]
    status = final.status
    if status in REFUSED:
        return Verdict(url, Outcome.UNKNOWN, f"HTTP {status}: the host did not say", chain)
    if status >= 500:
        return Verdict(url, Outcome.UNKNOWN, f"HTTP {status}: server error", chain)
    if status >= 400:
        return Verdict(url, Outcome.DEAD, f"HTTP {status}", chain)
    if status >= 300:
        return Verdict(url, Outcome.DEAD, f"HTTP {status} without a Location to follow", chain)
    if len(chain) > 1 and is_not_found_page(final.url) and not is_not_found_page(url):
        return Verdict(url, Outcome.DEAD, f"lands on a not-found page {final.url}", chain)
    if len(chain) > 1 and is_site_root(final.url) and not is_site_root(url):
        return Verdict(url, Outcome.DEAD, f"lands on the site root {final.url}", chain)
    return Verdict(url, Outcome.LIVE, f"HTTP {status}", chain)

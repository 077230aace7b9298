"""External URLs (``http``/``https``) judged offline: well-formed, secure, fwlinks exact.

An external URL is well-formed when it parses, names a valid host with a domain (``docs.microsoft.com``,
not ``docs``), a numeric port if any, and holds no whitespace or characters that must be escaped.
A link to one of Microsoft's hosts must be ``https``; a fwlink must have exactly one numeric
``linkid`` (see ``fwlink``). ``key`` gives one spelling per target so duplicates are checked once.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from bilingual.checks.links.fwlink import SHAPE, fwlink_problem, is_fwlink, normalise

WEB_SCHEMES = frozenset({"http", "https"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})
LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
UNSAFE = frozenset('<>"{}|\\^`')
SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
MICROSOFT_DOMAINS = (
    "microsoft.com",
    "aka.ms",
    "office.com",
    "office365.com",
    "office.net",
    "live.com",
    "outlook.com",
    "windows.com",
    "microsoftonline.com",
    "sharepoint.com",
    "skype.com",
    "bing.com",
    "msn.com",
    "xbox.com",
    "azure.com",
    "visualstudio.com",
    "onenote.com",
    "microsoftstore.com",
    "powerbi.com",
    "dynamics.com",
)
"""Domains (with their subdomains) that serve Microsoft's pages, all reachable over https."""


def scheme(url: str) -> str:
    """The URL's scheme in lower case, ``""`` when it has none (or does not parse)."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def is_external(url: str) -> bool:
    """Whether ``url`` leaves the site over the web (``http``, ``https`` or ``//host``)."""
    return url.startswith("//") or scheme(url) in WEB_SCHEMES


def is_microsoft_host(host: str) -> bool:
    """Whether ``host`` belongs to one of Microsoft's domains."""
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in MICROSOFT_DOMAINS)


def _host_problem(host: str) -> str | None:
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return f"host {host!r} is not a valid host name"
    labels = ascii_host.rstrip(".").split(".")
    if not all(LABEL.fullmatch(label) for label in labels):
        return f"host {host!r} is not a valid host name"
    if len(labels) < 2:
        return f"host {host!r} has no domain"
    return None


def url_problem(url: str) -> str | None:
    """What is wrong with an external URL, or ``None`` when it passes the offline check."""
    if SPACE_OR_CONTROL.search(url):
        return "malformed URL: contains whitespace or a control character"
    bad = sorted({c for c in url if c in UNSAFE})
    if bad:
        return f"malformed URL: contains {''.join(bad)!r}, which must be percent-encoded"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as error:
        return f"malformed URL: {error}"
    host = parts.hostname or ""
    if not host:
        return "malformed URL: no host"
    problem = _host_problem(host)
    if problem:
        return f"malformed URL: {problem}"
    if is_fwlink(url):
        problem = fwlink_problem(url)
        return f"{problem}; expected {SHAPE}" if problem else None
    if parts.scheme.lower() == "http" and is_microsoft_host(host):
        return f"insecure link: http:// to Microsoft host {host!r}; expected https://"
    return None


def key(url: str) -> str:
    """One spelling per target: fwlinks normalised, scheme and host lower-cased, fragment dropped."""
    if is_fwlink(url) and fwlink_problem(url) is None:
        return normalise(url)
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    netloc = parts.netloc.lower() if "@" not in parts.netloc else parts.netloc
    return urlunsplit((parts.scheme.lower() or "https", netloc, parts.path, parts.query, ""))

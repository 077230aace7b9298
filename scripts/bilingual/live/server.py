"""The live preview's web server: the built site's files as they are, on loopback.

Every file is read from the site folder when it is asked for (``LiveSite`` replaces files by
rename, so a reader gets an old page or a new one, whole). An HTML page gets one addition, the
only difference from the built site: ``<script src="/.live/reload.js" defer></script>`` before
``</body>`` (an external script: the page's Content-Security-Policy allows scripts from the site
itself, and ``connect-src 'self'`` the event stream). That script listens to ``/.live/events``
(server-sent events) and reloads its page when the page is among those changed, or when the site
was built again whole. ``/.live/status`` tells a program where the site stands: the number of
changes published, whether the last one is settled (its search files written too), and the
problems the last change reported. A page whose source an edit made unreadable (its last good
version kept) shows a banner saying so in the page's language, with the error's line, until its
source reads again (``Broker.banners``, kept by the session).
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

LIVE = "/.live/"
"""The server's own addresses (no page of a site starts with a dot folder)."""
RELOAD_TAG = f'<script src="{LIVE}reload.js" defer></script>'
"""What the server adds to each HTML page it sends, before ``</body>``."""
RELOAD_SCRIPT = """\
(() => {
  "use strict";
  const events = new EventSource("/.live/events");
  events.onmessage = (message) => {
    const change = JSON.parse(message.data);
    const here = decodeURI(location.pathname);
    if (change.full || change.pages.includes(here)) location.reload();
  };
})();
"""
HEARTBEAT = 15.0
"""Seconds between comments on an idle event stream (proxies close silent connections)."""


def _idle() -> bool:
    return False


@dataclass(slots=True)
class Broker:
    """The changes published to the browsers, and where the site stands."""

    generation: int = 0
    """Changes published so far."""
    message: dict[str, Any] = field(default_factory=dict)
    """The last change: ``pages`` (addresses) and ``full`` (built again whole)."""
    problems: list[str] = field(default_factory=list)
    """The problems the last change reported, one line each."""
    busy: Callable[[], bool] = _idle
    """Whether files of a published change are still being written (its search files)."""
    banners: dict[str, str] = field(default_factory=dict)
    """The banner (HTML) each page whose source an edit made unreadable shows, by address."""
    condition: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, pages: list[str], full: bool, problems: list[str]) -> None:
        """A change is served: tell every browser listening."""
        with self.condition:
            self.generation += 1
            self.message = {"generation": self.generation, "pages": pages, "full": full}
            self.problems = problems
            self.condition.notify_all()

    def status(self) -> dict[str, Any]:
        """The changes published, whether the site is settled (every file of the last change
        written), and the last change's problems."""
        with self.condition:
            return {
                "generation": self.generation,
                "settled": not self.busy(),
                "problems": list(self.problems),
            }

    def wait(self, after: int, timeout: float) -> dict[str, Any] | None:
        """The change after generation ``after``, once published (``None`` after ``timeout``)."""
        with self.condition:
            self.condition.wait_for(lambda: self.generation > after, timeout)
            return dict(self.message) if self.generation > after else None


def with_banner(html: bytes, banner: str) -> bytes:
    """A page with ``banner`` first in its article (after ``<body>`` without one)."""
    marks = (b'<article class="md-content__inner md-typeset">', b"<body")
    for mark in marks:
        at = html.find(mark)
        if at >= 0:
            end = html.find(b">", at) + 1
            return html[:end] + banner.encode() + html[end:]
    return banner.encode() + html


def address(path: str) -> str:
    """A page's address as the banners know it (``/a/``, not ``/a/index.html``)."""
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def with_reload(html: bytes) -> bytes:
    """A page with the reload script's tag before its last ``</body>`` (at its end without)."""
    tag = RELOAD_TAG.encode()
    at = html.rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


class LiveHandler(BaseHTTPRequestHandler):
    """Serves ``server.site``'s files, the reload script, the event stream and the status."""

    server: LiveServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the session logs the changes, not every request

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == f"{LIVE}reload.js":
            self._send(HTTPStatus.OK, RELOAD_SCRIPT.encode(), "text/javascript")
        elif path == f"{LIVE}status":
            body = json.dumps(self.server.broker.status()).encode()
            self._send(HTTPStatus.OK, body, "application/json")
        elif path == f"{LIVE}events":
            self._events()
        else:
            self._file(path)

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _file(self, path: str) -> None:
        site = self.server.site
        parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]
        if ".." in parts:
            self._not_found(parts)
            return
        target = site.joinpath(*parts)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        try:
            body = target.read_bytes()
        except OSError:
            self._not_found(parts)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            banner = self.server.broker.banners.get(address(path))
            if banner is not None:
                body = with_banner(body, banner)
            body, kind = with_reload(body), "text/html; charset=utf-8"
        self._send(HTTPStatus.OK, body, kind)

    def _not_found(self, parts: list[str]) -> None:
        """The 404 page of the language whose folder the address is in, else the site's."""
        site = self.server.site
        page = site / parts[0] / "404.html" if parts else site / "404.html"
        if not page.is_file():
            page = site / "404.html"
        try:
            body = with_reload(page.read_bytes())
        except OSError:
            body = b"Not found"
        self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8")

    def _events(self) -> None:
        """Server-sent events: one message per change, until the browser goes away."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        broker, seen = self.server.broker, self.server.broker.generation
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                message = broker.wait(seen, HEARTBEAT)
                if message is None:
                    self.wfile.write(b": idle\n\n")
                else:
                    seen = int(message["generation"])
                    self.wfile.write(f"data: {json.dumps(message)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


class LiveServer(ThreadingHTTPServer):
    """The live preview's server of ``site`` (one thread per connection)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Path, broker: Broker) -> None:
        super().__init__(address, LiveHandler)
        self.site, self.broker = site, broker
        self.stopping = threading.Event()

    def stop(self) -> None:
        """Stop serving; every event stream ends."""
        self.stopping.set()
        with self.broker.condition:
            self.broker.condition.notify_all()
        self.shutdown()
        self.server_close()


def parse_address(address: str) -> tuple[str, int]:
    """``host:port`` as the server binds it (``127.0.0.1:8000``; ``[::1]:8000``)."""
    host, _, port = address.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)

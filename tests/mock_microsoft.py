"""A local stand-in for Microsoft's link hosts, told apart by the ``Host`` header.

The online check is pointed at it with ``--remap '*=127.0.0.1:PORT'``: every URL keeps its real
host, and this one server answers as that host would.

- ``go.microsoft.com/fwlink/?linkid=N`` (``/fwlink/p/`` too, ``linkid`` in any case): a live id
  redirects (302) to its Learn article; an unknown id redirects to ``www.microsoft.com/en-us/``,
  the site root, as a dead fwlink does. Special ids: ``LOOP`` redirects to ``aka.ms/loop``, which
  redirects back; ``BUSY`` answers 429 with ``Retry-After: 1`` the first time each run, then
  redirects like a live id; ``SLOW`` answers after ``slow_seconds``; ``GONE`` redirects to a
  not-found page; ``HEADLESS`` redirects to an article that refuses HEAD (405) but serves GET.
- ``aka.ms/NAME``: a live name redirects (301) to a Learn article; an unknown one to
  ``www.bing.com/?ref=aka&shorturl=NAME``, as aka.ms does; ``chainN`` takes N+1 redirects.
- ``learn.microsoft.com``: ``/en-us/articles/…`` and ``/lv-lv/articles/…`` are 200, ``/private``
  is 403, ``/throttled`` always 429 (``Retry-After: 120``), anything else 404.
- ``www.microsoft.com``, ``www.bing.com``, ``support.microsoft.com``: 200.

Run as a script it serves until stopped (the online benchmark uses it so): ``python
tests/mock_microsoft.py [--port N]`` prints ``http://127.0.0.1:PORT`` on its first line.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from werkzeug.wrappers import Request, Response

LIVE_IDS = frozenset({"872110", "2022029", "862116", "1000"})
LOOP, BUSY, SLOW, GONE, HEADLESS = "666", "429", "777", "404404", "405405"
LIVE_NAMES = frozenset({"o365-help", "teams-help", "HelpMe"})
BULK_LIVE = 1_000_000
"""Ids from here on are live too (the benchmark's thousands of distinct fwlinks)."""


@dataclass
class MockMicrosoft:
    """The handler: a callable from a werkzeug ``Request`` to a ``Response``."""

    slow_seconds: float = 1.0
    requests: int = 0
    log: list[tuple[float, str, str]] = field(default_factory=list)
    """(time, method, host + path) of every request."""
    in_flight: dict[str, int] = field(default_factory=dict)
    most_in_flight: dict[str, int] = field(default_factory=dict)
    busy_answered: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay: float = 0.0
    """Seconds every answer waits (to see how many requests overlap)."""

    def __call__(self, request: Request) -> Response:
        host = request.host.split(":")[0].lower()
        with self.lock:
            self.requests += 1
            self.log.append((time.monotonic(), request.method, host + request.full_path))
            self.in_flight[host] = self.in_flight.get(host, 0) + 1
            self.most_in_flight[host] = max(self.most_in_flight.get(host, 0), self.in_flight[host])
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.answer(host, request)
        finally:
            with self.lock:
                self.in_flight[host] -= 1

    def answer(self, host: str, request: Request) -> Response:
        if host == "go.microsoft.com":
            return self.fwlink(request)
        if host == "aka.ms":
            name = request.path.strip("/")
            if name.startswith("chain") and name[5:].isdigit():
                left = int(name[5:])
                target = (
                    f"aka.ms/chain{left - 1}" if left else "learn.microsoft.com/en-us/articles/x"
                )
                return redirect(f"https://{target}", 301)
            if name == "loop":
                return redirect(f"https://go.microsoft.com/fwlink/?linkid={LOOP}", 301)
            if name in LIVE_NAMES:
                return redirect(f"https://learn.microsoft.com/en-us/articles/{name}", 301)
            return redirect(f"https://www.bing.com/?ref=aka&shorturl={name}", 301)
        if host == "learn.microsoft.com":
            if request.path == "/en-us/articles/headless" and request.method == "HEAD":
                return Response(status=405)
            if request.path.startswith(("/en-us/articles/", "/lv-lv/articles/")):
                return Response("<h1>article</h1>", content_type="text/html")
            if request.path == "/private":
                return Response(status=403)
            if request.path == "/throttled":
                return Response(status=429, headers={"Retry-After": "120"})
            return Response("not found", status=404)
        if host in ("www.microsoft.com", "www.bing.com", "support.microsoft.com"):
            return Response("<h1>page</h1>", content_type="text/html")
        return Response(f"no such host {host}", status=404)

    def fwlink(self, request: Request) -> Response:
        if request.path.rstrip("/") not in ("/fwlink", "/fwlink/p"):
            return Response(status=404)
        ids = [value for name, value in request.args.items(multi=True) if name.lower() == "linkid"]
        linkid = ids[0] if len(ids) == 1 else ""
        if linkid == LOOP:
            return redirect("https://aka.ms/loop")
        if linkid == BUSY:
            with self.lock:
                first, self.busy_answered = not self.busy_answered, True
            if first:
                return Response("slow down", status=429, headers={"Retry-After": "1"})
        if linkid == SLOW:
            time.sleep(self.slow_seconds)
        if linkid == GONE:
            return redirect("https://support.microsoft.com/en-us/notfound")
        if linkid == HEADLESS:
            return redirect("https://learn.microsoft.com/en-us/articles/headless")
        if (
            linkid in LIVE_IDS
            or linkid in (BUSY, SLOW)
            or (linkid.isdigit() and int(linkid) >= BULK_LIVE)
        ):
            return redirect(f"https://learn.microsoft.com/en-us/articles/{linkid}")
        return redirect("https://www.microsoft.com/en-us/")


def redirect(location: str, status: int = 302) -> Response:
    return Response(status=status, headers={"Location": location})


class KeepAliveHandler(BaseHTTPRequestHandler):
    """Serves the mock over HTTP/1.1 with keep-alive, as real hosts do (werkzeug's development
    server closes every connection); quiet, and with ``TCP_NODELAY``."""

    protocol_version = "HTTP/1.1"
    mock: MockMicrosoft

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        path, _, query = self.path.partition("?")
        environ = {
            "REQUEST_METHOD": self.command,
            "PATH_INFO": unquote(path),
            "QUERY_STRING": query,
            "HTTP_HOST": self.headers.get("Host", ""),
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(self.connection.getsockname()[1]),
            "wsgi.url_scheme": "http",
        }
        response = self.mock(Request(environ))
        body = b"" if self.command == "HEAD" else response.get_data()
        self.send_response(response.status_code)
        for name, value in response.headers.items():
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.get_data())))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = _answer


def main(argv: list[str] | None = None) -> int:
    """Serve the mock on 127.0.0.1 until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    KeepAliveHandler.mock = MockMicrosoft()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), KeepAliveHandler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

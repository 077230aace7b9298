"""A real HTTP server on 127.0.0.1 serving a built site, for browser tests and benchmarks."""

from __future__ import annotations

import functools
import gzip
import mimetypes
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


COMPRESSED = frozenset({".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map"})
"""What a static host sends gzip-compressed."""


class StaticHostHandler(QuietHandler):
    """As a static host serves files: HTTP/1.1 connections kept open, text gzip-compressed
    (level 6) for a client that accepts it."""

    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle kept-open connection is closed after 30 s

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and unquote(urlsplit(self.path).path).endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def serve(site: Path, *, static_host: bool = False) -> Iterator[str]:
    """Serve ``site`` on a free port; yields the base URL (``http://127.0.0.1:PORT/``).
    ``static_host``: as a static host does (``StaticHostHandler``), for the benchmarks."""
    handler = functools.partial(
        StaticHostHandler if static_host else QuietHandler, directory=str(site)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def serve_apart(site: Path) -> Iterator[str]:
    """Serve ``site`` as a static host does (``StaticHostHandler``) from a process of its own,
    as a host is apart from its readers: no thread of the process measuring slows it down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, __file__, str(site), str(port)])
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


class StaticHost(ThreadingHTTPServer):
    """The server of ``serve_apart``: a browser opens several connections at once."""

    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed tab: not an error
            super().handle_error(request, client_address)


if __name__ == "__main__":
    handler = functools.partial(StaticHostHandler, directory=sys.argv[1])
    StaticHost(("127.0.0.1", int(sys.argv[2])), handler).serve_forever()

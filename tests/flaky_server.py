"""A bad network on 127.0.0.1: an HTTP server, written on plain sockets, that misbehaves the way
real hosts and networks do, by path. Each behaviour counts its own requests, so a run starts the
same way every time (``reset()``), and every misbehaviour is bounded in how often it happens:

- ``/reset/N``: the first N connections are reset (TCP RST) before any answer, then 200;
- ``/burst/N``: the first N requests answer 500, 502, 503, 504 in turn, then 200;
- ``/silent``: accepts, reads the request, never answers (always);
- ``/silent-once``: never answers the first request, then 200;
- ``/drip``: answers 200 at once, then drips its body a byte a second (the headers are the answer);
- ``/drip-headers``: drips its status line and headers a byte at a time, 0.2 s apart, forever;
- ``/shifting``: a redirect chain that changes between requests (``/hop/K/1`` for the K-th
  request, then ``/hop/K/2``), ending in 200 either way;
- ``/gone``: 404 (a really dead link, to tell apart).
"""

from __future__ import annotations

import itertools
import socket
import struct
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class FlakyServer:
    """The server; ``url`` is its address, ``hits`` counts requests per behaviour."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.shifts = itertools.count(1)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def reset(self) -> None:
        """Forget every count: the next run meets the same misbehaviour from its start."""
        with self.lock:
            self.hits.clear()
            self.shifts = itertools.count(1)

    def serve(self) -> None:
        self.socket.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self.handle, args=(connection,), daemon=True).start()

    def count(self, key: str) -> int:
        """This request's number (1, 2, …) for ``key``."""
        with self.lock:
            self.hits[key] += 1
            return self.hits[key]

    def handle(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            try:
                request = connection.recv(65536).decode("latin-1")
            except OSError:
                return
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            with suppress(OSError):
                self.answer(connection, path)

    def send(self, connection: socket.socket, status: str, headers: dict[str, str]) -> None:
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        connection.sendall((head + "Connection: close\r\n\r\n").encode())

    def answer(self, connection: socket.socket, path: str) -> None:
        parts = path.strip("/").split("/")
        kind = parts[0]
        if kind == "reset" and self.count(path) <= int(parts[1]):
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return  # closing with linger 0 sends RST
        if kind == "burst":
            number = self.count(path)
            if number <= int(parts[1]):
                status = ("500 Error", "502 Bad Gateway", "503 Busy", "504 Timeout")[
                    (number - 1) % 4
                ]
                self.send(connection, status, {"Content-Length": "0"})
                return
        if kind == "silent" or (kind == "silent-once" and self.count(path) == 1):
            self.stopping.wait(30)
            return
        if kind == "drip":
            self.send(connection, "200 OK", {"Content-Length": "1000"})
            for _ in range(1000):
                if self.stopping.wait(1):
                    return
                connection.sendall(b".")
            return
        if kind == "drip-headers":
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 10_000:
                if self.stopping.wait(0.2):
                    return
                connection.sendall(bytes([byte]))
            return
        if kind == "shifting":
            self.send(connection, "302 Found", {"Location": f"/hop/{next(self.shifts)}/1"})
            return
        if kind == "hop" and parts[2] == "1":
            self.send(connection, "302 Found", {"Location": f"/hop/{parts[1]}/2"})
            return
        if kind == "gone":
            self.send(connection, "404 Not Found", {"Content-Length": "0"})
            return
        self.send(connection, "200 OK", {"Content-Length": "2"})
        connection.sendall(b"ok")

    def stop(self) -> None:
        self.stopping.set()
        self.socket.close()
        self.thread.join(timeout=5)


@contextmanager
def flaky_server() -> Iterator[FlakyServer]:
    """A running ``FlakyServer``, stopped afterwards."""
    server = FlakyServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.stop()

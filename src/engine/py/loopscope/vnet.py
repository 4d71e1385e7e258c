"""What raw sockets and asyncio transports share: the far end of a TCP connection.

A remote host is an HTTP server on the simulated network: it reads one request, answers
after the network's latency with the body `network.fetch` gives for that URL, and closes
the connection (`Connection: close`), as an HTTP/1.0 server would. Nothing listens on
this machine's own addresses unless the program itself started a server.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from .network import Network, NetworkFailure, describe_request

LOCAL_HOSTS = ("localhost", "0.0.0.0", "::1", "::", "")


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


def address_of(host: str) -> str:
    """A stable made-up IPv4 address for a host name (documentation ranges for remotes)."""
    if is_local(host):
        return "127.0.0.1"
    if host.replace(".", "").isdigit():
        return host
    h = zlib.crc32(host.encode())
    return f"203.0.113.{1 + h % 254}"


def io_start(world: Any, what: str, dur: float | None) -> int:
    """An `io` start event, drawn on the lane of the task (if any) that started it."""
    io_id: int = world.next_io_id()
    tracer = world.tracer
    tracer.emit("io", tracer.user_line(2), "start", io_id, what, dur)
    return io_id


def io_done(world: Any, io_id: int, what: str) -> None:
    tracer = world.tracer
    tracer.emit("io", tracer.user_line(2), "done", io_id, what, None)


@dataclass
class Reply:
    """What the far end sends back, `latency` seconds after the request is complete."""

    latency: float
    data: bytes
    what: str
    reset: bool = False  # the peer drops the connection instead of answering


class HttpPeer:
    """A web server at (host, port), answering one request per connection."""

    def __init__(self, network: Network, host: str, port: int, tls: bool) -> None:
        self._network = network
        self.host, self.port = host, port
        self.scheme = "https" if tls or port == 443 else "http"
        self._buffer = b""
        self.answered = False

    def feed(self, data: bytes) -> Reply | None:
        """Takes bytes the client sent; returns the reply once a whole request is in
        (None while it is incomplete, or when the server never answers)."""
        if self.answered:
            return None
        self._buffer += data
        head, sep, rest = self._buffer.partition(b"\r\n\r\n")
        if not sep:
            return None
        lines = head.decode("latin-1").split("\r\n")
        request_line = lines[0].split()
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(":") for line in lines[1:]) if k}
        length = int(headers.get("content-length", "0") or 0)
        if len(rest) < length:
            return None
        self.answered = True
        if len(request_line) != 3 or not request_line[2].startswith("HTTP/"):
            return Reply(0.0, _raw_response("HTTP/1.0", 400, "Bad Request", {}, b""),
                         f"bad request to {self.host}:{self.port}")
        method, target, version = request_line
        url = target if "://" in target else f"{self._origin(headers.get('host'))}{target}"
        try:
            sim = self._network.fetch(method, url, data=rest[:length] or None)
        except NetworkFailure as failure:
            if failure.kind == "timeout":
                return None
            return Reply(failure.after, b"", f"{method} {url}: connection reset", reset=True)
        except ValueError:
            return Reply(0.0, _raw_response(version, 400, "Bad Request", {}, b""), url)
        body = b"" if method.upper() == "HEAD" else sim.body
        what = describe_request(method, url, sim.latency)
        return Reply(sim.latency, _raw_response(version, sim.status, sim.reason, sim.headers, body), what)

    def _origin(self, host_header: str | None) -> str:
        default = 443 if self.scheme == "https" else 80
        host = host_header or (self.host if self.port == default else f"{self.host}:{self.port}")
        return f"{self.scheme}://{host}"


def _raw_response(version: str, status: int, reason: str, headers: dict[str, str],
                  body: bytes) -> bytes:
    # The server closes after one answer whatever the client asked for, which every
    # HTTP/1.x client must accept; the response says so.
    version = version if version in ("HTTP/1.0", "HTTP/1.1") else "HTTP/1.1"
    fields = {**headers, "Content-Length": str(len(body)), "Connection": "close"}
    head = f"{version} {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items())
    return head.encode("latin-1") + b"\r\n" + body

"""`socket.socket` on the simulated network, for the hand-made event loop tutorials.

A connection is a timetable: the handshake completes at `connect_at`, the server's bytes
arrive at their own times. A blocking call waits for the next entry (the thread blocks, so
the clock moves and a `blocked` event is recorded); a non-blocking one raises
BlockingIOError until then, and a selector moves the clock to the next entry.
"""
from __future__ import annotations

from collections import deque
from typing import Any

from .errors import Deadlock
from .network import LOCAL_LATENCY, NetworkFailure
from .vnet import HttpPeer, address_of, io_done, io_start, is_local


class errno:  # noqa: N801 - read like the module
    """Linux's numbers, so a traceback reads as on the machines the tutorials ran on
    (Pyodide's own are Emscripten's); the program's `import errno` sees the same ones."""

    EWOULDBLOCK = 11
    EBADF, EAGAIN, EPIPE, ECONNRESET = 9, 11, 32, 104
    EISCONN, ENOTCONN, ETIMEDOUT, ECONNREFUSED, EALREADY, EINPROGRESS = 106, 107, 110, 111, 114, 115
    EOPNOTSUPP = 95


def _err(cls: type[OSError], code: int, text: str) -> OSError:
    return cls(code, text)


class VirtualSocket:
    """A TCP client socket whose far end is a host on the simulated network."""

    def __init__(self, family: int = 2, type: int = 1, proto: int = 0, fileno: Any = None) -> None:  # noqa: A002
        from .session import current_world
        self._world = current_world()
        self.family, self.type, self.proto = family, type, proto
        self._fd = self._world.open_fd(self)
        self._timeout: float | None = None  # None: blocking; 0.0: non-blocking
        self._address: tuple[str, int] | None = None
        self._peer: HttpPeer | None = None
        self._connect_at: float | None = None
        self._error: tuple[float, OSError] | None = None  # a failure, and when it shows
        self._inbox: deque[tuple[float, bytes]] = deque()
        self._eof_at: float | None = None
        self._reset = False
        self._in_flight: list[tuple[float, int, str]] = []  # (arrives, io id, what)

    # -- modes ------------------------------------------------------------------

    def setblocking(self, flag: bool) -> None:
        self._timeout = None if flag else 0.0

    def getblocking(self) -> bool:
        return self._timeout != 0.0

    def settimeout(self, value: float | None) -> None:
        self._timeout = None if value is None else float(value)

    def gettimeout(self) -> float | None:
        return self._timeout

    def fileno(self) -> int:
        return self._fd

    # -- connecting -------------------------------------------------------------

    def connect(self, address: tuple[str, int]) -> None:
        code = self._connect(address)
        if code:
            raise self._raise_pending()

    def connect_ex(self, address: tuple[str, int]) -> int:
        try:
            return self._connect(address)
        except OSError as e:
            return e.errno or 0

    def _connect(self, address: tuple[str, int]) -> int:
        self._check_open()
        now = self._world.clock.now
        if self._connect_at is not None:
            if now < self._connect_at:
                raise _err(BlockingIOError, errno.EALREADY, "Operation already in progress")
            raise _err(OSError, errno.EISCONN, "Transport endpoint is already connected")
        host, port = str(address[0]), int(address[1])
        self._address = (host, port)
        if is_local(host):  # nothing the program started listens for raw sockets
            delay = LOCAL_LATENCY
            self._error = (round(now + delay, 9), _err(ConnectionRefusedError, errno.ECONNREFUSED, "Connection refused"))
        else:
            try:
                delay = self._world.network.dial("https" if port == 443 else "http", host, port)
                self._peer = HttpPeer(self._world.network, host, port, tls=False)
            except NetworkFailure as failure:
                delay = failure.after
                self._error = (round(now + delay, 9), _failure_error(failure.kind))
        self._connect_at = round(now + delay, 9)
        what = f"connect to {host}:{port} ({delay * 1000:.0f} ms)"
        if self._timeout == 0.0:
            self._in_flight.append((self._connect_at, io_start(self._world, what, delay), what))
            raise _err(BlockingIOError, errno.EINPROGRESS, "Operation now in progress")
        self._wait_until(self._connect_at, f"socket.connect({(host, port)!r}) — {what}")
        return (self._error[1].errno or 0) if self._error is not None else 0

    # -- sending and receiving ----------------------------------------------------

    def send(self, data: bytes, flags: int = 0) -> int:
        self._check_open()
        now = self._world.clock.now
        if self._connect_at is None:
            raise _err(OSError, errno.EPIPE, "Broken pipe")
        if self._error is not None and self._error[0] <= now:
            raise self._raise_pending()
        if now < self._connect_at:
            raise _err(BlockingIOError, errno.EAGAIN, "Resource temporarily unavailable")
        data = bytes(data)
        reply = self._peer.feed(data) if self._peer is not None else None
        if reply is not None:
            arrives = round(now + reply.latency, 9)
            if reply.reset:
                self._reset = True
            elif reply.data:
                self._inbox.append((arrives, reply.data))
            self._eof_at = arrives
            if self._timeout == 0.0:
                self._in_flight.append((arrives, io_start(self._world, reply.what, reply.latency), reply.what))
        return len(data)

    def sendall(self, data: bytes, flags: int = 0) -> None:
        self.send(data, flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._check_open()
        while True:
            now = self._world.clock.now
            self._observe(now)
            if self._error is not None and self._error[0] <= now:
                raise self._raise_pending()
            if self._inbox and self._inbox[0][0] <= now:
                at, chunk = self._inbox.popleft()
                if len(chunk) > bufsize:
                    self._inbox.appendleft((at, chunk[bufsize:]))
                return chunk[:bufsize]
            if self._eof_at is not None and self._eof_at <= now:
                if self._reset:
                    raise _err(ConnectionResetError, errno.ECONNRESET, "Connection reset by peer")
                return b""
            if self._timeout == 0.0:
                raise _err(BlockingIOError, errno.EAGAIN, "Resource temporarily unavailable")
            host, port = self._address or ("?", 0)
            self._wait_until(self.next_event(read=True), f"socket.recv({bufsize}) — from {host}:{port}")

    def close(self) -> None:
        if self._fd >= 0:
            self._world.close_fd(self._fd)
            self._fd = -1
            for _, io_id, what in self._in_flight:
                io_done(self._world, io_id, f"{what}: socket closed")
            self._in_flight.clear()

    def shutdown(self, how: int) -> None:
        self._check_open()

    def detach(self) -> int:
        fd, self._fd = self._fd, -1
        return fd

    # -- for selectors ---------------------------------------------------------------

    def ready(self, now: float) -> tuple[bool, bool]:
        """(readable, writable) at `now`: what select() would report for this socket."""
        self._observe(now)
        failed = self._error is not None and self._error[0] <= now
        connected = self._connect_at is not None and self._connect_at <= now
        readable = failed or bool(self._inbox and self._inbox[0][0] <= now) or (
            self._eof_at is not None and self._eof_at <= now)
        return readable, connected or failed

    def next_event(self, read: bool) -> float | None:
        """When this socket next becomes readable (or writable); None if never."""
        # An error already raised (kept as time "inf") makes nothing ready again.
        times = [self._error[0]] if self._error is not None and self._error[0] != float("inf") else []
        if read:
            times += [self._inbox[0][0]] if self._inbox else []
            times += [self._eof_at] if self._eof_at is not None else []
        elif self._connect_at is not None:
            times.append(self._connect_at)
        return min(times) if times else None

    def _observe(self, now: float) -> None:
        # I/O is "done" when the program can see it: a select or a recv at or after its time.
        if self._in_flight and self._in_flight[0][0] <= now:
            for at, io_id, what in [x for x in self._in_flight if x[0] <= now]:
                io_done(self._world, io_id, what)
            self._in_flight = [x for x in self._in_flight if x[0] > now]

    # -- helpers ---------------------------------------------------------------------

    def _wait_until(self, when: float | None, call: str) -> None:
        """A blocking call: the thread (and any loop on it) waits until `when`."""
        world = self._world
        now = world.clock.now
        if when is None:
            message = (f"{call.split(' — ')[0]} waits for data that can never arrive (no "
                       "request was sent, or the server never answers). A real program "
                       "would hang here forever.")
            world.tracer.record("error", world.tracer.user_line(2), "Deadlock", message, "", [])
            raise Deadlock(message)
        if self._timeout is not None and when - now > self._timeout:
            world.block_until(call, now + self._timeout)
            raise TimeoutError("timed out")
        world.block_until(call, when)

    def _raise_pending(self) -> OSError:
        assert self._error is not None
        error = self._error[1]
        self._error = (float("inf"), _err(OSError, errno.EPIPE, "Broken pipe"))
        return error

    def _check_open(self) -> None:
        if self._fd < 0:
            raise _err(OSError, errno.EBADF, "Bad file descriptor")

    def getpeername(self) -> tuple[str, int]:
        if self._address is None:
            raise _err(OSError, errno.ENOTCONN, "Transport endpoint is not connected")
        return address_of(self._address[0]), self._address[1]

    def getsockname(self) -> tuple[str, int]:
        return ("10.0.0.2", 40000 + max(self._fd, 0)) if self._address else ("0.0.0.0", 0)

    def bind(self, address: Any) -> None:
        raise _err(OSError, errno.EOPNOTSUPP, "Loopscope simulates client sockets only; for a "
                   "server in the same program use asyncio.start_server")

    listen = accept = bind

    def setsockopt(self, *args: Any) -> None:
        pass

    def getsockopt(self, level: int, option: int, *args: Any) -> int:
        return 0

    def __enter__(self) -> VirtualSocket:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"<socket.socket fd={self._fd}, family={self.family}, type={self.type}, "
                f"proto={self.proto}>")


def _failure_error(kind: str) -> OSError:
    if kind == "refused":
        return _err(ConnectionRefusedError, errno.ECONNREFUSED, "Connection refused")
    return _err(TimeoutError, errno.ETIMEDOUT, "Connection timed out")

"""Transports over the simulated network, feeding asyncio's own protocols.

`asyncio.open_connection` and `start_server` build the real StreamReaderProtocol and
StreamReader/StreamWriter on top of what the loop's create_connection/create_server
return; only the bytes' journey is simulated. Each write reaches the far end after the
link's latency as a timer on the loop (an `io` span from write to arrival); the far end is
another transport of this program (a server it started) or a web server on the simulated
network (vnet.HttpPeer).
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from .network import LOCAL_LATENCY
from .vnet import HttpPeer, io_done, io_start


@dataclass
class Segment:
    """Bytes on their way; the repr is what the timer's label shows."""

    data: bytes
    what: str
    io_id: int | None = None
    eof: bool = False
    reset: bool = False

    def __repr__(self) -> str:
        return self.what


class VirtualTransport(asyncio.Transport):
    def __init__(self, loop: Any, protocol: Any, extra: dict[str, Any], server: Any = None) -> None:
        super().__init__(extra)
        self._loop = loop
        self._world = loop._world
        self._protocol = protocol
        self._server = server
        self.far: VirtualTransport | HttpPeer | None = None
        self._closing = False
        self._lost = False
        self._paused = False
        self._held: list[Segment] = []
        if server is not None:
            server._attach(self)

    # -- the program's side -------------------------------------------------------

    def get_protocol(self) -> Any:
        return self._protocol

    def set_protocol(self, protocol: Any) -> None:
        self._protocol = protocol

    def is_closing(self) -> bool:
        return self._closing

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__!r}")
        if self._closing or not data:
            return
        data = bytes(data)
        far = self.far
        if isinstance(far, VirtualTransport):
            what = f"{len(data)} bytes to {_addr(self.get_extra_info('peername'))}"
            far._send_later(LOCAL_LATENCY, Segment(data, what, io_start(self._world, what, LOCAL_LATENCY)))
        elif isinstance(far, HttpPeer):
            reply = far.feed(data)
            if reply is not None:
                io_id = io_start(self._world, reply.what, reply.latency)
                segment = Segment(reply.data, reply.what, io_id, reset=reply.reset)
                self._send_later(reply.latency, segment)
                if not reply.reset:  # the server closes once it has answered
                    self._send_later(reply.latency, Segment(b"", f"end of {reply.what}", eof=True))

    def writelines(self, list_of_data: Any) -> None:
        self.write(b"".join(list_of_data))

    def can_write_eof(self) -> bool:
        return True

    def write_eof(self) -> None:
        if isinstance(self.far, VirtualTransport) and not self._closing:
            self.far._send_later(LOCAL_LATENCY, Segment(b"", "end of stream", eof=True))

    def close(self) -> None:
        if self._closing:
            return
        self._closing = True
        far = self.far
        if isinstance(far, VirtualTransport) and not far._closing:  # the far end reads EOF
            far._send_later(LOCAL_LATENCY, Segment(b"", "connection closed by peer", eof=True))
        self._loop.call_soon(self._connection_lost, None)

    def abort(self) -> None:
        self.close()

    def pause_reading(self) -> None:
        self._paused = True

    def resume_reading(self) -> None:
        if self._paused:
            self._paused = False
            held, self._held = self._held, []
            for segment in held:
                self._loop.call_soon(self.arrive, segment)

    def is_reading(self) -> bool:
        return not self._paused and not self._closing

    def get_write_buffer_size(self) -> int:
        return 0  # bytes leave at once; the link has no back-pressure to show

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return (0, 0)

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        pass

    # -- the network's side -----------------------------------------------------------

    def _send_later(self, delay: float, segment: Segment) -> None:
        self._loop.call_later(delay, self.arrive, segment)

    def arrive(self, segment: Segment) -> None:
        """Timer callback: bytes (or the end of the stream) reach this end."""
        if segment.io_id is not None:
            io_done(self._world, segment.io_id, segment.what)
            segment.io_id = None
        if self._lost:
            return
        if self._paused:
            self._held.append(segment)
        elif segment.reset:
            self._closing = True
            self._connection_lost(ConnectionResetError(104, "Connection reset by peer"))
        elif segment.eof:
            if not self._closing and not self._protocol.eof_received():
                self.close()
        elif not self._closing:
            self._protocol.data_received(segment.data)

    def _connection_lost(self, exc: BaseException | None) -> None:
        if self._lost:
            return
        self._lost = True
        try:
            self._protocol.connection_lost(exc)
        finally:
            if self._server is not None:
                self._server._detach(self)
                self._server = None

    def __repr__(self) -> str:
        state = "closed" if self._lost else "closing" if self._closing else "open"
        return f"<VirtualTransport {state} peer={_addr(self.get_extra_info('peername'))}>"


def _addr(address: Any) -> str:
    return f"{address[0]}:{address[1]}" if isinstance(address, tuple) else str(address)

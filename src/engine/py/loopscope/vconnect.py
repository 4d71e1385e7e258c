"""The loop's create_connection and create_server on the simulated network.

A connection to this machine (localhost, 127.x) reaches a server the program started, or
is refused, as it would be with nothing listening. Any other host is a web server on
the simulated network. Servers are asyncio's own `Server` class, so serve_forever,
close, wait_closed and `async with server` behave exactly as they do on a real loop.
"""
from __future__ import annotations

import asyncio
import socket as _socket
from asyncio import base_events, futures
from typing import Any

from .network import LOCAL_LATENCY, NetworkFailure
from .simio import Delay, request_in_flight
from .vnet import HttpPeer, address_of, is_local
from .vtransport import VirtualTransport


async def create_connection(loop: Any, protocol_factory: Any, host: Any = None, port: Any = None,
                            *, ssl: Any = None, sock: Any = None, **_ignored: Any) -> tuple[Any, Any]:
    if sock is not None:
        raise NotImplementedError("Loopscope simulates create_connection(host, port) only, not sock=")
    if host is None or port is None:
        raise ValueError("host and port was not specified and no sock specified")
    world = loop._world
    host, port = str(host), int(port)
    address = (address_of(host), port)
    failed = f"Connect call failed {address}"
    server = None
    if is_local(host):
        delay = LOCAL_LATENCY
    else:
        try:
            # A TLS handshake costs one more round trip after TCP's.
            scheme = "https" if ssl or port == 443 else "http"
            delay = world.network.dial(scheme, host, port) * (2 if ssl else 1)
        except NetworkFailure as failure:
            await request_in_flight(f"connect to {host}:{port} ({failure.kind})", Delay(failure.after))
            raise (ConnectionRefusedError(111, failed) if failure.kind == "refused"
                   else TimeoutError(110, failed)) from None
    await request_in_flight(f"connect to {host}:{port} ({delay * 1000:.0f} ms)", Delay(delay))
    if is_local(host):
        server = world.listeners.get(port)
        if server is None or not server.is_serving():
            raise ConnectionRefusedError(111, failed)
    local = ("127.0.0.1" if server is not None else "10.0.0.2", world.next_port())
    protocol = protocol_factory()
    transport = VirtualTransport(loop, protocol, {"peername": address, "sockname": local})
    if server is not None:
        server.accept(transport, local)
    else:
        transport.far = HttpPeer(world.network, host, port, bool(ssl))
    # As asyncio's socket transport does: connection_made on the next loop iteration,
    # and create_connection returns once it has run.
    loop.call_soon(protocol.connection_made, transport)
    waiter = loop.create_future()
    loop.call_soon(futures._set_result_unless_cancelled, waiter, None)
    await waiter
    return transport, protocol


async def create_server(loop: Any, protocol_factory: Any, host: Any = None, port: Any = None,
                        *, backlog: int = 100, start_serving: bool = True, **_ignored: Any) -> Any:
    if isinstance(host, (list, tuple)):
        host = host[0] if host else None
    world = loop._world
    bind = "0.0.0.0" if host in (None, "") else str(host)
    port = int(port) if port else world.next_port()
    address = (bind if bind == "0.0.0.0" else address_of(bind), port)
    if not is_local(bind):
        raise OSError(99, f"error while attempting to bind on address {(bind, port)!r}: "
                          "[errno 99] cannot assign requested address")
    if port in world.listeners:
        raise OSError(98, f"error while attempting to bind on address {address!r}: "
                          "[errno 98] address already in use")
    server = VirtualServer(loop, [ListeningSocket(world, address)], protocol_factory, None,
                           backlog, None, None)
    world.listeners[port] = server
    if start_serving:
        server._start_serving()
        await asyncio.sleep(0)  # as asyncio does, so the listener is in place on return
    return server


class VirtualServer(base_events.Server):
    def _start_serving(self) -> None:
        self._serving = True

    def accept(self, client: VirtualTransport, client_address: tuple[str, int]) -> None:
        sockname = self._sockets[0].getsockname()
        protocol = self._protocol_factory()
        transport = VirtualTransport(self._loop, protocol,
                                     {"peername": client_address, "sockname": sockname}, self)
        transport.far, client.far = client, transport
        self._loop.call_soon(protocol.connection_made, transport)

    def close(self) -> None:
        if self._sockets is not None:
            for sock in self._sockets:
                sock.close()
                if sock.world.listeners.get(sock.port) is self:
                    del sock.world.listeners[sock.port]
            # asyncio's close() asks the loop to stop watching each socket; nothing to stop.
            self._sockets = []
        super().close()


class ListeningSocket:
    """What `server.sockets` wraps: enough of a socket for getsockname() and a repr."""

    family, type, proto = _socket.AF_INET, _socket.SOCK_STREAM, 6

    def __init__(self, world: Any, address: tuple[str, int]) -> None:
        self.world, self.address, self.port = world, address, address[1]
        self._fd = world.open_fd(self)

    def fileno(self) -> int:
        return self._fd

    def getsockname(self) -> tuple[str, int]:
        return self.address

    def getpeername(self) -> tuple[str, int]:
        raise OSError(107, "Transport endpoint is not connected")

    def ready(self, now: float) -> tuple[bool, bool]:
        return False, False

    def next_event(self, read: bool) -> float | None:
        return None

    def close(self) -> None:
        if self._fd >= 0:
            self.world.close_fd(self._fd)
            self._fd = -1

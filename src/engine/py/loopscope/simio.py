"""Simulated I/O on the virtual loop: a request is in flight for its latency, in virtual time."""
from __future__ import annotations

import asyncio
from typing import Any

from .network import SimResponse, describe_request


class Delay:
    """A wait with no response behind it (a TCP handshake, a timeout running out)."""

    def __init__(self, latency: float) -> None:
        self.latency = latency

    def __repr__(self) -> str:
        return f"<{self.latency * 1000:.0f} ms later>"


def deliver(fut: asyncio.Future[Any], response: SimResponse, what: str) -> None:
    """Timer callback: the response arrives (unless the request was cancelled)."""
    if not fut.done():
        fut.set_result(response)


async def request_in_flight(what: str, response: Any) -> Any:
    """Wait, without blocking the loop, until the response (a SimResponse, or a Delay)
    arrives."""
    loop: Any = asyncio.get_running_loop()
    world = getattr(loop, "_world", None)
    if world is None:
        raise RuntimeError("the simulated network needs Loopscope's event loop")
    tracer = world.tracer
    io_id = world.next_io_id()
    tracer.emit("io", tracer.user_line(2), "start", io_id, what, response.latency)
    fut = loop.create_future()
    handle = loop.call_later(response.latency, deliver, fut, response, what)
    try:
        return await fut
    finally:
        handle.cancel()
        tracer.emit("io", None, "done", io_id, what, None)


def blocking_request(method: str, url: str, response: SimResponse, api: str) -> SimResponse:
    """A synchronous client (requests, urllib): the thread waits, and the loop with it."""
    from .session import current_world
    world = current_world()
    what = describe_request(method, url, response.latency)
    world.block(f"{api}({url!r}) — {what}", response.latency)
    return response

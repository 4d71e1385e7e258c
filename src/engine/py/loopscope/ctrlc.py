"""Ctrl+C at a chosen virtual time, for the tutorials' KeyboardInterrupt examples.

A terminal's Ctrl+C sends SIGINT, and Python runs whatever SIGINT handler is in place:
asyncio.run's cancels the main task, the default raises KeyboardInterrupt wherever the
program is (in a loop waiting for its next timer, usually). Here the run asks for one at
virtual time T (RunOptions.interruptAt): the loop, about to wait past T, stops the clock
at T and calls that same handler, so the program sees what it would see on a real clock.
"""
from __future__ import annotations

import signal
from typing import Any


def interrupt_due(world: Any, timeout: float | None) -> float | None:
    """Called by the loop before it waits `timeout` seconds (None: for ever). Returns the
    wait to use: unchanged, or 0 once the interrupt was delivered and did not raise."""
    at = world.interrupt_at
    now = world.clock.now
    if timeout is not None and now + timeout < at:
        return timeout
    if at > now:
        world.tracer.emit("clock", None, now, at)
    _arrives(world, at)
    handler = signal.getsignal(signal.SIGINT)
    if callable(handler):
        handler(signal.SIGINT, None)  # the default handler raises KeyboardInterrupt
    elif handler != signal.SIG_IGN:
        raise KeyboardInterrupt
    return 0


def interrupt_in_block(world: Any, seconds: float) -> float:
    """Called as a blocking call (time.sleep, requests) starts. If the Ctrl+C falls inside
    it and the default handler is in place, the call is cut short there: the block lasts
    until the interrupt, and KeyboardInterrupt comes out of it, as in CPython. Another
    handler (asyncio.run's) gets the signal when the loop next waits, after the block."""
    at = world.interrupt_at
    now = world.clock.now
    if now + seconds < at or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return seconds
    world.tracer.emit("blocked", world.tracer.user_line(4), "interrupted", max(at - now, 0.0))
    _arrives(world, at)
    raise KeyboardInterrupt


def _arrives(world: Any, at: float) -> None:
    """The clock stands at the interrupt's time, and the trace says it came."""
    world.interrupt_at = None
    world.interrupted = True
    world.clock.advance_to(at)
    world.tracer.record("warning", None, "KeyboardInterrupt",
                        f"Ctrl+C at t={at:g} s: SIGINT reaches the program", False)

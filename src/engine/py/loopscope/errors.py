"""Ways a run is stopped from outside the program.

They derive from KeyboardInterrupt on purpose: asyncio re-raises KeyboardInterrupt out
of callbacks and task steps (any other exception would be logged as "Exception in
callback" and swallowed), so a stop travels to the top like a Ctrl+C would, running
the program's `finally` blocks and asyncio.run's clean-up on the way.
"""
from __future__ import annotations


class StopRun(KeyboardInterrupt):
    status = "stopped"

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class Deadlock(StopRun):
    """Nothing is ready, no timer is pending, no I/O is in flight: nothing can ever run."""

    status = "deadlock"


class LimitReached(StopRun):
    """A budget of the run (events, virtual time, real time) is used up."""

    status = "limit"

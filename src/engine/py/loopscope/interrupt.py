"""Where a Stop lands.

The page stops a run by raising SIGINT in Python (Pyodide's interrupt buffer), which
by default raises KeyboardInterrupt wherever Python happens to be. In the program that
is what a Stop means; in the engine's own setting up and cleaning up it would cut the
run's bookkeeping in half (a patch half removed, the end of the trace never written).
So outside the program a Stop is held, and acted on when the program starts.

The holding handler is installed when the package is imported, not when a run starts:
a Stop can land in the very first bytecodes of a run, before any of our code could
install it.
"""
from __future__ import annotations

import signal
from types import FrameType


class StopGuard:
    def __init__(self) -> None:
        self.requested = False

    def _hold(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True

    def install(self) -> None:
        signal.signal(signal.SIGINT, self._hold)

    def run_ended(self) -> None:
        """A Stop for the run that just ended is spent; hold the next one again."""
        self.close()
        self.requested = False

    def open(self) -> None:
        """The program starts: from now a Stop raises KeyboardInterrupt in it (and one
        that came while the run was being set up, at once)."""
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if self.requested:
            raise KeyboardInterrupt

    def close(self) -> None:
        signal.signal(signal.SIGINT, self._hold)


GUARD = StopGuard()

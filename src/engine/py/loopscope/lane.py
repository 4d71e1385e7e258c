"""One simulated thread of a run: its clock, its state, and how it runs."""
from __future__ import annotations

from typing import Any, Callable, Iterator

INF = float("inf")


class BecameLoop(BaseException):
    """Unwinds a thread's body once it called loop.run_forever(): the loop goes on in
    the background, one iteration at a time (code after run_forever() does not run)."""


class LaneAbandoned(BaseException):
    """Unwinds a daemon thread whose clock would pass the end of the program: CPython
    abandons daemon threads when the main thread ends."""


class ParkRequest(BaseException):
    """Unwinds a blocking call (Queue.get, Lock.acquire, …) made directly in a thread's
    rewritten target when only another thread can end the wait: the lane is parked, and
    the call made again when it is resumed (spins.py). Raised before the call changed
    anything."""

    def __init__(self, call: str, why: str) -> None:
        super().__init__(why)
        self.call = call
        self.why = why


def parks(method: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a blocking method that raises ParkRequest rather than stopping the run, when
    called directly in a rewritten target (preempt.py)."""
    method.parks = True  # type: ignore[attr-defined]
    return method


class Lane:
    """A simulated thread (kind "thread"), an executor job on a worker ("job"), or the
    main thread ("main"). Its `now` is its own clock while another lane runs."""

    def __init__(self, name: str, kind: str, body: Callable[[], Iterator[Any] | None] | None,
                 started_at: float) -> None:
        self.name = name
        self.kind = kind
        self.body = body
        self.started_at = started_at
        self.now = started_at
        self.ended_at = INF
        # pending, running, done, loop (background loop), abandoned, parked (left part-way
        # in a busy wait, or in a wait only an outer thread can end: spins.py)
        self.state = "new"
        self.parent: Lane | None = None
        self.order = 0
        self.daemon = False
        self.what = name  # how its io events describe it
        self.io_id = 0
        self.it = 0  # the iteration of the loop it last ran
        self.running_loop: Any = None
        self.event_loop: Any = None  # asyncio.set_event_loop() of this thread
        self.loop: Any = None  # the loop a background-loop lane runs
        self.drive_until = INF
        self.before_run: Callable[[], None] | None = None
        self.thread: Any = None  # the threading.Thread the program sees
        self.thread_name = name
        self.block_seq = 0  # the trace's length when it last blocked (to tell a busy wait)
        self.blocks = 0  # how many times it blocked
        # A body that returned a generator (spins.py): its steps, how its loop turns
        # look, and where it was parked when it spun.
        self.steps: Iterator[Any] | None = None
        self.watch: Any = None
        self.progressed = False
        self.resume_at = INF
        self.acts_seen = -1
        self.can_park = False  # in a blocking call made directly in its rewritten target
        self.worker = 0  # an executor job: which of the executor's workers runs it

    def descends_from(self, owner: Lane) -> bool:
        lane: Lane | None = self.parent
        while lane is not None:
            if lane is owner:
                return True
            lane = lane.parent
        return False

    def daemon_lane(self) -> bool:
        lane: Lane | None = self
        while lane is not None and lane.kind == "job":
            lane = lane.parent  # a job runs for whoever submitted it
        return lane is not None and lane.daemon

    def alive_at(self, t: float) -> bool:
        if self.state in ("pending", "running", "loop", "parked"):
            return True
        if self.state == "new":
            return False
        return t < self.ended_at

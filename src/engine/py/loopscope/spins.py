"""Threads whose target was rewritten into a generator (preempt.py): stepped one loop turn
at a time, and fast-forwarded when they busy-wait.

While a thread runs, no other thread does, so a loop that turns again and again without
blocking, with nothing it can see changing (its own variables, the globals it names), is
waiting for another thread to act: it spins. Its clock then moves to the earliest time
another thread or a background loop has something to do — the first moment anything it
checks could change — and it is left there, to be resumed after them. The timeline shows
the jump as a blocked span on its lane: "busy-waits (spins until t=2)".

Checking starts after CHECK_AFTER turns without blocking and a spin needs SAME_FOR more
turns with nothing changed. A real spin makes millions of turns a second, so 200 turns
are a negligible stretch of one; a loop doing work changes its variables on nearly every
turn (a `for` loop's target alone does), so it is never taken for a spin however long it
runs, and short loops never pay for looking. The turns a spin makes are its line events:
a few hundred per jump keeps the trace readable.
"""
from __future__ import annotations

import contextlib
import types
from collections import deque
from typing import Any, Callable, Iterator

from .lane import INF, Lane
from .preempt import innermost_frame

CHECK_AFTER = 100
SAME_FOR = 100

_VALUES = (int, float, complex, str, bytes, bool, type(None))
_SIZED = (list, dict, set, frozenset, tuple, deque, bytearray)
_OPAQUE = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def _seen(value: Any, depth: int = 1) -> Any:
    """What a turn of a loop can tell about a value without walking it: a value, a
    container's size, and one level of an object's attributes (`self.count`)."""
    if isinstance(value, _VALUES):
        return value
    if isinstance(value, _SIZED):
        return id(value), len(value)
    attrs = getattr(value, "__dict__", None)
    if depth and type(attrs) is dict and len(attrs) <= 64 and not isinstance(value, _OPAQUE):
        return id(value), tuple(_seen(v, 0) for v in attrs.values())
    return id(value)


def _state(frame: Any, clock: Any) -> tuple[Any, ...]:
    glob = frame.f_globals
    seen = [_seen(v) for v in frame.f_locals.values()]
    seen.extend(_seen(glob[name]) for name in frame.f_code.co_names if name in glob)
    seen.append(clock.reads)  # a loop that reads the time waits for time, not for a thread
    return tuple(seen)


class SpinWatch:
    """Counts a lane's loop turns since it last blocked or changed anything."""

    def __init__(self, clock: Any) -> None:
        self.clock = clock
        self.turns = 0
        self.blocks = 0
        self.snapshot: tuple[Any, ...] = ()
        self.timed = False  # nothing changed but the time it read: a busy wait on the clock
        self.stuck = False  # it spun with nothing left that could ever change what it sees

    def turn(self, blocks: int, frame: Any) -> str:
        """"spin", "progress" (it blocked, or what it sees changed) or "" (can't tell yet)."""
        if blocks != self.blocks:
            self.blocks, self.turns = blocks, 0
            return "progress"
        self.turns += 1
        if self.turns < CHECK_AFTER:
            return ""
        state = _state(frame, self.clock)
        if self.turns == CHECK_AFTER:
            self.snapshot = state
            return ""
        if state != self.snapshot:
            self.timed = state[:-1] == self.snapshot[:-1]
            self.turns = 0
            return "progress"
        return "spin" if self.turns >= CHECK_AFTER + SAME_FOR else ""


class SpinningLanes:
    """The part of Lanes (lanes.py) that steps, parks and resumes generator lanes."""

    clock: Any
    tracer: Any
    world: Any
    current: Lane
    main: Lane
    loops: list[Lane]
    pending: list[Lane]
    _next_time: Callable[[Lane], float]
    enter: Callable[[Lane], tuple[Any, ...]]
    busy_wait: Callable[[Lane], str]
    settle: Callable[..., None]
    drive: Callable[..., None]

    def __init__(self) -> None:
        self.spinning: list[Lane] = []
        # Lanes waiting while others run, innermost last, each with when it wakes.
        self.waits: list[tuple[Lane, Callable[[], float]]] = []
        # Bumped whenever a lane acts; a parked spin resumes only once something has.
        self.acts = 0

    @contextlib.contextmanager
    def waiting(self, until: Callable[[], float]) -> Iterator[None]:
        """The current lane waits until `until()` (or less), while other lanes run."""
        self.acts += 1  # it did something before it waited
        self.waits.append((self.current, until))
        try:
            yield
        finally:
            self.waits.pop()

    def step(self, lane: Lane) -> bool:
        """Runs a generator lane until its body ends (True) or it spins (False: parked)."""
        gen = lane.steps
        assert gen is not None
        if lane.watch is None:
            lane.watch = SpinWatch(self.clock)
        while True:
            try:
                next(gen)
            except StopIteration:
                return True
            seen = lane.watch.turn(lane.blocks, innermost_frame(gen))
            if seen == "progress":
                lane.progressed = True
            elif seen == "spin" and self._park(lane):
                return False

    def next_act(self, lane: Lane) -> float:
        """The earliest time another lane or loop has something to do (INF: never)."""
        now = self.clock.now
        t = INF
        for waiter, until in self.waits:
            if waiter is not lane:
                t = min(t, until())
        for other in self.loops:
            if other.state == "loop" and other is not lane:
                t = min(t, self._next_time(other))
        for other in self.pending:
            t = min(t, other.started_at)
        t = max(t, now)
        for other in self.spinning:
            if other.resume_at > now:
                t = min(t, other.resume_at)
        return t

    def _park(self, lane: Lane) -> bool:
        """Parks a spinning lane until the next time another can act (False: none ever
        will, so it loops on where it is, as a real thread would, until a limit stops it;
        a loop whose state hides deeper than what SpinWatch sees still gets to end)."""
        t = self.next_act(lane)
        if t == INF:
            lane.watch.stuck = True
            lane.watch.turns = 0
            return False
        line = innermost_frame(lane.steps).f_lineno
        now = self.clock.now
        if t > now:
            self.world.check_virtual_time(t)
            self.tracer.emit("blocked", line, f"busy-waits (spins until t={t:g})", round(t - now, 9))
            self.clock.now = t
        lane.state = "spinning"
        lane.resume_at = t
        self.spinning.append(lane)
        if lane.progressed:
            self.acts += 1
        lane.acts_seen = self.acts
        return True

    def run_up_to(self, t: float) -> None:
        """The main thread is stopped at the virtual-time limit `t`: what the other threads
        and loops do until then still happens, as it would before a real Ctrl+C."""
        if self.current is not self.main or any(w is self.main for w, _ in self.waits):
            return
        with self.waiting(lambda: t):
            self.settle()
            self.drive(lambda: t)

    def resumable(self, lane: Lane, until: float) -> bool:
        return lane.acts_seen != self.acts and lane.resume_at < until

    def close_spins(self) -> None:
        """Threads still parked when the run ends are dropped without running their
        `finally` blocks' output (CPython abandons daemon threads at exit)."""
        tracer = self.tracer
        stopped, tracer.stopped = tracer.stopped, True
        try:
            for lane in self.spinning:
                if lane.steps is not None:
                    with contextlib.suppress(BaseException):
                        lane.steps.close()
        finally:
            tracer.stopped = stopped
            self.spinning.clear()

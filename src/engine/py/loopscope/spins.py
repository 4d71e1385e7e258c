"""Threads whose target was rewritten into a generator (preempt.py): stepped one loop turn
at a time, and fast-forwarded when they busy-wait.

While a thread runs, no other thread does, so a loop that turns again and again without
blocking, with nothing it can see changing (its own variables, the globals it names), is
waiting for another thread to act: it spins. Its clock then moves to the earliest time
another thread or a background loop has something to do — the first moment anything it
checks could change — and it is left there, to be resumed after them. The timeline shows
the jump as a blocked span on its lane: "busy-waits (spins until t=2)".

Checking starts after CHECK_AFTER turns without blocking and a spin needs SAME_FOR more
turns with nothing changed (what it sees is compared at both ends, and at every turn after
it was resumed). A real spin makes millions of turns a second, so 200 turns
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

from .lane import INF, Lane, ParkRequest
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
        if self.turns < CHECK_AFTER or CHECK_AFTER < self.turns < CHECK_AFTER + SAME_FOR:
            return ""  # looked at when the count starts and when it ends: a counter shows
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
    cannot_happen: Callable[[str], str]
    settle: Callable[..., None]
    drive: Callable[..., None]

    def __init__(self) -> None:
        self.parked: list[Lane] = []
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
                request = next(gen)
            except StopIteration:
                return True
            if request is not None:  # a blocking call only another thread can end
                self._park_call(lane, request)
                return False
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
        for other in self.parked:
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
        self._leave_until(lane, t, f"busy-waits (spins until t={t:g})")
        return True

    def _park_call(self, lane: Lane, request: ParkRequest) -> None:
        t = self.next_act(lane)
        if t == INF:
            self.tracer.halt(
                f"{lane.name} waits for {request.why}, and no other thread or loop will ever "
                "do it: the program would hang here.", self._line(lane))
        lane.blocks += 1
        self._leave_until(lane, t, f"{request.call} (waits until t={t:g})")

    def _leave_until(self, lane: Lane, t: float, call: str) -> None:
        """Parks `lane` until `t`, drawn on its lane as a blocked span labelled `call`."""
        now = self.clock.now
        if t > now:
            self.world.check_virtual_time(t)
            self.tracer.emit("blocked", self._line(lane), call, round(t - now, 9))
            self.clock.now = t
        lane.state = "parked"
        lane.resume_at = t
        self.parked.append(lane)
        if lane.progressed:
            self.acts += 1
        lane.acts_seen = self.acts

    def _line(self, lane: Lane) -> int | None:
        frame = innermost_frame(lane.steps, self.tracer.filename)
        return frame.f_lineno if frame is not None else None

    def cannot_wait(self, call: str, why: str) -> None:
        """A blocking call that nothing has done what it waits for: a rewritten target
        parks (ParkRequest), anything else stops the run saying why."""
        if self.current.can_park:
            raise ParkRequest(call, why)
        self.tracer.halt(self.cannot_happen(why), self.tracer.user_line(2))

    def wait_call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Iterator[Any]:
        """A call made directly in a rewritten target that might block (preempt.py): a
        blocking method that only another thread can end parks the lane, and is called
        again when it is resumed; anything else is simply called."""
        if not getattr(getattr(fn, "__func__", None), "parks", False):
            return fn(*args, **kwargs)
        lane = self.current
        parked = False
        while True:
            lane.can_park = True
            try:
                result = fn(*args, **kwargs)
            except ParkRequest as request:
                waiting = request
            else:
                lane.progressed = lane.progressed or parked
                return result
            finally:
                lane.can_park = False
            parked = True
            yield waiting

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
            for lane in self.parked:
                if lane.steps is not None:
                    with contextlib.suppress(BaseException):
                        lane.steps.close()
        finally:
            tracer.stopped = stopped
            self.parked.clear()

"""Simulated threads ("lanes") sharing one virtual clock: Pyodide has no threads.

The main thread is the only real Python stack, so a simulated thread runs its plain code
on it when the program first needs it: when the thread that started it blocks
(time.sleep, join, a loop going idle), when its outcome is asked for, or when the main
thread ends. A plain function of the program as target is rewritten into a generator
(preempt.py): it runs until it ends, busy-waits, or blocks for something only another
thread will do; then it is parked and resumed later (spins.py). Any other target runs in
one piece, from start to end. Each lane keeps its
own clock, starting at its start time: what blocks in a thread moves that thread's clock
only.

A thread that runs an event loop forever becomes a background loop: its loop's
iterations are resumable, so it is advanced, one iteration at a time in time order,
whenever another lane waits.

Events a lane emits ahead of the main thread's clock are held and released in time
order (ties: the order they happened in) as the main thread's clock passes them, so the
trace and the printed output read as they would with real threads.
"""
from __future__ import annotations

from asyncio import events
from typing import Any, Callable

from .errors import LimitReached, StopRun
from .heldtrace import HeldEvents
from .lane import INF, BecameLoop, Lane, LaneAbandoned
from .posts import ThreadsafePosts
from .preempt import Rewriter
from .spins import SpinningLanes


class Lanes(SpinningLanes, ThreadsafePosts):
    def __init__(self, world: Any) -> None:
        super().__init__()
        self.world = world
        self.clock = world.clock
        self.tracer = world.tracer
        self.main = Lane("MainThread", "main", None, 0.0)
        self.main.thread_name = "MainThread"
        self.current = self.main
        self.pending: list[Lane] = []
        self.loops: list[Lane] = []  # lanes whose thread runs an event loop forever
        self.threads: list[Lane] = []
        self.held = HeldEvents(self.tracer)
        # call_soon_threadsafe posts waiting for the target loop's clock to reach them:
        # (time, order, loop, handle, cause)
        self.inbox: list[tuple[float, int, Any, Any, str]] = []
        self._order = 0
        self.exiting = False  # the main thread has ended; daemon lanes die at its time
        self.closed = False  # the run ended: nothing may wait any more
        self.thread_count = 0  # CPython numbers Thread-N from 1 in a fresh interpreter
        self.executor_count = 0
        watch = world.monitor.watch if world.monitor is not None else lambda code: None
        self.rewriter = Rewriter(world.source, self.tracer.filename, watch, self.wait_call)

    # -- lane switching -------------------------------------------------------

    def now_of(self, lane: Lane) -> float:
        return self.clock.now if lane is self.current else lane.now

    def enter(self, lane: Lane) -> tuple[Any, ...]:
        """Makes `lane` the running one; returns what `leave` needs to come back."""
        w, t, c = self.world, self.tracer, self.clock
        w.flush_output()  # a half-written line belongs to the lane that wrote it
        prev = self.current
        prev.now = c.now
        prev.running_loop = events._get_running_loop()
        buf = t.swap_buffer([])
        if prev is not self.main:
            # What the outer lane emitted so far is held now, so that events keep the
            # order they happened in when times tie.
            self.held.add(buf)
            buf = []
        saved = (prev, t.it, t.task, w.running_task, w.running_task_reported,
                 t.user_code_on_stack, buf)
        t.hold = self.held.add
        self.current = lane
        c.now = lane.now
        events._set_running_loop(lane.running_loop)
        t.set_iteration(lane.it)
        t.enter_task(lane.name)
        w.running_task = None
        t.user_code_on_stack = True
        w.callback_start = _real_now()  # each piece of a thread has its own real-time budget
        return saved

    def leave(self, saved: tuple[Any, ...]) -> None:
        w, t, c = self.world, self.tracer, self.clock
        w.flush_output()
        lane = self.current
        lane.now = c.now
        lane.it = t.it
        lane.running_loop = events._get_running_loop()
        prev, it, task, running, reported, on_stack, buf = saved
        records = t.swap_buffer(buf)
        self.held.add(records)
        if prev is self.main:
            t.hold = None
        self.current = prev
        c.now = prev.now
        events._set_running_loop(prev.running_loop)
        t.set_iteration(it)
        t.enter_task(task)
        w.running_task, w.running_task_reported = running, reported
        t.user_code_on_stack = on_stack
        w.callback_start = _real_now()
        if prev is self.main:
            self.held.release(c.now)

    def io(self, phase: str, lane: Lane, what: str) -> None:
        t = self.tracer
        if phase == "start":
            lane.io_id = self.world.next_io_id()
        t.emit("io", None, phase, lane.io_id, what, None)

    # -- starting and running lanes -------------------------------------------

    def start(self, lane: Lane) -> None:
        """Queues a lane to run from the current lane's time (it runs at the next wait)."""
        self._order += 1
        lane.order = self._order
        lane.parent = self.current
        lane.now = lane.started_at = max(lane.started_at, self.clock.now)
        lane.state = "pending"
        self.pending.append(lane)
        self.threads.append(lane)  # threads and executor jobs: the program waits for both at exit

    def run(self, lane: Lane) -> None:
        """Runs a pending lane now, to its end (or until it becomes a background loop or
        spins)."""
        if lane.state != "pending":
            return
        if lane.before_run is not None:
            lane.before_run()  # an executor job first needs the jobs queued before it
        self.pending.remove(lane)
        self.acts += 1
        self._piece(lane, first=True)

    def resume(self, lane: Lane) -> None:
        """Goes on with a lane parked in a busy wait, from the time it was parked until."""
        self.parked.remove(lane)
        lane.progressed = False
        self._piece(lane, first=False)

    def _piece(self, lane: Lane, first: bool) -> None:
        lane.state = "running"
        saved = self.enter(lane)
        try:
            if first:
                self.io("start", lane, lane.what)
            try:
                if first:
                    assert lane.body is not None
                    lane.steps = lane.body()
                if lane.steps is None or self.step(lane):
                    lane.state = "done"
            except BecameLoop:
                lane.state = "loop"
            except LaneAbandoned:
                lane.state = "abandoned"
            except LimitReached:
                if lane.kind == "thread" and (self.tracer.seq - lane.block_seq > 10_000 or (
                        lane.watch is not None and (lane.watch.stuck or lane.watch.timed))):
                    raise LimitReached(self.busy_wait(lane)) from None
                raise
            if lane.state in ("done", "abandoned"):
                lane.ended_at = self.clock.now
                self.io("done", lane, lane.what)
        finally:
            if lane.state == "running":  # a stop travelling up (limit, Ctrl+C)
                lane.state = "done"
                lane.ended_at = self.clock.now
            self.leave(saved)

    def settle(self, owner: Lane | None = None) -> None:
        """Runs pending lanes (only `owner`'s descendants when given), in start order."""
        while True:
            todo = [ln for ln in self.pending if owner is None or ln.descends_from(owner)]
            if not todo:
                return
            self.run(todo[0])

    def become_loop(self, loop: Any) -> None:
        """A thread called loop.run_forever(): from now on the loop runs in the background."""
        lane = self.current
        loop._trace_loop("run_forever")
        loop._run_forever_setup()
        loop._lane = lane
        lane.loop = loop
        self.loops.append(lane)
        raise BecameLoop()

    def in_thread_body(self) -> bool:
        return self.current.kind == "thread" and self.current.state == "running"

    # -- background loops -------------------------------------------------------

    def _next_time(self, lane: Lane) -> float:
        loop = lane.loop
        now = lane.now
        if loop._ready or loop._stopping:
            return now
        t = INF
        for when, _, target, _, _ in self.inbox:
            if target is loop:
                t = min(t, when)
        if loop._scheduled:
            t = min(t, loop._scheduled[0]._when)
        return max(t, now)

    def drive(self, until: Callable[[], float], done: Callable[[], bool] | None = None) -> None:
        """Advances background loops, one iteration at a time, earliest first, while their
        next event is due by `until()` (read again after each: a post may bring it nearer)."""
        while not (done is not None and done()):
            best, best_key = None, (INF, 0, 0)
            for i, lane in enumerate(self.loops):
                if lane.state == "loop" and lane is not self.current:
                    t = self._next_time(lane)
                    if t <= until() and (t, 0, i) < best_key:
                        best, best_key = lane, (t, 0, i)
            # A parked spin goes after what is due at its time: it waits for that.
            for lane in self.parked:
                if self.resumable(lane, until()) and (lane.resume_at, 1, lane.order) < best_key:
                    best, best_key = lane, (lane.resume_at, 1, lane.order)
            if best is None:
                return
            if best.state == "parked":
                self.resume(best)
                self.settle()  # threads it started meanwhile
            else:
                self._iterate(best, until())

    def _iterate(self, lane: Lane, until: float) -> None:
        loop = lane.loop
        self.acts += 1
        saved = self.enter(lane)
        lane.drive_until = until
        try:
            loop._run_once()
            if loop._stopping:
                loop._run_forever_cleanup()
                lane.state = "done"
                lane.ended_at = self.clock.now
                self.io("done", lane, lane.what)
        except LaneAbandoned:
            lane.state = "abandoned"
        finally:
            lane.drive_until = INF
            self.leave(saved)

    def idle_loops_until(self, t: float) -> None:
        """Background loops with nothing due before `t` have waited until then."""
        for lane in self.loops:
            if lane.state == "loop" and lane is not self.current and lane.now < t:
                lane.now = t

    # -- waiting --------------------------------------------------------------

    def advance(self, target: float) -> None:
        """The current lane's clock moves to `target` (it waited until then)."""
        if self.closed:
            raise LaneAbandoned()  # a parked thread's `finally` blocks, run at the end
        lane = self.current
        lane.block_seq = self.tracer.seq
        lane.blocks += 1
        if lane is self.main:
            with self.waiting(lambda: target):
                self.settle()
                self.drive(lambda: target)
            self.idle_loops_until(target)
            self.clock.now = max(self.clock.now, target)
            self.held.release(self.clock.now)
            return
        if self.exiting and lane.daemon_lane() and target > self.main.now:
            raise LaneAbandoned()
        if target > lane.drive_until:
            # A background loop's callback blocked past what its driver asked for: it
            # runs ahead, its events are held until the main thread gets there.
            pass
        self.clock.now = max(self.clock.now, target)

    def wait_until(self, t: float, call: str) -> None:
        """A blocking call in the current lane that ends at virtual time `t`."""
        now = self.clock.now
        if t > now:
            self.clock.sleep_as(call, round(t - now, 9))
            self.clock.now = max(self.clock.now, t)

    def wait_for(self, done: Callable[[], bool], timeout: float | None, call: str,
                 why: str) -> bool:
        """Waits in the current lane until `done()`: only lanes not yet run and background
        loops can make it true. Stops the run when nothing ever will (and no timeout)."""
        if done():
            return True
        deadline = INF if timeout is None else self.clock.now + max(0.0, timeout)
        with self.waiting(lambda: deadline):
            self.settle()
            if done():
                return True
            self.drive(lambda: deadline, done)
        if done():
            # It became true at the time the lane that made it so had reached.
            return True
        if timeout is not None:
            self.wait_until(deadline, call)
            return done()
        self.cannot_wait(call, why)
        return False

    def busy_wait(self, lane: Lane) -> str:
        if lane.watch is not None and lane.watch.timed:
            return (f"{lane.name} loops without blocking until the clock reaches some time (a "
                    "busy wait on the clock). Virtual time only moves when a thread blocks or "
                    "waits, so it never gets there: wait with time.sleep() instead.")
        if lane.watch is not None and lane.watch.stuck:
            return (f"{lane.name} loops without ever blocking or waiting (a busy wait), and "
                    "no other thread or loop will ever do anything that could change what it "
                    "is waiting for (a real program would spin here forever).")
        if lane.steps is not None:
            return (f"{lane.name} loops without ever blocking or waiting (a busy wait). What it "
                    "looks at changes on every turn, so Loopscope cannot tell that it only "
                    "waits, and no other thread gets to run while it loops.")
        return (f"{lane.name} loops without ever blocking or waiting (a busy wait). Loopscope "
                "runs this thread's plain code in one piece, from its start to its end, so "
                "while it spins no other thread can run to change what it is waiting for.")

    def cannot_happen(self, why: str) -> str:
        who = self.current.name if self.current is not self.main else "The main thread"
        return (f"{who} waits for {why}, and nothing can ever do it. Loopscope runs a "
                "thread's plain code one piece at a time, from its start to its end, so a "
                "thread cannot wait for something another thread would only do later, "
                "after it started (a real program might hang here, or might not).")

    def call_as(self, lane: Lane, t: float, fn: Callable[..., Any], *args: Any) -> None:
        """Runs `fn` as `lane` at its time `t` (a done-callback added to a Future the
        program's clock has not yet seen finish)."""
        saved = self.enter(lane)
        self.clock.now = max(self.clock.now, t)
        try:
            fn(*args)
        except Exception:  # as concurrent.futures does: logged, not raised
            import logging
            logging.getLogger("concurrent.futures").exception("exception calling callback")
        finally:
            self.leave(saved)

    # -- a loop waiting for its next event ------------------------------------------

    def select(self, loop: Any, timeout: float | None) -> None:
        """The loop's "selector" once threads exist: before its clock moves, lanes not yet
        run run, background loops catch up, and posts from other threads arrive."""
        clock = self.clock
        self.deliver(loop)
        if timeout == 0 or loop._ready:
            return
        lane = self.current
        start = clock.now

        def target() -> float:
            t = self.next_post(loop)
            if timeout is not None:
                t = min(t, start + timeout)
            if loop._scheduled:
                t = min(t, loop._scheduled[0]._when)
            return t

        with self.waiting(target):
            self.settle(None if lane is self.main else lane)
            self.deliver(loop)
            if loop._ready:
                return
            if lane.loop is loop:  # a background loop: its driver says how far it may go
                t = target()
                if t == INF or t > lane.drive_until:
                    return
            else:
                self.drive(target, lambda: bool(loop._ready))
                if loop._ready:
                    return
                t = target()
                if t == INF:
                    loop._deadlock()
        self.world.check_virtual_time(t)
        self.tracer.emit("clock", None, clock.now, t)
        self.advance(t)
        self.deliver(loop)

    # -- the end of the program ------------------------------------------------

    def at_exit(self) -> None:
        """What CPython does after the main module: wait for every non-daemon thread."""
        end = self.clock.now
        with self.waiting(lambda: end):  # a daemon thread that spins is abandoned at `end`
            self.settle()
        while True:
            waiting = [ln for ln in self.threads
                       if not ln.daemon and ln.alive_at(self.clock.now)]
            if not waiting:
                break
            lane = waiting[0]
            if lane.state == "loop":
                self.drive(lambda: INF, lambda: lane.state != "loop")
                if lane.state == "loop":
                    # The main thread waited as long as the loop had anything to do.
                    self.clock.now = max(self.clock.now, lane.now)
                    self.held.release(self.clock.now)
                    self.tracer.halt(
                        f"{lane.name} runs loop.run_forever() and nothing will ever stop it: "
                        "it is not a daemon thread, so the main thread waits for it at exit "
                        "and the program never ends (a real one would hang here).")
            elif lane.state == "parked":
                with self.waiting(lambda: INF):
                    self.drive(lambda: INF, lambda: lane.state != "parked")
                if lane.state == "parked":
                    lane.watch.stuck = True
                    self.tracer.halt(self.busy_wait(lane))
            else:
                self.advance(lane.ended_at)
        self.exiting = True
        self.main.now = self.clock.now

    def close(self, keep_all: bool) -> None:
        """Releases what the main thread's clock reached; what daemon threads did after
        the program ended is dropped, as CPython abandons them (after a stop, kept)."""
        self.held.release(INF if keep_all else self.clock.now)
        self.held.drop()
        self.closed = True
        self.close_spins()


def threads_at_exit(world: Any, status: str, exit_code: int,
                    message: str) -> tuple[str, int, str]:
    """Called by the session once the main module ended."""
    lanes: Lanes | None = world.lanes
    if lanes is None:
        return status, exit_code, message
    if status in ("finished", "raised"):
        try:
            lanes.at_exit()
        except StopRun as e:
            status, exit_code, message = e.status, 3, e.message
            world.tracer.stopped = False
    lanes.close(keep_all=status not in ("finished", "raised"))
    return status, exit_code, message


def lanes_of(world: Any) -> Lanes:
    """The run's lanes, created the first time a program uses threads."""
    if world.lanes is None:
        world.lanes = Lanes(world)
        world.clock.lanes = world.lanes
    return world.lanes  # type: ignore[no-any-return]


def _real_now() -> float:
    from .clock import real_perf_counter
    return real_perf_counter()

"""The virtual-time event loop: asyncio's own BaseEventLoop, with a clock that jumps.

Only three things differ from a real loop: time() reads the virtual clock, the
"selector" moves that clock to the next timer instead of sleeping, and every
scheduling decision is reported to the tracer. `_run_once` mirrors CPython's
(Lib/asyncio/base_events.py) so ready-queue and timer semantics stay the real ones.
"""
from __future__ import annotations

import heapq
import sys
from asyncio import base_events, events
from typing import Any

from .clock import real_perf_counter
from .ctrlc import interrupt_due
from .errors import Deadlock
from .loop_trace import LoopTraceMixin


class _TracedCancel:
    """Reports a cancel while the handle still waits in the ready queue or timer heap.

    asyncio.sleep cancels its timer in a `finally` even after it fired; those
    cancels change nothing the loop holds, so they are not reported.
    """

    __slots__ = ()

    def cancel(self) -> None:
        if self._queued and not self._cancelled:  # type: ignore[attr-defined]
            self._queued = False  # type: ignore[attr-defined]
            self._loop._trace_unschedule(self)  # type: ignore[attr-defined]
        super().cancel()  # type: ignore[misc]


class ReadyHandle(_TracedCancel, events.Handle):
    # _target: the id of the task whose step this is, or None (set when traced).
    __slots__ = ("_hid", "_queued", "_target")


class OrderedTimerHandle(_TracedCancel, events.TimerHandle):
    """A timer whose deadline ties break the way they would on a real clock.

    On a real clock two `call_later`/`sleep` deadlines computed one after the other never
    tie: the later call reads a later "now", so it fires later. On the virtual clock they
    tie exactly, and heapq is not stable, so relative timers carry their scheduling
    order as a tie-break. Deadlines the program passed to call_at itself keep a
    tie-break of 0, so equal ones come out in heap order, exactly as in CPython.
    """

    __slots__ = ("_hid", "_tiebreak", "_queued", "_target")

    def __lt__(self, other: Any) -> bool:
        if self._when == other._when:
            return self._tiebreak < other._tiebreak  # type: ignore[no-any-return]
        return self._when < other._when  # type: ignore[no-any-return]


class _VirtualSelector:
    """Stands where a selector would: asked to wait, it advances the clock instead."""

    def __init__(self, loop: VirtualEventLoop) -> None:
        self._loop = loop

    def select(self, timeout: float | None) -> list[Any]:
        return self._loop._virtual_select(timeout)

    def close(self) -> None:
        pass


class VirtualEventLoop(LoopTraceMixin, base_events.BaseEventLoop):
    def __init__(self, world: Any) -> None:
        super().__init__()
        self._world = world
        self._tracer = world.tracer
        self._clock = world.clock
        self._selector = _VirtualSelector(self)
        self._clock_resolution = 1e-9
        self._loop_id = world.next_loop_id()
        self._iteration = 0
        self._lane: Any = None  # the simulated thread running this loop (lanes.py)
        self._until_complete = False
        self._trace_loop("create")

    # -- time and the "selector" --------------------------------------------

    def time(self) -> float:
        return self._clock.now

    def _virtual_select(self, timeout: float | None) -> list[Any]:
        if self._world.lanes is not None:  # the program uses threads (lanes.py)
            self._world.lanes.select(self, timeout)
            return []
        if timeout is None:
            self._deadlock()
        if timeout > 0:
            now = self._clock.now
            target = now + timeout
            if self._scheduled and self._scheduled[0]._when <= target:
                target = self._scheduled[0]._when  # land exactly on the deadline
            self._world.check_virtual_time(target)
            self._tracer.emit("clock", None, now, target)
            self._clock.advance_to(target)
        return []

    def _deadlock(self) -> None:
        # Recorded here, while the waiting tasks are still parked, before asyncio.run's
        # clean-up cancels them on the way out.
        message = self._world.deadlock_message(self)
        self._tracer.record("error", None, "Deadlock", message, "", [])
        raise Deadlock(message)

    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        pass

    # -- streams: open_connection / start_server reach the simulated network (vconnect.py)

    async def create_connection(self, protocol_factory: Any, host: Any = None, port: Any = None,
                                **kwargs: Any) -> Any:
        from .vconnect import create_connection
        return await create_connection(self, protocol_factory, host, port, **kwargs)

    async def create_server(self, protocol_factory: Any, host: Any = None, port: Any = None,
                            **kwargs: Any) -> Any:
        from .vconnect import create_server
        return await create_server(self, protocol_factory, host, port, **kwargs)

    # -- scheduling ----------------------------------------------------------

    def _call_soon(self, callback: Any, args: Any, context: Any) -> events.Handle:
        handle = ReadyHandle(callback, args, self, context)
        handle._hid = self._world.next_handle_id()
        handle._queued = True
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        if self._tracer.enabled:
            self._trace_schedule(handle, "ready", None)
        return handle

    def call_soon_threadsafe(self, callback: Any, *args: Any, context: Any = None) -> events.Handle:
        self._check_closed()
        lanes = self._world.lanes
        if lanes is not None and lanes.owner_of(self) is not lanes.current:
            return lanes.post(self, callback, args, context)  # from a simulated thread
        return self._call_soon(callback, args, context)

    # -- executors: jobs run on simulated worker threads (executors.py) -----------

    def run_in_executor(self, executor: Any, func: Any, *args: Any) -> Any:
        from .executors import run_in_executor
        return run_in_executor(self, executor, func, *args)

    async def shutdown_default_executor(self, timeout: float | None = None) -> None:
        # asyncio's own starts a real thread to wait; the simulated jobs have all run.
        self._executor_shutdown_called = True
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=False)

    def call_later(self, delay: float, callback: Any, *args: Any, context: Any = None) -> events.TimerHandle:
        if delay is None:
            raise TypeError("delay must not be None")
        return self._add_timer(self.time() + delay, callback, args, context, relative=True)

    def call_at(self, when: float, callback: Any, *args: Any, context: Any = None) -> events.TimerHandle:
        if when is None:
            raise TypeError("when cannot be None")
        # A deadline the program computed itself may tie with another on purpose; one
        # asyncio computed from "now" (timeout, wait_for) would not tie on a real clock.
        from_user = sys._getframe(1).f_code.co_filename == self._tracer.filename
        return self._add_timer(when, callback, args, context, relative=not from_user)

    def _add_timer(self, when: float, callback: Any, args: Any, context: Any,
                   relative: bool) -> events.TimerHandle:
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = OrderedTimerHandle(when, callback, args, self, context)
        timer._hid = self._world.next_handle_id()
        timer._tiebreak = timer._hid if relative else 0
        timer._queued = True
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        if self._tracer.enabled:
            self._trace_schedule(timer, "timer", when)
        return timer

    # -- running -------------------------------------------------------------

    def run_forever(self) -> None:
        lanes = self._world.lanes
        if lanes is not None:
            if not self._until_complete and lanes.in_thread_body():
                lanes.become_loop(self)  # a thread's loop runs on in the background
            self._lane = lanes.current
        self._trace_loop("run_forever")
        super().run_forever()

    def run_until_complete(self, future: Any) -> Any:
        self._trace_loop("run_until_complete")
        self._until_complete = True
        try:
            return super().run_until_complete(future)
        finally:
            self._until_complete = False

    def stop(self) -> None:
        self._trace_loop("stop")
        super().stop()

    def close(self) -> None:
        if not self._closed and not self.is_running():
            self._trace_loop("close")
        super().close()

    def _run_once(self) -> None:
        self._tracer.check_budget()
        sched_count = len(self._scheduled)
        if (sched_count > base_events._MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False

        self._iteration += 1
        tracer = self._tracer
        tracer.set_iteration(self._iteration)

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = self._scheduled[0]._when - self.time()
            if timeout > base_events.MAXIMUM_SELECT_TIMEOUT:
                timeout = base_events.MAXIMUM_SELECT_TIMEOUT
            elif timeout < 0:
                timeout = 0

        if self._world.interrupt_at is not None:  # a Ctrl+C the run asked for (ctrlc.py)
            timeout = interrupt_due(self._world, timeout)
        event_list = self._selector.select(timeout)
        self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            if tracer.enabled:
                tracer.put(("d", self._clock.now, None, handle._hid))  # a compact record (trace.py)

        ntodo = len(self._ready)
        world = self._world
        for _ in range(ntodo):
            handle = self._ready.popleft()
            handle._queued = False
            if handle._cancelled:
                continue
            if tracer.stopped or tracer.seq >= tracer.max_events:
                tracer.check_budget()
            world.callback_start = real_perf_counter()
            if tracer.enabled:
                self._run_traced(handle)
            else:
                handle._run()
        handle = None


"""The simulated world of one run: its clock, tracer, ids and budgets."""
from __future__ import annotations

import asyncio
from typing import Any, Callable

from .capture import OutputState
from .clock import VirtualClock, real_perf_counter
from .describe import await_chain, describe_wait, parked_line
from .network import Network
from .trace import Tracer


def dispatch_codes() -> tuple[Any, Any]:
    """The loop's two dispatch code objects, where the tracer's walk up the stack stops.
    Compared with `is`: hashing a code object walks its bytecode (about 1.5 µs in Pyodide),
    and even id() is one more call per frame the walk passes."""
    from .loop import VirtualEventLoop
    from .loop_trace import LoopTraceMixin
    return (VirtualEventLoop._run_once.__code__, LoopTraceMixin._run_traced.__code__)


class World:
    def __init__(self, filename: str, options: dict[str, Any],
                 flush: Callable[[bytes], Any] | None) -> None:
        self.options = options
        self.clock = VirtualClock()
        self.tracer = Tracer(self.clock, filename, options, flush)
        self.tracer.dispatch_codes = dispatch_codes()
        self.max_time = float(options.get("maxTime", 7 * 24 * 3600))
        self.max_real_s = float(options.get("maxRealMs", 10_000)) / 1000
        # The default is CALLBACK_BUDGET_MS (src/trace/schema.ts): a runaway stops within 1 s.
        self.max_callback_s = float(options.get("maxCallbackMs", 700)) / 1000
        # A Ctrl+C at this virtual time (ctrlc.py), and whether it came.
        at = options.get("interruptAt")
        self.interrupt_at: float | None = None if at is None else float(at)
        self.interrupted = False
        self.started = real_perf_counter()
        self.callback_start = self.started
        self.running_task: Any = None
        self.running_task_reported = False
        self.flush_output: Callable[[], None] = lambda: None
        self.output = OutputState()
        self._loop_ids = 0
        self._handle_ids = 0
        self._io_ids = 0
        seed = int(options.get("seed", 1))
        try:
            self.network = Network(seed, options.get("network"))
        except ValueError as e:  # said once, up front; the run goes on with the defaults
            self.tracer.record("warning", None, "network", f"Network settings ignored: {e}", False)
            self.network = Network(seed)
        # Simulated sockets by file descriptor (for selectors), and the servers the
        # program started, by port.
        self.fds: dict[int, Any] = {}
        self.listeners: dict[int, Any] = {}
        self._ports = 49151  # ephemeral ports, handed out in order so a run replays
        self.legacy: Any = None  # the run's LegacyPatch, for notices from the shims
        self.lanes: Any = None  # simulated threads (lanes.py), once the program starts one
        self.source = ""  # the program as compiled (preempt.py rewrites thread targets from it)
        self.monitor: Any = None  # line events and the runaway guard (monitor.py)

    def next_loop_id(self) -> int:
        self._loop_ids += 1
        return self._loop_ids

    def next_io_id(self) -> int:
        self._io_ids += 1
        return self._io_ids

    def block(self, call: str, seconds: float) -> None:
        """A blocking call on the loop's thread: time passes, nothing else runs."""
        self.clock.sleep_as(call, seconds)

    def block_until(self, call: str, when: float) -> None:
        """Blocks until exactly `when` (a sum of float steps could land a hair short)."""
        if when > self.clock.now:
            self.block(call, round(when - self.clock.now, 9))
            self.clock.advance_to(when)

    def next_port(self) -> int:
        self._ports += 1
        return self._ports

    def open_fd(self, owner: Any) -> int:
        """The lowest free descriptor from 3 up, as the OS hands them out."""
        fd = 3
        while fd in self.fds:
            fd += 1
        self.fds[fd] = owner
        return fd

    def close_fd(self, fd: int) -> None:
        self.fds.pop(fd, None)

    def next_handle_id(self) -> int:
        self._handle_ids += 1
        return self._handle_ids

    # -- budgets ---------------------------------------------------------------

    def check_virtual_time(self, target: float) -> None:
        if target > self.max_time:
            if self.lanes is not None:
                self.lanes.run_up_to(self.max_time)  # the other threads reach the limit too
            self.tracer.halt(
                f"virtual time limit reached: the next timer is at t={target:g} s, "
                f"past the limit of {self.max_time:g} s")

    def check_real_time(self) -> None:
        """Called from the jump monitor: stops code that never yields."""
        now = real_perf_counter()
        if now - self.callback_start <= self.max_callback_s and now - self.started <= self.max_real_s:
            return
        line = self.tracer.user_line(3)
        if now - self.callback_start > self.max_callback_s:
            ms = (now - self.callback_start) * 1000
            if self.running_task is not None:
                where = f"{self.tracer.task_name(self.running_task)}"
            elif asyncio.events._get_running_loop() is not None:
                where = "this callback"
            else:
                where = "the program's top-level code"
            self.tracer.halt(
                f"{where} ran {ms:.0f} ms without yielding to the loop"
                + (f" (at line {line})" if line else ""), line)
        if now - self.started > self.max_real_s:
            self.tracer.halt(f"real-time limit reached: the run took over "
                               f"{self.max_real_s:g} s of real time", line)

    # -- deadlock ---------------------------------------------------------------

    def deadlock_message(self, loop: Any) -> str:
        waiting = [t for t in asyncio.all_tasks(loop) if not t.done()]
        if not waiting:
            return ("The loop has nothing to do and nothing can wake it: no callback is "
                    "ready, no timer is set and no I/O is in flight. A real program would "
                    "hang here forever.")
        lines = []
        for task in sorted(waiting, key=lambda t: self.tracer.task_name(t) or t.get_name()):
            name = self.tracer.task_name(task) or task.get_name()
            chain = await_chain(task)
            awaits, _, _, _ = describe_wait(self.tracer, task, chain, self.clock.now)
            line = parked_line(chain, self.tracer.filename)
            where = f" (line {line})" if line else ""
            lines.append(f"  {name} waits on {awaits}{where}")
        n = len(waiting)
        return (f"Deadlock: no callback is ready, no timer is set and no I/O is in flight, "
                f"yet {n} {'task waits' if n == 1 else 'tasks wait'} and nothing can ever wake "
                f"{'it' if n == 1 else 'them'}:\n" + "\n".join(lines))

"""The tracer: turns what the loop does into trace events and streams them in batches.

Events are tuples whose fields follow src/trace/schema.ts; a batch goes to the host as
one marshalled bytes object, so crossing into JavaScript costs one call per batch.
"""
from __future__ import annotations

import marshal
import re
import sys
import weakref
from weakref import ref as _ref
from typing import Any, Callable

from .clock import VirtualClock, real_perf_counter
from .errors import LimitReached

_AUTO_TASK_NAME = re.compile(r"Task-(\d+)$")

# The fields after the common ones, per kind, in wire order. Must match EVENT_FIELDS in
# src/trace/wire.ts (a test compares them).
FIELDS: dict[str, tuple[str, ...]] = {
    "loop": ("action", "loop"),
    "task-created": ("id", "coro", "parent", "internal"),
    "schedule": ("handle", "queue", "when", "label", "cause", "target"),
    "unschedule": ("handle", "queue", "by"),
    "callback": ("handle", "label", "target"),
    "resume": ("id", "by", "value", "exc"),
    "suspend": ("id", "awaits", "wait", "on", "until", "chain"),
    "task-done": ("id", "state", "result", "exc"),
    "future-created": ("fut", "value"),
    "future-resolved": ("fut", "value"),
    "future-cancelled": ("fut", "value"),
    "cancel": ("id", "by", "msg"),
    "clock": ("from", "to"),
    "blocked": ("call", "dur"),
    "io": ("phase", "io", "what", "dur"),
    "output": ("stream", "text"),
    "warning": ("category", "message", "legacy"),
    "error": ("excType", "message", "traceback", "frames"),
    "line": (),
    "end": ("status", "exitCode", "message"),
}

# Shorthand records for the commonest events, (kind, t, line, *fields) like the rest:
# src/trace/wire.ts expands each into the events it stands for, taking labels, targets,
# deadlines, what a task awaited and where it was parked from records it already read.
COMPACT: dict[str, tuple[str, ...]] = {
    # a new task: task-created + the schedule of its first step
    "n": ("handle", "id", "coro", "internal"),
    # a task's next step scheduled; cause: w(oken: what it awaited is done),
    # x (what it awaited was cancelled), y(ielded), s(tep)
    "s": ("handle", "id", "cause"),
    # a task's step starts: callback (+ cancel when one is due) + resume
    "r": ("handle", "cancel", "msg", "value", "exc"),
    # a callback that is not a task step runs
    "c": ("handle",),
    # a timer came due and moves to the ready queue
    "d": ("handle",),
    # asyncio.sleep set its timer
    "z": ("handle", "when", "delay"),
    # a task suspended in asyncio.sleep with its timer set: a suspend event whose text
    # ("sleep(delay) until t=until") is written there; delay is a float or its text
    "S": ("id", "delay", "until", "chain"),
}


class Tracer:
    def __init__(self, clock: VirtualClock, filename: str, options: dict[str, Any],
                 flush: Callable[[bytes], Any] | None) -> None:
        self.clock = clock
        self.filename = filename
        self.enabled: bool = bool(options.get("trace", True))
        self.lines: bool = self.enabled and bool(options.get("lines", True))
        self.max_events: int = int(options.get("maxEvents", 200_000))
        self.batch_size: int = int(options.get("batchSize", 2000))
        self._flush_cb = flush
        self.seq = 0
        self.it = 0
        self.task: str | None = None  # name of the task whose step is running
        self._context_changed = True  # it or task differ from the last context record
        self.stopped = False
        self._halting = False
        self.stop_message = ""
        # Code objects of the loop's callback dispatch, set by the loop module.
        self.dispatch_codes: tuple[Any, Any] = (None, None)
        # False while the loop runs a callback that is not the program's own code (a
        # sleep timer, gather's bookkeeping): no user frame can be on the stack then.
        self.user_code_on_stack = True
        # The line of the innermost frame of the program on the stack, while it is known
        # (None: walk the stack to find it, see user_line). Kept only while lines are
        # traced: LINE events set it, and the Monitor forgets it whenever a frame of the
        # program is left or re-entered (return, yield, unwind, resume, throw).
        self.line_now: int | None = None
        self.keep_line = False
        self._buf: list[tuple[Any, ...]] = []
        # The budget checks (batch full, flood) run when seq reaches _check_at: one
        # comparison per event instead of a len() call (see _check).
        self._check_at = 0
        self._set_check_at()
        # Set while a simulated thread runs: its events are handed here instead of to the
        # host, to be released in time order (lanes.py).
        self.hold: Callable[[list[Any]], None] | None = None
        self._last_flush = real_perf_counter()
        self._names: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
        self._names_by_ref = self._names.data
        self._used_names: set[str] = set()
        self._auto_next = 0  # next number the C task-name counter will hand out
        self._auto_expected = "Task-0"  # the name it will give
        self._auto_count = 0  # our own Task-N numbering, from 1 for every run
        self._future_ids: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
        self._future_count = 0

    # -- events ----------------------------------------------------------------
    # An event travels as a tuple: (kind, t, line, *FIELDS[kind]). Its sequence number,
    # loop iteration and task are context that changes far less often than events come:
    # a context record ("@", it, task) goes out only when one of them changed, and
    # src/trace/wire.ts puts them back on every event. Positional tuples are several
    # times cheaper to build and encode than dicts.
    # emit, record and on_line each append inline on purpose: they are the hot path, and
    # a shared helper would cost one more Python call per event.

    def enter_task(self, name: str | None) -> None:
        """The running task changed (a step starts, or ends with None)."""
        self.task = name
        self._context_changed = True

    def set_iteration(self, it: int) -> None:
        self.it = it
        self._context_changed = True

    def emit(self, kind: str, line: int | None, *values: Any) -> None:
        """Record a scheduling event (skipped when tracing is off, as in benchmarks)."""
        self.put((kind, self.clock.now, line) + values)

    def put(self, event: tuple[Any, ...]) -> None:
        """emit for the hot path: the caller builds the whole (kind, now, line, ...) tuple,
        which saves packing the fields and joining two tuples per event."""
        if self.enabled and not self.stopped:
            buf = self._buf
            if self._context_changed:
                buf.append(("@", self.it, self.task))
                self._context_changed = False
            buf.append(event)
            self.seq += 1
            if self.seq >= self._check_at:
                self._check()

    def record(self, kind: str, line: int | None, *values: Any) -> None:
        """Record an event even with tracing off: output, errors and the end of a run."""
        if not self.stopped:
            buf = self._buf
            if self._context_changed:
                buf.append(("@", self.it, self.task))
                self._context_changed = False
            buf.append((kind, self.clock.now, line) + values)
            self.seq += 1
            if self.seq >= self._check_at:
                self._check()

    def on_line(self, code: Any, line: int) -> None:
        """sys.monitoring LINE callback: a `line` event per line of the program run."""
        self.line_now = line
        if not self.stopped:
            buf = self._buf
            if self._context_changed:
                buf.append(("@", self.it, self.task))
                self._context_changed = False
            buf.append(("line", self.clock.now, line))
            self.seq += 1
            if self.seq >= self._check_at:
                self._check()

    def forget_line(self, code: Any, offset: int, arg: Any = None) -> None:
        """sys.monitoring callback: a frame of the program was left or re-entered, so the
        innermost one's line is no longer the last LINE event's."""
        self.line_now = None

    def _set_check_at(self) -> None:
        # The next batch, or the flood mark if that comes first (once past it, the
        # halt's own warning must not trip the check again).
        flood = self.max_events + 10_000
        batch = self.seq + self.batch_size
        self._check_at = batch if self.seq >= flood else min(batch, flood)

    def _check(self) -> None:
        """A batch's worth of events since the last check: send them. The hot paths in
        loop_trace.py append to the buffer themselves and call this at the same mark."""
        self.flush()
        if self.seq >= self.max_events + 10_000 and not self.stopped and not self._halting:
            # One callback produced a flood of events (a loop that prints, or line events
            # of a loop that never awaits); stop here, not at the next callback.
            self.limit_events()

    def flush(self) -> None:
        self._last_flush = real_perf_counter()
        self._set_check_at()
        if not self._buf:
            return
        if self.hold is not None:
            self.hold(self._buf)
            self._buf = []
            self._context_changed = True
            return
        # marshal, not JSON: about four times faster here (src/trace/marshal.ts reads it).
        payload = marshal.dumps(self._buf)
        self._buf = []
        if self._flush_cb is not None:
            self._flush_cb(payload)

    def swap_buffer(self, buf: list[Any]) -> list[Any]:
        """Sends events to `buf` from now on (a simulated thread's, see lanes.py); returns
        the buffer they went to until now."""
        self.line_now = None  # another thread's code runs on from here
        old, self._buf = self._buf, buf
        self._context_changed = True
        return old

    def append_records(self, records: list[Any]) -> None:
        """Adds records built earlier (a thread's events, now due), context records included."""
        self._buf.extend(records)
        self._context_changed = True
        if len(self._buf) >= self.batch_size:
            self._check()

    def check_budget(self) -> None:
        """Called once per loop iteration: stop at the event limit; and stream what the
        run has so far every 50 ms, so a long run shows progress before a batch fills."""
        if real_perf_counter() - self._last_flush > 0.05:
            self.flush()
        if self.stopped:
            # Clean-up code (asyncio.run closing the loop) tried to go on: stop it the same way.
            raise LimitReached(self.stop_message)
        if self.seq >= self.max_events:
            self.limit_events()

    def limit_events(self) -> None:
        self.halt(f"event limit reached: {self.max_events:,} trace events")

    def halt(self, message: str, line: int | None = None) -> None:
        """Stop the run at a limit: record why, then unwind like a Ctrl+C."""
        if not self.stopped:
            self._halting = True  # the warning's own record must not trip the flood check again
            self.record("warning", line, "Limit", message, False)
            self.stopped = True
            self.stop_message = message
        raise LimitReached(self.stop_message, line)

    def user_line(self, depth: int = 2) -> int | None:
        """Line of the innermost frame of the user's program on the current stack.

        The walk stops at the loop's dispatch: above it is the code that started the loop
        (`asyncio.run(main())`), which is not where a callback's work happens. While lines
        are traced the answer is usually known already (line_now): a walk costs about
        2.5 µs, and nearly every schedule asks.
        """
        if not self.user_code_on_stack:
            return None
        line = self.line_now
        if line is not None:
            return line
        f: Any = sys._getframe(depth)
        fname = self.filename
        run_once, run_traced = self.dispatch_codes
        while f is not None:
            code = f.f_code
            if code.co_filename == fname:
                line = f.f_lineno
                if self.keep_line:
                    self.line_now = line
                return line
            if code is run_once or code is run_traced:
                return None
            f = f.f_back
        return None

    # -- names --------------------------------------------------------------

    def set_task_counter_base(self, next_auto: int) -> None:
        self._auto_next = next_auto
        self._auto_expected = f"Task-{next_auto}"

    def task_name(self, task: Any) -> str | None:
        # The dict behind the WeakKeyDictionary, read directly: this is called for
        # nearly every event, and the mapping's Python-level methods cost more than it.
        return self._names_by_ref.get(_ref(task))

    def register_task(self, task: Any) -> str:
        """Give a new task a stable, readable, unique id: its name, numbered per run.

        CPython numbers automatic names with a process-wide counter; a fresh interpreter
        starts at Task-1, so each run renumbers them to read as it would there.
        """
        name = task.get_name()
        # The automatic name the counter hands out next, compared first: a string
        # comparison instead of a regex match for nearly every task.
        if name == self._auto_expected or (
                (m := _AUTO_TASK_NAME.match(name)) is not None and int(m.group(1)) == self._auto_next):
            self._auto_next += 1
            self._auto_expected = f"Task-{self._auto_next}"
            self._auto_count += 1
            name = f"Task-{self._auto_count}"
            task.set_name(name)
        unique, n = name, 2
        while unique in self._used_names:
            unique, n = f"{name}#{n}", n + 1
        self._used_names.add(unique)
        # self._names[task] = unique, without WeakKeyDictionary's Python-level __setitem__.
        self._names_by_ref[_ref(task, self._names._remove)] = unique
        return unique

    def step_label(self, name: str) -> str:
        return f"Task {name} step"

    def future_label(self, fut: Any) -> str:
        key = _ref(fut)
        name = self._names_by_ref.get(key)
        if name is not None:
            return name
        label = self._future_ids.data.get(key)
        if label is None:
            self._future_count += 1
            label = f"{type(fut).__name__.lstrip('_')}#{self._future_count}"
            self._future_ids[fut] = label
        return label

"""Words for what the loop holds: what a task waits on, its await chain, callback labels.

Everything is read from live objects at the moment of the event (the suspended
coroutine frames and their locals), so nothing has to be bookkept on the side.
"""
from __future__ import annotations

import asyncio
import builtins
import functools
import re
import reprlib
from types import CodeType, CoroutineType, FrameType, FunctionType
from typing import Any

from .trace import Tracer

# The real classes, bound once: a legacy program's `asyncio.Task` is a stand-in
# (legacy.py), and these checks run for nearly every event.
_Task = asyncio.tasks.Task
_Future = asyncio.futures.Future

# " at 0x7f3a…" in a repr: an address, different in every run and every browser.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


class _ShortRepr(reprlib.Repr):
    """reprlib's short reprs, without object addresses: labels must replay identically."""

    def repr_instance(self, x: Any, level: int) -> str:
        try:
            s = _ADDRESS.sub("", builtins.repr(x))
        except Exception:  # a user __repr__ that raises must not break the trace
            return f"<{type(x).__name__}>"
        if len(s) > self.maxother:
            i = max(0, (self.maxother - 3) // 2)
            j = max(0, self.maxother - 3 - i)
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s


_short = _ShortRepr()
_short.maxstring = 40
_short.maxother = 40
_short.maxlist = 4


def short_repr(tracer: Tracer, value: Any) -> str:
    # Most results are None, numbers or short strings: skip reprlib's machinery for them.
    kind = type(value)
    if value is None or kind is int or kind is float or kind is bool:
        return repr(value)
    if kind is str and len(value) <= 40:
        return repr(value)
    if isinstance(value, _Future):
        return tracer.future_label(value)
    try:
        return _short.repr(value)
    except Exception:  # a user __repr__ that raises must not break the trace
        return f"<{type(value).__name__}>"


def await_chain(task: Any) -> list[FrameType]:
    """Coroutine frames from the task's coroutine down to what it awaits, outermost first."""
    frames: list[FrameType] = []
    obj = task.get_coro()
    while obj is not None and len(frames) < 64:
        frame = getattr(obj, "cr_frame", None) or getattr(obj, "gi_frame", None)
        if frame is None:
            break
        frames.append(frame)
        obj = getattr(obj, "cr_await", None) or getattr(obj, "gi_yieldfrom", None)
    return frames


def parked_line(frames: list[FrameType], user_file: str) -> int | None:
    """The line of the innermost frame of the user's program: where the task is parked."""
    for f in reversed(frames):
        if f.f_code.co_filename == user_file:
            return f.f_lineno
    return None


def _names(tracer: Tracer, futs: Any) -> list[str]:
    return [tracer.future_label(f) for f in futs]


def _some(names: list[str]) -> str:
    """A list of tasks short enough for a card: gather of 500 names reads as its count."""
    if len(names) <= 4:
        return ", ".join(names)
    return f"{', '.join(names[:3])}, … {len(names)} tasks"


def _fmt_num(x: Any) -> str:
    """A delay as a person wrote it: 0.1 * 3 reads "0.3", not "0.30000000000000004"."""
    return f"{x:.12g}" if isinstance(x, float) else repr(x)


def _fmt_time(t: float) -> str:
    # To the millisecond, without trailing zeros: 0.1 * 3 reads "0.3" beside "0.4", not "0.300".
    return f"{t:.3f}".rstrip("0").rstrip(".")


def describe_wait(tracer: Tracer, task: Any, chain: list[FrameType],
                  loop_time: float) -> tuple[str, str, list[str], float | None]:
    """(awaits, wait kind, awaited task/future ids, until) for a task that just yielded."""
    waits: list[Any] = []  # known waits below the innermost user frame, outermost first
    for frame in chain:
        code = frame.f_code
        if code.co_filename == tracer.filename:
            waits.clear()
        elif id(code) in _KNOWN_WAITS:
            waits.append((frame, *_KNOWN_WAITS[id(code)]))
    return _describe_known(tracer, waits, loop_time) or _describe_waiter(tracer, task, loop_time)


def _describe_known(tracer: Tracer, waits: list[tuple[FrameType, Any, bool]],
                    loop_time: float) -> tuple[str, str, list[str], float | None] | None:
    """The description of the wait the program called: the outermost of asyncio's waits
    that are made of other waits (Queue.join waits on an Event inside it), else the
    innermost known wait (wait_for(sleep(5)) is a sleep until t=5).
    `waits`: (frame, describer, composite) per known wait, outermost first."""
    if len(waits) == 1:  # the common case: one wait (sleep, Semaphore.acquire, Queue.get)
        frame, describe, _ = waits[0]
        return describe(tracer, frame.f_locals, loop_time)  # type: ignore[no-any-return]
    for frame, describe, composite in waits:
        if composite:
            described = describe(tracer, frame.f_locals, loop_time)
            if described is not None:
                return described  # type: ignore[no-any-return]
    for frame, describe, _ in reversed(waits):
        described = describe(tracer, frame.f_locals, loop_time)
        if described is not None:
            return described  # type: ignore[no-any-return]
    return None


def suspension(tracer: Tracer, task: Any, loop_time: float, name: str) -> tuple[Any, ...]:
    """The suspend record of a task that just yielded, in one walk down its await chain:
    ("suspend", now, parked line, id, awaits, wait kind, awaited ids, until, chain).
    The same answers as await_chain + describe_wait + parked_line (which the deadlock
    message uses) in one walk: this runs at every suspension, so it spends few calls."""
    user_file = tracer.filename
    wire: list[tuple[str, int, bool]] = []
    parked: int | None = None
    waits: list[tuple[FrameType, Any, bool]] | None = None  # known waits below the innermost user frame
    obj = task.get_coro()
    depth = 0
    while obj is not None and depth < 64:
        kind = type(obj)
        if kind is CoroutineType:
            frame = obj.cr_frame
            below = obj.cr_await
        elif kind is _FutureIter:  # the future at the bottom of nearly every chain
            break
        else:
            frame = getattr(obj, "cr_frame", None) or getattr(obj, "gi_frame", None)
            below = getattr(obj, "cr_await", None) or getattr(obj, "gi_yieldfrom", None)
        if frame is None:
            break
        depth += 1
        code = frame.f_code
        lineno = frame.f_lineno
        qualname = code.co_qualname
        if code.co_filename == user_file:
            wire.append((qualname, lineno, True))
            parked = lineno
            waits = None
        else:
            wire.append((qualname, lineno, False))
            # The name first: a set lookup spares the id() call for most frames.
            if qualname in _KNOWN_QUALNAMES:
                known = _KNOWN_WAITS.get(id(code))
                if known is not None:
                    if waits is None:
                        waits = []
                    waits.append((frame, *known))
        obj = below
    described = None
    if waits is not None:
        if len(waits) == 1 and waits[0][1] is _sleep:
            record = _sleep_record(waits[0][0], loop_time, parked, name, wire)
            if record is not None:
                return record
        described = _describe_known(tracer, waits, loop_time)
    if described is None:
        described = _describe_waiter(tracer, task, loop_time)
    awaits, kind_, on, until = described
    return ("suspend", loop_time, parked, name, awaits, kind_, on, until, wire)


def _describe_waiter(tracer: Tracer, task: Any,
                     loop_time: float) -> tuple[str, str, list[str], float | None]:
    """What the task's future waiter is, when no known asyncio wait is on its chain."""
    waiter = getattr(task, "_fut_waiter", None)
    if waiter is None:
        return ("yield to the loop (back in the ready queue)", "sleep", [], loop_time)
    label = tracer.future_label(waiter)
    if isinstance(waiter, _Task):
        return (label, "task", [label], None)
    children = getattr(waiter, "_children", None)
    if children is not None:  # the future behind gather()
        names = _names(tracer, children)
        return (f"gather({_some(names)})", "gather", names, None)
    return (label, "future", [label], None)


# What a task parked in one of asyncio's waits awaits, read from that coroutine's locals:
# (awaits, wait kind, awaited task/future ids, until), or None to look further out.
Described = tuple[str, str, list[str], float | None] | None


def _sleep(tracer: Tracer, loc: Any, now: float) -> Described:
    handle = loc.get("h")
    delay = loc.get("delay", 0)
    if handle is None:
        return (f"sleep({_fmt_num(delay)}): yield to the loop", "sleep", [], now)
    until = handle.when()
    return (f"sleep({_fmt_num(delay)}) until t={_fmt_time(until)}", "sleep", [], until)


def _sleep_record(frame: FrameType, now: float, parked: int | None, name: str,
                  wire: list[tuple[str, int, bool]]) -> tuple[Any, ...] | None:
    """A task parked in asyncio.sleep with its timer set, as the compact "S" record: the
    numbers only; src/trace/wire.ts writes the words _sleep would (formatting floats is
    slow here). A delay that is not a float goes as the text _fmt_num makes of it."""
    loc = frame.f_locals
    handle = loc.get("h")
    if handle is None:
        return None
    delay = loc.get("delay", 0)
    return ("S", now, parked, name, delay if type(delay) is float else _fmt_num(delay),
            handle.when(), wire)


def _request(tracer: Tracer, loc: Any, now: float) -> Described:
    handle = loc.get("handle")
    until = handle.when() if handle is not None else None
    return (str(loc.get("what", "a request")), "io", [], until)


def _queue(what: Any) -> Any:
    def describe(tracer: Tracer, loc: Any, now: float) -> Described:
        q = loc.get("self")
        size = q.qsize() if q is not None else 0
        return (f"{type(q).__name__}.{what[0]} ({what[1](q)}, {size} items)", "queue", [], None)
    return describe


def _lock(tracer: Tracer, loc: Any, now: float) -> Described:
    waiters = len(getattr(loc.get("self"), "_waiters", None) or ())
    return (f"Lock.acquire (held, {waiters} waiting)", "lock", [], None)


def _semaphore(tracer: Tracer, loc: Any, now: float) -> Described:
    sem = loc.get("self")
    waiters = len(getattr(sem, "_waiters", None) or ())
    left = getattr(sem, "_value", 0)
    return (f"{type(sem).__name__}.acquire ({left} left, {waiters} waiting)", "semaphore", [], None)


def _barrier(tracer: Tracer, loc: Any, now: float) -> Described:
    barrier = loc.get("self")
    parties = getattr(barrier, "_parties", "?")
    # Counted once this task is in: _count includes it while the barrier fills.
    arrived = getattr(barrier, "_count", "?")
    return (f"Barrier.wait ({arrived} of {parties} arrived)", "other", [], None)


def _natural(name: str) -> list[Any]:
    """Task-2 before Task-10."""
    return [int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", name))]


def _as_completed(tracer: Tracer, loc: Any, now: float) -> Described:
    # The futures not finished yet; a set, so sorted for the same order in every run.
    todo = getattr(loc.get("self"), "_todo", None) or ()
    return ("as_completed: the next one to finish", "wait", sorted(_names(tracer, todo), key=_natural), None)


def _fixed(text: str, kind: str) -> Any:
    answer = (text, kind, [], None)
    return lambda tracer, loc, now: answer


def _wait(tracer: Tracer, loc: Any, now: float) -> Described:
    # asyncio.wait keeps its futures in a set: sorted, they read in the order they were made.
    names = sorted(_names(tracer, loc.get("fs") or ()), key=_natural)
    mode = loc.get("return_when", "ALL_COMPLETED")
    timeout = loc.get("timeout")
    extra = f", timeout={timeout!r}" if timeout is not None else ""
    return (f"wait({len(names)} {'task' if len(names) == 1 else 'tasks'}, {mode}{extra})",
            "wait", names, None)


def _wait_for(tracer: Tracer, loc: Any, now: float) -> Described:
    fut = loc.get("fut")
    target = [tracer.future_label(fut)] if isinstance(fut, _Future) else []
    what = target[0] if target else "a coroutine"
    return (f"wait_for({what}, timeout={loc.get('timeout')!r})", "wait_for", target, None)


def _taskgroup(tracer: Tracer, loc: Any, now: float) -> Described:
    names = sorted(_names(tracer, getattr(loc.get("self"), "_tasks", ()) or ()), key=_natural)  # a set
    return (f"TaskGroup exit ({len(names)} running)", "taskgroup", names, None)


def _known_waits() -> dict[CodeType, Any]:
    """The asyncio coroutines a task can be parked in, each with how to describe it."""
    from asyncio import locks, queues, taskgroups, tasks
    from .simio import request_in_flight
    found: dict[Any, Any] = {
        tasks.sleep: _sleep, request_in_flight: _request,
        queues.Queue.get: _queue(("get", lambda q: "empty")),
        queues.Queue.put: _queue(("put", lambda q: f"full, maxsize={getattr(q, 'maxsize', '?')}")),
        queues.Queue.join: _queue(("join", lambda q: f"{getattr(q, '_unfinished_tasks', '?')} unfinished")),
        locks.Lock.acquire: _lock, locks.Semaphore.acquire: _semaphore,
        locks.Event.wait: _fixed("Event.wait (not set)", "event"),
        locks.Condition.wait: _fixed("Condition.wait (until notified)", "condition"),
        locks.Condition.wait_for: _fixed("Condition.wait_for (until notified)", "condition"),
        locks.Barrier.wait: _barrier,
        tasks._wait: _wait, tasks.wait_for: _wait_for,
        taskgroups.TaskGroup.__aexit__: _taskgroup,
        getattr(taskgroups.TaskGroup, "_aexit", None): _taskgroup,
    }
    as_completed = getattr(tasks, "_AsCompletedIterator", None)
    if as_completed is not None:
        found[getattr(as_completed, "_wait_for_one", None)] = _as_completed
    return {f.__code__: describe for f, describe in found.items()
            if f is not None and hasattr(f, "__code__")}


def _composite_waits() -> frozenset[int]:
    """asyncio's waits built from other waits: what the program called is the outer one
    (Queue.join over Event.wait, Barrier.wait and Condition.wait_for over Condition.wait,
    as_completed over Queue.get)."""
    from asyncio import locks, queues, tasks
    as_completed = getattr(tasks, "_AsCompletedIterator", None)
    found = [queues.Queue.join, locks.Barrier.wait, locks.Condition.wait_for,
             getattr(as_completed, "_wait_for_one", None)]
    return frozenset(id(f.__code__) for f in found if f is not None and hasattr(f, "__code__"))


def _future_iter_type() -> Any:
    """The type of what `await future` awaits (C asyncio's FutureIter), or None."""
    class _Loop:
        def get_debug(self) -> bool:
            return False
    try:
        return type(_Future(loop=_Loop()).__await__())  # type: ignore[arg-type]
    except Exception:
        return None


_WAIT_CODES = _known_waits()
# The same by the id of the code object, with whether it is composite: a dict lookup per
# frame. Ids, not the code objects: hashing a code object walks its bytecode (about 1.5 µs
# in Pyodide). The functions live as long as asyncio, so the ids stay valid.
_COMPOSITE_IDS = _composite_waits()
_KNOWN_WAITS: dict[int, tuple[Any, bool]] = {
    id(code): (describe, id(code) in _COMPOSITE_IDS) for code, describe in _WAIT_CODES.items()}
# Their names: a cheap first test for each frame of a chain (a name may be the program's too).
_KNOWN_QUALNAMES = frozenset(code.co_qualname for code in _WAIT_CODES)
_FutureIter = _future_iter_type()


def callback_label(tracer: Tracer, callback: Any, args: tuple[Any, ...]) -> str:
    if type(callback) is FunctionType and len(args) == 1:
        # The common case (gather's and the program's done callbacks), in fewer calls: a
        # function has no __self__, and its __qualname__ is a string.
        name = callback.__qualname__ or callback.__name__ or "function"
        return f"{name}({short_repr(tracer, args[0])})"
    if isinstance(callback, functools.partial):
        return f"partial {callback_label(tracer, callback.func, tuple(callback.args) + args)}"
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None) \
        or type(callback).__name__
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, _Future):
        name = f"{tracer.future_label(owner)}.{getattr(callback, '__name__', name)}"
    shown = ", ".join(short_repr(tracer, a) for a in args)
    return f"{name}({shown})"

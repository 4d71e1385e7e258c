"""What the virtual loop tells the tracer: the trace half of VirtualEventLoop."""
from __future__ import annotations

import asyncio
import functools
import os
from asyncio import futures
from weakref import ref as _ref
from types import FunctionType
from typing import Any

from . import simio
from .describe import callback_label, short_repr, suspension

# The real classes, bound once: a legacy program's `asyncio.Task` is a stand-in
# (legacy.py), and these checks run for nearly every event.
_Task = asyncio.tasks.Task
_Future = asyncio.futures.Future
_sleep_timer = futures._set_result_unless_cancelled  # asyncio.sleep's timer callback


class LoopTraceMixin:
    _tracer: Any
    _world: Any
    _loop_id: int

    def _trace_loop(self, action: str) -> None:
        t = self._tracer
        t.emit("loop", t.user_line(3), action, self._loop_id)

    # The commonest events go out as compact records (see COMPACT in trace.py): the
    # labels, causes and lines they would repeat are rebuilt by src/trace/wire.ts from
    # what it has already seen, which is far cheaper there than here.

    def _trace_schedule(self, handle: Any, queue: str, when: float | None) -> None:
        t = self._tracer
        cb = handle._callback
        # `type(x) is C or isinstance(x, C)` below: the exact type, the common case, is
        # tested without a call.
        owner = None if type(cb) is FunctionType else getattr(cb, "__self__", None)
        line = t.user_line(3)
        if queue == "ready" and (type(owner) is _Task or isinstance(owner, _Task)):
            # A task's step, the commonest schedule of all: inline, and in few operations.
            world = self._world
            running = world.running_task
            if running is not None and not world.running_task_reported and running.done():
                world.running_task_reported = True
                _emit_task_done(t, running)
            name = handle._target = t._names_by_ref.get(_ref(owner))
            if name is None:
                self._trace_new_task(handle, owner, line)
                return
            args = handle._args
            if args and (type(args[0]) is _Future or isinstance(args[0], _Future)):
                cause = "x" if args[0].cancelled() else "w"
                if cause == "x" and owner.cancelling():
                    t.emit("cancel", line, name, t.task,
                           _str_or_none(getattr(args[0], "_cancel_message", None)))
            else:
                cause = "y" if t.task == name else "s"
            record: tuple[Any, ...] = ("s", t.clock.now, line, handle._hid, name, cause)
        else:
            args = handle._args
            handle._target = None
            if cb is _sleep_timer and when is not None:
                now = t.clock.now
                record = ("z", now, line, handle._hid, when, when - now)
            else:
                target = None
                if cb is simio.deliver:
                    label = f"response arrives: {args[2]}"
                    cause = f"{t.task or 'top level'} sent {args[2]}"
                elif isinstance(owner, _Task):  # a task step on a timer
                    target = handle._target = t.task_name(owner) or t.register_task(owner)
                    label = t.step_label(target)
                    cause = _schedule_cause(t, line)
                else:
                    label = callback_label(t, cb, args)
                    cause = _schedule_cause(t, line)
                t.put(("schedule", t.clock.now, line, handle._hid, queue, when, label, cause, target))
                return
        t.put(record)

    def _trace_new_task(self, handle: Any, task: Any, line: int | None) -> None:
        t = self._tracer
        name = handle._target = t.register_task(task)
        coro = task.get_coro()
        qualname = getattr(coro, "__qualname__", type(coro).__name__)
        t.put(("n", t.clock.now, line, handle._hid, name, qualname, qualname in _RUNNER_HOUSEKEEPING))
        if not t.stopped:
            t.seq += 1  # it stands for two events: the count (and its limit) is of events

    def _trace_unschedule(self, handle: Any) -> None:
        if self._tracer.enabled:
            t = self._tracer
            # A timer that came due waits in the ready queue with _scheduled cleared.
            queue = "timer" if getattr(handle, "_scheduled", False) else "ready"
            t.emit("unschedule", t.user_line(3), handle._hid, queue, t.task)

    def _run_traced(self, handle: Any) -> None:
        # The loop calls this only while tracing and not stopped (_run_once checks the
        # budget first), so a task step's records go in without put's checks (below).
        t = self._tracer
        world = self._world
        t.line_now = None  # the callback's code is not where the last line ran
        name = handle._target
        if name is None:
            t.put(("c", t.clock.now, None, handle._hid))
            cb = handle._callback
            # asyncio.sleep's timer, the commonest plain callback, is asyncio's own code.
            t.user_code_on_stack = cb is not _sleep_timer and _is_user_code(t, cb)
            try:
                handle._run()
            finally:
                t.user_code_on_stack = True
                if world.output.pending:
                    world.flush_output()
            return
        owner = handle._callback.__self__
        t.task = name  # t.enter_task(name), inline: once per task step
        world.running_task = owner
        world.running_task_reported = False
        args = handle._args
        by = args[0] if args else None
        value = exc = msg = None
        cancel = owner._must_cancel
        if cancel:
            msg = _str_or_none(owner._cancel_message)
        if by is not None and (type(by) is _Future or isinstance(by, _Future)) and by.done():
            if by.cancelled():
                exc = "CancelledError()"
            elif by._exception is not None:
                exc = short_repr(t, by._exception)
            else:
                # What sleep's and the locks' futures resolve to, without a call.
                result = by._result
                if result is None:
                    value = "None"
                elif result is True:
                    value = "True"
                else:
                    value = short_repr(t, result)
        # Tracer.put, inline: a context record always goes first (the step's task is new),
        # and the one record stands for two or three events.
        buf = t._buf
        buf.append(("@", t.it, name))
        buf.append(("r", t.clock.now, None, handle._hid, cancel, msg, value, exc))
        t._context_changed = False
        t.seq += 3 if cancel else 2  # callback (+ cancel) + resume
        if t.seq >= t._check_at:
            t._check()
        try:
            handle._run()
        finally:
            if world.output.pending:
                world.flush_output()
            if owner.done():
                if not world.running_task_reported:
                    _emit_task_done(t, owner, name)
            elif not t.stopped:
                t.put(suspension(t, owner, t.clock.now, name))
            world.running_task = None
            t.task = None
            t._context_changed = True

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        t = self._tracer
        message = str(context.get("message", "Unhandled exception in event loop"))
        exc = context.get("exception")
        if exc is not None:
            message = f"{message}: {type(exc).__name__}: {exc}"
        t.emit("warning", t.user_line(2), "asyncio", message, False)
        super().call_exception_handler(context)  # type: ignore[misc]


_LIBRARY_DIRS = (os.path.dirname(asyncio.__file__), os.path.dirname(__file__))

# Tasks asyncio.run starts on its own while closing the loop.
_RUNNER_HOUSEKEEPING = frozenset({"BaseEventLoop.shutdown_asyncgens",
                                  "BaseEventLoop.shutdown_default_executor",
                                  "VirtualEventLoop.shutdown_default_executor"})


def _emit_task_done(t: Any, task: Any, name: str | None = None) -> None:
    if name is None:
        name = t.task_name(task) or t.register_task(task)
    if task.cancelled():
        t.put(("task-done", t.clock.now, None, name, "cancelled", None, "CancelledError()"))
    elif task._exception is not None:
        t.put(("task-done", t.clock.now, None, name, "failed", None, short_repr(t, task._exception)))
    else:
        t.put(("task-done", t.clock.now, None, name, "done", short_repr(t, task._result), None))


def _is_user_code(t: Any, callback: Any) -> bool:
    if type(callback) is FunctionType:  # the common case (timers, done callbacks): no unwrapping
        filename = callback.__code__.co_filename
    else:
        while isinstance(callback, functools.partial):
            callback = callback.func
        code = getattr(callback, "__code__", None)
        # Callables without Python code of their own (builtins, C methods) may still call
        # back into the program, so only asyncio's and our own Python code is ruled out.
        if code is None:
            return True
        filename = code.co_filename
    return filename == t.filename or not filename.startswith(_LIBRARY_DIRS)  # type: ignore[no-any-return]


def _schedule_cause(t: Any, line: int | None) -> str:
    who = t.task or "top level"
    return f"scheduled by {who}" + (f" at line {line}" if line else "")


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)

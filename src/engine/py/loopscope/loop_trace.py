"""What the virtual loop tells the tracer: the trace half of VirtualEventLoop."""
from __future__ import annotations

import asyncio
import functools
import os
from asyncio import futures
from typing import Any

from . import simio
from .describe import (await_chain, callback_label, chain_for_wire, describe_wait, parked_line,
                       short_repr, short_wait)


class LoopTraceMixin:
    _tracer: Any
    _world: Any
    _loop_id: int

    def _trace_loop(self, action: str) -> None:
        t = self._tracer
        t.emit("loop", t.user_line(3), action, self._loop_id)

    def _trace_schedule(self, handle: Any, queue: str, when: float | None) -> None:
        t = self._tracer
        cb = handle._callback
        args = handle._args
        owner = getattr(cb, "__self__", None)
        line = t.user_line(3)
        if isinstance(owner, asyncio.Task):
            self._trace_task_schedule(handle, owner, args, line)
            return
        if cb is simio.deliver:
            label = f"response arrives: {args[2]}"
            cause = f"{t.task or 'top level'} sent {args[2]}"
        elif cb is futures._set_result_unless_cancelled and when is not None:
            delay = when - self.time()  # type: ignore[attr-defined]
            who = t.task or "top level"
            label = f"sleep({delay:g}) timer of {who}"
            cause = f"{who} awaits asyncio.sleep({delay:g})"
        else:
            label = callback_label(t, cb, args)
            cause = _schedule_cause(t, line)
        t.emit("schedule", line, handle._hid, queue, when, label, cause, None)

    def _trace_task_schedule(self, handle: Any, task: Any, args: Any, line: int | None) -> None:
        t = self._tracer
        self._report_finished_running_task()
        name = t.task_name(task)
        if name is None:
            name = t.register_task(task)
            coro = task.get_coro()
            qualname = getattr(coro, "__qualname__", type(coro).__name__)
            t.emit("task-created", line, name, qualname, t.task, qualname in _RUNNER_HOUSEKEEPING)
            cause = f"created by {t.task}" if t.task else "created at top level"
        elif args and isinstance(args[0], asyncio.Future):
            fut = args[0]
            what = self._world.awaiting.get(name) or t.future_label(fut)
            if fut.cancelled():
                if task.cancelling():
                    t.emit("cancel", line, name, t.task,
                           _str_or_none(getattr(fut, "_cancel_message", None)))
                cause = f"{what} cancelled → wake {name}"
            else:
                cause = f"{what} done → wake {name}"
        elif t.task == name:
            cause = f"{name} yielded to the loop"
        else:
            cause = f"{name} step"
        t.emit("schedule", line, handle._hid, "ready", None, t.step_label(name), cause, name)

    def _trace_unschedule(self, handle: Any) -> None:
        if self._tracer.enabled:
            t = self._tracer
            # A timer that came due waits in the ready queue with _scheduled cleared.
            queue = "timer" if getattr(handle, "_scheduled", False) else "ready"
            t.emit("unschedule", t.user_line(3), handle._hid, queue, t.task)

    def _trace_timer_due(self, handle: Any) -> None:
        t = self._tracer
        owner = getattr(handle._callback, "__self__", None)
        target = t.task_name(owner) if isinstance(owner, asyncio.Task) else None
        t.emit("schedule", None, handle._hid, "ready", None, _label_of(t, handle),
               f"timer due at t={handle._when:g}", target)

    def _report_finished_running_task(self) -> None:
        """A finishing task schedules its done-callbacks before its step returns;
        report it done first, so the trace reads in the order a person explains it."""
        running = self._world.running_task
        if running is not None and running.done() and not self._world.running_task_reported:
            self._world.running_task_reported = True
            _emit_task_done(self._tracer, running)

    def _run_traced(self, handle: Any) -> None:
        t = self._tracer
        world = self._world
        cb = handle._callback
        owner = getattr(cb, "__self__", None)
        if not isinstance(owner, asyncio.Task):
            t.emit("callback", None, handle._hid, _label_of(t, handle), None)
            t.user_code_on_stack = _is_user_code(t, cb)
            try:
                handle._run()
            finally:
                t.user_code_on_stack = True
                if world.output.pending:
                    world.flush_output()
            return
        name = t.task_name(owner) or t.register_task(owner)
        t.enter_task(name)
        world.running_task = owner
        world.running_task_reported = False
        resume_line = world.parked_line.pop(name, None)
        t.emit("callback", resume_line, handle._hid, t.step_label(name), name)
        by = handle._args[0] if handle._args else None
        if getattr(owner, "_must_cancel", False):
            t.emit("cancel", resume_line, name, None,
                   _str_or_none(getattr(owner, "_cancel_message", None)))
        value = exc = None
        if isinstance(by, asyncio.Future) and by.done():
            if by.cancelled():
                exc = "CancelledError()"
            elif by._exception is not None:
                exc = short_repr(t, by._exception)
            else:
                value = short_repr(t, by._result)
        awaited = world.awaiting.pop(name, None)
        if awaited is None and isinstance(by, asyncio.Future):
            awaited = t.future_label(by)
        t.emit("resume", resume_line, name, awaited, value, exc)
        try:
            handle._run()
        finally:
            if world.output.pending:
                world.flush_output()
            if owner.done():
                if not world.running_task_reported:
                    _emit_task_done(t, owner)
            else:
                self._trace_suspend(owner, name)
            world.running_task = None
            t.enter_task(None)

    def _trace_suspend(self, task: Any, name: str) -> None:
        t = self._tracer
        chain = await_chain(task)
        awaits, kind, on, until = describe_wait(t, task, chain, self.time())  # type: ignore[attr-defined]
        line = parked_line(chain, t.filename)
        if line is not None:
            self._world.parked_line[name] = line
        self._world.awaiting[name] = short_wait(awaits)
        t.emit("suspend", line, name, awaits, kind, on, until, chain_for_wire(chain, t.filename))

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
                                  "BaseEventLoop.shutdown_default_executor"})


def _emit_task_done(t: Any, task: Any) -> None:
    name = t.task_name(task) or t.register_task(task)
    if task.cancelled():
        t.emit("task-done", None, name, "cancelled", None, "CancelledError()")
    elif task._exception is not None:
        t.emit("task-done", None, name, "failed", None, short_repr(t, task._exception))
    else:
        t.emit("task-done", None, name, "done", short_repr(t, task._result), None)


def _is_user_code(t: Any, callback: Any) -> bool:
    while isinstance(callback, functools.partial):
        callback = callback.func
    code = getattr(callback, "__code__", None)
    # Callables without Python code of their own (builtins, C methods) may still call
    # back into the program, so only asyncio's and our own Python code is ruled out.
    return code is None or code.co_filename == t.filename or not (
        code.co_filename.startswith(_LIBRARY_DIRS))


def _label_of(t: Any, handle: Any) -> str:
    owner = getattr(handle._callback, "__self__", None)
    if isinstance(owner, asyncio.Task):
        return t.step_label(t.task_name(owner))
    if handle._callback is futures._set_result_unless_cancelled:
        return "sleep timer"
    if handle._callback is simio.deliver:
        return f"response arrives: {handle._args[2]}"
    return callback_label(t, handle._callback, handle._args)


def _schedule_cause(t: Any, line: int | None) -> str:
    who = t.task or "top level"
    return f"scheduled by {who}" + (f" at line {line}" if line else "")


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)

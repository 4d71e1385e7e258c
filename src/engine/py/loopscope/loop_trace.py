"""What the virtual loop tells the tracer: the trace half of VirtualEventLoop."""
from __future__ import annotations

import asyncio
from asyncio import futures
from typing import Any

from .describe import await_chain, callback_label, describe_wait, short_repr


class LoopTraceMixin:
    _tracer: Any
    _world: Any
    _loop_id: int

    def _trace_loop(self, action: str) -> None:
        t = self._tracer
        t.emit("loop", t.user_line(3), action=action, loop=self._loop_id)

    def _trace_schedule(self, handle: Any, queue: str, when: float | None) -> None:
        t = self._tracer
        cb = handle._callback
        args = handle._args
        owner = getattr(cb, "__self__", None)
        line = t.user_line(3)
        if isinstance(owner, asyncio.Task):
            self._trace_task_schedule(handle, owner, args, line)
            return
        if cb is futures._set_result_unless_cancelled and when is not None:
            delay = when - self.time()  # type: ignore[attr-defined]
            who = t.task or "top level"
            label = f"sleep({delay:g}) timer of {who}"
            cause = f"{who} awaits asyncio.sleep({delay:g})"
        else:
            label = callback_label(t, cb, args)
            cause = _schedule_cause(t, cb, line)
        t.emit("schedule", line, handle=handle._hid, queue=queue, when=when,
               label=label, cause=cause, target=None)

    def _trace_task_schedule(self, handle: Any, task: Any, args: Any, line: int | None) -> None:
        t = self._tracer
        self._report_finished_running_task()
        name = t.task_name(task)
        if name is None:
            name = t.register_task(task)
            coro = task.get_coro()
            qualname = getattr(coro, "__qualname__", type(coro).__name__)
            t.emit("task-created", line, id=name, coro=qualname, parent=t.task,
                   internal=qualname in _RUNNER_HOUSEKEEPING)
            cause = f"created by {t.task}" if t.task else "created at top level"
        elif args and isinstance(args[0], asyncio.Future):
            fut = args[0]
            what = t.future_label(fut)
            if fut.cancelled():
                if task.cancelling():
                    t.emit("cancel", line, id=name, by=t.task,
                           msg=_str_or_none(getattr(fut, "_cancel_message", None)))
                cause = f"{what} cancelled → wake {name}"
            else:
                cause = f"{what} done → wake {name}"
        elif t.task == name:
            cause = f"{name} yielded to the loop"
        else:
            cause = f"{name} step"
        t.emit("schedule", line, handle=handle._hid, queue="ready", when=None,
               label=f"Task {name} step", cause=cause, target=name)

    def _trace_timer_due(self, handle: Any) -> None:
        t = self._tracer
        owner = getattr(handle._callback, "__self__", None)
        target = t.task_name(owner) if isinstance(owner, asyncio.Task) else None
        t.emit("schedule", None, handle=handle._hid, queue="ready", when=None,
               label=_label_of(t, handle), cause=f"timer due at t={handle._when:g}", target=target)

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
            t.emit("callback", None, handle=handle._hid, label=_label_of(t, handle), target=None)
            world.flush_output()
            handle._run()
            world.flush_output()
            return
        name = t.task_name(owner) or t.register_task(owner)
        t.task = name
        world.running_task = owner
        world.running_task_reported = False
        resume_line = world.parked_line.pop(name, None)
        t.emit("callback", resume_line, handle=handle._hid, label=f"Task {name} step", target=name)
        by = handle._args[0] if handle._args else None
        if getattr(owner, "_must_cancel", False):
            t.emit("cancel", resume_line, id=name, by=None,
                   msg=_str_or_none(getattr(owner, "_cancel_message", None)))
        value = exc = None
        if isinstance(by, asyncio.Future) and by.done():
            if by.cancelled():
                exc = "CancelledError()"
            elif by._exception is not None:
                exc = short_repr(t, by._exception)
            else:
                value = short_repr(t, by._result)
        t.emit("resume", resume_line, id=name,
               by=t.future_label(by) if isinstance(by, asyncio.Future) else None,
               value=value, exc=exc)
        try:
            handle._run()
        finally:
            world.flush_output()
            if owner.done():
                if not world.running_task_reported:
                    _emit_task_done(t, owner)
            else:
                self._trace_suspend(owner, name)
            world.running_task = None
            t.task = None

    def _trace_suspend(self, task: Any, name: str) -> None:
        t = self._tracer
        chain = await_chain(t, task)
        awaits, kind, on, until = describe_wait(t, task, chain, self.time())  # type: ignore[attr-defined]
        line = next((f["line"] for f in reversed(chain) if f["user"]), None)
        if line is not None:
            self._world.parked_line[name] = line
        for f in chain:
            del f["_frame"]
        t.emit("suspend", line, id=name, awaits=awaits, wait=kind, on=on, until=until, chain=chain)

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        t = self._tracer
        message = str(context.get("message", "Unhandled exception in event loop"))
        exc = context.get("exception")
        if exc is not None:
            message = f"{message}: {type(exc).__name__}: {exc}"
        t.emit("warning", t.user_line(2), category="asyncio", message=message, legacy=False)
        super().call_exception_handler(context)  # type: ignore[misc]


# Tasks asyncio.run starts on its own while closing the loop.
_RUNNER_HOUSEKEEPING = frozenset({"BaseEventLoop.shutdown_asyncgens",
                                  "BaseEventLoop.shutdown_default_executor"})


def _emit_task_done(t: Any, task: Any) -> None:
    name = t.task_name(task) or t.register_task(task)
    if task.cancelled():
        t.emit("task-done", None, id=name, state="cancelled", result=None, exc="CancelledError()")
    elif task._exception is not None:
        t.emit("task-done", None, id=name, state="failed", result=None,
               exc=short_repr(t, task._exception))
    else:
        t.emit("task-done", None, id=name, state="done", result=short_repr(t, task._result), exc=None)


def _label_of(t: Any, handle: Any) -> str:
    owner = getattr(handle._callback, "__self__", None)
    if isinstance(owner, asyncio.Task):
        return f"Task {t.task_name(owner)} step"
    if handle._callback is futures._set_result_unless_cancelled:
        return "sleep timer"
    return callback_label(t, handle._callback, handle._args)


def _schedule_cause(t: Any, cb: Any, line: int | None) -> str:
    who = t.task or "top level"
    return f"scheduled by {who}" + (f" at line {line}" if line else "")


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)

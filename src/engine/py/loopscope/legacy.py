"""Idioms from older tutorials that Python 3.14 rejects, run with a "legacy API" notice.

Each shim does what the old Python did, records a `warning` event with legacy=True that
names the modern form, and is installed only for the length of a run.
"""
from __future__ import annotations

import asyncio
import functools
import io
import tokenize
import types
from typing import Any, Callable

from .trace import Tracer

# Functions that lost their `loop=` parameter in Python 3.10.
_LOOP_PARAM_REMOVED = ("sleep", "gather", "wait", "wait_for", "as_completed", "shield")


class LegacyPatch:
    def __init__(self, tracer: Tracer, source: str = "") -> None:
        self._tracer = tracer
        self._saved: dict[str, Any] = {}
        self._told: set[str] = set()
        # The Task class with all_tasks/current_task costs an isinstance hook on every
        # check, so only programs that call them get it.
        self._task_methods = "all_tasks" in source or "current_task" in source

    def notice(self, key: str, message: str) -> None:
        """One notice per idiom per run, at the line that used it."""
        if key in self._told:
            return
        self._told.add(key)
        t = self._tracer
        t.record("warning", t.user_line(3), "LegacyAPI", message, True)

    def install(self) -> None:
        for name in _LOOP_PARAM_REMOVED:
            self._replace(name, self._drop_loop_argument(name, getattr(asyncio, name)))
        self._replace("wait", self._wait_accepting_coroutines(asyncio.wait))
        if not hasattr(asyncio, "coroutine"):
            self._replace("coroutine", self._coroutine_decorator)
        if self._task_methods:
            self._replace("Task", _legacy_task_class(self))

    def uninstall(self) -> None:
        for name, original in self._saved.items():
            if original is None:
                delattr(asyncio, name)
            else:
                setattr(asyncio, name, original)
        self._saved.clear()

    def _replace(self, name: str, shim: Callable[..., Any]) -> None:
        self._saved.setdefault(name, getattr(asyncio, name, None))
        setattr(asyncio, name, shim)

    def _drop_loop_argument(self, name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def shim(*args: Any, **kwargs: Any) -> Any:
            if "loop" in kwargs:
                kwargs.pop("loop")
                self.notice(f"loop={name}", (
                    f"asyncio.{name}(..., loop=...): the loop argument was removed in Python "
                    "3.10 (TypeError since). Loopscope ignored it. Modern form: leave it out; "
                    "asyncio uses the running loop."))
            return original(*args, **kwargs)
        return shim

    def _wait_accepting_coroutines(self, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def wait(fs: Any, *args: Any, **kwargs: Any) -> Any:
            # Checked when called, not when awaited: the notice belongs to the program's line.
            fs = list(fs) if not isinstance(fs, (set, list, tuple)) else fs
            if any(asyncio.iscoroutine(f) for f in fs):
                self.notice("wait-coroutines", (
                    "asyncio.wait() was given coroutines: Python 3.11+ raises TypeError "
                    "(\"Passing coroutines is forbidden, use tasks explicitly.\"). Loopscope "
                    "wrapped each in a Task, as Python 3.7 did. Modern form: "
                    "asyncio.wait([asyncio.create_task(c) for c in coros])."))
                fs = [asyncio.ensure_future(f) for f in fs]
            order = {id(f): i for i, f in enumerate(fs)}
            return _in_order(original(fs, *args, **kwargs), order)
        return wait

    def _coroutine_decorator(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self.notice("coroutine-decorator", (
            "@asyncio.coroutine was removed in Python 3.11 (AttributeError). Loopscope ran the "
            "generator as a coroutine, with `yield from` as await. Modern form: `async def` "
            "and `await`."))
        generator_function = types.coroutine(func)

        # A native coroutine around the generator, so asyncio sees what it saw in 3.4-3.10:
        # something create_task, wait and gather accept.
        @functools.wraps(func)
        async def coroutine(*args: Any, **kwargs: Any) -> Any:
            return await generator_function(*args, **kwargs)

        return coroutine


def _legacy_task_class(patch: LegacyPatch) -> type:
    """asyncio.Task with the class methods Python 3.9 removed: all_tasks and current_task.

    The C Task type cannot take new attributes, so the program's `asyncio.Task` becomes
    a subclass whose isinstance/issubclass answer for the real Task, so every task the
    loop creates still passes `isinstance(t, asyncio.Task)`. asyncio itself keeps using
    the real class (it reaches it through asyncio.tasks, not the package attribute).
    """
    real = asyncio.tasks.Task

    class _TaskMeta(type):
        def __instancecheck__(cls, obj: Any) -> bool:
            return isinstance(obj, real)

        def __subclasscheck__(cls, sub: type) -> bool:
            return issubclass(sub, real)

    class Task(real, metaclass=_TaskMeta):  # type: ignore[misc, valid-type]
        @classmethod
        def all_tasks(cls, loop: Any = None) -> set[Any]:
            patch.notice("Task.all_tasks", (
                "asyncio.Task.all_tasks() was removed in Python 3.9 (AttributeError). "
                "Loopscope answered with asyncio.all_tasks(), which lists the tasks not yet "
                "done. Modern form: asyncio.all_tasks()."))
            return asyncio.all_tasks(loop or asyncio.get_event_loop())

        @classmethod
        def current_task(cls, loop: Any = None) -> Any:
            patch.notice("Task.current_task", (
                "asyncio.Task.current_task() was removed in Python 3.9 (AttributeError). "
                "Loopscope answered with asyncio.current_task(). Modern form: "
                "asyncio.current_task()."))
            return asyncio.current_task(loop)

    Task.__qualname__ = Task.__name__ = "Task"
    Task.__module__ = real.__module__
    return Task


def rewrite_old_syntax(source: str, tracer: Tracer) -> str:
    """`asyncio.async(...)`, the name of ensure_future before Python 3.4.4, has been a
    SyntaxError since `async` became a keyword (3.7). Run it as ensure_future, and say
    so at its line. Tokens, not text: a string or comment that mentions it is kept."""
    if "async(" not in source.replace(" ", ""):
        return source
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source  # compile will report what is wrong
    lines = source.splitlines(keepends=True)
    found: list[tuple[int, int]] = []
    for a, dot, name, paren in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
        if (a.string == "asyncio" and dot.string == "." and name.string == "async"
                and paren.string == "(" and name.start[0] == name.end[0]):
            found.append(name.start)
    for row, col in reversed(found):
        text = lines[row - 1]
        lines[row - 1] = text[:col] + "ensure_future" + text[col + len("async"):]
    for row, _ in found[:1]:
        tracer.record("warning", row, "LegacyAPI", (
            "asyncio.async() is a SyntaxError since Python 3.7 (async became a keyword); it "
            "was renamed asyncio.ensure_future() in 3.4.4. Loopscope ran it as "
            "ensure_future. Modern form: asyncio.create_task(coro)."), True)
    return "".join(lines)


async def _in_order(waiting: Any, order: dict[int, int]) -> tuple[set[Any], set[Any]]:
    done, pending = await waiting
    return _InOrder(done, order), _InOrder(pending, order)


class _InOrder(set):  # type: ignore[type-arg]
    """The sets asyncio.wait returns, iterated in the order the program listed the tasks.

    A plain set of tasks iterates by address, which differs from run to run and browser
    to browser; CPython promises no order, so this one is as valid, and a shared
    scenario replays identically. Everything else is the set's own behaviour.
    """

    def __init__(self, items: Any, order: dict[int, int]) -> None:
        super().__init__(items)
        self._order = order

    def __iter__(self) -> Any:
        order = self._order
        return iter(sorted(set.__iter__(self), key=lambda f: order.get(id(f), len(order))))

    def __repr__(self) -> str:
        return "{" + ", ".join(repr(f) for f in self) + "}" if self else "set()"

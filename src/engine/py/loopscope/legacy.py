"""Idioms from older tutorials that Python 3.14 rejects, run with a "legacy API" notice.

Each shim does what the old Python did, records a `warning` event with legacy=True that
names the modern form, and is installed only for the length of a run.
"""
from __future__ import annotations

import asyncio
import functools
import types
from typing import Any, Callable

from .trace import Tracer

# Functions that lost their `loop=` parameter in Python 3.10.
_LOOP_PARAM_REMOVED = ("sleep", "gather", "wait", "wait_for", "as_completed", "shield")


class LegacyPatch:
    def __init__(self, tracer: Tracer) -> None:
        self._tracer = tracer
        self._saved: dict[str, Any] = {}
        self._told: set[str] = set()

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
            fs = list(fs) if not isinstance(fs, (set, list, tuple)) else fs
            if any(asyncio.iscoroutine(f) for f in fs):
                self.notice("wait-coroutines", (
                    "asyncio.wait() was given coroutines: Python 3.11+ raises TypeError "
                    "(\"Passing coroutines is forbidden, use tasks explicitly.\"). Loopscope "
                    "wrapped each in a Task, as Python 3.7 did. Modern form: "
                    "asyncio.wait([asyncio.create_task(c) for c in coros])."))
                fs = {asyncio.ensure_future(f) for f in fs}
            return original(fs, *args, **kwargs)
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

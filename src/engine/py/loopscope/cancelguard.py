"""Keeps asyncio.run's clean-up from overflowing Pyodide's stack.

Cancelling a task cancels what it awaits, recursively in C: in a chain of tasks each
awaiting the next (a coroutine that awaits a task running itself, forever) the clean-up
recurses once per link. CPython raises RecursionError past about 10,000 links (3.13,
measured); Pyodide runs on V8's stack, which overflows at 3,000-6,000 and takes the
interpreter down with it. So the clean-up measures the chains first: past
MAX_CANCEL_DEPTH it raises the RecursionError CPython would raise, and a run already
stopped at a limit skips cancelling (it has said why it stopped; its tasks are dropped
quietly).
"""
from __future__ import annotations

from asyncio import runners
from typing import Any

MAX_CANCEL_DEPTH = 2_000


def deepest_wait_chain(tasks: Any) -> int:
    """The most links from any task down what it awaits (O(number of futures))."""
    known: dict[int, int] = {}
    deepest = 0
    for task in tasks:
        path, fut = [], task
        while fut is not None and id(fut) not in known:
            path.append(fut)
            fut = getattr(fut, "_fut_waiter", None)
        depth = 0 if fut is None else known[id(fut)]
        for link in reversed(path):
            depth += 1
            known[id(link)] = depth
        deepest = max(deepest, depth)
    return deepest


class CancelGuardPatch:
    def __init__(self, world: Any) -> None:
        self._world = world
        self._saved: Any = None

    def install(self) -> None:
        self._saved = original = runners._cancel_all_tasks  # type: ignore[attr-defined]
        tracer = self._world.tracer

        def cancel_all_tasks(loop: Any) -> None:
            tasks = runners.tasks.all_tasks(loop)
            if deepest_wait_chain(tasks) > MAX_CANCEL_DEPTH:
                # Left pending, each task would say so as it is destroyed, and its repr
                # names what it waits on: the same chain, recursing the same way.
                for task in tasks:
                    task._log_destroy_pending = False
                if tracer.stopped:
                    return
                raise RecursionError("maximum recursion depth exceeded while calling a Python object")
            original(loop)

        runners._cancel_all_tasks = cancel_all_tasks  # type: ignore[attr-defined]

    def uninstall(self) -> None:
        if self._saved is not None:
            runners._cancel_all_tasks = self._saved  # type: ignore[attr-defined]
            self._saved = None

"""`threading`, `queue` and `concurrent.futures` as the program sees them: the real
modules with the simulated threads, locks, queues and executors in place.

As with sockets (netmodules.py), only imports written in the program's own file are
redirected: asyncio and concurrent.futures themselves keep the real modules.
"""
from __future__ import annotations

import asyncio
import builtins
import concurrent
import concurrent.futures as _cf
import queue as _queue
import threading as _threading
from types import ModuleType
from typing import Any

from . import cfutures, executors, syncprims, threads


def _view(real: ModuleType, overrides: dict[str, Any]) -> ModuleType:
    view = ModuleType(real.__name__, real.__doc__)
    view.__dict__.update({k: v for k, v in vars(real).items() if k not in ("__loader__", "__spec__")})
    view.__dict__.update(overrides)
    return view


class _Timer(threads.Thread):
    """threading.Timer: a thread that sleeps, then calls (unless cancelled first)."""

    def __init__(self, interval: float, function: Any, args: Any = None, kwargs: Any = None) -> None:
        super().__init__()
        self.interval, self.function = interval, function
        self.args, self.kwargs = list(args or []), dict(kwargs or {})
        self.finished = syncprims.Event()

    def cancel(self) -> None:
        self.finished.set()

    def run(self) -> None:
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_Timer.__name__ = _Timer.__qualname__ = "Timer"


def _views() -> dict[str, ModuleType]:
    threading = _view(_threading, {
        "Thread": threads.Thread, "Timer": _Timer,
        "current_thread": threads.current_thread, "currentThread": threads.current_thread,
        "main_thread": threads.main_thread, "get_ident": threads.get_ident,
        "get_native_id": threads.get_ident, "enumerate": threads.enumerate_threads,
        "active_count": threads.active_count, "activeCount": threads.active_count,
        "Lock": syncprims.Lock, "RLock": syncprims.RLock, "Event": syncprims.Event,
        "Condition": syncprims.Condition, "Semaphore": syncprims.Semaphore,
        "BoundedSemaphore": syncprims.BoundedSemaphore,
    })
    queue = _view(_queue, {"Queue": syncprims.Queue, "LifoQueue": syncprims.LifoQueue,
                           "PriorityQueue": syncprims.PriorityQueue,
                           "SimpleQueue": syncprims.SimpleQueue})
    pools = {"ThreadPoolExecutor": executors.ThreadPoolExecutor,
             "ProcessPoolExecutor": executors.ProcessPoolExecutor}
    futures = _view(_cf, {**pools, "Future": executors.Future, "wait": cfutures.wait,
                          "as_completed": cfutures.as_completed})
    import concurrent.futures.thread as real_thread
    thread = _view(real_thread, {"ThreadPoolExecutor": executors.ThreadPoolExecutor})
    process = ModuleType("concurrent.futures.process")
    process.ProcessPoolExecutor = executors.ProcessPoolExecutor  # type: ignore[attr-defined]
    futures.thread, futures.process = thread, process  # type: ignore[attr-defined]
    package = _view(concurrent, {"futures": futures})
    return {"threading": threading, "queue": queue, "concurrent": package,
            "concurrent.futures": futures, "concurrent.futures.thread": thread,
            "concurrent.futures.process": process}


_NAMES = frozenset({"threading", "queue", "concurrent", "concurrent.futures",
                    "concurrent.futures.thread", "concurrent.futures.process"})


class ThreadModulesPatch:
    """Redirects the program's own imports of the thread modules for one run."""

    def __init__(self, filename: str) -> None:
        self._filename = filename
        self._original: Any = None
        self._saved_rct: Any = None

    def install(self) -> None:
        original = self._original = builtins.__import__
        filename = self._filename
        views: dict[str, ModuleType] = {}

        def import_(name: str, globals: Any = None, locals: Any = None,  # noqa: A002
                    fromlist: Any = (), level: int = 0) -> Any:
            if (level == 0 and name in _NAMES and globals is not None
                    and globals.get("__file__") == filename):
                if not views:  # made on first use: most programs import none of these
                    views.update(_views())
                if not fromlist and "." in name:
                    return views[name.split(".")[0]]  # `import a.b` binds `a`
                return views[name]
            return original(name, globals, locals, fromlist, level)

        builtins.__import__ = import_
        self._saved_rct = asyncio.run_coroutine_threadsafe
        asyncio.run_coroutine_threadsafe = cfutures.run_coroutine_threadsafe  # type: ignore[assignment]

    def uninstall(self) -> None:
        if self._original is not None:
            builtins.__import__ = self._original
            self._original = None
        if self._saved_rct is not None:
            asyncio.run_coroutine_threadsafe = self._saved_rct
            self._saved_rct = None

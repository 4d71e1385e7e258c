"""Makes asyncio in the user's program use the virtual loop, and undoes it afterwards.

Pyodide runs its own WebLoop as the *running* loop, installs its own policy and
replaces asyncio.run; all three are set aside for the length of a run.
"""
from __future__ import annotations

import asyncio
import warnings
from asyncio import events, runners
from typing import Any

from .loop import VirtualEventLoop


class _LaneLocal:
    """The current event loop of each simulated thread: they all run on one real thread,
    so a threading.local would share one loop between them."""

    def __init__(self, world: Any) -> None:
        self._world = world
        self._main_loop: Any = None

    @property
    def _loop(self) -> Any:
        lanes = self._world.lanes
        if lanes is None or lanes.current is lanes.main:
            return self._main_loop
        return lanes.current.event_loop

    @_loop.setter
    def _loop(self, loop: Any) -> None:
        lanes = self._world.lanes
        if lanes is None or lanes.current is lanes.main:
            self._main_loop = loop
        else:
            lanes.current.event_loop = loop


class VirtualLoopPolicy(events._BaseDefaultEventLoopPolicy):  # type: ignore[name-defined, misc]
    def __init__(self, world: Any) -> None:
        super().__init__()
        self._world = world
        self._local = _LaneLocal(world)

    def new_event_loop(self) -> VirtualEventLoop:
        return VirtualEventLoop(self._world)

    def get_event_loop(self) -> Any:
        lanes = self._world.lanes
        if self._local._loop is None and lanes is not None and lanes.current is not lanes.main:
            # Only the main thread ever had a loop made for it, in every Python version.
            raise RuntimeError("There is no current event loop in thread "
                               f"{lanes.current.thread_name!r}.")
        if self._local._loop is None:
            # Python 3.14 raises RuntimeError here; tutorials written for 3.4-3.11 rely on
            # the loop being created for them, so do that and say so.
            tracer = self._world.tracer
            tracer.emit(
                "warning", tracer.user_line(2), "LegacyAPI",
                "asyncio.get_event_loop() with no running loop: Python 3.12+ warns "
                "and 3.14 raises RuntimeError. Loopscope created a loop, as Python "
                "3.11 did. Modern form: put the code in `async def main()` and call "
                "asyncio.run(main()).", True)
            self.set_event_loop(self.new_event_loop())
        return self._local._loop


class AsyncioPatch:
    def __init__(self, world: Any) -> None:
        self._policy = VirtualLoopPolicy(world)
        self._saved: dict[str, Any] = {}

    def install(self) -> None:
        self._saved = {
            "policy": events._get_event_loop_policy(),
            "running": events._get_running_loop(),
            "run": asyncio.run,
        }
        events._set_running_loop(None)
        events._set_event_loop_policy(self._policy)
        asyncio.run = runners.run

    def uninstall(self) -> None:
        leftover = self._policy._local._loop
        self._policy._local._loop = None
        if leftover is not None and not leftover.is_closed() and not leftover.is_running():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                leftover.close()
        asyncio.run = self._saved["run"]
        events._set_event_loop_policy(self._saved["policy"])
        events._set_running_loop(self._saved["running"])


def c_task_counter_next() -> int:
    """The number CPython's C Task will put in the next automatic name ("Task-N")."""
    loop = asyncio.base_events.BaseEventLoop()

    async def probe() -> None:
        pass

    coro = probe()
    task = asyncio.Task(coro, loop=loop)
    n = int(task.get_name().rsplit("-", 1)[1])
    task._log_destroy_pending = False
    coro.close()
    loop._ready.clear()
    loop.close()
    return n + 1

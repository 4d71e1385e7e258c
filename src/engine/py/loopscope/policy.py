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


class VirtualLoopPolicy(events._BaseDefaultEventLoopPolicy):  # type: ignore[name-defined, misc]
    def __init__(self, world: Any) -> None:
        super().__init__()
        self._world = world

    def new_event_loop(self) -> VirtualEventLoop:
        return VirtualEventLoop(self._world)

    def get_event_loop(self) -> Any:
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

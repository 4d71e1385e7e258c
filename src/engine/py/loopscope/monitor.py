"""sys.monitoring on the user's code objects only: line events and the runaway guard.

Events are switched on per code object, so asyncio's own code runs at full speed.
"""
from __future__ import annotations

import sys
from types import CodeType
from typing import Any

from .world import World

_mon: Any = getattr(sys, "monitoring", None)


def code_objects(code: CodeType) -> list[CodeType]:
    found = [code]
    for const in code.co_consts:
        if isinstance(const, CodeType):
            found.extend(code_objects(const))
    return found


# Where control leaves or re-enters a frame without a LINE event.
_FRAME_CHANGES = () if _mon is None else (
    _mon.events.PY_RESUME, _mon.events.PY_RETURN, _mon.events.PY_YIELD,
    _mon.events.PY_UNWIND, _mon.events.PY_THROW)


class Monitor:
    def __init__(self, world: World, code: CodeType) -> None:
        self._world = world
        self._codes = code_objects(code)
        self._tool: int | None = None
        self._wanted = 0

    def install(self) -> None:
        if _mon is None:
            return
        for tool in (4, 3, 5):
            if _mon.get_tool(tool) is None:
                _mon.use_tool_id(tool, "loopscope")
                self._tool = tool
                break
        if self._tool is None:
            return
        ev = _mon.events
        wanted = ev.JUMP
        _mon.register_callback(self._tool, ev.JUMP, self._on_jump)
        if self._world.tracer.lines:
            wanted |= ev.LINE
            # The tracer's own method, registered directly: one Python call per line.
            tracer = self._world.tracer
            _mon.register_callback(self._tool, ev.LINE, tracer.on_line)
            # LINE events also tell the tracer which line of the program is running, as
            # long as it hears when control leaves or re-enters a frame of the program;
            # unwinds and throws can only be watched everywhere on 3.14.
            for event in _FRAME_CHANGES:
                _mon.register_callback(self._tool, event, tracer.forget_line)
            wanted |= ev.PY_RESUME | ev.PY_RETURN | ev.PY_YIELD
            _mon.set_events(self._tool, ev.PY_UNWIND | ev.PY_THROW)
            tracer.keep_line = True
        self._wanted = wanted
        for code in self._codes:
            _mon.set_local_events(self._tool, code, wanted)

    def watch(self, code: CodeType) -> None:
        """The same events for code compiled during the run (a thread target, preempt.py)."""
        for inner in code_objects(code):
            self._codes.append(inner)
            if self._tool is not None:
                _mon.set_local_events(self._tool, inner, self._wanted)

    def uninstall(self) -> None:
        if self._tool is None:
            return
        for code in self._codes:
            _mon.set_local_events(self._tool, code, 0)
        _mon.set_events(self._tool, 0)
        for event in (_mon.events.JUMP, _mon.events.LINE, *_FRAME_CHANGES):
            _mon.register_callback(self._tool, event, None)
        self._world.tracer.keep_line = False
        self._world.tracer.line_now = None
        _mon.free_tool_id(self._tool)
        self._tool = None

    def _on_jump(self, code: CodeType, offset: int, target: int) -> None:
        # Code that never yields must loop, and every turn of a loop is a jump, so the
        # real-time guard only needs to look here. At every jump: one turn may take
        # 100 ms (a sum over a big range on a busy machine), and the guard must stop a
        # runaway within a second; reading the clock costs far less than this call.
        self._world.check_real_time()

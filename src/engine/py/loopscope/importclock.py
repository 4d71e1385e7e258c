"""Time spent importing does not count against a callback's real-time budget.

The runaway guard stops code that runs too long without yielding (world.py). A module's
first import inside Pyodide can take a second or more on a slow machine (the standard
library and our shims are compiled on first use), which is not the program spinning;
so while an import loads, the callback's clock is held.
"""
from __future__ import annotations

import builtins
import sys
from typing import Any

from .clock import real_perf_counter


class ImportClockPatch:
    def __init__(self, world: Any) -> None:
        self._world = world
        self._saved: Any = None

    def install(self) -> None:
        self._saved = original = builtins.__import__
        world = self._world
        modules = sys.modules
        depth = 0

        def timed_import(name: str, globals: Any = None, locals: Any = None,
                         fromlist: Any = (), level: int = 0) -> Any:
            nonlocal depth
            if depth or (level == 0 and not fromlist and name in modules):
                return original(name, globals, locals, fromlist, level)
            depth += 1
            began = real_perf_counter()
            try:
                return original(name, globals, locals, fromlist, level)
            finally:
                depth -= 1
                # Held: the budget counts from a start moved later by the import's length.
                world.callback_start += real_perf_counter() - began

        builtins.__import__ = timed_import

    def uninstall(self) -> None:
        if self._saved is not None:
            builtins.__import__ = self._saved
            self._saved = None

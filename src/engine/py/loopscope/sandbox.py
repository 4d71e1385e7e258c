"""Keeps the program inside the simulation: no way to the page, the worker or JavaScript.

Pyodide's bridge modules (`js`, `pyodide`, ...) are hidden from sys.modules for the length
of a run and cannot be imported again; the engine keeps its own references, taken
before the program starts, so it goes on working.
"""
from __future__ import annotations

import importlib.abc
import sys
from typing import Any

_BLOCKED = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core")


def _blocked(fullname: str) -> bool:
    return fullname.split(".", 1)[0] in _BLOCKED


class _RefuseBridge(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if _blocked(fullname):
            raise ModuleNotFoundError(
                f"No module named '{fullname}' (Loopscope runs programs in a sandbox: "
                "the page and JavaScript are out of reach)", name=fullname)
        return None


class SandboxPatch:
    def __init__(self) -> None:
        self._hidden: dict[str, Any] = {}
        self._finder = _RefuseBridge()

    def install(self) -> None:
        self._hidden = {name: mod for name, mod in sys.modules.items() if _blocked(name)}
        for name in self._hidden:
            del sys.modules[name]
        sys.meta_path.insert(0, self._finder)

    def uninstall(self) -> None:
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        sys.modules.update(self._hidden)
        self._hidden = {}

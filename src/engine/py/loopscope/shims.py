"""Libraries the tutorials import that Pyodide lacks, simulated for the length of a run."""
from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_SHIMS = {"aiohttp": "shim_aiohttp", "requests": "shim_requests",
          "async_timeout": "shim_async_timeout"}


class ShimPatch:
    def __init__(self) -> None:
        self._saved: dict[str, Any] = {}

    def install(self) -> None:
        from importlib import import_module
        for public, ours in _SHIMS.items():
            module = import_module(f"loopscope.{ours}")
            self._saved[public] = sys.modules.get(public)
            sys.modules[public] = _public_view(public, module)
        sys.modules["requests.exceptions"] = sys.modules["requests"].exceptions

    def uninstall(self) -> None:
        sys.modules.pop("requests.exceptions", None)
        for public, original in self._saved.items():
            if original is None:
                sys.modules.pop(public, None)
            else:
                sys.modules[public] = original
        self._saved.clear()


def _public_view(name: str, module: ModuleType) -> ModuleType:
    """A module named as the library, holding the shim's public names."""
    view = ModuleType(name, module.__doc__)
    for key, value in vars(module).items():
        if not key.startswith("_") and key != "annotations":
            setattr(view, key, value)
    return view

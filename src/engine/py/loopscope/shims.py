"""Libraries the tutorials import that Pyodide lacks, simulated for the length of a run."""
from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_SHIMS = {"aiohttp": "shim_aiohttp", "requests": "shim_requests",
          "async_timeout": "shim_async_timeout", "lxml": "shim_lxml"}


class ShimPatch:
    def __init__(self, source: str) -> None:
        self._saved: dict[str, Any] = {}
        self._urlopen: Any = None
        # urllib.request pulls in http.client and email (~0.7 s in Pyodide): load it only
        # for programs that use it, not when Python starts.
        self._wants_urllib = "urllib" in source

    def install(self) -> None:
        from importlib import import_module
        for public, ours in _SHIMS.items():
            module = import_module(f"loopscope.{ours}")
            self._saved[public] = sys.modules.get(public)
            sys.modules[public] = _public_view(public, module)
        sys.modules["requests.exceptions"] = sys.modules["requests"].exceptions
        sys.modules["lxml.etree"] = sys.modules["lxml"].etree  # type: ignore[assignment]
        if self._wants_urllib:
            import urllib.request
            self._urlopen = urllib.request.urlopen
            urllib.request.urlopen = urlopen  # type: ignore[assignment]

    def uninstall(self) -> None:
        if self._urlopen is not None:
            import urllib.request
            urllib.request.urlopen = self._urlopen
            self._urlopen = None
        sys.modules.pop("lxml.etree", None)
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


def urlopen(url: Any, data: Any = None, timeout: Any = None, **_ignored: Any) -> Any:
    """urllib.request.urlopen on the simulated network: blocks for the latency."""
    from .session import current_world
    from .shim_requests import Response
    from .simio import blocking_request
    target = url.full_url if hasattr(url, "full_url") else str(url)
    method = "POST" if data is not None else "GET"
    world = current_world()
    sim = world.network.fetch(method, target, data=data)
    return _UrlopenResponse(Response(blocking_request(method, target, sim, "urllib.request.urlopen")))


class _UrlopenResponse:
    def __init__(self, response: Any) -> None:
        self._response = response
        self.status = response.status_code
        self.headers = response.headers
        self.url = response.url

    def read(self, amount: int = -1) -> bytes:
        content: bytes = self._response.content
        return content if amount < 0 else content[:amount]

    def getcode(self) -> int:
        return int(self.status)

    def close(self) -> None:
        pass

    def __enter__(self) -> _UrlopenResponse:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

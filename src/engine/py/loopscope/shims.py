"""Libraries the tutorials import that Pyodide lacks, simulated for the length of a run."""
from __future__ import annotations

import builtins
import sys
from types import ModuleType
from typing import Any

_SHIMS = {"aiohttp": "shim_aiohttp", "requests": "shim_requests",
          "async_timeout": "shim_async_timeout", "lxml": "shim_lxml"}


def preload() -> None:
    """Import what every run's set-up imports (these libraries, and the simulated network
    and threads behind them) when Python starts, not in the first run: there it took a
    third of a second in Node and over 2 s in a browser busy loading another Python, and
    a Stop pressed meanwhile waits for it (the program has not started yet)."""
    from importlib import import_module
    for ours in _SHIMS.values():
        import_module(f"loopscope.{ours}")
    from . import netmodules, threadmodules  # noqa: F401


class ShimPatch:
    def __init__(self, source: str) -> None:
        self._saved: dict[str, Any] = {}
        self._urlopen: Any = None
        # urllib.request pulls in http.client and email (~0.7 s in Pyodide): load it only
        # for programs that use it, not when Python starts.
        self._wants_urllib = "urllib" in source
        self._net_modules: Any = None
        self._thread_modules: Any = None
        self._input: Any = None

    def install(self) -> None:
        from importlib import import_module
        for public, ours in _SHIMS.items():
            module = import_module(f"loopscope.{ours}")
            self._saved[public] = sys.modules.get(public)
            sys.modules[public] = _public_view(public, module)
        sys.modules["requests.exceptions"] = sys.modules["requests"].exceptions
        sys.modules["lxml.etree"] = sys.modules["lxml"].etree  # type: ignore[assignment]
        from .netmodules import NetModulesPatch
        from .session import current_world
        self._net_modules = NetModulesPatch(current_world().tracer.filename)
        self._net_modules.install()
        from .threadmodules import ThreadModulesPatch
        self._thread_modules = ThreadModulesPatch(current_world().tracer.filename)
        self._thread_modules.install()
        self._input, builtins.input = builtins.input, no_input
        if self._wants_urllib:
            import urllib.request
            self._urlopen = urllib.request.urlopen
            urllib.request.urlopen = urlopen  # type: ignore[assignment]

    def uninstall(self) -> None:
        if self._input is not None:
            builtins.input = self._input
            self._input = None
        if self._thread_modules is not None:
            self._thread_modules.uninstall()
            self._thread_modules = None
        if self._net_modules is not None:
            self._net_modules.uninstall()
            self._net_modules = None
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


def no_input(prompt: Any = "") -> str:
    """input() with nobody at the keyboard: standard input is empty, so CPython prints the
    prompt and raises EOFError, as with `python prog.py < /dev/null`. Said once, plainly."""
    from .session import current_world
    sys.stdout.write(str(prompt))
    sys.stdout.flush()  # input() flushes the prompt before it reads
    tracer = current_world().tracer
    tracer.record("warning", tracer.user_line(2), "input",
                  "input() has no keyboard here: the program runs with an empty standard "
                  "input, so input() raises EOFError (as `python prog.py < /dev/null` would). "
                  "Put the values in the program instead.", False)
    raise EOFError("EOF when reading a line")


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

"""`socket`, `selectors` (and `errno`) as the program sees them: the real modules with the simulated
socket and selector in place of the real ones.

They cannot simply replace sys.modules["socket"]: asyncio and the rest of the standard
library hold the real modules, and a module imported lazily during the run would keep a
simulated one after it. So only imports written in the program's own file are redirected
(its globals carry its __file__); everything else goes on seeing the real modules.
"""
from __future__ import annotations

import builtins
import errno as _errno
import selectors as _selectors
import socket as _socket
from types import ModuleType
from typing import Any

from .vnet import address_of
from .vselectors import VirtualSelector
from .vsocket import VirtualSocket, errno as linux_errno


def _view(real: ModuleType, overrides: dict[str, Any]) -> ModuleType:
    view = ModuleType(real.__name__, real.__doc__)
    view.__dict__.update({k: v for k, v in vars(real).items() if k not in ("__loader__", "__spec__")})
    view.__dict__.update(overrides)
    return view


def create_connection(address: tuple[str, int], timeout: Any = _socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                      source_address: Any = None, **_ignored: Any) -> VirtualSocket:
    sock = VirtualSocket()
    if timeout is not _socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
        sock.settimeout(timeout)
    try:
        sock.connect(address)
    except BaseException:
        sock.close()
        raise
    return sock


def gethostbyname(host: str) -> str:
    return address_of(host)


def getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0,  # noqa: A002
                flags: int = 0) -> list[tuple[Any, ...]]:
    address = address_of(str(host or "localhost"))
    return [(_socket.AF_INET, _socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]


def gethostname() -> str:
    return "loopscope"


VirtualSocket.__module__ = "socket"
VirtualSocket.__name__ = VirtualSocket.__qualname__ = "socket"
VirtualSelector.__module__ = "selectors"


def socket_module() -> ModuleType:
    return _view(_socket, {
        "socket": VirtualSocket, "SocketType": VirtualSocket,
        "create_connection": create_connection, "gethostbyname": gethostbyname,
        "getaddrinfo": getaddrinfo, "gethostname": gethostname,
        "getdefaulttimeout": lambda: None, "setdefaulttimeout": lambda timeout: None,
    })


def errno_module() -> ModuleType:
    codes = {k: v for k, v in vars(linux_errno).items() if k.isupper()}
    names = {code: name for name, code in codes.items()}
    errorcode = {code: name for code, name in _errno.errorcode.items() if name not in codes}
    return _view(_errno, {**codes, "errorcode": {**errorcode, **names}})


def selectors_module() -> ModuleType:
    names = ("DefaultSelector", "SelectSelector", "PollSelector", "EpollSelector",
             "DevpollSelector", "KqueueSelector")
    return _view(_selectors, {name: VirtualSelector for name in names})


class NetModulesPatch:
    """Redirects the program's own `import socket` / `import selectors` for one run."""

    def __init__(self, filename: str) -> None:
        self._filename = filename
        self._original: Any = None

    def install(self) -> None:
        original = self._original = builtins.__import__
        filename = self._filename
        views = {"socket": socket_module(), "selectors": selectors_module(),
                 "errno": errno_module()}

        def import_(name: str, globals: Any = None, locals: Any = None,  # noqa: A002
                    fromlist: Any = (), level: int = 0) -> Any:
            if (level == 0 and name in views and globals is not None
                    and globals.get("__file__") == filename):
                return views[name]
            return original(name, globals, locals, fromlist, level)

        builtins.__import__ = import_

    def uninstall(self) -> None:
        if self._original is not None:
            builtins.__import__ = self._original
            self._original = None


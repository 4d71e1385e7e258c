"""`selectors.DefaultSelector` over simulated sockets.

select() is the one place a hand-made event loop waits, so that is where the clock moves:
to the moment the next registered socket becomes ready, or to the end of the timeout,
whichever comes first. The wait blocks the thread, like the real call, so it is recorded
as a `blocked` span.
"""
from __future__ import annotations

import selectors
from typing import Any, Mapping

from .errors import Deadlock

EVENT_READ = selectors.EVENT_READ
EVENT_WRITE = selectors.EVENT_WRITE


class VirtualSelector(selectors.BaseSelector):
    def __init__(self) -> None:
        from .session import current_world
        self._world = current_world()
        self._keys: dict[int, selectors.SelectorKey] = {}

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        if not events or events & ~(EVENT_READ | EVENT_WRITE):
            raise ValueError(f"Invalid events: {events!r}")
        fd = _fd_of(fileobj)
        if fd in self._keys:
            raise KeyError(f"{fileobj!r} (FD {fd}) is already registered")
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._keys[fd] = key
        return key

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        fd = _fd_of(fileobj)
        try:
            return self._keys.pop(fd)
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        fd = _fd_of(fileobj)
        if fd not in self._keys:
            raise KeyError(f"{fileobj!r} is not registered")
        key = self._keys[fd]
        if key.events != events or key.data is not data:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        return key

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        return dict(self._keys)

    def close(self) -> None:
        self._keys.clear()

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        clock = self._world.clock
        ready = self._ready(clock.now)
        if ready or (timeout is not None and timeout <= 0):
            return ready
        now = clock.now
        upcoming = [t for t in (self._next_event(key) for key in self._keys.values()) if t is not None]
        soonest = min(upcoming) if upcoming else None
        call = f"selector.select({'' if timeout is None else f'timeout={timeout:g}'})"
        if soonest is None and timeout is None:
            message = (f"{call} waits on {len(self._keys)} registered sockets, but none can "
                       "ever become ready. A real program would hang here forever.")
            tracer = self._world.tracer
            tracer.record("error", tracer.user_line(2), "Deadlock", message, "", [])
            raise Deadlock(message)
        target = soonest if timeout is None else min(now + timeout, soonest or float("inf"))
        waiting = f"{len(self._keys)} socket{'s' if len(self._keys) != 1 else ''}"
        self._world.block_until(f"{call} — waiting on {waiting}", target)
        return self._ready(clock.now)

    def _ready(self, now: float) -> list[tuple[selectors.SelectorKey, int]]:
        found = []
        for fd, key in self._keys.items():
            sock = self._world.fds.get(fd)
            if sock is None:
                continue
            readable, writable = sock.ready(now)
            mask = (EVENT_READ if readable else 0) | (EVENT_WRITE if writable else 0)
            if mask & key.events:
                found.append((key, mask & key.events))
        return found

    def _next_event(self, key: selectors.SelectorKey) -> float | None:
        sock = self._world.fds.get(key.fd)
        if sock is None:
            return None
        times = [sock.next_event(read=True)] if key.events & EVENT_READ else []
        times += [sock.next_event(read=False)] if key.events & EVENT_WRITE else []
        known = [t for t in times if t is not None]
        return min(known) if known else None


def _fd_of(fileobj: Any) -> int:
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd

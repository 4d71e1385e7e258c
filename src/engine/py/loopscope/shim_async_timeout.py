"""`async_timeout`: `async with timeout(s)` is asyncio.timeout(s). The plain `with` of
async-timeout < 4 still works here, with a legacy notice."""
from __future__ import annotations

import asyncio
from typing import Any


class timeout:  # noqa: N801 - the library's own name
    def __init__(self, delay: float | None) -> None:
        self._timeout = asyncio.timeout(delay)

    async def __aenter__(self) -> timeout:
        await self._timeout.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> bool | None:
        return await self._timeout.__aexit__(*exc)

    def __enter__(self) -> timeout:
        from .session import current_world
        current_world().legacy.notice("async-timeout-with", (
            "`with async_timeout.timeout(...)`: the synchronous form was removed in "
            "async-timeout 5.0. Loopscope ran it as `async with`. Modern form: "
            "`async with asyncio.timeout(...)`."))
        _drive(self._timeout.__aenter__())
        return self

    def __exit__(self, *exc: Any) -> bool | None:
        return _drive(self._timeout.__aexit__(*exc))

    def expired(self) -> bool:
        return self._timeout.expired()


def _drive(coro: Any) -> Any:
    """Run a coroutine that never suspends (Timeout's enter and exit) to its result."""
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("async_timeout: unexpected suspension")

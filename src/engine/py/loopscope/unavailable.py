"""Libraries the tutorials import that cannot run here, and why, in the error itself.

The finder sits at the end of sys.meta_path, so it is only asked about a module no other
finder has: a plain "No module named 'gevent'" becomes a reason and a way forward.
"""
from __future__ import annotations

import sys
from typing import Any

_GREENLETS = (
    "Loopscope cannot run {name}: greenlets switch by swapping C stacks, which Python in "
    "the browser (WebAssembly) cannot do. Like asyncio, gevent runs one thing at a time and "
    "switches only when code waits; unlike asyncio, the switch points hide inside blocking "
    "calls it patched (monkey.patch_all()), where asyncio marks each one with `await`. "
    "Write the example with async def and await to watch it here.")

_REDIS = (
    "Loopscope's simulated world has no Redis server for {name} to talk to. The pattern the "
    "tutorials build on it (a producer and a consumer sharing a queue) runs here with "
    "asyncio.Queue.")

_EXPLAINED = {
    "gevent": _GREENLETS, "greenlet": _GREENLETS,
    "redis": _REDIS, "aioredis": _REDIS,
    "uvloop": ("Loopscope runs asyncio's own event loop on a virtual clock; {name} would "
               "replace it with libuv's. Leave out uvloop.install() (or the policy line): "
               "the program behaves the same here."),
}


class _ExplainMissing:
    """A meta path finder that never finds anything: it only explains."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        top = fullname.partition(".")[0]
        reason = _EXPLAINED.get(top)
        if reason is not None:
            raise ModuleNotFoundError(
                f"No module named {fullname!r}. {reason.format(name=top)}", name=fullname)
        return None


def install() -> None:
    if not any(isinstance(f, _ExplainMissing) for f in sys.meta_path):
        sys.meta_path.append(_ExplainMissing())

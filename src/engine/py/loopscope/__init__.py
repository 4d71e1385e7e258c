"""Loopscope's engine: real asyncio on a virtual-time, traced event loop."""
from . import unavailable
from .interrupt import GUARD
from .session import run_program
from .shims import preload

# From now on a Stop (SIGINT) is held outside the user's program; see interrupt.py.
GUARD.install()
# Imports of gevent, redis and the like fail with the reason, not just the name.
unavailable.install()
# In the memory snapshot the browser keeps, so a restored start has them for nothing.
preload()

__all__ = ["run_program"]

"""Loopscope's engine: real asyncio on a virtual-time, traced event loop."""
from .interrupt import GUARD
from .session import run_program

# From now on a Stop (SIGINT) is held outside the user's program; see interrupt.py.
GUARD.install()

__all__ = ["run_program"]

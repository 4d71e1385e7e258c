"""Loopscope's engine: real asyncio on a virtual-time, traced event loop."""
from .session import run_program

__all__ = ["run_program"]

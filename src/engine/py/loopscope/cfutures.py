"""concurrent.futures.wait / as_completed and asyncio.run_coroutine_threadsafe, in
virtual time: a Future counts as done for a thread once that thread's clock reached the
time it finished (executors.py)."""
from __future__ import annotations

import asyncio
from asyncio import coroutines, futures as aio_futures
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from concurrent.futures._base import DoneAndNotDoneFutures
from typing import Any, Iterable, Iterator

from .executors import Future, _lanes
from .lane import INF


def _finish_time(f: Any) -> float:
    """When `f` is done (INF if nothing will ever finish it)."""
    if isinstance(f, Future):
        f._settle()
        return f._done_at if f._real_done() else INF
    return 0.0 if f.done() else INF


def _settle_all(fs: list[Any], enough: Any) -> None:
    """Runs what can still finish these futures (lanes not yet run, background loops)."""
    lanes = _lanes()
    for f in fs:
        if isinstance(f, Future):
            f._settle()
    if not enough():
        lanes.drive(lambda: INF, enough)


def wait(fs: Iterable[Any], timeout: float | None = None,
         return_when: str = ALL_COMPLETED) -> DoneAndNotDoneFutures:
    lanes = _lanes()
    fs = list(dict.fromkeys(fs))
    now = lanes.clock.now
    deadline = INF if timeout is None else now + max(0.0, timeout)

    def at() -> float:
        times = sorted(_finish_time(f) for f in fs)
        if not times:
            return now
        if return_when == FIRST_COMPLETED:
            return times[0]
        if return_when == FIRST_EXCEPTION:
            failed = [_finish_time(f) for f in fs if _finish_time(f) < INF and not f.cancelled()
                      and f._exception is not None]
            return min(failed, default=times[-1])
        return times[-1]

    _settle_all(fs, lambda: at() < INF)
    when = min(at(), deadline)
    if when == INF:
        lanes.tracer.halt(lanes.cannot_happen("futures that nothing will finish"),
                          lanes.tracer.user_line(2))
    lanes.wait_until(when, "concurrent.futures.wait()")
    done = {f for f in fs if _finish_time(f) <= when}
    return DoneAndNotDoneFutures(done, set(fs) - done)


def as_completed(fs: Iterable[Any], timeout: float | None = None) -> Iterator[Any]:
    lanes = _lanes()
    fs = list(dict.fromkeys(fs))
    deadline = INF if timeout is None else lanes.clock.now + timeout
    _settle_all(fs, lambda: all(_finish_time(f) < INF for f in fs))
    order = sorted(range(len(fs)), key=lambda i: (_finish_time(fs[i]), i))

    def generate() -> Iterator[Any]:
        for n, i in enumerate(order):
            when = _finish_time(fs[i])
            if when > deadline:
                lanes.wait_until(deadline, "concurrent.futures.as_completed()")
                raise TimeoutError(f"{len(fs) - n} (of {len(fs)}) futures unfinished")
            if when == INF:
                lanes.tracer.halt(lanes.cannot_happen("futures that nothing will finish"),
                                  lanes.tracer.user_line(2))
            lanes.wait_until(when, "concurrent.futures.as_completed()")
            yield fs[i]

    return generate()


def run_coroutine_threadsafe(coro: Any, loop: Any) -> Future:
    """asyncio.run_coroutine_threadsafe with a virtual-time Future (same steps as CPython's)."""
    if not coroutines.iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    future = Future()

    def callback() -> None:
        try:
            aio_futures._chain_future(asyncio.ensure_future(coro, loop=loop), future)  # type: ignore[attr-defined]
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future

"""concurrent.futures in virtual time: executors whose jobs run on simulated workers.

A job is a lane (lanes.py) on one of the executor's workers: it starts when a worker is
free (max_workers is respected, in virtual time), and its Future is done at the time its
worker's clock reached when it returned. ProcessPoolExecutor runs its jobs the same way,
in this process.
"""
from __future__ import annotations

import asyncio
import concurrent.futures as _cf
import functools
import os
from concurrent.futures import _base
from typing import Any, Callable

from .describe import callback_label
from .errors import StopRun
from .lane import INF, BecameLoop, Lane, LaneAbandoned, parks
from .lanes import Lanes, lanes_of


def _lanes() -> Lanes:
    from .session import current_world
    return lanes_of(current_world())


class Future(_cf.Future):  # type: ignore[type-arg]
    """A Future that is done for a thread once that thread's clock reached the time its
    outcome was set."""

    def __init__(self) -> None:
        super().__init__()
        self._lanes = _lanes()
        self._done_at = INF
        self._done_lane: Lane | None = None
        self._job: Lane | None = None  # the job that will set it, until it ran
        self._executor: Any = None

    def _real_done(self) -> bool:
        return self._state in (_base.CANCELLED, _base.CANCELLED_AND_NOTIFIED, _base.FINISHED)

    def _settle(self) -> None:
        if self._job is not None and self._job.state == "pending":
            self._lanes.run(self._job)

    def _mark(self) -> None:
        self._done_at = self._lanes.clock.now
        self._done_lane = self._lanes.current

    def set_result(self, result: Any) -> None:
        self._mark()
        super().set_result(result)

    def set_exception(self, exception: BaseException | None) -> None:
        self._mark()
        super().set_exception(exception)

    def cancel(self) -> bool:
        job = self._job
        if job is not None and job.state == "pending":
            self._executor._prepare(job)
            if job.started_at > self._lanes.clock.now:  # still queued for a worker
                self._lanes.pending.remove(job)
                job.state = "done"
                self._mark()
                return super().cancel()  # type: ignore[no-any-return]
            self._lanes.run(job)
        if not self._real_done():
            self._mark()
        return super().cancel()  # type: ignore[no-any-return]

    def done(self) -> bool:
        self._settle()
        return self._real_done() and self._lanes.clock.now >= self._done_at

    def running(self) -> bool:
        self._settle()
        job = self._job
        now = self._lanes.clock.now
        if job is not None and self._real_done() and not self.cancelled():
            return job.started_at <= now < self._done_at
        return self._state == _base.RUNNING

    def _wait(self, timeout: float | None) -> None:
        lanes = self._lanes
        self._settle()
        if not self._real_done():
            lanes.wait_for(self._real_done, timeout, "Future.result()", "a Future's result")
            if not self._real_done():
                raise TimeoutError()
        now = lanes.clock.now
        if self._done_at > now:
            if timeout is not None and self._done_at > now + timeout:
                lanes.wait_until(now + timeout, "Future.result()")
                raise TimeoutError()
            lanes.wait_until(self._done_at, "Future.result()")

    @parks
    def result(self, timeout: float | None = None) -> Any:
        self._wait(timeout)
        return super().result(timeout=0)

    @parks
    def exception(self, timeout: float | None = None) -> BaseException | None:
        self._wait(timeout)
        return super().exception(timeout=0)  # type: ignore[no-any-return]

    def add_done_callback(self, fn: Callable[[Any], Any]) -> None:
        lanes = self._lanes
        if self._real_done() and lanes.clock.now < self._done_at and self._done_lane is not None:
            # Finished for the thread that finished it, not yet for this one: the
            # callback runs there, when it finished, as CPython would run it.
            lanes.call_as(self._done_lane, self._done_at, fn, self)
            return
        super().add_done_callback(fn)


Future.__module__ = "concurrent.futures"
Future.__qualname__ = Future.__name__ = "Future"


class ThreadPoolExecutor(_base.Executor):
    """concurrent.futures.ThreadPoolExecutor on simulated worker threads."""

    def __init__(self, max_workers: int | None = None, thread_name_prefix: str = "",
                 initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = ()) -> None:
        if max_workers is None:
            max_workers = self._default_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        lanes = _lanes()
        self._lanes = lanes
        self._max_workers = max_workers
        if not thread_name_prefix:
            thread_name_prefix = f"{type(self).__name__}-{lanes.executor_count}"
            lanes.executor_count += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer, self._initargs = initializer, initargs
        self._free_at: list[float] = []  # per worker: when it is next free
        self._initialized: set[int] = set()
        self._jobs: list[Lane] = []
        self._shutdown = False

    @staticmethod
    def _default_workers() -> int:
        return min(32, (os.cpu_count() or 1) + 4)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        lanes = self._lanes
        future = Future()
        future._executor = self
        label = _job_label(lanes, fn, args)
        job = Lane(label, "job", lambda: self._run_job(job, future, fn, args, kwargs), lanes.clock.now)
        job.before_run = lambda: self._prepare(job)
        job.what = label
        future._job = job
        self._jobs.append(job)
        lanes.start(job)
        return future

    def _prepare(self, job: Lane) -> None:
        """Gives the job a worker: jobs queued before it need theirs (and their end) first."""
        if job.thread is not None:
            return
        for earlier in self._jobs[: self._jobs.index(job)]:
            self._lanes.run(earlier)
        submitted = job.started_at
        idle = [i for i, free in enumerate(self._free_at) if free <= submitted]
        if idle:
            worker = idle[0]
        elif len(self._free_at) < self._max_workers:
            worker = len(self._free_at)
            self._free_at.append(submitted)
        else:
            worker = min(range(len(self._free_at)), key=lambda i: self._free_at[i])
        start = max(submitted, self._free_at[worker])
        if start == INF:  # submitted by a job of this executor to itself, all workers busy
            start = submitted
        self._free_at[worker] = INF  # busy until the job ends
        job.started_at = job.now = start
        job.name = job.thread_name = self._worker_name(worker)
        queued = f", queued {start - submitted:g} s for a free worker" if start > submitted else ""
        job.what = f"{job.what} on {job.name}{queued}"
        from .threads import _WorkerThread
        job.thread = _WorkerThread(job.name, job)
        job.worker = worker

    def _worker_name(self, worker: int) -> str:
        return f"{self._thread_name_prefix}_{worker}"

    def _run_job(self, job: Lane, future: Future, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        worker = job.worker
        try:
            if not future.set_running_or_notify_cancel():
                return
            if self._initializer is not None and worker not in self._initialized:
                self._initialized.add(worker)
                self._initializer(*self._initargs)
            try:
                result = fn(*args, **kwargs)
            except (StopRun, BecameLoop, LaneAbandoned):
                raise
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
        finally:
            self._free_at[worker] = self._lanes.clock.now

    def map(self, fn: Callable[..., Any], *iterables: Any, timeout: float | None = None,
            chunksize: int = 1, buffersize: int | None = None) -> Any:
        lanes = self._lanes
        end = None if timeout is None else lanes.clock.now + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def results() -> Any:
            for future in futures:
                yield future.result(None if end is None else max(0.0, end - lanes.clock.now))

        return results()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._shutdown = True
        lanes = self._lanes
        if cancel_futures:
            for job in self._jobs:
                if job.state == "pending":
                    self._prepare(job)
                    if job.started_at > lanes.clock.now:
                        lanes.pending.remove(job)
                        job.state = "done"
        if wait:
            for job in self._jobs:
                lanes.run(job)
            end = max((j.ended_at for j in self._jobs if j.ended_at != INF), default=0.0)
            lanes.wait_until(end, f"{type(self).__name__}.shutdown()")


class ProcessPoolExecutor(ThreadPoolExecutor):
    """Runs its jobs like the thread pool, in this process: a worker process's changes to
    global variables are seen by the program here, unlike with real processes."""

    def __init__(self, max_workers: int | None = None, mp_context: Any = None,
                 initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = (),
                 **_ignored: Any) -> None:
        super().__init__(max_workers, "", initializer, initargs)

    @staticmethod
    def _default_workers() -> int:
        return os.cpu_count() or 1

    def _worker_name(self, worker: int) -> str:
        return f"{self._thread_name_prefix} process {worker + 1}"


ThreadPoolExecutor.__module__ = ProcessPoolExecutor.__module__ = "concurrent.futures"


def _job_label(lanes: Lanes, fn: Any, args: tuple[Any, ...]) -> str:
    # asyncio.to_thread submits partial(context.run, func, *args): show func(args).
    if isinstance(fn, functools.partial) and getattr(fn.func, "__name__", "") == "run" \
            and fn.args and callable(fn.args[0]):
        return callback_label(lanes.tracer, fn.args[0], tuple(fn.args[1:]) + args)
    return callback_label(lanes.tracer, fn, args)


def run_in_executor(loop: Any, executor: Any, func: Any, *args: Any) -> asyncio.Future[Any]:
    """loop.run_in_executor: the job runs on a simulated worker; its result comes back to
    the loop with call_soon_threadsafe, at the time the job ended."""
    loop._check_closed()
    if executor is None:
        executor = loop._default_executor
        loop._check_default_executor()
        if executor is None:
            executor = ThreadPoolExecutor(thread_name_prefix="asyncio")
            loop._default_executor = executor
    elif not isinstance(executor, ThreadPoolExecutor):
        # An executor made outside the program's own imports: simulate one like it.
        shadow = getattr(executor, "_loopscope_shadow", None)
        if shadow is None:
            shadow = ThreadPoolExecutor(getattr(executor, "_max_workers", None))
            executor._loopscope_shadow = shadow
        executor = shadow
    return asyncio.futures.wrap_future(executor.submit(func, *args), loop=loop)

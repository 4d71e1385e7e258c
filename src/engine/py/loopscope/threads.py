"""threading.Thread as the program sees it: each thread is a lane (lanes.py).

Names, daemon flags, deprecation warnings and the "Exception in thread" report follow
CPython 3.10+.
"""
from __future__ import annotations

import sys
import warnings
from typing import Any, Callable, Iterator

from .errors import StopRun
from .lane import INF, BecameLoop, Lane, LaneAbandoned, parks
from .lanes import Lanes, lanes_of

_IDENT_BASE = 140_000_000_000_000  # looks like a pthread id; deterministic per run


def _lanes() -> Lanes:
    from .session import current_world
    return lanes_of(current_world())


class Thread:
    """threading.Thread: runs its target as a simulated thread with its own clock."""

    def __init__(self, group: Any = None, target: Callable[..., Any] | None = None,
                 name: Any = None, args: Any = (), kwargs: Any = None, *,
                 daemon: bool | None = None) -> None:
        assert group is None, "group argument must be None for now"
        lanes = _lanes()
        self._lanes = lanes
        if name:
            name = str(name)
        else:
            lanes.thread_count += 1
            name = f"Thread-{lanes.thread_count}"
            if target is not None and hasattr(target, "__name__"):
                name += f" ({target.__name__})"
        self._name: str = name
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs or {})
        self._daemonic = current_thread().daemon if daemon is None else bool(daemon)
        self._lane: Lane | None = None
        self._ident: int | None = None

    def start(self) -> None:
        if self._lane is not None:
            raise RuntimeError("threads can only be started once")
        lanes = self._lanes
        lane = Lane(self._name, "thread", self._bootstrap, lanes.clock.now)
        lane.daemon = self._daemonic
        lane.thread = self
        lane.what = f"thread {self._name}" + (" (daemon)" if self._daemonic else "")
        self._lane = lane
        lanes.start(lane)
        self._ident = _IDENT_BASE + lane.order * 4096

    def _bootstrap(self) -> Iterator[Any] | None:
        """The thread's body: run in one piece, or, when what it runs has loops of its
        own, a generator the lanes step one loop turn at a time (preempt.py)."""
        if type(self).run is not Thread.run:
            steps = self._lanes.rewriter.steps(type(self).run, (self,), {})
        elif self._target is not None:
            steps = self._lanes.rewriter.steps(self._target, self._args, self._kwargs)
        else:
            steps = None
        if steps is not None:
            return self._run_steps(steps)
        try:
            self.run()
        except (StopRun, BecameLoop, LaneAbandoned):
            raise
        except SystemExit:
            pass  # as in CPython: ends the thread silently
        except BaseException as exc:
            report_thread_exception(self._name, exc)
        finally:
            del self._target, self._args, self._kwargs
        return None

    def _run_steps(self, steps: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from steps
        except (StopRun, BecameLoop, LaneAbandoned):
            raise
        except SystemExit:
            pass
        except BaseException as exc:
            report_thread_exception(self._name, exc)
        finally:
            del self._target, self._args, self._kwargs

    def run(self) -> None:
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    @parks
    def join(self, timeout: float | None = None) -> None:
        lane = self._lane
        if lane is None:
            raise RuntimeError("cannot join thread before it is started")
        lanes = self._lanes
        if lane is lanes.current:
            raise RuntimeError("cannot join current thread")
        deadline = INF if timeout is None else lanes.clock.now + max(0.0, timeout)
        with lanes.waiting(lambda: deadline):
            lanes.run(lane)
        call = f"{self._name}.join()"
        if lane.state == "loop":
            lanes.wait_for(lambda: lane.state != "loop", timeout, call,
                           f"{self._name} to end (its loop runs forever)")
        if lane.state == "parked":
            lanes.wait_for(lambda: lane.state != "parked", timeout, call, f"{self._name} to end")
        if lane.state == "running":  # it started the thread now waiting for it
            lanes.cannot_wait(call, f"{self._name} to end")
        if lane.state in ("done", "abandoned"):
            end = lane.ended_at
            if timeout is not None:
                end = min(end, lanes.clock.now + max(0.0, timeout))
            lanes.wait_until(end, call)

    def is_alive(self) -> bool:
        lane = self._lane
        return lane is not None and lane.alive_at(self._lanes.clock.now)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, name: str) -> None:
        self._name = str(name)
        if self._lane is not None:
            self._lane.thread_name = self._name

    @property
    def daemon(self) -> bool:
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic: bool) -> None:
        if self._lane is not None:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = bool(daemonic)

    @property
    def ident(self) -> int | None:
        return self._ident

    native_id = ident

    def isDaemon(self) -> bool:
        warnings.warn("isDaemon() is deprecated, get the daemon attribute instead",
                      DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic: bool) -> None:
        warnings.warn("setDaemon() is deprecated, set the daemon attribute instead",
                      DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self) -> str:
        warnings.warn("getName() is deprecated, get the name attribute instead",
                      DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name: str) -> None:
        warnings.warn("setName() is deprecated, set the name attribute instead",
                      DeprecationWarning, stacklevel=2)
        self.name = name

    def __repr__(self) -> str:
        lane = self._lane
        status = "initial"
        if lane is not None:
            status = "started" if self.is_alive() else "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"


Thread.__module__ = "threading"


class _MainThread(Thread):
    def __init__(self, lanes: Lanes) -> None:
        super().__init__(name="MainThread", daemon=False)
        self._lane = lanes.main
        import threading
        self._ident = threading.get_ident()

    def is_alive(self) -> bool:
        return True


class _WorkerThread(Thread):
    """The thread an executor job runs on (named as CPython names its workers)."""

    def __init__(self, name: str, lane: Lane) -> None:
        super().__init__(name=name, daemon=False)
        self._lane = lane
        self._ident = _IDENT_BASE + 2048 + lane.order * 4096


def current_thread() -> Thread:
    lanes = _lanes()
    lane = lanes.current
    if lane.thread is None:
        lane.thread = _MainThread(lanes) if lane is lanes.main else _WorkerThread(lane.name, lane)
    return lane.thread  # type: ignore[no-any-return]


def main_thread() -> Thread:
    lanes = _lanes()
    if lanes.main.thread is None:
        lanes.main.thread = _MainThread(lanes)
    return lanes.main.thread  # type: ignore[no-any-return]


def get_ident() -> int:
    ident = current_thread().ident
    assert ident is not None
    return ident


def enumerate_threads() -> list[Thread]:
    lanes = _lanes()
    now = lanes.clock.now
    alive = [main_thread()]
    for lane in lanes.threads:
        if lane.kind == "thread" and lane.alive_at(now) and lane.thread is not None:
            alive.append(lane.thread)
    return alive


def active_count() -> int:
    return len(enumerate_threads())


def report_thread_exception(name: str, exc: BaseException) -> None:
    """What threading.excepthook prints (the program's own frames only)."""
    from .session import current_world
    from .tb import format_exception, user_frames
    tracer = current_world().tracer
    text = format_exception(exc, tracer.filename)
    sys.stderr.write(f"Exception in thread {name}:\n{text}")
    frames = user_frames(exc, tracer.filename)
    tracer.record("error", frames[-1][1] if frames else None, type(exc).__name__,
                  f"in thread {name}: {exc}", text, frames)

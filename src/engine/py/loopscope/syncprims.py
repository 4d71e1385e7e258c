"""threading's locks and events and queue.Queue for simulated threads, in virtual time.

Threads run one after another (lanes.py), each with its own clock, so these record
*when* things happened: a lock remembers the spans it was held, an event when it was
set, a queue when each item was put. A thread that comes later waits, on its own clock,
for the time the earlier one released, set or put.
"""
from __future__ import annotations

import itertools
from queue import Empty, Full
from typing import Any, Callable

from .lane import INF, ParkRequest, parks
from .lanes import Lanes


def _lanes() -> Lanes:
    from .executors import _lanes as lanes
    return lanes()


class Lock:
    def __init__(self) -> None:
        self._lanes = _lanes()
        self._owner: Any = None
        self._count = 0
        self._since = 0.0
        self._spans: list[tuple[float, float]] = []  # past holds [acquired, released)

    def _free_from(self, t: float) -> float:
        moved = True
        while moved:
            moved = False
            for start, end in self._spans:
                if start <= t < end:
                    t, moved = end, True
        return t

    def _reentrant(self) -> bool:
        return False

    @parks
    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        lanes = self._lanes
        now = lanes.clock.now
        if self._owner is not None:
            if self._owner is lanes.current and self._reentrant():
                self._count += 1
                return True
            if not blocking:
                return False
            if timeout >= 0:
                lanes.wait_until(now + timeout, f"{type(self).__name__}.acquire()")
                return False
            lanes.cannot_wait(f"{type(self).__name__}.acquire()",
                              f"a {type(self).__name__} that {self._owner.name} holds")
        t = self._free_from(now)
        if t > now:
            if not blocking or (timeout >= 0 and t > now + timeout):
                if blocking:
                    lanes.wait_until(now + timeout, f"{type(self).__name__}.acquire()")
                return False
            lanes.wait_until(t, f"{type(self).__name__}.acquire()")
        self._owner, self._count, self._since = lanes.current, 1, lanes.clock.now
        return True

    def release(self) -> None:
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        self._count -= 1
        if self._count == 0:
            self._spans.append((self._since, self._lanes.clock.now))
            self._owner = None

    def locked(self) -> bool:
        return self._owner is not None or self._free_from(self._lanes.clock.now) > self._lanes.clock.now

    __enter__ = acquire

    def __exit__(self, *exc: Any) -> None:
        self.release()


class RLock(Lock):
    def _reentrant(self) -> bool:
        return True


class Event:
    def __init__(self) -> None:
        self._lanes = _lanes()
        self._flag = False
        self._set_at = INF

    def is_set(self) -> bool:
        return self._flag and self._lanes.clock.now >= self._set_at

    def set(self) -> None:
        if not self._flag:
            self._flag, self._set_at = True, self._lanes.clock.now

    def clear(self) -> None:
        self._flag, self._set_at = False, INF

    @parks
    def wait(self, timeout: float | None = None) -> bool:
        lanes = self._lanes
        now = lanes.clock.now
        if not self._flag:
            lanes.wait_for(lambda: self._flag, timeout, "Event.wait()", "an Event to be set")
        if self._flag and self._set_at > lanes.clock.now:
            end = self._set_at if timeout is None else min(self._set_at, now + timeout)
            lanes.wait_until(end, "Event.wait()")
        return self.is_set()


class Condition:
    def __init__(self, lock: Any = None) -> None:
        self._lanes = _lanes()
        self._lock = lock if lock is not None else RLock()
        self._notified_at: list[float] = []
        # Lanes parked in wait() (spins.py), with the notifications counted when they began.
        self._parked: dict[Any, int] = {}
        self.acquire, self.release = self._lock.acquire, self._lock.release

    def __enter__(self) -> bool:
        return self._lock.__enter__()  # type: ignore[no-any-return]

    def __exit__(self, *exc: Any) -> None:
        self._lock.__exit__(*exc)

    @parks
    def wait(self, timeout: float | None = None) -> bool:
        lanes = self._lanes
        lane = lanes.current
        n = self._parked.pop(lane, None)
        if n is None:  # not called again after being parked: the lock is still held
            n = len(self._notified_at)
            self._lock.release()
        parked = False
        try:
            ok = lanes.wait_for(lambda: len(self._notified_at) > n, timeout, "Condition.wait()",
                                "a Condition to be notified")
            if ok and self._notified_at[n] > lanes.clock.now:
                lanes.wait_until(self._notified_at[n], "Condition.wait()")
            return ok
        except ParkRequest:
            self._parked[lane], parked = n, True  # the lock stays free while it is parked
            raise
        finally:
            if not parked:
                self._lock.acquire()

    @parks
    def wait_for(self, predicate: Callable[[], Any], timeout: float | None = None) -> Any:
        end = None if timeout is None else self._lanes.clock.now + timeout
        # Called again after being parked in wait(): that wait ends first, lock taken back.
        result = self._lanes.current not in self._parked and predicate()
        while not result:
            left = None if end is None else end - self._lanes.clock.now
            if left is not None and left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n: int = 1) -> None:
        self._notified_at.append(self._lanes.clock.now)

    def notify_all(self) -> None:
        self.notify()


class Semaphore:
    def __init__(self, value: int = 1) -> None:
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._lanes = _lanes()
        self._value = value
        self._open: list[float] = []  # acquired, not yet released
        self._spans: list[tuple[float, float]] = []

    def _taken_at(self, t: float) -> int:
        return len(self._open) + sum(1 for a, r in self._spans if a <= t < r)

    @parks
    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        lanes = self._lanes
        now = lanes.clock.now
        times = [now] + sorted(r for _, r in self._spans if r > now)
        t = next((c for c in times if self._taken_at(c) < self._value), INF)
        if t > now:
            if not blocking:
                return False
            if timeout is not None and t > now + timeout:
                lanes.wait_until(now + timeout, "Semaphore.acquire()")
                return False
            if t == INF:
                lanes.cannot_wait("Semaphore.acquire()", "a Semaphore that threads still hold")
            lanes.wait_until(t, "Semaphore.acquire()")
        self._open.append(lanes.clock.now)
        return True

    def release(self, n: int = 1) -> None:
        for _ in range(n):
            if self._open:
                self._spans.append((self._open.pop(0), self._lanes.clock.now))
            else:
                self._release_unheld()

    def _release_unheld(self) -> None:
        self._value += 1

    __enter__ = acquire

    def __exit__(self, *exc: Any) -> None:
        self.release()


class BoundedSemaphore(Semaphore):
    def _release_unheld(self) -> None:
        raise ValueError("Semaphore released too many times")


class Queue:
    """queue.Queue: each item becomes available at the time it was put."""

    def __init__(self, maxsize: int = 0) -> None:
        self._lanes = _lanes()
        self.maxsize = maxsize
        self._items: list[tuple[float, int, Any]] = []  # (put at, order, item)
        self._order = itertools.count()
        self.unfinished_tasks = 0
        self._all_done_at = 0.0

    def _available(self) -> list[tuple[float, int, Any]]:
        now = self._lanes.clock.now
        return [e for e in self._items if e[0] <= now]

    def _choose(self, entries: list[tuple[float, int, Any]]) -> tuple[float, int, Any]:
        return min(entries, key=lambda e: (e[0], e[1]))  # first in, first out

    def qsize(self) -> int:
        return len(self._available())

    def empty(self) -> bool:
        return not self._available()

    def full(self) -> bool:
        return 0 < self.maxsize <= self.qsize()

    @parks
    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        if self.full():
            if not block:
                raise Full
            lanes = self._lanes
            if not lanes.wait_for(lambda: not self.full(), timeout, "Queue.put()", "room in a full Queue"):
                raise Full
        self._items.append((self._lanes.clock.now, next(self._order), item))
        self.unfinished_tasks += 1

    @parks
    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        lanes = self._lanes
        now = lanes.clock.now
        if not self._items:
            if not block:
                raise Empty
            if not lanes.wait_for(lambda: bool(self._items), timeout, "Queue.get()", "an item in a Queue"):
                raise Empty
        first = min(e[0] for e in self._items)
        if first > lanes.clock.now:
            if not block or (timeout is not None and first > now + timeout):
                if block and timeout is not None:
                    lanes.wait_until(now + timeout, "Queue.get()")
                raise Empty
            lanes.wait_until(first, "Queue.get()")
        entry = self._choose(self._available())
        self._items.remove(entry)
        return entry[2]

    def put_nowait(self, item: Any) -> None:
        self.put(item, block=False)

    def get_nowait(self) -> Any:
        return self.get(block=False)

    def task_done(self) -> None:
        if self.unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            self._all_done_at = max(self._all_done_at, self._lanes.clock.now)

    @parks
    def join(self) -> None:
        lanes = self._lanes
        if self.unfinished_tasks:
            lanes.wait_for(lambda: self.unfinished_tasks == 0, None, "Queue.join()",
                           "every item of a Queue to be marked done")
        lanes.wait_until(self._all_done_at, "Queue.join()")


class LifoQueue(Queue):
    def _choose(self, entries: list[tuple[float, int, Any]]) -> tuple[float, int, Any]:
        return max(entries, key=lambda e: e[1])


class PriorityQueue(Queue):
    def _choose(self, entries: list[tuple[float, int, Any]]) -> tuple[float, int, Any]:
        return min(entries, key=lambda e: e[2])


SimpleQueue = Queue

for _cls in (Lock, RLock, Event, Condition, Semaphore, BoundedSemaphore):
    _cls.__module__ = "threading"
for _cls in (Queue, LifoQueue, PriorityQueue):
    _cls.__module__ = "queue"

"""Trace events of simulated threads, held until the main thread's clock reaches them.

A thread's code runs ahead of the main thread in virtual time (in one piece, or until it
is parked in a busy wait, lanes.py); its events are released in time order (ties: the order they happened in), so the trace and
the console read as they would with real threads.
"""
from __future__ import annotations

import heapq
from typing import Any

# Compact records stand for more than one event (see COMPACT in trace.py).
_WEIGHT = {"n": 2}


def _weight(record: tuple[Any, ...]) -> int:
    if record[0] == "r":
        return 3 if record[4] else 2  # callback (+ cancel) + resume
    return _WEIGHT.get(record[0], 1)


class HeldEvents:
    def __init__(self, tracer: Any) -> None:
        self._tracer = tracer
        self._heap: list[tuple[float, int, Any, Any, tuple[Any, ...]]] = []
        self._n = 0

    def add(self, records: list[tuple[Any, ...]]) -> None:
        """Records a lane emitted, with the context records ("@", it, task) among them."""
        it: Any = 0
        task: Any = None
        for rec in records:
            if rec[0] == "@":
                it, task = rec[1], rec[2]
                continue
            self._n += 1
            heapq.heappush(self._heap, (rec[1], self._n, it, task, rec))

    def release(self, upto: float) -> None:
        heap = self._heap
        if not heap or heap[0][0] > upto:
            return
        out: list[tuple[Any, ...]] = []
        last: tuple[Any, Any] | None = None
        while heap and heap[0][0] <= upto:
            _, _, it, task, rec = heapq.heappop(heap)
            if (it, task) != last:
                out.append(("@", it, task))
                last = (it, task)
            out.append(rec)
        self._tracer.append_records(out)

    def drop(self) -> None:
        """Forgets what is still held (it happened after the program ended)."""
        self._tracer.seq -= sum(_weight(rec) for *_, rec in self._heap)
        self._heap.clear()

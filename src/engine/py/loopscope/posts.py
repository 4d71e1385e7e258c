"""call_soon_threadsafe between simulated threads (lanes.py): a callback posted from
another thread reaches the loop's ready queue when that loop's clock reaches the time it
was posted, so a loop never sees a post from its own future.
"""
from __future__ import annotations

import heapq
from asyncio import events
from typing import Any, Callable

from .describe import callback_label
from .lane import INF, Lane


class ThreadsafePosts:
    """The part of Lanes that carries posts between threads."""

    clock: Any
    tracer: Any
    main: Lane
    current: Lane
    # Posts waiting for the target loop's clock to reach them: (time, order, loop, handle, cause)
    inbox: list[tuple[float, int, Any, Any, str]]
    _order: int
    now_of: Callable[[Lane], float]

    def owner_of(self, loop: Any) -> Lane | None:
        owner = getattr(loop, "_lane", None)
        if owner is None and loop.is_running():
            return self.main
        return owner

    def post(self, loop: Any, callback: Any, args: tuple[Any, ...], context: Any) -> Any:
        """call_soon_threadsafe from another lane: the callback reaches the loop's ready
        queue when the loop's clock reaches the time it was posted."""
        poster = self.current
        owner = self.owner_of(loop)
        when = self.clock.now
        cause = f"posted from {poster.name} via call_soon_threadsafe"
        if owner is None or when <= self.now_of(owner):
            return self.call_soon_posted(loop, callback, args, context, cause)
        handle = events.Handle(callback, args, loop, context)
        self._order += 1
        heapq.heappush(self.inbox, (when, self._order, loop, handle, cause + f" at t={when:g}"))
        return handle

    def deliver(self, loop: Any) -> None:
        """Posts whose time the loop's clock has reached enter its ready queue."""
        now = self.clock.now
        keep = []
        due = []
        for item in self.inbox:
            (due if item[2] is loop and item[0] <= now else keep).append(item)
        if not due:
            return
        heapq.heapify(keep)
        self.inbox = keep
        for _, _, _, handle, cause in sorted(due):
            if not handle._cancelled:
                self.call_soon_posted(loop, handle._callback, handle._args, handle._context, cause)

    def next_post(self, loop: Any) -> float:
        return min((item[0] for item in self.inbox if item[2] is loop), default=INF)

    def call_soon_posted(self, loop: Any, callback: Any, args: tuple[Any, ...], context: Any,
                         cause: str) -> Any:
        t = self.tracer
        traced = t.enabled
        t.enabled = False  # the schedule event is ours, with the hand-off as its cause
        try:
            handle = loop._call_soon(callback, args, context)
        finally:
            t.enabled = traced
        handle._target = None
        if traced:
            t.emit("schedule", t.user_line(3), handle._hid, "ready", None,
                   callback_label(t, callback, args), cause, None)
        return handle

"""One virtual clock for the whole simulated world.

`time.*`, `datetime.now()` and every loop's `time()` read it. It only moves when the
loop is idle (it jumps to the next timer) or when a blocking call such as
`time.sleep` runs on the loop's thread. Real time is kept for our own budgets.
"""
from __future__ import annotations

import datetime as _datetime
import time as _time
from typing import Any, Callable

# Captured before anything is patched: the engine's own budgets use real time, and the
# virtual versions below call these C functions, never the attributes they replace.
real_perf_counter: Callable[[], float] = _time.perf_counter
_localtime = _time.localtime
_gmtime = _time.gmtime
_ctime = _time.ctime
_asctime = _time.asctime
_strftime = _time.strftime

# 2024-03-01 09:00:00 UTC: a plausible weekday morning for printed timestamps.
EPOCH = 1709283600.0


class VirtualClock:
    """Seconds since the program started; never goes backwards."""

    def __init__(self) -> None:
        self.now = 0.0
        # Called as on_block(call_text, seconds) when time.sleep blocks; the session
        # routes it to the running loop's tracer.
        self.on_block: Callable[[str, float], None] | None = None
        # The run's simulated threads (lanes.py), once the program starts one: a wait
        # then lets the other threads run up to the time it ends.
        self.lanes: Any = None
        self.reads = 0  # how often the program read the time (a busy wait may watch it)

    def read(self) -> float:
        self.reads += 1
        return self.now

    def advance_to(self, t: float) -> None:
        if t > self.now:
            self.now = t

    def sleep(self, seconds: float) -> None:
        """What `time.sleep` does here: block the thread and move the clock."""
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.sleep_as(f"time.sleep({seconds:g})", seconds)

    def sleep_as(self, call: str, seconds: float) -> None:
        if self.on_block is not None:
            self.on_block(call, seconds)
        if self.lanes is not None:
            self.lanes.advance(self.now + seconds)
        else:
            self.now += seconds

    def wall(self) -> float:
        self.reads += 1
        return EPOCH + self.now


def _make_datetime_classes(clock: VirtualClock) -> tuple[type, type]:
    base_dt = _datetime.datetime
    base_date = _datetime.date

    class datetime(base_dt):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return cls.fromtimestamp(clock.wall(), tz)

        @classmethod
        def utcnow(cls) -> Any:
            return cls.utcfromtimestamp(clock.wall())

        @classmethod
        def today(cls) -> Any:
            return cls.fromtimestamp(clock.wall())

    class date(base_date):  # type: ignore[misc, valid-type]
        @classmethod
        def today(cls) -> Any:
            return cls.fromtimestamp(clock.wall())

    datetime.__name__ = datetime.__qualname__ = "datetime"
    datetime.__module__ = "datetime"
    date.__name__ = date.__qualname__ = "date"
    date.__module__ = "datetime"
    return datetime, date


class TimePatch:
    """Points `time` and `datetime` at the virtual clock for the length of a run."""

    def __init__(self, clock: VirtualClock) -> None:
        c = clock
        vdt, vdate = _make_datetime_classes(clock)

        def _t(secs: float | None) -> float:
            return c.wall() if secs is None else secs

        self._time_patches: dict[str, Any] = {
            "sleep": c.sleep,
            "time": lambda: c.wall(),
            "time_ns": lambda: int(c.wall() * 1e9),
            "monotonic": c.read,
            "monotonic_ns": lambda: int(c.read() * 1e9),
            "perf_counter": c.read,
            "perf_counter_ns": lambda: int(c.read() * 1e9),
            "localtime": lambda secs=None: _localtime(_t(secs)),
            "gmtime": lambda secs=None: _gmtime(_t(secs)),
            "ctime": lambda secs=None: _ctime(_t(secs)),
            "asctime": lambda t=None: _asctime(_localtime(c.wall()) if t is None else t),
            "strftime": lambda fmt, t=None: _strftime(fmt, _localtime(c.wall()) if t is None else t),
        }
        self._dt_patches: dict[str, Any] = {"datetime": vdt, "date": vdate}
        self._saved_time: dict[str, Any] = {}
        self._saved_dt: dict[str, Any] = {}

    def install(self) -> None:
        for name, fn in self._time_patches.items():
            self._saved_time[name] = getattr(_time, name)
            setattr(_time, name, fn)
        for name, cls in self._dt_patches.items():
            self._saved_dt[name] = getattr(_datetime, name)
            setattr(_datetime, name, cls)

    def uninstall(self) -> None:
        for name, fn in self._saved_time.items():
            setattr(_time, name, fn)
        for name, cls in self._saved_dt.items():
            setattr(_datetime, name, cls)
        self._saved_time.clear()
        self._saved_dt.clear()


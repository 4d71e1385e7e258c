"""The program's stdout and stderr, and its warnings, as trace events."""
from __future__ import annotations

import io
import warnings
from typing import Any, TextIO

from .trace import Tracer

# Past this much output the run keeps going but stops recording text, so a print loop
# cannot exhaust the tab's memory.
MAX_OUTPUT_CHARS = 2_000_000

AT_EXIT_FILENAME = "<sys>"


class OutputState:
    """Shared by stdout and stderr: how much was written, and whether a line is open."""

    def __init__(self) -> None:
        self.chars = 0
        self.pending = False  # some stream holds text without a newline yet


class TracedStream(io.TextIOBase):
    """A text stream that emits whole lines as `output` events.

    Text is held until a newline or until the running callback ends, as a terminal shows
    it, so one print() is one event, attributed to the task that printed it.
    """

    def __init__(self, name: str, tracer: Tracer, state: OutputState) -> None:
        self._name = name
        self._tracer = tracer
        self._pending = ""
        self._state = state

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def name(self) -> str:
        return f"<{self._name}>"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, s: str) -> int:
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self._pending += s
        if "\n" in s:
            cut = self._pending.rfind("\n") + 1
            text, self._pending = self._pending[:cut], self._pending[cut:]
            self._emit(text)
        if self._pending:
            self._state.pending = True
        return len(s)

    def flush(self) -> None:
        if self._pending:
            text, self._pending = self._pending, ""
            self._emit(text)

    def _emit(self, text: str) -> None:
        before = self._state.chars
        self._state.chars += len(text)
        if before >= MAX_OUTPUT_CHARS:
            return
        if self._state.chars > MAX_OUTPUT_CHARS:
            text = text[: MAX_OUTPUT_CHARS - before] + (
                f"\n[Loopscope: output stopped after {MAX_OUTPUT_CHARS:,} characters; "
                "the program keeps running]\n")
        t = self._tracer
        t.record("output", t.user_line(3), self._name, text)


def make_showwarning(tracer: Tracer, stderr: TextIO) -> Any:
    """warnings.showwarning that prints what CPython prints and also emits an event."""

    def showwarning(message: Any, category: type, filename: str, lineno: int,
                    file: Any = None, line: str | None = None) -> None:
        if filename == AT_EXIT_FILENAME:
            lineno = 0  # CPython has no frame at exit and reports line 0
        line_no = lineno if filename == tracer.filename else tracer.user_line(2)
        tracer.emit("warning", line_no, category.__name__, str(message), False)
        (file or stderr).write(warnings.formatwarning(message, category, filename, lineno, line))

    return showwarning

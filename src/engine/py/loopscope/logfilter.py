"""Tracebacks that asyncio logs ("Task exception was never retrieved", ...) leave out
the engine's own frames: the program runs under CPython's asyncio as usual, and the
frames of the virtual loop in between would not be there on a real machine."""
from __future__ import annotations

import logging
import os
from typing import Any

_ENGINE_FILE = f'  File "{os.path.dirname(__file__)}{os.sep}'


def drop_engine_frames(text: str) -> str:
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if line.startswith("  File "):
            skipping = line.startswith(_ENGINE_FILE)
        elif not line.startswith("    "):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


class LogFilterPatch:
    def __init__(self) -> None:
        self._saved: Any = None

    def install(self) -> None:
        self._saved = original = logging.Formatter.formatException

        def format_exception(formatter: logging.Formatter, ei: Any) -> str:
            return drop_engine_frames(original(formatter, ei))

        logging.Formatter.formatException = format_exception  # type: ignore[method-assign]

    def uninstall(self) -> None:
        if self._saved is not None:
            logging.Formatter.formatException = self._saved  # type: ignore[method-assign]
            self._saved = None

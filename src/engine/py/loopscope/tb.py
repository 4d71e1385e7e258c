"""Tracebacks that show the user's own frames, not the engine's or asyncio's."""
from __future__ import annotations

import traceback


def _keep_user_frames(te: traceback.TracebackException, filename: str,
                      seen: set[int]) -> None:
    if id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename == filename])
    for nested in (te.__cause__, te.__context__):
        if nested is not None:
            _keep_user_frames(nested, filename, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _keep_user_frames(sub, filename, seen)


def format_exception(exc: BaseException, filename: str) -> str:
    te = traceback.TracebackException.from_exception(exc, compact=True)
    _keep_user_frames(te, filename, set())
    return "".join(te.format(colorize=False))


def user_frames(exc: BaseException, filename: str) -> list[tuple[str, int | None, bool]]:
    return [(f.name, f.lineno, True)
            for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]

"""One run of a user's program, from source text to a finished trace.

The host (browser worker or Node) calls `run_program` once per run; the interpreter is
reused, so everything installed here is undone in `finally`.
"""
from __future__ import annotations

import builtins
import contextlib
import gc
import json
import linecache
import random
import sys
import types
import warnings
from typing import Any, Callable

from .cancelguard import CancelGuardPatch
from .capture import AT_EXIT_FILENAME, OutputState, TracedStream, make_showwarning
from .clock import TimePatch, real_perf_counter
from .ctrlc import interrupt_in_block
from .errors import StopRun
from .importclock import ImportClockPatch
from .interrupt import GUARD, StopGuard
from .lanes import threads_at_exit
from .legacy import LegacyPatch, rewrite_old_syntax
from .logfilter import LogFilterPatch
from .monitor import Monitor
from .sandbox import SandboxPatch
from .shims import ShimPatch
from .policy import AsyncioPatch, c_task_counter_next
from .tb import format_exception, user_frames
from .world import World


_current_world: World | None = None


def current_world() -> World:
    """The world of the run in progress (for shims called from the program)."""
    if _current_world is None:
        raise RuntimeError("no Loopscope run is in progress")
    return _current_world


def run_program(source: str, filename: str, options_json: str,
                flush: Callable[[bytes], Any] | None) -> str:
    """Run `source` as __main__; stream marshalled event batches through `flush`; return
    the summary as JSON."""
    try:
        return _run_program(source, filename, options_json, flush, GUARD)
    finally:
        GUARD.run_ended()


def _run_program(source: str, filename: str, options_json: str,
                 flush: Callable[[bytes], Any] | None, guard: StopGuard) -> str:
    global _current_world
    options = json.loads(options_json)
    world = World(filename, options, flush)
    tracer = world.tracer
    tracer.set_task_counter_base(c_task_counter_next())
    output = OutputState()
    out = TracedStream("stdout", tracer, output)
    err = TracedStream("stderr", tracer, output)
    world.output = output

    def flush_output() -> None:
        out.flush()
        err.flush()
        output.pending = False

    world.flush_output = flush_output
    world.clock.on_block = lambda call, dur: _on_block(world, call, dur)
    status, exit_code, message = "finished", 0, ""
    main = types.ModuleType("__main__")
    with contextlib.ExitStack() as undo:
        undo.callback(_Saved().restore)
        _current_world = world
        undo.callback(_forget_world)
        sys.stdout, sys.stderr = out, err
        warnings.showwarning = make_showwarning(tracer, err)
        random.seed(int(options.get("seed", 1)))
        sys.argv = [filename]
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        undo.callback(linecache.cache.pop, filename, None)
        world.source = rewrite_old_syntax(source, tracer)
        try:
            code = compile(world.source, filename, "exec", dont_inherit=True)
        except SyntaxError as e:
            text = format_exception(e, filename)
            err.write(text)
            tracer.record("error", e.lineno, type(e).__name__, str(e.msg), text, [])
            return _finish(world, out, err, "syntax-error", 1,
                           f"{type(e).__name__}: {e.msg} (line {e.lineno})")
        main.__dict__.update(__file__=filename, __builtins__=builtins)
        sys.modules["__main__"] = main
        world.legacy = LegacyPatch(tracer, source)
        world.monitor = Monitor(world, code)
        for patch in (TimePatch(world.clock), AsyncioPatch(world), CancelGuardPatch(world),
                      ImportClockPatch(world), LogFilterPatch(), world.legacy, SandboxPatch(),
                      ShimPatch(source), world.monitor):
            patch.install()
            undo.callback(patch.uninstall)
        try:
            try:
                guard.open()
                exec(code, main.__dict__)
            finally:
                guard.close()
        except SystemExit as e:
            exit_code, status, message = _system_exit(e, err)
        except StopRun as e:
            status, exit_code, message = e.status, 3, e.message
        except KeyboardInterrupt as e:
            if not world.interrupted:
                status, exit_code, message = "stopped", 3, "Stopped by the user."
            else:  # the Ctrl+C the run asked for: the program did not catch it
                status, exit_code, message = _uncaught(e, filename, err, tracer)
        except BaseException as e:
            status, exit_code, message = _uncaught(e, filename, err, tracer)
        # Let the end of the run be recorded; only now, once a StopRun and the frames it
        # held are freed: asyncio.run's clean-up, cut short, leaves a coroutine that warns
        # as it goes ("coroutine 'BaseEventLoop.shutdown_asyncgens' was never awaited").
        tracer.stopped = False
        status, exit_code, message = threads_at_exit(world, status, exit_code, message)
        # A stopped run has said why; what its leftovers would log on the way out
        # ("Task was destroyed but it is pending!") is noise, so it is dropped.
        tracer.stopped = status in ("limit", "deadlock", "stopped")
        _finalize_like_interpreter_exit(main)
        return _finish(world, out, err, status, exit_code, message)


def _uncaught(e: BaseException, filename: str, err: TracedStream,
              tracer: Any) -> tuple[str, int, str]:
    """The program raised: its traceback (own frames only) on stderr and as an event."""
    text = format_exception(e, filename)
    err.write(text)
    frames = user_frames(e, filename)
    tracer.record("error", frames[-1][1] if frames else None, type(e).__name__, str(e),
                  text, frames)
    return "raised", 1, f"{type(e).__name__}: {e}"


# Runs under the file name CPython gives to what happens at interpreter exit, so a
# warning raised here reads "<sys>:0: RuntimeWarning: coroutine 'f' was never awaited".
_AT_EXIT = compile("namespace.clear(); gc.collect()\n", AT_EXIT_FILENAME, "exec")


def _finalize_like_interpreter_exit(main: types.ModuleType) -> None:
    """Drop the program's globals so what it left behind is finalised now, as at exit
    ("Task was destroyed but it is pending!", never-awaited coroutines, ...)."""
    exec(_AT_EXIT, {"namespace": main.__dict__, "gc": gc})


def _forget_world() -> None:
    global _current_world
    _current_world = None


def _finish(world: World, out: TracedStream, err: TracedStream, status: str, exit_code: int,
            message: str) -> str:
    out.flush()
    err.flush()
    tracer = world.tracer
    tracer.enter_task(None)
    tracer.stopped = False
    tracer.record("end", None, status, exit_code, message)
    tracer.flush()
    return json.dumps({
        "status": status, "exitCode": exit_code, "message": message, "events": tracer.seq,
        "virtualTime": world.clock.now,
        "wallMs": (real_perf_counter() - world.started) * 1000,
    })


def _system_exit(e: SystemExit, err: TracedStream) -> tuple[int, str, str]:
    code = e.code
    if code is None or code == 0:
        return 0, "finished", ""
    if isinstance(code, int):
        return 1, "raised", f"SystemExit: {code}"
    err.write(f"{code}\n")  # CPython prints a non-integer exit code to stderr
    return 1, "raised", f"SystemExit: {code}"


def _on_block(world: World, call: str, seconds: float) -> None:
    tracer = world.tracer
    world.check_virtual_time(world.clock.now + seconds)
    # A blocking call (time.sleep, select, a socket read) waits in virtual time: the code
    # is making progress, not spinning, so the runaway guard's count starts again.
    world.callback_start = real_perf_counter()
    if world.interrupt_at is not None:
        seconds = interrupt_in_block(world, seconds)  # a Ctrl+C cuts the block short
    tracer.emit("blocked", tracer.user_line(3), call, seconds)


class _Saved:
    """Interpreter state a run changes, captured so the next run starts clean."""

    def __init__(self) -> None:
        self.stdout, self.stderr = sys.stdout, sys.stderr
        self.showwarning = warnings.showwarning
        self.filters = list(warnings.filters)
        self.main = sys.modules.get("__main__")
        self.argv = list(sys.argv)
        self.random_state = random.getstate()
        self.recursion_limit = sys.getrecursionlimit()

    def restore(self) -> None:
        sys.stdout, sys.stderr = self.stdout, self.stderr
        warnings.showwarning = self.showwarning
        warnings.filters[:] = self.filters
        warnings._filters_mutated()  # type: ignore[attr-defined]  # drop cached "once" decisions
        if self.main is not None:
            sys.modules["__main__"] = self.main
        sys.argv = self.argv
        random.setstate(self.random_state)
        sys.setrecursionlimit(self.recursion_limit)

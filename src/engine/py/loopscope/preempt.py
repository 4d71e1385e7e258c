"""A thread's target made preemptible: rewritten into a generator that yields at the top
of every loop body, so the lanes can leave a thread part-way and resume it later.

Pyodide has one real stack and no stack switching, but a generator's frame lives on the
heap. Only a plain function of the program is rewritten (no closure, not already a
generator or coroutine, with a `while`/`for` or a blocking call of its own); anything else
runs as before, in one piece. A call of a method that may block (`q.get()`,
`lock.acquire()`, `t.join()`, …) becomes `(yield from wait_call(q.get))`, so a wait that
only another thread can end parks the thread instead of stopping the run (spins.py). The
rewrite keeps the program's file name and line numbers, so tracebacks, line events and
the editor's marks still point at the user's lines; the `yield` carries the loop's own
line, which adds no line event of its own.
"""
from __future__ import annotations

import __future__
import ast
import types
from typing import Any, Callable, Iterator

_NOT_PLAIN = 0x20 | 0x80 | 0x100 | 0x200  # generator, coroutine, iterable coroutine, async gen
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp,
           ast.SetComp, ast.DictComp, ast.GeneratorExp)
_FUTURE_FLAGS = [getattr(__future__, name).compiler_flag for name in __future__.all_feature_names]
# Methods that may block (wait_call tells ours from others: dict.get, str.join, …).
_BLOCKING = frozenset({"get", "put", "join", "acquire", "wait", "wait_for", "result",
                       "exception"})
_WAIT = "__loopscope_wait__"  # a free variable of the rewritten function, never a global


class Rewriter:
    """Rewrites the functions of one program (one per run; results cached per code)."""

    def __init__(self, source: str, filename: str, watch: Callable[[types.CodeType], None],
                 wait_call: Callable[..., Any]) -> None:
        self._source = source
        self._filename = filename
        self._watch = watch  # line events and the runaway guard for the new code objects
        self._wait_cell = types.CellType(wait_call)
        self._tree: ast.Module | None = None
        self._codes: dict[types.CodeType, types.CodeType | None] = {}

    def steps(self, fn: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Iterator[Any] | None:
        """A generator running `fn(*args, **kwargs)` with a yield at each loop turn, or
        None when `fn` is not a plain function of the program with a loop."""
        if isinstance(fn, types.MethodType):
            args = (fn.__self__,) + args
            fn = fn.__func__
        if type(fn) is not types.FunctionType:
            return None
        code = fn.__code__
        if (code.co_filename != self._filename or fn.__closure__ or code.co_freevars
                or code.co_flags & _NOT_PLAIN):
            return None
        if code not in self._codes:
            self._codes[code] = self._rewrite(code)
        new_code = self._codes[code]
        if new_code is None:
            return None
        closure = tuple(self._wait_cell for _ in new_code.co_freevars)  # only _WAIT
        gen_fn = types.FunctionType(new_code, fn.__globals__, fn.__name__, fn.__defaults__,
                                    closure or None)
        gen_fn.__kwdefaults__ = fn.__kwdefaults__
        gen_fn.__qualname__ = fn.__qualname__
        return gen_fn(*args, **kwargs)  # type: ignore[no-any-return]

    def _rewrite(self, code: types.CodeType) -> types.CodeType | None:
        found = self._find(code)
        if found is None:
            return None
        node, classname = found
        marked = _YieldAtLoops()
        for stmt in node.body:
            marked.visit(stmt)
        if not marked.loops and not marked.calls:
            return None
        node.decorator_list = []  # the object the program passes is already decorated
        body: ast.stmt = node
        if classname is not None:  # private names are mangled with the class's name
            body = ast.copy_location(ast.ClassDef(name=classname, bases=[], keywords=[], body=[node],
                                                  decorator_list=[], type_params=[]), node)
        # Compiled inside a function whose parameter is _WAIT, so that it is a free variable.
        outer = ast.FunctionDef(name="<loopscope>", args=ast.arguments(
            posonlyargs=[], args=[ast.arg(_WAIT)], kwonlyargs=[], kw_defaults=[], defaults=[]),
            body=[body], decorator_list=[], type_params=[])
        module = ast.fix_missing_locations(ast.Module([ast.copy_location(outer, node)], []))
        flags = sum(f for f in _FUTURE_FLAGS if code.co_flags & f)
        try:
            compiled = compile(module, self._filename, "exec", flags=flags, dont_inherit=True)
        except (SyntaxError, ValueError):
            return None
        new_code = _nested_code(compiled, code.co_name, node.lineno)
        if new_code is None:
            return None
        new_code = new_code.replace(co_qualname=code.co_qualname)
        self._watch(new_code)
        return new_code

    def _find(self, code: types.CodeType) -> tuple[ast.FunctionDef, str | None] | None:
        """The `def` that compiled to `code` (parsed afresh: the rewrite changes it), and
        the class it is defined in, if any."""
        try:
            tree = ast.parse(self._source, self._filename)
        except (SyntaxError, ValueError):
            return None
        stack: list[tuple[ast.AST, str | None]] = [(tree, None)]
        while stack:
            parent, classname = stack.pop()
            for child in ast.iter_child_nodes(parent):
                if isinstance(child, ast.FunctionDef) and child.name == code.co_name:
                    first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                    if first == code.co_firstlineno:
                        return child, classname
                stack.append((child, child.name if isinstance(child, ast.ClassDef) else classname))
        return None


class _YieldAtLoops(ast.NodeTransformer):
    """Puts `yield` first in the body of every loop of one function and makes each call of
    a method that may block a `yield from`; not in its nested functions, lambdas,
    comprehensions or classes (they are scopes of their own)."""

    def __init__(self) -> None:
        self.loops = 0
        self.calls = 0

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if isinstance(node, _SCOPES):
            return node
        super().generic_visit(node)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in _BLOCKING):
            self.calls += 1
            wait = ast.Call(ast.Name(_WAIT, ast.Load()), [node.func, *node.args], node.keywords)
            return ast.copy_location(ast.YieldFrom(ast.copy_location(wait, node)), node)
        if isinstance(node, (ast.While, ast.For)):
            self.loops += 1
            turn = ast.Expr(ast.Yield(None))
            for part in (turn, turn.value):
                part.lineno = part.end_lineno = node.lineno
                part.col_offset = part.end_col_offset = node.col_offset
            node.body.insert(0, turn)
        return node


def _nested_code(code: types.CodeType, name: str, firstlineno: int) -> types.CodeType | None:
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            if const.co_name == name and const.co_firstlineno == firstlineno:
                return const
            found = _nested_code(const, name, firstlineno)
            if found is not None:
                return found
    return None


def innermost_frame(gen: Any, filename: str | None = None) -> Any:
    """The frame a chain of generators (`yield from`) is suspended in: the innermost one,
    or the innermost of the program's own (`filename`)."""
    frame, found = gen.gi_frame, None
    while True:
        if filename is None or frame.f_code.co_filename == filename:
            found = frame
        gen = getattr(gen, "gi_yieldfrom", None)
        if gen is None or getattr(gen, "gi_frame", None) is None:
            return found
        frame = gen.gi_frame

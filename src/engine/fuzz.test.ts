// Bad input must never break the engine: our own programs, mangled (lines deleted,
// duplicated, swapped, random tokens inserted, text cut short), each end in a result, a
// clear error or a limit, with a well-formed trace. The seed is fixed so CI is repeatable;
// FUZZ_SEED and FUZZ_COUNT explore further (a failure prints both, to replay it).
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOptions, RunStatus, TraceEvent } from '../trace/schema';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

const SEED = Number(process.env.FUZZ_SEED ?? 9);
const COUNT = Number(process.env.FUZZ_COUNT ?? 300);

// Small limits keep a few hundred runs under a minute. maxCallbackMs is the engine's
// budget for one callback that never yields (not part of the RunOptions type).
const LIMITS: Partial<RunOptions> & { maxCallbackMs: number } = {
  maxEvents: 20_000, maxRealMs: 2_000, maxCallbackMs: 300, maxTime: 3600,
};
// Time a run may take past its real-time budget: ending it and finalising what it left
// (a stop with thousands of tasks alive takes seconds).
const WIND_DOWN_MS = 5_000;
// Past this the run counts as hung: a watchdog thread raises SIGINT in Python.
const HANG_MS = 15_000;

function corpus(): string[] {
  const read = (dir: URL) => readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));
  return [...read(new URL('./fixtures/', import.meta.url)), ...read(new URL('../examples/', import.meta.url))];
}

/** mulberry32: small, seedable, good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fragments pasted into a line: mostly syntax errors, which must be reported as such.
const FRAGMENTS = [
  'await ', 'async ', 'def ', 'return ', 'yield ', 'if ', 'else:', 'for x in ', 'lambda: ', 'None', 'not ',
  '(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '==', '+', '*', '**', '-1', '0', '1e308', '10**6',
  "'", '"', '"""', '\\', '#', '\t', '    ', ';', '@', 'main()', 'asyncio.', 'print',
];
// Whole statements inserted as a line (at the indentation of the line they push down).
const STATEMENTS = [
  'pass', 'break', 'continue', 'return', 'return 42', 'while True:', 'while True: pass', 'try:',
  'except:', 'finally:', 'global x', 'del x', 'raise', 'raise ValueError("fuzz")', 'print(x)',
  'await asyncio.sleep(0)', 'await asyncio.sleep(1)', 'await asyncio.sleep(-1)', 'await asyncio.sleep(1e9)',
  'asyncio.create_task(main())', 'await asyncio.create_task(main())', 'asyncio.get_event_loop()',
  'asyncio.run(main())', 'asyncio.get_event_loop().run_forever()', 'await asyncio.gather()',
  'await asyncio.gather(main(), main())', 'await asyncio.Event().wait()', 'asyncio.current_task().cancel()',
  'await asyncio.Future()', 'await asyncio.wait_for(asyncio.sleep(5), 1)', 'await asyncio.Queue().get()',
  'asyncio.get_running_loop().stop()', 'asyncio.get_running_loop().close()', 'time.sleep(1)',
  'import time', 'import asyncio', 'await main()', 'main()', 'loop.close()', 'task.cancel()',
  'async with asyncio.timeout(0.5):', 'async with asyncio.TaskGroup() as tg:', 'print("x" * 10000)',
  'import sys; sys.exit(2)', 'x = [x]', 'yield', 'await asyncio.sleep(0) or 1/0',
];

/** One random edit of the program's lines (or of its text, for a cut). */
function mutate(source: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const lines = source.split('\n');
  const i = Math.floor(random() * lines.length);
  const j = Math.floor(random() * lines.length);
  switch (pick(['delete', 'duplicate', 'swap', 'fragment', 'statement', 'statement', 'statement', 'truncate'] as const)) {
    case 'delete': lines.splice(i, 1); break;
    case 'duplicate': lines.splice(j, 0, lines[i]!); break;
    case 'swap': [lines[i], lines[j]] = [lines[j]!, lines[i]!]; break;
    case 'fragment': {
      const line = lines[i]!;
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(FRAGMENTS) + line.slice(at);
      break;
    }
    case 'statement': {
      const indent = /^\s*/.exec(lines[i]!)![0];
      lines.splice(i, 0, indent + pick(STATEMENTS));
      break;
    }
    case 'truncate': return source.slice(0, Math.floor(random() * source.length));
  }
  return lines.join('\n');
}

/**
 * A thread that raises SIGINT in Python when one run outlasts `HANG_MS`: a hang then
 * fails the test (status "stopped") instead of stalling CI forever.
 */
function startWatchdog() {
  const shared = new SharedArrayBuffer(8);
  const generation = new Int32Array(shared, 0, 1); // odd while a run is in progress
  const interrupt = new Uint8Array(shared, 4, 1);
  const worker = new Worker(`
    const { workerData: { shared, hangMs } } = require('node:worker_threads');
    const generation = new Int32Array(shared, 0, 1);
    const interrupt = new Uint8Array(shared, 4, 1);
    for (;;) {
      const g = Atomics.load(generation, 0);
      if (g % 2 === 0) { Atomics.wait(generation, 0, g); continue; }
      if (Atomics.wait(generation, 0, g, hangMs) === 'timed-out') interrupt[0] = 2;
    }`, { eval: true, workerData: { shared, hangMs: HANG_MS } });
  worker.unref();
  const bump = () => { Atomics.add(generation, 0, 1); Atomics.notify(generation, 0); };
  return {
    watch: (engine: NodeEngine) => engine.setInterruptBuffer(interrupt),
    guard<T>(run: () => T): T {
      bump();
      try { return run(); } finally { bump(); interrupt[0] = 0; }
    },
    stop: () => worker.terminate(),
  };
}

/** Everything wrong with one run's trace, as sentences (empty when it is sound). */
function problems(events: TraceEvent[], summary: { status: RunStatus; exitCode: number; message: string; events: number }): string[] {
  const found: string[] = [];
  events.forEach((ev, k) => { if (ev.seq !== k) found.push(`event ${k} has seq ${ev.seq}`); });
  for (let k = 1; k < events.length; k++) {
    if (events[k]!.t < events[k - 1]!.t) found.push(`clock went back at seq ${k}: ${events[k - 1]!.t} → ${events[k]!.t}`);
  }
  const last = events.at(-1);
  if (last?.kind !== 'end') found.push(`last event is ${last?.kind ?? 'missing'}, not end`);
  else if (last.status !== summary.status) found.push(`end says ${last.status}, summary ${summary.status}`);
  if (summary.events !== events.length) found.push(`summary counts ${summary.events} events, got ${events.length}`);
  const expectedExit: Record<RunStatus, number[]> = {
    finished: [0], raised: [1], 'syntax-error': [1], limit: [3], deadlock: [3], stopped: [],
  };
  if (!expectedExit[summary.status].includes(summary.exitCode)) {
    found.push(`status ${summary.status} with exit code ${summary.exitCode}`);
  }
  if (summary.status !== 'finished' && summary.message.trim() === '') found.push(`${summary.status} with no message`);
  if ((summary.status === 'raised' || summary.status === 'syntax-error')
    && !events.some((e) => e.kind === 'error') && !summary.message.startsWith('SystemExit')) {
    found.push(`${summary.status} without an error event`);
  }
  return found;
}

const CANARY = 'import asyncio\nasync def main():\n    await asyncio.sleep(2)\n    print("ok", 1 + 1)\nasyncio.run(main())\n';

/**
 * Pyodide's known limit, not ours to fix here (pyodide#5959): a walk down a chain of
 * thousands of tasks each awaiting the next (cancel, repr, deallocation) overflows the
 * WebAssembly stack before Python's recursion check fires. Pyodide is dead after it, as
 * after a segfault; the engine is reloaded and the case counted apart, by name.
 */
function isWasmStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /Maximum call stack size exceeded/.test(error.message)
    && (error as { pyodide_fatal_error?: boolean }).pyodide_fatal_error === true;
}

let engine: NodeEngine;
const watchdog = startWatchdog();
beforeAll(async () => {
  engine = await createNodeEngine();
  watchdog.watch(engine);
});
afterAll(async () => { await watchdog.stop(); });

describe('fuzzing the engine with mangled example programs', () => {
  it(`ends every run in a result, a clear error or a limit (seed ${SEED}, ${COUNT} programs)`, async () => {
    const programs = corpus();
    expect(programs.length).toBeGreaterThan(20);
    const random = prng(SEED);
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    let showsEngineFiles = 0;
    const started = performance.now();
    for (let n = 0; n < COUNT; n++) {
      let source = programs[Math.floor(random() * programs.length)]!;
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++) source = mutate(source, random);
      const t0 = performance.now();
      let outcome: string;
      try {
        const { events, summary, stdout, stderr } = watchdog.guard(() => runAndCollect(engine, source, LIMITS, 'main.py'));
        const took = performance.now() - t0;
        const wrong = problems(events, summary);
        if (summary.status === 'stopped') wrong.push(`hung: still running after ${HANG_MS} ms`);
        else if (took > LIMITS.maxRealMs! + WIND_DOWN_MS) wrong.push(`took ${took.toFixed(0)} ms`);
        outcome = summary.status;
        // Known, reported, not yet fixed: a traceback asyncio logs during shutdown, or a
        // warning about the loop's own shutdown coroutine, names the engine's files.
        // Counted so it stays visible; make it a failure once fixed.
        if ((stdout + stderr).includes('/loopscope_pkg/')) showsEngineFiles++;
        if (wrong.length) failures.push(`#${n}: ${wrong.join('; ')} (${summary.message})\n${source}`);
      } catch (error) {
        if (isWasmStackOverflow(error)) {
          outcome = 'wasm stack overflow (pyodide#5959)';
          console.log(`fuzz #${n}: ${outcome}; engine reloaded. The program:\n${source}`);
        } else {
          outcome = 'host error';
          failures.push(`#${n}: engine.run threw ${String(error)}\n${source}`);
        }
        engine = await createNodeEngine();
        watchdog.watch(engine);
      }
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      // Every so often: the interpreter is still whole (patches undone, state reset).
      if (n % 50 === 49) {
        const canary = runAndCollect(engine, CANARY);
        if (canary.stdout !== 'ok 2\n' || canary.summary.virtualTime !== 2) {
          failures.push(`after #${n} a clean program printed ${JSON.stringify(canary.stdout)} (${canary.summary.message})`);
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: seed ${SEED}, ${COUNT} programs in ${seconds} s: ${JSON.stringify(counts)}; `
      + `output naming the engine's files: ${showsEngineFiles}`);
    expect(failures.slice(0, 5), `FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}`).toEqual([]);
  }, 180_000);
});

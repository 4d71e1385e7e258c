/**
 * The store's side of the engine: starts the client, turns its callbacks into state,
 * and runs or stops programs.
 */
import { EngineClient, type EngineListener } from '../engine/client';
import { endReason, phrase, snapshotAt, Trace } from '../model';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../trace/schema';
import { seek } from './cursor';
import { pausePlayback } from './playback';
import { getApp, setApp } from './store';

/** What the store needs from an engine; tests pass a fake. */
export interface EngineHandle {
  run(source: string, options?: Partial<RunOptions>, filename?: string): number;
  stop(): void;
  dispose(): void;
}

export type EngineFactory = (listener: EngineListener) => EngineHandle;

let engine: EngineHandle | null = null;

const listener: EngineListener = {
  status(status, detail) {
    // A failed engine ends no run by itself: nothing more will arrive for the current one.
    if (status === 'failed') setApp({ running: false });
    setApp({
      engineStatus: status,
      engineMessage: detail.message !== undefined ? endReason(detail.message) : null,
      ...(detail.loadMs !== undefined ? { loadMs: detail.loadMs } : {}),
    });
  },
  batch(runId, events) {
    const { runId: current, trace } = getApp();
    if (runId !== current) return;
    try {
      trace.append(events);
      setApp({ traceLength: trace.length });
    } catch (err) {
      setApp({ engineMessage: phrase('notice.traceUnreadable', { error: String(err) }) });
    }
  },
  end(runId, summary) {
    if (runId !== getApp().runId) return;
    setApp({ running: false, summary });
    const pending = getApp().pendingStep;
    if (pending?.runId === runId) {
      setApp({ pendingStep: null });
      landOn(pending.cursor);
    } else if (getApp().runOptions?.interruptAt !== undefined) {
      // A run with a Ctrl+C: show the step where it reached the program.
      const at = interruptStep(getApp().trace);
      if (at !== null) seek(at);
    } else if (summary.status === 'syntax-error') {
      // Nothing ran, so there is nothing to step through: show the error right away.
      seek(getApp().trace.last);
    }
  },
};

/** The step where a requested Ctrl+C (RunOptions.interruptAt) reached the program. */
export function interruptStep(trace: Trace): number | null {
  for (let seq = 0; seq < trace.length; seq++) {
    const ev = trace.events[seq]!;
    if (ev.kind === 'warning' && ev.category === 'KeyboardInterrupt') return seq;
  }
  return null;
}

/** Starts the engine (once); the default is the Pyodide worker. */
export function connectEngine(factory: EngineFactory = (l) => new EngineClient(l)): void {
  if (engine) return;
  engine = factory(listener);
}

export function disconnectEngine(): void {
  engine?.dispose();
  engine = null;
}

// A link's step, once its run has ended: said plainly when the run is shorter.
function landOn(cursor: number): void {
  const { trace } = getApp();
  seek(cursor);
  if (cursor > trace.last) {
    setApp({ notice: phrase('notice.linkStepBeyond', { step: cursor + 1, n: trace.length }) });
  }
}

/**
 * Runs the editor's program from the start with the scenario's seed and network; the
 * cursor goes back to before the first event. Returns the run's id (null: no engine).
 */
export function runProgram(options: Partial<RunOptions> = {}): number | null {
  if (!engine) return null;
  pausePlayback();
  const { source, seed, network } = getApp();
  const runOptions: RunOptions = { ...DEFAULT_RUN_OPTIONS, seed, ...(network ? { network } : {}), ...options };
  const trace = new Trace();
  const runId = engine.run(source, runOptions, 'main.py');
  setApp({
    runId, running: true, summary: null, runSource: source, runOptions, trace, traceLength: 0,
    cursor: -1, snapshot: snapshotAt(trace, -1), notice: null, pendingStep: null,
  });
  return runId;
}

export function stopProgram(): void {
  pausePlayback();
  engine?.stop();
}

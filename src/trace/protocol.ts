/**
 * Messages between the main thread (engine client) and the engine worker.
 * Both sides import this module; every message is checked at the boundary.
 */
import type { RunOptions, RunSummary, TraceEvent } from './schema';

/** Main thread → worker. */
export type EngineCommand =
  | { type: 'run'; runId: number; source: string; filename: string; options: RunOptions }
  /** Sent only where the page is cross-origin isolated; otherwise the client restarts the worker. */
  | { type: 'interrupt-buffer'; buffer: SharedArrayBuffer };

/** Worker → main thread. */
export type EngineReply =
  | { type: 'status'; status: 'loading' | 'ready'; loadMs?: number }
  | { type: 'batch'; runId: number; events: TraceEvent[] }
  | { type: 'end'; runId: number; summary: RunSummary }
  | { type: 'fatal'; message: string }
  /** Python itself crashed (Pyodide's fatal error) after the run's end was sent: replace the worker. */
  | { type: 'crashed' };

export type EngineStatus = 'loading' | 'ready' | 'running' | 'failed';


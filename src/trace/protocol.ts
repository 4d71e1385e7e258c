/**
 * Messages between the main thread (engine client) and the engine worker.
 * Both sides import this module; every message is checked at the boundary.
 */
import type { RunOptions, RunSummary } from './schema';

/** Main thread → worker. */
export type EngineCommand =
  | { type: 'run'; runId: number; source: string; filename: string; options: RunOptions }
  /** Sent only where the page is cross-origin isolated; otherwise the client restarts the worker. */
  | { type: 'interrupt-buffer'; buffer: SharedArrayBuffer };

/** Worker → main thread. */
export type EngineReply =
  | { type: 'status'; status: 'loading' | 'ready'; loadMs?: number }
  /** A batch as the engine marshalled it: the page decodes it (trace/validate.ts batchParser). */
  | { type: 'batch'; runId: number; bytes: Uint8Array }
  | { type: 'end'; runId: number; summary: RunSummary }
  /** The run ended without a summary from Python: the page knows how many events came. */
  | { type: 'failed'; runId: number; message: string }
  | { type: 'fatal'; message: string }
  /** Python itself crashed (Pyodide's fatal error) after the run's end was sent: replace the worker. */
  | { type: 'crashed' };

export type EngineStatus = 'loading' | 'ready' | 'running' | 'failed';


/**
 * The trace contract between the Python engine and everything that views a run.
 * One event per scheduling decision; every view is a pure function of (trace, cursor).
 * Bump TRACE_VERSION on any change a saved trace or a link would notice.
 */
export const TRACE_VERSION = 1;

/** Virtual seconds on the simulated loop clock. Never mixed with wall-clock milliseconds. */
export type VirtualSeconds = number & { readonly __unit?: 'virtual-s' };

/** Fields every event carries. */
export interface EventBase {
  /** Position in the trace, from 0, without gaps. */
  seq: number;
  /** Virtual time when the event happened. */
  t: VirtualSeconds;
  /** Loop iteration (`_run_once` count of the loop that is running; 0 outside a loop). */
  it: number;
  /** The task whose step is running (its unique name), or null for plain callbacks / top level. */
  task: string | null;
  /** The user source line the event is attributed to, when known. */
  line: number | null;
}

export type LoopAction = 'create' | 'run_until_complete' | 'run_forever' | 'stop' | 'close';
export type TaskEndState = 'done' | 'failed' | 'cancelled';
export type QueueName = 'ready' | 'timer';
/** What kind of thing a suspended task waits on; drives icons and colours. */
export type WaitKind =
  | 'sleep' | 'task' | 'future' | 'gather' | 'wait' | 'wait_for' | 'timeout'
  | 'queue' | 'lock' | 'semaphore' | 'event' | 'condition' | 'taskgroup' | 'io' | 'other';
export type RunStatus = 'finished' | 'raised' | 'deadlock' | 'limit' | 'stopped' | 'syntax-error';

/** A run the engine or the user cut short (a limit, a deadlock, Stop): it did not end by itself. */
export function cutShort(status: RunStatus): boolean {
  return status === 'limit' || status === 'deadlock' || status === 'stopped';
}

/** One coroutine frame of an await chain, outermost first. */
export interface ChainFrame { fn: string; line: number; user: boolean }

export interface LoopEvent extends EventBase { kind: 'loop'; action: LoopAction; loop: number }
export interface TaskCreatedEvent extends EventBase {
  kind: 'task-created'; id: string; coro: string; parent: string | null;
  /** Started by asyncio itself (asyncio.run's clean-up), not by the program. */
  internal: boolean;
}
export interface ScheduleEvent extends EventBase {
  kind: 'schedule'; handle: number; queue: QueueName; when: VirtualSeconds | null;
  label: string; cause: string; target: string | null;
}
/** A handle was cancelled while it still waited in the ready queue or the timer heap. */
export interface UnscheduleEvent extends EventBase {
  kind: 'unschedule'; handle: number; queue: QueueName; by: string | null;
}
export interface CallbackEvent extends EventBase {
  kind: 'callback'; handle: number; label: string; target: string | null;
}
export interface ResumeEvent extends EventBase {
  kind: 'resume'; id: string; by: string | null; value: string | null; exc: string | null;
}
export interface SuspendEvent extends EventBase {
  kind: 'suspend'; id: string; awaits: string; wait: WaitKind; on: string[];
  until: VirtualSeconds | null; chain: ChainFrame[];
}
export interface TaskDoneEvent extends EventBase {
  kind: 'task-done'; id: string; state: TaskEndState; result: string | null; exc: string | null;
}
export interface FutureEvent extends EventBase {
  kind: 'future-created' | 'future-resolved' | 'future-cancelled';
  fut: string; value: string | null;
}
export interface CancelEvent extends EventBase { kind: 'cancel'; id: string; by: string | null; msg: string | null }
export interface ClockEvent extends EventBase { kind: 'clock'; from: VirtualSeconds; to: VirtualSeconds }
export interface BlockedEvent extends EventBase { kind: 'blocked'; call: string; dur: VirtualSeconds }
export interface IoEvent extends EventBase {
  kind: 'io'; phase: 'start' | 'done'; io: number; what: string; dur: VirtualSeconds | null;
}
export interface OutputEvent extends EventBase { kind: 'output'; stream: 'stdout' | 'stderr'; text: string }
export interface WarningEvent extends EventBase {
  kind: 'warning'; category: string; message: string; legacy: boolean;
}
export interface ErrorEvent extends EventBase {
  kind: 'error'; excType: string; message: string; traceback: string; frames: ChainFrame[];
}
export interface LineEvent extends EventBase { kind: 'line' }
export interface EndEvent extends EventBase {
  kind: 'end'; status: RunStatus; exitCode: number; message: string;
}

export type TraceEvent =
  | LoopEvent | TaskCreatedEvent | ScheduleEvent | UnscheduleEvent | CallbackEvent | ResumeEvent | SuspendEvent
  | TaskDoneEvent | FutureEvent | CancelEvent | ClockEvent | BlockedEvent | IoEvent
  | OutputEvent | WarningEvent | ErrorEvent | LineEvent | EndEvent;

export type EventKind = TraceEvent['kind'];

export const EVENT_KINDS: readonly EventKind[] = [
  'loop', 'task-created', 'schedule', 'unschedule', 'callback', 'resume', 'suspend', 'task-done',
  'future-created', 'future-resolved', 'future-cancelled', 'cancel', 'clock', 'blocked',
  'io', 'output', 'warning', 'error', 'line', 'end',
];

/** Settings that decide a run; together with the program they are the scenario. */
export interface RunOptions {
  seed: number;
  /** Stop after this many trace events. */
  maxEvents: number;
  /** Stop when the virtual clock would pass this many seconds. */
  maxTime: number;
  /** Stop a run (or one callback that never yields) after this many real milliseconds. */
  maxRealMs: number;
  /** Stop one callback that runs this many real milliseconds without yielding to the
   * loop (default CALLBACK_BUDGET_MS; time spent importing modules does not count). */
  maxCallbackMs?: number;
  /** Emit a `line` event for every user line executed. */
  lines: boolean;
  /** Record trace events at all (off only for benchmarks). */
  trace: boolean;
  /** The simulated network: base latency and per-URL rules (defaults when absent). */
  network?: NetworkSettings;
  /** Press Ctrl+C at this virtual time: SIGINT reaches the program as in a terminal. */
  interruptAt?: number;
}

/** A rule for the URLs it matches; the first matching rule in the list applies. */
export interface NetworkRule {
  /** A URL prefix (`https://api.example.com/`), or a glob when it has `*`, `?` or `[`. */
  match: string;
  status?: number;
  /** Seconds, instead of the base latency and jitter. */
  latency?: number;
  /** The response body: text as is, any other JSON value served as JSON. */
  body?: unknown;
  contentType?: string;
  /** `refused`: the host refuses connections; `timeout`: it never answers. */
  error?: 'timeout' | 'refused';
}

export interface NetworkSettings {
  /** Seconds every request takes at least (default 0.1). */
  latency?: number;
  /** Up to this many seconds more, seeded (default 0.1). */
  jitter?: number;
  rules?: NetworkRule[];
}

/** The engine's default budget for one callback: a runaway stops within a second. */
export const CALLBACK_BUDGET_MS = 700;

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  seed: 1,
  maxEvents: 200_000,
  maxTime: 7 * 24 * 3600,
  maxRealMs: 10_000,
  lines: true,
  trace: true,
};

/** How a run ended, as the engine reports it. */
export interface RunSummary {
  status: RunStatus;
  exitCode: number;
  message: string;
  events: number;
  virtualTime: VirtualSeconds;
  wallMs: number;
}

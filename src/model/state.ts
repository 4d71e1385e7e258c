/**
 * What the event loop holds, rebuilt from trace events alone. `applyEvent` mutates a
 * LoopState in place; callers replay onto a clone (see checkpoints.ts), never onto a
 * state somebody else still reads. Task records are replaced, never edited, so a clone
 * can share them.
 */
import { assertUnreachable } from '../base/assert';
import type {
  ChainFrame, LoopAction, RunStatus, TaskEndState, TraceEvent, VirtualSeconds, WaitKind,
} from '../trace/schema';

export interface TaskRecord {
  readonly id: string;
  readonly coro: string;
  readonly parent: string | null;
  readonly internal: boolean;
  /** Position among all tasks of the run, for stable ordering and colours. */
  readonly order: number;
  readonly createdSeq: number;
  readonly createdLine: number | null;
  /** Its coroutine has run at least once. */
  readonly started: boolean;
  readonly end: TaskEndState | null;
  readonly result: string | null;
  readonly exc: string | null;
  /** While suspended: what it waits on, for people. */
  readonly awaits: string | null;
  readonly wait: WaitKind | null;
  readonly on: readonly string[];
  readonly until: VirtualSeconds | null;
  readonly chain: readonly ChainFrame[];
  /** The user line it is parked on (innermost user frame of the await chain). */
  readonly parkedLine: number | null;
  /** The last user line it executed. */
  readonly line: number | null;
  readonly resumedBy: string | null;
  readonly cancelRequested: { by: string | null; msg: string | null } | null;
}

export interface ReadyItem {
  readonly handle: number;
  readonly label: string;
  readonly cause: string;
  /** The task whose step this handle runs, if it is a task step. */
  readonly target: string | null;
  readonly seq: number;
}

export interface TimerItem {
  readonly handle: number;
  readonly when: VirtualSeconds;
  readonly label: string;
  readonly cause: string;
  /** The task that scheduled it. */
  readonly owner: string | null;
  readonly seq: number;
}

export interface IoItem { readonly io: number; readonly what: string; readonly since: VirtualSeconds; readonly dur: VirtualSeconds | null }

export interface RunningNow {
  /** Null for code outside any callback (module top level). */
  readonly handle: number | null;
  readonly label: string;
  readonly task: string | null;
}

export interface LoopState {
  /** Seq of the last applied event; -1 before the first. */
  seq: number;
  t: VirtualSeconds;
  it: number;
  loopAction: LoopAction | null;
  running: RunningNow | null;
  readyQueue: ReadyItem[];
  /** Sorted by due time; equal deadlines in the order they were scheduled. */
  timerHeap: TimerItem[];
  io: IoItem[];
  tasks: Map<string, TaskRecord>;
  /** How the run ended; `stoppedIn`: the task whose step was running when it stopped. */
  ended: { status: RunStatus; exitCode: number; message: string; stoppedIn: string | null } | null;
}

export function initialState(): LoopState {
  return {
    seq: -1, t: 0, it: 0, loopAction: null, running: null,
    readyQueue: [], timerHeap: [], io: [], tasks: new Map(), ended: null,
  };
}

export function cloneState(s: LoopState): LoopState {
  return {
    ...s,
    readyQueue: s.readyQueue.slice(),
    timerHeap: s.timerHeap.slice(),
    io: s.io.slice(),
    tasks: new Map(s.tasks),
  };
}

function updateTask(s: LoopState, id: string, change: Partial<TaskRecord>): void {
  const task = s.tasks.get(id);
  if (task) s.tasks.set(id, { ...task, ...change });
}

function insertTimer(heap: TimerItem[], timer: TimerItem): void {
  let i = heap.length;
  while (i > 0 && heap[i - 1].when > timer.when) i--;
  heap.splice(i, 0, timer);
}

function removeHandle<T extends { handle: number }>(list: T[], handle: number): void {
  const i = list.findIndex((x) => x.handle === handle);
  if (i >= 0) list.splice(i, 1);
}

function innermostUserLine(chain: readonly ChainFrame[]): number | null {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].user) return chain[i].line;
  return null;
}

/** Applies one event; `ev.seq` must be `s.seq + 1`. */
export function applyEvent(s: LoopState, ev: TraceEvent): void {
  if (ev.it !== s.it) {
    s.it = ev.it;
    // A new iteration of _run_once: the previous callback is over.
    s.running = null;
  }
  s.seq = ev.seq;
  s.t = ev.t;
  if (ev.task !== null && ev.line !== null && ev.kind !== 'task-done') updateTask(s, ev.task, { line: ev.line });

  switch (ev.kind) {
    case 'loop':
      s.loopAction = ev.action;
      if (ev.action === 'close') {
        s.readyQueue = [];
        s.timerHeap = [];
      }
      if (ev.action === 'stop' || ev.action === 'close') s.running = null;
      break;
    case 'task-created':
      s.tasks.set(ev.id, {
        id: ev.id, coro: ev.coro, parent: ev.parent, internal: ev.internal, order: s.tasks.size,
        createdSeq: ev.seq, createdLine: ev.line, started: false, end: null, result: null, exc: null,
        awaits: null, wait: null, on: [], until: null, chain: [], parkedLine: null, line: null,
        resumedBy: null, cancelRequested: null,
      });
      break;
    case 'schedule':
      // A timer that comes due keeps its handle id as it moves to the ready queue.
      removeHandle(s.timerHeap, ev.handle);
      if (ev.queue === 'ready') {
        s.readyQueue.push({ handle: ev.handle, label: ev.label, cause: ev.cause, target: ev.target, seq: ev.seq });
      } else {
        insertTimer(s.timerHeap, {
          handle: ev.handle, when: ev.when ?? ev.t, label: ev.label, cause: ev.cause, owner: ev.task, seq: ev.seq,
        });
      }
      break;
    case 'unschedule':
      if (ev.queue === 'timer') removeHandle(s.timerHeap, ev.handle);
      else removeHandle(s.readyQueue, ev.handle);
      break;
    case 'callback':
      removeHandle(s.readyQueue, ev.handle);
      s.running = { handle: ev.handle, label: ev.label, task: ev.target };
      break;
    case 'resume': {
      updateTask(s, ev.id, {
        started: true, awaits: null, wait: null, on: [], until: null, chain: [], parkedLine: null,
        resumedBy: ev.by,
      });
      if (s.running === null || s.running.task !== ev.id) s.running = { handle: null, label: `${ev.id} step`, task: ev.id };
      break;
    }
    case 'suspend': {
      updateTask(s, ev.id, {
        awaits: ev.awaits, wait: ev.wait, on: ev.on, until: ev.until, chain: ev.chain,
        parkedLine: innermostUserLine(ev.chain) ?? ev.line,
      });
      if (s.running?.task === ev.id) s.running = null;
      break;
    }
    case 'task-done':
      updateTask(s, ev.id, {
        end: ev.state, result: ev.result, exc: ev.exc, awaits: null, wait: null, on: [], until: null,
        chain: [], parkedLine: null,
      });
      if (s.running?.task === ev.id) s.running = null;
      break;
    case 'cancel':
      updateTask(s, ev.id, { cancelRequested: { by: ev.by, msg: ev.msg } });
      break;
    case 'clock':
      // The event is stamped with the time it jumped from; after it, the clock reads the new time.
      s.t = ev.to;
      s.running = null;
      break;
    case 'io':
      if (ev.phase === 'start') s.io.push({ io: ev.io, what: ev.what, since: ev.t, dur: ev.dur });
      else s.io = s.io.filter((x) => x.io !== ev.io);
      break;
    case 'end':
      s.ended = { status: ev.status, exitCode: ev.exitCode, message: ev.message, stoppedIn: s.running?.task ?? null };
      s.running = null;
      break;
    case 'blocked':
      // Stamped when the blocking call began; the loop's clock has moved on by its duration.
      // A simulated thread's block (its lane is not a task) holds up only that thread.
      if (ev.task === null || s.tasks.has(ev.task)) s.t = ev.t + ev.dur;
      break;
    case 'line': case 'output': case 'warning': case 'error':
    case 'future-created': case 'future-resolved': case 'future-cancelled':
      break;
    default:
      assertUnreachable(ev);
  }
}

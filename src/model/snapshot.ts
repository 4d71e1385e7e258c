/**
 * The public view of one step: everything a panel shows, derived from (trace, cursor).
 */
import type { LoopAction, RunStatus, TraceEvent, VirtualSeconds } from '../trace/schema';
import { narrate, NOTHING_YET, type Narration } from './narrate';
import type { IoItem, LoopState, ReadyItem, RunningNow, TaskRecord, TimerItem } from './state';
import { sameIo, sameScheduled, taskViews } from './sharing';
import type { ConsoleLine, Problem, Trace } from './trace';

export type TaskState = 'pending' | 'ready' | 'running' | 'suspended' | 'done' | 'failed' | 'cancelled';

export interface TaskView {
  readonly record: TaskRecord;
  readonly state: TaskState;
}

export interface TimerView {
  readonly timer: TimerItem;
  /** Virtual time left until it is due. */
  readonly remaining: VirtualSeconds;
}

export interface LoopSnapshot {
  /** Seq of the last event applied; -1 is the start, before anything ran. */
  readonly cursor: number;
  readonly event: TraceEvent | null;
  readonly t: VirtualSeconds;
  readonly it: number;
  readonly loopAction: LoopAction | null;
  /** The loop is inside run_forever (otherwise module-level code or nothing runs). */
  readonly loopRunning: boolean;
  readonly running: RunningNow | null;
  readonly readyQueue: readonly ReadyItem[];
  readonly timerHeap: readonly TimerView[];
  readonly io: readonly IoItem[];
  /** Every task created so far, in creation order (internal ones included, flagged). */
  readonly tasks: readonly TaskView[];
  readonly console: readonly ConsoleLine[];
  readonly problems: readonly Problem[];
  readonly ended: { status: RunStatus; exitCode: number; message: string } | null;
  /** The line the current event happened on, and whose step ran it. */
  readonly currentLine: { line: number; task: string | null } | null;
  /** What this step did, as a sentence for the UI's dictionary to word. */
  readonly narration: Narration;
}

function taskState(task: TaskRecord, state: LoopState, queued: ReadonlySet<string>): TaskState {
  if (task.end !== null) return task.end;
  // A run stopped at a limit (or by Stop) mid-step leaves that task running, not parked.
  if (state.running?.task === task.id || state.ended?.stoppedIn === task.id) return 'running';
  if (queued.has(task.id)) return task.started ? 'ready' : 'pending';
  return task.started ? 'suspended' : 'pending';
}

/**
 * Builds the view of a state that `trace.stateAt(state.seq)` produced. Given the view
 * of the step before (same trace), what did not change is that view's own objects, so
 * panels that compare by identity skip their work on a step that did not touch them.
 */
export function viewOf(trace: Trace, state: LoopState, previous: LoopSnapshot | null = null): LoopSnapshot {
  const cursor = state.seq;
  const event = cursor >= 0 ? trace.events[cursor] : null;
  const queued = new Set<string>();
  for (const item of state.readyQueue) if (item.target !== null) queued.add(item.target);
  const readyQueue = previous && sameScheduled(previous.readyQueue, state.readyQueue) ? previous.readyQueue : state.readyQueue;
  const timerHeap = previous && previous.t === state.t && sameScheduled(previous.timerHeap.map((x) => x.timer), state.timerHeap)
    ? previous.timerHeap
    : state.timerHeap.map((timer) => ({ timer, remaining: Math.max(0, timer.when - state.t) }));
  return {
    cursor,
    event,
    t: state.t,
    it: state.it,
    loopAction: state.loopAction,
    loopRunning: state.loopAction === 'run_forever',
    running: state.running,
    readyQueue,
    timerHeap,
    io: previous && sameIo(previous.io, state.io) ? previous.io : state.io,
    tasks: taskViews(state, queued, previous?.tasks ?? [], taskState),
    console: trace.consoleThrough(cursor),
    problems: trace.problemsThrough(cursor),
    ended: state.ended,
    currentLine: event?.line != null ? { line: event.line, task: event.task } : null,
    narration: event ? narrate(event, state) : NOTHING_YET,
  };
}

/** What the loop holds after event `cursor` (clamped to the trace; -1 = before the first event). */
export function snapshotAt(trace: Trace, cursor: number, previous: LoopSnapshot | null = null): LoopSnapshot {
  return viewOf(trace, trace.stateAt(cursor), previous);
}

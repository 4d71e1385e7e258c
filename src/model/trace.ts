/**
 * A run's trace as it arrives, indexed for seeking: a full LoopState every
 * CHECKPOINT_INTERVAL events, so any cursor is at most that many events of replay
 * away, forward or backward alike.
 */
import type { ChainFrame, TraceEvent, VirtualSeconds } from '../trace/schema';
import { applyEvent, cloneState, initialState, type LoopState } from './state';

export const CHECKPOINT_INTERVAL = 128;

export interface ConsoleLine {
  readonly seq: number;
  readonly t: VirtualSeconds;
  readonly task: string | null;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface Problem {
  readonly seq: number;
  readonly kind: 'warning' | 'error';
  readonly line: number | null;
  readonly title: string;
  readonly message: string;
  readonly frames: readonly ChainFrame[];
  readonly legacy: boolean;
}

/** Event positions that the coarser step granularities stop at, ascending. */
export interface StopPositions {
  readonly line: number[];
  readonly callback: number[];
  readonly iteration: number[];
  readonly clock: number[];
}

export class Trace {
  readonly events: TraceEvent[] = [];
  readonly console: ConsoleLine[] = [];
  readonly problems: Problem[] = [];
  readonly stops: StopPositions = { line: [], callback: [], iteration: [], clock: [] };
  /** checkpoints[i] is the state before event i × interval. */
  private readonly checkpoints: LoopState[] = [initialState()];
  private readonly frontier: LoopState = initialState();

  private readonly interval: number;
  // The last prefixes handed out: both lists only grow, so a prefix of a given length
  // never changes, and a step that prints nothing gets the very same array again.
  private consoleShown: readonly ConsoleLine[] = [];
  private problemsShown: readonly Problem[] = [];

  /** `interval`: events between checkpoints (tests use small ones to cross many). */
  constructor(interval = CHECKPOINT_INTERVAL) {
    this.interval = interval;
  }

  static from(events: readonly TraceEvent[], interval = CHECKPOINT_INTERVAL): Trace {
    const trace = new Trace(interval);
    trace.append(events);
    return trace;
  }

  get length(): number {
    return this.events.length;
  }

  /** The run has ended, and none of the program's own tasks was ever created in it (a
   * program of plain threads): "no tasks" is then the whole story, not "none yet". */
  get endedWithoutTasks(): boolean {
    if (this.frontier.ended === null) return false;
    for (const task of this.frontier.tasks.values()) if (!task.internal) return false;
    return true;
  }

  /** The last cursor position: the seq of the last event, or -1 when there is none. */
  get last(): number {
    return this.events.length - 1;
  }

  append(batch: readonly TraceEvent[]): void {
    for (const ev of batch) {
      if (ev.seq !== this.events.length) {
        throw new Error(`trace: event seq ${ev.seq} arrived where ${this.events.length} was expected`);
      }
      const previous = this.events[this.events.length - 1];
      this.events.push(ev);
      this.index(ev, previous);
      applyEvent(this.frontier, ev);
      if ((ev.seq + 1) % this.interval === 0) this.checkpoints.push(cloneState(this.frontier));
    }
  }

  private index(ev: TraceEvent, previous: TraceEvent | undefined): void {
    if (ev.kind === 'line') this.stops.line.push(ev.seq);
    if (ev.kind === 'callback') this.stops.callback.push(ev.seq);
    if (ev.kind === 'clock') this.stops.clock.push(ev.seq);
    if (previous === undefined || previous.it !== ev.it) this.stops.iteration.push(ev.seq);
    if (ev.kind === 'output') {
      this.console.push({ seq: ev.seq, t: ev.t, task: ev.task, stream: ev.stream, text: ev.text });
    } else if (ev.kind === 'warning') {
      this.problems.push({
        seq: ev.seq, kind: 'warning', line: ev.line, title: ev.category, message: ev.message,
        frames: [], legacy: ev.legacy,
      });
    } else if (ev.kind === 'error') {
      this.problems.push({
        seq: ev.seq, kind: 'error', line: ev.line, title: ev.excType, message: ev.message,
        frames: ev.frames, legacy: false,
      });
    }
  }

  /** The console lines printed up to and including event `cursor`. */
  consoleThrough(cursor: number): readonly ConsoleLine[] {
    const count = countAtOrBefore(this.console, cursor, bySeq);
    if (count !== this.consoleShown.length) this.consoleShown = this.console.slice(0, count);
    return this.consoleShown;
  }

  /** The warnings and errors raised up to and including event `cursor`. */
  problemsThrough(cursor: number): readonly Problem[] {
    const count = countAtOrBefore(this.problems, cursor, bySeq);
    if (count !== this.problemsShown.length) this.problemsShown = this.problems.slice(0, count);
    return this.problemsShown;
  }

  /** A fresh state after event `cursor` (-1: before the first event); the caller owns it. */
  stateAt(cursor: number): LoopState {
    const target = Math.max(-1, Math.min(cursor, this.last));
    const slot = Math.floor((target + 1) / this.interval);
    const state = cloneState(this.checkpoints[slot]);
    for (let seq = slot * this.interval; seq <= target; seq++) applyEvent(state, this.events[seq]);
    return state;
  }
}

const bySeq = (x: { seq: number }) => x.seq;

/** How many items of `sorted` (ascending by `key`) have a key ≤ `value`, by binary search. */
export function countAtOrBefore<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

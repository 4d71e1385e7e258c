/**
 * Every task's life as spans, for the timeline: built incrementally from the trace as
 * batches arrive, so a growing 100,000-event run is indexed once, not once per batch.
 */
import type { TaskEndState, TraceEvent, VirtualSeconds, WaitKind } from '../trace/schema';
import { countAtOrBefore } from './trace';

export type SpanKind = 'pending' | 'ready' | 'running' | 'suspended' | 'blocked' | 'idle' | 'callback';

/** One stretch of a lane, with both extents: virtual time and logical step (seq). */
export interface TimelineSpan {
  readonly kind: SpanKind;
  readonly t0: VirtualSeconds;
  readonly t1: VirtualSeconds;
  readonly seq0: number;
  readonly seq1: number;
  /** What a suspended task awaited, the blocking call, the callback run, the clock jump. */
  readonly label: string;
  readonly wait: WaitKind | null;
  /** Still going at the end of the trace so far. */
  readonly open: boolean;
  /** A blocking call that holds up no event loop: the main thread's outside any callback,
   * or a thread's of its own (drawn grey, not in the red of a frozen loop). */
  readonly holdsNoLoop?: boolean;
}

export interface LaneEnd { readonly state: TaskEndState; readonly seq: number; readonly t: VirtualSeconds; readonly detail: string | null }

export const LOOP_LANE = 'loop';

export interface TimelineLane {
  /** The task id, or LOOP_LANE for the loop itself. */
  readonly id: string;
  readonly coro: string;
  readonly parent: string | null;
  readonly internal: boolean;
  /** Creation order among tasks (the colour index of the other panels); -1 for the loop
   * and for threads, which are drawn in the loop's neutral colour. */
  readonly order: number;
  /** Sequential and non-overlapping, so both t1 and seq1 ascend. */
  readonly spans: readonly TimelineSpan[];
  readonly end: LaneEnd | null;
  /** A simulated thread's lane; its `coro` says which kind: 'thread' or 'worker thread'. */
  readonly thread?: boolean;
}

/** From the event that woke a task to the resumption of that task. */
export interface WakeLink {
  readonly from: string;
  readonly to: string;
  readonly fromSeq: number;
  readonly fromT: VirtualSeconds;
  readonly toSeq: number;
  readonly toT: VirtualSeconds;
}

/** The clock as a user sees it after an event: clock jumps and blocking calls move it on. */
export function timeAfter(ev: TraceEvent): VirtualSeconds {
  if (ev.kind === 'clock') return ev.to;
  if (ev.kind === 'blocked') return ev.t + ev.dur;
  return ev.t;
}

/** The last event whose clock reads at most `t` (-1 when none): where a click at `t` seeks. */
export function seqAtTime(events: readonly TraceEvent[], t: VirtualSeconds): number {
  return countAtOrBefore(events, t + 1e-9, timeAfter) - 1;
}

/** The engine's cause for a callback a simulated thread handed to a loop. */
const POSTED_FROM = /^posted from (.+) via call_soon_threadsafe/;

interface Current { kind: SpanKind; t0: VirtualSeconds; seq0: number; label: string; wait: WaitKind | null }

interface LaneBuild {
  id: string; coro: string; parent: string | null; internal: boolean; order: number;
  /** A simulated thread (or executor worker): its lane comes from its events, not a task. */
  thread?: boolean;
  spans: TimelineSpan[]; end: LaneEnd | null; current: Current | null;
  /** Set by the schedule that woke it; becomes a link at its resume. */
  wokenBy: { from: string; seq: number; t: VirtualSeconds } | null;
}

function newLane(id: string, coro: string, parent: string | null, internal: boolean, order: number): LaneBuild {
  return { id, coro, parent, internal, order, spans: [], end: null, current: null, wokenBy: null };
}

export class TimelineBuilder {
  private readonly lanes = new Map<string, LaneBuild>();
  /** Tasks so far: a task's order counts tasks only, as the task panel's colours do. */
  private taskCount = 0;
  private readonly loop = newLane(LOOP_LANE, 'event loop', null, false, -1);
  private readonly wakes: WakeLink[] = [];
  /** Callbacks a thread posted to the loop (call_soon_threadsafe), by handle: an arrow each. */
  private readonly posted = new Map<number, { from: string; seq: number; t: VirtualSeconds }>();
  private consumed = 0;
  private lastSeq = -1;
  private lastT: VirtualSeconds = 0;
  /** The loop iteration a plain callback on the loop lane runs in. */
  private callbackIt = -1;

  constructor() {
    this.lanes.set(LOOP_LANE, this.loop);
  }

  /** Reads the events of `events` it has not seen yet (the trace's array grows in place). */
  update(events: readonly TraceEvent[]): void {
    for (; this.consumed < events.length; this.consumed++) this.apply(events[this.consumed]);
  }

  get eventCount(): number {
    return this.consumed;
  }

  private close(lane: LaneBuild, seq: number, t: VirtualSeconds): void {
    const c = lane.current;
    if (c) lane.spans.push({ ...c, t1: t, seq1: seq, open: false });
    lane.current = null;
  }

  private open(lane: LaneBuild, kind: SpanKind, seq: number, t: VirtualSeconds, label = '', wait: WaitKind | null = null): void {
    this.close(lane, seq, t);
    lane.current = { kind, t0: t, seq0: seq, label, wait };
  }

  private apply(ev: TraceEvent): void {
    this.lastSeq = ev.seq;
    this.lastT = timeAfter(ev);
    // A plain callback lasts until the loop's next iteration starts.
    if (this.loop.current?.kind === 'callback' && ev.it !== this.callbackIt) this.close(this.loop, ev.seq, ev.t);
    const lane = 'id' in ev && typeof ev.id === 'string' ? this.lanes.get(ev.id) : undefined;
    if (ev.task !== null && !this.lanes.has(ev.task) && ev.kind === 'io' && ev.phase === 'start') {
      // A simulated thread or executor worker says it starts: it gets a lane of its own.
      const thread = newLane(ev.task, ev.what.startsWith('thread ') ? 'thread' : 'worker thread',
        null, false, -1);
      thread.thread = true;
      this.lanes.set(ev.task, thread);
    }
    const threadLane = ev.task === null ? undefined : this.lanes.get(ev.task);
    if (threadLane?.thread && this.applyOnThread(threadLane, ev)) return;
    switch (ev.kind) {
      case 'task-created': {
        const created = newLane(ev.id, ev.coro, ev.parent, ev.internal, this.taskCount++);
        this.lanes.set(ev.id, created);
        this.open(created, 'pending', ev.seq, ev.t);
        break;
      }
      case 'schedule': {
        // A thread's call_soon_threadsafe reaches the loop's ready queue from its lane.
        const poster = POSTED_FROM.exec(ev.cause)?.[1];
        // The main thread's lane is the loop's: it posts to loops running in other threads.
        const from = poster === 'MainThread' ? LOOP_LANE : poster;
        if (from === LOOP_LANE || (from !== undefined && this.lanes.get(from)?.thread)) {
          this.posted.set(ev.handle, { from, seq: ev.seq, t: ev.t });
        }
        const target = ev.target === null ? undefined : this.lanes.get(ev.target);
        if (target?.current?.kind === 'suspended') {
          this.open(target, 'ready', ev.seq, ev.t, ev.cause);
          target.wokenBy = { from: ev.task ?? LOOP_LANE, seq: ev.seq, t: ev.t };
        }
        break;
      }
      case 'callback': {
        this.arrowFromPost(ev, ev.target ?? LOOP_LANE);
        const target = ev.target === null ? undefined : this.lanes.get(ev.target);
        if (target) this.open(target, 'running', ev.seq, ev.t);
        else {
          this.open(this.loop, 'callback', ev.seq, ev.t, ev.label);
          this.callbackIt = ev.it;
        }
        break;
      }
      case 'resume':
        if (!lane) break;
        if (lane.current?.kind !== 'running') this.open(lane, 'running', ev.seq, ev.t);
        if (lane.wokenBy) {
          const w = lane.wokenBy;
          this.wakes.push({ from: w.from, to: lane.id, fromSeq: w.seq, fromT: w.t, toSeq: ev.seq, toT: ev.t });
          lane.wokenBy = null;
        }
        break;
      case 'suspend':
        if (lane) this.open(lane, 'suspended', ev.seq, ev.t, ev.awaits, ev.wait);
        break;
      case 'task-done':
        if (!lane) break;
        this.close(lane, ev.seq, ev.t);
        lane.end = { state: ev.state, seq: ev.seq, t: ev.t, detail: ev.exc ?? ev.result };
        break;
      case 'blocked': {
        const until = ev.t + ev.dur;
        const holdsNoLoop = ev.task === null && this.loop.current?.kind !== 'callback';
        this.close(this.loop, ev.seq, ev.t);
        this.loop.spans.push({ kind: 'blocked', t0: ev.t, t1: until, seq0: ev.seq, seq1: ev.seq + 1, label: ev.call, wait: null, open: false,
          ...(holdsNoLoop ? { holdsNoLoop } : {}) });
        const task = ev.task === null ? undefined : this.lanes.get(ev.task);
        if (task?.current?.kind === 'running') {
          this.close(task, ev.seq, ev.t);
          task.spans.push({ kind: 'blocked', t0: ev.t, t1: until, seq0: ev.seq, seq1: ev.seq + 1, label: ev.call, wait: null, open: false });
          task.current = { kind: 'running', t0: until, seq0: ev.seq + 1, label: '', wait: null };
        }
        break;
      }
      case 'clock':
        this.close(this.loop, ev.seq, ev.t);
        this.loop.spans.push({ kind: 'idle', t0: ev.from, t1: ev.to, seq0: ev.seq, seq1: ev.seq + 1, label: `idle until t=${ev.to}`, wait: null, open: false });
        break;
      default:
        break;
    }
  }

  /** An event that happened on a thread: its jobs run, its blocking calls block it (not
   * the loop), and its loop's idle time and plain callbacks stay off the main loop's lane.
   * Returns false for what the common rules draw: the tasks that thread's own event loop
   * creates and runs get lanes like any task (grouped under the thread that made them). */
  private applyOnThread(lane: LaneBuild, ev: TraceEvent): boolean {
    switch (ev.kind) {
      case 'io':
        if (ev.phase === 'start') this.open(lane, 'running', ev.seq, ev.t, ev.what);
        else this.close(lane, ev.seq, ev.t);
        return true;
      case 'blocked': {
        const until = ev.t + ev.dur;
        const label = lane.current?.label ?? '';
        this.close(lane, ev.seq, ev.t);
        lane.spans.push({ kind: 'blocked', t0: ev.t, t1: until, seq0: ev.seq, seq1: ev.seq + 1, label: ev.call, wait: null, open: false, holdsNoLoop: true });
        lane.current = { kind: 'running', t0: until, seq0: ev.seq + 1, label, wait: null };
        return true;
      }
      case 'callback':
        if (ev.target !== null) return false; // a task's step: drawn on the task's lane
        this.arrowFromPost(ev, lane.id); // a post from another thread reaches this one's loop
        return true;
      case 'task-created': case 'schedule': case 'resume': case 'suspend': case 'task-done': case 'cancel':
        return false;
      default:
        return true;
    }
  }

  /** A callback a thread posted (call_soon_threadsafe) runs: an arrow from that thread. */
  private arrowFromPost(ev: Extract<TraceEvent, { kind: 'callback' }>, to: string): void {
    const post = this.posted.get(ev.handle);
    if (!post) return;
    this.posted.delete(ev.handle);
    this.wakes.push({ from: post.from, to, fromSeq: post.seq, fromT: post.t, toSeq: ev.seq, toT: ev.t });
  }

  /** The timeline so far: spans still going end at the last event, marked open. */
  view(): Timeline {
    const lanes: TimelineLane[] = [];
    for (const lane of this.lanes.values()) {
      const c = lane.current;
      const spans = c ? [...lane.spans, { ...c, t1: this.lastT, seq1: this.lastSeq, open: true }] : lane.spans.slice();
      lanes.push({
        id: lane.id, coro: lane.coro, parent: lane.parent, internal: lane.internal, order: lane.order, spans, end: lane.end,
        ...(lane.thread ? { thread: true } : {}),
      });
    }
    return { lanes, wakes: this.wakes.slice(), lastSeq: this.lastSeq, lastT: this.lastT };
  }
}

export interface Timeline {
  /** The loop first, then tasks in creation order. */
  readonly lanes: readonly TimelineLane[];
  readonly wakes: readonly WakeLink[];
  readonly lastSeq: number;
  readonly lastT: VirtualSeconds;
}

/** The timeline of a whole trace, at once. */
export function buildTimeline(events: readonly TraceEvent[]): Timeline {
  const builder = new TimelineBuilder();
  builder.update(events);
  return builder.view();
}

/**
 * A run in the Chrome trace-event JSON format, which Perfetto and chrome://tracing open:
 * one thread per timeline lane (the loop, then each task), 'X' complete events for its
 * spans (task steps, callbacks, blocked time, waits), 'i' instants for scheduling and
 * cancellation, 'M' metadata naming each lane. Times are microseconds of virtual time,
 * so a step that takes no virtual time is a zero-length slice: the `seq` args keep the
 * order the loop ran them in.
 */
import type { TraceEvent } from '../trace/schema';
import { buildTimeline, LOOP_LANE, type SpanKind } from './timeline';

/** The fields of the trace-event format we use (Trace Event Format, Google, 2016). */
export interface TraceEventRecord {
  name: string;
  cat?: string;
  ph: 'X' | 'i' | 'M';
  ts?: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Instant scope: 't' thread. */
  s?: 't';
  args?: Record<string, string | number | null>;
}

export interface PerfettoTrace {
  traceEvents: TraceEventRecord[];
  displayTimeUnit: 'ms';
}

const PID = 1;
const LOOP_TID = 1;
// Waiting in the ready queue or before the first step is not worth a slice of its own.
const SLICE_KINDS: ReadonlySet<SpanKind> = new Set(['running', 'callback', 'blocked', 'suspended', 'idle']);

// Whole nanoseconds, in microseconds: no 0.30000000000000004 in the file.
const micros = (seconds: number) => Math.round(seconds * 1e9) / 1e3;

/** The trace-event JSON of a run; `title` names the process (e.g. the program's file). */
export function perfettoTrace(events: readonly TraceEvent[], title = 'main.py'): PerfettoTrace {
  const timeline = buildTimeline(events);
  const tids = new Map<string, number>();
  const out: TraceEventRecord[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: LOOP_TID, args: { name: `Loopscope: ${title}` } },
  ];
  timeline.lanes.forEach((lane, index) => {
    const tid = lane.id === LOOP_LANE ? LOOP_TID : index + 1;
    tids.set(lane.id, tid);
    const name = lane.id === LOOP_LANE ? 'event loop' : `${lane.id} ${lane.coro}`;
    out.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: tid } });
    for (const span of lane.spans) {
      if (!SLICE_KINDS.has(span.kind)) continue;
      out.push({
        name: span.label || span.kind, cat: span.kind, ph: 'X', pid: PID, tid,
        ts: micros(span.t0), dur: micros(Math.max(0, span.t1 - span.t0)),
        args: { seq0: span.seq0, seq1: span.seq1, ...(span.wait ? { wait: span.wait } : {}) },
      });
    }
  });
  for (const ev of events) {
    if (ev.kind !== 'schedule' && ev.kind !== 'unschedule' && ev.kind !== 'cancel') continue;
    const tid = (ev.task !== null ? tids.get(ev.task) : undefined) ?? LOOP_TID;
    const common = { ph: 'i' as const, s: 't' as const, pid: PID, tid, ts: micros(ev.t), cat: ev.kind };
    if (ev.kind === 'schedule') {
      const where = ev.queue === 'timer' ? `timer for t=${ev.when}` : 'ready queue';
      out.push({ ...common, name: `schedule ${ev.label} (${where})`, args: { seq: ev.seq, cause: ev.cause, handle: ev.handle } });
    } else if (ev.kind === 'unschedule') {
      out.push({ ...common, name: `unschedule handle ${ev.handle}`, args: { seq: ev.seq, by: ev.by } });
    } else {
      out.push({ ...common, name: `cancel ${ev.id}`, args: { seq: ev.seq, by: ev.by, msg: ev.msg } });
    }
  }
  return { traceEvents: out, displayTimeUnit: 'ms' };
}

import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cancelEvents from './fixtures/cancel.trace.json';
import gatherEvents from './fixtures/timeline-gather.trace.json';
import { perfettoTrace, type TraceEventRecord } from './perfetto';

const runs = [
  ['gather with a blocking sleep', gatherEvents as TraceEvent[]],
  ['cancel during sleep', cancelEvents as TraceEvent[]],
] as const;

/**
 * The Trace Event Format's rules for the phases we emit: every event has name, ph, pid
 * and tid; 'X' has ts and dur (µs, ≥ 0); 'i' has ts and a scope; 'M' names a process or
 * thread in args.name (or sorts it in args.sort_index).
 */
function formatProblems(ev: TraceEventRecord): string[] {
  const problems: string[] = [];
  const isCount = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (typeof ev.name !== 'string' || ev.name === '') problems.push('name');
  if (!Number.isInteger(ev.pid) || !Number.isInteger(ev.tid)) problems.push('pid/tid');
  if (ev.ph === 'X' && !(isCount(ev.ts) && isCount(ev.dur))) problems.push('X ts/dur');
  if (ev.ph === 'i' && !(isCount(ev.ts) && ['g', 'p', 't'].includes(ev.s ?? ''))) problems.push('i ts/s');
  if (ev.ph === 'M') {
    if (ev.name === 'thread_sort_index') {
      if (!Number.isInteger(ev.args?.sort_index)) problems.push('M sort_index');
    } else if (!['process_name', 'thread_name'].includes(ev.name) || typeof ev.args?.name !== 'string') {
      problems.push('M args.name');
    }
  }
  if (!['X', 'i', 'M'].includes(ev.ph)) problems.push('ph');
  return problems;
}

describe.each(runs)('the Perfetto export of %s', (_, events) => {
  const { traceEvents } = JSON.parse(JSON.stringify(perfettoTrace(events))) as { traceEvents: TraceEventRecord[] };

  it('has only events with the fields the trace-event format documents', () => {
    expect(traceEvents.length).toBeGreaterThan(10);
    expect(traceEvents.flatMap((ev) => formatProblems(ev).map((p) => `${p}: ${JSON.stringify(ev)}`))).toEqual([]);
  });

  it('names every thread it puts a slice or an instant on: the loop and each task', () => {
    const named = new Map(traceEvents.filter((ev) => ev.name === 'thread_name').map((ev) => [ev.tid, String(ev.args!.name)]));
    for (const ev of traceEvents) if (ev.ph !== 'M') expect(named.has(ev.tid)).toBe(true);
    const tasks = events.filter((ev) => ev.kind === 'task-created').map((ev) => ev.id);
    expect([...named.values()]).toEqual(['event loop', ...tasks.map((id) => expect.stringMatching(new RegExp(`^${id} `)))]);
  });

  it('puts each task step on its task\'s thread, in microseconds of virtual time', () => {
    const named = new Map(traceEvents.filter((ev) => ev.name === 'thread_name').map((ev) => [String(ev.args!.name).split(' ')[0], ev.tid]));
    const steps = traceEvents.filter((ev) => ev.ph === 'X' && ev.cat === 'running');
    expect(steps.length).toBeGreaterThan(0);
    const lastT = events[events.length - 1].t * 1e6;
    for (const ev of traceEvents) if (ev.ph !== 'M') expect(ev.ts! + (ev.dur ?? 0)).toBeLessThanOrEqual(lastT + 1e-6);
    // Task-2's first step comes at or after Task-1's first one.
    const first = (id: string) => steps.find((ev) => ev.tid === named.get(id))!;
    expect(first('Task-2').args!.seq0 as number).toBeGreaterThan(first('Task-1').args!.seq0 as number);
  });
});

describe('the Perfetto export', () => {
  it('shows blocked time as a slice as long as the blocking call', () => {
    const { traceEvents } = perfettoTrace(gatherEvents as TraceEvent[]);
    const blocked = (gatherEvents as TraceEvent[]).find((ev) => ev.kind === 'blocked')!;
    const slice = traceEvents.find((ev) => ev.ph === 'X' && ev.cat === 'blocked')!;
    expect(slice.dur).toBeCloseTo((blocked as { dur: number }).dur * 1e6, 3);
    expect(slice.ts).toBeCloseTo(blocked.t * 1e6, 3);
  });

  it('marks scheduling and cancellation as instants', () => {
    const { traceEvents } = perfettoTrace(cancelEvents as TraceEvent[]);
    const instants = traceEvents.filter((ev) => ev.ph === 'i');
    expect(instants.filter((ev) => ev.cat === 'schedule').length)
      .toBe((cancelEvents as TraceEvent[]).filter((ev) => ev.kind === 'schedule').length);
    expect(instants.some((ev) => ev.cat === 'cancel' && ev.name.startsWith('cancel Task-'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cafeEvents from './fixtures/cafe.trace.json';
import { narrate } from './narrate';
import { snapshotAt } from './snapshot';
import { initialState } from './state';
import { nextBreakpoint, stepTarget, type Granularity } from './stepping';
import { Trace } from './trace';

const trace = Trace.from(cafeEvents as TraceEvent[]);

function walk(granularity: Granularity, direction: 1 | -1, from: number): number[] {
  const visited: number[] = [];
  let cursor = from;
  for (;;) {
    const next = stepTarget(trace, cursor, granularity, direction);
    if (next === cursor) return visited;
    visited.push(next);
    cursor = next;
  }
}

describe('stepping', () => {
  it('by event visits every event and stops at both ends', () => {
    expect(walk('event', 1, -1)).toEqual([...trace.events.keys()]);
    expect(stepTarget(trace, -1, 'event', -1)).toBe(-1);
    expect(stepTarget(trace, trace.last, 'event', 1)).toBe(trace.last);
  });

  it('by callback lands on each callback the loop ran, then the end', () => {
    const forward = walk('callback', 1, -1);
    const callbacks = forward.slice(0, -1);
    expect(callbacks.every((seq) => trace.events[seq].kind === 'callback')).toBe(true);
    expect(callbacks.length).toBe(trace.events.filter((e) => e.kind === 'callback').length);
    expect(forward.at(-1)).toBe(trace.last);
  });

  it('retraces the same stops backward as forward', () => {
    for (const granularity of ['line', 'callback', 'iteration', 'clock'] as const) {
      const forward = walk(granularity, 1, -1);
      const backward = walk(granularity, -1, trace.last);
      expect(backward.reverse()).toEqual([-1, ...forward.slice(0, -1)]);
    }
  });

  it('by clock jump stops where virtual time moves: 1, 2 and 3 seconds', () => {
    const jumps = walk('clock', 1, -1).slice(0, -1);
    expect(jumps.map((seq) => snapshotAt(trace, seq).t)).toEqual([1, 2, 3]);
    expect(jumps.map((seq) => trace.events[seq].kind)).toEqual(['clock', 'clock', 'clock']);
  });

  it('by loop iteration lands where the iteration number changes', () => {
    const iterations = walk('iteration', 1, -1).slice(0, -1).map((seq) => trace.events[seq].it);
    expect(iterations.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('by line lands on line events only, from the middle of a step too', () => {
    const mid = trace.events.findIndex((e) => e.kind === 'output');
    const next = stepTarget(trace, mid, 'line', 1);
    expect(trace.events[next].kind).toBe('line');
    expect(next).toBeGreaterThan(mid);
    expect(trace.events[stepTarget(trace, mid, 'line', -1)].kind).toBe('line');
  });
});

describe('breakpoints', () => {
  it('stop each time the line runs and nowhere else', () => {
    const hits: number[] = [];
    let cursor = -1;
    for (let hit = nextBreakpoint(trace, cursor, new Set([7])); hit !== null; hit = nextBreakpoint(trace, cursor, new Set([7]))) {
      hits.push(hit);
      cursor = hit;
    }
    // Line 7 prints "… ready after …", once per brew task.
    expect(hits.map((seq) => trace.events[seq].task)).toEqual(['Task-2', 'Task-4', 'Task-3']);
    expect(nextBreakpoint(trace, -1, new Set())).toBeNull();
  });
});

describe('narration', () => {
  it('says why the clock jumps and what a task awaits', () => {
    const clock = trace.events.find((e) => e.kind === 'clock')!;
    expect(narrate(clock, initialState())).toEqual({ key: 'narrate.clock', params: { from: '0', to: '1' } });
    const suspend = trace.events.find((e) => e.kind === 'suspend' && e.id === 'Task-2')!;
    expect(narrate(suspend, initialState())).toEqual({ key: 'narrate.awaits', params: {
      id: 'Task-2', awaits: { key: 'words.sleepUntil', params: { delay: '1', t: '1' } },
    } });
  });

  it("says a thread busy-waits rather than that it blocks the loop when its clock jumps past a spin", () => {
    const spin = { seq: 0, t: 2, it: 0, task: 'Thread-2 (consumer)', line: 12, kind: 'blocked' as const,
      call: 'busy-waits (spins until t=4)', dur: 2 };
    expect(narrate(spin, initialState())).toEqual({ key: 'narrate.spins',
      params: { who: 'Thread-2 (consumer)', dur: '2', until: '4' } });
    // A thread (not a task) that blocks holds up that thread only; a task blocks the loop.
    expect(narrate({ ...spin, call: 'time.sleep(2)' }, initialState())).toEqual({ key: 'narrate.blockedThread',
      params: { who: 'Thread-2 (consumer)', call: 'time.sleep(2)', dur: '2' } });
    // The main thread at the top level (no callback running) holds up no loop; inside a
    // plain callback it freezes the loop.
    expect(narrate({ ...spin, task: null, call: 'time.sleep(2)' }, initialState()).key).toBe('narrate.blockedMain');
    const inCallback = { ...initialState(), running: { handle: 3, label: 'tick()', task: null } };
    expect(narrate({ ...spin, task: null, call: 'time.sleep(2)' }, inCallback).key).toBe('narrate.blocked');
  });

  it('has a sentence for every step of a real run', () => {
    for (let seq = -1; seq <= trace.last; seq++) expect(snapshotAt(trace, seq).narration.key).toMatch(/^narrate\.\w+$/);
  });
});

import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cafeEvents from './fixtures/cafe.trace.json';
import cancelEvents from './fixtures/cancel.trace.json';
import { snapshotAt, type LoopSnapshot } from './snapshot';
import { Trace } from './trace';

// Small checkpoint intervals so that steps cross checkpoints and replay rebuilds records.
const traces = [
  ['cafe', Trace.from(cafeEvents as TraceEvent[], 8)],
  ['cancel', Trace.from(cancelEvents as TraceEvent[], 4)],
] as const;

/** Cursor paths a user takes: forward, back, and jumps with the scrub bar. */
function paths(last: number): number[][] {
  const forward = Array.from({ length: last + 2 }, (_, i) => i - 1);
  const jumps = Array.from({ length: 60 }, (_, i) => ((i * 7919) % (last + 2)) - 1);
  return [forward, forward.toReversed(), jumps];
}

describe.each(traces)('a snapshot built from the one before (%s)', (_, trace) => {
  it('shows exactly what a snapshot built from scratch shows', () => {
    for (const path of paths(trace.last)) {
      let previous: LoopSnapshot | null = null;
      for (const cursor of path) {
        const shared = snapshotAt(trace, cursor, previous);
        expect(shared).toEqual(snapshotAt(trace, cursor));
        previous = shared;
      }
    }
  });

  it('keeps the objects of what a step did not change', () => {
    let previous = snapshotAt(trace, -1);
    let keptTasks = 0;
    for (let cursor = 0; cursor <= trace.last; cursor++) {
      const next = snapshotAt(trace, cursor, previous);
      const fresh = snapshotAt(trace, cursor);
      next.tasks.forEach((view, i) => {
        const before = previous.tasks[i];
        const same = before !== undefined && before.state === view.state && JSON.stringify(before.record) === JSON.stringify(view.record);
        // An unchanged task keeps its view; a changed one gets a new one.
        expect(view === before).toBe(same);
        if (same) keptTasks++;
      });
      if (next.tasks.every((view, i) => view === previous.tasks[i]) && next.tasks.length === previous.tasks.length) {
        expect(next.tasks).toBe(previous.tasks);
      }
      if (fresh.console.length === previous.console.length) expect(next.console).toBe(previous.console);
      previous = next;
    }
    expect(keptTasks).toBeGreaterThan(0);
  });
});

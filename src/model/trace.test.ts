import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cafeEvents from './fixtures/cafe.trace.json';
import cancelEvents from './fixtures/cancel.trace.json';
import escapeEvents from './fixtures/escape.trace.json';
import { snapshotAt } from './snapshot';
import { applyEvent, cloneState, initialState } from './state';
import { viewOf } from './snapshot';
import { Trace } from './trace';

// Traces recorded from the real engine (see src/model/fixtures/README.md).
const cafe = cafeEvents as TraceEvent[];
const recorded: Record<string, TraceEvent[]> = {
  cafe, cancel: cancelEvents as TraceEvent[], escape: escapeEvents as TraceEvent[],
};

const CAFE_OUTPUT = [
  'start espresso', 'start latte', 'start tea', 'espresso ready after 1s',
  'tea ready after 2s', 'latte ready after 3s', "served: ['espresso', 'latte', 'tea']",
];

describe('seeking', () => {
  for (const [name, events] of Object.entries(recorded)) {
    it(`${name}: a seek to any step equals replaying every event from the start`, () => {
      // A small interval puts many checkpoints inside a short trace.
      const trace = Trace.from(events, 7);
      const linear = initialState();
      const expected = [viewOf(trace, initialState())];
      for (const ev of events) {
        applyEvent(linear, ev);
        expected.push(viewOf(trace, cloneState(linear)));
      }
      // Backward, in a scrambled order, then forward.
      const order = [...events.keys()].reverse().sort((a, b) => (a * 37) % 11 - (b * 37) % 11);
      for (const seq of order) expect(snapshotAt(trace, seq)).toEqual(expected[seq + 1]);
      for (let seq = -1; seq < events.length; seq++) expect(snapshotAt(trace, seq)).toEqual(expected[seq + 1]);
    });
  }

  it('gives the same answer whether the trace arrived whole or in batches', () => {
    const whole = Trace.from(cafe, 16);
    const streamed = new Trace(16);
    for (let i = 0; i < cafe.length; i += 10) streamed.append(cafe.slice(i, i + 10));
    for (const seq of [-1, 15, 16, 50, cafe.length - 1]) {
      expect(snapshotAt(streamed, seq)).toEqual(snapshotAt(whole, seq));
    }
  });

  it('rejects an event that does not follow the last one', () => {
    const trace = Trace.from(cafe.slice(0, 5));
    expect(() => trace.append([cafe[6]])).toThrow(/seq 6/);
  });
});

describe('the cafe example (three tasks in a gather)', () => {
  const trace = Trace.from(cafe);
  const end = snapshotAt(trace, trace.last);

  it('ends with every task done and the whole output printed', () => {
    const visible = end.tasks.filter((x) => !x.record.internal);
    expect(visible.map((x) => x.record.coro)).toEqual(['main', 'brew', 'brew', 'brew']);
    expect(visible.every((x) => x.state === 'done')).toBe(true);
    expect(end.console.map((x) => x.text.trimEnd())).toEqual(CAFE_OUTPUT);
    expect(end.ended?.status).toBe('finished');
    expect(trace.endedWithoutTasks).toBe(false);
  });

  it('knows a run without tasks of its own only once it has ended', () => {
    const noTasks = cafe.filter((ev) => ev.kind === 'end' || ev.seq < 3).map((ev, seq) => ({ ...ev, seq }));
    const streaming = Trace.from(noTasks.slice(0, -1));
    expect(streaming.endedWithoutTasks).toBe(false);
    expect(Trace.from(noTasks).endedWithoutTasks).toBe(true);
  });

  it('starts empty', () => {
    const start = snapshotAt(trace, -1);
    expect(start.console).toEqual([]);
    expect(start.tasks).toEqual([]);
    expect(start.event).toBeNull();
  });

  it('shows the clock at the virtual time of each print', () => {
    for (const line of end.console) expect(snapshotAt(trace, line.seq).t).toBe(line.t);
    expect(end.console.map((x) => x.t)).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });

  it('holds one timer per sleeping task, soonest first', () => {
    const asleep = snapshotAt(trace, trace.stops.clock[0]);
    expect(asleep.timerHeap.map((x) => x.timer.when)).toEqual([1, 2, 3]);
    expect(asleep.tasks.filter((x) => x.state === 'suspended').map((x) => x.record.awaits)).toEqual([
      'gather(Task-2, Task-3, Task-4)', 'sleep(1) until t=1', 'sleep(3) until t=3', 'sleep(2) until t=2',
    ]);
    expect(asleep.tasks.find((x) => x.record.id === 'Task-2')?.record.parkedLine).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { snapshotAt, Trace } from '../../model';
import { TraceBuilder } from '../../model/fixtures/build';
import cafeEvents from '../../model/fixtures/cafe.trace.json';
import escapeEvents from '../../model/fixtures/escape.trace.json';
import type { TraceEvent } from '../../trace/schema';
import { currentLine, parkedBadges, problemMarkers } from './decorations';

describe('editor marks', () => {
  it('put a badge where each waiting task is parked, in its colour', () => {
    const trace = Trace.from(cafeEvents as TraceEvent[]);
    const badges = parkedBadges(snapshotAt(trace, trace.stops.clock[0]));
    expect([...badges.keys()].sort((a, b) => a - b)).toEqual([6, 12]);
    expect(badges.get(6)!.map((b) => b.text)).toEqual(['‖ Task-2', '‖ Task-3', '‖ Task-4']);
    expect(badges.get(12)![0].className).toContain('task-colour-0');
  });

  it('show a few badges and a count when many tasks wait on one line', () => {
    const b = new TraceBuilder();
    for (let i = 0; i < 9; i++) {
      b.at(0, 1, null, 3).created(`w${i}`, 'work');
      b.at(0, 2, `w${i}`).resume(`w${i}`);
      b.suspend(`w${i}`, 'Event.wait', 'event', null, 5);
    }
    const line5 = parkedBadges(snapshotAt(Trace.from(b.events), b.events.length - 1)).get(5)!;
    expect(line5.map((x) => x.text)).toEqual(['‖ w0', '‖ w1', '‖ w2', '+6 more']);
  });

  it('highlight the current line in the colour of the task that ran it', () => {
    const trace = Trace.from(cafeEvents as TraceEvent[]);
    const print = trace.console[3];
    expect(currentLine(snapshotAt(trace, print.seq))).toEqual({ line: 7, colour: 'task-colour-1' });
    expect(currentLine(snapshotAt(trace, -1))).toBeNull();
  });

  it('mark the line an uncaught exception was raised on', () => {
    const trace = Trace.from(escapeEvents as TraceEvent[]);
    expect(problemMarkers(trace.problems)).toEqual([{ line: 15, severity: 'error', message: 'ValueError: boom' }]);
  });
});

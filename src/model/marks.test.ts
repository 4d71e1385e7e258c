import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import cafeEvents from './fixtures/cafe.trace.json';
import { findMarks, nextMark } from './marks';

const events = cafeEvents as TraceEvent[];

describe('findMarks', () => {
  it('finds the first clock jump, a printed line and every task end, in step order', () => {
    const marks = findMarks(events, [
      { kind: 'clock' },
      { kind: 'output', text: 'served' },
      { kind: 'task-done', nth: 'all' },
    ]);
    const firstClock = events.findIndex((e) => e.kind === 'clock');
    const served = events.findIndex((e) => e.kind === 'output' && e.text.startsWith('served'));
    expect(marks[0]).toEqual({ cursor: firstClock, rule: 0 });
    expect(marks.find((m) => m.rule === 1)?.cursor).toBe(served);
    expect(marks.filter((m) => m.rule === 2).length).toBe(events.filter((e) => e.kind === 'task-done').length);
    expect(marks.map((m) => m.cursor)).toEqual([...marks.map((m) => m.cursor)].sort((a, b) => a - b));
  });

  it('picks the last match, matches by task, and skips rules that find nothing', () => {
    const lastClock = events.findLastIndex((e) => e.kind === 'clock');
    expect(findMarks(events, [{ kind: 'clock', nth: -1 }])).toEqual([{ cursor: lastClock, rule: 0 }]);
    const t3 = events.findIndex((e) => e.kind === 'task-done' && e.id === 'Task-3');
    expect(findMarks(events, [{ kind: 'task-done', task: 'Task-3' }])).toEqual([{ cursor: t3, rule: 0 }]);
    expect(findMarks(events, [{ kind: 'blocked' }])).toEqual([]);
  });
});

describe('nextMark', () => {
  const marks = [{ cursor: 5, rule: 0 }, { cursor: 9, rule: 1 }];
  it('goes to the next or previous mark, and stops at the ends', () => {
    expect(nextMark(marks, -1, 1)?.cursor).toBe(5);
    expect(nextMark(marks, 5, 1)?.cursor).toBe(9);
    expect(nextMark(marks, 9, 1)).toBeNull();
    expect(nextMark(marks, 9, -1)?.cursor).toBe(5);
    expect(nextMark(marks, 5, -1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { TraceBuilder } from './fixtures/build';
import { snapshotAt, type LoopSnapshot } from './snapshot';
import { Trace } from './trace';

const stateOf = (snap: LoopSnapshot, id: string) => snap.tasks.find((x) => x.record.id === id)?.state;
const readyLabels = (snap: LoopSnapshot) => snap.readyQueue.map((x) => x.label);

/** main creates a and b; a sleeps 1 and finishes; b sleeps 2 and is cancelled by main at t=1. */
function twoWorkers() {
  const b = new TraceBuilder();
  const marks: Record<string, number> = {};
  b.at(0, 0, null, 10).created('main', 'main');
  b.ready(1, 'Task main step', 'main');
  b.add('loop', { action: 'run_forever', loop: 1 });
  b.at(0, 1, 'main').callback(1, 'Task main step', 'main');
  marks.mainRuns = b.resume('main');
  b.at(0, 1, 'main', 3).created('a', 'work', 'main');
  b.ready(2, 'Task a step', 'a');
  b.created('b', 'work', 'main');
  marks.bothQueued = b.ready(3, 'Task b step', 'b');
  b.at(0, 1, 'main', 4).timer(4, 1, 'sleep(1) timer of main');
  marks.mainSuspended = b.suspend('main', 'sleep(1) until t=1', 'sleep', 1, 4);
  b.at(0, 2, 'a').callback(2, 'Task a step', 'a');
  b.resume('a');
  b.at(0, 2, 'a', 7).timer(5, 1, 'sleep(1) timer of a');
  marks.aSuspended = b.suspend('a', 'sleep(1) until t=1', 'sleep', 1, 7);
  b.at(0, 2, 'b').callback(3, 'Task b step', 'b');
  b.resume('b');
  b.at(0, 2, 'b', 7).timer(6, 2, 'sleep(2) timer of b');
  marks.allAsleep = b.suspend('b', 'sleep(2) until t=2', 'sleep', 2, 7);
  b.at(0, 3).add('clock', { from: 0, to: 1 });
  b.at(1, 3);
  marks.timerDue = b.ready(4, 'sleep timer', null, 'timer due at t=1');
  b.ready(5, 'sleep timer', null, 'timer due at t=1');
  b.callback(4, 'sleep timer');
  b.ready(7, 'Task main step', 'main', 'Future#1 done → wake main');
  b.callback(5, 'sleep timer');
  marks.bothWoken = b.ready(8, 'Task a step', 'a', 'Future#2 done → wake a');
  b.at(1, 4, 'main').callback(7, 'Task main step', 'main');
  b.resume('main', 'Future#1');
  b.at(1, 4, 'main', 5).add('cancel', { id: 'b', by: 'main', msg: null });
  marks.bCancelled = b.ready(9, 'Task b step', 'b', 'Future#3 cancelled → wake b');
  b.suspend('main', 'gather(a, b)', 'gather', null, 6);
  b.at(1, 4, 'a').callback(8, 'Task a step', 'a');
  b.resume('a', 'Future#2');
  b.at(1, 4, 'a', 8).print('a done\n');
  marks.aDone = b.done('a', 'done', "'A'");
  b.at(1, 4, 'b').callback(9, 'Task b step', 'b');
  marks.bResumed = b.resume('b', null, 'CancelledError()');
  // asyncio.sleep's `finally` cancels its timer as the CancelledError passes through.
  marks.bTimerCancelled = b.add('unschedule', { handle: 6, queue: 'timer', by: 'b' });
  marks.bDone = b.done('b', 'cancelled', 'CancelledError()');
  return { events: b.events, marks };
}

describe('task states', () => {
  const { events, marks } = twoWorkers();
  const trace = Trace.from(events);
  const at = (seq: number) => snapshotAt(trace, seq);

  it('follows each task through pending, running, suspended, ready and its end', () => {
    expect(stateOf(at(marks.mainRuns), 'main')).toBe('running');
    expect(stateOf(at(marks.bothQueued), 'a')).toBe('pending');
    expect(stateOf(at(marks.mainSuspended), 'main')).toBe('suspended');
    expect(stateOf(at(marks.allAsleep), 'a')).toBe('suspended');
    expect(stateOf(at(marks.bothWoken), 'a')).toBe('ready');
    expect(stateOf(at(marks.bothWoken), 'main')).toBe('ready');
    expect(stateOf(at(marks.bCancelled), 'b')).toBe('ready');
    expect(stateOf(at(marks.aDone), 'a')).toBe('done');
    expect(stateOf(at(marks.bResumed), 'b')).toBe('running');
    expect(stateOf(at(marks.bDone), 'b')).toBe('cancelled');
  });

  it('records what a suspended task awaits and the line it is parked on', () => {
    const a = at(marks.aSuspended).tasks.find((x) => x.record.id === 'a')!.record;
    expect(a.awaits).toBe('sleep(1) until t=1');
    expect(a.parkedLine).toBe(7);
    const later = at(marks.aDone).tasks.find((x) => x.record.id === 'a')!.record;
    expect(later.parkedLine).toBeNull();
    expect(later.result).toBe("'A'");
  });

  it('keeps the ready queue in FIFO order', () => {
    expect(readyLabels(at(marks.bothQueued))).toEqual(['Task a step', 'Task b step']);
    expect(readyLabels(at(marks.bothWoken))).toEqual(['Task main step', 'Task a step']);
  });

  it('orders the timer heap by due time and moves a due timer to the ready queue', () => {
    const asleep = at(marks.allAsleep);
    expect(asleep.timerHeap.map((x) => [x.timer.handle, x.timer.when])).toEqual([[4, 1], [5, 1], [6, 2]]);
    expect(asleep.timerHeap.map((x) => x.remaining)).toEqual([1, 1, 2]);
    const due = at(marks.timerDue);
    expect(due.timerHeap.map((x) => x.timer.handle)).toEqual([5, 6]);
    expect(due.readyQueue.map((x) => x.handle)).toEqual([4]);
    expect(due.t).toBe(1);
  });

  it('drops the sleep timer of a task that was cancelled while sleeping, when sleep cancels it', () => {
    expect(at(marks.bCancelled).timerHeap.map((x) => x.timer.handle)).toEqual([6]);
    expect(at(marks.bResumed).timerHeap.map((x) => x.timer.handle)).toEqual([6]);
    expect(at(marks.bTimerCancelled).timerHeap).toEqual([]);
  });
});

describe('ready queue', () => {
  it('removes a handle cancelled while queued, and keeps the rest in order', () => {
    const b = new TraceBuilder();
    b.at(0, 1, 'main', 3).ready(1, 'print(1)');
    b.ready(2, 'print(2)');
    b.ready(3, 'print(3)');
    const cancelled = b.add('unschedule', { handle: 2, queue: 'ready', by: 'main' });
    expect(readyLabels(snapshotAt(Trace.from(b.events), cancelled))).toEqual(['print(1)', 'print(3)']);
    const run = b.at(0, 2).callback(1, 'print(1)');
    expect(readyLabels(snapshotAt(Trace.from(b.events), run))).toEqual(['print(3)']);
  });

  it('takes a cancelled timer off the heap when it is cancelled', () => {
    const b = new TraceBuilder();
    b.at(0, 1, 'main', 3).timer(1, 0.5, 'print(cancelled)');
    b.timer(2, 1, 'print(kept)');
    const cancelled = b.add('unschedule', { handle: 1, queue: 'timer', by: 'main' });
    const snap = snapshotAt(Trace.from(b.events), cancelled);
    expect(snap.timerHeap.map((x) => x.timer.label)).toEqual(['print(kept)']);
  });
});

describe('the clock', () => {
  it('moves on by a block of the program, but not by the sleep of a simulated thread', () => {
    const b = new TraceBuilder();
    b.at(0, 0, null, 5);
    const mainBlock = b.add('blocked', { call: 'time.sleep(1)', dur: 1 });
    b.at(0, 0, 'Thread-1 (worker)', 9);
    const threadBlock = b.add('blocked', { call: 'time.sleep(5)', dur: 5 });
    const trace = Trace.from(b.events);
    expect(snapshotAt(trace, mainBlock).t).toBe(1);
    expect(snapshotAt(trace, threadBlock).t).toBe(0);
  });
});

describe('a run stopped mid-step', () => {
  it("leaves the task whose step was running 'running', not parked", () => {
    const b = new TraceBuilder();
    b.at(0, 0, null, 7).created('main', 'main');
    b.ready(1, 'Task main step', 'main');
    b.at(0, 1, 'main').callback(1, 'Task main step', 'main');
    b.resume('main');
    const running = b.add('line', {});
    b.at(0, 1, null);
    const end = b.add('end', { status: 'limit', exitCode: 3, message: 'main ran 700 ms without yielding to the loop' });
    const trace = Trace.from(b.events);
    expect(stateOf(snapshotAt(trace, running), 'main')).toBe('running');
    expect(stateOf(snapshotAt(trace, end), 'main')).toBe('running');
    expect(snapshotAt(trace, end).running).toBeNull(); // nothing runs now: the run is over
  });
});

// Threads whose target has loops of its own run as generators stepped one loop turn at a
// time (src/engine/py/loopscope/preempt.py); a busy wait is parked until another thread
// can act (spins.py). Expected outputs were checked against CPython 3.13 with real threads.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import { runAndCollect, type CollectedRun } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

const run = (lines: string[], maxTime?: number): CollectedRun =>
  runAndCollect(engine, lines.join('\n') + '\n', maxTime === undefined ? {} : { maxTime }, 'main.py');

const blocked = (r: CollectedRun, task: string) => r.events
  .filter((e): e is Extract<TraceEvent, { kind: 'blocked' }> => e.kind === 'blocked' && e.task === task);

const printed = (r: CollectedRun) => r.events
  .filter((e): e is Extract<TraceEvent, { kind: 'output' }> => e.kind === 'output' && e.stream === 'stdout')
  .map((e) => [e.t, e.task, e.text.trim()]);

const WORK = [
  'import threading, time',
  'start = time.time()',
  'results = []',
  'def work(n):',
  '    total = 0',
  '    for i in range(n):',
  '        total += i * i',
  '    results.append(total)',
  '    print(f"work({n}) = {total} at {time.time() - start:.1f}s")',
  'def count_down(name, n):',
  '    while n > 0:',
  '        n -= 1',
  '    print(f"{name} counted down at {time.time() - start:.1f}s")',
  't1 = threading.Thread(target=WORK, args=(3000,))',
  't2 = threading.Thread(target=COUNT, args=("t2", 2000))',
  't1.start()',
  't2.start()',
  'time.sleep(1)',
  'print(f"main woke at {time.time() - start:.1f}s")',
  't1.join()',
  't2.join()',
  'print(results, threading.active_count())',
];

describe('busy-waiting threads', () => {
  it('parks a spinning thread until the main thread acts, then lets it see the change', () => {
    const r = run([
      'import threading, time',
      'flag = []',
      'def spin():',
      '    while not flag:',
      '        pass',
      '    print("saw the flag at", time.monotonic())',
      'threading.Thread(target=spin).start()',
      'time.sleep(1)',
      'flag.append(1)',
      'print("main set the flag at", time.monotonic())',
    ]);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0, virtualTime: 1 });
    expect(printed(r)).toEqual([
      [1, null, 'main set the flag at 1.0'], [1, 'Thread-1 (spin)', 'saw the flag at 1.0']]);
    const spins = blocked(r, 'Thread-1 (spin)');
    expect(spins.map((e) => [e.t, e.dur, e.call, e.line])).toEqual([[0, 1, 'busy-waits (spins until t=1)', 4]]);
  });

  it('stops a thread that spins when nothing will ever change what it waits for', () => {
    const r = run([
      'import threading',
      'flag = []',
      'def spin():',
      '    while not flag:',
      '        pass',
      't = threading.Thread(target=spin)',
      't.start()',
      't.join()',
      'flag.append(1)',
    ]);
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toContain('Thread-1 (spin) loops without ever blocking or waiting (a busy wait), and no other');
  });

  it('says so when a thread busy-waits on the clock: virtual time does not pass while it spins', () => {
    const r = run([
      'import threading, time',
      'def busy_sleep(seconds):',
      '    end = time.time() + seconds',
      '    while time.time() < end:',
      '        pass',
      'threading.Thread(target=busy_sleep, args=(2,)).start()',
      'time.sleep(1)',
    ]);
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toContain('Thread-1 (busy_sleep) loops without blocking until the clock reaches some time');
  });

  it("a spinning thread waits for a timer of the main thread's event loop", () => {
    const r = run([
      'import asyncio, threading, time',
      'ready = []',
      'def waiter():',
      '    while not ready:',
      '        pass',
      '    print("thread saw it at", time.monotonic())',
      'async def main():',
      '    threading.Thread(target=waiter).start()',
      '    await asyncio.sleep(1)',
      '    ready.append(1)',
      '    await asyncio.sleep(1)',
      '    print("main done at", time.monotonic())',
      'asyncio.run(main())',
    ]);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(printed(r)).toEqual([[1, 'Thread-1 (waiter)', 'thread saw it at 1.0'], [2, 'Task-1', 'main done at 2.0']]);
  });

  it('a Thread subclass whose run() spins is parked the same way', () => {
    const r = run([
      'import threading, time',
      'class Watcher(threading.Thread):',
      '    def __init__(self, box):',
      '        super().__init__()',
      '        self.box = box',
      '    def run(self):',
      '        while not self.box:',
      '            pass',
      '        print("got", self.box[0], "at", time.monotonic())',
      'box = []',
      'Watcher(box).start()',
      'time.sleep(2)',
      'box.append("x")',
    ]);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(printed(r)).toEqual([[2, 'Thread-1', 'got x at 2.0']]);
  });
});

describe('threads that block for something only the thread that started them does', () => {
  it('parks a consumer in queue.get() until the main thread puts, as CPython prints it', () => {
    const r = run([
      'import queue, threading, time',
      'q = queue.Queue()',
      'def consumer():',
      '    while True:',
      '        item = q.get()',
      '        print("got", item, "at", time.monotonic())',
      '        if item is None:',
      '            break',
      'threading.Thread(target=consumer).start()',
      'for i in range(3):',
      '    time.sleep(1)',
      '    q.put(i)',
      'q.put(None)',
    ]);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0, virtualTime: 3 });
    expect(r.stdout).toBe('got 0 at 1.0\ngot 1 at 2.0\ngot 2 at 3.0\ngot None at 3.0\n');
    expect(blocked(r, 'Thread-1 (consumer)').map((e) => [e.t, e.call, e.line])).toEqual([
      [0, 'Queue.get() (waits until t=1)', 5], [1, 'Queue.get() (waits until t=2)', 5],
      [2, 'Queue.get() (waits until t=3)', 5]]);
  });

  it('parks Event.wait() and Lock.acquire() the same way', () => {
    const r = run([
      'import threading, time',
      'ready = threading.Event()',
      'lock = threading.Lock()',
      'def waiter():',
      '    ready.wait()',
      '    print("ready at", time.monotonic())',
      '    lock.acquire()',
      '    print("has the lock at", time.monotonic())',
      '    lock.release()',
      'lock.acquire()',
      'threading.Thread(target=waiter).start()',
      'time.sleep(1)',
      'ready.set()',
      'time.sleep(1)',
      'lock.release()',
    ]);
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(printed(r)).toEqual([
      [1, 'Thread-1 (waiter)', 'ready at 1.0'], [2, 'Thread-1 (waiter)', 'has the lock at 2.0']]);
  });
});

describe('threads parked in Condition.wait()', () => {
  it('leave the lock free while parked and take it back when notified', () => {
    const r = run([
      'import threading, time',
      'cond = threading.Condition()',
      'items = []',
      'def consumer():',
      '    with cond:',
      '        while not items:',
      '            cond.wait()',
      '        print("got", items.pop(), "at", time.monotonic())',
      'def batch():',
      '    with cond:',
      '        cond.wait_for(lambda: len(items) >= 2)',
      '        print("batch", items, "at", time.monotonic())',
      'threading.Thread(target=consumer).start()',
      'time.sleep(1)',
      'with cond:',
      '    items.append(1)',
      '    cond.notify()',
      'threading.Thread(target=batch).start()',
      'for i in range(2):',
      '    time.sleep(1)',
      '    with cond:',
      '        items.append(i)',
      '        cond.notify()',
    ]);
    expect(r.stderr).toBe('');
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0, virtualTime: 3 });
    expect(printed(r)).toEqual([
      [1, 'Thread-1 (consumer)', 'got 1 at 1.0'], [3, 'Thread-2 (batch)', 'batch [0, 1] at 3.0']]);
  });
});

describe('threads whose loops do work', () => {
  const expected = 'work(3000) = 8995500500 at 0.0s\nt2 counted down at 0.0s\nmain woke at 1.0s\n[8995500500] 1\n';

  it('runs a for loop and a while loop to their ends at their start time, as before', () => {
    const r = runAndCollect(engine, WORK.join('\n').replace('WORK', 'work').replace('COUNT', 'count_down'), {}, 'main.py');
    expect(r.stdout).toBe(expected);
    expect(r.events.some((e) => e.kind === 'blocked' && e.call.startsWith('busy-waits'))).toBe(false);
  });

  it('prints the same as the old path (targets wrapped in lambdas run in one piece)', () => {
    const source = WORK.join('\n').replace('WORK', 'lambda n: work(n)').replace('COUNT', 'lambda *a: count_down(*a)');
    expect(runAndCollect(engine, source, {}, 'main.py').stdout).toBe(expected);
  });

  it("is not fooled by a loop that only changes an object's attribute", () => {
    const r = run([
      'import threading, time',
      'class Counter:',
      '    def __init__(self):',
      '        self.n = 0',
      'c = Counter()',
      'def count():',
      '    while c.n < 3000:',
      '        c.n += 1',
      '    print("counted to", c.n, "at", time.monotonic())',
      't = threading.Thread(target=count)',
      't.start()',
      'time.sleep(1)',
      'print("main woke at", time.monotonic())',
    ]);
    expect(r.stdout).toBe('counted to 3000 at 0.0\nmain woke at 1.0\n');
  });

  it('reports an exception in a rewritten thread at the line of the program that raised it', () => {
    const r = run([
      'import threading',
      '',
      'def worker(items):',
      '    for x in items:',
      '        print(10 / x)',
      '',
      'threading.Thread(target=worker, args=([1, 0],)).start()',
    ]);
    expect(r.stdout).toBe('10.0\n');
    expect(r.stderr).toBe('Exception in thread Thread-1 (worker):\nTraceback (most recent call last):\n'
      + '  File "main.py", line 5, in worker\n    print(10 / x)\n          ~~~^~~\n'
      + 'ZeroDivisionError: division by zero\n');
    const error = r.events.find((e) => e.kind === 'error');
    expect(error?.line).toBe(5);
    const lines = r.events.filter((e) => e.kind === 'line' && e.task === 'Thread-1 (worker)').map((e) => e.line);
    expect(lines).toEqual([4, 5, 4, 5]);
  });

  it('keeps a closure target on the old path: it runs in one piece', () => {
    const r = run([
      'import threading, time',
      'def make():',
      '    flag = []',
      '    def spin():',
      '        while not flag:',
      '            pass',
      '    return spin',
      'threading.Thread(target=make()).start()',
      'time.sleep(1)',
    ]);
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toContain("Thread-1 (spin) loops without ever blocking or waiting (a busy wait). Loopscope runs this thread's plain code in one piece");
  });
});

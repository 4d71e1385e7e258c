// Simulated threads and executors: each thread is a lane with its own clock; its events
// carry its name as `task` and come out in global time order (src/engine/py/loopscope/lanes.py).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import { runAndCollect, type CollectedRun } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seed-programs/', import.meta.url));

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

function run(source: string, filename = 'main.py', maxTime?: number): CollectedRun {
  return runAndCollect(engine, source, maxTime === undefined ? {} : { maxTime }, filename);
}

function fixture(name: string): CollectedRun {
  return run(readFileSync(`${FIXTURES}${name}.py`, 'utf8'), `${name}.py`);
}

function outputs(r: CollectedRun): Extract<TraceEvent, { kind: 'output' }>[] {
  return r.events.filter((e): e is Extract<TraceEvent, { kind: 'output' }> => e.kind === 'output');
}

function expectTimeOrder(r: CollectedRun): void {
  let last = -Infinity;
  for (const ev of r.events) {
    if (ev.kind === 'end') continue;
    expect(ev.t, `event ${ev.seq} (${ev.kind}) goes back in time`).toBeGreaterThanOrEqual(last - 1e-9);
    last = Math.max(last, ev.t);
  }
}

describe('simulated threads', () => {
  it("prints a thread's lines on its lane, at its own virtual times, in time order", () => {
    const r = fixture('39_threads_join_lock_queue');
    expectTimeOrder(r);
    const lock = outputs(r).filter((e) => e.text.includes('has the lock'));
    expect(lock.map((e) => [e.task, e.t])).toEqual([
      ['Thread-1 (worker)', 0.2], ['Thread-2 (worker)', 0.5], ['Thread-3 (worker)', 0.8]]);
    const ticks = outputs(r).filter((e) => e.text.startsWith('tick'));
    expect(ticks.map((e) => e.task)).toEqual(Array(3).fill('Thread-4 (ticker)'));
    // The daemon thread is abandoned when the main thread ends at 3.6 s: no tick at 4.1.
    expect(r.summary.virtualTime).toBeCloseTo(3.6, 6);
  });

  it('blocks a thread, not the loop: time.sleep in a thread is its own blocked span', () => {
    const r = fixture('39_threads_join_lock_queue');
    const sleeps = r.events.filter((e) => e.kind === 'blocked' && e.task === 'Thread-1 (worker)');
    expect(sleeps.map((e) => e.kind === 'blocked' && e.call)).toEqual(['time.sleep(0.2)', 'time.sleep(0.3)']);
  });

  it('queues executor jobs for a free worker and posts each result back to the loop', () => {
    const r = fixture('40_run_in_executor_workers');
    expectTimeOrder(r);
    const jobs = r.events.filter((e) => e.kind === 'io' && e.phase === 'start' && e.what.startsWith('blocking('));
    expect(jobs.map((e) => [e.task, e.t])).toEqual([
      ['ThreadPoolExecutor-0_0', 0], ['ThreadPoolExecutor-0_1', 0],
      ['ThreadPoolExecutor-0_0', 1], ['ThreadPoolExecutor-0_1', 1], ['asyncio_0', 2.5]]);
    expect(jobs[2]!.kind === 'io' && jobs[2]!.what).toContain('queued 1 s for a free worker');
    const posted = r.events.filter((e) => e.kind === 'schedule'
      && e.cause.startsWith('posted from ThreadPoolExecutor-0_1 via call_soon_threadsafe'));
    expect(posted.map((e) => e.t)).toEqual([1, 2]);
    expect(r.stdout).toContain("caught: ValueError('bad input') at 2.5s");
  });

  it('runs a loop forever in a background thread; the main thread reads a result from it', () => {
    const r = fixture('41_loop_in_background_thread');
    expectTimeOrder(r);
    const starts = outputs(r).filter((e) => e.text.startsWith('compute('));
    expect(starts.map((e) => [e.t, e.task])).toEqual([[0, 'Task-1'], [1, 'Task-2']]);
    const result = outputs(r).find((e) => e.text.startsWith('result:'))!;
    expect([result.t, result.task]).toEqual([1, null]);
    expect(r.events.some((e) => e.kind === 'schedule' && e.cause.startsWith('posted from MainThread'))).toBe(true);
  });

  it('replays a run the same way every time', () => {
    for (const name of ['39_threads_join_lock_queue', '41_loop_in_background_thread']) {
      expect(JSON.stringify(fixture(name).events)).toBe(JSON.stringify(fixture(name).events));
    }
  });

  it('says why a thread that waits for the main thread cannot go on', () => {
    // The target is a lambda: it runs in one piece (a plain function would be parked).
    const r = run([
      'import queue, threading, time',
      'q = queue.Queue()',
      't = threading.Thread(target=lambda: print("got", q.get()))',
      't.start()',
      'time.sleep(1)',
      'q.put(1)',
    ].join('\n'));
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toContain('Thread-1 (<lambda>) waits for an item in a Queue');
    expect(r.summary.message).toContain("runs a thread's plain code one piece at a time");
  });

  it('says the program would hang when the main thread joins a thread before it puts what that thread waits for', () => {
    const r = run([
      'import queue, threading',
      'q = queue.Queue()',
      'def consumer():',
      '    print("got", q.get())',
      't = threading.Thread(target=consumer)',
      't.start()',
      't.join()',
      'q.put(1)',
    ].join('\n'));
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toBe('Thread-1 (consumer) waits for an item in a Queue, and no other thread or loop will ever do it: the program would hang here.');
  });

});

describe.skipIf(!existsSync(SEEDS))('thread seed programs', () => {
  const seed = (name: string, maxTime?: number) =>
    run(readFileSync(`${SEEDS}${name}.py`, 'utf8'), `${name}.py`, maxTime);

  it('s000_01: the daemon loop thread is abandoned; setDaemon warns', () => {
    const r = seed('s000_01_thread_event_loop');
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0 });
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('DeprecationWarning: setDaemon() is deprecated, set the daemon attribute instead');
  });

  it('s000_05: the loop thread runs the blocking callbacks one after another, then never ends', () => {
    const r = seed('s000_05_call_soon_threadsafe');
    expect(r.stdout).toBe('TIME: 0.0\nhere\nMore work 6\nFinished more work 6\nMore work 3\nFinished more work 3\n');
    expect(outputs(r).map((e) => e.t)).toEqual([0, 0, 0, 6, 6, 9]);
    expect(r.summary.virtualTime).toBe(9);
    expect(r.summary.exitCode).toBe(3);
    expect(r.summary.message).toContain('Thread-1 (start_loop) runs loop.run_forever()');
  });

  it('s000_06: coroutines sent to the loop thread overlap (about 6 s in all)', () => {
    const r = seed('s000_06_run_coroutine_threadsafe');
    expect(r.stdout).toBe('TIME: 0.0\nWaiting 6\nWaiting 4\nDone after 4s\nDone after 6s\n');
    expect(r.summary.virtualTime).toBe(6);
  });

  it('s000_08: the busy-waiting consumer hands each number to the loop thread, one line every 2 s', () => {
    const r = seed('s000_08_deque_producer_consumer', 11);
    expectTimeOrder(r);
    const lines = outputs(r).filter((e) => e.stream === 'stdout');
    expect(lines.map((e) => e.t)).toEqual([0, 2, 4, 6, 8, 10]);
    for (const line of lines) expect(line.text).toMatch(/^正在执行name: Zarten([1-9]|10)\n$/);
    expect(r.summary).toMatchObject({ status: 'limit', exitCode: 3 });
    expect(r.summary.message).toContain('virtual time limit reached');
    expect(r.stderr.match(/DeprecationWarning: setDaemon\(\) is deprecated/g)).toHaveLength(2);
    const spins = r.events.filter((e) => e.kind === 'blocked' && e.task === 'Thread-2 (consumer)');
    expect(spins.map((e) => e.kind === 'blocked' && [e.t, e.call, e.line])).toEqual([
      [0, 'busy-waits (spins until t=2)', 12], [2, 'busy-waits (spins until t=4)', 12],
      [4, 'busy-waits (spins until t=6)', 12], [6, 'busy-waits (spins until t=8)', 12],
      [8, 'busy-waits (spins until t=10)', 12], [10, 'busy-waits (spins until t=11)', 12]]);
  });

  it('s000_14 and s000_15: executor jobs sleep on workers while the loops wait', () => {
    const a = seed('s000_14_run_in_executor');
    expect(a.stdout).toContain('[09:00:05] sleep 5 is end\nresults: [1, 2, 3, 4, 5]\n');
    const b = seed('s000_15_threads_loops_shared_executor');
    expect(b.summary).toMatchObject({ status: 'finished', exitCode: 0, virtualTime: 1 });
    expect(b.stdout.split('\n').filter((l) => l.includes('got result'))).toHaveLength(5);
  });
});

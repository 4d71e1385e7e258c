// What a suspended task awaits, as its card says it: one task parked in each of asyncio's
// waits the engine knows, read from the suspend events of one run.
import { beforeAll, expect, it } from 'vitest';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

const PROGRAM = `
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    full = asyncio.Queue(maxsize=1)
    full.put_nowait(0)
    lock = asyncio.Lock()
    sem = asyncio.BoundedSemaphore(1)
    event = asyncio.Event()
    cond = asyncio.Condition()
    barrier = asyncio.Barrier(3)
    await lock.acquire()
    await sem.acquire()

    async def cond_wait():
        async with cond:
            await cond.wait()

    async def cond_wait_for():
        async with cond:
            await cond.wait_for(lambda: False)

    async def nap():
        await asyncio.sleep(5)

    async def group():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(nap())

    async def completed():
        for f in asyncio.as_completed([asyncio.sleep(3)]):
            await f

    waiting = [
        asyncio.create_task(q.get(), name="get"),
        asyncio.create_task(full.put(1), name="put"),
        asyncio.create_task(full.join(), name="join"),
        asyncio.create_task(lock.acquire(), name="lock"),
        asyncio.create_task(sem.acquire(), name="sem"),
        asyncio.create_task(event.wait(), name="event"),
        asyncio.create_task(cond_wait(), name="cond"),
        asyncio.create_task(cond_wait_for(), name="cond_for"),
        asyncio.create_task(barrier.wait(), name="barrier"),
        asyncio.create_task(asyncio.wait([asyncio.ensure_future(nap())], timeout=9), name="wait"),
        asyncio.create_task(asyncio.wait_for(nap(), timeout=7), name="wait_for"),
        asyncio.create_task(completed(), name="as_completed"),
        asyncio.create_task(group(), name="group"),
        asyncio.create_task(asyncio.sleep(0.1 * 3), name="sleep"),
        asyncio.create_task(asyncio.sleep(0), name="yield"),
    ]
    await asyncio.sleep(1)
    for t in waiting:
        t.cancel()
    await asyncio.gather(*waiting, return_exceptions=True)

asyncio.run(main())
`;

it('describes every kind of wait with its state', () => {
  const { events } = runAndCollect(engine, PROGRAM);
  const first = new Map<string, string>();
  for (const ev of events) {
    if (ev.kind === 'suspend' && !first.has(ev.id)) {
      first.set(ev.id, `${ev.awaits} | ${ev.wait} | ${ev.on.join(',')} | ${ev.until}`);
    }
  }
  expect(Object.fromEntries(first)).toEqual({
    'Task-1': 'sleep(1) until t=1 | sleep |  | 1',
    'get': 'Queue.get (empty, 0 items) | queue |  | null',
    'put': 'Queue.put (full, maxsize=1, 1 items) | queue |  | null',
    // Queue.join waits on an Event inside, Barrier.wait and Condition.wait_for on a
    // Condition.wait, as_completed on a Queue.get: what the program called is named.
    'join': 'Queue.join (1 unfinished, 1 items) | queue |  | null',
    'lock': 'Lock.acquire (held, 1 waiting) | lock |  | null',
    'sem': 'BoundedSemaphore.acquire (0 left, 1 waiting) | semaphore |  | null',
    'event': 'Event.wait (not set) | event |  | null',
    'cond': 'Condition.wait (until notified) | condition |  | null',
    'cond_for': 'Condition.wait_for (until notified) | condition |  | null',
    'barrier': 'Barrier.wait (1 of 3 arrived) | other |  | null',
    'Task-2': 'sleep(5) until t=5 | sleep |  | 5',
    'wait': 'wait(1 task, ALL_COMPLETED, timeout=9) | wait | Task-2 | null',
    'wait_for': 'sleep(5) until t=5 | sleep |  | 5',
    'as_completed': 'as_completed: the next one to finish | wait | Task-3 | null',
    'group': 'TaskGroup exit (1 running) | taskgroup | Task-4 | null',
    'sleep': 'sleep(0.3) until t=0.3 | sleep |  | 0.30000000000000004',
    'yield': 'sleep(0): yield to the loop | sleep |  | 0',
    'Task-3': 'sleep(3) until t=3 | sleep |  | 3',
    'Task-4': 'sleep(5) until t=5 | sleep |  | 5',
  });
});

it('lists the tasks as_completed still waits for, in creation order, in every run alike', () => {
  const program = `
import asyncio

async def main():
    for f in asyncio.as_completed([asyncio.sleep(n) for n in range(1, 13)]):
        await f

asyncio.run(main())
`;
  const parked = runAndCollect(engine, program).events.filter((ev) => ev.kind === 'suspend' && ev.id === 'Task-1');
  expect(parked.map((ev) => ev.kind === 'suspend' && ev.on.length)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const first = parked[0]!;
  expect(first.kind === 'suspend' && first.on).toEqual(Array.from({ length: 12 }, (_, i) => `Task-${i + 2}`));
});

it('lists what asyncio.wait and a TaskGroup wait for in the order the tasks were made (both keep sets)', () => {
  const program = `
import asyncio

async def num(n):
    await asyncio.sleep(n * 0.1)

async def main():
    await asyncio.wait([asyncio.ensure_future(num(i)) for i in range(12)], timeout=0.5)
    async with asyncio.TaskGroup() as tg:
        for i in range(11):
            tg.create_task(num(i))

asyncio.run(main())
`;
  const parked = runAndCollect(engine, program).events.filter((ev) => ev.kind === 'suspend' && ev.id === 'Task-1');
  const made = (from: number, n: number) => Array.from({ length: n }, (_, i) => `Task-${from + i}`);
  expect(parked.map((ev) => ev.kind === 'suspend' && ev.on)).toEqual([made(2, 12), made(14, 11)]);
});

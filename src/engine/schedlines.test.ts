// The line a scheduling event names. While lines are traced the tracer remembers the line
// that runs instead of walking the stack at every schedule (trace.py, user_line); these
// programs leave and re-enter the program's frames in the middle of a line, where a stale
// memory would name the wrong line.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

const MID_LINE = `import asyncio

def ticker(loop):
    while True:
        (yield) or loop.call_soon(print, "tick")

async def countdown(loop):
    for i in range(2):
        (yield i) or loop.call_soon(print, "counted", i)

async def fails():
    raise ValueError("no")

def two():
    return 2

async def main():
    loop = asyncio.get_running_loop()
    t = ticker(loop)
    next(t)
    t.send(None)
    loop.call_soon(print, two())
    async for i in countdown(loop):
        pass
    task = asyncio.create_task(fails())
    try:
        await task
    except ValueError:
        loop.call_soon(print, "caught")

asyncio.run(main())
`;

const schedules = (events: TraceEvent[]) => events.flatMap((ev) =>
  ev.kind === 'schedule' ? [`${ev.label} @ ${ev.line ?? '-'}`] : []);

describe('the line a schedule is made at', () => {
  it("is the generator's line when it resumes mid-line, the caller's after a return, none after an unwind", () => {
    const { events } = runAndCollect(engine, MID_LINE, { lines: true });
    expect(schedules(events).slice(0, 8)).toEqual([
      'Task Task-1 step @ 31',
      "print('tick') @ 5", // ticker resumed in the middle of line 5
      'print(2) @ 22', // two() returned to main, still on line 22
      "print('counted', 0) @ 9",
      "print('counted', 1) @ 9",
      'Task Task-2 step @ 25',
      'Task Task-1 step @ -', // fails() raised; asyncio wakes main, no line of ours runs
      "print('caught') @ 29",
    ]);
  });

  it('is the same whether lines are traced or not', () => {
    // Without line events the tracer always walks the stack.
    const lineOf = (events: TraceEvent[]) =>
      events.filter((ev) => ev.kind !== 'line').map((ev) => `${ev.kind} ${ev.line}`);
    expect(lineOf(runAndCollect(engine, MID_LINE, { lines: true }).events))
      .toEqual(lineOf(runAndCollect(engine, MID_LINE, { lines: false }).events));
  });
});

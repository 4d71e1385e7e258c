// Behaviour of the engine that a user would notice: the trace's story, the virtual
// clock, deadlocks, limits, errors and a clean state between runs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

const run = (source: string, options = {}) => runAndCollect(engine, source, options);
const py = (lines: string) => lines.replace(/^\n/, '');

const GATHER3 = py(`
import asyncio

async def job(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    print(name, "ends")
    return delay

async def main():
    print(await asyncio.gather(job("red", 2), job("green", 1), job("blue", 3)))

asyncio.run(main())
`);

function storyOf(events: TraceEvent[], task: string): string[] {
  const story: string[] = [];
  for (const ev of events) {
    if (ev.kind === 'task-created' && ev.id === task) story.push('created');
    if (ev.kind === 'schedule' && ev.target === task) story.push('scheduled');
    if (ev.kind === 'resume' && ev.id === task) story.push('resumed');
    if (ev.kind === 'suspend' && ev.id === task) story.push(`suspended on ${ev.awaits}`);
    if (ev.kind === 'task-done' && ev.id === task) story.push(`${ev.state} ${ev.result}`);
  }
  return story;
}

describe('a three-task gather', () => {
  it('prints what CPython prints, in virtual time', () => {
    const r = run(GATHER3);
    expect(r.stdout).toBe('red starts\ngreen starts\nblue starts\ngreen ends\nred ends\nblue ends\n[2, 1, 3]\n');
    expect(r.summary).toMatchObject({ status: 'finished', exitCode: 0, virtualTime: 3 });
  });

  it('tells each task\'s story: created, scheduled, resumed, suspended, woken, done', () => {
    const { events } = run(GATHER3);
    expect(storyOf(events, 'Task-2')).toEqual([
      'created', 'scheduled', 'resumed', 'suspended on sleep(2) until t=2',
      'scheduled', 'resumed', 'done 2']);
    expect(storyOf(events, 'Task-3')[3]).toBe('suspended on sleep(1) until t=1');
    const main = events.find((e) => e.kind === 'suspend' && e.id === 'Task-1');
    expect(main).toMatchObject({ wait: 'gather', on: ['Task-2', 'Task-3', 'Task-4'], line: 10 });
    const jumps = events.filter((e) => e.kind === 'clock').map((e) => e.kind === 'clock' && [e.from, e.to]);
    expect(jumps).toEqual([[0, 1], [1, 2], [2, 3]]);
    // asyncio.run's own clean-up tasks are marked, so the panels can leave them out.
    const created = events.filter((e) => e.kind === 'task-created');
    expect(created.map((e) => e.kind === 'task-created' && [e.id, e.internal])).toEqual([
      ['Task-1', false], ['Task-2', false], ['Task-3', false], ['Task-4', false], ['Task-5', true], ['Task-6', true]]);
  });

  it('attributes output to the task that printed it, at the line that printed it', () => {
    const out = run(GATHER3).events.filter((e) => e.kind === 'output');
    expect(out.map((e) => [e.task, e.line, e.t])).toEqual([
      ['Task-2', 4, 0], ['Task-3', 4, 0], ['Task-4', 4, 0],
      ['Task-3', 6, 1], ['Task-2', 6, 2], ['Task-4', 6, 3], ['Task-1', 10, 3]]);
  });

  it('numbers events without gaps and never moves the clock backwards', () => {
    const { events, summary } = run(GATHER3);
    events.forEach((e, i) => expect(e.seq).toBe(i));
    expect(summary.events).toBe(events.length);
    for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
    expect(events.at(-1)).toMatchObject({ kind: 'end', status: 'finished' });
  });
});

describe('the virtual clock', () => {
  it('sleeps an hour in no real time, and time.time() moves with the loop', () => {
    const r = run(py(`
import asyncio, time
async def main():
    t0, m0 = time.time(), asyncio.get_running_loop().time()
    await asyncio.sleep(3600)
    print(time.time() - t0, asyncio.get_running_loop().time() - m0)
asyncio.run(main())
`));
    expect(r.stdout).toBe('3600.0 3600.0\n');
    expect(r.summary.wallMs).toBeLessThan(2000);
  });

  it('fires equal deadlines in the order they were set, as on a real clock', () => {
    const r = run(py(`
import asyncio
async def tick(i):
    await asyncio.sleep(0.01)
    print(i, end=" ")
    await asyncio.sleep(0.01)
    print(i, end=" ")
async def main():
    await asyncio.gather(*(tick(i) for i in range(40)))
asyncio.run(main())
`));
    const order = Array.from({ length: 40 }, (_, i) => i).join(' ');
    expect(r.stdout).toBe(`${order} ${order} `);
  });

  it('lets time.sleep block the loop and records it', () => {
    const r = run(py(`
import asyncio, time
async def blocker():
    time.sleep(2)
    print("blocker done at", asyncio.get_running_loop().time())
async def ticker():
    await asyncio.sleep(1)
    print("ticker woke at", asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(ticker(), blocker())
asyncio.run(main())
`));
    expect(r.stdout).toBe('blocker done at 2.0\nticker woke at 2.0\n');
    const blocked = r.events.find((e) => e.kind === 'blocked');
    expect(blocked).toMatchObject({ call: 'time.sleep(2)', dur: 2, task: 'Task-3', line: 3, t: 0 });
  });
});

describe('cancelled handles', () => {
  it('reports a cancel only while the handle still waits in a queue', () => {
    const r = run(py(`
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    later = loop.call_later(5, print, "never")
    soon = loop.call_soon(print, "never either")
    later.cancel()
    soon.cancel()
    await asyncio.sleep(1)
asyncio.run(main())
`));
    const cancels = r.events.filter((e) => e.kind === 'unschedule');
    // The sleep timer, cancelled by asyncio.sleep after it fired, is not among them.
    expect(cancels.map((e) => e.kind === 'unschedule' && [e.queue, e.by, e.line])).toEqual([
      ['timer', 'Task-1', 6], ['ready', 'Task-1', 7]]);
    expect(r.stdout).toBe('');
  });
});

describe('cancellation', () => {
  it('shows the cancel where the task resumes, and counts every event it sends', () => {
    const r = run(py(`
import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled")
        raise
async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    task.cancel("enough")
    await asyncio.gather(task, return_exceptions=True)
asyncio.run(main())
`), { lines: false });
    expect(r.stdout).toBe('cancelled\n');
    const story = r.events.filter((e) => e.task === 'Task-2' || ('id' in e && e.id === 'Task-2'))
      .map((e) => [e.kind, e.line, e.t]);
    expect(story).toEqual([
      ['task-created', 9, 0], ['callback', null, 0], ['resume', null, 0], ['schedule', 4, 0],
      ['suspend', 4, 0], ['cancel', 11, 1], ['callback', 4, 1], ['resume', 4, 1],
      ['unschedule', 4, 1], ['output', 6, 1], ['schedule', null, 1], ['task-done', null, 1]]);
    expect(r.events.find((e) => e.kind === 'cancel')).toMatchObject({ id: 'Task-2', by: 'Task-1', msg: 'enough' });
    expect(r.summary.events).toBe(r.events.length);
  });
});

describe('labels', () => {
  it('leave out object addresses, so a scenario replays the same in any browser', () => {
    const r = run(py(`
import asyncio
class Box:
    pass
async def main():
    asyncio.get_running_loop().call_soon(print, Box())
    await asyncio.sleep(0)
asyncio.run(main())
`), { lines: false });
    const scheduled = r.events.find((e) => e.kind === 'schedule' && e.label.startsWith('print('));
    expect(scheduled).toMatchObject({ label: 'print(<__main__.Box object>)' });
    expect(r.stdout).toMatch(/^<__main__\.Box object at 0x[0-9a-f]+>\n$/); // the program's own output is untouched
  });
});

describe('asyncio.wait', () => {
  it('hands back sets that iterate in the order the tasks were listed, run after run', () => {
    const program = py(`
import asyncio
async def job(n):
    await asyncio.sleep(n / 10)
    return n
async def main():
    tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks)
    print([t.get_name() for t in done], len(pending), type(done).__name__ == "set" or isinstance(done, set))
asyncio.run(main())
`);
    const outputs = [run(program).stdout, run(program).stdout];
    expect(outputs).toEqual(["['job3', 'job1', 'job2'] 0 True\n", "['job3', 'job1', 'job2'] 0 True\n"]);
  });
});

describe('line events', () => {
  it('records each executed line, attributed to the task running it, at its virtual time', () => {
    const r = run('import asyncio\nasync def main():\n    x = 1\n    await asyncio.sleep(1)\n    print(x)\nasyncio.run(main())\n');
    const lines = r.events.filter((e) => e.kind === 'line').map((e) => [e.task, e.line, e.t]);
    expect(lines).toEqual([[null, 1, 0], [null, 2, 0], [null, 6, 0], ['Task-1', 3, 0], ['Task-1', 4, 0], ['Task-1', 5, 1]]);
    expect(run('print(1)\n', { lines: false }).events.some((e) => e.kind === 'line')).toBe(false);
  });
});

describe('what a task awaits', () => {
  it('names a big gather by its first tasks and its count, and links all of them', () => {
    const r = run('import asyncio\nasync def w():\n    await asyncio.sleep(1)\nasync def main():\n    await asyncio.gather(*(w() for _ in range(10)))\nasyncio.run(main())\n');
    const main = r.events.find((e) => e.kind === 'suspend' && e.id === 'Task-1');
    expect(main).toMatchObject({ awaits: 'gather(Task-2, Task-3, Task-4, … 10 tasks)', wait: 'gather' });
    expect(main && main.kind === 'suspend' && main.on).toHaveLength(10);
  });
});

describe('deadlock', () => {
  it('stops and names each waiting task and what it waits on', () => {
    const r = run(py(`
import asyncio
async def consumer(q):
    item = await q.get()
async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(consumer(q))
    async with lock:
        pass
asyncio.run(main())
`));
    expect(r.summary).toMatchObject({ status: 'deadlock', exitCode: 3 });
    expect(r.summary.message).toContain('Task-1 waits on Lock.acquire (held, 1 waiting) (line 9)');
    expect(r.summary.message).toContain('Task-2 waits on Queue.get (empty, 0 items) (line 3)');
    // Recorded while the tasks are still parked, before asyncio.run's clean-up cancels them.
    const found = r.events.findIndex((e) => e.kind === 'error' && e.excType === 'Deadlock');
    const firstCancel = r.events.findIndex((e) => e.kind === 'cancel');
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(firstCancel);
  });
});

describe('limits', () => {
  it('stops a program that never ends at the virtual-time limit', () => {
    const r = run(py(`
import asyncio
async def main():
    while True:
        await asyncio.sleep(60)
asyncio.run(main())
`), { maxTime: 600 });
    expect(r.summary).toMatchObject({ status: 'limit', exitCode: 3 });
    expect(r.summary.message).toContain('virtual time limit');
    expect(r.summary.virtualTime).toBe(600);
  });

  it('stops at the event limit', () => {
    const r = run('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n',
      { maxEvents: 5000 });
    expect(r.summary.status).toBe('limit');
    expect(r.events.length).toBeLessThan(5100);
  });

  it('stops a loop that never awaits once its line events flood the trace, and still ends the trace', () => {
    const r = run('import asyncio\nasync def main():\n    n = 0\n    while True:\n        n += 1\nasyncio.run(main())\n',
      { maxEvents: 5000, lines: true });
    expect(r.summary).toMatchObject({ status: 'limit', exitCode: 3 });
    expect(r.events.at(-1)).toMatchObject({ kind: 'end', status: 'limit' });
    expect(r.events.length).toBeLessThan(5000 + 10_000 + 3000);
  });

  it('halts a flood once even when every event is its own batch', () => {
    // The halt records a warning; with one event a batch, that record reached the flood
    // check again and the halt recursed until RecursionError.
    const r = run('import asyncio\nasync def main():\n    n = 0\n    while True:\n        n += 1\nasyncio.run(main())\n',
      { maxEvents: 500, lines: true, batchSize: 1 });
    expect(r.summary).toMatchObject({ status: 'limit', exitCode: 3 });
    expect(r.summary.message).toContain('event limit');
    expect(r.events.filter((e) => e.kind === 'warning')).toHaveLength(1);
    expect(r.events.at(-1)).toMatchObject({ kind: 'end', status: 'limit' });
  });

  it('lets code that blocks now and then (a hand-made loop) run longer than the guard', () => {
    // Each turn computes for a while in real time, then waits in virtual time.
    const r = run('import time\nfor turn in range(30):\n    sum(range(200000))\n    time.sleep(1)\nprint("done")\n',
      { maxCallbackMs: 100, lines: false });
    expect(r.summary).toMatchObject({ status: 'finished', virtualTime: 30 });
    expect(r.summary.wallMs).toBeGreaterThan(100);
  });

  it('stops a callback that never yields, and says where', () => {
    const r = run('import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n',
      { maxCallbackMs: 300, lines: false } as object);
    expect(r.summary.status).toBe('limit');
    expect(r.summary.message).toMatch(/Task-1 ran \d+ ms without yielding to the loop \(at line [34]\)/);
    expect(r.summary.wallMs).toBeLessThan(3000);
  });
});

describe('what a stop leaves behind', () => {
  // Each task awaits a task it has just created: a chain as long as the run lets it grow.
  const CHAIN = py(`
import asyncio
count = 0
async def f():
    global count
    count += 1
    if count == STOP_AT:
        raise KeyboardInterrupt
    await asyncio.create_task(f())
asyncio.run(f())
`);

  it('ends a run stopped at a limit inside a chain of thousands of tasks (cancelling it would overflow the stack)', () => {
    const r = run(CHAIN.replace('STOP_AT', '-1'), { maxEvents: 40_000, lines: false });
    expect(r.summary).toMatchObject({ status: 'limit', exitCode: 3 });
    expect(r.events.at(-1)).toMatchObject({ kind: 'end', status: 'limit' });
  });

  it('raises RecursionError, as CPython does, when asyncio.run cancels a chain that deep', () => {
    const r = run(CHAIN.replace('STOP_AT', '2500'), { lines: false });
    expect(r.summary).toMatchObject({ status: 'raised', message: expect.stringMatching(/^RecursionError/) });
    expect(r.stderr).toContain('During handling of the above exception, another exception occurred');
    // asyncio logs the innermost task's exception; the engine's frames stay out of it.
    expect(r.stderr).toContain("Task exception was never retrieved");
    expect(r.stderr).toContain('asyncio/base_events.py');
    expect(r.stderr).not.toContain('loopscope');
  });

  it('does not count a slow first import against the budget of the callback that made it', () => {
    const r = run(py(`
import asyncio, os, sys
os.makedirs("/tmp/slowmods", exist_ok=True)
with open("/tmp/slowmods/slow_to_import.py", "w") as f:
    f.write("total = 0\\nfor i in range(1_000_000):\\n    total += i\\n")
sys.path.insert(0, "/tmp/slowmods")
async def main():
    import slow_to_import
    for i in range(100):
        pass
    print(slow_to_import.total)
asyncio.run(main())
`), { maxCallbackMs: 50, lines: false });
    expect(r.summary.status).toBe('finished');
    expect(r.stdout).toBe('499999500000\n');
    expect(r.summary.wallMs).toBeGreaterThan(50);
  });
});

describe('stopping', () => {
  it('holds a Stop that lands while the run is set up, then stops the program with its trace', () => {
    const interrupt = new Uint8Array(new SharedArrayBuffer(1));
    engine.setInterruptBuffer(interrupt);
    try {
      interrupt[0] = 2; // SIGINT before the program starts: Python sees it during set-up
      const r = run('print("never")\nwhile True:\n    pass\n');
      expect(r.summary).toMatchObject({ status: 'stopped', message: 'Stopped by the user.' });
      expect(r.events.at(-1)).toMatchObject({ kind: 'end', status: 'stopped' });
      expect(r.stdout).toBe('');
    } finally {
      interrupt[0] = 0;
    }
    // The engine is whole: patches removed, the next run prints as usual.
    expect(run('import asyncio\nasyncio.run(asyncio.sleep(1))\nprint("next")').stdout).toBe('next\n');
  });
});

describe('Ctrl+C at a chosen virtual time', () => {
  it('reaches asyncio.run as SIGINT does: the main task is cancelled, then KeyboardInterrupt', () => {
    // CPython 3.13 with `timeout -s INT 3.2`: a and b tick until the signal, both are
    // cancelled, then asyncio.run raises KeyboardInterrupt.
    const r = run(py(`
import asyncio

async def tick(name, every):
    try:
        while True:
            await asyncio.sleep(every)
            print(name, "tick")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    await asyncio.gather(tick("a", 1), tick("b", 1.5))

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("interrupted")
`), { interruptAt: 2.5 });
    expect(r.stdout).toBe('a tick\nb tick\na tick\na cancelled\nb cancelled\ninterrupted\n');
    expect(r.summary).toMatchObject({ status: 'finished', virtualTime: 2.5 });
    expect(r.events.find((e) => e.kind === 'warning' && e.category === 'KeyboardInterrupt')).toMatchObject({ t: 2.5 });
  });
});

describe('errors', () => {
  it('reports a syntax error on its line', () => {
    const r = run('import asyncio\nprint "hello"\n');
    expect(r.summary).toMatchObject({ status: 'syntax-error', exitCode: 1 });
    expect(r.stderr).toContain("Missing parentheses in call to 'print'");
    expect(r.events.find((e) => e.kind === 'error')).toMatchObject({ line: 2, excType: 'SyntaxError' });
  });

  it('shows a traceback of the program\'s own frames only', () => {
    const r = run(py(`
import asyncio
async def fail():
    raise ValueError("boom")
async def main():
    await fail()
asyncio.run(main())
`));
    expect(r.summary).toMatchObject({ status: 'raised', exitCode: 1 });
    expect(r.stderr).toContain('ValueError: boom');
    expect(r.stderr).not.toContain('base_events.py');
    expect(r.stderr).not.toContain('loopscope');
    const error = r.events.find((e) => e.kind === 'error');
    expect(error && error.kind === 'error' && error.frames.map((f) => f.line)).toEqual([6, 5, 3]);
  });
});

describe('old tutorial idioms', () => {
  it('runs module-level get_event_loop() with a legacy notice', () => {
    const r = run(py(`
import asyncio
async def hello():
    print("hello")
loop = asyncio.get_event_loop()
loop.run_until_complete(hello())
loop.close()
`));
    expect(r.stdout).toBe('hello\n');
    const notice = r.events.find((e) => e.kind === 'warning' && e.legacy);
    expect(notice).toMatchObject({ line: 4 });
  });
});

describe('legacy idioms', () => {
  it('wraps coroutines passed to asyncio.wait, drops loop= and runs @asyncio.coroutine', () => {
    const r = run(py(`
import asyncio

@asyncio.coroutine
def old_style(n):
    yield from asyncio.sleep(n, loop=asyncio.get_event_loop())
    return n

async def main():
    done, pending = await asyncio.wait([old_style(2), old_style(1)], timeout=5)
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
`));
    expect(r.stdout).toBe('[1, 2] 0\n');
    const notices = r.events.filter((e) => e.kind === 'warning' && e.legacy);
    expect(notices.map((e) => e.line)).toEqual([3, 9, 5]);
    expect(notices.map((e) => e.kind === 'warning' && e.message.split(' ')[0])).toEqual([
      '@asyncio.coroutine', 'asyncio.wait()', 'asyncio.sleep(...,']);
  });

  it('runs asyncio.async() and Task.all_tasks()/current_task() from before Python 3.9', () => {
    const r = run(py(`
import asyncio

async def work(n):
    await asyncio.sleep(n)
    me = asyncio.Task.current_task()
    print(me.get_name(), isinstance(me, asyncio.Task))

loop = asyncio.new_event_loop()
task = asyncio.async(work(1), loop=loop)
print("asyncio.async( in a string is kept")
loop.run_until_complete(asyncio.sleep(0))
print(len(asyncio.Task.all_tasks(loop)), "pending")
loop.run_until_complete(task)
`));
    expect(r.stdout).toBe('asyncio.async( in a string is kept\n1 pending\nTask-1 True\n');
    const notices = r.events.filter((e) => e.kind === 'warning' && e.legacy);
    expect(notices.map((e) => e.kind === 'warning' && [e.line, e.message.split(' ')[0]])).toEqual([
      [9, 'asyncio.async()'], [12, 'asyncio.Task.all_tasks()'], [5, 'asyncio.Task.current_task()']]);
  });
});

describe('libraries that cannot run here', () => {
  it('say why in the import error, and how to see the same idea with asyncio', () => {
    const gevent = run('import gevent\n');
    expect(gevent.summary.status).toBe('raised');
    expect(gevent.stderr).toMatch(/ModuleNotFoundError: No module named 'gevent'\. Loopscope cannot run gevent: greenlets/);
    expect(gevent.stderr).toMatch(/async def and await/);
    expect(run('from redis import Redis\n').stderr).toMatch(/no Redis server .* asyncio\.Queue/);
    // A module that does not exist anywhere still fails the usual way.
    expect(run('import no_such_module\n').stderr).toMatch(/No module named 'no_such_module'\n$/);
  });
});

describe('sandbox', () => {
  it('keeps JavaScript and the page out of reach of the program', () => {
    const r = run(py(`
import sys, importlib
print([m for m in sys.modules if m.split(".")[0] in ("js", "pyodide", "pyodide_js", "_pyodide")])
for name in ("js", "pyodide.ffi", "pyodide_js", "_pyodide_core"):
    try:
        importlib.import_module(name)
        print(name, "imported")
    except ImportError as e:
        print(name, "refused")
try:
    from js import document
except ImportError:
    print("from js: refused")
`));
    expect(r.stdout).toBe('[]\njs refused\npyodide.ffi refused\npyodide_js refused\n_pyodide_core refused\nfrom js: refused\n');
  });
});

describe('between runs', () => {
  const program = 'import asyncio, random\nasync def main():\n    print(asyncio.current_task().get_name(), random.random())\nasyncio.run(main())\n';

  it('starts every run afresh: task names from Task-1, the same seeded random', () => {
    const first = run(program);
    const second = run(program);
    expect(first.stdout).toMatch(/^Task-1 0\.\d+\n$/);
    expect(second.stdout).toBe(first.stdout);
    expect(run(program, { seed: 7 }).stdout).not.toBe(first.stdout);
  });

  it('keeps output and the end of the run when tracing is off', () => {
    const r = run(GATHER3, { trace: false });
    expect(r.stdout).toContain('[2, 1, 3]');
    expect(r.events.filter((e) => e.kind !== 'output').map((e) => e.kind)).toEqual(['end']);
  });
});

import { describe, expect, it } from 'vitest';
import { TraceBuilder } from './fixtures/build';
import { findMistakes, mistakesSoFar } from './mistakes';

// The events mirror what the engine emits for each mistake (see src/examples/py).
describe('findMistakes', () => {
  it('names the coroutine that was never awaited, at its warning', () => {
    const b = new TraceBuilder();
    b.print('hello\n');
    const at = b.at(0, 6, null, 19).add('warning', { category: 'RuntimeWarning', message: "coroutine 'greet' was never awaited", legacy: false });
    const [mistake] = findMistakes(b.events);
    expect(mistake).toMatchObject({ kind: 'neverAwaited', cursor: at, line: 19 });
    expect(mistake.explain.params).toEqual({ coro: 'greet' });
  });

  it('flags time.sleep and requests inside a task once per line, with the matching fix', () => {
    const b = new TraceBuilder();
    b.created('Task-2', 'nap');
    const first = b.at(0, 2, 'Task-2', 7).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    b.at(1, 2, 'Task-2', 7).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    b.created('Task-3', 'get');
    const web = b.at(2, 3, 'Task-3', 11).add('blocked', { call: "requests.get('https://a.example') — GET https://a.example (163 ms)", dur: 0.163 });
    const found = findMistakes(b.events);
    expect(found.map((m) => [m.kind, m.cursor, m.fix.key])).toEqual([
      ['blocking', first, 'mistake.blocking.fixSleep'],
      ['blocking', web, 'mistake.blocking.fixRequests'],
    ]);
    expect(found[1].explain.params).toMatchObject({ call: "requests.get('https://a.example')", task: 'Task-3', dur: '0.163' });
  });

  it('leaves blocking calls in worker threads and plain scripts alone', () => {
    const b = new TraceBuilder();
    b.at(0, 0, null, 9).add('blocked', { call: "requests.get('https://a.example')", dur: 0.1 });
    b.at(0, 0, 'asyncio_0', 6).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    expect(findMistakes(b.events)).toEqual([]);
  });

  it('explains a lost task exception, a deadlock and a nested asyncio.run', () => {
    const b = new TraceBuilder();
    const nested = b.at(1, 9, null, 12).add('error', {
      excType: 'RuntimeError', message: 'asyncio.run() cannot be called from a running event loop', traceback: '', frames: [],
    });
    const lost = b.add('warning', { category: 'asyncio', message: 'Task exception was never retrieved: ValueError: lost', legacy: false });
    const deadlock = b.add('error', {
      excType: 'Deadlock', traceback: '', frames: [],
      message: 'Deadlock: nothing can ever wake it:\n  Task-1 waits on Queue.get (empty, 0 items) (line 6)',
    });
    const found = findMistakes(b.events);
    expect(found.map((m) => [m.kind, m.cursor])).toEqual([['nestedRun', nested], ['lostException', lost], ['deadlock', deadlock]]);
    expect(found[1].explain.params).toEqual({ detail: 'ValueError: lost' });
    expect(found[2].explain.params).toEqual({ detail: 'Task-1 waits on Queue.get (empty, 0 items) (line 6)' });
  });

  it('finds nothing in an ordinary error', () => {
    const b = new TraceBuilder();
    b.add('error', { excType: 'ValueError', message: 'bad', traceback: '', frames: [] });
    expect(findMistakes(b.events)).toEqual([]);
  });
});

describe('mistakesSoFar', () => {
  it('follows a trace growing in place: each call reads only the new events, and the result stays put while none is found', () => {
    const b = new TraceBuilder();
    b.created('Task-2', 'nap');
    const events = b.events as unknown as unknown[];
    const full = (): unknown[] => [...events];
    const seen: number[] = [];
    // Counts the reads of each index: a second read of one means the scan began again.
    const watched = new Proxy(events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) seen.push(Number(key));
        return Reflect.get(target, key, receiver);
      },
    }) as unknown as typeof b.events;
    const none = mistakesSoFar(watched);
    expect(none).toEqual([]);
    b.at(0, 2, 'Task-2', 7).add('blocked', { call: 'time.sleep(1)', dur: 1 });
    const one = mistakesSoFar(watched);
    expect(one.map((m) => m.kind)).toEqual(['blocking']);
    b.print('tick\n');
    expect(mistakesSoFar(watched)).toBe(one); // nothing new found: the same array
    b.at(0, 6, null, 19).add('warning', { category: 'RuntimeWarning', message: "coroutine 'greet' was never awaited", legacy: false });
    expect(mistakesSoFar(watched)).toEqual(findMistakes(full() as typeof b.events));
    expect(new Set(seen).size).toBe(seen.length); // no event read twice
    expect(seen.length).toBe(events.length);
  });
});

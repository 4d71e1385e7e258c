import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from './schema';
import { unmarshal } from './marshal';
import { checkBatch } from './validate';
import { COMPACT_FIELDS, EVENT_FIELDS, TraceFormatError, WireDecoder } from './wire';

// The Python side's tables, read from its source so the two cannot drift apart.
function pythonFields(name = 'FIELDS'): Record<string, string[]> {
  const source = readFileSync(new URL('../engine/py/loopscope/trace.py', import.meta.url), 'utf8');
  const start = source.indexOf(`\n${name}: dict`);
  const block = source.slice(start, source.indexOf('\n}\n', start));
  const table: Record<string, string[]> = {};
  for (const m of block.matchAll(/^\s+"([\w-]+)": \(([^)]*)\),$/gm)) {
    table[m[1]!] = [...m[2]!.matchAll(/"(\w+)"/g)].map((f) => f[1]!);
  }
  return table;
}

describe('wire format', () => {
  it('names the same fields in the same order as the Python engine', () => {
    expect(pythonFields()).toEqual(EVENT_FIELDS);
    expect(pythonFields('COMPACT')).toEqual(COMPACT_FIELDS);
    expect(Object.keys(EVENT_FIELDS).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('decodes a suspend event with its await chain, in the context before it', () => {
    const decoder = new WireDecoder();
    const [ev] = decoder.decode([['@', 2, 'Task-2'], ['suspend', 1.5, 7, 'Task-2', 'sleep(1) until t=2.5',
      'sleep', [], 2.5, [['worker', 7, true], ['sleep', 702, false]]]]);
    expect(ev).toEqual({
      seq: 0, t: 1.5, it: 2, task: 'Task-2', line: 7, kind: 'suspend', id: 'Task-2',
      awaits: 'sleep(1) until t=2.5', wait: 'sleep', on: [], until: 2.5,
      chain: [{ fn: 'worker', line: 7, user: true }, { fn: 'sleep', line: 702, user: false }],
    });
  });

  it('numbers events on across batches and keeps the context until the next record', () => {
    const decoder = new WireDecoder();
    const first = decoder.decode([['@', 1, null], ['clock', 0, null, 0, 1], ['@', 2, 'Task-1'], ['line', 1, 5]]);
    const second = decoder.decode([['line', 1, 6], ['@', 2, null], ['clock', 1, null, 1, 2]]);
    expect([...first, ...second].map((e) => [e.seq, e.it, e.task, e.line])).toEqual([
      [0, 1, null, null], [1, 2, 'Task-1', 5], [2, 2, 'Task-1', 6], [3, 2, null, null]]);
  });

  it('expands compact records into the events they stand for', () => {
    const decoder = new WireDecoder();
    const events = decoder.decode([
      ['@', 1, 'Task-1'],
      ['n', 0, 4, 2, 'Task-2', 'worker', false],
      ['z', 0, 5, 3, 1.5, 1.5],
      ['suspend', 0, 5, 'Task-1', 'sleep(1.5) until t=1.5', 'sleep', [], 1.5, [['main', 5, true]]],
      ['@', 2, null],
      ['d', 1.5, null, 3],
      ['c', 1.5, null, 3],
      ['s', 1.5, null, 4, 'Task-1', 'w'],
      ['@', 3, 'Task-1'],
      ['r', 1.5, null, 4, true, 'stop', 'None', null],
    ]);
    const brief = events.map(({ seq, t, it, task, ...rest }) => [seq, t, it, task, rest]);
    expect(brief).toEqual([
      [0, 0, 1, 'Task-1', { line: 4, kind: 'task-created', id: 'Task-2', coro: 'worker', parent: 'Task-1', internal: false }],
      [1, 0, 1, 'Task-1', { line: 4, kind: 'schedule', handle: 2, queue: 'ready', when: null, label: 'Task Task-2 step',
        cause: 'created by Task-1', target: 'Task-2' }],
      [2, 0, 1, 'Task-1', { line: 5, kind: 'schedule', handle: 3, queue: 'timer', when: 1.5,
        label: 'sleep(1.5) timer of Task-1', cause: 'Task-1 awaits asyncio.sleep(1.5)', target: null }],
      [3, 0, 1, 'Task-1', expect.objectContaining({ kind: 'suspend', line: 5 })],
      [4, 1.5, 2, null, { line: null, kind: 'schedule', handle: 3, queue: 'ready', when: null,
        label: 'sleep(1.5) timer of Task-1', cause: 'timer due at t=1.5', target: null }],
      [5, 1.5, 2, null, { line: null, kind: 'callback', handle: 3, label: 'sleep(1.5) timer of Task-1', target: null }],
      [6, 1.5, 2, null, { line: null, kind: 'schedule', handle: 4, queue: 'ready', when: null, label: 'Task Task-1 step',
        cause: 'sleep(1.5) done → wake Task-1', target: 'Task-1' }],
      [7, 1.5, 3, 'Task-1', { line: 5, kind: 'callback', handle: 4, label: 'Task Task-1 step', target: 'Task-1' }],
      [8, 1.5, 3, 'Task-1', { line: 5, kind: 'cancel', id: 'Task-1', by: null, msg: 'stop' }],
      [9, 1.5, 3, 'Task-1', { line: 5, kind: 'resume', id: 'Task-1', by: 'sleep(1.5)', value: 'None', exc: null }],
    ]);
    expect(() => decoder.decode([['c', 2, null, 99]])).toThrow(/never scheduled/);
  });

  it('decodes marshalled bytes straight to the events decode() makes of the lists', () => {
    // Written by CPython: marshal.dumps([('@', 1, name), ('n', 0.0, 4, 2, name, 'worker', False),
    // ('z', ...), ('suspend', ...), ('@', 2, None), ('d', ...), ('c', ...)]) with name = 'Task-2'.
    // Some records are filed for back-references (FLAG_REF), others not: both paths run.
    const bytes = new Uint8Array([
      91, 7, 0, 0, 0, 41, 3, 250, 1, 64, 233, 1, 0, 0, 0, 250, 6, 84, 97, 115, 107, 45, 50, 41, 7, 218, 1, 110,
      231, 0, 0, 0, 0, 0, 0, 0, 0, 233, 4, 0, 0, 0, 233, 2, 0, 0, 0, 114, 2, 0, 0, 0, 218, 6, 119, 111, 114, 107,
      101, 114, 70, 169, 6, 218, 1, 122, 114, 4, 0, 0, 0, 233, 5, 0, 0, 0, 233, 3, 0, 0, 0, 231, 0, 0, 0, 0, 0,
      0, 248, 63, 114, 12, 0, 0, 0, 41, 9, 218, 7, 115, 117, 115, 112, 101, 110, 100, 114, 4, 0, 0, 0, 114, 10,
      0, 0, 0, 114, 2, 0, 0, 0, 250, 22, 115, 108, 101, 101, 112, 40, 49, 46, 53, 41, 32, 117, 110, 116, 105,
      108, 32, 116, 61, 49, 46, 53, 218, 5, 115, 108, 101, 101, 112, 91, 0, 0, 0, 0, 114, 12, 0, 0, 0, 91, 1,
      0, 0, 0, 169, 3, 218, 4, 109, 97, 105, 110, 114, 10, 0, 0, 0, 84, 169, 3, 114, 0, 0, 0, 0, 114, 6, 0, 0,
      0, 78, 169, 4, 218, 1, 100, 114, 12, 0, 0, 0, 78, 114, 11, 0, 0, 0, 169, 4, 218, 1, 99, 114, 12, 0, 0,
      0, 78, 114, 11, 0, 0, 0,
    ]);
    const fromBytes = new WireDecoder().decodeBytes(bytes);
    expect(fromBytes.map((e) => e.kind)).toEqual(
      ['task-created', 'schedule', 'schedule', 'suspend', 'schedule', 'callback']);
    expect(fromBytes).toEqual(new WireDecoder().decode(unmarshal(bytes)));
    expect(() => new WireDecoder().decodeBytes(bytes.subarray(0, 40))).toThrow(TraceFormatError);
  });

  it('rejects unknown kinds, wrong lengths, bad context and gaps in the sequence', () => {
    const decode = (raw: unknown[]) => new WireDecoder().decode([raw]);
    expect(() => decode(['explode', 0, null])).toThrow(TraceFormatError);
    expect(() => decode(['clock', 0, null, 1])).toThrow(/expected 5/);
    expect(() => decode(['@', 'one', null])).toThrow(/context/);
    expect(() => new WireDecoder().decode('nope')).toThrow(/not a list/);
    const decoder = new WireDecoder();
    const [a, b, c] = decoder.decode([['clock', 0, null, 0, 1], ['clock', 0, null, 1, 2], ['clock', 0, null, 2, 3]]);
    expect(checkBatch([a!, b!]).map((e) => e.seq)).toEqual([0, 1]);
    expect(() => checkBatch([a!, c!])).toThrow(/out of order/);
  });
});

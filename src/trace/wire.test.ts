import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from './schema';
import { checkBatch } from './validate';
import { EVENT_FIELDS, TraceFormatError, WireDecoder } from './wire';

// The Python side's table, read from its source so the two cannot drift apart.
function pythonFields(): Record<string, string[]> {
  const source = readFileSync(new URL('../engine/py/loopscope/trace.py', import.meta.url), 'utf8');
  const block = source.slice(source.indexOf('FIELDS: dict'), source.indexOf('\n}\n'));
  const table: Record<string, string[]> = {};
  for (const m of block.matchAll(/^\s+"([\w-]+)": \(([^)]*)\),$/gm)) {
    table[m[1]!] = [...m[2]!.matchAll(/"(\w+)"/g)].map((f) => f[1]!);
  }
  return table;
}

describe('wire format', () => {
  it('names the same fields in the same order as the Python engine', () => {
    expect(pythonFields()).toEqual(EVENT_FIELDS);
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

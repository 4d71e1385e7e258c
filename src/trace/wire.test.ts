import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from './schema';
import { checkBatch } from './validate';
import { decodeEvent, EVENT_FIELDS, TraceFormatError } from './wire';

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

  it('decodes a suspend event with its await chain', () => {
    const ev = decodeEvent(['suspend', 4, 1.5, 2, 'Task-2', 7, 'Task-2', 'sleep(1) until t=2.5', 'sleep', [], 2.5,
      [['worker', 7, true], ['sleep', 702, false]]]);
    expect(ev).toEqual({
      seq: 4, t: 1.5, it: 2, task: 'Task-2', line: 7, kind: 'suspend', id: 'Task-2',
      awaits: 'sleep(1) until t=2.5', wait: 'sleep', on: [], until: 2.5,
      chain: [{ fn: 'worker', line: 7, user: true }, { fn: 'sleep', line: 702, user: false }],
    });
  });

  it('rejects unknown kinds, wrong lengths and gaps in the sequence', () => {
    expect(() => decodeEvent(['explode', 0, 0, 0, null, null])).toThrow(TraceFormatError);
    expect(() => decodeEvent(['clock', 0, 0, 0, null, null, 1])).toThrow(/expected 8/);
    const clock = (seq: number) => decodeEvent(['clock', seq, 0, 0, null, null, 0, 1]);
    expect(checkBatch([clock(3), clock(4)]).map((e) => e.seq)).toEqual([3, 4]);
    expect(() => checkBatch([clock(3), clock(5)])).toThrow(/out of order/);
  });
});

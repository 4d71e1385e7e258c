// Every gallery program, run on the engine: it must print what CPython prints (recorded
// in expected/: from CPython 3.13 for programs without network or threads-over-network,
// from the engine, checked by hand, for those), end as its lesson says, and every
// step its metadata marks must exist in the trace.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndCollect } from '../engine/collect';
import { createNodeEngine, type NodeEngine } from '../engine/node';
import { findMarks } from '../model';
import { DEFAULT_EXAMPLE_ID, EXAMPLES } from '.';

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); }, 120_000);

describe('the gallery', () => {
  it('has unique ids, the default first, and text in both languages', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(EXAMPLES[0].id).toBe(DEFAULT_EXAMPLE_ID);
    for (const example of EXAMPLES) {
      for (const text of [example.title, example.watch, ...example.marks.map((m) => m.label)]) {
        expect(text.en.trim()).not.toBe('');
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  for (const example of EXAMPLES) {
    it(`${example.id} prints what CPython prints and marks its steps`, () => {
      const run = runAndCollect(engine, example.source, {}, `${example.id}.py`);
      expect(run.stdout).toBe(readFileSync(new URL(`./expected/${example.id}.stdout`, import.meta.url), 'utf8'));
      const errors = run.events.filter((e) => e.kind === 'error');
      expect(errors.length > 0).toBe(example.showsError === true);
      const marks = findMarks(run.events, example.marks.map((m) => m.rule));
      expect(marks.map((m) => m.rule)).toEqual(example.marks.map((_, i) => i));
    });
  }
});

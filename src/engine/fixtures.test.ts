// Every program in fixtures/ must print, on the virtual loop, what CPython printed for it
// with a real clock (recorded by scripts/record-fixtures.sh).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndCollect } from './collect';
import { createNodeEngine, type NodeEngine } from './node';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

let engine: NodeEngine;
beforeAll(async () => { engine = await createNodeEngine(); });

describe('recorded CPython output', () => {
  it('has fixtures to compare against', () => {
    expect(programs.length).toBeGreaterThan(20);
  });

  for (const program of programs) {
    const base = join(dir, program.replace(/\.py$/, ''));
    if (!existsSync(`${base}.stdout`)) continue;
    it(program, () => {
      const source = readFileSync(join(dir, program), 'utf8');
      const run = runAndCollect(engine, source, {}, program);
      expect(run.stdout).toBe(readFileSync(`${base}.stdout`, 'utf8'));
      const exit = Number(readFileSync(`${base}.exit`, 'utf8').trim());
      expect(run.summary.exitCode).toBe(exit);
      const tail = existsSync(`${base}.stderr-tail`) ? readFileSync(`${base}.stderr-tail`, 'utf8').trim() : '';
      if (tail) expect(run.stderr).toContain(tail);
    });
  }
});

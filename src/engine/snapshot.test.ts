// A memory snapshot of the started engine restores into a fresh Pyodide and runs programs
// exactly as the engine it was made from (and as CPython, per the recorded fixtures).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAndCollect } from './collect';
import { installEngine, type Engine } from './host';
import { readPackageFiles } from './node';
import { snapshotKey } from './snapshot';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + '/';
const quiet = { stdout: () => {}, stderr: () => {} };

function fixture(name: string): { source: string; stdout: string; exit: number } {
  const base = join(dir, name.replace(/\.py$/, ''));
  return {
    source: readFileSync(join(dir, name), 'utf8'),
    stdout: readFileSync(`${base}.stdout`, 'utf8'),
    exit: Number(readFileSync(`${base}.exit`, 'utf8').trim()),
  };
}

// A spread of the engine: timers, gather, errors, threads, executors, the network shims.
const programs = readdirSync(dir).filter((f) => f.endsWith('.py') && existsSync(join(dir, f.replace(/\.py$/, '.stdout'))))
  .sort().filter((_, i) => i % 4 === 0);

let maker: PyodideAPI;
let made: Engine;
let snapshot: Uint8Array;
const restored: Engine[] = [];

beforeAll(async () => {
  maker = await loadPyodide({ indexURL, env: { PYTHONHASHSEED: '0' }, _makeSnapshot: true, ...quiet });
  made = installEngine(maker, readPackageFiles());
  snapshot = maker.makeMemorySnapshot();
  // Restored twice from the same bytes, as a browser does after each Stop.
  for (let i = 0; i < 2; i++) {
    const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshot, ...quiet });
    restored.push(installEngine(pyodide, readPackageFiles()));
  }
}, 120_000);

describe('engine memory snapshot', () => {
  it('has programs to compare', () => {
    expect(programs.length).toBeGreaterThan(8);
    expect(snapshot.byteLength).toBeGreaterThan(1_000_000);
  });

  for (const name of programs) {
    it(`${name}: same output made, restored, restored again`, () => {
      const { source, stdout, exit } = fixture(name);
      for (const engine of [made, ...restored]) {
        const run = runAndCollect(engine, source, {}, name);
        expect(run.stdout).toBe(stdout);
        expect(run.summary.exitCode).toBe(exit);
      }
    });
  }

  it('gives identical traces from the made and the restored engine', () => {
    const { source } = fixture(programs[1]!);
    const a = runAndCollect(made, source, { lines: true });
    const b = runAndCollect(restored[0]!, source, { lines: true });
    expect(b.events).toEqual(a.events);
  });

  it('keys a snapshot by Pyodide version, trace format and package sources', async () => {
    const files = readPackageFiles();
    const key = await snapshotKey(files);
    expect(key).toMatch(/^pyodide-314\.[\d.]+-trace-\d+-pkg-[0-9a-f]{16}$/);
    expect(await snapshotKey({ ...files })).toBe(key);
    expect(await snapshotKey({ ...files, 'loop.py': `${files['loop.py']}\n` })).not.toBe(key);
  });
});

/**
 * The engine in Node (tests, benchmarks and the `loopscope` command): Pyodide from the
 * npm package, our Python package read from src/engine/py.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { installEngine, type Engine, type PackageFiles } from './host';

const PACKAGE_SOURCE = fileURLToPath(new URL('./py/loopscope/', import.meta.url));

export function readPackageFiles(dir = PACKAGE_SOURCE): PackageFiles {
  const files: PackageFiles = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.py')) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

export interface NodeEngine extends Engine {
  loadMs: number;
  /** As in the browser worker: Stop writes 2 (SIGINT) into this buffer. */
  setInterruptBuffer(buffer: Uint8Array): void;
}

/** Loads Pyodide (about 2 s) and installs the engine; reuse the result across runs. */
export async function createNodeEngine(): Promise<NodeEngine> {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const indexURL = dirname(require.resolve('pyodide/package.json')) + '/';
  const pyodide = await loadPyodide({
    indexURL,
    // Fixed string hashing, so set iteration order is the same on every run of a scenario.
    env: { PYTHONHASHSEED: '0' },
    // Our package captures the program's own output; anything here is Pyodide's.
    stdout: (line) => process.stderr.write(`[pyodide] ${line}\n`),
    stderr: (line) => process.stderr.write(`[pyodide] ${line}\n`),
  });
  const engine = installEngine(pyodide, readPackageFiles());
  return {
    ...engine,
    loadMs: performance.now() - started,
    setInterruptBuffer: (buffer) => pyodide.setInterruptBuffer(buffer),
  };
}

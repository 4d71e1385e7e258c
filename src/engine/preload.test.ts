import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../trace/schema';
import { installEngine } from './host';
import { readPackageFiles } from './node';

// A Stop pressed while a run is being set up waits until the program starts (interrupt.py).
// The first run after Python started used to import the simulated libraries (a third of a
// second here, over 2 s in a busy browser), long enough for the page to give up on the
// interrupt and restart Python. So the engine imports them when it is installed.
describe('the engine installed', () => {
  it('has imported what a run sets up: the first run imports none of its modules', async () => {
    const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + '/';
    const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    const engine = installEngine(pyodide, readPackageFiles());
    const modules = () => new Set(pyodide.runPython('import sys; list(sys.modules)').toJs() as string[]);
    const before = modules();
    engine.run('import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n',
      'main.py', { ...DEFAULT_RUN_OPTIONS, lines: true }, () => {});
    const imported = [...modules()].filter((name) => !before.has(name));
    expect(imported.filter((name) => name.startsWith('loopscope'))).toEqual([]);
    expect(imported).toEqual([]);
  }, 60_000);
});

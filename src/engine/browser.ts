/** The engine inside a browser worker: Pyodide served from our own origin. */
import { loadPyodide } from 'pyodide';
import { installEngine, type Engine, type PackageFiles } from './host';

const files = import.meta.glob('./py/loopscope/*.py', {
  query: '?raw', import: 'default', eager: true,
}) as Record<string, string>;

function packageFiles(): PackageFiles {
  const out: PackageFiles = {};
  for (const [path, text] of Object.entries(files)) out[path.split('/').pop()!] = text;
  return out;
}

export async function createBrowserEngine(baseUrl: string): Promise<Engine & {
  setInterruptBuffer(buffer: Uint8Array): void;
}> {
  const pyodide = await loadPyodide({
    indexURL: new URL('pyodide/', baseUrl).href,
    env: { PYTHONHASHSEED: '0' },
  });
  const engine = installEngine(pyodide, packageFiles());
  return { ...engine, setInterruptBuffer: (buffer) => pyodide.setInterruptBuffer(buffer) };
}

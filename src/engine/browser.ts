/**
 * The engine inside a browser worker: Pyodide served from our own origin.
 *
 * The first start loads Pyodide and imports our package, then keeps a memory snapshot of
 * that interpreter in Cache Storage (snapshot.ts); later starts — a second visit, or a new
 * worker after Stop — restore it instead of starting Python again.
 *
 * Start-up phases are recorded as performance marks named `loopscope:*` in the worker
 * (the benchmark reads them, with the resource timings of Pyodide's files).
 */
import { loadPyodide, version as pyodideVersion, type PyodideAPI, type PyodideConfig } from 'pyodide';
import { installEngine, type Engine, type PackageFiles } from './host';
import { snapshotKey } from './snapshot';

const files = import.meta.glob('./py/loopscope/*.py', {
  query: '?raw', import: 'default', eager: true,
}) as Record<string, string>;

function packageFiles(): PackageFiles {
  const out: PackageFiles = {};
  for (const [path, text] of Object.entries(files)) out[path.split('/').pop()!] = text;
  return out;
}

export const mark = (name: string): void => { performance.mark(`loopscope:${name}`); };

const SNAPSHOT_CACHE = 'loopscope-python-snapshot';
// A Cache Storage key must look like a URL; this one is never fetched.
const snapshotUrl = (key: string) => new URL(`/__loopscope/snapshot/${key}`, self.location.origin).href;

/** The stored snapshot's bytes, still arriving, when there is one for this key. */
async function findSnapshot(key: string): Promise<Promise<Uint8Array> | null> {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const response = await cache.match(snapshotUrl(key));
    return response ? response.arrayBuffer().then((bytes) => new Uint8Array(bytes)) : null;
  } catch {
    return null; // no Cache Storage here (an insecure origin, a private window): start normally
  }
}

async function forgetSnapshots(): Promise<void> {
  try { await caches.delete(SNAPSHOT_CACHE); } catch { /* nothing stored */ }
}

async function storeSnapshot(key: string, bytes: Uint8Array): Promise<void> {
  try {
    await forgetSnapshots(); // one snapshot at a time: older builds' are useless
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(snapshotUrl(key), new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': 'application/octet-stream' },
    }));
  } catch {
    // Out of quota or no Cache Storage: the next start loads normally.
  }
}

type ModuleFactory = NonNullable<PyodideConfig['createPyodideModule']>;
type ModuleSettings = Parameters<ModuleFactory>[0];
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Pyodide's own module factory, marking when its WebAssembly is compiled and instantiated. */
function timedModuleFactory(indexURL: string): ModuleFactory {
  // Started now, alongside Pyodide's fetches of the .wasm and the standard library.
  const asm = import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`) as Promise<{ default: ModuleFactory }>;
  return async (settings: ModuleSettings) => {
    const create = (await asm).default;
    mark('asm-js-loaded');
    const instantiate = settings.instantiateWasm;
    if (instantiate) {
      (settings as Writable<ModuleSettings>).instantiateWasm = (imports, done) => instantiate(imports, (instance, module) => {
        mark('wasm-instantiated');
        done(instance, module);
      });
    }
    return create(settings);
  };
}

export interface BrowserEngine extends Engine {
  setInterruptBuffer(buffer: Uint8Array): void;
  /** How this start went: restored from a snapshot, or Python started from scratch. */
  readonly restored: boolean;
  /**
   * After a start from scratch: snapshot the interpreter (before any run changes it) and
   * store it for the next start. Synchronous up to the snapshot; storing continues after.
   */
  keepSnapshot(): Promise<void>;
}

export async function createBrowserEngine(baseUrl: string): Promise<BrowserEngine> {
  // Versioned, so it can be cached for good (scripts/pyodide-assets.ts serves it there).
  const indexURL = new URL(`pyodide/${pyodideVersion}/`, baseUrl).href;
  // Pyodide's JavaScript starts loading now, alongside the snapshot's lookup.
  const createPyodideModule = timedModuleFactory(indexURL);
  const sources = packageFiles();
  const key = await snapshotKey(sources);
  const saved = await findSnapshot(key);
  mark(saved ? 'snapshot-found' : 'snapshot-missing');

  let pyodide: PyodideAPI | null = null;
  if (saved) {
    try {
      // The bytes are read while Pyodide fetches and compiles its WebAssembly.
      pyodide = await loadPyodide({ indexURL, _loadSnapshot: saved, createPyodideModule });
    } catch (err) {
      console.warn('Loopscope: the saved Python snapshot did not load; starting Python normally.', err);
      await forgetSnapshots();
    }
  }
  const restored = pyodide !== null;
  pyodide ??= await loadPyodide({
    indexURL,
    env: { PYTHONHASHSEED: '0' },
    _makeSnapshot: true,
    createPyodideModule,
  });
  mark('python-started');
  const engine = installEngine(pyodide, sources);
  mark('engine-installed');
  const python = pyodide;
  return {
    ...engine,
    restored,
    setInterruptBuffer: (buffer) => python.setInterruptBuffer(buffer),
    keepSnapshot: async () => {
      if (restored) return;
      const bytes = python.makeMemorySnapshot();
      mark('snapshot-made');
      await storeSnapshot(key, bytes);
      mark('snapshot-stored');
    },
  };
}

/**
 * Memory snapshots of a started engine: Pyodide's interpreter with our package already
 * imported, saved as bytes and restored into a fresh WebAssembly instance (~0.3 s instead of
 * Python's start plus compiling our package).
 *
 * Pyodide's snapshot API is private (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`)
 * and a snapshot only fits the exact build that made it, so its key names the Pyodide
 * version, the trace format and a hash of our package's sources. Restoring brings back
 * the heap, not Emscripten's in-memory file system: the package files are written again
 * by `installEngine` (imports inside a run need them); `import loopscope` is then a no-op.
 *
 * Used by the browser worker; tested in Node (snapshot.test.ts).
 */
import { version as pyodideVersion } from 'pyodide';
import { TRACE_VERSION } from '../trace/schema';
import type { PackageFiles } from './host';

/** A name for snapshots that only this Pyodide build, trace format and package can use. */
export async function snapshotKey(files: PackageFiles): Promise<string> {
  const text = Object.keys(files).sort().map((name) => `${name}\0${files[name]}\0`).join('');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `pyodide-${pyodideVersion}-trace-${TRACE_VERSION}-pkg-${hex.slice(0, 16)}`;
}

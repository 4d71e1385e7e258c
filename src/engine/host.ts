/**
 * The engine, independent of where it runs: loads our Python package into a Pyodide
 * instance and runs programs on it. The browser worker and Node (tests, CLI) wrap it.
 */
import type { PyodideAPI } from 'pyodide';

/** A Python `bytes` object as JavaScript sees it while Python lends it. */
interface PyBytes { toJs(): Uint8Array }
import { TRACE_VERSION, type RunOptions, type RunSummary, type TraceEvent } from '../trace/schema';
import { batchParser, parseSummary } from '../trace/validate';

/** Python sources of the `loopscope` package, keyed by file name (`loop.py`, …). */
export type PackageFiles = Record<string, string>;

export interface Engine {
  readonly traceVersion: number;
  /** Runs one program to its end or a limit; batches arrive through `onBatch` while it runs. */
  run(source: string, filename: string, options: RunOptions,
    onBatch: (events: TraceEvent[]) => void): RunSummary;
  /**
   * The same run, its batches handed over as the engine wrote them (marshalled, not yet
   * decoded or checked): the browser worker passes them to the page, which decodes them
   * with `batchParser`, so decoding never holds up Python.
   */
  runBytes(source: string, filename: string, options: RunOptions,
    onBytes: (bytes: Uint8Array) => void): RunSummary;
}

const PACKAGE_DIR = '/loopscope_pkg';

export function installEngine(pyodide: PyodideAPI, files: PackageFiles): Engine {
  pyodide.FS.mkdirTree(`${PACKAGE_DIR}/loopscope`);
  for (const [name, text] of Object.entries(files)) {
    pyodide.FS.writeFile(`${PACKAGE_DIR}/loopscope/${name}`, text);
  }
  performance.mark('loopscope:files-written');
  pyodide.runPython(`
import sys
if ${JSON.stringify(PACKAGE_DIR)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})
import loopscope
`);
  const runProgram = pyodide.runPython('loopscope.run_program') as (
    source: string, filename: string, options: string, flush: (batch: PyBytes) => void) => string;

  return {
    traceVersion: TRACE_VERSION,
    run(source, filename, options, onBatch) {
      const parse = batchParser();
      return this.runBytes(source, filename, options, (bytes) => onBatch(parse(bytes)));
    },
    runBytes(source, filename, options, onBytes) {
      // The bytes object is lent for the call only; toJs copies it out.
      const flush = (batch: PyBytes) => onBytes(batch.toJs());
      return parseSummary(runProgram(source, filename, JSON.stringify(options), flush));
    },
  };
}

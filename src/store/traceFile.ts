/** Saving the shown run as a trace file, and opening one to step through without running. */
import { phrase, snapshotAt, Trace } from '../model';
import { parseTraceFile, traceFileJson } from '../model/traceFile';
import { DEFAULT_RUN_OPTIONS } from '../trace/schema';
import { keepPrevious, setSource } from './editor';
import { stopProgram } from './engine';
import { getApp, setApp } from './store';

// Imported runs get ids the engine never hands out, so a late batch cannot join them.
let importedRuns = 0;

/** The shown run as trace-file JSON, or null before the first run. */
export function traceFileOfRun(): string | null {
  const { runSource, runOptions, summary, trace } = getApp();
  if (runSource === null || summary === null) return null;
  return traceFileJson({
    program: { source: runSource, filename: 'main.py' }, options: runOptions, summary, events: trace.events,
  });
}

/**
 * Opens a saved run: its program goes into the editor (the editor's text is kept as the
 * previous one) and its trace is shown from the start. Returns why it could not, or null.
 */
export function loadTraceFile(text: string): string | null {
  let trace: Trace;
  let file;
  try {
    file = parseTraceFile(text);
    // Building the trace replays every event: a file the model cannot follow fails here.
    trace = Trace.from(file.events);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    setApp({ linkNotice: { kind: 'error', message: phrase('notice.fileNotTrace', { error }) } });
    return `This file could not be opened as a trace: ${error}.`;
  }
  stopProgram();
  const replaced = keepPrevious(file.program.source);
  setSource(file.program.source);
  importedRuns -= 1;
  setApp({
    runId: importedRuns, running: false, summary: file.summary, runSource: file.program.source,
    runOptions: file.options, trace, traceLength: trace.length, cursor: -1, snapshot: snapshotAt(trace, -1),
    notice: null, pendingStep: null, seed: file.options?.seed ?? DEFAULT_RUN_OPTIONS.seed,
    network: file.options?.network ?? null,
    linkNotice: { kind: 'info', message: phrase(replaced ? 'notice.openedTraceKept' : 'notice.openedTrace', { n: trace.length }) },
  });
  return null;
}

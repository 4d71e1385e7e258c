/**
 * The one store. Each slice holds data only; actions are plain functions in the sibling
 * modules (engine.ts, cursor.ts, playback.ts, editor.ts) so the engine client, keyboard
 * and tests can call them without React.
 */
import { create } from 'zustand';
import { DEFAULT_RUN_OPTIONS, type NetworkSettings, type RunOptions, type RunSummary } from '../trace/schema';
import type { EngineStatus } from '../trace/protocol';
import { snapshotAt, Trace, type Granularity, type LoopSnapshot, type Phrase, type Wording } from '../model';

export interface EngineSlice {
  engineStatus: EngineStatus;
  /** Why the engine failed or a trace could not be read. */
  engineMessage: Wording | null;
  loadMs: number | null;
}

export interface RunSlice {
  /** The run whose trace is shown; null before the first run. */
  runId: number | null;
  running: boolean;
  summary: RunSummary | null;
  /** The source the shown trace came from (line numbers refer to it). */
  runSource: string | null;
  /** The options the shown trace ran with (what a trace export records). */
  runOptions: RunOptions | null;
  /** Grows as batches stream in; `traceLength` changes with it so views re-render. */
  trace: Trace;
  traceLength: number;
}

export interface CursorSlice {
  cursor: number;
  snapshot: LoopSnapshot;
  granularity: Granularity;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** Set when a step ran past the end without finding what it looked for. */
  notice: Phrase | null;
}

export interface EditorSlice {
  source: string;
  breakpoints: readonly number[];
  /** A task card the user pointed at (from an "awaits" link). */
  focusedTask: string | null;
  /** A request for the editor to scroll to a line; `nonce` makes repeats distinct. */
  reveal: { line: number; nonce: number } | null;
}

/** The rest of the scenario a link carries, and what opening one left to say. */
export interface ShareSlice {
  seed: number;
  network: NetworkSettings | null;
  /** The editor's text before a link or an imported trace replaced it. */
  previousSource: string | null;
  /** Shown under the header: a link that could not be opened, or what opening one did. */
  linkNotice: { kind: 'error' | 'info'; message: Phrase } | null;
  /** A step to show once the run `runId` has ended (opening a link). */
  pendingStep: { runId: number; cursor: number } | null;
  /** Embed mode for slides: the cursor stays within `range` (cursor positions, inclusive). */
  embed: { editor: boolean; range: { first: number; last: number } | null } | null;
}

export type AppState = EngineSlice & RunSlice & CursorSlice & EditorSlice & ShareSlice;

const engineSlice = (): EngineSlice => ({ engineStatus: 'loading', engineMessage: null, loadMs: null });

const runSlice = (): RunSlice => {
  const trace = new Trace();
  return { runId: null, running: false, summary: null, runSource: null, runOptions: null, trace, traceLength: 0 };
};

const cursorSlice = (trace: Trace): CursorSlice => ({
  cursor: -1, snapshot: snapshotAt(trace, -1), granularity: 'event', playing: false, speed: 4, notice: null,
});

const editorSlice = (): EditorSlice => ({ source: '', breakpoints: [], focusedTask: null, reveal: null });

const shareSlice = (): ShareSlice => ({
  seed: DEFAULT_RUN_OPTIONS.seed, network: null, previousSource: null, linkNotice: null, pendingStep: null, embed: null,
});

export function initialAppState(): AppState {
  const run = runSlice();
  return { ...engineSlice(), ...run, ...cursorSlice(run.trace), ...editorSlice(), ...shareSlice() };
}

export const useApp = create<AppState>()(() => initialAppState());

/** Shorthands for actions outside React. */
export const getApp = useApp.getState;
export const setApp = useApp.setState;

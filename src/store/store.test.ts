import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineListener } from '../engine/client';
import cafeEvents from '../model/fixtures/cafe.trace.json';
import type { RunSummary, TraceEvent } from '../trace/schema';
import {
  connectEngine, disconnectEngine, getApp, initEditor, initialAppState, runProgram, runToBreakpoint,
  seek, setSource, startPlayback, stepBack, stepForward, stopProgram, toEnd, toggleBreakpoint, toStart,
  useApp, encodeSource, SOURCE_KEY,
} from '.';

const events = cafeEvents as TraceEvent[];
const summary: RunSummary = { status: 'finished', exitCode: 0, message: '', events: events.length, virtualTime: 3, wallMs: 5 };

/** Stands in for the Pyodide worker: each run gets an id; the test feeds its events. */
class FakeEngine {
  runs: { runId: number; source: string }[] = [];
  stopped = 0;
  readonly listener: EngineListener;
  constructor(listener: EngineListener) {
    this.listener = listener;
  }
  run(source: string): number {
    const runId = this.runs.length + 1;
    this.runs.push({ runId, source });
    this.listener.status('running', {});
    return runId;
  }
  stop(): void {
    this.stopped += 1;
  }
  dispose(): void {}
  stream(runId: number, batchSize = 25): void {
    for (let i = 0; i < events.length; i += batchSize) this.listener.batch(runId, events.slice(i, i + batchSize));
    this.listener.end(runId, summary);
  }
}

let fake: FakeEngine;

beforeEach(() => {
  useApp.setState(initialAppState(), true);
  connectEngine((listener) => (fake = new FakeEngine(listener)));
});

afterEach(() => {
  disconnectEngine();
  vi.useRealTimers();
});

describe('running a program', () => {
  it('collects the streamed trace and starts at the beginning', () => {
    runProgram();
    fake.stream(1);
    const app = getApp();
    expect(app.traceLength).toBe(events.length);
    expect(app.running).toBe(false);
    expect(app.summary?.status).toBe('finished');
    expect(app.cursor).toBe(-1);
    expect(app.snapshot.console).toEqual([]);
  });

  it('shows a syntax error at once: there is nothing to step through', () => {
    runProgram();
    const base = { t: 0, it: 0, task: null };
    fake.listener.batch(1, [
      { ...base, seq: 0, line: null, kind: 'output', stream: 'stderr', text: '  File "main.py", line 2\nSyntaxError: invalid syntax\n' },
      { ...base, seq: 1, line: 2, kind: 'error', excType: 'SyntaxError', message: 'invalid syntax', traceback: '', frames: [] },
      { ...base, seq: 2, line: null, kind: 'end', status: 'syntax-error', exitCode: 1, message: 'SyntaxError: invalid syntax (line 2)' },
    ]);
    fake.listener.end(1, { ...summary, status: 'syntax-error', exitCode: 1, events: 3 });
    expect(getApp().cursor).toBe(2);
    expect(getApp().snapshot.console[0].stream).toBe('stderr');
    expect(getApp().snapshot.problems[0].line).toBe(2);
  });

  it('ignores batches from a run that was replaced', () => {
    runProgram();
    runProgram();
    fake.stream(1);
    expect(getApp().traceLength).toBe(0);
    expect(getApp().running).toBe(true);
    stopProgram();
    expect(fake.stopped).toBe(1);
  });
});

describe('stepping through a run', () => {
  beforeEach(() => {
    runProgram();
    fake.stream(1);
  });

  it('moves forward and back to exactly the same snapshot', () => {
    seek(50);
    const before = getApp().snapshot;
    stepForward();
    expect(getApp().cursor).toBe(51);
    stepBack();
    expect(getApp().snapshot).toEqual(before);
  });

  it('steps by callback when asked, whatever the chosen granularity', () => {
    stepForward('callback');
    expect(getApp().snapshot.event?.kind).toBe('callback');
  });

  it('jumps to the end and back to the start', () => {
    toEnd();
    expect(getApp().snapshot.console).toHaveLength(7);
    toStart();
    expect(getApp().cursor).toBe(-1);
    expect(getApp().snapshot.console).toHaveLength(0);
  });

  it('runs to a breakpoint line and reports when none is ahead', () => {
    toggleBreakpoint(7);
    expect(runToBreakpoint()).toBe(true);
    expect(getApp().snapshot.event).toMatchObject({ kind: 'line', line: 7, task: 'Task-2' });
    toEnd();
    expect(runToBreakpoint()).toBe(false);
    expect(getApp().notice).toEqual({ key: 'notice.noBreakpointAhead', params: {} });
  });

  it('plays forward and pauses at a breakpoint', () => {
    vi.useFakeTimers();
    toggleBreakpoint(17);
    startPlayback();
    vi.advanceTimersByTime(60_000);
    expect(getApp().playing).toBe(false);
    expect(getApp().snapshot.event).toMatchObject({ line: 17 });
  });
});

describe('the editor text', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };

  it('is saved on every change and restored on the next load', () => {
    const store = storage();
    initEditor({ hash: '', storage: store, fallback: 'default' });
    expect(getApp().source).toBe('default');
    setSource('print(1)');
    expect(store.map.get(SOURCE_KEY)).toBe('print(1)');
    useApp.setState(initialAppState(), true);
    initEditor({ hash: '', storage: store, fallback: 'default' });
    expect(getApp().source).toBe('print(1)');
  });

  it('opens the program of a #code= link, non-ASCII included', () => {
    const program = 'print("héllo, 世界")  # ✓\n';
    const fromLink = initEditor({ hash: `#code=${encodeSource(program)}`, storage: storage(), fallback: 'x' });
    expect(fromLink).toBe(true);
    expect(getApp().source).toBe(program);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineListener } from '../engine/client';
import cafeEvents from '../model/fixtures/cafe.trace.json';
import { encodePermalink } from '../trace/permalink';
import type { RunOptions, TraceEvent } from '../trace/schema';
import {
  connectEngine, currentPermalink, disconnectEngine, embedFromSearch, getApp, initEditor, initialAppState,
  loadTraceFile, openLink, restorePreviousSource, runProgram, seek, setSource, stepForward, toEnd, toStart,
  traceFileOfRun, useApp, encodeSource,
} from '.';

const events = cafeEvents as TraceEvent[];
const runs: { runId: number; source: string; options: Partial<RunOptions> }[] = [];
let listener: EngineListener;

function finishRun(): void {
  const { runId } = runs[runs.length - 1];
  listener.batch(runId, events);
  listener.end(runId, { status: 'finished', exitCode: 0, message: '', events: events.length, virtualTime: 3, wallMs: 1 });
}

const storage = () => {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

beforeEach(() => {
  runs.length = 0;
  useApp.setState(initialAppState(), true);
  connectEngine((l) => {
    listener = l;
    return { run: (source, options = {}) => runs.push({ runId: runs.length + 1, source, options }), stop() {}, dispose() {} };
  });
});

afterEach(() => disconnectEngine());

describe('opening a permalink', () => {
  it('runs its scenario with its seed and lands on its step when the run ends', async () => {
    setSource('print("my own work")');
    const hash = `#${await encodePermalink({ scenario: { program: 'print(2)', seed: 9, granularity: 'callback', speed: 16 }, step: 12 })}`;
    await openLink(hash);
    expect(runs).toMatchObject([{ source: 'print(2)', options: { seed: 9 } }]);
    expect(getApp()).toMatchObject({ granularity: 'callback', speed: 16, cursor: -1 });
    finishRun();
    expect(getApp().cursor).toBe(11);
    // The next Run keeps the link's seed.
    runProgram();
    expect(runs[1].options.seed).toBe(9);
  });

  it('keeps the editor\'s text, one click away, and a second click swaps back', async () => {
    setSource('print("my own work")');
    await openLink(`#${await encodePermalink({ scenario: { program: 'print(2)' }, step: null })}`);
    expect(getApp().source).toBe('print(2)');
    expect(getApp().linkNotice).toMatchObject({ kind: 'info' });
    restorePreviousSource();
    expect(getApp().source).toBe('print("my own work")');
    restorePreviousSource();
    expect(getApp().source).toBe('print(2)');
  });

  it('keeps the saved text when a #code= link replaces it at start-up', () => {
    const saved = storage();
    saved.setItem('loopscope.source.v1', 'print("saved")');
    initEditor({ hash: `#code=${encodeSource('print("linked")')}`, storage: saved, fallback: 'x' });
    expect(getApp()).toMatchObject({ source: 'print("linked")', previousSource: 'print("saved")' });
    expect(saved.map.get('loopscope.previous-source.v1')).toBe('print("saved")');
  });

  it('says why a damaged link cannot be opened, and changes nothing', async () => {
    setSource('print("mine")');
    await openLink('#v=1&z=not-deflate');
    expect(getApp().linkNotice?.kind).toBe('error');
    expect(getApp().linkNotice?.message).toMatchObject({ key: 'notice.linkError', params: { reason: { key: 'linkWords.noDecompress' } } });
    expect(getApp().source).toBe('print("mine")');
    expect(runs).toEqual([]);
  });

  it('makes the link of what is on screen: program, settings and the step the counter shows', async () => {
    setSource('print(3)');
    runProgram();
    finishRun();
    seek(4);
    useApp.setState({ seed: 5, granularity: 'iteration' });
    expect(currentPermalink()).toEqual({ scenario: { program: 'print(3)', seed: 5, granularity: 'iteration' }, step: 5 });
  });
});

describe('embed mode', () => {
  it('reads the slide range from the query, as the step counter numbers steps', () => {
    expect(embedFromSearch('?embed=1&editor=0&start=3&end=9')).toEqual({ editor: false, range: { first: 2, last: 8 } });
    expect(embedFromSearch('?embed=1')).toEqual({ editor: true, range: null });
    expect(embedFromSearch('?embed=0')).toBeNull();
    expect(embedFromSearch('?embed=1&start=<b>')).toEqual({ editor: true, range: null });
  });

  it('keeps stepping and seeking within the range', () => {
    useApp.setState({ embed: embedFromSearch('?embed=1&start=3&end=9') });
    runProgram();
    finishRun();
    toStart();
    expect(getApp().cursor).toBe(2);
    toEnd();
    expect(getApp().cursor).toBe(8);
    expect(stepForward()).toBe(false);
    seek(-1);
    expect(getApp().cursor).toBe(2);
  });
});

describe('trace files', () => {
  it('save the shown run and open it again without running', () => {
    setSource('print(4)');
    runProgram();
    finishRun();
    const saved = traceFileOfRun()!;
    useApp.setState(initialAppState(), true);
    setSource('print("other")');
    expect(loadTraceFile(saved)).toBeNull();
    expect(getApp()).toMatchObject({ source: 'print(4)', previousSource: 'print("other")', traceLength: events.length, running: false });
    expect(runs).toHaveLength(1);
    toEnd();
    expect(getApp().snapshot.console.length).toBeGreaterThan(0);
  });

  it('refuse a file that is not a trace of this version, saying why', () => {
    expect(loadTraceFile('{"version": 99, "program": "x", "events": []}')).toMatch(/version 99/);
    expect(loadTraceFile('not json')).toMatch(/not JSON/);
    expect(loadTraceFile(JSON.stringify({ version: 1, program: 'x', events: [{ seq: 0, kind: 'nope' }] }))).toMatch(/could not be opened/);
    expect(getApp().linkNotice?.kind).toBe('error');
  });
});

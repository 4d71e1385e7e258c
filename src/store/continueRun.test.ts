import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, type RunSummary } from '../trace/schema';
import { canContinue, largerBudgets } from './continueRun';
import { getApp } from './store';

describe('largerBudgets', () => {
  it('gives four times the events, virtual time, real time and time per callback, up to the caps', () => {
    expect(largerBudgets(DEFAULT_RUN_OPTIONS)).toEqual({
      maxEvents: 800_000, maxTime: 4 * 7 * 24 * 3600, maxRealMs: 40_000, maxCallbackMs: 2_800 });
    expect(largerBudgets({ ...DEFAULT_RUN_OPTIONS, maxCallbackMs: 12_800 })).toMatchObject({ maxCallbackMs: 30_000 });
    expect(largerBudgets({ ...DEFAULT_RUN_OPTIONS, maxEvents: 3_000_000, maxRealMs: 100_000 }))
      .toMatchObject({ maxEvents: 5_000_000, maxRealMs: 120_000 });
  });

  it('has nothing more to give once both caps are reached', () => {
    expect(largerBudgets({ ...DEFAULT_RUN_OPTIONS, maxEvents: 5_000_000, maxRealMs: 120_000 })).toBeNull();
  });
});

describe('canContinue', () => {
  const stoppedBy = (message: string) => {
    const summary: RunSummary = { status: 'limit', exitCode: 3, message, events: 40, virtualTime: 9, wallMs: 5 };
    return { ...getApp(), summary, runOptions: DEFAULT_RUN_OPTIONS, running: false, source: 'p', runSource: 'p' };
  };

  it('offers a longer run when the run stopped at one of its budgets', () => {
    expect(canContinue(stoppedBy('event limit reached: 200,000 trace events'))).toBe(true);
    expect(canContinue(stoppedBy('real-time limit reached: the run took over 10 s of real time'))).toBe(true);
  });

  it('does not when the engine stopped a program that would never end: a longer run stops there too', () => {
    expect(canContinue(stoppedBy('Thread-1 (start_loop) runs loop.run_forever() and nothing will ever stop it: '
      + 'it is not a daemon thread, so the main thread waits for it at exit and the program never ends '
      + '(a real one would hang here).'))).toBe(false);
  });
});

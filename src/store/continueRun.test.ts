import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../trace/schema';
import { largerBudgets } from './continueRun';

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

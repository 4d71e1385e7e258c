import { describe, expect, it } from 'vitest';
import { limitKind } from '../../model';
import { outcomeKey } from './outcome';

describe('limitKind', () => {
  it('names the budget from each of the engine’s halt messages', () => {
    expect(limitKind('event limit reached: 200,000 trace events')).toBe('events');
    expect(limitKind('virtual time limit reached: the next timer is at t=4000 s, past the limit of 3600 s')).toBe('virtual');
    expect(limitKind('real-time limit reached: the run took over 20 s of real time')).toBe('real');
    expect(limitKind('Task-1 ran 2003 ms without yielding to the loop (at line 5)')).toBe('callback');
    expect(limitKind('something else')).toBeNull();
  });
});

describe('outcomeKey', () => {
  it('says finished, the budget a limit ran out of, stuck for a limit that is no budget, or the status', () => {
    expect(outcomeKey('finished', '')).toBe('outcome.finished');
    expect(outcomeKey('limit', 'event limit reached: 5 trace events')).toBe('outcome.limit.events');
    expect(outcomeKey('limit', 'Thread-1 runs loop.run_forever() and nothing will ever stop it')).toBe('outcome.stuck');
    expect(outcomeKey('deadlock', 'event limit reached')).toBe('runStatus.deadlock');
  });
});

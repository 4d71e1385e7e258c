/** Which budget a run that stopped at a limit ran out of, read from the engine's message. */
export type LimitKind = 'events' | 'virtual' | 'real' | 'callback';

// The engine's halt messages for its budgets (loopscope/trace.py and world.py), in the
// order they are tried. Its other halts (a thread that would hang or spin for ever, a wait
// it cannot simulate) are not budgets: a longer run would stop at the same place.
const LIMITS: readonly [RegExp, LimitKind][] = [
  [/^event limit reached/, 'events'],
  [/^virtual time limit reached/, 'virtual'],
  [/^real-time limit reached/, 'real'],
  [/ without yielding to the loop/, 'callback'],
];

/** The budget named by `message`; null when the run stopped for another reason. */
export function limitKind(message: string): LimitKind | null {
  for (const [pattern, kind] of LIMITS) if (pattern.test(message)) return kind;
  return null;
}

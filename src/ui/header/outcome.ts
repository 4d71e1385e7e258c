import type { MessageKey } from '../../i18n';

export type LimitKind = 'events' | 'virtual' | 'real' | 'callback';

// The engine's halt messages (loopscope/trace.py and world.py), in the order they are tried.
const LIMITS: readonly [RegExp, LimitKind][] = [
  [/^event limit reached/, 'events'],
  [/^virtual time limit reached/, 'virtual'],
  [/^real-time limit reached/, 'real'],
  [/ without yielding to the loop/, 'callback'],
];

/** Which budget a run that stopped at a limit ran out of, from the engine's message. */
export function limitKind(message: string): LimitKind | null {
  for (const [pattern, kind] of LIMITS) if (pattern.test(message)) return kind;
  return null;
}

/** The few words that say how a run ended: the part of the header that must never be cut. */
export function outcomeKey(status: string, message: string): MessageKey {
  if (status === 'finished') return 'outcome.finished';
  const kind = status === 'limit' ? limitKind(message) : null;
  return kind ? `outcome.limit.${kind}` : `runStatus.${status}` as MessageKey;
}

import type { MessageKey } from '../../i18n';
import { limitKind } from '../../model';

/** The few words that say how a run ended: the part of the header that must never be cut. */
export function outcomeKey(status: string, message: string): MessageKey {
  if (status === 'finished') return 'outcome.finished';
  if (status !== 'limit') return `runStatus.${status}` as MessageKey;
  const kind = limitKind(message);
  // Stopped, but not for want of budget: a thread that would hang or spin for ever.
  return kind ? `outcome.limit.${kind}` : 'outcome.stuck';
}

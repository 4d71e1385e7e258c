/**
 * "Continue for more": a run that stopped at a budget (events, virtual time, real time)
 * runs again with larger budgets. Runs are deterministic, so the new trace starts with
 * the old one, and the cursor lands where the old run stopped.
 */
import { limitKind } from '../model';
import { CALLBACK_BUDGET_MS, type RunOptions } from '../trace/schema';
import { runProgram } from './engine';
import { getApp, setApp, type AppState } from './store';

/** Each continue multiplies the budgets by this, up to the caps below. */
const GROWTH = 4;
const MAX_EVENTS = 5_000_000;
const MAX_REAL_MS = 120_000;
const MAX_CALLBACK_MS = 30_000;

/** The budgets of the next, longer run; null when there is nothing more to give. */
export function largerBudgets(options: RunOptions): Partial<RunOptions> | null {
  const next = {
    maxEvents: Math.min(options.maxEvents * GROWTH, MAX_EVENTS),
    maxTime: options.maxTime * GROWTH,
    maxRealMs: Math.min(options.maxRealMs * GROWTH, MAX_REAL_MS),
    // A callback stopped for not yielding may just be slow work: give it more time too.
    maxCallbackMs: Math.min((options.maxCallbackMs ?? CALLBACK_BUDGET_MS) * GROWTH, MAX_CALLBACK_MS),
  };
  if (next.maxEvents === options.maxEvents && next.maxRealMs === options.maxRealMs) return null;
  return next;
}

/** Whether the last run stopped at a budget that a longer run could pass. */
export function canContinue(state: AppState = getApp()): boolean {
  const { summary, runOptions, running, source, runSource } = state;
  // Only the program that ran can go on: edited text would be a different run. A run the
  // engine stopped because it would hang for ever stops at the same place with any budget.
  return !running && summary?.status === 'limit' && limitKind(summary.message) !== null && source === runSource
    && runOptions !== null && largerBudgets(runOptions) !== null;
}

/** Runs the same program again with larger budgets, landing on the step it stopped at. */
export function continueRun(): number | null {
  const { runOptions, trace } = getApp();
  if (!canContinue() || runOptions === null) return null;
  const stoppedAt = trace.last;
  const runId = runProgram({ ...runOptions, ...largerBudgets(runOptions) });
  if (runId !== null) setApp({ pendingStep: { runId, cursor: stoppedAt } });
  return runId;
}

/** Moving through the trace: every view follows the cursor. */
import { nextBreakpoint, phrase, snapshotAt, stepTarget, type Granularity } from '../model';
import { getApp, setApp, type AppState } from './store';

/**
 * The cursor positions one may visit: the whole trace, or in embed mode the slide's
 * step range within it.
 */
export function stepBounds(traceLength: number, embed: AppState['embed']): { first: number; last: number } {
  const range = embed?.range;
  const last = Math.min(traceLength - 1, range?.last ?? Infinity);
  return { first: Math.min(range?.first ?? -1, last), last };
}

/** Puts the cursor after event `cursor` (clamped to the bounds; -1 is the start). */
export function seek(cursor: number): void {
  const { trace, cursor: current, snapshot, embed } = getApp();
  const { first, last } = stepBounds(trace.length, embed);
  const target = Math.max(first, Math.min(cursor, last));
  if (target === current) return;
  // The snapshot shown is of this trace (a new run replaces both): what a step leaves
  // alone keeps its identity, and the panels showing it do not re-render.
  setApp({ cursor: target, snapshot: snapshotAt(trace, target, snapshot), notice: null });
}

/** One step at `granularity` (the chosen one by default); returns whether the cursor moved. */
export function step(direction: 1 | -1, granularity: Granularity = getApp().granularity): boolean {
  const { trace, cursor } = getApp();
  seek(stepTarget(trace, cursor, granularity, direction));
  // The bounds of a slide may hold the cursor where it was.
  return getApp().cursor !== cursor;
}

export const stepForward = (granularity?: Granularity) => step(1, granularity);
export const stepBack = (granularity?: Granularity) => step(-1, granularity);
export const toStart = () => seek(-1);
export const toEnd = () => seek(Infinity);

/** Runs forward to the next line with a breakpoint; says so when there is none ahead. */
export function runToBreakpoint(): boolean {
  const { trace, cursor, breakpoints } = getApp();
  const hit = nextBreakpoint(trace, cursor, new Set(breakpoints));
  if (hit === null) {
    const notice = breakpoints.length === 0
      ? phrase('notice.noBreakpoints')
      : phrase('notice.noBreakpointAhead');
    setApp({ notice });
    return false;
  }
  seek(hit);
  return true;
}

export function setGranularity(granularity: Granularity): void {
  setApp({ granularity });
}

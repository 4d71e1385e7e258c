/** Moving through the trace: every view follows the cursor. */
import { nextBreakpoint, snapshotAt, stepTarget, type Granularity } from '../model';
import { getApp, setApp } from './store';

/** Puts the cursor after event `cursor` (clamped; -1 is the start). */
export function seek(cursor: number): void {
  const { trace, cursor: current, snapshot } = getApp();
  const target = Math.max(-1, Math.min(cursor, trace.last));
  if (target === current) return;
  // The snapshot shown is of this trace (a new run replaces both): what a step leaves
  // alone keeps its identity, and the panels showing it do not re-render.
  setApp({ cursor: target, snapshot: snapshotAt(trace, target, snapshot), notice: null });
}

/** One step at `granularity` (the chosen one by default); returns whether the cursor moved. */
export function step(direction: 1 | -1, granularity: Granularity = getApp().granularity): boolean {
  const { trace, cursor } = getApp();
  const target = stepTarget(trace, cursor, granularity, direction);
  seek(target);
  return target !== cursor;
}

export const stepForward = (granularity?: Granularity) => step(1, granularity);
export const stepBack = (granularity?: Granularity) => step(-1, granularity);
export const toStart = () => seek(-1);
export const toEnd = () => seek(getApp().trace.last);

/** Runs forward to the next line with a breakpoint; says so when there is none ahead. */
export function runToBreakpoint(): boolean {
  const { trace, cursor, breakpoints } = getApp();
  const hit = nextBreakpoint(trace, cursor, new Set(breakpoints));
  if (hit === null) {
    const notice = breakpoints.length === 0
      ? 'No breakpoints: click in the editor gutter to set one.'
      : 'No breakpoint is hit after this step.';
    setApp({ notice });
    return false;
  }
  seek(hit);
  return true;
}

export function setGranularity(granularity: Granularity): void {
  setApp({ granularity });
}

/**
 * Where a step lands at each granularity. A coarse step stops at event positions of one
 * kind, so stepping back and then forward returns to the same place.
 */
import { countAtOrBefore, type Trace } from './trace';

export type Granularity = 'event' | 'line' | 'callback' | 'iteration' | 'clock';

export const GRANULARITIES: readonly { id: Granularity; label: string; hint: string }[] = [
  { id: 'event', label: 'event', hint: 'every trace event' },
  { id: 'line', label: 'line', hint: 'the next source line a task executes' },
  { id: 'callback', label: 'callback', hint: 'one handle taken from the ready queue' },
  { id: 'iteration', label: 'loop iteration', hint: 'one turn of the event loop' },
  { id: 'clock', label: 'clock jump', hint: 'the next time the virtual clock jumps' },
];

const identity = (x: number) => x;

function stopsFor(trace: Trace, granularity: Exclude<Granularity, 'event'>): readonly number[] {
  // Without line events (tracing lines off) a line step falls back to callbacks.
  if (granularity === 'line' && trace.stops.line.length === 0) return trace.stops.callback;
  return trace.stops[granularity];
}

/**
 * The cursor one step from `cursor`. Forward past the last stop goes to the end of the
 * trace; backward before the first stop goes to the start (-1).
 */
export function stepTarget(trace: Trace, cursor: number, granularity: Granularity, direction: 1 | -1): number {
  const last = trace.last;
  if (granularity === 'event') return Math.max(-1, Math.min(last, cursor + direction));
  const stops = stopsFor(trace, granularity);
  const before = countAtOrBefore(stops, cursor, identity);
  if (direction === 1) return before < stops.length ? stops[before] : last;
  const previous = stops[cursor >= 0 && stops[before - 1] === cursor ? before - 2 : before - 1];
  return previous ?? -1;
}

/**
 * The next event after `cursor` that arrives on one of `lines`, or null. With line events
 * only those count, so a breakpoint fires once per execution of the line.
 */
export function nextBreakpoint(trace: Trace, cursor: number, lines: ReadonlySet<number>): number | null {
  if (lines.size === 0) return null;
  const lineEventsOnly = trace.stops.line.length > 0;
  for (let seq = Math.max(0, cursor + 1); seq < trace.length; seq++) {
    const ev = trace.events[seq];
    if (ev.line === null || !lines.has(ev.line)) continue;
    if (lineEventsOnly ? ev.kind === 'line' : trace.events[seq - 1]?.line !== ev.line) return seq;
  }
  return null;
}
